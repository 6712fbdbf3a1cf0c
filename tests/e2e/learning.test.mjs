// End-to-end: learning from corrections in the browser (issue #13). A person relabels a
// company the model took for a person in one document; the tagger learns it (in the worker,
// kept in the browser); "Re-tag with what I taught" then gets that name right in a second
// document of the collection. What was taught is kept across a reload, saved as a file,
// forgotten, and loaded again from that file (a damaged copy is refused). Nothing leaves
// the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, openApp, pasteText, dropFiles, frames, clickAt, artifacts, root, useServerAndBrowser } from './harness.mjs';

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

// Clicks the first mention of `text` on screen and presses `keys` (Shift+Digit2: the whole
// group ORG); returns the mention's rectangle, or null when none is on screen.
async function relabelOnScreen(page, text, keys) {
  const target = await page.evaluate((want) => {
    const d = JSON.parse(glosa.getDocument());
    for (let i = 0; i < d.entities.length; i++) {
      const r = glosa.entityRect(i);
      if (d.entities[i].text === want && r && r.y1 < 700) return r;
    }
    return null;
  }, text);
  if (!target) return null;
  await clickAt(page, centre(target));
  await page.keyboard.press(keys);
  await frames(page, 3);
  await page.evaluate(() => glosa.whenIdle());
  return target;
}

// Opens a file through the Open dialog's file chooser, as a person picks one.
async function openFile(page, name, buffer) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.evaluate(() => Module.glosaOpenDialog())]);
  await chooser.setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

