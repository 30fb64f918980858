import sys, os
print(sys.argv, os.path.basename(sys.argv[0]), __file__.endswith('argv_main.py'), os.path.isabs(__file__))
print(sys.path[0] == os.path.dirname(os.path.abspath(__file__)), sys.orig_argv[-1] if hasattr(sys, 'orig_argv') else 'argv_main.py')
