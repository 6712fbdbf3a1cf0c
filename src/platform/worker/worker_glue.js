// The annotation worker's JavaScript (prepended to glosa-worker.js with --pre-js): the
// message protocol with the page (web/glosa-web.js) and the collection's local store in
// IndexedDB. The engine calls live in worker_main.cpp. Everything here runs off the page's
// thread, so annotating a long text or parsing the stored collection never blocks a frame.
//
// Page -> worker: {type:'model', lang, bytes} · {type:'model-failed', lang} · {type:'annotate', job, text (bytes), lang,
//   created} · {type:'refresh', job, bytes} · {type:'store', id, revision, bytes, meta} · {type:'unstore', id} ·
//   {type:'clear'} · {type:'state', key, value} · {type:'restore'}
// Worker -> page: {type:'ready'} · {type:'model-loaded', lang, ok, error} · {type:'progress',
//   job, fraction} · {type:'annotated', job, ok, error, bytes, ms} · {type:'refreshed', job,
//   ok, error, bytes} · {type:'stored', id,
//   revision, ok, error} · {type:'restored', docs, problems, state} · {type:'cleared', ok, error}
'use strict';

// `Module` is declared by Emscripten's code just before this file.
(function () {
  var ready = false;
  var queue = [];
  var modelReady = {};          // lang -> true once its NER model is loaded here
  // What a person taught, per language, waiting for that language's model: the stored file
  // (it becomes the adaptation in use) and files the person opened (added to it, in order).
  var pendingStored = {};       // lang -> bytes
  var pendingImports = {};      // lang -> [bytes]
  // What was taught is read from the store ('restore' at start, 'reload-taught' in a worker
  // started again) before anything learns, annotates or touches what was taught: a learn
  // into an empty adaptation would be kept over the stored one, and the person's teaching
  // lost. Messages that must wait are replayed in their order.
  var taughtRead = false;
  var storeUnreadable = false;  // the read failed: what is learnt is used but not written over the store
  var waitingForTaught = [];
  var waitingLearns = [];       // 'learn' messages waiting for their model
  var askedModel = {};          // lang -> true once a waiting learn asked the page for its model
  var currentJob = 0;
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();

  // --- the engine's buffers ---
  function toHeap(bytes) {
    var ptr = Module._malloc(Math.max(1, bytes.length));
    Module.HEAPU8.set(bytes, ptr);
    return ptr;
  }
  function withCString(text, fn) {
    var len = Module.lengthBytesUTF8(text) + 1;
    var ptr = Module._malloc(len);
    Module.stringToUTF8(text, ptr, len);
    try { return fn(ptr); } finally { Module._free(ptr); }
  }
  function withBytes(bytes, fn) {
    var ptr = toHeap(bytes);
    try { return fn(ptr, bytes.length); } finally { Module._free(ptr); }
  }
  function lastError() { return Module.UTF8ToString(Module._glosa_worker_last_error()); }
  // The result buffer copied out (a fresh ArrayBuffer that can be transferred to the page).
  function takeResult() {
    var ptr = Module._glosa_worker_result();
    var size = Module._glosa_worker_result_size();
    var out = Module.HEAPU8.slice(ptr, ptr + size).buffer;
    Module._glosa_worker_release();
    return out;
  }

  Module.glosaProgress = function (fraction) {
    self.postMessage({ type: 'progress', job: currentJob, fraction: fraction });
  };

  // --- IndexedDB: documents {id, json, meta, saved, parts} and state {key, value} ---
  // Chromium refuses one value over 127 MiB ("The serialized keys and/or value are too
  // large"), and a long text's JSON passes that (a 15 MB text's 836,300 entities). So a document's
  // JSON is kept in parts of kPartChars characters: its record holds the first part and how
  // many there are ("parts"), records "<id>\u0000<n>" {id, part_of, index, json} the others.
  var kPartChars = 1 << 22;  // 4 Mi characters, at most 8 MiB serialized
  function partsOf(id) { return IDBKeyRange.bound(id + '\u0000', id + '\u0001', false, true); }
  var dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        if (typeof indexedDB === 'undefined') { reject(new Error('this browser has no IndexedDB')); return; }
        var req = indexedDB.open('glosa', 1);
        req.onupgradeneeded = function () {
          var d = req.result;
          if (!d.objectStoreNames.contains('documents')) d.createObjectStore('documents', { keyPath: 'id' });
          if (!d.objectStoreNames.contains('state')) d.createObjectStore('state', { keyPath: 'key' });
        };
        req.onsuccess = function () { resolve(req.result); };
        req.onerror = function () { reject(req.error || new Error('IndexedDB could not be opened')); };
      });
      dbPromise.catch(function () { dbPromise = null; });
    }
    return dbPromise;
  }
  function errorText(e) {
    if (!e) return 'unknown error';
    if (e.name === 'QuotaExceededError') return 'the browser\'s storage for this page is full';
    return (e.name ? e.name + ': ' : '') + (e.message || String(e));
  }
  // Runs `fn(stores)` in one transaction; resolves when it commits.
  function transact(names, mode, fn) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var tx = d.transaction(names, mode);
        var stores = {};
        names.forEach(function (n) { stores[n] = tx.objectStore(n); });
        var out = fn(stores);
        tx.oncomplete = function () { resolve(out); };
        tx.onerror = function () { reject(tx.error); };
        tx.onabort = function () { reject(tx.error || new Error('the write was aborted')); };
        // A write commits now, not when this thread is next idle: a long annotation (or a
        // Cancel that ends this worker) must not hold it back or lose it. A transaction that
        // has already failed throws here; onabort above says why.
        if (mode === 'readwrite' && tx.commit) {
          try { tx.commit(); } catch (e) { /* reported by onabort */ }
        }
      });
    });
  }

  function store(msg) {
    var code = withBytes(new Uint8Array(msg.bytes), function (p, n) { return Module._glosa_worker_json_of(p, n); });
    if (code !== 0) {
      self.postMessage({ type: 'stored', id: msg.id, revision: msg.revision, ok: false, error: lastError() });
      return;
    }
    var json = decoder.decode(new Uint8Array(takeResult()));
    transact(['documents'], 'readwrite', function (s) {
      var parts = Math.max(1, Math.ceil(json.length / kPartChars));
      s.documents.delete(partsOf(msg.id));  // an older, longer version's parts
      s.documents.put({ id: msg.id, json: json.slice(0, kPartChars), parts: parts, meta: msg.meta, saved: Date.now() });
      for (var i = 1; i < parts; i++) {
        s.documents.put({ id: msg.id + '\u0000' + i, part_of: msg.id, index: i,
                          json: json.slice(i * kPartChars, (i + 1) * kPartChars) });
      }
    }).then(function () {
      self.postMessage({ type: 'stored', id: msg.id, revision: msg.revision, ok: true, bytes: json.length });
    }, function (e) {
      self.postMessage({ type: 'stored', id: msg.id, revision: msg.revision, ok: false, error: errorText(e) });
    });
  }

  function restore() {
    transact(['documents', 'state'], 'readonly', function (s) {
      var out = {};
      s.documents.getAll().onsuccess = function (e) { out.docs = e.target.result; };
      s.state.getAll().onsuccess = function (e) { out.state = e.target.result; };
      return out;
    }).then(function (out) {
      var docs = [];
      var problems = [];
      var transfer = [];
      var records = joinParts(out.docs || [], problems);
      records.sort(function (a, b) {
        return ((a.meta && a.meta.order) || 0) - ((b.meta && b.meta.order) || 0);
      }).forEach(function (rec) {
        var code = withBytes(encoder.encode(rec.json || ''), function (p, n) { return Module._glosa_worker_encode_json(p, n); });
        if (code !== 0) { problems.push({ id: rec.id, message: lastError() }); return; }
        var bytes = takeResult();
        transfer.push(bytes);
        docs.push({ id: rec.id, bytes: bytes, meta: rec.meta || {} });
      });
      var state = {};
      (out.state || []).forEach(function (r) { if (!/^adaptation:/.test(r.key)) state[r.key] = r.value; });
      takeStoredTaught(out.state || []);
      self.postMessage({ type: 'restored', docs: docs, problems: problems, state: state }, transfer);
    }, function (e) {
      readStoredTaught();  // the state store alone may still be readable
      self.postMessage({ type: 'restored', docs: [], problems: [], state: {}, error: errorText(e) });
    });
  }

  // The stored documents with their parts joined again; a document missing a part is a
  // problem, not a document.
  function joinParts(all, problems) {
    var parts = {};
    all.forEach(function (r) {
      if (r.part_of === undefined) return;
      (parts[r.part_of] = parts[r.part_of] || [])[r.index] = r.json;
    });
    var out = [];
    all.forEach(function (r) {
      if (r.part_of !== undefined) return;
      var n = r.parts || 1;
      if (n > 1) {
        var rest = parts[r.id] || [];
        var pieces = [r.json || ''];
        for (var i = 1; i < n; i++) {
          if (typeof rest[i] !== 'string') {
            problems.push({ id: r.id, message: 'part ' + (i + 1) + ' of ' + n + ' of its stored text is missing' });
            return;
          }
          pieces.push(rest[i]);
        }
        r.json = pieces.join('');
      }
      out.push(r);
    });
    return out;
  }

  // --- what was taught, read back from the store; learning and annotating wait for it ---
  function takeStoredTaught(records) {
    records.forEach(function (r) {
      if (/^adaptation:/.test(r.key)) loadStored(r.key.slice(11), r.value);
    });
    taughtRead = true;
    var waiting = waitingForTaught;
    waitingForTaught = [];
    waiting.forEach(handle);
    flushLearns();
  }
  function readStoredTaught() {
    transact(['state'], 'readonly', function (s) {
      var out = {};
      s.state.getAll().onsuccess = function (e) { out.state = e.target.result; };
      return out;
    }).then(function (out) { takeStoredTaught(out.state || []); }, function (e) {
      storeUnreadable = true;
      self.postMessage({ type: 'taught', lang: '', error: 'what was taught before could not be read back (' + errorText(e) +
                        '); what you teach now is used but not kept, so that nothing stored is overwritten' });
      takeStoredTaught([]);
    });
  }
  // Whether a learn for `lang` may run: its model is here and what was taught before is in.
  function canLearn(lang) {
    return taughtRead && modelReady[lang] && !pendingStored[lang] && !(pendingImports[lang] || []).length;
  }
  // A learn waits for its language's model (asked for once) and for what was taught before it.
  function flushLearns() {
    var later = [];
    waitingLearns.forEach(function (msg) {
      if (!canLearn(msg.lang)) {
        if (taughtRead && !modelReady[msg.lang] && !askedModel[msg.lang]) {
          askedModel[msg.lang] = true;
          self.postMessage({ type: 'need-model', lang: msg.lang });
        }
        later.push(msg);
        return;
      }
      var learnt = withBytes(new Uint8Array(msg.bytes), function (p, n) { return Module._glosa_worker_learn(p, n); });
      if (learnt !== 0) {  // nothing to learn from (no evidence)
        self.postMessage({ type: 'learnt', id: msg.id, seq: msg.seq });
        return;
      }
      postTaught(msg.lang);
      // Confirmed once it is in the store: until then the page keeps it, to send again.
      keepAdaptation(msg.lang, takeResult()).then(function () {
        self.postMessage({ type: 'learnt', id: msg.id, seq: msg.seq });
      }, function () {});
    });
    waitingLearns = later;
  }
  // The model of `lang` could not be had (the page's fetch failed, or it did not load): the
  // learns waiting for it are given up (the corrections stay in their documents; a later one
  // asks for the model again), not kept until the page closes.
  function dropLearns(lang) {
    askedModel[lang] = false;
    waitingLearns = waitingLearns.filter(function (msg) {
      if (msg.lang !== lang) return true;
      self.postMessage({ type: 'learnt', id: msg.id, seq: msg.seq, dropped: true });
      return false;
    });
  }
  // Messages that read or change what was taught wait until it has been read back.
  function mustWaitForTaught(type) {
    return type === 'annotate' || type === 'learn' || type === 'adaptation-import' || type === 'adaptation-reset' ||
           type === 'adaptation-export';
  }

  function handle(msg) {
    if (!taughtRead && mustWaitForTaught(msg.type)) {
      waitingForTaught.push(msg);
      return;
    }
    switch (msg.type) {
      case 'model': {
        var code = withBytes(new Uint8Array(msg.bytes), function (p, n) { return Module._glosa_worker_load_model(p, n); });
        if (code === 0 && !/^names-/.test(msg.name || '')) {
          modelReady[msg.lang] = true;
          // What was taught before, kept in the store, comes back once the model is here; then
          // the files opened meanwhile are added to it, in order.
          var stored = pendingStored[msg.lang];
          delete pendingStored[msg.lang];
          if (stored) loadStored(msg.lang, stored);
          var imports = pendingImports[msg.lang] || [];
          delete pendingImports[msg.lang];
          imports.forEach(importTaught);
        }
        self.postMessage({ type: 'model-loaded', lang: msg.lang, name: msg.name, ok: code === 0, error: code === 0 ? null : lastError() });
        if (code !== 0 && !/^names-/.test(msg.name || '')) dropLearns(msg.lang);
        flushLearns();
        break;
      }
      case 'model-failed': dropLearns(msg.lang); break;
      case 'learn': waitingLearns.push(msg); flushLearns(); break;
      case 'reload-taught': readStoredTaught(); break;
      case 'adaptation-export': {
        withCString(msg.lang, function (l) { Module._glosa_worker_save_adaptation(l); });
        var bytes = takeResult();
        self.postMessage({ type: 'adaptation', lang: msg.lang, bytes: bytes }, [bytes]);
        break;
      }
      case 'adaptation-import': importTaught(new Uint8Array(msg.bytes)); break;
      case 'adaptation-reset': forgetTaught(true); break;
      case 'annotate': {
        currentJob = msg.job;
        var t0 = performance.now();
        var result = withBytes(new Uint8Array(msg.text), function (p, n) {
          return withCString(msg.lang || 'auto', function (langPtr) {
            return withCString(msg.created || '', function (createdPtr) {
              return Module._glosa_worker_annotate(p, n, langPtr, createdPtr);
            });
          });
        });
        var ms = performance.now() - t0;
        if (result !== 0) {
          self.postMessage({ type: 'annotated', job: msg.job, ok: false, error: lastError() });
        } else {
          var bytes = takeResult();
          self.postMessage({ type: 'annotated', job: msg.job, ok: true, bytes: bytes, ms: ms }, [bytes]);
        }
        currentJob = 0;
        break;
      }
      case 'refresh': {
        var code = withBytes(new Uint8Array(msg.bytes), function (p, n) { return Module._glosa_worker_refresh(p, n); });
        if (code !== 0) {
          self.postMessage({ type: 'refreshed', job: msg.job, ok: false, error: lastError() });
        } else {
          var out = takeResult();
          self.postMessage({ type: 'refreshed', job: msg.job, ok: true, bytes: out }, [out]);
        }
        break;
      }
      case 'store': store(msg); break;
      case 'unstore':
        transact(['documents'], 'readwrite', function (s) {
          s.documents.delete(msg.id);
          s.documents.delete(partsOf(msg.id));
        }).catch(function () {});
        break;
      case 'clear':
        forgetTaught(false);  // the store below goes, what was taught with it
        transact(['documents', 'state'], 'readwrite', function (s) { s.documents.clear(); s.state.clear(); })
          .then(function () { self.postMessage({ type: 'cleared', ok: true }); },
                function (e) { self.postMessage({ type: 'cleared', ok: false, error: errorText(e) }); });
        break;
      case 'state':
        transact(['state'], 'readwrite', function (s) { s.state.put({ key: msg.key, value: msg.value }); }).catch(function () {});
        break;
      case 'restore': restore(); break;
    }
  }

  // --- what a person taught the tagger: learnt here, kept in the store ---
  // Writes `bytes` as what was taught for `lang`; the promise is settled once it is stored.
  function keepAdaptation(lang, bytes) {
    if (storeUnreadable) return Promise.resolve();  // never over a store that could not be read
    return transact(['state'], 'readwrite', function (s) { s.state.put({ key: 'adaptation:' + lang, value: bytes }); })
      .catch(function (e) {
        self.postMessage({ type: 'taught', lang: lang, error: errorText(e) });
        throw e;
      });
  }
  function postTaught(lang) {
    var rows = withCString(lang, function (l) { return Module._glosa_worker_adaptation_rows(l); });
    self.postMessage({ type: 'taught', lang: lang, rows: rows });
  }
  // Forget: every language's adaptation, what waits for a model, the learns that came before
  // the Forget, and (when `unstore`) the stored files.
  function forgetTaught(unstore) {
    ['pl', 'en'].forEach(function (lang) {
      withCString(lang, function (l) { Module._glosa_worker_reset_adaptation(l); });
      delete pendingStored[lang];
      delete pendingImports[lang];
      if (unstore) {
        transact(['state'], 'readwrite', function (s) { s.state.delete('adaptation:' + lang); }).catch(function () {});
      }
      postTaught(lang);
    });
    waitingLearns.forEach(function (msg) { self.postMessage({ type: 'learnt', id: msg.id, seq: msg.seq }); });
    waitingLearns = [];
  }
  // The stored file of `lang`: it becomes the adaptation in use once the model is here. One
  // this model cannot read (an earlier model's) is moved aside, not overwritten by the next
  // learn, and the person is told.
  function loadStored(lang, bytes) {
    bytes = new Uint8Array(bytes);
    if (!modelReady[lang]) {
      pendingStored[lang] = bytes;
      return;
    }
    var code = withBytes(bytes, function (p, n) { return Module._glosa_worker_load_adaptation(p, n); });
    if (code === 0) {
      postTaught(lang);
      return;
    }
    var error = lastError();
    if (!storeUnreadable) {
      var copy = bytes.slice().buffer;
      transact(['state'], 'readwrite', function (s) {
        s.state.put({ key: 'adaptation-unreadable:' + lang, value: copy });
        s.state.delete('adaptation:' + lang);
      }).catch(function () {});
    }
    self.postMessage({ type: 'adaptation-stale', ok: false, lang: lang, error: error });
  }
  // A file the person opened: added to what this browser was taught (a colleague's file
  // joins one's own) once its model is here.
  function importTaught(bytes) {
    bytes = new Uint8Array(bytes);
    var lang = withBytes(bytes, function (p, n) { return Module.UTF8ToString(Module._glosa_worker_adaptation_lang(p, n)); });
    if (!lang) {
      self.postMessage({ type: 'adaptation-loaded', ok: false, error: lastError() });
      return;
    }
    if (!modelReady[lang]) {
      (pendingImports[lang] = pendingImports[lang] || []).push(bytes);
      self.postMessage({ type: 'need-model', lang: lang });
      return;
    }
    var code = withBytes(bytes, function (p, n) { return Module._glosa_worker_add_adaptation(p, n); });
    if (code !== 0) {
      self.postMessage({ type: 'adaptation-loaded', ok: false, lang: lang, error: lastError() });
      return;
    }
    withCString(lang, function (l) { Module._glosa_worker_save_adaptation(l); });  // the sum, now in use
    keepAdaptation(lang, takeResult()).catch(function () {});
    postTaught(lang);
    self.postMessage({ type: 'adaptation-loaded', ok: true, lang: lang, replaced: Module._glosa_worker_add_replaced() === 1 });
    flushLearns();
  }

  self.onmessage = function (event) {
    if (!ready) { queue.push(event.data); return; }
    handle(event.data);
  };

  Module.onRuntimeInitialized = function () {
    ready = true;
    self.postMessage({ type: 'ready' });
    var pending = queue;
    queue = [];
    pending.forEach(handle);
  };
  Module.printErr = function (text) { console.warn('[glosa worker] ' + text); };
  Module.onAbort = function (what) { self.postMessage({ type: 'aborted', error: String(what) }); };
})();
