# f-string expression errors: CPython 3.11's positions (sub-parser lines and columns, tokenizer vs parser errors)
srcs = ['f"{a b}"', 'x = 1; f"{a b}"', 'f"{1_}"', 'f"{a $ b}"', 'f"""{\na b}"""', 'f"""\n{a b}"""', 'f"""\n  {a\n b c}"""', 'f"""{\n(123_a)\n}"""', 'f"{)}"', 'f"{a +}"', "f'''\n            {\n            (123_a)\n            }'''", 'f"""\n\n\n            {\n            6\n            0="""', 'x = (f"""abc\n  {a b}""")', 'f"{a=b}"', 'f"{lambda x:1}"', 'f"{yield}"', 'f"{*a}"', 'f"xx{a b}"']
for s in srcs:
    try: compile(s, '<s>', 'exec')
    except SyntaxError as e: print(repr(s), '|', repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
    else: print(repr(s), 'no error')
srcs2 = ['x = f"""{\na b}"""', 'x = f"""{\n      a b}"""', 'x = f"""\n  zz{\n      a b}"""','x = f"""\n  zz{ a\n      b c}"""', 'x = f"""{\n(123_a)\n}"""', 'x = f"""{ (123_a)\n}"""', 'x = f"""{\n  $\n}"""', 'x=f"{a!x}"', 'x=f"{a:{b c}}"', 'f"{a}{b c}"']
for s in srcs2:
    try: compile(s, '<s>', 'exec')
    except SyntaxError as e: print(repr(s), '|', repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
    else: print(repr(s), 'no error')
