// The tokenizer: decodes source bytes (BOM, PEP 263 cookie) and splits them
// into tokens following Python 3.11's lexical rules. Tokenization is eager:
// the whole stream is produced up front; if it fails, the stream ends with a
// TokKind::Error token and error() describes the failure (the parser reports
// it when it reaches that token, mimicking CPython's pull-based tokenizer).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizer/token.h"

namespace gilpy::tokenizer {

// A tokenizer-detected error. offset/end_offset follow SyntaxError.offset
// conventions (1-based) but count UTF-8 bytes; values <= 0 are CPython's
// "no column" markers and are passed through unchanged.
struct TokError {
  std::string type = "SyntaxError";  // or IndentationError, TabError
  std::string msg;
  int lineno = 0, offset = 0, end_lineno = 0, end_offset = 0;
  // True for "'(' was never closed" at EOF: CPython only reports it when the
  // parser actually runs into the end of input, never in its look-ahead scan.
  bool unclosed_at_eof = false;
  // The line the tokenizer had reached, when past `lineno`: CPython then shows
  // the error's line without its newline.
  int reached_line = 0;
  // CPython's tokenizer reports some errors only as a status code (a bad
  // line continuation, indentation errors): they surface when the parser
  // reaches them, but do not replace a syntax error the parser found first
  // (the others do, after CPython re-tokenizes the rest of the source).
  bool deferred = false;
  // An error of the source's decoding stage when running a script file:
  // CPython raises it with its message only (no file, line or text).
  bool bare = false;
};

// A byte sequence that is not UTF-8, in source that declares no encoding and
// came as bytes (compile(), exec(), import): CPython reports it only where
// the tokenizer or the parser decodes it (an identifier, a string literal),
// not in comments. The tokenizer's text holds U+FFFD in its place.
struct BadBytes {
  uint32_t pos;       // offset of the U+FFFD (3 bytes) in source()
  std::string bytes;  // the original bytes it stands for (a maximal invalid subpart)
  int next;           // the original byte after them, or -1 at the end of the source
  // CPython's "(unicode error) 'utf-8' codec can't decode ..." message, for
  // a literal or identifier whose text starts `position` bytes before this
  // sequence and ends right after it when `data_ends` (that decides between
  // "unexpected end of data" and "invalid continuation byte").
  std::string message(int64_t position, bool data_ends) const;
};

struct Options {
  // Emit COMMENT and NL tokens, and place NEWLINE/DEDENT the way the pure
  // Python `tokenize` module does (used by dump_tokens).
  bool comments_and_nl = false;
  // Translate \r\n and lone \r to \n before tokenizing (the C tokenizer does;
  // the tokenize module keeps "\r\n" in token text).
  bool translate_newlines = true;
  // The source came from a str (compile()/exec()/eval() of text): it is UTF-8
  // already and a coding cookie in it is ignored, as in CPython.
  bool source_is_utf8 = false;
  // Not empty: the source is the script file at this path, run by the command
  // line. Invalid UTF-8 without a coding declaration is then an error before
  // tokenizing ("Non-UTF-8 code starting with ... in file PATH on line N"),
  // as CPython's file tokenizer reports it; source given as bytes to
  // compile() or imported is only checked where it is decoded (BadBytes).
  std::string_view script_path;
  // PEP 484 type comments (compile()'s PyCF_TYPE_COMMENTS, ast.parse(...,
  // type_comments=True)): a `# type: X` comment is a TypeComment token whose
  // text is X (on a line of its own it is followed by NEWLINE), and
  // `# type: ignore...` is collected into type_ignores() instead.
  bool type_comments = false;
  // ast.parse(..., feature_version=(3, N)) with N < 7 (CPython's async_hacks):
  // `async` and `await` are keywords only inside an `async def` (and `async`
  // right before `def`); elsewhere they are names, as in Python 3.5 and 3.6.
  bool async_hacks = false;
};

struct TypeIgnore {
  int lineno;
  std::string tag;  // what follows "ignore" in the comment
};

// Decodes source bytes whose coding cookie names a codec the tokenizer does
// not implement itself (anything but UTF-8 and Latin-1) to UTF-8, or returns
// false with CPython's message in *error ("unknown encoding: X", the codec's
// UnicodeDecodeError text, "'X' is not a text encoding; ..."). Installed by
// the compiler (Python's codec registry); null in the tokenizer's unit tests.
using SourceDecoder = bool (*)(const std::string& encoding, std::string_view raw, std::string* utf8,
                               std::string* error);
extern SourceDecoder g_source_decoder;

// Maximum bracket nesting (CPython's MAXLEVEL) and indentation depth (CPython's
// MAXINDENT: at most 99 levels).
inline constexpr int kMaxParenDepth = 200;
inline constexpr int kMaxIndentDepth = 100;

class Tokenizer {
 public:
  Tokenizer(std::string_view raw_source, Options opts = {});

