samples = ['abc', 'ABC', 'abc123', '123', '١٢٣', '½', '²', '', ' ', '\t\n', 'a b', 'Ab', 'é', '_id', 'id1', '1id', 'class', 'ⅷ', '\x00', 'hello\n']
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(),
          s.isidentifier(), s.isprintable(), s.isascii())
