class A:
    __secret = 'A secret'
    def reveal(self): return self.__secret
    def __private_method(self): return 'pm'
    def call(self): return self.__private_method()
class B(A):
    __secret = 'B secret'
    def reveal_b(self): return self.__secret
b = B()
print(b.reveal(), b.reveal_b(), b._A__secret, b._B__secret, b.call())
print(sorted(k for k in A.__dict__ if 'secret' in k or 'private' in k))
try:
    b.__secret
except AttributeError as e:
    print(e)
class _Lead:
    def m(self): return self.__x if hasattr(self, '_Lead__x') else 'mangled to _Lead__x'
print(_Lead().m())
