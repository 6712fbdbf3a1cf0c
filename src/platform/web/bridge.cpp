// The JavaScript boundary: functions exported to web/glosa-web.js (window.glosa, paste,
// files, models, the annotation worker, the local store) and the browser services the app
// calls (download, file picker, clipboard, worker jobs, storage). Every export that can fail
// returns an ErrorCode value (0 = ok); glosa_last_error() holds the message. Every export
// that changes the state asks for frames (the loop sleeps while nothing happens).
// Layer: platform/web.
//
// Index: JavaScript services · platform services · exports: text and files · exports: the
// worker and the store · exports: the collection · exports: tests and tools.
#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "app/accessibility.h"
#include "app/commands.h"
#include "app/editing.h"
#include "app/exchange.h"
#include "app/review.h"
#include "engine/core/document_codec.h"
#include "formats/annotation_json.h"
#include "engine/names/lexicon.h"
#include "platform/web/web_app.h"

// --- Section: JavaScript services called from C++ ---

EM_JS(void, glosa_js_download, (const char* name, const char* data, size_t len), {
  Module.glosaDownload(UTF8ToString(name), HEAPU8.slice(data, data + len));
});
EM_JS(void, glosa_js_open_dialog, (), { Module.glosaOpenDialog(); });
EM_JS(void, glosa_js_request_paste, (), { Module.glosaRequestPaste(); });
EM_JS(void, glosa_js_request_model, (const char* lang), { Module.glosaRequestModel(UTF8ToString(lang)); });
EM_JS(void, glosa_js_set_clipboard, (const char* text), { Module.glosaCopy(UTF8ToString(text)); });
EM_JS(void, glosa_js_annotate, (double job, const char* text, size_t len, const char* lang), {
  Module.glosaAnnotate(job, HEAPU8.slice(text, text + len), UTF8ToString(lang));
});
EM_JS(void, glosa_js_cancel, (double job), { Module.glosaCancel(job); });
EM_JS(void, glosa_js_refresh, (double job, const char* bytes, size_t len), {
  Module.glosaRefresh(job, HEAPU8.slice(bytes, bytes + len));
});
EM_JS(void, glosa_js_store, (const char* id, double revision, const char* bytes, size_t len, const char* meta), {
  Module.glosaStore(UTF8ToString(id), revision, HEAPU8.slice(bytes, bytes + len), JSON.parse(UTF8ToString(meta)));
});
EM_JS(double, glosa_js_date_now, (), { return Date.now(); });
EM_JS(void, glosa_js_unstore, (const char* id), { Module.glosaUnstore(UTF8ToString(id)); });
EM_JS(void, glosa_js_clear_store, (), { Module.glosaClearStore(); });
EM_JS(void, glosa_js_export_taught, (const char* lang), { Module.glosaExportTaught(UTF8ToString(lang)); });
EM_JS(void, glosa_js_import_taught, (const char* bytes, size_t len), { Module.glosaImportTaught(HEAPU8.slice(bytes, bytes + len)); });
EM_JS(void, glosa_js_reset_taught, (), { Module.glosaResetTaught(); });
EM_JS(void, glosa_js_share_link, (const char* json, size_t len), { Module.glosaShareLink(HEAPU8.slice(json, json + len)); });
EM_JS(void, glosa_js_state, (const char* key, const char* value_json), {
  Module.glosaState(UTF8ToString(key), JSON.parse(UTF8ToString(value_json)));
});

