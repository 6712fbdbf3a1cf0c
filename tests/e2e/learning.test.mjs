// End-to-end: learning from corrections in the browser (issue #13). A person relabels a
// company the model took for a person in one document; the tagger learns it (in the worker,
// kept in the browser); "Re-tag with what I taught" then gets that name right in a second
// document of the collection. Nothing leaves the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, openApp, pasteText, frames, clickAt, artifacts, root, useServerAndBrowser } from './harness.mjs';

const article = fs.readFileSync(path.join(root, 'tests', 'fixtures', 'articles', 'en-halvorsen-brightwater.txt'), 'utf8');
const paragraphs = article.split('\n\n');
const first = paragraphs.slice(0, 3).join('\n\n');
// Later paragraphs of the same article, as a second document with the same company.
const second = paragraphs.slice(5, 8).join('\n\n');

let server;
let browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

const centre = (r) => ({ x: (r.x0 + r.x1) / 2, y: (r.y0 + r.y1) / 2 });
const labelsOf = (doc, text) => doc.entities.filter((e) => e.text === text && e.status !== 'rejected').map((e) => e.label);

test('a name relabelled in one document is right in another after "Re-tag with what I taught"', async (t) => {
  const { page, context, errors, requests } = await openApp(browser, server.url, { width: 1400, height: 900 });
  await page.evaluate(() => glosa.loadModel('en'));
  await pasteText(page, second);
  await page.evaluate(() => glosa.whenIdle());
  const docB = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  const before = labelsOf(docB, 'Brightwater Analytics');
  assert.ok(before.length >= 2 && !before.every((l) => l === 'ORG'), `the model gets it wrong at first: ${before}`);
  await pasteText(page, first);
  await page.evaluate(() => glosa.whenIdle());
  await frames(page, 3);
  const list = await page.evaluate(() => glosa.listDocuments());
  assert.equal(list.length, 2);

  // In the first document: click a "Brightwater Analytics", Shift+2 makes its whole group ORG.
  const target = await page.evaluate(() => {
    const d = JSON.parse(glosa.getDocument());
    for (let i = 0; i < d.entities.length; i++) {
      const r = glosa.entityRect(i);
      if (d.entities[i].text === 'Brightwater Analytics' && r && r.y1 < 700) return r;
    }
    return null;
  });
  assert.ok(target, 'a mention is on screen');
  await clickAt(page, centre(target));
  await page.keyboard.press('Shift+Digit2');
  await frames(page, 3);
  await page.evaluate(() => glosa.whenIdle());
  const docA = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  assert.ok(labelsOf(docA, 'Brightwater Analytics').every((l) => l === 'ORG'), 'relabelled for all its mentions');
  await page.waitForFunction(() => glosa.viewState().taught > 0, null, { timeout: 30000 });

  // The Documents panel's button tags the collection again with what was taught.
  const button = await page.evaluate(() => glosa.itemRect('retag'));
  assert.ok(button, 'the Documents panel shows "Re-tag with what I taught"');
  await clickAt(page, centre(button));
  await frames(page, 3);
  await page.evaluate(() => glosa.whenIdle());
  assert.ok(await page.evaluate((id) => glosa.selectDocument(id), list[0].id));
  const after = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  const labels = labelsOf(after, 'Brightwater Analytics');
  t.diagnostic(`Brightwater Analytics in the second document: ${before.join(',')} -> ${labels.join(',')}`);
  assert.ok(labels.length >= 2 && labels.every((l) => l === 'ORG'), `learnt: ${labels}`);
  await page.screenshot({ path: path.join(artifacts, 'retagged.png') });

  // What was taught comes back after a reload (kept in the browser).
  await page.reload();
  await page.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
  await page.evaluate(() => glosa.loadModel('en'));
  await page.waitForFunction(() => glosa.viewState().taught > 0, null, { timeout: 30000 });
  const origin = new URL(server.url).origin;
  assert.ok(requests.every((u) => u.startsWith(origin) || u.startsWith('blob:') || u.startsWith('data:')), 'nothing left the page');
  assert.deepEqual(errors, []);
  await context.close();
});
