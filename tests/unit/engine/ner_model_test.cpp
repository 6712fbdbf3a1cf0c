// Tests for engine/tagger: model file validation (every ErrorCode it returns, truncation at
// every length), Viterbi/marginals, and tagging with a hand-built and the shipped models.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/tagger/binary_io.h"
#include "engine/tagger/decoder.h"
#include "engine/tagger/features.h"
#include "engine/tagger/model_file.h"
#include "engine/tagger/ner_model.h"
#include "test_support.h"

using namespace glosa;
using namespace glosa::ner;

namespace {

// A tiny model: the features of "Jan" in "Jan Kowalski" vote B-PER, those of "Kowalski" I-PER
// (a feature both share keeps its first vote), and B-PER -> I-PER is a favoured transition.
ModelData tiny_model() {
  ModelData m;
  m.lang = "pl";
  m.name = "ner-pl test";
  m.tags = {"O", "B-PER", "I-PER", "B-LOC/settlement", "I-LOC/settlement"};
  m.bucket_bits = 16;
  m.weight_scale = 0.1f;
  m.temperature = 1.0f;
  const size_t T = m.tags.size();
  m.start.assign(T, 0.0f);
  m.transition.assign(T * T, 0.0f);
  m.transition[1 * T + 2] = 3.0f;  // B-PER -> I-PER
  const std::string text = "Jan Kowalski";
  const auto tokens = tokenize(text);
  std::vector<TokenAttrs> attrs;
  compute_attrs(text, tokens.data(), tokens.size(), nullptr, &attrs);
  std::vector<std::pair<uint32_t, int>> votes;
  for (size_t i = 0; i < 2; ++i) {
    std::vector<uint64_t> h;
    feature_hashes(attrs, i, &h);
    for (uint64_t x : h) votes.emplace_back(static_cast<uint32_t>(x & 0xffff), i == 0 ? 1 : 2);
  }
  std::sort(votes.begin(), votes.end());
  for (const auto& [key, tag] : votes) {
    if (!m.row_keys.empty() && m.row_keys.back() == key) continue;
    m.row_keys.push_back(key);
    std::vector<int8_t> row(T, 0);
    row[static_cast<size_t>(tag)] = 10;
    row[0] = -5;
    m.rows.insert(m.rows.end(), row.begin(), row.end());
  }
  m.gazetteer.add_phrase({"moskwa"}, kGazCity);
  m.gazetteer.finish(12);
  return m;
}

}  // namespace

TEST_CASE("ner model: a serialised model loads and tags a person") {
  const auto bytes = serialize_model(tiny_model());
  auto loaded = NerModel::load(bytes.data(), bytes.size());
  REQUIRE(loaded.is_ok());
  const NerModel& model = *loaded.value();
  CHECK(model.lang() == "pl");
  CHECK(model.name() == "ner-pl test");
  const std::string text = "Jan Kowalski";
  const auto tokens = tokenize(text);
  const auto sentences = split_sentences(text, tokens);
  std::vector<Entity> out;
  model.tag(text, tokens, sentences, &out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].label == "PER");
  CHECK(out[0].origin == Origin::Model);
  CHECK(out[0].begin_byte == 0);
  CHECK(out[0].end_byte == text.size());
  CHECK(out[0].confidence > 0.0f);
  CHECK(out[0].confidence <= 1.0f);
}

