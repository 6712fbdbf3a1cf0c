// End-to-end tests of working all day in the browser (issue #9), through real input: the mouse
// wheel, keys and a finger scroll like a page; the page draws nothing while idle; a reload
// brings back every document with its corrections; a paste never replaces a document; a
// .jsonl of articles opens as a collection, and Export all reads back equal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, openApp, pasteText, dropFiles, frames, clickAt, artifacts, root, useServerAndBrowser } from './harness.mjs';

const sample = fs.readFileSync(path.join(root, 'assets', 'samples', 'sample-pl.txt'), 'utf8');
// A long text: the sample's paragraphs, numbered so no two are alike.
const longText = Array.from({ length: 30 }, (_, i) => `Część ${i + 1}.\n\n` + sample).join('\n\n');

let server;
let browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

const centre = (r) => ({ x: (r.x0 + r.x1) / 2, y: (r.y0 + r.y1) / 2 });
const view = (page) => page.evaluate(() => glosa.viewState());

async function pasteAndWait(page, text) {
  await pasteText(page, text);
  await page.evaluate(() => glosa.whenIdle());
  await frames(page, 3);
}

// Right-clicks the first on-screen entity with `label` and gives it `to` from the menu.
async function relabelFirst(page, label, to) {
  const rect = await page.evaluate((label) => {
    const d = JSON.parse(glosa.getDocument());
    const v = glosa.viewState();
    for (let i = 0; i < d.entities.length; i++) {
      if (d.entities[i].label !== label || d.entities[i].status === 'rejected') continue;
      const r = glosa.entityRect(i);
      if (r && r.y0 > v.docViewTop && r.y1 < v.docViewBottom - 250) return { ...r, start: d.entities[i].start, end: d.entities[i].end };
    }
    return null;
  }, label);
  assert.ok(rect, `a ${label} entity is on screen`);
  const c = centre(rect);
  await page.mouse.move(c.x, c.y);
  await frames(page, 2);
  await page.mouse.click(c.x, c.y, { button: 'right' });
  await frames(page, 3);
  const item = await page.evaluate((to) => glosa.itemRect('menu-label:' + to), to);
  assert.ok(item, 'the correction menu is open');
  await clickAt(page, centre(item));
  await page.evaluate(() => glosa.whenIdle());
  return rect;
}