  const std::string& source() const { return src_; }
  const std::vector<Token>& tokens() const { return toks_; }
  const std::optional<TokError>& error() const { return err_; }
  // The first invalid UTF-8 sequence in source()[b, e), or null.
  const BadBytes* bad_bytes_in(uint32_t b, uint32_t e) const;
  // SyntaxWarnings found while tokenizing ("invalid decimal literal" before
  // a keyword, as in `1if x else y`), in source order.
  const std::vector<TokError>& warnings() const { return warnings_; }
  const std::vector<TypeIgnore>& type_ignores() const { return type_ignores_; }
  // Normalised name of the declared source encoding ("utf-8" by default).
  const std::string& encoding() const { return encoding_; }
  std::string_view text(const Token& t) const {
    return std::string_view(src_).substr(t.start, t.end - t.start);
  }
  // Text of line `lineno` (1-based) including its newline, or "" if out of range.
  std::string_view line(int lineno) const;
  int line_count() const { return static_cast<int>(line_starts_.size()); }
  // Number of code points in the first `byte_col` bytes of line `lineno`.
  int char_col(int lineno, int byte_col) const;

 private:
  void run();
  void apply_async_hacks();  // Options::async_hacks
  bool decode(std::string_view raw);
  bool finish_decode(std::string decoded);
  bool at_line_start();
  // The comment from b to pos_ under Options::type_comments: pushes a
  // TypeComment token (true) or records a type ignore (false).
  bool type_comment(uint32_t b);
  bool lex_name_or_string();
  bool lex_number();
  bool lex_string(uint32_t tok_start, int tok_line, int tok_col);
  bool lex_operator();
  bool check_number_end(const char* what);
  bool read_digits(bool (*is_digit)(char), const char* what);
  void push(TokKind k, uint32_t start, uint32_t end, int line, int col, int eline, int ecol,
            Op op = Op::None);
  bool fail(const char* type, std::string msg, int line, int offset, int eline, int eoffset);
  bool fail_deferred(const char* type, std::string msg, int line, int offset, int eline, int eoffset);
  // Syntax error on the current line with offset = 1-based byte column `offset`.
  bool fail_at(std::string msg, int offset, int end_offset = -3);
  void finish_eof();
  void eof_after_continuation();
  // Length of the newline sequence at p (0 if none).
  int newline_len(uint32_t p) const;
  void start_new_line(uint32_t next_line_start);
  int col_of(uint32_t off) const { return static_cast<int>(off - cur_line_start_); }

  void mark_invalid_utf8();
  std::string script_decoding_error(const std::string& enc, std::string codec_message) const;

  Options opts_;
  std::string src_;
  std::vector<BadBytes> bad_;  // sorted by pos
  std::string encoding_ = "utf-8";
  std::vector<Token> toks_;
  std::optional<TokError> err_;
  std::vector<TokError> warnings_;
  std::vector<TypeIgnore> type_ignores_;
  std::vector<uint32_t> line_starts_;

  // Scanning state.
  uint32_t pos_ = 0;
  uint32_t cur_line_start_ = 0;
  int lineno_ = 1;
  bool at_bol_ = true;
  bool line_has_tokens_ = false;  // a non-NL token was emitted on this logical line
  std::vector<int> indents_{0}, alt_indents_{0};
  struct Bracket { char ch; int lineno, col; };
  std::vector<Bracket> brackets_;
};

// Identifier character classes (PEP 3131: XID_Start / XID_Continue).
bool is_identifier_start(uint32_t cp);
bool is_identifier_continue(uint32_t cp);

// Python's repr() of a str given as UTF-8 (WTF-8 surrogates allowed), e.g.
// 'it\'s' -> "it's". Shared with the AST dumper.
std::string py_repr(std::string_view utf8_text);
// Python's str.isprintable() for one code point.
bool is_printable(uint32_t cp);

// `python3.11 -m tokenize -e FILE` output for `source`. On a tokenize error
// the tokens produced so far are returned and *error (if non-null) receives a
// one-line description.
std::string dump_tokens(std::string_view source, std::string_view filename,
                        std::string* error);

}  // namespace gilpy::tokenizer