// Save… in the Documents panel (opened from the toolbar when hidden): the downloaded taught file.
async function saveTaught(page) {
  await frames(page, 3);
  if (!(await page.evaluate(() => glosa.viewState())).showDocuments) {
    await clickAt(page, centre(await page.evaluate(() => glosa.itemRect('toolbar-documents'))));
    await frames(page, 3);
  }
  const save = await page.evaluate(() => glosa.itemRect('taught-save'));
  assert.ok(save, 'the Documents panel shows Save… for what was taught');
  const [download] = await Promise.all([page.waitForEvent('download'), clickAt(page, centre(save))]);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
}

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
  assert.ok(await relabelOnScreen(page, 'Brightwater Analytics', 'Shift+Digit2'), 'a mention is on screen');
  const docA = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  assert.ok(labelsOf(docA, 'Brightwater Analytics').every((l) => l === 'ORG'), 'relabelled for all its mentions');
  await page.waitForFunction(() => glosa.viewState().taught > 0, null, { timeout: 30000 });

  // The Documents panel's button tags the collection again with what was taught.
  const button = await page.evaluate(() => glosa.itemRect('retag'));
  assert.ok(button, 'the Documents panel shows "Re-tag with what I taught"');
  await clickAt(page, centre(button));
  await frames(page, 3);
  await page.evaluate(() => glosa.whenIdle());
  // When the last document is back, one message says what changed.
  await page.waitForFunction(() => /^Re-tagged 2 documents/.test(glosa.viewState().message), null, { timeout: 30000 });
  const report = (await page.evaluate(() => glosa.viewState())).message;
  t.diagnostic(report);
  assert.match(report, /with what your corrections taught: .*\d+ entit(y|ies) got another label/);
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

  // Save…: the file a team shares (format 5: the network's deltas, the origins that keep
  // one file from being added twice, and the names learnt here marked).
  const saved = await saveTaught(page);
  assert.equal(saved.name, 'glosa-taught-en.glosa-adaptation');
  const taughtFile = saved.bytes;
  assert.equal(taughtFile.subarray(0, 8).toString('latin1'), 'GLOSAADP');
  assert.equal(taughtFile.readUInt32LE(8), 5, 'format 5');

  // Forget: the shipped model alone tags the second document again, as at first.
  await page.waitForFunction(() => /Downloaded glosa-taught-en/.test(glosa.viewState().message), null, { timeout: 30000 });
  await page.mouse.move(700, 500);  // the tooltip of Save… away
  await frames(page, 3);
  await page.screenshot({ path: path.join(artifacts, 'taught-saved.png') });
  // Every button of the footer lies inside the panel (they once ran past its edge).
  const panel = await page.evaluate(() => glosa.itemRect('documents-panel'));
  for (const id of ['mark-done', 'retag', 'taught-save', 'taught-forget', 'export-all', 'clear-data']) {
    const r = await page.evaluate((i) => glosa.itemRect(i), id);
    assert.ok(r && r.x0 >= panel.x0 && r.x1 <= panel.x1 && r.y1 <= panel.y1, `${id} inside the panel: ${JSON.stringify(r)} in ${JSON.stringify(panel)}`);
  }
  // Forget… asks first (it cannot be undone): Esc keeps what was taught; Forget forgets it.
  const taughtBeforeForget = (await page.evaluate(() => glosa.viewState())).taught;
  await clickAt(page, centre(await page.evaluate(() => glosa.itemRect('taught-forget'))));
  await frames(page, 3);
  assert.ok(await page.evaluate(() => glosa.itemRect('confirm-forget')), 'Forget… asks first');
  await page.screenshot({ path: path.join(artifacts, 'taught-forget-confirm.png') });
  await page.keyboard.press('Escape');
  await frames(page, 3);
  assert.equal((await page.evaluate(() => glosa.viewState())).menuOpen, false, 'Esc closes the question');
  await page.waitForTimeout(300);
  assert.equal((await page.evaluate(() => glosa.viewState())).taught, taughtBeforeForget, 'Esc keeps it');
  await clickAt(page, centre(await page.evaluate(() => glosa.itemRect('taught-forget'))));
  await frames(page, 3);
  await clickAt(page, centre(await page.evaluate(() => glosa.itemRect('confirm-forget'))));
  await page.waitForFunction(() => glosa.viewState().taught === 0, null, { timeout: 30000 });
  const retagNow = async () => {
    await frames(page, 2);
    await clickAt(page, centre(await page.evaluate(() => glosa.itemRect('retag'))));
    await frames(page, 3);
    await page.evaluate(() => glosa.whenIdle());
    assert.ok(await page.evaluate((id) => glosa.selectDocument(id), list[0].id));
    return labelsOf(JSON.parse(await page.evaluate(() => glosa.getDocument())), 'Brightwater Analytics');
  };
  assert.deepEqual(await retagNow(), before, 'forgotten');

  // A damaged copy is refused with a message, and nothing is taught.
  const openTaught = (name, buffer) => openFile(page, name, buffer);
  const damaged = Buffer.from(taughtFile);
  damaged[damaged.length - 3] ^= 0x40;
  await openTaught('damaged.glosa-adaptation', damaged);
  await page.waitForFunction(() => /Cannot load what was taught/.test(glosa.viewState().message), null, { timeout: 30000 });
  assert.match((await page.evaluate(() => glosa.viewState())).message, /checksum/);
  assert.equal((await page.evaluate(() => glosa.viewState())).taught, 0);

  // Opening the saved file teaches the same again: a colleague's file is added to what this
  // browser was taught (here, nothing since Forget).
  await openTaught('glosa-taught-en.glosa-adaptation', taughtFile);
  await page.waitForFunction(() => /Added what the file taught \(en\)/.test(glosa.viewState().message), null, { timeout: 30000 });
  const taughtOnce = (await page.evaluate(() => glosa.viewState())).taught;
  assert.ok(taughtOnce > 0);
  // The same file again would count its corrections twice: refused, and nothing changes.
  await openTaught('glosa-taught-en (1).glosa-adaptation', taughtFile);
  await page.waitForFunction(() => /already in use here/.test(glosa.viewState().message), null, { timeout: 30000 });
  await frames(page, 3);
  await page.screenshot({ path: path.join(artifacts, 'taught-twice.png') });
  assert.equal((await page.evaluate(() => glosa.viewState())).taught, taughtOnce, 'not added twice');
  const reloaded = await retagNow();
  assert.ok(reloaded.length >= 2 && reloaded.every((l) => l === 'ORG'), `loaded: ${reloaded}`);

  // A long annotation cancelled restarts the engine's worker: what was taught comes back
  // with it (it was lost there once, and the next correction then overwrote the stored file).
  // (4 MB: several seconds of work, time to press Cancel.)
  const long = Array(20000).fill(paragraphs[1]).join('\n\n');
  await pasteText(page, long);
  await page.waitForFunction(() => glosa.itemRect('cancel-annotation') !== null, null, { timeout: 30000, polling: 20 });
  await clickAt(page, centre(await page.evaluate(() => glosa.itemRect('cancel-annotation'))));
  await page.waitForFunction(() => /Annotation cancelled/.test(glosa.viewState().message), null, { timeout: 30000 });
  const afterRestart = await retagNow();
  assert.ok(afterRestart.length >= 2 && afterRestart.every((l) => l === 'ORG'), `after a worker restart: ${afterRestart}`);

  // A correction after the restart adds to what was taught, and all of it is kept: a reload
  // brings back as much as there was.
  const taughtBefore = (await page.evaluate(() => glosa.viewState())).taught;
  const other = await page.evaluate(() => {
    const d = JSON.parse(glosa.getDocument());
    for (let i = 0; i < d.entities.length; i++) {
      const e = d.entities[i], r = glosa.entityRect(i);
      if (e.label === 'PER' && e.status !== 'rejected' && r && r.y1 < 700) return { rect: r, text: e.text };
    }
    return null;
  });
  assert.ok(other, "a person's name on screen to relabel");
  await clickAt(page, centre(other.rect));
  await page.keyboard.press('Shift+Digit2');
  await page.waitForFunction((n) => glosa.viewState().taught > n, taughtBefore, { timeout: 30000 });
  await page.waitForTimeout(1500);  // the autosave and the store's write
  const taughtAfter = (await page.evaluate(() => glosa.viewState())).taught;
  t.diagnostic(`taught after a restart and a correction (${other.text} as ORG): ${taughtBefore} -> ${taughtAfter}`);
  await page.reload();
  await page.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
  await page.evaluate(() => glosa.loadModel('en'));
  await page.waitForFunction(() => glosa.viewState().taught > 0, null, { timeout: 30000 });
  assert.equal((await page.evaluate(() => glosa.viewState())).taught, taughtAfter, 'all of it kept in the browser');

  const origin = new URL(server.url).origin;
  assert.ok(requests.every((u) => u.startsWith(origin) || u.startsWith('blob:') || u.startsWith('data:')), 'nothing left the page');
  assert.deepEqual(errors, []);
  await context.close();
});

