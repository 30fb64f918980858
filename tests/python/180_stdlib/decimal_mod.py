from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN, InvalidOperation, DivisionByZero
print(Decimal('0.1') + Decimal('0.2'), Decimal(0.1), Decimal(1) / Decimal(7), Decimal('1.30') + Decimal('1.20'), Decimal('3.14159').quantize(Decimal('0.01')))
print(Decimal('2.675').quantize(Decimal('0.01'), rounding=ROUND_HALF_UP), Decimal('-7.5').quantize(Decimal('1'), rounding=ROUND_DOWN), round(Decimal('2.5')), round(Decimal('3.14159'), 3))
with localcontext() as ctx:
    ctx.prec = 50
    print(Decimal(2).sqrt(), Decimal(1).exp())
print(getcontext().prec, Decimal('1e-3'), Decimal('123.4500').normalize(), Decimal('-0'), Decimal('Infinity'), Decimal('NaN'), Decimal((0, (1, 2), -1)))
print(Decimal('10') ** 20, Decimal('1.1') * 3, Decimal('7') // Decimal('2'), Decimal('-7') % Decimal('2'), divmod(Decimal('7.5'), 2), -Decimal('5'), abs(Decimal('-2.50')))
print(Decimal('1.5') < 2, Decimal('0.5') == 0.5, Decimal(3) == 3, int(Decimal('9.99')), float(Decimal('0.25')), str(Decimal('1E+2')), Decimal('1.23E-5'), Decimal(10 ** 30))
print(Decimal('12.345').as_tuple(), Decimal('1.0').is_zero(), Decimal('-1').is_signed(), Decimal('100').log10(), Decimal('8').ln().quantize(Decimal('1e-10')), sorted(map(Decimal, ['3', '1.5', '-2'])))
for bad in [lambda: Decimal('abc'), lambda: Decimal(1) / Decimal(0), lambda: Decimal('-1').sqrt()]:
    try:
        bad()
    except (InvalidOperation, DivisionByZero) as e:
        print(type(e).__name__)
print(f'{Decimal("1234.5678"):,.2f}', f'{Decimal("0.000123"):e}', format(Decimal('3.5'), '>8'))
