# audioop's argument checking: every error type and message, in CPython's order.
import array
import warnings
warnings.simplefilter('ignore')
import audioop

nan = float('nan')
class F:
    def __float__(self): return 2.0
class I:
    def __index__(self): return 2

cases = [
    "audioop.getsample(b'ab', 3, 0)", "audioop.getsample(b'ab', 5, 0)", "audioop.getsample(b'ab', 0, 0)",
    "audioop.getsample(b'ab', 2, 1)", "audioop.getsample(b'ab', 2, -1)", "audioop.getsample('ab', 2, 0)",
    "audioop.getsample(b'ab', 2)", "audioop.getsample(b'ab', 2, 0, 1)", "audioop.getsample(b'ab', 2.0, 0)",
    "audioop.getsample(b'ab', 2, 2**70)", "audioop.getsample(b'ab', 2**70, 0)",
    "audioop.getsample(fragment=b'ab', width=2, index=0)", "audioop.getsample(memoryview(b'abcd')[::2], 1, 0)",
    "audioop.getsample(b'ab', 5, 2**70)", "audioop.getsample(b'ab', I(), 0)", "audioop.getsample(b'ab', True, 0)",
    "audioop.max(b'ab', 3)", "audioop.max(b'', 3)", "audioop.max(b'', 5)", "audioop.max(b'ab')",
    "audioop.minmax(b'', 2)", "audioop.avg(b'', 2)", "audioop.rms(b'', 2)", "audioop.cross(b'', 2)",
    "audioop.avgpp(b'', 2)", "audioop.maxpp(b'ab', 2)",
    "audioop.mul(b'ab', 2, 'x')", "audioop.mul(b'ab', 2, 10**400)", "audioop.mul(b'ab', 2, 1)", "audioop.mul(b'ab', 2)",
    "audioop.mul(b'ab', 2, F())", "audioop.mul(b'\\1\\0\\0\\0', 4, nan)", "audioop.mul(b'\\1\\0', 2, nan)",
    "audioop.tomono(b'ab', 2, 1, 1)", "audioop.tomono(b'abc', 2, 1, 1)", "audioop.tomono(b'abcd', 2, 'a', 1)",
    "audioop.tomono(b'abcd', 2, 1, None)", "audioop.tostereo(b'ab', 2, 1, 1)",
    "audioop.add(b'ab', b'abcd', 2)", "audioop.add(b'abc', b'abcd', 2)", "audioop.add(b'ab', b'abc', 2)",
    "audioop.add(b'ab', b'ab', 5)", "audioop.bias(b'ab', 2, 2**31)", "audioop.bias(b'ab', 2, 1.0)",
    "audioop.lin2lin(b'ab', 2, 5)", "audioop.lin2lin(b'abc', 2, 5)", "audioop.lin2lin(b'ab', 5, 2)",
    "audioop.findfit(b'abc', b'ab')", "audioop.findfit(b'ab', b'abcd')", "audioop.findfit(b'ab', b'abc')",
    "audioop.findfit(b'\\0\\0\\0\\0', b'\\0\\0')", "audioop.findfit(b'', b'')", "audioop.findfactor(b'ab', b'abcd')",
    "audioop.findfactor(b'abc', b'abcd')", "audioop.findfactor(b'\\0\\0', b'\\0\\0')", "audioop.findfactor(b'ab', 'ab')",
    "audioop.findmax(b'abc', 1)", "audioop.findmax(b'ab', 2)", "audioop.findmax(b'ab', -1)", "audioop.findmax(b'ab', 0)",
    "audioop.findmax(b'ab', 2**70)", "audioop.findmax(b'ab', 1.0)",
    "audioop.ratecv(b'ab', 2, 0, 1, 1, None)", "audioop.ratecv(b'ab', 2, 1, 1, 1, None, 0)",
    "audioop.ratecv(b'ab', 2, 1, 1, 1, None, 1, -1)", "audioop.ratecv(b'abc', 2, 1, 1, 1, None)",
    "audioop.ratecv(b'ab', 2, 1, 0, 1, None)", "audioop.ratecv(b'ab', 2, 1, 1, 1, 5)",
    "audioop.ratecv(b'ab', 2, 1, 1, 1, (1,))", "audioop.ratecv(b'ab', 2, 1, 1, 1, (1, 2))",
    "audioop.ratecv(b'ab', 2, 1, 1, 1, (1, ()))", "audioop.ratecv(b'ab', 2, 1, 1, 1, (1.5, ((1, 2),)))",
    "audioop.ratecv(b'ab', 2, 1, 1, 1, (1, ((1, 2, 3),)))", "audioop.ratecv(b'ab', 2, 1, 1, 1, (1, ((1, 'a'),)))",
    "audioop.ratecv(b'ab', 2, 1, 1, 1, (2**40, ((1, 2),)))", "audioop.ratecv(b'ab', 2, 1, 1, 1, (-2**40, ((1, 2),)))",
    "audioop.ratecv(b'ab', 2, 1, 1, 1, (1, ([1, 2],)))", "audioop.ratecv(b'ab', 2, 1, 1, 1, (1, (5,)))",
    "audioop.ratecv(b'ab', 2, 1, 1, 1, [1, ((1, 2),)])", "audioop.ratecv(b'ab', 4, 2**30, 1, 1, None)",
    "audioop.ratecv(b'ab', 2, 1, 1, 1, None, weightA=1)", "audioop.ratecv(b'ab', 5, 0, 1, 1, None)",
    "audioop.ratecv(b'ab', 2, 1, 1, 1, (1, ((1, 2),)), 1, 0, 3)", "audioop.ratecv(b'ab', 2, 1, 1, 1)",
    "audioop.ratecv(b'ab', 2, 1, 1, 1, (1, ((1, 2),)), True, False)", "audioop.ratecv(b'abcd', 2, 1, 2, 3, None, 2, 4)",
    "audioop.ratecv(b'ab', 2, 1, 2**31, 1, None)", "audioop.ratecv(b'ab', 2, 1.0, 1, 1, None)",
    "audioop.ratecv(b'', 2, 2, 3, 1, None)",
    "audioop.lin2adpcm(b'ab', 2, 5)", "audioop.lin2adpcm(b'ab', 2, (1,))", "audioop.lin2adpcm(b'ab', 2, (40000, 1))",
    "audioop.lin2adpcm(b'ab', 2, (1, 89))", "audioop.lin2adpcm(b'ab', 2, (1, -1))", "audioop.lin2adpcm(b'ab', 2, (1.0, 1))",
    "audioop.lin2adpcm(b'ab', 2, (2**40, 1))", "audioop.lin2adpcm(b'ab', 2, [1, 1])", "audioop.lin2adpcm(b'abc', 2, 5)",
    "audioop.lin2adpcm(b'abcd', 3, None)", "audioop.lin2adpcm(b'', 2, None)",
    "audioop.adpcm2lin(b'abc', 2, None)", "audioop.adpcm2lin(b'abc', 5, None)", "audioop.adpcm2lin(b'abc', 2, (1, 2, 3))",
    "audioop.adpcm2lin(b'abc', 5, 7)",
    "audioop.lin2ulaw(b'abc', 2)", "audioop.ulaw2lin(b'abc', 2)", "audioop.ulaw2lin(b'abc', 7)", "audioop.alaw2lin(b'abc', 3)",
    "audioop.cross(b'abc', 2)", "audioop.reverse(b'abc', 2)", "audioop.byteswap(b'abc', 2)",
    "audioop.mul(array.array('h', [1, 2]), 2, 2)", "audioop.mul(bytearray(b'ab'), 2, 2)",
    "audioop.minmax(memoryview(b'abcd').cast('H'), 2)",
    "audioop.max(b'\\0\\0\\0\\x80', 4)", "audioop.minmax(b'\\0\\0\\0\\x80', 4)", "audioop.rms(b'\\0\\0\\0\\x80', 4)",
    "audioop.avg(b'\\0\\0\\0\\x80\\0\\0\\0\\x80', 4)",
]
for e in cases:
    try:
        r = eval(e)
    except Exception as exc:
        r = f"{type(exc).__name__}: {exc}"
    print(e, '->', r)

print(audioop.error.__mro__, audioop.error.__module__, audioop.__doc__)
print(sorted(n for n in dir(audioop) if not n.startswith('_')))
print(audioop.getsample.__doc__)
print(audioop.ratecv.__text_signature__)
