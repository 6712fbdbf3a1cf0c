// NerModel: loads the model file, computes emission scores from hashed features and decodes
// sentences into entities with marginal-probability confidences. Layer: engine/tagger.
// Sections: loading (the weight rows) · emission scores (fast path per word form, and the
// trainer's reference path) · tagging (Viterbi, marginals, spans).
#include "engine/tagger/ner_model.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <deque>
#include <optional>

#include "engine/tagger/adaptation.h"
#include "engine/tagger/decoder.h"
#include "engine/tagger/features.h"
#include "engine/tagger/model_file.h"
#include "engine/tagger/string_index.h"

namespace glosa {

namespace {

// What one tag means: BIO position and the label/subtype of its class.
struct TagInfo {
  char bio = 'O';  // 'O', 'B', 'I', and in a BILOU tag set 'L', 'U' (decoder.h)
  std::string label;
  std::string subtype;
  std::string bio_name;  // the tag as BIO names it ("U-ORG" -> "B-ORG", "L-ORG" -> "I-ORG")
};

bool is_known_label(std::string_view label) {
  for (const auto& l : default_labels()) if (l.name == label) return true;
  return false;
}

// The English possessive as the training data writes it. CoNLL-2003 splits it off ("Poland
// 's president"), so the English model learnt names from a word and the tokens "'" "s"
// after it; the tokenizer keeps "Poland's" one word, a form the model never saw ("Poland's",
// "Brightwater's" went untagged or took the clitic into the name). A word ending in 's or ’s
// after a letter becomes three tokens, word, apostrophe, "s", as the space-joined corpus
// reads; tagging and learning see the same tokens. Returns false when there is none.
struct SplitTokens {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
};

bool split_possessives(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<Sentence>& sentences, SplitTokens* out) {
  // The apostrophe's bytes when the token ends in one and then "s"/"S", else 0.
  auto clitic = [&](const Token& t) -> size_t {
    if (t.kind != TokenKind::Word || t.end_byte - t.begin_byte < 3) return 0;
    const std::string_view w = text.substr(t.begin_byte, t.end_byte - t.begin_byte);
    if (w.back() != 's' && w.back() != 'S') return 0;
    const std::string_view head = w.substr(0, w.size() - 1);
    size_t apostrophe = 0;
    if (head.back() == '\'') apostrophe = 1;
    else if (head.size() >= 3 && head.compare(head.size() - 3, 3, "\xE2\x80\x99") == 0) apostrophe = 3;
    if (apostrophe == 0 || head.size() == apostrophe) return 0;
    const unsigned char before = static_cast<unsigned char>(head[head.size() - apostrophe - 1]);
    if (before == '\'' || before == '-') return 0;
    return apostrophe;
  };
  bool any = false;
  for (const Token& t : tokens) if (clitic(t)) { any = true; break; }
  if (!any) return false;
  std::vector<Token>* out_tokens = &out->tokens;
  out_tokens->clear();
  out->sentences.clear();
  for (const Sentence& s : sentences) {
    Sentence split = s;
    split.first_token = out_tokens->size();
    for (size_t i = s.first_token; i < s.first_token + s.token_count; ++i) {
      const Token& t = tokens[i];
      const size_t a = clitic(t);
      if (a == 0) {
        out_tokens->push_back(t);
        continue;
      }
      Token word = t, mark = t, ess = t;
      word.end_byte = t.end_byte - 1 - a;
      word.is_abbreviation = false;
      mark.begin_byte = word.end_byte;
      mark.end_byte = t.end_byte - 1;
      mark.kind = TokenKind::Punct;
      ess.begin_byte = mark.end_byte;
      for (Token* x : {&mark, &ess}) x->newline_before = x->space_before = x->is_abbreviation = false;
      out_tokens->insert(out_tokens->end(), {word, mark, ess});
    }
    split.token_count = out_tokens->size() - split.first_token;
    out->sentences.push_back(split);
  }
  return true;
}

// The tokens a model of `lang` tags and learns from when they differ from the tokenizer's
// (English with a possessive); empty otherwise. The split tokens have none left, so tag()
// and learn(), which call themselves again with them, come back here only once.
std::optional<SplitTokens> model_tokens(const std::string& lang, std::string_view text, const std::vector<Token>& tokens,
                                        const std::vector<Sentence>& sentences) {
  SplitTokens split;
  if (lang != "en" || !split_possessives(text, tokens, sentences, &split)) return std::nullopt;
  return split;
}

}  // namespace

struct NerModel::Impl {
  std::string lang;
  std::string name;
  ner::ModelData data;
  std::vector<TagInfo> tag_info;
  ner::BioConstraints bio;
  ner::DecoderTables decoder;
  // The weight rows, densely in bucket order (data.rows: the file's sorted row_keys), found
  // by rank: a bucket's row is the number of present buckets below it. One bit per bucket
  // says which are present, and a running count per 64 buckets makes the rank a popcount.
  // No keys and no probing; 4.25 MB of rows for 250k rows of 17 tags (an open-addressing
  // table of key + row slots took 8 MB).
  std::vector<uint64_t> present;  // one bit per bucket
  std::vector<uint32_t> rank;     // per word of `present`: present buckets before it
  uint64_t bucket_mask = 0;
  // Weight sums of the form features at a sentence boundary, per offset (features.h).
  std::vector<int16_t> boundary_sums;
  uint64_t net_id = 0;  // data.net.fingerprint(), 0 without a network
  // This model among every one loaded in the process (never reused, unlike an address): the
  // key of the forms a thread keeps between documents (FormCache).
  const uint64_t instance = next_instance();
  static uint64_t next_instance() {
    static std::atomic<uint64_t> count{0};
    return ++count;
  }

