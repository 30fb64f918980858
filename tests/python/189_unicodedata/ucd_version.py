# The Unicode version is CPython 3.11's, 14.0.0: characters assigned in 15.0 are unassigned (Cn)
# everywhere, the properties 15.0 changed keep their 14.0 values, and the library that checks the
# version (stringprep, hence the idna codec) works.
import codecs
import unicodedata as u

print(u.unidata_version)

# Characters assigned in Unicode 15.0 (DerivedAge.txt), all unknown in 14.0.
new = ['\u0cf3', '\u0ece', '\U00010efd', '\U0001123f', '\U00011b00', '\U00011f00', '\U00011f50',
       '\U00013439', '\U0001b132', '\U0001b155', '\U0001d2c0', '\U0001d2d3', '\U0001df25',
       '\U0001e030', '\U0001e08f', '\U0001e4d0', '\U0001e4f0', '\U0001f6dc', '\U0001f774',
       '\U0001f7d9', '\U0001fa75', '\U0001fa87', '\U0001faad', '\U0001fabb', '\U0001face',
       '\U0001fadb', '\U0001fae8', '\U0001faf7', '\U0002b739', '\U0002b73f', '\U00031350',
       '\U000323af']
for ch in new:
    print('%04X' % ord(ch), u.category(ch), repr(u.bidirectional(ch)), u.combining(ch),
          u.east_asian_width(ch), u.mirrored(ch), repr(u.decomposition(ch)), u.name(ch, None),
          u.decimal(ch, None), u.digit(ch, None), u.numeric(ch, None),
          ch.isalpha(), ch.isdigit(), ch.isdecimal(), ch.isnumeric(), ch.isprintable(),
          ch.isidentifier(), ('a' + ch).isidentifier(), ch.isupper(), ch.islower(),
          ascii(ch.upper()), ascii(ch.lower()), ascii(ch.casefold()), ascii(repr(ch)),
          [ascii(u.normalize(f, ch)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')])

# Their 15.0 names are not names (lookup and \N{...}).
for name in ['KANNADA SIGN COMBINING ANUSVARA ABOVE RIGHT', 'LAO YAMAKKAN', 'KAWI SIGN CANDRABINDU',
             'KAKTOVIK NUMERAL ZERO', 'NAG MUNDARI LETTER O', 'WIRELESS', 'HAIR PICK',
             'CJK UNIFIED IDEOGRAPH-31350', 'CJK UNIFIED IDEOGRAPH-2B739',
             'MODIFIER LETTER CYRILLIC SMALL A', 'LATIN SMALL LETTER D WITH MID-HEIGHT LEFT HOOK']:
    try:
        print(name, ascii(u.lookup(name)))
    except KeyError as e:
        print(name, 'KeyError', e)
    try:
        print(ascii(eval('"\\N{%s}"' % name)))
    except SyntaxError as e:
        print('SyntaxError', e.msg)

# Names of 14.0 characters next to the new ones, and the CJK ranges' 14.0 ends.
for cp in [0x0CF2, 0x0ECD, 0x11F00 - 1, 0x1E02F, 0x1F6DB, 0x2B738, 0x2A6DF, 0x3134A, 0x3134B,
           0x9FFF, 0x1FAD9]:
    print('%04X' % cp, u.name(chr(cp), None), u.category(chr(cp)))

# Other_Lowercase was added to these modifier letters in 15.0; in 14.0 they are neither lowercase
# nor cased, which str.title() and the final-sigma rule show.
for ch in ['\u10fc', '\ua7f2', '\ua7f3', '\ua7f4', '\uab69', '\u02b0', '\u1d2c']:
    print('%04X' % ord(ch), ch.islower(), ch.isupper(), ch.isalpha(), ascii(('a' + ch + 'a').title()),
          ascii(('A' + ch + '\u03a3').lower()), ascii(('A\u03a3' + ch).lower()),
          ascii(('x' + ch).title()), ('A' + ch).istitle())

# stringprep asserts unidata_version == '14.0.0'; the idna codec and nameprep build on it.
import stringprep
print(stringprep.in_table_a1('\u0221'), stringprep.in_table_a1('\u0cf3'), stringprep.in_table_b1('\u00ad'),
      ascii(stringprep.map_table_b2('\u00c5')), ascii(stringprep.map_table_b3('\u1e9e')),
      stringprep.in_table_c11(' '), stringprep.in_table_c12('\u3000'), stringprep.in_table_c21('\x7f'),
      stringprep.in_table_c22('\u200d'), stringprep.in_table_c3('\ue000'), stringprep.in_table_c4('\ufffe'),
      stringprep.in_table_c5('\ud800'), stringprep.in_table_c6('\ufffa'), stringprep.in_table_c7('\u2ff0'),
      stringprep.in_table_c8('\u200e'), stringprep.in_table_c9('\U000e0001'), stringprep.in_table_d1('\u05d0'),
      stringprep.in_table_d2('a'))
import encodings.idna as idna
print(ascii(idna.nameprep('B\u00fccher')), ascii(idna.nameprep('\u00df\u00ad.Stra\u00dfe')),
      ascii(idna.ToASCII('b\u00fccher')), ascii(idna.ToUnicode(b'xn--bcher-kva')))
print('b\u00fccher.de'.encode('idna'), 'b\u00fccher.de'.encode('idna') == b'xn--bcher-kva.de')
print(ascii(b'xn--bcher-kva.de'.decode('idna')), ascii('xn--bcher-kva.de'.encode('ascii').decode('idna')))
for host in ['Example.COM', 'm\u00fcnchen.example.', '\u4f8b\u3048.\u30c6\u30b9\u30c8', 'ma\u00f1ana.com',
             '\u0440\u0444.\u0440\u0444', 'xn--mnchen-3ya.de', '\uff21\uff22\uff23.example']:
    enc = host.encode('idna')
    print(ascii(host), enc, ascii(enc.decode('idna')))
for bad in ['a\u0cf3b.de', '\u05d0a.com', 'a' * 64 + '.com', 'x\u200d.com']:
    try:
        print(ascii(bad), bad.encode('idna'))
    except UnicodeError as e:
        print(ascii(bad), type(e).__name__)
enc = codecs.getincrementalencoder('idna')()
print(enc.encode('b\u00fccher.'), enc.encode('de', final=True))
dec = codecs.getincrementaldecoder('idna')()
print(ascii(dec.decode(b'xn--bcher-kva.')), ascii(dec.decode(b'de', final=True)))

# ucd_3_2_0 sees the same data as Unicode 3.2.0: later characters unassigned, no aliases, the
# 3.2.0 normalization of the Corrigendum 4 characters.
o = u.ucd_3_2_0
print(o.unidata_version)
for ch in ['A', '\u0221', '\u1b06', '\u0cf3', '\U0001f130', '\u2e02', '\u0b71', '\U0001d7ce', '\u00c5']:
    print('%04X' % ord(ch), o.category(ch), repr(o.bidirectional(ch)), o.combining(ch), o.mirrored(ch),
          repr(o.decomposition(ch)), o.name(ch, None), o.decimal(ch, None), o.numeric(ch, None),
          [ascii(o.normalize(f, ch)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')])
for ch in ['\U0002f868', '\U0002f874', '\U0002f91f', '\U0002f95f', '\U0002f9bf', '\uf951']:
    print('%04X' % ord(ch), ascii(o.normalize('NFC', ch)), ascii(u.normalize('NFC', ch)), o.is_normalized('NFD', ch))
print(ascii(o.normalize('NFC', '\u1b05\u1b35')), ascii(o.normalize('NFD', 'a\u0301\u1dc2')))
for name in ['latin small letter a', 'BYTE ORDER MARK', 'LATIN CAPITAL LETTER GHA', 'BALINESE LETTER AKARA',
             'HANGUL SYLLABLE GAG', 'CJK UNIFIED IDEOGRAPH-4E00', 'CJK UNIFIED IDEOGRAPH-9FA6']:
    try:
        print(name, ascii(o.lookup(name)))
    except KeyError as e:
        print(name, 'KeyError', e)