// A model that cannot be fetched: a correction still teaches nothing, but its learn is given
// up in the worker rather than waiting there until the page closes.
test('a correction made while the model cannot be had is not kept waiting in the worker', async () => {
  // A file tagged with the model (say, by a colleague), opened where the model cannot be
  // fetched (say, offline): a correction in it asks the worker to learn, which needs the model.
  const tagged = await openApp(browser, server.url, { width: 1400, height: 900 });
  await pasteText(tagged.page, first);
  await tagged.page.waitForFunction(() => { const d = glosa.getDocument(); return d && JSON.parse(d).meta.model; }, null,
                                    { timeout: 30000 });
  const file = await tagged.page.evaluate(() => glosa.getDocument());
  await tagged.context.close();
  const { page, context } = await openApp(browser, server.url, { width: 1400, height: 900 });
  await page.route('**/models/ner-en.bin', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await dropFiles(page, [{ name: 'from-a-colleague.glosa.json', bytes: Buffer.from(file), type: 'application/json' }]);
  await page.waitForFunction(() => glosa.listDocuments().length === 1, null, { timeout: 30000 });
  await frames(page, 3);
  // Tab to the first entity, 2: ORG. The correction is sent to be learnt from.
  await page.mouse.move(600, 400);
  await page.keyboard.press('Tab');
  await frames(page, 2);
  await page.keyboard.press('2');
  await frames(page, 3);
  await page.evaluate(() => glosa.whenIdle());
  await page.waitForFunction(() => glosa.learning() === 0, null, { timeout: 15000 });
  assert.equal((await page.evaluate(() => glosa.viewState())).taught, 0, 'nothing was taught');
  await context.close();
});

// A Cancel while a model is on its way to the engine's worker: the new worker gets the model,
// and the documents tagged without it are tagged again with it. (The page once counted the
// old worker's replies and waited for ever: "loading the English name model…" stayed, and
// the first document never got its names.)
test('a worker restart while the model is still loading still brings the model in', async (t) => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  let release;
  const held = new Promise((r) => { release = r; });
  const modelFile = path.join(root, 'build', 'web', 'dist', 'models', 'ner-en.bin');
  await page.route('**/models/ner-en.bin', async (route) => { await held; await route.fulfill({ path: modelFile }); });
  await pasteText(page, first);
  await page.waitForFunction(() => glosa.viewState().loadingModel === 'en', null, { timeout: 30000 });
  await page.waitForFunction(() => !glosa.viewState().annotating && glosa.listDocuments()[0].entities > 0, null,
                             { timeout: 30000 });
  const [withoutModel] = await page.evaluate(() => glosa.listDocuments());
  // Two long documents (15 MB each: seconds of work each, even without the model) keep the
  // worker busy, so the model's file waits behind them in the worker, also on a loaded machine.
  // (Built in the page, so that the second follows the first at once.)
  const pasteLong = (tag) => page.evaluate(([p, tag]) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', tag + ' ' + Array(70000).fill(p).join('\n\n'));
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [paragraphs[1], tag]);
  await pasteLong('First.');
  await page.waitForFunction(() => glosa.itemRect('cancel-annotation') !== null, null, { timeout: 30000, polling: 20 });
  // The pointer waits on Cancel (the same place for the second), to press it the moment the
  // model is sent.
  const cancel = centre(await page.evaluate(() => glosa.itemRect('cancel-annotation')));
  await page.mouse.move(cancel.x, cancel.y);
  await pasteLong('Second.');
  await page.waitForFunction(() => glosa.viewState().documents === 3 && glosa.itemRect('cancel-annotation') !== null,
                             null, { timeout: 30000, polling: 20 });
  const again = centre(await page.evaluate(() => glosa.itemRect('cancel-annotation')));
  assert.deepEqual(again, cancel, 'Cancel stays in place');
  const fetched = page.waitForEvent('requestfinished', (r) => r.url().endsWith('/models/ner-en.bin'));
  release();
  await fetched;
  await frames(page, 1);  // the file is posted to the worker
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await page.waitForFunction(() => /Annotation cancelled/.test(glosa.viewState().message), null, { timeout: 30000 });
  // The second one's dates and amounts never came: the worker was busy when its model file
  // was posted, and was replaced before it answered.
  const counts = await page.evaluate(() => glosa.listDocuments().map((d) => d.entities));
  t.diagnostic(`entities after Cancel: ${counts.join(', ')}`);
  assert.equal(counts[2], 0, 'the second long document was cancelled before it was tagged');
  await page.waitForFunction(() => glosa.viewState().loadingModel === '', null, { timeout: 60000 });
  // The first document, tagged before the model came, is tagged again with it.
  await page.waitForFunction((n) => glosa.listDocuments()[0].entities > n, withoutModel.entities, { timeout: 120000 });
  const [withModel] = await page.evaluate(() => glosa.listDocuments());
  t.diagnostic(`first document: ${withoutModel.entities} entities without the model, ${withModel.entities} with it`);
  assert.deepEqual(errors, []);
  await context.close();
});

