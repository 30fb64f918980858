// The _sre matcher: a backtracking interpreter over the opcode list re/_compiler.py emits.
//
// Design. The matcher never recurses on the subject: all backtracking state lives in three
// explicit stacks (plain std::vectors: they hold integers only, never Values), in the style of
// a Prolog machine:
//   choices_  choice points. Each records where to resume (kind, pc, pos, a counter) and the
//             trail height at the time it was pushed.
//   trail_    undo records for the mutable match state (group marks + lastindex, repeat
//             counters, the current-repeat pointer). Backtracking to a choice point undoes the
//             trail down to the recorded height, so every path sees exactly the state it would
//             have had if the failed paths had never run.
//   reps_     the contexts of active REPEAT ... MAX_UNTIL/MIN_UNTIL loops (count, position of the
//             last iteration for the zero-width check, enclosing repeat).
// A C++ call (run()) is made only for sub-matches whose backtracking must be cut off once they
// succeed: lookahead/lookbehind assertions, atomic groups and possessive repeats. Their depth
// is bounded by the nesting of the pattern, not by the subject; a limit turns absurd nesting
// into RecursionError. Exhausting memory raises MemoryError.
//
// Semantics follow CPython 3.11's documented regex behaviour (and its observable quirks, e.g.
// possessive repeats match each iteration atomically; an iteration of a repeat that matched the
// empty string ends the repetition; fullmatch and "must advance after an empty match" are
// checked only at the top-level SUCCESS).
//
// Positions are indices into the prepared subject (Text): bytes, or code points of a str.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

#include "modules/_sre_chars.h"
#include "modules/_sre_internal.h"
#include "runtime/errors.h"
#include "gc/heap.h"
#include "runtime/eval_breaker.h"

namespace gilpy::sre {

namespace {

constexpr int kMaxRunDepth = 2000;           // nested assertion/atomic sub-matches
constexpr uint32_t kTicksBetweenChecks = 1u << 14;  // backtracks between eval-breaker polls

enum ChoiceKind : uint32_t {
  CH_BARRIER,          // bottom of a run(): backtracking into it means the sub-match failed
  CH_BRANCH,           // pc = skip word of the next alternative to try
  CH_REPEAT_ONE,       // pc = REPEAT_ONE op; pos = where the repetition began; n = count in use
  CH_MIN_REPEAT_ONE,   // pc = MIN_REPEAT_ONE op; pos = current position; n = count in use
  CH_MAX_UNTIL_TAIL,   // pc = the op after MAX_UNTIL: leave the loop and match the tail
  CH_MIN_UNTIL_MORE,   // pos = where to try one more iteration of the current repeat
};

struct Choice {
  uint32_t kind;
  uint32_t pc;
  int64_t pos;
  int64_t n;
  size_t trail;  // trail height when pushed
};

enum TrailKind : uint32_t { TR_MARK, TR_REP, TR_CUR_REP };
struct TrailEntry {
  uint32_t kind;
  int32_t idx;   // mark index / repeat index / previous current repeat
  int64_t a;     // old mark / old count / old size of reps_
  int64_t b;     // old lastindex / old last_pos
};

// A stack of trivially copyable records in malloc memory, with an inlined push (the matcher
// pushes a choice point per attempt and per alternative; std::vector's emplace_back was not
// inlined and dominated profiles). Grows by doubling; throws std::bad_alloc when out of memory
// (the matcher's entry catches it and raises MemoryError).
template <class T>
class PodStack {
 public:
  PodStack() = default;
  PodStack(const PodStack&) = delete;
  PodStack& operator=(const PodStack&) = delete;
  ~PodStack() { std::free(data_); }
  __attribute__((always_inline)) void push_back(const T& v) {
    if (__builtin_expect(size_ == cap_, 0)) grow();
    data_[size_++] = v;
  }
  void pop_back() { size_--; }
  T& back() { return data_[size_ - 1]; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  size_t size() const { return size_; }
  size_t capacity() const { return cap_; }
  void clear() { size_ = 0; }
  void resize(size_t n) {  // only ever shrinks (cuts and undo)
    if (n < size_) size_ = n;
  }

 private:
  __attribute__((noinline)) void grow() {
    size_t ncap = cap_ ? cap_ * 2 : 64;
    void* p = std::realloc(data_, ncap * sizeof(T));
    if (!p) throw std::bad_alloc();
    data_ = static_cast<T*>(p);
    cap_ = ncap;
  }
  T* data_ = nullptr;
  size_t size_ = 0;
  size_t cap_ = 0;
};

struct Rep {
  int64_t count;     // iterations completed (-1 before the first MAX_UNTIL/MIN_UNTIL visit)
  int64_t last_pos;  // position where the latest optional iteration started (-1: none)
  uint32_t pc;       // the REPEAT op: min at pc+2, max at pc+3, body at pc+4
  int32_t prev;      // enclosing repeat, -1 if none
};

}  // namespace

// The matcher's stacks, kept between calls so that a loop of searches (or many small
// match() calls) does not allocate. They hold integers only (no Values), so plain malloc
// memory and a thread_local cache are fine.
struct Scratch {
  PodStack<Choice> choices;
  PodStack<TrailEntry> trail;
  PodStack<Rep> reps;
  std::vector<int64_t> marks;
};

static thread_local Scratch* tl_spare;

Scratch* scratch_acquire() {
  if (Scratch* s = tl_spare) {
    tl_spare = nullptr;
    return s;
  }
  return new Scratch();
}
void scratch_release(Scratch* s) {
  // Keep one spare, unless a huge match left it holding a lot of memory.
  constexpr size_t kKeep = 1 << 16;
  if (!tl_spare && s->choices.capacity() <= kKeep && s->trail.capacity() <= kKeep && s->reps.capacity() <= kKeep) {
    tl_spare = s;
    return;
  }
  delete s;
}

namespace {

template <class CharT>
class Engine {
 public:
  Engine(const Pattern* p, const CharT* s, SearchState& st, Scratch& sc)
      : code_(p->code), aux_(p->aux), bitmaps_(p->bitmaps), s_(s), end_(st.end), nmarks_(size_t(p->groups) * 2),
        st_(st), marks_(sc.marks), choices_(sc.choices), trail_(sc.trail), reps_(sc.reps) {
    marks_.assign(nmarks_, -1);
  }

