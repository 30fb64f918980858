n = 12345678901234567890
print(str(n), repr(n), format(n, ','), hex(n), oct(n), bin(n)[:20])
print(str(-n), str(0), str(-0), int('-0'), int('  +00012  '))
print(int('9' * 60) + 1, int('-' + '1' * 30), int('10' * 20, 2))
print(len(str(2 ** 10000)), str(2 ** 1000)[-20:])
import sys
print(sys.get_int_max_str_digits())
try:
    int('1' * 5000)
except ValueError as e:
    print('ValueError', str(e)[:60])
try:
    str(10 ** 5000)
except ValueError as e:
    print('ValueError', str(e)[:60])
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))
