"""Deep recursion: recursive list/tree builders and walkers thousands of frames deep (under a raised
recursion limit), Ackermann's function, a memo-free recursive partition count and a recursive
flood fill on a grid. Prints the results as the checksum."""
import sys


def depth_sum(n):
    if n == 0:
        return 0
    return n + depth_sum(n - 1)


def build(n):
    return None if n == 0 else (n, build(n - 1))


def length(node):
    return 0 if node is None else 1 + length(node[1])


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


def flood(grid, x, y, w, h):
    if x < 0 or y < 0 or x >= w or y >= h or grid[y][x]:
        return 0
    grid[y][x] = 1
    return 1 + flood(grid, x + 1, y, w, h) + flood(grid, x - 1, y, w, h) + \
        flood(grid, x, y + 1, w, h) + flood(grid, x, y - 1, w, h)


def main(n):
    total = 0
    for i in range(n):
        total += depth_sum(2000 + i % 500)
    lists = 0
    for i in range(n // 4):
        lists += length(build(3000))
    ack = ackermann(2, 300) + ackermann(3, 6)
    parts = partitions(48, 48)
    filled = 0
    for r in range(n // 40):
        w = h = 60
        grid = [[1 if (x * 7 + y * 13 + r) % 11 == 0 else 0 for x in range(w)] for y in range(h)]
        filled += flood(grid, w // 2, h // 2, w, h)
    print("sums:", total, "lists:", lists, "ack:", ack, "partitions:", parts, "flood:", filled)


if __name__ == "__main__":
    sys.setrecursionlimit(20000)
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