  // Argmax subtype of a LOC span (empty when the model has no subtype classifier).
  std::string subtype_of(const ner::AttrHashes* attrs, size_t n, size_t b, size_t e,
                         std::vector<uint64_t>* scratch) const {
    const size_t K = data.subtypes.size();
    if (K == 0) return {};
    scratch->clear();
    ner::span_feature_hashes(attrs, n, b, e, scratch);
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
  static void prefetch_address(const void* p) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
  }
  void prefetch_presence(uint64_t bucket) const { prefetch_address(&present[bucket >> 6]); }
  static uint32_t popcount64(uint64_t x) {
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return static_cast<uint32_t>((x * 0x0101010101010101ull) >> 56);
  }
  // The row of a present bucket (may_have(bucket) must hold).
  const int8_t* row_of(uint64_t bucket) const {
    const uint64_t word = present[bucket >> 6];
    const uint64_t below = word & ((uint64_t{1} << (bucket & 63)) - 1);
    return &data.rows[(static_cast<size_t>(rank[bucket >> 6]) + popcount64(below)) * data.tags.size()];
  }
  const int8_t* find_row(uint64_t bucket) const { return may_have(bucket) ? row_of(bucket) : nullptr; }
};

// --- Section: loading ---
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
      if (t.size() < 3 || (t[0] != 'B' && t[0] != 'I' && t[0] != 'L' && t[0] != 'U') || t[1] != '-') {
        return Status(ErrorCode::BadModel, "bad model file: tag \"" + t + "\" is not O, B-X, I-X, L-X or U-X");
      }
      info.bio = t[0];
      info.bio_name = (t[0] == 'U' ? "B" : t[0] == 'L' ? "I" : std::string(1, t[0])) + t.substr(1);
      const std::string cls = t.substr(2);
      const size_t slash = cls.find('/');
      info.label = cls.substr(0, slash);
      if (slash != std::string::npos) info.subtype = cls.substr(slash + 1);
      if (!is_known_label(info.label)) {
        return Status(ErrorCode::BadModel, "bad model file: unknown label \"" + info.label + "\"");
      }
    }
    if (info.bio == 'O') info.bio_name = t;
    m.tag_info.push_back(std::move(info));
  }
  m.net_id = m.data.net.empty() ? 0 : m.data.net.fingerprint();
  m.bio = ner::bio_constraints(tags);
  m.decoder = ner::make_decoder_tables(tags.size(), m.data.start.data(), m.data.transition.data(),
                                       m.bio, m.data.temperature);
  const size_t T = tags.size();
  m.bucket_mask = (uint64_t{1} << m.data.bucket_bits) - 1;
  m.present.assign((m.bucket_mask >> 6) + 1, 0);
  for (uint32_t bucket : m.data.row_keys) m.present[bucket >> 6] |= uint64_t{1} << (bucket & 63);
  m.rank.resize(m.present.size());
  uint32_t below = 0;
  for (size_t w = 0; w < m.present.size(); ++w) {
    m.rank[w] = below;
    below += Impl::popcount64(m.present[w]);
  }
  // parse_model checked that row_keys are strictly increasing and inside the bucket range,
  // so the rank of every present bucket is its row.
  GLOSA_ASSERT(below == m.data.row_keys.size() && m.data.rows.size() == below * T, "one row per present bucket");
  m.boundary_sums.assign((2 * ner::kMaxFormOffset + 1) * T, 0);
  std::vector<uint64_t> feats;
  for (int o = -ner::kMaxFormOffset; o <= ner::kMaxFormOffset; ++o) {
    feats.clear();
    ner::boundary_feature_hashes(o, &feats);
    int16_t* sum = &m.boundary_sums[static_cast<size_t>(o + ner::kMaxFormOffset) * T];
    for (uint64_t h : feats) {
      const uint64_t bucket = h & m.bucket_mask;
      const int8_t* row = m.find_row(bucket);
      if (row) for (size_t j = 0; j < T; ++j) sum[j] = static_cast<int16_t>(sum[j] + row[j]);
    }
  }
  m.data.row_keys.clear();
  m.data.row_keys.shrink_to_fit();
  return std::shared_ptr<const NerModel>(std::move(model));
}

const std::string& NerModel::lang() const { return impl_->lang; }
const std::string& NerModel::name() const { return impl_->name; }

// --- Section: emission scores ---
namespace {

constexpr size_t kOffsets = 2 * ner::kMaxFormOffset + 1;

}  // namespace

// The word forms a thread has tagged, with what the tagger computes once per form (its
// attributes' hashes, lower case, and the summed weights of its form features), kept from one
// document to the next: articles share most of their words ("the", ",", "said", "się"), and
// that work took a fifth of tagging a short article anew each time. For one model (its
// `instance`); emptied when a document starts and the cache holds more than kLimit forms, or
// was filled for another model, so memory stays bounded (one long document still holds all
// its own forms while it is tagged, as it did before). Form sums do not depend on an
// adaptation (its deltas are added after), so every document of the model shares them.
struct FormCache {
  static constexpr size_t kLimit = 30000;
  uint64_t model = 0;
  size_t users = 0;  // scorers alive on this thread that use it: at most one
  std::deque<std::string> owned;  // the forms' bytes (a deque never moves its elements)
  ner::StringIndex index;
  std::vector<ner::AttrHashes> form_hashes;
  std::vector<std::string> form_lower;
  std::vector<uint8_t> form_capitalised;
  std::vector<int16_t> form_sums;
  // The window network's token vectors, by form id: kept too while no person's corrections
  // are added to them (with corrections, each document computes them anew).
  ner::NetScratch net;
  bool net_vectors_corrected = false;  // the last document's vectors hold corrections

  static FormCache& of_this_thread() {
    thread_local FormCache cache;
    return cache;
  }
  void clear() {
    owned.clear();
    index = ner::StringIndex();
    form_hashes.clear();
    form_lower.clear();
    form_capitalised.clear();
    form_sums.clear();
    net.forget_vectors();  // the ids will name other forms
  }
  // This thread's cache for `model`; or, while another scorer uses it (none does in the
  // engine: scorers are not nested), a new one of the caller's own (`*own`), so that one
  // scorer's corrected vectors never reach another.
  static FormCache& for_model(uint64_t model, size_t expected_forms, std::unique_ptr<FormCache>* own) {
    FormCache* c = &of_this_thread();
    if (c->users > 0) {
      *own = std::make_unique<FormCache>();
      c = own->get();
    }
    if (c->model != model || c->index.size() > kLimit) {
      c->clear();
      c->model = model;
      c->index = ner::StringIndex(std::max(expected_forms, size_t{1024}));
    }
    return *c;  // the caller counts itself a user (FormCache::Use) at once
  }
  // A scorer's use of the cache, counted while it lives (exceptions included).
  struct Use {
    FormCache& cache;
    explicit Use(FormCache& c) : cache(c) { ++cache.users; }
    ~Use() { --cache.users; }
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
  };
};

void NerModel::forget_kept_forms() {
  FormCache& cache = FormCache::of_this_thread();
  if (cache.users == 0) {
    cache.clear();
    cache.model = 0;
  }
}