  int match() {
    int r = attempt(st_.start);
    if (r == 1) finish();
    return r;
  }

  int search() {
    int64_t pos = st_.start;
    if (pos > end_) return 0;
    const Code* c = code_;
    int64_t minw = 0;
    Code iflags = 0;
    const Code* prefix = nullptr;
    int64_t plen = 0;
    const Code* cset = nullptr;
    const uint32_t* cmap = nullptr;
    if (c[0] == INFO) {
      iflags = c[2];
      minw = c[3];
      if (iflags & INFO_PREFIX) {
        plen = c[5];
        prefix = c + 7;
      } else if (iflags & INFO_CHARSET) {
        cset = c + 5;
        cmap = bitmaps_ + aux_[0];
      }
    }
    // Without a prefix or charset in INFO, a leading unit (possibly repeated at least once)
    // still tells which characters a match can start with.
    int64_t first = (prefix || cset) ? -1 : first_unit();
    const int64_t origin = pos;
    const bool must_advance = st_.must_advance;
    for (;;) {
      if (end_ - pos < minw) return 0;
      if (first >= 0) {
        uint32_t f = uint32_t(first);
        while (pos < end_ && !unit_matches(f, s_[pos])) pos++;
        if (pos >= end_) return 0;
      } else if (prefix) {
        pos = find_prefix(prefix, plen, pos);
        if (pos < 0) return 0;
      } else if (cset) {
        // The first character must be in the set: skip to the next candidate.
        for (; pos < end_; pos++) {
          uint32_t ch = s_[pos];
          if (ch < 256 ? (cmap[ch >> 5] >> (ch & 31)) & 1 : in_charset(cset, ch)) break;
        }
        if (pos >= end_) return 0;
      }
      st_.must_advance = must_advance && pos == origin;  // only the starting position is constrained
      int r = attempt(pos);
      if (r != 0) {
        if (r == 1) finish();
        return r;
      }
      if (pos >= end_) return 0;
      pos++;
      if (--ticks_ == 0 && !poll()) return -1;
    }
  }

 private:
  const Code* code_;
  const uint32_t* aux_;
  const uint32_t* bitmaps_;
  const CharT* s_;
  int64_t end_;
  int64_t start_ = 0;  // where the current attempt began
  size_t nmarks_;
  SearchState& st_;
  std::vector<int64_t>& marks_;
  int64_t lastindex_ = -1;
  int64_t match_end_ = 0;
  PodStack<Choice>& choices_;
  PodStack<TrailEntry>& trail_;
  PodStack<Rep>& reps_;
  int32_t cur_rep_ = -1;
  int depth_ = 0;
  uint32_t ticks_ = kTicksBetweenChecks;

  // The pc of a unit that must match the first character of any match, or -1.
  int64_t first_unit() const {
    const Code* c = code_;
    uint32_t pc = c[0] == INFO ? 1 + c[1] : 0;
    while (c[pc] == MARK) pc += 2;
    switch (c[pc]) {
      case LITERAL: case NOT_LITERAL: case LITERAL_IGNORE: case NOT_LITERAL_IGNORE:
      case LITERAL_UNI_IGNORE: case NOT_LITERAL_UNI_IGNORE: case LITERAL_LOC_IGNORE:
      case NOT_LITERAL_LOC_IGNORE: case IN: case IN_IGNORE: case IN_UNI_IGNORE: case IN_LOC_IGNORE:
      case CATEGORY: case ANY:
        return pc;
      case REPEAT_ONE: case MIN_REPEAT_ONE: case POSSESSIVE_REPEAT_ONE:
        return c[pc + 2] >= 1 ? int64_t(pc) + 4 : -1;
      default:
        return -1;
    }
  }

  // First position >= pos where the literal prefix occurs (within end_), or -1.
  int64_t find_prefix(const Code* prefix, int64_t plen, int64_t pos) {
    Code first = prefix[0];
    if (sizeof(CharT) == 1 && first > 255) return -1;
    int64_t last = end_ - plen;  // latest possible start
    while (pos <= last) {
      if constexpr (sizeof(CharT) == 1) {
        const void* hit = memchr(s_ + pos, int(first), size_t(last - pos + 1));
        if (!hit) return -1;
        pos = static_cast<const CharT*>(hit) - s_;
      } else {
        while (pos <= last && s_[pos] != first) pos++;
        if (pos > last) return -1;
      }
      int64_t i = 1;
      while (i < plen && s_[pos + i] == prefix[i]) i++;
      if (i == plen) return pos;
      pos++;
    }
    return -1;
  }

  // One anchored attempt at pos with fresh state.
  int attempt(int64_t pos) {
    std::fill(marks_.begin(), marks_.end(), -1);
    lastindex_ = -1;
    choices_.clear();
    trail_.clear();
    reps_.clear();
    cur_rep_ = -1;
    start_ = pos;
    try {
      return run(0, pos, &match_end_, true);
    } catch (const std::bad_alloc&) {
      raise_memory_error();
      return -1;
    }
  }

