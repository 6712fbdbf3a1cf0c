// Tests for engine/tagger/window_net: sub-word pieces, the forward pass, the file section,
// and how the network's scores join the linear model's.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/tagger/adaptation.h"
#include "engine/tagger/binary_io.h"
#include "engine/tagger/model_file.h"
#include "engine/tagger/ner_model.h"
#include "engine/tagger/window_net.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/tokenizer.h"

using namespace glosa;
using namespace glosa::ner;

namespace {

// A model with no weight rows (every tag scores 0 but O, which gets `o_bias`) and a network
// whose every embedding is +1 in its first value: one hidden unit reads that value, and
// the output layer turns it into a preference for tag `favoured`.
ModelData model_with_net(float o_bias, size_t favoured, float beta, float skip_margin) {
  ModelData m;
  m.lang = "pl";
  m.name = "ner-pl net test";
  m.tags = {"O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG"};
  m.bucket_bits = 12;
  m.weight_scale = 0.1f;
  m.temperature = 1.0f;
  m.o_bias = o_bias;
  const size_t T = m.tags.size();
  m.start.assign(T, 0.0f);
  m.transition.assign(T * T, 0.0f);
  WindowNet& n = m.net;
  n.bucket_bits = 10;
  n.dims = 2;
  n.hidden = 3;
  n.tags = static_cast<uint32_t>(T);
  n.embed_scale = 0.5f;
  n.beta = beta;
  n.skip_margin = skip_margin;
  n.embed.assign((size_t{1} << n.bucket_bits) * n.dims, 0);
  for (size_t r = 0; r < (size_t{1} << n.bucket_bits); ++r) n.embed[r * n.dims] = 2;  // value 1.0
  n.w1.assign(kNetWindow * n.dims * n.hidden, 0.0f);
  n.w1[(2 * n.dims + 0) * n.hidden + 0] = 1.0f;  // the middle token's first value -> unit 0
  n.b1.assign(n.hidden, 0.0f);
  n.w2.assign(size_t{n.hidden} * T, 0.0f);
  n.w2[0 * T + favoured] = 10.0f;
  n.b2.assign(T, 0.0f);
  return m;
}

// A model written and loaded back, and a text tokenised for it.
struct Loaded {
  std::shared_ptr<const NerModel> model;
  std::string text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  Loaded(const ModelData& m, std::string t) : text(std::move(t)) {
    const auto bytes = serialize_model(m);
    auto loaded = NerModel::load(bytes.data(), bytes.size());
    REQUIRE(loaded.is_ok());
    model = loaded.value();
    tokens = tokenize(text);
    sentences = split_sentences(text, tokens);
  }
};

std::vector<Entity> tag_with(const ModelData& m, const std::string& text) {
  const Loaded x(m, text);
  std::vector<Entity> out;
  x.model->tag(x.text, x.tokens, x.sentences, &out);
  return out;
}

}  // namespace

TEST_CASE("window net: pieces are the word's forms, affixes, shape and code-point trigrams") {
  uint32_t a[kNetMaxPieces], b[kNetMaxPieces];
  // "Łódź": lower, form, shape, cap, the 3-letter prefix, the 2- and 3-letter suffixes (a
  // 4-letter one needs a longer word) and the trigrams of "^łódź$" (6 code points: 4), none
  // split inside a letter.
  const size_t n = net_pieces("Łódź", TokenKind::Word, 16, a);
  CHECK(n == 11);
  std::set<uint32_t> distinct(a, a + n);
  CHECK(distinct.size() == n);
  for (size_t k = 0; k < n; ++k) {
    CHECK(a[k] > 0);
    CHECK(a[k] < (1u << 16));
  }
  // The same word gives the same pieces; its lower-case form shares all but form, shape, cap.
  CHECK(net_pieces("Łódź", TokenKind::Word, 16, b) == n);
  CHECK(std::vector<uint32_t>(a, a + n) == std::vector<uint32_t>(b, b + n));
  const size_t m = net_pieces("łódź", TokenKind::Word, 16, b);
  size_t shared = 0;
  for (size_t k = 0; k < m; ++k) shared += distinct.count(b[k]);
  CHECK(shared == n - 3);
  // A long word is capped.
  CHECK(net_pieces("Konstantynopolitańczykowianeczka", TokenKind::Word, 16, a) == kNetMaxPieces);
}