// Emission scores of one document, unit by unit. The fast path computes each distinct word
// form's attributes and the weight sums of its form features (features.h) once (FormCache),
// and looks up only the context features per token; the reference path runs compute_attrs and
// feature_hashes per token, as the trainer does. Both give the same integer sums.
struct EmissionScorer {
  const NerModel::Impl& m;
  size_t T;
  // Per distinct form: attributes' hashes, kLower, and the summed weights of its form features
  // at each offset (kOffsets * T); this thread's, kept from earlier documents (FormCache).
  std::unique_ptr<FormCache> own_forms;  // only while another scorer holds the thread's
  FormCache& forms;
  FormCache::Use forms_use{forms};
  ner::StringIndex& index;  // (form, kind) -> form id
  std::vector<ner::AttrHashes>& form_hashes;
  std::vector<std::string>& form_lower;
  std::vector<uint8_t>& form_capitalised;
  std::vector<int16_t>& form_sums;  // |sum| <= 127 * (form templates at one offset) < 2^15
  ner::TokenAttrs scratch_attrs;
  std::vector<uint64_t> feats;
  std::vector<uint32_t> ids;
  std::vector<ner::AttrHashes> unit;  // per token of the current unit
  std::vector<std::string_view> lower;
  std::vector<uint8_t> cap, begin_types, inside_types, seen_begin, seen_inside, taught_begin, taught_inside;
  std::vector<uint32_t> run_pre, run_first, run_last;
  // A token's sum: |sum| <= 127 * (number of templates) < 2^15, so 16 bits hold it and the
  // additions run 8 to 16 at a time where the compiler vectorises them.
  std::vector<int16_t> acc;
  std::vector<const int8_t*> rows;  // the weight rows of the unit's context features
  std::vector<size_t> bucket_start;
  // Adaptation: its deltas are added when it is non-empty; the adaptable feature hashes of
  // the unit's tokens (token i: adapt_feats[adapt_off[i], adapt_off[i + 1])) are kept then,
  // or whenever collect_adaptable is set (learning).
  const ner::Adaptation* adapt = nullptr;
  bool collect_adaptable = false;
  std::vector<uint64_t> adapt_feats;
  std::vector<size_t> adapt_off;

  EmissionScorer(const NerModel::Impl& model, size_t tokens);
  EmissionScorer(const EmissionScorer&) = delete;
  EmissionScorer& operator=(const EmissionScorer&) = delete;
  template <class Int>
  void add_row(uint64_t h, Int* sum) const;
  uint32_t form_id(std::string_view text, const Token& t);
  ner::NetScratch& net_scratch;  // forms.net
  // From now on the network's vectors hold a person's corrections (null: none).
  void use_net_deltas(const ner::NetDeltas* deltas) {
    net_scratch.deltas = deltas;
    if (deltas == nullptr) return;
    net_scratch.forget_vectors();
    forms.net_vectors_corrected = true;
  }
  // Fills emit (n * T) for tokens [first, first + n) and unit (the tokens' attribute hashes):
  // the linear model's scores, the window network's (which tokens it scores is decided on
  // the linear scores alone, so that learn(), which adds the deltas itself, sees the same),
  // then the adaptation's deltas.
  void score(std::string_view text, const std::vector<Token>& tokens, size_t first, size_t n,
             const ner::DocumentContext& doc, std::vector<float>* emit);
};

EmissionScorer::EmissionScorer(const NerModel::Impl& model, size_t tokens)
    : m(model),
      T(model.data.tags.size()),
      forms(FormCache::for_model(model.instance, tokens / 4, &own_forms)),
      index(forms.index),
      form_hashes(forms.form_hashes),
      form_lower(forms.form_lower),
      form_capitalised(forms.form_capitalised),
      form_sums(forms.form_sums),
      acc(model.data.tags.size()),
      net_scratch(forms.net) {
  net_scratch.deltas = nullptr;
  if (forms.net_vectors_corrected) {  // the kept vectors are not this document's
    net_scratch.forget_vectors();
    forms.net_vectors_corrected = false;
  }
}

template <class Int>
void EmissionScorer::add_row(uint64_t h, Int* sum) const {
  const uint64_t bucket = h & m.bucket_mask;
  if (!m.may_have(bucket)) return;
  const int8_t* row = m.row_of(bucket);
  for (size_t j = 0; j < T; ++j) sum[j] = static_cast<Int>(sum[j] + row[j]);
}

uint32_t EmissionScorer::form_id(std::string_view text, const Token& t) {
  const std::string_view form = text.substr(t.begin_byte, t.end_byte - t.begin_byte);
  const uint32_t known = index.find(form, static_cast<uint32_t>(t.kind));
  if (known != ner::StringIndex::kNotFound) return known;
  // The index keeps a view: of the cache's own copy, which outlives this document's text.
  forms.owned.emplace_back(form);
  const uint32_t id = index.insert(forms.owned.back(), static_cast<uint32_t>(t.kind)).first;
  ner::compute_form_attrs(form, t.kind, &m.data.gazetteer, &scratch_attrs);
  form_hashes.push_back(ner::attr_hashes(scratch_attrs));
  form_lower.push_back(scratch_attrs.value[ner::kLower]);
  form_capitalised.push_back(scratch_attrs.value[ner::kCap][0] == 'A');
  const size_t base = form_sums.size();
  form_sums.resize(base + kOffsets * T, 0);
  uint64_t hashes[ner::kMaxFormFeatures];
  for (int o = -ner::kMaxFormOffset; o <= ner::kMaxFormOffset; ++o) {
    const size_t count = ner::form_feature_hashes(form_hashes.back(), o, hashes);
    int16_t* sum = &form_sums[base + static_cast<size_t>(o + ner::kMaxFormOffset) * T];
    for (size_t h = 0; h < count; ++h) add_row(hashes[h], sum);
  }
  return id;
}

