"""Comprehensions and generator expressions as data-processing code writes them: a table of
synthetic orders is filtered, grouped and joined with list, dict and set comprehensions, nested
comprehensions (a small matrix product and transposes), conditional expressions inside them, and
generator expressions consumed by sum/any/all/max. Prints rounded aggregates as the checksum."""
import sys


def make_orders(n):
    regions = ["north", "south", "east", "west", "centre"]
    products = [f"p{i:03d}" for i in range(60)]
    return [
        {"id": i, "region": regions[(i * 7) % 5], "product": products[(i * 13) % 60],
         "qty": (i * 31) % 17 + 1, "price": ((i * 97) % 1000) / 10.0, "rush": i % 11 == 0}
        for i in range(n)
    ]


def analyse(orders):
    big = [o for o in orders if o["qty"] * o["price"] > 500.0]
    by_region = {r: [o for o in orders if o["region"] == r] for r in sorted({o["region"] for o in orders})}
    revenue = {r: round(sum(o["qty"] * o["price"] for o in os_), 2) for r, os_ in by_region.items()}
    products = {o["product"] for o in big}
    rush_share = {r: sum(1 for o in os_ if o["rush"]) / len(os_) for r, os_ in by_region.items()}
    top = sorted(((v, k) for k, v in revenue.items()), reverse=True)[:3]
    flags = [("high" if o["price"] > 80 else "mid" if o["price"] > 30 else "low") for o in orders]
    counts = {f: flags.count(f) for f in sorted(set(flags))}
    ok = all(o["qty"] > 0 for o in orders) and not any(o["price"] < 0 for o in orders)
    return len(big), len(products), top, round(sum(rush_share.values()), 4), counts, ok


def matrix(n):
    a = [[(i * j + 1) % 7 for j in range(n)] for i in range(n)]
    b = [[(i + 2 * j) % 5 for j in range(n)] for i in range(n)]
    bt = [list(col) for col in zip(*b)]
    c = [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]
    diag = [c[i][i] for i in range(n)]
    return sum(map(sum, c)), max(diag), [[row[i] for row in c] for i in range(2)][1][:3]


def words(n):
    text = [f"w{(i * i) % 997}" for i in range(n)]
    index = {w: i for i, w in enumerate(text)}
    pairs = {(a, b) for a, b in zip(text, text[1:]) if a < b}
    lengths = [len(w) for w in text if w.endswith(("1", "3", "7"))]
    return len(index), len(pairs), sum(lengths)


def main(scale):
    results = []
    for round_ in range(scale):
        orders = make_orders(6000 + round_)
        results.append(analyse(orders))
    results.append(matrix(110))
    results.append(words(60000))
    print(results[0])
    print(results[-2])
    print(results[-1])
    print(sum(r[0] for r in results[:-2]))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 110)
