// First-order sequence decoding for the name tagger: BIO constraints, Viterbi, and token
// marginals by forward-backward (for confidences). Layer: engine/tagger.
// Scores are laid out row-major: emit[t * T + j] is the score of tag j at token t.
// Two implementations give the same numbers: the plain reference (viterbi, token_marginals;
// the trainer uses it) and the tagger's (DecoderTables: viterbi_fast, window_marginals),
// which skips the transitions BIO forbids instead of multiplying by zero.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace glosa::ner {

// Which transitions the tag scheme allows: allowed[prev * T + next]. Two schemes:
// - BIO: tags "O", "B-<cls>", "I-<cls>"; an "I-X" tag may only follow "B-X" or "I-X".
// - BILOU (a tag set with any "L-" or "U-" tag): also "L-<cls>" (the last token of a span of
//   two or more) and "U-<cls>" (a span of one token); "I-X" and "L-X" may only follow "B-X"
//   or "I-X", and "O", "B-", "U-" only "O", "L-" or "U-" tags; a unit may not end inside a
//   span (end_allowed is false for "B-" and "I-").
// start_allowed[j] is false for the tags that continue a span ("I-", "L-").
struct BioConstraints {
  std::vector<uint8_t> allowed;
  std::vector<uint8_t> start_allowed;
  std::vector<uint8_t> end_allowed;     // whether a unit may end with tag j
  std::vector<std::vector<int>> preds;  // preds[next]: allowed previous tags, ascending
};
BioConstraints bio_constraints(const std::vector<std::string>& tags);
// Whether a tag set is BILOU (see above).
bool is_bilou(const std::vector<std::string>& tags);

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

// --- The tagger's decoder (what NerModel::tag runs) ---
// A model's transitions split by the scheme: "open" tags (O, B-X; in BILOU also U-X) may
// follow the same tags as O (every tag in BIO; O, L-X and U-X in BILOU), "closed" ones (I-X;
// L-X) only their few predecessors (B-X, I-X). Viterbi and forward-backward then cost
// T * open + (predecessors of the closed tags) per token instead of T * T, in loops of a fixed
// width (the number of open tags, up to 17) that compilers unroll. Built once per model.
struct DecoderTables {
  size_t T = 0;
  size_t width = 0;                  // open.size()
  float inv_temperature = 1.0f;
  std::vector<float> start;          // T: start scores, -inf where BIO forbids a first tag
  std::vector<uint8_t> start_allowed;
  std::vector<uint8_t> end_allowed;  // T: BioConstraints::end_allowed
  std::vector<uint8_t> open;         // open tags, ascending
  std::vector<uint8_t> open_pred;    // T: whether tag i may precede the open tags
  std::vector<float> open_trans;     // T * width: [prev * width + k] (-inf: not open_pred)
  float open_spread = 0;             // max - min of open_trans over the open_pred rows
  std::vector<float> open_E;         // T * width: the potentials
  std::vector<uint8_t> open_pred_list;  // the tags i with open_pred[i], ascending
  std::vector<float> open_pred_E;    // their rows of open_E (open_pred_list.size() * width)
  std::vector<float> open_ET;        // width * T: transposed, [k * T + prev]
  std::vector<uint8_t> closed;       // the other tags, ascending
  std::vector<uint8_t> is_open;      // T: whether tag j is open
  std::vector<uint8_t> slot;         // T: the index of tag j in open or closed
  std::vector<uint32_t> pred_begin;  // closed.size() + 1 offsets into the pred_* arrays
  std::vector<uint8_t> pred;         // predecessors of each closed tag, ascending
  std::vector<float> pred_trans;     // their transition scores
  std::vector<float> pred_E;         // and potentials
};
// `transition` as for viterbi(), `temperature` as for make_marginal_tables(). T <= 255.
DecoderTables make_decoder_tables(size_t T, const float* start, const float* transition,
                                  const BioConstraints& bio, float temperature);

// Buffers that viterbi_fast and marginals_fast reuse from one unit to the next. One per
// caller; what they hold between calls means nothing.
struct DecoderScratch {
  std::vector<float> score, sum;
  std::vector<float> phi, alpha, beta, w;
};

// Exactly viterbi() (the same path, ties included) for the tables' scores. At each token only
// the previous tags within open_spread of the best one are tried for the open tags (the
// others cannot win); back-pointers are found for the best path alone.
void viterbi_fast(const float* emit, size_t n, const DecoderTables& tables, DecoderScratch* scratch,
                  std::vector<int>* path);

// token_marginals() for the tokens [lo, hi) of a unit of n tokens only: the forward pass
// stops at hi and the backward pass at lo, which leaves those tokens' marginals unchanged.
// Writes (hi - lo) * T probabilities to out[0 ...). The sums are grouped by BIO (open
// predecessors first), the shift of the first token leaves out the forbidden first tags, and
// exp() is exp_approx(), so the numbers equal token_marginals' to about 1e-6 (tested) and are
// the same natively and in WebAssembly.
void marginals_fast(const float* emit, size_t n, size_t lo, size_t hi, const DecoderTables& tables,
                    DecoderScratch* scratch, float* out);

// e^x for x <= 0 from float arithmetic alone (no libm: the same bits everywhere). Relative
// error below 2e-7 * (1 + |x|) for x >= -87; below that the result is under 1e-37.
float exp_approx(float x);

}  // namespace glosa::ner
