café = 1
π = 3.14
名前 = "x"
def función(ñ): return ñ
