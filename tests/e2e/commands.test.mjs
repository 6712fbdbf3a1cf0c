// End-to-end tests of working without the mouse: every command by name (Ctrl+K, typed words,
// Enter), a question answered with the arrow keys, and the same commands as buttons of the
// page for a screen reader, activated from the keyboard, with the browser's own question
// before what cannot be undone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, pasteText, frames, clickAt, artifacts, root, useServerAndBrowser } from './harness.mjs';

const sample = fs.readFileSync(path.join(root, 'assets', 'samples', 'sample-pl.txt'), 'utf8');
const english = 'Harbour deal signed in Rotterdam\n\nThe Port of Rotterdam signed a contract with Maersk on Monday, 3 March 2025.';

let server;
let browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

const view = (page) => page.evaluate(() => glosa.viewState());
const current = (page) => page.evaluate(() => JSON.parse(glosa.getDocument()).text.split('\n')[0]);
const documents = (page) => page.evaluate(() => glosa.listDocuments());

async function pasteAndWait(page, text) {
  await pasteText(page, text);
  await page.evaluate(() => glosa.whenIdle());
  await frames(page, 3);
}

// Ctrl+K, the words, Enter: as a person who knows what they want types it.
async function command(page, words) {
  await page.keyboard.press('Control+K');
  await page.waitForFunction(() => glosa.viewState().textField, null, { timeout: 5000 });
  await page.keyboard.type(words);
  await page.waitForFunction((w) => glosa.viewState().palette === w, words, { timeout: 5000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => glosa.viewState().palette === null, null, { timeout: 5000 });
  await frames(page, 4);
}

test('Ctrl+K runs any command by name: mark done, go to a document, export, and a question answered with the keys', async () => {
  const { page, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  await pasteAndWait(page, sample);
  await pasteAndWait(page, english);
  assert.match(await current(page), /Rotterdam/);

  // The palette, looked at: the field, the commands with their keys.
  await page.keyboard.press('Control+K');
  await frames(page, 3);
  await page.keyboard.type('export');
  await frames(page, 4);
  assert.ok(await page.evaluate(() => glosa.itemRect('palette-input')), 'the palette is open');
  assert.ok(await page.evaluate(() => glosa.itemRect('palette:export:csv')), 'Export as CSV is listed');
  await page.screenshot({ path: path.join(artifacts, 'command-palette.png') });
  await page.keyboard.press('Escape');
  await frames(page, 3);
  assert.equal(await page.evaluate(() => glosa.itemRect('palette-input')), null, 'Esc closes it');

  // A typo, Enter: nothing runs, the palette stays and keeps the keys (Backspace mends it).
  await page.keyboard.press('Control+K');
  await page.waitForFunction(() => glosa.viewState().textField, null, { timeout: 5000 });
  await page.keyboard.type('mrak');
  await page.waitForFunction(() => glosa.viewState().palette === 'mrak', null, { timeout: 5000 });
  await page.keyboard.press('Enter');
  await frames(page, 4);
  assert.ok(await page.evaluate(() => glosa.itemRect('palette-input')), 'the palette stays');
  await page.waitForFunction(() => glosa.viewState().textField, null, { timeout: 5000 });  // and has the keys
  for (let i = 4; i > 0; i--) {
    await page.keyboard.press('Backspace');
    await page.waitForFunction((n) => glosa.viewState().palette === 'mrak'.slice(0, n - 1), i, { timeout: 5000 });
    await frames(page, 3);  // the key is let go (ImGui sees one press per key down)
  }
  // (Space is typed into the field: the page used to keep every Space from it, for scrolling.)
  await page.keyboard.type('mark done');
  await page.waitForFunction(() => glosa.viewState().palette === 'mark done', null, { timeout: 5000 });
  await page.keyboard.press('Enter');
  await frames(page, 4);
  let list = await documents(page);
  assert.equal(list.find((d) => /Rotterdam/.test(d.title)).status, 'done');

  // Another document by a word of its title, accents ignored ("gdansk" for "Gdańsk").
  await command(page, 'gdansk terminal');
  assert.match(await current(page), /Gdańsk buduje/);

  // Find takes a space too: "Port Gdańsk" is two words.
  await page.keyboard.press('Control+F');
  await frames(page, 3);
  await page.keyboard.type('port gdansk');
  await frames(page, 3);
  assert.equal((await view(page)).findMatches, 1, 'one "Port Gdańsk" in the text');
  await page.keyboard.press('Escape');
  await frames(page, 3);

  // An export chosen with the mouse from the palette: a real download.
  await page.keyboard.press('Control+K');
  await frames(page, 3);
  await page.keyboard.type('export csv');
  await frames(page, 3);
  const row = await page.evaluate(() => glosa.itemRect('palette:export:csv'));
  assert.ok(row, 'the CSV export is listed');
  const [csv] = await Promise.all([page.waitForEvent('download'),
                                   clickAt(page, { x: (row.x0 + row.x1) / 2, y: (row.y0 + row.y1) / 2 })]);
  assert.match(csv.suggestedFilename(), /\.csv$/);
  // A byte-order mark first, so that Excel reads the Polish letters as UTF-8.
  const csvBytes = fs.readFileSync(await csv.path());
  assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a UTF-8 byte-order mark');
  assert.match(csvBytes.subarray(3).toString('utf8'), /^id,start,end,text,label/);

  // Compare with another annotator's file: the Open dialog asks for it, and its Enter shows
  // the file picker (a picker asked for from the palette's frame was refused by the browser).
  await command(page, 'compare with another');
  await page.waitForFunction(() => glosa.itemRect('open-choose'), null, { timeout: 5000 });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 30000 }), page.keyboard.press('Enter')]);
  assert.ok(chooser, 'the file picker opened');
  await chooser.setFiles([]);
  await frames(page, 3);

  // Clear local data asks first; the ring starts on "Keep them", so Enter keeps everything.
  await command(page, 'clear local data');
  assert.ok(await page.evaluate(() => glosa.itemRect('confirm-clear')), 'the question is open');
  await page.screenshot({ path: path.join(artifacts, 'command-question.png') });
  await page.keyboard.press('Enter');
  await frames(page, 4);
  assert.equal(await page.evaluate(() => glosa.itemRect('confirm-clear')), null, 'answered');
  assert.equal((await documents(page)).length, 2, 'Enter on the safe answer keeps them');
  // ← moves the ring to "Clear local data"; Enter clears.
  await command(page, 'clear local data');
  await page.keyboard.press('ArrowLeft');
  await frames(page, 2);
  await page.keyboard.press('Enter');
  await frames(page, 4);
  assert.equal((await documents(page)).length, 0);
  assert.deepEqual(errors, []);
});