void EmissionScorer::score(std::string_view text, const std::vector<Token>& tokens, size_t first,
                           size_t n, const ner::DocumentContext& doc, std::vector<float>* emit) {
  static const uint64_t kFirstHash[2] = {ner::fnv1a64("0"), ner::fnv1a64("1")};
  static const uint64_t kEmptyHash = ner::fnv1a64("");
  ids.resize(n);
  unit.resize(n);
  lower.resize(n);
  cap.resize(n);
  begin_types.resize(n);
  inside_types.resize(n);
  seen_begin.resize(n);
  seen_inside.resize(n);
  for (size_t i = 0; i < n; ++i) ids[i] = form_id(text, tokens[first + i]);
  // form_lower may have grown (and moved): take the views afterwards.
  for (size_t i = 0; i < n; ++i) {
    lower[i] = form_lower[ids[i]];
    cap[i] = form_capitalised[ids[i]];
    m.prefetch_address(&form_sums[ids[i] * kOffsets * T]);
  }
  ner::gazetteer_types(m.data.gazetteer, lower.data(), cap.data(), n, begin_types.data(), inside_types.data());
  ner::gazetteer_types(m.data.names, lower.data(), cap.data(), n, seen_begin.data(), seen_inside.data());
  if (adapt && adapt->taught_name_count() > 0) {
    // Names the person taught count as training names (Adaptation::taught_names).
    taught_begin.resize(n);
    taught_inside.resize(n);
    ner::gazetteer_types(adapt->taught_names(), lower.data(), cap.data(), n, taught_begin.data(),
                         taught_inside.data());
    for (size_t i = 0; i < n; ++i) {
      seen_begin[i] |= taught_begin[i];
      seen_inside[i] |= taught_inside[i];
    }
  }
  run_pre.resize(n);
  run_first.resize(n);
  run_last.resize(n);
  ner::capitalised_runs(cap.data(), n, run_pre.data(), run_first.data(), run_last.data());
  static const uint64_t kBosHash = ner::fnv1a64("<s>");
  static const uint64_t kEosHash = ner::fnv1a64("</s>");
  // A run attribute's hash: attribute `source` of token j (kStem: its stem, or its lower case
  // when it has none).
  auto run_hash = [&](uint32_t j, ner::Attr attr, ner::Attr source, ner::AttrHashes* a) {
    if (j == ner::kNoRunToken) {
      a->hash[attr] = kEmptyHash;
      a->empty |= uint32_t{1} << attr;
      return;
    }
    a->empty &= ~(uint32_t{1} << attr);
    if (j == ner::kRunBos) { a->hash[attr] = kBosHash; return; }
    if (j == ner::kRunEos) { a->hash[attr] = kEosHash; return; }
    const ner::AttrHashes& t = form_hashes[ids[j]];
    if (source == ner::kStem && (t.empty >> ner::kStem & 1)) source = ner::kLower;
    a->hash[attr] = t.hash[source];
    if (t.empty >> source & 1) a->empty |= uint32_t{1} << attr;
  };
  // A phrase-match attribute (kGaz, kSeen) from its begin/inside type bits.
  auto set_matches = [&](ner::AttrHashes* a, ner::Attr attr, uint8_t begin, uint8_t inside) {
    if (begin | inside) {
      a->hash[attr] = ner::fnv1a64(ner::gazetteer_value(begin, inside));
      a->empty &= ~(uint32_t{1} << attr);
    } else {
      a->hash[attr] = kEmptyHash;
      a->empty |= uint32_t{1} << attr;
    }
  };
  for (size_t i = 0; i < n; ++i) {
    ner::AttrHashes& a = unit[i];
    a = form_hashes[ids[i]];
    a.hash[ner::kFirst] = kFirstHash[i == 0 ? 1 : 0];
    a.empty &= ~(uint32_t{1} << ner::kFirst);
    set_matches(&a, ner::kGaz, begin_types[i], inside_types[i]);
    set_matches(&a, ner::kSeen, seen_begin[i], seen_inside[i]);
    for (int k = ner::kDocPrev; k <= ner::kDocSeq; ++k) {
      const ner::Attr attr = static_cast<ner::Attr>(k);
      a.hash[k] = doc.hash(first + i, attr);
      if (doc.is_empty(first + i, attr)) a.empty |= uint32_t{1} << k;
      else a.empty &= ~(uint32_t{1} << k);
    }
    for (const ner::RunAttrSource& src : ner::kRunAttrSources) {
      run_hash(ner::run_token(src.token, run_pre.data(), run_first.data(), run_last.data(), i, n),
               src.attr, src.source, &a);
    }
  }
  // The context features' buckets of the whole unit first, in passes, so that the memory they
  // touch (the presence bits, then the rows: both larger than the caches) is requested
  // well before use.
  // (These buffers only grow: resizing down and up again would clear them each unit.)
  if (feats.size() < n * ner::kMaxContextFeatures) feats.resize(n * ner::kMaxContextFeatures);
  if (rows.size() < n * ner::kMaxContextFeatures) rows.resize(n * ner::kMaxContextFeatures);
  bucket_start.resize(n + 1);
  size_t total = 0;
  for (size_t i = 0; i < n; ++i) {
    bucket_start[i] = total;
    total += ner::context_feature_hashes(unit.data(), n, i, feats.data() + total);
  }
  bucket_start[n] = total;
  uint64_t* f = feats.data();
  for (size_t b = 0; b < total; ++b) {
    f[b] &= m.bucket_mask;
    m.prefetch_presence(f[b]);
  }
  const int8_t** kept = rows.data();
  size_t kept_count = 0;
  for (size_t i = 0; i < n; ++i) {
    const size_t b0 = bucket_start[i];
    bucket_start[i] = kept_count;
    for (size_t b = b0; b < bucket_start[i + 1]; ++b) {
      if (!m.may_have(f[b])) continue;
      kept[kept_count] = m.row_of(f[b]);
      m.prefetch_address(kept[kept_count++]);
    }
  }
  bucket_start[n] = kept_count;
  emit->assign(n * T, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    std::fill(acc.begin(), acc.end(), int16_t{0});
    for (int o = -ner::kMaxFormOffset; o <= ner::kMaxFormOffset; ++o) {
      const long j = static_cast<long>(i) + o;
      const size_t slot = static_cast<size_t>(o + ner::kMaxFormOffset);
      const int16_t* sum = j < 0 || j >= static_cast<long>(n)
                               ? &m.boundary_sums[slot * T]
                               : &form_sums[ids[static_cast<size_t>(j)] * kOffsets * T + slot * T];
      for (size_t k = 0; k < T; ++k) acc[k] = static_cast<int16_t>(acc[k] + sum[k]);
    }
    for (size_t b = bucket_start[i]; b < bucket_start[i + 1]; ++b) {
      const int8_t* row = rows[b];
      for (size_t k = 0; k < T; ++k) acc[k] = static_cast<int16_t>(acc[k] + row[k]);
    }
    for (size_t k = 0; k < T; ++k) (*emit)[i * T + k] = static_cast<float>(acc[k]) * m.data.weight_scale;
    (*emit)[i * T] += m.data.o_bias;
  }
  ner::add_net_scores(m.data.net, text, &tokens[first], ids.data(), n, emit->data(), &net_scratch);
  const bool adapted = adapt != nullptr && !adapt->empty();
  if (!adapted && !collect_adaptable) return;
  if (adapt_feats.size() < n * ner::kMaxAdaptableFeatures) adapt_feats.resize(n * ner::kMaxAdaptableFeatures);
  adapt_off.resize(n + 1);
  size_t count = 0;
  for (size_t i = 0; i < n; ++i) {
    adapt_off[i] = count;
    count += ner::adaptable_feature_hashes(unit.data(), n, i, adapt_feats.data() + count);
  }
  adapt_off[n] = count;
  if (!adapted) return;
  for (size_t i = 0; i < n; ++i) {
    for (size_t f = adapt_off[i]; f < adapt_off[i + 1]; ++f) {
      const float* d = adapt->find(adapt_feats[f]);
      if (d) for (size_t k = 0; k < T; ++k) (*emit)[i * T + k] += d[k];
    }
  }
}

