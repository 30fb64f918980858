x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
x **= 3; print(x)
x %= 5; print(x)
y = 0b1100
y &= 0b1010; print(y)
y |= 1; print(y)
y ^= 0xF; print(y)
y <<= 3; print(y)
y >>= 1; print(y)
lst = [1]; alias = lst
lst += [2]; print(lst, alias, lst is alias)
t = (1,); talias = t
t += (2,); print(t, talias, t is talias)
s = 'a'; s *= 3; print(s)
d = {'k': 1}; d['k'] += 1; print(d)
class O: pass
o = O(); o.v = 1; o.v += 41; print(o.v)
arr = [1, 2, 3]; i = 0
arr[i] += 10; print(arr)
st = {1}; st |= {2}; st &= {2, 3}; print(st)
