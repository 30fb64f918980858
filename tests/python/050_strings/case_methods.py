for s in ['hello world', 'HELLO', 'Hello World', 'ß straße', "they're bill's", 'ǅungla', 'İstanbul', 'ΣΑΣ', 'mIxEd 123']:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
    print('  ', s.isupper(), s.islower(), s.istitle())
