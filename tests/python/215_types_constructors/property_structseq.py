# property docs through getter() (taken afresh from a new getter), subclasses
# keeping __doc__ per instance; struct sequences: n_unnamed_fields,
# __match_args__, constructor checks and invisible fields from the dict.
import os
import time


class BaseClass:
    @property
    def spam(self):
        """BaseClass.getter"""
        return 1


class SubClass(BaseClass):
    @BaseClass.spam.getter
    def spam(self):
        """SubClass.getter"""
        return 2


print(BaseClass.spam.__doc__, SubClass.spam.__doc__, SubClass().spam)


class PropertySub(property):
    """This is a subclass of property"""


class PropertySubSlots(property):
    __slots__ = ()


class Foo:
    @PropertySub
    def spam(self):
        """a docstring"""
        return 1

    @spam.getter
    def spam(self):
        """a new docstring"""
        return 2


print(Foo.spam.__doc__, Foo().spam, PropertySub.__doc__)
try:
    class Bar:
        @PropertySubSlots
        def spam(self):
            """cannot be stored"""
except AttributeError:
    print('AttributeError for a slotted property subclass')
p = property(lambda self: 1, doc='explicit')
print(p.getter(lambda self: 2).__doc__)

s = os.stat('/')
print(len(s), s.n_fields, s.n_sequence_fields, s.n_unnamed_fields, os.stat_result.__match_args__, type(s.st_atime))
print(time.struct_time.n_unnamed_fields, time.struct_time.__match_args__)
t = time.struct_time
for args, kw in [((), {}), ((None,), {}), (('123',), {}), (('123',), {'dict': {}}), (('123456789',), {'dict': None}),
                 (('1234567890123',), {})]:
    try:
        t(*args, **kw)
        print('ok')
    except TypeError as e:
        print(e)
x = t('123456789', {'tm_zone': 'UTC'})
print(x.tm_zone, x.tm_gmtoff, ''.join(t('123456789')))
match time.gmtime(0):
    case time.struct_time(year, month):
        print('matched', year, month)

# __set_name__ failures are re-raised as RuntimeError (3.11); partial's
# __dict__ may be replaced by a dict but not deleted.
import functools
class D:
    def __set_name__(self, owner, name):
        raise ValueError('boom')
try:
    class C:
        x = D()
except Exception as e:
    print(type(e).__name__, e, '|', type(e.__cause__).__name__, e.__cause__)
p = functools.partial(hex)
for action in ('set int', 'delete'):
    try:
        if action == 'set int':
            p.__dict__ = 1
        else:
            del p.__dict__
    except TypeError as e:
        print(action, e)
p.__dict__ = {'a': 1}
print(p.a)

# A class made by a metaclass still shows its namespace as a read-only mappingproxy.
class MyMeta(type):
    pass
class WithMeta(metaclass=MyMeta):
    x = 1
print(type(WithMeta.__dict__).__name__, WithMeta.__dict__['x'])
try:
    WithMeta.__dict__['y'] = 2
except TypeError as e:
    print(e)
WithMeta.z = 3
print(WithMeta.z, vars(WithMeta)['z'])

# Descriptors with __set__ only leave reads to the instance (and class) dict;
# a metaclass's data descriptor wins over the class's own attribute.
class SetOnly:
    def __init__(self, name):
        self.name = name
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value
so = SetOnly('a')
class HasSetOnly:
    a = so
h = HasSetOnly()
print(h.a is so)
h.a = 42
print(h.a)
class Meta3(type):
    pass
class Y3(metaclass=Meta3):
    pass
Y3.a = 42
Meta3.a = SetOnly('a')
print(Y3.a)
class DataDescr:
    def __get__(self, o, t):
        return 'meta-data'
    def __set__(self, o, v):
        pass
class Meta4(type):
    x = DataDescr()
class Z4(metaclass=Meta4):
    x = 'class attr'
print(Z4.x)