TEST_CASE("window net: log-probabilities sum to one and follow the weights") {
  const ModelData m = model_with_net(0.0f, 5, 1.0f, 1e30f);
  const std::string text = "Ala ma kota";
  const auto tokens = tokenize(text);
  NetScratch s;
  s.vec.resize(tokens.size() * m.net.dims);
  s.stamp.assign(tokens.size(), 0u);
  const std::vector<uint32_t> slots = {0, 1, 2};
  std::vector<float> lp(m.tags.size());
  net_log_probs(m.net, text, tokens.data(), slots.data(), tokens.size(), 1, &s, lp.data());
  double sum = 0;
  for (float v : lp) sum += std::exp(static_cast<double>(v));
  CHECK(sum == doctest::Approx(1.0).epsilon(1e-5));
  for (size_t t = 0; t < lp.size(); ++t) if (t != 5) CHECK(lp[5] > lp[t] + 5.0f);
}

TEST_CASE("window net: its scores join the linear ones, weighted by beta") {
  const std::string text = "Ala ma kota";
  // No network weight: nothing but O (every tag scores 0; O wins ties).
  CHECK(tag_with(model_with_net(0.1f, 8, 0.0f, 1e30f), text).empty());
  // A network that favours U-ORG at every token, with weight: three one-word ORGs.
  const auto out = tag_with(model_with_net(0.1f, 8, 1.0f, 1e30f), text);
  REQUIRE(out.size() == 3);
  for (const Entity& e : out) CHECK(e.label == "ORG");
  // Where the linear scores put O further ahead than the skip margin, the network is not
  // asked, although here it would have won (a speed trade-off: log-probabilities have no
  // floor): O stays.
  CHECK(tag_with(model_with_net(20.0f, 8, 1.0f, 15.0f), text).empty());
  // Within the margin, it is.
  CHECK(tag_with(model_with_net(5.0f, 8, 1.0f, 15.0f), text).size() == 3);
}

TEST_CASE("window net: one scratch serves networks of two sizes in turn, as the tagger's kept forms do") {
  const ModelData small = model_with_net(0.0f, 8, 1.0f, 1e30f);
  ModelData large = model_with_net(0.0f, 4, 1.0f, 1e30f);
  WindowNet& n = large.net;  // four values per embedding instead of two
  n.dims = 4;
  n.embed.assign((size_t{1} << n.bucket_bits) * n.dims, 0);
  for (size_t r = 0; r < (size_t{1} << n.bucket_bits); ++r) n.embed[r * n.dims + 3] = 2;
  n.w1.assign(kNetWindow * n.dims * n.hidden, 0.0f);
  n.w1[(2 * n.dims + 3) * n.hidden + 0] = 1.0f;
  const size_t T = small.tags.size();
  const std::string long_text = "Jan Kowalski mieszka w Gdańsku od roku i lubi morze bardzo";
  const std::string short_text = "Anna Nowak z Torunia";
  const auto long_tokens = tokenize(long_text), short_tokens = tokenize(short_text);
  std::vector<uint32_t> long_ids(long_tokens.size()), short_ids(short_tokens.size());
  for (size_t k = 0; k < long_ids.size(); ++k) long_ids[k] = static_cast<uint32_t>(k);
  for (size_t k = 0; k < short_ids.size(); ++k) short_ids[k] = static_cast<uint32_t>(long_ids.size() - short_ids.size() + k);
  NetScratch kept;
  std::vector<float> emit(long_tokens.size() * T, 0.0f);
  REQUIRE(add_net_scores(small.net, long_text, long_tokens.data(), long_ids.data(), long_tokens.size(), emit.data(), &kept) ==
          long_tokens.size());
  // The other network, on slots the first one filled (a cache emptied for another model).
  kept.forget_vectors();
  std::vector<float> from_kept(short_tokens.size() * T, 0.0f), from_fresh(short_tokens.size() * T, 0.0f);
  add_net_scores(large.net, short_text, short_tokens.data(), short_ids.data(), short_tokens.size(), from_kept.data(), &kept);
  NetScratch fresh;
  add_net_scores(large.net, short_text, short_tokens.data(), short_ids.data(), short_tokens.size(), from_fresh.data(), &fresh);
  CHECK(from_kept == from_fresh);
  CHECK(kept.vec.size() >= (size_t{short_ids.back()} + 1) * n.dims);
  // And it favours its own tag (U-PER, 4), not the first network's (U-ORG, 8).
  CHECK(from_fresh[4] > from_fresh[8]);
}

