// Code generation for the match statement (PEP 634), shaped like CPython
// 3.11's compiler so behaviour (evaluation order, when names get bound,
// errors and their locations) is the same.
//
// Scheme. The subject sits on the stack; each case (but the last) matches
// against a COPY of it. A pattern consumes its subject. Values it captures
// are not stored right away: they stay on the stack, each rotated beneath
// the items still needed (`on_top`), and are stored together once the whole
// pattern has matched, before the guard runs. So a failed pattern binds
// nothing, and a failed guard leaves the names bound, as in CPython.
//
// Failure exits: fail_pop[n] is a label that pops n items and then falls
// into fail_pop[n-1] ... fail_pop[0], the start of the next case. A check
// that fails while `on_top + stores` items are on the stack jumps to
// fail_pop[on_top + stores].
//
// Errors point at the last pattern visited (CPython's SET_LOC discipline):
// `loc` is updated on entry to every pattern and restored after visiting
// an expression inside one.
#include <algorithm>

#include "compiler/codegen.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy::compiler {

using namespace bytecode;
using namespace ast;

namespace {

bool is_wildcard(const pattern* p) {
  auto* a = as<MatchAs>(p);
  return a && !a->pattern && !a->name;
}
bool is_star_wildcard(const pattern* p) {
  auto* s = as<MatchStar>(p);
  return s && !s->name;
}

}  // namespace

struct PatternContext {
  std::vector<std::string> stores;  // captured names, in the order they will be stored
  bool allow_irrefutable = false;   // may this pattern match everything?
  std::vector<Label> fail_pop;
  int on_top = 0;                   // items above the captures that failure must pop
};

struct PatternCompiler {
  Compiler& c;
  const Node* loc = nullptr;

  void set_loc(const Node* n) {
    loc = n;
    c.set_pos(n);
  }
  bool fail(std::string msg) { return c.error(loc, std::move(msg)); }
  bool visit(ast::expr* e) {
    bool ok = c.expr(e);
    c.set_pos(loc);
    return ok;
  }

  void ensure_fail_pop(PatternContext& pc, size_t n) {
    while (pc.fail_pop.size() <= n) pc.fail_pop.push_back(c.new_label());
  }
  void jump_to_fail_pop(PatternContext& pc, Op op) {
    size_t pops = size_t(pc.on_top) + pc.stores.size();
    ensure_fail_pop(pc, pops);
    c.emit_jump(op, pc.fail_pop[pops]);
  }
  void emit_and_reset_fail_pop(PatternContext& pc) {
    for (size_t n = pc.fail_pop.size(); n-- > 1;) {
      c.bind(pc.fail_pop[n]);
      c.emit(POP_TOP);
    }
    if (!pc.fail_pop.empty()) c.bind(pc.fail_pop[0]);
    pc.fail_pop.clear();
  }
  // Moves TOS down to position `count`, keeping the order of the rest.
  void rotate(size_t count) {
    while (count > 1) c.emit(SWAP, uint32_t(count--));
  }

  bool store_name(const std::optional<std::string>& name, PatternContext& pc) {
    if (!name) {
      c.emit(POP_TOP);
      return true;
    }
    if (*name == "__debug__") return fail("cannot assign to __debug__");
    if (std::find(pc.stores.begin(), pc.stores.end(), *name) != pc.stores.end())
      return fail("multiple assignments to name '" + *name + "' in pattern");
    rotate(size_t(pc.on_top) + pc.stores.size() + 1);
    pc.stores.push_back(*name);
    return true;
  }

  bool subpattern(pattern* p, PatternContext& pc) {
    bool saved = pc.allow_irrefutable;
    pc.allow_irrefutable = true;
    if (!compile(p, pc)) return false;
    pc.allow_irrefutable = saved;
    return true;
  }

  bool compile(pattern* p, PatternContext& pc) {
    set_loc(p);
    switch (p->kind) {
      case Kind::MatchValue: return value(static_cast<MatchValue*>(p), pc);
      case Kind::MatchSingleton:
        c.load_const(c.constant_value(static_cast<MatchSingleton*>(p)->value));
        c.emit(IS_OP, 0);
        jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        return true;
      case Kind::MatchSequence: return sequence(static_cast<MatchSequence*>(p), pc);
      case Kind::MatchMapping: return mapping(static_cast<MatchMapping*>(p), pc);
      case Kind::MatchClass: return class_pattern(static_cast<MatchClass*>(p), pc);
      case Kind::MatchStar: return store_name(static_cast<MatchStar*>(p)->name, pc);
      case Kind::MatchAs: return as_pattern(static_cast<MatchAs*>(p), pc);
      case Kind::MatchOr: return or_pattern(static_cast<MatchOr*>(p), pc);
      default: return fail("invalid pattern");
    }
  }

