def stub(): pass
def stub2(): ...
class Empty: pass
class Doc:
    """only a docstring"""
print(stub(), stub2(), Empty.__name__, Doc.__doc__)
for _ in range(3):
    pass
if True:
    pass
else:
    ...
print('done')
