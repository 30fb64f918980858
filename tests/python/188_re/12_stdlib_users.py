import fnmatch, textwrap, string, json, shlex, re
print(fnmatch.filter(['a.py', 'b.txt', 'c.PY'], '*.py'), fnmatch.translate('[!a-c]*.?y'))
print(textwrap.wrap('The quick brown fox jumps over the lazy dog. ' * 3, 25))
print(textwrap.dedent('    a\n      b\n    c'), textwrap.indent('x\ny', '> '))
print(textwrap.shorten('Hello   world, this is a long text', 20))
t = string.Template('$who likes ${what}; $$5')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'), t.get_identifiers())
print(json.loads('{"a": [1, -2.5e3, "\\u00e9\\n", true, null], "b": {}}'), json.dumps({'k': 'é'}))
print(json.loads('["日本語", "x\\"y"]'), json.loads(' [ 1 , 2 ] '))
try:
    json.loads('{"a": }')
except json.JSONDecodeError as e:
    print(e)
print(shlex.split('a "b c" d\\ e'), shlex.quote("it's"))
import tokenize, io
print([t.string for t in tokenize.generate_tokens(io.StringIO('x = 1 + 2\n').readline)][:6])
print('{:>8}|{:<5}|'.format('ab', 'c'), '%-5s|%05.1f' % ('x', 3.14159))
import ipaddress
print(ipaddress.ip_address('192.168.0.1'), ipaddress.ip_network('10.0.0.0/8').num_addresses)
