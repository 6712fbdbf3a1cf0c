// Averaged structured perceptron over hashed features with first-order Viterbi: turns
// examples into a compact ModelData (pruned, int8-quantised rows). Layer: train (native only).
// Deterministic: the same examples, options and seed give the same bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/tagger/model_file.h"
#include "train/corpus.h"
#include "train/window_net_train.h"

namespace glosa::train {

struct TrainOptions {
  std::string lang = "pl";
  std::string name = "ner-pl";
  uint32_t bucket_bits = 22;  // hashing space during training and in the file
  int epochs = 10;
  uint64_t seed = 1;
  size_t max_rows = 150000;   // keep at most this many feature rows (by largest |weight|)
  bool verbose = true;        // progress on stderr
  // Classes left out of the tag set (e.g. BSNLP's EVT, PRO): their gold spans become
  // "any tag is right" regions, so the model neither learns them nor learns that they are O.
  std::vector<std::string> ignore_classes;
  // The document-level second pass (features.h, kDocLabel): two first-pass models, each
  // trained on half of the documents (by index parity), tag the other half; the commonest
  // of those tags among a name's other occurrences becomes kDocLabel for half of the
  // documents (the other half trains the first pass, where kDocLabel is empty).
  bool second_pass = false;
  // BILOU tags (decoder.h) instead of BIO.
  bool bilou = false;
  // Training names (ModelData::names, features.h kSeen): the phrases of gold spans seen at
  // least `names_min_count` times, typed by the labels they carried. The training documents
  // see only the names of the other half (by index parity), as the tagger sees names of
  // other texts. 0: none.
  size_t names_min_count = 0;
  // Loss-augmented decoding in training: the margin (in perceptron update units, 1 per
  // feature) by which the gold tag of each token must win; 0: the plain perceptron.
  float margin = 0.0f;
  // The window network beside the linear model (engine/tagger/window_net.h), trained on the
  // same units after it; its beta (0 here) is picked on dev by the caller.
  bool window_net = false;
  NetTrainOptions net;
  // The linear weights as the mean of this many averaged-perceptron runs over differently
  // shuffled data (the model file is the same size: one set of weights).
  int linear_runs = 1;
};

struct TrainStats {
  size_t sentences = 0, tokens = 0, features = 0;
  size_t spans = 0, misaligned_spans = 0;  // gold spans that do not fall on token boundaries
  size_t rows_kept = 0, rows_nonzero = 0;
};

// Whether a corpus annotates a class at all: where it does not (BSNLP has no DATE, NKJP no
// EVT), a predicted span of that class over gold O is neither rewarded nor punished in
// training, and not scored on dev.
bool class_known(GoldScheme scheme, const std::string& cls);

// The tag set for a list of classes: "O", then "B-c", "I-c" (BILOU: and "L-c", "U-c") for
// each class in sorted order.
std::vector<std::string> make_tags(const std::vector<Example>& examples,
                                   const std::vector<std::string>& ignore_classes = {}, bool bilou = false);

// Rewrites seq[0, n) (tag indices into `tags`) into a sequence the tag scheme allows, with
// the same spans where it already is one: a span begins at any tag of a class that does not
// continue the span before it and goes on over the following I- (and L-, which ends it) tags
// of its class; each span is then written B- I-... (BILOU: B- I-... L-, or U- alone).
void normalise_tags(const std::vector<std::string>& tags, uint8_t* seq, size_t n);

// Trains on `examples` with the given gazetteer (already finish()ed; copied into the model).
ner::ModelData train_model(const std::vector<Example>& examples, const ner::Gazetteer& gazetteer,
                           const TrainOptions& options, TrainStats* stats);

}  // namespace glosa::train
