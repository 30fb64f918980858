"""JSON workload: build a ~1 MB realistic document (records of users with nested orders, tags,
unicode text, floats, nulls), then json.dumps and json.loads it repeatedly, with and without
ensure_ascii / sort_keys / compact separators. Prints sizes and checksums."""
import json
import sys

FIRST = ["Ana", "Bjørn", "Chloé", "Dmitri", "Eun-ji", "Fatima", "György", "Hiro", "Inés", "Jonas"]
CITIES = ["Zürich", "São Paulo", "Kraków", "Reykjavík", "東京", "Montréal", "Dakar", "Oslo"]
WORDS = ["alpha", "beta", "gamma", "delta", "ε-psilon", "zeta", "eta", "theta", "\"quoted\"", "line\nbreak"]


def document(n):
    state = 42
    users = []
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        orders = []
        for k in range(state % 4):
            orders.append({"id": i * 10 + k, "total": round((state % 10000) / 7.0, 2), "paid": k % 2 == 0,
                           "items": [{"sku": "SKU-%05d" % ((state >> k) % 99999), "qty": 1 + k,
                                      "price": (state % 997) / 3.0} for _ in range(1 + k % 3)]})
        users.append({
            "id": i,
            "name": FIRST[state % len(FIRST)] + " " + FIRST[(state >> 5) % len(FIRST)],
            "email": "user%d@example.com" % i,
            "active": state % 3 != 0,
            "score": (state % 100000) / 1000.0,
            "city": CITIES[(state >> 3) % len(CITIES)],
            "tags": [WORDS[(state >> j) % len(WORDS)] for j in range(state % 5)],
            "manager": None if i % 7 else i // 7,
            "orders": orders,
            "big": 2 ** 70 + i if i % 50 == 0 else i * 1000003,
        })
    return {"version": 3, "generated": "2024-01-01T00:00:00Z", "users": users}


def main(rounds):
    doc = document(2600)
    total = 0
    back = None
    for r in range(rounds):
        variant = r % 4
        if variant == 0:
            s = json.dumps(doc)
        elif variant == 1:
            s = json.dumps(doc, ensure_ascii=False)
        elif variant == 2:
            s = json.dumps(doc, separators=(",", ":"))
        else:
            s = json.dumps(doc, sort_keys=True)
        back = json.loads(s)
        total += len(s) + len(back["users"])
    print("size:", len(json.dumps(doc)), "total:", total)
    print("equal:", back == doc, back["users"][17]["name"], back["users"][50]["big"])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
