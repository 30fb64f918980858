import decimal, contextvars
with decimal.localcontext() as ctx:
    ctx.prec = 5
    print(decimal.Decimal(1) / decimal.Decimal(7))
print(decimal.Decimal(1) / decimal.Decimal(7))
ctx = contextvars.copy_context()
def f():
    decimal.getcontext().prec = 3
    return decimal.Decimal(2).sqrt()
print(ctx.run(f), decimal.Decimal(2).sqrt())
