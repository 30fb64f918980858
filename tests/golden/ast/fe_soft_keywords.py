match = 1
case = 2
_ = 3
match(x)
match.y = 4
print(match, case, _)
def match(): pass
