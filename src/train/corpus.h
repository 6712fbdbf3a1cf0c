// Reads the gold JSONL corpora for training (each line parsed by formats/gold_jsonl): maps
// labels (engine/eval/gold_labels), re-spaces the space-joined NKJP/CoNLL text so it looks
// like pasted text (engine/eval/respace.h), and projects the gold spans onto the engine
// tokenizer's tokens as BIO tags. Layer: train (native only, does file I/O).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/error.h"
#include "engine/eval/gold_labels.h"
#include "engine/eval/respace.h"

namespace glosa::train {

struct GoldSpan {
  size_t begin_byte = 0;  // half-open, into Example::text
  size_t end_byte = 0;
  std::string cls;        // "PER", "LOC": the tagger's class (a label)
  std::string subtype;    // "country", "geographic", ... (LOC; empty when the data has none)
};

struct Example {
  GoldScheme scheme = GoldScheme::Nkjp;  // which labels the source annotates (others: unknown)
  std::string id;
  std::string doc;        // document id (for holding documents out)
  std::string text;
  std::vector<GoldSpan> spans;  // sorted by begin, non-overlapping
};

struct ReadOptions {
  GoldScheme scheme = GoldScheme::Nkjp;
  size_t limit = 0;            // 0 = all records
  double respace_prob = 0.0;   // share of records re-spaced (NKJP/CoNLL only)
  uint64_t seed = 1;
  bool group_docs = true;      // join consecutive records of one "doc" (newline-separated)
  int doc_mod = 0;             // with doc_mod > 0: keep docs whose index % doc_mod ...
  int doc_keep = -1;           //   ... == doc_keep (>= 0) or != -doc_keep-1 (< 0)
};

// Reads one JSONL file. Bad lines (not JSON, missing fields, offsets out of range) are
// counted in *skipped and left out; an unreadable file is an IoError.
Result<std::vector<Example>> read_examples(const std::string& path, const ReadOptions& options,
                                           size_t* skipped);

// Deterministic 64-bit generator (splitmix64), the same on every platform.
struct Rng {
  uint64_t state;
  uint64_t next();
  double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
  size_t below(size_t n) { return n ? static_cast<size_t>(next() % n) : 0; }
};

}  // namespace glosa::train
