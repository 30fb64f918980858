import logging, sys
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format='%(levelname)s:%(name)s:%(message)s')
logging.debug('debug %s', 'msg')
logging.info('info')
logging.warning('warn %d', 3)
logging.error('error')
logging.critical('critical')
log = logging.getLogger('app.sub')
log.setLevel(logging.WARNING)
log.info('hidden')
log.warning('shown from %s', log.name)
print(log.parent.name, logging.getLogger('app.sub') is log, log.getEffectiveLevel(), logging.getLevelName(logging.ERROR), logging.getLevelName(25))
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('[%(name)s|%(levelno)d|%(funcName)s] %(message)s'))
other = logging.getLogger('other')
other.addHandler(h)
other.propagate = False
def func(): other.error('from func')
func()
try:
    1 / 0
except ZeroDivisionError:
    other.exception('with traceback')
class ListHandler(logging.Handler):
    def __init__(self): super().__init__(); self.records = []
    def emit(self, record): self.records.append((record.levelname, record.getMessage()))
lh = ListHandler()
q = logging.getLogger('q'); q.addHandler(lh); q.propagate = False; q.setLevel(logging.INFO)
q.info('one'); q.debug('skip'); q.warning('two %s', 'args')
print(lh.records)
class OnlyErrors(logging.Filter):
    def filter(self, r): return r.levelno >= logging.ERROR
lh.addFilter(OnlyErrors()); q.warning('filtered'); q.error('kept'); print(lh.records[-1])
logging.getLogger().handlers[0].setFormatter(logging.Formatter('%(message)s (%(lineno)d)'))
logging.warning('root with lineno')
logging.disable(logging.CRITICAL)
logging.critical('disabled')
logging.disable(logging.NOTSET)
logging.log(logging.WARNING, 'via log()')
