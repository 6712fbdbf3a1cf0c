// Word clustering for the tagger's class features: PPMI over ±1 or ±2 neighbours, optionally
// a randomized SVD, spherical k-means at three granularities (see clusters.h). Layer: train.
#include "train/clusters.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <unordered_map>

#include "engine/text/tokenizer.h"
#include "engine/text/unicode.h"
#include "train/corpus.h"

namespace glosa::train {

namespace {

constexpr uint32_t kBoundary = 0xffffffffu;  // paragraph boundary in the token stream
constexpr int kPositions[] = {-2, -1, 1, 2};  // context positions, one block of dims each
constexpr size_t kPositionCount = sizeof(kPositions) / sizeof(kPositions[0]);

struct Corpus {
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::string> forms;
  std::vector<uint64_t> counts;
  std::vector<uint8_t> is_word;
  std::vector<uint32_t> stream;

  void add_text(const std::string& text) {
    for (const Token& t : tokenize(text)) {
      std::string form = to_lower(std::string_view(text).substr(t.begin_byte, t.end_byte - t.begin_byte));
      if (t.kind == TokenKind::Number) {
        for (char& c : form) if (c >= '0' && c <= '9') c = '0';
      }
      auto [it, inserted] = ids.emplace(form, static_cast<uint32_t>(forms.size()));
      if (inserted) {
        forms.push_back(form);
        counts.push_back(0);
        is_word.push_back(t.kind == TokenKind::Word ? 1 : 0);
      }
      ++counts[it->second];
      stream.push_back(it->second);
    }
    stream.push_back(kBoundary);
  }
};

Status read_gz(const std::string& path, Corpus* corpus) {
  const std::string cmd = "gzip -dc '" + path + "'";
  FILE* f = popen(cmd.c_str(), "r");
  if (!f) return Status(ErrorCode::IoError, path + ": cannot run gzip");
  std::string line;
  char buf[1 << 16];
  while (fgets(buf, sizeof buf, f)) {
    line += buf;
    if (!line.empty() && line.back() == '\n') {
      corpus->add_text(line);
      line.clear();
    }
  }
  if (!line.empty()) corpus->add_text(line);
  const int rc = pclose(f);
  if (rc != 0) return Status(ErrorCode::IoError, path + ": gzip failed (" + std::to_string(rc) + ")");
  return Status::ok();
}

// Sparse rows: row r has entries [off[r], off[r+1]) of (dim, value).
struct Sparse {
  std::vector<size_t> off;
  std::vector<uint32_t> dim;
  std::vector<float> val;
  size_t rows() const { return off.size() - 1; }
};

// A dense row-major matrix.
struct Dense {
  size_t n = 0, k = 0;
  std::vector<float> v;
  void init(size_t rows, size_t cols) { n = rows; k = cols; v.assign(rows * cols, 0.0f); }
  float* row(size_t r) { return &v[r * k]; }
  const float* row(size_t r) const { return &v[r * k]; }
};

// out = X * M (X: n x D sparse, M: D x k) or X^T * M (M: n x k, out: D x k).
void sparse_times(const Sparse& x, const Dense& m, Dense* out) {
  out->init(x.rows(), m.k);
  for (size_t r = 0; r < x.rows(); ++r) {
    float* o = out->row(r);
    for (size_t e = x.off[r]; e < x.off[r + 1]; ++e) {
      const float v = x.val[e];
      const float* mr = m.row(x.dim[e]);
      for (size_t j = 0; j < m.k; ++j) o[j] += v * mr[j];
    }
  }
}
void sparse_t_times(const Sparse& x, size_t dims, const Dense& m, Dense* out) {
  out->init(dims, m.k);
  for (size_t r = 0; r < x.rows(); ++r) {
    const float* mr = m.row(r);
    for (size_t e = x.off[r]; e < x.off[r + 1]; ++e) {
      const float v = x.val[e];
      float* o = out->row(x.dim[e]);
      for (size_t j = 0; j < m.k; ++j) o[j] += v * mr[j];
    }
  }
}

// G = A^T A (k x k, double).
std::vector<double> gram(const Dense& a) {
  const size_t k = a.k;
  std::vector<double> g(k * k, 0.0);
  std::vector<double> acc(k * k, 0.0);
  // Blocks of rows summed in float-free double for stability.
  for (size_t r = 0; r < a.n; ++r) {
    const float* ar = a.row(r);
    for (size_t i = 0; i < k; ++i) {
      const double ai = ar[i];
      double* gi = &g[i * k];
      for (size_t j = i; j < k; ++j) gi[j] += ai * ar[j];
    }
  }
  for (size_t i = 0; i < k; ++i) for (size_t j = 0; j < i; ++j) g[i * k + j] = g[j * k + i];
  return g;
}

// Orthonormalises the columns of A in place (Cholesky QR, twice). Columns that are (nearly)
// dependent become zero.
void orthonormalise(Dense* a) {
  const size_t k = a->k;
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<double> g = gram(*a);
    // Cholesky: G = L L^T.
    std::vector<double> l(k * k, 0.0);
    for (size_t j = 0; j < k; ++j) {
      double d = g[j * k + j];
      for (size_t p = 0; p < j; ++p) d -= l[j * k + p] * l[j * k + p];
      const double ljj = d > 1e-12 * (g[j * k + j] + 1e-30) && d > 0 ? std::sqrt(d) : 0.0;
      l[j * k + j] = ljj;
      for (size_t i = j + 1; i < k; ++i) {
        double s = g[i * k + j];
        for (size_t p = 0; p < j; ++p) s -= l[i * k + p] * l[j * k + p];
        l[i * k + j] = ljj > 0 ? s / ljj : 0.0;
      }
    }
    // Q = A L^{-T}: each row q solves L q = a (forward substitution).
    std::vector<double> q(k);
    for (size_t r = 0; r < a->n; ++r) {
      float* ar = a->row(r);
      for (size_t i = 0; i < k; ++i) {
        double s = ar[i];
        for (size_t p = 0; p < i; ++p) s -= l[i * k + p] * q[p];
        q[i] = l[i * k + i] > 0 ? s / l[i * k + i] : 0.0;
      }
      for (size_t i = 0; i < k; ++i) ar[i] = static_cast<float>(q[i]);
    }
  }
}

// Eigen-decomposition of a symmetric k x k matrix by cyclic Jacobi rotations: eigenvalues in
// *values (descending), eigenvectors as the columns of *vectors (row-major k x k).
void symmetric_eigen(std::vector<double> a, size_t k, std::vector<double>* values, std::vector<double>* vectors) {
  std::vector<double> v(k * k, 0.0);
  for (size_t i = 0; i < k; ++i) v[i * k + i] = 1.0;
  for (int sweep = 0; sweep < 60; ++sweep) {
    double off = 0;
    for (size_t i = 0; i < k; ++i) for (size_t j = i + 1; j < k; ++j) off += a[i * k + j] * a[i * k + j];
    if (off < 1e-22) break;
    for (size_t p = 0; p < k; ++p) {
      for (size_t q = p + 1; q < k; ++q) {
        const double apq = a[p * k + q];
        if (std::fabs(apq) < 1e-300) continue;
        const double theta = (a[q * k + q] - a[p * k + p]) / (2 * apq);
        const double t = (theta >= 0 ? 1.0 : -1.0) / (std::fabs(theta) + std::sqrt(theta * theta + 1));
        const double c = 1 / std::sqrt(t * t + 1), s = t * c;
        for (size_t r = 0; r < k; ++r) {
          const double arp = a[r * k + p], arq = a[r * k + q];
          a[r * k + p] = c * arp - s * arq;
          a[r * k + q] = s * arp + c * arq;
        }
        for (size_t r = 0; r < k; ++r) {
          const double apr = a[p * k + r], aqr = a[q * k + r];
          a[p * k + r] = c * apr - s * aqr;
          a[q * k + r] = s * apr + c * aqr;
        }
        for (size_t r = 0; r < k; ++r) {
          const double vrp = v[r * k + p], vrq = v[r * k + q];
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  std::vector<size_t> order(k);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return a[x * k + x] != a[y * k + y] ? a[x * k + x] > a[y * k + y] : x < y;
  });
  values->assign(k, 0.0);
  vectors->assign(k * k, 0.0);
  for (size_t c = 0; c < k; ++c) {
    (*values)[c] = a[order[c] * k + order[c]];
    for (size_t r = 0; r < k; ++r) (*vectors)[r * k + c] = v[r * k + order[c]];
  }
}

// Word vectors: the first `d` left singular vectors of X scaled by the square roots of their
// singular values, rows L2-normalised. Randomized range finder with two power iterations.
Dense svd_vectors(const Sparse& x, size_t dims, size_t d, uint64_t seed, bool verbose) {
  const size_t k = d + 16;
  Rng rng{seed * 0x51ed27u + 3};
  Dense omega;
  omega.init(dims, k);
  for (float& f : omega.v) {
    // Box-Muller.
    const double u1 = std::max(1e-12, rng.uniform()), u2 = rng.uniform();
    f = static_cast<float>(std::sqrt(-2 * std::log(u1)) * std::cos(6.283185307179586 * u2));
  }
  Dense y, z;
  sparse_times(x, omega, &y);
  orthonormalise(&y);
  for (int it = 0; it < 2; ++it) {
    sparse_t_times(x, dims, y, &z);
    orthonormalise(&z);
    sparse_times(x, z, &y);
    orthonormalise(&y);
    if (verbose) std::fprintf(stderr, "svd: power iteration %d\n", it + 1);
  }
  // B = Q^T X; B B^T = Z^T Z with Z = X^T Q.
  sparse_t_times(x, dims, y, &z);
  std::vector<double> values, vectors;
  symmetric_eigen(gram(z), k, &values, &vectors);
  Dense out;
  out.init(x.rows(), d);
  for (size_t r = 0; r < x.rows(); ++r) {
    const float* q = y.row(r);
    float* o = out.row(r);
    double norm = 0;
    for (size_t c = 0; c < d; ++c) {
      double s = 0;
      for (size_t i = 0; i < k; ++i) s += q[i] * vectors[i * k + c];
      // U * sqrt(sigma) = U * lambda^(1/4).
      s *= std::pow(std::max(0.0, values[c]), 0.25);
      o[c] = static_cast<float>(s);
      norm += s * s;
    }
    if (norm > 0) {
      const float inv = static_cast<float>(1 / std::sqrt(norm));
      for (size_t c = 0; c < d; ++c) o[c] *= inv;
    }
  }
  if (verbose) {
    std::fprintf(stderr, "svd: singular values %.1f %.1f ... %.1f\n", std::sqrt(std::max(0.0, values[0])),
                 std::sqrt(std::max(0.0, values[1])), std::sqrt(std::max(0.0, values[d - 1])));
  }
  return out;
}

float dot(const float* a, const float* b, size_t d) {
  float s = 0;
  for (size_t i = 0; i < d; ++i) s += a[i] * b[i];
  return s;
}

// Spherical k-means of the rows `members` of `x` into k classes (k-means++ seeding);
// returns the class of each member.
std::vector<uint32_t> kmeans(const Dense& x, const std::vector<uint32_t>& members, size_t k,
                             int iterations, Rng* rng) {
  const size_t n = members.size(), d = x.k;
  std::vector<uint32_t> assign(n, 0);
  if (n <= k) {
    for (size_t i = 0; i < n; ++i) assign[i] = static_cast<uint32_t>(i);
    return assign;
  }
  std::vector<float> cent(k * d, 0.0f);
  std::vector<float> best(n, 2.0f);
  size_t chosen = rng->below(n);
  std::copy(x.row(members[chosen]), x.row(members[chosen]) + d, &cent[0]);
  for (size_t c = 1; c < k; ++c) {
    double total = 0;
    for (size_t i = 0; i < n; ++i) {
      best[i] = std::min(best[i], 1.0f - dot(&cent[(c - 1) * d], x.row(members[i]), d));
      const double b = std::max(0.0f, best[i]);
      total += b * b;
    }
    double pick = rng->uniform() * total;
    chosen = n - 1;
    for (size_t i = 0; i < n; ++i) {
      const double b = std::max(0.0f, best[i]);
      pick -= b * b;
      if (pick <= 0) { chosen = i; break; }
    }
    std::copy(x.row(members[chosen]), x.row(members[chosen]) + d, &cent[c * d]);
  }
  for (int it = 0; it < iterations; ++it) {
    size_t moved = 0;
    for (size_t i = 0; i < n; ++i) {
      const float* xr = x.row(members[i]);
      float bs = -1e30f;
      uint32_t bc = 0;
      for (size_t c = 0; c < k; ++c) {
        const float s = dot(&cent[c * d], xr, d);
        if (s > bs) { bs = s; bc = static_cast<uint32_t>(c); }
      }
      if (bc != assign[i] || it == 0) ++moved;
      assign[i] = bc;
    }
    std::vector<float> next(k * d, 0.0f);
    std::vector<size_t> size(k, 0);
    for (size_t i = 0; i < n; ++i) {
      const float* xr = x.row(members[i]);
      float* cc = &next[assign[i] * d];
      for (size_t j = 0; j < d; ++j) cc[j] += xr[j];
      ++size[assign[i]];
    }
    for (size_t c = 0; c < k; ++c) {
      float* cc = &next[c * d];
      if (size[c] == 0) {  // an empty class keeps its centroid
        std::copy(&cent[c * d], &cent[c * d] + d, cc);
        continue;
      }
      double norm = 0;
      for (size_t j = 0; j < d; ++j) norm += double(cc[j]) * cc[j];
      if (norm > 0) {
        const float inv = static_cast<float>(1.0 / std::sqrt(norm));
        for (size_t j = 0; j < d; ++j) cc[j] *= inv;
      }
    }
    cent.swap(next);
    if (moved == 0) break;
  }
  return assign;
}

// Spherical k-means with k-means++ seeding; returns a class per row.
std::vector<uint32_t> sparse_kmeans(const Sparse& x, size_t dims, size_t k, int iterations, uint64_t seed,
                             bool verbose, const char* what) {
  const size_t n = x.off.size() - 1;
  k = std::min(k, n);
  Rng rng{seed};
  std::vector<float> cent(k * dims, 0.0f);
  auto set_centroid = [&](size_t c, size_t r) {
    std::fill(&cent[c * dims], &cent[c * dims] + dims, 0.0f);
    for (size_t e = x.off[r]; e < x.off[r + 1]; ++e) cent[c * dims + x.dim[e]] = x.val[e];
  };
  auto dot = [&](size_t c, size_t r) {
    float s = 0;
    const float* cc = &cent[c * dims];
    for (size_t e = x.off[r]; e < x.off[r + 1]; ++e) s += cc[x.dim[e]] * x.val[e];
    return s;
  };
  // k-means++ on cosine distance (1 - dot), sampled among the rows.
  std::vector<float> best(n, 2.0f);
  size_t first = rng.below(n);
  set_centroid(0, first);
  for (size_t c = 1; c < k; ++c) {
    double total = 0;
    for (size_t r = 0; r < n; ++r) {
      best[r] = std::min(best[r], 1.0f - dot(c - 1, r));
      total += std::max(0.0f, best[r]) * std::max(0.0f, best[r]);
    }
    double pick = rng.uniform() * total;
    size_t chosen = n - 1;
    for (size_t r = 0; r < n; ++r) {
      pick -= std::max(0.0f, best[r]) * std::max(0.0f, best[r]);
      if (pick <= 0) { chosen = r; break; }
    }
    set_centroid(c, chosen);
  }
  std::vector<uint32_t> assign(n, 0);
  for (int it = 0; it < iterations; ++it) {
    size_t moved = 0;
    for (size_t r = 0; r < n; ++r) {
      float bs = -1e30f;
      uint32_t bc = 0;
      for (size_t c = 0; c < k; ++c) {
        const float s = dot(c, r);
        if (s > bs) { bs = s; bc = static_cast<uint32_t>(c); }
      }
      if (bc != assign[r] || it == 0) ++moved;
      assign[r] = bc;
    }
    std::fill(cent.begin(), cent.end(), 0.0f);
    for (size_t r = 0; r < n; ++r) {
      float* cc = &cent[assign[r] * dims];
      for (size_t e = x.off[r]; e < x.off[r + 1]; ++e) cc[x.dim[e]] += x.val[e];
    }
    for (size_t c = 0; c < k; ++c) {
      float* cc = &cent[c * dims];
      double norm = 0;
      for (size_t d = 0; d < dims; ++d) norm += double(cc[d]) * cc[d];
      if (norm > 0) {
        const float inv = static_cast<float>(1.0 / std::sqrt(norm));
        for (size_t d = 0; d < dims; ++d) cc[d] *= inv;
      }
    }
    if (verbose) std::fprintf(stderr, "clusters (%s, k=%zu): iteration %d, %zu moved\n", what, k, it + 1, moved);
    if (moved == 0) break;
  }
  return assign;
}

}  // namespace

Status build_word_classes(const std::vector<std::string>& gz_paths, const std::vector<std::string>& texts,
                          const ClusterOptions& opt, ner::Gazetteer* gaz) {
  const auto t0 = std::chrono::steady_clock::now();
  auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  Corpus corpus;
  for (const auto& p : gz_paths) GLOSA_TRY(read_gz(p, &corpus));
  for (const auto& t : texts) corpus.add_text(t);
  const size_t types = corpus.forms.size();
  // Rank forms by frequency (ties by form, so the result does not depend on hash order).
  std::vector<uint32_t> by_freq(types);
  std::iota(by_freq.begin(), by_freq.end(), 0);
  std::sort(by_freq.begin(), by_freq.end(), [&](uint32_t a, uint32_t b) {
    return corpus.counts[a] != corpus.counts[b] ? corpus.counts[a] > corpus.counts[b] : corpus.forms[a] < corpus.forms[b];
  });
  std::vector<int32_t> ctx_index(types, -1), row_index(types, -1);
  const size_t C = std::min(opt.contexts, types);
  for (size_t i = 0; i < C; ++i) ctx_index[by_freq[i]] = static_cast<int32_t>(i);
  std::vector<uint32_t> rows;
  for (uint32_t id : by_freq) {
    if (rows.size() >= opt.vocab || corpus.counts[id] < opt.min_count) break;
    if (!corpus.is_word[id]) continue;
    row_index[id] = static_cast<int32_t>(rows.size());
    rows.push_back(id);
  }
  if (opt.verbose) {
    std::fprintf(stderr, "clusters: %zu tokens, %zu types, clustering %zu words (%.1fs)\n",
                 corpus.stream.size(), types, rows.size(), seconds());
  }
  // Co-occurrence pairs (row, dim): dim = position block * C + context form.
  const size_t dims = kPositionCount * C;
  std::vector<uint64_t> pairs;
  const auto& s = corpus.stream;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == kBoundary || row_index[s[i]] < 0) continue;
    const uint64_t r = static_cast<uint64_t>(row_index[s[i]]);
    for (size_t p = 0; p < kPositionCount; ++p) {
      if (opt.window < 2 && (kPositions[p] < -1 || kPositions[p] > 1)) continue;
      const long j = static_cast<long>(i) + kPositions[p];
      if (j < 0 || j >= static_cast<long>(s.size())) continue;
      // Not across a paragraph boundary.
      bool crosses = false;
      for (long q = std::min<long>(j, static_cast<long>(i)); q <= std::max<long>(j, static_cast<long>(i)); ++q) {
        crosses = crosses || s[static_cast<size_t>(q)] == kBoundary;
      }
      if (crosses || ctx_index[s[static_cast<size_t>(j)]] < 0) continue;
      pairs.push_back(r << 32 | (p * C + static_cast<uint64_t>(ctx_index[s[static_cast<size_t>(j)]])));
    }
  }
  std::sort(pairs.begin(), pairs.end());
  // PPMI with the context distribution smoothed (counts^0.75).
  std::vector<double> dim_total(dims, 0.0), row_total(rows.size(), 0.0);
  for (uint64_t p : pairs) { dim_total[p & 0xffffffffu] += 1; row_total[p >> 32] += 1; }
  double smooth_total = 0;
  // (The sparse clusters keep the plain context distribution, as they were built before.)
  for (double& t : dim_total) {
    if (opt.svd) t = std::pow(t, 0.75);
    smooth_total += t;
  }
  Sparse x;
  x.off.assign(rows.size() + 1, 0);
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    const uint64_t r = pairs[i] >> 32, d = pairs[i] & 0xffffffffu;
    const double total = opt.svd ? smooth_total : static_cast<double>(pairs.size());
    const double pmi = std::log(static_cast<double>(j - i) * total / (row_total[r] * dim_total[d]));
    if (pmi > 0) {
      x.dim.push_back(static_cast<uint32_t>(d));
      x.val.push_back(static_cast<float>(pmi));
      x.off[r + 1] = x.dim.size();
    }
    i = j;
  }
  for (size_t r = 1; r <= rows.size(); ++r) x.off[r] = std::max(x.off[r], x.off[r - 1]);
  pairs.clear();
  pairs.shrink_to_fit();
  if (opt.verbose) std::fprintf(stderr, "clusters: PPMI %zu x %zu, %zu entries (%.1fs)\n", rows.size(), dims, x.dim.size(), seconds());
  std::vector<uint32_t> fine, coarse, mid;
  if (opt.svd) {
    const Dense vec = svd_vectors(x, dims, std::min(opt.dims, dims), opt.seed, opt.verbose);
    if (opt.verbose) std::fprintf(stderr, "clusters: vectors (%.1fs)\n", seconds());
    std::vector<uint32_t> all(rows.size());
    std::iota(all.begin(), all.end(), 0);
    Rng rng{opt.seed};
    fine = kmeans(vec, all, opt.fine, opt.iterations, &rng);
    coarse = kmeans(vec, all, opt.coarse, opt.iterations, &rng);
    if (opt.mid) mid = kmeans(vec, all, opt.mid, opt.iterations, &rng);
  } else {
    for (size_t r = 0; r < rows.size(); ++r) {
      double norm = 0;
      for (size_t e = x.off[r]; e < x.off[r + 1]; ++e) norm += double(x.val[e]) * x.val[e];
      if (norm > 0) for (size_t e = x.off[r]; e < x.off[r + 1]; ++e) x.val[e] = static_cast<float>(x.val[e] / std::sqrt(norm));
    }
    fine = sparse_kmeans(x, dims, opt.fine, opt.iterations, opt.seed, opt.verbose, "fine");
    coarse = sparse_kmeans(x, dims, opt.coarse, opt.iterations, opt.seed + 1, opt.verbose, "coarse");
    if (opt.mid) mid = sparse_kmeans(x, dims, opt.mid, opt.iterations, opt.seed + 2, opt.verbose, "middle");
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    gaz->add_word_class(corpus.forms[rows[r]], ner::word_classes(fine[r], coarse[r], mid.empty() ? 0 : mid[r] + 1));
  }
  if (opt.verbose) std::fprintf(stderr, "clusters: done (%.1fs)\n", seconds());
  return Status::ok();
}

}  // namespace glosa::train
