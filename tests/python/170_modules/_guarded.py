def main():
    return 'main ran'
if __name__ == '__main__':
    print('_guarded running as __main__:', main())
else:
    print('_guarded imported as', __name__)
