match x:
    case x if x:
        pass
    case y:
        pass
    case z:
        pass
