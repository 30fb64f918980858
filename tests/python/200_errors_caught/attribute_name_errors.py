class C:
    def __init__(self): self.value = 1
for f in [lambda: C().valeu, lambda: C.missing, lambda: [].appendx, lambda: 'x'.uper(), lambda: __import__('math').sqr,
          lambda: undefined_thing, lambda: len_, lambda: None.foo, lambda: (1).foo]:
    try:
        f()
    except (AttributeError, NameError) as e:
        print(type(e).__name__, e)
def local_unbound():
    print(counter)
    counter = 1
try:
    local_unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def free_unbound():
    def inner(): return later
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    later = 1
free_unbound()
