# Error messages name the types native modules define as CPython's tp_name does ("module.Name");
# builtins and classes from class statements keep their bare names.
import array, collections, datetime, io, itertools, re, pickle


class Mine:
    pass


def show(thunk):
    try:
        thunk()
    except Exception as e:
        print(type(e).__name__ + ':', e)


d = datetime.date(2020, 1, 2)
show(lambda: d - 'x')
show(lambda: d < 3)
show(lambda: collections.deque().nope)
show(lambda: io.StringIO()[0])
show(lambda: re.compile('a').nope)
show(lambda: len(itertools.count()))
show(lambda: hash(array.array('i')))
show(lambda: array.array('i')())
show(lambda: next(collections.deque()))
show(lambda: pickle.dumps(open(__file__)))
show(lambda: datetime.date.nope)
show(lambda: setattr(datetime.date, 'x', 1))
show(lambda: 1 + Mine())
show(lambda: Mine().nope)
show(lambda: Mine()[0])
show(lambda: (1).nope)
empty, none = [], None
show(lambda: empty[{}])
show(lambda: {}[[]])
show(lambda: iter(5))
show(lambda: none())
print(type(d).__name__, type(d).__qualname__, type(d).__module__, repr(type(d)), repr(collections.deque))
