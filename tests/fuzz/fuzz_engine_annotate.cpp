// libFuzzer target: Engine::annotate with the shipped Polish and English models and the name
// lexicon. The first byte picks the language option (auto, pl, en, other); the rest is the
// pasted text. The result must be sorted, in bounds and on character boundaries, and a
// person's correction (refresh_document) must not break it either.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/text/utf8.h"
#include "fuzz_support.h"

namespace {

bool on_boundary(const std::string& text, size_t byte) {
  return byte == text.size() || (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80);
}

void check(const glosa::Document& doc) {
  using glosa::fuzz::require;
  require(glosa::is_valid_utf8(doc.text), "the document text is valid UTF-8");
  size_t prev_begin = 0, prev_end = 0;
  for (const glosa::Entity& e : doc.entities) {
    require(e.begin_byte < e.end_byte && e.end_byte <= doc.text.size(), "entity span inside the text");
    require(on_boundary(doc.text, e.begin_byte) && on_boundary(doc.text, e.end_byte), "entity on characters");
    require(e.begin_byte > prev_begin || (e.begin_byte == prev_begin && e.end_byte >= prev_end) || prev_end == 0,
            "entities sorted");
    require(e.begin_byte >= prev_end, "entities do not overlap");
    prev_begin = e.begin_byte;
    prev_end = e.end_byte;
  }
  for (const glosa::Quotation& q : doc.quotes) {
    require(q.begin_byte < q.end_byte && q.end_byte <= doc.text.size(), "quotation span inside the text");
    require(q.speaker_begin_byte <= q.speaker_end_byte && q.speaker_end_byte <= doc.text.size(),
            "speaker words inside the text");
    require(q.cue_begin_byte <= q.cue_end_byte && q.cue_end_byte <= doc.text.size(), "cue inside the text");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* kLangs[] = {"auto", "pl", "en", "other"};
  glosa::AnnotateOptions options;
  options.lang = kLangs[data[0] % 4];
  options.use_model = (data[0] & 4) == 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const glosa::Engine& engine = glosa::fuzz::engine_with_models();
  auto result = engine.annotate(text, options);
  if (!result.is_ok()) return 0;
  glosa::Document doc = std::move(result.value().doc);
  check(doc);
  // A person removes every other entity and marks the rest accepted: derived data again.
  if (data[0] & 8) {
    std::vector<glosa::Entity> kept;
    for (size_t i = 0; i < doc.entities.size(); i += 2) kept.push_back(doc.entities[i]);
    doc.entities = std::move(kept);
    engine.refresh_document(doc);
    check(doc);
  }
  return 0;
}
