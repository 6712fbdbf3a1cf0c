// The JavaScript boundary: functions exported to web/glosa-web.js (window.glosa, paste,
// files, models) and the browser services the app calls (download, file picker, clipboard).
// Every export returns an ErrorCode value (0 = ok); glosa_last_error() holds the message.
// Layer: platform/web.
#include <emscripten.h>
#include <imgui.h>

#include <cstring>
#include <ctime>
#include <string>

#include "app/editing.h"
#include "engine/io/annotation_json.h"
#include "engine/names/lexicon.h"
#include "platform/web/web_app.h"

// --- Section: JavaScript services called from C++ ---

EM_JS(void, glosa_js_download, (const char* name, const char* data, size_t len), {
  Module.glosaDownload(UTF8ToString(name), HEAPU8.slice(data, data + len));
});
EM_JS(void, glosa_js_open_dialog, (), { Module.glosaOpenDialog(); });
EM_JS(void, glosa_js_request_paste, (), { Module.glosaRequestPaste(); });
EM_JS(void, glosa_js_request_model, (const char* lang), { Module.glosaRequestModel(UTF8ToString(lang)); });
EM_JS(void, glosa_js_set_clipboard, (const char* text), {
  if (navigator.clipboard) navigator.clipboard.writeText(UTF8ToString(text)).catch(function() {});
});

namespace glosa::web {

namespace {

std::string g_last_error;
std::string g_result;  // storage for strings returned to JS; valid until the next call

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
  s.now_iso = [] { return utc_now_iso(); };
  ImGui::GetIO().SetClipboardTextFn = set_clipboard;
}

}  // namespace glosa::web

using glosa::web::web_app;

// --- Section: functions exported to JavaScript ---

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* glosa_version() { return glosa::kGlosaVersion; }

EMSCRIPTEN_KEEPALIVE const char* glosa_last_error() { return glosa::web::g_last_error.c_str(); }

// Shows `len` bytes of text in the UI as a paste would (annotated at once).
EMSCRIPTEN_KEEPALIVE int glosa_load_text(const char* bytes, int len, const char* source) {
  return glosa::web::report(glosa::app::load_text(web_app().state, std::string_view(bytes, len), source));
}

// The page's paste event: into the focused text field if ImGui has one, else a new article.
EMSCRIPTEN_KEEPALIVE int glosa_paste(const char* bytes, int len) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) {
    io.AddInputCharactersUTF8(std::string(bytes, len).c_str());
    return 0;
  }
  return glosa_load_text(bytes, len, "clipboard");
}

// A picked or dropped file: .json is opened as a Glosa file, anything else annotated.
EMSCRIPTEN_KEEPALIVE int glosa_open_file(const char* name, const char* bytes, int len) {
  return glosa::web::report(glosa::app::open_file(web_app().state, name, std::string_view(bytes, len)));
}

EMSCRIPTEN_KEEPALIVE int glosa_open_document(const char* json, int len) {
  return glosa::web::report(
      glosa::app::open_document_json(web_app().state, std::string_view(json, len), "document"));
}

// Annotates without touching the UI. Returns the annotation file JSON, or null on error.
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

EMSCRIPTEN_KEEPALIVE void glosa_save() { glosa::app::save_document(web_app().state); }

// Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y): undo or redo a correction. Returns 0 and does nothing while
// a text field has the keyboard (it undoes its own typing), so the page leaves the key alone.
EMSCRIPTEN_KEEPALIVE int glosa_undo(int redo) {
  if (ImGui::GetIO().WantTextInput) return 0;
  auto& state = web_app().state;
  if (redo) glosa::app::redo(state);
  else glosa::app::undo(state);
  return 1;
}

// Ctrl+O: shows the Open dialog (see draw_open_dialog for why not the picker at once).
EMSCRIPTEN_KEEPALIVE void glosa_request_open() { web_app().state.show_open_dialog = true; }

// Enter: confirms the Open dialog while the browser is still handling the key press.
// Returns 1 if it did (the page then swallows the key).
EMSCRIPTEN_KEEPALIVE int glosa_key_enter() { return glosa::app::confirm_open_dialog(web_app().state) ? 1 : 0; }