  void finish() {
    st_.marks[0] = start_;
    st_.marks[1] = match_end_;
    for (size_t i = 0; i < nmarks_; i += 2) {
      int64_t a = marks_[i], b = marks_[i + 1];
      if (a < 0 || b < 0) a = b = -1;
      st_.marks[i + 2] = a;
      st_.marks[i + 3] = b;
    }
    st_.lastindex = lastindex_;
  }

  // Give signal handlers (KeyboardInterrupt) a chance during long matches.
  bool poll() {
    ticks_ = kTicksBetweenChecks;
    if (eval_breaker_set() && handle_eval_breaker().is_err()) return false;
    return true;
  }

  __attribute__((always_inline)) void push_choice(uint32_t kind, uint32_t pc, int64_t pos, int64_t n = 0) {
    choices_.push_back(Choice{kind, pc, pos, n, trail_.size()});
  }

  void set_mark(Code i, int64_t pos) {
    trail_.push_back(TrailEntry{TR_MARK, int32_t(i), marks_[i], lastindex_});
    if (i & 1) lastindex_ = int64_t(i / 2) + 1;
    marks_[i] = pos;
  }
  void set_rep(int32_t r, int64_t count, int64_t last_pos) {
    Rep& rp = reps_[size_t(r)];
    trail_.push_back(TrailEntry{TR_REP, r, rp.count, rp.last_pos});
    rp.count = count;
    rp.last_pos = last_pos;
  }
  void set_cur_rep(int32_t r) {
    trail_.push_back(TrailEntry{TR_CUR_REP, cur_rep_, int64_t(reps_.size()), 0});
    cur_rep_ = r;
  }
  void undo_trail(size_t height) {
    while (trail_.size() > height) {
      const TrailEntry& t = trail_.back();
      switch (t.kind) {
        case TR_MARK:
          marks_[size_t(t.idx)] = t.a;
          lastindex_ = t.b;
          break;
        case TR_REP:
          reps_[size_t(t.idx)].count = t.a;
          reps_[size_t(t.idx)].last_pos = t.b;
          break;
        case TR_CUR_REP:
          cur_rep_ = t.idx;
          reps_.resize(size_t(t.a));  // contexts created after this point are unreachable now
          break;
      }
      trail_.pop_back();
    }
  }

  // Single-character test for the "unit" operators (the bodies of REPEAT_ONE and friends,
  // and the same operators in sequence). pc points at the operator.
  __attribute__((always_inline)) bool unit_matches(uint32_t pc, uint32_t ch) const {
    const Code* c = code_ + pc;
    switch (c[0]) {
      case IN:
      case IN_IGNORE:
      case IN_UNI_IGNORE:
      case IN_LOC_IGNORE:
        if (ch < 256) return in_map(pc, ch);
        break;
      default:
        break;
    }
    return unit_matches_slow(pc, ch);
  }
  // Characters < 256 against the precomputed map of the IN op at pc.
  bool in_map(uint32_t pc, uint32_t ch) const {
    const uint32_t* bm = bitmaps_ + aux_[pc];
    return (bm[ch >> 5] >> (ch & 31)) & 1;
  }
  bool unit_matches_slow(uint32_t pc, uint32_t ch) const {
    const Code* c = code_ + pc;
    switch (c[0]) {
      case ANY: return ch != '\n';
      case ANY_ALL: return true;
      case LITERAL: return ch == c[1];
      case NOT_LITERAL: return ch != c[1];
      case LITERAL_IGNORE: return ascii_lower(ch) == c[1];
      case NOT_LITERAL_IGNORE: return ascii_lower(ch) != c[1];
      case LITERAL_UNI_IGNORE: return uni_lower(ch) == c[1];
      case NOT_LITERAL_UNI_IGNORE: return uni_lower(ch) != c[1];
      case LITERAL_LOC_IGNORE: return char_loc_ignore(c[1], ch);
      case NOT_LITERAL_LOC_IGNORE: return !char_loc_ignore(c[1], ch);
      case CATEGORY: return in_category(c[1], ch);
      case IN: return in_charset(c + 2, ch);
      case IN_IGNORE: return in_charset(c + 2, ascii_lower(ch));
      case IN_UNI_IGNORE: return in_charset(c + 2, uni_lower(ch));
      case IN_LOC_IGNORE: return in_charset_loc_ignore(c + 2, ch);
      default: return false;
    }
  }

  // How many consecutive characters from pos (at most `limit`) match the unit at pc.
  int64_t count_units(uint32_t pc, int64_t pos, int64_t limit) const {
    int64_t avail = end_ - pos;
    if (avail < 0) avail = 0;
    if (limit > avail) limit = avail;
    const CharT* p = s_ + pos;
    const Code* c = code_ + pc;
    int64_t i = 0;
    switch (c[0]) {
      case ANY_ALL:
        return limit;
      case ANY:
        if constexpr (sizeof(CharT) == 1) {
          const void* nl = memchr(p, '\n', size_t(limit));
          return nl ? static_cast<const CharT*>(nl) - p : limit;
        } else {
          while (i < limit && p[i] != '\n') i++;
          return i;
        }
      case LITERAL: {
        Code ch = c[1];
        while (i < limit && p[i] == ch) i++;
        return i;
      }
      case NOT_LITERAL: {
        Code ch = c[1];
        while (i < limit && p[i] != ch) i++;
        return i;
      }
      case IN:
      case IN_IGNORE:
      case IN_UNI_IGNORE:
      case IN_LOC_IGNORE: {
        const uint32_t* bm = bitmaps_ + aux_[pc];
        if constexpr (sizeof(CharT) == 1) {
          while (i < limit && ((bm[p[i] >> 5] >> (p[i] & 31)) & 1)) i++;
        } else {
          for (; i < limit; i++) {
            uint32_t ch = p[i];
            if (!(ch < 256 ? (bm[ch >> 5] >> (ch & 31)) & 1 : unit_matches_slow(pc, ch))) break;
          }
        }
        return i;
      }
      default:
        while (i < limit && unit_matches(pc, p[i])) i++;
        return i;
    }
  }

