"""_ctypes for gilpy: the class machinery of ctypes (docs/decisions/0022-ctypes.md).

CPython's ctypes package imports this module as it would import its C
extension. The metaclasses, the layout of structures and unions, arrays,
pointers, argument conversion and the keep-alive bookkeeping (`_objects`)
are here; raw memory, libffi calls and callbacks, and dlopen are in the
native module _ctypes_native (src/modules/_ctypes.cpp). Behaviour and error
messages follow CPython 3.11's _ctypes.
"""
import sys as _sys
import _ctypes_native as _n
from _ctypes_native import CDataBase as _CData

__version__ = "1.1.0"

FUNCFLAG_CDECL = 0x1
FUNCFLAG_PYTHONAPI = 0x4
FUNCFLAG_USE_ERRNO = 0x8
FUNCFLAG_USE_LASTERROR = 0x10
RTLD_LOCAL = _n.RTLD_LOCAL
RTLD_GLOBAL = _n.RTLD_GLOBAL
CTYPES_MAX_ARGCOUNT = 1024

_memmove_addr = _n.memmove_addr
_memset_addr = _n.memset_addr
_string_at_addr = _n.string_at_addr
_wstring_at_addr = _n.wstring_at_addr
_cast_addr = _n.cast_addr

get_errno = _n.get_errno
set_errno = _n.set_errno

_mem_get = _n.mem_get
_mem_set = _n.mem_set
_address = _n.address
_size = _n.size
_index = _n.index


class ArgumentError(Exception):
    pass


ArgumentError.__module__ = "ctypes"

_pointer_type_cache = {}
_NOARG = object()

