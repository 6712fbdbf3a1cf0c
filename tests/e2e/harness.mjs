// Shared set-up for the browser tests: serve build/web/dist on a free loopback port, launch
// Debian's chromium headless with SwiftShader WebGL, open the app and wait for glosa-ready.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { before, after } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
export const dist = path.join(root, 'build', 'web', 'dist');
export const artifacts = path.join(here, 'artifacts');

// `received`: every request line the server saw ("GET /index.html"), as the server saw it.
export async function startServer() {
  const proc = spawn(process.execPath, [path.join(root, 'tools', 'static-server.mjs'), dist, '0'],
                     { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, GLOSA_LOG_REQUESTS: '1' } });
  const received = [];
  let out = '';
  const url = await new Promise((resolve, reject) => {
    proc.stdout.on('data', (d) => {
      out += d;
      let nl;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        const r = /^request: (.*)$/.exec(line);
        if (r) received.push(r[1]);
        const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
        if (m) resolve(m[0]);
      }
    });
    proc.on('exit', (code) => reject(new Error('static server exited with ' + code)));
  });
  return { url, received, close: () => proc.kill() };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--no-first-run', '--disable-quic'],
  });
}

// Opens the app in a new page and waits until window.glosa exists. Records every request
// so tests can check that nothing leaves the origin.
export async function openApp(browser, url, { width = 1400, height = 900, scale = 1, phone = false, initScript = null } = {}) {
  // `phone`: a touch screen and a mobile browser (taps, no hover). `initScript`: a function run
  // in the page before its own scripts (to take away a browser feature, say).
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale,
                                             acceptDownloads: true, hasTouch: phone, isMobile: phone });
  if (initScript) await context.addInitScript(initScript);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e) + (process.env.GLOSA_E2E_STACKS ? ' ' + e.stack : '')));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
  const readyMs = Date.now() - t0;
  return { page, context, requests, errors, readyMs };
}

// Dispatches a real paste event carrying `text`, as Ctrl+V would.
export async function pasteText(page, text) {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

// Drops files on the page, as dragging them from a file manager would: [{name, bytes, type?}],
// bytes a Buffer or Uint8Array (Buffer.from(text) for text).
export function dropFiles(page, files) {
  return page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type || '' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files.map((f) => ({ name: f.name, bytes: Array.from(f.bytes), type: f.type })));
}

// Lets ImGui draw a few frames.
export async function frames(page, n = 5) {
  for (let i = 0; i < n; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}

// A real mouse click at {x, y} (CSS pixels): ImGui needs the pointer there for a frame
// before the press, and a frame between press and release.
export async function clickAt(page, { x, y }) {
  await page.mouse.move(x, y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 2);
}

// The shared set-up of a test file: the bundled server and one browser for all its tests
// (artifacts folder made), closed after the last; `set(server, browser)` receives them.
export function useServerAndBrowser(set) {
  let server = null;
  let browser = null;
  before(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    set(server, browser);
  });
  after(async () => {
    if (browser) await browser.close();
    if (server) server.close();
  });
}
