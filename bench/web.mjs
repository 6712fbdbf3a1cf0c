// Browser benchmark (prints numbers; not a test): download sizes of build/web/dist raw and
// compressed (gzip, brotli: what a server sends), page load to `glosa-ready` in headless
// chromium, and the fixture article's annotation time in the page, median of several runs.
// Compare numbers within one run.
// Run after tools/build-web.sh:  node bench/web.mjs [runs]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, launchBrowser, openApp, dist, root } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] || 5);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kib = (n) => (n / 1024).toFixed(1) + ' KiB';

function sizes() {
  // What a server sends: the file, or the FILE.gz / FILE.br that tools/build-web.sh wrote
  // beside it (computed here when missing). The .gz/.br files themselves are not listed.
  const rows = [];
  const packed = (p, ext, make) => (fs.existsSync(p + ext) ? fs.statSync(p + ext).size : make().length);
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) { walk(p); continue; }
      if (name.endsWith('.gz') || name.endsWith('.br')) continue;
      const bytes = fs.readFileSync(p);
      rows.push([path.relative(dist, p), bytes.length,
                 packed(p, '.gz', () => zlib.gzipSync(bytes, { level: 9 })),
                 packed(p, '.br', () => zlib.brotliCompressSync(bytes, {
                   params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }))]);
    }
  };
  walk(dist);
  rows.sort((a, b) => b[1] - a[1]);
  console.log('file                      raw          gzip        brotli');
  for (const [name, raw, gz, br] of rows) {
    console.log(name.padEnd(24), kib(raw).padStart(12), kib(gz).padStart(12), kib(br).padStart(12));
  }
  const first = rows.filter(([n]) => !n.startsWith('models/'));
  const sum = (k) => kib(first.reduce((s, r) => s + r[k], 0));
  console.log('first load (without models):', sum(1), 'raw,', sum(2), 'gzip,', sum(3), 'brotli');
  for (const font of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    const p = path.join(root, 'build', 'web', 'assets-stage', 'fonts', font);
    if (fs.existsSync(p)) {
      const b = fs.readFileSync(p);
      console.log(`font ${font} (inside glosa.data):`, kib(b.length), 'raw,', kib(zlib.gzipSync(b, { level: 9 }).length), 'gzip');
    }
  }
}

const sample = fs.readFileSync(path.join(root, 'tests', 'fixtures', 'pl-news-wizyta-wilno.txt'), 'utf8');
sizes();
const server = await startServer();
const browser = await launchBrowser();
const ready = [], annotate = [], annotateModel = [];
for (let i = 0; i < runs; i++) {
  const { page, context, readyMs } = await openApp(browser, server.url);
  ready.push(readyMs);
  annotate.push(await page.evaluate((t) => { const t0 = performance.now(); glosa.annotate(t); return performance.now() - t0; }, sample));
  await page.evaluate(() => glosa.loadModel('pl'));
  annotateModel.push(await page.evaluate((t) => {
    glosa.annotate(t);  // warm-up
    const t0 = performance.now(); glosa.annotate(t); return performance.now() - t0;
  }, sample));
  await context.close();
}
console.log(`page load to glosa-ready: median ${median(ready)} ms of ${runs} (${ready.join(', ')})`);
console.log(`sample article (${Buffer.byteLength(sample)} bytes), first call after load, rules only (cold): median ${median(annotate).toFixed(1)} ms`);
console.log(`sample article with the Polish models, warm: median ${median(annotateModel).toFixed(1)} ms`);
await browser.close();
server.close();