  bool at(Code kind, int64_t pos) const {
    switch (kind) {
      case AT_BEGINNING:
      case AT_BEGINNING_STRING:
        return pos == 0;
      case AT_BEGINNING_LINE:
        return pos == 0 || s_[pos - 1] == '\n';
      case AT_END:
        return pos == end_ || (pos + 1 == end_ && s_[pos] == '\n');
      case AT_END_LINE:
        return pos == end_ || (pos < end_ && s_[pos] == '\n');
      case AT_END_STRING:
        return pos == end_;
      case AT_BOUNDARY:
      case AT_NON_BOUNDARY:
      case AT_LOC_BOUNDARY:
      case AT_LOC_NON_BOUNDARY:
      case AT_UNI_BOUNDARY:
      case AT_UNI_NON_BOUNDARY: {
        if (end_ == 0) return false;  // no boundary in an empty subject
        bool (*word)(uint32_t) = kind <= AT_NON_BOUNDARY ? ascii_is_word
                                 : kind <= AT_LOC_NON_BOUNDARY ? loc_is_word
                                                               : uni_is_word;
        bool before = pos > 0 && word(s_[pos - 1]);
        bool here = pos < end_ && word(s_[pos]);
        bool boundary = before != here;
        return (kind == AT_BOUNDARY || kind == AT_LOC_BOUNDARY || kind == AT_UNI_BOUNDARY) ? boundary : !boundary;
      }
      default:
        return false;
    }
  }

  // Skip word p of a BRANCH: the first alternative from p that could match at pos (an
  // alternative starting with a literal is skipped when the next character differs), or 0
  // when none is left. Alternatives end with a zero skip word.
  __attribute__((always_inline)) uint32_t viable_alt(uint32_t p, int64_t pos) const {
    const Code* c = code_;
    for (; c[p]; p += c[p]) {
      switch (c[p + 1]) {
        case LITERAL:
          if (pos < end_ && s_[pos] == c[p + 2]) return p;
          break;
        case IN: case IN_IGNORE: case IN_UNI_IGNORE: case IN_LOC_IGNORE:
        case LITERAL_IGNORE: case LITERAL_UNI_IGNORE: case NOT_LITERAL: case ANY:
          if (pos < end_ && unit_matches(p + 1, s_[pos])) return p;
          break;
        default:
          return p;
      }
    }
    return 0;
  }

  // REPEAT_ONE backtracking: the largest usable count <= n (and >= min). When the tail starts
  // with a literal, counts after which that literal cannot follow are skipped. -1 if none.
  int64_t repeat_one_count(uint32_t op, int64_t start, int64_t n) const {
    const Code* c = code_;
    int64_t mn = c[op + 2];
    uint32_t tail = op + 1 + c[op + 1];
    if (c[tail] == LITERAL) {
      Code ch = c[tail + 1];
      while (n >= mn && (start + n >= end_ || s_[start + n] != ch)) n--;
    }
    return n >= mn ? n : -1;
  }

  // Whether the group referenced at pc+1 participated; its span in *a, *b.
  bool group_span(uint32_t pc, int64_t* a, int64_t* b) const {
    size_t g = size_t(code_[pc + 1]) * 2;
    *a = marks_[g];
    *b = marks_[g + 1];
    return *a >= 0 && *b >= 0 && *a <= *b;
  }

