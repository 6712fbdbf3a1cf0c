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

namespace ner { class Adaptation; }

// A span a person reviewed, as evidence for NerModel::learn (see Engine::learn): a byte span
// into the text, one of the model's labels, and whether the span is right as labelled
// (accepted, relabelled, tagged by the person) or was rejected (not a name).
struct NameEvidence {
  size_t begin_byte = 0;
  size_t end_byte = 0;
  std::string label;
  bool positive = true;
};

// How NerModel::learn steps (passive-aggressive updates of the adaptation's deltas).
struct LearnOptions {
  // Defaults measured with `glosa-cli eval --adapt-first` (assets/models/README.md): larger
  // steps help more where a corpus's conventions differ (BSNLP after NKJP) and hurt more
  // where labels depend on context (NKJP after NKJP); these are the cautious end.
  int max_steps_per_unit = 3;  // updates of one tagging unit per call, at most
  float margin = 1.0f;         // wanted score margin per wrong token, in units of the model's
                               // largest weight (ModelData::weight_scale * 127)
  float max_step = 0.5f;       // cap of one update per feature and tag, in the same units
  // The window network learns from relabelled names (learn_net in ner_model.cpp): the rate
  // of its gradient steps (0: it does not learn), how many per token, and the probability
  // of the person's tag at which they stop.
  float net_rate = 0.02f;
  int net_steps = 3;
  float net_target = 0.5f;
};

// What one learn() call did.
struct LearnSummary {
  size_t evidence = 0;        // spans used (labels outside the tag set are left out)
  size_t units = 0;           // tagging units that hold evidence
  size_t units_wrong = 0;     // ... of which the model got wrong before learning
  size_t units_fixed = 0;     // ... and decodes consistently with the evidence afterwards
  size_t steps = 0;           // updates made
  size_t net_steps = 0;       // ... of the window network
  bool row_limit_reached = false;  // kMaxAdaptationRows kept some new features out
};

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

  // The tagger keeps, per thread, what it computed for each word form of earlier documents
  // (most words of an article were in the one before). This forgets it, so that a benchmark's
  // repeats of one text each measure new text.
  static void forget_kept_forms();

  const std::string& lang() const;  // "pl" or "en"
  const std::string& name() const;  // e.g. "ner-pl v1", shown in provenance

  // Tags one document. Appends entities with origin Model, byte spans into `text`, a label
  // from default_labels(), and a confidence in 0..1. Deterministic. With an adaptation (made
  // for this model: fits()), its deltas are added to the emission scores.
  void tag(std::string_view text, const std::vector<Token>& tokens,
           const std::vector<Sentence>& sentences, std::vector<Entity>* out,
           const ner::Adaptation* adaptation = nullptr) const;

  // An empty adaptation for this model (its language, name and tags), and whether an
  // adaptation was made for a model with this language and tag set.
  ner::Adaptation new_adaptation() const;
  bool fits(const ner::Adaptation& adaptation) const;
  // True when the adaptation's window-network deltas were learnt for this model's network
  // (or it has none). Deltas of another network are not applied by tag(), and learn() drops
  // them; Engine drops them when it loads a model or an adaptation file.
  bool network_fits(const ner::Adaptation& adaptation) const;

  // Online learning from one reviewed document (`adaptation` must fit()). For each tagging
  // unit that holds evidence: decodes it with base + deltas, and, where the best path
  // disagrees with the evidence, moves the deltas of the wrong tokens' adaptable features
  // (features.h) toward the best path that agrees with it, by the smallest step that makes it
  // win by options.margin per wrong token (capped at options.max_step); repeats up to
  // options.max_steps_per_unit times. Tokens inside a positive span must carry its label
  // (B- first, I- after); the token after it may not continue it; tokens of a rejected span
  // must be O; all other tokens are free (no evidence). Deterministic: units in text order.
  LearnSummary learn(std::string_view text, const std::vector<Token>& tokens,
                     const std::vector<Sentence>& sentences,
                     const std::vector<NameEvidence>& evidence, ner::Adaptation* adaptation,
                     const LearnOptions& options = {}) const;

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
