results = []
for v in ['1', 'x', '3', None, '5']:
    try:
        results.append(int(v))
    except ValueError:
        results.append('bad')
        continue
    except TypeError:
        results.append('none')
        break
    finally:
        results.append('.')
print(results)
def gen():
    for i in range(5):
        try:
            yield i
        except KeyError:
            print('gen caught KeyError at', i)
g = gen()
print(next(g), g.throw(KeyError), next(g))
count = 0
while True:
    try:
        count += 1
        if count == 3:
            raise StopIteration
    except StopIteration:
        break
print(count)
