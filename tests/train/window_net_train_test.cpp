// Tests for train/window_net_train (native only: the trainer is not built for the web).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/tagger/binary_io.h"
#include "engine/tagger/model_file.h"
#include "engine/tagger/window_net.h"
#include "engine/text/tokenizer.h"
#include "train/window_net_train.h"

using namespace glosa;
using namespace glosa::train;

namespace {

// Company names end in "-corp" or "-tech", people's in "-ski" or "-wicz"; every other word
// is O. Tags: O, U-PER, U-ORG. Units of five tokens; the names are never repeated, so only
// the spelling (the suffix trigrams) can tell them apart.
struct Synthetic {
  std::vector<std::string> words;
  NetTrainData data;
};

Synthetic synthetic(size_t units, uint64_t seed) {
  Synthetic s;
  const char* fill[] = {"and", "then", "the", "said", "with", "from", "over"};
  const char* stems[] = {"bra", "kle", "mor", "zat", "pin", "dov", "wel", "rus", "tam", "gor"};
  uint64_t x = seed;
  auto next = [&](size_t n) { x = x * 6364136223846793005ull + 1442695040888963407ull; return (x >> 33) % n; };
  s.words.reserve(units * 5);
  std::vector<uint8_t> tags;
  for (size_t u = 0; u < units; ++u) {
    for (size_t k = 0; k < 5; ++k) {
      const size_t kind = next(3);  // 0 O, 1 PER, 2 ORG
      std::string w;
      if (kind == 0) {
        w = fill[next(7)];
      } else {
        w = std::string(stems[next(10)]) + stems[next(10)];
        w[0] = static_cast<char>(w[0] - 'a' + 'A');
        w += kind == 1 ? (next(2) ? "ski" : "wicz") : (next(2) ? "corp" : "tech");
      }
      s.words.push_back(w);
      tags.push_back(static_cast<uint8_t>(kind));
    }
  }
  for (size_t i = 0; i < s.words.size(); ++i) {
    s.data.form.push_back(s.words[i]);
    s.data.kind.push_back(TokenKind::Word);
    s.data.gold.push_back(tags[i]);
    s.data.free_tag.push_back(0);
  }
  for (size_t u = 0; u <= units; ++u) s.data.unit_off.push_back(u * 5);
  s.data.unknown.assign(units, 0);
  return s;
}

NetTrainOptions small_options() {
  NetTrainOptions o;
  o.bucket_bits = 12;
  o.dims = 8;
  o.hidden = 16;
  o.epochs = 6;
  o.learning_rate = 3e-3f;
  o.verbose = false;
  return o;
}

// The most probable tag of every token.
std::vector<size_t> predictions(const ner::WindowNet& net, const Synthetic& s) {
  std::string text;
  std::vector<Token> toks;
  for (const std::string& w : s.words) {
    Token t;
    t.begin_byte = text.size();
    text += w;
    t.end_byte = text.size();
    text += ' ';
    toks.push_back(t);
  }
  ner::NetScratch scratch;
  std::vector<float> lp(net.tags);
  std::vector<size_t> out;
  for (size_t u = 0; u + 1 < s.data.unit_off.size(); ++u) {
    const size_t a = s.data.unit_off[u], n = s.data.unit_off[u + 1] - a;
    std::vector<uint32_t> slots(n);
    for (size_t k = 0; k < n; ++k) slots[k] = static_cast<uint32_t>(k);
    scratch.stamp.assign(n, 0);  // every slot without a vector
    scratch.vec.resize(n * net.dims);
    scratch.out.resize(net.tags);
    for (size_t i = 0; i < n; ++i) {
      ner::net_log_probs(net, text, &toks[a], slots.data(), n, i, &scratch, lp.data());
      size_t best = 0;
      for (size_t t = 1; t < lp.size(); ++t) if (lp[t] > lp[best]) best = t;
      out.push_back(best);
    }
  }
  return out;
}

// Share of the tokens whose most probable tag is the gold one.
double accuracy(const ner::WindowNet& net, const Synthetic& s) {
  const std::vector<size_t> p = predictions(net, s);
  size_t right = 0;
  for (size_t i = 0; i < p.size(); ++i) right += p[i] == s.data.gold[i];
  return static_cast<double>(right) / static_cast<double>(p.size());
}

}  // namespace

TEST_CASE("window net training: learns names from their spelling and tags unseen ones") {
  const Synthetic train = synthetic(400, 1);
  const ner::WindowNet net = train_window_net(train.data, 3, small_options());
  CHECK(net.tags == 3);
  CHECK(net.embed.size() == (size_t{1} << 12) * 8);
  CHECK(accuracy(net, train) > 0.97);
  // Other names, never seen: the suffixes carry over.
  const Synthetic unseen = synthetic(100, 99);
  CHECK(accuracy(net, unseen) > 0.9);
}

TEST_CASE("window net training: deterministic, and the seed matters") {
  const Synthetic train = synthetic(100, 1);
  NetTrainOptions o = small_options();
  o.epochs = 2;
  const ner::WindowNet a = train_window_net(train.data, 3, o);
  const ner::WindowNet b = train_window_net(train.data, 3, o);
  CHECK(a.embed == b.embed);
  CHECK(a.embed_scale == b.embed_scale);
  CHECK(a.w1 == b.w1);
  CHECK(a.b1 == b.b1);
  CHECK(a.w2 == b.w2);
  CHECK(a.b2 == b.b2);
  o.seed = 2;
  const ner::WindowNet c = train_window_net(train.data, 3, o);
  CHECK(a.w1 != c.w1);
}

TEST_CASE("window net training: free tokens teach nothing; an unknown class may take gold O") {
  const NetTrainOptions o = small_options();
  const Synthetic check = synthetic(100, 4);
  SUBCASE("free tokens") {
    // Every ORG token is free: no token ever has the ORG target, so ORG never wins.
    Synthetic s = synthetic(200, 3);
    for (size_t i = 0; i < s.data.gold.size(); ++i) if (s.data.gold[i] == 2) s.data.free_tag[i] = 1;
    const ner::WindowNet net = train_window_net(s.data, 3, o);
    size_t org = 0;
    for (size_t p : predictions(net, check)) org += p == 2;
    CHECK(org == 0);
    CHECK(accuracy(net, check) > 0.5);  // it did learn PER and O
  }
  SUBCASE("unknown classes") {
    // Half of the units come from a corpus that does not annotate ORG: their ORG tokens are
    // gold O with ORG unknown. The other half teaches ORG; the first does not unteach it.
    Synthetic s = synthetic(400, 5);
    Synthetic plain = s;
    for (size_t u = 0; u + 1 < s.data.unit_off.size(); u += 2) {
      s.data.unknown[u] = uint64_t{1} << 2;
      for (size_t i = s.data.unit_off[u]; i < s.data.unit_off[u + 1]; ++i) {
        if (s.data.gold[i] == 2) s.data.gold[i] = 0;
      }
      for (size_t i = plain.data.unit_off[u]; i < plain.data.unit_off[u + 1]; ++i) {
        if (plain.data.gold[i] == 2) plain.data.gold[i] = 0;  // the same, but O is O
      }
    }
    const double with_unknown = accuracy(train_window_net(s.data, 3, o), check);
    const double as_plain_o = accuracy(train_window_net(plain.data, 3, o), check);
    CHECK(with_unknown > 0.95);
    CHECK(with_unknown > as_plain_o + 0.05);
  }
}