  // The engine. Matches code from pc at pos until a SUCCESS of this level; on success *out is
  // the end position and the choice points pushed meanwhile are left on the stack (the caller
  // keeps them for backtracking, or cuts them). Returns 1, 0 (no match: the stacks are back to
  // their state at entry, trail undone), or -1 (exception pending).
  int run(uint32_t pc, int64_t pos, int64_t* out, bool toplevel) {
    if (depth_ >= kMaxRunDepth) {
      raise(tp_RecursionError, "maximum recursion depth exceeded");
      return -1;
    }
    depth_++;
    push_choice(CH_BARRIER, 0, pos);
    const Code* c = code_;
    for (;;) {
      switch (c[pc]) {
        case FAILURE:
          goto fail;

        case SUCCESS:
          if (toplevel && ((st_.match_all && pos != end_) || (st_.must_advance && pos == start_))) goto fail;
          *out = pos;
          depth_--;
          return 1;

        case ANY:
          if (pos >= end_ || s_[pos] == '\n') goto fail;
          pos++;
          pc += 1;
          continue;
        case ANY_ALL:
          if (pos >= end_) goto fail;
          pos++;
          pc += 1;
          continue;
        case LITERAL:
          if (pos >= end_ || s_[pos] != c[pc + 1]) goto fail;
          pos++;
          pc += 2;
          continue;
        case NOT_LITERAL:
        case LITERAL_IGNORE:
        case NOT_LITERAL_IGNORE:
        case LITERAL_UNI_IGNORE:
        case NOT_LITERAL_UNI_IGNORE:
        case LITERAL_LOC_IGNORE:
        case NOT_LITERAL_LOC_IGNORE:
        case CATEGORY:
          if (pos >= end_ || !unit_matches(pc, s_[pos])) goto fail;
          pos++;
          pc += 2;
          continue;
        case IN:
        case IN_IGNORE:
        case IN_UNI_IGNORE:
        case IN_LOC_IGNORE:
          if (pos >= end_ || !unit_matches(pc, s_[pos])) goto fail;
          pos++;
          pc += 1 + c[pc + 1];
          continue;

        case AT:
          if (!at(c[pc + 1], pos)) goto fail;
          pc += 2;
          continue;

        case INFO:
          // Only the minimum width is used here; prefix and charset serve search().
          if (c[pc + 3] && end_ - pos < int64_t(c[pc + 3])) goto fail;
          pc += 1 + c[pc + 1];
          continue;

        case JUMP:
          pc += 1 + c[pc + 1];
          continue;

        case MARK:
          set_mark(c[pc + 1], pos);
          pc += 2;
          continue;

        case BRANCH: {
          // <BRANCH> skip alt skip alt ... 0. The choice point names the next viable alternative,
          // so none is pushed when this is the last one that could match.
          uint32_t p = viable_alt(pc + 1, pos);
          if (!p) goto fail;
          uint32_t next = viable_alt(p + c[p], pos);
          if (next) push_choice(CH_BRANCH, next, pos);
          pc = p + 1;
          continue;
        }

        case REPEAT_ONE: {
          // <REPEAT_ONE> skip min max <unit> SUCCESS tail: greedy, give back one at a time.
          int64_t mn = c[pc + 2];
          Code mx = c[pc + 3];
          if (end_ - pos < mn) goto fail;
          int64_t n = count_units(pc + 4, pos, mx == kMaxRepeat ? INT64_MAX : int64_t(mx));
          if (n < mn) goto fail;
          n = repeat_one_count(pc, pos, n);
          if (n < 0) goto fail;
          if (n > mn) push_choice(CH_REPEAT_ONE, pc, pos, n);
          pos += n;
          pc += 1 + c[pc + 1];
          continue;
        }

        case MIN_REPEAT_ONE: {
          // Lazy: the minimum first, then one more unit each time the tail fails.
          int64_t mn = c[pc + 2];
          Code mx = c[pc + 3];
          if (end_ - pos < mn) goto fail;
          int64_t n = 0;
          if (mn > 0) {
            n = count_units(pc + 4, pos, mn);
            if (n < mn) goto fail;
            pos += n;
          }
          if (mx == kMaxRepeat || n < int64_t(mx)) push_choice(CH_MIN_REPEAT_ONE, pc, pos, n);
          pc += 1 + c[pc + 1];
          continue;
        }

        case POSSESSIVE_REPEAT_ONE: {
          int64_t mn = c[pc + 2];
          Code mx = c[pc + 3];
          if (end_ - pos < mn) goto fail;
          int64_t n = count_units(pc + 4, pos, mx == kMaxRepeat ? INT64_MAX : int64_t(mx));
          if (n < mn) goto fail;
          pos += n;
          pc += 1 + c[pc + 1];
          continue;
        }

        case REPEAT: {
          // <REPEAT> skip min max body <MAX_UNTIL|MIN_UNTIL> tail. The UNTIL op does the
          // counting; the body always ends by reaching it again.
          int32_t idx = int32_t(reps_.size());
          int32_t prev = cur_rep_;
          set_cur_rep(idx);  // the trail entry records the old size: undo drops the context
          reps_.push_back(Rep{-1, -1, pc, prev});
          pc += 1 + c[pc + 1];
          continue;
        }

        case MAX_UNTIL: {
          if (cur_rep_ < 0) return internal_error();
          Rep& r = reps_[size_t(cur_rep_)];
          int64_t n = r.count + 1;
          int64_t mn = c[r.pc + 2];
          Code mx = c[r.pc + 3];
          uint32_t body = r.pc + 4;
          if (n < mn) {
            set_rep(cur_rep_, n, r.last_pos);
            pc = body;
            continue;
          }
          if ((mx == kMaxRepeat || n < int64_t(mx)) && pos != r.last_pos) {
            // Greedy: one more iteration first; the tail is the fallback.
            push_choice(CH_MAX_UNTIL_TAIL, pc + 1, pos);
            set_rep(cur_rep_, n, pos);
            pc = body;
            if (--ticks_ == 0 && !poll()) return error_exit();
            continue;
          }
          set_cur_rep(r.prev);
          pc += 1;
          continue;
        }

        case MIN_UNTIL: {
          if (cur_rep_ < 0) return internal_error();
          Rep& r = reps_[size_t(cur_rep_)];
          int64_t n = r.count + 1;
          if (n < int64_t(c[r.pc + 2])) {
            set_rep(cur_rep_, n, r.last_pos);
            pc = r.pc + 4;
            continue;
          }
          // Lazy: the tail first; another iteration is the fallback.
          push_choice(CH_MIN_UNTIL_MORE, 0, pos);
          set_cur_rep(r.prev);
          pc += 1;
          continue;
        }

        case GROUPREF:
        case GROUPREF_IGNORE:
        case GROUPREF_UNI_IGNORE:
        case GROUPREF_LOC_IGNORE: {
          int64_t a, b;
          if (!group_span(pc, &a, &b)) goto fail;
          int64_t len = b - a;
          if (end_ - pos < len) goto fail;
          Code op = c[pc];
          for (int64_t i = 0; i < len; i++) {
            uint32_t x = s_[a + i], y = s_[pos + i];
            bool same = op == GROUPREF             ? x == y
                        : op == GROUPREF_IGNORE     ? ascii_lower(x) == ascii_lower(y)
                        : op == GROUPREF_UNI_IGNORE ? uni_lower(x) == uni_lower(y)
                                                    : loc_lower(x) == loc_lower(y);
            if (!same) goto fail;
          }
          pos += len;
          pc += 2;
          continue;
        }

        case GROUPREF_EXISTS: {
          // <GROUPREF_EXISTS> group skip <yes> [JUMP skip <no>]: skip is relative to the group word.
          int64_t a, b;
          if (group_span(pc, &a, &b))
            pc += 3;
          else
            pc += 1 + c[pc + 2];
          continue;
        }

        case ASSERT:
        case ASSERT_NOT: {
          // <ASSERT[_NOT]> skip back <body> SUCCESS tail; back > 0 for lookbehind.
          int64_t from = pos - int64_t(c[pc + 2]);
          uint32_t tail = pc + 1 + c[pc + 1];
          bool positive = c[pc] == ASSERT;
          if (from < 0) {
            if (positive) goto fail;
            pc = tail;
            continue;
          }
          size_t base = choices_.size();
          int64_t ignored;
          int r = run(pc + 3, from, &ignored, false);
          if (r < 0) return error_exit();
          if (r == 1) choices_.resize(base);  // no backtracking into an assertion
          if ((r == 1) != positive) goto fail;
          pc = tail;
          continue;
        }

        case ATOMIC_GROUP: {
          // <ATOMIC_GROUP> skip <body> SUCCESS tail
          size_t base = choices_.size();
          int64_t end;
          int r = run(pc + 2, pos, &end, false);
          if (r < 0) return error_exit();
          if (r == 0) goto fail;
          choices_.resize(base);
          pos = end;
          pc += 1 + c[pc + 1];
          continue;
        }

        case POSSESSIVE_REPEAT: {
          // <POSSESSIVE_REPEAT> skip min max <body> SUCCESS tail, skip landing on that SUCCESS:
          // every iteration is atomic, there is no backtracking into the repetition, and an
          // empty iteration ends it.
          int64_t mn = c[pc + 2];
          Code mx = c[pc + 3];
          uint32_t body = pc + 4;
          int64_t n = 0;
          bool failed = false;
          while (n < mn) {
            size_t base = choices_.size();
            int64_t end;
            int r = run(body, pos, &end, false);
            if (r < 0) return error_exit();
            if (r == 0) {
              failed = true;
              break;
            }
            choices_.resize(base);
            pos = end;
            n++;
          }
          if (failed) goto fail;
          bool advanced = true;
          while ((mx == kMaxRepeat || n < int64_t(mx)) && advanced) {
            size_t base = choices_.size();
            int64_t end;
            int r = run(body, pos, &end, false);
            if (r < 0) return error_exit();
            if (r == 0) break;
            choices_.resize(base);
            advanced = end != pos;
            pos = end;
            n++;
          }
          pc += 2 + c[pc + 1];
          continue;
        }

        default:
          return internal_error();
      }

    fail:
      // Backtrack: resume at the most recent choice point of this run.
      for (;;) {
        if (--ticks_ == 0 && !poll()) return error_exit();
        Choice& ch = choices_.back();
        undo_trail(ch.trail);
        switch (ch.kind) {
          case CH_BARRIER:
            choices_.pop_back();
            depth_--;
            return 0;
          case CH_BRANCH: {
            uint32_t p = ch.pc;  // viable (checked when pushed)
            pos = ch.pos;
            uint32_t next = viable_alt(p + c[p], pos);
            if (next)
              ch.pc = next;
            else
              choices_.pop_back();
            pc = p + 1;
            break;
          }
          case CH_REPEAT_ONE: {
            uint32_t op = ch.pc;
            int64_t start = ch.pos;
            int64_t n = repeat_one_count(op, start, ch.n - 1);
            if (n < 0) {
              choices_.pop_back();
              continue;
            }
            if (n > int64_t(c[op + 2]))
              ch.n = n;
            else
              choices_.pop_back();
            pos = start + n;
            pc = op + 1 + c[op + 1];
            break;
          }
          case CH_MIN_REPEAT_ONE: {
            uint32_t op = ch.pc;
            Code mx = c[op + 3];
            int64_t p = ch.pos;
            int64_t n = ch.n;
            if ((mx != kMaxRepeat && n >= int64_t(mx)) || p >= end_ || !unit_matches(op + 4, s_[p])) {
              choices_.pop_back();
              continue;
            }
            p++;
            n++;
            uint32_t tail = op + 1 + c[op + 1];
            if (c[tail] == LITERAL) {
              // The tail needs this literal next: keep consuming units until it can match.
              Code lit = c[tail + 1];
              while (p < end_ && s_[p] != lit && (mx == kMaxRepeat || n < int64_t(mx)) &&
                     unit_matches(op + 4, s_[p])) {
                p++;
                n++;
              }
            }
            ch.pos = p;
            ch.n = n;
            pos = p;
            pc = tail;
            break;
          }
          case CH_MAX_UNTIL_TAIL: {
            // The extra iteration failed: leave the loop here and match the tail.
            pos = ch.pos;
            pc = ch.pc;
            choices_.pop_back();
            set_cur_rep(reps_[size_t(cur_rep_)].prev);
            break;
          }
          case CH_MIN_UNTIL_MORE: {
            // The tail failed: one more iteration, unless at max or it would be empty again.
            pos = ch.pos;
            choices_.pop_back();
            Rep& r = reps_[size_t(cur_rep_)];
            int64_t n = r.count + 1;
            Code mx = c[r.pc + 3];
            if ((mx != kMaxRepeat && n >= int64_t(mx)) || pos == r.last_pos) continue;
            set_rep(cur_rep_, n, pos);
            pc = r.pc + 4;
            break;
          }
        }
        break;  // resume matching at pc, pos
      }
    }
  }

