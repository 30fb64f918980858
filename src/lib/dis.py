"""Disassembler of gilpy bytecode (replaces CPython's dis.py, with the same API and listing layout).

The instructions come from the code object through _opcode.get_code(): one (opcode, arg) pair per
32-bit word, at byte offset 2 * index, the unit co_lines() and co_positions() count in. A word
holding an inline-cache index follows some instructions (opcode CACHE); like CPython, listings skip
it unless show_caches=True. Jump arguments are absolute instruction indexes, so a jump's argval is
the target offset 2 * arg. gilpy's `gilpy --dis FILE` prints the same listing from C++
(src/bytecode/disasm.cpp), without the " at 0x..." address in nested code objects' reprs.
"""

import collections
import io
import sys
import types

import _opcode
from opcode import *
from opcode import __all__ as _opcodes_all
from opcode import _nb_ops, _inline_cache_entries

__all__ = ["code_info", "dis", "disassemble", "distb", "disco", "findlinestarts", "findlabels",
           "show_code", "get_instructions", "Instruction", "Bytecode", "Positions",
           "pretty_flags", "COMPILER_FLAG_NAMES"] + _opcodes_all
del _opcodes_all

_have_code = (types.MethodType, types.FunctionType, types.CodeType, classmethod, staticmethod, type)

CACHE = opmap["CACHE"]
LOAD_CONST = opmap["LOAD_CONST"]
IMPORT_NAME = opmap["IMPORT_NAME"]
FORMAT_VALUE = opmap["FORMAT_VALUE"]
MAKE_FUNCTION = opmap["MAKE_FUNCTION"]
BINARY_OP = opmap["BINARY_OP"]

FORMAT_VALUE_CONVERTERS = ((None, ''), (str, 'str'), (repr, 'repr'), (ascii, 'ascii'))
MAKE_FUNCTION_FLAGS = ('defaults', 'kwdefaults', 'annotations', 'closure')

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED", 2: "NEWLOCALS", 4: "VARARGS", 8: "VARKEYWORDS", 16: "NESTED",
    32: "GENERATOR", 64: "NOFREE", 128: "COROUTINE", 256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}

_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5

_HASCONST, _HASNAME, _HASJUMP = set(hasconst), set(hasname), set(hasjabs)
_HASVAR = set(haslocal) | set(hasfree)
_HASLOCAL, _HASCOMPARE, _HASARG = set(haslocal), set(hascompare), set(hasarg)


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def _try_compile(source, name):
    """An expression's code if `source` is one, else the statements' code."""
    try:
        return compile(source, name, 'eval')
    except SyntaxError:
        pass
    return compile(source, name, 'exec')


def _unwrap(x):
    """The code object inside a method, function, generator, coroutine; else x itself."""
    if hasattr(x, '__func__'):
        x = x.__func__
    for attr in ('__code__', 'gi_code', 'ag_code', 'cr_code'):
        if hasattr(x, attr):
            return getattr(x, attr)
    return x


def _get_code_object(x):
    """The code object to disassemble for x (anything dis() accepts except classes/modules)."""
    x = _unwrap(x)
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if isinstance(x, types.CodeType):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _format_code_info(_get_code_object(x))


def _format_code_info(co):
    lines = ["Name:              %s" % co.co_name,
             "Filename:          %s" % co.co_filename,
             "Argument count:    %s" % co.co_argcount,
             "Positional-only arguments: %s" % co.co_posonlyargcount,
             "Kw-only arguments: %s" % co.co_kwonlyargcount,
             "Number of locals:  %s" % co.co_nlocals,
             "Stack size:        %s" % co.co_stacksize,
             "Flags:             %s" % pretty_flags(co.co_flags)]
    for title, items, fmt in (("Constants:", co.co_consts, "%4d: %r"),
                              ("Names:", co.co_names, "%4d: %s"),
                              ("Variable names:", co.co_varnames, "%4d: %s"),
                              ("Free variables:", co.co_freevars, "%4d: %s"),
                              ("Cell variables:", co.co_cellvars, "%4d: %s")):
        if items:
            lines.append(title)
            lines.extend(fmt % pair for pair in enumerate(items))
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file* (default sys.stdout)."""
    print(code_info(co), file=file)


Positions = collections.namedtuple(
    'Positions', ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'], defaults=[None] * 4)

_Instruction = collections.namedtuple(
    "_Instruction",
    ['opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset', 'starts_line', 'is_jump_target',
     'positions'],
    defaults=[None])


class Instruction(_Instruction):
    """Details for a bytecode operation.

       opname - human readable name for operation
       opcode - numeric code for operation
       arg - numeric argument to operation (if any), otherwise None
       argval - resolved arg value (if known), otherwise same as arg
       argrepr - human readable description of operation argument
       offset - start index of operation within bytecode sequence
       starts_line - line started by this opcode (if any), otherwise None
       is_jump_target - True if other code jumps to here, otherwise False
       positions - Optional dis.Positions object holding the span of source code
                   covered by this instruction
    """
    __slots__ = ()

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        """One listing line: line number, current marker, jump marker, offset, name, argument."""
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                fields.append("%*d" % (lineno_width, self.starts_line))
            else:
                fields.append(' ' * lineno_width)
        fields.append('-->' if mark_as_current else '   ')
        fields.append('>>' if self.is_jump_target else '  ')
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                fields.append('(' + self.argrepr + ')')
        return ' '.join(fields).rstrip()


def findlinestarts(code):
    """Find the offsets in a code object which are starts of lines in the source.

    Generate pairs (offset, lineno)."""
    lastline = None
    for start, end, line in code.co_lines():
        if line is not None and line != lastline:
            lastline = line
            yield start, line


def findlabels(code):
    """Byte offsets that are jump targets in a code object (or function, method, ...).

    gilpy has no raw bytecode string; CPython's findlabels takes co_code."""
    labels = []
    for op, arg in _opcode.get_code(_get_code_object(code)):
        if op in _HASJUMP and arg * 2 not in labels:
            labels.append(arg * 2)
    return labels


