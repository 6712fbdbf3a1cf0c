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
#include <unordered_map>
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
  // FNV-1a of its sizes and weights: which network a person's deltas were learnt for.
  uint64_t fingerprint() const;
  void write(ByteWriter& w) const;
  // False when truncated or inconsistent with `tag_count`.
  bool read(ByteReader& r, size_t tag_count);
};

// The bucket ids of a token's sub-word pieces (at most kNetMaxPieces), from its text: its
// whole-word pieces (lower case, form, shape, capitalisation, prefix, suffixes), then its
// character trigrams, from out[*trigrams_begin] on (when trigrams_begin is given).
size_t net_pieces(std::string_view form, TokenKind kind, uint32_t bucket_bits, uint32_t* out,
                  size_t* trigrams_begin = nullptr);

// What a person's corrections taught the network (Adaptation keeps them): per embedding
// bucket, `dims` values added to its embedding, in token-vector units (embed_scale applied).
// The shipped embeddings are never changed.
constexpr size_t kMaxNetDeltaRows = 100000;  // a guard: about 6.4 MB at 16 dims
constexpr float kMaxNetDeltaValue = 1e6f;    // a delta's size, at most (a larger one in a file is damage)
struct NetDeltas {
  uint64_t net = 0;   // WindowNet::fingerprint() of the network they were learnt for
  uint32_t dims = 0;  // set by the first row
  std::unordered_map<uint32_t, std::vector<float>> rows;

  bool empty() const { return rows.empty(); }
  const float* find(uint32_t bucket) const {
    auto it = rows.find(bucket);
    return it == rows.end() ? nullptr : it->second.data();
  }
  // The row of `bucket`, created as zeros; nullptr when kMaxNetDeltaRows keeps it out or
  // `d` is not the rows' size.
  float* row(uint32_t bucket, uint32_t d);
};

// Work space, reused across calls. Token vectors are kept by slot: the token's form id when
// the caller numbers forms (the tagger does, and keeps its forms across documents: a word's
// vector is computed once, or once per document while a person's corrections are added),
// else its index in the unit. The vectors are of one network's size (make_room starts afresh
// for another).
struct NetScratch {
  std::vector<float> vec;         // slot * dims
  std::vector<uint32_t> stamp;    // per slot: the `current` its vector was computed under
  uint32_t current = 1;           // a slot of another stamp has no vector yet
  std::vector<float> h, out;
  std::vector<uint32_t> own_slots;  // a unit's own indices, when the caller numbers no forms
  const NetDeltas* deltas = nullptr;  // a person's corrections, added to the embeddings
  std::vector<float> grad;            // learning: the gradient at the hidden layer, then the token
  // Every vector is computed anew from now on (the deltas moved, the slots mean other forms):
  // a new stamp, so nothing is cleared.
  void forget_vectors() {
    if (++current == 0) {  // after 2^32 stamps: clear once
      std::fill(stamp.begin(), stamp.end(), 0u);
      current = 1;
    }
  }
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

// Learning from a person's correction: one gradient step, at rate `rate`, on the
// cross-entropy of tag `target` for token i of the unit, moving the deltas of token i's
// character trigrams only (an approximate step: token i's vector as the window's centre; the
// same trigrams elsewhere in the window are not followed). Its whole-word pieces are left to
// the linear model's deltas, and its shape and capitalisation pieces (shared by every word)
// never move. A relabelled "Pakistańczyków" (NKJP: a place; BSNLP: people) so also moves
// "Brytyjczyków", which shares its trigrams. No step when the network already gives
// `target` the probability `stop_at`. The cached token vectors of `s` are forgotten after a
// step.
struct NetStep {
  float p_before = 0;     // the probability of `target` before the step
  bool moved = false;     // a delta moved
  bool kept_out = false;  // kMaxNetDeltaRows kept some trigram out
};
NetStep net_learn_step(const WindowNet& net, std::string_view text, const Token* toks, const uint32_t* slots,
                       size_t n, size_t i, size_t target, float rate, float stop_at, NetDeltas* deltas,
                       NetScratch* s);

}  // namespace glosa::ner
