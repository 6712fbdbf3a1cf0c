// The window network's pieces, forward pass and file section. Layer: engine/tagger.
#include "engine/tagger/window_net.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "engine/tagger/binary_io.h"
#include "engine/tagger/features.h"

namespace glosa::ner {

// Section: u32 bucket bits, u32 dims, u32 hidden, f32 embedding scale, f32 beta, f32 skip
// margin, then the embeddings (int8), w1, b1, w2, b2 (f32).
void WindowNet::write(ByteWriter& w) const {
  w.u32(bucket_bits);
  w.u32(dims);
  w.u32(hidden);
  w.f32(embed_scale);
  w.f32(beta);
  w.f32(skip_margin);
  w.bytes(embed.data(), embed.size());
  for (const std::vector<float>* v : {&w1, &b1, &w2, &b2}) for (float x : *v) w.f32(x);
}

uint64_t WindowNet::fingerprint() const {
  ByteWriter w;
  write(w);
  const std::vector<uint8_t>& b = w.data();
  return fnv1a64(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
}

bool WindowNet::read(ByteReader& r, size_t tag_count) {
  bucket_bits = r.u32();
  dims = r.u32();
  hidden = r.u32();
  embed_scale = r.f32();
  beta = r.f32();
  skip_margin = r.f32();
  tags = static_cast<uint32_t>(tag_count);
  // O and at least one other tag: add_net_scores compares them.
  if (!r.ok() || tag_count < 2 || bucket_bits < 8 || bucket_bits > kNetMaxBucketBits || dims < 1 || dims > kNetMaxDims ||
      hidden < 1 || hidden > kNetMaxHidden) {
    return false;
  }
  for (float v : {embed_scale, beta, skip_margin}) if (!std::isfinite(v)) return false;
  const size_t rows = size_t{1} << bucket_bits;
  const uint8_t* e = r.bytes(rows * dims);
  if (!e) return false;
  embed.resize(rows * dims);
  std::memcpy(embed.data(), e, embed.size());
  w1.resize(kNetWindow * dims * hidden);
  b1.resize(hidden);
  w2.resize(size_t{hidden} * tags);
  b2.resize(tags);
  if (r.remaining() < (w1.size() + b1.size() + w2.size() + b2.size()) * 4) return false;
  for (std::vector<float>* v : {&w1, &b1, &w2, &b2}) {
    for (float& x : *v) {
      x = r.f32();
      if (!std::isfinite(x)) return false;
    }
  }
  return r.ok();
}

float* NetDeltas::row(uint32_t bucket, uint32_t d) {
  if (d == 0 || (dims != 0 && d != dims)) return nullptr;
  auto it = rows.find(bucket);
  if (it != rows.end()) return it->second.data();
  if (rows.size() >= kMaxNetDeltaRows) return nullptr;
  dims = d;
  return rows.emplace(bucket, std::vector<float>(d, 0.0f)).first->second.data();
}

size_t net_pieces(std::string_view form, TokenKind kind, uint32_t bucket_bits, uint32_t* out,
                  size_t* trigrams_begin) {
  TokenAttrs a;
  compute_form_attrs(form, kind, nullptr, &a);
  const uint64_t mask = (uint64_t{1} << bucket_bits) - 1;
  size_t n = 0;
  // Bucket 0 is reserved (never a piece's): kept free for a "no piece" marker.
  auto put = [&](std::string_view tag, std::string_view v) {
    if (v.empty() || n >= kNetMaxPieces) return;
    const uint64_t b = mix64(fnv1a64(v, fnv1a64(tag))) & mask;
    out[n++] = static_cast<uint32_t>(b == 0 ? 1 : b);
  };
  put("w", a.value[kLower]);
  put("W", a.value[kForm]);
  put("sh", a.value[kShape]);
  put("cap", a.value[kCap]);
  put("p3", a.value[kP3]);
  put("s2", a.value[kS2]);
  put("s3", a.value[kS3]);
  put("s4", a.value[kS4]);
  // Character trigrams of "^lower$" (code points): starts[k] is where code point k of g
  // begins, and the last entry is g's end.
  if (trigrams_begin) *trigrams_begin = n;
  const std::string g = "^" + a.value[kLower] + "$";
  size_t starts[kNetMaxPieces + 4];
  size_t count = 0;
  for (size_t k = 0; k < g.size() && count < kNetMaxPieces + 3; ++k) {
    if ((static_cast<unsigned char>(g[k]) & 0xC0) != 0x80) starts[count++] = k;
  }
  const bool whole = count < kNetMaxPieces + 3;  // else the last start found ends the text used
  if (whole) starts[count] = g.size();
  const size_t last = whole ? count : count - 1;
  for (size_t k = 0; k + 3 <= last && n < kNetMaxPieces; ++k) {
    put("g", std::string_view(g).substr(starts[k], starts[k + 3] - starts[k]));
  }
  return n;
}

namespace {

// Token k's vector (the embeddings of its pieces summed, divided by the square root of
// their count), computed once per slot and stamp: once per word form in the tagger (per
// document while a person's corrections are added).
const float* token_vector(const WindowNet& net, std::string_view text, const Token* toks, const uint32_t* slots,
                          size_t k, NetScratch* s) {
  const size_t slot = slots[k];
  float* v = &s->vec[slot * net.dims];
  if (s->stamp[slot] == s->current) return v;
  uint32_t pieces[kNetMaxPieces];
  size_t trigrams = 0;
  const Token& t = toks[k];
  const size_t n =
      net_pieces(text.substr(t.begin_byte, t.end_byte - t.begin_byte), t.kind, net.bucket_bits, pieces, &trigrams);
  std::fill(v, v + net.dims, 0.0f);
  for (size_t p = 0; p < n; ++p) {
    const int8_t* e = &net.embed[size_t{pieces[p]} * net.dims];
    for (size_t d = 0; d < net.dims; ++d) v[d] += static_cast<float>(e[d]);
  }
  const float root = std::sqrt(static_cast<float>(std::max<size_t>(n, 1)));
  const float scale = net.embed_scale / root;
  for (size_t d = 0; d < net.dims; ++d) v[d] *= scale;
  // A person's corrections, in vector units (after embed_scale), over the same square root.
  // Learning moves trigrams only (net_learn_step); a whole-word, shape or capitalisation
  // piece that lands in a learnt trigram's bucket takes none of it.
  for (size_t p = trigrams; s->deltas && !s->deltas->empty() && p < n; ++p) {
    const float* delta = s->deltas->find(pieces[p]);
    if (!delta) continue;
    for (size_t d = 0; d < net.dims; ++d) v[d] += delta[d] / root;
  }
  s->stamp[slot] = s->current;
  return v;
}

// Grows s's vector cache to hold the slots of toks[0, n).
void make_room(const WindowNet& net, const uint32_t* slots, size_t n, NetScratch* s) {
  s->out.resize(net.tags);
  size_t slot_count = s->stamp.size();
  for (size_t k = 0; k < n; ++k) slot_count = std::max<size_t>(slot_count, size_t{slots[k]} + 1);
  // Every slot has its room (a tagger's kept forms), for this network's size.
  if (slot_count == s->stamp.size() && s->vec.size() == slot_count * net.dims) return;
  if (s->vec.size() != s->stamp.size() * net.dims) {  // another network's vectors: none is ours
    s->vec.clear();
    s->forget_vectors();
  }
  s->stamp.resize(slot_count, 0);
  s->vec.resize(slot_count * net.dims);
}

}  // namespace

void net_log_probs(const WindowNet& net, std::string_view text, const Token* toks, const uint32_t* slots,
                   size_t n, size_t i, NetScratch* s, float* out) {
  const size_t D = net.dims, H = net.hidden, T = net.tags;
  s->h.assign(net.b1.begin(), net.b1.end());
  for (size_t w = 0; w < kNetWindow; ++w) {
    const long k = static_cast<long>(i) + static_cast<long>(w) - 2;
    if (k < 0 || k >= static_cast<long>(n)) continue;  // padding: a zero vector
    const float* v = token_vector(net, text, toks, slots, static_cast<size_t>(k), s);
    const float* w1 = &net.w1[w * D * H];
    for (size_t d = 0; d < D; ++d) {
      const float x = v[d];
      const float* row = &w1[d * H];
      for (size_t j = 0; j < H; ++j) s->h[j] += x * row[j];
    }
  }
  std::copy(net.b2.begin(), net.b2.end(), out);
  for (size_t j = 0; j < H; ++j) {
    const float hj = s->h[j];
    if (hj <= 0) continue;
    const float* row = &net.w2[j * T];
    for (size_t t = 0; t < T; ++t) out[t] += hj * row[t];
  }
  float mx = out[0];
  for (size_t t = 1; t < T; ++t) mx = std::max(mx, out[t]);
  float sum = 0;
  for (size_t t = 0; t < T; ++t) sum += std::exp(out[t] - mx);
  const float lse = mx + std::log(sum);
  for (size_t t = 0; t < T; ++t) out[t] -= lse;
}

NetStep net_learn_step(const WindowNet& net, std::string_view text, const Token* toks, const uint32_t* slots,
                       size_t n, size_t i, size_t target, float rate, float stop_at, NetDeltas* deltas,
                       NetScratch* s) {
  const size_t D = net.dims, H = net.hidden, T = net.tags;
  NetStep result;
  if (net.empty() || target >= T || i >= n) return result;
  make_room(net, slots, n, s);
  net_log_probs(net, text, toks, slots, n, i, s, s->out.data());  // leaves the hidden sums in s->h
  result.p_before = std::exp(s->out[target]);
  if (result.p_before >= stop_at) return result;
  // d loss / d logits = p - onehot(target) (in s->out), back through the ReLU layer ...
  for (size_t t = 0; t < T; ++t) s->out[t] = std::exp(s->out[t]) - (t == target ? 1.0f : 0.0f);
  s->grad.assign(H + D, 0.0f);
  float* grad_h = s->grad.data();
  float* grad_v = grad_h + H;
  for (size_t j = 0; j < H; ++j) {
    if (s->h[j] <= 0) continue;
    const float* row = &net.w2[j * T];
    float g = 0;
    for (size_t t = 0; t < T; ++t) g += row[t] * s->out[t];
    grad_h[j] = g;
  }
  // ... to token i's vector (the window's centre block of w1) ...
  const float* w1 = &net.w1[(kNetWindow / 2) * D * H];
  for (size_t d = 0; d < D; ++d) {
    const float* row = &w1[d * H];
    float g = 0;
    for (size_t j = 0; j < H; ++j) g += row[j] * grad_h[j];
    grad_v[d] = g;
  }
  // ... and to its trigrams' deltas (the vector is their sum over the square root of the
  // piece count).
  uint32_t pieces[kNetMaxPieces];
  size_t trigrams = 0;
  const Token& t = toks[i];
  const size_t count =
      net_pieces(text.substr(t.begin_byte, t.end_byte - t.begin_byte), t.kind, net.bucket_bits, pieces, &trigrams);
  const float step = rate / std::sqrt(static_cast<float>(std::max<size_t>(count, 1)));
  for (size_t p = trigrams; p < count; ++p) {
    float* row = deltas->row(pieces[p], net.dims);
    if (!row) {
      result.kept_out = true;
      continue;
    }
    for (size_t d = 0; d < D; ++d) row[d] = std::clamp(row[d] - step * grad_v[d], -kMaxNetDeltaValue, kMaxNetDeltaValue);
    result.moved = true;
  }
  if (result.moved) s->forget_vectors();
  return result;
}

size_t add_net_scores(const WindowNet& net, std::string_view text, const Token* toks, const uint32_t* form_ids,
                      size_t n, float* emit, NetScratch* s) {
  if (net.empty() || net.beta == 0.0f || n == 0 || net.tags < 2) return 0;
  const size_t T = net.tags;
  // Slots: form ids (kept across the document's units), else the unit's own indices.
  const uint32_t* slots = form_ids;
  if (!slots) {
    s->own_slots.resize(n);
    for (size_t k = 0; k < n; ++k) s->own_slots[k] = static_cast<uint32_t>(k);
    slots = s->own_slots.data();
    s->forget_vectors();
  }
  // (Slots of the unit's own numbering mean nothing to a later caller that numbers forms: the
  // caller gives such a unit a scratch of its own.)
  make_room(net, slots, n, s);
  size_t scored = 0;
  for (size_t i = 0; i < n; ++i) {
    float* e = &emit[i * T];
    float best_other = e[1];
    for (size_t t = 2; t < T; ++t) best_other = std::max(best_other, e[t]);
    if (best_other < e[0] - net.skip_margin) continue;
    net_log_probs(net, text, toks, slots, n, i, s, s->out.data());
    for (size_t t = 0; t < T; ++t) e[t] += net.beta * s->out[t];
    ++scored;
  }
  return scored;
}

}  // namespace glosa::ner
