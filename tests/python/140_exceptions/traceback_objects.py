import sys
def a(): b()
def b(): c()
def c(): raise ValueError('deep')
try:
    a()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
    print(sys.exc_info()[0].__name__, sys.exc_info()[2] is e.__traceback__)
e2 = ValueError('fresh')
print(e2.__traceback__)
e3 = e2.with_traceback(None)
print(e3 is e2)
