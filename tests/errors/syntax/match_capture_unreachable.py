match x:
    case 1:
        pass
    case x:
        pass
    case 2:
        pass
