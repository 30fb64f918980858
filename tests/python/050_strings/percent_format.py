print('%s %r %d %i %u' % ('s', 's', 42, -7, 3))
print('%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42))
print('%f %.2f %10.3f %-10.1f| %e %E %g %G' % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 0.00012, 1e-5, 1e20))
print('%x %X %#x %o %#o %c %c %%' % (255, 255, 255, 8, 8, 65, 'z'))
print('%(name)s is %(age)d' % {'name': 'Ann', 'age': 30}, '%s' % (1,), '%s' % [1, 2], '%s' % ((1, 2),))
print('%*d|%-*d|%.*f' % (5, 1, 5, 2, 2, 3.14159), '%a' % 'é', '%.3s' % 'abcdef')
for fmt, args in [('%d', 'x'), ('%s %s', (1,)), ('%s', (1, 2)), ('%z', 1), ('%(k)s', 5)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print('%d' % 3.99, '%s' % None, '%5s|%-5s|' % ('ab', 'cd'), '%.0f %.0f' % (0.5, 1.5))
print(b'%s %d %x' % (b'bytes', 5, 255))
