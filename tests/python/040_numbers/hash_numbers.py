import sys
print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(10 ** 30))
print(hash(0.5), hash(1.5), hash(-0.5), hash(1e100) == hash(int(1e100)), hash(2.0) == 2)
print(sys.hash_info.modulus == 2 ** 61 - 1, sys.hash_info.width, hash(float('inf')), hash(complex(1, 2)))
print(hash(True), hash(False), hash(None) == hash(None), hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
print(hash((1, 2, 3)), hash(()), hash((0,)), hash(((1, 2), (3,))))
print(hash(frozenset()) , hash(frozenset([1, 2, 3])) == hash(frozenset([3, 2, 1])))
