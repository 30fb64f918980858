import difflib
a = ['one\n', 'two\n', 'three\n', 'four\n']
b = ['one\n', 'too\n', 'three\n', 'four\n', 'five\n']
print(''.join(difflib.unified_diff(a, b, 'a.txt', 'b.txt')))
print(''.join(difflib.context_diff(a, b, 'a', 'b')))
print(list(difflib.ndiff(['abc\n'], ['abd\n'])))
sm = difflib.SequenceMatcher(None, 'abcdefg', 'abxdefz')
print(sm.ratio(), sm.get_matching_blocks(), sm.get_opcodes(), sm.find_longest_match(0, 7, 0, 7))
print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']), difflib.get_close_matches('x', ['y']))
print(round(difflib.SequenceMatcher(None, 'kitten', 'sitting').quick_ratio(), 4))
print(list(difflib.unified_diff(['a'], ['b'], lineterm='')))
