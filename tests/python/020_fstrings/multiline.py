a, b = 1, 2
s = f"""a={a}
b={b}
sum={
    a + b
}"""
print(s)
print(f"{a}" f"{b}" "c" f'{a + b}')
msg = (f"{a} "
       f"and {b}")
print(msg)
print(f"{a:{'0'}{3}}")