test('the wheel, the keys and a finger scroll the text like a page; an idle page draws nothing', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1200, height: 800 });
  await pasteAndWait(page, longText);
  let v = await view(page);
  assert.equal(v.docScrollY, 0, 'a new document starts at its top');
  assert.ok(v.docScrollMaxY > 5000, `the text is long: ${v.docScrollMaxY}`);
  await page.mouse.move(500, 400);
  await frames(page, 2);

  // One notch down: a few lines down, never up; one notch up comes back.
  await page.mouse.wheel(0, 100);
  await frames(page, 3);
  v = await view(page);
  assert.ok(v.docScrollY >= 1.5 * v.lineHeight && v.docScrollY <= 6 * v.lineHeight,
            `one notch moves a few lines: ${v.docScrollY} px (line ${v.lineHeight} px)`);
  const afterNotch = v.docScrollY;
  await page.mouse.wheel(0, -100);
  await frames(page, 3);
  assert.equal((await view(page)).docScrollY, 0, 'one notch up comes back');
  // Trackpad pixels scroll by exactly as many pixels.
  await page.mouse.wheel(0, 37);
  await frames(page, 3);
  assert.equal((await view(page)).docScrollY, 37);
  await page.mouse.wheel(0, -37);
  await frames(page, 2);

  // PageDown: most of a screen; End: the end; Home: the top; arrows: a little.
  await page.keyboard.press('PageDown');
  await frames(page, 3);
  v = await view(page);
  const screen = v.docViewBottom - v.docViewTop;
  assert.ok(v.docScrollY > screen * 0.6 && v.docScrollY <= screen, `PageDown moves about a screen: ${v.docScrollY} of ${screen}`);
  await page.keyboard.press('Space');
  await frames(page, 3);
  assert.ok((await view(page)).docScrollY > v.docScrollY + screen * 0.6, 'Space moves another screen');
  await page.keyboard.press('End');
  await frames(page, 4);
  v = await view(page);
  assert.ok(v.docScrollY > 5000 && Math.abs(v.docScrollY - v.docScrollMaxY) < 2, `End: ${v.docScrollY} of ${v.docScrollMaxY}`);
  await page.screenshot({ path: path.join(artifacts, 'long-document-end.png') });
  await page.keyboard.press('Home');
  await frames(page, 3);
  assert.equal((await view(page)).docScrollY, 0, 'Home');
  await page.keyboard.press('ArrowDown');
  await frames(page, 3);
  const down = (await view(page)).docScrollY;
  assert.ok(down > 0 && down < afterNotch * 2, `ArrowDown moves a little: ${down}`);

  // Idle: no frame is drawn while nothing happens.
  await new Promise((r) => setTimeout(r, 500));
  const f0 = await page.evaluate(() => glosa.frameCount());
  await new Promise((r) => setTimeout(r, 1500));
  const f1 = await page.evaluate(() => glosa.frameCount());
  assert.equal(f1 - f0, 0, `frames drawn while idle: ${f1 - f0}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a finger swipe scrolls 1:1 with the finger', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
  await pasteAndWait(page, longText);
  const cdp = await context.newCDPSession(page);
  const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: type === 'touchEnd' ? [] : [{ x: 450, y, id: 1 }] });
  // The finger moves at once (resting half a second would be a long press: the menu).
  await touch('touchStart', 600);
  for (let y = 580; y >= 300; y -= 20) await touch('touchMove', y);
  await touch('touchEnd', 300);
  await frames(page, 3);
  const v = await view(page);
  assert.ok(Math.abs(v.docScrollY - 300) <= 2, `a 300 px swipe scrolls 300 px: ${v.docScrollY}`);
  await context.close();
});

test('a reload brings back both documents and their corrections exactly; a paste keeps a corrected document', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  await page.evaluate(() => glosa.loadModel('pl'));
  await pasteAndWait(page, sample);
  const first = await relabelFirst(page, 'LOC', 'ORG');
  const firstDoc = await page.evaluate(() => glosa.getDocument());
  const firstParsed = JSON.parse(firstDoc);
  assert.equal(firstParsed.entities.find((e) => e.start === first.start && e.end === first.end).label, 'ORG');

  // A paste over the corrected document: a second document; the first is kept.
  const second = sample.replace('Gdańsk buduje', 'Gdynia buduje');
  await pasteAndWait(page, second);
  let list = await page.evaluate(() => glosa.listDocuments());
  assert.equal(list.length, 2, 'both documents are in the collection');
  await relabelFirst(page, 'PER', 'ORG');
  const secondDoc = await page.evaluate(() => glosa.getDocument());
  assert.ok(await page.evaluate((id) => glosa.selectDocument(id), list[0].id));
  await frames(page, 2);
  assert.equal(await page.evaluate(() => glosa.getDocument()), firstDoc, 'the first document is as it was');
  await page.evaluate(() => glosa.whenIdle());
  list = await page.evaluate(() => glosa.listDocuments());
  assert.equal(list[0].status, 'in progress');
  assert.equal(list[0].reviewed, 1);

  await page.reload();
  await page.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
  await frames(page, 3);
  const after = await page.evaluate(() => glosa.listDocuments());
  assert.deepEqual(after, list, 'the collection comes back');
  assert.equal(await page.evaluate(() => glosa.getDocument()), firstDoc, 'the open document comes back exactly');
  assert.ok(await page.evaluate((id) => glosa.selectDocument(id), list[1].id));
  assert.equal(await page.evaluate(() => glosa.getDocument()), secondDoc, 'and the other one too');
  await page.screenshot({ path: path.join(artifacts, 'restored-collection.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reload comes back to the same place in a long text, with the same entity selected, at any width', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1200, height: 800 });
  await pasteAndWait(page, longText);
  await page.mouse.move(500, 400);
  await frames(page, 2);
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, 700);
    await frames(page, 2);
  }
  let v = await view(page);
  assert.ok(v.docScrollY > 5000, `scrolled far down: ${v.docScrollY}`);
  // Click an entity in the middle of the view: it is selected and stays where it is.
  const target = await page.evaluate(() => {
    const d = JSON.parse(glosa.getDocument());
    const v = glosa.viewState();
    const mid = (v.docViewTop + v.docViewBottom) / 2;
    for (let i = 0; i < d.entities.length; i++) {
      const r = glosa.entityRect(i);
      if (r && r.y0 > mid - 120 && r.y1 < mid + 120) return { i, ...r };
    }
    return null;
  });
  assert.ok(target, 'an entity in the middle of the view');
  await clickAt(page, centre(target));
  v = await view(page);
  assert.equal(v.selected, target.i);
  const before = { scroll: v.docScrollY, selectedId: v.selectedId };
  // An entity near the top of the view: at another width it must still be in view.
  const topId = await page.evaluate(() => {
    const d = JSON.parse(glosa.getDocument());
    const v = glosa.viewState();
    for (let i = 0; i < d.entities.length; i++) {
      const r = glosa.entityRect(i);
      if (r && r.y0 > v.docViewTop + 30 && r.y1 < v.docViewTop + 200) return d.entities[i].id;
    }
    return null;
  });
  assert.ok(topId, 'an entity near the top of the view');
  await page.evaluate(() => glosa.whenIdle());

  await page.reload();
  await page.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
  await frames(page, 4);
  v = await view(page);
  assert.equal(v.selectedId, before.selectedId, 'the same entity is selected');
  assert.ok(Math.abs(v.docScrollY - before.scroll) <= 2, `the same place: ${v.docScrollY} after ${before.scroll}`);

  // Come back in a narrower window (the place was stored at 1200 px): the lines wrap
  // elsewhere, the place in the text holds.
  // The page closed (its view stored) and the app opened again in a window `width` wide.
  const reopen = async (old, width, settle) => {
    await old.close({ runBeforeUnload: true });
    const next = await context.newPage();
    next.on('pageerror', (e) => errors.push(String(e)));
    await next.setViewportSize({ width, height: 800 });
    await next.goto(server.url);
    await next.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
    await frames(next, settle);
    return next;
  };
  const narrow = await reopen(page, 900, 4);
  v = await view(narrow);
  const r = await narrow.evaluate((id) => glosa.entityRect(JSON.parse(glosa.getDocument()).entities.findIndex((e) => e.id === id)), topId);
  assert.ok(r && r.y0 >= v.docViewTop && r.y1 <= v.docViewBottom, 'what was at the top is in view at the new width');

  // An entity selected near the bottom of the view, and the page opened again much narrower:
  // the lines above it wrap into many more, yet the selection is still in view.
  const low = await narrow.evaluate(() => {
    const d = JSON.parse(glosa.getDocument());
    const v = glosa.viewState();
    for (let i = d.entities.length - 1; i >= 0; i--) {
      const r = glosa.entityRect(i);
      if (r && r.y1 < v.docViewBottom - 10 && r.y0 > v.docViewBottom - 200) return { i, id: d.entities[i].id, ...r };
    }
    return null;
  });
  assert.ok(low, 'an entity near the bottom of the view');
  await clickAt(narrow, centre(low));
  assert.equal((await view(narrow)).selectedId, low.id);
  await narrow.evaluate(() => glosa.whenIdle());
  const slim = await reopen(narrow, 700, 6);
  v = await view(slim);
  assert.equal(v.selectedId, low.id);
  const s = await slim.evaluate((i) => glosa.entityRect(i), low.i);
  assert.ok(s && s.y0 >= v.docViewTop && s.y1 <= v.docViewBottom,
            `the selected entity is in view at 700 px: ${JSON.stringify(s)} in ${v.docViewTop}..${v.docViewBottom}`);
  await slim.screenshot({ path: path.join(artifacts, 'reload-narrow-selection.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('Find lists the other documents that hold the words; choosing one opens it at its first match', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  await page.evaluate(() => glosa.loadModel('pl'));
  await pasteAndWait(page, longText);
  await pasteAndWait(page, 'Harbour deal signed in Rotterdam\n\nThe Port of Rotterdam signed a contract with Maersk.');
  await pasteAndWait(page, sample);
  const list = await page.evaluate(() => glosa.listDocuments());
  assert.equal(list.length, 3);
  await page.mouse.move(600, 400);
  await page.keyboard.press('Control+F');
  await frames(page, 3);
  await page.keyboard.type('czesc 30');  // "Część 30." of the long text, accents left out
  await frames(page, 3);
  assert.equal((await view(page)).findMatches, 0, 'not in the open document');
  const others = await page.evaluate(() => glosa.itemRect('find-other-documents'));
  assert.ok(others, 'the find bar offers the other documents');
  await clickAt(page, centre(others));
  await frames(page, 3);
  assert.ok(await page.evaluate(() => glosa.itemRect('find-document:' + glosa.listDocuments()[0].id)),
            'the long text is listed');
  assert.equal(await page.evaluate(() => glosa.itemRect('find-document:' + glosa.listDocuments()[1].id)), null,
               'the English one, without the words, is not');
  // The list opens below the find bar: it covered the bar's own buttons (QA round 6).
  const header = await page.evaluate(() => glosa.itemRect('find-documents-header'));
  const close = await page.evaluate(() => glosa.itemRect('find-close'));
  assert.ok(header.y0 > close.y1, `the list is below the bar's buttons: ${JSON.stringify({ header, close })}`);
  await page.screenshot({ path: path.join(artifacts, 'find-other-documents.png') });
  await page.keyboard.press('1');  // the first listed, by its digit
  await frames(page, 6);
  const v = await view(page);
  assert.equal(v.documentId, list[0].id, 'the long text is open');
  assert.ok(v.findOpen);
  assert.equal(v.findMatches, 1);
  assert.equal(v.findCurrent, 0);
  assert.match(v.message, /1 in/);
  assert.ok(v.textField, 'the find field has the keys again');
  assert.equal(await page.evaluate(() => document.getElementById('spoken').textContent), 'Find: 1 of 1');
  // Scrolled to the match: the first entity after "Część 30." is on screen.
  const onScreen = await page.evaluate(() => {
    const d = JSON.parse(glosa.getDocument());
    const at = [...d.text].join('').indexOf('Część 30.');
    const cp = [...d.text.slice(0, at)].length;
    const i = d.entities.findIndex((e) => e.start > cp);
    const r = glosa.entityRect(i);
    const s = glosa.viewState();
    return r && r.y0 >= s.docViewTop && r.y1 <= s.docViewBottom;
  });
  assert.ok(onScreen, 'the view is at the match');
  await page.screenshot({ path: path.join(artifacts, 'find-other-document-opened.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

// The stored documents' records, read for checking (the page's own IndexedDB).
function storedRecords(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('glosa');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const all = req.result.transaction(['documents'], 'readonly').objectStore('documents').getAll();
      all.onsuccess = () => resolve(all.result.map((r) => ({ id: r.id, part_of: r.part_of, parts: r.parts, chars: r.json.length })));
      all.onerror = () => reject(all.error);
    };
  }));
}

