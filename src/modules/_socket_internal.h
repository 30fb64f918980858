// Shared between the two halves of the _socket module:
//   _socket.cpp         module assembly, constants, address conversion, resolver functions
//   _socket_object.cpp  the socket type
#pragma once
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>

#include "objects/type.h"
#include "runtime/object.h"

namespace gilpy::sock {

// A _socket.socket. Subclassable: socket.py's socket.socket adds __slots__
// after this struct, a plain subclass gets its __dict__ at offset 8.
struct SockObj : Object {
  Dict* dict;
  int fd;          // -1 once closed or detached
  int family, type, proto;
  double timeout;  // seconds; < 0 blocking (None), 0 non-blocking
};

// Large enough for every address family this module converts.
union SockAddr {
  struct sockaddr sa;
  struct sockaddr_in in4;
  struct sockaddr_in6 in6;
  struct sockaddr_un un;
  struct sockaddr_storage storage;
};

extern Type* tp_socket;
extern Type* tp_herror;
extern Type* tp_gaierror;
extern double g_default_timeout;  // < 0: None

// A Python address -> sockaddr of `family`; `caller` names the method in messages ("bind").
Status sockaddr_from(int family, Value addr, const char* caller, SockAddr* out, socklen_t* len);
// A sockaddr -> the Python address (tuple, str or bytes); None for an empty address.
Result<Value> sockaddr_to(const struct sockaddr* sa, socklen_t len);
// socket.gaierror for a getaddrinfo/getnameinfo result code (EAI_SYSTEM: OSError from errno).
Err raise_gai(int code);
// A timeout argument: None -> -1; ValueError for negatives, TypeError for non-numbers.
Result<double> timeout_arg(Value v);
// Run pending signal handlers after EINTR (PEP 475): ERR when one raised.
Status after_eintr();
// socket objects as created by socketpair(): `fd` adopted with the given attributes.
Result<Value> socket_wrap(int fd, int family, int type, int proto);
// Put `fd` in blocking (true) or non-blocking mode.
Status set_blocking(int fd, bool blocking);

extern const MethodDef socket_methods[];
extern const GetSetDef socket_getsets[];

}  // namespace gilpy::sock
