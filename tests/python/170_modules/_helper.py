"""Helper module imported by the tests in this folder (not a test itself: leading underscore)."""
print('_helper imported, __name__ =', __name__)
VALUE = 42
_private = 'hidden'
def greet(who):
    return f'hello {who}'
class Thing:
    pass
