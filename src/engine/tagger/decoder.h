// First-order sequence decoding for the name tagger: BIO constraints, Viterbi, and token
// marginals by forward-backward (for confidences). Layer: engine/tagger.
// Scores are laid out row-major: emit[t * T + j] is the score of tag j at token t.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace glosa::ner {

// Which transitions BIO allows: allowed[prev * T + next]; an "I-X" tag may only follow "B-X"
// or "I-X". start_allowed[j] is false for "I-" tags. Tags are "O", "B-<cls>", "I-<cls>".
struct BioConstraints {
  std::vector<uint8_t> allowed;
  std::vector<uint8_t> start_allowed;
  std::vector<std::vector<int>> preds;  // preds[next]: allowed previous tags, ascending
};
BioConstraints bio_constraints(const std::vector<std::string>& tags);

// Best tag sequence for n tokens under the constraints. Writes n tag indices to *path
// (nothing for n == 0). Ties go to the lower tag index, so the result is deterministic.
void viterbi(const float* emit, size_t n, size_t T, const float* start, const float* transition,
             const BioConstraints& bio, std::vector<int>* path);

// Transition potentials for token_marginals, computed once per model: exp((score - max) / temp).
struct MarginalTables {
  size_t T = 0;
  float inv_temperature = 1.0f;
  std::vector<float> E;   // T * T, [prev * T + next], 0 where BIO forbids
  std::vector<float> ET;  // the same transposed, [next * T + prev]
};
MarginalTables make_marginal_tables(size_t T, const float* transition, const BioConstraints& bio,
                                    float temperature);

// P(tag at token t = j) under the linear-chain model with all scores divided by temperature;
// writes n * T probabilities to *out. Numerically safe for any finite scores (per-token
// rescaling; a token whose potentials all underflow falls back to uniform).
void token_marginals(const float* emit, size_t n, const float* start, const BioConstraints& bio,
                     const MarginalTables& tables, std::vector<float>* out);

}  // namespace glosa::ner
