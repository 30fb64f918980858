import warnings
warnings.warn('this goes to stderr')
print('program continues')
