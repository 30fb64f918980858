import sys
print('about to exit')
sys.exit('fatal: something went wrong')
