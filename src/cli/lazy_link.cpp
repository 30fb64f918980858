// The binder behind the lazy-binding stubs that tools/gen_lazy_stubs.py
// generates for OpenSSL, SQLite, liblzma, libbz2, libexpat, libuuid, libffi,
// libgdbm, Berkeley DB (libdb), libcrypt, ncursesw and panelw
// (docs/decisions/0021-lazy-libraries.md).
// A stub's first call lands in gilpy_lazy_bind_common with the stub's index
// pushed; it keeps every argument register intact around gilpy_lazy_bind,
// which loads the library and fills the stub's slot, then jumps on to the
// real function as if the program had called it directly.
//
// Invariants: a slot only ever changes from its binder to the function's
// address (an aligned 8-byte store: a racing thread reads one or the other,
// and both get it to the function); a library is opened at most once; a
// library that cannot be opened is a fatal error, as a missing DT_NEEDED
// library would have been at start-up.
#if defined(__x86_64__) && defined(GILPY_LAZY_LIBS)
#include <dlfcn.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>

extern "C" {
extern const char* const gilpy_lazy_group_sonames[];
extern const char* const gilpy_lazy_names[];
extern const uint8_t gilpy_lazy_groups[];
extern const unsigned gilpy_lazy_count;
extern void* gilpy_lazy_slots[];

void* gilpy_lazy_bind(unsigned index) {
  static std::mutex lock;
  static void* handles[32];  // one per --group of gen_lazy_stubs.py (CMakeLists.txt)
  std::lock_guard<std::mutex> g(lock);
  unsigned group = gilpy_lazy_groups[index];
  if (!handles[group]) {
    // RTLD_GLOBAL: libssl's own references to libcrypto resolve as usual.
    handles[group] = dlopen(gilpy_lazy_group_sonames[group], RTLD_NOW | RTLD_GLOBAL);
    if (!handles[group]) {
      std::fprintf(stderr, "gilpy: cannot load %s: %s\n", gilpy_lazy_group_sonames[group], dlerror());
      std::abort();
    }
  }
  void* fn = dlsym(handles[group], gilpy_lazy_names[index]);
  if (!fn) {
    std::fprintf(stderr, "gilpy: %s has no %s\n", gilpy_lazy_group_sonames[group], gilpy_lazy_names[index]);
    std::abort();
  }
  __atomic_store_n(&gilpy_lazy_slots[index], fn, __ATOMIC_RELEASE);
  return fn;
}
}

// Entered by `jmp` from a stub's binder with the stub's index on top of the
// stack and the caller's return address under it (so %rsp is 16-byte
// aligned here). Saves the seven integer registers a call may carry
// arguments or the variadic vector count in, and xmm0-7; calls the binder;
// restores; drops the index; jumps to the function with the original frame.
__asm__(
    ".text\n"
    ".globl gilpy_lazy_bind_common\n"
    ".type gilpy_lazy_bind_common,@function\n"
    ".p2align 4\n"
    "gilpy_lazy_bind_common:\n"
    "  push %rax\n  push %rdi\n  push %rsi\n  push %rdx\n  push %rcx\n  push %r8\n  push %r9\n"
    "  sub $136, %rsp\n"  // 7 pushes + 136 = 192: %rsp 16-byte aligned again for the call
    "  movdqu %xmm0, 0(%rsp)\n  movdqu %xmm1, 16(%rsp)\n  movdqu %xmm2, 32(%rsp)\n  movdqu %xmm3, 48(%rsp)\n"
    "  movdqu %xmm4, 64(%rsp)\n  movdqu %xmm5, 80(%rsp)\n  movdqu %xmm6, 96(%rsp)\n  movdqu %xmm7, 112(%rsp)\n"
    "  mov 192(%rsp), %edi\n"  // the index pushed by the binder stub
    "  call gilpy_lazy_bind\n"
    "  mov %rax, %r11\n"
    "  movdqu 0(%rsp), %xmm0\n  movdqu 16(%rsp), %xmm1\n  movdqu 32(%rsp), %xmm2\n  movdqu 48(%rsp), %xmm3\n"
    "  movdqu 64(%rsp), %xmm4\n  movdqu 80(%rsp), %xmm5\n  movdqu 96(%rsp), %xmm6\n  movdqu 112(%rsp), %xmm7\n"
    "  add $136, %rsp\n"
    "  pop %r9\n  pop %r8\n  pop %rcx\n  pop %rdx\n  pop %rsi\n  pop %rdi\n  pop %rax\n"
    "  add $8, %rsp\n"
    "  jmp *%r11\n"
    ".size gilpy_lazy_bind_common, .-gilpy_lazy_bind_common\n");
#endif
