# Helper module run with `gilpy -m hello_mod` by basic.json.
import sys
print('hello_mod as', __name__, sys.argv[1:])
