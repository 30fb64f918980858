people = [('bob', 25), ('alice', 30), ('carol', 25), ('dave', 30), ('eve', 20)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: w[::-1]))
nums = [3, -1, 2.5, 0, -7, 10 ** 20, True]
nums.sort(); print(nums)
nums.sort(key=abs); print(nums)
import functools
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
big = [(i * 7919) % 1000 for i in range(1000)]
print(sorted(big)[:10], sorted(big)[-5:], sorted(big) == sorted(big, reverse=True)[::-1])
stable = sorted([(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')], key=lambda t: t[0])
print(stable)
a = [5, 3, 1]
try:
    a.sort(key=lambda x: a.append(x) or x)
except ValueError as e:
    print(e)
