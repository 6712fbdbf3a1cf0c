// Exact-span precision/recall/F1 per label and micro-averaged, for the evaluator and the
// trainer's dev checks. Layer: engine/eval (pure, no I/O). Offsets may be in any unit, as long
// as gold and predicted spans of one document use the same one.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace glosa {

struct ScoredSpan {
  size_t start = 0;  // half-open
  size_t end = 0;
  std::string label;
};

struct LabelCounts {
  size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0.0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

class SpanScorer {
 public:
  // Adds one document. A predicted span is a true positive when a gold span has the same
  // start, end and label (each gold span matches at most once; duplicates count once).
  void add(const std::vector<ScoredSpan>& gold, const std::vector<ScoredSpan>& predicted);

  // Counts per label (sorted by label name) and summed over `labels` (all when empty).
  const std::map<std::string, LabelCounts>& per_label() const { return counts_; }
  LabelCounts micro(const std::vector<std::string>& labels = {}) const;

  // A fixed-width table: one line per label, then "micro" over `labels` (all when empty).
  std::string report(const std::vector<std::string>& labels = {}) const;

 private:
  std::map<std::string, LabelCounts> counts_;
};

}  // namespace glosa
