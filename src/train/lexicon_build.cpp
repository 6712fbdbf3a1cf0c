// Suffix-trie construction for the name lexicon. Layer: train.
#include "train/lexicon_build.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa::train {

namespace {

std::u32string lower_cps(std::string_view s) { return to_codepoints(to_lower(s)); }

struct Vote {
  std::u32string key;  // reversed lower-cased form (+ marker), at most max_depth long
  uint32_t rule;
  double weight;
};

struct BuiltNode {
  char32_t cp = 0;
  uint32_t parent = 0;
  uint32_t majority = 0;
  double total = 0;
};

}  // namespace

void build_suffix_trie(const std::vector<LemmaPair>& pairs, const TrieOptions& opt,
                       names::LexiconData* data, TrieStats* st) {
  // Rules, numbered in order of first appearance after sorting them: deterministic.
  std::map<std::tuple<int, int, std::string>, uint32_t> rule_ids;
  std::vector<std::tuple<int, int, std::string>> pair_rules(pairs.size());
  std::vector<uint8_t> usable(pairs.size(), 0);
  for (size_t i = 0; i < pairs.size(); ++i) {
    const LemmaPair& p = pairs[i];
    const std::u32string f = lower_cps(p.form), l = lower_cps(p.lemma);
    size_t lcp = 0;
    while (lcp < f.size() && lcp < l.size() && f[lcp] == l[lcp]) ++lcp;
    const size_t strip = f.size() - lcp;
    if (f.empty() || strip >= f.size() || strip > 32 || l.size() - lcp > 32) { ++st->skipped; continue; }
    std::string append;
    for (size_t k = lcp; k < l.size(); ++k) append_utf8(append, l[k]);
    pair_rules[i] = {static_cast<int>(p.word_class), static_cast<int>(strip), append};
    rule_ids.emplace(pair_rules[i], 0);
    usable[i] = 1;
  }
  data->rules.clear();
  for (auto& [key, id] : rule_ids) {
    id = static_cast<uint32_t>(data->rules.size());
    names::WordRule r;
    r.word_class = static_cast<names::WordClass>(std::get<0>(key));
    r.strip = static_cast<uint8_t>(std::get<1>(key));
    r.append = std::get<2>(key);
    data->rules.push_back(std::move(r));
  }
  if (data->rules.empty()) data->rules.push_back(names::WordRule{});

  std::vector<Vote> votes;
  votes.reserve(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (!usable[i]) continue;
    std::u32string key = lower_cps(pairs[i].form);
    std::reverse(key.begin(), key.end());
    if (key.size() < opt.max_depth) {
      key += pairs[i].capitalised ? names::kMarkCapitalised : names::kMarkLowerCase;
    } else {
      key.resize(opt.max_depth);
    }
    votes.push_back({std::move(key), rule_ids[pair_rules[i]], pairs[i].weight});
  }
  st->pairs = votes.size();
  data->max_depth = static_cast<uint32_t>(opt.max_depth);
  std::sort(votes.begin(), votes.end(), [](const Vote& a, const Vote& b) {
    return a.key != b.key ? a.key < b.key : a.rule < b.rule;
  });

  // Depth-first construction over the sorted keys: stack[d] is the open node of the
  // current key's first d code points, with the votes of its subtree so far.
  std::vector<BuiltNode> nodes(1);
  struct Open {
    uint32_t node;
    std::unordered_map<uint32_t, double> votes;
  };
  std::vector<Open> stack(1, Open{0, {}});
  const auto close_top = [&] {
    Open top = std::move(stack.back());
    stack.pop_back();
    BuiltNode& n = nodes[top.node];
    double best = -1;
    for (const auto& [rule, w] : top.votes) {
      n.total += w;
      if (w > best || (w == best && rule < n.majority)) { best = w; n.majority = rule; }
    }
    if (!stack.empty()) {
      for (const auto& [rule, w] : top.votes) stack.back().votes[rule] += w;
    }
  };
  const std::u32string* prev = nullptr;
  for (const Vote& v : votes) {
    size_t common = 0;
    if (prev) {
      while (common < prev->size() && common < v.key.size() && (*prev)[common] == v.key[common]) ++common;
    }
    while (stack.size() - 1 > common) close_top();
    for (size_t d = stack.size() - 1; d < v.key.size(); ++d) {
      BuiltNode n;
      n.cp = v.key[d];
      n.parent = stack.back().node;
      nodes.push_back(n);
      stack.push_back(Open{static_cast<uint32_t>(nodes.size() - 1), {}});
    }
    stack.back().votes[v.rule] += v.weight;
    prev = &v.key;
  }
  while (!stack.empty()) close_top();
  st->nodes_built = nodes.size();

  // Parents precede children: effective rules top-down, then which nodes are needed
  // bottom-up (a node is kept when it, or a node below it, carries its own rule).
  const size_t n = nodes.size();
  std::vector<uint32_t> effective(n);
  std::vector<int32_t> stored(n, -1);
  std::vector<uint8_t> keep(n, 0);
  effective[0] = nodes[0].majority;
  stored[0] = static_cast<int32_t>(nodes[0].majority);
  keep[0] = 1;
  for (size_t i = 1; i < n; ++i) {
    const uint32_t inherited = effective[nodes[i].parent];
    const bool trusted = nodes[i].total >= opt.min_weight;
    effective[i] = trusted ? nodes[i].majority : inherited;
    if (effective[i] != inherited) stored[i] = static_cast<int32_t>(effective[i]);
  }
  for (size_t i = n; i-- > 1;) {
    if (stored[i] >= 0) keep[i] = 1;
    if (keep[i]) keep[nodes[i].parent] = 1;
  }
  std::vector<std::vector<uint32_t>> children(n);
  for (size_t i = 1; i < n; ++i) {
    if (keep[i]) children[nodes[i].parent].push_back(static_cast<uint32_t>(i));
  }
  // Breadth-first output; children were created in code-point order.
  data->node_cp.clear();
  data->node_children.clear();
  data->node_rule.clear();
  std::vector<uint32_t> queue(1, 0);
  for (size_t q = 0; q < queue.size(); ++q) {
    const uint32_t i = queue[q];
    data->node_cp.push_back(i == 0 ? 0 : nodes[i].cp);
    data->node_children.push_back(static_cast<uint32_t>(children[i].size()));
    data->node_rule.push_back(stored[i]);
    for (uint32_t c : children[i]) queue.push_back(c);
  }
  st->nodes_kept = data->node_cp.size();
  st->rules = data->rules.size();
}

}  // namespace glosa::train
