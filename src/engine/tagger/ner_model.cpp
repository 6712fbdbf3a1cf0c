// NerModel: loads the model file, computes emission scores from hashed features and decodes
// sentences into entities with marginal-probability confidences. Layer: engine/tagger.
#include "engine/tagger/ner_model.h"

#include <algorithm>
#include <cstring>

#include "engine/tagger/decoder.h"
#include "engine/tagger/features.h"
#include "engine/tagger/model_file.h"

namespace glosa {

namespace {

// What one tag means: BIO position and the label/subtype of its class.
struct TagInfo {
  char bio = 'O';  // 'O', 'B', 'I'
  std::string label;
  std::string subtype;
};

bool is_known_label(std::string_view label) {
  for (const auto& l : default_labels()) if (l.name == label) return true;
  return false;
}

}  // namespace

struct NerModel::Impl {
  std::string lang;
  std::string name;
  ner::ModelData data;
  std::vector<TagInfo> tag_info;
  ner::BioConstraints bio;
  ner::MarginalTables marginal_tables;
  // Open-addressing table with the weight row stored in the slot, so a lookup touches one
  // cache line: [u32 bucket + 1 (0 = empty)][T int8 weights], `stride` bytes per slot.
  std::vector<uint8_t> table;
  std::vector<uint64_t> present;  // one bit per bucket: small enough to stay in cache
  size_t stride = 0;
  size_t slots = 0;
  uint64_t bucket_mask = 0;