_SIMPLE_CODES = "cbBhHiIlLdfuzZqQPXOv?g"
_SIZES = {'v': 2, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'f': 4, 'u': 4,
          'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'd': 8, 'z': 8, 'Z': 8, 'P': 8, 'O': 8, 'g': 16}
_INT_CODES = "bBhHiIlLqQ"
# PEP 3118 format characters of the simple types (little-endian machine).
_FORMATS = {'v': 'h', 'c': 'c', 'b': 'b', 'B': 'B', '?': '?', 'h': 'h', 'H': 'H', 'i': 'i', 'I': 'I',
            'l': 'l', 'L': 'L', 'q': 'q', 'Q': 'Q', 'f': 'f', 'd': 'd', 'g': 'g', 'u': 'u',
            'z': 'z', 'Z': 'Z', 'P': 'P', 'O': 'O'}

# TYPEFLAG_*
_ISPOINTER = 0x100
_HASPOINTER = 0x200


class _Stg:
    """What CPython keeps in a ctypes type's StgDict."""
    __slots__ = ("size", "align", "length", "proto", "code", "ffi", "fields", "flags",
                 "final", "swapped", "format", "shape", "argtypes", "restype", "checker",
                 "fnflags", "converters", "is_union", "anon_done", "fields_final", "item_code",
                 "item_size")

    def __init__(self):
        self.size = 0
        self.align = 0
        self.length = 0
        self.proto = None
        self.code = None
        self.ffi = None
        self.fields = None
        self.flags = 0
        self.final = False
        self.swapped = False
        self.format = None
        self.shape = ()
        self.argtypes = None
        self.restype = None
        self.checker = None
        self.fnflags = 0
        self.converters = None
        self.is_union = False
        self.fields_final = False
        self.item_code = None
        self.item_size = 0

    def copy(self):
        s = _Stg()
        for k in _Stg.__slots__:
            if hasattr(self, k):
                setattr(s, k, getattr(self, k))
        return s


def _stg_any(t):
    """The storage info of a ctypes type (None for abstract classes and non-ctypes).

    Every class the ctypes metaclasses make has its own __ctypes_stg__ entry
    (None for the abstract bases), so an attribute lookup finds the class's own."""
    if not isinstance(t, type):
        return None
    return getattr(t, "__ctypes_stg__", None)


_stg = _stg_any


def _stg_of(obj):
    return getattr(type(obj), "__ctypes_stg__", None)


# ---- keep-alive bookkeeping (CPython's KeepRef) ------------------------------------------
def _container(obj):
    while obj._b_base_ is not None:
        obj = obj._b_base_
    if obj._objects is None:
        s = _stg_of(obj)
        if s is not None and s.length:
            _n.cd_setobjects(obj, {})
    return obj


def _unique_key(target, index):
    key = format(index & 0xffffffff, "x")
    while target._b_base_ is not None:
        key += ":" + format(_index(target) & 0xffffffff, "x")
        target = target._b_base_
    return key


def _keep_ref(target, index, keep):
    if keep is None:
        return
    ob = _container(target)
    objs = ob._objects
    if type(objs) is not dict:
        _n.cd_setobjects(ob, keep)
        return
    objs[_unique_key(target, index)] = keep


def _kept(obj):
    return _container(obj)._objects


# ---- instances ------------------------------------------------------------------------------
def _new_instance(cls, stg=None):
    if stg is None:
        stg = _stg_any(cls)
    self = _CData.__new__(cls)
    _n.cd_alloc(self, stg.size)
    return self


def _at(cls, address, base, index):
    """An instance of cls over memory at address (inside base's memory when base is given)."""
    stg = _stg_any(cls)
    self = _CData.__new__(cls)
    _n.cd_at(self, address, stg.size, base, index)
    return self


def _from_base(cls, base, index, address):
    """CPython's PyCData_FromBaseObj: a view into base, or a copy when base is None."""
    if base is None:
        stg = _stg_any(cls)
        self = _new_instance(cls, stg)
        _n.memmove(_address(self), address, stg.size)
        return self
    return _at(cls, address, base, index)


def _is_simple_instance(cls):
    """True for subclasses of a fundamental simple type (no auto conversion)."""
    return isinstance(cls, PyCSimpleType) and cls.__base__ is not _SimpleCData


def _cdata_reduce(self):
    stg = _stg_of(self)
    if stg.flags & (_ISPOINTER | _HASPOINTER):
        raise ValueError("ctypes objects containing pointers cannot be pickled")
    return (_unpickle, (type(self), (self.__dict__, _n.string_at(_address(self), _size(self)))))


def _cdata_setstate(self, dict, data):
    if not isinstance(dict, type({})):
        raise TypeError("__setstate__ argument 1 must be dict, not %s" % type(dict).__name__)
    if not isinstance(data, bytes):
        raise TypeError("__setstate__ argument 2 must be bytes, not %s" % type(data).__name__)
    n = min(len(data), _size(self))
    _n.memmove(_address(self), _n.bytes_address(data), n)
    self.__dict__.update(dict)


def _cdata_from_outparam(self):
    return self


_n.install("__reduce__", _cdata_reduce)
_n.install("__setstate__", _cdata_setstate)
_n.install("__ctypes_from_outparam__", _cdata_from_outparam)
def _cdata_nohash(self):
    raise TypeError("unhashable type")


_n.install("__hash__", _cdata_nohash)
_n.install("__module__", "_ctypes")


def _unpickle(typ, state):
    obj = typ.__new__(typ)
    obj.__setstate__(*state)
    return obj


# ---- getting and setting values (CPython's PyCData_get / _PyCData_set) -------------------------
def _get(cls, getter, base, index, address):
    if getter is not None:
        return getter(address)
    stg = _stg_any(cls)
    if stg is not None and stg.code is not None and not _is_simple_instance(cls):
        return _simple_get(stg, address)
    return _from_base(cls, base, index, address)


def _simple_get(stg, address):
    return _mem_get(address, stg.code, stg.swapped)


def _set_value(cls, setter, value, size, address):
    """Store value at address as a cls; returns what must be kept alive (or None)."""
    if setter is not None:
        return setter(address, value)
    if not isinstance(value, _CData):
        stg = _stg_any(cls)
        if stg is not None and stg.code is not None:
            return _simple_set(stg, address, value)
        if isinstance(value, tuple):
            try:
                ob = cls(*value)
            except Exception as e:
                raise RuntimeError("(%s) %s: %s" % (cls.__name__, type(e).__name__, e)) from None
            return _set_value(cls, setter, ob, size, address)
        if value is None and isinstance(cls, PyCPointerType):
            _mem_set(address, 'P', None)
            return None
        raise TypeError("expected %s instance, got %s" % (cls.__name__, type(value).__name__))
    if isinstance(value, cls):
        _n.memmove(address, _address(value), size)
        return _kept(value)
    if isinstance(cls, PyCPointerType) and isinstance(value, Array):
        p1 = _stg_of(value)
        p2 = _stg_any(cls)
        if p1.proto is not p2.proto:
            raise TypeError("incompatible types, %s instance instead of %s instance"
                            % (type(value).__name__, cls.__name__))
        _mem_set(address, 'P', _address(value))
        return (_kept(value), value)
    raise TypeError("incompatible types, %s instance instead of %s instance"
                    % (type(value).__name__, cls.__name__))


def _simple_set(stg, address, value):
    code = stg.code
    if code == 'O':
        _mem_set(address, 'O', value)
        return value
    if code in "zZ" or code == 'P':
        return _mem_set(address, code, value)
    _mem_set(address, code, value, stg.swapped)
    return None


def _set(target, cls, setter, value, index, size, address):
    keep = _set_value(cls, setter, value, size, address)
    _keep_ref(target, index, keep)


# ---- the metaclasses ---------------------------------------------------------------------------
class _CDataType(type):
    """Methods every ctypes metaclass has (CPython's CDataType_methods)."""

    def from_address(cls, address):
        if not isinstance(address, int):
            raise TypeError("integer expected")
        return _at(cls, address, None, 0)

    def from_buffer(cls, obj, offset=0):
        stg = _stg_any(cls)
        if stg is None:
            raise TypeError("abstract class")
        mv = memoryview(obj)
        if mv.readonly:
            raise TypeError("underlying buffer is not writable")
        if not mv.c_contiguous:
            raise TypeError("underlying buffer is not C contiguous")
        if offset < 0:
            raise ValueError("offset cannot be negative")
        address, size = _n.buffer_address(obj, True)
        if stg.size > size - offset:
            raise ValueError("Buffer size too small (%d instead of at least %d bytes)"
                             % (size, stg.size + offset))
        result = _at(cls, address + offset, None, 0)
        _keep_ref(result, -1, mv)
        return result

    def from_buffer_copy(cls, obj, offset=0):
        stg = _stg_any(cls)
        if stg is None:
            raise TypeError("abstract class")
        address, size = _n.buffer_address(obj, False)
        if offset < 0:
            raise ValueError("offset cannot be negative")
        if stg.size > size - offset:
            raise ValueError("Buffer size too small (%d instead of at least %d bytes)"
                             % (size, stg.size + offset))
        result = _new_instance(cls, stg)
        _n.memmove(_address(result), address + offset, stg.size)
        return result

    def in_dll(cls, dll, name):
        handle = dll._handle
        if not isinstance(handle, int):
            raise TypeError("the _handle attribute of the second argument must be an integer")
        try:
            address = _n.dlsym(handle, name)
        except OSError as e:
            raise ValueError(str(e)) from None
        return _at(cls, address, None, 0)

    def from_param(cls, value):
        if _stg_any(cls) is None:
            raise TypeError("abstract class")
        return _generic_from_param(cls, value)

    def __mul__(cls, length):
        if not isinstance(length, int):
            try:
                length = length.__index__()
            except AttributeError:
                raise TypeError("can't multiply sequence by non-int of type '%s'"
                                % type(length).__name__) from None
        return _array_type(cls, length, _caller_module())

    def __rmul__(cls, length):
        if not isinstance(length, int):
            return NotImplemented
        return _array_type(cls, length, _caller_module())


def _generic_from_param(cls, value):
    if isinstance(value, cls):
        return value
    if isinstance(value, CArgObject):
        ob = value._obj
        s = _stg_any(cls)
        if s is not None and ob is not None and isinstance(s.proto, type) and isinstance(ob, s.proto):
            return value
        raise TypeError("expected %s instance instead of pointer to %s"
                        % (cls.__name__, type(ob).__name__))
    try:
        ap = value._as_parameter_
    except AttributeError:
        pass
    else:
        return cls.from_param(ap)
    raise TypeError("expected %s instance instead of %s" % (cls.__name__, type(value).__name__))


# ---- simple types ----
class PyCSimpleType(_CDataType):
    def __new__(mcls, name, bases, ns, **kw):
        cls = type.__new__(mcls, name, bases, ns, **kw)
        if ns.get("_abstract_"):
            type.__setattr__(cls, "__ctypes_stg__", None)
            type.__delattr__(cls, "_abstract_")
            return cls
        try:
            proto = cls._type_
        except AttributeError:
            raise AttributeError("class must define a '_type_' attribute") from None
        if not isinstance(proto, str):
            raise TypeError("class must define a '_type_' string attribute")
        if len(proto) != 1:
            raise ValueError("class must define a '_type_' attribute which must be a string of length 1")
        if proto not in _SIMPLE_CODES or proto == "X":
            raise AttributeError("class must define a '_type_' attribute which must be\n"
                                 "a single character string containing one of '%s'." % _SIMPLE_CODES)
        s = _Stg()
        s.code = proto
        s.size = _SIZES[proto]
        s.align = s.size
        s.ffi = proto
        s.format = "<" + _FORMATS[proto] if proto not in "cbB?zZPO" else _FORMATS[proto]
        if proto in "zZP" or proto == 'O':
            s.flags |= _ISPOINTER if proto != 'O' else 0
        if proto in "zZP":
            s.flags |= _ISPOINTER
        type.__setattr__(cls, "__ctypes_stg__", s)
        # The swapped-byte-order twin used by _endian (c_int.__ctype_be__).
        if proto in "hHiIlLqQfdg" and "__ctype_be__" not in ns:
            ns2 = dict(ns)
            ns2["__qualname__"] = cls.__qualname__
            sw = type.__new__(mcls, name + "_be", bases, ns2)
            s2 = s.copy()
            s2.swapped = True
            s2.format = ">" + _FORMATS[proto]
            type.__setattr__(sw, "__ctypes_stg__", s2)
            type.__setattr__(cls, "__ctype_le__", cls)
            type.__setattr__(cls, "__ctype_be__", sw)
            type.__setattr__(sw, "__ctype_le__", cls)
            type.__setattr__(sw, "__ctype_be__", sw)
        if cls.__base__ is _SimpleCData and proto in "zZP":
            pass
        return cls

    def from_param(cls, value):
        stg = _stg_any(cls)
        if stg is None:
            raise TypeError("abstract class")
        code = stg.code
        if code == 'z':
            return _c_char_p_from_param(cls, value)
        if code == 'Z':
            return _c_wchar_p_from_param(cls, value)
        if code == 'P':
            return _c_void_p_from_param(cls, value)
        if isinstance(value, cls):
            return value
        try:
            return CArgObject._simple(code, value, stg)
        except Exception:
            pass
        try:
            ap = value._as_parameter_
        except AttributeError:
            raise TypeError("wrong type") from None
        return cls.from_param(ap)


def _text_p_from_param(cls, value, text_type, arg_code, elem_code):
    # c_char_p / c_wchar_p: None, a bytes / str, an instance, an array or
    # pointer of c_char / c_wchar (or byref() of one), else _as_parameter_.
    if value is None:
        return None
    if isinstance(value, text_type):
        return CArgObject._known(arg_code, value)
    if isinstance(value, cls):
        return value
    if isinstance(value, (Array, _Pointer)):
        if _proto_code(value) == elem_code:
            return value
    if isinstance(value, CArgObject) and isinstance(value._obj, _CData) and _code_of(value._obj) == elem_code:
        return value
    try:
        ap = value._as_parameter_
    except AttributeError:
        raise TypeError("wrong type") from None
    return cls.from_param(ap)


def _c_char_p_from_param(cls, value):
    return _text_p_from_param(cls, value, bytes, 'z', 'c')


def _c_wchar_p_from_param(cls, value):
    return _text_p_from_param(cls, value, str, 'Z', 'u')


def _c_void_p_from_param(cls, value):
    if value is None:
        return None
    if isinstance(value, int):
        return CArgObject._simple('P', value, None)
    if isinstance(value, bytes):
        return CArgObject._known('z', value)
    if isinstance(value, str):
        return CArgObject._known('Z', value)
    if isinstance(value, cls):
        return value
    if isinstance(value, (Array, _Pointer)):
        return value
    if isinstance(value, CArgObject) and value._code == 'P':
        return value
    if isinstance(value, CFuncPtr):
        return CArgObject._pointer(_address(value) and _mem_get(_address(value), 'P'), value)
    if isinstance(value, _SimpleCData) and _stg_of(value).code in "zZ":
        return CArgObject._pointer(_mem_get(_address(value), 'P'), value)
    try:
        ap = value._as_parameter_
    except AttributeError:
        raise TypeError("wrong type") from None
    return cls.from_param(ap)


_char_types = {}


def _proto_code(value):
    s = _stg_of(value)
    p = _stg_any(s.proto) if s is not None and isinstance(s.proto, type) else None
    return p.code if p is not None else None


def _code_of(obj):
    s = _stg_of(obj)
    return s.code if s is not None else None


def _c_char_type():
    t = _char_types.get('c')
    if t is None:
        import ctypes
        t = _char_types['c'] = ctypes.c_char
    return t


def _c_wchar_type():
    t = _char_types.get('u')
    if t is None:
        import ctypes
        t = _char_types['u'] = ctypes.c_wchar
    return t


class _SimpleCData(_CData, metaclass=PyCSimpleType):
    _abstract_ = True
    __slots__ = ()

    def __new__(cls, *args, **kw):
        stg = _stg_any(cls)
        if stg is None:
            raise TypeError("abstract class")
        return _new_instance(cls, stg)

    def __init__(self, value=_NOARG):
        if value is not _NOARG:
            self.value = value

    @property
    def value(self):
        stg = _stg_of(self)
        return _mem_get(_address(self), stg.code, stg.swapped)

    @value.setter
    def value(self, value):
        stg = _stg_of(self)
        keep = _simple_set(stg, _address(self), value)
        _keep_ref(self, 0, keep)

    @value.deleter
    def value(self):
        raise TypeError("can't delete attribute")

    def __repr__(self):
        if type(self).__base__ is not _SimpleCData:
            return "<%s object at %#x>" % (type(self).__name__, id(self))
        return "%s(%r)" % (type(self).__name__, self.value)

    def __bool__(self):
        return any(_n.string_at(_address(self), _size(self)))

    def __ctypes_from_outparam__(self):
        if type(self).__base__ is not _SimpleCData:
            return self
        return self.value




# ---- structures and unions ----
class CField:
    """A field descriptor of a Structure or Union (CPython's _ctypes.CField)."""
    __slots__ = ("_offset", "_size", "_proto", "_index", "_bits", "_bitofs", "_getter", "_setter",
                 "_anonymous", "_name", "_path", "_code", "_swapped")

    def __new__(cls, *args, **kw):
        raise TypeError("cannot create '_ctypes.CField' instances")

    offset = property(lambda self: self._offset, doc="offset in bytes of this field")
    size = property(lambda self: self._size, doc="size in bytes of this field")

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        if not isinstance(obj, _CData):
            raise TypeError("not a ctype instance")
        code = self._code
        if code is not None:
            return _mem_get(_address(obj) + self._offset, code, self._swapped)
        address = _address(obj) + self._offset
        if self._bits:
            stg = _stg_any(self._proto)
            return _n.mem_get_bits(address, stg.code, self._bitofs, self._bits, stg.swapped)
        return _get(self._proto, self._getter, obj, self._index, address)

    def __set__(self, obj, value):
        if not isinstance(obj, _CData):
            raise TypeError("not a ctype instance")
        code = self._code
        if code is not None and not isinstance(value, _CData):
            keep = _mem_set(_address(obj) + self._offset, code, value, self._swapped)
            if keep is not None:
                _keep_ref(obj, self._index, keep)
            return
        address = _address(obj) + self._offset
        if self._bits:
            stg = _stg_any(self._proto)
            _n.mem_set_bits(address, stg.code, value, self._bitofs, self._bits, stg.swapped)
            return
        size = _stg_any(self._proto).size
        _set(obj, self._proto, self._setter, value, self._index, size, address)

    def __delete__(self, obj):
        raise TypeError("can't delete attribute")

    def __repr__(self):
        name = self._proto.__name__
        if self._bits:
            return "<Field type=%s, ofs=%d:%d, bits=%d>" % (name, self.offset, self._bitofs, self._bits)
        return "<Field type=%s, ofs=%d, size=%d>" % (name, self.offset, self.size)


CField.__module__ = "_ctypes"


class _AnonField:
    """A field reached through an anonymous member (path of fields)."""
    __slots__ = ("_path", "offset", "size")

    def __init__(self, path):
        self._path = path
        self.offset = sum(f.offset for f in path)
        self.size = path[-1].size

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        for f in self._path[:-1]:
            obj = f.__get__(obj)
        return self._path[-1].__get__(obj)

    def __set__(self, obj, value):
        for f in self._path[:-1]:
            obj = f.__get__(obj)
        self._path[-1].__set__(obj, value)


def _char_array_getter(size):
    def get(address):
        data = _n.string_at(address, size)
        i = data.find(b"\0")
        return data if i < 0 else data[:i]
    return get


def _char_array_setter(size):
    def set_(address, value):
        if not isinstance(value, bytes):
            raise TypeError("expected bytes, %s found" % type(value).__name__)
        k = value.find(b"\0")
        n = len(value) if k < 0 else k
        if n > size:
            raise ValueError("bytes too long (%d, maximum length %d)" % (n, size))
        if n < size:
            n += 1
        _n.memmove(address, _n.bytes_address(value), n)
        return None
    return set_


def _wchar_array_getter(size):
    def get(address):
        n = size // 4
        s = _n.wstring_at(address, n)
        i = s.find("\0")
        return s if i < 0 else s[:i]
    return get


def _wchar_array_setter(size):
    def set_(address, value):
        if not isinstance(value, str):
            raise TypeError("unicode string expected instead of %s instance" % type(value).__name__)
        n = size // 4
        if len(value) > n:
            raise ValueError("string too long (%d, maximum length %d)" % (len(value), n))
        keep, addr = _n.wide_buffer(value)
        k = len(value) + 1 if len(value) < n else len(value)
        _n.memmove(address, addr, k * 4)
        return None
    return set_


def _update_fields(cls, fields, is_union):
    stg_cls = cls.__dict__.get("__ctypes_stg__")
    if stg_cls is not None and stg_cls.fields_final:
        raise AttributeError("_fields_ is final")
    if not isinstance(fields, (list, tuple)):
        try:
            fields = list(fields)
        except TypeError:
            raise TypeError("'_fields_' must be a sequence of pairs") from None
    pack = getattr(cls, "_pack_", None)
    if pack is not None:
        if not isinstance(pack, int) or pack < 0:
            raise ValueError("_pack_ must be a non-negative integer")
    else:
        pack = 0
    big_endian = hasattr(cls, "_swappedbytes_")
    base = cls.__bases__[0] if cls.__bases__ else None
    basestg = _stg(base) if base is not None else None
    if basestg is not None:
        size = offset = basestg.size
        align = basestg.align
        nfields_base = basestg.length
        flags = basestg.flags & _HASPOINTER
        ffi_elems = list(basestg.ffi[2]) if isinstance(basestg.ffi, tuple) else []
    else:
        size = offset = 0
        align = 0
        nfields_base = 0
        flags = 0
        ffi_elems = []
    union_size = 0
    total_align = align if align else 1
    field_size = 0
    bitofs = 0
    descriptors = []
    formats = []
    for i, desc in enumerate(fields):
        if not isinstance(desc, tuple) or len(desc) not in (2, 3):
            raise TypeError("'_fields_' must be a sequence of (name, C type) pairs")
        fname, ftype = desc[0], desc[1]
        if ftype is cls:
            raise AttributeError("Structure or union cannot contain itself")
        dict_ = _stg_any(ftype)
        if dict_ is None:
            raise TypeError("second item in _fields_ tuple (index %d) must be a C type" % i)
        if not isinstance(fname, str):
            raise TypeError("'_fields_' must be a sequence of (name, C type) pairs")
        bitsize = 0
        if len(desc) == 3:
            bitsize = desc[2]
            if not isinstance(bitsize, int):
                raise TypeError("bit size must be int")
            if dict_.code is None or dict_.code not in "bBhHiIlLqQ?":
                raise TypeError("bit fields not allowed for type %s" % ftype.__name__)
            if bitsize <= 0 or bitsize > dict_.size * 8:
                raise ValueError("number of bits invalid for bit field")
        flags |= dict_.flags & (_ISPOINTER | _HASPOINTER) and _HASPOINTER
        if dict_.flags & (_ISPOINTER | _HASPOINTER):
            flags |= _HASPOINTER
        f = object.__new__(CField)
        f._proto = ftype
        f._index = nfields_base + i
        f._bits = 0
        f._bitofs = 0
        f._getter = None
        f._setter = None
        f._name = fname
        f._code = None
        f._swapped = dict_.swapped
        if is_union:
            size = offset = 0
            align = 0
            field_size = 0
            bitofs = 0
        # CPython 3.11's PyCField_FromDesc (the GCC bit-field rules).
        fsize = dict_.size
        if bitsize and field_size and fsize * 8 <= field_size and bitofs + bitsize <= field_size:
            kind = "cont"
        elif bitsize and field_size and fsize * 8 >= field_size and bitofs + bitsize <= fsize * 8:
            kind = "expand"
        elif bitsize:
            kind = "new"
            bitofs = 0
            field_size = fsize * 8
        else:
            kind = "none"
            bitofs = 0
            field_size = 0
        if isinstance(ftype, PyCArrayType) and not bitsize:
            item = dict_.proto
            istg = _stg_any(item)
            if istg is not None and istg.code == 'c' and item is _c_char_type():
                f._getter = _char_array_getter(fsize)
                f._setter = _char_array_setter(fsize)
            elif istg is not None and istg.code == 'u' and item is _c_wchar_type():
                f._getter = _wchar_array_getter(fsize)
                f._setter = _wchar_array_setter(fsize)
        if kind in ("new", "none"):
            if kind == "new":
                if big_endian:
                    f._size = (bitsize << 16) + field_size - bitofs - bitsize
                else:
                    f._size = (bitsize << 16) + bitofs
                bitofs = bitsize
            a = min(pack, dict_.align) if pack else dict_.align
            if a and offset % a:
                delta = a - offset % a
                size += delta
                offset += delta
            if bitsize == 0:
                f._size = fsize
            size += fsize
            f._offset = offset
            offset += fsize
            align = a
        elif kind == "expand":
            offset += fsize - field_size // 8
            size += fsize - field_size // 8
            field_size = fsize * 8
            if big_endian:
                f._size = (bitsize << 16) + field_size - bitofs - bitsize
            else:
                f._size = (bitsize << 16) + bitofs
            f._offset = offset - fsize
            bitofs += bitsize
        else:
            if big_endian:
                f._size = (bitsize << 16) + field_size - bitofs - bitsize
            else:
                f._size = (bitsize << 16) + bitofs
            f._offset = offset - fsize
            bitofs += bitsize
        if bitsize:
            f._bits = bitsize
            f._bitofs = f._size & 0xffff
        elif dict_.code is not None and f._getter is None and not _is_simple_instance(ftype):
            f._code = dict_.code
        if is_union:
            union_size = max(size, union_size)
        total_align = max(align, total_align)
        descriptors.append((fname, f))
        if kind in ("new", "none") or is_union:
            ffi_elems.extend(_ffi_elements(ftype))
        formats.append(f)
    if is_union:
        size = union_size
    size = (size + total_align - 1) // total_align * total_align
    s = _Stg()
    s.size = size
    s.align = total_align
    s.length = nfields_base + len(fields)
    s.flags = flags
    s.is_union = is_union
    s.fields = [d for d in descriptors]
    s.ffi = (max(size, 1), total_align, tuple(ffi_elems) if ffi_elems else ('B',))
    s.format = "B"
    s.fields_final = True
    type.__setattr__(cls, "__ctypes_stg__", s)
    for fname, f in descriptors:
        type.__setattr__(cls, fname, f)
    anon = cls.__dict__.get("_anonymous_")
    if anon is not None:
        _make_anon_fields(cls, anon, descriptors)
    # The field types are final now.
    for desc in fields:
        st = _stg(desc[1])
        if st is not None and isinstance(desc[1], (PyCStructType, UnionType)):
            st.fields_final = True


def _ffi_elements(t):
    s = _stg_any(t)
    if isinstance(t, PyCArrayType):
        item = _ffi_elements(s.proto) if s.length else []
        if len(item) * s.length > 1 << 20:
            raise OverflowError("array too large to pass by value")
        return item * s.length
    if isinstance(s.ffi, tuple) and (isinstance(t, (PyCStructType, UnionType))):
        return [s.ffi]
    if isinstance(s.ffi, str):
        return [s.ffi]
    return ['P']


def _make_anon_fields(cls, anon, descriptors):
    try:
        names = list(anon)
    except TypeError:
        raise TypeError("_anonymous_ must be a sequence") from None
    for name in names:
        f = getattr(cls, name)
        if type(f) is not CField:
            raise AttributeError("'%s' is specified in _anonymous_ but not in _fields_" % name)
        f._anonymous = True
        _add_anon(cls, [f], f._proto)


def _add_anon(cls, path, t):
    st = _stg_any(t)
    for fname, sub in st.fields or ():
        p = path + [sub]
        if getattr(sub, "_anonymous", False) and isinstance(sub._proto, (PyCStructType, UnionType)):
            _add_anon(cls, p, sub._proto)
            continue
        type.__setattr__(cls, fname, _AnonField(p))


class _StructMeta(_CDataType):
    _is_union = False

    def __new__(mcls, name, bases, ns, **kw):
        cls = type.__new__(mcls, name, bases, ns, **kw)
        if ns.get("_abstract_"):
            type.__setattr__(cls, "__ctypes_stg__", None)
            type.__delattr__(cls, "_abstract_")
            return cls
        for b in bases:
            bs = _stg(b)
            if bs is not None:
                bs.fields_final = True
        base = _stg_any(cls.__bases__[0]) if cls.__bases__ else None
        s = base.copy() if base is not None else _Stg()
        if base is None:
            s.size = 0
            s.align = 1
            s.ffi = (1, 1, ('B',))
            s.format = "B"
            s.fields = []
        s.fields_final = False
        type.__setattr__(cls, "__ctypes_stg__", s)
        if "_fields_" in ns:
            setattr(cls, "_fields_", ns["_fields_"])
        return cls

    def __setattr__(cls, name, value):
        if name == "_fields_" and "__ctypes_stg__" not in cls.__dict__:
            raise TypeError("ctypes state is not initialized")
        type.__setattr__(cls, name, value)
        if name == "_fields_":
            _update_fields(cls, value, isinstance(cls, UnionType))


class PyCStructType(_StructMeta):
    pass


class UnionType(_StructMeta):
    _is_union = True


def _struct_init(self, *args, **kw):
    stg = _stg_of(self)
    if stg is None:
        raise TypeError("abstract class")
    if args:
        names = _all_field_names(type(self))
        if len(args) > len(names):
            raise TypeError("too many initializers")
        for name, value in zip(names, args):
            if name in kw:
                raise TypeError("duplicate values for field %r" % name)
            setattr(self, name, value)
    for k, v in kw.items():
        setattr(self, k, v)


def _all_field_names(cls):
    names = []
    chain = []
    for k in cls.__mro__:
        s = k.__dict__.get("__ctypes_stg__")
        if s is not None and s.fields is not None and k.__dict__.get("_fields_") is not None:
            chain.append(k)
    for k in reversed(chain):
        for d in k.__dict__["_fields_"]:
            names.append(d[0])
    return names


class Structure(_CData, metaclass=PyCStructType):
    _abstract_ = True
    __slots__ = ()

    def __new__(cls, *args, **kw):
        stg = _stg_any(cls)
        if stg is None:
            raise TypeError("abstract class")
        stg.fields_final = True
        return _new_instance(cls, stg)

    __init__ = _struct_init


class Union(_CData, metaclass=UnionType):
    _abstract_ = True
    __slots__ = ()

    def __new__(cls, *args, **kw):
        stg = _stg_any(cls)
        if stg is None:
            raise TypeError("abstract class")
        stg.fields_final = True
        return _new_instance(cls, stg)

    __init__ = _struct_init


# ---- arrays ----
class PyCArrayType(_CDataType):
    def __new__(mcls, name, bases, ns, **kw):
        cls = type.__new__(mcls, name, bases, ns, **kw)
        if ns.get("_abstract_"):
            type.__setattr__(cls, "__ctypes_stg__", None)
            type.__delattr__(cls, "_abstract_")
            return cls
        try:
            length = cls._length_
        except AttributeError:
            raise AttributeError("class must define a '_length_' attribute") from None
        if not isinstance(length, int):
            raise TypeError("The '_length_' attribute must be an integer")
        if length < 0:
            raise ValueError("The '_length_' attribute must not be negative")
        if length > _sys.maxsize:
            raise OverflowError("The '_length_' attribute is too large")
        try:
            proto = cls._type_
        except AttributeError:
            raise AttributeError("class must define a '_type_' attribute") from None
        istg = _stg_any(proto)
        if istg is None:
            raise TypeError("_type_ must have storage info")
        if istg.size and length > _sys.maxsize // istg.size:
            raise OverflowError("array too large")
        s = _Stg()
        s.size = istg.size * length
        s.align = istg.align
        s.length = length
        s.proto = proto
        s.flags = _HASPOINTER if istg.flags & (_ISPOINTER | _HASPOINTER) else 0
        s.ffi = None  # made when needed (_ffi_elements): the array may be huge
        s.format = istg.format
        # Items of a fundamental simple type are read and written directly.
        if istg.code is not None and not _is_simple_instance(proto):
            s.item_code = istg.code
            s.swapped = istg.swapped
            s.item_size = istg.size
        type.__setattr__(cls, "__ctypes_stg__", s)
        return cls


def _caller_module(depth=2):
    # Types made on the fly (c_int * 3, POINTER(T)) take __module__ from the
    # code that asked for them, as CPython's type() call from C does.
    try:
        return _sys._getframe(depth).f_globals.get("__name__", "_ctypes")
    except (AttributeError, ValueError):
        return "_ctypes"


def _array_type(itemtype, length, module="_ctypes"):
    key = (itemtype, length)
    t = _array_cache.get(key)
    if t is not None:
        return t
    if length < 0:
        raise ValueError("Array length must be >= 0, not %d" % length)
    if not isinstance(itemtype, type):
        raise TypeError("Expected a type object")
    t = PyCArrayType("%s_Array_%d" % (itemtype.__name__, length), (Array,),
                     {"_length_": length, "_type_": itemtype, "__module__": module})
    _array_cache[key] = t
    return t


_array_cache = {}


class Array(_CData, metaclass=PyCArrayType):
    _abstract_ = True
    __slots__ = ()

    def __new__(cls, *args, **kw):
        stg = _stg_any(cls)
        if stg is None:
            raise TypeError("abstract class")
        return _new_instance(cls, stg)

    def __init__(self, *args):
        for i, v in enumerate(args):
            self[i] = v

    def __len__(self):
        return _stg_of(self).length

    def __getitem__(self, index):
        stg = _stg_of(self)
        length = stg.length
        if isinstance(index, slice):
            start, stop, step = index.indices(length)
            r = range(start, stop, step)
            proto = stg.proto
            if proto is _c_char_type():
                data = _n.string_at(_address(self), length)
                return data[start:stop] if step == 1 else bytes([data[i] for i in r])
            if proto is _c_wchar_type():
                s = _n.wstring_at(_address(self), length)
                return s[start:stop] if step == 1 else "".join([s[i] for i in r])
            return [self[i] for i in r]
        index = _index_of(index)
        if index < 0:
            index += length
        if index < 0 or index >= length:
            raise IndexError("invalid index")
        code = stg.item_code
        if code is not None:
            return _mem_get(_address(self) + index * stg.item_size, code, stg.swapped)
        isize = _stg_any(stg.proto).size
        return _get(stg.proto, None, self, index, _address(self) + index * isize)

    def __setitem__(self, index, value):
        stg = _stg_of(self)
        length = stg.length
        if isinstance(index, slice):
            start, stop, step = index.indices(length)
            r = range(start, stop, step)
            if len(value) != len(r):
                raise ValueError("Can only assign sequence of same size")
            for i, v in zip(r, value):
                self[i] = v
            return
        index = _index_of(index)
        if index < 0:
            index += length
        if index < 0 or index >= length:
            raise IndexError("invalid index")
        code = stg.item_code
        if code is not None and not isinstance(value, _CData):
            keep = _mem_set(_address(self) + index * stg.item_size, code, value, stg.swapped)
            if keep is not None:
                _keep_ref(self, index, keep)
            return
        isize = _stg_any(stg.proto).size
        _set(self, stg.proto, None, value, index, isize, _address(self) + index * isize)

    def __delitem__(self, index):
        raise TypeError("Array does not support item deletion")

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


def _index_of(index):
    if isinstance(index, int):
        return index
    try:
        return index.__index__()
    except AttributeError:
        raise TypeError("indices must be integers") from None


def _char_array_value_get(self):
    data = _n.string_at(_address(self), _size(self))
    i = data.find(b"\0")
    return data if i < 0 else data[:i]


def _char_array_value_set(self, value):
    if not isinstance(value, bytes):
        raise TypeError("bytes expected instead of %s instance" % type(value).__name__)
    size = _size(self)
    if len(value) > size:
        raise ValueError("byte string too long")
    n = len(value) + 1 if len(value) < size else len(value)
    _n.memmove(_address(self), _n.bytes_address(value), n)


def _char_array_raw_get(self):
    return _n.string_at(_address(self), _size(self))


def _char_array_raw_set(self, value):
    address, size = _n.buffer_address(value, False)
    if size > _size(self):
        raise ValueError("byte string too long")
    _n.memmove(_address(self), address, size)


def _wchar_array_value_get(self):
    return _wchar_array_getter(_size(self))(_address(self))


def _wchar_array_value_set(self, value):
    if not isinstance(value, str):
        raise TypeError("unicode string expected instead of %s instance" % type(value).__name__)
    n = _size(self) // 4
    if len(value) > n:
        raise ValueError("string too long")
    keep, addr = _n.wide_buffer(value)
    k = len(value) + 1 if len(value) < n else len(value)
    _n.memmove(_address(self), addr, k * 4)


def _no_delete(self):
    raise TypeError("can't delete attribute")


_orig_array_new = PyCArrayType.__new__


def _array_new_with_props(mcls, name, bases, ns, **kw):
    cls = _orig_array_new(mcls, name, bases, ns, **kw)
    s = cls.__dict__.get("__ctypes_stg__")
    if s is not None and isinstance(s.proto, type):
        ps = _stg_any(s.proto)
        if ps is not None and ps.code == 'c' and s.proto.__base__ is _SimpleCData:
            type.__setattr__(cls, "value", property(_char_array_value_get, _char_array_value_set, _no_delete))
            type.__setattr__(cls, "raw", property(_char_array_raw_get, _char_array_raw_set))
        elif ps is not None and ps.code == 'u' and s.proto.__base__ is _SimpleCData:
            type.__setattr__(cls, "value", property(_wchar_array_value_get, _wchar_array_value_set, _no_delete))
    return cls


PyCArrayType.__new__ = _array_new_with_props


# ---- pointers ----
class PyCPointerType(_CDataType):
    def __new__(mcls, name, bases, ns, **kw):
        cls = type.__new__(mcls, name, bases, ns, **kw)
        if ns.get("_abstract_"):
            type.__setattr__(cls, "__ctypes_stg__", None)
            type.__delattr__(cls, "_abstract_")
            return cls
        s = _Stg()
        s.size = 8
        s.align = 8
        s.length = 1
        s.ffi = 'P'
        s.flags = _ISPOINTER
        proto = ns.get("_type_")
        if proto is not None:
            if not isinstance(proto, type) or _stg_any(proto) is None:
                raise TypeError("_type_ must have storage info")
            s.proto = proto
        s.format = "&" + (_stg_any(proto).format or "B") if proto is not None else "&B"
        type.__setattr__(cls, "__ctypes_stg__", s)
        return cls

    def set_type(cls, type_):
        if _stg_any(type_) is None:
            raise TypeError("_type_ must have storage info")
        s = _stg_any(cls)
        s.proto = type_
        s.format = "&" + (_stg_any(type_).format or "B")
        type.__setattr__(cls, "_type_", type_)

    def from_param(cls, value):
        if value is None:
            return None
        s = _stg_any(cls)
        if s is None:
            raise TypeError("abstract class")
        proto = s.proto
        if proto is not None and isinstance(value, proto):
            return byref(value)
        if isinstance(value, (_Pointer, Array)):
            vs = _stg_of(value)
            if proto is not None and isinstance(vs.proto, type) and issubclass(vs.proto, proto):
                return value
        return _generic_from_param(cls, value)


class _Pointer(_CData, metaclass=PyCPointerType):
    _abstract_ = True
    __slots__ = ()

    def __new__(cls, *args, **kw):
        stg = _stg_any(cls)
        if stg is None or stg.proto is None:
            raise TypeError("Cannot create instance: has no _type_")
        return _new_instance(cls, stg)

    def __init__(self, value=None):
        if value is not None:
            self.contents = value

    @property
    def contents(self):
        p = _mem_get(_address(self), 'P')
        if not p:
            raise ValueError("NULL pointer access")
        proto = _stg_of(self).proto
        return _from_base(proto, self, 0, p)

    @contents.setter
    def contents(self, value):
        stg = _stg_of(self)
        if not isinstance(value, _CData):
            raise TypeError("expected %s instead of %s" % (stg.proto.__name__, type(value).__name__))
        _mem_set(_address(self), 'P', _address(value))
        keep = _kept(value)
        _keep_ref(self, 1, value)
        _keep_ref(self, 0, keep)

    @contents.deleter
    def contents(self):
        raise TypeError("Pointer does not support item deletion")

    def __bool__(self):
        return bool(_mem_get(_address(self), 'P'))

    def __getitem__(self, index):
        p = _mem_get(_address(self), 'P')
        stg = _stg_of(self)
        proto = stg.proto
        if isinstance(index, slice):
            if index.stop is None:
                raise ValueError("slice stop is required")
            if index.step == 0:
                raise ValueError("slice step cannot be zero")
            start = 0 if index.start is None else index.start
            step = 1 if index.step is None else index.step
            if step < 0 and index.start is None:
                raise ValueError("slice start is required for step < 0")
            r = range(start, index.stop, step)
            if proto is _c_char_type():
                if not p:
                    raise ValueError("NULL pointer access")
                return bytes(_n.string_at(p + i, 1)[0] for i in r)
            if proto is _c_wchar_type():
                if not p:
                    raise ValueError("NULL pointer access")
                return "".join(_n.wstring_at(p + 4 * i, 1) for i in r)
            return [self[i] for i in r]
        if not p:
            raise ValueError("NULL pointer access")
        index = _index_of(index)
        isize = _stg_any(proto).size
        return _get(proto, None, self, index, p + index * isize)

    def __setitem__(self, index, value):
        p = _mem_get(_address(self), 'P')
        if not p:
            raise ValueError("NULL pointer access")
        index = _index_of(index)
        stg = _stg_of(self)
        isize = _stg_any(stg.proto).size
        _set(self, stg.proto, None, value, index, isize, p + index * isize)

    def __delitem__(self, index):
        raise TypeError("Pointer does not support item deletion")


def POINTER(cls):
    try:
        return _pointer_type_cache[cls]
    except KeyError:
        pass
    except TypeError:
        raise
    if isinstance(cls, str):
        t = PyCPointerType(cls, (_Pointer,), {"__module__": _caller_module()})
        _pointer_type_cache[id(t)] = t
        return t
    if isinstance(cls, type):
        t = PyCPointerType("LP_%s" % cls.__name__, (_Pointer,), {"_type_": cls, "__module__": _caller_module()})
        _pointer_type_cache[cls] = t
        return t
    raise TypeError("must be a ctypes type")


def pointer(obj):
    return POINTER(type(obj))(obj)


# ---- byref and function arguments ----
class CArgObject:
    """A parameter prepared for a foreign call (byref(), from_param() results).

    It holds a Python value and the type letter to pass it as (converted at
    the call, as _ctypes_native.mem_set would store it)."""
    __slots__ = ("_obj", "_code", "_value")

    @staticmethod
    def _simple(code, value, stg):
        _mem_set(_scratch_addr, code, value)  # the conversion's errors belong to from_param
        a = CArgObject()
        a._code = code
        a._obj = value
        a._value = value
        return a

    @staticmethod
    def _known(code, value):
        """A value known to convert (bytes for 'z', str for 'Z', an int for 'P')."""
        a = CArgObject()
        a._code = code
        a._obj = value
        a._value = value
        return a

    @staticmethod
    def _pointer(address, obj):
        a = CArgObject()
        a._code = 'P'
        a._obj = obj
        a._value = address
        return a

    def __repr__(self):
        code = self._code
        if code == 'P':
            v = self._value
            return "<cparam 'P' (%s)>" % ("0x%x" % v if v else "(nil)")
        if code == 'z':
            v = _n.bytes_address(self._value) if isinstance(self._value, bytes) else self._value
            return "<cparam 'z' (%s)>" % ("0x%x" % v if v else "(nil)")
        if code == 'Z':
            v = id(self._value) if isinstance(self._value, str) else self._value
            return "<cparam 'Z' (%s)>" % ("0x%x" % v if v else "(nil)")
        _mem_set(_scratch_addr, code, self._value)
        if code in "bBhHiIlLqQ":
            return "<cparam '%s' (%d)>" % (code, _mem_get(_scratch_addr, code))
        if code == 'c':
            v = _mem_get(_scratch_addr, code)[0]
            if 32 <= v < 127:
                return "<cparam 'c' ('%c')>" % v
            return "<cparam 'c' ('\\x%02x')>" % v
        if code in "fd":
            return "<cparam '%s' (%r)>" % (code, _mem_get(_scratch_addr, code))
        return "<cparam '%s' at %#x>" % (code, id(self))


CArgObject.__module__ = "_ctypes"


class _Buf(_CData):
    """Scratch memory for call arguments and results."""
    __slots__ = ()

    def __new__(cls, size):
        self = _CData.__new__(cls)
        _n.cd_alloc(self, size)
        return self


_scratch = _Buf(32)  # for checking conversions (written only with the GIL held)
_scratch_addr = _address(_scratch)


def byref(obj, offset=0):
    if not isinstance(obj, _CData):
        raise TypeError("byref() argument must be a ctypes instance, not '%s'" % type(obj).__name__)
    a = CArgObject._pointer(_address(obj) + offset, obj)
    return a


def addressof(obj):
    if not isinstance(obj, _CData):
        raise TypeError("invalid type")
    if _sys.audit is not None:
        _sys.audit("ctypes.addressof", obj)
    return _address(obj)


def sizeof(obj):
    s = _stg_any(obj) if isinstance(obj, type) else None
    if s is not None:
        return s.size
    if isinstance(obj, _CData) and not isinstance(obj, type):
        return _size(obj)
    raise TypeError("this type has no size")


def alignment(obj):
    s = _stg_any(obj) if isinstance(obj, type) else None
    if s is None and isinstance(obj, _CData):
        s = _stg_of(obj)
    if s is None:
        raise TypeError("no alignment info")
    return s.align


def resize(obj, size):
    if not isinstance(obj, _CData):
        raise TypeError("expected ctypes instance")
    s = _stg_of(obj)
    if size < s.size:
        raise ValueError("minimum size is %d" % s.size)
    if not obj._b_needsfree_:
        raise ValueError("Memory cannot be resized because this object doesn't own it")
    _n.cd_resize(obj, size)


def _cast_helper(address, src, ctype):
    if not (isinstance(ctype, PyCPointerType) or isinstance(ctype, PyCFuncPtrType) or
            (isinstance(ctype, PyCSimpleType) and _stg(ctype) is not None and _stg(ctype).code in "zZP")):
        raise TypeError("cast() argument 2 must be a pointer type, not %s" %
                        (ctype.__name__ if isinstance(ctype, type) else type(ctype).__name__))
    result = _new_instance(ctype)
    if isinstance(src, _CData):
        # Keep what src keeps alive, and src itself.
        container = _container(src)
        objs = container._objects
        if objs is None:
            _n.cd_setobjects(container, {})
            objs = container._objects
        if isinstance(objs, dict):
            _n.cd_setobjects(result, objs)
            objs[id(src)] = src
        else:
            _n.cd_setobjects(result, {id(src): src})
    _mem_set(_address(result), 'P', address)
    return result


_n.set_cast_helper(_cast_helper)


def PyObj_FromPtr(address):
    return _n.object_at(address)


def Py_INCREF(obj):
    return obj


def Py_DECREF(obj):
    return obj


def buffer_info(obj):
    s = _stg_any(obj) if isinstance(obj, type) else _stg_of(obj)
    if s is None:
        raise TypeError("not a ctypes type or object")
    return (s.format, len(s.shape), s.shape)


dlopen = _n.dlopen
dlclose = _n.dlclose
dlsym = _n.dlsym


# ---- foreign functions ----
class PyCFuncPtrType(_CDataType):
    def __new__(mcls, name, bases, ns, **kw):
        cls = type.__new__(mcls, name, bases, ns, **kw)
        if ns.get("_abstract_"):
            type.__setattr__(cls, "__ctypes_stg__", None)
            type.__delattr__(cls, "_abstract_")
            return cls
        s = _Stg()
        s.size = 8
        s.align = 8
        s.ffi = 'P'
        s.flags = _ISPOINTER
        s.format = "X{}"
        try:
            flags = cls._flags_
        except AttributeError:
            raise TypeError("class must define _flags_ which must be an integer") from None
        if not isinstance(flags, int):
            raise TypeError("class must define _flags_ which must be an integer")
        s.fnflags = flags
        argtypes = getattr(cls, "_argtypes_", None)
        if argtypes is not None and len(argtypes) > CTYPES_MAX_ARGCOUNT:
            raise ArgumentError("_argtypes_ has too many arguments (%d), maximum is %d"
                                % (len(argtypes), CTYPES_MAX_ARGCOUNT))
        if argtypes is not None:
            s.converters = _converters_from_argtypes(argtypes)
            s.argtypes = argtypes
        restype = getattr(cls, "_restype_", None)
        if restype is not None:
            if _stg_any(restype) is None and not callable(restype):
                raise TypeError("_restype_ must be a type, a callable, or None")
            s.restype = restype
            s.checker = getattr(restype, "_check_retval_", None)
        type.__setattr__(cls, "__ctypes_stg__", s)
        return cls


def _converters_from_argtypes(argtypes):
    if not isinstance(argtypes, (tuple, list)):
        raise TypeError("_argtypes_ must be a sequence of types")
    convs = []
    for i, t in enumerate(argtypes):
        try:
            convs.append(t.from_param)
        except AttributeError:
            raise TypeError("item %d in _argtypes_ has no from_param method" % (i + 1)) from None
    return convs


def _check_restype(restype):
    if restype is None:
        return
    if _stg_any(restype) is None and not callable(restype):
        raise TypeError("restype must be a type, a callable, or None")


class CFuncPtr(_CData, metaclass=PyCFuncPtrType):
    _abstract_ = True
    __slots__ = ("_fn_argtypes", "_fn_restype", "_fn_errcheck", "_fn_converters", "_fn_thunk",
                 "_fn_name", "_fn_paramflags", "__weakref__")

    def __new__(cls, *args, **kw):
        stg = _stg_any(cls)
        if stg is None:
            raise TypeError("abstract class")
        self = _new_instance(cls, stg)
        self._fn_argtypes = _NOARG
        self._fn_restype = _NOARG
        self._fn_errcheck = None
        self._fn_converters = None
        self._fn_thunk = None
        self._fn_name = None
        self._fn_paramflags = None
        if not args:
            return self
        a0 = args[0]
        if len(args) == 1 and isinstance(a0, int):
            if _sys.audit is not None:
                _sys.audit("ctypes.call_function", a0, ())
            _mem_set(_address(self), 'P', a0)
            return self
        if isinstance(a0, tuple):
            if len(a0) != 2:
                raise TypeError("illegal func_spec argument")
            name, dll = a0[0], a0[1]
            handle = dll._handle
            if not isinstance(handle, int):
                raise TypeError("the _handle attribute of the second argument must be an integer")
            if isinstance(name, int):
                raise AttributeError("function ordinal %d not found" % name)
            if not isinstance(name, str):
                raise TypeError("function name must be string, bytes object or integer")
            try:
                address = _n.dlsym(handle, name)
            except OSError as e:
                raise AttributeError(str(e)) from None
            _mem_set(_address(self), 'P', address)
            self._fn_name = name
            if len(args) > 1:
                self._fn_paramflags = _check_paramflags(stg, args[1])
            _keep_ref(self, 0, dll)
            return self
        if not callable(a0):
            raise TypeError("argument must be callable or integer function address")
        restype = stg.restype
        argtypes = stg.argtypes or ()
        if restype is not None:
            rs = _stg_any(restype)
            if rs is None or rs.code is None or (rs.code is not None and _is_simple_instance(restype) and False):
                raise TypeError("invalid result type for callback function")
        thunk = _make_thunk(a0, argtypes, restype, stg.fnflags)
        _mem_set(_address(self), 'P', thunk.address)
        self._fn_thunk = thunk
        _keep_ref(self, 0, thunk)
        return self

    def __init__(self, *args, **kw):
        pass

    @property
    def argtypes(self):
        _fn_defaults(self)
        if self._fn_argtypes is not _NOARG:
            return self._fn_argtypes
        s = _stg_of(self)
        return s.argtypes

    @argtypes.setter
    def argtypes(self, value):
        if value is None:
            self._fn_argtypes = _NOARG
            self._fn_converters = None
            return
        self._fn_converters = _converters_from_argtypes(value)
        self._fn_argtypes = value

    @argtypes.deleter
    def argtypes(self):
        self._fn_argtypes = _NOARG
        self._fn_converters = None

    @property
    def restype(self):
        _fn_defaults(self)
        if self._fn_restype is not _NOARG:
            return self._fn_restype
        return _stg_of(self).restype

    @restype.setter
    def restype(self, value):
        _check_restype(value)
        self._fn_restype = value

    @restype.deleter
    def restype(self):
        self._fn_restype = _NOARG

    @property
    def errcheck(self):
        _fn_defaults(self)
        return self._fn_errcheck

    @errcheck.setter
    def errcheck(self, value):
        if value is not None and not callable(value):
            raise TypeError("the errcheck attribute must be callable")
        self._fn_errcheck = value

    @errcheck.deleter
    def errcheck(self):
        self._fn_errcheck = None

    def __bool__(self):
        return bool(_mem_get(_address(self), 'P'))

    def __repr__(self):
        return "<%s object at %#x>" % (type(self).__qualname__ if False else _tp_name(type(self)), id(self))

    def __call__(self, *args, **kw):
        stg = _stg_of(self)
        _fn_defaults(self)
        if self._fn_restype is not _NOARG:
            restype = self._fn_restype
            checker = getattr(restype, "_check_retval_", None) if restype is not None else None
        else:
            restype = stg.restype
            checker = stg.checker
        if self._fn_argtypes is not _NOARG:
            argtypes = self._fn_argtypes
            converters = self._fn_converters
        else:
            argtypes = stg.argtypes
            converters = stg.converters
        if self._fn_paramflags is not None or kw:
            args = _build_callargs(self, argtypes, args, kw)
        address = _mem_get(_address(self), 'P')
        if not address:
            raise ValueError("NULL pointer access")
        flags = stg.fnflags
        if converters is not None:
            required = len(converters)
            actual = len(args)
            if (flags & FUNCFLAG_CDECL) and required > actual:
                raise TypeError("this function takes at least %d argument%s (%d given)"
                                % (required, "" if required == 1 else "s", actual))
            if not (flags & FUNCFLAG_CDECL) and required != actual:
                raise TypeError("this function takes %d argument%s (%d given)"
                                % (required, "" if required == 1 else "s", actual))
        result = _call_proc(address, args, flags, argtypes, converters, restype, checker)
        if self._fn_errcheck is not None:
            result = self._fn_errcheck(result, self, args)
        return result


def _fn_defaults(self):
    try:
        self._fn_argtypes
    except AttributeError:
        self._fn_argtypes = _NOARG
        self._fn_restype = _NOARG
        self._fn_errcheck = None
        self._fn_converters = None
        self._fn_thunk = None
        self._fn_name = None
        self._fn_paramflags = None


def _tp_name(t):
    return t.__name__


def _check_paramflags(stg, paramflags):
    if paramflags is None:
        return None
    if not isinstance(paramflags, tuple):
        raise TypeError("paramflags must be a tuple or None")
    argtypes = stg.argtypes
    if argtypes is None:
        raise TypeError("paramflags require argtypes")
    if len(paramflags) != len(argtypes):
        raise ValueError("paramflags must have the same length as argtypes")
    for i, item in enumerate(paramflags):
        if not isinstance(item, tuple) or not item or not isinstance(item[0], int):
            raise TypeError("paramflags must be a sequence of (int [,string [,value]]) tuples")
        flag = item[0] & ~0x4
        if flag not in (0, 1, 2, 3):
            raise TypeError("paramflag value %d not supported" % item[0])
    return paramflags


def _build_callargs(self, argtypes, args, kw):
    pf = self._fn_paramflags
    if pf is None:
        if kw:
            raise TypeError("call takes no keyword arguments")
        return args
    out = []
    args = list(args)
    self._fn_outs = []
    for i, item in enumerate(pf):
        flag = item[0] & ~0x4
        name = item[1] if len(item) > 1 else None
        default = item[2] if len(item) > 2 else _NOARG
        if flag in (0, 1, 3) and flag != 2:
            if args:
                out.append(args.pop(0))
            elif name is not None and name in kw:
                out.append(kw.pop(name))
            elif default is not _NOARG:
                out.append(default)
            else:
                raise TypeError("required argument '%s' missing" % name)
        else:
            t = argtypes[i]
            ob = _stg_any(t).proto() if isinstance(t, PyCPointerType) else t()
            out.append(ob)
    return tuple(out)


def _conv_param(obj, index):
    """CPython's ConvParam: (ffi spec, kind, value) for one argument; kind 'a'
    passes the memory at address value, kind 'v' converts value natively."""
    if type(obj) is CArgObject:
        return obj._code, 'v', obj._value
    if isinstance(obj, _CData):
        s = getattr(type(obj), "__ctypes_stg__", None)
        if isinstance(obj, Array):
            return 'P', 'v', _address(obj)
        if isinstance(obj, (_Pointer, CFuncPtr)):
            return 'P', 'a', _address(obj)
        return s.ffi, 'a', _address(obj)
    if obj is None:
        return 'P', 'v', None
    if isinstance(obj, int):
        if not (-2 ** 63 <= obj < 2 ** 64):
            raise ArgumentError("argument %d: OverflowError: int too long to convert" % index)
        return 'i', 'v', obj
    if isinstance(obj, bytes):
        return 'z', 'v', obj
    if isinstance(obj, str):
        return 'Z', 'v', obj
    try:
        ap = obj._as_parameter_
    except AttributeError:
        pass
    else:
        return _conv_param(ap, index)
    raise ArgumentError("argument %d: TypeError: Don't know how to convert parameter %d" % (index, index))


def _call_proc(address, args, flags, argtypes, converters, restype, checker):
    n = len(args)
    if n > CTYPES_MAX_ARGCOUNT:
        raise ArgumentError("too many arguments (%d), maximum is %d" % (n, CTYPES_MAX_ARGCOUNT))
    specs = []
    kinds = []
    vals = []
    conv = []  # keeps converted arguments (and so their memory) alive through the call
    nconv = len(converters) if converters is not None else 0
    for i in range(n):
        arg = args[i]
        if i < nconv:
            try:
                arg = converters[i](arg)
            except ArgumentError:
                raise
            except Exception as e:
                raise ArgumentError("argument %d: %s: %s" % (i + 1, type(e).__name__, e)) from None
        conv.append(arg)
        try:
            spec, kind, val = _conv_param(arg, i + 1)
        except ArgumentError:
            raise
        except Exception as e:
            raise ArgumentError("argument %d: %s: %s" % (i + 1, type(e).__name__, e)) from None
        specs.append(spec)
        kinds.append(kind)
        vals.append(val)
    specs = tuple(specs)
    kinds = "".join(kinds)
    vals = tuple(vals)
    plan = _restype_plans.get(restype)
    if plan is None:
        plan = _restype_plan(restype)
    mode, code, rs = plan
    if mode == 2:
        result = _call_checked(address, specs, kinds, vals, code, None, flags)
    elif mode == 0:
        _call_checked(address, specs, kinds, vals, 'V', None, flags)
        return None
    elif mode == 1:
        # A callable restype gets the C int result.
        return restype(_call_checked(address, specs, kinds, vals, 'i', None, flags))
    elif mode == 3:
        result = _new_instance(restype, rs)
        result.value = _call_checked(address, specs, kinds, vals, code, None, flags)
    else:
        spec = code if code is not None else ('P' if isinstance(restype, PyCArrayType) else rs.ffi)
        if rs.size >= 16:
            result = _new_instance(restype, rs)
            _call_checked(address, specs, kinds, vals, spec, _address(result), flags)
        else:
            buf = _Buf(16)
            _call_checked(address, specs, kinds, vals, spec, _address(buf), flags)
            result = _new_instance(restype, rs)
            _n.memmove(_address(result), _address(buf), rs.size)
        if mode == 5:
            result = result.value
    del conv
    if checker is not None:
        result = checker(result)
    return result


_call_checked = _n.call

# restype -> (mode, code, storage info): 0 void, 1 a callable given the C int,
# 2 a fundamental simple type (converted by the native call), 3 a py_object
# subclass, 4 an instance made from the result's memory, 5 the same then .value
# (swapped-byte-order simple types).
_restype_plans = {}


def _restype_plan(restype):
    if restype is None:
        plan = (0, 'V', None)
    else:
        rs = getattr(restype, "__ctypes_stg__", None) if isinstance(restype, type) else None
        if rs is None:
            plan = (1, 'i', None)
        elif rs.code is not None and not rs.swapped and not _is_simple_instance(restype):
            plan = (2, rs.code, rs)
        elif rs.code == 'O':
            plan = (3, 'O', rs)
        elif rs.code is not None and not _is_simple_instance(restype):
            plan = (5, rs.code, rs)
        else:
            plan = (4, rs.code, rs)
    try:
        _restype_plans[restype] = plan
    except TypeError:
        pass
    return plan


def _make_thunk(func, argtypes, restype, flags):
    arg_stgs = []
    specs = []
    for t in argtypes:
        s = _stg_any(t)
        if s is None:
            raise TypeError("invalid argument type")
        arg_stgs.append((t, s))
        specs.append('P' if isinstance(t, PyCArrayType) else (s.code if s.code is not None else s.ffi))
    if restype is None:
        rspec = 'V'
        rstg = None
    else:
        rstg = _stg_any(restype)
        rspec = rstg.code

    def convert_args(*arg_addresses):
        args = []
        for (t, s), a in zip(arg_stgs, arg_addresses):
            if s.code is not None and not _is_simple_instance(t):
                args.append(_mem_get(a, s.code, s.swapped))
            else:
                ob = _new_instance(t, s)
                _n.memmove(_address(ob), a, s.size)
                args.append(ob)
        return tuple(args)

    if rstg is None or not rstg.swapped:
        set_result = None  # the native thunk stores the result itself
    else:
        def set_result(ret_address, result):
            if isinstance(result, _CData) and _is_simple_instance(type(result)):
                result = result.value
            keep = _simple_set(rstg, ret_address, result)
            if rstg.code == 'O':
                set_result.last = keep  # CPython leaks a reference to it

    return _n.make_thunk(rspec, tuple(specs), convert_args, func, set_result)


class _Unraisable:
    def __init__(self, e, obj, msg):
        self.exc_type = type(e)
        self.exc_value = e
        self.exc_traceback = e.__traceback__
        self.err_msg = msg
        self.object = obj


def call_function(address, args):
    if _sys.audit is not None:
        _sys.audit("ctypes.call_function", address, args)
    return _call_proc(address, args, 0, None, None, _c_int_type(), None)


def call_cdeclfunction(address, args):
    return _call_proc(address, args, FUNCFLAG_CDECL, None, None, _c_int_type(), None)


def _c_int_type():
    import ctypes
    return ctypes.c_int


for _c in (PyCSimpleType, PyCStructType, UnionType, PyCArrayType, PyCPointerType, PyCFuncPtrType, _CDataType):
    _c.__module__ = "_ctypes"
for _c in (_SimpleCData, Structure, Union, Array, _Pointer, CFuncPtr):
    _c.__module__ = "_ctypes"
del _c
