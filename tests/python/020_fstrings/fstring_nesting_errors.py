# Nested format specs (a field inside a field's spec may have a literal spec) and the messages for
# missing expressions, as CPython 3.11.
value, width, precision = 12.34567, 10, 4
print(f'result: {value:{width:0}.{precision:1}}', f'{value:{width}.{precision}}', f'{3:{"x"}>{5}}')
for src in ["f'{x:{y:{z}}}'", "f'{!r}'", "f'{ !r}'", "f'{:}'", "f'{:2}'", "f'{=}'", "f'{ =}'", "f'{!x}'",
            "f'{}'", "f'{ }'", "f'{10:{ }}'"]:
    try:
        compile(src, '<s>', 'eval')
        print(src, 'compiles')
    except SyntaxError as e:
        print(src, 'SyntaxError', e.msg)