TEST_CASE("ner model: the fast emission path equals the trainer's per-token features") {
  auto check_model = [](const NerModel& model, const std::string& text) {
    const auto tokens = tokenize(text);
    const auto sentences = split_sentences(text, tokens);
    const auto fast = model.emission_scores(text, tokens, sentences, false);
    const auto reference = model.emission_scores(text, tokens, sentences, true);
    REQUIRE(fast.size() == reference.size());
    size_t differ = 0;
    for (size_t k = 0; k < fast.size(); ++k) differ += fast[k] != reference[k];
    CHECK(differ == 0);
    return fast.size();
  };
  const auto bytes = serialize_model(tiny_model());
  auto tiny = NerModel::load(bytes.data(), bytes.size());
  REQUIRE(tiny.is_ok());
  CHECK(check_model(*tiny.value(), "Jan Kowalski i Jan. Kowalski z Moskwy") > 0);
  const std::string pl = test::read_file(test::source_path("assets/models/ner-pl.bin"));
  auto shipped = NerModel::load(reinterpret_cast<const uint8_t*>(pl.data()), pl.size());
  REQUIRE(shipped.is_ok());
  const std::string text = test::read_file(test::source_path("tests/fixtures/pl-news-wizyta-wilno.txt"));
  REQUIRE(text.size() > 1000);
  CHECK(check_model(*shipped.value(), text) > 0);
  CHECK(check_model(*shipped.value(), "Ala") > 0);
}

TEST_CASE("ner model: a feature-set-7 model in format 4 (before BILOU and training names) is still read") {
  // Format 4 is format 5 without the training-names section and with 2-byte word classes.
  // A model with one word class (middle class 0: its third byte is 0) and no training names:
  // its format-5 payload ends with the class's 3 bytes, then the empty names section (u32 0
  // phrases, u32 0 Bloom bits, u32 0 classes).
  ModelData m = tiny_model();
  m.gazetteer = Gazetteer();
  m.gazetteer.add_phrase({"moskwa"}, kGazCity);
  m.gazetteer.add_word_class("kowalski", word_classes(17, 3, 0));
  m.gazetteer.finish(12);
  const std::vector<uint8_t> v5 = serialize_model(m);
  constexpr size_t kHeader = 8 + 4 + 4 + 8 + 8;
  REQUIRE(v5.size() > kHeader + 15);
  REQUIRE(std::all_of(v5.end() - 12, v5.end(), [](uint8_t b) { return b == 0; }));
  REQUIRE(v5[v5.size() - 13] == 0);  // the class's third byte
  std::vector<uint8_t> v4(v5.begin(), v5.end() - 13);
  const uint64_t size = v4.size() - kHeader;
  const uint64_t sum = fnv1a64(std::string_view(reinterpret_cast<const char*>(v4.data() + kHeader), size));
  v4[8] = 4;    // format version
  v4[12] = 7;   // feature version
  for (int k = 0; k < 8; ++k) {
    v4[16 + k] = static_cast<uint8_t>(size >> (8 * k));
    v4[24 + k] = static_cast<uint8_t>(sum >> (8 * k));
  }
  auto old_model = NerModel::load(v4.data(), v4.size());
  REQUIRE(old_model.is_ok());
  auto new_model = NerModel::load(v5.data(), v5.size());
  REQUIRE(new_model.is_ok());
  const std::string text = "Jan Kowalski przyjechał do Moskwy. Kowalski mówił.";
  const auto tokens = tokenize(text);
  const auto sentences = split_sentences(text, tokens);
  std::vector<Entity> a, b;
  old_model.value()->tag(text, tokens, sentences, &a);
  new_model.value()->tag(text, tokens, sentences, &b);
  REQUIRE(!a.empty());
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].begin_byte == b[i].begin_byte);
    CHECK(a[i].end_byte == b[i].end_byte);
    CHECK(a[i].label == b[i].label);
    CHECK(a[i].confidence == b[i].confidence);
  }
  // Feature set 7 is read only in format 4, and format 4 only with feature set 7.
  auto copy = v4;
  copy[12] = 8;
  CHECK(NerModel::load(copy.data(), copy.size()).status().code() == ErrorCode::BadModelVersion);
  copy = v5;
  copy[12] = 7;
  CHECK(NerModel::load(copy.data(), copy.size()).status().code() == ErrorCode::BadModelVersion);
}

