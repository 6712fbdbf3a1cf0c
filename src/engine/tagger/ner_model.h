// The statistical name tagger as one pipeline stage: a model loaded from bytes that tags
// tokens with PER/ORG/LOC/... spans. Layer: engine/tagger.
// The trainer (src/train) writes the files this class reads; see assets/models/README.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/document.h"
#include "engine/core/error.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/tokenizer.h"

namespace glosa {

class NerModel {
 public:
  NerModel();
  ~NerModel();
  NerModel(NerModel&&) noexcept;
  NerModel& operator=(NerModel&&) noexcept;

  // Parses a model file held in memory (the browser has no paths). Checks magic, format
  // version and checksum; a corrupt or truncated buffer returns BadModel/BadModelVersion,
  // never crashes. The bytes are copied: the caller may free them afterwards.
  static Result<std::shared_ptr<const NerModel>> load(const uint8_t* data, size_t size);

  const std::string& lang() const;  // "pl" or "en"
  const std::string& name() const;  // e.g. "ner-pl v1", shown in provenance

  // Tags one document. Appends entities with origin Model, byte spans into `text`, a label
  // from default_labels(), and a confidence in 0..1. Deterministic.
  void tag(std::string_view text, const std::vector<Token>& tokens,
           const std::vector<Sentence>& sentences, std::vector<Entity>* out) const;

  // For tests and debugging: the emission scores (tag scores before decoding, n_tokens * T,
  // in the order of the tagging units) that tag() decodes, from its fast path, or with
  // `reference` from the trainer's per-token feature_hashes path. The two are equal.
  std::vector<float> emission_scores(std::string_view text, const std::vector<Token>& tokens,
                                     const std::vector<Sentence>& sentences, bool reference) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace glosa