// --- Second pass (ModelData::second_pass) ---
// kDocLabel of every token: the commonest first-pass tag of the other occurrences of its
// name (DocumentContext::label_values), from the first pass's path of the whole document.
std::vector<std::string> doc_label_values(const NerModel::Impl& m, const ner::DocumentContext& doc,
                                          const std::vector<int>& path) {
  // (BIO names whatever the tag set: the trainer's jackknifed labels come from entities.)
  std::vector<std::string_view> tag_names(path.size());
  for (size_t k = 0; k < path.size(); ++k) tag_names[k] = m.tag_info[static_cast<size_t>(path[k])].bio_name;
  return doc.label_values(tag_names);
}

// Sets kDocLabel of a unit's attributes (tokens [first, first + n) of the document) from
// `labels`; false when none of them has one.
bool set_doc_labels(const std::vector<std::string>& labels, size_t first, size_t n, ner::AttrHashes* attrs) {
  bool any = false;
  for (size_t i = 0; i < n; ++i) {
    const std::string& v = labels[first + i];
    attrs[i].hash[ner::kDocLabel] = ner::fnv1a64(v);
    if (v.empty()) {
      attrs[i].empty |= uint32_t{1} << ner::kDocLabel;
    } else {
      attrs[i].empty &= ~(uint32_t{1} << ner::kDocLabel);
      any = true;
    }
  }
  return any;
}

// Adds the weights of the second-pass features of a unit of n tokens (attrs with kDocLabel
// set) to its first-pass scores emit (n * T).
void add_doc_label_rows(const NerModel::Impl& m, const ner::AttrHashes* attrs, size_t n, float* emit) {
  const size_t T = m.data.tags.size();
  uint64_t hashes[ner::kMaxDocLabelFeatures];
  for (size_t i = 0; i < n; ++i) {
    const size_t count = ner::doc_label_feature_hashes(attrs, n, i, hashes);
    for (size_t h = 0; h < count; ++h) {
      const uint64_t bucket = hashes[h] & m.bucket_mask;
      if (!m.may_have(bucket)) continue;
      const int8_t* row = m.row_of(bucket);
      for (size_t k = 0; k < T; ++k) emit[i * T + k] += static_cast<float>(row[k]) * m.data.weight_scale;
    }
  }
}

std::vector<float> NerModel::emission_scores(std::string_view text, const std::vector<Token>& tokens,
                                             const std::vector<Sentence>& sentences,
                                             bool reference) const {
  const Impl& m = *impl_;
  const size_t T = m.data.tags.size();
  std::vector<float> all, emit;
  const std::vector<Sentence> units = ner::tagging_units(text, tokens, sentences);
  ner::DocumentContext doc;
  doc.build(text, tokens, units);
  EmissionScorer scorer(m, tokens.size());
  std::vector<ner::TokenAttrs> attrs;
  std::vector<uint64_t> feats;
  std::vector<int32_t> acc(T);
  ner::NetScratch reference_net;
  for (const Sentence& s : units) {
    if (s.token_count == 0 || s.first_token + s.token_count > tokens.size()) continue;
    if (!reference) {
      scorer.score(text, tokens, s.first_token, s.token_count, doc, &emit);
      all.insert(all.end(), emit.begin(), emit.end());
      continue;
    }
    ner::compute_attrs(text, &tokens[s.first_token], s.token_count, &m.data.gazetteer, &attrs, &doc, s.first_token,
                       &m.data.names);
    for (size_t i = 0; i < s.token_count; ++i) {
      feats.clear();
      ner::feature_hashes(attrs, i, &feats);
      std::fill(acc.begin(), acc.end(), 0);
      for (uint64_t h : feats) scorer.add_row(h, acc.data());
      for (size_t k = 0; k < T; ++k) all.push_back(static_cast<float>(acc[k]) * m.data.weight_scale);
      all[all.size() - T] += m.data.o_bias;
    }
    // A scratch of its own: numbered by the unit's tokens, not by the kept forms.
    ner::add_net_scores(m.data.net, text, &tokens[s.first_token], nullptr, s.token_count,
                        &all[all.size() - s.token_count * T], &reference_net);
  }
  return all;
}

