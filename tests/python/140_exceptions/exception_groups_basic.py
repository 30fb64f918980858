eg = ExceptionGroup('many', [ValueError('a'), TypeError('b'), ValueError('c')])
print(str(eg), repr(eg.exceptions), len(eg.exceptions))
match, rest = eg.split(ValueError)
print(match.exceptions, rest.exceptions)
print(eg.subgroup(TypeError).exceptions, eg.subgroup(KeyError))
try:
    raise eg
except ExceptionGroup as e:
    print('caught group', e.message)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, BaseException))
