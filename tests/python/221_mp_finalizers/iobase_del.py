# io: a Python subclass of an io base class is closed when collected (IOBase.__del__ calls close(), which flushes)
import gc, io
record = []
class MyIO(io.IOBase):
    def __init__(self):
        self.on_del = 1
        self.on_close = 2
        self.on_flush = 3
    def __del__(self):
        record.append(self.on_del)
        try:
            f = super().__del__
        except AttributeError:
            pass
        else:
            f()
    def close(self):
        record.append(self.on_close)
        super().close()
    def flush(self):
        record.append(self.on_flush)
        super().flush()
def t():
    f = MyIO()
    del f
    gc.collect()
    print(record)
t()
class Plain:
    def __del__(self): record.append('plain')
def t2():
    f = Plain()
    del f
    gc.collect()
    print(record)
t2()
