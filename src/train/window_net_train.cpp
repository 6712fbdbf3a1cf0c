// Window network training. Layer: train.
#include "train/window_net_train.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "train/corpus.h"

namespace glosa::train {

namespace {

// Adam over one dense parameter vector.
struct Adam {
  std::vector<float> m, v;
  void init(size_t n) { m.assign(n, 0.0f); v.assign(n, 0.0f); }
  void step(std::vector<float>* p, const std::vector<float>& g, float lr, float c1, float c2) {
    for (size_t k = 0; k < p->size(); ++k) {
      m[k] = 0.9f * m[k] + 0.1f * g[k];
      v[k] = 0.999f * v[k] + 0.001f * g[k] * g[k];
      (*p)[k] -= lr * (m[k] / c1) / (std::sqrt(v[k] / c2) + 1e-8f);
    }
  }
};

float normal(Rng& rng) {
  // Box-Muller; deterministic from the seed.
  const double u = std::max(1e-12, rng.uniform()), v = rng.uniform();
  return static_cast<float>(std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v));
}

}  // namespace

ner::WindowNet train_window_net(const NetTrainData& data, size_t T, const NetTrainOptions& opt) {
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  const size_t D = opt.dims, H = opt.hidden, W = ner::kNetWindow, X = W * D;
  const size_t rows = size_t{1} << opt.bucket_bits;
  const size_t N = data.gold.size();
  Rng rng{opt.seed * 0x9e3779b97f4a7c15ull + 7};

  // Pieces of every token, once.
  std::vector<uint32_t> pieces;
  std::vector<size_t> piece_off{0};
  pieces.reserve(N * 16);
  uint32_t buf[ner::kNetMaxPieces];
  for (size_t i = 0; i < N; ++i) {
    const size_t n = ner::net_pieces(data.form[i], data.kind[i], opt.bucket_bits, buf);
    pieces.insert(pieces.end(), buf, buf + n);
    piece_off.push_back(pieces.size());
  }
  // Window neighbours (-1: outside the unit) and the unit's unknown-class mask per token.
  std::vector<int64_t> unit_of(N);
  for (size_t u = 0; u + 1 < data.unit_off.size(); ++u) {
    for (size_t i = data.unit_off[u]; i < data.unit_off[u + 1]; ++i) unit_of[i] = static_cast<int64_t>(u);
  }

  std::vector<float> E(rows * D), G(rows, 0.0f);
  for (float& e : E) e = 0.1f * normal(rng);
  std::vector<float> W1(X * H), b1(H, 0.0f), W2(H * T), b2(T, 0.0f);
  for (float& w : W1) w = normal(rng) * std::sqrt(2.0f / static_cast<float>(X));
  for (float& w : W2) w = normal(rng) * std::sqrt(1.0f / static_cast<float>(H));
  Adam a1, ab1, a2, ab2;
  a1.init(W1.size()); ab1.init(H); a2.init(W2.size()); ab2.init(T);

  std::vector<size_t> order;
  for (size_t i = 0; i < N; ++i) if (!data.free_tag[i]) order.push_back(i);
  const size_t B = 256;
  std::vector<float> x(B * X), mask(B * X), h(B * H), p(B * T), gh(B * H), gx(X);
  std::vector<float> gW1(W1.size()), gb1(H), gW2(W2.size()), gb2(T);
  std::vector<float> gE;           // touched rows' gradients, D each
  std::vector<int32_t> slot(rows, -1);
  std::vector<uint32_t> touched;
  std::vector<int64_t> win(B * W);
  long step = 0;
  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng.below(k)]);
    const float lr = opt.learning_rate * std::pow(0.7f, static_cast<float>(epoch));
    double loss = 0;
    for (size_t start = 0; start < order.size(); start += B) {
      const size_t nb = std::min(B, order.size() - start);
      // Forward.
      for (size_t b = 0; b < nb; ++b) {
        const size_t i = order[start + b];
        const int64_t u = unit_of[i];
        for (size_t w = 0; w < W; ++w) {
          const int64_t k = static_cast<int64_t>(i) + static_cast<int64_t>(w) - 2;
          const bool inside = k >= 0 && k < static_cast<int64_t>(N) && unit_of[static_cast<size_t>(k)] == u;
          win[b * W + w] = inside ? k : -1;
          float* xv = &x[b * X + w * D];
          std::fill(xv, xv + D, 0.0f);
          if (!inside) continue;
          const size_t a = piece_off[static_cast<size_t>(k)], z = piece_off[static_cast<size_t>(k) + 1];
          for (size_t q = a; q < z; ++q) {
            const float* e = &E[size_t{pieces[q]} * D];
            for (size_t d = 0; d < D; ++d) xv[d] += e[d];
          }
          const float s = 1.0f / std::sqrt(static_cast<float>(std::max<size_t>(z - a, 1)));
          for (size_t d = 0; d < D; ++d) xv[d] *= s;
        }
        for (size_t c = 0; c < X; ++c) {
          mask[b * X + c] = rng.uniform() < opt.dropout ? 0.0f : 1.0f / (1.0f - opt.dropout);
          x[b * X + c] *= mask[b * X + c];
        }
        float* hb = &h[b * H];
        std::copy(b1.begin(), b1.end(), hb);
        for (size_t c = 0; c < X; ++c) {
          const float xc = x[b * X + c];
          if (xc == 0.0f) continue;
          const float* row = &W1[c * H];
          for (size_t j = 0; j < H; ++j) hb[j] += xc * row[j];
        }
        for (size_t j = 0; j < H; ++j) hb[j] = std::max(hb[j], 0.0f);
        float* pb = &p[b * T];
        std::copy(b2.begin(), b2.end(), pb);
        for (size_t j = 0; j < H; ++j) {
          if (hb[j] == 0.0f) continue;
          const float* row = &W2[j * T];
          for (size_t t = 0; t < T; ++t) pb[t] += hb[j] * row[t];
        }
        float mx = pb[0];
        for (size_t t = 1; t < T; ++t) mx = std::max(mx, pb[t]);
        float sum = 0;
        for (size_t t = 0; t < T; ++t) { pb[t] = std::exp(pb[t] - mx); sum += pb[t]; }
        for (size_t t = 0; t < T; ++t) pb[t] /= sum;
        // Target: the gold tag; over gold O also the tags of classes the corpus does not
        // annotate (the loss is -log of their summed probability).
        const uint64_t unknown = data.gold[i] == 0 ? data.unknown[static_cast<size_t>(u)] : 0;
        float ptarget = pb[data.gold[i]];
        for (size_t t = 1; t < T && unknown; ++t) if (unknown >> t & 1) ptarget += pb[t];
        loss -= std::log(std::max(ptarget, 1e-9f));
        // Gradient of the loss w.r.t. the logits: p - p * [t in target] / p(target).
        for (size_t t = 0; t < T; ++t) {
          const bool in = t == data.gold[i] || (unknown >> t & 1);
          if (in) pb[t] -= pb[t] / std::max(ptarget, 1e-9f);
          pb[t] /= static_cast<float>(nb);
        }
      }
      // Backward.
      std::fill(gW1.begin(), gW1.end(), 0.0f);
      std::fill(gb1.begin(), gb1.end(), 0.0f);
      std::fill(gW2.begin(), gW2.end(), 0.0f);
      std::fill(gb2.begin(), gb2.end(), 0.0f);
      touched.clear();
      gE.clear();
      for (size_t b = 0; b < nb; ++b) {
        const float* pb = &p[b * T];
        const float* hb = &h[b * H];
        float* ghb = &gh[b * H];
        for (size_t t = 0; t < T; ++t) gb2[t] += pb[t];
        for (size_t j = 0; j < H; ++j) {
          if (hb[j] == 0.0f) { ghb[j] = 0.0f; continue; }
          float* grow = &gW2[j * T];
          const float* row = &W2[j * T];
          float acc = 0;
          for (size_t t = 0; t < T; ++t) { grow[t] += hb[j] * pb[t]; acc += pb[t] * row[t]; }
          ghb[j] = acc;
        }
        for (size_t j = 0; j < H; ++j) gb1[j] += ghb[j];
        for (size_t c = 0; c < X; ++c) {
          const float xc = x[b * X + c];
          const float* row = &W1[c * H];
          float* grow = &gW1[c * H];
          float acc = 0;
          for (size_t j = 0; j < H; ++j) { if (xc != 0.0f) grow[j] += xc * ghb[j]; acc += ghb[j] * row[j]; }
          gx[c] = acc * mask[b * X + c];
        }
        for (size_t w = 0; w < W; ++w) {
          const int64_t k = win[b * W + w];
          if (k < 0) continue;
          const size_t a = piece_off[static_cast<size_t>(k)], z = piece_off[static_cast<size_t>(k) + 1];
          const float s = 1.0f / std::sqrt(static_cast<float>(std::max<size_t>(z - a, 1)));
          for (size_t q = a; q < z; ++q) {
            const uint32_t r = pieces[q];
            if (slot[r] < 0) {
              slot[r] = static_cast<int32_t>(touched.size());
              touched.push_back(r);
              gE.resize(gE.size() + D, 0.0f);
            }
            float* ge = &gE[static_cast<size_t>(slot[r]) * D];
            for (size_t d = 0; d < D; ++d) ge[d] += gx[w * D + d] * s;
          }
        }
      }
      ++step;
      const float c1 = 1.0f - std::pow(0.9f, static_cast<float>(step));
      const float c2 = 1.0f - std::pow(0.999f, static_cast<float>(step));
      a1.step(&W1, gW1, lr, c1, c2);
      ab1.step(&b1, gb1, lr, c1, c2);
      a2.step(&W2, gW2, lr, c1, c2);
      ab2.step(&b2, gb2, lr, c1, c2);
      for (size_t q = 0; q < touched.size(); ++q) {
        const uint32_t r = touched[q];
        const float* ge = &gE[q * D];
        float sq = 0;
        for (size_t d = 0; d < D; ++d) sq += ge[d] * ge[d];
        G[r] += sq / static_cast<float>(D);
        const float f = lr * 20.0f / std::sqrt(G[r] + 1e-6f);
        float* e = &E[size_t{r} * D];
        for (size_t d = 0; d < D; ++d) e[d] -= f * ge[d];
        slot[r] = -1;
      }
    }
    if (opt.verbose) {
      std::fprintf(stderr, "window net epoch %d: loss %.4f (%.1fs)\n", epoch + 1, loss / std::max<size_t>(order.size(), 1),
                   std::chrono::duration<double>(clock::now() - t0).count());
    }
  }

  // Quantise the embeddings of the rows training touched (the others keep their random
  // start and are written as zeros: they only add noise to unseen pieces, and zeros
  // compress): the 99.9th percentile of their |e| maps to 127.
  std::vector<uint8_t> used(rows, 0);
  for (uint32_t r : pieces) used[r] = 1;
  ner::WindowNet net;
  net.bucket_bits = opt.bucket_bits;
  net.dims = opt.dims;
  net.hidden = opt.hidden;
  net.tags = static_cast<uint32_t>(T);
  std::vector<float> mags;
  for (size_t r = 0; r < rows; ++r) {
    if (used[r]) for (size_t d = 0; d < D; ++d) mags.push_back(std::fabs(E[r * D + d]));
  }
  if (mags.empty()) mags.push_back(0.0f);
  const size_t q = std::min(mags.size() - 1, static_cast<size_t>(static_cast<double>(mags.size()) * 0.999));
  std::nth_element(mags.begin(), mags.begin() + static_cast<long>(q), mags.end());
  net.embed_scale = std::max(1e-6f, mags[q]) / 127.0f;
  net.embed.resize(E.size());
  for (size_t k = 0; k < E.size(); ++k) {
    const float v = std::max(-127.0f, std::min(127.0f, E[k] / net.embed_scale));
    net.embed[k] = static_cast<int8_t>(std::lround(v));
  }
  for (size_t r = 0; r < rows; ++r) {
    if (!used[r]) std::fill(&net.embed[r * D], &net.embed[r * D] + D, int8_t{0});
  }
  net.w1 = std::move(W1);
  net.b1 = std::move(b1);
  net.w2 = std::move(W2);
  net.b2 = std::move(b2);
  return net;
}

}  // namespace glosa::train
