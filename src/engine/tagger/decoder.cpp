// Viterbi and forward-backward for the name tagger. Layer: engine/tagger.
// Sections: reference decoder (BIO constraints, viterbi, token_marginals; the trainer's) ·
// the tagger's decoder (exp_approx, DecoderTables, viterbi_fast, marginals_fast).
#include "engine/tagger/decoder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

namespace glosa::ner {

// --- Section: reference decoder ---
bool is_bilou(const std::vector<std::string>& tags) {
  for (const auto& t : tags) if (t.rfind("L-", 0) == 0 || t.rfind("U-", 0) == 0) return true;
  return false;
}

BioConstraints bio_constraints(const std::vector<std::string>& tags) {
  const size_t T = tags.size();
  const bool bilou = is_bilou(tags);
  BioConstraints c;
  c.allowed.assign(T * T, 1);
  c.start_allowed.assign(T, 1);
  c.end_allowed.assign(T, 1);
  // Whether a tag continues a span (I-, L-) and whether one may follow it (B-, I-).
  auto continues = [&](size_t j) { return tags[j].rfind("I-", 0) == 0 || (bilou && tags[j].rfind("L-", 0) == 0); };
  auto open_span = [&](size_t i) { return tags[i].rfind("B-", 0) == 0 || tags[i].rfind("I-", 0) == 0; };
  for (size_t j = 0; j < T; ++j) {
    if (bilou && open_span(j)) c.end_allowed[j] = 0;
    if (!continues(j)) {
      // O, B-, U- (BILOU): not after a tag that leaves a span open.
      if (bilou) for (size_t i = 0; i < T; ++i) if (open_span(i)) c.allowed[i * T + j] = 0;
      continue;
    }
    c.start_allowed[j] = 0;
    const std::string cls = tags[j].substr(2);
    for (size_t i = 0; i < T; ++i) {
      const bool ok = tags[i].size() > 2 && tags[i].compare(2, std::string::npos, cls) == 0 && open_span(i);
      c.allowed[i * T + j] = ok ? 1 : 0;
    }
  }
  c.preds.assign(T, {});
  for (size_t j = 0; j < T; ++j) {
    for (size_t i = 0; i < T; ++i) if (c.allowed[i * T + j]) c.preds[j].push_back(static_cast<int>(i));
  }
  return c;
}

void viterbi(const float* emit, size_t n, size_t T, const float* start, const float* trans,
             const BioConstraints& bio, std::vector<int>* path) {
  path->assign(n, 0);
  if (n == 0) return;
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  std::vector<float> score(T), next(T);
  std::vector<int> back(n * T, 0);
  for (size_t j = 0; j < T; ++j) score[j] = bio.start_allowed[j] ? start[j] + emit[j] : kNeg;
  for (size_t t = 1; t < n; ++t) {
    for (size_t j = 0; j < T; ++j) {
      float best = kNeg;
      int arg = 0;
      for (int i : bio.preds[j]) {
        const float s = score[static_cast<size_t>(i)] + trans[static_cast<size_t>(i) * T + j];
        if (s > best) { best = s; arg = i; }
      }
      next[j] = best == kNeg ? kNeg : best + emit[t * T + j];
      back[t * T + j] = arg;
    }
    score.swap(next);
  }
  int arg = 0;  // "O" (tag 0) may always end a unit
  for (size_t j = 1; j < T; ++j) {
    if (bio.end_allowed[j] && score[j] > score[static_cast<size_t>(arg)]) arg = static_cast<int>(j);
  }
  for (size_t t = n; t-- > 0;) {
    (*path)[t] = arg;
    arg = back[t * T + static_cast<size_t>(arg)];
  }
}

MarginalTables make_marginal_tables(size_t T, const float* trans, const BioConstraints& bio,
                                    float temperature) {
  MarginalTables m;
  m.T = T;
  m.inv_temperature = 1.0f / std::max(1e-6f, temperature);
  float tmax = -std::numeric_limits<float>::infinity();
  for (size_t k = 0; k < T * T; ++k) if (bio.allowed[k]) tmax = std::max(tmax, trans[k]);
  m.E.assign(T * T, 0.0f);
  for (size_t k = 0; k < T * T; ++k) {
    if (bio.allowed[k]) m.E[k] = std::exp(std::max(-80.0f, (trans[k] - tmax) * m.inv_temperature));
  }
  m.ET.assign(T * T, 0.0f);
  for (size_t i = 0; i < T; ++i) for (size_t j = 0; j < T; ++j) m.ET[j * T + i] = m.E[i * T + j];

  return m;
}

namespace {

// Scales v[0, T) to sum to 1; a vector with no mass (or not finite) becomes uniform.
// Inline: the unrolled decoders call it with a constant T.
inline void normalise_distribution(float* v, size_t T) {
  float s = 0;
  for (size_t j = 0; j < T; ++j) s += v[j];
  if (!(s > 1e-30f) || !std::isfinite(s)) {
    for (size_t j = 0; j < T; ++j) v[j] = 1.0f / static_cast<float>(T);
  } else {
    const float inv_s = 1.0f / s;
    for (size_t j = 0; j < T; ++j) v[j] *= inv_s;
  }
}

}  // namespace

void token_marginals(const float* emit, size_t n, const float* start, const BioConstraints& bio,
                     const MarginalTables& tab, std::vector<float>* out) {
  const size_t T = tab.T;
  out->assign(n * T, 0.0f);
  if (n == 0) return;
  const float inv = tab.inv_temperature;
  const std::vector<float>& E = tab.E;
  // Emission potentials per token, shifted by the token's maximum (so the largest is 1).
  std::vector<float> phi(n * T);
  for (size_t t = 0; t < n; ++t) {
    float m = -std::numeric_limits<float>::infinity();
    for (size_t j = 0; j < T; ++j) m = std::max(m, emit[t * T + j] + (t == 0 ? start[j] : 0.0f));
    for (size_t j = 0; j < T; ++j) {
      const float s = emit[t * T + j] + (t == 0 ? start[j] : 0.0f);
      const bool ok = t > 0 || bio.start_allowed[j];
      phi[t * T + j] = ok ? std::exp(std::max(-80.0f, (s - m) * inv)) : 0.0f;
    }
  }
  std::vector<float> alpha(n * T), beta(n * T);
  for (size_t j = 0; j < T; ++j) alpha[j] = phi[j];
  normalise_distribution(&alpha[0], T);
  // Dense element-wise loops (forbidden transitions have E = 0): the same sums in the same
  // order whether or not the compiler vectorises them, natively and in WebAssembly.
  const std::vector<float>& ET = tab.ET;
  for (size_t t = 1; t < n; ++t) {
    const float* a = &alpha[(t - 1) * T];
    float* cur = &alpha[t * T];
    std::fill(cur, cur + T, 0.0f);
    for (size_t i = 0; i < T; ++i) {
      const float ai = a[i];
      if (ai == 0.0f) continue;
      const float* row = &E[i * T];
      for (size_t j = 0; j < T; ++j) cur[j] += ai * row[j];
    }
    for (size_t j = 0; j < T; ++j) cur[j] *= phi[t * T + j];
    normalise_distribution(cur, T);
  }
  for (size_t j = 0; j < T; ++j) beta[(n - 1) * T + j] = bio.end_allowed[j] ? 1.0f : 0.0f;
  std::vector<float> w(T);
  for (size_t t = n - 1; t-- > 0;) {
    const float* b = &beta[(t + 1) * T];
    float* cur = &beta[t * T];
    for (size_t j = 0; j < T; ++j) w[j] = phi[(t + 1) * T + j] * b[j];
    std::fill(cur, cur + T, 0.0f);
    for (size_t j = 0; j < T; ++j) {
      const float wj = w[j];
      if (wj == 0.0f) continue;
      const float* col = &ET[j * T];
      for (size_t i = 0; i < T; ++i) cur[i] += col[i] * wj;
    }
    normalise_distribution(cur, T);
  }
  for (size_t t = 0; t < n; ++t) {
    float s = 0;
    for (size_t j = 0; j < T; ++j) s += alpha[t * T + j] * beta[t * T + j];
    for (size_t j = 0; j < T; ++j) {
      (*out)[t * T + j] = s > 0 ? alpha[t * T + j] * beta[t * T + j] / s : 0.0f;
    }
  }
}

// --- Section: the tagger's decoder ---
float exp_approx(float x) {
  // e^x = 2^k * 2^f with k = round(x * log2 e), |f| <= 1/2, 2^f by its Taylor polynomial
  // of degree 6 (error < 1.2e-7 there), 2^k put into the exponent bits (k clamped to the
  // smallest normal exponent, so x < -87 gives less than 1e-37). No branches: loops of it
  // vectorise.
  // t is clamped to the exponent range first (NaN goes to the floor): a damaged input
  // must give a wrong number, never an out-of-range conversion.
  float t = x * 1.44269504f;
  t = t > -127.0f ? t : -127.0f;
  t = t < 127.0f ? t : 127.0f;
  const float kf = (t + 12582912.0f) - 12582912.0f;  // round to nearest, |t| < 2^22
  const float f = t - kf;
  const float p =
      1.0f + f * (0.69314718f + f * (0.24022651f + f * (0.05550411f + f * (0.00961813f + f * (0.00133336f + f * 0.00015404f)))));
  const int32_t k = std::max(static_cast<int32_t>(kf), int32_t{-126});
  const int32_t bits = (k + 127) * (1 << 23);
  float scale;
  std::memcpy(&scale, &bits, 4);
  return p * scale;
}

DecoderTables make_decoder_tables(size_t T, const float* start, const float* transition,
                                  const BioConstraints& bio, float temperature) {
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  DecoderTables d;
  d.T = T;
  const MarginalTables mt = make_marginal_tables(T, transition, bio, temperature);
  d.inv_temperature = mt.inv_temperature;
  d.start.resize(T);
  d.start_allowed = bio.start_allowed;
  d.end_allowed = bio.end_allowed;
  for (size_t j = 0; j < T; ++j) d.start[j] = bio.start_allowed[j] ? start[j] : kNeg;
  // The open tags share tag 0's ("O") predecessors: every tag in BIO, the tags that close or
  // leave no span in BILOU.
  d.open_pred.assign(T, 0);
  for (size_t i = 0; i < T; ++i) d.open_pred[i] = bio.allowed[i * T + 0];
  for (size_t j = 0; j < T; ++j) {
    bool same = true;
    for (size_t i = 0; i < T; ++i) same = same && bio.allowed[i * T + j] == d.open_pred[i];
    (same ? d.open : d.closed).push_back(static_cast<uint8_t>(j));
  }
  const size_t W = d.open.size();
  d.width = W;
  d.open_trans.assign(T * W, kNeg);
  d.open_E.assign(T * W, 0.0f);
  d.open_ET.assign(W * T, 0.0f);
  for (size_t i = 0; i < T; ++i) {
    if (!d.open_pred[i]) continue;
    for (size_t k = 0; k < d.open.size(); ++k) {
      d.open_trans[i * W + k] = transition[i * T + d.open[k]];
      d.open_E[i * W + k] = mt.E[i * T + d.open[k]];
      d.open_ET[k * T + i] = mt.E[i * T + d.open[k]];
    }
  }
  float lo = std::numeric_limits<float>::infinity(), hi = -lo;
  for (size_t i = 0; i < T; ++i) {
    if (!d.open_pred[i]) continue;
    for (size_t k = 0; k < W; ++k) {
      lo = std::min(lo, d.open_trans[i * W + k]);
      hi = std::max(hi, d.open_trans[i * W + k]);
    }
  }
  d.open_spread = hi >= lo ? hi - lo : 0.0f;
  for (size_t i = 0; i < T; ++i) {
    if (!d.open_pred[i]) continue;
    d.open_pred_list.push_back(static_cast<uint8_t>(i));
    d.open_pred_E.insert(d.open_pred_E.end(), d.open_E.begin() + static_cast<long>(i * W),
                         d.open_E.begin() + static_cast<long>((i + 1) * W));
  }
  d.is_open.assign(T, 0);
  d.slot.assign(T, 0);
  for (size_t k = 0; k < d.open.size(); ++k) { d.is_open[d.open[k]] = 1; d.slot[d.open[k]] = static_cast<uint8_t>(k); }
  for (size_t c = 0; c < d.closed.size(); ++c) d.slot[d.closed[c]] = static_cast<uint8_t>(c);
  d.pred_begin.push_back(0);
  for (uint8_t j : d.closed) {
    for (size_t i = 0; i < T; ++i) {
      if (!bio.allowed[i * T + j]) continue;
      d.pred.push_back(static_cast<uint8_t>(i));
      d.pred_trans.push_back(transition[i * T + j]);
      d.pred_E.push_back(mt.E[i * T + j]);
    }
    d.pred_begin.push_back(static_cast<uint32_t>(d.pred.size()));
  }
  return d;
}

namespace {

// best[k] = max over the previous tags i in prev[0, count) of score[i] + trans[i * W + k]
// (-inf when none). Plain loops of a fixed width that compilers keep in registers.
template <size_t W>
void open_max(const float* score, const uint8_t* prev, size_t count, const float* trans, float* best) {
  float b[W];
  for (size_t k = 0; k < W; ++k) b[k] = -std::numeric_limits<float>::infinity();
  for (size_t p = 0; p < count; ++p) {
    const float si = score[prev[p]];
    const float* row = trans + prev[p] * W;
    for (size_t k = 0; k < W; ++k) {
      const float c = si + row[k];
      b[k] = c > b[k] ? c : b[k];
    }
  }
  for (size_t k = 0; k < W; ++k) best[k] = b[k];
}

// sum[k] = sum over p (ascending) of a[list[p]] * E[p * W + k]: the open tags' predecessors
// list[0, count) and their rows of potentials.
template <size_t W>
void open_sum(const float* a, const uint8_t* list, size_t count, const float* E, float* sum) {
  float s[W] = {};
  for (size_t p = 0; p < count; ++p) {
    const float ai = a[list[p]];
    const float* row = E + p * W;
    for (size_t k = 0; k < W; ++k) s[k] += ai * row[k];
  }
  for (size_t k = 0; k < W; ++k) sum[k] = s[k];
}

// The same for any width (more than 16 open tags).
void open_max_any(size_t W, const float* score, const uint8_t* prev, size_t count, const float* trans,
                  float* best) {
  std::fill(best, best + W, -std::numeric_limits<float>::infinity());
  for (size_t p = 0; p < count; ++p) {
    for (size_t k = 0; k < W; ++k) best[k] = std::max(best[k], score[prev[p]] + trans[prev[p] * W + k]);
  }
}
void open_sum_any(size_t W, const float* a, const uint8_t* list, size_t count, const float* E, float* sum) {
  std::fill(sum, sum + W, 0.0f);
  for (size_t p = 0; p < count; ++p) {
    for (size_t k = 0; k < W; ++k) sum[k] += a[list[p]] * E[p * W + k];
  }
}

// Dispatch on the width: open_max<1> ... open_max<17>, else the loops for any width.
using OpenMaxFn = void (*)(const float*, const uint8_t*, size_t, const float*, float*);
using OpenSumFn = void (*)(const float*, const uint8_t*, size_t, const float*, float*);
template <size_t... I>
constexpr std::array<OpenMaxFn, sizeof...(I)> open_max_table(std::index_sequence<I...>) {
  return {{&open_max<I + 1>...}};
}
template <size_t... I>
constexpr std::array<OpenSumFn, sizeof...(I)> open_sum_table(std::index_sequence<I...>) {
  return {{&open_sum<I + 1>...}};
}
constexpr size_t kMaxFixedWidth = 17;
constexpr auto kOpenMax = open_max_table(std::make_index_sequence<kMaxFixedWidth>());
constexpr auto kOpenSum = open_sum_table(std::make_index_sequence<kMaxFixedWidth>());

void open_max_w(size_t W, const float* score, const uint8_t* prev, size_t count, const float* trans,
                float* best) {
  if (W >= 1 && W <= kMaxFixedWidth) kOpenMax[W - 1](score, prev, count, trans, best);
  else open_max_any(W, score, prev, count, trans, best);
}
void open_sum_w(size_t W, const float* a, const uint8_t* list, size_t count, const float* E, float* sum) {
  if (W >= 1 && W <= kMaxFixedWidth) kOpenSum[W - 1](a, list, count, E, sum);
  else open_sum_any(W, a, list, count, E, sum);
}

// The bodies of viterbi_fast and marginals_fast for kT tags known at compile time (kT == 0:
// any number, d.T), so that the loops over tags are unrolled.
template <size_t kT>
void viterbi_impl(const float* emit, size_t n, const DecoderTables& d, DecoderScratch* sc,
                  std::vector<int>* path) {
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  const size_t T = kT ? kT : d.T;
  const size_t W = d.width;
  path->assign(n, 0);
  if (n == 0) return;
  // The best scores of every token are kept, and the back-pointers of the best path alone
  // are found afterwards: T comparisons per token instead of T * T.
  sc->score.resize(n * T);
  sc->sum.resize(W);
  float* best = sc->sum.data();
  uint8_t prev[256];
  const bool all_open_pred = d.open_pred_list.size() == T;
  for (size_t j = 0; j < T; ++j) sc->score[j] = d.start[j] + emit[j];
  for (size_t t = 1; t < n; ++t) {
    const float* e = emit + t * T;
    const float* score = &sc->score[(t - 1) * T];
    float* next = &sc->score[t * T];
    // A previous tag more than the spread of the open transitions below the best one cannot
    // give any open tag its maximum (the best one gives more through every transition), so
    // the maximum over the rest is the same number. (The margin of 1e-6 |top| covers the
    // rounding of these float sums.)
    float top = kNeg;
    size_t count = 0;
    if (all_open_pred) {  // BIO: every tag precedes the open ones
      for (size_t i = 0; i < T; ++i) top = std::max(top, score[i]);
      const float floor = top - (d.open_spread + std::fabs(top) * 1e-6f);
      for (size_t i = 0; i < T; ++i) {
        if (score[i] >= floor) prev[count++] = static_cast<uint8_t>(i);
      }
    } else {
      for (uint8_t i : d.open_pred_list) top = std::max(top, score[i]);
      const float floor = top - (d.open_spread + std::fabs(top) * 1e-6f);
      for (uint8_t i : d.open_pred_list) {
        if (score[i] >= floor) prev[count++] = i;
      }
    }
    open_max_w(W, score, prev, count, d.open_trans.data(), best);
    for (size_t k = 0; k < d.open.size(); ++k) {
      const size_t j = d.open[k];
      next[j] = best[k] == kNeg ? kNeg : best[k] + e[j];
    }
    for (size_t c = 0; c < d.closed.size(); ++c) {
      float b = kNeg;
      for (uint32_t p = d.pred_begin[c]; p < d.pred_begin[c + 1]; ++p) {
        b = std::max(b, score[d.pred[p]] + d.pred_trans[p]);
      }
      const size_t j = d.closed[c];
      next[j] = b == kNeg ? kNeg : b + e[j];
    }
  }
  const float* last = &sc->score[(n - 1) * T];
  size_t a = 0;
  for (size_t j = 1; j < T; ++j) if (d.end_allowed[j] && last[j] > last[a]) a = j;
  (*path)[n - 1] = static_cast<int>(a);
  // The predecessor of tag a at token t: the first (lowest) tag with the best score, as
  // viterbi() picks it.
  for (size_t t = n - 1; t > 0; --t) {
    const float* score = &sc->score[(t - 1) * T];
    float b = kNeg;
    size_t arg = 0;
    const size_t slot = d.slot[a];
    if (d.is_open[a]) {
      for (size_t i = 0; i < T; ++i) {
        const float v = score[i] + d.open_trans[i * W + slot];
        if (v > b) { b = v; arg = i; }
      }
    } else {
      for (uint32_t p = d.pred_begin[slot]; p < d.pred_begin[slot + 1]; ++p) {
        const float v = score[d.pred[p]] + d.pred_trans[p];
        if (v > b) { b = v; arg = d.pred[p]; }
      }
    }
    a = arg;
    (*path)[t - 1] = static_cast<int>(a);
  }
}

template <size_t kT>
void marginals_impl(const float* emit, size_t n, size_t lo, size_t hi, const DecoderTables& d,
                    DecoderScratch* sc, float* out) {
  const size_t T = kT ? kT : d.T;
  const size_t W = d.width;
  hi = std::min(hi, n);
  if (lo >= hi) return;
  const float inv = d.inv_temperature;
  sc->phi.resize(n * T);
  sc->alpha.resize(hi * T);
  sc->beta.resize(n * T);
  sc->w.resize(std::max(T, W));
  sc->sum.resize(W);
  float* phi = sc->phi.data();
  float* alpha = sc->alpha.data();
  float* beta = sc->beta.data();
  float* sum = sc->sum.data();
  // As in token_marginals: potentials shifted by each token's maximum (so the largest is 1).
  // Needed for the tokens [0, hi) forward and (lo, n) backward.
  const size_t phi_end = hi < n ? n : hi;
  for (size_t t = 0; t < phi_end; ++t) {
    const float* e = emit + t * T;
    float* ph = phi + t * T;
    float m = -std::numeric_limits<float>::infinity();
    if (t == 0) {
      for (size_t j = 0; j < T; ++j) if (d.start_allowed[j]) m = std::max(m, e[j] + d.start[j]);
      for (size_t j = 0; j < T; ++j) {
        ph[j] = d.start_allowed[j] ? exp_approx(std::max(-80.0f, (e[j] + d.start[j] - m) * inv)) : 0.0f;
      }
    } else {
      for (size_t j = 0; j < T; ++j) m = std::max(m, e[j]);
      // (No clamp at -80 as in token_marginals: exp_approx takes any x <= 0, and a branch
      // here would keep the loop from vectorising.)
      for (size_t j = 0; j < T; ++j) ph[j] = exp_approx((e[j] - m) * inv);
    }
  }
  std::copy(phi, phi + T, alpha);
  normalise_distribution(alpha, T);
  for (size_t t = 1; t < hi; ++t) {
    const float* a = alpha + (t - 1) * T;
    float* cur = alpha + t * T;
    open_sum_w(W, a, d.open_pred_list.data(), d.open_pred_list.size(), d.open_pred_E.data(), sum);
    for (size_t k = 0; k < d.open.size(); ++k) cur[d.open[k]] = sum[k];
    for (size_t c = 0; c < d.closed.size(); ++c) {
      float v = 0.0f;
      for (uint32_t p = d.pred_begin[c]; p < d.pred_begin[c + 1]; ++p) v += a[d.pred[p]] * d.pred_E[p];
      cur[d.closed[c]] = v;
    }
    const float* ph = phi + t * T;
    for (size_t j = 0; j < T; ++j) cur[j] *= ph[j];
    normalise_distribution(cur, T);
  }
  float* last = beta + (n - 1) * T;
  for (size_t j = 0; j < T; ++j) last[j] = d.end_allowed[j] ? 1.0f : 0.0f;
  float* wt = sc->w.data();
  for (size_t t = n - 1; t-- > lo;) {
    const float* b = beta + (t + 1) * T;
    float* cur = beta + t * T;
    const float* ph = phi + (t + 1) * T;
    for (size_t j = 0; j < T; ++j) wt[j] = ph[j] * b[j];
    // cur[i] = sum over next tags j of E[i][j] * wt[j]: the open ones for every i, then each
    // closed one for its predecessors.
    std::fill(cur, cur + T, 0.0f);
    for (size_t k = 0; k < d.open.size(); ++k) {
      const float wj = wt[d.open[k]];
      const float* col = &d.open_ET[k * T];
      for (size_t i = 0; i < T; ++i) cur[i] += col[i] * wj;
    }
    for (size_t c = 0; c < d.closed.size(); ++c) {
      const float wj = wt[d.closed[c]];
      for (uint32_t p = d.pred_begin[c]; p < d.pred_begin[c + 1]; ++p) cur[d.pred[p]] += d.pred_E[p] * wj;
    }
    normalise_distribution(cur, T);
  }
  for (size_t t = lo; t < hi; ++t) {
    const float* a = alpha + t * T;
    const float* b = beta + t * T;
    float* o = out + (t - lo) * T;
    float s = 0;
    for (size_t j = 0; j < T; ++j) s += a[j] * b[j];
    for (size_t j = 0; j < T; ++j) o[j] = s > 0 ? a[j] * b[j] / s : 0.0f;
  }
}

// Tag sets of BIO over classes have 1 + 2 * classes tags: fixed bodies for the odd counts up
// to kMaxFixedTags, the generic one otherwise.
constexpr size_t kMaxFixedTags = 33;
using ViterbiFn = void (*)(const float*, size_t, const DecoderTables&, DecoderScratch*, std::vector<int>*);
using MarginalsFn = void (*)(const float*, size_t, size_t, size_t, const DecoderTables&, DecoderScratch*, float*);
template <size_t... I>
constexpr std::array<ViterbiFn, sizeof...(I)> viterbi_table(std::index_sequence<I...>) {
  return {{&viterbi_impl<2 * I + 1>...}};
}
template <size_t... I>
constexpr std::array<MarginalsFn, sizeof...(I)> marginals_table(std::index_sequence<I...>) {
  return {{&marginals_impl<2 * I + 1>...}};
}
constexpr auto kViterbi = viterbi_table(std::make_index_sequence<(kMaxFixedTags + 1) / 2>());
constexpr auto kMarginals = marginals_table(std::make_index_sequence<(kMaxFixedTags + 1) / 2>());

}  // namespace

void viterbi_fast(const float* emit, size_t n, const DecoderTables& d, DecoderScratch* sc,
                  std::vector<int>* path) {
  if (d.T % 2 == 1 && d.T <= kMaxFixedTags) kViterbi[d.T / 2](emit, n, d, sc, path);
  else viterbi_impl<0>(emit, n, d, sc, path);
}

void marginals_fast(const float* emit, size_t n, size_t lo, size_t hi, const DecoderTables& d,
                    DecoderScratch* sc, float* out) {
  if (d.T % 2 == 1 && d.T <= kMaxFixedTags) kMarginals[d.T / 2](emit, n, lo, hi, d, sc, out);
  else marginals_impl<0>(emit, n, lo, hi, d, sc, out);
}

}  // namespace glosa::ner
