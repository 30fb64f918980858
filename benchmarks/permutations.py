"""Permutations and list slicing: N-queens by permutation search with slice-based pruning, the
lexicographic next-permutation algorithm with slice reversal, itertools.permutations and
combinations, and rotating/splicing lists by slices. Prints solution counts and digests."""
import itertools
import sys


def queens(n):
    count = 0

    def place(cols, rest):
        nonlocal count
        if not rest:
            count += 1
            return
        row = len(cols)
        for i, c in enumerate(rest):
            ok = True
            for r, pc in enumerate(cols):
                if abs(pc - c) == row - r:
                    ok = False
                    break
            if ok:
                place(cols + [c], rest[:i] + rest[i + 1:])
    place([], list(range(n)))
    return count


def next_perm(a):
    i = len(a) - 2
    while i >= 0 and a[i] >= a[i + 1]:
        i -= 1
    if i < 0:
        return False
    j = len(a) - 1
    while a[j] <= a[i]:
        j -= 1
    a[i], a[j] = a[j], a[i]
    a[i + 1:] = a[:i:-1]
    return True


def main(n):
    q = queens(n)
    a = list(range(9))
    steps = 0
    digest = 0
    while next_perm(a):
        steps += 1
        if a[0] < a[-1]:
            digest = (digest * 7 + a[4]) % 1000003
    best = 0
    for p in itertools.permutations(range(8)):
        s = sum(i * v for i, v in enumerate(p))
        if s > best and p[:2] < p[-2:]:
            best = s
    combos = sum(1 for c in itertools.combinations(range(20), 5) if sum(c) % 7 == 0)
    lst = list(range(200))
    for k in range(20000):
        r = k % 199 + 1
        lst = lst[r:] + lst[:r]
        lst[10:20] = lst[20:10:-1]
    print("queens:", q, "perms:", steps, digest, "best:", best, "combos:", combos, "rot:", lst[:5], sum(lst[::3]))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12)
