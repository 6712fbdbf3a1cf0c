// The engine's side of the annotation worker: functions the worker's JavaScript
// (worker_glue.js) calls to load models, annotate a text, and turn documents into their
// stored JSON and back. Results are left in one buffer that JS copies out before the next
// call. Layer: platform/worker (Emscripten only).
#include <emscripten.h>

#include <cstring>
#include <string>

#include "engine/core/document_codec.h"
#include "engine/engine.h"
#include "engine/names/lexicon.h"
#include "engine/tagger/adaptation.h"
#include "formats/annotation_json.h"

// Progress of the running annotation, posted to the page at once (postMessage does not wait).
EM_JS(void, glosa_worker_js_progress, (double fraction), { Module.glosaProgress(fraction); });

namespace {

glosa::Engine& engine() {
  static glosa::Engine* e = new glosa::Engine();  // lives as long as the worker
  return *e;
}

std::string g_result;      // the last call's output (encoded document or JSON)
std::string g_last_error;  // the last call's error message, "" when it succeeded

int report(const glosa::Status& s) {
  g_last_error = s.is_ok() ? "" : s.message();
  return static_cast<int>(s.code());
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* glosa_worker_result() { return g_result.data(); }
EMSCRIPTEN_KEEPALIVE int glosa_worker_result_size() { return static_cast<int>(g_result.size()); }
EMSCRIPTEN_KEEPALIVE const char* glosa_worker_last_error() { return g_last_error.c_str(); }
EMSCRIPTEN_KEEPALIVE void glosa_worker_release() { std::string().swap(g_result); }

// A model file: the name lexicon (told by its magic) or an NER model. Returns an ErrorCode.
EMSCRIPTEN_KEEPALIVE int glosa_worker_load_model(const uint8_t* data, int len) {
  const bool is_lexicon = len >= 8 && std::memcmp(data, glosa::names::kLexiconMagic, 8) == 0;
  return report(is_lexicon ? engine().load_lexicon(data, static_cast<size_t>(len))
                           : engine().load_model(data, static_cast<size_t>(len)));
}

// Annotates `len` bytes; on success the result buffer holds the encoded document.
EMSCRIPTEN_KEEPALIVE int glosa_worker_annotate(const char* text, int len, const char* lang, const char* created) {
  glosa::AnnotateOptions options;
  options.lang = lang;
  options.progress = [](double f) { glosa_worker_js_progress(f); };
  auto result = engine().annotate(std::string_view(text, static_cast<size_t>(len)), options);
  if (!result.is_ok()) return report(result.status());
  result.value().doc.meta.created = created;
  g_result = glosa::encode_document(result.value().doc);
  return report(glosa::Status::ok());
}

// After a person corrected a long text: groups, quotations and article facts derived again
// from its entities (Engine::refresh_document). On success the result buffer holds the
// encoded document.
EMSCRIPTEN_KEEPALIVE int glosa_worker_refresh(const char* bytes, int len) {
  auto doc = glosa::decode_document(std::string_view(bytes, static_cast<size_t>(len)));
  if (!doc.is_ok()) return report(doc.status());
  engine().refresh_document(doc.value());
  g_result = glosa::encode_document(doc.value());
  return report(glosa::Status::ok());
}

// --- What a person's corrections teach the tagger (engine.h: learn, adaptation files) ---

// Learns from an encoded document a person corrected. The result buffer then holds the
// language's adaptation file (to keep in the store); returns an ErrorCode.
EMSCRIPTEN_KEEPALIVE int glosa_worker_learn(const char* bytes, int len) {
  auto doc = glosa::decode_document(std::string_view(bytes, static_cast<size_t>(len)));
  if (!doc.is_ok()) return report(doc.status());
  auto learnt = engine().learn(doc.value());
  if (!learnt.is_ok()) return report(learnt.status());
  const std::vector<uint8_t> file = engine().save_adaptation(doc.value().lang);
  g_result.assign(file.begin(), file.end());
  return report(glosa::Status::ok());
}

// The adaptation file of `lang` in the result buffer (empty when nothing was learnt).
EMSCRIPTEN_KEEPALIVE void glosa_worker_save_adaptation(const char* lang) {
  const std::vector<uint8_t> file = engine().save_adaptation(lang);
  g_result.assign(file.begin(), file.end());
}

// The language an adaptation file is for, or "" (and the error) when it is not one.
EMSCRIPTEN_KEEPALIVE const char* glosa_worker_adaptation_lang(const uint8_t* data, int len) {
  static std::string lang;
  auto parsed = glosa::ner::Adaptation::parse(data, static_cast<size_t>(len));
  report(parsed.status());
  lang = parsed.is_ok() ? parsed.value().lang() : "";
  return lang.c_str();
}

// Loads an adaptation file (its language's model must be loaded). Returns an ErrorCode.
EMSCRIPTEN_KEEPALIVE int glosa_worker_load_adaptation(const uint8_t* data, int len) {
  return report(engine().load_adaptation(data, static_cast<size_t>(len)));
}

// Adds an adaptation file to the one in use (a colleague's file: Engine::add_adaptation).
// Returns an ErrorCode; glosa_worker_add_replaced() then says whether the file took the
// place of an older copy of itself.
namespace {
bool g_add_replaced = false;
}
EMSCRIPTEN_KEEPALIVE int glosa_worker_add_adaptation(const uint8_t* data, int len) {
  return report(engine().add_adaptation(data, static_cast<size_t>(len), &g_add_replaced));
}
EMSCRIPTEN_KEEPALIVE int glosa_worker_add_replaced() { return g_add_replaced ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE void glosa_worker_reset_adaptation(const char* lang) { engine().reset_adaptation(lang); }

EMSCRIPTEN_KEEPALIVE int glosa_worker_adaptation_rows(const char* lang) {
  return static_cast<int>(engine().adaptation_rows(lang));
}

// A stored Glosa JSON file to the page's binary form (validated like any file).
EMSCRIPTEN_KEEPALIVE int glosa_worker_encode_json(const char* json, int len) {
  auto doc = glosa::read_document(std::string_view(json, static_cast<size_t>(len)));
  if (!doc.is_ok()) return report(doc.status());
  g_result = glosa::encode_document(doc.value());
  return report(glosa::Status::ok());
}

// The page's binary form to the JSON that is stored (one compact line, as Export all).
EMSCRIPTEN_KEEPALIVE int glosa_worker_json_of(const char* bytes, int len) {
  auto doc = glosa::decode_document(std::string_view(bytes, static_cast<size_t>(len)));
  if (!doc.is_ok()) return report(doc.status());
  g_result = glosa::write_document(doc.value(), -1);
  return report(glosa::Status::ok());
}

}  // extern "C"

int main() { return 0; }
