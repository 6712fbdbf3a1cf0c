// libFuzzer target: the app's open and paste paths on a headless AppState (no ImGui frame):
// load_text (a paste), open_file (a dropped .txt, .glosa.json or .zip) and the document index
// the panels read. The first byte picks the path; a refused input must leave the open document
// exactly as it was (a .zip's files open one by one: those that can, do).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "app/app_state.h"
#include "app/document_index.h"
#include "formats/annotation_json.h"
#include "formats/zip.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The engine is shared, read-only; each input gets a fresh state with a document open.
  glosa::Engine& engine = const_cast<glosa::Engine&>(glosa::fuzz::engine_with_models());
  glosa::app::AppState state;
  state.engine = &engine;
  state.services.now_ms = [] { return 0.0; };
  glosa::fuzz::require(glosa::app::load_text(state, "Jan Kowalski zapłacił 5 zł.", "start").is_ok(), "start text");
  const std::string before = glosa::write_document(state.doc(), -1);
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  glosa::Status s;
  switch (data[0] % 3) {
    case 0: s = glosa::app::load_text(state, bytes, "clipboard"); break;
    case 1: s = glosa::app::open_file(state, "artykul.txt", bytes); break;
    default: s = glosa::app::open_file(state, "plik.glosa.json", bytes); break;
  }
  if (!s.is_ok()) {
    const bool archive = data[0] % 3 != 0 && glosa::looks_like_zip(bytes);
    if (!archive) glosa::fuzz::require(glosa::write_document(state.doc(), -1) == before, "a refused input changes nothing");
    glosa::fuzz::require(!state.message.empty(), "a refused input has a message");
    return 0;
  }
  const glosa::app::DocumentIndex index = glosa::app::build_document_index(state.doc());
  glosa::fuzz::require(index.quote_depth.size() == state.doc().quotes.size(), "one depth per quotation");
  for (size_t q = 0; q < state.doc().quotes.size(); ++q) {
    (void)glosa::app::speaker_display_name(state.doc(), index, static_cast<int>(q));
  }
  return 0;
}