// A file of a language's models: the name lexicon (told by its magic) or the NER model.
// Only the NER model's arrival re-annotates the open document, so the page loads it last.
EMSCRIPTEN_KEEPALIVE int glosa_load_model(const char* lang, const uint8_t* data, int len) {
  auto& app = web_app();
  const bool is_lexicon = len >= 8 && std::memcmp(data, glosa::names::kLexiconMagic, 8) == 0;
  if (is_lexicon) {
    glosa::Status s = app.engine.load_lexicon(data, static_cast<size_t>(len));
    if (!s.is_ok()) {
      glosa::app::set_message(app.state, glosa::app::MessageKind::Warning,
                              std::string("The ") + lang + " name lexicon could not be loaded: " + s.message());
    }
    return glosa::web::report(s);
  }
  glosa::Status s = app.engine.load_model(data, static_cast<size_t>(len));
  if (!s.is_ok()) {
    app.state.loading_model.clear();
    glosa::app::set_message(app.state, glosa::app::MessageKind::Warning,
                            std::string("The ") + lang + " name model could not be loaded: " + s.message());
    return glosa::web::report(s);
  }
  glosa::app::on_model_loaded(app.state, lang);
  return glosa::web::report(s);
}

EMSCRIPTEN_KEEPALIVE void glosa_model_failed(const char* lang, const char* message) {
  auto& app = web_app();
  app.state.loading_model.clear();
  glosa::app::set_message(app.state, glosa::app::MessageKind::Warning,
                          std::string("The ") + lang + " name model is unavailable (" + message +
                              "): only rule entities are shown");
}

// A message for the status bar from the page (kind: 0 info, 1 warning, 2 error).
EMSCRIPTEN_KEEPALIVE void glosa_set_message(int kind, const char* text) {
  const auto k = kind == 2 ? glosa::app::MessageKind::Error
                 : kind == 1 ? glosa::app::MessageKind::Warning : glosa::app::MessageKind::Info;
  glosa::app::set_message(web_app().state, k, text);
}

EMSCRIPTEN_KEEPALIVE int glosa_has_model(const char* lang) { return web_app().engine.has_model(lang) ? 1 : 0; }

// Test hook: where entity `index` is drawn, in CSS pixels of the page, as JSON
// {"x0","y0","x1","y1"}, or null when it is not visible in the layout.
EMSCRIPTEN_KEEPALIVE const char* glosa_entity_rect(int index) {
  float r[4];
  if (!glosa::app::entity_screen_rect(web_app().ui, index, r)) return nullptr;
  const float s = web_app().dpr > 0 ? web_app().dpr : 1.0f;  // ImGui works in device pixels
  nlohmann::json j = {{"x0", r[0] / s}, {"y0", r[1] / s}, {"x1", r[2] / s}, {"y1", r[3] / s}};
  glosa::web::g_result = j.dump();
  return glosa::web::g_result.c_str();
}

// Test hook: where a named row of the side panel was drawn in the last frame ("label:PER",
// "group:g1", "group-toggle:g1", "group-link:g4", "mention:e3", "entity:e5", "quote:q1",
// "tab:entities", "tab:quotes", "other-entities"), in CSS pixels, or null when not drawn.
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
  nlohmann::json j;
  j["selected"] = s.selected_entity;
  j["selectedId"] = s.selected_entity >= 0 && s.selected_entity < static_cast<int>(s.doc.entities.size())
                        ? s.doc.entities[s.selected_entity].id : "";
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
  j["message"] = s.message;
  j["messageKind"] = s.message_kind == glosa::app::MessageKind::Error     ? "error"
                     : s.message_kind == glosa::app::MessageKind::Warning ? "warning"
                                                                           : "info";
  j["loadingModel"] = s.loading_model;
  j["annotateMs"] = s.annotate_ms;
  j["source"] = s.source_name;
  j["filename"] = glosa::app::document_filename(s);
  j["hovered"] = ui.hovered_entity;
  j["hoveredQuote"] = ui.hovered_quote_bar;
  nlohmann::json hidden = nlohmann::json::array();
  for (const auto& [name, h] : s.hidden_labels) {
    if (h) hidden.push_back(name);
  }
  j["hiddenLabels"] = hidden;
  glosa::web::g_result = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return glosa::web::g_result.c_str();
}

}  // extern "C"
