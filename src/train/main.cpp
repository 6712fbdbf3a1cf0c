// glosa-train: trains the NER model from the gold JSONL corpora and writes assets/models/*.bin.
// Layer: train (native only). See assets/models/README.md for the commands that built the
// shipped models.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "engine/eval/span_scorer.h"
#include "engine/tagger/ner_model.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/tokenizer.h"
#include "train/clusters.h"
#include "train/corpus.h"
#include "train/gazetteer_build.h"
#include "train/perceptron.h"

using namespace glosa;
using namespace glosa::train;

namespace {

const char* kUsage =
    "usage: glosa-train --lang pl|en --train SCHEME:FILE [--train ...] --out FILE.bin\n"
    "                   [--dev SCHEME:FILE] [--gazetteers DIR] [--epochs N] [--seed N]\n"
    "                   [--limit N] [--respace P] [--bucket-bits N] [--max-rows N]\n"
    "                   [--name NAME] [--bsnlp-holdout K] [--no-o-bias] [--quiet]\n"
    "                   [--ignore-classes C1,C2]\n"
    "                   [--unlabeled FILE.gz ...] [--cluster-vocab N] [--cluster-min-count N]\n"
    "                   [--cluster-dims N]\n"
    "                   [--save-gazetteer FILE] [--gazetteer-from FILE] [--second-pass] [--bilou]\n"
    "                   [--train-margin X] [--names MIN] [--window-net BITS,DIMS,HIDDEN,EPOCHS]\n"
    "                   [--linear-runs N]\n"
    "  SCHEME: nkjp, bsnlp or conll (label mapping, see engine/eval/gold_labels.h)\n"
    "  --respace P       share of space-joined (NKJP/CoNLL) records re-spaced (default 0.5)\n"
    "  --bsnlp-holdout K train on BSNLP documents whose index %% 5 != K (score on == K)\n"
    "  --unlabeled       paragraphs (gzip) for word classes, with the training texts\n"
    "  --save-gazetteer  also writes the built gazetteer and word classes to FILE, and\n"
    "  --gazetteer-from  reads them from such a FILE instead of building them (--gazetteers and\n"
    "                    --unlabeled are then ignored): the same classes without the minute of\n"
    "                    clustering, for experiments with features\n"
    "  --second-pass     the document-level second pass (first-pass tags of a name's other\n"
    "                    occurrences as features; about twice the training time)\n"
    "  --train-margin X  loss-augmented training: each token's gold tag must win by X (in\n"
    "                    perceptron update units) before no update is made\n"
    "  --names MIN       training names: phrases of gold spans seen MIN times or more, typed by\n"
    "                    their labels, as features (each half of the documents sees the\n"
    "                    other half's)\n"
    "  --bilou           BILOU tags (B-, I-, L- for the last token of a span, U- for a span of\n"
    "                    one token) instead of BIO\n"
    "  --window-net B,D,H,E  also trains the window network (engine/tagger/window_net.h): 2^B\n"
    "                    hashed sub-word embeddings of D values, H hidden units, E epochs; its\n"
    "                    weight beside the linear scores is picked on --dev (required then)\n"
    "  --linear-runs N   the linear weights as the mean of N perceptron runs, each over its own\n"
    "                    shuffle of the data (N times the final model's training time)\n"
    "  --ignore-classes  classes left out of the tag set; their gold spans train as \"any tag\"\n"
    "  --dev             scores the written model on the file, picks the O bias with the best\n"
    "                    micro F1 (--no-o-bias: none) and the temperature that calibrates\n"
    "                    confidences best\n";

int fail(const std::string& msg, int code = 1) {
  std::fprintf(stderr, "glosa-train: %s\n", msg.c_str());
  return code;
}

bool parse_size(const std::string& s, size_t* out) {
  char* end = nullptr;
  const unsigned long long v = std::strtoull(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0') return false;
  *out = static_cast<size_t>(v);
  return true;
}

struct Source {
  GoldScheme scheme;
  std::string path;
};

bool parse_source(const std::string& arg, Source* src) {
  const size_t colon = arg.find(':');
  if (colon == std::string::npos) return false;
  src->path = arg.substr(colon + 1);
  return parse_gold_scheme(arg.substr(0, colon), &src->scheme);
}

// Tags every example with the model; scores labels (without subtypes) and collects
// (confidence, correct) pairs of the predicted entities.
void score_examples(const NerModel& model, const std::vector<Example>& examples, SpanScorer* scorer,
                    std::vector<std::pair<float, bool>>* confidences) {
  for (const Example& ex : examples) {
    const std::vector<Token> tokens = tokenize(ex.text);
    const std::vector<Sentence> sentences = split_sentences(ex.text, tokens);
    std::vector<Entity> ents;
    model.tag(ex.text, tokens, sentences, &ents);
    std::vector<ScoredSpan> gold, pred;
    for (const auto& g : ex.spans) gold.push_back({g.begin_byte, g.end_byte, g.cls});
    for (const auto& e : ents) {
      if (class_known(ex.scheme, e.label)) pred.push_back({e.begin_byte, e.end_byte, e.label});
    }
    scorer->add(gold, pred);
    if (confidences) {
      for (const auto& e : ents) {
        if (!class_known(ex.scheme, e.label)) continue;
        bool ok = false;
        for (const auto& g : gold) ok = ok || (g.start == e.begin_byte && g.end == e.end_byte && g.label == e.label);
        confidences->emplace_back(e.confidence, ok);
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::vector<Source> train_sources, dev_sources;
  std::vector<std::string> unlabeled;
  ClusterOptions copt;
  TrainOptions opt;
  std::string out_path, gaz_dir, lang, gaz_from, gaz_save;
  size_t limit = 0, value = 0;
  double respace_prob = 0.5;
  int bsnlp_holdout = -1;
  bool calibrate_bias = true;
  std::string name;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    Source src;
    if (a == "--help" || a == "-h") { std::fputs(kUsage, stdout); return 0; }
    if (a == "--quiet") { opt.verbose = false; continue; }
    if (a == "--no-o-bias") { calibrate_bias = false; continue; }
    if (a == "--second-pass") { opt.second_pass = true; continue; }
    if (a == "--bilou") { opt.bilou = true; continue; }
    if (!has_value) return fail("missing value for " + a + "\n" + kUsage, 2);
    const std::string v = args[++i];
    if (a == "--lang") lang = v;
    else if (a == "--train" || a == "--dev") {
      if (!parse_source(v, &src)) return fail("expected SCHEME:FILE, got '" + v + "'", 2);
      (a == "--train" ? train_sources : dev_sources).push_back(src);
    } else if (a == "--out") out_path = v;
    else if (a == "--gazetteers") gaz_dir = v;
    else if (a == "--name") name = v;
    else if (a == "--unlabeled") unlabeled.push_back(v);
    else if (a == "--gazetteer-from") gaz_from = v;
    else if (a == "--save-gazetteer") gaz_save = v;
    else if (a == "--ignore-classes") {
      size_t k = 0;
      while (k <= v.size()) {
        size_t e = v.find(',', k);
        if (e == std::string::npos) e = v.size();
        if (e > k) opt.ignore_classes.push_back(v.substr(k, e - k));
        k = e + 1;
      }
    }
    else if (a == "--respace") respace_prob = std::atof(v.c_str());
    else if (a == "--linear-runs") {
      opt.linear_runs = std::atoi(v.c_str());
      if (opt.linear_runs < 1 || opt.linear_runs > 16) return fail("expected --linear-runs N (1..16)", 2);
    }
    else if (a == "--train-margin") opt.margin = static_cast<float>(std::atof(v.c_str()));
    else if (a == "--window-net") {
      unsigned bits = 0, dims = 0, hidden = 0;
      int epochs = 0;
      if (std::sscanf(v.c_str(), "%u,%u,%u,%d", &bits, &dims, &hidden, &epochs) != 4 || bits < 8 ||
          bits > ner::kNetMaxBucketBits || dims < 1 || dims > ner::kNetMaxDims || hidden < 1 ||
          hidden > ner::kNetMaxHidden || epochs < 1) {
        return fail("expected --window-net BITS,DIMS,HIDDEN,EPOCHS (bits 8..20, dims 1..64, hidden 1..512)", 2);
      }
      opt.window_net = true;
      opt.net.bucket_bits = bits;
      opt.net.dims = dims;
      opt.net.hidden = hidden;
      opt.net.epochs = epochs;
    }
    else if (a == "--names") { if (!parse_size(v, &opt.names_min_count)) return fail("expected a number after --names", 2); }
    else if (!parse_size(v, &value)) return fail("expected a number after " + a + ", got '" + v + "'", 2);
    else if (a == "--epochs") opt.epochs = static_cast<int>(value);
    else if (a == "--seed") opt.seed = value;
    else if (a == "--limit") limit = value;
    else if (a == "--bucket-bits") opt.bucket_bits = static_cast<uint32_t>(value);
    else if (a == "--max-rows") opt.max_rows = value;
    else if (a == "--cluster-vocab") copt.vocab = value;
    else if (a == "--cluster-min-count") copt.min_count = std::max<size_t>(value, 1);
    else if (a == "--cluster-dims") copt.dims = std::max<size_t>(value, 2);
    else if (a == "--cluster-window") copt.window = static_cast<int>(value);
    else if (a == "--cluster-svd") copt.svd = value != 0;
    else if (a == "--cluster-fine") copt.fine = std::min<size_t>(std::max<size_t>(value, 1), 1024);
    else if (a == "--cluster-coarse") copt.coarse = std::min<size_t>(std::max<size_t>(value, 1), 64);
    else if (a == "--cluster-mid") copt.mid = std::min<size_t>(value, 254);
    else if (a == "--bsnlp-holdout") bsnlp_holdout = static_cast<int>(value);
    else return fail("unknown option " + a + "\n" + kUsage, 2);
  }
  if (opt.window_net && dev_sources.empty()) return fail("--window-net needs --dev (its weight is picked there)", 2);
  if ((lang != "pl" && lang != "en") || train_sources.empty() || out_path.empty()) {
    return fail(std::string("--lang, --train and --out are required\n") + kUsage, 2);
  }
  if (opt.bucket_bits < 12 || opt.bucket_bits > 26) return fail("--bucket-bits must be 12..26", 2);
  opt.lang = lang;
  opt.name = name.empty() ? "ner-" + lang : name;

  std::vector<Example> examples;
  for (const Source& s : train_sources) {
    ReadOptions ro;
    ro.scheme = s.scheme;
    ro.limit = limit;
    ro.respace_prob = respace_prob;
    ro.seed = opt.seed;
    if (s.scheme == GoldScheme::Bsnlp && bsnlp_holdout >= 0) { ro.doc_mod = 5; ro.doc_keep = -bsnlp_holdout - 1; }
    size_t skipped = 0;
    auto r = read_examples(s.path, ro, &skipped);
    if (!r.is_ok()) return fail(r.status().message());
    std::fprintf(stderr, "read %s: %zu documents (%zu records skipped)\n", s.path.c_str(), r.value().size(), skipped);
    for (auto& ex : r.value()) examples.push_back(std::move(ex));
  }

  ner::Gazetteer gaz;
  if (!gaz_from.empty()) {
    Status s = read_gazetteer_file(gaz_from, &gaz);
    if (!s.is_ok()) return fail(s.message());
    std::fprintf(stderr, "gazetteer and word classes from %s\n", gaz_from.c_str());
  } else if (!gaz_dir.empty()) {
    GazetteerStats gs;
    Status s = build_gazetteer(gaz_dir, lang, &gaz, &gs);
    if (!s.is_ok()) return fail(s.message());
    std::fprintf(stderr, "gazetteer: %zu phrases, %zu proper forms\n", gs.phrases, gs.proper_forms);
  }
  if (!unlabeled.empty() && gaz_from.empty()) {
    std::vector<std::string> texts;
    for (const auto& ex : examples) texts.push_back(ex.text);
    copt.seed = opt.seed;
    copt.verbose = opt.verbose;
    Status s = build_word_classes(unlabeled, texts, copt, &gaz);
    if (!s.is_ok()) return fail(s.message());
  }
  if (gaz_from.empty()) gaz.finish(22);
  if (!gaz_save.empty()) {
    Status s = write_gazetteer_file(gaz, gaz_save);
    if (!s.is_ok()) return fail(s.message());
  }

  TrainStats st;
  ner::ModelData model = train_model(examples, gaz, opt, &st);
  std::vector<uint8_t> bytes = ner::serialize_model(model);

  // Dev: score the model as the engine will load it, and pick the temperature that makes the
  // entity confidences best calibrated (lowest log loss of "this entity is right").
  if (!dev_sources.empty()) {
    std::vector<Example> dev;
    for (const Source& s : dev_sources) {
      ReadOptions ro;
      ro.scheme = s.scheme;
      if (s.scheme == GoldScheme::Bsnlp && bsnlp_holdout >= 0) { ro.doc_mod = 5; ro.doc_keep = bsnlp_holdout; }
      size_t skipped = 0;
      auto r = read_examples(s.path, ro, &skipped);
      if (!r.is_ok()) return fail(r.status().message());
      for (auto& ex : r.value()) dev.push_back(std::move(ex));
    }
    // Scores `model` as the engine loads it: micro F1 and the entity log loss.
    auto evaluate = [&](const ner::ModelData& m, double* f1, double* loss, std::string* report) -> bool {
      auto bytes_t = ner::serialize_model(m);
      auto loaded = NerModel::load(bytes_t.data(), bytes_t.size());
      if (!loaded.is_ok()) {
        std::fprintf(stderr, "glosa-train: the written model does not load: %s\n", loaded.status().message().c_str());
        return false;
      }
      SpanScorer scorer;
      std::vector<std::pair<float, bool>> conf;
      score_examples(*loaded.value(), dev, &scorer, &conf);
      *f1 = scorer.micro().f1();
      *loss = 0;
      for (const auto& [p, ok] : conf) {
        const double q = std::min(1.0 - 1e-6, std::max(1e-6, static_cast<double>(p)));
        *loss -= ok ? std::log(q) : std::log(1 - q);
      }
      *loss /= std::max<size_t>(1, conf.size());
      if (report) *report = scorer.report();
      return true;
    };
    double f1 = 0, loss = 0;
    // The window network's weight first (by dev micro F1, ties keep the smaller), in units of
    // the largest quantised weight; tokens whose linear scores rule out every tag but O by
    // more than twice beta are not scored (on conll-dev: 23 % of the tokens scored and
    // the same F1 as scoring all; model card).
    if (!model.net.empty()) {
      const float unit = model.weight_scale * 127.0f;
      double best = -1;
      float best_beta = 0.0f;
      for (float k : {0.0f, 0.25f, 0.375f, 0.5f, 0.75f, 1.0f, 1.5f, 2.0f}) {
        model.net.beta = k * unit;
        model.net.skip_margin = 2.0f * model.net.beta;
        if (!evaluate(model, &f1, &loss, nullptr)) return 1;
        std::fprintf(stderr, "dev window net beta %.3f (%.2f units): micro F1 %.4f\n", model.net.beta, k, f1);
        if (f1 > best + 1e-9) { best = f1; best_beta = model.net.beta; }
      }
      model.net.beta = best_beta;
      model.net.skip_margin = 1e30f;
      if (!evaluate(model, &f1, &loss, nullptr)) return 1;
      std::fprintf(stderr, "dev window net beta %.3f, every token scored: micro F1 %.4f\n", best_beta, f1);
      model.net.skip_margin = 2.0f * best_beta;
      if (best_beta == 0.0f) {
        std::fprintf(stderr, "the window network does not help on dev: the model is written without it\n");
        model.net = ner::WindowNet{};
      }
    }
    // O bias first (by dev micro F1; ties keep the smaller |bias|), in units of the largest
    // quantised weight; then the temperature for the chosen bias.
    model.temperature = 1.0f;
    const float unit = model.weight_scale * 127.0f;
    double best_f1 = -1;
    float best_bias = 0.0f;
    std::string report;
    for (float k : {0.0f, -0.5f, 0.5f, 1.0f, 1.5f, 2.0f, 3.0f, 4.0f}) {
      if (!calibrate_bias && k != 0.0f) continue;
      model.o_bias = k * unit;
      if (!evaluate(model, &f1, &loss, k == 0.0f ? &report : nullptr)) return 1;
      std::fprintf(stderr, "dev O bias %.3f (%.1f units): micro F1 %.4f\n", model.o_bias, k, f1);
      if (k == 0.0f) std::fprintf(stderr, "dev (model only, no O bias):\n%s", report.c_str());
      if (f1 > best_f1 + 1e-9) { best_f1 = f1; best_bias = model.o_bias; }
    }
    model.o_bias = best_bias;
    double best_loss = 1e300;
    float best_t = 1.0f;
    for (float t : {1.0f, 2.0f, 4.0f, 6.0f, 8.0f, 12.0f, 16.0f, 24.0f, 32.0f, 48.0f}) {
      model.temperature = t;
      if (!evaluate(model, &f1, &loss, t == 1.0f ? &report : nullptr)) return 1;
      std::fprintf(stderr, "dev temperature %.2f: entity log loss %.4f\n", t, loss);
      if (t == 1.0f) std::fprintf(stderr, "dev (model only, O bias %.3f):\n%s", best_bias, report.c_str());
      if (loss < best_loss) { best_loss = loss; best_t = t; }
    }
    model.temperature = best_t;
    bytes = ner::serialize_model(model);
    std::fprintf(stderr, "O bias %.3f, temperature %.2f\n", model.o_bias, best_t);
  }

  std::ofstream out(out_path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out) return fail(out_path + ": cannot write the model");
  std::fprintf(stderr, "wrote %s: %zu bytes\n", out_path.c_str(), bytes.size());
  return 0;
}
