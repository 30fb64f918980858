from .deep import deep_func
