s = 'abcdefghij'
print(s[0], s[-1], s[2:5], s[:3], s[7:], s[::2], s[1::3], s[::-1], s[-3:], s[:-3], s[8:2:-2], s[100:], s[-100:2])
print(s[::-3], s[5:5], s[5:2], s[slice(1, 8, 3)], s[slice(None)], s[slice(-2, None)])
try:
    s[10]
except IndexError as e:
    print(e)
try:
    s[::0]
except ValueError as e:
    print(e)
u = 'héllo wörld ✓ 😀'
print(u[1], u[-1], u[::-1], len(u), u[6:11], u.upper())
print(slice(1, 10, 2).indices(5), slice(None, None, -1).indices(4))
