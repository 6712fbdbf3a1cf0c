// Exact-span scoring. Layer: engine/eval.
#include "engine/eval/span_scorer.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

namespace glosa {

void SpanScorer::add(const std::vector<ScoredSpan>& gold, const std::vector<ScoredSpan>& predicted) {
  using Key = std::tuple<size_t, size_t, std::string>;
  std::set<Key> g, p;
  for (const auto& s : gold) g.emplace(s.start, s.end, s.label);
  for (const auto& s : predicted) p.emplace(s.start, s.end, s.label);
  for (const auto& k : p) {
    LabelCounts& c = counts_[std::get<2>(k)];
    if (g.count(k)) ++c.tp; else ++c.fp;
  }
  for (const auto& k : g) {
    if (!p.count(k)) ++counts_[std::get<2>(k)].fn;
  }
}

LabelCounts SpanScorer::micro(const std::vector<std::string>& labels) const {
  LabelCounts total;
  for (const auto& [label, c] : counts_) {
    if (!labels.empty() && std::find(labels.begin(), labels.end(), label) == labels.end()) continue;
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return total;
}

std::string SpanScorer::report(const std::vector<std::string>& labels) const {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-8s %7s %7s %7s %7s %7s %7s\n", "label", "gold", "pred",
                "P", "R", "F1", "tp");
  out += line;
  auto row = [&](const std::string& name, const LabelCounts& c) {
    std::snprintf(line, sizeof line, "%-8s %7zu %7zu %7.4f %7.4f %7.4f %7zu\n", name.c_str(),
                  c.tp + c.fn, c.tp + c.fp, c.precision(), c.recall(), c.f1(), c.tp);
    out += line;
  };
  for (const auto& [label, c] : counts_) {
    if (!labels.empty() && std::find(labels.begin(), labels.end(), label) == labels.end()) continue;
    row(label, c);
  }
  row("micro", micro(labels));
  return out;
}

}  // namespace glosa