TEST_CASE("window net: the file section round-trips and a damaged one is refused") {
  const ModelData m = model_with_net(0.5f, 4, 2.0f, 12.0f);
  const auto bytes = serialize_model(m);
  auto parsed = parse_model(bytes.data(), bytes.size());
  REQUIRE(parsed.is_ok());
  const WindowNet& n = parsed.value().net;
  CHECK(n.bucket_bits == m.net.bucket_bits);
  CHECK(n.dims == m.net.dims);
  CHECK(n.hidden == m.net.hidden);
  CHECK(n.tags == m.tags.size());
  CHECK(n.beta == m.net.beta);
  CHECK(n.skip_margin == m.net.skip_margin);
  CHECK(n.embed == m.net.embed);
  CHECK(n.w1 == m.net.w1);
  CHECK(n.w2 == m.net.w2);
  // A model without a network writes no section and reads back empty.
  ModelData plain = m;
  plain.net = WindowNet{};
  const auto plain_bytes = serialize_model(plain);
  CHECK(plain_bytes.size() < bytes.size());
  auto plain_parsed = parse_model(plain_bytes.data(), plain_bytes.size());
  REQUIRE(plain_parsed.is_ok());
  CHECK(plain_parsed.value().net.empty());
  // A network section cut anywhere, in a file whose header and checksum agree with the cut
  // payload, is refused by the section's own checks.
  const size_t header = 8 + 4 + 4 + 8 + 8;
  for (size_t keep = plain_bytes.size() - header; keep < bytes.size() - header; keep += 97) {
    CAPTURE(keep);
    ByteWriter w;
    w.bytes(bytes.data(), 16);  // magic, format and feature versions
    w.u64(keep);
    w.u64(fnv1a64(std::string_view(reinterpret_cast<const char*>(bytes.data() + header), keep)));
    w.bytes(bytes.data() + header, keep);
    auto r = NerModel::load(w.data().data(), w.data().size());
    REQUIRE_FALSE(r.is_ok());
    CHECK(r.status().message().find("window network section") != std::string::npos);
  }
  // A network on a model of one tag (O alone) is refused: there is nothing to compare O with.
  ModelData one_tag = m;
  one_tag.tags = {"O"};
  one_tag.start.assign(1, 0.0f);
  one_tag.transition.assign(1, 0.0f);
  one_tag.rows.clear();
  one_tag.row_keys.clear();
  one_tag.net.tags = 1;
  one_tag.net.w2.assign(one_tag.net.hidden, 0.0f);
  one_tag.net.b2.assign(1, 0.0f);
  const auto one_bytes = serialize_model(one_tag);
  CHECK_FALSE(NerModel::load(one_bytes.data(), one_bytes.size()).is_ok());
  // Out-of-range sizes are refused, not allocated.
  ModelData bad = m;
  bad.net.hidden = kNetMaxHidden + 1;
  bad.net.w1.assign(kNetWindow * bad.net.dims * bad.net.hidden, 0.0f);
  bad.net.b1.assign(bad.net.hidden, 0.0f);
  bad.net.w2.assign(size_t{bad.net.hidden} * bad.tags.size(), 0.0f);
  const auto bad_bytes = serialize_model(bad);
  auto r = NerModel::load(bad_bytes.data(), bad_bytes.size());
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().code() == ErrorCode::BadModel);
}