test('a document whose annotations pass one stored record is kept in parts and comes back whole', async () => {
  // Chromium keeps at most 127 MiB in one record; a 15 MB text's annotations are more. The
  // worker stores them in parts (of 4 Mi characters): a text of ~830 KB needs two.
  const { page, context, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  await page.evaluate(() => glosa.loadModel('pl'));
  const big = Array.from({ length: 700 }, (_, i) => `Część ${i + 1}.\n\n` + sample).join('\n\n');
  await pasteAndWait(page, big);
  const doc = await page.evaluate(() => glosa.getDocument());
  const records = await storedRecords(page);
  const parts = records.filter((r) => r.part_of !== undefined);
  assert.ok(parts.length >= 1, `stored in more than one record: ${JSON.stringify(records)}`);
  const head = records.find((r) => r.part_of === undefined);
  assert.equal(head.parts, parts.length + 1);
  assert.ok(parts.every((p) => p.part_of === head.id));
  assert.doesNotMatch((await view(page)).message, /Could not save/);

  await page.reload();
  await page.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
  await frames(page, 3);
  assert.equal((await page.evaluate(() => glosa.listDocuments())).length, 1);
  assert.equal(await page.evaluate(() => glosa.getDocument()), doc, 'the document comes back exactly');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a removed document can be brought back after a reload (Ctrl+Z), in its place', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  await pasteAndWait(page, sample);
  const gdynia = sample.replace('Gdańsk buduje', 'Gdynia buduje');
  await pasteAndWait(page, gdynia);
  const before = await page.evaluate(() => glosa.listDocuments());
  assert.equal(before.length, 2);
  const removedDoc = await page.evaluate(() => glosa.getDocument());
  // Remove the open one (the second) with the Documents panel's button.
  const remove = await page.evaluate(() => glosa.itemRect('remove-document'));
  assert.ok(remove, 'the Documents panel shows Remove');
  await clickAt(page, centre(remove));
  await page.evaluate(() => glosa.whenIdle());
  assert.equal((await page.evaluate(() => glosa.listDocuments())).length, 1);

  await page.reload();
  await page.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
  await frames(page, 3);
  assert.deepEqual((await page.evaluate(() => glosa.listDocuments())).map((d) => d.id), [before[0].id],
                   'a removed document stays out of the list after a reload');
  await page.mouse.move(600, 400);
  await page.keyboard.press('Control+Z');
  await frames(page, 4);
  const back = await page.evaluate(() => glosa.listDocuments());
  assert.deepEqual(back.map((d) => d.id), before.map((d) => d.id), 'Ctrl+Z brings it back in its place');
  assert.equal(await page.evaluate(() => glosa.getDocument()), removedDoc, 'exactly as it was');
  assert.match((await page.evaluate(() => glosa.viewState())).message, /Brought back/);
  // Back in the list for good: another reload keeps it there.
  await page.evaluate(() => glosa.whenIdle());
  await page.reload();
  await page.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
  await frames(page, 3);
  assert.equal((await page.evaluate(() => glosa.listDocuments())).length, 2);
  // Both removed: the start screen offers the way back too.
  let lastRemoved;
  for (let k = 0; k < 2; k++) {
    lastRemoved = await page.evaluate(() => glosa.getDocument());
    await clickAt(page, centre(await page.evaluate(() => glosa.itemRect('remove-document'))));
    await frames(page, 4);
  }
  assert.equal((await page.evaluate(() => glosa.listDocuments())).length, 0);
  const bringBack = await page.evaluate(() => glosa.itemRect('start-bring-back'));
  assert.ok(bringBack, 'the start screen shows Bring back');
  await page.screenshot({ path: path.join(artifacts, 'start-bring-back.png') });
  await clickAt(page, centre(bringBack));
  await frames(page, 4);
  assert.equal((await page.evaluate(() => glosa.listDocuments())).length, 1);
  assert.equal(await page.evaluate(() => glosa.getDocument()), lastRemoved, 'the last one removed, as it was');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a .jsonl of three articles opens as three documents; Export all reads back equal', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  const jsonl = [
    { id: 'a1', text: sample },
    { id: 'a2', text: 'Minister Jan Kowalski odwiedził Kraków 3 marca 2025 r. Koszt wizyty: 12 tys. zł.' },
    { id: 'a3', text: 'Siemens bought Northwind Robotics for $1.2 billion on March 14, 2025, in Munich.', lang: 'en' },
  ].map((r) => JSON.stringify(r)).join('\n') + '\n';
  await dropFiles(page, [{ name: 'batch.jsonl', bytes: Buffer.from(jsonl), type: 'application/x-ndjson' }]);
  await page.waitForFunction(() => glosa.listDocuments().length === 3, null, { timeout: 30000 });
  await page.evaluate(() => glosa.whenIdle());
  await frames(page, 3);
  const list = await page.evaluate(() => glosa.listDocuments());
  assert.deepEqual(list.map((d) => d.id), ['a1', 'a2', 'a3']);
  assert.equal(list[2].lang, 'en');
  assert.ok(list.every((d) => d.entities > 0), 'every article is annotated');
  await page.screenshot({ path: path.join(artifacts, 'collection-panel.png') });

  // Export all through its button: one line per document.
  const button = await page.evaluate(() => glosa.itemRect('export-all'));
  assert.ok(button, 'the Documents panel shows Export all');
  const [download] = await Promise.all([page.waitForEvent('download'), clickAt(page, centre(button))]);
  assert.equal(download.suggestedFilename(), 'glosa-collection.jsonl');
  const exported = fs.readFileSync(await download.path(), 'utf8');
  assert.equal(exported, await page.evaluate(() => glosa.exportAll()));
  assert.equal(exported.trim().split('\n').length, 3);

  // Opened in a fresh browser profile, it is the same collection.
  const fresh = await openApp(browser, server.url, { width: 1400, height: 900 });
  await dropFiles(fresh.page, [{ name: 'glosa-collection.jsonl', bytes: Buffer.from(exported) }]);
  await fresh.page.waitForFunction(() => glosa.listDocuments().length === 3, null, { timeout: 30000 });
  assert.equal(await fresh.page.evaluate(() => glosa.exportAll()), exported);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

// Two tabs on one collection would overwrite each other's saves: the second tab says so at
// once, and says when the first is closed.
test('a second tab on the same collection warns, the first one too, and each says when it is alone again', async () => {
  const first = await openApp(browser, server.url, { width: 1200, height: 800 });
  const second = await first.context.newPage();
  await second.goto(server.url);
  await second.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
  await second.waitForFunction(() => /open in another tab/.test(glosa.viewState().message), null, { timeout: 30000 });
  assert.equal((await second.evaluate(() => glosa.viewState())).messageKind, 'error');
  // The tab worked in first is told as well, and when the newcomer goes.
  await first.page.waitForFunction(() => /opened in another tab/.test(glosa.viewState().message), null, { timeout: 30000 });
  assert.equal((await first.page.evaluate(() => glosa.viewState())).messageKind, 'error');
  await second.close({ runBeforeUnload: true });
  await first.page.waitForFunction(() => /other Glosa tab was closed/.test(glosa.viewState().message), null, { timeout: 30000 });
  const third = await first.context.newPage();
  await third.goto(server.url);
  await third.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
  await third.waitForFunction(() => /open in another tab/.test(glosa.viewState().message), null, { timeout: 30000 });
  await first.page.close();
  await third.waitForFunction(() => /other Glosa tab was closed/.test(glosa.viewState().message), null, { timeout: 30000 });
  assert.deepEqual(first.errors, []);
  await first.context.close();
});
