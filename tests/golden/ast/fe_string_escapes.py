a = "\\ \' \" \a \b \f \n \r \t \v"
b = "\0 \7 \77 \101 \777"
c = "\x41\x4a"
d = "\u0041\U00000042"
e = "\q \d \ "
f = b"\x00\xff\777\u1234"
g = "line\
continued"
h = "\ud800"
i = '''a\
b'''
