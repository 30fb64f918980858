for f in [lambda: 'é'.encode('ascii'), lambda: b'\xff'.decode('utf-8'), lambda: b'\xc3'.decode('utf-8'), lambda: 'a\ud800'.encode('utf-8'),
          lambda: b'\x80abc'.decode('ascii'), lambda: '€'.encode('latin-1'), lambda: b'\xed\xa0\x80'.decode('utf-8')]:
    try:
        f()
    except UnicodeError as e:
        print(type(e).__name__, e, e.encoding, e.start, e.end, e.reason)
