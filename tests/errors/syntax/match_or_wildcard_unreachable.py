match x:
    case 1 | 2 | _ | 3:
        pass
