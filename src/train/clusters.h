// Word classes from unlabeled text: PPMI-weighted context vectors of the most frequent word
// forms (neighbours at ±1, or ±2 with --cluster-window 2), clustered by spherical k-means at
// three granularities (fine, coarse, and optionally a middle one), either directly over the
// sparse PPMI rows or over word vectors from a truncated SVD of that matrix (--cluster-svd).
// They let the tagger generalise beyond the labeled vocabulary ("Tokajewem" near "Putinem").
// Layer: train (native only; reads gzip files through `gzip -dc`).
//
// Why our own SVD and k-means: the word2vec/GloVe tools in Debian are command-line programs
// over whitespace-tokenised files (ours must use the engine's tokenizer and stay
// deterministic across machines), and the randomized SVD of a sparse matrix needs ~100 lines
// here (Cholesky QR and Jacobi eigenvalues of a 144 x 144 matrix) where Eigen would add a
// build dependency to every machine for it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/error.h"
#include "engine/tagger/gazetteer.h"

namespace glosa::train {

struct ClusterOptions {
  size_t vocab = 60000;     // words to cluster (most frequent lower-cased word forms)
  size_t min_count = 3;     // ... seen at least this often
  size_t contexts = 1500;   // most frequent forms used as context features (per position)
  int window = 1;           // context positions: ±1 or ±2
  bool svd = false;         // cluster SVD word vectors (dense) instead of the sparse PPMI rows
  size_t dims = 128;        // SVD dimensions of the word vectors
  size_t fine = 512;        // fine classes (<= 1024)
  size_t coarse = 48;       // coarse classes (<= 64)
  size_t mid = 0;           // middle classes (<= 254; 0: none)
  int iterations = 10;      // k-means iterations
  uint64_t seed = 1;
  bool verbose = true;
};

// Reads the gzip files (one paragraph per line) plus `texts`, clusters, and adds every
// clustered word to the gazetteer's class table (ner::word_classes).
Status build_word_classes(const std::vector<std::string>& gz_paths,
                          const std::vector<std::string>& texts, const ClusterOptions& options,
                          ner::Gazetteer* gazetteer);

}  // namespace glosa::train
