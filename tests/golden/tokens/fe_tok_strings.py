s = "a" 'b' r"\d" b"x" rb"y" BR"z" Rb"w" u"u" f"{x}" rf"{y}" Fr"z"
t = """triple
quoted""" + '''single
triple'''
e = "esc\"aped" 'it\'s'
