// Takes the README screenshot (docs/screenshot.png): the built app in headless chromium with
// the bundled sample article (assets/samples/sample-pl.txt) and its models, after
// tools/build-web.sh. Usage: node tools/screenshot.mjs [out.png]
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, openApp, pasteText, frames, root } from '../tests/e2e/harness.mjs';

const out = process.argv[2] || path.join(root, 'docs', 'screenshot.png');
const sample = fs.readFileSync(path.join(root, 'assets', 'samples', 'sample-pl.txt'), 'utf8');
const server = await startServer();
const browser = await launchBrowser();
const { page } = await openApp(browser, server.url, { width: 1400, height: 860, scale: 1 });
await page.evaluate(() => glosa.loadModel('pl'));
await pasteText(page, sample);
await page.waitForFunction(() => JSON.parse(glosa.getDocument()).meta.model !== '', null, { timeout: 30000 });
await frames(page, 6);
await page.screenshot({ path: out });
console.log('wrote', out);
await browser.close();
server.close();