TEST_CASE("window net: learning decides the network's tokens as tagging does, so what it learnt holds") {
  // The linear scores put O 20 ahead (O bias), the network (skip margin 15) would call every
  // token an ORG. A person says "Ala" is a person: learning moves the linear scores of
  // "Ala" toward PER, which narrows O's lead below the margin. Tagging must not then let the
  // network in where learning did not see it (the skip is decided before the deltas).
  const ModelData m = model_with_net(20.0f, 8, 3.0f, 15.0f);
  const Loaded x(m, "Ala ma kota");
  const NerModel& model = *x.model;
  const std::string& text = x.text;
  const auto& tokens = x.tokens;
  const auto& sentences = x.sentences;
  Adaptation adaptation = model.new_adaptation();
  std::vector<NameEvidence> evidence = {{0, 3, "PER", true}};
  LearnOptions options;
  options.max_steps_per_unit = 10;
  options.max_step = 2.0f;
  const LearnSummary summary = model.learn(text, tokens, sentences, evidence, &adaptation, options);
  CHECK(summary.units_fixed == 1);
  std::vector<Entity> out;
  model.tag(text, tokens, sentences, &out, &adaptation);
  REQUIRE(out.size() == 1);
  CHECK(out[0].label == "PER");
  CHECK(out[0].end_byte == 3);
}

TEST_CASE("window net: a learning step moves the relabelled word's trigrams, and so the words that share them") {
  // Every token favours U-ORG (8), mildly (a weight of 0.5, not 10, so that no probability
  // is 0 or 1 in floats); a person says the first word is U-PER (4).
  ModelData m = model_with_net(0.0f, 8, 1.0f, 1e30f);
  m.net.w2[0 * m.tags.size() + 8] = 0.5f;
  const std::string text = "Pakistańczyków Brytyjczyków Ala";
  const auto tokens = tokenize(text);
  REQUIRE(tokens.size() == 3);
  const std::vector<uint32_t> slots = {0, 1, 2};
  NetScratch s;
  s.vec.resize(tokens.size() * m.net.dims);
  s.stamp.assign(tokens.size(), 0u);
  NetDeltas deltas;
  s.deltas = &deltas;
  auto log_probs = [&](size_t i) {
    std::vector<float> lp(m.tags.size());
    net_log_probs(m.net, text, tokens.data(), slots.data(), tokens.size(), i, &s, lp.data());
    return lp;
  };
  const std::vector<float> before0 = log_probs(0), before1 = log_probs(1), before2 = log_probs(2);
  float last = 0;
  for (int step = 0; step < 5; ++step) {
    const NetStep r = net_learn_step(m.net, text, tokens.data(), slots.data(), tokens.size(), 0, 4, 2.0f, 0.99f,
                                     &deltas, &s);
    REQUIRE(r.moved);
    CHECK_FALSE(r.kept_out);
    CHECK(r.p_before > last);  // the person's tag gains with every step
    last = r.p_before;
  }
  // Where the network already gives the tag the probability asked for, nothing moves.
  const size_t rows = deltas.rows.size();
  const NetStep none = net_learn_step(m.net, text, tokens.data(), slots.data(), tokens.size(), 0, 4, 2.0f, 0.01f,
                                      &deltas, &s);
  CHECK_FALSE(none.moved);
  CHECK(none.p_before == doctest::Approx(last).epsilon(0.5));
  CHECK(deltas.rows.size() == rows);
  const std::vector<float> after0 = log_probs(0), after1 = log_probs(1), after2 = log_probs(2);
  CHECK(after0[8] < before0[8] - 0.1f);
  CHECK(after0[4] > before0[4] + 0.1f);
  // "Brytyjczyków" shares "czy", "zyk", "ykó", "ków", "ów$": it moves the same way, less.
  CHECK(after1[8] < before1[8]);
  CHECK(before1[8] - after1[8] < before0[8] - after0[8]);
  // "Ala" shares no trigram: unchanged.
  CHECK(after2 == before2);
  // Only the trigrams have deltas, none of the word's whole-word pieces.
  uint32_t pieces[kNetMaxPieces];
  size_t trigrams = 0;
  const size_t count = net_pieces("Pakistańczyków", TokenKind::Word, m.net.bucket_bits, pieces, &trigrams);
  const std::set<uint32_t> trigram_set(pieces + trigrams, pieces + count);
  CHECK(deltas.rows.size() == trigram_set.size());
  for (const auto& [bucket, row] : deltas.rows) CHECK(trigram_set.count(bucket) == 1);
  for (size_t k = 0; k < trigrams; ++k) {
    if (trigram_set.count(pieces[k]) == 0) CHECK(deltas.find(pieces[k]) == nullptr);
  }
}

