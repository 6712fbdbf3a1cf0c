// Gold corpus reading, re-spacing and span projection. Layer: train.
#include "train/corpus.h"

#include <algorithm>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "engine/text/utf8.h"

namespace glosa::train {

uint64_t Rng::next() {
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

Result<std::vector<Example>> read_examples(const std::string& path, const ReadOptions& opt,
                                           size_t* skipped) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::IoError, path + ": cannot open the file");
  *skipped = 0;
  std::vector<Example> out;
  Rng rng{opt.seed * 0x2545F4914F6CDD1Dull + 7};
  std::map<std::string, int> doc_index;
  const bool space_joined = opt.scheme == GoldScheme::Nkjp || opt.scheme == GoldScheme::Conll;
  std::string line;
  size_t records = 0;
  while (std::getline(in, line)) {
    if (opt.limit && records >= opt.limit) break;
    if (line.empty()) continue;
    auto rec = nlohmann::json::parse(line, nullptr, false);
    if (rec.is_discarded() || !rec.is_object() || !rec.contains("text") || !rec["text"].is_string() ||
        !rec.contains("entities") || !rec["entities"].is_array()) {
      ++*skipped;
      continue;
    }
    Example ex;
    ex.scheme = opt.scheme;
    ex.text = rec["text"].get<std::string>();
    if (!is_valid_utf8(ex.text)) { ++*skipped; continue; }
    if (rec.contains("id") && rec["id"].is_string()) ex.id = rec["id"].get<std::string>();
    if (rec.contains("doc")) {
      if (rec["doc"].is_string()) ex.doc = rec["doc"].get<std::string>();
      else if (rec["doc"].is_number_integer()) ex.doc = std::to_string(rec["doc"].get<long long>());
    } else {
      ex.doc = ex.id;
    }
    if (opt.doc_mod > 0) {
      auto it = doc_index.emplace(ex.doc, static_cast<int>(doc_index.size())).first;
      const int r = it->second % opt.doc_mod;
      const bool keep = opt.doc_keep >= 0 ? r == opt.doc_keep : r != -opt.doc_keep - 1;
      if (!keep) continue;
    }
    CodepointIndex cps(ex.text);
    bool bad = false;
    for (const auto& e : rec["entities"]) {
      if (!e.is_array() || e.size() < 3 || !e[0].is_number_integer() || !e[1].is_number_integer() ||
          !e[2].is_string()) { bad = true; break; }
      const long long s = e[0].get<long long>(), t = e[1].get<long long>();
      size_t bs = 0, bt = 0;
      if (s < 0 || t <= s || !cps.to_byte(static_cast<size_t>(s), &bs) ||
          !cps.to_byte(static_cast<size_t>(t), &bt)) { bad = true; break; }
      MappedLabel m;
      const std::string raw = e[2].get<std::string>();
      if (!map_gold_label(opt.scheme, raw, std::string_view(ex.text).substr(bs, bt - bs), &m)) continue;
      GoldSpan g{bs, bt, m.label, m.subtype};
      ex.spans.push_back(std::move(g));
    }
    if (bad) { ++*skipped; continue; }
    std::sort(ex.spans.begin(), ex.spans.end(), [](const GoldSpan& a, const GoldSpan& b) {
      return a.begin_byte != b.begin_byte ? a.begin_byte < b.begin_byte : a.end_byte > b.end_byte;
    });
    std::vector<GoldSpan> flat;
    for (auto& g : ex.spans) {
      if (!flat.empty() && g.begin_byte < flat.back().end_byte) continue;  // nested/overlap
      flat.push_back(std::move(g));
    }
    ex.spans = std::move(flat);
    if (space_joined && opt.respace_prob > 0 && rng.uniform() < opt.respace_prob) {
      std::vector<size_t> map;
      ex.text = respace(ex.text, opt.scheme == GoldScheme::Nkjp, &map);
      for (auto& g : ex.spans) {
        g.begin_byte = map[g.begin_byte];
        g.end_byte = map[g.end_byte];
      }
    }
    ++records;
    if (opt.group_docs && !ex.doc.empty() && !out.empty() && out.back().doc == ex.doc) {
      Example& prev = out.back();
      const size_t shift = prev.text.size() + 1;
      prev.text += '\n';
      prev.text += ex.text;
      for (auto& g : ex.spans) {
        g.begin_byte += shift;
        g.end_byte += shift;
        prev.spans.push_back(std::move(g));
      }
      continue;
    }
    out.push_back(std::move(ex));
  }
  return out;
}

}  // namespace glosa::train
