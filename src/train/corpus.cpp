// Gold corpus reading, re-spacing and span projection. Layer: train.
#include "train/corpus.h"

#include <algorithm>
#include <fstream>
#include <map>

#include "formats/gold_jsonl.h"

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
    auto parsed = read_gold_record(line);
    if (!parsed.is_ok()) {
      ++*skipped;
      continue;
    }
    GoldRecord& rec = parsed.value();
    Example ex;
    ex.scheme = opt.scheme;
    ex.text = std::move(rec.text);
    ex.id = std::move(rec.id);
    ex.doc = rec.has_doc ? std::move(rec.doc) : ex.id;
    if (opt.doc_mod > 0) {
      auto it = doc_index.emplace(ex.doc, static_cast<int>(doc_index.size())).first;
      const int r = it->second % opt.doc_mod;
      const bool keep = opt.doc_keep >= 0 ? r == opt.doc_keep : r != -opt.doc_keep - 1;
      if (!keep) continue;
    }
    for (const GoldEntity& e : rec.entities) {
      MappedLabel m;
      const std::string_view surface = std::string_view(ex.text).substr(e.begin_byte, e.end_byte - e.begin_byte);
      if (!map_gold_label(opt.scheme, e.label, surface, &m)) continue;
      ex.spans.push_back(GoldSpan{e.begin_byte, e.end_byte, m.label, m.subtype});
    }
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
