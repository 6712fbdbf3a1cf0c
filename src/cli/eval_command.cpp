// `glosa-cli eval`: runs the full engine (rules + model) over gold JSONL and prints exact-span
// precision/recall/F1 per label, micro-averaged, plus throughput. Layer: cli.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/cli_common.h"
#include "engine/eval/gold_labels.h"
#include "engine/eval/respace.h"
#include "engine/eval/span_scorer.h"
#include "engine/names/lexicon.h"
#include "engine/tagger/ner_model.h"
#include "engine/text/utf8.h"
#include "formats/gold_jsonl.h"

namespace glosa::cli {

namespace {

const char* kEvalUsage =
    "usage: glosa-cli eval GOLD.jsonl --scheme nkjp|bsnlp|conll [--names-only] [--models DIR]\n"
    "                      [--limit N] [--labels L1,L2] [--doc-mod M --doc-keep K] [--no-model]\n"
    "                      [--model-only] [--per-record] [--errors] [--respace]\n"
    "                      [--keep-relative]\n"
    "  Scores the full engine on each record's \"text\" against its \"entities\" ([start, end,\n"
    "  label] in code points), exact spans, after mapping gold labels to Glosa's.\n"
    "  --names-only  leaves out NORP and entities starting with a lower-case letter (gold\n"
    "                and predicted alike)\n"
    "  --labels      labels to score (default: those of the scheme); others are ignored\n"
    "  --doc-mod/--doc-keep  score only documents whose index (order of first appearance) %\n"
    "                M == K: the BSNLP documents the model was not trained on\n"
    "  Consecutive records with the same \"doc\" are joined by newlines and annotated as one\n"
    "  document, as the app sees an article (--per-record: one record at a time).\n"
    "  --model-only  the NER model alone (tokenizer, sentences, tagger), without the rules\n"
    "  --errors      also print every false positive (FP) and false negative (FN) in context\n"
    "  --respace     re-spaces space-joined text (NKJP, CoNLL: \"2000 r .\" -> \"2000 r.\",\n"
    "                \"13 . 00\" -> \"13.00\", engine/eval/respace.h) before annotating, and maps\n"
    "                the gold offsets onto it: the text as a person would paste it\n"
    "  --keep-relative  with --scheme nkjp, also scores predicted deictic DATEs: those marked\n"
    "                relative (\"dziś\", \"wczoraj\", \"rok temu\", \"w tym roku\") and bare weekdays\n"
    "                (\"w piątek\", subtype weekday). By default they are left out: NKJP never\n"
    "                annotates deictic dates (none of ~1,900 \"dziś/wczoraj/temu/w tym roku\" and none\n"
    "                of 758 weekdays in nkjp-train), so they are not errors there\n";

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(',', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& x : v) if (x == s) return true;
  return false;
}

// One gold record, entities already mapped and filtered, offsets in code points.
struct EvalRecord {
  std::string text;
  std::string lang;
  std::string doc;
  std::vector<ScoredSpan> gold;
};

// Prints "FP|FN label «span» context" lines for one document.
void print_errors(const std::string& text, const std::vector<ScoredSpan>& gold,
                  const std::vector<ScoredSpan>& pred) {
  const CodepointIndex cps(text);
  auto show = [&](const char* kind, const ScoredSpan& s) {
    size_t b = 0, e = 0, cb = 0, ce = 0;
    cps.to_byte(s.start, &b);
    cps.to_byte(s.end, &e);
    cps.to_byte(s.start >= 40 ? s.start - 40 : 0, &cb);
    cps.to_byte(std::min(cps.codepoint_count(), s.end + 40), &ce);
    std::string ctx = text.substr(cb, b - cb) + "[[" + text.substr(b, e - b) + "]]" + text.substr(e, ce - e);
    for (char& c : ctx) if (c == '\n') c = ' ';
    std::printf("%s %-5s %s\n", kind, s.label.c_str(), ctx.c_str());
  };
  auto same = [](const ScoredSpan& a, const ScoredSpan& b) {
    return a.start == b.start && a.end == b.end && a.label == b.label;
  };
  for (const auto& p : pred) {
    bool hit = false;
    for (const auto& g : gold) hit = hit || same(p, g);
    if (!hit) show("FP", p);
  }
  for (const auto& g : gold) {
    bool hit = false;
    for (const auto& p : pred) hit = hit || same(p, g);
    if (!hit) show("FN", g);
  }
}

}  // namespace