test('another language is one step back: Ctrl+Z after "annotate again in English" gives the Polish annotation back', async () => {
  const { page, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  await pasteAndWait(page, sample);
  const doc = () => page.evaluate(() => JSON.parse(glosa.getDocument()));
  const polish = await doc();
  assert.notEqual(polish.meta.model, '', 'whenIdle waited for the name model and its annotation');
  assert.equal(polish.lang, 'pl');
  await command(page, 'again english');
  await page.waitForFunction(() => JSON.parse(glosa.getDocument()).lang === 'en', null, { timeout: 30000 });
  await page.keyboard.press('Control+Z');
  await page.waitForFunction(() => JSON.parse(glosa.getDocument()).lang === 'pl', null, { timeout: 5000 });
  const back = await doc();
  assert.deepEqual(back.entities, polish.entities, 'the Polish annotation as it was');
  assert.match((await view(page)).message, /^Undone: Annotated again in English/);
  await page.keyboard.press('Control+Shift+Z');
  await page.waitForFunction(() => JSON.parse(glosa.getDocument()).lang === 'en', null, { timeout: 5000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a screen reader finds every command as a button; Enter runs it, and Clear asks with the browser\'s dialog', async () => {
  const { page, errors } = await openApp(browser, server.url, { width: 1200, height: 800 });
  await pasteAndWait(page, sample);
  await pasteAndWait(page, english);
  const nav = page.getByRole('navigation', { name: 'Commands' });
  const done = nav.getByRole('button', { name: 'Mark this document done' });
  await done.waitFor({ state: 'attached', timeout: 10000 });
  // Picture-only commands and the per-document ones stay in the palette.
  assert.equal(await nav.getByRole('button', { name: /^Go to/ }).count(), 0);
  assert.equal(await nav.getByRole('button', { name: /Documents panel/ }).count(), 0);
  assert.equal(await nav.getByRole('button', { name: 'Download the annotation file (.glosa.json)' }).getAttribute('aria-keyshortcuts'),
               'Control+S');

  // An entity focused in the text is selected; then focus and Enter on a button, as a screen
  // reader's user activates it: the button's command runs, and the Enter is the button's
  // alone (the app would have accepted the selected entity with it).
  await page.locator('#mirror mark', { hasText: 'Maersk' }).first().focus();
  await frames(page, 3);
  const selected = (await page.evaluate(() => glosa.viewState())).selected;
  assert.ok(selected >= 0, 'focusing an entity in the text selects it');
  await done.focus();
  await page.keyboard.press('Enter');
  await frames(page, 4);
  const list = await documents(page);
  assert.equal(list.find((d) => /Rotterdam/.test(d.title)).status, 'done');
  const maersk = JSON.parse(await page.evaluate(() => glosa.getDocument())).entities.find((e) => e.text === 'Maersk');
  assert.equal(maersk.status, 'unreviewed', 'the Enter did not also accept the selected entity');
  // The button follows the state.
  await nav.getByRole('button', { name: 'Mark this document not done' }).waitFor({ state: 'attached', timeout: 5000 });

  // To the other document, then an entity focused in its text (which selects it) has its
  // corrections among the commands.
  await nav.getByRole('button', { name: 'Next document' }).focus();
  await page.keyboard.press('Enter');
  await frames(page, 4);
  assert.match(await current(page), /Gdańsk buduje/);
  await page.locator('#mirror mark', { hasText: 'Westerplatte' }).first().waitFor({ state: 'attached', timeout: 5000 });
  await page.locator('#mirror mark', { hasText: 'Westerplatte' }).first().focus();
  const asPerson = nav.getByRole('button', { name: /^Label „Westerplatte” as person \(PER\)$/ });
  await asPerson.waitFor({ state: 'attached', timeout: 5000 });
  await asPerson.focus();
  await page.keyboard.press('Enter');
  await frames(page, 4);
  const relabelled = JSON.parse(await page.evaluate(() => glosa.getDocument())).entities.filter((e) => e.text === 'Westerplatte');
  assert.deepEqual(relabelled.map((e) => e.label), ['PER'], 'the command relabelled the entity focused in the text');
  // Its button went (PER is its label now): the focus stays in the list, not at the page's start.
  await page.waitForFunction(() => !document.querySelector('#commands button[data-command="entity:label:PER"]'), null,
                             { timeout: 5000 });
  assert.ok(await page.evaluate(() => !!document.activeElement.closest('#commands')), 'the focus stays among the commands');
  // ... on the list's heading, not on the button now in its place: a second Enter (a key
  // repeated, a double press) does nothing. It landed on "Label as place" and relabelled again.
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H2');
  await page.keyboard.press('Enter');
  await frames(page, 4);
  const again = JSON.parse(await page.evaluate(() => glosa.getDocument())).entities.filter((e) => e.text === 'Westerplatte');
  assert.deepEqual(again.map((e) => [e.label, e.status]), relabelled.map((e) => [e.label, e.status]), 'a second Enter changed nothing');

  // The collection is a list of its own after the commands: each document with its status,
  // the open one current; Enter opens another.
  const docs = nav.locator('ul.document-list button');
  await page.waitForFunction(() => document.querySelectorAll('#commands ul.document-list button').length === 2, null,
                             { timeout: 5000 });
  assert.match(await nav.getByRole('heading', { name: /^Documents \(2\)$/ }).textContent(), /Documents/);
  const rotterdam = nav.getByRole('button', { name: /^Harbour deal signed in Rotterdam, done, \d+ entities, \d+ reviewed$/ });
  assert.equal(await rotterdam.getAttribute('aria-current'), null);
  assert.equal(await docs.filter({ hasText: /^Gdańsk/ }).getAttribute('aria-current'), 'true');
  await rotterdam.focus();
  await page.keyboard.press('Enter');
  await frames(page, 4);
  assert.match(await current(page), /Rotterdam/);
  await page.waitForFunction(() => document.querySelector('#commands ul.document-list button[aria-current]').textContent.startsWith('Harbour'),
                             null, { timeout: 5000 });
  // Find from the list: the canvas takes the keys, and the words typed go into the find bar.
  await nav.getByRole('button', { name: 'Find words in the text' }).focus();
  await page.keyboard.press('Enter');
  await frames(page, 4);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
  await page.keyboard.type('maersk');
  await frames(page, 3);
  assert.equal((await view(page)).findMatches, 1);
  assert.equal(await page.evaluate(() => document.getElementById('spoken').textContent), 'Find: 1 of 1');
  await page.keyboard.press('Escape');
  await frames(page, 3);

  // Compare: the file picker opens inside the button's activation (no dialog on the canvas).
  const compare = nav.getByRole('button', { name: 'Compare with another annotator\'s file…' });
  await compare.focus();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 30000 }), page.keyboard.press('Enter')]);
  assert.ok(chooser, 'the file picker opened');
  await chooser.setFiles([]);
  await frames(page, 3);
  assert.equal((await page.evaluate(() => glosa.viewState())).menuOpen, false);

  // Clear local data: the browser's own question. Cancel keeps everything; OK clears.
  const clear = nav.getByRole('button', { name: 'Clear local data…' });
  const questions = [];
  page.once('dialog', (d) => { questions.push(d.message()); d.dismiss(); });
  await clear.focus();
  await page.keyboard.press('Enter');
  await frames(page, 4);
  assert.match(questions[0], /Remove all 2 documents.*cannot be undone/);
  assert.equal((await documents(page)).length, 2, 'Cancel keeps them');
  page.once('dialog', (d) => d.accept());
  await clear.focus();
  await page.keyboard.press('Enter');
  await frames(page, 4);
  assert.equal((await documents(page)).length, 0, 'OK clears');
  assert.deepEqual(errors, []);
});