// --- Section: tagging ---
void NerModel::tag(std::string_view text, const std::vector<Token>& tokens,
                   const std::vector<Sentence>& sentences, std::vector<Entity>* out,
                   const ner::Adaptation* adaptation) const {
  const Impl& m = *impl_;
  if (const auto split = model_tokens(m.lang, text, tokens, sentences)) {
    return tag(text, split->tokens, split->sentences, out, adaptation);
  }
  const size_t T = m.data.tags.size();
  std::vector<float> emit;
  std::vector<int> path;
  std::vector<float> marg;
  std::vector<uint64_t> feats;
  ner::DecoderScratch dscratch;
  const std::vector<Sentence> units = ner::tagging_units(text, tokens, sentences);
  ner::DocumentContext doc;
  doc.build(text, tokens, units);
  EmissionScorer scorer(m, tokens.size());
  GLOSA_ASSERT(adaptation == nullptr || fits(*adaptation), "an adaptation made for this model");
  scorer.adapt = adaptation;
  // Deltas for this network: Engine drops others when it loads (network_fits, which also
  // checks every bucket); here the constant-time part, which keeps row reads in bounds.
  if (adaptation && adaptation->net_deltas().net == m.net_id && adaptation->net_deltas().dims == m.data.net.dims) {
    scorer.use_net_deltas(&adaptation->net_deltas());
  }
  // The entities of one decoded unit; `attrs` are the unit's attributes (for the subtypes
  // of LOC spans).
  auto extract = [&](const Sentence& s, const float* e_unit, const std::vector<int>& p_unit,
                     const ner::AttrHashes* attrs, std::vector<Entity>* ents) {
    const Token* toks = &tokens[s.first_token];
    const size_t n = s.token_count;
    bool any = false;
    for (int p : p_unit) if (p != 0) { any = true; break; }
    if (!any) return;
    // Marginals are read for the tokens of entities only: [first, last] of them.
    size_t lo = 0, hi = n;
    while (p_unit[lo] == 0) ++lo;
    while (p_unit[hi - 1] == 0) --hi;
    marg.resize(n * T);
    ner::marginals_fast(e_unit, n, lo, hi, m.decoder, &dscratch, &marg[lo * T]);
    for (size_t i = 0; i < n;) {
      const TagInfo& info = m.tag_info[static_cast<size_t>(p_unit[i])];
      if (info.bio == 'O') { ++i; continue; }
      size_t e = i + 1;
      float conf = marg[i * T + static_cast<size_t>(p_unit[i])];
      // The span goes on over I- (and L-, which ends it) tags of its class; U- and L- tags
      // end it where they stand.
      bool open = info.bio != 'U' && info.bio != 'L';
      while (open && e < n) {
        const TagInfo& next = m.tag_info[static_cast<size_t>(p_unit[e])];
        if ((next.bio != 'I' && next.bio != 'L') || next.label != info.label || next.subtype != info.subtype) break;
        conf = std::min(conf, marg[e * T + static_cast<size_t>(p_unit[e])]);
        open = next.bio == 'I';
        ++e;
      }
      Entity ent;
      ent.begin_byte = toks[i].begin_byte;
      ent.end_byte = toks[e - 1].end_byte;
      ent.label = info.label;
      ent.subtype = info.label == "LOC" && info.subtype.empty() ? m.subtype_of(attrs, n, i, e, &feats) : info.subtype;
      ent.origin = Origin::Model;
      ent.confidence = std::clamp(conf, 0.0f, 1.0f);
      ents->push_back(std::move(ent));
      i = e;
    }
  };
  auto usable = [&](const Sentence& s) {
    return s.token_count > 0 && s.first_token + s.token_count <= tokens.size();
  };
  if (!m.data.second_pass) {
    for (const Sentence& s : units) {
      if (!usable(s)) continue;
      scorer.score(text, tokens, s.first_token, s.token_count, doc, &emit);
      ner::viterbi_fast(emit.data(), s.token_count, m.decoder, &dscratch, &path);
      extract(s, emit.data(), path, scorer.unit.data(), out);
    }
    return;
  }

  // Pass 1: every unit decoded on its own. A unit with a name that occurs elsewhere too
  // (DocumentContext::may_have_label) waits for the second pass with its scores and
  // attributes; the others are final at once.
  std::vector<int> all_path(tokens.size(), 0);
  std::vector<uint8_t> deferred(units.size(), 0);
  // A waiting unit keeps its scores, and what rebuilds the attributes that the second pass
  // and the LOC subtypes read: each token's form and gazetteer match.
  std::vector<float> kept_emit;
  std::vector<uint32_t> kept_ids;
  std::vector<uint64_t> kept_gaz;  // kGaz hash; 0 when the token has no match
  std::vector<size_t> kept_off(units.size(), 0);
  std::vector<Entity> ents;
  std::vector<size_t> ent_begin(units.size() + 1, 0);
  for (size_t u = 0; u < units.size(); ++u) {
    const Sentence& s = units[u];
    ent_begin[u] = ents.size();
    if (!usable(s)) continue;
    const size_t n = s.token_count, first = s.first_token;
    scorer.score(text, tokens, first, n, doc, &emit);
    ner::viterbi_fast(emit.data(), n, m.decoder, &dscratch, &path);
    std::copy(path.begin(), path.end(), all_path.begin() + static_cast<long>(first));
    bool later = false;
    for (size_t i = 0; i < n && !later; ++i) later = doc.may_have_label(first + i);
    if (!later) {
      extract(s, emit.data(), path, scorer.unit.data(), &ents);
      continue;
    }
    deferred[u] = 1;
    kept_off[u] = kept_ids.size();
    kept_emit.insert(kept_emit.end(), emit.begin(), emit.end());
    kept_ids.insert(kept_ids.end(), scorer.ids.begin(), scorer.ids.begin() + static_cast<long>(n));
    for (size_t i = 0; i < n; ++i) {
      const ner::AttrHashes& a = scorer.unit[i];
      kept_gaz.push_back((a.empty >> ner::kGaz & 1) ? 0 : a.hash[ner::kGaz]);
    }
  }
  ent_begin[units.size()] = ents.size();
  // Pass 2: the first pass's tags of the other occurrences of each name (kDocLabel) add the
  // second-pass features' weights to the waiting units' scores, which are decoded again.
  const std::vector<std::string> labels = doc_label_values(m, doc, all_path);
  std::vector<ner::AttrHashes> la;
  for (size_t u = 0; u < units.size(); ++u) {
    const Sentence& s = units[u];
    if (!deferred[u]) {
      for (size_t e = ent_begin[u]; e < ent_begin[u + 1]; ++e) out->push_back(std::move(ents[e]));
      continue;
    }
    const size_t n = s.token_count, first = s.first_token;
    const size_t off = kept_off[u];
    la.resize(n);
    for (size_t i = 0; i < n; ++i) {
      la[i] = scorer.form_hashes[kept_ids[off + i]];
      if (kept_gaz[off + i]) {
        la[i].hash[ner::kGaz] = kept_gaz[off + i];
        la[i].empty &= ~(uint32_t{1} << ner::kGaz);
      } else {
        la[i].empty |= uint32_t{1} << ner::kGaz;
      }
    }
    emit.assign(kept_emit.begin() + static_cast<long>(off * T), kept_emit.begin() + static_cast<long>((off + n) * T));
    if (set_doc_labels(labels, first, n, la.data())) add_doc_label_rows(m, la.data(), n, emit.data());
    ner::viterbi_fast(emit.data(), n, m.decoder, &dscratch, &path);
    extract(s, emit.data(), path, la.data(), out);
  }
}

// --- Section: learning from corrections ---
ner::Adaptation NerModel::new_adaptation() const {
  return ner::Adaptation(impl_->lang, impl_->name, impl_->data.tags);
}

bool NerModel::fits(const ner::Adaptation& adaptation) const {
  return adaptation.lang() == impl_->lang && adaptation.tags() == impl_->data.tags;
}

bool NerModel::network_fits(const ner::Adaptation& adaptation) const {
  const ner::NetDeltas& deltas = adaptation.net_deltas();
  if (deltas.empty()) return true;
  const ner::WindowNet& net = impl_->data.net;
  if (net.empty() || deltas.net != impl_->net_id || deltas.dims != net.dims) return false;
  for (const auto& [bucket, row] : deltas.rows) {
    if (bucket >> net.bucket_bits != 0) return false;
  }
  return true;
}

