# Slot wrappers of native types carry CPython's standard docstrings (help(), pydoc)
i = iter([])
print(i.__next__.__doc__, list.__len__.__doc__, int.__add__.__doc__, object.__repr__.__doc__, [].__iter__.__doc__)
