pass
x
x.y
f()
1
"doc"
...
