import re
# big charsets (BIGCHARSET code), ranges beyond the BMP, case-insensitive ranges
p = re.compile('[\u4e00-\u4e10\u0400-\u0410ab\u00e9-\u00f0]+')
print(p.findall('xx\u4e05\u0401ab\u00ea zz \u4e11'))
print(re.findall('(?i)[\u0400-\u0410\u4e00-\u4e05ǅ]+', 'ǆǄ\u0430\u4e01 x'))
print(re.findall(r'[^\u4e00-\u4eff\s]+', 'ab \u4e01\u4e02 cd\u4f00'))
print(re.findall('[\U00010400-\U0001044f]', '\U00010400\U00010428x'), re.findall('(?i)[\U00010400-\U00010410]', '\U00010428'))
# the compiled code the engine runs (re.DEBUG prints it)
re.compile(r'(?i)a[b-d]+?(?P<n>x|yz)\1?(?=q)', re.DEBUG)
re.compile(rb'(?>a*)b++\b$', re.DEBUG)
# match beyond endpos, lookbehind across pos
p = re.compile(r'(?<=a)b')
print(p.search('ab', 1), p.match('ab', 1), re.compile(r'\Bb').match('ab', 1), re.compile('^b').match('ab', 1))
print(re.compile(r'$').search('ab\n', 0, 2), re.compile(r'a$').search('a\nb', 0, 2), re.compile(r'\Z').search('ab', 0, 1))
# conditionals by name, nested groups, lastindex with nesting
m = re.match(r'(?P<o>\()?(?P<v>\d+)(?(o)\))', '(42)')
print(m.groupdict(), m.lastindex, m.lastgroup, re.match(r'(?P<o>\()?(?P<v>\d+)(?(o)\))', '(42'), re.search(r'(?P<o>\()?(?P<v>\d+)(?(o)\))', '(42').groups())
print(re.match(r'((a)(b))(c)', 'abc').lastindex, re.match(r'(a(b(c)))', 'abc').lastindex, re.match(r'(a)((b)c)', 'abc').lastindex)
# sub callables returning None or bytes-like; split with groups and maxsplit
print(re.sub('a', lambda m: None, 'banana') if False else re.sub('(a)', lambda m: '', 'banana'))
print(re.sub(b'a', lambda m: bytearray(b'o'), b'banana'), re.sub(b'n', memoryview(b'N'), b'banana'))
print(re.split(r'(,)(\s)?', 'a, b,c', maxsplit=1), re.split(r'(?:,)', 'a,b,c', 5))
print(re.subn(r'(?<=\d)(?=(\d{3})+$)', ',', '1234567'))
# Match over a str subclass and a memoryview slice
class S(str):
    pass
m = re.search(r'\w+', S('  abc '))
print(m, type(m.string).__name__, type(m.group()).__name__)
print(re.search(rb'\d+', memoryview(b'ab123c')[1:]).group())
# re.template (deprecated) still compiles literal patterns
import warnings
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    print(re.template('abc').match('abc'))
    try:
        re.template('a*')
    except re.error as e:
        print('error', e)
