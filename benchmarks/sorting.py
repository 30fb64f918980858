"""Comprehensions and sorting with key functions: list, dict and set comprehensions over generated
records, sorts by lambdas, operator.itemgetter/attrgetter, multi-key and reversed sorts, stable
re-sorts, sorted() on strings and tuples, bisect and min/max with keys. Prints a digest."""
import bisect
import operator
import sys
from collections import namedtuple

Row = namedtuple("Row", "id name dept salary age")

DEPTS = ["eng", "ops", "sales", "legal", "hr", "design"]
NAMES = ["ada", "bob", "cy", "dee", "eve", "fay", "gus", "hal", "ivy", "jo", "kit", "lu"]


def rows(n):
    state = 99
    out = []
    for i in range(n):
        state = (state * 69069 + 1) & 0xFFFFFFFF
        out.append(Row(i, NAMES[state % 12] + str(state % 97), DEPTS[(state >> 8) % 6],
                       30000 + (state >> 12) % 90000, 20 + (state >> 20) % 45))
    return out


def main(n):
    data = rows(n)
    digest = 0
    for rnd in range(4):
        by_salary = sorted(data, key=lambda r: r.salary)
        by_name = sorted(data, key=operator.attrgetter("name"))
        by_multi = sorted(data, key=lambda r: (r.dept, -r.age, r.name))
        by_rev = sorted(data, key=operator.itemgetter(3, 0), reverse=True)
        digest += by_salary[n // 2].id + by_name[0].id + by_multi[-1].id + by_rev[7].id
        tuples = [(r.age, r.name, r.id) for r in data if r.salary > 50000]
        tuples.sort()
        digest += tuples[len(tuples) // 3][2]
        names = sorted({r.name for r in data})
        digest += len(names) + bisect.bisect_left(names, "gus50")
        per_dept = {d: [r.salary for r in data if r.dept == d] for d in DEPTS}
        medians = {d: sorted(v)[len(v) // 2] for d, v in per_dept.items()}
        digest += sum(medians.values())
        ages = {r.age: r for r in data}
        oldest = max(ages.values(), key=lambda r: (r.age, r.id))
        youngest = min(data, key=operator.attrgetter("age", "id"))
        digest += oldest.id + youngest.id
        grid = [[(i * j + rnd) % 17 for j in range(60)] for i in range(60)]
        digest += sum(sum(row) for row in grid)
        flat = sorted((x for row in grid for x in row), reverse=True)
        digest += flat[100]
        words = sorted((r.name for r in data[: n // 4]), key=str.lower)
        digest += len(words[0]) + len(words[-1])
        data = [r._replace(salary=r.salary + (r.id % 5) * 10) for r in data]
    print("rows:", n, "digest:", digest)
    print("top:", by_salary[-1].name, by_multi[0].name, medians)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60000)
