match x:
    case {f"k": 1}:
        pass