int run_eval(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::printf("%s", kEvalUsage);
    return args.empty() ? 2 : 0;
  }
  const std::string path = args[0];
  std::string scheme_name, models = default_models_dir(), labels_arg;
  bool names_only = false, use_model = true, model_only = false, per_record = false, errors = false;
  bool respace_text = false, keep_relative = false;
  long limit = 0, doc_mod = 0, doc_keep = 0;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--names-only") { names_only = true; continue; }
    if (a == "--no-model") { use_model = false; continue; }
    if (a == "--model-only") { model_only = true; continue; }
    if (a == "--per-record") { per_record = true; continue; }
    if (a == "--errors") { errors = true; continue; }
    if (a == "--respace") { respace_text = true; continue; }
    if (a == "--keep-relative") { keep_relative = true; continue; }
    if (i + 1 >= args.size()) return fail("missing value for " + a + "\n" + kEvalUsage, 2);
    const std::string v = args[++i];
    char* end = nullptr;
    if (a == "--scheme") scheme_name = v;
    else if (a == "--models") models = v;
    else if (a == "--labels") labels_arg = v;
    else if (a == "--limit" || a == "--doc-mod" || a == "--doc-keep") {
      const long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n < 0) return fail("expected a number after " + a + ", got '" + v + "'", 2);
      (a == "--limit" ? limit : a == "--doc-mod" ? doc_mod : doc_keep) = n;
    } else {
      return fail("unknown option " + a + "\n" + kEvalUsage, 2);
    }
  }
  GoldScheme scheme;
  if (!parse_gold_scheme(scheme_name, &scheme)) {
    return fail("--scheme must be nkjp, bsnlp or conll, got '" + scheme_name + "'", 2);
  }
  std::vector<std::string> labels =
      scheme == GoldScheme::Nkjp    ? std::vector<std::string>{"PER", "ORG", "LOC", "NORP", "DATE", "TIME"}
      : scheme == GoldScheme::Bsnlp ? std::vector<std::string>{"PER", "ORG", "LOC", "EVT", "PRO", "MISC"}
                                    : std::vector<std::string>{"PER", "ORG", "LOC", "MISC"};
  if (!labels_arg.empty()) labels = split_commas(labels_arg);
  if (names_only) {
    std::vector<std::string> kept;
    for (const auto& l : labels) if (l != "NORP") kept.push_back(l);
    labels = kept;
  }

  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(path + ": cannot open the file");
  Engine engine;
  std::vector<std::string> loaded;
  if (use_model) {
    Status s = load_models(engine, models, &loaded);
    if (!s.is_ok()) return fail(s.message());
  }
  std::vector<std::shared_ptr<const NerModel>> models_only;
  if (model_only) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(models, ec)) {
      if (entry.path().extension() == ".bin") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      auto b = read_file(f.string());
      if (!b.is_ok()) return fail(b.status().message());
      // The name lexicon lives beside the NER models (load_models tells them apart the same way).
      if (b.value().compare(0, 8, std::string(names::kLexiconMagic, 8)) == 0) continue;
      auto m = NerModel::load(reinterpret_cast<const uint8_t*>(b.value().data()), b.value().size());
      if (!m.is_ok()) return fail(f.string() + ": " + m.status().message());
      models_only.push_back(m.value());
      loaded.push_back(f.filename().string() + " (model only)");
    }
  }
  SpanScorer scorer;
  std::map<std::string, long> doc_index;
  size_t records = 0, documents = 0, skipped = 0, changed = 0, bytes = 0, relative_left_out = 0;
  const bool drop_relative = scheme == GoldScheme::Nkjp && !keep_relative;
  double seconds = 0;

  // Annotates a group of records as one newline-joined document and scores it.
  auto score_group = [&](std::vector<EvalRecord>& group) {
    if (group.empty()) return;
    std::string text;
    std::vector<ScoredSpan> gold;
    size_t cp_offset = 0;
    for (size_t r = 0; r < group.size(); ++r) {
      if (r) { text += '\n'; ++cp_offset; }
      text += group[r].text;
      for (auto g : group[r].gold) {
        g.start += cp_offset;
        g.end += cp_offset;
        gold.push_back(std::move(g));
      }
      cp_offset += count_codepoints(group[r].text);
    }
    ++documents;
    bytes += text.size();
    AnnotateOptions opts;
    opts.use_model = use_model;
    if (!group[0].lang.empty()) opts.lang = group[0].lang;
    std::vector<ScoredSpan> pred;
    const auto t0 = std::chrono::steady_clock::now();
    if (model_only) {
      const std::vector<Token> tokens = tokenize(text);
      const std::vector<Sentence> sentences = split_sentences(text, tokens);
      std::vector<Entity> ents;
      for (const auto& m : models_only) {
        if (m->lang() == opts.lang) m->tag(text, tokens, sentences, &ents);
      }
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      const CodepointIndex cps(text);
      for (const Entity& e : ents) {
        const std::string_view surface = std::string_view(text).substr(e.begin_byte, e.end_byte - e.begin_byte);
        if (!contains(labels, e.label)) continue;
        if (names_only && (e.label == "NORP" || starts_lowercase(surface))) continue;
        pred.push_back({cps.to_codepoint(e.begin_byte), cps.to_codepoint(e.end_byte), e.label});
      }
    } else {
      auto res = engine.annotate(text, opts);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (res.is_ok()) {
        const Document& doc = res.value().doc;
        if (doc.text != text) ++changed;  // normalised (CR, BOM, NUL): offsets may drift
        const CodepointIndex cps(doc.text);
        for (const Entity& e : doc.entities) {
          if (!contains(labels, e.label)) continue;
          if (names_only && (e.label == "NORP" || starts_lowercase(entity_text(doc, e)))) continue;
          if (drop_relative && e.label == "DATE" && (e.is_relative || e.subtype == "weekday")) {
            ++relative_left_out;
            continue;
          }
          pred.push_back({cps.to_codepoint(e.begin_byte), cps.to_codepoint(e.end_byte), e.label});
        }
      }
    }
    scorer.add(gold, pred);
    if (errors) print_errors(text, gold, pred);
    group.clear();
  };

  std::vector<EvalRecord> group;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    if (limit && static_cast<long>(records) >= limit) break;
    auto parsed = read_gold_record(line);
    if (!parsed.is_ok()) {
      std::fprintf(stderr, "glosa-cli: %s:%zu: %s; record skipped\n", path.c_str(), line_no,
                   parsed.status().message().c_str());
      ++skipped;
      continue;
    }
    GoldRecord& rec = parsed.value();
    EvalRecord gr;
    gr.doc = std::move(rec.doc);
    if (doc_mod > 0) {
      auto it = doc_index.emplace(gr.doc.empty() ? rec.id : gr.doc, static_cast<long>(doc_index.size())).first;
      if (it->second % doc_mod != doc_keep) continue;
    }
    gr.text = std::move(rec.text);
    gr.lang = std::move(rec.lang);
    // With --respace: the re-spaced text, and each old byte offset's place in it.
    std::string respaced;
    std::vector<size_t> byte_map;
    const bool do_respace = respace_text && scheme != GoldScheme::Bsnlp;
    if (do_respace) respaced = respace(gr.text, scheme == GoldScheme::Nkjp, &byte_map);
    const CodepointIndex respaced_cps(respaced);
    for (const GoldEntity& e : rec.entities) {
      const std::string_view surface = std::string_view(gr.text).substr(e.begin_byte, e.end_byte - e.begin_byte);
      MappedLabel m;
      if (!map_gold_label(scheme, e.label, surface, &m)) continue;
      if (!contains(labels, m.label)) continue;
      if (names_only && (m.label == "NORP" || starts_lowercase(surface))) continue;
      if (do_respace) {
        gr.gold.push_back({respaced_cps.to_codepoint(byte_map[e.begin_byte]),
                           respaced_cps.to_codepoint(byte_map[e.end_byte]), m.label});
      } else {
        gr.gold.push_back({e.start, e.end, m.label});
      }
    }
    if (do_respace) gr.text = std::move(respaced);
    ++records;
    if (!group.empty() && (per_record || gr.doc.empty() || gr.doc != group.back().doc ||
                           gr.lang != group.back().lang)) {
      score_group(group);
    }
    group.push_back(std::move(gr));
  }
  score_group(group);
  std::printf("%s: %zu records in %zu documents, scheme %s%s%s, models: %s\n", path.c_str(), records,
              documents, scheme_name.c_str(), names_only ? ", names only" : "",
              respace_text && scheme != GoldScheme::Bsnlp ? ", re-spaced" : "",
              loaded.empty() ? "none" : "");
  for (const auto& m : loaded) std::printf("  %s\n", m.c_str());
  std::printf("%s", scorer.report(labels).c_str());
  if (scheme == GoldScheme::Bsnlp && labels_arg.empty()) {
    const LabelCounts c = scorer.micro({"PER", "ORG", "LOC"});
    std::printf("PER/ORG/LOC micro: P %.4f R %.4f F1 %.4f\n", c.precision(), c.recall(), c.f1());
  }
  std::printf("throughput: %zu bytes in %.3f s = %.2f MB/s (annotate only)\n", bytes, seconds,
              seconds > 0 ? bytes / seconds / 1e6 : 0.0);
  if (relative_left_out) {
    std::printf("deictic DATEs left out (relative, weekday: NKJP does not annotate them; --keep-relative scores them): %zu\n",
                relative_left_out);
  }
  if (skipped) std::printf("skipped records: %zu\n", skipped);
  if (changed) std::printf("records whose text the normaliser changed (offsets may drift): %zu\n", changed);
  return 0;
}

}  // namespace glosa::cli
