// End-to-end tests of text that people and browsers can reach (issue #12): copy with Ctrl+C,
// find with Ctrl+F, the screen reader's view (Chromium's accessibility tree), phones (a tap,
// a long press and the menu relabel an entity at 375×667; screenshots at 375×667 and
// 768×1024), texts in a script the engine cannot read, and the status bar at 50% and 300%.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, openApp, pasteText, frames, clickAt, artifacts, root, useServerAndBrowser } from './harness.mjs';

const sample = fs.readFileSync(path.join(root, 'assets', 'samples', 'sample-pl.txt'), 'utf8');
let server;
let browser;
useServerAndBrowser((s, b) => { server = s; browser = b; });

const centre = (r) => ({ x: (r.x0 + r.x1) / 2, y: (r.y0 + r.y1) / 2 });
const view = (page) => page.evaluate(() => glosa.viewState());

async function openSample(page) {
  await page.evaluate(() => glosa.loadModel('pl'));
  await pasteText(page, sample);
  await page.evaluate(() => glosa.whenIdle());
  await frames(page, 3);
  return JSON.parse(await page.evaluate(() => glosa.getDocument()));
}

// The index and rectangle of the first on-screen entity with this text.
async function entityOnScreen(page, text) {
  return page.evaluate((text) => {
    const d = JSON.parse(glosa.getDocument());
    const v = glosa.viewState();
    for (let i = 0; i < d.entities.length; i++) {
      if (d.entities[i].text !== text) continue;
      const r = glosa.entityRect(i);
      if (r && r.y0 >= v.docViewTop && r.y1 <= v.docViewBottom) return { i, r };
    }
    return null;
  }, text);
}

test('Ctrl+C copies the selected entity; Ctrl+F finds words ignoring accents and steps through them', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  await openSample(page);
  const target = await entityOnScreen(page, 'Westerplatte');
  assert.ok(target, 'Westerplatte is on screen');
  await clickAt(page, centre(target.r));
  assert.equal((await view(page)).selected, target.i, 'a click selects it');
  // The page's copy event carries it, and the clipboard then holds it.
  await page.evaluate(() => { window.__copied = null; document.addEventListener('copy', (e) => setTimeout(() => { window.__copied = true; })); });
  await page.keyboard.press('Control+c');
  await frames(page, 2);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Westerplatte');

  // Ctrl+F, type without the Polish letter, Enter steps on.
  await page.keyboard.press('Control+f');
  await frames(page, 3);
  assert.ok((await view(page)).findOpen, 'Ctrl+F opens the find bar');
  await page.keyboard.type('gdansk');
  await frames(page, 3);
  let v = await view(page);
  assert.ok(v.findMatches >= 4, `"gdansk" finds Gdańsk in all its forms: ${v.findMatches}`);
  const first = v.findCurrent;
  await page.keyboard.press('Enter');
  await frames(page, 3);
  v = await view(page);
  assert.equal(v.findCurrent, (first + 1) % v.findMatches, 'Enter goes to the next match');
  const count = await page.evaluate(() => glosa.itemRect('find-count'));
  assert.ok(count, 'the count is shown');
  await page.screenshot({ path: path.join(artifacts, 'find-bar.png') });
  // The words in the field, selected and copied: the page's copy event carries them (the
  // field's own copy went to a clipboard of ImGui's, not the system's).
  await page.keyboard.press('Control+a');
  await frames(page, 2);
  await page.keyboard.press('Control+c');
  await frames(page, 2);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'gdansk');
  assert.match((await view(page)).message, /^Copied „gdansk”/);
  assert.ok((await view(page)).findOpen, 'the find bar stays');
  await page.keyboard.press('Escape');
  await frames(page, 3);
  assert.ok(!(await view(page)).findOpen, 'Esc closes it');

  // Ctrl+A then Ctrl+C: the whole text.
  await page.mouse.move(10, 10);
  await page.keyboard.press('Control+a');
  await frames(page, 2);
  await page.keyboard.press('Control+c');
  await frames(page, 2);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), sample.replace(/\r\n?/g, '\n'));
  assert.deepEqual(errors, []);
  await context.close();
});

