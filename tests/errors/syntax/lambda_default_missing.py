f = lambda a, d=, c: None
