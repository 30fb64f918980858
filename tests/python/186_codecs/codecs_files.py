# codecs.open, StreamReader/Writer, and text files in non-native encodings.
import codecs, os, io
name = '_tmp_codecs_files.txt'
try:
    with codecs.open(name, 'w', encoding='utf-8') as f:
        f.write('héllo\nwörld\n')
    with codecs.open(name, 'r', encoding='utf-8') as f:
        print(f.readline(), f.read())
    with open(name, 'w', encoding='cp1252') as f:
        print(f.write('€ café\n'), f.encoding)
    print(open(name, 'rb').read(), open(name, encoding='cp1252').read())
    with open(name, 'w', encoding='utf-16') as f:
        f.write('ab\ncd\n')
    data = open(name, 'rb').read()
    print(data)
    with open(name, encoding='utf-16') as f:
        print(f.readlines())
    with open(name, 'w', encoding='utf-8-sig') as f:
        f.write('bom')
    print(open(name, 'rb').read(), repr(open(name, encoding='utf-8-sig').read()))
    w = codecs.getwriter('latin-1')(io.BytesIO())
    w.write('ÿ')
    print(w.stream.getvalue())
    r = codecs.getreader('utf-8')(io.BytesIO('α\nβ'.encode()))
    print(r.readlines())
    print(codecs.iterdecode([b'\xc3', b'\xa9', b'x'], 'utf-8').__next__(), list(codecs.iterencode(['a', 'é'], 'latin-1')))
finally:
    os.remove(name)