TEST_CASE("ner model: truncated, corrupt and wrong-version files are refused") {
  const auto bytes = serialize_model(tiny_model());
  SUBCASE("truncation at every length") {
    for (size_t n = 0; n < bytes.size(); ++n) {
      auto r = NerModel::load(bytes.data(), n);
      CAPTURE(n);
      REQUIRE_FALSE(r.is_ok());
      CHECK(r.status().code() == ErrorCode::BadModel);
      CHECK_FALSE(r.status().message().empty());
    }
  }
  SUBCASE("a flipped byte anywhere in the payload fails the checksum") {
    for (size_t pos = 32; pos < bytes.size(); pos += 13) {
      auto copy = bytes;
      copy[pos] ^= 0x5a;
      auto r = NerModel::load(copy.data(), copy.size());
      CAPTURE(pos);
      REQUIRE_FALSE(r.is_ok());
      CHECK(r.status().code() == ErrorCode::BadModel);
    }
  }
  SUBCASE("bad magic, wrong format version, wrong feature version, trailing bytes") {
    auto copy = bytes;
    copy[0] = 'X';
    CHECK(NerModel::load(copy.data(), copy.size()).status().code() == ErrorCode::BadModel);
    copy = bytes;
    copy[8] = 99;  // format version
    auto r = NerModel::load(copy.data(), copy.size());
    CHECK(r.status().code() == ErrorCode::BadModelVersion);
    CHECK(r.status().message().find("version 99") != std::string::npos);
    copy = bytes;
    copy[12] = 77;  // feature version
    CHECK(NerModel::load(copy.data(), copy.size()).status().code() == ErrorCode::BadModelVersion);
    copy = bytes;
    copy.push_back(0);
    CHECK(NerModel::load(copy.data(), copy.size()).status().code() == ErrorCode::BadModel);
    CHECK(NerModel::load(nullptr, 0).status().code() == ErrorCode::BadModel);
  }
  SUBCASE("a well-formed file with a label Glosa does not know") {
    ModelData m = tiny_model();
    m.tags[3] = "B-FOO";
    const auto b = serialize_model(m);
    CHECK(NerModel::load(b.data(), b.size()).status().code() == ErrorCode::BadModel);
  }
}

TEST_CASE("ner decoder: Viterbi obeys BIO and marginals are probabilities") {
  const std::vector<std::string> tags = {"O", "B-PER", "I-PER"};
  const BioConstraints bio = bio_constraints(tags);
  CHECK_FALSE(bio.start_allowed[2]);
  CHECK(bio.allowed[1 * 3 + 2]);
  CHECK_FALSE(bio.allowed[0 * 3 + 2]);
  // I-PER has the best emission everywhere, but cannot start or follow O.
  const float emit[] = {0, 1, 5, 0, 1, 5, 0, 1, 5};
  const float start[] = {0, 0, 0};
  const float trans[9] = {};
  std::vector<int> path;
  viterbi(emit, 3, 3, start, trans, bio, &path);
  CHECK(path == std::vector<int>{1, 2, 2});
  std::vector<float> marg;
  token_marginals(emit, 3, start, bio, make_marginal_tables(3, trans, bio, 1.0f), &marg);
  for (size_t t = 0; t < 3; ++t) {
    const float s = marg[t * 3] + marg[t * 3 + 1] + marg[t * 3 + 2];
    CHECK(s == doctest::Approx(1.0f));
  }
  CHECK(marg[2] == doctest::Approx(0.0f));  // I-PER impossible at the start
  // Huge scores must not overflow into NaN.
  const float big[] = {0, 1e6f, -1e6f, 3e5f, 0, 1e6f};
  token_marginals(big, 2, start, bio, make_marginal_tables(3, trans, bio, 0.01f), &marg);
  for (float p : marg) CHECK(std::isfinite(p));
}