  bool value(MatchValue* p, PatternContext& pc) {
    // Only literals (folded: numbers, strings, complex sums) and dotted names;
    // an f-string is the one other thing the grammar lets through.
    if (p->value->kind == Kind::JoinedStr) return fail("patterns may only match literals and attribute lookups");
    if (!visit(p->value)) return false;
    c.emit(COMPARE_OP, CMP_EQ);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    return true;
  }

  bool as_pattern(MatchAs* p, PatternContext& pc) {
    if (!p->pattern) {
      if (!pc.allow_irrefutable) {
        if (p->name) return fail("name capture '" + *p->name + "' makes remaining patterns unreachable");
        return fail("wildcard makes remaining patterns unreachable");
      }
      return store_name(p->name, pc);
    }
    // Keep a copy of the subject to store if the sub-pattern matches.
    pc.on_top++;
    c.emit(COPY, 1);
    if (!compile(p->pattern, pc)) return false;
    pc.on_top--;
    return store_name(p->name, pc);
  }

  bool sequence(MatchSequence* p, PatternContext& pc) {
    const auto& pats = p->patterns;
    const size_t size = pats.size();
    ptrdiff_t star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (size_t i = 0; i < size; i++) {
      if (pats[i]->kind == Kind::MatchStar) {
        if (star >= 0) return fail("multiple starred names in sequence pattern");
        star_wildcard = is_star_wildcard(pats[i]);
        only_wildcard &= star_wildcard;
        star = ptrdiff_t(i);
        continue;
      }
      only_wildcard &= is_wildcard(pats[i]);
    }
    // The subject stays on top during the type and length checks.
    pc.on_top++;
    c.emit(MATCH_SEQUENCE);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    if (star < 0) {
      c.emit(GET_LEN);
      c.load_const(Value::small(int64_t(size)));
      c.emit(COMPARE_OP, CMP_EQ);
      jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    } else if (size > 1) {
      c.emit(GET_LEN);
      c.load_const(Value::small(int64_t(size - 1)));
      c.emit(COMPARE_OP, CMP_GE);
      jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    }
    pc.on_top--;
    if (only_wildcard) {
      c.emit(POP_TOP);  // [], [_], [_, *_] ...: nothing to extract
      return true;
    }
    if (star_wildcard) return sequence_subscr(pats, size_t(star), pc);
    return sequence_unpack(pats, star, pc);
  }

  // Unpacks the subject and matches each item (its own subject) in turn.
  bool sequence_unpack(const std::vector<pattern*>& pats, ptrdiff_t star, PatternContext& pc) {
    const size_t size = pats.size();
    if (star < 0) {
      c.emit(UNPACK_SEQUENCE, uint32_t(size));
    } else {
      const size_t after = size - size_t(star) - 1;
      if (star >= 256 || after >= (kMaxArg >> 8)) return fail("too many expressions in star-unpacking sequence pattern");
      c.emit(UNPACK_EX, uint32_t(star) | uint32_t(after << 8));
    }
    pc.on_top += int(size);
    for (pattern* q : pats) {
      pc.on_top--;
      if (!subpattern(q, pc)) return false;
    }
    return true;
  }

  // With a `*_` in the pattern the middle is never needed: index the
  // subject for the other items (non-negative indices, since the subject
  // need not support negative ones).
  bool sequence_subscr(const std::vector<pattern*>& pats, size_t star, PatternContext& pc) {
    const size_t size = pats.size();
    pc.on_top++;
    for (size_t i = 0; i < size; i++) {
      pattern* q = pats[i];
      if (is_wildcard(q) || i == star) continue;
      c.emit(COPY, 1);
      if (i < star) {
        c.load_const(Value::small(int64_t(i)));
      } else {
        c.emit(GET_LEN);
        c.load_const(Value::small(int64_t(size - i)));
        c.emit(BINARY_OP, NB_SUBTRACT);
      }
      c.emit(BINARY_SUBSCR);
      if (!subpattern(q, pc)) return false;
    }
    pc.on_top--;
    c.emit(POP_TOP);
    return true;
  }

  // The value a literal key folds to (CPython folds constants before
  // compiling), or null for a non-literal key.
  Value fold_key(ast::expr* e) {
    if (auto* k = as<Constant>(e)) return c.constant_value(k->value);
    if (auto* u = as<UnaryOp>(e); u && u->op == unaryop::USub) {
      Value v = fold_key(u->operand);
      if (!v) return v;
      Result<Value> r = unary_neg(v);
      if (r.is_err()) { exc_clear(); return Value(); }
      return r.value();
    }
    if (auto* b = as<ast::BinOp>(e); b && (b->op == operator_t::Add || b->op == operator_t::Sub)) {
      Value l = fold_key(b->left), r = fold_key(b->right);
      if (!l || !r) return Value();
      Result<Value> v = binary_op(l, r, b->op == operator_t::Add ? NB_ADD : NB_SUBTRACT);
      if (v.is_err()) { exc_clear(); return Value(); }
      return v.value();
    }
    return Value();
  }

