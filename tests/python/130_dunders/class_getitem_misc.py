class G:
    def __class_getitem__(cls, item): return f'{cls.__name__}[{item!r}]'
print(G[int], G['x'], list[int], dict[str, int], tuple[int, ...])
class Sized:
    def __len__(self): return 5
    def __length_hint__(self): return 99
import operator
print(operator.length_hint(Sized()), operator.length_hint(iter([1, 2, 3])), operator.length_hint(object(), 7))
class Dir:
    def __dir__(self): return ['z', 'a', 'm']
print(dir(Dir()))
class Inst:
    def __instancecheck__(self, o): return True
class MetaCheck(type):
    def __instancecheck__(cls, o): return o == 'magic'
    def __subclasscheck__(cls, c): return c is int
class Checked(metaclass=MetaCheck): pass
print(isinstance('magic', Checked), isinstance('other', Checked), issubclass(int, Checked), issubclass(str, Checked))
class Missing(dict):
    def __missing__(self, k): return k.upper()
print(Missing()['abc'])