// A passage over a paragraph break is selected with the mouse and copied whole (it stopped
// at the end of the paragraph where the drag began); such words are offered for copying, not
// tagging: a name is tagged within a line.
test('a drag over two paragraphs selects both parts; Ctrl+C copies them, and the menu tags nothing', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  const doc = await openSample(page);
  const from = await entityOnScreen(page, 'Helsinek');
  const to = await entityOnScreen(page, 'Unia Europejska');
  assert.ok(from && to && to.r.y0 > from.r.y1, 'Helsinek, then Unia Europejska in the next paragraph');
  await page.mouse.move(from.r.x0 + 2, (from.r.y0 + from.r.y1) / 2);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  for (let k = 1; k <= 5; k++) {
    await page.mouse.move(from.r.x0 + (to.r.x1 - 2 - from.r.x0) * k / 5, from.r.y0 + (to.r.y0 - from.r.y0 + 8) * k / 5);
    await frames(page, 1);
  }
  await page.mouse.up();
  await frames(page, 3);
  assert.ok((await view(page)).menuOpen, 'the menu opened');
  await page.screenshot({ path: path.join(artifacts, 'drag-two-paragraphs.png') });
  await page.keyboard.press('Control+c');
  await frames(page, 2);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // From Helsinek to the word of "Unia Europejska" under the mouse, the break between them kept.
  const start = doc.text.indexOf('Helsinek');
  const unia = doc.text.indexOf('Unia Europejska');
  assert.ok([doc.text.slice(start, unia + 4), doc.text.slice(start, unia + 15)].includes(copied), `copied: ${copied}`);
  assert.ok(copied.includes('2028 r.\n\n\u201ETo'), 'over the paragraph break');
  await page.keyboard.press('2');  // a label's digit: nothing over a line break is tagged
  await frames(page, 3);
  assert.equal(JSON.parse(await page.evaluate(() => glosa.getDocument())).entities.length, doc.entities.length);
  await page.keyboard.press('Escape');
  assert.deepEqual(errors, []);
  await context.close();
});

// What a screen reader reads of each entity in an accessibility tree (CDP getFullAXTree): the
// words inside its mark, its text and then what it is ("Westerplatte, place"), not a label,
// which ARIA does not allow on a mark.
function spokenMarks(nodes) {
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const spoken = (n) => (n.role && n.role.value === 'StaticText' ? (n.name ? n.name.value : '')
                                                                 : (n.childIds || []).map((c) => spoken(byId.get(c) || {})).join(''));
  return nodes.filter((n) => !n.ignored && n.role && n.role.value === 'mark').map(spoken);
}

test('a screen reader finds the article and its entities with their labels', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  const doc = await openSample(page);
  await new Promise((r) => setTimeout(r, 600));  // the mirror follows a quarter of a second later
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const named = nodes.filter((n) => !n.ignored && n.name && n.name.value);
  const names = new Set(named.map((n) => n.name.value));
  assert.ok(named.some((n) => n.role.value === 'heading' && n.name.value === doc.article.title), 'the title is a heading');
  const text = named.filter((n) => n.role.value === 'StaticText').map((n) => n.name.value).join(' ');
  assert.ok(text.includes('podpisał w'), 'the article text is there');
  const marks = spokenMarks(nodes);
  assert.ok(marks.includes('Westerplatte, place'), `entities carry their label: ${marks.slice(0, 5)}`);
  assert.ok(marks.some((m) => m.startsWith('Anna Wiśniewska') && m.endsWith('person')));
  assert.equal(marks.length, doc.entities.length, 'every entity is there');
  assert.ok([...names].some((n) => /^Anna Wiśniewska, person/.test(n)), 'the people are listed');
  assert.ok(nodes.some((n) => n.role && n.role.value === 'status'), 'the status line is a live region');
  // Focus moved in the mirror selects on the canvas.
  await page.evaluate(() => document.querySelector('#mirror mark[data-index="3"]').focus());
  await frames(page, 3);
  assert.equal((await view(page)).selected, 3);
  // A relabel reaches the mirror (updated in place: the other paragraphs keep their elements).
  const label3 = doc.entities[3].label;
  const digit = doc.labels.findIndex((l) => l.name !== label3) + 1;
  const mirrorState = () => page.evaluate(() => ({
    name: document.querySelector('#mirror mark[data-index="3"]').textContent,
  }));
  const first = await page.evaluateHandle(() => document.querySelector('#mirror article p'));
  const nameBefore = (await mirrorState()).name;
  await page.keyboard.press(String(digit));
  await frames(page, 3);
  await page.evaluate(() => glosa.whenIdle());
  await new Promise((r) => setTimeout(r, 600));
  const relabelled = JSON.parse(await page.evaluate(() => glosa.getDocument())).entities[3];
  assert.notEqual(relabelled.label, label3, 'the key relabelled the entity');
  const nameAfter = (await mirrorState()).name;
  assert.notEqual(nameAfter, nameBefore, `the mirror names the new label: ${nameAfter}`);
  const after = await cdp.send('Accessibility.getFullAXTree');
  assert.ok(spokenMarks(after.nodes).includes(nameAfter), 'the accessibility tree reads the new label');
  assert.ok(doc.entities[3].start > doc.text.indexOf('\n'), 'the sample: entity 3 is not in the first paragraph');
  assert.ok(await first.evaluate((p) => p.isConnected), 'the first paragraph kept its element');
  assert.deepEqual(errors, []);
  await context.close();
});