  size_t home(uint64_t bucket) const {
    return static_cast<size_t>((ner::mix64(bucket) >> 32) * slots >> 32);
  }
  // Argmax subtype of a LOC span (empty when the model has no subtype classifier).
  std::string subtype_of(const std::vector<ner::TokenAttrs>& attrs, size_t b, size_t e,
                         std::vector<uint64_t>* scratch) const {
    const size_t K = data.subtypes.size();
    if (K == 0) return {};
    scratch->clear();
    ner::span_feature_hashes(attrs, b, e, scratch);
    std::vector<int32_t> score(K, 0);
    for (uint64_t h : *scratch) {
      const uint32_t bucket = static_cast<uint32_t>(h & bucket_mask);
      auto it = std::lower_bound(data.subtype_keys.begin(), data.subtype_keys.end(), bucket);
      if (it == data.subtype_keys.end() || *it != bucket) continue;
      const int8_t* row = &data.subtype_rows[static_cast<size_t>(it - data.subtype_keys.begin()) * K];
      for (size_t k = 0; k < K; ++k) score[k] += row[k];
    }
    size_t best = 0;
    for (size_t k = 1; k < K; ++k) if (score[k] > score[best]) best = k;
    return data.subtypes[best];
  }
  bool may_have(uint64_t bucket) const { return present[bucket >> 6] >> (bucket & 63) & 1; }
  const int8_t* find_row(uint64_t bucket) const {
    if (slots == 0) return nullptr;
    const uint32_t key = static_cast<uint32_t>(bucket) + 1;
    for (size_t s = home(bucket);; s = s + 1 == slots ? 0 : s + 1) {
      const uint8_t* slot = &table[s * stride];
      uint32_t k;
      std::memcpy(&k, slot, 4);
      if (k == key) return reinterpret_cast<const int8_t*>(slot + 4);
      if (k == 0) return nullptr;
    }
  }
};

NerModel::NerModel() : impl_(std::make_unique<Impl>()) {}
NerModel::~NerModel() = default;
NerModel::NerModel(NerModel&&) noexcept = default;
NerModel& NerModel::operator=(NerModel&&) noexcept = default;

Result<std::shared_ptr<const NerModel>> NerModel::load(const uint8_t* bytes, size_t size) {
  auto parsed = ner::parse_model(bytes, size);
  if (!parsed.is_ok()) return parsed.status();
  auto model = std::make_shared<NerModel>();
  Impl& m = *model->impl_;
  m.data = std::move(parsed.value());
  m.lang = m.data.lang;
  m.name = m.data.name;
  const auto& tags = m.data.tags;
  if (tags.empty() || tags[0] != "O") {
    return Status(ErrorCode::BadModel, "bad model file: the first tag must be \"O\"");
  }
  for (const auto& t : tags) {
    TagInfo info;
    if (t != "O") {
      if (t.size() < 3 || (t[0] != 'B' && t[0] != 'I') || t[1] != '-') {
        return Status(ErrorCode::BadModel, "bad model file: tag \"" + t + "\" is not O, B-X or I-X");
      }
      info.bio = t[0];
      const std::string cls = t.substr(2);
      const size_t slash = cls.find('/');
      info.label = cls.substr(0, slash);
      if (slash != std::string::npos) info.subtype = cls.substr(slash + 1);
      if (!is_known_label(info.label)) {
        return Status(ErrorCode::BadModel, "bad model file: unknown label \"" + info.label + "\"");
      }
    }
    m.tag_info.push_back(std::move(info));
  }
  m.bio = ner::bio_constraints(tags);
  m.marginal_tables = ner::make_marginal_tables(tags.size(), m.data.transition.data(), m.bio,
                                                m.data.temperature);
  const size_t T = tags.size();
  m.stride = (4 + T + 7) / 8 * 8;
  m.slots = std::max<size_t>(16, m.data.row_keys.size() * 4 / 3 + 1);
  m.table.assign(m.slots * m.stride, 0);
  m.bucket_mask = (uint64_t{1} << m.data.bucket_bits) - 1;
  m.present.assign((m.bucket_mask >> 6) + 1, 0);
  for (size_t r = 0; r < m.data.row_keys.size(); ++r) {
    const uint64_t bucket = m.data.row_keys[r];
    m.present[bucket >> 6] |= uint64_t{1} << (bucket & 63);
    size_t s = m.home(bucket);
    for (;; s = s + 1 == m.slots ? 0 : s + 1) {
      uint32_t k;
      std::memcpy(&k, &m.table[s * m.stride], 4);
      if (k == 0) break;
    }
    const uint32_t key = static_cast<uint32_t>(bucket) + 1;
    std::memcpy(&m.table[s * m.stride], &key, 4);
    std::memcpy(&m.table[s * m.stride + 4], &m.data.rows[r * T], T);
  }
  // The rows now live in the table only.
  m.data.rows.clear();
  m.data.rows.shrink_to_fit();
  m.data.row_keys.clear();
  m.data.row_keys.shrink_to_fit();
  return std::shared_ptr<const NerModel>(std::move(model));
}

const std::string& NerModel::lang() const { return impl_->lang; }
const std::string& NerModel::name() const { return impl_->name; }

void NerModel::tag(std::string_view text, const std::vector<Token>& tokens,
                   const std::vector<Sentence>& sentences, std::vector<Entity>* out) const {
  const Impl& m = *impl_;
  const size_t T = m.data.tags.size();
  std::vector<ner::TokenAttrs> attrs;
  std::vector<uint64_t> feats;
  std::vector<int32_t> acc(T);
  std::vector<float> emit;
  std::vector<int> path;
  std::vector<float> marg;
  std::vector<uint64_t> buckets;
  std::vector<size_t> bucket_start;
  const std::vector<Sentence> units = ner::tagging_units(text, tokens, sentences);
  ner::DocumentContext doc;
  doc.build(text, tokens, units);
  for (const Sentence& s : units) {
    if (s.token_count == 0 || s.first_token + s.token_count > tokens.size()) continue;
    const Token* toks = &tokens[s.first_token];
    const size_t n = s.token_count;
    ner::compute_attrs(text, toks, n, &m.data.gazetteer, &attrs, &doc, s.first_token);
    emit.assign(n * T, 0.0f);
    // All buckets of the unit first, so the table lines can be prefetched ahead of use.
    buckets.clear();
    bucket_start.assign(1, 0);
    for (size_t i = 0; i < n; ++i) {
      feats.clear();
      ner::feature_hashes(attrs, i, &feats);
      for (uint64_t h : feats) {
        if (m.may_have(h & m.bucket_mask)) buckets.push_back(h & m.bucket_mask);
      }
      bucket_start.push_back(buckets.size());
    }
    constexpr size_t kAhead = 8;
    for (size_t b = 0; b < std::min(kAhead, buckets.size()); ++b) {
      __builtin_prefetch(&m.table[m.home(buckets[b]) * m.stride]);
    }
    for (size_t i = 0; i < n; ++i) {
      std::fill(acc.begin(), acc.end(), 0);
      for (size_t b = bucket_start[i]; b < bucket_start[i + 1]; ++b) {
        if (b + kAhead < buckets.size()) __builtin_prefetch(&m.table[m.home(buckets[b + kAhead]) * m.stride]);
        const int8_t* row = m.find_row(buckets[b]);
        if (!row) continue;
        for (size_t j = 0; j < T; ++j) acc[j] += row[j];
      }
      for (size_t j = 0; j < T; ++j) emit[i * T + j] = static_cast<float>(acc[j]) * m.data.weight_scale;
    }
    ner::viterbi(emit.data(), n, T, m.data.start.data(), m.data.transition.data(), m.bio, &path);
    bool any = false;
    for (int p : path) if (p != 0) { any = true; break; }
    if (!any) continue;
    ner::token_marginals(emit.data(), n, m.data.start.data(), m.bio, m.marginal_tables, &marg);
    for (size_t i = 0; i < n;) {
      const TagInfo& info = m.tag_info[static_cast<size_t>(path[i])];
      if (info.bio == 'O') { ++i; continue; }
      size_t e = i + 1;
      float conf = marg[i * T + static_cast<size_t>(path[i])];
      while (e < n && m.tag_info[static_cast<size_t>(path[e])].bio == 'I' &&
             m.tag_info[static_cast<size_t>(path[e])].label == info.label &&
             m.tag_info[static_cast<size_t>(path[e])].subtype == info.subtype) {
        conf = std::min(conf, marg[e * T + static_cast<size_t>(path[e])]);
        ++e;
      }
      Entity ent;
      ent.begin_byte = toks[i].begin_byte;
      ent.end_byte = toks[e - 1].end_byte;
      ent.label = info.label;
      ent.subtype = info.label == "LOC" && info.subtype.empty() ? m.subtype_of(attrs, i, e, &feats)
                                                                : info.subtype;
      ent.origin = Origin::Model;
      ent.confidence = std::clamp(conf, 0.0f, 1.0f);
      out->push_back(std::move(ent));
      i = e;
    }
  }
}

}  // namespace glosa