// A document that brings the engine's worker down (simulated here: the worker is served with
// a fault that throws on one text) is given up after the second try, with a message; the
// text stays on screen and the next document is tagged. (The page used to send it to every
// new worker for ever.)
test('a document that stops the worker twice is given up, and the app goes on', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  const fault = `self.addEventListener('message', function (event) {
    const m = event.data;
    if (m && m.type === 'annotate' && new TextDecoder().decode(m.text).includes('Qwertyfault')) {
      event.stopImmediatePropagation();
      throw new Error('injected fault');
    }
  });\n`;
  await page.route('**/glosa-worker*.js', async (route) => {
    const original = await route.fetch();
    await route.fulfill({ response: original, body: fault + (await original.text()) });
  });
  await page.reload();
  await page.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
  await page.evaluate(() => glosa.loadModel('en'));
  const poisoned = 'Qwertyfault ' + first;
  await pasteText(page, poisoned);
  await page.waitForFunction(() => /the annotation failed \(the engine stopped twice/.test(glosa.viewState().message), null,
                             { timeout: 30000 });
  const shown = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  assert.equal(shown.text, poisoned, 'the text stays');
  assert.equal((await page.evaluate(() => glosa.viewState())).annotating, false);
  await pasteText(page, second);
  await page.evaluate(() => glosa.whenIdle());
  const next = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  assert.ok(next.entities.some((e) => e.label === 'PER' || e.label === 'ORG'), 'the next document is tagged');
  assert.deepEqual(errors.filter((e) => !/injected fault/.test(e)), []);
  await context.close();
});

