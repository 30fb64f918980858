import __main__, sys; print(__main__.__spec__.name, __spec__.parent, __name__, __package__, type(__loader__).__name__)