def _parse_exception_table(code):
    """(start, end, target, depth, lasti) per entry, in byte offsets, end exclusive."""
    return [(s * 2, e * 2, t * 2, d, l) for s, e, t, d, l in _opcode.get_exception_table(code)]


def _varname(co, arg):
    """The name of fast-locals slot arg: varnames, then cells, then frees."""
    names = co.co_varnames + co.co_cellvars + co.co_freevars
    return names[arg]


def _get_instructions(co, linestarts=None, line_offset=0, exception_entries=(),
                      show_caches=False):
    """Instruction objects for the words of co (CACHE words only with show_caches)."""
    code = _opcode.get_code(co)
    labels = set(arg * 2 for op, arg in code if op in _HASJUMP)
    labels.update(target for _, _, target, _, _ in exception_entries)
    positions = list(co.co_positions())
    ncells = len(co.co_cellvars)
    for index, (op, arg) in enumerate(code):
        if op == CACHE and not show_caches:
            continue
        offset = index * 2
        starts_line = None
        if linestarts is not None:
            starts_line = linestarts.get(offset)
            if starts_line is not None:
                starts_line += line_offset
        argval = None
        argrepr = ''
        if op in _HASARG:
            argval = arg
            if op in _HASCONST:
                argval = co.co_consts[arg]
                argrepr = repr(argval)
            elif op in _HASNAME:
                argval = argrepr = co.co_names[arg]
            elif op in _HASJUMP:
                argval = arg * 2
                argrepr = "to " + repr(argval)
            elif op in _HASLOCAL:
                argval = argrepr = co.co_varnames[arg]
            elif op in _HASVAR:
                argval = argrepr = (co.co_cellvars[arg] if arg < ncells
                                    else co.co_freevars[arg - ncells])
            elif op in _HASCOMPARE:
                argval = argrepr = cmp_op[arg]
            elif op == FORMAT_VALUE:
                argval, argrepr = FORMAT_VALUE_CONVERTERS[arg & 0x3]
                argval = (argval, bool(arg & 0x4))
                if argval[1]:
                    argrepr = argrepr + ', with format' if argrepr else 'with format'
            elif op == MAKE_FUNCTION:
                argrepr = ', '.join(s for i, s in enumerate(MAKE_FUNCTION_FLAGS) if arg & (1 << i))
            elif op == BINARY_OP:
                argrepr = _nb_ops[arg][1]
        elif op != CACHE:   # a CACHE word's argument is its inline-cache index
            arg = None
        pos = positions[index] if index < len(positions) else ()
        yield Instruction(opname[op], op, arg, argval, argrepr, offset, starts_line,
                          offset in labels, Positions(*pos))


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """Iterator for the opcodes in methods, functions or code.

    Generates a series of Instruction named tuples giving the details of each operation in the
    supplied code. If *first_line* is not None, it indicates the line number that should be
    reported for the first source line in the disassembled code."""
    co = _get_code_object(x)
    line_offset = first_line - co.co_firstlineno if first_line is not None else 0
    return _get_instructions(co, dict(findlinestarts(co)), line_offset,
                             _parse_exception_table(co), show_caches)


