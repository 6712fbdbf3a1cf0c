// Browser glue for the Glosa WebAssembly app (loaded before glosa.js).
// - Module setup: canvas, loading progress, fatal errors.
// - The frame loop sleeps while nothing happens: every input event, worker message and
//   timer wakes it (glosa_wake).
// - Bridges what Emscripten's GLFW lacks or gets wrong: the system clipboard (paste events),
//   the mouse wheel (pixel-exact, in the natural direction, by deltaMode), touch (a swipe
//   scrolls 1:1, a tap clicks, a long press opens the menu, tap-then-drag selects), file
//   open (picker and drag-and-drop, several at once), downloads, Ctrl+S / Ctrl+O / Ctrl+Z.
// - The annotation worker (glosa-worker-simd.js, or glosa-worker.js where the browser has no
//   WebAssembly SIMD): annotation, model files, and the collection's local store in
//   IndexedDB, restored before "glosa-ready".
// - window.glosa: the JS API for embedding and automation; a "glosa-ready" event fires.
// - Fetches the models of a detected language on demand, from this origin only.
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  const loading = document.getElementById('loading');
  const loadingText = document.getElementById('loading-text');
  const loadingProgress = document.getElementById('loading-progress');
  const fileInput = document.getElementById('file-input');
  const encoder = new TextEncoder();
  const LINE_PX = 29;  // one text line of the document view, in CSS pixels (wheel line mode)

  let started = false;      // the C++ main() has run
  let ready = false;        // window.glosa is published
  let worker = null;
  let workerReady = false;
  let restoreAsked = false;

  function showFatal(message) {
    loading.classList.remove('hidden');
    loadingText.textContent = message;
    loadingText.classList.add('error');
    loadingProgress.hidden = true;
  }

  // --- the WASM heap ---
  function toHeap(bytes) {
    const ptr = Module._malloc(Math.max(1, bytes.length));
    Module.HEAPU8.set(bytes, ptr);
    return ptr;
  }
  function withString(text, fn) {
    const bytes = typeof text === 'string' ? encoder.encode(text) : text;
    const ptr = toHeap(bytes);
    try { return fn(ptr, bytes.length); } finally { Module._free(ptr); }
  }
  function withCString(text, fn) {
    const len = Module.lengthBytesUTF8(text) + 1;
    const ptr = Module._malloc(len);
    Module.stringToUTF8(text, ptr, len);
    try { return fn(ptr); } finally { Module._free(ptr); }
  }
  function lastError() { return Module.UTF8ToString(Module._glosa_last_error()); }
  function message(kind, text) { withCString(text, function (p) { Module._glosa_set_message(kind, p); }); }

  // --- waking the frame loop ---
  function wake() { if (started) Module._glosa_wake(); }
  let wakeTimer = null;
  let wakeAt = Infinity;
  function wakeAfter(ms) {
    const at = performance.now() + ms;
    if (wakeTimer !== null && at >= wakeAt) return;
    if (wakeTimer !== null) clearTimeout(wakeTimer);
    wakeAt = at;
    wakeTimer = setTimeout(function () { wakeTimer = null; wakeAt = Infinity; wake(); }, ms);
  }
  ['mousemove', 'mousedown', 'mouseup', 'keydown', 'keyup', 'focus', 'blur', 'resize', 'pointerdown',
   'pointerup', 'pointermove', 'touchend'].forEach(function (type) {
    window.addEventListener(type, wake, { capture: true, passive: true });
  });
  document.addEventListener('visibilitychange', wake);

  // Keys pressed on a button of the page (the commands, the mirror's Earlier / Later) are the
  // button's: Enter and Space press it, and the app must not take them too (Enter would also
  // accept the selected entity). So are keys anywhere in the list of commands (its heading
  // has the focus after a command whose button went). Registered first, so nothing after it
  // sees them.
  const commandsList = document.getElementById('commands');
  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    window.addEventListener(type, function (event) {
      const t = event.target;
      if (t && (t.tagName === 'BUTTON' || (commandsList && t.nodeType === 1 && commandsList.contains(t)))) {
        event.stopImmediatePropagation();
      }
    }, true);
  });

  // Dear ImGui 1.86 reads key state once per frame: a key pressed and released before the
  // next frame (a quick tap, or a key sent by automation) would never be seen, and a second
  // press of a key before a frame has seen the first one's release would merge with it (on a
  // slow frame, "j j" moved once). So a key's change (down or up) waits until a frame has seen
  // its previous change, and every key event after a waiting one waits behind it, in order:
  // keys typed ahead of a slow frame land as typed ("j j Enter" moves twice, then accepts).
  // A held event is stopped and a copy of it is dispatched when its turn comes.
  const keyChangedAt = {};  // keyCode -> frame count when its last down or up reached the app
  const heldKeys = [];      // {event, target} in the order they came
  const replayed = new WeakSet();
  // (A key that types into a field needs no frame of its own: its character is queued by
  // ImGui, and nothing reads its up or down; only keys like Backspace and the arrows do.)
  function keyMustWait(event) {
    if (event.type === 'keypress' || event.repeat) return false;
    const typing = event.key && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (typing && Module._glosa_text_field_active()) return false;
    // The frame count goes up at the end of a frame: one more means a frame has run since.
    const at = keyChangedAt[event.keyCode];
    return at !== undefined && Module._glosa_frame_count() < at + 1;
  }
  function noteKeyChange(event) {
    if (event.type !== 'keypress' && !event.repeat) keyChangedAt[event.keyCode] = Module._glosa_frame_count();
  }
  // What a held keydown's own default would have done that the app takes over anyway (its
  // shortcuts, focus and page moves). A key that types keeps its default: its keypress, held too.
  function heldKeyDefaultIsTheApps(event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey) return true;
    return ['Tab', 'Backspace', 'Enter', 'PageDown', 'PageUp', 'Home', 'End', 'ContextMenu', 'F10'].includes(event.key) ||
           (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) ||
           (event.key === ' ' && !Module._glosa_text_field_active());
  }
  function copyOfKeyEvent(event) {
    const copy = new KeyboardEvent(event.type, {
      key: event.key, code: event.code, location: event.location, repeat: event.repeat,
      ctrlKey: event.ctrlKey, shiftKey: event.shiftKey, altKey: event.altKey, metaKey: event.metaKey,
      bubbles: true, cancelable: true });
    const keyCode = event.keyCode, which = event.which, charCode = event.charCode;
    Object.defineProperty(copy, 'keyCode', { get: function () { return keyCode; } });
    Object.defineProperty(copy, 'which', { get: function () { return which; } });
    Object.defineProperty(copy, 'charCode', { get: function () { return charCode; } });
    replayed.add(copy);
    return copy;
  }
  function passHeldKeys() {
    while (heldKeys.length > 0) {
      const next = heldKeys[0];
      if (keyMustWait(next.event)) { wake(); requestAnimationFrame(passHeldKeys); return; }
      heldKeys.shift();
      noteKeyChange(next.event);
      (next.target && next.target.isConnected ? next.target : window).dispatchEvent(next.event);
    }
  }
  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    window.addEventListener(type, function (event) {
      if (!started || replayed.has(event)) return;
      // A keyboard composing a word (229) and the clipboard's keys (their default is the copy
      // or paste itself) are never held.
      const clipboardKey = (event.ctrlKey || event.metaKey) && ['c', 'v', 'x'].includes((event.key || '').toLowerCase());
      if (event.keyCode === 229 || event.keyCode === 0 || clipboardKey || (heldKeys.length === 0 && !keyMustWait(event))) {
        noteKeyChange(event);
        return;
      }
      event.stopImmediatePropagation();
      if (type === 'keydown' && heldKeyDefaultIsTheApps(event)) event.preventDefault();
      const first = heldKeys.length === 0;
      heldKeys.push({ event: copyOfKeyEvent(event), target: event.target });
      if (first) { wake(); requestAnimationFrame(passHeldKeys); }
    }, true);
  });

  // --- the mouse wheel: pixels in the natural direction (GLFW passes the raw deltaY with
  // its sign flipped for ImGui, so a notch down scrolled up by a hundred notches) ---
  window.addEventListener('wheel', function (event) {
    if (event.target !== canvas || !started) return;
    event.stopPropagation();  // GLFW's own wheel handler must not see it
    if (event.ctrlKey) return;  // pinch or Ctrl+wheel: the browser zooms the page
    event.preventDefault();
    let dx = event.deltaX, dy = event.deltaY;
    if (event.deltaMode === 1) { dx *= LINE_PX; dy *= LINE_PX; }
    else if (event.deltaMode === 2) { dx *= canvas.clientWidth * 0.9; dy *= canvas.clientHeight * 0.9; }
    if (event.shiftKey && dx === 0) { dx = dy; dy = 0; }
    const dpr = window.devicePixelRatio || 1;
    Module._glosa_scroll(dx * dpr, dy * dpr);
  }, { capture: true, passive: false });

  // --- touch: one finger. A swipe scrolls 1:1, a tap clicks, a long press is a right
  // click (the entity menu), a tap followed at once by a press-and-drag selects words.
  // Two fingers are left to the browser (pinch zoom). GLFW's own touch handling (a touch
  // as a mouse drag) never sees these events. ---
  let touch = null;
  let lastTap = { t: 0, x: 0, y: 0 };
  function mouse(type, x, y, button) {
    canvas.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: button, buttons: type === 'mouseup' ? 0 : 1 << button,
                                                bubbles: true, cancelable: true, view: window }));
    wake();
  }
  function nextFrame() { return new Promise(function (r) { requestAnimationFrame(function () { r(); }); }); }
  // A click at (x, y): the pointer arrives, then a frame later the button goes down and up.
  async function click(x, y, button) {
    mouse('mousemove', x, y, 0);
    await nextFrame();
    await nextFrame();
    mouse('mousedown', x, y, button);
    await nextFrame();
    await nextFrame();
    mouse('mouseup', x, y, button);
  }
  // What a finger does becomes mouse steps spaced by frames, one gesture after another: on a
  // slow phone a tap's click is still under way when the next touch starts, and a whole
  // drag can be over before a frame is drawn (ImGui reads the mouse once per frame).
  let mouseSteps = Promise.resolve();
  function afterPrevious(steps) {
    mouseSteps = mouseSteps.then(steps, steps);
    return mouseSteps;
  }
  window.addEventListener('touchstart', function (event) {
    if (event.target !== canvas || !started) return;
    event.stopPropagation();
    if (event.touches.length !== 1) { if (touch && touch.timer) clearTimeout(touch.timer); touch = null; return; }
    event.preventDefault();
    const t = event.touches[0];
    const now = performance.now();
    const afterTap = now - lastTap.t < 350 && Math.hypot(t.clientX - lastTap.x, t.clientY - lastTap.y) < 30;
    touch = { x0: t.clientX, y0: t.clientY, x: t.clientX, y: t.clientY, mode: afterTap ? 'select' : 'pending', timer: null,
              pressed: false };
    if (afterTap) {  // the button goes down where the finger did, once the tap's click is done
      const held = touch;
      afterPrevious(async function () {
        mouse('mousemove', held.x0, held.y0, 0);
        await nextFrame();
        mouse('mousedown', held.x0, held.y0, 0);
        await nextFrame();
        await nextFrame();
        held.pressed = true;
        if (touch === held) mouse('mousemove', held.x, held.y, 0);  // where the finger is by now
      });
      return;
    }
    touch.timer = setTimeout(function () {
      if (!touch || touch.mode !== 'pending') return;
      touch.mode = 'long';
      const at = touch;
      afterPrevious(async function () {
        await click(at.x0, at.y0, 2);
        // A finger does not hover: once the menu is open, the pointer leaves, or the row
        // under the finger would look chosen beside the highlighted one.
        await nextFrame();
        await nextFrame();
        mouse('mousemove', -10000, -10000, 0);
      });
    }, 550);
  }, { capture: true, passive: false });
  window.addEventListener('touchmove', function (event) {
    if (event.target !== canvas || !touch) return;
    event.stopPropagation();
    event.preventDefault();
    const t = event.touches[0];
    if (touch.mode === 'pending' && Math.hypot(t.clientX - touch.x0, t.clientY - touch.y0) > 8) {
      touch.mode = 'scroll';
      clearTimeout(touch.timer);
      mouse('mousemove', touch.x0, touch.y0, 0);  // the panel under the finger scrolls
    }
    const dpr = window.devicePixelRatio || 1;
    if (touch.mode === 'scroll') Module._glosa_scroll((touch.x - t.clientX) * dpr, (touch.y - t.clientY) * dpr);
    if (touch.mode === 'select' && touch.pressed) mouse('mousemove', t.clientX, t.clientY, 0);
    touch.x = t.clientX;
    touch.y = t.clientY;
  }, { capture: true, passive: false });
  function touchEnd(event) {
    if (event.target !== canvas || !touch) return;
    event.stopPropagation();
    event.preventDefault();
    clearTimeout(touch.timer);
    if (touch.mode === 'pending') {
      lastTap = { t: performance.now(), x: touch.x0, y: touch.y0 };
      // A tap on a text field shows the keyboard now, while the tap is being handled (a
      // phone shows it for no focus given later); a tap elsewhere may open a field (Find,
      // All commands…), which then gets it if the browser still allows.
      if (Module._glosa_text_field_at(touch.x0, touch.y0)) showSoftKeyboard();
      const at = touch;
      afterPrevious(function () { return click(at.x0, at.y0, 0); }).then(async function () {
        // The click is seen in the next frame, the field it opened takes the keys in the one after.
        for (let i = 0; i < 8 && !Module._glosa_text_field_active(); i++) await nextFrame();
        if (Module._glosa_text_field_active()) showSoftKeyboard();
        else hideSoftKeyboard();
      });
    } else if (touch.mode === 'select') {
      const drag = touch;  // the end of the drag is seen held for a frame, then released
      afterPrevious(async function () {
        mouse('mousemove', drag.x, drag.y, 0);
        await nextFrame();
        await nextFrame();
        mouse('mouseup', drag.x, drag.y, 0);
      });
    }
    touch = null;
  }
  window.addEventListener('touchend', touchEnd, { capture: true, passive: false });
  window.addEventListener('touchcancel', touchEnd, { capture: true, passive: false });

  // --- a phone's keyboard: a field of the page has the focus while a field drawn on the
  // canvas has the keys. What the keyboard types arrives as input events (a phone sends no
  // key presses for letters) and goes to ImGui's field; Backspace deletes a placeholder
  // character and is passed on as the key. A hardware key pressed meanwhile reaches ImGui
  // as usual, so its input event is not passed on twice. ---
  const softKeyboard = document.getElementById('soft-keyboard');
  const placeholder = ' ';  // something to delete: an empty field sends no Backspace
  let softKeyboardWatch = null;
  let hardwareKey = false;
  let composing = false;  // a keyboard that builds a word up before committing it (Android)
  function showSoftKeyboard() {
    if (!softKeyboard) return;
    softKeyboard.value = placeholder;
    if (document.activeElement !== softKeyboard) softKeyboard.focus({ preventScroll: true });
    if (softKeyboardWatch === null) {  // the field closed (Esc, Enter, a tap elsewhere): the keyboard goes
      softKeyboardWatch = setInterval(function () { if (!Module._glosa_text_field_active()) hideSoftKeyboard(); }, 300);
    }
  }
  function hideSoftKeyboard() {
    if (softKeyboardWatch !== null) { clearInterval(softKeyboardWatch); softKeyboardWatch = null; }
    if (softKeyboard && document.activeElement === softKeyboard) canvas.focus({ preventScroll: true });
  }
  // A key as ImGui reads it (GLFW listens on the window): down, up two frames later, and the
  // next press after that (ImGui 1.86 sees one press per frame at most: quick Backspaces
  // were lost).
  let keySteps = Promise.resolve();
  function pressKey(keyCode, key) {
    const send = function (type) {
      const e = new KeyboardEvent(type, { key: key, bubbles: true, cancelable: true });
      Object.defineProperty(e, 'keyCode', { get: function () { return keyCode; } });
      Object.defineProperty(e, 'which', { get: function () { return keyCode; } });
      window.dispatchEvent(e);
      wake();
    };
    keySteps = keySteps.then(async function () {
      send('keydown');
      await nextFrame();
      await nextFrame();
      send('keyup');
      await nextFrame();
    });
  }
  function passOn(typed) {
    if (typed) withString(typed, function (ptr, len) { Module._glosa_type_text(ptr, len); });
    wake();
  }
  if (softKeyboard) {
    // A real key that types (a phone's keyboard sends 229, "being composed"), Backspace
    // included, reaches ImGui itself: the input event that follows it is not passed on. Keys
    // that type nothing (Enter, Tab, arrows) are followed by no input event: they set nothing.
    softKeyboard.addEventListener('keydown', function (event) {
      hardwareKey = event.keyCode !== 229 && event.keyCode !== 0 &&
                    ((event.key && event.key.length === 1) || event.key === 'Backspace' || event.key === 'Delete');
    });
    softKeyboard.addEventListener('keyup', function () { hardwareKey = false; });
    // A word being built up is passed on once, when the keyboard commits it.
    softKeyboard.addEventListener('compositionstart', function () { composing = true; });
    softKeyboard.addEventListener('compositionend', function (event) {
      composing = false;
      const value = softKeyboard.value;
      softKeyboard.value = placeholder;
      passOn(event.data || (value.startsWith(placeholder) ? value.slice(placeholder.length) : value));
    });
    softKeyboard.addEventListener('input', function (event) {
      if (composing || event.isComposing || event.inputType === 'insertCompositionText') return;
      const value = softKeyboard.value;
      softKeyboard.value = placeholder;
      if (hardwareKey) { hardwareKey = false; return; }
      if ((event.inputType && event.inputType.indexOf('delete') === 0) || value.length < placeholder.length) {
        pressKey(8, 'Backspace');
      } else {
        passOn(value.startsWith(placeholder) ? value.slice(placeholder.length) : value);
      }
    });
    softKeyboard.addEventListener('blur', function () {
      if (softKeyboardWatch !== null) { clearInterval(softKeyboardWatch); softKeyboardWatch = null; }
    });
  }

  // --- models: models/manifest.json (written by the build) lists each language's files ---
  const modelRequests = {};  // lang -> Promise resolving when the worker has the model
  const modelFiles = {};     // lang -> [{name, buffer}] fetched (kept: a new worker gets them)
  const modelWaiters = {};   // lang -> {remaining, resolve, reject}
  const modelsHere = {};     // lang -> true once the NER model is loaded on this thread too
  let manifest = null;
  function modelManifest() {
    if (!manifest) {
      manifest = fetch('models/manifest.json').then(function (r) { return r.ok ? r.json() : { models: {} }; })
        .catch(function () { return { models: {} }; });
    }
    return manifest;
  }
  function isLexicon(name) { return /^names-/.test(name); }
  function sendModel(lang, file) {
    worker.postMessage({ type: 'model', lang: lang, name: file.name, bytes: file.buffer.slice(0) });
  }
  // Fetches every file of a language; the name lexicon is loaded here too (corrections
  // derive base forms on this thread), every file goes to the worker; the language is ready
  // when the worker has loaded them all, and documents in it are then annotated again.
  function requestModel(lang) {
    if (modelRequests[lang]) return modelRequests[lang];
    modelRequests[lang] = modelManifest()
      .then(function (m) {
        const entry = m.models && m.models[lang];
        if (!entry || !entry.files || entry.files.length === 0) throw new Error('this build has no model for "' + lang + '"');
        return Promise.all(entry.files.map(function (file) {
          return fetch('models/' + file.name).then(function (r) {
            if (!r.ok) throw new Error(file.name + ': HTTP ' + r.status);
            return r.arrayBuffer();
          }).then(function (buffer) { return { name: file.name, buffer: buffer }; });
        }));
      })
      .then(function (files) {
        files.forEach(function (f) {
          if (!isLexicon(f.name)) return;
          const code = withCString(lang, function (langPtr) {
            return withString(new Uint8Array(f.buffer), function (ptr, len) { return Module._glosa_load_lexicon(langPtr, ptr, len); });
          });
          if (code !== 0) throw new Error(lastError());
        });
        modelFiles[lang] = files;
        return new Promise(function (resolve, reject) {
          modelWaiters[lang] = { remaining: files.length, resolve: resolve, reject: reject };
          whenWorker().then(function () { files.forEach(function (f) { sendModel(lang, f); }); });
        });
      })
      .then(function () {
        withCString(lang, function (p) { Module._glosa_model_ready(p); });
        return true;
      })
      .catch(function (err) {
        withCString(lang, function (langPtr) {
          withCString(String(err.message || err), function (msgPtr) { Module._glosa_model_failed(langPtr, msgPtr); });
        });
        delete modelRequests[lang];
        delete modelFiles[lang];
        // Learns waiting in the worker for this model are given up (asked again later).
        whenWorker().then(function () { worker.postMessage({ type: 'model-failed', lang: lang }); });
        return false;
      });
    return modelRequests[lang];
  }
  // glosa.annotate runs on this thread: it needs the NER models here as well.
  function modelsOnThisThread() {
    Object.keys(modelFiles).forEach(function (lang) {
      if (modelsHere[lang]) return;
      modelFiles[lang].forEach(function (f) {
        if (isLexicon(f.name)) return;
        withString(new Uint8Array(f.buffer), function (ptr, len) { Module._glosa_load_model_here(ptr, len); });
      });
      modelsHere[lang] = true;
    });
  }

  // --- the worker: annotation jobs and the store ---
  const pendingJobs = new Map();    // job -> message (sent again to a new worker)
  const pendingStores = new Map();  // id -> message (sent again to a new worker)
  // id -> the last 'learn' message of a document, until the worker says it learnt from it
  // (sent again to a new worker, so that a restart loses no correction).
  const pendingLearns = new Map();
  let learnSeq = 0;
  let workerWaiters = [];
  function whenWorker() {
    if (workerReady) return Promise.resolve();
    return new Promise(function (resolve) { workerWaiters.push(resolve); });
  }
  // The engine built with WebAssembly SIMD is about a fifth faster; a browser that cannot
  // compile it (Safari before 16.4) gets the plain build. The probe is the smallest module with
  // a SIMD instruction: a function () -> v128 of i32.const 0, i32x4.splat.
  const simdProbe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
                                    10, 8, 1, 6, 0, 65, 0, 253, 17, 11]);
  function hasWasmSimd() {
    try {
      return WebAssembly.validate(simdProbe);
    } catch (e) {
      return false;
    }
  }
  const workerScript = hasWasmSimd() ? 'glosa-worker-simd.js' : 'glosa-worker.js';
  function startWorker() {
    workerReady = false;
    try {
      worker = new Worker(workerScript);
    } catch (e) {
      worker = null;
      return;
    }
    // A replaced worker's last replies are not this worker's (its model counts start again).
    worker.onmessage = function (event) { if (event.target === worker) onWorkerMessage(event); };
    worker.onerror = function (e) {
      e.preventDefault();
      if (!workerReady) return;  // loading errors: the start-up timeout reports them
      message(2, 'The annotation worker failed (' + (e.message || 'unknown error') + '); it was restarted');
      restartAfterFailure(e.message || 'unknown error');
    };
  }
  // A new worker gets the old one's unfinished work; if that work brings it down again
  // before any of it is done (a document too large for its memory, say), the jobs and
  // learns in flight are given up with a message, so that no worker is sent them for ever.
  // A worker that fails on its own (say, out of memory as it loads a model) is not started
  // a fifth time in a row: the page says what to do instead of restarting it for ever.
  let failuresInARow = 0;
  function restartAfterFailure(reason) {
    ++failuresInARow;
    if (failuresInARow >= 5) {
      if (worker) worker.terminate();
      worker = null;
      workerReady = false;
      message(2, 'The annotation worker stopped ' + failuresInARow + ' times in a row (' + reason + '), so it was ' +
              'not started again: your work is on screen, but changes may not be kept in this browser; Export all… ' +
              'saves every document, then reload the page');
      return;
    }
    if (failuresInARow === 2) {
      const jobs = Array.from(pendingJobs.keys());
      pendingJobs.clear();
      jobs.forEach(function (job) {
        withCString('the engine stopped twice while working on it: ' + reason, function (p) { Module._glosa_on_annotation_failed(job, p); });
      });
      if (pendingLearns.size) {
        message(2, 'The engine stopped twice while learning from your corrections (' + reason + '): they are kept in ' +
                'your documents, but were not learnt from');
      }
      pendingLearns.clear();
    }
    restartWorker();
  }
  // A new worker with what the old one had: models, unfinished jobs and writes.
  function restartWorker() {
    if (worker) worker.terminate();
    startWorker();
    whenWorker().then(function () {
      // The old worker's replies will never come: a language still loading waits for the new
      // worker's replies only (counting on would leave it "loading" for good).
      Object.keys(modelFiles).forEach(function (lang) {
        modelWaiters[lang] = modelWaiters[lang] || { resolve: function () {}, reject: function () {} };
        modelWaiters[lang].remaining = modelFiles[lang].length;
        modelFiles[lang].forEach(function (f) { sendModel(lang, f); });
      });
      // What was taught is read back from the store before jobs and learns run.
      worker.postMessage({ type: 'reload-taught' });
      pendingJobs.forEach(function (msg) { worker.postMessage(msg); });
      pendingStores.forEach(function (msg) { worker.postMessage(msg); });
      pendingLearns.forEach(function (msg) { worker.postMessage(msg); });
    });
  }
  function onWorkerMessage(event) {
    const msg = event.data;
    switch (msg.type) {
      case 'ready':
        workerReady = true;
        workerWaiters.forEach(function (r) { r(); });
        workerWaiters = [];
        maybeRestore();
        break;
      case 'model-loaded': {
        const waiter = modelWaiters[msg.lang];
        if (!waiter) break;
        if (!msg.ok) { delete modelWaiters[msg.lang]; waiter.reject(new Error(msg.error)); break; }
        if (--waiter.remaining === 0) { delete modelWaiters[msg.lang]; waiter.resolve(); }
        break;
      }
      case 'progress':
        if (started) Module._glosa_on_annotation_progress(msg.job, msg.fraction);
        break;
      case 'annotated':
        failuresInARow = 0;
        pendingJobs.delete(msg.job);
        if (msg.ok) {
          withString(new Uint8Array(msg.bytes), function (ptr, len) { Module._glosa_on_annotated(msg.job, ptr, len, msg.ms); });
        } else {
          withCString(msg.error || 'unknown error', function (p) { Module._glosa_on_annotation_failed(msg.job, p); });
        }
        break;
      case 'refreshed':
        failuresInARow = 0;
        pendingJobs.delete(msg.job);
        if (msg.ok) withString(new Uint8Array(msg.bytes), function (ptr, len) { Module._glosa_on_refreshed(msg.job, ptr, len); });
        break;
      case 'stored': {
        const pending = pendingStores.get(msg.id);
        if (pending && pending.revision === msg.revision) pendingStores.delete(msg.id);
        withCString(msg.id, function (idPtr) {
          withCString(msg.error || '', function (errPtr) { Module._glosa_on_stored(idPtr, msg.revision, msg.ok ? 1 : 0, errPtr); });
        });
        if (navigator.storage && navigator.storage.estimate) {
          navigator.storage.estimate().then(function (e) { Module._glosa_storage_estimate(e.usage || 0, e.quota || 0); wake(); })
            .catch(function () {});
        }
        break;
      }
      case 'restored': onRestored(msg); break;
      case 'learnt': {
        failuresInARow = 0;
        const learn = pendingLearns.get(msg.id);
        if (learn && learn.seq === msg.seq) pendingLearns.delete(msg.id);
        break;
      }
      case 'taught':
        if (msg.error) message(2, 'What your corrections taught could not be kept in this browser: ' + msg.error);
        else withCString(msg.lang, function (p) { Module._glosa_on_taught(p, msg.rows); });
        break;
      case 'adaptation':
        if (!msg.bytes || msg.bytes.byteLength === 0) message(1, 'Nothing taught yet for ' + msg.lang + ': correct some names first');
        else {
          const name = 'glosa-taught-' + msg.lang + '.glosa-adaptation';
          Module.glosaDownload(name, new Uint8Array(msg.bytes));
          message(0, 'Downloaded ' + name + ' (' + Math.max(1, Math.round(msg.bytes.byteLength / 1024)) + ' KB): what your ' +
                  'corrections taught; Open loads it here or in a colleague\'s browser');
        }
        break;
      case 'need-model': requestModel(msg.lang); break;
      case 'adaptation-stale':
        message(1, 'What your corrections taught the tagger (' + msg.lang + ') was for an earlier model and cannot ' +
                'be used with this one (' + msg.error + '); what you correct from now on teaches the new one');
        break;
      case 'adaptation-loaded':
        if (msg.ok && msg.replaced) {
          message(0, 'This newer copy of a file opened before (' + msg.lang + ') took the older one\'s place in what this ' +
                  'browser has learnt: "Re-tag with what I taught" applies it to your documents');
        } else if (msg.ok) {
          message(0, 'Added what the file taught (' + msg.lang + ') to what this browser has learnt: "Re-tag with what I ' +
                  'taught" applies it to your documents');
        }
        else message(2, 'Cannot load what was taught: ' + msg.error);
        break;
      case 'cleared':
        if (!msg.ok) message(2, 'Clearing the local data failed: ' + msg.error);
        break;
      case 'aborted':
        message(2, 'The annotation worker stopped (' + msg.error + '); it was restarted');
        restartAfterFailure(msg.error);
        break;
    }
    wake();
  }

  // --- where the person was: kept at once, as well as in the worker's database ---
  // A state value (a document's place and selection, the current document) reaches the
  // database through the worker, asynchronously: a page being left (a reload right after a
  // click) may be gone before the write commits. So each is also written to localStorage at
  // once; that copy is never older, and wins on start-up.
  const kStatePrefix = 'glosa-state:';
  function keepStateNow(key, value) {
    try {
      localStorage.setItem(kStatePrefix + key, JSON.stringify(value));
    } catch (e) {  // storage off or full: an older copy must not win over the database's
      try { localStorage.removeItem(kStatePrefix + key); } catch (e2) { /* storage off */ }
    }
  }
  function forgetStateNow(key) {  // key undefined: every kept value
    try {
      if (key !== undefined) { localStorage.removeItem(kStatePrefix + key); return; }
      for (let i = localStorage.length - 1; i >= 0; i--) {
        const k = localStorage.key(i);
        if (k && k.indexOf(kStatePrefix) === 0) localStorage.removeItem(k);
      }
    } catch (e) { /* storage off */ }
  }
  function withStateKeptNow(state) {
    let count = 0;
    try { count = localStorage.length; } catch (e) { return state; }  // storage off
    for (let i = 0; i < count; i++) {
      try {
        const k = localStorage.key(i);
        if (k && k.indexOf(kStatePrefix) === 0) state[k.slice(kStatePrefix.length)] = JSON.parse(localStorage.getItem(k));
      } catch (e) { /* a value not ours: the database's stands */ }
    }
    return state;
  }

  // --- start-up: the stored collection comes back before glosa-ready ---
  function maybeRestore() {
    if (!started || !workerReady || restoreAsked) return;
    restoreAsked = true;
    worker.postMessage({ type: 'restore' });
  }
  function onRestored(msg) {
    const state = withStateKeptNow(Object.assign({}, msg.state || {}));
    msg.docs.forEach(function (d) {
      const meta = Object.assign({}, d.meta, state['view:' + d.id] || {});
      withCString(d.id, function (idPtr) {
        withString(new Uint8Array(d.bytes), function (ptr, len) {
          withCString(JSON.stringify(meta), function (metaPtr) { Module._glosa_restore(idPtr, ptr, len, metaPtr); });
        });
      });
    });
    withCString(String(state.current || ''), function (p) { Module._glosa_restore_finished(p, msg.problems.length); });
    if (msg.problems.length) console.warn('glosa: stored documents that could not be read:', msg.problems);
    if (msg.error) message(2, 'Documents stored in this browser could not be read (' + msg.error + '): local saving may not work');
    openFromLink().then(publish, publish);
  }
  function publish() {
    if (ready) return;
    ready = true;
    loading.classList.add('hidden');
    canvas.focus();
    api.version = Module.UTF8ToString(Module._glosa_version());
    window.glosa = api;
    wake();
    window.dispatchEvent(new CustomEvent('glosa-ready', { detail: { version: api.version } }));
    watchOtherTabs();
  }

  // Two tabs on one collection save to the same store, and the later save wins: a person
  // was told nothing and lost a tab's corrections. A lock held while this page lives says
  // whether another tab has the app open; this one warns, and says when it is alone again.
  // The tab that holds the lock is told too (a message on a channel of the app's tabs: the
  // newcomer says hello, and goodbye when it goes), so the one already worked in warns as well.
  function watchOtherTabs() {
    if (!navigator.locks || !navigator.locks.request) return;
    const forever = function () { return new Promise(function () {}); };
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('glosa-tabs') : null;
    const me = Math.random().toString(36).slice(2);
    const others = new Set();  // tabs that said hello here and not yet goodbye
    const shared = 'both keep their work in the same place, and the later save wins. Work in one tab (close the others)';
    // While this tab holds the lock: newcomers are said, and their leaving.
    function holdLock() {
      if (!channel) return;
      channel.onmessage = function (event) {
        const m = event.data || {};
        if (m.type === 'hello') {
          others.add(m.id);
          message(2, 'Glosa was opened in another tab of this browser: ' + shared);
          wake();
        } else if (m.type === 'bye' && others.delete(m.id) && others.size === 0) {
          message(0, 'The other Glosa tab was closed: this one keeps your work safely again');
          wake();
        }
      };
    }
    navigator.locks.request('glosa-collection', { ifAvailable: true }, function (lock) {
      if (lock) {
        holdLock();
        return forever();
      }
      message(2, 'Glosa is open in another tab of this browser: ' + shared);
      if (channel) {
        channel.postMessage({ type: 'hello', id: me });
        window.addEventListener('pagehide', function () { channel.postMessage({ type: 'bye', id: me }); });
      }
      navigator.locks.request('glosa-collection', function () {
        message(0, 'The other Glosa tab was closed: this one keeps your work safely again; reload it to see ' +
                'what the other tab saved');
        holdLock();
        wake();
        return forever();
      });
      wake();
      return undefined;
    }).catch(function () {});
  }

  // Downloads carry the type their name says (a browser may open an .html one, say).
  function downloadType(name) {
    const types = { jsonl: 'application/x-ndjson', json: 'application/json', html: 'text/html', csv: 'text/csv',
                    txt: 'text/plain', ann: 'text/plain', conll: 'text/plain', zip: 'application/zip' };
    const m = /\.([a-z]+)$/i.exec(name);
    return (m && types[m[1].toLowerCase()]) || 'application/octet-stream';
  }

  // --- share links: the document, compressed, travels in the URL's fragment (after '#'),
  // which a browser never sends to a server: "#doc=" + base64url(deflate-raw(file JSON)). ---
  const kLinkPrefix = '#doc=';
  const kMaxLinkChars = 1500 * 1000;           // Chromium refuses addresses over 2 MB; keep clear of it
  const kLongLinkChars = 64 * 1024;            // beyond this, chat apps tend to cut links
  const kMaxLinkDocumentBytes = 64 * 1024 * 1024;  // a hostile link cannot inflate further
  // Everything `stream` makes of `bytes`, refusing more than `limit` bytes.
  async function transform(bytes, stream, limit) {
    const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const step = await reader.read();
      if (step.done) break;
      total += step.value.length;
      if (total > limit) {
        reader.cancel();
        throw new Error('it unpacks to more than ' + Math.round(limit / 1048576) + ' MB');
      }
      chunks.push(step.value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    chunks.forEach(function (c) { out.set(c, at); at += c.length; });
    return out;
  }
  function toBase64url(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function fromBase64url(text) {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));  // throws on a broken link
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  function pageAddress() { return location.href.split('#')[0]; }
  async function linkFor(jsonBytes) {
    if (typeof CompressionStream !== 'function') throw new Error('this browser cannot compress (no CompressionStream)');
    const packed = await transform(jsonBytes, new CompressionStream('deflate-raw'), Infinity);
    return pageAddress() + kLinkPrefix + toBase64url(packed);
  }
  // A link's document opens at start-up (after the stored collection) and whenever the
  // fragment changes to another link. The fragment is then cleared: a reload does not open
  // it again, and the address bar does not keep the text.
  async function openFromLink() {
    const hash = location.hash;
    if (!hash.startsWith(kLinkPrefix)) return;
    history.replaceState(null, '', pageAddress());
    try {
      const payload = hash.slice(kLinkPrefix.length).replace(/\s+/g, '');
      if (payload.length > 2 * kMaxLinkChars) throw new Error('it is too long');
      if (typeof DecompressionStream !== 'function') throw new Error('this browser cannot unpack it (no DecompressionStream)');
      let packed;
      try { packed = fromBase64url(decodeURIComponent(payload)); } catch (e) { throw new Error('it is cut short or changed'); }
      let json;
      try { json = await transform(packed, new DecompressionStream('deflate-raw'), kMaxLinkDocumentBytes); } catch (e) {
        throw new Error(/unpacks to more/.test(e.message) ? e.message : 'it is cut short or changed');
      }
      const code = withString(json, function (ptr, len) { return Module._glosa_open_link(ptr, len); });
      if (code !== 0) message(2, 'This link does not hold a readable Glosa document (' + lastError() + '): nothing was opened');
    } catch (err) {
      message(2, 'This link cannot be opened: ' + (err.message || err) + '. Ask for the link again, or for the file');
    }
    wake();
  }
  window.addEventListener('hashchange', function () { if (ready) openFromLink(); });

  window.Module = {
    canvas: canvas,
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    setStatus: function (text) {
      // Emscripten reports "Downloading data... (x/y)" while fetching glosa.data.
      const m = /\((\d+(?:\.\d+)?)\/(\d+)\)/.exec(text || '');
      if (m) {
        loadingProgress.value = parseFloat(m[1]) / parseFloat(m[2]);
        loadingText.textContent = 'Loading fonts and sample… ' + Math.round(100 * loadingProgress.value) + '%';
      } else if (text) {
        loadingText.textContent = text;
      }
    },
    onAbort: function (what) { showFatal('Glosa stopped: ' + what + '. Reload the page to start again.'); },
    glosaFatal: showFatal,
    glosaWakeAfter: wakeAfter,
    glosaCopy: copyText,
    glosaShareLink: function (bytes) {
      linkFor(bytes).then(function (link) {
        if (link.length > kMaxLinkChars) {
          message(1, 'This document is too large for a link (' + Math.round(link.length / 1024) +
                  ' KB): download the file (Ctrl+S) and share that instead');
          return;
        }
        copyText(link);
        message(0, 'Copied a link to this document (' + Math.max(1, Math.round(link.length / 1024)) + ' KB). ' +
                (link.length > kLongLinkChars ? 'Some chat apps cut links this long: a file is safer. ' : '') +
                'The document travels inside the link, after the #: no server receives it');
      }, function (err) { message(2, 'Cannot make a link: ' + (err.message || err)); });
    },
    glosaDocumentChanged: function () { scheduleMirror(); },
    // The canvas's selection: the mirror's element takes the focus when the mirror has it.
    glosaSelectionChanged: function (index) {
      scheduleCommands();  // the selected entity's corrections are commands
      if (!mirror || !mirror.contains(document.activeElement)) return;
      let m = document.getElementById('glosa-entity-' + index);
      if (!m && index >= 0) {  // outside the mirror's window: move the window to it
        const at = Module._glosa_entity_begin(index);
        if (at >= 0) moveMirror(at);
        m = document.getElementById('glosa-entity-' + index);
      }
      if (m && m !== document.activeElement) m.focus({ preventScroll: true });
    },
    glosaMessageChanged: function (text) {
      if (live) live.textContent = text;
      scheduleCommands();  // most changes say something: the commands follow them
    },
    glosaSpokenChanged: function (text) {
      if (spoken) spoken.textContent = text;
    },
    glosaDownload: function (name, bytes) {
      const type = downloadType(name);
      const url = URL.createObjectURL(new Blob([bytes], { type: type }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    },
    // The picker opens on the next task, still inside the browser's transient activation
    // window of the click or key press: Chromium 156 drops a file chooser opened
    // synchronously inside a key or mouse event dispatched through DevTools (the e2e tests),
    // while a real user's Enter or click works either way.
    glosaOpenDialog: function () {
      fileInput.value = '';
      setTimeout(function () { fileInput.click(); }, 0);
    },
    glosaRequestPaste: function () {
      const denied = function () {
        message(1, 'The browser did not allow reading the clipboard: press Ctrl+V (\u2318V) to paste instead');
      };
      if (!navigator.clipboard || !navigator.clipboard.readText) { denied(); return; }
      navigator.clipboard.readText().then(function (text) { api.load(text); }, denied);
    },
    glosaRequestModel: function (lang) { requestModel(lang); },
    glosaAnnotate: function (job, bytes, lang) {
      const msg = { type: 'annotate', job: job, text: bytes.buffer, lang: lang };
      pendingJobs.set(job, msg);
      whenWorker().then(function () { if (pendingJobs.has(job)) worker.postMessage(msg); });
    },
    glosaRefresh: function (job, bytes) {
      const msg = { type: 'refresh', job: job, bytes: bytes.buffer };
      pendingJobs.set(job, msg);
      whenWorker().then(function () { if (pendingJobs.has(job)) worker.postMessage(msg); });
    },
    // A running job cannot be interrupted inside the engine: the worker is replaced.
    glosaCancel: function (job) {
      if (!pendingJobs.delete(job)) return;
      restartWorker();
    },
    glosaStore: function (id, revision, bytes, meta) {
      // A write that replaces one not yet sent still teaches what that one would have (the
      // app asks to learn from a document once per change of the person's work).
      const replaced = pendingStores.get(id);
      if (replaced && replaced.meta.learn && !replaced.sent) meta.learn = true;
      const msg = { type: 'store', id: id, revision: revision, bytes: bytes.buffer, meta: meta };
      pendingStores.set(id, msg);
      whenWorker().then(function () {
        if (pendingStores.get(id) !== msg) return;
        worker.postMessage(msg);
        msg.sent = true;
        // A document a person corrected also teaches the tagger (engine's learn()).
        if (meta.learn) {
          const learn = { type: 'learn', id: id, seq: ++learnSeq, lang: meta.lang, bytes: msg.bytes };
          pendingLearns.set(id, learn);
          worker.postMessage(learn);
        }
      });
    },
    glosaExportTaught: function (lang) { whenWorker().then(function () { worker.postMessage({ type: 'adaptation-export', lang: lang }); }); },
    glosaImportTaught: function (bytes) {
      whenWorker().then(function () { worker.postMessage({ type: 'adaptation-import', bytes: bytes.buffer }, [bytes.buffer]); });
    },
    glosaResetTaught: function () { whenWorker().then(function () { worker.postMessage({ type: 'adaptation-reset' }); }); },
    glosaUnstore: function (id) {
      pendingStores.delete(id);
      forgetStateNow('view:' + id);
      whenWorker().then(function () { worker.postMessage({ type: 'unstore', id: id }); });
    },
    glosaClearStore: function () {
      pendingStores.clear();
      forgetStateNow();
      pendingLearns.clear();
      whenWorker().then(function () { worker.postMessage({ type: 'clear' }); });
    },
    glosaState: function (key, value) {
      keepStateNow(key, value);
      whenWorker().then(function () { worker.postMessage({ type: 'state', key: key, value: value }); });
    },
    glosaStarted: function () {
      started = true;
      api.version = Module.UTF8ToString(Module._glosa_version());
      if (!worker) {
        message(2, 'This browser cannot start the annotation worker: nothing can be annotated or saved locally');
        openFromLink().then(publish, publish);
        return;
      }
      maybeRestore();
      // A worker that never answers must not hold the page: publish without the collection.
      setTimeout(function () {
        if (ready) return;
        message(2, 'The annotation worker did not start: documents cannot be annotated or restored');
        publish();
      }, 30000);
    },
  };

  // --- window.glosa ---
  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  const api = {
    version: '',
    // The annotation file object for `text`, without touching the UI (on this thread).
    annotate: function (text, lang) {
      modelsOnThisThread();
      const result = withCString(lang || 'auto', function (langPtr) {
        return withString(String(text), function (ptr, len) { return Module._glosa_annotate(ptr, len, langPtr); });
      });
      if (!result) throw new Error(lastError());
      return JSON.parse(Module.UTF8ToString(result));
    },
    // Adds `text` as a new document, as a paste would. Returns {ok, error} at once; the
    // entities arrive from the worker a moment later (see loadAsync, whenIdle).
    load: function (text) {
      const code = withCString('clipboard', function (src) {
        return withString(String(text), function (ptr, len) { return Module._glosa_load_text(ptr, len, src); });
      });
      return { ok: code === 0, error: code === 0 ? null : lastError() };
    },
    // The same, resolving once the new document is annotated.
    loadAsync: function (text) {
      const r = api.load(text);
      if (!r.ok) return Promise.resolve(r);
      return api.whenIdle().then(function () { return r; });
    },
    // "Re-tag with what I taught": every document not done is annotated again with what the
    // person's corrections taught (their own corrections kept). Returns how many.
    retag: function () { return Module._glosa_retag(); },
    // Resolves when no document waits for the worker (annotation), a name model on its way
    // (it annotates its language's documents again) or the store (saving).
    whenIdle: async function () {
      while (Module._glosa_busy()) await sleep(30);
    },
    // The open document's annotation file as a JSON string (what Download saves), or null.
    getDocument: function () {
      const p = Module._glosa_get_document();
      return p ? Module.UTF8ToString(p) : null;
    },
    // Adds an annotation file given as a JSON string as a new document. Returns {ok, error}.
    openDocument: function (json) {
      const code = withString(String(json), function (ptr, len) { return Module._glosa_open_document(ptr, len); });
      return { ok: code === 0, error: code === 0 ? null : lastError() };
    },
    // A link that opens the open document (what Export ▸ Copy link copies), as a Promise.
    shareLink: function () {
      const json = api.getDocument();
      return json === null ? Promise.reject(new Error('no document is open')) : linkFor(encoder.encode(json));
    },
    // [{id, title, lang, entities, reviewed, status}] of the collection, in list order.
    listDocuments: function () { return JSON.parse(Module.UTF8ToString(Module._glosa_list_documents())); },
    // Opens the document with `id`; false when there is none.
    selectDocument: function (id) { return withCString(String(id), function (p) { return Module._glosa_select_document(p) === 1; }); },
    // The JSONL string Export all saves: one Glosa document per line, with its "id".
    exportAll: function () { return Module.UTF8ToString(Module._glosa_export_all()); },
    // Resolves when the name model for `lang` ("pl", "en") is loaded (true) or failed (false).
    loadModel: function (lang) { return requestModel(lang); },
    hasModel: function (lang) { return withCString(lang, function (p) { return Module._glosa_has_model(p) === 1; }); },
    // For tests and tools: selection, message, hidden labels... of the current view.
    viewState: function () { return JSON.parse(Module.UTF8ToString(Module._glosa_view_state())); },
    // For tests: learns sent to the worker and not yet confirmed (learnt or given up).
    learning: function () { return pendingLearns.size; },
    // For benchmarks: frames drawn since the page opened (none while the page is idle).
    frameCount: function () { return Module._glosa_frame_count(); },
    // For tests: where entity `index` was drawn (CSS pixels), or null.
    entityRect: function (index) {
      const p = Module._glosa_entity_rect(index);
      return p ? JSON.parse(Module.UTF8ToString(p)) : null;
    },
    // For tests: where quotation `index`'s first line was drawn (CSS pixels), or null.
    quoteRect: function (index) {
      const p = Module._glosa_quote_rect(index);
      return p ? JSON.parse(Module.UTF8ToString(p)) : null;
    },
    // For tests: where a named row was drawn ("group:g1", "quote:q1", "document:<id>",
    // "tab:quotes"...; see glosa_item_rect), CSS pixels, or null.
    itemRect: function (name) {
      const p = withCString(String(name), function (ptr) { return Module._glosa_item_rect(ptr); });
      return p ? JSON.parse(Module.UTF8ToString(p)) : null;
    },
  };

  // --- the accessible mirror: the document as headings, paragraphs and lists in an
  // off-screen part of the page, for screen readers (the canvas is a picture to them). It
  // follows every change; focus moves between it and the canvas's selection both ways. ---
  const mirror = document.getElementById('mirror');
  const live = document.getElementById('live');
  const spoken = document.getElementById('spoken');
  let mirrorTimer = null;
  let mirrorRevision = -1;
  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  // The mirror is updated in place: a paragraph whose text and entities are unchanged keeps
  // its elements (only its entities' numbers are rewritten when they moved), so a correction
  // in a long document costs the browser the layout of one paragraph, not of the whole text.
  // A long text is mirrored a window of lines at a time (app/accessibility.h): buttons before
  // and after it move the window, and it follows the canvas's selection.
  let mirrorMain = null;         // <main>, made on the first build
  let mirrorParts = null;        // {title, facts, where, earlier, article, later, lists}
  let mirrorFrom = 0;            // byte where the window starts
  let mirrorDocument = null;     // the document it shows (a new one starts at its top)
  let mirrorKeys = [];           // per paragraph: its runs without entity numbers, as JSON
  let mirrorListKeys = ['', ''];
  function paragraphKey(runs) {
    return JSON.stringify(runs.map(function (r) { return typeof r === 'string' ? r : [r.name, r.text]; }));
  }
  function paragraphElement(runs) {
    const p = el('p');
    runs.forEach(function (r) {
      if (typeof r === 'string') { p.appendChild(document.createTextNode(r)); return; }
      // What it is, as words inside the mark ("Karlskrony" ", place, unsure"), not as its
      // aria-label: ARIA does not let a mark be named, and screen readers in browse mode read
      // an inline element's text, not its label. The mirror is never seen.
      const m = el('mark', { id: 'glosa-entity-' + r.i, tabindex: '-1', 'data-index': String(r.i) }, r.text);
      m.appendChild(el('span', { class: 'what' }, r.name.slice(r.text.length)));
      p.appendChild(m);
    });
    return p;
  }
  function renumber(p, runs) {
    const marks = p.getElementsByTagName('mark');
    let k = 0;
    runs.forEach(function (r) {
      if (typeof r === 'string') return;
      const m = marks[k++];
      if (m && m.getAttribute('data-index') !== String(r.i)) {
        m.id = 'glosa-entity-' + r.i;
        m.setAttribute('data-index', String(r.i));
      }
    });
  }
  function listSection(name, items) {
    const section = el('section', { 'aria-label': name });
    section.appendChild(el('h2', null, name));
    const ul = el('ul');
    items.forEach(function (item) { ul.appendChild(el('li', null, item)); });
    section.appendChild(ul);
    return section;
  }
  function outline() { return JSON.parse(Module.UTF8ToString(Module._glosa_accessible_outline(mirrorFrom))); }
  function moveMirror(from, focusWhat) {
    mirrorFrom = Math.max(0, from);
    buildMirror();
    if (focusWhat && mirrorParts) focusWhat(mirrorParts);
  }
  function buildMirror() {
    mirrorTimer = null;
    if (!started || !mirror) return;
    let o = outline();
    if (o.document !== mirrorDocument) {
      mirrorDocument = o.document;
      if (mirrorFrom !== 0) { mirrorFrom = 0; o = outline(); }
    }
    mirrorRevision = o.revision;
    const hadFocus = mirror.contains(document.activeElement) ? document.activeElement.id : null;
    if (!o.title && o.paragraphs.length === 0) {
      mirrorMain = null;
      const main = el('main', { 'aria-label': 'Annotated article' });
      main.appendChild(el('p', null, 'No document is open. Paste an article with Ctrl+V, or open a file with Ctrl+O.'));
      mirror.replaceChildren(main);
      return;
    }
    if (!mirrorMain) {
      mirrorMain = el('main', { 'aria-label': 'Annotated article' });
      mirrorParts = { title: el('h1'), facts: el('p'), where: el('p'),
                      earlier: el('button', { type: 'button' }, 'Earlier part of the text'),
                      article: el('article', { 'aria-label': 'Text with its entities', tabindex: '-1' }),
                      later: el('button', { type: 'button' }, 'Later part of the text'),
                      lists: [el('div'), el('div')] };
      const parts = mirrorParts;
      parts.earlier.addEventListener('click', function () {
        const w = outline().window;
        if (w.previous >= 0) moveMirror(w.previous, function (p) { p.article.focus({ preventScroll: true }); });
      });
      parts.later.addEventListener('click', function () {
        const w = outline().window;
        if (w.next >= 0) moveMirror(w.next, function (p) { p.article.focus({ preventScroll: true }); });
      });
      mirrorMain.append(parts.title, parts.facts, parts.where, parts.earlier, parts.article, parts.later,
                        parts.lists[0], parts.lists[1]);
      mirrorKeys = [];
      mirrorListKeys = ['', ''];
      mirror.replaceChildren(mirrorMain);
    }
    const parts = mirrorParts;
    const title = o.title || 'Untitled document';
    if (parts.title.textContent !== title) parts.title.textContent = title;
    if (parts.facts.textContent !== (o.facts || '')) parts.facts.textContent = o.facts || '';
    parts.facts.hidden = !o.facts;
    // The window: where it is in a long text, and the ways to the rest.
    const w = o.window;
    const whole = w.previous < 0 && w.next < 0;
    const pct = function (b) { return Math.round(100 * b / Math.max(1, w.length)); };
    const where = whole ? '' : 'A long text, read here in parts: this part runs from ' + pct(w.from) + '% to ' + pct(w.to) + '% of it.';
    if (parts.where.textContent !== where) parts.where.textContent = where;
    parts.where.hidden = whole;
    parts.earlier.hidden = w.previous < 0;
    parts.later.hidden = w.next < 0;
    // Paragraphs: keep, renumber, replace, add, remove.
    const article = parts.article;
    const old = article.children;
    o.paragraphs.forEach(function (runs, i) {
      const key = paragraphKey(runs);
      if (i < mirrorKeys.length && mirrorKeys[i] === key) {
        renumber(old[i], runs);
        return;
      }
      const p = paragraphElement(runs);
      if (i < mirrorKeys.length) article.replaceChild(p, old[i]);
      else article.appendChild(p);
      mirrorKeys[i] = key;
    });
    while (mirrorKeys.length > o.paragraphs.length) {
      article.lastElementChild.remove();
      mirrorKeys.pop();
    }
    [['People, places and organisations', o.groups], [whole ? 'Quotations' : 'Quotations in this part', o.quotes]].forEach(function (pair, k) {
      const items = pair[1] || [];
      const key = pair[0] + JSON.stringify(items);
      if (key === mirrorListKeys[k]) return;
      mirrorListKeys[k] = key;
      const next = items.length ? listSection(pair[0], items) : el('div');
      parts.lists[k].replaceWith(next);
      parts.lists[k] = next;
    });
    if (hadFocus && document.getElementById(hadFocus)) document.getElementById(hadFocus).focus({ preventScroll: true });
  }
  function scheduleMirror() {
    if (mirrorTimer !== null) return;
    scheduleCommands();
    // Right away for the first view, then at most a few times a second while editing.
    mirrorTimer = setTimeout(buildMirror, mirrorRevision < 0 ? 0 : 250);
  }
  if (mirror) {
    mirror.addEventListener('focusin', function (event) {
      const i = event.target && event.target.getAttribute && event.target.getAttribute('data-index');
      if (i !== null && i !== undefined && started) Module._glosa_select_entity(Number(i));
    });
  }

  // --- the commands for screen readers: every command of the palette (Ctrl+K; app/commands.h)
  // but those that only change the picture, as buttons that follow the app's state. A
  // command that cannot be undone asks with the browser's own dialog, which a screen reader
  // reads (the app's question is drawn on the canvas). ---
  const commandsNav = document.getElementById('commands');
  let commandsJson = '';
  function keyShortcuts(keys) {  // "Ctrl+S" -> "Control+S", as aria-keyshortcuts spells keys
    return keys.replace(/Ctrl/g, 'Control').replace(/PgDn/g, 'PageDown').replace(/PgUp/g, 'PageUp');
  }
  function buildCommands() {
    if (!started || !commandsNav) return;
    const json = Module.UTF8ToString(Module._glosa_commands());
    if (json === commandsJson) return;
    commandsJson = json;
    let ul = commandsNav.querySelector('ul.command-list');
    if (!ul) {
      ul = el('ul', { class: 'command-list' });
      documentsHeading = el('h2', { tabindex: '-1' }, 'Documents');
      documentsList = el('ul', { class: 'document-list' });
      commandsNav.replaceChildren(el('h2', { tabindex: '-1' }, 'Commands'), ul, documentsHeading, documentsList);
    }
    buildDocumentList();
    // In place: a button that stays keeps its element (and the focus, if it has it). When the
    // focused one goes (Accept, once accepted; "Label as ORG", once ORG), the focus goes to the
    // list's heading, not to the page's start, and never to the button now in its place: that
    // was Reject, so a second Enter undid the review.
    const focused = ul.contains(document.activeElement);
    const old = new Map();
    ul.querySelectorAll('button').forEach(function (b) { old.set(b.getAttribute('data-command'), b.parentNode); });
    const items = JSON.parse(json).map(function (c) {
      let li = old.get(c.id);
      if (!li) {
        li = el('li');
        li.appendChild(el('button', { type: 'button', 'data-command': c.id }));
      }
      const b = li.firstChild;
      if (b.textContent !== c.title) b.textContent = c.title;
      if (c.keys) b.setAttribute('aria-keyshortcuts', keyShortcuts(c.keys));
      else b.removeAttribute('aria-keyshortcuts');
      if (c.question) b.setAttribute('data-question', c.question);
      else b.removeAttribute('data-question');
      return li;
    });
    ul.replaceChildren.apply(ul, items);
    if (focused && !ul.contains(document.activeElement)) commandsNav.querySelector('h2').focus({ preventScroll: true });
  }
  // The collection, after the commands: a button per document, its title, status and
  // entities; the open one marked current. Enter opens another (the mirror then shows it).
  let documentsHeading = null;
  let documentsList = null;
  let documentsJson = null;
  let documentsOpen = null;
  function buildDocumentList() {
    const json = Module.UTF8ToString(Module._glosa_list_documents());
    const open = Module.UTF8ToString(Module._glosa_open_document_id());
    if (json === documentsJson && open === documentsOpen) return;
    documentsJson = json;
    documentsOpen = open;
    const list = JSON.parse(json);
    const focused = documentsList.contains(document.activeElement) ? document.activeElement.getAttribute('data-document') : null;
    documentsHeading.textContent = 'Documents (' + list.length + ')';
    const old = new Map();
    documentsList.querySelectorAll('button').forEach(function (b) { old.set(b.getAttribute('data-document'), b.parentNode); });
    documentsList.replaceChildren.apply(documentsList, list.map(function (d) {
      let li = old.get(d.id);
      if (!li) {
        li = el('li');
        li.appendChild(el('button', { type: 'button', 'data-document': d.id }));
      }
      const b = li.firstChild;
      const text = (d.title || '(untitled)') + ', ' + d.status + ', ' + d.entities + (d.entities === 1 ? ' entity, ' : ' entities, ') +
                   d.reviewed + ' reviewed';
      if (b.textContent !== text) b.textContent = text;
      if (d.id === open) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
      return li;
    }));
    if (focused && !documentsList.contains(document.activeElement)) documentsHeading.focus({ preventScroll: true });
  }
  let commandsTimer = null;
  function scheduleCommands() {
    if (commandsTimer !== null) return;
    commandsTimer = setTimeout(function () { commandsTimer = null; buildCommands(); }, 100);
  }
  if (commandsNav) {
    commandsNav.addEventListener('focusin', buildCommands);  // fresh when a person arrives
    commandsNav.addEventListener('click', function (event) {
      const d = event.target.closest && event.target.closest('button[data-document]');
      if (d && started) {
        withCString(d.getAttribute('data-document'), function (p) { Module._glosa_select_document(p); });
        wake();
        setTimeout(buildCommands, 100);
        return;
      }
      const b = event.target.closest && event.target.closest('button[data-command]');
      if (!b || !started) return;
      const id = b.getAttribute('data-command');
      const question = b.getAttribute('data-question');
      if (id === 'open' || id === 'compare') {  // the picker itself, while this click is being handled
        if (id === 'open') Module._glosa_request_open();
        else withCString(id, function (p) { Module._glosa_run_command(p, 0); });  // through the Open dialog
        Module._glosa_key_enter();  // the dialog's Enter: the picker
      } else if (question) {
        if (window.confirm(question)) withCString(id, function (p) { Module._glosa_run_command(p, 1); });
      } else if (!withCString(id, function (p) { return Module._glosa_run_command(p, 0); })) {
        message(1, 'That command cannot run now; the list of commands was updated');
      } else if (id === 'find') {
        canvas.focus({ preventScroll: true });  // the find bar's field has the keys: type the words
      }
      wake();
      setTimeout(buildCommands, 100);  // what the command changed (done, undo, the list)
    });
  }

  // --- clipboard: the page's paste event carries the text (GLFW has no clipboard) ---
  document.addEventListener('paste', function (event) {
    if (!window.glosa) return;
    const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    event.preventDefault();
    withString(text, function (ptr, len) { Module._glosa_paste(ptr, len); });
  });

  // --- copy: Ctrl+C puts the selected words, the whole text (Ctrl+A) or the selected
  // entity's text on the clipboard through the page's copy event ---
  // What the app would copy, put on the event's clipboard; the text, or '' when nothing was.
  function putOnClipboard(event) {
    const text = Module.UTF8ToString(Module._glosa_copy_text());
    if (!text || !event.clipboardData) return '';
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    return text;
  }
  document.addEventListener('copy', function (event) {
    if (!window.glosa) return;
    const text = putOnClipboard(event);
    if (text) message(0, 'Copied ' + (text.length > 60 ? Array.from(text).length + ' characters' : '\u201E' + text + '\u201D'));
  });
  // Ctrl+X in a text field: its selected characters, as Ctrl+C (the field removes them itself).
  document.addEventListener('cut', function (event) {
    if (window.glosa && Module._glosa_text_field_active()) putOnClipboard(event);
  });
  // A menu's Copy (a click, not a key): the asynchronous clipboard, else a hidden field.
  function copyText(text) {
    const fallback = function () {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.left = '-10000px';
      document.body.appendChild(area);
      area.select();
      try { document.execCommand('copy'); } catch (e) { message(1, 'The browser did not allow copying: select and press Ctrl+C'); }
      area.remove();
      canvas.focus();
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(fallback);
    else fallback();
  }

  // --- keyboard shortcuts the browser would otherwise take ---
  window.addEventListener('keydown', function (event) {
    if (!window.glosa) return;
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      if (Module._glosa_key_enter()) event.preventDefault();
      return;
    }
    // Tab past the last entity (Shift+Tab before the first), or with no document: the
    // browser's, to move the focus on out of the canvas (to the list of commands); the app
    // does not see it at all (its release would land elsewhere, and ImGui would hold it down).
    // Shift+Tab goes to that list too (it comes after the canvas in the page), as Tab does.
    if (event.target === canvas && event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey &&
        !Module._glosa_tab_takes(event.shiftKey ? 1 : 0)) {
      event.stopImmediatePropagation();
      const heading = commandsNav && commandsNav.querySelector('h2');
      if (event.shiftKey && heading) {
        event.preventDefault();
        heading.focus();
      }
      return;
    }
    // Nothing has the focus (the element that had it went): Tab gives it to the canvas, and
    // the app does not take the key for a selection nobody sees.
    if ((event.target === document.body || event.target === document.documentElement) && event.key === 'Tab') {
      event.stopImmediatePropagation();
      event.preventDefault();
      canvas.focus();
      return;
    }
    // Review keys that would move focus or go back in history.
    if (event.target === canvas && (event.key === 'Tab' || ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && event.altKey) ||
        event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey))) {
      event.preventDefault();
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
      if (Module._glosa_open_find()) event.preventDefault();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'a') {
      if (Module._glosa_select_all()) event.preventDefault();
      return;
    }
    // Keys that would scroll or move the page (there is nothing else to scroll).
    // Not Space while a field has the keys: its character comes from the key's default action.
    if (((event.key === ' ' && !Module._glosa_text_field_active()) || event.key === 'PageDown' || event.key === 'PageUp' ||
         event.key === 'Home' || event.key === 'End') && event.target === canvas) {
      event.preventDefault();
    }
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 's') { event.preventDefault(); Module._glosa_save(); }
    if (key === 'k') { event.preventDefault(); Module._glosa_open_commands(); }  // not the browser's search box
    if (key === 'o') { event.preventDefault(); Module._glosa_request_open(); }
    if (key === 'z' || key === 'y') {
      if (Module._glosa_undo(key === 'y' || event.shiftKey ? 1 : 0)) event.preventDefault();
    }
  }, true);

  canvas.addEventListener('contextmenu', function (event) { event.preventDefault(); });

  // --- files: the picker and drag-and-drop, one or many. They are read first, then open
  // together (a brat .ann needs its .txt; a comparison takes the first). ---
  function openFiles(files) {
    const list = Array.from(files);
    Promise.all(list.map(function (file) {
      return file.arrayBuffer().then(function (buffer) { return { name: file.name, buffer: buffer }; },
                                     function (err) { message(2, 'Cannot read ' + file.name + ': ' + (err.message || err)); return null; });
    })).then(function (read) {
      Module._glosa_begin_files();
      read.forEach(function (f) {
        if (!f) return;
        withCString(f.name, function (namePtr) {
          withString(new Uint8Array(f.buffer), function (ptr, len) { Module._glosa_add_file(namePtr, ptr, len); });
        });
      });
      Module._glosa_end_files();
      wake();
    });
  }
  fileInput.addEventListener('change', function () {
    if (fileInput.files && fileInput.files.length) openFiles(fileInput.files);
  });
  fileInput.addEventListener('cancel', function () { if (started) Module._glosa_files_cancelled(); });
  window.addEventListener('dragover', function (event) {
    event.preventDefault();
    document.body.classList.add('dragging');
  });
  window.addEventListener('dragleave', function () { document.body.classList.remove('dragging'); });
  window.addEventListener('drop', function (event) {
    event.preventDefault();
    document.body.classList.remove('dragging');
    const files = event.dataTransfer && event.dataTransfer.files;
    if (window.glosa && files && files.length) openFiles(files);
  });

  // --- leaving the page: store what changed, and where the person was ---
  function flush() { if (started) Module._glosa_flush(); }
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', function () { if (document.hidden) flush(); });

  if (typeof WebAssembly !== 'object') showFatal('This browser cannot run WebAssembly, which Glosa needs.');
  else startWorker();
})();
