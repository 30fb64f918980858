try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
except:
    raise X from None
else:
    pass
finally:
    pass
try:
    pass
finally:
    x = 1
