import keyword
print(keyword.kwlist)
print(keyword.softkwlist, keyword.iskeyword('for'), keyword.iskeyword('match'), keyword.issoftkeyword('match'), keyword.iskeyword('print'))
