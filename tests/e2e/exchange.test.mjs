// End-to-end: work that leaves the page (issue #11). Export ▾ saves every interchange
// format; Copy link puts the document in a link that opens the same view (place, selection,
// hidden labels) in a fresh browser while the server never sees the text; a brat .txt + .ann pair dropped together opens as one
// document; Compare with… steps through another annotator's disagreements and takes theirs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, openApp, pasteText, dropFiles, frames, clickAt, artifacts, root, useServerAndBrowser } from './harness.mjs';

const article = fs.readFileSync(path.join(root, 'tests', 'fixtures', 'articles', 'pl-gdansk-wiatraki.txt'), 'utf8');

let server;
let browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

const centre = (r) => ({ x: (r.x0 + r.x1) / 2, y: (r.y0 + r.y1) / 2 });
const view = (page) => page.evaluate(() => glosa.viewState());

async function waitForMessage(page, pattern) {
  try {
    await page.waitForFunction((src) => new RegExp(src).test(glosa.viewState().message), pattern.source, { timeout: 20000 });
  } catch (e) {
    throw new Error(`no message like ${pattern}; the status bar says: ${(await view(page)).message}`);
  }
  return (await view(page)).message;
}

// Opens Export ▾ in the toolbar and clicks the item named `item` ("export:conll"...).
async function exportMenu(page, item) {
  await clickAt(page, centre(await page.evaluate(() => glosa.itemRect('toolbar-export'))));
  await frames(page, 2);
  const r = await page.evaluate((name) => glosa.itemRect(name), item);
  assert.ok(r, `the Export menu shows ${item}`);
  return r;
}

async function openArticle(page) {
  await page.evaluate(() => glosa.loadModel('pl'));
  await pasteText(page, article);
  await page.evaluate(() => glosa.whenIdle());
  await frames(page, 3);
}

test('Copy link opens the same document in a fresh browser; the server never receives it', async () => {
  const { page, context, errors } = await openApp(browser, server.url);
  await openArticle(page);
  // A correction of a person's: the first entity relabelled with the keyboard.
  // Each key gets its own frames: two keys in one frame would be read in the app's order.
  await page.mouse.click(700, 500);
  await frames(page, 2);
  await page.keyboard.press('Tab');
  await frames(page, 2);
  const before = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  const selectedId = (await view(page)).selectedId;
  const selected = before.entities.find((e) => e.id === selectedId);
  assert.ok(selected, 'Tab selects an entity');
  // The legend's digit of a label other than the entity's own.
  const digit = before.labels.findIndex((l) => l.name !== selected.label) + 1;
  await page.keyboard.press(String(digit));
  await frames(page, 3);
  await page.evaluate(() => glosa.whenIdle());
  const original = await page.evaluate(() => glosa.getDocument());
  assert.ok(JSON.parse(original).entities.some((e) => e.origin === 'person'), 'the link carries a correction');

  const item = await exportMenu(page, 'export:link');
  await page.screenshot({ path: path.join(artifacts, 'export-menu.png') });
  await clickAt(page, centre(item));
  const said = await waitForMessage(page, /Copied a link/);
  assert.match(said, /no server receives it/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(server.url + '#doc='), link.slice(0, 80));
  const received = server.received.length;

  // Another browser profile (nothing stored) opens the link.
  const other = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const fresh = await other.newPage();
  const freshErrors = [];
  fresh.on('pageerror', (e) => freshErrors.push(String(e)));
  await fresh.goto(link);
  await fresh.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
  assert.equal(await fresh.evaluate(() => glosa.getDocument()), original, 'the same annotation file');
  assert.equal(await fresh.evaluate(() => location.hash), '', 'the address no longer holds the document');
  assert.match((await view(fresh)).message, /Opened the document from the link/);
  await fresh.screenshot({ path: path.join(artifacts, 'opened-from-link.png') });
  const seen = server.received.slice(received).join('\n');
  assert.ok(seen.includes('GET /'), 'the page was served');
  assert.ok(!/doc=|Gda%C5%84sk|Gdańsk/.test(seen), 'no request carried the document: ' + seen.slice(0, 300));

  // A reload keeps it (stored in this browser now), once.
  await fresh.evaluate(() => glosa.whenIdle());
  await fresh.reload();
  await fresh.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
  assert.equal((await fresh.evaluate(() => glosa.listDocuments())).length, 1);

  // A link cut short: a clear message, nothing lost.
  await fresh.evaluate((l) => { location.hash = l.slice(l.indexOf('#') + 1, l.indexOf('#') + 200); }, link);
  const broken = await waitForMessage(fresh, /link cannot be opened/);
  assert.match(broken, /cut short or changed/);
  assert.equal((await fresh.evaluate(() => glosa.listDocuments())).length, 1, 'nothing was added or lost');
  assert.deepEqual(freshErrors, []);
  await other.close();
  assert.deepEqual(errors, []);
  await context.close();
});

