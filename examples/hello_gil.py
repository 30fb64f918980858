# The bundled demo (replaced by examples/grok_the_gil.py once threads exist).
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print("gilpy says hello; fib(20) =", fib(20))
