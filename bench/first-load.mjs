// First-load transfer benchmark (prints numbers; not a test): opens the built app from
// tools/static-server.mjs in headless chromium and sums what went over the wire until
// `window.glosa` exists, per file with its Content-Encoding (the server sends FILE.br or
// FILE.gz when the browser accepts it; see docs/DEPLOY.md). Models are fetched later, on the
// first text of a language, and are not part of it.
// Run after tools/build-web.sh:  node bench/first-load.mjs
import { startServer, launchBrowser } from '../tests/e2e/harness.mjs';

const server = await startServer();
const browser = await launchBrowser();
const page = await (await browser.newContext()).newPage();
const rows = [];
page.on('requestfinished', async (req) => {
  const res = await req.response();
  const sizes = await req.sizes();
  rows.push({ path: req.url().replace(server.url, '/'), encoding: res.headers()['content-encoding'] || 'identity',
              body: sizes.responseBodySize, headers: sizes.responseHeadersSize });
});
await page.goto(server.url);
await page.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
await page.waitForTimeout(500);  // let the last requestfinished events arrive
let total = 0;
for (const r of rows) {
  console.log(r.path.padEnd(24), r.encoding.padEnd(9), String(r.body).padStart(9), 'bytes');
  total += r.body + r.headers;
}
console.log(`first load: ${rows.length} requests, ${total} bytes (${(total / 1024).toFixed(1)} KiB) with headers`);
await browser.close();
server.close();
