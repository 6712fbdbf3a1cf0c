// Averaged perceptron training, pruning and quantisation. Layer: train.
#include "train/perceptron.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <array>
#include <map>
#include <set>
#include <unordered_map>

#include "engine/eval/span_scorer.h"
#include "engine/tagger/decoder.h"
#include "engine/tagger/features.h"
#include "engine/tagger/ner_model.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/tokenizer.h"

namespace glosa::train {

namespace {

// All training sentences as flat arrays.
struct Dataset {
  std::vector<uint32_t> feat;       // bucket ids
  std::vector<uint64_t> tok_off;    // token k's features: feat[tok_off[k], tok_off[k+1])
  std::vector<uint8_t> gold;        // gold tag per token
  std::vector<uint8_t> free_tag;    // 1: any predicted tag counts as right (ignored class)
  std::vector<std::string_view> form;  // token text (into the examples), for the window net
  std::vector<TokenKind> kind;
  std::vector<size_t> sent_off;     // sentence s: tokens [sent_off[s], sent_off[s+1])
  std::vector<uint64_t> unknown;    // sentence s: tags whose class its corpus does not annotate
  // LOC spans for the subtype classifier: features and the subtype of each.
  std::vector<std::vector<uint32_t>> span_feats;
  std::vector<std::string> span_subtype;
};

}  // namespace

bool class_known(GoldScheme scheme, const std::string& cls) {
  switch (scheme) {
    case GoldScheme::Nkjp:
      return cls == "PER" || cls == "ORG" || cls == "LOC" || cls == "NORP" || cls == "DATE" || cls == "TIME";
    case GoldScheme::Bsnlp:
      return cls == "PER" || cls == "ORG" || cls == "LOC" || cls == "EVT" || cls == "PRO" || cls == "MISC";
    case GoldScheme::Conll:
      return cls == "PER" || cls == "ORG" || cls == "LOC" || cls == "MISC";
    case GoldScheme::Plain:
      return true;
  }
  return true;
}

namespace {

int tag_index(const std::vector<std::string>& tags, const std::string& tag) {
  for (size_t i = 0; i < tags.size(); ++i) if (tags[i] == tag) return static_cast<int>(i);
  return 0;
}

}  // namespace

void normalise_tags(const std::vector<std::string>& tags, uint8_t* seq, size_t n) {
  const bool bilou = ner::is_bilou(tags);
  auto kind = [&](uint8_t t) { return tags[t] == "O" ? 'O' : tags[t][0]; };
  auto cls = [&](uint8_t t) { return std::string_view(tags[t]).substr(2); };
  auto with = [&](char k, std::string_view c) {
    return static_cast<uint8_t>(tag_index(tags, std::string(1, k) + "-" + std::string(c)));
  };
  size_t t = 0;
  while (t < n) {
    if (kind(seq[t]) == 'O') { ++t; continue; }
    const std::string_view c = cls(seq[t]);
    bool open = kind(seq[t]) == 'B' || kind(seq[t]) == 'I';
    size_t e = t + 1;
    while (open && e < n && (kind(seq[e]) == 'I' || kind(seq[e]) == 'L') && cls(seq[e]) == c) {
      open = kind(seq[e]) == 'I';
      ++e;
    }
    if (bilou && e - t == 1) {
      seq[t] = with('U', c);
    } else {
      seq[t] = with('B', c);
      for (size_t k = t + 1; k < e; ++k) seq[k] = with(bilou && k + 1 == e ? 'L' : 'I', c);
    }
    t = e;
  }
}

namespace {

// Training names (TrainOptions::names_min_count) from the examples whose index parity is not
// `skip_parity` (-1: all).
ner::Gazetteer build_names(const std::vector<Example>& examples, const std::vector<std::string>& ignore,
                           size_t min_count, int skip_parity) {
  std::map<std::vector<std::string>, std::array<size_t, 4>> counts;
  ner::TokenAttrs attrs;
  for (size_t x = 0; x < examples.size(); ++x) {
    if (skip_parity >= 0 && static_cast<int>(x % 2) == skip_parity) continue;
    const Example& ex = examples[x];
    const std::vector<Token> tokens = tokenize(ex.text);
    for (const GoldSpan& g : ex.spans) {
      if (g.cls == "DATE" || g.cls == "TIME") continue;
      if (std::find(ignore.begin(), ignore.end(), g.cls) != ignore.end()) continue;
      size_t i = 0;
      while (i < tokens.size() && tokens[i].end_byte <= g.begin_byte) ++i;
      size_t j = i;
      while (j < tokens.size() && tokens[j].begin_byte < g.end_byte) ++j;
      if (i >= j || j - i > ner::kMaxPhraseWords) continue;
      std::vector<std::string> words;
      for (size_t k = i; k < j; ++k) {
        ner::compute_form_attrs(std::string_view(ex.text).substr(tokens[k].begin_byte, tokens[k].end_byte - tokens[k].begin_byte),
                                tokens[k].kind, nullptr, &attrs);
        words.push_back(attrs.value[ner::kLower]);
      }
      const uint8_t type = ner::name_type(g.cls);
      size_t bit = 0;
      while ((1u << bit) != type) ++bit;
      ++counts[words][bit];
    }
  }
  ner::Gazetteer names;
  for (const auto& [words, c] : counts) {
    const size_t total = c[0] + c[1] + c[2] + c[3];
    if (total < min_count) continue;
    uint8_t types = 0;
    for (size_t b = 0; b < 4; ++b) if (c[b] * 4 >= total) types |= static_cast<uint8_t>(1u << b);
    names.add_phrase(words, types);
  }
  names.finish();
  return names;
}

// `doc_labels` (may be null): per example, kDocLabel per token ("" for none). `names` (may be
// null): two training-name tables, names[p] for the examples of index parity p.
Dataset build_dataset(const std::vector<Example>& examples, const ner::Gazetteer& gaz,
                      const std::vector<std::string>& tags, uint32_t bucket_bits,
                      const std::vector<std::string>& ignore, TrainStats* st,
                      const std::vector<std::vector<std::string>>* doc_labels = nullptr,
                      const ner::Gazetteer* names = nullptr) {
  Dataset d;
  d.tok_off.push_back(0);
  d.sent_off.push_back(0);
  const uint64_t mask = (uint64_t{1} << bucket_bits) - 1;
  std::vector<ner::TokenAttrs> attrs;
  std::vector<uint64_t> hashes;
  for (size_t x = 0; x < examples.size(); ++x) {
    const Example& ex = examples[x];
    const std::vector<Token> tokens = tokenize(ex.text);
    if (tokens.empty()) continue;
    const std::vector<std::string>* labels =
        doc_labels && (*doc_labels)[x].size() == tokens.size() ? &(*doc_labels)[x] : nullptr;
    std::vector<int> gold(tokens.size(), 0);
    std::vector<uint8_t> free(tokens.size(), 0);
    uint64_t unknown_mask = 0;
    for (size_t t = 1; t < tags.size(); ++t) {
      if (!class_known(ex.scheme, tags[t].substr(2))) unknown_mask |= uint64_t{1} << t;
    }
    struct LocSpan { size_t i, j; const std::string* subtype; };
    std::vector<LocSpan> locs;
    for (const GoldSpan& g : ex.spans) {
      ++st->spans;
      size_t i = 0;
      while (i < tokens.size() && tokens[i].end_byte <= g.begin_byte) ++i;
      size_t j = i;
      while (j < tokens.size() && tokens[j].begin_byte < g.end_byte) ++j;
      if (i >= j) { ++st->misaligned_spans; continue; }
      if (tokens[i].begin_byte != g.begin_byte || tokens[j - 1].end_byte != g.end_byte) {
        ++st->misaligned_spans;
      }
      if (gold[i] != 0 || free[i]) continue;
      if (std::find(ignore.begin(), ignore.end(), g.cls) != ignore.end()) {
        for (size_t k = i; k < j; ++k) free[k] = 1;
        continue;
      }
      if (g.cls == "LOC") locs.push_back({i, j, &g.subtype});
      gold[i] = tag_index(tags, "B-" + g.cls);
      for (size_t k = i + 1; k < j; ++k) gold[k] = tag_index(tags, "I-" + g.cls);
      if (ner::is_bilou(tags)) {
        if (j - i == 1) gold[i] = tag_index(tags, "U-" + g.cls);
        else gold[j - 1] = tag_index(tags, "L-" + g.cls);
      }
    }
    const std::vector<Sentence> units = ner::tagging_units(ex.text, tokens, split_sentences(ex.text, tokens));
    ner::DocumentContext doc;
    doc.build(ex.text, tokens, units);
    for (const Sentence& s : units) {
      ner::compute_attrs(ex.text, &tokens[s.first_token], s.token_count, &gaz, &attrs, &doc, s.first_token,
                         names ? &names[x % 2] : nullptr);
      if (labels) {
        for (size_t i = 0; i < s.token_count; ++i) {
          attrs[i].value[ner::kDocLabel] = (*labels)[s.first_token + i];
          attrs[i].hash[ner::kDocLabel] = ner::fnv1a64(attrs[i].value[ner::kDocLabel]);
        }
      }
      // A span cut by a unit boundary ends there and restarts with B- in the next unit.
      std::vector<uint8_t> unit_gold(s.token_count);
      for (size_t i = 0; i < s.token_count; ++i) unit_gold[i] = static_cast<uint8_t>(gold[s.first_token + i]);
      normalise_tags(tags, unit_gold.data(), unit_gold.size());
      for (size_t i = 0; i < s.token_count; ++i) {
        hashes.clear();
        ner::feature_hashes(attrs, i, &hashes);
        for (uint64_t h : hashes) d.feat.push_back(static_cast<uint32_t>(h & mask));
        d.tok_off.push_back(d.feat.size());
        d.gold.push_back(unit_gold[i]);
        d.free_tag.push_back(free[s.first_token + i]);
        const Token& tk = tokens[s.first_token + i];
        d.form.push_back(std::string_view(ex.text).substr(tk.begin_byte, tk.end_byte - tk.begin_byte));
        d.kind.push_back(tk.kind);
      }
      d.sent_off.push_back(d.gold.size());
      d.unknown.push_back(unknown_mask);
      for (const LocSpan& l : locs) {
        if (l.i < s.first_token || l.j > s.first_token + s.token_count) continue;
        hashes.clear();
        ner::span_feature_hashes(attrs, l.i - s.first_token, l.j - s.first_token, &hashes);
        std::vector<uint32_t> f;
        for (uint64_t h : hashes) f.push_back(static_cast<uint32_t>(h & mask));
        d.span_feats.push_back(std::move(f));
        d.span_subtype.push_back(*l.subtype);
      }
    }
  }
  st->sentences = d.sent_off.size() - 1;
  st->tokens = d.gold.size();
  st->features = d.feat.size();
  return d;
}

// Weights plus the running sums for averaging: avg = w - u / c.
struct Averaged {
  std::vector<float> w, u;
  void init(size_t n) { w.assign(n, 0.0f); u.assign(n, 0.0f); }
  void add(size_t k, float delta, float c) { w[k] += delta; u[k] += c * delta; }
  float avg(size_t k, double c) const { return static_cast<float>(w[k] - u[k] / c); }
  // The averaged weights, computed in place (the object is spent afterwards).
  std::vector<float> take_average(double c) {
    for (size_t k = 0; k < w.size(); ++k) w[k] = avg(k, c);
    u = {};
    return std::move(w);
  }
};

// Multiclass averaged perceptron for LOC subtypes over span features.
void train_subtypes(const Dataset& d, const TrainOptions& opt, ner::ModelData* m) {
  std::set<std::string> classes(d.span_subtype.begin(), d.span_subtype.end());
  if (classes.size() < 2) return;
  m->subtypes.assign(classes.begin(), classes.end());
  const size_t K = m->subtypes.size();
  std::vector<size_t> y(d.span_feats.size());
  for (size_t i = 0; i < y.size(); ++i) {
    y[i] = static_cast<size_t>(std::find(m->subtypes.begin(), m->subtypes.end(), d.span_subtype[i]) - m->subtypes.begin());
  }
  std::unordered_map<uint32_t, size_t> index;  // bucket -> row
  std::vector<uint32_t> keys;
  for (const auto& f : d.span_feats) {
    for (uint32_t b : f) if (index.emplace(b, keys.size()).second) keys.push_back(b);
  }
  Averaged W;
  W.init(keys.size() * K);
  std::vector<size_t> order(y.size());
  std::iota(order.begin(), order.end(), 0);
  Rng rng{opt.seed + 17};
  float c = 1.0f;
  std::vector<float> score(K);
  size_t errors = 0;
  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng.below(k)]);
    errors = 0;
    for (size_t i : order) {
      std::fill(score.begin(), score.end(), 0.0f);
      for (uint32_t b : d.span_feats[i]) {
        const size_t r = index[b];
        for (size_t k = 0; k < K; ++k) score[k] += W.w[r * K + k];
      }
      size_t best = 0;
      for (size_t k = 1; k < K; ++k) if (score[k] > score[best]) best = k;
      if (best != y[i]) {
        ++errors;
        for (uint32_t b : d.span_feats[i]) {
          const size_t r = index[b];
          W.add(r * K + y[i], 1.0f, c);
          W.add(r * K + best, -1.0f, c);
        }
      }
      c += 1.0f;
    }
  }
  // Quantise: the largest |w| maps to 127; rows that round to all-zero are dropped.
  float mx = 1e-6f;
  for (size_t r = 0; r < keys.size(); ++r) for (size_t k = 0; k < K; ++k) mx = std::max(mx, std::fabs(W.avg(r * K + k, c)));
  m->subtype_scale = mx / 127.0f;
  std::vector<size_t> rows(keys.size());
  std::iota(rows.begin(), rows.end(), 0);
  std::sort(rows.begin(), rows.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  for (size_t r : rows) {
    std::vector<int8_t> q(K);
    bool any = false;
    for (size_t k = 0; k < K; ++k) {
      q[k] = static_cast<int8_t>(std::lround(W.avg(r * K + k, c) / m->subtype_scale));
      any = any || q[k] != 0;
    }
    if (!any) continue;
    m->subtype_keys.push_back(keys[r]);
    m->subtype_rows.insert(m->subtype_rows.end(), q.begin(), q.end());
  }
  if (opt.verbose) {
    std::fprintf(stderr, "subtypes: %zu classes, %zu spans, last-epoch errors %zu, %zu rows\n", K,
                 y.size(), errors, m->subtype_keys.size());
  }
}

}  // namespace