TEST_CASE("ner decoder: BILOU constraints: spans close with L- or stand alone as U-") {
  const std::vector<std::string> tags = {"O", "B-PER", "I-PER", "L-PER", "U-PER"};
  CHECK(is_bilou(tags));
  CHECK_FALSE(is_bilou({"O", "B-PER", "I-PER"}));
  const BioConstraints bio = bio_constraints(tags);
  auto allowed = [&](size_t a, size_t b) { return bio.allowed[a * 5 + b] != 0; };
  CHECK(allowed(1, 2));        // B -> I
  CHECK(allowed(1, 3));        // B -> L
  CHECK(allowed(2, 3));        // I -> L
  CHECK_FALSE(allowed(1, 0));  // B -> O: the span is left open
  CHECK_FALSE(allowed(2, 4));  // I -> U
  CHECK_FALSE(allowed(0, 3));  // O -> L
  CHECK(allowed(3, 1));        // L -> B
  CHECK(allowed(4, 4));        // U -> U
  CHECK_FALSE(bio.start_allowed[2]);
  CHECK_FALSE(bio.start_allowed[3]);
  CHECK_FALSE(bio.end_allowed[1]);
  CHECK_FALSE(bio.end_allowed[2]);
  CHECK(bio.end_allowed[3]);
  CHECK(bio.end_allowed[4]);
  // B-PER is best everywhere, but a unit cannot end inside a span nor leave one for O.
  const float emit[] = {0, 5, 1, 1, 1, 0, 5, 1, 1, 1};
  const float start[5] = {};
  const float trans[25] = {};
  std::vector<int> path;
  viterbi(emit, 2, 5, start, trans, bio, &path);
  CHECK(path == std::vector<int>{1, 3});  // B-PER L-PER
  std::vector<float> marg;
  token_marginals(emit, 2, start, bio, make_marginal_tables(5, trans, bio, 1.0f), &marg);
  CHECK(marg[5 + 1] == doctest::Approx(0.0f));  // B-PER cannot be last
  CHECK(marg[5 + 2] == doctest::Approx(0.0f));
}

namespace {

// A small deterministic generator (the same numbers with every standard library).
struct Lcg {
  uint64_t x = 0x9e3779b97f4a7c15u;
  float next(float lo, float hi) {
    x = x * 6364136223846793005u + 1442695040888963407u;
    return lo + (hi - lo) * static_cast<float>(x >> 40) / static_cast<float>(1u << 24);
  }
};

const std::vector<std::string> kPolishTags = {
    "O", "B-DATE", "I-DATE", "B-EVT", "I-EVT", "B-LOC", "I-LOC", "B-NORP", "I-NORP",
    "B-ORG", "I-ORG", "B-PER", "I-PER", "B-PRO", "I-PRO", "B-TIME", "I-TIME"};
const std::vector<std::string> kEnglishBilouTags = {
    "O", "B-LOC", "I-LOC", "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC",
    "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-PER", "I-PER", "L-PER", "U-PER"};

// The tags of the Polish classes in BILOU: 33, the largest unrolled decoder.
std::vector<std::string> polish_bilou_tags() {
  std::vector<std::string> tags = {"O"};
  for (const char* c : {"DATE", "EVT", "LOC", "NORP", "ORG", "PER", "PRO", "TIME"}) {
    for (const char* k : {"B-", "I-", "L-", "U-"}) tags.push_back(std::string(k) + c);
  }
  return tags;
}

}  // namespace

