"""Fannkuch-redux: for every permutation of 1..n count the pancake flips until 1 is in front.
Prints the permutation checksum and the maximum number of flips."""
import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    r = n
    perm_index = 0
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if perm_index % 2 == 0 else -flips
        # next permutation in the counting order
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1.pop(0)
            perm1.insert(r, first)
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_index += 1


def main(n):
    checksum, flips = fannkuch(n)
    print("%d\nPfannkuchen(%d) = %d" % (checksum, n, flips))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
