match x:
    case 1 + 2j + 3j:
        pass
