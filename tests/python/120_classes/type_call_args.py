# type()'s argument checks (CPython's type_vectorcall/type_call) and type.__new__'s.
for expr in ['type()', 'type(1, 2)', 'type.__new__(type)', 'type.__new__(type, 1)', 'type("A", (), {}, 1)',
             'type(1, x=2)', 'type(1)', 'type("A", (), {}).__name__']:
    try:
        print(expr, "->", eval(expr))
    except TypeError as e:
        print(expr, "TypeError", e)
