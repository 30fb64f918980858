# Helper for pdb_cli.py: debugged under `-m pdb` and breakpoint().
import threading


def add(a, b):
    total = a + b
    return total


def worker(results):
    results.append(add(2, 3))


def main():
    results = []
    t = threading.Thread(target=worker, args=(results,))
    t.start()
    t.join()
    x = add(1, 2)
    for i in range(2):
        x += i
    print("x =", x, "results =", results)
    return x


if __name__ == "__main__":
    main()
