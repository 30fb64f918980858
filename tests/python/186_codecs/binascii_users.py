# Library modules built on binascii: email's header/base64/quoted-printable helpers and uu.
import email.header, email.base64mime, email.quoprimime, warnings
print(email.header.Header('café', 'utf-8').encode(), email.header.decode_header('=?utf-8?q?caf=C3=A9?='))
print(email.base64mime.body_encode(b'x' * 100), email.quoprimime.body_encode('caf\xe9 = ok'))
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    import uu, io
out = io.BytesIO(); uu.encode(io.BytesIO(b'uu data ' * 20), out, 'f.txt'); print(out.getvalue())
back = io.BytesIO(); uu.decode(io.BytesIO(out.getvalue()), back); print(back.getvalue() == b'uu data ' * 20)