  int internal_error() {
    raise(tp_RuntimeError, "internal error in regular expression engine");
    return -1;
  }
  int error_exit() { return -1; }  // the stacks are discarded by the caller on error
};

template <class CharT>
int dispatch(SearchState& st, const CharT* s, bool search, Scratch& sc) {
  Engine<CharT> e(st.pattern, s, st, sc);
  return search ? e.search() : e.match();
}

int run_any(SearchState& st, bool search) {
  static const uint8_t empty[1] = {0};
  const Text& t = *st.text;
  Scratch* own = nullptr;
  Scratch* sc = st.scratch;
  int r;
  try {
    if (!sc) sc = own = scratch_acquire();
    if (t.wide)
      r = dispatch<uint32_t>(st, t.wide, search, *sc);
    else
      r = dispatch<uint8_t>(st, t.narrow ? t.narrow : empty, search, *sc);
  } catch (const std::bad_alloc&) {
    raise_memory_error();
    r = -1;
  }
  if (own) scratch_release(own);
  return r;
}

// ---- validation -------------------------------------------------------------------------------
// Walks the code the way the engine will, checking every operand and jump stays inside its
// block, so that the engine may index code without bounds checks.
class Validator {
 public:
  Validator(const Code* c, int64_t n, int64_t groups, std::vector<uint32_t>* sets)
      : c_(c), n_(uint64_t(n)), groups_(uint64_t(groups)), sets_(sets) {}
  bool ok() { return n_ < 0xFFFFFFFFu && block(0, n_, 0); }

