# _ssl without the network: contexts, certificate decoding, errors, a TLS
# handshake over MemoryBIOs, a threaded HTTPS round trip through urllib and an
# asyncio client/server pair, all with the test suite's certificates.
import asyncio
import http.server
import os
import ssl
import threading
import urllib.request

TESTDIR = '/usr/lib/python3.11/test'
SIGNED = os.path.join(TESTDIR, 'keycert3.pem')   # localhost, signed by pycacert
CA = os.path.join(TESTDIR, 'pycacert.pem')

print(ssl.OPENSSL_VERSION.startswith('OpenSSL 3'), ssl.HAS_TLSv1_3, ssl.HAS_SNI, ssl.HAS_ALPN)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
print(ctx.verify_mode, ctx.check_hostname, ctx.minimum_version, ctx.maximum_version, ctx.protocol)
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE
print(ctx.verify_mode, ctx.check_hostname)
try:
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_NONE
except ValueError as e:
    print('ValueError', e)
ctx.load_verify_locations(CA)
print(ctx.cert_store_stats())
print([c['subject'] for c in ctx.get_ca_certs()])
cert = ssl._ssl._test_decode_cert(SIGNED)
for k in sorted(cert):
    print(k, cert[k])
print(ssl._ssl.txt2obj('1.3.6.1.5.5.7.3.1'), ssl._ssl.nid2obj(129))
print(len(ssl.RAND_bytes(16)), ssl.RAND_status())
for bad in [lambda: ctx.load_cert_chain('/nonexistent.pem'),
            lambda: ctx.load_verify_locations(cadata='nope'),
            lambda: ctx.set_ciphers('xyzzy'),
            lambda: ctx.load_verify_locations()]:
    try:
        bad()
    except (OSError, TypeError) as e:
        print(type(e).__name__, getattr(e, 'library', None), getattr(e, 'reason', None), e.errno if isinstance(e, OSError) else '')
print(sorted({c['protocol'] for c in ctx.get_ciphers()}))


def bio_pair():
    sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    sctx.load_cert_chain(SIGNED)
    sctx.set_alpn_protocols(['h2', 'http/1.1'])
    cctx = ssl.create_default_context(cafile=CA)
    cctx.set_alpn_protocols(['http/1.1'])
    c_in, c_out, s_in, s_out = ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO()
    client = cctx.wrap_bio(c_in, c_out, server_hostname='localhost')
    server = sctx.wrap_bio(s_in, s_out, server_side=True)
    done = [False, False]
    for _ in range(10):
        for i, (obj, out, peer_in) in enumerate([(client, c_out, s_in), (server, s_out, c_in)]):
            if not done[i]:
                try:
                    obj.do_handshake()
                    done[i] = True
                except ssl.SSLWantReadError:
                    pass
            data = out.read()
            if data:
                peer_in.write(data)
        if all(done):
            break
    print('handshake', done, client.version(), client.selected_alpn_protocol(), server.selected_alpn_protocol())
    print(client.getpeercert()['subject'], client.cipher()[1], server.getpeercert())
    client.write(b'ping')
    s_in.write(c_out.read())
    print(server.read(100))
    try:
        server.read(100)
    except ssl.SSLWantReadError as e:
        print('SSLWantReadError', e.errno)


bio_pair()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b'hello over tls'
        self.send_response(200)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


srv = http.server.HTTPServer(('127.0.0.1', 0), Handler)
sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
sctx.load_cert_chain(SIGNED)
srv.socket = sctx.wrap_socket(srv.socket, server_side=True)
t = threading.Thread(target=srv.serve_forever)
t.start()
port = srv.server_address[1]
r = urllib.request.urlopen(f'https://localhost:{port}/', context=ssl.create_default_context(cafile=CA), timeout=10)
print(r.status, r.read())
try:
    urllib.request.urlopen(f'https://localhost:{port}/', context=ssl.create_default_context(), timeout=10)
except urllib.error.URLError as e:
    print(type(e.reason).__name__, e.reason.verify_code, e.reason.verify_message, e.reason.reason)
srv.shutdown()
t.join()
srv.server_close()


async def main():
    async def handle(reader, writer):
        line = await reader.readline()
        writer.write(line.upper())
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, '127.0.0.1', 0, ssl=sctx)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port, ssl=ssl.create_default_context(cafile=CA),
                                                   server_hostname='localhost')
    writer.write(b'hello asyncio\n')
    print(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
