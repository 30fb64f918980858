try:
    x = [0] * 10 ** 12
except MemoryError as e:
    print('MemoryError caught', type(e).__name__)
try:
    s = 'a' * 10 ** 15
except (MemoryError, OverflowError) as e:
    print('big str:', type(e).__name__)
try:
    b = bytes(10 ** 15)
except (MemoryError, OverflowError) as e:
    print('big bytes:', type(e).__name__)
try:
    l = [None] * (2 ** 62)
except (MemoryError, OverflowError) as e:
    print('huge list:', type(e).__name__)
try:
    [0] * 2 ** 100
except OverflowError as e:
    print('OverflowError', e)
print('still alive', len([0] * 1000))
