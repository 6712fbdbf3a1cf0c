// Word clustering for the tagger's class features. Layer: train.
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
};

// Spherical k-means with k-means++ seeding; returns a class per row.
std::vector<uint32_t> kmeans(const Sparse& x, size_t dims, size_t k, int iterations, uint64_t seed,
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
  for (size_t i = 0; i < std::min(opt.contexts, types); ++i) ctx_index[by_freq[i]] = static_cast<int32_t>(i);
  std::vector<uint32_t> rows;
  for (uint32_t id : by_freq) {
    if (rows.size() >= opt.vocab || corpus.counts[id] < 3) break;
    if (!corpus.is_word[id]) continue;
    row_index[id] = static_cast<int32_t>(rows.size());
    rows.push_back(id);
  }
  if (opt.verbose) {
    std::fprintf(stderr, "clusters: %zu tokens, %zu types, clustering %zu words (%.1fs)\n",
                 corpus.stream.size(), types, rows.size(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  // Co-occurrence pairs (row, dim): dim < C is the left neighbour, C.. the right one.
  const size_t C = std::min(opt.contexts, types);
  const size_t dims = 2 * C;
  std::vector<uint64_t> pairs;
  const auto& s = corpus.stream;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == kBoundary || row_index[s[i]] < 0) continue;
    const uint64_t r = static_cast<uint64_t>(row_index[s[i]]);
    if (i > 0 && s[i - 1] != kBoundary && ctx_index[s[i - 1]] >= 0) pairs.push_back(r << 32 | static_cast<uint64_t>(ctx_index[s[i - 1]]));
    if (i + 1 < s.size() && s[i + 1] != kBoundary && ctx_index[s[i + 1]] >= 0) pairs.push_back(r << 32 | (C + static_cast<uint64_t>(ctx_index[s[i + 1]])));
  }
  std::sort(pairs.begin(), pairs.end());
  // PPMI weights, then L2-normalised rows.
  std::vector<double> dim_total(dims, 0.0), row_total(rows.size(), 0.0);
  for (uint64_t p : pairs) { dim_total[p & 0xffffffffu] += 1; row_total[p >> 32] += 1; }
  const double N = static_cast<double>(pairs.size());
  Sparse x;
  x.off.assign(rows.size() + 1, 0);
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    const uint64_t r = pairs[i] >> 32, d = pairs[i] & 0xffffffffu;
    const double pmi = std::log(static_cast<double>(j - i) * N / (row_total[r] * dim_total[d]));
    if (pmi > 0) {
      x.dim.push_back(static_cast<uint32_t>(d));
      x.val.push_back(static_cast<float>(pmi));
      x.off[r + 1] = x.dim.size();
    }
    i = j;
  }
  for (size_t r = 1; r <= rows.size(); ++r) x.off[r] = std::max(x.off[r], x.off[r - 1]);
  for (size_t r = 0; r < rows.size(); ++r) {
    double norm = 0;
    for (size_t e = x.off[r]; e < x.off[r + 1]; ++e) norm += double(x.val[e]) * x.val[e];
    if (norm > 0) for (size_t e = x.off[r]; e < x.off[r + 1]; ++e) x.val[e] = static_cast<float>(x.val[e] / std::sqrt(norm));
  }
  pairs.clear();
  pairs.shrink_to_fit();
  const auto fine = kmeans(x, dims, opt.fine, opt.iterations, opt.seed, opt.verbose, "fine");
  const auto coarse = kmeans(x, dims, opt.coarse, opt.iterations, opt.seed + 1, opt.verbose, "coarse");
  for (size_t r = 0; r < rows.size(); ++r) {
    gaz->add_word_class(corpus.forms[rows[r]], static_cast<uint16_t>((coarse[r] & 63) << 10 | (fine[r] & 1023)));
  }
  if (opt.verbose) {
    std::fprintf(stderr, "clusters: done (%.1fs)\n",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return Status::ok();
}

}  // namespace glosa::train
