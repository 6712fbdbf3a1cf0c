// Browser glue for the Glosa WebAssembly app (loaded before glosa.js).
// - Module setup: canvas, loading progress, fatal errors.
// - Bridges what Emscripten's GLFW lacks: the system clipboard (paste events), file open
//   (picker and drag-and-drop), downloads, and Ctrl+S / Ctrl+O.
// - window.glosa: the JS API for embedding and automation; a "glosa-ready" event fires.
// - Fetches the NER model of the detected language on demand, from this origin only.
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  const loading = document.getElementById('loading');
  const loadingText = document.getElementById('loading-text');
  const loadingProgress = document.getElementById('loading-progress');
  const fileInput = document.getElementById('file-input');
  const encoder = new TextEncoder();
  const modelRequests = {};  // lang -> Promise resolving when the model is loaded (or failed)

  function showFatal(message) {
    loading.classList.remove('hidden');
    loadingText.textContent = message;
    loadingText.classList.add('error');
    loadingProgress.hidden = true;
  }

  // Copies bytes into the WASM heap; the caller frees the pointer.
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

  function openFile(file) {
    file.arrayBuffer().then(function (buffer) {
      const bytes = new Uint8Array(buffer);
      withCString(file.name, function (namePtr) {
        withString(bytes, function (ptr, len) { Module._glosa_open_file(namePtr, ptr, len); });
      });
    });
  }

  // models/manifest.json (written by the build) lists the models this build ships.
  let manifest = null;
  function modelManifest() {
    if (!manifest) {
      manifest = fetch('models/manifest.json').then(function (r) { return r.ok ? r.json() : { models: {} }; })
        .catch(function () { return { models: {} }; });
    }
    return manifest;
  }

  // Fetches every file of a language (the name lexicon, then the NER model) and hands each
  // to the engine in that order; the model's arrival re-annotates the open document.
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
          });
        }));
      })
      .then(function (buffers) {
        buffers.forEach(function (buffer) {
          const code = withCString(lang, function (langPtr) {
            return withString(new Uint8Array(buffer), function (ptr, len) {
              return Module._glosa_load_model(langPtr, ptr, len);
            });
          });
          if (code !== 0) throw new Error(lastError());
        });
        return true;
      })
      .catch(function (err) {
        withCString(lang, function (langPtr) {
          withCString(String(err.message || err), function (msgPtr) { Module._glosa_model_failed(langPtr, msgPtr); });
        });
        delete modelRequests[lang];
        return false;
      });
    return modelRequests[lang];
  }

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
    glosaDownload: function (name, bytes) {
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/json' }));
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
        withCString('The browser did not allow reading the clipboard: press Ctrl+V (\u2318V) to paste instead',
                    function (p) { Module._glosa_set_message(1, p); });
      };
      if (!navigator.clipboard || !navigator.clipboard.readText) { denied(); return; }
      navigator.clipboard.readText().then(function (text) {
        api.load(text);
      }, denied);
    },
    glosaRequestModel: function (lang) { requestModel(lang); },
    glosaReady: function () {
      loading.classList.add('hidden');
      canvas.focus();
      api.version = Module.UTF8ToString(Module._glosa_version());
      window.glosa = api;
      window.dispatchEvent(new CustomEvent('glosa-ready', { detail: { version: api.version } }));
    },
  };

  // --- window.glosa ---
  const api = {
    version: '',
    // The annotation file object for `text`, without touching the UI.
    annotate: function (text, lang) {
      const result = withCString(lang || 'auto', function (langPtr) {
        return withString(String(text), function (ptr, len) { return Module._glosa_annotate(ptr, len, langPtr); });
      });
      if (!result) throw new Error(lastError());
      return JSON.parse(Module.UTF8ToString(result));
    },
    // Shows `text` in the UI as a paste would. Returns {ok, error}.
    load: function (text) {
      const code = withCString('clipboard', function (src) {
        return withString(String(text), function (ptr, len) { return Module._glosa_load_text(ptr, len, src); });
      });
      return { ok: code === 0, error: code === 0 ? null : lastError() };
    },
    // The current annotation file as a JSON string (what Download saves), or null.
    getDocument: function () {
      const p = Module._glosa_get_document();
      return p ? Module.UTF8ToString(p) : null;
    },
    // Opens an annotation file given as a JSON string. Returns {ok, error}.
    openDocument: function (json) {
      const code = withString(String(json), function (ptr, len) { return Module._glosa_open_document(ptr, len); });
      return { ok: code === 0, error: code === 0 ? null : lastError() };
    },
    // Resolves when the name model for `lang` ("pl", "en") is loaded (true) or failed (false).
    loadModel: function (lang) { return requestModel(lang); },
    hasModel: function (lang) { return withCString(lang, function (p) { return Module._glosa_has_model(p) === 1; }); },
    // For tests and tools: selection, message, hidden labels... of the current view.
    viewState: function () { return JSON.parse(Module.UTF8ToString(Module._glosa_view_state())); },
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
    // For tests: where a named side-panel row was drawn ("group:g1", "quote:q1",
    // "tab:quotes"...; see glosa_item_rect), CSS pixels, or null.
    itemRect: function (name) {
      const p = withCString(String(name), function (ptr) { return Module._glosa_item_rect(ptr); });
      return p ? JSON.parse(Module.UTF8ToString(p)) : null;
    },
  };

  // --- clipboard: the page's paste event carries the text (GLFW has no clipboard) ---
  document.addEventListener('paste', function (event) {
    if (!window.glosa) return;
    const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    event.preventDefault();
    withString(text, function (ptr, len) { Module._glosa_paste(ptr, len); });
  });

  // --- keyboard shortcuts the browser would otherwise take ---
  window.addEventListener('keydown', function (event) {
    if (!window.glosa) return;
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      if (Module._glosa_key_enter()) event.preventDefault();
      return;
    }
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 's') { event.preventDefault(); Module._glosa_save(); }
    if (key === 'o') { event.preventDefault(); Module._glosa_request_open(); }
    if (key === 'z' || key === 'y') {
      if (Module._glosa_undo(key === 'y' || event.shiftKey ? 1 : 0)) event.preventDefault();
    }
  }, true);

  canvas.addEventListener('contextmenu', function (event) { event.preventDefault(); });
  fileInput.addEventListener('change', function () {
    if (fileInput.files && fileInput.files[0]) openFile(fileInput.files[0]);
  });

  // --- drag and drop a file anywhere on the page ---
  window.addEventListener('dragover', function (event) {
    event.preventDefault();
    document.body.classList.add('dragging');
  });
  window.addEventListener('dragleave', function () { document.body.classList.remove('dragging'); });
  window.addEventListener('drop', function (event) {
    event.preventDefault();
    document.body.classList.remove('dragging');
    const files = event.dataTransfer && event.dataTransfer.files;
    if (window.glosa && files && files[0]) openFile(files[0]);
  });

  if (typeof WebAssembly !== 'object') showFatal('This browser cannot run WebAssembly, which Glosa needs.');
})();
