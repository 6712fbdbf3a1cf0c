// Inter-annotator agreement. Layer: engine/eval.
#include "engine/eval/agreement.h"

#include <algorithm>
#include <map>

#include "engine/core/sha256.h"
#include "engine/text/tokenizer.h"

namespace glosa {

const char* disagreement_kind_name(DisagreementKind kind) {
  switch (kind) {
    case DisagreementKind::Label: return "label";
    case DisagreementKind::Boundary: return "boundary";
    case DisagreementKind::OnlyA: return "only_a";
    case DisagreementKind::OnlyB: return "only_b";
  }
  return "?";
}

namespace {

using SpanKey = std::pair<size_t, size_t>;

double f1_of(size_t matches, size_t a, size_t b) { return a + b == 0 ? 1.0 : 2.0 * matches / static_cast<double>(a + b); }

// The label of the first entity overlapping each token, "" for none. Entities are sorted by
// begin_byte; a sweep keeps those still open.
std::vector<std::string> token_labels(const std::vector<Token>& tokens, const std::vector<Entity>& entities) {
  std::vector<std::string> out(tokens.size());
  size_t next = 0;
  std::vector<const Entity*> open;
  for (size_t t = 0; t < tokens.size(); ++t) {
    while (next < entities.size() && entities[next].begin_byte < tokens[t].end_byte) open.push_back(&entities[next++]);
    open.erase(std::remove_if(open.begin(), open.end(), [&](const Entity* e) { return e->end_byte <= tokens[t].begin_byte; }),
               open.end());
    if (!open.empty()) out[t] = open.front()->label;
  }
  return out;
}

}  // namespace

Result<Agreement> compare_annotations(const Document& a, const Document& b) {
  const std::string sha_a = sha256_hex(a.text), sha_b = sha256_hex(b.text);
  if (sha_a != sha_b) {
    return Status(ErrorCode::ChecksumMismatch, "the two documents annotate different texts (sha256 " + sha_a.substr(0, 12) +
                                                   "… and " + sha_b.substr(0, 12) + "…): agreement needs the same text");
  }
  Agreement r;
  r.a_count = a.entities.size();
  r.b_count = b.entities.size();
  // Entities in text order (documents keep them sorted; sort indices to be safe).
  auto order = [](const Document& d) {
    std::vector<size_t> idx(d.entities.size());
    for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::stable_sort(idx.begin(), idx.end(), [&](size_t x, size_t y) {
      const Entity& p = d.entities[x];
      const Entity& q = d.entities[y];
      return p.begin_byte != q.begin_byte ? p.begin_byte < q.begin_byte : p.end_byte < q.end_byte;
    });
    return idx;
  };
  const std::vector<size_t> ia = order(a), ib = order(b);

  // Exact matches, one to one.
  std::map<std::pair<SpanKey, std::string>, std::vector<size_t>> b_exact;
  for (size_t j : ib) b_exact[{{b.entities[j].begin_byte, b.entities[j].end_byte}, b.entities[j].label}].push_back(j);
  std::vector<bool> used_a(a.entities.size(), false), used_b(b.entities.size(), false);
  std::map<std::string, LabelAgreement> labels;
  for (size_t i : ia) ++labels[a.entities[i].label].a;
  for (size_t j : ib) ++labels[b.entities[j].label].b;
  for (size_t i : ia) {
    const Entity& e = a.entities[i];
    auto it = b_exact.find({{e.begin_byte, e.end_byte}, e.label});
    if (it == b_exact.end() || it->second.empty()) continue;
    used_b[it->second.front()] = true;
    it->second.erase(it->second.begin());
    used_a[i] = true;
    ++r.matches;
    ++labels[e.label].matches;
  }
  // Same span, other label.
  std::map<SpanKey, std::vector<size_t>> b_span;
  for (size_t j : ib) {
    if (!used_b[j]) b_span[{b.entities[j].begin_byte, b.entities[j].end_byte}].push_back(j);
  }
  for (size_t i : ia) {
    if (used_a[i]) continue;
    const Entity& e = a.entities[i];
    auto it = b_span.find({e.begin_byte, e.end_byte});
    if (it == b_span.end() || it->second.empty()) continue;
    const size_t j = it->second.front();
    it->second.erase(it->second.begin());
    used_a[i] = used_b[j] = true;
    ++r.label_diff;
    r.disagreements.push_back({DisagreementKind::Label, {i}, {j}, e.begin_byte, e.end_byte});
  }
  // The rest: groups of overlapping entities, in one sweep over both sides in text order.
  struct Item {
    size_t begin, end;
    bool from_a;
    size_t index;
  };
  std::vector<Item> rest;
  for (size_t i : ia) if (!used_a[i]) rest.push_back({a.entities[i].begin_byte, a.entities[i].end_byte, true, i});
  for (size_t j : ib) if (!used_b[j]) rest.push_back({b.entities[j].begin_byte, b.entities[j].end_byte, false, j});
  std::stable_sort(rest.begin(), rest.end(), [](const Item& x, const Item& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end < y.end;
  });
  for (size_t k = 0; k < rest.size();) {
    Disagreement d;
    d.begin_byte = rest[k].begin;
    d.end_byte = rest[k].end;
    size_t m = k;
    while (m < rest.size() && (m == k || rest[m].begin < d.end_byte)) {
      d.end_byte = std::max(d.end_byte, rest[m].end);
      (rest[m].from_a ? d.a : d.b).push_back(rest[m].index);
      ++m;
    }
    if (!d.a.empty() && !d.b.empty()) {
      d.kind = DisagreementKind::Boundary;
      ++r.boundary_diff;
      r.disagreements.push_back(std::move(d));
    } else {
      // One side only: each entity is its own disagreement.
      const bool from_a = !d.a.empty();
      for (size_t idx : from_a ? d.a : d.b) {
        const Entity& e = (from_a ? a : b).entities[idx];
        Disagreement one;
        one.kind = from_a ? DisagreementKind::OnlyA : DisagreementKind::OnlyB;
        (from_a ? one.a : one.b).push_back(idx);
        one.begin_byte = e.begin_byte;
        one.end_byte = e.end_byte;
        ++(from_a ? r.only_a : r.only_b);
        r.disagreements.push_back(std::move(one));
      }
    }
    k = m;
  }
  std::stable_sort(r.disagreements.begin(), r.disagreements.end(), [](const Disagreement& x, const Disagreement& y) {
    return x.begin_byte != y.begin_byte ? x.begin_byte < y.begin_byte : x.end_byte < y.end_byte;
  });
  r.f1 = f1_of(r.matches, r.a_count, r.b_count);
  for (auto& [name, l] : labels) {
    l.label = name;
    l.f1 = f1_of(l.matches, l.a, l.b);
    r.per_label.push_back(l);
  }

  // Cohen's kappa over tokens.
  const std::vector<Token> tokens = tokenize(a.text);
  std::vector<Entity> sorted_a, sorted_b;
  for (size_t i : ia) sorted_a.push_back(a.entities[i]);
  for (size_t j : ib) sorted_b.push_back(b.entities[j]);
  const std::vector<std::string> la = token_labels(tokens, sorted_a), lb = token_labels(tokens, sorted_b);
  std::map<std::string, std::pair<size_t, size_t>> shares;
  size_t agree = 0;
  for (size_t t = 0; t < tokens.size(); ++t) {
    agree += la[t] == lb[t];
    ++shares[la[t]].first;
    ++shares[lb[t]].second;
  }
  r.tokens = tokens.size();
  const double n = static_cast<double>(tokens.size());
  const double po = n > 0 ? agree / n : 1.0;
  double pe = 0.0;
  for (const auto& [label, count] : shares) pe += (count.first / n) * (count.second / n);
  if (n == 0) pe = 1.0;
  r.kappa = pe >= 1.0 ? (po >= 1.0 ? 1.0 : 0.0) : (po - pe) / (1.0 - pe);
  return r;
}

}  // namespace glosa
