import json
data = {'name': 'gilpy', 'version': [0, 1], 'nested': {'ok': True, 'none': None, 'pi': 3.14159}, 'unicode': 'héllo ✓', 'big': 10 ** 20}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, ensure_ascii=False), json.dumps([1, 2], separators=(',', ':')), json.dumps('\n\t"'))
back = json.loads(s)
print(back == data, type(back['version']).__name__, json.loads('[1, 2.5, "x", null, true, false, {}]'))
print(json.loads('{"a": {"b": [1, {"c": []}]}}'), json.loads('"\\u00e9\\ud83d\\ude00"'), json.loads(' 1e3 '), json.loads('-0'))
for bad in ['{', '[1,]', "{'a': 1}", 'NaN-x', '']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e.msg, e.lineno, e.colno)
try:
    json.dumps({1, 2})
except TypeError as e:
    print(e)
print(json.dumps({1: 'int key', 2.5: 'float', True: 'bool', None: 'none'}), json.dumps(float('inf')), json.dumps((1, 2)))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set): return sorted(o)
        return super().default(o)
print(json.dumps({'s': {3, 1, 2}}, cls=Enc), json.loads('{"x": 1}', object_hook=lambda d: sorted(d.items())), json.loads('1.5', parse_float=str))
import io
buf = io.StringIO()
json.dump({'k': [1]}, buf); buf.seek(0); print(json.load(buf))