std::vector<std::string> make_tags(const std::vector<Example>& examples,
                                   const std::vector<std::string>& ignore_classes, bool bilou) {
  std::set<std::string> classes;
  for (const auto& ex : examples) for (const auto& g : ex.spans) classes.insert(g.cls);
  for (const auto& c : ignore_classes) classes.erase(c);
  std::vector<std::string> tags = {"O"};
  for (const auto& c : classes) {
    tags.push_back("B-" + c);
    tags.push_back("I-" + c);
    if (bilou) {
      tags.push_back("L-" + c);
      tags.push_back("U-" + c);
    }
  }
  return tags;
}

namespace {

// kDocLabel for every token of examples[x] with x % 2 == half, from a first-pass model
// trained on the other half (see TrainOptions::second_pass).
void jackknife_doc_labels(const std::vector<Example>& examples, const ner::Gazetteer& gazetteer,
                          const TrainOptions& opt, const std::vector<std::string>& tags, size_t half,
                          std::vector<std::vector<std::string>>* out) {
  std::vector<Example> train;
  for (size_t x = 0; x < examples.size(); ++x) if (x % 2 != half) train.push_back(examples[x]);
  TrainOptions first = opt;
  first.second_pass = false;
  first.window_net = false;  // the folds only give kDocLabel
  first.linear_runs = 1;     // one run is enough for that, at a third of the time
  first.verbose = false;
  TrainStats st;
  ner::ModelData m = train_model(train, gazetteer, first, &st);
  (void)tags;
  // The held-out half, tokenized once.
  struct Held {
    size_t x;
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
  };
  std::vector<Held> held;
  for (size_t x = half; x < examples.size(); x += 2) {
    Held h{x, tokenize(examples[x].text), {}};
    if (h.tokens.empty()) continue;
    h.sentences = split_sentences(examples[x].text, h.tokens);
    held.push_back(std::move(h));
  }
  // (The folds' first pass keeps O bias 0: calibrating it on the held-out half, as the
  // final model's is on dev, scored lower on conll-dev and bsnlp2017; model card.)
  const std::vector<uint8_t> bytes = ner::serialize_model(m);
  auto loaded = NerModel::load(bytes.data(), bytes.size());
  GLOSA_ASSERT(loaded.is_ok(), "a model the trainer just made loads");
  const NerModel& model = *loaded.value();
  for (const Held& h : held) {
    const size_t x = h.x;
    const Example& ex = examples[x];
    const std::vector<Token>& tokens = h.tokens;
    const std::vector<Sentence>& sentences = h.sentences;
    std::vector<Entity> ents;
    model.tag(ex.text, tokens, sentences, &ents);
    std::vector<std::string> token_tags(tokens.size(), "O");
    size_t k = 0;
    for (const Entity& e : ents) {
      while (k < tokens.size() && tokens[k].end_byte <= e.begin_byte) ++k;
      for (size_t j = k; j < tokens.size() && tokens[j].begin_byte < e.end_byte; ++j) {
        token_tags[j] = (j == k ? "B-" : "I-") + e.label;
      }
    }
    std::vector<std::string_view> views(token_tags.begin(), token_tags.end());
    const std::vector<Sentence> units = ner::tagging_units(ex.text, tokens, sentences);
    ner::DocumentContext doc;
    doc.build(ex.text, tokens, units);
    (*out)[x] = doc.label_values(views);
  }
}

}  // namespace

