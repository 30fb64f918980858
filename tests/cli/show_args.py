# Helper script for basic.json (not a test itself: only *.json files in tests/cli are tests).
import sys
print(__name__, sys.argv[1:])
