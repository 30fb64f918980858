# f_lineno of a frame an exception left through except/finally/with cleanups (PEP 626, CPython's lasti restore)
import sys
def run(f):
    try: f()
    except Exception as ex: t = ex.__traceback__
    t = t.tb_next; out=[]
    while t:
        fr=t.tb_frame; out.append(None if fr.f_lineno is None else fr.f_lineno-fr.f_code.co_firstlineno); t=t.tb_next
    print(f.__name__, out)
def in_except():
    try:
        1/0
    except:
        1/0
        pass
def other_except():
    try:
        1/0
    except TypeError as ex:
        pass
def in_named_except():
    try:
        1/0
    except Exception as ex:
        1/0
        pass
def in_finally_except():
    try:
        1/0
    finally:
        1/0
        pass
class Noop:
    def __enter__(self): return self
    def __exit__(self, *a): pass
def after_with():
    with Noop():
        1/0
        pass
for f in [in_except, other_except, in_named_except, in_finally_except, after_with]: run(f)
def f():
    1/0
f.__code__ = f.__code__.replace(co_linetable=b'\xf8\xf8\xf8\xf9\xf8\xf8\xf8')
run(f)