namespace glosa::web {

namespace {

std::string g_last_error;
std::string g_result;  // storage for strings returned to JS; valid until the next call
std::vector<app::OpenedFile> g_files;  // files of one pick or drop, arriving

int report(const Status& s) {
  g_last_error = s.is_ok() ? "" : s.message();
  return static_cast<int>(s.code());
}

std::string utc_now_iso() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void set_clipboard(void*, const char* text) { glosa_js_set_clipboard(text); }

// A rectangle in device pixels as JSON in CSS pixels of the page (held in g_result).
const char* rect_json(const float r[4]) {
  const float s = web_app().dpr > 0 ? web_app().dpr : 1.0f;  // ImGui works in device pixels
  nlohmann::json j = {{"x0", r[0] / s}, {"y0", r[1] / s}, {"x1", r[2] / s}, {"y1", r[3] / s}};
  g_result = j.dump();
  return g_result.c_str();
}

// What the store keeps beside a document, as JSON for the worker.
std::string store_meta(const app::DocumentSession& s) {
  // "learn": the worker also learns from it (a person corrected it: app/app_state.h).
  nlohmann::json meta = {{"source", s.source_name}, {"imported", s.is_imported}, {"done", s.is_done},
                         {"order", s.created_ms}, {"learn", s.removed_ms == 0 && app::should_learn_from(s)}, {"lang", s.doc.lang},
                         {"cancelled", s.annotation_cancelled}};
  if (s.removed_ms > 0) {  // removed, kept for Bring back (app/app_state.h)
    meta["removed"] = s.removed_ms;
    meta["position"] = s.removed_position;
  }
  return meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The view position of every document, into the store (on leaving the page): the open one's
// selection is the page's, the others' what they had when left.
void store_views() {
  const auto& state = web_app().state;
  for (const auto& s : state.documents) {
    const int selected = s.get() == state.session() ? state.selected_entity : s->selected_entity;
    const nlohmann::json view = {
        {"byte", s->view.byte}, {"offset", s->view.offset}, {"selected", selected}, {"seen", s->view.selection_seen}};
    glosa_js_state(("view:" + s->id).c_str(), view.dump().c_str());
  }
}

}  // namespace

void install_platform_services(WebApp& app) {
  auto& s = app.state.services;
  s.save_file = [](const std::string& name, const std::string& content) {
    glosa_js_download(name.c_str(), content.data(), content.size());
  };
  s.open_file_dialog = [] { glosa_js_open_dialog(); };
  s.request_paste = [] { glosa_js_request_paste(); };
  s.request_model = [](const std::string& lang) { glosa_js_request_model(lang.c_str()); };
  s.now_ms = [] { return emscripten_get_now(); };
  s.wall_ms = [] { return glosa_js_date_now(); };
  s.now_iso = [] { return utc_now_iso(); };
  s.annotate_async = [](uint64_t job, const std::string& text, const AnnotateOptions& options) {
    glosa_js_annotate(static_cast<double>(job), text.data(), text.size(), options.lang.c_str());
  };
  s.cancel_annotation = [](uint64_t job) { glosa_js_cancel(static_cast<double>(job)); };
  s.refresh_async = [](uint64_t job, const Document& doc) {
    const std::string bytes = encode_document(doc);
    glosa_js_refresh(static_cast<double>(job), bytes.data(), bytes.size());
  };
  s.store_document = [](const app::DocumentSession& session) {
    const std::string bytes = encode_document(session.doc);
    glosa_js_store(session.id.c_str(), static_cast<double>(session.revision), bytes.data(), bytes.size(),
                   store_meta(session).c_str());
  };
  s.unstore_document = [](const std::string& id) { glosa_js_unstore(id.c_str()); };
  s.clear_store = [] { glosa_js_clear_store(); };
  s.copy_text = [](const std::string& text) { glosa_js_set_clipboard(text.c_str()); };
  s.export_taught = [](const std::string& lang) { glosa_js_export_taught(lang.c_str()); };
  s.import_taught = [](const std::string& bytes) { glosa_js_import_taught(bytes.data(), bytes.size()); };
  s.reset_taught = [] { glosa_js_reset_taught(); };
  s.share_link = [](const std::string& json) { glosa_js_share_link(json.data(), json.size()); };
  s.store_current = [](const std::string& id) {
    glosa_js_state("current", nlohmann::json(id).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  };
  ImGui::GetIO().SetClipboardTextFn = set_clipboard;
}

}  // namespace glosa::web

using glosa::web::request_frames;
using glosa::web::web_app;

namespace {

// The selected characters of the text field that has the keys (find, the palette, a filter),
// as UTF-8; empty when none is selected. ImGui copies them to GLFW's clipboard, which in the
// browser is its own: the page's copy event, which fires before ImGui's next frame, takes
// them from here (ImGui keeps the field's text as wide characters in its state).
std::string field_selection() {
  const ImGuiInputTextState* field = ImGui::GetInputTextState(ImGui::GetActiveID());
  if (!field || !field->HasSelection()) return std::string();
  const int from = std::min(field->Stb.select_start, field->Stb.select_end);
  const int to = std::max(field->Stb.select_start, field->Stb.select_end);
  if (from < 0 || to > field->TextW.Size) return std::string();
  std::string out(static_cast<size_t>(to - from) * 4 + 1, '\0');
  const int n = ImTextStrToUtf8(out.data(), static_cast<int>(out.size()), field->TextW.Data + from, field->TextW.Data + to);
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace

extern "C" {

// --- Section: text and files ---

EMSCRIPTEN_KEEPALIVE const char* glosa_version() { return glosa::kGlosaVersion; }

EMSCRIPTEN_KEEPALIVE const char* glosa_last_error() { return glosa::web::g_last_error.c_str(); }

// Adds `len` bytes of text as a new document, as a paste would (annotated in the worker).
EMSCRIPTEN_KEEPALIVE int glosa_load_text(const char* bytes, int len, const char* source) {
  request_frames();
  return glosa::web::report(glosa::app::load_text(web_app().state, std::string_view(bytes, len), source));
}

// The page's paste event: into the focused text field if ImGui has one, else a new article.
EMSCRIPTEN_KEEPALIVE int glosa_paste(const char* bytes, int len) {
  request_frames();
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) {
    io.AddInputCharactersUTF8(std::string(bytes, len).c_str());
    return 0;
  }
  return glosa_load_text(bytes, len, "clipboard");
}

// A picked or dropped file: a Glosa file, a .jsonl collection, or text to annotate.
EMSCRIPTEN_KEEPALIVE int glosa_open_file(const char* name, const char* bytes, int len) {
  request_frames();
  return glosa::web::report(glosa::app::open_file(web_app().state, name, std::string_view(bytes, len)));
}

// Files picked or dropped together arrive one by one between begin and end, then open as
// one batch (a brat .ann finds its .txt; a pending comparison takes the first).
EMSCRIPTEN_KEEPALIVE void glosa_begin_files() { glosa::web::g_files.clear(); }

EMSCRIPTEN_KEEPALIVE void glosa_add_file(const char* name, const char* bytes, int len) {
  glosa::web::g_files.push_back({name, std::string(bytes, static_cast<size_t>(len))});
}

EMSCRIPTEN_KEEPALIVE int glosa_end_files() {
  request_frames();
  auto files = std::move(glosa::web::g_files);
  glosa::web::g_files.clear();
  return glosa::web::report(glosa::app::open_files(web_app().state, std::move(files)));
}

// The file picker closed without a file: a comparison waiting for one is called off.
EMSCRIPTEN_KEEPALIVE void glosa_files_cancelled() {
  request_frames();
  auto& state = web_app().state;
  if (!state.comparison.pending) return;
  state.comparison.pending = false;
  glosa::app::set_message(state, glosa::app::MessageKind::Info, "Nothing to compare with: no file was chosen");
}

// The document of a shared link (the page decoded it from the URL's fragment).
EMSCRIPTEN_KEEPALIVE int glosa_open_link(const char* json, int len) {
  request_frames();
  return glosa::web::report(glosa::app::open_shared_document(web_app().state, std::string_view(json, len)));
}

EMSCRIPTEN_KEEPALIVE int glosa_open_document(const char* json, int len) {
  request_frames();
  return glosa::web::report(
      glosa::app::open_document_json(web_app().state, std::string_view(json, len), "document"));
}

// Annotates without touching the UI, on this thread. Returns the annotation file JSON, or
// null on error.
EMSCRIPTEN_KEEPALIVE const char* glosa_annotate(const char* bytes, int len, const char* lang) {
  glosa::AnnotateOptions options;
  options.lang = lang;
  auto result = web_app().engine.annotate(std::string_view(bytes, len), options);
  if (!glosa::web::report(result.status())) {
    result.value().doc.meta.created = glosa::web::utc_now_iso();
    glosa::web::g_result = glosa::write_document(result.value().doc, -1);
    return glosa::web::g_result.c_str();
  }
  return nullptr;
}

// The open document's annotation file (what Download saves), or null when nothing is open.
EMSCRIPTEN_KEEPALIVE const char* glosa_get_document() {
  if (!glosa::app::has_document(web_app().state)) return nullptr;
  glosa::web::g_result = glosa::app::document_json(web_app().state);
  return glosa::web::g_result.c_str();
}

// The page's copy event (Ctrl+C): the text to put on the clipboard (a text field that has
// the keys: its selected characters), or "" to leave the event alone.
EMSCRIPTEN_KEEPALIVE const char* glosa_copy_text() {
  glosa::web::g_result = ImGui::GetIO().WantTextInput ? field_selection() : glosa::app::selection_text(web_app().state);
  return glosa::web::g_result.c_str();
}

// 1 while a text field (find, the palette, a filter) has the keys: the page then leaves
// Space to it (else it keeps Space from scrolling the page, and no space could be typed).
EMSCRIPTEN_KEEPALIVE int glosa_text_field_active() { return ImGui::GetIO().WantTextInput ? 1 : 0; }

// A phone's keyboard (web/glosa-web.js): 1 when a text field was drawn at (x, y), in CSS
// pixels, in the last frame, so that a tap there can show the keyboard at once.
EMSCRIPTEN_KEEPALIVE int glosa_text_field_at(double x, double y) {
  const float s = web_app().dpr > 0 ? web_app().dpr : 1.0f;
  const float px = static_cast<float>(x) * s, py = static_cast<float>(y) * s;
  for (const auto& [name, r] : web_app().ui.item_rects) {
    if (name.rfind("field:", 0) == 0 && px >= r[0] && px <= r[2] && py >= r[1] && py <= r[3]) return 1;
  }
  return 0;
}

// What a phone's keyboard typed, into the text field that has the keys (0: none has them,
// nothing is done; a paste would have made it a new document).
EMSCRIPTEN_KEEPALIVE int glosa_type_text(const char* bytes, int len) {
  ImGuiIO& io = ImGui::GetIO();
  if (!io.WantTextInput) return 0;
  request_frames();
  io.AddInputCharactersUTF8(std::string(bytes, static_cast<size_t>(len)).c_str());
  return 1;
}

// Ctrl+A: the whole document is selected for copying (returns 1), unless a text field has
// the keys (returns 0: the browser's own select-all goes there).
EMSCRIPTEN_KEEPALIVE int glosa_select_all() {
  if (ImGui::GetIO().WantTextInput || !glosa::app::has_document(web_app().state)) return 0;
  request_frames();
  glosa::app::select_all_text(web_app().state);
  return 1;
}

// Ctrl+F: the find bar, its field taking the keyboard. Returns 1 (the page then keeps the
// browser's own find away), 0 without a document.
EMSCRIPTEN_KEEPALIVE int glosa_open_find() {
  if (!glosa::app::has_document(web_app().state)) return 0;
  request_frames();
  glosa::app::open_find(web_app().state);
  return 1;
}

EMSCRIPTEN_KEEPALIVE void glosa_save() {
  request_frames();
  glosa::app::save_document(web_app().state);
}

// Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y): undo or redo a correction. Returns 0 and does nothing while
// a text field has the keyboard (it undoes its own typing), so the page leaves the key alone.
EMSCRIPTEN_KEEPALIVE int glosa_undo(int redo) {
  if (ImGui::GetIO().WantTextInput) return 0;
  request_frames();
  auto& state = web_app().state;
  if (redo) glosa::app::redo(state);
  else glosa::app::undo(state);
  return 1;
}

// Ctrl+O: shows the Open dialog (see draw_open_dialog for why not the picker at once).
EMSCRIPTEN_KEEPALIVE void glosa_request_open() {
  request_frames();
  web_app().state.show_open_dialog = true;
}

// Tab on the canvas: 1 when the app takes it (app::keyboard_takes_tab); 0 when it has nothing
// to move to: the page then lets the browser move the focus out of the canvas, so the
// keyboard is never trapped there.
EMSCRIPTEN_KEEPALIVE int glosa_tab_takes(int shift) {
  return glosa::app::keyboard_takes_tab(web_app().state, shift != 0) ? 1 : 0;
}

// Enter: confirms the Open dialog while the browser is still handling the key press.
// Returns 1 if it did (the page then swallows the key).
EMSCRIPTEN_KEEPALIVE int glosa_key_enter() { return glosa::app::confirm_open_dialog(web_app().state) ? 1 : 0; }

// --- Section: models, the worker and the store ---

// The name lexicon of a language, for corrections on this thread (the worker has its own
// copy). Returns an ErrorCode.
EMSCRIPTEN_KEEPALIVE int glosa_load_lexicon(const char* lang, const uint8_t* data, int len) {
  glosa::Status s = web_app().engine.load_lexicon(data, static_cast<size_t>(len));
  if (!s.is_ok()) {
    glosa::app::set_message(web_app().state, glosa::app::MessageKind::Warning,
                            std::string("The ") + lang + " name lexicon could not be loaded: " + s.message());
  }
  return glosa::web::report(s);
}

// An NER model on this thread: only glosa.annotate (synchronous) needs it here.
EMSCRIPTEN_KEEPALIVE int glosa_load_model_here(const uint8_t* data, int len) {
  return glosa::web::report(web_app().engine.load_model(data, static_cast<size_t>(len)));
}

// The worker has loaded every file of `lang`: documents annotated without it are
// annotated again (keeping what people did).
EMSCRIPTEN_KEEPALIVE void glosa_model_ready(const char* lang) {
  request_frames();
  glosa::app::on_model_loaded(web_app().state, lang);
}

EMSCRIPTEN_KEEPALIVE void glosa_model_failed(const char* lang, const char* message) {
  request_frames();
  auto& app = web_app();
  app.state.loading_model.clear();
  glosa::app::set_message(app.state, glosa::app::MessageKind::Warning,
                          std::string("The ") + lang + " name model is unavailable (" + message +
                              "): only rule entities are shown");
}

// The worker's annotation of job `job`: an encoded document (engine/core/document_codec.h).
EMSCRIPTEN_KEEPALIVE int glosa_on_annotated(double job, const char* bytes, int len, double ms) {
  request_frames();
  auto doc = glosa::decode_document(std::string_view(bytes, static_cast<size_t>(len)));
  if (!doc.is_ok()) {
    glosa::app::on_annotation_failed(web_app().state, static_cast<uint64_t>(job), doc.status().message());
    return glosa::web::report(doc.status());
  }
  glosa::app::on_annotated(web_app().state, static_cast<uint64_t>(job), std::move(doc.value()), ms);
  return 0;
}

// The worker's refresh of job `job` (groups, quotations... of a corrected long text).
EMSCRIPTEN_KEEPALIVE void glosa_on_refreshed(double job, const char* bytes, int len) {
  request_frames();
  auto doc = glosa::decode_document(std::string_view(bytes, static_cast<size_t>(len)));
  if (doc.is_ok()) glosa::app::on_refreshed(web_app().state, static_cast<uint64_t>(job), std::move(doc.value()));
}

EMSCRIPTEN_KEEPALIVE void glosa_on_annotation_failed(double job, const char* message) {
  request_frames();
  glosa::app::on_annotation_failed(web_app().state, static_cast<uint64_t>(job), message);
}

EMSCRIPTEN_KEEPALIVE void glosa_on_annotation_progress(double job, double fraction) {
  request_frames(2);
  glosa::app::on_annotation_progress(web_app().state, static_cast<uint64_t>(job), fraction);
}

EMSCRIPTEN_KEEPALIVE void glosa_on_stored(const char* id, double revision, int ok, const char* error) {
  request_frames(2);
  glosa::app::on_stored(web_app().state, id, static_cast<uint64_t>(revision), ok != 0, error);
}

// A document read back from the store at start-up: its encoded form and what the store kept
// beside it ({"source", "imported", "done", "order", "cancelled", "removed", "position"}, and
// the view {"byte", "offset", "selected", "seen"}).
EMSCRIPTEN_KEEPALIVE int glosa_restore(const char* id, const char* bytes, int len, const char* meta_json) {
  auto doc = glosa::decode_document(std::string_view(bytes, static_cast<size_t>(len)));
  if (!doc.is_ok()) return glosa::web::report(doc.status());
  const auto meta = nlohmann::json::parse(meta_json, nullptr, false);
  const auto get = [&](const char* key, auto fallback) {
    using T = decltype(fallback);
    if (!meta.is_object() || !meta.contains(key)) return fallback;
    const auto& v = meta[key];
    if constexpr (std::is_same_v<T, std::string>) return v.is_string() ? v.get<std::string>() : fallback;
    else if constexpr (std::is_same_v<T, bool>) return v.is_boolean() ? v.get<bool>() : fallback;
    else return v.is_number() ? v.get<T>() : fallback;
  };
  glosa::app::restore_document(web_app().state, std::move(doc.value()), id, get("source", std::string("stored")),
                               get("imported", false), get("done", false), get("order", 0.0),
                               // "scroll" (pixels, before "byte"): as far below the text's top
                               glosa::app::ViewPosition{get("byte", size_t{0}), get("offset", get("scroll", 0.0f)),
                                                        get("seen", false)},
                               get("selected", -1), get("cancelled", false), get("removed", 0.0),
                               get("position", -1));
  return 0;
}

// Start-up restore finished: the document that was open last is opened again.
EMSCRIPTEN_KEEPALIVE void glosa_restore_finished(const char* current_id, int problems) {
  request_frames();
  auto& state = web_app().state;
  const int i = glosa::app::find_document(state, current_id);
  if (i >= 0) glosa::app::select_document(state, i);
  else if (!state.documents.empty()) glosa::app::select_document(state, static_cast<int>(state.documents.size()) - 1);
  if (problems > 0) {
    glosa::app::set_message(state, glosa::app::MessageKind::Error,
                            std::to_string(problems) +
                                " stored document(s) could not be read back; they stay in the browser's storage untouched");
  } else if (!state.documents.empty()) {
    glosa::app::set_message(state, glosa::app::MessageKind::Info,
                            "Welcome back: " + glosa::app::count_of(state.documents.size(), "document", "documents") + " restored from this browser");
  }
}

// Leaving the page: everything changed is stored now, with where the person was.
EMSCRIPTEN_KEEPALIVE void glosa_flush() {
  glosa::app::autosave_tick(web_app().state, 0);
  glosa::web::store_views();
}

// The worker learnt (loaded, forgot) what corrections teach for `lang`: `rows` features.
EMSCRIPTEN_KEEPALIVE void glosa_on_taught(const char* lang, double rows) {
  request_frames(2);
  glosa::app::on_taught(web_app().state, lang, static_cast<size_t>(rows));
}

// "Re-tag with what I taught" (for tests and embedders; the Documents panel has the button).
EMSCRIPTEN_KEEPALIVE int glosa_retag() {
  request_frames();
  return static_cast<int>(glosa::app::retag_with_taught(web_app().state));
}

EMSCRIPTEN_KEEPALIVE void glosa_storage_estimate(double used, double quota) {
  web_app().state.storage_used_bytes = used;
  web_app().state.storage_quota_bytes = quota;
}

// A message for the status bar from the page (kind: 0 info, 1 warning, 2 error).
EMSCRIPTEN_KEEPALIVE void glosa_set_message(int kind, const char* text) {
  request_frames();
  const auto k = kind == 2 ? glosa::app::MessageKind::Error
                 : kind == 1 ? glosa::app::MessageKind::Warning : glosa::app::MessageKind::Info;
  glosa::app::set_message(web_app().state, k, text);
}

EMSCRIPTEN_KEEPALIVE int glosa_has_model(const char* lang) {
  const auto& ready = web_app().state.ready_models;
  return std::find(ready.begin(), ready.end(), lang) != ready.end() ? 1 : 0;
}

// Scrolling from the wheel, a trackpad or a finger, in device pixels (positive: the view
// moves down). Applied to the panel under the pointer in the next frame.
EMSCRIPTEN_KEEPALIVE void glosa_scroll(double dx, double dy) {
  request_frames(2);
  web_app().ui.pending_scroll_x += static_cast<float>(dx);
  web_app().ui.pending_scroll_y += static_cast<float>(dy);
}

// --- Section: commands (app/commands.h) ---

// Ctrl+K: the command palette (the page keeps the key from the browser's search box); not
// over a question or a menu, which have the keys until they are answered or closed.
EMSCRIPTEN_KEEPALIVE void glosa_open_commands() {
  request_frames();
  if (!ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) web_app().ui.show_palette = true;
}

// The commands that can run now, as JSON for the mirror's buttons.
EMSCRIPTEN_KEEPALIVE const char* glosa_commands() {
  glosa::web::g_result = glosa::app::commands_json(web_app().state, web_app().ui);
  return glosa::web::g_result.c_str();
}

// A mirror's button: runs command `id` (`confirmed`: the page asked its question and the
// answer was yes); 0 when it cannot run now (the list moved on).
EMSCRIPTEN_KEEPALIVE int glosa_run_command(const char* id, int confirmed) {
  request_frames();
  return glosa::app::run_command(web_app().state, web_app().ui, id, confirmed != 0) ? 1 : 0;
}

// --- Section: the accessible mirror ---

// The open document's outline for the page's DOM mirror (app/accessibility.h): the window of
// lines from `from_byte`.
EMSCRIPTEN_KEEPALIVE const char* glosa_accessible_outline(double from_byte) {
  glosa::web::g_result = glosa::app::accessible_outline_json(web_app().state, from_byte > 0 ? static_cast<size_t>(from_byte) : 0);
  return glosa::web::g_result.c_str();
}

// Where entity `index` of the open document begins (a byte offset), -1 if there is none: the
// mirror moves its window there when the selection leaves it.
EMSCRIPTEN_KEEPALIVE double glosa_entity_begin(int index) {
  const auto& entities = web_app().state.doc().entities;
  if (index < 0 || index >= static_cast<int>(entities.size())) return -1;
  return static_cast<double>(entities[static_cast<size_t>(index)].begin_byte);
}

// An entity focused in the mirror (a screen reader, the keyboard there): selected on the
// canvas too, and brought into view.
EMSCRIPTEN_KEEPALIVE void glosa_select_entity(int index) {
  request_frames();
  glosa::app::select_for_review(web_app().state, index);
}

// --- Section: the collection ---

// [{id, title, lang, entities, reviewed, status}] in list order.
EMSCRIPTEN_KEEPALIVE const char* glosa_list_documents() {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& d : glosa::app::list_documents(web_app().state)) {
    list.push_back({{"id", d.id}, {"title", d.title}, {"lang", d.lang}, {"entities", d.entities},
                    {"reviewed", d.reviewed}, {"status", glosa::app::document_status_name(d.status)}});
  }
  glosa::web::g_result = list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return glosa::web::g_result.c_str();
}

// The open document's id, "" when none is open.
EMSCRIPTEN_KEEPALIVE const char* glosa_open_document_id() {
  const glosa::app::DocumentSession* open = web_app().state.session();
  return open ? open->id.c_str() : "";
}

// Opens the document with `id`. Returns 1, or 0 when there is none.
EMSCRIPTEN_KEEPALIVE int glosa_select_document(const char* id) {
  request_frames();
  auto& state = web_app().state;
  return glosa::app::select_document(state, glosa::app::find_document(state, id)) ? 1 : 0;
}

// What Export all saves: one Glosa document per line.
EMSCRIPTEN_KEEPALIVE const char* glosa_export_all() {
  glosa::web::g_result = glosa::app::export_all_jsonl(web_app().state);
  return glosa::web::g_result.c_str();
}

// 1 while any document waits for the worker or for the store, or a name model is loading, else 0.
EMSCRIPTEN_KEEPALIVE int glosa_busy() {
  // A name model on its way annotates its language's documents again when it comes.
  if (!web_app().state.loading_model.empty()) return 1;
  for (const auto& s : web_app().state.documents) {
    if (s->is_annotating() || s->refresh_job != 0 || s->revision != s->saved_revision) return 1;
  }
  for (const auto& r : web_app().state.removed) {  // written marked removed (remove_document)
    if (r.session->saving_revision != 0) return 1;
  }
  return 0;
}

// --- Section: tests and tools ---

// Test hook: where entity `index` is drawn, in CSS pixels of the page, as JSON
// {"x0","y0","x1","y1"}, or null when it is not visible in the layout.
EMSCRIPTEN_KEEPALIVE const char* glosa_entity_rect(int index) {
  float r[4];
  if (!glosa::app::entity_screen_rect(web_app().ui, index, r)) return nullptr;
  return glosa::web::rect_json(r);
}

// Test hook: where a named row of the side panel was drawn in the last frame ("label:PER",
// "group:g1", "group-toggle:g1", "group-link:g4", "mention:e3", "entity:e5", "quote:q1",
// "tab:entities", "tab:quotes", "other-entities", "document:<id>"...), in CSS pixels, or null.
EMSCRIPTEN_KEEPALIVE const char* glosa_item_rect(const char* name) {
  float r[4];
  if (!glosa::app::item_screen_rect(web_app().ui, name, r)) return nullptr;
  return glosa::web::rect_json(r);
}

// Test hook: where quotation `index`'s first line is drawn, in CSS pixels, or null.
EMSCRIPTEN_KEEPALIVE const char* glosa_quote_rect(int index) {
  float r[4];
  if (!glosa::app::quote_screen_rect(web_app().ui, index, r)) return nullptr;
  return glosa::web::rect_json(r);
}

// Test hook: a snapshot of the view state as JSON (selection, hidden labels, message...).
EMSCRIPTEN_KEEPALIVE const char* glosa_view_state() {
  const auto& s = web_app().state;
  const auto& ui = web_app().ui;
  const float dpr = web_app().dpr > 0 ? web_app().dpr : 1.0f;
  const glosa::app::DocumentSession* session = s.session();
  nlohmann::json j;
  j["selected"] = s.selected_entity;
  j["selectedId"] = s.selected_entity >= 0 && s.selected_entity < static_cast<int>(s.doc().entities.size())
                        ? s.doc().entities[s.selected_entity].id : "";
  j["selectedQuote"] = s.selected_quote;
  j["cycleGroup"] = s.cycle_group;
  j["cyclePosition"] = s.cycle_position;
  j["activeTab"] = ui.active_tab;
  // The document view's scroll position and visible range, in CSS pixels.
  j["docScrollY"] = ui.doc_scroll_y / dpr;
  j["docScrollMaxY"] = ui.doc_scroll_max_y / dpr;
  j["docViewTop"] = ui.doc_view_top / dpr;
  j["docViewBottom"] = ui.doc_view_bottom / dpr;
  j["docOriginX"] = ui.doc_origin_x / dpr;  // left edge of the text column
  j["lineHeight"] = ui.doc_line_height / dpr;
  j["message"] = s.message;
  j["messageKind"] = s.message_kind == glosa::app::MessageKind::Error     ? "error"
                     : s.message_kind == glosa::app::MessageKind::Warning ? "warning"
                                                                           : "info";
  j["loadingModel"] = s.loading_model;
  j["annotating"] = session && session->is_annotating();
  j["annotateMs"] = session ? session->annotate_ms : 0.0;
  j["source"] = session ? session->source_name : "";
  j["documentId"] = session ? session->id : "";
  j["documents"] = s.documents.size();
  j["current"] = s.current;
  j["storageFailed"] = s.storage_failed;
  j["filename"] = glosa::app::document_filename(s);
  j["hovered"] = ui.hovered_entity;
  j["hoveredQuote"] = ui.hovered_quote_bar;
  // Whether ImGui sees the pointer over the canvas (a finger that lifted should not hover).
  const ImVec2 pointer = ImGui::GetIO().MousePos;
  j["pointerOnCanvas"] = pointer.x >= 0 && pointer.y >= 0;
  j["showDocuments"] = ui.show_documents;
  j["reviewMode"] = s.review_mode;
  const glosa::app::ReviewProgress progress = glosa::app::review_progress(s);
  j["reviewed"] = progress.reviewed;
  j["total"] = progress.total;
  j["menuOpen"] = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
  size_t taught = 0;
  for (const auto& [lang, rows] : s.taught) taught += rows;
  j["taught"] = taught;
  j["compareActive"] = s.comparison.active;
  j["comparePending"] = s.comparison.pending;
  j["compareCurrent"] = s.comparison.current;
  j["compareDisagreements"] = s.comparison.agreement.disagreements.size();
  j["compareF1"] = s.comparison.agreement.f1;
  j["findOpen"] = s.find.open;
  j["palette"] = ui.show_palette ? nlohmann::json(ui.palette_query) : nlohmann::json(nullptr);  // what is typed there
  j["textField"] = ImGui::GetIO().WantTextInput;  // a text field has the keys
  j["findMatches"] = s.find.matches.size();
  j["findCurrent"] = s.find.current;
  nlohmann::json hidden = nlohmann::json::array();
  for (const auto& [name, h] : s.hidden_labels) {
    if (h) hidden.push_back(name);
  }
  j["hiddenLabels"] = hidden;
  glosa::web::g_result = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return glosa::web::g_result.c_str();
}

}  // extern "C"
