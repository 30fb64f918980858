values = [print "x"]
