𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = 1
print(Unicode)
class T:
    ǅ = 2
print(T.Dž, [n for n in vars(T) if not n.startswith('_')])
def fünc_ŀ(): pass
print(fünc_ŀ.__name__)
ﬁ = 3
print(fi)
import ast
print(ast.dump(ast.parse('ﬁx = 1')))