TEST_CASE("window net: learn() teaches the network relabelled names only, at the rate asked") {
  const ModelData m = model_with_net(0.0f, 8, 1.0f, 1e30f);
  const Loaded x(m, "Ala ma kota");
  const NerModel& model = *x.model;
  const std::string& text = x.text;
  const auto& tokens = x.tokens;
  const auto& sentences = x.sentences;
  auto learn = [&](const std::vector<NameEvidence>& evidence, float rate, Adaptation* a) {
    LearnOptions options;
    options.net_rate = rate;
    return model.learn(text, tokens, sentences, evidence, a, options);
  };
  // Every token is tagged ORG; "Ala" relabelled PER: the network learns.
  Adaptation relabelled = model.new_adaptation();
  const LearnSummary summary = learn({{0, 3, "PER", true}}, 0.02f, &relabelled);
  CHECK(summary.net_steps > 0);
  CHECK_FALSE(relabelled.net_deltas().empty());
  CHECK(model.fits(relabelled));
  // Rate 0: it does not.
  Adaptation still = model.new_adaptation();
  CHECK(learn({{0, 3, "PER", true}}, 0.0f, &still).net_steps == 0);
  CHECK(still.net_deltas().empty());
  // A rejected name ("Ala" is no name) is not a relabel: only the linear deltas move.
  Adaptation rejected = model.new_adaptation();
  const LearnSummary r = learn({{0, 3, "ORG", false}}, 0.02f, &rejected);
  CHECK(r.steps > 0);
  CHECK(r.net_steps == 0);
  CHECK(rejected.net_deltas().empty());
  // What the network learnt is for this network: another network's deltas (another
  // fingerprint, size or bucket range) do not fit it, though the tags do.
  CHECK(relabelled.net_deltas().net == m.net.fingerprint());
  CHECK(model.network_fits(relabelled));
  Adaptation foreign = model.new_adaptation();
  foreign.net_deltas().net = m.net.fingerprint();
  REQUIRE(foreign.net_deltas().row(5, m.net.dims + 1) != nullptr);
  CHECK(model.fits(foreign));
  CHECK_FALSE(model.network_fits(foreign));
  Adaptation far = model.new_adaptation();
  far.net_deltas().net = m.net.fingerprint();
  REQUIRE(far.net_deltas().row(1u << m.net.bucket_bits, m.net.dims) != nullptr);
  CHECK_FALSE(model.network_fits(far));
  Adaptation retrained = model.new_adaptation();
  retrained.net_deltas().net = m.net.fingerprint() + 1;
  REQUIRE(retrained.net_deltas().row(5, m.net.dims) != nullptr);
  CHECK_FALSE(model.network_fits(retrained));
  // learn() drops them before it learns.
  learn({{0, 3, "PER", true}}, 0.02f, &retrained);
  CHECK(model.network_fits(retrained));
  CHECK(retrained.net_deltas().find(5) == nullptr);
}