def _disassemble_code(co, lasti=-1, *, file=None, show_caches=False, line_offset=0):
    """The listing of one code object, as CPython 3.11's _disassemble_bytes prints it."""
    linestarts = dict(findlinestarts(co))
    exception_entries = _parse_exception_table(co)
    if linestarts:
        maxlineno = max(linestarts.values()) + line_offset
        lineno_width = len(str(maxlineno)) if maxlineno >= 1000 else 3
    else:
        lineno_width = 0
    maxoffset = len(_opcode.get_code(co)) * 2 - 2
    offset_width = len(str(maxoffset)) if maxoffset >= 10000 else 4
    for instr in _get_instructions(co, linestarts, line_offset, exception_entries, show_caches):
        if lineno_width and instr.starts_line is not None and instr.offset > 0:
            print(file=file)
        print(instr._disassemble(lineno_width, instr.offset == lasti, offset_width), file=file)
    if exception_entries:
        print("ExceptionTable:", file=file)
        for start, end, target, depth, lasti_flag in exception_entries:
            print(f"  {start} to {end - 2} -> {target} [{depth}]{' lasti' if lasti_flag else ''}",
                  file=file)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object."""
    _disassemble_code(co, lasti, file=file, show_caches=show_caches)


disco = disassemble  # XXX For backwards compatibility


def _disassemble_recursive(co, *, file=None, depth=None, show_caches=False, adaptive=False):
    disassemble(co, file=file, show_caches=show_caches)
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for x in co.co_consts:
            if isinstance(x, types.CodeType):
                print(file=file)
                print("Disassembly of %r:" % (x,), file=file)
                _disassemble_recursive(x, file=file, depth=depth, show_caches=show_caches)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, generators, coroutines, code or source strings.

    With no argument, disassemble the last traceback. Classes and modules are disassembled
    member by member; code objects are disassembled recursively up to *depth* levels of
    nested code objects (all when None)."""
    if x is None:
        distb(file=file, show_caches=show_caches)
        return
    x = _unwrap(x)
    if hasattr(x, '__dict__') and not isinstance(x, types.CodeType):  # class or module
        for name, x1 in sorted(x.__dict__.items()):
            if isinstance(x1, _have_code):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(x1, file=file, depth=depth, show_caches=show_caches)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif isinstance(x, types.CodeType):
        _disassemble_recursive(x, file=file, depth=depth, show_caches=show_caches)
    elif isinstance(x, str):
        _disassemble_recursive(_try_compile(x, '<dis>'), file=file, depth=depth,
                               show_caches=show_caches)
    elif isinstance(x, (bytes, bytearray)):
        raise TypeError("gilpy bytecode has no raw byte form: disassemble a code object")
    else:
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file, show_caches=show_caches)


class Bytecode:
    """The bytecode operations of a piece of code.

    Instantiate this with a function, method, other compiled object, string of code, or a code
    object (as returned by compile()). Iterating over this yields the bytecode operations as
    Instruction instances."""

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False,
                 adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._linestarts = dict(findlinestarts(co))
        self._original_object = x
        self.current_offset = current_offset
        self.exception_entries = _parse_exception_table(co)
        self.show_caches = show_caches
        self.adaptive = adaptive

    def __iter__(self):
        return _get_instructions(self.codeobj, self._linestarts, self._line_offset,
                                 self.exception_entries, self.show_caches)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """Construct a Bytecode from the given traceback."""
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti, show_caches=show_caches)

    def info(self):
        """Return formatted information about the code object."""
        return _format_code_info(self.codeobj)

    def dis(self):
        """Return a formatted view of the bytecode operations."""
        offset = self.current_offset if self.current_offset is not None else -1
        with io.StringIO() as output:
            _disassemble_code(self.codeobj, offset, file=output, show_caches=self.show_caches,
                              line_offset=self._line_offset)
            return output.getvalue()


# Helpers for modulefinder (CPython's private API of the same names).

def _find_imports(co):
    """(name, level, fromlist) for each `import` in co: IMPORT_NAME after two LOAD_CONSTs."""
    code = _opcode.get_code(co)
    for i, (op, arg) in enumerate(code):
        if op == IMPORT_NAME and i >= 2:
            (level_op, level_arg), (from_op, from_arg) = code[i - 2], code[i - 1]
            if level_op == LOAD_CONST and from_op == LOAD_CONST:
                yield (co.co_names[arg], co.co_consts[level_arg], co.co_consts[from_arg])


def _find_store_names(co):
    """The names stored (STORE_NAME, STORE_GLOBAL) by co."""
    store_ops = {opmap['STORE_NAME'], opmap['STORE_GLOBAL']}
    for op, arg in _opcode.get_code(co):
        if op in store_ops:
            yield co.co_names[arg]


def _test():
    """Simple test program to disassemble a file (python -m dis [infile])."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument('infile', type=argparse.FileType('rb'), nargs='?', default='-')
    args = parser.parse_args()
    with args.infile as infile:
        source = infile.read()
    code = compile(source, args.infile.name, "exec")
    dis(code)


if __name__ == "__main__":
    _test()
