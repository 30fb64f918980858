import heapq, bisect
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data); print(data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8]), heapq.nlargest(2, ['a', 'bbb', 'cc'], key=len))
print(heapq.heappushpop([1, 5], 3), heapq.heapreplace([1, 5], 3), list(heapq.merge([1, 4, 7], [2, 5], [3])))
tasks = []
for prio, name in [(3, 'low'), (1, 'high'), (2, 'mid'), (1, 'also high')]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(4)])
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 100))
bisect.insort(a, 5); bisect.insort_left(a, 4); print(a)
grades = [(bisect.bisect([60, 70, 80, 90], s), 'FDCBA'[bisect.bisect([60, 70, 80, 90], s)]) for s in [33, 99, 77, 70, 89, 90, 100]]
print(grades)
print(bisect.bisect_left([{'k': 1}, {'k': 5}], 3, key=lambda d: d['k']))