// The link opens the same view: the place the sender was reading, the entity selected there,
// the labels hidden in the legend.
test('Copy link opens at the place the sender was reading, with the same selection and hidden labels', async () => {
  const long = fs.readFileSync(path.join(root, 'assets', 'samples', 'sample-pl.txt'), 'utf8');
  const { page, context, errors } = await openApp(browser, server.url, { width: 1400, height: 800 });
  await page.evaluate(() => glosa.loadModel('pl'));
  await pasteText(page, [long, long, long].join('\n\n'));
  await page.evaluate(() => glosa.whenIdle());
  await frames(page, 3);
  await page.mouse.move(500, 400);
  for (let i = 0; i < 12; i++) { await page.mouse.wheel(0, 150); await frames(page, 1); }
  await frames(page, 3);
  let v = await view(page);
  assert.ok(v.docScrollY > 1000, `scrolled down: ${v.docScrollY}`);
  // Click an entity in the middle of the view.
  const doc = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  let target = -1;
  let rect = null;
  for (let i = 0; i < doc.entities.length && target < 0; i++) {
    const r = await page.evaluate((k) => glosa.entityRect(k), i);
    if (r && r.y0 > v.docViewTop + 150 && r.y1 < v.docViewBottom - 150) { target = i; rect = r; }
  }
  assert.ok(target >= 0, 'an entity in view');
  await clickAt(page, centre(rect));
  assert.equal((await view(page)).selected, target);
  // Hide a label other than the selected one's, with its legend chip.
  const hide = doc.labels.find((l) => l.name !== doc.entities[target].label && doc.entities.some((e) => e.label === l.name)).name;
  await clickAt(page, centre(await page.evaluate((n) => glosa.itemRect('label:' + n), hide)));
  v = await view(page);
  assert.deepEqual(v.hiddenLabels, [hide]);
  const sent = { scrollY: v.docScrollY, selectedId: v.selectedId };
  await page.screenshot({ path: path.join(artifacts, 'link-view-sender.png') });
  await clickAt(page, centre(await exportMenu(page, 'export:link')));
  await waitForMessage(page, /Copied a link/);
  const link = await page.evaluate(() => navigator.clipboard.readText());

  const other = await browser.newContext({ viewport: { width: 1400, height: 800 } });
  const fresh = await other.newPage();
  await fresh.goto(link);
  await fresh.waitForFunction(() => window.glosa !== undefined, null, { timeout: 60000 });
  await waitForMessage(fresh, /Opened the document from the link/);
  await frames(fresh, 4);
  const got = await view(fresh);
  await fresh.screenshot({ path: path.join(artifacts, 'link-view-opened.png') });
  assert.equal(got.selectedId, sent.selectedId, 'the same entity is selected');
  assert.deepEqual(got.hiddenLabels, [hide], 'the same label is hidden');
  assert.match(got.message, new RegExp('hidden as in the link: ' + hide));
  assert.ok(Math.abs(got.docScrollY - sent.scrollY) < 2 * got.lineHeight,
            `the same place: ${got.docScrollY} px down, the sender ${sent.scrollY}`);
  await fresh.screenshot({ path: path.join(artifacts, 'link-view-opened.png') });
  await other.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('Copy link refuses a document too large for a link and says to share the file; nothing changes', async () => {
  const { page, context, errors } = await openApp(browser, server.url);
  // About 2.2 MB of pseudo-random words: deflate leaves over 1.1 MB, over 1.5 M characters as
  // base64url, past the link limit (kMaxLinkChars in web/glosa-web.js).
  let seed = 12345;
  const letter = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return String.fromCharCode(97 + (seed >>> 16) % 26); };
  const words = [];
  for (let size = 0; size < 2200 * 1000;) {
    let w = '';
    const n = 3 + (seed >>> 8) % 7;
    for (let k = 0; k < n; k++) w += letter();
    words.push(w);
    size += w.length + 1;
  }
  // Both name models (random words may look like either language), so that nothing changes
  // later when one arrives.
  await page.evaluate(() => Promise.all([glosa.loadModel('en'), glosa.loadModel('pl')]));
  await pasteText(page, words.join(' ') + '.\n');
  await page.evaluate(() => glosa.whenIdle());
  await frames(page, 3);
  const before = await page.evaluate(() => glosa.getDocument());
  await page.evaluate(() => navigator.clipboard.writeText('clipboard before'));
  await clickAt(page, centre(await exportMenu(page, 'export:link')));
  const said = await waitForMessage(page, /too large for a link/);
  assert.match(said, /download the file \(Ctrl\+S\) and share that instead/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'clipboard before', 'the clipboard is left alone');
  assert.equal(await page.evaluate(() => glosa.getDocument()), before, 'the document is unchanged');
  await page.screenshot({ path: path.join(artifacts, 'link-too-large.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

// The files of a stored ZIP archive (what Glosa writes: method 0), read by their local
// headers: a check of the archive that does not use the app's own reader.
function storedZipEntries(buffer) {
  const out = [];
  let at = 0;
  while (at + 30 <= buffer.length && buffer.readUInt32LE(at) === 0x04034b50) {
    assert.equal(buffer.readUInt16LE(at + 8), 0, 'stored, not compressed');
    const size = buffer.readUInt32LE(at + 22);
    const nameLength = buffer.readUInt16LE(at + 26), extraLength = buffer.readUInt16LE(at + 28);
    const name = buffer.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extraLength;
    out.push({ name, bytes: buffer.subarray(start, start + size) });
    at = start + size;
  }
  assert.equal(buffer.readUInt32LE(at), 0x02014b50, 'the central directory follows the files');
  return out;
}

test('Export ▾ downloads CoNLL and a brat pair as one .zip; the .zip, or its two files, dropped open as one document', async () => {
  const { page, context, errors } = await openApp(browser, server.url);
  await openArticle(page);
  const doc = JSON.parse(await page.evaluate(() => glosa.getDocument()));

  const conllItem = await exportMenu(page, 'export:conll');
  const [conll] = await Promise.all([page.waitForEvent('download'), clickAt(page, centre(conllItem))]);
  assert.match(conll.suggestedFilename(), /\.conll$/);
  const conllText = fs.readFileSync(await conll.path(), 'utf8');
  assert.match(conllText, /\tB-(PER|LOC|ORG)\b|\sB-(PER|LOC|ORG)$/m, 'IOB tags');

  // One download: a browser asks before a page's second one, and a missed .ann is lost work.
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await clickAt(page, centre(await exportMenu(page, 'export:brat')));
  await page.waitForFunction(() => /Downloaded .*\.brat\.zip .*\.txt and .*\.ann/.test(glosa.viewState().message));
  for (let i = 0; i < 20; i++) await frames(page, 1);
  assert.equal(downloads.length, 1, downloads.map((d) => d.suggestedFilename()).join(', '));
  assert.match(downloads[0].suggestedFilename(), /\.brat\.zip$/);
  // Open's file picker offers what Export saved (a phone's picker greys out the rest).
  const accept = await page.evaluate(() => document.getElementById('file-input').accept.split(','));
  for (const name of [conll.suggestedFilename(), downloads[0].suggestedFilename(), 'x.jsonld', 'x.ann']) {
    assert.ok(accept.some((a) => a.startsWith('.') && name.endsWith(a)), `the picker offers ${name}: ${accept}`);
  }
  const zip = fs.readFileSync(await downloads[0].path());
  const entries = storedZipEntries(zip);
  assert.deepEqual(entries.map((e) => e.name.slice(-4)), ['.txt', '.ann']);
  const txt = entries[0].bytes.toString('utf8'), ann = entries[1].bytes.toString('utf8');
  assert.equal(txt, doc.text);
  const standing = doc.entities.filter((e) => e.status !== 'rejected');
  assert.equal(ann.split('\n').filter((l) => /^T\d+\t(?!Quotation )/.test(l)).length, standing.length, 'one T line per entity');
  assert.equal(ann.split('\n').filter((l) => /^T\d+\tQuotation /.test(l)).length, doc.quotes.length, 'and per quotation');

  const spans = (d) => d.entities.filter((e) => e.status !== 'rejected').map((e) => `${e.start}:${e.end}:${e.label}`).sort();
  // Both files dropped together (in the "wrong" order): one document, the same entities.
  await dropFiles(page, [{ name: entries[1].name, bytes: entries[1].bytes }, { name: entries[0].name, bytes: entries[0].bytes }]);
  await waitForMessage(page, / as brat standoff/);
  assert.equal((await page.evaluate(() => glosa.listDocuments())).length, 2, 'one document for the pair');
  let opened = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  assert.equal(opened.text, doc.text);
  assert.deepEqual(spans(opened), spans(doc));
  assert.equal(opened.quotes.length, doc.quotes.length);

  // The .zip as it was downloaded, dropped: the same again.
  await dropFiles(page, [{ name: downloads[0].suggestedFilename(), bytes: zip, type: 'application/zip' }]);
  await page.waitForFunction(() => glosa.listDocuments().length === 3);
  opened = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  assert.equal(opened.text, doc.text);
  assert.deepEqual(spans(opened), spans(doc));

  // The whole collection in one archive: Export ▾ → All 3 documents (.zip) → brat.
  await clickAt(page, centre(await exportMenu(page, 'export:all')));
  await frames(page, 3);
  const allBrat = await page.evaluate(() => glosa.itemRect('export-all:brat'));
  assert.ok(allBrat, 'the submenu lists the formats');
  const [all] = await Promise.all([page.waitForEvent('download'), clickAt(page, centre(allBrat))]);
  assert.equal(all.suggestedFilename(), 'glosa-collection.brat.zip');
  const allEntries = storedZipEntries(fs.readFileSync(await all.path()));
  assert.equal(allEntries.length, 6, allEntries.map((e) => e.name).join(', '));
  assert.equal(new Set(allEntries.map((e) => e.name)).size, 6, 'unique names');
  await waitForMessage(page, /Downloaded glosa-collection\.brat\.zip: 3 documents/);

  // A damaged archive is refused with its reason, and nothing changes.
  const damaged = Buffer.from(zip);
  damaged.writeUInt32LE(0x7fffffff, damaged.length - 6);  // the central directory's offset
  await dropFiles(page, [{ name: 'damaged.zip', bytes: damaged }]);
  await waitForMessage(page, /Cannot open damaged\.zip: not a readable ZIP archive/);
  assert.equal((await page.evaluate(() => glosa.listDocuments())).length, 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test("Compare with… shows another annotator's disagreements; Take theirs / Keep ours by button and key, undoable", async () => {
  const { page, context, errors } = await openApp(browser, server.url);
  await openArticle(page);
  const ours = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  const standing = ours.entities.filter((e) => e.status !== 'rejected');
  assert.ok(standing.length >= 4);
  // Their file: one entity relabelled, one left out.
  const theirs = JSON.parse(JSON.stringify(ours));
  const relabelled = theirs.entities.find((e) => e.status !== 'rejected' && e.label !== 'ORG' && e.label !== 'DATE');
  relabelled.label = 'ORG';
  const dropped = theirs.entities.filter((e) => e.status !== 'rejected').at(-1);
  theirs.entities = theirs.entities.filter((e) => e !== dropped);

  // A file of another text is refused, and nothing changes.
  let [chooser] = await Promise.all([page.waitForEvent('filechooser'),
    exportMenu(page, 'export:compare').then((r) => clickAt(page, centre(r)))]);
  const otherText = { ...theirs, text: theirs.text.replace('Gdańsk', 'Gdynia'), entities: [] };
  await chooser.setFiles({ name: 'other-article.glosa.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(otherText)) });
  await waitForMessage(page, /Cannot compare with other-article/);
  assert.equal((await view(page)).compareActive, false);
  assert.equal((await page.evaluate(() => glosa.listDocuments())).length, 1, 'the refused file was not added');

  [chooser] = await Promise.all([page.waitForEvent('filechooser'),
    exportMenu(page, 'export:compare').then((r) => clickAt(page, centre(r)))]);
  await chooser.setFiles({ name: 'anna.glosa.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(theirs)) });
  const said = await waitForMessage(page, /Compared with anna\.glosa\.json/);
  assert.match(said, /2 disagreements/);
  let v = await view(page);
  assert.equal(v.compareActive, true);
  assert.equal(v.compareDisagreements, 2);
  await frames(page, 3);
  await page.screenshot({ path: path.join(artifacts, 'compare-bar.png') });

  // Disagreements come in text order: step to the relabelled one and take theirs.
  const relabelledAt = (d) => d.entities.find((e) => e.start === relabelled.start && e.end === relabelled.end);
  assert.equal(v.compareCurrent, 0);
  await page.keyboard.press('n');
  await frames(page, 2);
  assert.equal((await view(page)).compareCurrent, 1, 'N steps to the next');
  await clickAt(page, centre(await page.evaluate(() => glosa.itemRect('compare-next'))));
  assert.equal((await view(page)).compareCurrent, 0, 'and round again');
  if (relabelled.start > dropped.start) await page.keyboard.press('n');
  await frames(page, 2);
  await clickAt(page, centre(await page.evaluate(() => glosa.itemRect('compare-theirs'))));
  await frames(page, 2);
  let now = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  assert.equal(relabelledAt(now).label, 'ORG', 'their label was taken');
  v = await view(page);
  assert.equal(v.compareDisagreements, 1, 'one disagreement left');

  // Undo brings ours back, and the comparison follows.
  await page.keyboard.press('Control+z');
  await frames(page, 3);
  now = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  assert.equal(relabelledAt(now).label, relabelledAt(ours).label);
  assert.equal((await view(page)).compareDisagreements, 2);

  // K keeps ours where they left an entity out: accepted here, and the bar moves on.
  const droppedIndex = relabelled.start < dropped.start ? 1 : 0;
  if ((await view(page)).compareCurrent !== droppedIndex) await page.keyboard.press('n');
  await frames(page, 2);
  assert.equal((await view(page)).compareCurrent, droppedIndex);
  await page.keyboard.press('k');
  await frames(page, 3);
  now = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  assert.equal(now.entities.find((e) => e.start === dropped.start && e.end === dropped.end).status, 'accepted');
  v = await view(page);
  assert.equal(v.compareDisagreements, 2, 'ours kept: they still differ');
  assert.equal(v.compareCurrent, 1 - droppedIndex, 'K moves on');
  // T takes theirs on the relabelled one.
  await page.keyboard.press('t');
  await frames(page, 3);
  now = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  assert.equal(relabelledAt(now).label, 'ORG');
  assert.equal((await view(page)).compareDisagreements, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

// Files dropped together that are not UTF-8: a Polish Windows-1250 file opens with its
// letters, and the one summary says how each odd file was read; the annotations arriving
// from the worker a moment later do not replace it with "Annotated …".
test('dropped together, a Windows-1250 file and a Latin-1 one are said in the summary, which stays', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  await pasteText(page, article);  // the Polish model loads now, not while the dropped files annotate
  await page.evaluate(() => glosa.whenIdle());
  // Windows-1250 bytes written out by hand: ą B9, ł B3, ę EA, „ 84, ś 9C, ” 94, – 96, ó F3.
  const windows1250 = Buffer.from([...Buffer.from('Sejm przyj'), 0xb9, 0xb3, ...Buffer.from(' ustaw'), 0xea,
    ...Buffer.from(' o '), 0x84, ...Buffer.from('ochronie '), 0x9c, ...Buffer.from('rodowiska'), 0x94, 0x20, 0x96,
    ...Buffer.from(' m'), 0xf3, ...Buffer.from('wi'), 0xb3, ...Buffer.from(' pose'), 0xb3, 0x2e]);
  const latin1 = Buffer.from('\xbfD\xf3nde est\xe1 el ni\xf1o? Ma\xf1ana, se\xf1or.', 'latin1');
  await dropFiles(page, [{ name: 'stary.txt', bytes: windows1250 }, { name: 'nowy.txt', bytes: Buffer.from('Anna Nowak pracuje w Gdańsku.') },
                         { name: 'hiszp.txt', bytes: latin1 }]);
  const summary = 'Opened 3 files; stary.txt was read as Windows-1250 (Central European); hiszp.txt had invalid UTF-8 replaced by \uFFFD';
  assert.equal(await waitForMessage(page, /^Opened 3 files/), summary);
  await page.evaluate(() => glosa.whenIdle());
  await frames(page, 3);
  const state = await view(page);
  assert.equal(state.message, summary, 'the annotations that came back did not replace it');
  assert.equal(state.messageKind, 'warning');
  const titles = (await page.evaluate(() => glosa.listDocuments())).map((d) => d.title);
  assert.ok(titles.includes('Sejm przyjął ustawę o „ochronie środowiska” – mówił poseł.'), titles.join(' | '));
  await page.screenshot({ path: path.join(artifacts, 'dropped-windows-1250.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