// The keyboard is never trapped in the canvas (WCAG 2.1.2): Tab with nothing to move to (no
// document, past the last entity) goes on to the page's list of commands, and Shift+Tab from
// there comes back. Before, Tab never left the canvas.
test('Tab past the last entity leaves the canvas for the list of commands; Shift+Tab comes back', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  const inCommands = () => page.evaluate(() => !!document.activeElement.closest('#commands'));
  const onCanvas = () => page.evaluate(() => document.activeElement.id === 'canvas');
  await page.focus('#canvas');
  await page.keyboard.press('Tab');  // no document: nothing to move to
  await frames(page, 2);
  assert.ok(await inCommands(), 'Tab with no document goes on to the commands');
  await page.keyboard.press('Shift+Tab');
  await frames(page, 2);
  assert.ok(await onCanvas(), 'Shift+Tab comes back');
  await openSample(page);
  await page.focus('#canvas');
  await page.keyboard.press('Shift+Tab');  // from nothing selected: the last entity
  await frames(page, 3);
  const last = (await view(page)).selected;
  assert.ok(last >= 0 && await onCanvas(), 'Shift+Tab selected the last entity and stayed');
  await page.keyboard.press('Tab');  // past the last one
  await frames(page, 3);
  assert.ok(await inCommands(), 'Tab past the last entity goes on to the commands');
  assert.equal((await view(page)).selected, last, 'the selection stays');
  await page.keyboard.press('Shift+Tab');
  await frames(page, 3);
  assert.ok(await onCanvas(), 'and Shift+Tab comes back to the text');
  await page.keyboard.press('Shift+Tab');  // the keys are the app's again
  await frames(page, 3);
  const before = (await view(page)).selected;
  assert.ok(before >= 0 && before !== last && await onCanvas(), 'Shift+Tab on the canvas selects the entity before');
  // Shift+Tab before the first entity goes to the commands too (they come after the canvas).
  await page.keyboard.press('Home');
  for (let k = 0; k < 200 && (await view(page)).selected !== 0; k++) await page.keyboard.press('Shift+Tab');
  assert.equal((await view(page)).selected, 0, 'back at the first entity');
  await page.keyboard.press('Shift+Tab');
  await frames(page, 2);
  assert.ok(await inCommands(), 'Shift+Tab before the first entity goes to the commands');
  assert.equal((await view(page)).selected, 0, 'the selection stays');
  // With nothing focused (the element that had the focus went), Tab gives it to the canvas
  // and changes nothing.
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('Tab');
  await frames(page, 2);
  assert.ok(await onCanvas(), 'Tab from nowhere goes to the text');
  assert.equal((await view(page)).selected, 0, 'and selects nothing else');
  assert.deepEqual(errors, []);
  await context.close();
});

