// Shared by the libFuzzer targets: the shipped models, read once from the source tree, and a
// check that stops the run (a finding) when an invariant fails. Layer: tests (native only).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "engine/engine.h"
#include "engine/names/lexicon.h"

namespace glosa::fuzz {

inline std::string read_asset(const std::string& rel) {
  std::ifstream in(std::string(GLOSA_SOURCE_DIR) + "/" + rel, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A failed invariant is a finding: print it and abort, so libFuzzer saves the input.
inline void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant failed: %s\n", what);
  std::abort();
}

// An engine with both languages' NER models and the name lexicon of assets/models.
inline const Engine& engine_with_models() {
  static const Engine* engine = [] {
    auto* e = new Engine();
    for (const char* file : {"assets/models/ner-pl.bin", "assets/models/ner-en.bin", "assets/models/names-pl.bin"}) {
      const std::string b = read_asset(file);
      const auto* data = reinterpret_cast<const uint8_t*>(b.data());
      const bool lexicon = b.compare(0, 8, std::string(names::kLexiconMagic, 8)) == 0;
      const Status s = lexicon ? e->load_lexicon(data, b.size()) : e->load_model(data, b.size());
      require(s.is_ok(), file);
    }
    return e;
  }();
  return *engine;
}

}  // namespace glosa::fuzz
