// libFuzzer target: the NER model, name lexicon and adaptation loaders (NerModel::load,
// Lexicon::load, Engine::load_adaptation). A flipped byte or a truncated file must be
// refused, never read out of bounds; a file the loader accepts must tag and look up without
// a crash. Modes (first byte; bit 3 set: an adaptation file, for the shipped ner-en.bin,
// whose base is one learnt here from a relabelled name, network deltas included):
//   0, 1: the input is a NER model / lexicon payload; the harness wraps it in a valid header
//         with the right size and checksum, so the payload parser itself is exercised;
//   2, 3: the shipped ner-en.bin / names-pl.bin with edits from the input: (u32 offset, u8
//         xor) records, then a truncation; its checksum is recomputed when bit 2 is set
//         (else the checksum must catch the edit).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <vector>

#include "engine/names/lexicon.h"
#include "engine/tagger/adaptation.h"
#include "engine/tagger/binary_io.h"
#include "engine/tagger/features.h"
#include "engine/tagger/model_file.h"
#include "engine/tagger/ner_model.h"
#include "fuzz_support.h"

namespace {

constexpr size_t kModelHeader = 8 + 4 + 4 + 8 + 8;
constexpr size_t kLexiconHeader = 8 + 4 + 8 + 8;

void put_u32(std::vector<uint8_t>& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void put_u64(std::vector<uint8_t>& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}
uint64_t checksum(const uint8_t* p, size_t n) {
  return glosa::ner::fnv1a64(std::string_view(reinterpret_cast<const char*>(p), n));
}
// Rewrites the size and checksum fields of a file whose header is `header` bytes long.
void fix_header(std::vector<uint8_t>& file, size_t header) {
  if (file.size() < header) return;
  const size_t at = header - 16;
  const uint64_t size = file.size() - header, sum = checksum(file.data() + header, file.size() - header);
  for (int i = 0; i < 8; ++i) file[at + i] = static_cast<uint8_t>(size >> (8 * i));
  for (int i = 0; i < 8; ++i) file[at + 8 + i] = static_cast<uint8_t>(sum >> (8 * i));
}

// `payload` behind a header of `magic` (8 bytes) and `versions`, with the header's size and
// checksum fields (the last 16 of its `header` bytes) made right for it.
std::vector<uint8_t> wrapped(const char* magic, std::initializer_list<uint32_t> versions, const uint8_t* payload,
                             size_t n, size_t header) {
  std::vector<uint8_t> file(magic, magic + 8);
  for (uint32_t v : versions) put_u32(file, v);
  put_u64(file, 0);
  put_u64(file, 0);
  file.insert(file.end(), payload, payload + n);
  fix_header(file, header);
  return file;
}

// Applies the input's (u32 offset, u8 xor) edit records to `file`, at most 16; returns the
// input bytes they took.
size_t apply_edits(std::vector<uint8_t>& file, const uint8_t* rest, size_t n) {
  size_t k = 0;
  for (; k + 5 <= n && k < 5 * 16; k += 5) {
    uint32_t offset = 0;
    std::memcpy(&offset, rest + k, 4);
    file[offset % file.size()] ^= rest[k + 4] ? rest[k + 4] : 1;
  }
  return k;
}

// Loads `file` as a model or lexicon; what loads must work.
void load(const std::vector<uint8_t>& file, bool is_lexicon) {
  if (is_lexicon) {
    auto lex = glosa::names::Lexicon::load(file.data(), file.size());
    if (!lex.is_ok()) {
      glosa::fuzz::require(!lex.status().message().empty(), "a refused lexicon has a message");
      return;
    }
    glosa::Engine engine;
    glosa::fuzz::require(engine.load_lexicon(file.data(), file.size()).is_ok(), "the engine loads it too");
    glosa::AnnotateOptions pl;
    pl.lang = "pl";
    (void)engine.annotate("Prezydent Jan Kowalski spotkał się w Warszawie z Anną Nowak z Krakowa.", pl);
    return;
  }
  glosa::Engine engine;
  const glosa::Status s = engine.load_model(file.data(), file.size());
  if (!s.is_ok()) {
    glosa::fuzz::require(!s.message().empty(), "a refused model has a message");
    return;
  }
  for (const char* lang : {"pl", "en"}) {
    glosa::AnnotateOptions o;
    o.lang = lang;
    (void)engine.annotate("John Smith met Anna Nowak in Warsaw. „Tak” – powiedział Jan Kowalski z PKO BP.", o);
  }
}

constexpr size_t kAdaptationHeader = 8 + 4 + 4 + 8 + 8;
constexpr const char* kEnglish = "Zorblax Quantix said on Monday that Zorblax Quantix would hire in Leeds.";

// An engine with the shipped English model; each adaptation is loaded into it and reset.
glosa::Engine& english_engine() {
  static glosa::Engine* engine = [] {
    auto* e = new glosa::Engine();
    const std::string model = glosa::fuzz::read_asset("assets/models/ner-en.bin");
    glosa::fuzz::require(e->load_model(reinterpret_cast<const uint8_t*>(model.data()), model.size()).is_ok(),
                         "the shipped model loads");
    return e;
  }();
  return *engine;
}

// A real adaptation file: "Zorblax Quantix" relabelled LOC where the model said something else.
const std::vector<uint8_t>& learnt_adaptation() {
  static const std::vector<uint8_t> bytes = [] {
    glosa::Engine& engine = english_engine();
    glosa::AnnotateOptions o;
    o.lang = "en";
    auto annotated = engine.annotate(kEnglish, o);
    glosa::fuzz::require(annotated.is_ok(), "the text annotates");
    glosa::Document doc = annotated.value().doc;
    doc.entities.clear();
    const std::string name = "Zorblax Quantix";
    for (size_t p = doc.text.find(name); p != std::string::npos; p = doc.text.find(name, p + 1)) {
      glosa::Entity e;
      e.begin_byte = p;
      e.end_byte = p + name.size();
      e.label = "LOC";
      e.origin = glosa::Origin::Person;
      e.status = glosa::ReviewStatus::Accepted;
      doc.entities.push_back(e);
    }
    glosa::sort_and_number_entities(doc);
    glosa::fuzz::require(engine.learn(doc).is_ok(), "the relabel is learnt");
    std::vector<uint8_t> out = engine.save_adaptation("en");
    engine.reset_adaptation("en");
    return out;
  }();
  return bytes;
}

// Loads `file` as an adaptation of the English model; what loads must tag and save.
void load_adaptation(const std::vector<uint8_t>& file) {
  glosa::Engine& engine = english_engine();
  const glosa::Status s = engine.load_adaptation(file.data(), file.size());
  if (!s.is_ok()) {
    glosa::fuzz::require(!s.message().empty(), "a refused adaptation has a message");
    glosa::fuzz::require(engine.adaptation_rows("en") == 0, "a refused adaptation leaves none in use");
    return;
  }
  // Added to itself (how a colleague's file joins one's own), it still tags and saves.
  const glosa::Status added = engine.add_adaptation(file.data(), file.size());
  glosa::fuzz::require(added.is_ok() || !added.message().empty(), "a refused addition has a message");
  glosa::AnnotateOptions o;
  o.lang = "en";
  (void)engine.annotate(kEnglish, o);
  glosa::fuzz::require(!engine.save_adaptation("en").empty(), "a loaded adaptation saves");
  engine.reset_adaptation("en");
}

const std::vector<uint8_t>& shipped(bool is_lexicon) {
  static const std::string model = glosa::fuzz::read_asset("assets/models/ner-en.bin");
  static const std::string lexicon = glosa::fuzz::read_asset("assets/models/names-pl.bin");
  static const std::vector<uint8_t> m(model.begin(), model.end()), l(lexicon.begin(), lexicon.end());
  return is_lexicon ? l : m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  const bool is_lexicon = (mode & 1) != 0;
  const uint8_t* rest = data + 1;
  const size_t n = size - 1;
  std::vector<uint8_t> file;
  if (mode & 8) {
    // An adaptation: a payload in a valid header, or edits of a learnt file.
    if ((mode & 2) == 0) {
      load_adaptation(wrapped(glosa::ner::kAdaptationMagic,
                              {glosa::ner::kAdaptationFormatVersion, glosa::ner::kFeatureVersion}, rest, n,
                              kAdaptationHeader));
      return 0;
    }
    file = learnt_adaptation();
    apply_edits(file, rest, n);
    fix_header(file, kAdaptationHeader);
    load_adaptation(file);
    return 0;
  }
  if ((mode & 2) == 0) {
    // A payload in a valid header.
    if (is_lexicon) {
      file = wrapped(glosa::names::kLexiconMagic, {glosa::names::kLexiconFormatVersion}, rest, n, kLexiconHeader);
    } else {
      file = wrapped(glosa::ner::kModelMagic, {glosa::ner::kModelFormatVersion, glosa::ner::kFeatureVersion}, rest,
                     n, kModelHeader);
    }
    load(file, is_lexicon);
    return 0;
  }
  // Edits of the shipped file.
  file = shipped(is_lexicon);
  const size_t k = apply_edits(file, rest, n);
  if (k + 4 <= n) {  // a truncation
    uint32_t keep = 0;
    std::memcpy(&keep, rest + k, 4);
    file.resize(keep % (file.size() + 1));
  }
  if (mode & 4) fix_header(file, is_lexicon ? kLexiconHeader : kModelHeader);
  const bool changed = file != shipped(is_lexicon);
  if (!(mode & 4) && changed && file.size() >= 8) {
    // Without the checksum fixed, no edit may get through.
    if (is_lexicon) {
      glosa::fuzz::require(!glosa::names::Lexicon::load(file.data(), file.size()).is_ok(),
                           "an edited lexicon is refused");
    } else {
      glosa::fuzz::require(!glosa::NerModel::load(file.data(), file.size()).is_ok(), "an edited model is refused");
    }
    return 0;
  }
  load(file, is_lexicon);
  return 0;
}
