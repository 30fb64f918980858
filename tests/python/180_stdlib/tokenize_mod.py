import tokenize, io, token
src = 'def f(x):\n    return x + 1  # comment\nprint(f"{f(2)}", 0x1F, 1.5e3, "s")\n'
for tok in tokenize.generate_tokens(io.StringIO(src).readline):
    print(tokenize.tok_name[tok.type], repr(tok.string), tok.start, tok.end)
print(token.NAME, token.tok_name[token.OP], token.ISEOF(token.ENDMARKER))
btoks = list(tokenize.tokenize(io.BytesIO(b'x = 1\n').readline))
print(btoks[0].type == tokenize.ENCODING, btoks[0].string, [t.string for t in btoks[1:]])
print(tokenize.untokenize([(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO('a=(1,2)\n').readline)]))
try:
    list(tokenize.generate_tokens(io.StringIO('"unterminated\n').readline))
except tokenize.TokenError as e:
    print('TokenError', e)
print([tokenize.tok_name[t.exact_type] for t in tokenize.generate_tokens(io.StringIO('a += b ** -c\n').readline)])