TEST_CASE("ner decoder: the tagger's Viterbi gives exactly the reference path, ties included") {
  for (const auto& tags : {kPolishTags, std::vector<std::string>{"O", "B-PER", "I-PER"},
                           std::vector<std::string>{"O", "B-LOC", "I-LOC", "B-MISC", "I-MISC", "B-ORG",
                                                    "I-ORG", "B-PER", "I-PER"},
                           // An even count takes the decoder's generic (not unrolled) loops.
                           std::vector<std::string>{"O", "B-PER", "I-PER", "B-LOC"},
                           // BILOU: no tag may follow every tag, and a unit may not end in a span.
                           kEnglishBilouTags, polish_bilou_tags(),
                           std::vector<std::string>{"O", "B-PER", "I-PER", "L-PER", "U-PER", "U-LOC"}}) {
    const size_t T = tags.size();
    const BioConstraints bio = bio_constraints(tags);
    Lcg rng;
    for (int round = 0; round < 300; ++round) {
      CAPTURE(T);
      CAPTURE(round);
      const size_t n = 1 + static_cast<size_t>(rng.next(0, 30));
      // Whole numbers in the odd rounds, so that equal sums (ties) are common.
      auto draw = [&](float lo, float hi) {
        const float v = rng.next(lo, hi);
        return round % 2 ? std::floor(v) : v;
      };
      std::vector<float> emit(n * T), start(T), trans(T * T);
      for (float& v : emit) v = draw(-60, 60);
      for (float& v : start) v = draw(-5, 5);
      for (float& v : trans) v = draw(-15, 15);
      std::vector<int> expected, got;
      viterbi(emit.data(), n, T, start.data(), trans.data(), bio, &expected);
      const DecoderTables tables = make_decoder_tables(T, start.data(), trans.data(), bio, 16.0f);
      DecoderScratch scratch;
      viterbi_fast(emit.data(), n, tables, &scratch, &got);
      CHECK(got == expected);
    }
  }
}

TEST_CASE("ner decoder: the tagger's marginals equal the reference ones, on any token range") {
  // 17 tags: the unrolled loops; 4: the generic ones; BILOU tag sets.
  for (const auto& tags : {kPolishTags, std::vector<std::string>{"O", "B-PER", "I-PER", "B-LOC"}, kEnglishBilouTags,
                           std::vector<std::string>{"O", "B-PER", "I-PER", "L-PER", "U-PER", "U-LOC"}}) {
    const size_t T = tags.size();
    const BioConstraints bio = bio_constraints(tags);
    Lcg rng;
    DecoderScratch scratch;
    for (int round = 0; round < 100; ++round) {
      const size_t n = 1 + static_cast<size_t>(rng.next(0, 25));
      // (Scores apart by more than 80 * temperature are clamped, and the reference clamps
      // relative to the maximum over forbidden first tags too: keep clear of that.)
      const float temperature = round % 3 == 0 ? 4.0f : 16.0f;
      std::vector<float> emit(n * T), start(T), trans(T * T);
      for (float& v : emit) v = rng.next(-150, 150);
      for (float& v : start) v = rng.next(-3, 3);
      for (float& v : trans) v = rng.next(-15, 15);
      std::vector<float> expected;
      token_marginals(emit.data(), n, start.data(), bio, make_marginal_tables(T, trans.data(), bio, temperature),
                      &expected);
      const DecoderTables tables = make_decoder_tables(T, start.data(), trans.data(), bio, temperature);
      const size_t lo = static_cast<size_t>(rng.next(0, static_cast<float>(n)));
      const size_t hi = lo + 1 + static_cast<size_t>(rng.next(0, static_cast<float>(n - lo)));
      std::vector<float> got((hi - lo) * T, -1.0f);
      marginals_fast(emit.data(), n, lo, hi, tables, &scratch, got.data());
      CAPTURE(round);
      CAPTURE(n);
      CAPTURE(lo);
      CAPTURE(hi);
      float worst = 0, sum_error = 0;
      for (size_t t = lo; t < hi; ++t) {
        float sum = 0;
        for (size_t j = 0; j < T; ++j) {
          const float p = got[(t - lo) * T + j];
          CHECK(p >= 0.0f);
          CHECK(p <= 1.0f);
          sum += p;
          worst = std::max(worst, std::fabs(p - expected[t * T + j]));
        }
        sum_error = std::max(sum_error, std::fabs(sum - 1.0f));
      }
      CHECK(worst < 2e-5f);
      CHECK(sum_error < 1e-5f);
    }
  }
}

