# What a try/except* re-raises, uncaught: the exceptions raised in the clauses
# plus the unhandled rest, in a new group.
def work():
    try:
        raise ExceptionGroup("jobs", [ValueError("bad value"), OSError("disk"), KeyError("missing")])
    except* ValueError as e:
        raise RuntimeError("could not recover") from e
    except* KeyError:
        pass

work()
