def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError(f'no key {k!r}') from None
lookup({}, 'k')
