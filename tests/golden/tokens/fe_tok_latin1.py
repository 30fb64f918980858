# -*- coding: latin-1 -*-
x = "café"
y = "µ"
