import pprint
data = {'name': 'gilpy', 'numbers': list(range(30)), 'nested': {'deep': {'deeper': ['x' * 10, 'y' * 10, {'z': (1, 2, 3)}]}}, 'b': None, 'a': True}
pprint.pprint(data)
pprint.pprint(data, width=40, sort_dicts=False)
pprint.pprint(data, depth=2, compact=True)
print(pprint.pformat([1, 2, 3]), pprint.pformat('short'), pprint.saferepr({'self': 1}))
rec = [1]; rec.append(rec)
print(pprint.pformat(rec).split(' with id=')[0], pprint.isrecursive(rec), pprint.isreadable(rec))
pprint.pprint([('a' * 30, 'b' * 30), {'key': 'value' * 12}], underscore_numbers=True)
pprint.pprint(10 ** 12, underscore_numbers=True)
pp = pprint.PrettyPrinter(indent=4, width=30)
pp.pprint({'alpha': [1, 2, 3], 'beta': {'gamma': 'delta', 'epsilon': 'zeta'}})