ner::ModelData train_model(const std::vector<Example>& examples, const ner::Gazetteer& gazetteer,
                           const TrainOptions& opt, TrainStats* st) {
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  const std::vector<std::string> tags = make_tags(examples, opt.ignore_classes, opt.bilou);
  const size_t T = tags.size();
  std::vector<std::vector<std::string>> doc_labels;
  if (opt.second_pass) {
    doc_labels.resize(examples.size());
    for (size_t half : {size_t{0}, size_t{1}}) jackknife_doc_labels(examples, gazetteer, opt, tags, half, &doc_labels);
    // Half of the documents train the first pass: no kDocLabel there (a stable choice by
    // the document's index, independent of the folds above).
    for (size_t x = 0; x < examples.size(); ++x) {
      if ((ner::mix64(x + opt.seed) >> 7) & 1) doc_labels[x].clear();
    }
    if (opt.verbose) {
      std::fprintf(stderr, "second pass: first-pass tags of both halves (%.1fs)\n",
                   std::chrono::duration<double>(clock::now() - t0).count());
    }
  }
  // Training names: each half of the documents sees those of the other half.
  ner::Gazetteer names_of_other_half[2];
  if (opt.names_min_count > 0) {
    for (int p = 0; p < 2; ++p) names_of_other_half[p] = build_names(examples, opt.ignore_classes, opt.names_min_count, p);
  }
  Dataset d = build_dataset(examples, gazetteer, tags, opt.bucket_bits, opt.ignore_classes, st,
                            opt.second_pass ? &doc_labels : nullptr,
                            opt.names_min_count > 0 ? names_of_other_half : nullptr);
  if (opt.verbose) {
    std::fprintf(stderr, "train: %zu sentences, %zu tokens, %zu features, %zu tags, %zu/%zu spans misaligned (%.1fs)\n",
                 st->sentences, st->tokens, st->features, T, st->misaligned_spans, st->spans,
                 std::chrono::duration<double>(clock::now() - t0).count());
  }
  const size_t buckets = size_t{1} << opt.bucket_bits;
  const ner::BioConstraints bio = ner::bio_constraints(tags);
  // The averaged weights of every run, summed (divided by the number of runs below); the
  // first run's are taken as they are, so that one run needs no buffer beside its own.
  std::vector<float> w_mean, s_mean, tr_mean;
  const int runs = std::max(1, opt.linear_runs);
  for (int run = 0; run < runs; ++run) {
    Averaged W, S, Tr;
    W.init(buckets * T);
    S.init(T);
    Tr.init(T * T);
    std::vector<size_t> order(st->sentences);
    std::iota(order.begin(), order.end(), 0);
    // Run 0 shuffles as a single run always did; the others from seeds of their own.
    Rng rng{run == 0 ? opt.seed : ner::mix64(opt.seed * 1000003u + static_cast<uint64_t>(run))};
    float c = 1.0f;
    std::vector<float> emit;
    std::vector<int> pred;
    std::vector<uint8_t> gold_eff;
    for (int epoch = 0; epoch < opt.epochs; ++epoch) {
      for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng.below(k)]);
      size_t wrong_tokens = 0;
      for (size_t s : order) {
        const size_t a = d.sent_off[s], b = d.sent_off[s + 1], n = b - a;
        emit.assign(n * T, 0.0f);
        for (size_t t = 0; t < n; ++t) {
          float* e = &emit[t * T];
          for (uint64_t f = d.tok_off[a + t]; f < d.tok_off[a + t + 1]; ++f) {
            const float* row = &W.w[size_t{d.feat[f]} * T];
            for (size_t j = 0; j < T; ++j) e[j] += row[j];
          }
        }
        // Loss-augmented decoding: every tag but the gold one gets `margin` more, so the
        // weights move until the gold path wins by that much per token (not on free tokens).
        if (opt.margin > 0) {
          for (size_t t = 0; t < n; ++t) {
            if (d.free_tag[a + t]) continue;
            for (size_t j = 0; j < T; ++j) if (j != d.gold[a + t]) emit[t * T + j] += opt.margin;
          }
        }
        ner::viterbi(emit.data(), n, T, S.w.data(), Tr.w.data(), bio, &pred);
        // Effective gold: a predicted tag of a class this corpus does not annotate, over gold O,
        // counts as right.
        gold_eff.assign(d.gold.begin() + static_cast<long>(a), d.gold.begin() + static_cast<long>(b));
        const uint64_t unknown = d.unknown[s];
        if (unknown) {
          for (size_t t = 0; t < n; ++t) {
            if (gold_eff[t] == 0 && (unknown >> pred[t] & 1)) gold_eff[t] = static_cast<uint8_t>(pred[t]);
          }
        }
        // Inside a span of an ignored class any tag is right, as long as the tag scheme stays
        // valid (an I- tag right after the region must continue a span the region's prediction
        // began).
        bool any_free = false;
        for (size_t t = 0; t < n; ++t) {
          if (d.free_tag[a + t]) { gold_eff[t] = static_cast<uint8_t>(pred[t]); any_free = true; }
        }
        if (unknown || any_free) normalise_tags(tags, gold_eff.data(), n);
        bool same = true;
        for (size_t t = 0; t < n; ++t) if (pred[t] != gold_eff[t]) { same = false; ++wrong_tokens; }
        if (!same) {
          for (size_t t = 0; t < n; ++t) {
            const size_t g = gold_eff[t], p = static_cast<size_t>(pred[t]);
            if (g != p) {
              for (uint64_t f = d.tok_off[a + t]; f < d.tok_off[a + t + 1]; ++f) {
                const size_t base = size_t{d.feat[f]} * T;
                W.add(base + g, 1.0f, c);
                W.add(base + p, -1.0f, c);
              }
            }
            if (t == 0) {
              if (g != p) { S.add(g, 1.0f, c); S.add(p, -1.0f, c); }
            } else {
              const size_t gp = gold_eff[t - 1], pp = static_cast<size_t>(pred[t - 1]);
              if (gp != pp || g != p) { Tr.add(gp * T + g, 1.0f, c); Tr.add(pp * T + p, -1.0f, c); }
            }
          }
        }
        c += 1.0f;
      }
      if (opt.verbose) {
        const std::string run_label = runs > 1 ? "run " + std::to_string(run + 1) + ", " : "";
        std::fprintf(stderr, "%sepoch %d: token errors %zu (%.2f%%) (%.1fs)\n", run_label.c_str(), epoch + 1,
                     wrong_tokens, 100.0 * wrong_tokens / std::max<size_t>(1, st->tokens),
                     std::chrono::duration<double>(clock::now() - t0).count());
      }
    }
    if (run == 0) {
      w_mean = W.take_average(c);
      s_mean = S.take_average(c);
      tr_mean = Tr.take_average(c);
    } else {
      for (size_t k = 0; k < w_mean.size(); ++k) w_mean[k] += W.avg(k, c);
      for (size_t k = 0; k < T; ++k) s_mean[k] += S.avg(k, c);
      for (size_t k = 0; k < T * T; ++k) tr_mean[k] += Tr.avg(k, c);
    }
  }
  if (runs > 1) {
    const float inv = 1.0f / static_cast<float>(runs);
    for (float& v : w_mean) v *= inv;
    for (float& v : s_mean) v *= inv;
    for (float& v : tr_mean) v *= inv;
  }

  // Average, prune to the strongest rows, quantise to int8.
  ner::ModelData m;
  m.lang = opt.lang;
  m.name = opt.name;
  m.tags = tags;
  m.bucket_bits = opt.bucket_bits;
  m.start.resize(T);
  m.transition.resize(T * T);
  for (size_t j = 0; j < T; ++j) m.start[j] = s_mean[j];
  for (size_t k = 0; k < T * T; ++k) m.transition[k] = tr_mean[k];
  std::vector<std::pair<float, uint32_t>> strength;  // (max |w|, bucket)
  std::vector<float> mags;
  for (size_t bkt = 0; bkt < buckets; ++bkt) {
    float mx = 0;
    for (size_t j = 0; j < T; ++j) mx = std::max(mx, std::fabs(w_mean[bkt * T + j]));
    if (mx > 0) strength.emplace_back(mx, static_cast<uint32_t>(bkt));
  }
  st->rows_nonzero = strength.size();
  if (strength.size() > opt.max_rows) {
    std::nth_element(strength.begin(), strength.begin() + static_cast<long>(opt.max_rows), strength.end(),
                     [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
    strength.resize(opt.max_rows);
  }
  std::sort(strength.begin(), strength.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
  for (const auto& [mx, bkt] : strength) {
    for (size_t j = 0; j < T; ++j) {
      const float v = std::fabs(w_mean[size_t{bkt} * T + j]);
      if (v > 0) mags.push_back(v);
    }
  }
  // Scale: the 99.9th percentile of |w| maps to 127; larger weights are clipped.
  float q = 1.0f;
  if (!mags.empty()) {
    const size_t k = std::min(mags.size() - 1, static_cast<size_t>(mags.size() * 0.999));
    std::nth_element(mags.begin(), mags.begin() + static_cast<long>(k), mags.end());
    q = std::max(1e-6f, mags[k]);
  }
  m.weight_scale = q / 127.0f;
  for (const auto& [mx, bkt] : strength) {
    std::vector<int8_t> row(T);
    bool any = false;
    for (size_t j = 0; j < T; ++j) {
      const float v = w_mean[size_t{bkt} * T + j] / m.weight_scale;
      const long r = std::lround(std::max(-127.0f, std::min(127.0f, v)));
      row[j] = static_cast<int8_t>(r);
      any = any || r != 0;
    }
    if (!any) continue;
    m.row_keys.push_back(bkt);
    m.rows.insert(m.rows.end(), row.begin(), row.end());
  }
  st->rows_kept = m.row_keys.size();
  m.second_pass = opt.second_pass;
  train_subtypes(d, opt, &m);
  if (opt.window_net) {
    // The network is the last to read the dataset: its arrays are moved, not copied (d is
    // empty afterwards).
    NetTrainData nd;
    nd.form = std::move(d.form);
    nd.kind = std::move(d.kind);
    nd.gold = std::move(d.gold);
    nd.free_tag = std::move(d.free_tag);
    nd.unit_off = std::move(d.sent_off);
    nd.unknown = std::move(d.unknown);
    NetTrainOptions no = opt.net;
    no.seed = opt.seed;
    no.verbose = opt.verbose;
    m.net = train_window_net(nd, T, no);
  }
  m.gazetteer = gazetteer;
  if (opt.names_min_count > 0) m.names = build_names(examples, opt.ignore_classes, opt.names_min_count, -1);
  // A first guess for the temperature: one average feature weight (callers calibrate).
  m.temperature = 1.0f;
  if (opt.verbose) {
    std::fprintf(stderr, "model: %zu of %zu rows kept, scale %.5f (%.1fs)\n", st->rows_kept,
                 st->rows_nonzero, m.weight_scale,
                 std::chrono::duration<double>(clock::now() - t0).count());
  }
  return m;
}

}  // namespace glosa::train
