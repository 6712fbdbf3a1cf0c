// NerModel: loads the model file, computes emission scores from hashed features and decodes
// sentences into entities with marginal-probability confidences. Layer: engine/tagger.
#include "engine/tagger/ner_model.h"

#include <algorithm>

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
  // Open addressing table: bucket + 1 (0 = empty slot) -> row index.
  std::vector<uint32_t> slot_keys;
  std::vector<uint32_t> slot_rows;
  uint64_t slot_mask = 0;
  uint64_t bucket_mask = 0;

  const int8_t* find_row(uint64_t bucket) const {
    if (slot_keys.empty()) return nullptr;
    const uint32_t key = static_cast<uint32_t>(bucket) + 1;
    for (uint64_t s = ner::mix64(bucket) & slot_mask;; s = (s + 1) & slot_mask) {
      if (slot_keys[s] == key) return &data.rows[size_t{slot_rows[s]} * data.tags.size()];
      if (slot_keys[s] == 0) return nullptr;
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
  size_t cap = 16;
  while (cap < m.data.row_keys.size() * 2) cap *= 2;
  m.slot_keys.assign(cap, 0);
  m.slot_rows.assign(cap, 0);
  m.slot_mask = cap - 1;
  m.bucket_mask = (uint64_t{1} << m.data.bucket_bits) - 1;
  for (size_t r = 0; r < m.data.row_keys.size(); ++r) {
    const uint64_t bucket = m.data.row_keys[r];
    uint64_t s = ner::mix64(bucket) & m.slot_mask;
    while (m.slot_keys[s] != 0) s = (s + 1) & m.slot_mask;
    m.slot_keys[s] = static_cast<uint32_t>(bucket) + 1;
    m.slot_rows[s] = static_cast<uint32_t>(r);
  }
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
  for (const Sentence& s : ner::tagging_units(text, tokens, sentences)) {
    if (s.token_count == 0 || s.first_token + s.token_count > tokens.size()) continue;
    const Token* toks = &tokens[s.first_token];
    const size_t n = s.token_count;
    ner::compute_attrs(text, toks, n, &m.data.gazetteer, &attrs);
    emit.assign(n * T, 0.0f);
    for (size_t i = 0; i < n; ++i) {
      feats.clear();
      ner::feature_hashes(attrs, i, &feats);
      std::fill(acc.begin(), acc.end(), 0);
      for (uint64_t h : feats) {
        const int8_t* row = m.find_row(h & m.bucket_mask);
        if (!row) continue;
        for (size_t j = 0; j < T; ++j) acc[j] += row[j];
      }
      for (size_t j = 0; j < T; ++j) emit[i * T + j] = static_cast<float>(acc[j]) * m.data.weight_scale;
    }
    ner::viterbi(emit.data(), n, T, m.data.start.data(), m.data.transition.data(), m.bio, &path);
    bool any = false;
    for (int p : path) if (p != 0) { any = true; break; }
    if (!any) continue;
    ner::token_marginals(emit.data(), n, T, m.data.start.data(), m.data.transition.data(), m.bio,
                         m.data.temperature, &marg);
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
      ent.subtype = info.subtype;
      ent.origin = Origin::Model;
      ent.confidence = std::clamp(conf, 0.0f, 1.0f);
      out->push_back(std::move(ent));
      i = e;
    }
  }
}

}  // namespace glosa