TEST_CASE("ner decoder: exp_approx is close to exp on [-80, 0] and tiny below -87") {
  // Relative error: the polynomial's (< 2e-7) plus the rounding of x * log2(e) in float.
  double worst = 0;
  for (int k = 0; k <= 80000; ++k) {
    const float x = -static_cast<float>(k) / 1000.0f;
    const double want = std::exp(static_cast<double>(x));
    const double error = std::fabs(exp_approx(x) - want) / want;
    CAPTURE(x);
    CHECK(error < 2e-7 * (1.0 - x));
    worst = std::max(worst, error);
  }
  CHECK(worst < 6e-6);
  CHECK(exp_approx(0.0f) == 1.0f);
  for (float x : {-87.5f, -100.0f, -1000.0f, -1e6f}) {
    CAPTURE(x);
    CHECK(exp_approx(x) >= 0.0f);
    CHECK(exp_approx(x) < 1e-37f);
  }
}

TEST_CASE("ner model: the shipped models load and find names in the engine") {
  for (const char* lang : {"pl", "en"}) {
    const std::string bytes = test::read_file(test::source_path(std::string("assets/models/ner-") + lang + ".bin"));
    CAPTURE(lang);
    REQUIRE(bytes.size() > 1000);
    CHECK(bytes.size() <= 6000000u);  // the size budget of issue #13: 6 MB per model file
    Engine engine;
    Status s = engine.load_model(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    REQUIRE(s.is_ok());
    CHECK(engine.has_model(lang));
  }
  Engine engine;
  for (const char* lang : {"pl", "en"}) {
    const std::string b = test::read_file(test::source_path(std::string("assets/models/ner-") + lang + ".bin"));
    REQUIRE(engine.load_model(reinterpret_cast<const uint8_t*>(b.data()), b.size()).is_ok());
  }
  AnnotateOptions pl;
  pl.lang = "pl";
  auto a = engine.annotate(
      "Kasym-Żomart Tokajew przybył do Moskwy w poniedziałek, gdzie spotkał się z Władimirem Putinem.", pl);
  REQUIRE(a.is_ok());
  std::vector<std::string> found;
  for (const auto& e : a.value().doc.entities) {
    if (e.origin == Origin::Model) found.push_back(e.label + ":" + std::string(entity_text(a.value().doc, e)));
  }
  CAPTURE(found.size());
  CHECK(std::find(found.begin(), found.end(), "PER:Kasym-Żomart Tokajew") != found.end());
  CHECK(std::find(found.begin(), found.end(), "LOC:Moskwy") != found.end());
  CHECK(std::find(found.begin(), found.end(), "PER:Władimirem Putinem") != found.end());
  AnnotateOptions en;
  en.lang = "en";
  auto b = engine.annotate("Angela Merkel met Emmanuel Macron in Paris on Monday.", en);
  REQUIRE(b.is_ok());
  found.clear();
  for (const auto& e : b.value().doc.entities) {
    if (e.origin == Origin::Model) found.push_back(e.label + ":" + std::string(entity_text(b.value().doc, e)));
  }
  CHECK(std::find(found.begin(), found.end(), "PER:Angela Merkel") != found.end());
  CHECK(std::find(found.begin(), found.end(), "LOC:Paris") != found.end());
}

TEST_CASE("ner model: the word forms a thread keeps from earlier documents never change a tagging") {
  Engine engine;
  for (const char* lang : {"pl", "en"}) {
    const std::string b = test::read_file(test::source_path(std::string("assets/models/ner-") + lang + ".bin"));
    REQUIRE(engine.load_model(reinterpret_cast<const uint8_t*>(b.data()), b.size()).is_ok());
  }
  // More distinct words than the thread keeps (FormCache::kLimit): the next document starts
  // afresh.
  std::string many = "Jan Kowalski pojechał do Gdańska.";
  for (int k = 0; k < 31000; ++k) many += " Słowo" + std::to_string(k);
  const std::vector<std::pair<std::string, const char*>> texts = {
      {test::read_file(test::source_path("tests/fixtures/articles/pl-ren-skanska-cef.txt")), "pl"},
      {test::read_file(test::source_path("tests/fixtures/articles/en-siemens-northwind.txt")), "en"},
      {"Minister Tomasz Zieliński podpisał w Szczecinie umowę ze Skanską.", "pl"},
      {many, "pl"},
      {"Siemens said on Friday it would buy Northwind Robotics.", "en"},
  };
  // Every entity's span, label and confidence, to the bit.
  const auto tagged = [&](const std::pair<std::string, const char*>& t) {
    AnnotateOptions options;
    options.lang = t.second;
    auto r = engine.annotate(t.first, options);
    REQUIRE(r.is_ok());
    std::string out;
    for (const Entity& e : r.value().doc.entities) {
      out += std::to_string(e.begin_byte) + "-" + std::to_string(e.end_byte) + e.label + std::to_string(e.confidence) + ";";
    }
    return out;
  };
  std::vector<std::string> fresh;
  for (const auto& t : texts) {
    NerModel::forget_kept_forms();
    fresh.push_back(tagged(t));
    CHECK(fresh.back().find("PER") != std::string::npos);
  }
  // In turn, twice, keeping what earlier documents left (and the other language's in between).
  for (int round = 0; round < 2; ++round) {
    for (size_t k = 0; k < texts.size(); ++k) {
      CAPTURE(round);
      CAPTURE(k);
      CHECK(tagged(texts[k]) == fresh[k]);
    }
  }
}

TEST_CASE("ner model: kept word forms and a person's corrections: each tagging as if alone") {
  Engine plain;
  const std::string b = test::read_file(test::source_path("assets/models/ner-en.bin"));
  REQUIRE(plain.load_model(reinterpret_cast<const uint8_t*>(b.data()), b.size()).is_ok());
  AnnotateOptions en;
  en.lang = "en";
  const std::string text = test::read_file(test::source_path("tests/fixtures/articles/en-halvorsen-brightwater.txt"));
  const std::string other = test::read_file(test::source_path("tests/fixtures/articles/en-siemens-northwind.txt"));
  // A person relabels the first firm as a person (what is taught does not matter, only that it
  // moves the network's deltas); the taught engine learns it and shares the model with the
  // plain one.
  Engine taught = plain;
  Document doc = taught.annotate(text, en).value().doc;
  bool fixed = false;
  for (Entity& e : doc.entities) {
    if (!fixed && e.label == "ORG" && e.origin == Origin::Model) {
      e.label = "PER";
      e.origin = Origin::Person;
      e.status = ReviewStatus::Accepted;
      fixed = true;
    }
  }
  REQUIRE(fixed);
  REQUIRE(taught.learn(doc).is_ok());
  const auto tagged = [&](const Engine& engine, const std::string& t) {
    std::string out;
    const Document d = engine.annotate(t, en).value().doc;
    for (const Entity& e : d.entities) {
      out += std::to_string(e.begin_byte) + e.label + std::to_string(e.confidence) + ";";
    }
    return out;
  };
  NerModel::forget_kept_forms();
  const std::string plain_alone = tagged(plain, text);
  NerModel::forget_kept_forms();
  const std::string taught_alone = tagged(taught, text);
  CHECK(plain_alone != taught_alone);  // the corrections change something
  // Interleaved, with the other article between: the same, each time.
  for (int round = 0; round < 2; ++round) {
    CAPTURE(round);
    CHECK(tagged(plain, text) == plain_alone);
    CHECK(tagged(taught, text) == taught_alone);
    tagged(taught, other);
    CHECK(tagged(plain, text) == plain_alone);
    tagged(plain, other);
    CHECK(tagged(taught, text) == taught_alone);
  }
}
