# A multi-line attribute access or method call is located at the attribute name (CPython 3.11): tracebacks point there
import traceback
class O: pass
o = O()
def f():
    return (
        o.
        missing
    )
try: f()
except AttributeError: traceback.print_exc()
def g():
    (o
       .meth(1,
             2))
try: g()
except AttributeError: traceback.print_exc()
import dis
for src in ["(\n lhs  \n   .    \n     rhs      \n       )", "(\n lhs  \n   .    \n     rhs      \n       ) = 42",
            "(\n lhs  \n   .    \n     rhs      \n       ) += 42", "del (\n lhs  \n   .    \n     rhs      \n       )",
            "(\n lhs  \n   .    \n     rhs      \n       )()"]:
    code = compile(src, '<test>', 'exec')
    print([(i.opname, i.positions) for i in dis.get_instructions(code) if i.opname in ('LOAD_ATTR', 'STORE_ATTR', 'DELETE_ATTR', 'LOAD_METHOD', 'CALL')])
