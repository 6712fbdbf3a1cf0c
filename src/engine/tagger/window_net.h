// A small neural scorer beside the linear model (issue #13): each token is the sum of the
// hashed embeddings of its sub-word pieces (form, lower case, shape, capitalisation, a
// prefix, suffixes, character trigrams); a window of five such vectors goes through one
// ReLU layer to log-probabilities over the model's tags, and `beta` times those is added to
// the linear model's emission scores before decoding. It sees spelling the linear model's
// whole-string features cannot share ("Brightwater" and "Northwind" have no weight rows; their
// trigrams do). Layer: engine/tagger.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/text/tokenizer.h"

namespace glosa::ner {

class ByteReader;
class ByteWriter;

constexpr size_t kNetWindow = 5;        // tokens i-2 .. i+2
constexpr size_t kNetMaxPieces = 28;    // sub-word pieces per token (longer words lose trigrams)
constexpr uint32_t kNetMaxBucketBits = 20;
constexpr uint32_t kNetMaxDims = 64;
constexpr uint32_t kNetMaxHidden = 512;

struct WindowNet {
  uint32_t bucket_bits = 0;  // 0: no network
  uint32_t dims = 0;         // embedding size
  uint32_t hidden = 0;       // hidden units
  uint32_t tags = 0;         // output size: the model's tag count
  float embed_scale = 1.0f;  // embedding value = int8 * embed_scale
  float beta = 0.0f;         // weight of the log-probabilities in the emission scores
  // A token whose linear scores (before a person's corrections) leave every tag but O more
  // than this far below O is not scored: a speed trade-off, since log-probabilities are
  // not bounded and the network could overturn such a lead, checked on dev by the trainer
  // (2 * beta: the same dev F1 as scoring every token, at a quarter of the work; model card).
  float skip_margin = 0.0f;
  std::vector<int8_t> embed;  // (1 << bucket_bits) * dims
  std::vector<float> w1;      // (kNetWindow * dims) * hidden, input-major
  std::vector<float> b1;      // hidden
  std::vector<float> w2;      // hidden * tags
  std::vector<float> b2;      // tags

  bool empty() const { return bucket_bits == 0; }
  void write(ByteWriter& w) const;
  // False when truncated or inconsistent with `tag_count`.
  bool read(ByteReader& r, size_t tag_count);
};

// The bucket ids of a token's sub-word pieces (at most kNetMaxPieces), from its text.
size_t net_pieces(std::string_view form, TokenKind kind, uint32_t bucket_bits, uint32_t* out);

// Work space, reused across calls. Token vectors are kept by slot: the token's form id when
// the caller numbers forms (the tagger does, per document: a word's vector is computed once
// per document), else its index in the unit.
struct NetScratch {
  std::vector<float> vec;      // slot * dims
  std::vector<uint8_t> ready;  // per slot: vec computed
  std::vector<float> h, out;
  std::vector<uint32_t> own_slots;  // a unit's own indices, when the caller numbers no forms
};

// Computes token i's log-probabilities (tags values) given the tokens toks[0, n) of a unit;
// slots[k] is token k's slot (s->vec and s->ready must hold it).
void net_log_probs(const WindowNet& net, std::string_view text, const Token* toks, const uint32_t* slots,
                   size_t n, size_t i, NetScratch* s, float* out);

// Adds beta * log-probabilities to emit (n * tags), at the tokens whose linear scores do
// not rule out every tag but O by skip_margin (tag 0 is O). form_ids (may be null): the
// tokens' form ids, stable across the calls that share `s` (the tagger numbers forms per
// document and gives each document a new scratch). Returns how many tokens were scored.
size_t add_net_scores(const WindowNet& net, std::string_view text, const Token* toks, const uint32_t* form_ids,
                      size_t n, float* emit, NetScratch* s);

}  // namespace glosa::ner