namespace {

// Score of a tag path under emission scores and the model's start and transition scores.
float path_score(const float* emit, size_t n, size_t T, const std::vector<float>& start,
                 const std::vector<float>& transition, const std::vector<int>& path) {
  float s = 0;
  for (size_t t = 0; t < n; ++t) {
    const size_t j = static_cast<size_t>(path[t]);
    s += emit[t * T + j];
    s += t == 0 ? start[j] : transition[static_cast<size_t>(path[t - 1]) * T + j];
  }
  return s;
}

// The network's part of learning from one tagging unit: for each token the whole model gave
// one name label where the evidence gives another (B-LOC where it wants B-PER: a
// relabelled name), up to options.net_steps gradient steps on the token's trigram deltas,
// until the network gives the wanted tag options.net_target. Only relabels teach it:
// boundaries and missed or rejected names depend on context more than on spelling, and
// learning from them too made the same-convention corpora worse (model card). True when
// a delta moved.
bool learn_net(std::string_view text, const Token* toks, EmissionScorer& scorer, size_t n,
               const std::vector<int>& pred, const std::vector<int>& target, const LearnOptions& options,
               ner::Adaptation* adaptation, LearnSummary* summary) {
  const NerModel::Impl& m = scorer.m;
  bool moved = false;
  for (size_t i = 0; i < n; ++i) {
    const size_t got = static_cast<size_t>(pred[i]), want = static_cast<size_t>(target[i]);
    if (got == want || got == 0 || want == 0 || m.tag_info[got].label == m.tag_info[want].label) continue;
    for (int step = 0; step < options.net_steps; ++step) {
      const ner::NetStep r = ner::net_learn_step(m.data.net, text, toks, scorer.ids.data(), n, i, want, options.net_rate,
                                                 options.net_target, &adaptation->net_deltas(), &scorer.net_scratch);
      if (r.kept_out) summary->row_limit_reached = true;
      if (!r.moved) break;
      moved = true;
      ++summary->net_steps;
    }
  }
  return moved;
}

}  // namespace

