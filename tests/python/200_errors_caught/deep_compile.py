# Long chains parse iteratively but nest deeply in the tree: compiling them
# raises RecursionError (never a C stack overflow), and a moderate chain works.
import ast
cases = ["a" + ".b" * 100000, "x" + "+x" * 200000, "f" + "()" * 100000, "s" + "[0]" * 100000,
         "a" + "==a" * 100000]
for src in cases:
    try:
        compile(src, "<deep>", "exec")
        print("compiled")
    except RecursionError as e:
        print("RecursionError", e)
    except (SyntaxError, MemoryError) as e:
        print(type(e).__name__)
for src in cases[:2]:
    try:
        ast.parse(src)
        print("parsed")
    except RecursionError:
        print("RecursionError")
print(eval("1" + "+1" * 1000), len(compile("a" + ".b" * 500, "<ok>", "eval").co_names))
