// Word classes from unlabeled text: spherical k-means over PPMI-weighted left/right context
// vectors of the most frequent word forms, at two granularities (fine and coarse). They let
// the tagger generalise beyond the labeled vocabulary ("Tokajewem" near "Putinem").
// Layer: train (native only; reads gzip files through `gzip -dc`).
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
  size_t contexts = 1500;   // most frequent forms used as left/right context features
  size_t fine = 512;        // fine classes (< 1024)
  size_t coarse = 48;       // coarse classes (< 64)
  int iterations = 10;
  uint64_t seed = 1;
  bool verbose = true;
};

// Reads the gzip files (one paragraph per line) plus `texts`, clusters, and adds every
// clustered word to the gazetteer's class table as (coarse << 10 | fine).
Status build_word_classes(const std::vector<std::string>& gz_paths,
                          const std::vector<std::string>& texts, const ClusterOptions& options,
                          ner::Gazetteer* gazetteer);

}  // namespace glosa::train