  bool mapping(MatchMapping* p, PatternContext& pc) {
    const size_t size = p->keys.size();
    if (size != p->patterns.size()) return fail("keys / patterns length mismatch in mapping pattern");
    pc.on_top++;
    c.emit(MATCH_MAPPING);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    if (!size && !p->rest) {
      pc.on_top--;
      c.emit(POP_TOP);  // `{}` matches any mapping
      return true;
    }
    if (size) {
      c.emit(GET_LEN);
      c.load_const(Value::small(int64_t(size)));
      c.emit(COMPARE_OP, CMP_GE);
      jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    }
    // Literal keys must differ (by value, as a set sees them: 1 == 1.0 == True).
    gilpy::Set* seen = set_new();
    for (ast::expr* key : p->keys) {
      if (Value k = fold_key(key)) {
        Result<bool> dup = set_contains(seen, k);
        if (dup.is_err() || set_add(seen, k).is_err()) {
          exc_clear();
        } else if (dup.value()) {
          Result<Str*> r = repr(k);
          std::string text = r.is_err() ? "?" : std::string(r.value()->view());
          if (r.is_err()) exc_clear();
          return fail("mapping pattern checks duplicate key (" + text + ")");
        }
      } else if (key->kind != Kind::Attribute) {
        return fail("mapping pattern keys may only match literals and attribute lookups");
      }
      if (!visit(key)) return false;
    }
    c.emit(BUILD_TUPLE, uint32_t(size));
    c.emit(MATCH_KEYS);
    // The keys tuple and the values tuple (or None) are now above the subject.
    pc.on_top += 2;
    c.emit(COPY, 1);
    c.load_const(None());
    c.emit(IS_OP, 1);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    c.emit(UNPACK_SEQUENCE, uint32_t(size));
    pc.on_top += int(size) - 1;
    for (pattern* q : p->patterns) {
      pc.on_top--;
      if (!subpattern(q, pc)) return false;
    }
    // Matched: what follows consumes the keys tuple and the subject.
    pc.on_top -= 2;
    if (p->rest) {
      // rest = dict(subject), then delete each matched key from it.
      c.emit(BUILD_MAP, 0);          // subject, keys, {}
      c.emit(SWAP, 3);               // {}, keys, subject
      c.emit(DICT_UPDATE, 2);        // rest, keys
      c.emit(UNPACK_SEQUENCE, uint32_t(size));  // rest, key...
      for (size_t n = size; n > 0; n--) {
        c.emit(COPY, uint32_t(n + 1));  // rest, key..., rest
        c.emit(SWAP, 2);                // rest, key..., rest, key
        c.emit(DELETE_SUBSCR);
      }
      return store_name(p->rest, pc);
    }
    c.emit(POP_TOP);  // keys
    c.emit(POP_TOP);  // subject
    return true;
  }

  bool class_pattern(MatchClass* p, PatternContext& pc) {
    const size_t nargs = p->patterns.size(), nattrs = p->kwd_attrs.size();
    if (nattrs != p->kwd_patterns.size()) return fail("kwd_attrs / kwd_patterns length mismatch in class pattern");
    if (nattrs) {
      // Errors point at the keyword's pattern: the AST has no node for the name.
      for (size_t i = 0; i < nattrs; i++) {
        const std::string& attr = p->kwd_attrs[i];
        set_loc(p->kwd_patterns[i]);
        if (attr == "__debug__") return fail("cannot assign to __debug__");
        for (size_t j = i + 1; j < nattrs; j++) {
          if (p->kwd_attrs[j] == attr) {
            set_loc(p->kwd_patterns[j]);
            return fail("attribute name repeated in class pattern: " + attr);
          }
        }
      }
      set_loc(p);
    }
    if (!visit(p->cls)) return false;
    gilpy::Tuple* names = tuple_new(int64_t(nattrs));
    for (size_t i = 0; i < nattrs; i++) names->items[i] = Value(str_intern(p->kwd_attrs[i]));
    c.load_const(Value(names));
    c.emit(MATCH_CLASS, uint32_t(nargs));
    c.emit(COPY, 1);
    c.load_const(None());
    c.emit(IS_OP, 1);
    // On top: the tuple of extracted attributes (or None).
    pc.on_top++;
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    c.emit(UNPACK_SEQUENCE, uint32_t(nargs + nattrs));
    pc.on_top += int(nargs + nattrs) - 1;
    for (size_t i = 0; i < nargs + nattrs; i++) {
      pc.on_top--;
      pattern* q = i < nargs ? p->patterns[i] : p->kwd_patterns[i - nargs];
      if (is_wildcard(q)) {
        c.emit(POP_TOP);
        continue;
      }
      if (!subpattern(q, pc)) return false;
    }
    return true;
  }

