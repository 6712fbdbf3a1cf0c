// A minimal static file server for the built app, bound to loopback only.
// Usage: node tools/static-server.mjs DIR PORT. Serves .wasm as application/wasm, never
// lists directories, refuses paths outside DIR, and never dies on a request (a bad one gets
// 400/404/405, an I/O error 500). Sends the page's Content-Security-Policy as a header (taken
// from the <meta> of DIR/index.html, plus what only a header can say), nosniff and
// no-referrer, and serves a precompressed FILE.br or FILE.gz (tools/build-web.sh writes them)
// when the browser accepts it. See docs/DEPLOY.md. No dependencies beyond node itself.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] || '.');
const port = Number(process.argv[3] || 8080);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.data': 'application/octet-stream',
  '.bin': 'application/octet-stream', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

// The policy of the page's own <meta> (one source of truth), plus frame-ancestors, which a
// <meta> cannot carry: no other site may frame the app.
function contentSecurityPolicy(indexHtml) {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(indexHtml || '');
  const base = m ? m[1].trim().replace(/;\s*$/, '')
                 : "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";
  return base + "; frame-ancestors 'none'";
}

let csp;
try {
  csp = contentSecurityPolicy(fs.readFileSync(path.join(root, 'index.html'), 'utf8'));
} catch {
  csp = contentSecurityPolicy('');
}

const securityHeaders = {
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function reply(res, status, text, extra = {}) {
  if (res.headersSent) { res.destroy(); return; }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders, ...extra });
  res.end(text);
}

// Which precompressed variant to send: 'br', 'gzip' or '' (q=0 refuses an encoding).
function acceptedEncodings(header) {
  const accepted = new Set();
  for (const part of String(header || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    if (name) accepted.add(name);
  }
  return accepted;
}

function statFile(file) {
  return new Promise((resolve) => {
    fs.stat(file, (err, st) => resolve(!err && st.isFile() ? st : null));
  });
}

// GLOSA_LOG_REQUESTS=1: every request line on stdout (the tests check what reached us).
const logRequests = process.env.GLOSA_LOG_REQUESTS === '1';

async function handle(req, res) {
  if (logRequests) console.log(`request: ${req.method} ${req.url}`);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    reply(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  let rel;
  try {
    rel = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    reply(res, 400, 'bad request');
    return;
  }
  // A NUL (or any control character) names no file; node's fs would throw on a NUL.
  if (/[\u0000-\u001f]/.test(rel)) {
    reply(res, 400, 'bad request');
    return;
  }
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(root, rel);
  if (!file.startsWith(root + path.sep)) {
    reply(res, 403, 'forbidden');
    return;
  }
  const st = await statFile(file);
  if (!st) {
    reply(res, 404, 'not found');
    return;
  }
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  let body = file;
  let size = st.size;
  let encoding = '';
  for (const [name, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!accepted.has(name)) continue;
    const cst = await statFile(file + suffix);
    // A stale variant (older than the file) is never sent.
    if (cst && cst.mtimeMs >= st.mtimeMs) {
      body = file + suffix;
      size = cst.size;
      encoding = name;
      break;
    }
  }
  const headers = {
    'Content-Type': types[path.extname(file)] || 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
    ...securityHeaders,
  };
  if (encoding) headers['Content-Encoding'] = encoding;
  if (req.method === 'HEAD') {
    res.writeHead(200, headers).end();
    return;
  }
  const stream = fs.createReadStream(body);
  stream.on('error', () => reply(res, 500, 'read error'));
  stream.once('open', () => {
    res.writeHead(200, headers);
    stream.pipe(res);
  });
  res.on('close', () => stream.destroy());
}

const server = http.createServer((req, res) => {
  handle(req, res).catch(() => reply(res, 500, 'internal error'));
});
// A malformed request line or header: answer 400 and close, never throw.
server.on('clientError', (err, socket) => {
  if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  else socket.destroy();
});
server.listen(port, '127.0.0.1', () => {
  console.log(`Glosa is served at http://127.0.0.1:${server.address().port}/ (Ctrl+C to stop)`);
});
