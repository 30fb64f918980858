data = {'a': [1, 2, 3]}
total = (data['a'][0] +
         data['a'][1] +
         data['b'][0])
