// Tests for train/perceptron (native only: the trainer is not built for the web).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/tagger/model_file.h"
#include "train/corpus.h"
#include "train/perceptron.h"

using namespace glosa;
using namespace glosa::train;

namespace {

// Sentences "<Name> said on Monday." where names ending in "-ski" are PER and in "-corp" ORG.
std::vector<Example> synthetic_examples() {
  const char* stems[] = {"Bra", "Kle", "Mor", "Zat", "Pin", "Dov", "Wel", "Rus"};
  std::vector<Example> out;
  for (size_t i = 0; i < 64; ++i) {
    Example ex;
    ex.scheme = GoldScheme::Conll;
    ex.id = ex.doc = "d" + std::to_string(i);
    const bool person = i % 2 == 0;
    const std::string name = std::string(stems[i % 8]) + stems[(i / 8) % 8] + (person ? "ski" : "corp");
    ex.text = name + " said on Monday that " + (i % 3 ? "sales rose ." : "it would wait .");
    ex.spans.push_back(GoldSpan{0, name.size(), person ? "PER" : "ORG", ""});
    out.push_back(std::move(ex));
  }
  return out;
}

std::vector<uint8_t> trained_bytes(int runs, uint64_t seed = 1) {
  TrainOptions opt;
  opt.lang = "en";
  opt.name = "test";
  opt.bucket_bits = 14;
  opt.epochs = 3;
  opt.seed = seed;
  opt.verbose = false;
  opt.linear_runs = runs;
  TrainStats st;
  return ner::serialize_model(train_model(synthetic_examples(), ner::Gazetteer{}, opt, &st));
}

}  // namespace

TEST_CASE("perceptron training: the mean of several runs is deterministic and not one run's weights") {
  const std::vector<uint8_t> one = trained_bytes(1), three = trained_bytes(3);
  CHECK(one == trained_bytes(1));
  CHECK(three == trained_bytes(3));  // the same runs, shuffled the same way
  CHECK(three != one);
  CHECK(one != trained_bytes(1, 2));  // the seed orders the shuffles
  // Still one set of weights: about the same size.
  CHECK(three.size() < one.size() * 2);
}
