// tools/static-server.mjs (issue #14): never dies on a request, sends the security headers,
// serves precompressed files to browsers that accept them. Runs the server on a scratch
// folder over loopback; no browser needed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const metaPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'";
const script = 'console.log("glosa");\n'.repeat(200);
let dir, proc, base;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glosa-server-'));
  fs.writeFileSync(path.join(dir, 'index.html'),
                   `<!doctype html><meta http-equiv="Content-Security-Policy" content="${metaPolicy}"><p>hi`);
  fs.writeFileSync(path.join(dir, 'app.js'), script);
  fs.writeFileSync(path.join(dir, 'app.js.gz'), zlib.gzipSync(script));
  fs.writeFileSync(path.join(dir, 'app.js.br'), zlib.brotliCompressSync(script));
  fs.writeFileSync(path.join(dir, 'plain.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  // A stale variant: older than its file, so never sent.
  fs.writeFileSync(path.join(dir, 'stale.txt.gz'), zlib.gzipSync('old text'));
  const old = new Date(Date.now() - 3600e3);
  fs.utimesSync(path.join(dir, 'stale.txt.gz'), old, old);
  fs.writeFileSync(path.join(dir, 'stale.txt'), 'new text');
  proc = spawn(process.execPath, [path.join(root, 'tools', 'static-server.mjs'), dir, '0'],
               { stdio: ['ignore', 'pipe', 'inherit'] });
  base = await new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve(m[0]);
    });
    proc.on('exit', (code) => reject(new Error('static server exited with ' + code)));
  });
});

after(() => {
  proc.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

// A raw request over a socket (fetch would refuse to send some of these), the reply as
// latin1 text (one character per byte, so a compressed body survives).
function raw(request) {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), "127.0.0.1", () => socket.write(request));
    const chunks = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
  });
}

async function get(urlPath, encoding) {
  const reply = await raw(`GET ${urlPath} HTTP/1.1\r\nHost: x\r\n` +
                          (encoding !== undefined ? `Accept-Encoding: ${encoding}\r\n` : '') +
                          'Connection: close\r\n\r\n');
  const [head] = reply.split('\r\n\r\n');
  const status = Number(head.split(' ')[1]);
  const headers = Object.fromEntries(head.split('\r\n').slice(1).map((l) => {
    const i = l.indexOf(':');
    return [l.slice(0, i).toLowerCase(), l.slice(i + 1).trim()];
  }));
  return { status, headers, reply };
}

test('static server: hostile paths get an answer and the server lives on', async () => {
  for (const [p, status] of [['/a%00b', 400], ['/%00', 400], ['/a%0Ab', 400], ['/%E0%A4%A', 400],
                             ['/../../etc/passwd', 404], ['/%2e%2e/%2e%2e/etc/passwd', 404],
                             ['/nothing-here', 404], ['/' + 'a'.repeat(5000), 404]]) {
    const r = await get(p);
    assert.equal(r.status, status, p);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', p);
  }
  const bad = await raw('GARBAGE\r\n\r\n');
  assert.match(bad, /^HTTP\/1\.1 400/);
  const post = await raw(`POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  assert.match(post, /^HTTP\/1\.1 405/);
  assert.equal((await get('/')).status, 200, 'still serving after all of that');
});

test('static server: the page policy as a header, nosniff, no-referrer', async () => {
  const r = await get('/');
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-security-policy'], `${metaPolicy}; frame-ancestors 'none'`);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.equal(r.headers['referrer-policy'], 'no-referrer');
  assert.equal((await get('/plain.wasm')).headers['content-type'], 'application/wasm');
});

test('static server: precompressed .br and .gz go to browsers that accept them', async () => {
  const body = (reply) => Buffer.from(reply.split('\r\n\r\n').slice(1).join('\r\n\r\n'), 'latin1');
  const br = await get('/app.js', 'gzip, deflate, br');
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  assert.equal(zlib.brotliDecompressSync(body(br.reply)).toString(), script);
  const gz = await get('/app.js', 'gzip');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(zlib.gunzipSync(body(gz.reply)).toString(), script);
  const refused = await get('/app.js', 'br;q=0, gzip;q=0');
  assert.equal(refused.headers['content-encoding'], undefined);
  assert.equal(body(refused.reply).toString(), script);
  const none = await get('/app.js');
  assert.equal(none.headers['content-encoding'], undefined);
  assert.equal(Number(none.headers['content-length']), Buffer.byteLength(script));
  const stale = await get('/stale.txt', 'gzip');
  assert.equal(stale.headers['content-encoding'], undefined, 'an older .gz is not sent');
  assert.equal(body(stale.reply).toString(), 'new text');
});