test('what the canvas alone shows is spoken: a menu\'s item, the palette\'s row, the find bar\'s count, the key list', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  const doc = await openSample(page);
  const spoken = () => page.evaluate(() => document.getElementById('spoken').textContent);
  const live = await page.evaluate(() => document.getElementById('spoken').getAttribute('aria-live'));
  assert.equal(live, 'assertive');
  await page.mouse.move(600, 400);
  await page.keyboard.press('Tab');  // the first entity
  await frames(page, 3);
  assert.equal(await spoken(), '', 'nothing while the keys are on the text');
  await page.keyboard.press('Shift+F10');
  await frames(page, 4);
  const first = await spoken();
  const name = doc.entities[0].text;
  assert.ok(first.startsWith('Menu of ' + name + ', '), `the entity's menu is named: ${first}`);
  // It opens on what Enter does in the text: Accept (it opened on the first label, and Enter
  // by habit relabelled a date as a person).
  const at = /: Accept, key Enter, (\d+) of (\d+)$/.exec(first);
  assert.ok(at, `the menu opens on Accept: ${first}`);
  await page.keyboard.press('ArrowDown');
  await frames(page, 3);
  const second = await spoken();
  assert.match(second, new RegExp(`: Reject, key X / Del, ${Number(at[1]) + 1} of ${at[2]}$`), `the arrow moves what is said: ${second}`);
  await page.keyboard.press('ArrowUp');
  await frames(page, 2);
  await page.keyboard.press('Enter');
  await frames(page, 3);
  assert.equal(await spoken(), '', 'the menu closed');
  const after = JSON.parse(await page.evaluate(() => glosa.getDocument())).entities[0];
  assert.deepEqual([after.label, after.status], [doc.entities[0].label, 'accepted'], 'Enter in the menu accepted it as it was');
  // Labels are said in words, without the picture's dots.
  await page.keyboard.press('Shift+F10');
  await frames(page, 4);
  await page.keyboard.press('Home');
  for (let k = 0; k < 40 && !/: PER, person/.test(await spoken()); k++) { await page.keyboard.press('ArrowDown'); await frames(page, 1); }
  assert.match(await spoken(), /: PER, person, key 1, 1 of \d+$/);
  await page.keyboard.press('Escape');
  await frames(page, 3);
  assert.equal(await spoken(), '', 'the menu closed');
  // The palette: its highlighted row as typed.
  await page.keyboard.press('Control+K');
  await frames(page, 3);
  await page.keyboard.type('mark done');
  await frames(page, 3);
  assert.match(await spoken(), /^Commands: Mark .*done.*, 1 of \d+$/i);
  await page.keyboard.press('Escape');
  await frames(page, 3);
  // The find bar: its count.
  await page.keyboard.press('Control+F');
  await frames(page, 3);
  assert.equal(await spoken(), 'Find: type the words');
  await page.keyboard.type('gdansk');
  await frames(page, 3);
  assert.match(await spoken(), /^Find: 1 of \d+$/);
  await page.keyboard.press('Escape');
  await frames(page, 3);
  // The key list, whole.
  await page.mouse.move(600, 400);
  await page.keyboard.press('Shift+Slash');
  await frames(page, 3);
  const keys = await spoken();
  assert.ok(keys.startsWith('Keyboard shortcuts, Escape closes. Ctrl+K: every command by name'), keys.slice(0, 80));
  assert.ok(keys.includes('Tab / Shift+Tab: select the next'));
  await page.keyboard.press('Escape');
  await frames(page, 3);
  // On a German keyboard "?" is Shift+ß: no "/" key is pressed, only the character says it.
  await page.evaluate(() => { document.getElementById('spoken').textContent = ''; });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: '?', code: 'Minus', text: '?', unmodifiedText: 'ß',
                                             windowsVirtualKeyCode: 219, nativeVirtualKeyCode: 219, modifiers: 8 });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: '?', code: 'Minus', windowsVirtualKeyCode: 219,
                                             nativeVirtualKeyCode: 219, modifiers: 8 });
  await frames(page, 3);
  assert.ok((await spoken()).startsWith('Keyboard shortcuts'), 'a "?" typed on another layout opens the list too');
  await page.keyboard.press('Escape');
  await frames(page, 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long text is mirrored a part at a time: buttons move the part, and it follows the selection', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1400, height: 900 });
  await page.evaluate(() => glosa.loadModel('pl'));
  // About 120 KB: the sample's paragraphs, numbered so no two are alike.
  const long = Array.from({ length: 100 }, (_, i) => `Część ${i + 1}.\n\n` + sample).join('\n\n');
  await pasteText(page, long);
  await page.evaluate(() => glosa.whenIdle());
  await frames(page, 3);
  await new Promise((r) => setTimeout(r, 600));
  const doc = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  const mirrorState = () => page.evaluate(() => {
    const marks = [...document.querySelectorAll('#mirror article mark')].map((m) => Number(m.getAttribute('data-index')));
    const visible = (sel) => { const b = [...document.querySelectorAll('#mirror button')].find((x) => x.textContent.startsWith(sel)); return b && !b.hidden; };
    return { marks, earlier: visible('Earlier'), later: visible('Later'),
             where: [...document.querySelectorAll('#mirror p')].map((p) => p.textContent).find((t) => t.startsWith('A long text')) };
  });
  let m = await mirrorState();
  assert.ok(m.marks.length > 0 && m.marks.length < doc.entities.length, `the first part only: ${m.marks.length} of ${doc.entities.length}`);
  assert.equal(m.marks[0], 0);
  assert.equal(m.earlier, false);
  assert.equal(m.later, true);
  assert.match(m.where, /from 0% to \d+%/);
  // The screen reader's "Later part" button, by keyboard.
  await page.evaluate(() => [...document.querySelectorAll('#mirror button')].find((b) => b.textContent.startsWith('Later')).focus());
  await page.keyboard.press('Enter');
  await frames(page, 2);
  const m2 = await mirrorState();
  assert.ok(m2.marks[0] > m.marks.at(-1), `the next part follows on: ${m2.marks[0]} after ${m.marks.at(-1)}`);
  assert.equal(m2.earlier, true);
  // Focus on the part's first entity, then Shift+Tab on the canvas's review keys selects the
  // one before it, in the first part: the mirror goes back there and focuses it.
  const firstOfPart = m2.marks[0];
  await page.evaluate((i) => document.querySelector(`#mirror mark[data-index="${i}"]`).focus(), firstOfPart);
  await frames(page, 3);
  assert.equal((await view(page)).selected, firstOfPart);
  await page.keyboard.press('Shift+Tab');
  await frames(page, 3);
  const selected = (await view(page)).selected;
  assert.ok(selected < firstOfPart, `Shift+Tab selected an earlier entity: ${selected}`);
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('data-index'));
  assert.equal(Number(focused), selected, 'the mirror moved to the selection and focused it');
  const m3 = await mirrorState();
  assert.ok(m3.marks.includes(selected));
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone: a tap selects, a long press opens the menu, a tap there relabels; screenshots', async () => {
  for (const [w, h] of [[375, 667], [768, 1024]]) {
    const { page, context, errors } = await openApp(browser, server.url, { width: w, height: h, scale: 2, phone: true });
    await frames(page, 3);
    await page.screenshot({ path: path.join(artifacts, `phone-${w}x${h}-start.png`) });
    await openSample(page);
    await page.screenshot({ path: path.join(artifacts, `phone-${w}x${h}-article.png`) });
    if (w < 700) {
      const target = await entityOnScreen(page, 'Westerplatte');
      assert.ok(target, 'an entity is on screen');
      const c = centre(target.r);
      await page.touchscreen.tap(c.x, c.y);
      await frames(page, 6);
      assert.equal((await view(page)).selected, target.i, 'a tap selects it');
      // A long press: the finger rests, then lifts. It comes a moment after the tap: a touch
      // within 350 ms of a tap at the same place is a tap-and-drag (selecting words) instead.
      await new Promise((r) => setTimeout(r, 400));
      const cdp = await context.newCDPSession(page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: c.x, y: c.y, id: 1 }] });
      await new Promise((r) => setTimeout(r, 800));
      await frames(page, 6);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await frames(page, 4);
      assert.ok((await view(page)).menuOpen, 'a long press opens the menu');
      // A finger does not hover: the row under it must not look chosen beside the highlighted one.
      assert.equal((await view(page)).pointerOnCanvas, false, 'the pointer leaves once the menu is open');
      await page.screenshot({ path: path.join(artifacts, `phone-${w}x${h}-menu.png`) });
      const item = await page.evaluate(() => glosa.itemRect('menu-label:ORG'));
      assert.ok(item && item.x1 <= w && item.y1 <= h, `the menu fits the screen: ${JSON.stringify(item)}`);
      await page.touchscreen.tap(centre(item).x, centre(item).y);
      await frames(page, 4);
      await page.evaluate(() => glosa.whenIdle());
      const d = JSON.parse(await page.evaluate(() => glosa.getDocument()));
      assert.equal(d.entities[target.i].label, 'ORG', 'the tap in the menu relabels it');
      // The side panel slides over the text.
      const toggle = await page.evaluate(() => glosa.itemRect('toolbar-panel'));
      await page.touchscreen.tap(centre(toggle).x, centre(toggle).y);
      await frames(page, 4);
      assert.ok(await page.evaluate(() => glosa.itemRect('close-side')), 'the panel is showing');
      await page.screenshot({ path: path.join(artifacts, `phone-${w}x${h}-panel.png`) });
    }
    // Every toolbar button is in reach: the whole row fits, or it folds into the menu.
    const help = await page.evaluate(() => glosa.itemRect('toolbar-help'));
    const menu = await page.evaluate(() => glosa.itemRect('toolbar-menu'));
    assert.ok(help ? help.x1 <= w : menu && menu.x1 <= w, `the toolbar fits ${w} px: ${JSON.stringify(help || menu)}`);
    if (w >= 700) {
      assert.ok(menu, 'a tablet held upright gets the toolbar menu too');
      await page.touchscreen.tap(centre(menu).x, centre(menu).y);
      await frames(page, 4);
      await page.screenshot({ path: path.join(artifacts, `phone-${w}x${h}-toolbar-menu.png`) });
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// A tap, then at once a touch that drags, selects words; on a slow phone (many pixels, a
// software renderer) the whole gesture can be over before the next frame is drawn. Here every
// touch event comes in one go, before any frame: the selection must still be made.
test('on a phone, a tap then a drag selects words even when it is over before the next frame', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 375, height: 667, scale: 2, phone: true });
  await openSample(page);
  const from = await entityOnScreen(page, 'Karlskrony');
  const to = await entityOnScreen(page, 'Helsinek');
  assert.ok(from && to, 'both places are on screen');
  await page.evaluate(([a, b]) => {
    const canvas = document.getElementById('canvas');
    const send = (type, x, y) => {
      const t = new Touch({ identifier: 1, target: canvas, clientX: x, clientY: y });
      const touches = type === 'touchend' ? [] : [t];
      canvas.dispatchEvent(new TouchEvent(type, { touches, targetTouches: touches, changedTouches: [t], bubbles: true, cancelable: true }));
    };
    send('touchstart', a.x, a.y);  // the tap
    send('touchend', a.x, a.y);
    send('touchstart', a.x, a.y);  // at once: touch again and drag
    send('touchmove', (a.x + b.x) / 2, (a.y + b.y) / 2);
    send('touchmove', b.x, b.y);
    send('touchend', b.x, b.y);
  }, [{ x: from.r.x0 + 4, y: (from.r.y0 + from.r.y1) / 2 }, { x: to.r.x1 - 4, y: (to.r.y0 + to.r.y1) / 2 }]);
  await frames(page, 12);
  const v = await view(page);
  assert.ok(v.menuOpen, 'the words are selected: the "Tag as" menu is open');
  await page.screenshot({ path: path.join(artifacts, 'phone-tap-drag.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone, the keyboard comes up for Find and for All commands, and what it types goes in', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 375, height: 667, scale: 2, phone: true });
  await openSample(page);
  const keyboardUp = () => page.evaluate(() => document.activeElement && document.activeElement.id === 'soft-keyboard');
  const tapOn = async (name) => {
    const r = await page.evaluate((n) => glosa.itemRect(n), name);
    assert.ok(r, `${name} is drawn`);
    await page.touchscreen.tap(centre(r).x, centre(r).y);
    await frames(page, 8);
  };
  // ≡ Menu → Find: the find field has the keys, and the page's field the focus (a phone
  // shows its keyboard for that one only).
  await tapOn('toolbar-menu');
  await tapOn('menu:find');
  assert.ok((await view(page)).findOpen);
  assert.ok(await keyboardUp(), 'the keyboard is up for the find field');
  // A phone's keyboard sends input events, not key presses.
  await page.keyboard.insertText('port gda');
  await frames(page, 4);
  assert.equal((await view(page)).findMatches, 1, '"port gda" finds Port Gdańsk');
  // A keyboard plugged into the phone: its keys reach the field once each (Backspace too).
  await page.keyboard.type('xy');
  await frames(page, 3);
  await page.keyboard.press('Backspace');
  await frames(page, 4);
  assert.equal((await view(page)).findMatches, 0, '"port gdax": one Backspace deleted one letter');
  await page.keyboard.press('Backspace');
  await frames(page, 4);
  assert.equal((await view(page)).findMatches, 1, 'back to "port gda"');
  // The keyboard's Enter (next match) types nothing; what is typed after it arrives.
  await page.keyboard.press('Enter');
  await frames(page, 3);
  await page.keyboard.insertText('nsq');
  await frames(page, 4);
  assert.equal((await view(page)).findMatches, 0, '"port gdansq": typed after an Enter, it arrived');
  // A keyboard that builds a word up before committing it (Android): passed on once.
  const cdp = await context.newCDPSession(page);
  for (const t of ['x', 'xy']) await cdp.send('Input.imeSetComposition', { text: t, selectionStart: t.length, selectionEnd: t.length });
  await cdp.send('Input.insertText', { text: 'xy' });
  await frames(page, 4);
  assert.equal((await view(page)).findMatches, 0, '"port gdansqxy": the word came once');
  for (let i = 0; i < 3; i++) {  // quick Backspaces, all in one go: each deletes one letter
    await page.evaluate(() => {
      const k = document.getElementById('soft-keyboard');
      k.value = '';
      k.dispatchEvent(new InputEvent('input', { inputType: 'deleteContentBackward', bubbles: true }));
    });
  }
  await frames(page, 12);
  assert.equal((await view(page)).findMatches, 1, '"port gdans" after three quick Backspaces');
  for (let i = 0; i < 6; i++) {
    await page.evaluate(() => {
      const k = document.getElementById('soft-keyboard');
      k.value = '';
      k.dispatchEvent(new InputEvent('input', { inputType: 'deleteContentBackward', bubbles: true }));
    });
    await frames(page, 3);
  }
  await frames(page, 8);
  assert.ok((await view(page)).findMatches > 1, 'six Backspaces leave "port", found more than once');
  await page.screenshot({ path: path.join(artifacts, 'phone-find-typed.png') });
  const close = await page.evaluate(() => glosa.itemRect('find-close'));
  assert.ok(close && close.x1 <= 375, `the find bar's Close is on the screen: ${JSON.stringify(close)}`);
  // A tap on the text: the field lets go, the keyboard goes down.
  await page.touchscreen.tap(180, 500);
  await frames(page, 6);
  await page.waitForFunction(() => document.activeElement.id !== 'soft-keyboard', null, { timeout: 3000 });
  // A tap on the find field brings it back up at once.
  await tapOn('find-input');
  assert.ok(await keyboardUp(), 'a tap on the field brings the keyboard back');

  // ≡ Menu → All commands…: the palette's field takes what is typed; Enter runs.
  await page.evaluate(() => document.activeElement.blur());
  await tapOn('toolbar-menu');
  await tapOn('menu:commands');
  assert.ok(await page.evaluate(() => glosa.itemRect('palette-input')), 'the palette is open');
  assert.ok(await keyboardUp(), 'the keyboard is up for the palette');
  await tapOn('palette-close');  // a phone has no Esc: the palette's own button closes it
  assert.equal(await page.evaluate(() => glosa.itemRect('palette-input')), null, 'Close closes the palette');
  await tapOn('toolbar-menu');
  await tapOn('menu:commands');
  await page.keyboard.insertText('mark done');
  await frames(page, 4);
  await page.keyboard.press('Enter');
  await frames(page, 6);
  assert.equal((await page.evaluate(() => glosa.listDocuments()))[0].status, 'done');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a text in a script the engine cannot read gets a notice and no entities', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 1200, height: 800 });
  const arabic = 'ارتفعت الأسعار بنسبة 4.5% في القاهرة يوم الاثنين، وقال الوزير إن التضخم سيتراجع في الأشهر المقبلة.';
  await pasteText(page, arabic);
  await page.evaluate(() => glosa.whenIdle());
  await frames(page, 3);
  const d = JSON.parse(await page.evaluate(() => glosa.getDocument()));
  assert.equal(d.entities.length, 0, 'no entity, no number read wrongly');
  assert.equal(d.text, arabic, 'the text is kept as it is');
  const v = await view(page);
  assert.match(v.message, /not supported/);
  assert.ok(await page.evaluate(() => glosa.itemRect('script-notice')), 'the notice is drawn above the text');
  await page.screenshot({ path: path.join(artifacts, 'other-script.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the status bar fits at 50% and 300% zoom; a long message is cut and shown whole on hover', async () => {
  for (const [w, h, scale] of [[2800, 1800, 0.5], [466, 300, 3]]) {
    const { page, context, errors } = await openApp(browser, server.url, { width: w, height: h, scale });
    await pasteAndMessage(page);
    const bar = await page.evaluate(() => glosa.itemRect('status-bar'));
    assert.ok(bar && bar.x0 >= 0 && bar.x1 <= w + 0.5 && bar.y1 <= h + 0.5, `the status bar fits: ${JSON.stringify(bar)}`);
    await page.screenshot({ path: path.join(artifacts, `status-zoom-${scale}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

async function pasteAndMessage(page) {
  await pasteText(page, sample);
  await page.evaluate(() => glosa.whenIdle());
  await frames(page, 3);
}

// On a phone, ≡ Menu ▸ Export… opens the formats once the tap is over: a tap on it downloads
// nothing (its submenu opened under the finger, and the release took its first item, the
// Glosa file), and the menus' rows are a finger apart.
test('on a phone, a tap on Export opens the formats and downloads nothing; a tap on one downloads it; a tap on the status line shows it whole', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { width: 390, height: 844, scale: 2, phone: true });
  await openSample(page);
  await pasteText(page, sample.split('\n\n').slice(0, 2).join('\n\n'));  // a second document: the collection's formats
  await page.evaluate(() => glosa.whenIdle());
  await frames(page, 3);
  const downloads = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  const tapOn = async (name) => {
    const r = await page.evaluate((n) => glosa.itemRect(n), name);
    assert.ok(r, `${name} is drawn`);
    await page.touchscreen.tap(centre(r).x, centre(r).y);
    await frames(page, 8);
    return r;
  };
  await tapOn('toolbar-menu');
  const find = await page.evaluate(() => glosa.itemRect('menu:find'));
  const exportRow = await tapOn('menu:export');
  assert.ok(exportRow.y1 - exportRow.y0 >= 30 || find.y0 - exportRow.y0 >= 30, `rows a finger apart: ${JSON.stringify(exportRow)}`);
  assert.equal((await view(page)).menuOpen, true, 'the formats are open');
  assert.deepEqual(downloads, [], 'the tap downloaded nothing');
  await page.screenshot({ path: path.join(artifacts, 'phone-export-menu.png') });
  // Every format and the whole collection's are there, inside the screen.
  for (const name of ['export:glosa', 'export:conll', 'export:link', 'export-all:brat']) {
    const r = await page.evaluate((n) => glosa.itemRect(n), name);
    assert.ok(r && r.x0 >= 0 && r.x1 <= 390 && r.y0 >= 0 && r.y1 <= 844, `${name} on the screen: ${JSON.stringify(r)}`);
  }
  const [conll] = await Promise.all([page.waitForEvent('download'), tapOn('export:conll')]);
  assert.match(conll.suggestedFilename(), /\.conll$/);
  assert.equal(downloads.length, 1, downloads.join(', '));
  // The status line is cut on a phone; a tap on it shows the whole message, on the screen.
  const bar = await page.evaluate(() => glosa.itemRect('status-bar'));
  await page.touchscreen.tap(bar.x1 - 20, (bar.y0 + bar.y1) / 2);
  await frames(page, 6);
  const whole = await page.evaluate(() => glosa.itemRect('status-whole'));
  assert.ok(whole && whole.x0 >= 0 && whole.x1 <= 390 && whole.y0 >= 0, `the whole message on the screen: ${JSON.stringify(whole)}`);
  await page.screenshot({ path: path.join(artifacts, 'phone-status-whole.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

// Esc closes the phone's ≡ Menu and the toolbar's Export ▾ (Dear ImGui leaves its popups open
// on Esc; a person with a keyboard was left with a menu over the text, and every key ignored).
test('Esc closes the toolbar menus, and the keys reach the text again', async () => {
  for (const [w, h, button] of [[390, 844, 'toolbar-menu'], [1400, 900, 'toolbar-export']]) {
    const { page, context, errors } = await openApp(browser, server.url, { width: w, height: h });
    await pasteText(page, sample);
    await page.evaluate(() => glosa.whenIdle());
    await frames(page, 3);
    if (w < 700) {
      // A second document on a phone: the Documents panel does not slide over the article.
      await pasteText(page, sample.split('\n\n').slice(0, 2).join('\n\n'));
      await page.evaluate(() => glosa.whenIdle());
      await frames(page, 3);
      assert.equal((await page.evaluate(() => glosa.viewState())).showDocuments, false, 'the article stays in view');
    }
    const r = await page.evaluate((n) => glosa.itemRect(n), button);
    assert.ok(r, `${button} at ${w} px`);
    await clickAt(page, centre(r));
    await frames(page, 2);
    assert.equal((await page.evaluate(() => glosa.viewState())).menuOpen, true, `${button} opens`);
    await page.keyboard.press('Escape');
    await frames(page, 3);
    assert.equal((await page.evaluate(() => glosa.viewState())).menuOpen, false, `Esc closes ${button} at ${w} px`);
    // The keys reach the text again: Tab selects an entity.
    await page.keyboard.press('Tab');
    await frames(page, 2);
    assert.ok((await page.evaluate(() => glosa.viewState())).selected >= 0, 'Tab works after the menu closed');
    assert.deepEqual(errors, []);
    await context.close();
  }
});
