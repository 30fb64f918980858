# Compile-time errors of try/except*, with CPython's messages and positions.
import textwrap

CASES = {
    "bare except*": """
        try:
            pass
        except*:
            pass
    """,
    "break leaving a clause": """
        for i in range(3):
            try:
                pass
            except* ValueError:
                break
    """,
    "continue leaving a clause": """
        while True:
            try:
                pass
            except* ValueError:
                if x:
                    continue
    """,
    "return in a clause": """
        def f():
            try:
                pass
            except* ValueError:
                return 1
    """,
    "return in a loop in a clause": """
        def f():
            try:
                pass
            except* ValueError:
                for x in y:
                    return x
    """,
    "break with no loop in a clause": """
        try:
            pass
        except* ValueError:
            break
    """,
    "return at module level in a clause": """
        try:
            pass
        except* ValueError:
            return
    """,
    "break in a clause comes before a later error": """
        for i in range(3):
            try:
                pass
            except* ValueError:
                break
            finally:
                return 0
    """,
    "mixing except and except*": """
        try:
            pass
        except ValueError:
            pass
        except* TypeError:
            pass
    """,
    "mixing except* and except": """
        try:
            pass
        except* ValueError:
            pass
        except TypeError:
            pass
    """,
    "nested except* in a loop in a clause": """
        try:
            pass
        except* ValueError:
            for i in x:
                try:
                    pass
                except* TypeError:
                    pass
                continue
            continue
    """,
}

VALID = {
    "loop inside a clause": """
        try:
            pass
        except* ValueError:
            for i in range(3):
                if i:
                    break
                continue
    """,
    "function and class inside a clause": """
        try:
            pass
        except* ValueError:
            def f():
                for i in x:
                    break
                return 1
            class C:
                def m(self):
                    return 2
    """,
    "else and finally": """
        def f():
            for i in x:
                try:
                    return 1
                except* ValueError:
                    pass
                else:
                    break
                finally:
                    continue
    """,
    "except* with parenthesised tuple and name": """
        try:
            pass
        except* (ValueError, TypeError) as e:
            pass
    """,
}

for name, src in CASES.items():
    try:
        compile(textwrap.dedent(src), "<case>", "exec")
    except SyntaxError as e:
        print(f"{name}: {e.msg!r} line {e.lineno} offset {e.offset} end {e.end_lineno}:{e.end_offset}")
    else:
        print(f"{name}: compiled")

for name, src in VALID.items():
    compile(textwrap.dedent(src), "<case>", "exec")
    print(f"{name}: compiled")
