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
      for (size_t i = 0; i < T; ++i) {
        if (!bio.allowed[i * T + j] || score[i] == kNeg) continue;
        const float s = score[i] + trans[i * T + j];
        if (s > best) { best = s; arg = static_cast<int>(i); }
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

void token_marginals(const float* emit, size_t n, size_t T, const float* start, const float* trans,
                     const BioConstraints& bio, float temperature, std::vector<float>* out) {
  out->assign(n * T, 0.0f);
  if (n == 0) return;
  const double inv = 1.0 / std::max(1e-6f, temperature);
  // Transition potentials, shifted by their maximum (a constant factor cancels out).
  float tmax = -std::numeric_limits<float>::infinity();
  for (size_t k = 0; k < T * T; ++k) if (bio.allowed[k]) tmax = std::max(tmax, trans[k]);
  std::vector<double> E(T * T);
  for (size_t k = 0; k < T * T; ++k) {
    E[k] = bio.allowed[k] ? std::exp(std::max(-700.0, (trans[k] - tmax) * inv)) : 0.0;
  }
  // Emission potentials per token, shifted by the token's maximum.
  std::vector<double> phi(n * T);
  for (size_t t = 0; t < n; ++t) {
    float m = -std::numeric_limits<float>::infinity();
    for (size_t j = 0; j < T; ++j) {
      const float s = emit[t * T + j] + (t == 0 ? start[j] : 0.0f);
      m = std::max(m, s);
    }
    for (size_t j = 0; j < T; ++j) {
      const float s = emit[t * T + j] + (t == 0 ? start[j] : 0.0f);
      const bool ok = t > 0 || bio.start_allowed[j];
      phi[t * T + j] = ok ? std::exp(std::max(-700.0, (s - m) * inv)) : 0.0;
    }
  }
  std::vector<double> alpha(n * T), beta(n * T), scale(n, 1.0);
  auto normalise = [&](double* v, size_t t) {
    double s = 0;
    for (size_t j = 0; j < T; ++j) s += v[j];
    if (!(s > 0) || !std::isfinite(s)) {  // underflow: fall back to uniform
      for (size_t j = 0; j < T; ++j) v[j] = 1.0 / static_cast<double>(T);
      s = 1.0;
    } else {
      for (size_t j = 0; j < T; ++j) v[j] /= s;
    }
    scale[t] = s;
  };
  for (size_t j = 0; j < T; ++j) alpha[j] = phi[j];
  normalise(&alpha[0], 0);
  for (size_t t = 1; t < n; ++t) {
    const double* a = &alpha[(t - 1) * T];
    double* cur = &alpha[t * T];
    for (size_t j = 0; j < T; ++j) {
      double s = 0;
      for (size_t i = 0; i < T; ++i) s += a[i] * E[i * T + j];
      cur[j] = s * phi[t * T + j];
    }
    normalise(cur, t);
  }
  for (size_t j = 0; j < T; ++j) beta[(n - 1) * T + j] = 1.0;
  for (size_t t = n - 1; t-- > 0;) {
    const double* b = &beta[(t + 1) * T];
    double* cur = &beta[t * T];
    double total = 0;
    for (size_t i = 0; i < T; ++i) {
      double s = 0;
      for (size_t j = 0; j < T; ++j) s += E[i * T + j] * phi[(t + 1) * T + j] * b[j];
      cur[i] = s;
      total += s;
    }
    if (total > 0 && std::isfinite(total)) for (size_t i = 0; i < T; ++i) cur[i] /= total;
    else for (size_t i = 0; i < T; ++i) cur[i] = 1.0;
  }
  for (size_t t = 0; t < n; ++t) {
    double s = 0;
    for (size_t j = 0; j < T; ++j) s += alpha[t * T + j] * beta[t * T + j];
    for (size_t j = 0; j < T; ++j) {
      (*out)[t * T + j] = s > 0 ? static_cast<float>(alpha[t * T + j] * beta[t * T + j] / s) : 0.0f;
    }
  }
}

}  // namespace glosa::ner
