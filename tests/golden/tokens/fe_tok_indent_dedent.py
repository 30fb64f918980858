if a:
    if b:
        x = 1
    # comment at indent 4
        # comment at indent 8

    y = 2
z = 3
