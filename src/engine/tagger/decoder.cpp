// Viterbi and forward-backward for the name tagger. Layer: engine/tagger.
#include "engine/tagger/decoder.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace glosa::ner {

BioConstraints bio_constraints(const std::vector<std::string>& tags) {
  const size_t T = tags.size();
  BioConstraints c;
  c.allowed.assign(T * T, 1);
  c.start_allowed.assign(T, 1);
  for (size_t j = 0; j < T; ++j) {
    if (tags[j].rfind("I-", 0) != 0) continue;
    c.start_allowed[j] = 0;
    const std::string cls = tags[j].substr(2);
    for (size_t i = 0; i < T; ++i) {
      const bool ok = tags[i].size() > 2 && tags[i].compare(2, std::string::npos, cls) == 0 &&
                      (tags[i][0] == 'B' || tags[i][0] == 'I');
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
  int arg = 0;
  for (size_t j = 1; j < T; ++j) if (score[j] > score[static_cast<size_t>(arg)]) arg = static_cast<int>(j);
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
  auto normalise = [T](float* v) {
    float s = 0;
    for (size_t j = 0; j < T; ++j) s += v[j];
    if (!(s > 1e-30f) || !std::isfinite(s)) {
      for (size_t j = 0; j < T; ++j) v[j] = 1.0f / static_cast<float>(T);
    } else {
      const float inv_s = 1.0f / s;
      for (size_t j = 0; j < T; ++j) v[j] *= inv_s;
    }
  };
  for (size_t j = 0; j < T; ++j) alpha[j] = phi[j];
  normalise(&alpha[0]);
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
    normalise(cur);
  }
  for (size_t j = 0; j < T; ++j) beta[(n - 1) * T + j] = 1.0f;
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
    normalise(cur);
  }
  for (size_t t = 0; t < n; ++t) {
    float s = 0;
    for (size_t j = 0; j < T; ++j) s += alpha[t * T + j] * beta[t * T + j];
    for (size_t j = 0; j < T; ++j) {
      (*out)[t * T + j] = s > 0 ? alpha[t * T + j] * beta[t * T + j] / s : 0.0f;
    }
  }
}

}  // namespace glosa::ner
