log = []
def t(v):
    log.append(v)
    return v
print(t(0) and t(1), log); log.clear()
print(t(1) and t(2), log); log.clear()
print(t(0) or t(''), log); log.clear()
print(t(3) or t(4), log); log.clear()
print(not t([]), log); log.clear()
print(t(1) if t(0) else t(2), log); log.clear()
print(all(t(i) for i in [1, 0, 2]), log); log.clear()
print(any(t(i) for i in [0, 5, 6]), log); log.clear()
