// _sre internals shared by the module's files:
//   _sre_chars.h     character classes, case mapping and charset tests (inline: the matcher's hot path)
//   _sre_engine.cpp  the backtracking matcher over re/_compiler.py's opcode list
//   _sre.cpp         the module, compile(), and the Pattern and Scanner types
//   _sre_match.cpp   the Match type
//
// The opcode numbers are facts of CPython 3.11's re/_constants.py (MAGIC 20220615): _compiler.py
// emits them as plain ints, so they must agree exactly.
#pragma once
#include <cstdint>
#include <initializer_list>

#include "runtime/object.h"

namespace gilpy {
struct Str;
struct Dict;
struct Tuple;
}  // namespace gilpy

namespace gilpy::sre {

using Code = uint32_t;                  // one word of compiled code (CODESIZE 4)
constexpr Code kMaxRepeat = 0xFFFFFFFFu;  // MAXREPEAT: "no upper bound" in repeat operators
constexpr int64_t kMaxGroups = 0x3FFFFFFF;  // MAXGROUPS, as CPython 3.11 on 64-bit platforms
constexpr int64_t kMagic = 20220615;

// re/_constants.py OPCODES, in order.
enum Op : Code {
  FAILURE, SUCCESS, ANY, ANY_ALL, ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CHARSET, BIGCHARSET,
  GROUPREF, GROUPREF_EXISTS, IN, INFO, JUMP, LITERAL, MARK, MAX_UNTIL, MIN_UNTIL, NOT_LITERAL,
  NEGATE, RANGE, REPEAT, REPEAT_ONE, SUBPATTERN, MIN_REPEAT_ONE, ATOMIC_GROUP, POSSESSIVE_REPEAT,
  POSSESSIVE_REPEAT_ONE, GROUPREF_IGNORE, IN_IGNORE, LITERAL_IGNORE, NOT_LITERAL_IGNORE,
  GROUPREF_LOC_IGNORE, IN_LOC_IGNORE, LITERAL_LOC_IGNORE, NOT_LITERAL_LOC_IGNORE,
  GROUPREF_UNI_IGNORE, IN_UNI_IGNORE, LITERAL_UNI_IGNORE, NOT_LITERAL_UNI_IGNORE, RANGE_UNI_IGNORE,
  OP_COUNT
};

// ATCODES.
enum AtCode : Code {
  AT_BEGINNING, AT_BEGINNING_LINE, AT_BEGINNING_STRING, AT_BOUNDARY, AT_NON_BOUNDARY, AT_END,
  AT_END_LINE, AT_END_STRING, AT_LOC_BOUNDARY, AT_LOC_NON_BOUNDARY, AT_UNI_BOUNDARY,
  AT_UNI_NON_BOUNDARY, AT_COUNT
};

// CHCODES.
enum ChCode : Code {
  CAT_DIGIT, CAT_NOT_DIGIT, CAT_SPACE, CAT_NOT_SPACE, CAT_WORD, CAT_NOT_WORD, CAT_LINEBREAK,
  CAT_NOT_LINEBREAK, CAT_LOC_WORD, CAT_LOC_NOT_WORD, CAT_UNI_DIGIT, CAT_UNI_NOT_DIGIT,
  CAT_UNI_SPACE, CAT_UNI_NOT_SPACE, CAT_UNI_WORD, CAT_UNI_NOT_WORD, CAT_UNI_LINEBREAK,
  CAT_UNI_NOT_LINEBREAK, CAT_COUNT
};

// Pattern flags (SRE_FLAG_*) and INFO block flags (SRE_INFO_*).
enum : int64_t {
  FLAG_TEMPLATE = 1, FLAG_IGNORECASE = 2, FLAG_LOCALE = 4, FLAG_MULTILINE = 8, FLAG_DOTALL = 16,
  FLAG_UNICODE = 32, FLAG_VERBOSE = 64, FLAG_DEBUG = 128, FLAG_ASCII = 256
};
enum : Code { INFO_PREFIX = 1, INFO_LITERAL = 2, INFO_CHARSET = 4 };

// The subject of a match, prepared once per call. Exactly one of `narrow` / `wide` is set
// (both null only when length == 0 is possible too: then narrow points at a static empty
// buffer). Positions are indices into it: code points for str, bytes for bytes-like objects.
// `narrow` is used for bytes and for ASCII-only str (one byte per code point); `wide` holds the
// decoded code points of a non-ASCII str. Both point into collector memory (or into `obj`
// itself for exact bytes and ASCII str, which are immutable), so a Match or Scanner that
// stores a Text keeps its buffer alive.
struct Text {
  Value obj;               // the subject as passed by the caller
  const uint8_t* narrow;
  const uint32_t* wide;
  int64_t length;
  bool is_bytes;           // bytes-like subject (results are bytes), else str
};

// A compiled pattern (re.Pattern). `code` is collector atomic memory of `ncode + 1` words; the
// extra word is a FAILURE sentinel so that no validated jump can run off the end.
struct Pattern : Object {
  Value pattern;      // the source str/bytes, or None (re.Scanner builds patterns from parse trees)
  Value groupindex;   // dict name -> group number (a private copy)
  Value indexgroup;   // tuple group number -> name or None
  Code* code;
  int64_t ncode;
  int64_t flags;
  int64_t groups;     // number of capturing groups (group 0 not counted)
  int isbytes;        // 1 bytes pattern, 0 str pattern, -1 either (pattern is None)
  // Derived at compile time (prepare_code): for each charset test (IN* ops, INFO's charset),
  // a 256-bit map of which characters < 256 it accepts, case handling included. aux[pc] is
  // the word offset of the map in `bitmaps` for the op at pc. Both are atomic memory.
  uint32_t* aux;
  uint32_t* bitmaps;
};

// A successful match (re.Match). `marks[2*g]`, `marks[2*g+1]` span group g (0 = whole match),
// both -1 when the group did not participate.
struct Match : Object {
  Pattern* pattern;
  Text text;
  int64_t pos, endpos;  // the (clamped) search bounds
  int64_t lastindex;    // -1 when no group closed
  int64_t ngroups;      // groups + 1
  int64_t* marks;       // atomic memory, 2 * ngroups entries
};

extern Type* tp_Pattern;
extern Type* tp_Match;
extern Type* tp_Scanner;

// ---- the matcher (_sre_engine.cpp) -----------------------------------------------------------
// One match or search over `text` in [start, end]. On success `marks` (2 * (groups + 1)
// entries) holds the spans, marks[0..1] being the whole match.
struct Scratch;  // the matcher's reusable stacks (_sre_engine.cpp)
Scratch* scratch_acquire();
void scratch_release(Scratch* s);
// Holds one Scratch for a loop of searches (findall, split, sub).
struct ScratchGuard {
  Scratch* s;
  ScratchGuard() : s(scratch_acquire()) {}
  ~ScratchGuard() { scratch_release(s); }
  ScratchGuard(const ScratchGuard&) = delete;
  ScratchGuard& operator=(const ScratchGuard&) = delete;
};

struct SearchState {
  const Pattern* pattern;
  const Text* text;
  int64_t start;       // where the match must begin (match) or the search begins (search)
  int64_t end;         // endpos (clamped)
  bool match_all;      // fullmatch: the match must end at `end`
  bool must_advance;   // an empty match at `start` is not acceptable (after an empty match)
  int64_t* marks;      // output, caller-provided, 2 * (groups + 1)
  int64_t lastindex;   // output
  Scratch* scratch = nullptr;  // stacks to use; null: the call takes its own
};
// 1 found, 0 not found, -1 error (exception pending: MemoryError, RecursionError,
// KeyboardInterrupt from a signal handler, RuntimeError for corrupt code).
int sre_match(SearchState& st);
int sre_search(SearchState& st);

// Validates p->code (structure, operands, jump targets: what _sre.compile checks before
// accepting code) and builds p->aux / p->bitmaps. False: the code is invalid.
bool prepare_code(Pattern* p);

// ---- Match objects (_sre_match.cpp) -----------------------------------------------------------
Match* match_new(Pattern* p, const Text& text, int64_t pos, int64_t endpos, const SearchState& st);
// text[a:b] as a str or bytes object (exact type; bytes for every bytes-like subject).
Value text_slice(const Text& t, int64_t a, int64_t b);
// Group g of match m, or `dflt` when it did not participate.
Value match_group_value(Match* m, int64_t g, Value dflt);

// parse_args with the wording of CPython's argument clinic for an unknown keyword
// ("'x' is an invalid keyword argument for f()").
Status clinic_args(const char* fname, Value* args, int64_t nargs, Tuple* kwnames,
                   std::initializer_list<const char*> names, int required, Value* out);

// Imports `re` and returns re.<name> (the Python-level hooks _subx and _expand).
Result<Value> re_module_attr(const char* name);

}  // namespace gilpy::sre
