// posix, part 9: posix_spawn and posix_spawnp (see posix_impl.h).
//
// posix_spawn(path, argv, env, /, *, file_actions=(), setpgroup=None,
// resetids=False, setsid=False, setsigmask=(), setsigdef=(), scheduler=None)
// starts a program without running Python in a child: no at-fork callbacks
// run. The arguments are converted first; the spawn itself (which waits until
// the child has exec'd or failed) runs without the GIL.
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include "modules/posix_impl.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/protocols.h"

namespace gilpy::posix {

enum { SPAWN_OPEN = 0, SPAWN_CLOSE = 1, SPAWN_DUP2 = 2 };

// Owns the posix_spawn attribute and file-action objects for one call.
struct SpawnState {
  posix_spawn_file_actions_t fa;
  posix_spawnattr_t attr;
  bool fa_init = false, attr_init = false;
  std::deque<std::string> paths;  // stable addresses for addopen
  ~SpawnState() {
    if (fa_init) posix_spawn_file_actions_destroy(&fa);
    if (attr_init) posix_spawnattr_destroy(&attr);
  }
};

static Result<Tuple*> fast_sequence(Value v, const char* msg) {
  if (is_tuple(v)) return as_tuple(v);
  if (is_list(v)) return tuple_from(as_list(v)->items, as_list(v)->size);
  if (is_dict(v) || !lookup_special(v, N.__getitem__)) {
    if (exc_pending()) return ERR;
    return raise(tp_TypeError, msg);
  }
  return to_tuple(v);
}

static Status add_file_actions(const char* fname, Value actions, SpawnState* st) {
  Tuple* seq = TRY(fast_sequence(actions, "file_actions must be a sequence or None"));
  if (posix_spawn_file_actions_init(&st->fa) != 0) return raise_errno(errno);
  st->fa_init = true;
  for (int64_t i = 0; i < seq->size; i++) {
    Value item = seq->items[i];
    if (!is_tuple(item) || as_tuple(item)->size == 0)
      return raise(tp_TypeError, "Each file_actions element must be a non-empty tuple");
    Tuple* t = as_tuple(item);
    int tag = TRY(as_c_int(t->items[0]));
    int e = 0;
    switch (tag) {
      case SPAWN_OPEN: {
        if (t->size != 5) return raise(tp_TypeError, "A open file_action tuple must have 5 elements");
        int fd = TRY(as_c_int(t->items[1]));
        Path p;
        TRY(path_convert(fname, t->items[2], &p));
        int flags = TRY(as_c_int(t->items[3]));
        int mode = TRY(as_c_int(t->items[4]));
        st->paths.push_back(p.bytes);
        e = posix_spawn_file_actions_addopen(&st->fa, fd, st->paths.back().c_str(), flags, mode_t(mode));
        break;
      }
      case SPAWN_CLOSE: {
        if (t->size != 2) return raise(tp_TypeError, "A close file_action tuple must have 2 elements");
        int fd = TRY(as_c_int(t->items[1]));
        e = posix_spawn_file_actions_addclose(&st->fa, fd);
        break;
      }
      case SPAWN_DUP2: {
        if (t->size != 3) return raise(tp_TypeError, "A dup2 file_action tuple must have 3 elements");
        int fd = TRY(as_c_int(t->items[1]));
        int fd2 = TRY(as_c_int(t->items[2]));
        e = posix_spawn_file_actions_adddup2(&st->fa, fd, fd2);
        break;
      }
      default:
        return raise(tp_TypeError, "Unknown file_actions identifier");
    }
    if (e) return raise_errno(e);
  }
  return OK();
}

// An iterable of signal numbers (CPython's sigset converter).
static Status sigset_arg(Value v, sigset_t* out) {
  sigemptyset(out);
  Value it = TRY(get_iter(v));
  for (;;) {
    Value item;
    TRY(iter_next(it, &item));
    if (!item) break;
    Value iv = TRY(index_value(item));
    int64_t sig;
    if (!int_fits_i64(iv, &sig)) return raise(tp_OverflowError, "Python int too large to convert to C long");
    if (sig < 1 || sig >= NSIG)
      return raise_fmt(tp_ValueError, "signal number %lld out of range [1; %d]", (long long)sig, NSIG - 1);
    sigaddset(out, int(sig));
  }
  return OK();
}

static Result<Value> spawn_common(const char* fname, bool use_path, Value* args, int64_t nargs, Tuple* kw) {
  Value o[10];
  TRY(parse_args(fname, args, nargs, kw,
                 {"path", "argv", "env", "file_actions", "setpgroup", "resetids", "setsid", "setsigmask", "setsigdef",
                  "scheduler"},
                 3, o, 3, 3));
  Path p;
  TRY(path_convert(fname, o[0], &p));
  // argv: a non-empty tuple or list whose first item is not empty.
  Value argv = o[1];
  if (!is_tuple(argv) && !is_list(argv)) return raise_fmt(tp_TypeError, "%s: argv must be a tuple or list", fname);
  Tuple* av = is_tuple(argv) ? as_tuple(argv) : tuple_from(as_list(argv)->items, as_list(argv)->size);
  if (av->size == 0) return raise_fmt(tp_ValueError, "%s: argv must not be empty", fname);
  std::vector<std::string> argv_s, env_s;
  for (int64_t i = 0; i < av->size; i++) {
    Path a;
    TRY(path_convert(fname, av->items[i], &a));
    if (i == 0 && a.bytes.empty()) return raise_fmt(tp_ValueError, "%s: argv first element cannot be empty", fname);
    argv_s.push_back(a.bytes);
  }
  Value env = o[2];
  if (!is_dict(env)) {
    Value k;
    TRY(getattr_opt(env, N.keys, &k));
    if (!k || is_list(env) || is_tuple(env))
      return raise_fmt(tp_TypeError, "%s: environment must be a mapping object", fname);
  }
  TRY(env_to_cstrings(fname, env, &env_s));

  SpawnState st;
  if (o[3] && !is_none(o[3])) TRY(add_file_actions(fname, o[3], &st));

  if (posix_spawnattr_init(&st.attr) != 0) return raise_errno(errno);
  st.attr_init = true;
  short flags = 0;
  if (o[4] && !is_none(o[4])) {
    int64_t pg = TRY(as_index(o[4]));
    if (pg < INT_MIN || pg > INT_MAX) return raise(tp_OverflowError, "Python int too large to convert to C int");
    flags |= POSIX_SPAWN_SETPGROUP;
    if (int e = posix_spawnattr_setpgroup(&st.attr, pid_t(pg))) return raise_errno(e);
  }
  if (o[5] && TRY(as_c_int(o[5]))) flags |= POSIX_SPAWN_RESETIDS;
  if (o[6] && TRY(as_c_int(o[6]))) flags |= POSIX_SPAWN_SETSID;
  if (o[7]) {
    sigset_t mask;
    TRY(sigset_arg(o[7], &mask));
    flags |= POSIX_SPAWN_SETSIGMASK;
    if (int e = posix_spawnattr_setsigmask(&st.attr, &mask)) return raise_errno(e);
  }
  if (o[8]) {
    sigset_t def;
    TRY(sigset_arg(o[8], &def));
    flags |= POSIX_SPAWN_SETSIGDEF;
    if (int e = posix_spawnattr_setsigdefault(&st.attr, &def)) return raise_errno(e);
  }
  if (o[9] && !is_none(o[9])) {
    if (!is_tuple(o[9])) return raise(tp_TypeError, "scheduler must be a tuple or None");
    Tuple* sch = as_tuple(o[9]);
    if (sch->size != 2) return raise(tp_TypeError, "A scheduler tuple must have two elements");
    struct sched_param sp;
    std::memset(&sp, 0, sizeof sp);
    sp.sched_priority = TRY(sched_priority_convert(sch->items[1]));
    if (!is_none(sch->items[0])) {
      int policy = TRY(as_c_int(sch->items[0]));
      flags |= POSIX_SPAWN_SETSCHEDULER;
      if (int e = posix_spawnattr_setschedpolicy(&st.attr, policy)) return raise_errno(e);
    }
    flags |= POSIX_SPAWN_SETSCHEDPARAM;
    if (int e = posix_spawnattr_setschedparam(&st.attr, &sp)) return raise_errno(e);
  }
  if (int e = posix_spawnattr_setflags(&st.attr, flags)) return raise_errno(e);

  std::vector<char*> avp, evp;
  for (auto& s : argv_s) avp.push_back(s.data());
  avp.push_back(nullptr);
  for (auto& s : env_s) evp.push_back(s.data());
  evp.push_back(nullptr);
  pid_t pid = 0;
  posix_spawn_file_actions_t* fap = st.fa_init ? &st.fa : nullptr;
  int err = gil::blocking(gil::Block::Process, [&] {
    return use_path ? ::posix_spawnp(&pid, p.c(), fap, &st.attr, avp.data(), evp.data())
                    : ::posix_spawn(&pid, p.c(), fap, &st.attr, avp.data(), evp.data());
  });
  if (err) return raise_path_error(err, p);
  return int_from_i64(pid);
}

static Result<Value> px_posix_spawn(Value* args, int64_t nargs, Tuple* kw) {
  return spawn_common("posix_spawn", false, args, nargs, kw);
}

static Result<Value> px_posix_spawnp(Value* args, int64_t nargs, Tuple* kw) {
  return spawn_common("posix_spawnp", true, args, nargs, kw);
}

const MethodDef spawn_functions[] = {
    {"posix_spawn", px_posix_spawn},
    {"posix_spawnp", px_posix_spawnp},
    {nullptr, nullptr},
};

void init_spawn(Module* m) {
  add_int(m, "POSIX_SPAWN_OPEN", SPAWN_OPEN);
  add_int(m, "POSIX_SPAWN_CLOSE", SPAWN_CLOSE);
  add_int(m, "POSIX_SPAWN_DUP2", SPAWN_DUP2);
}

}  // namespace gilpy::posix
