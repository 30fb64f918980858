"""A small interpreter: an assembler for a stack machine (labels, jumps, calls with frames, locals,
arithmetic, comparisons, array ops) and a dispatch loop running programs on it: recursive
Fibonacci, a prime sieve and bubble sort. Prints the results and the instruction count."""
import sys

SOURCE = """
; fib(n) recursively
fib:    load 0
        push 2
        lt
        jz fib_rec
        load 0
        ret
fib_rec: load 0
        push 1
        sub
        call fib 1
        load 0
        push 2
        sub
        call fib 1
        add
        ret

; sieve(n): count primes below n
sieve:  load 0
        newarr
        store 1
        push 2
        store 2
        push 0
        store 3
s_loop: load 2
        load 0
        lt
        jz s_done
        load 1
        load 2
        aget
        jnz s_next
        load 3
        push 1
        add
        store 3
        load 2
        load 2
        mul
        store 4
m_loop: load 4
        load 0
        lt
        jz s_next
        load 1
        load 4
        push 1
        aset
        load 4
        load 2
        add
        store 4
        jmp m_loop
s_next: load 2
        push 1
        add
        store 2
        jmp s_loop
s_done: load 3
        ret

; bsort(n): fill an array with a pseudo-random sequence, bubble sort it, return a checksum
bsort:  load 0
        newarr
        store 1
        push 0
        store 2
        push 7
        store 5
f_loop: load 2
        load 0
        lt
        jz f_done
        load 5
        push 75
        mul
        push 74
        add
        push 65537
        mod
        store 5
        load 1
        load 2
        load 5
        aset
        load 2
        push 1
        add
        store 2
        jmp f_loop
f_done: load 0
        store 2
o_loop: load 2
        push 1
        gt
        jz b_sum
        push 1
        store 3
i_loop: load 3
        load 2
        lt
        jz o_next
        load 1
        load 3
        push 1
        sub
        aget
        load 1
        load 3
        aget
        gt
        jz i_next
        load 1
        load 3
        push 1
        sub
        aget
        store 4
        load 1
        load 3
        push 1
        sub
        load 1
        load 3
        aget
        aset
        load 1
        load 3
        load 4
        aset
i_next: load 3
        push 1
        add
        store 3
        jmp i_loop
o_next: load 2
        push 1
        sub
        store 2
        jmp o_loop
b_sum:  push 0
        store 3
        push 0
        store 2
c_loop: load 2
        load 0
        lt
        jz c_done
        load 3
        push 31
        mul
        load 1
        load 2
        aget
        add
        push 1000000007
        mod
        store 3
        load 2
        push 1
        add
        store 2
        jmp c_loop
c_done: load 3
        ret
"""


def assemble(src):
    labels = {}
    code = []
    for line in src.splitlines():
        line = line.split(";")[0].strip()
        if not line:
            continue
        if ":" in line:
            label, line = line.split(":", 1)
            labels[label.strip()] = len(code)
            line = line.strip()
        parts = line.split()
        code.append([parts[0]] + parts[1:])
    program = []
    for op, *args in code:
        if op in ("jmp", "jz", "jnz"):
            program.append((op, labels[args[0]]))
        elif op == "call":
            program.append((op, labels[args[0]], int(args[1])))
        elif op in ("push", "load", "store"):
            program.append((op, int(args[0])))
        else:
            program.append((op,))
    return program, labels


class Frame:
    __slots__ = ("ret", "locals")

    def __init__(self, ret, args):
        self.ret = ret
        self.locals = args + [0] * 8


def run(program, entry, args):
    stack = []
    frames = [Frame(-1, list(args))]
    local = frames[-1].locals
    pc = entry
    steps = 0
    while True:
        ins = program[pc]
        op = ins[0]
        pc += 1
        steps += 1
        if op == "load":
            stack.append(local[ins[1]])
        elif op == "push":
            stack.append(ins[1])
        elif op == "store":
            local[ins[1]] = stack.pop()
        elif op == "add":
            b = stack.pop(); stack[-1] += b
        elif op == "sub":
            b = stack.pop(); stack[-1] -= b
        elif op == "mul":
            b = stack.pop(); stack[-1] *= b
        elif op == "mod":
            b = stack.pop(); stack[-1] %= b
        elif op == "lt":
            b = stack.pop(); stack[-1] = stack[-1] < b
        elif op == "gt":
            b = stack.pop(); stack[-1] = stack[-1] > b
        elif op == "jz":
            if not stack.pop():
                pc = ins[1]
        elif op == "jnz":
            if stack.pop():
                pc = ins[1]
        elif op == "jmp":
            pc = ins[1]
        elif op == "aget":
            i = stack.pop(); a = stack.pop(); stack.append(a[i])
        elif op == "aset":
            v = stack.pop(); i = stack.pop(); a = stack.pop(); a[i] = v
        elif op == "newarr":
            stack.append([0] * stack.pop())
        elif op == "call":
            n = ins[2]
            args = stack[-n:]
            del stack[-n:]
            frames.append(Frame(pc, args))
            local = frames[-1].locals
            pc = ins[1]
        elif op == "ret":
            f = frames.pop()
            if not frames:
                return stack.pop(), steps
            pc = f.ret
            local = frames[-1].locals
        else:
            raise RuntimeError(op)


def main(scale):
    program, labels = assemble(SOURCE)
    f, s1 = run(program, labels["fib"], [scale])
    p, s2 = run(program, labels["sieve"], [scale * 2000])
    b, s3 = run(program, labels["bsort"], [scale * 6])
    print("fib:", f, "primes:", p, "bsort:", b, "steps:", s1 + s2 + s3)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 26)
