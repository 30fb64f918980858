# leading comment
x = 1  # trailing
    # indented comment only line

def f():  # after colon
    pass
# final comment