LearnSummary NerModel::learn(std::string_view text, const std::vector<Token>& tokens,
                             const std::vector<Sentence>& sentences,
                             const std::vector<NameEvidence>& evidence, ner::Adaptation* adaptation,
                             const LearnOptions& options) const {
  const Impl& m = *impl_;
  if (const auto split = model_tokens(m.lang, text, tokens, sentences)) {  // the tokens tag() sees
    return learn(text, split->tokens, split->sentences, evidence, adaptation, options);
  }
  const size_t T = m.data.tags.size();
  GLOSA_ASSERT(adaptation != nullptr && fits(*adaptation), "an adaptation made for this model");
  LearnSummary summary;
  // Per token: the tag it must carry (-1: free), whether it may not be I- (the token after a
  // positive span), whether it must be O (inside a rejected span).
  constexpr int kFree = -1;
  std::vector<int> fixed(tokens.size(), kFree);
  std::vector<uint8_t> not_inside(tokens.size(), 0), must_be_o(tokens.size(), 0);
  std::vector<uint8_t> has_evidence(tokens.size(), 0);
  auto tag_index = [&](const std::string& tag) -> int {
    for (size_t j = 0; j < T; ++j) if (m.data.tags[j] == tag) return static_cast<int>(j);
    return -1;
  };
  // Tokens overlapping [b, e).
  auto token_range = [&](size_t b, size_t e) {
    auto first = std::lower_bound(tokens.begin(), tokens.end(), b,
                                  [](const Token& t, size_t pos) { return t.end_byte <= pos; });
    auto last = first;
    while (last != tokens.end() && last->begin_byte < e) ++last;
    return std::make_pair(static_cast<size_t>(first - tokens.begin()), static_cast<size_t>(last - tokens.begin()));
  };
  for (const NameEvidence& ev : evidence) {
    if (ev.positive) continue;
    const auto [b, e] = token_range(ev.begin_byte, ev.end_byte);
    for (size_t k = b; k < e; ++k) { must_be_o[k] = 1; has_evidence[k] = 1; }
    if (b < e) ++summary.evidence;
  }
  const bool bilou = ner::is_bilou(m.data.tags);
  // The tag of the same label with another position letter ('B', 'I', 'L', 'U').
  auto sibling = [&](int tag, char bio) { return tag_index(std::string(1, bio) + "-" + m.tag_info[static_cast<size_t>(tag)].label); };
  for (const NameEvidence& ev : evidence) {
    if (!ev.positive) continue;
    const int bt = tag_index("B-" + ev.label), it = tag_index("I-" + ev.label);
    const int lt = bilou ? tag_index("L-" + ev.label) : it, ut = bilou ? tag_index("U-" + ev.label) : bt;
    if (bt < 0 || it < 0 || lt < 0 || ut < 0) continue;
    const auto [b, e] = token_range(ev.begin_byte, ev.end_byte);
    if (b >= e) continue;
    ++summary.evidence;
    for (size_t k = b; k < e; ++k) {
      fixed[k] = e - b == 1 ? ut : k == b ? bt : k + 1 == e ? lt : it;
      must_be_o[k] = 0;
      has_evidence[k] = 1;
    }
    if (e < tokens.size()) { not_inside[e] = 1; has_evidence[e] = 1; }
  }
  if (summary.evidence == 0) return summary;
  // The labelled names join the taught names (kSeen) before any scoring below, so that the
  // steps are taken with the scores tag() will see. Only models trained with names
  // (ModelData::names non-empty) have weights for them.
  if (m.data.names.phrase_count() > 0) {
    // A rejected span is forgotten as a name; then the labelled ones are taught.
    std::vector<std::pair<std::vector<std::string>, uint8_t>> taught;
    std::vector<std::vector<std::string>> rejected;
    ner::TokenAttrs word;
    for (const NameEvidence& ev : evidence) {
      if (ev.positive && tag_index("B-" + ev.label) < 0) continue;
      const auto [b, e] = token_range(ev.begin_byte, ev.end_byte);
      if (b >= e || e - b > ner::kMaxPhraseWords) continue;
      std::vector<std::string> words;
      for (size_t k = b; k < e; ++k) {
        ner::compute_form_attrs(text.substr(tokens[k].begin_byte, tokens[k].end_byte - tokens[k].begin_byte),
                                tokens[k].kind, nullptr, &word);
        words.push_back(word.value[ner::kLower]);
      }
      if (ev.positive) taught.emplace_back(std::move(words), ner::name_type(ev.label));
      else rejected.push_back(std::move(words));
    }
    adaptation->forget_taught_names(rejected);
    adaptation->add_taught_names(taught, /*own=*/true);
  }

  const std::vector<Sentence> units = ner::tagging_units(text, tokens, sentences);
  ner::DocumentContext doc;
  doc.build(text, tokens, units);
  EmissionScorer scorer(m, tokens.size());
  // Deltas of another network (a retrained model with the same tags) mean nothing here.
  if (!network_fits(*adaptation)) adaptation->net_deltas() = ner::NetDeltas{};
  adaptation->net_deltas().net = m.net_id;
  scorer.use_net_deltas(&adaptation->net_deltas());
  // A model with a second pass decodes what tag() decodes: the first pass (with the deltas
  // as they are now) gives each name's kDocLabel, whose weights join the base scores.
  std::vector<std::string> labels;
  if (m.data.second_pass) {
    scorer.adapt = adaptation;
    std::vector<int> all_path(tokens.size(), 0), p1;
    std::vector<float> e1;
    ner::DecoderScratch scratch;
    for (const Sentence& s : units) {
      if (s.token_count == 0 || s.first_token + s.token_count > tokens.size()) continue;
      scorer.score(text, tokens, s.first_token, s.token_count, doc, &e1);
      ner::viterbi_fast(e1.data(), s.token_count, m.decoder, &scratch, &p1);
      std::copy(p1.begin(), p1.end(), all_path.begin() + static_cast<long>(s.first_token));
    }
    labels = doc_label_values(m, doc, all_path);
    scorer.adapt = nullptr;
  }
  scorer.collect_adaptable = true;  // base scores; the deltas are added here, step by step
  const float unit_score = m.data.weight_scale * 127.0f;
  std::vector<float> base, emit, constrained;
  std::vector<int> pred, target;
  ner::DecoderScratch dscratch;
  bool counted_document = false;
  for (const Sentence& s : units) {
    if (s.token_count == 0 || s.first_token + s.token_count > tokens.size()) continue;
    const size_t n = s.token_count, first = s.first_token;
    bool any = false;
    for (size_t i = 0; i < n && !any; ++i) any = has_evidence[first + i] != 0;
    if (!any) continue;
    ++summary.units;
    scorer.score(text, tokens, first, n, doc, &base);
    // The evidence of this unit's reviewed tokens, by feature (Adaptation::support).
    for (size_t i = 0; i < n; ++i) {
      const size_t k = first + i;
      const int tag = fixed[k] != kFree ? fixed[k] : must_be_o[k] ? 0 : kFree;
      if (tag == kFree) continue;
      for (size_t f = scorer.adapt_off[i]; f < scorer.adapt_off[i + 1]; ++f) {
        if (!adaptation->count_evidence(scorer.adapt_feats[f], static_cast<size_t>(tag))) summary.row_limit_reached = true;
      }
    }
    auto add_doc_labels = [&] {
      if (labels.empty()) return;
      std::vector<ner::AttrHashes> la(scorer.unit.begin(), scorer.unit.begin() + static_cast<long>(n));
      if (set_doc_labels(labels, first, n, la.data())) add_doc_label_rows(m, la.data(), n, base.data());
    };
    add_doc_labels();
    bool wrong_before = false;
    bool net_done = m.data.net.empty() || m.data.net.beta == 0.0f || !(options.net_rate > 0);
    for (int step = 0; step <= options.max_steps_per_unit; ++step) {
      // Base + the current deltas.
      emit = base;
      for (size_t i = 0; i < n; ++i) {
        for (size_t f = scorer.adapt_off[i]; f < scorer.adapt_off[i + 1]; ++f) {
          const float* d = adaptation->find(scorer.adapt_feats[f]);
          if (d) for (size_t k = 0; k < T; ++k) emit[i * T + k] += d[k];
        }
      }
      ner::viterbi_fast(emit.data(), n, m.decoder, &dscratch, &pred);
      // The best path that agrees with the evidence.
      constexpr float kForbidden = -1e9f;
      constrained = emit;
      for (size_t i = 0; i < n; ++i) {
        const size_t k = first + i;
        float* row = &constrained[i * T];
        if (fixed[k] != kFree) {
          // A span cut by the unit's start begins here (B-, or U- when it also ends here);
          // one cut by the unit's end ends here (BILOU: L-, or U-).
          int want = fixed[k];
          const char bio = m.tag_info[static_cast<size_t>(want)].bio;
          if (i == 0 && bio == 'I') want = sibling(want, i + 1 == n && bilou ? 'U' : 'B');
          else if (i == 0 && bio == 'L') want = sibling(want, 'U');
          else if (i + 1 == n && bilou && bio == 'B') want = sibling(want, 'U');
          else if (i + 1 == n && bilou && bio == 'I') want = sibling(want, 'L');
          for (size_t j = 0; j < T; ++j) if (static_cast<int>(j) != want) row[j] = kForbidden;
        } else if (must_be_o[k]) {
          for (size_t j = 1; j < T; ++j) row[j] = kForbidden;
        } else if (not_inside[k]) {
          for (size_t j = 0; j < T; ++j) {
            if (m.tag_info[j].bio == 'I' || m.tag_info[j].bio == 'L') row[j] = kForbidden;
          }
        }
      }
      ner::viterbi(constrained.data(), n, T, m.data.start.data(), m.data.transition.data(), m.bio, &target);
      size_t wrong = 0;
      for (size_t i = 0; i < n; ++i) wrong += pred[i] != target[i];
      if (step == 0 && wrong > 0 && !wrong_before) { wrong_before = true; ++summary.units_wrong; }
      if (step == 0 && wrong > 0 && !net_done) {
        // The network learns first, once per unit, from its relabelled tokens; the
        // linear deltas then take what is left (the steps below start again).
        net_done = true;
        if (learn_net(text, &tokens[first], scorer, n, pred, target, options, adaptation, &summary)) {
          scorer.score(text, tokens, first, n, doc, &base);
          add_doc_labels();
          step = -1;
          continue;
        }
      }
      if (wrong == 0) {
        if (wrong_before) ++summary.units_fixed;
        break;
      }
      if (step == options.max_steps_per_unit) break;
      // The smallest step that makes the target win by the margin: the score gap plus the
      // margin, over the squared size of the update (each feature of a wrong token moves at
      // two tags).
      const float gap = path_score(emit.data(), n, T, m.data.start, m.data.transition, pred) -
                        path_score(emit.data(), n, T, m.data.start, m.data.transition, target);
      size_t norm = 0;
      for (size_t i = 0; i < n; ++i) {
        if (pred[i] != target[i]) norm += 2 * (scorer.adapt_off[i + 1] - scorer.adapt_off[i]);
      }
      if (norm == 0) break;
      const float tau = std::min(options.max_step * unit_score,
                                 (std::max(gap, 0.0f) + options.margin * unit_score * static_cast<float>(wrong)) /
                                     static_cast<float>(norm));
      for (size_t i = 0; i < n; ++i) {
        if (pred[i] == target[i]) continue;
        for (size_t f = scorer.adapt_off[i]; f < scorer.adapt_off[i + 1]; ++f) {
          const uint64_t h = scorer.adapt_feats[f];
          // A feature moves toward a label as far as the reviews of its tokens agree on it.
          const float step = tau * adaptation->support(h, static_cast<size_t>(target[i]));
          const bool room = adaptation->add(h, static_cast<size_t>(target[i]), step) &&
                            adaptation->add(h, static_cast<size_t>(pred[i]), -step);
          if (!room) summary.row_limit_reached = true;
        }
      }
      adaptation->count_step();
      ++summary.steps;
      counted_document = true;
    }
  }
  if (counted_document) adaptation->count_document();
  return summary;
}

}  // namespace glosa
