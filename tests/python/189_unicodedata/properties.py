# unicodedata's functions over a sample of characters (Unicode 14.0, CPython 3.11's version).
import unicodedata as u
print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0).__name__)
for ch in ['A', 'a', '1', ' ', '\t', '\u00e9', '\u0301', '\u05d0', '\u0627', '\u0661', '\u00bd', '\u2167',
           '\u4e00', '\uac00', '\uff21', '\uff71', '(', '\u2028', '\U0001f600', '\u00ad', '\u0378', '\U000e0080']:
    print('%04X' % ord(ch), u.category(ch), repr(u.bidirectional(ch)), u.combining(ch), u.east_asian_width(ch),
          u.mirrored(ch), repr(u.decomposition(ch)), u.name(ch, None), u.decimal(ch, None), u.digit(ch, None),
          u.numeric(ch, None))
print(u.lookup('LATIN SMALL LETTER A'), u.lookup('latin small letter sharp s'), u.lookup('HANGUL SYLLABLE GAG'),
      u.lookup('CJK UNIFIED IDEOGRAPH-4E00'), ascii(u.lookup('BYTE ORDER MARK')))
print(u.name('\uac01'), u.name('\u4e01'), u.numeric('\u4e07'), u.digit('\u2460'), u.numeric('\u215b'))
for bad in [lambda: u.lookup('NO SUCH THING'), lambda: u.name('\x00'), lambda: u.category('ab'),
            lambda: u.category(5), lambda: u.decimal('x'), lambda: u.digit('x'), lambda: u.numeric('x'),
            lambda: u.normalize('NFX', 'a'), lambda: u.bidirectional(''), lambda: u.normalize('NFC', 5)]:
    try:
        print(bad())
    except (KeyError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(u.ucd_3_2_0.category('A'), u.ucd_3_2_0.normalize('NFC', 'a\u0301'), u.ucd_3_2_0.bidirectional('\u05d0'))
