NAME = 'namespace module'