  bool or_pattern(MatchOr* p, PatternContext& pc) {
    Label end = c.new_label();
    const size_t size = p->patterns.size();
    PatternContext old = std::move(pc);
    // The names the first alternative binds, in its order; the others must
    // bind the same set and get reordered on the stack to match.
    std::vector<std::string> control;
    for (size_t i = 0; i < size; i++) {
      pattern* alt = p->patterns[i];
      set_loc(alt);
      pc = PatternContext();
      // Only the last alternative may be irrefutable (if the whole may be).
      pc.allow_irrefutable = i == size - 1 && old.allow_irrefutable;
      c.emit(COPY, 1);
      if (!compile(alt, pc)) return false;
      const size_t nstores = pc.stores.size();
      if (i == 0) {
        control = pc.stores;
      } else if (nstores != control.size()) {
        return fail("alternative patterns bind different names");
      } else if (nstores) {
        for (size_t icontrol = nstores; icontrol-- > 0;) {
          const std::string& name = control[icontrol];
          auto it = std::find(pc.stores.begin(), pc.stores.end(), name);
          if (it == pc.stores.end()) return fail("alternative patterns bind different names");
          const size_t istores = size_t(it - pc.stores.begin());
          if (icontrol != istores) {
            // Move the first istores+1 names to just before position icontrol,
            // in the list and (by rotations) on the stack.
            size_t rotations = istores + 1;
            std::vector<std::string> rotated(pc.stores.begin(), pc.stores.begin() + ptrdiff_t(rotations));
            pc.stores.erase(pc.stores.begin(), pc.stores.begin() + ptrdiff_t(rotations));
            pc.stores.insert(pc.stores.begin() + ptrdiff_t(icontrol - istores), rotated.begin(), rotated.end());
            while (rotations--) rotate(icontrol + 1);
          }
        }
      }
      c.emit_jump(JUMP_FORWARD, end);
      emit_and_reset_fail_pop(pc);
    }
    pc = std::move(old);
    // No alternative matched: pop the subject copy and fail.
    c.set_pos(p);
    c.emit(POP_TOP);
    jump_to_fail_pop(pc, JUMP_FORWARD);
    c.bind(end);
    // Between the new captures and where they belong: the subject copy, the
    // on_top items and the earlier captures.
    const size_t nrots = control.size() + 1 + size_t(pc.on_top) + pc.stores.size();
    for (const std::string& name : control) {
      rotate(nrots);
      if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
        return fail("multiple assignments to name '" + name + "' in pattern");
      pc.stores.push_back(name);
    }
    c.emit(POP_TOP);  // the subject copy
    return true;
  }
};

bool Compiler::match_stmt(Match* s) {
  PatternCompiler pcomp{*this};
  if (!expr(s->subject)) return false;
  Label end = new_label();
  const size_t ncases = s->cases.size();
  // A final `case _:` needs no pattern code: the subject is gone by then.
  const bool has_default = ncases > 1 && is_wildcard(s->cases.back()->pattern);
  const size_t last = ncases - (has_default ? 1 : 0) - 1;
  for (size_t i = 0; i + (has_default ? 1 : 0) < ncases; i++) {
    match_case* m = s->cases[i];
    pcomp.set_loc(m->pattern);
    if (i != last) emit(COPY, 1);  // every case but the last matches a copy
    PatternContext pc;
    // An irrefutable case must be guarded or last.
    pc.allow_irrefutable = m->guard != nullptr || i == ncases - 1;
    if (!pcomp.compile(m->pattern, pc)) return false;
    // Matched: bind all captures (they are on the stack, last one deepest).
    for (const std::string& name : pc.stores)
      if (!name_op(name, expr_context::Store, m->pattern)) return false;
    if (m->guard) {
      pcomp.ensure_fail_pop(pc, 0);
      if (!jump_if(m->guard, false, pc.fail_pop[0])) return false;
    }
    if (i != last) emit(POP_TOP);  // the subject
    if (!stmts(m->body)) return false;
    emit_jump(JUMP_FORWARD, end);
    // A failed pattern's clean-up belongs to the pattern's line, not the body's.
    pcomp.set_loc(m->pattern);
    pcomp.emit_and_reset_fail_pop(pc);
  }
  if (has_default) {
    match_case* m = s->cases.back();
    pcomp.set_loc(m->pattern);
    emit(NOP);  // the line event for `case _:`
    if (m->guard && !jump_if(m->guard, false, end)) return false;
    if (!stmts(m->body)) return false;
  }
  bind(end);
  return true;
}

}  // namespace gilpy::compiler