 private:
  const Code* c_;
  uint64_t n_;
  uint64_t groups_;
  std::vector<uint32_t>* sets_;  // positions of IN* ops and of an INFO with a charset

  bool is_unit(Code op) const {
    switch (op) {
      case ANY: case ANY_ALL: case LITERAL: case NOT_LITERAL: case LITERAL_IGNORE:
      case NOT_LITERAL_IGNORE: case LITERAL_UNI_IGNORE: case NOT_LITERAL_UNI_IGNORE:
      case LITERAL_LOC_IGNORE: case NOT_LITERAL_LOC_IGNORE: case IN: case IN_IGNORE:
      case IN_UNI_IGNORE: case IN_LOC_IGNORE: case CATEGORY:
        return true;
      default:
        return false;
    }
  }

  // Charset program in [i, end): must end exactly with FAILURE at end - 1.
  bool charset(uint64_t i, uint64_t end) const {
    while (i < end) {
      Code op = c_[i++];
      switch (op) {
        case FAILURE:
          return i == end;
        case NEGATE:
          break;
        case LITERAL:
          if (i + 1 > end) return false;
          i += 1;
          break;
        case CATEGORY:
          if (i + 1 > end || c_[i] >= CAT_COUNT) return false;
          i += 1;
          break;
        case RANGE:
        case RANGE_UNI_IGNORE:
          if (i + 2 > end) return false;
          i += 2;
          break;
        case CHARSET:
          if (i + 8 > end) return false;
          i += 8;
          break;
        case BIGCHARSET: {
          if (i + 1 + 64 > end) return false;
          uint64_t nb = c_[i];
          if (i + 1 + 64 + nb * 8 > end) return false;
          const unsigned char* map = reinterpret_cast<const unsigned char*>(c_ + i + 1);
          for (int k = 0; k < 256; k++)
            if (map[k] >= nb) return false;
          i += 1 + 64 + nb * 8;
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  // A skip operand at position i (relative to i) must land inside (i, end].
  bool target(uint64_t i, uint64_t end, uint64_t* out) const {
    uint64_t t = i + c_[i];
    if (c_[i] == 0 || t > end) return false;
    *out = t;
    return true;
  }

  bool block(uint64_t i, uint64_t end, int depth) {
    if (depth > 500) return false;
    while (i < end) {
      Code op = c_[i++];
      switch (op) {
        case FAILURE: case SUCCESS: case ANY: case ANY_ALL: case MAX_UNTIL: case MIN_UNTIL:
          break;
        case LITERAL: case NOT_LITERAL: case LITERAL_IGNORE: case NOT_LITERAL_IGNORE:
        case LITERAL_UNI_IGNORE: case NOT_LITERAL_UNI_IGNORE: case LITERAL_LOC_IGNORE:
        case NOT_LITERAL_LOC_IGNORE:
          if (i + 1 > end) return false;
          i += 1;
          break;
        case CATEGORY:
          if (i + 1 > end || c_[i] >= CAT_COUNT) return false;
          i += 1;
          break;
        case AT:
          if (i + 1 > end || c_[i] >= AT_COUNT) return false;
          i += 1;
          break;
        case MARK:
          if (i + 1 > end || uint64_t(c_[i]) >= 2 * groups_) return false;
          i += 1;
          break;
        case GROUPREF: case GROUPREF_IGNORE: case GROUPREF_UNI_IGNORE: case GROUPREF_LOC_IGNORE:
          if (i + 1 > end || uint64_t(c_[i]) >= groups_) return false;
          i += 1;
          break;
        case IN: case IN_IGNORE: case IN_UNI_IGNORE: case IN_LOC_IGNORE: {
          uint64_t t;
          if (i + 1 > end || !target(i, end, &t) || !charset(i + 1, t)) return false;
          sets_->push_back(uint32_t(i - 1));
          i = t;
          break;
        }
        case JUMP: {
          // Targets of JUMP leave the current alternative; they only need to stay in the code.
          uint64_t t;
          if (i + 1 > end || !target(i, n_, &t)) return false;
          i += 1;
          break;
        }
        case INFO: {
          uint64_t t;
          if (i + 4 > end || !target(i, end, &t)) return false;
          Code fl = c_[i + 1];
          if (fl & INFO_PREFIX) {
            if (i + 6 > t) return false;
            uint64_t plen = c_[i + 4];
            if (plen == 0 || i + 6 + 2 * plen > t) return false;
          } else if (fl & INFO_CHARSET) {
            if (i != 1 || !charset(i + 4, t)) return false;  // search() reads it at pc 0 only
            sets_->push_back(uint32_t(i - 1));
          }
          i = t;
          break;
        }
        case BRANCH: {
          // skip <alt> skip <alt> ... 0; every alternative ends with JUMP to past the 0.
          for (;;) {
            if (i + 1 > end) return false;
            if (c_[i] == 0) {
              i += 1;
              break;
            }
            uint64_t t;
            if (!target(i, end, &t) || !block(i + 1, t, depth + 1)) return false;
            i = t;
          }
          break;
        }
        case REPEAT: case REPEAT_ONE: case MIN_REPEAT_ONE: case POSSESSIVE_REPEAT:
        case POSSESSIVE_REPEAT_ONE: {
          uint64_t t;
          if (i + 3 > end || !target(i, end, &t) || c_[i + 1] > c_[i + 2]) return false;
          if (c_[i + 1] == kMaxRepeat) return false;  // min must be a real count
          uint64_t body = i + 3;
          if (op == REPEAT) {
            if (t >= end || (c_[t] != MAX_UNTIL && c_[t] != MIN_UNTIL)) return false;
            if (!block(body, t, depth + 1)) return false;
            i = t + 1;
          } else if (op == POSSESSIVE_REPEAT) {
            // The skip lands on the body's closing SUCCESS (the tail follows it).
            if (t >= end || c_[t] != SUCCESS || !block(body, t, depth + 1)) return false;
            i = t + 1;
          } else {
            // A single unit followed by SUCCESS: the engine counts units directly.
            if (t <= body + 1 || c_[t - 1] != SUCCESS || !is_unit(c_[body])) return false;
            if (!block(body, t - 1, depth + 1)) return false;
            Code u = c_[body];
            bool is_in = u == IN || u == IN_IGNORE || u == IN_UNI_IGNORE || u == IN_LOC_IGNORE;
            uint64_t len = (u == ANY || u == ANY_ALL) ? 1 : is_in ? 1 + uint64_t(c_[body + 1]) : 2;
            if (body + len != t - 1) return false;
            i = t;
          }
          break;
        }
        case ASSERT: case ASSERT_NOT: {
          uint64_t t;
          if (i + 2 > end || !target(i, end, &t) || t <= i + 2 || c_[t - 1] != SUCCESS) return false;
          if (!block(i + 2, t - 1, depth + 1)) return false;
          i = t;
          break;
        }
        case ATOMIC_GROUP: {
          uint64_t t;
          if (i + 1 > end || !target(i, end, &t) || t <= i + 1 || c_[t - 1] != SUCCESS) return false;
          if (!block(i + 1, t - 1, depth + 1)) return false;
          i = t;
          break;
        }
        case GROUPREF_EXISTS: {
          // group skip: the "no" target is relative to the group word and inside the block.
          if (i + 2 > end || uint64_t(c_[i]) >= groups_) return false;
          uint64_t t = i + c_[i + 1];
          if (c_[i + 1] < 2 || t > end) return false;
          i += 2;
          break;
        }
        default:
          return false;
      }
    }
    return i == end;
  }
};

}  // namespace

int sre_match(SearchState& st) { return run_any(st, false); }
int sre_search(SearchState& st) { return run_any(st, true); }

bool prepare_code(Pattern* p) {
  if (p->ncode <= 0) return false;
  std::vector<uint32_t> sets;
  if (!Validator(p->code, p->ncode, p->groups, &sets).ok()) return false;
  p->aux = static_cast<uint32_t*>(gc::alloc_atomic(size_t(p->ncode + 1) * sizeof(uint32_t)));
  p->bitmaps = static_cast<uint32_t*>(gc::alloc_atomic((sets.size() * 8 + 1) * sizeof(uint32_t)));
  std::memset(p->aux, 0, size_t(p->ncode + 1) * sizeof(uint32_t));
  const Code* c = p->code;
  for (size_t k = 0; k < sets.size(); k++) {
    uint32_t pc = sets[k];
    uint32_t* bm = p->bitmaps + k * 8;
    p->aux[pc] = uint32_t(k * 8);
    Code op = c[pc];
    const Code* set = op == INFO ? c + pc + 5 : c + pc + 2;
    for (uint32_t ch = 0; ch < 256; ch++) {
      bool in = op == IN_IGNORE       ? in_charset(set, ascii_lower(ch))
                : op == IN_UNI_IGNORE ? in_charset(set, uni_lower(ch))
                : op == IN_LOC_IGNORE ? in_charset_loc_ignore(set, ch)
                                      : in_charset(set, ch);
      if (in) bm[ch >> 5] |= 1u << (ch & 31);
      else bm[ch >> 5] &= ~(1u << (ch & 31));
    }
  }
  return true;
}

}  // namespace gilpy::sre