// A team shares what it taught: a colleague's file is added once; a newer copy of it takes
// the older one's place instead of counting its corrections twice; the older copy, opened
// after it, is refused.
test("a newer copy of a colleague's taught file replaces the older one", async (t) => {
  const colleague = await openApp(browser, server.url, { width: 1400, height: 900 });
  const page = colleague.page;
  await page.evaluate(() => glosa.loadModel('en'));
  await pasteText(page, first);
  await page.evaluate(() => glosa.whenIdle());
  await frames(page, 3);
  assert.ok(await relabelOnScreen(page, 'Brightwater Analytics', 'Shift+Digit2'));
  await page.waitForFunction(() => glosa.viewState().taught > 0, null, { timeout: 30000 });
  const v1 = (await saveTaught(page)).bytes;
  // More corrections, a newer copy.
  const taughtV1 = (await page.evaluate(() => glosa.viewState())).taught;
  assert.ok(await relabelOnScreen(page, 'Port of Antwerp-Bruges', 'Shift+Digit3'));
  await page.waitForFunction((n) => glosa.viewState().taught > n, taughtV1, { timeout: 30000 });
  const taughtV2 = (await page.evaluate(() => glosa.viewState())).taught;
  const v2 = (await saveTaught(page)).bytes;
  assert.deepEqual(colleague.errors, []);
  await colleague.context.close();

  const person = await openApp(browser, server.url, { width: 1400, height: 900 });
  const mine = person.page;
  await mine.evaluate(() => glosa.loadModel('en'));
  await pasteText(mine, second);
  await mine.evaluate(() => glosa.whenIdle());
  const said = async (pattern) => {
    await mine.waitForFunction((p) => new RegExp(p).test(glosa.viewState().message), pattern.source, { timeout: 30000 });
    await frames(mine, 2);
    return (await mine.evaluate(() => glosa.viewState())).taught;
  };
  await openFile(mine, 'team-v1.glosa-adaptation', v1);
  assert.equal(await said(/Added what the file taught/), taughtV1);
  await openFile(mine, 'team-v2.glosa-adaptation', v2);
  const afterV2 = await said(/newer copy .* took the older one's place/);
  t.diagnostic(`taught: v1 ${taughtV1}, v2 ${taughtV2}; here after v1 then v2: ${afterV2}`);
  assert.equal(afterV2, taughtV2, 'as if only the newer copy had been opened');
  await openFile(mine, 'team-v1 (old).glosa-adaptation', v1);
  assert.equal(await said(/a newer copy of this file is already in use/), taughtV2);
  assert.deepEqual(person.errors, []);
  await person.context.close();
});

// A worker that fails on its own each time (simulated: it throws on every model file, as
// one out of memory would) is not restarted for ever: after the fifth failure in a row the
// page stops and says how to keep the work; the text stays on screen.
test('a worker that keeps failing is not restarted for ever', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  const fault = `self.addEventListener('message', function (event) {
    if (event.data && event.data.type === 'model') { event.stopImmediatePropagation(); throw new Error('injected fault'); }
  });\n`;
  let workers = 0;
  await page.route('**/glosa-worker*.js', async (route) => {
    workers++;
    const original = await route.fetch();
    await route.fulfill({ response: original, body: fault + (await original.text()) });
  });
  await page.reload();
  await page.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
  const started = workers;
  await pasteText(page, first);
  await page.waitForFunction(() => /stopped 5 times in a row .*not started again.*Export all/.test(glosa.viewState().message),
                             null, { timeout: 60000 });
  await page.waitForTimeout(2000);
  assert.equal(workers - started, 4, 'four restarts, then none');
  assert.equal(JSON.parse(await page.evaluate(() => glosa.getDocument())).text, first, 'the text stays');
  assert.deepEqual(errors.filter((e) => !/injected fault/.test(e)), []);
  await context.close();
});
