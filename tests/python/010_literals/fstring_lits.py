# f-string prefixes combined with others.
x = 5
print(f'{x}', F'{x}', rf'\n{x}', fr'{x}\t', Rf'{x}', fR'{x}')
print(f'{x}' 'plain' f'{x+1}', 'plain' f'{x*2}')
print(f'''triple {x}
line''')
print(f"{'nested quotes'}", f'{"dq"}')
print(f'{{braces}} {x}')