TEST_CASE("window net: a learning step is the gradient of the person's tag's cross-entropy") {
  // Random weights (a fixed generator), an embedding scale other than 1, one token (so the
  // step's centre-token gradient is the whole gradient): each trigram delta moves by -rate
  // times the derivative of -log p(target), measured by finite differences.
  ModelData m = model_with_net(0.0f, 8, 1.0f, 1e30f);
  WindowNet& net = m.net;
  net.dims = 3;
  net.hidden = 5;
  net.embed_scale = 0.3f;
  uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<float>(static_cast<int>(state >> 41) % 2001 - 1000) / 1000.0f;  // [-1, 1]
  };
  net.embed.assign((size_t{1} << net.bucket_bits) * net.dims, 0);
  for (int8_t& e : net.embed) e = static_cast<int8_t>(next() * 20);
  net.w1.assign(kNetWindow * net.dims * net.hidden, 0.0f);
  for (float& w : net.w1) w = next();
  net.b1.assign(net.hidden, 0.0f);
  for (float& b : net.b1) b = 0.5f + next() * 0.2f;  // most units alive
  net.w2.assign(size_t{net.hidden} * net.tags, 0.0f);
  for (float& w : net.w2) w = next();
  for (float& b : net.b2) b = next() * 0.1f;
  const std::string text = "Brytyjczyków";
  const auto tokens = tokenize(text);
  REQUIRE(tokens.size() == 1);
  const uint32_t slot = 0;
  const size_t target = 4;
  NetScratch s;
  NetDeltas deltas;
  s.deltas = &deltas;
  auto loss = [&] {
    s.stamp.assign(1, 0u);
    s.vec.assign(net.dims, 0.0f);
    std::vector<float> lp(net.tags);
    net_log_probs(net, text, tokens.data(), &slot, 1, 0, &s, lp.data());
    return -static_cast<double>(lp[target]);
  };
  uint32_t pieces[kNetMaxPieces];
  size_t trigrams = 0;
  const size_t count = net_pieces(text, TokenKind::Word, net.bucket_bits, pieces, &trigrams);
  REQUIRE(count > trigrams + 3);
  // Finite differences at zero deltas, for two trigrams and every dimension.
  std::vector<std::vector<double>> numeric;
  const float eps = 1e-2f;
  for (size_t p : {trigrams, trigrams + 2}) {
    std::vector<double> g(net.dims);
    for (size_t d = 0; d < net.dims; ++d) {
      float* row = deltas.row(pieces[p], net.dims);
      row[d] = eps;
      const double up = loss();
      row[d] = -eps;
      const double down = loss();
      row[d] = 0;
      g[d] = (up - down) / (2 * eps);
    }
    numeric.push_back(g);
  }
  double largest = 0;
  for (const auto& g : numeric) for (double v : g) largest = std::max(largest, std::fabs(v));
  REQUIRE(largest > 0.05);  // a real gradient, not dead units
  deltas.rows.clear();
  deltas.dims = 0;
  const float rate = 1e-3f;
  s.stamp.assign(1, 0u);
  s.vec.assign(net.dims, 0.0f);
  const NetStep r = net_learn_step(net, text, tokens.data(), &slot, 1, 0, target, rate, 1.0f, &deltas, &s);
  REQUIRE(r.moved);
  size_t k = 0;
  for (size_t p : {trigrams, trigrams + 2}) {
    const float* row = deltas.find(pieces[p]);
    REQUIRE(row != nullptr);
    for (size_t d = 0; d < net.dims; ++d) {
      CAPTURE(p);
      CAPTURE(d);
      CHECK(-row[d] / rate == doctest::Approx(numeric[k][d]).epsilon(0.03).scale(1e-3));
    }
    ++k;
  }
  // And the loss falls.
  CHECK(loss() < -std::log(static_cast<double>(r.p_before)));
}

TEST_CASE("window net: what the network learnt changes tagging, and survives saving and loading") {
  // Every token is an ORG by the network alone. A person relabels "Ala" PER; only the network
  // learns (no linear steps): its trigram deltas take the ORG vote from "Ala", not from the rest.
  const ModelData m = model_with_net(0.1f, 8, 1.0f, 1e30f);
  const Loaded x(m, "Ala ma kota");
  const NerModel& model = *x.model;
  const std::string& text = x.text;
  const auto& tokens = x.tokens;
  const auto& sentences = x.sentences;
  std::vector<Entity> plain;
  model.tag(text, tokens, sentences, &plain);
  REQUIRE(plain.size() == 3);
  Adaptation adaptation = model.new_adaptation();
  LearnOptions options;
  options.max_steps_per_unit = 0;  // the network's steps only
  options.net_rate = 5.0f;
  options.net_steps = 20;
  const LearnSummary summary = model.learn(text, tokens, sentences, {{0, 3, "PER", true}}, &adaptation, options);
  REQUIRE(summary.net_steps > 0);
  CHECK(adaptation.rows() == 0);  // no linear delta
  REQUIRE_FALSE(adaptation.net_deltas().empty());
  std::vector<Entity> taught;
  model.tag(text, tokens, sentences, &taught, &adaptation);
  REQUIRE(taught.size() == 2);
  for (const Entity& e : taught) {
    CHECK(e.begin_byte >= 4);  // "ma", "kota"
    CHECK(e.label == "ORG");
  }
  const std::vector<uint8_t> file = adaptation.serialize();
  auto parsed = Adaptation::parse(file.data(), file.size());
  REQUIRE(parsed.is_ok());
  std::vector<Entity> again;
  model.tag(text, tokens, sentences, &again, &parsed.value());
  REQUIRE(again.size() == taught.size());
  for (size_t i = 0; i < again.size(); ++i) CHECK(again[i].begin_byte == taught[i].begin_byte);
}
