import textwrap, string
text = 'The quick brown fox jumps over the lazy dog. ' * 3
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, width=40, initial_indent='> ', subsequent_indent='  '))
print(textwrap.shorten('Hello  world, this is a long sentence', width=20))
print(repr(textwrap.dedent('''\
    indented
      more
    back
''')))
print(textwrap.indent('a\nb\n\nc', '+ '), textwrap.indent('a\n\nb', '#', lambda l: True))
w = textwrap.TextWrapper(width=15, break_long_words=True, max_lines=2, placeholder='...')
print(w.wrap('supercalifragilisticexpialidocious is long'))
print(string.Template('${a}-$b').substitute({'a': 1, 'b': 2}), string.ascii_letters[:5])
