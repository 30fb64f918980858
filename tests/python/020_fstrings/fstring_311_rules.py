# CPython 3.11's f-string rules: no backslash in an expression part (even inside its strings), '{{' opens a
# nested field inside a format spec, (**a) message, '\{' is an invalid escape warning in literal parts.
import warnings
for s in ["f'{3:{{>10}'", 'rf\'{"\\N{LEFT CURLY BRACKET}"}\'', "f'{3:{{>10}}'", "f'{3:}}>10}'", "f'{x:{{}}}'",
          "f'{\"\\n\"}'", "f'{**a}'", "f'{*a}'", "(**a)", "(**a, b)"]:
    try: compile(s, 's', 'exec'); print(repr(s), 'ok')
    except SyntaxError as e: print(repr(s), e.msg, e.offset)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(eval(r"f'\{6*7}'"), eval(r"f'a\}}'"), [str(x.message) for x in w])
x = 5
print(f'{x:{{}}}'.replace(' ', '.') if False else 'skip')
