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
#include "engine/names/base_form.h"
#include "engine/names/entity_groups.h"
#include "engine/names/lexicon.h"
#include "engine/names/span_repair.h"
#include "engine/tagger/adaptation.h"
#include "engine/tagger/ner_model.h"
#include "engine/text/utf8.h"
#include "formats/gold_jsonl.h"

namespace glosa::cli {

namespace {

const char* kEvalUsage =
    "usage: glosa-cli eval GOLD.jsonl --scheme nkjp|bsnlp|conll|plain [--names-only] [--models DIR]\n"
    "                      [--limit N] [--labels L1,L2] [--doc-mod M --doc-keep K] [--no-model]\n"
    "                      [--model-only] [--per-record] [--errors] [--respace]\n"
    "                      [--keep-relative] [--adapt-first K [--save-adaptation FILE]]\n"
    "  Scores the full engine on each record's \"text\" against its \"entities\" ([start, end,\n"
    "  label] in code points), exact spans, after mapping gold labels to Glosa's. Names are\n"
    "  compared without the quotation marks around them, as Glosa writes them (NKJP's spans\n"
    "  hold them: \" Wprost \"; span_repair.h: trim_name_quotes). A Polish gold word naming the\n"
    "  people of a place (\"Polaków\", \"Rosjanie\") is NORP, as the engine labels it (NKJP labels\n"
    "  them as the country, BSNLP as persons; base_form.h: polish_people_place).\n"
    "  --names-only  leaves out NORP and entities starting with a lower-case letter (gold\n"
    "                and predicted alike)\n"
    "  --labels      labels to score (default: those of the scheme; with --scheme plain,\n"
    "                whose gold labels are already Glosa's, those that occur in the file)\n"
    "  --doc-mod/--doc-keep  score only documents whose index (order of first appearance) %\n"
    "                M == K: the BSNLP documents the model was not trained on\n"
    "  Consecutive records with the same \"doc\" are joined by newlines and annotated as one\n"
    "  document, as the app sees an article (--per-record: one record at a time).\n"
    "  --model-only  the NER model alone (tokenizer, sentences, tagger), without the rules\n"
    "  --errors      also print every false positive (FP) and false negative (FN) in context\n"
    "  --respace     re-spaces space-joined text (NKJP, CoNLL: \"2000 r .\" -> \"2000 r.\",\n"
    "                \"13 . 00\" -> \"13.00\", CoNLL \"Poland 's\" -> \"Poland's\", engine/eval/respace.h)\n"
    "                before annotating, and maps the gold offsets onto it: the text as a\n"
    "                person would paste it\n"
    "  --keep-relative  with --scheme nkjp, also scores predicted deictic DATEs and TIMEs: those\n"
    "                marked relative (\"dziś\", \"wczoraj\", \"rok temu\", \"w tym roku\", \"za\n"
    "                godzinę\") and bare weekdays (\"w piątek\", subtype weekday). By default they\n"
    "                are left out: NKJP never annotates deictic dates or times (none of ~1,900\n"
    "                \"dziś/wczoraj/temu/w tym roku\", none of 758 weekdays and none of 16 \"godzin temu\",\n"
    "                \"za godzinę\" in nkjp-train), so they are not errors there\n"
    "  --adapt-first K  learning from corrections (Engine::learn): the first K documents, in\n"
    "                file order, are annotated and corrected by their gold as a person would\n"
    "                (right entities accepted, wrong ones rejected, missed or relabelled ones\n"
    "                tagged; entities of labels the corpus does not annotate left\n"
    "                unreviewed) and learnt from one after another; the other\n"
    "                documents are scored with the shipped weights and then with what was\n"
    "                learnt. Last line: micro_f1_before=X micro_f1_after=Y\n"
    "  --save-adaptation FILE  writes what was learnt (Engine::save_adaptation)\n"
    "  --learn-margin X, --learn-max-step X, --learn-steps N, --learn-net-rate X (0: the window\n"
    "                network does not learn)  LearnOptions (engine/tagger/ner_model.h)\n";

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
  std::vector<ScoredSpan> other_gold;  // gold names of labels that are not scored
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

// One document: consecutive records with the same "doc", joined by newlines.
struct GoldDocument {
  std::string text;
  std::string lang;
  std::vector<ScoredSpan> gold;        // scored labels, code points
  std::vector<ScoredSpan> other_gold;  // names of labels not scored
};

GoldDocument join_records(std::vector<EvalRecord>& group) {
  GoldDocument d;
  size_t cp_offset = 0;
  for (size_t r = 0; r < group.size(); ++r) {
    if (r) { d.text += '\n'; ++cp_offset; }
    d.text += group[r].text;
    for (auto* list : {&group[r].gold, &group[r].other_gold}) {
      for (auto g : *list) {
        g.start += cp_offset;
        g.end += cp_offset;
        (list == &group[r].gold ? d.gold : d.other_gold).push_back(std::move(g));
      }
    }
    cp_offset += count_codepoints(group[r].text);
  }
  d.lang = group.empty() ? "" : group[0].lang;
  return d;
}

// The document as a person who corrects it would leave it: a predicted entity that matches a
// gold name exactly (span and label) is accepted; one of a label the corpus annotates that
// matches none is rejected (the gold name is tagged instead, below); entities of labels the
// corpus does not annotate (NORP, DATE in BSNLP) are left unreviewed; every gold name not
// found is tagged by the person (origin person, accepted), whatever its label.
Document corrected_by_gold(const Document& predicted, const GoldDocument& gold,
                           const std::vector<std::string>& annotated) {
  Document doc = predicted;
  const CodepointIndex cps(doc.text);
  std::vector<std::pair<size_t, size_t>> spans;  // bytes of gold.gold then gold.other_gold
  std::vector<const ScoredSpan*> all;
  for (const auto* list : {&gold.gold, &gold.other_gold}) {
    for (const auto& g : *list) {
      size_t b = 0, e = 0;
      if (!cps.to_byte(g.start, &b) || !cps.to_byte(g.end, &e)) continue;
      spans.emplace_back(b, e);
      all.push_back(&g);
    }
  }
  std::vector<uint8_t> matched(all.size(), 0);
  for (Entity& e : doc.entities) {
    bool exact = false;
    for (size_t k = 0; k < all.size(); ++k) {
      if (spans[k].first == e.begin_byte && spans[k].second == e.end_byte && all[k]->label == e.label) {
        exact = true;
        matched[k] = 1;
      }
    }
    if (exact) e.status = ReviewStatus::Accepted;
    else if (contains(annotated, e.label)) e.status = ReviewStatus::Rejected;
  }
  for (size_t k = 0; k < all.size(); ++k) {
    if (matched[k]) continue;
    Entity e;
    e.begin_byte = spans[k].first;
    e.end_byte = spans[k].second;
    e.label = all[k]->label;
    e.origin = Origin::Person;
    e.status = ReviewStatus::Accepted;
    doc.entities.push_back(std::move(e));
  }
  return doc;
}

}  // namespace

int run_eval(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::printf("%s", kEvalUsage);
    return args.empty() ? 2 : 0;
  }
  const std::string path = args[0];
  std::string scheme_name, models = default_models_dir(), labels_arg, save_adaptation_path;
  bool names_only = false, use_model = true, model_only = false, per_record = false, errors = false;
  bool respace_text = false, keep_relative = false;
  long limit = 0, doc_mod = 0, doc_keep = 0, adapt_first = 0;
  LearnOptions learn_options;
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
    else if (a == "--save-adaptation") save_adaptation_path = v;
    else if (a == "--learn-margin" || a == "--learn-max-step") {
      const float x = std::strtof(v.c_str(), &end);
      if (v.empty() || *end != '\0' || !(x > 0)) return fail("expected a positive number after " + a + ", got '" + v + "'", 2);
      (a == "--learn-margin" ? learn_options.margin : learn_options.max_step) = x;
    } else if (a == "--learn-net-rate") {
      const float x = std::strtof(v.c_str(), &end);
      if (v.empty() || *end != '\0' || !(x >= 0) || x > 100) return fail("expected a number from 0 to 100 after " + a + ", got '" + v + "'", 2);
      learn_options.net_rate = x;
    } else if (a == "--learn-steps") {
      const long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n < 1 || n > 100) return fail("expected 1..100 after " + a + ", got '" + v + "'", 2);
      learn_options.max_steps_per_unit = static_cast<int>(n);
    }
    else if (a == "--limit" || a == "--doc-mod" || a == "--doc-keep" || a == "--adapt-first") {
      const long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n < 0) return fail("expected a number after " + a + ", got '" + v + "'", 2);
      (a == "--limit" ? limit : a == "--doc-mod" ? doc_mod : a == "--doc-keep" ? doc_keep : adapt_first) = n;
    } else {
      return fail("unknown option " + a + "\n" + kEvalUsage, 2);
    }
  }
  GoldScheme scheme;
  if (!parse_gold_scheme(scheme_name, &scheme)) {
    return fail("--scheme must be nkjp, bsnlp, conll or plain, got '" + scheme_name + "'", 2);
  }
  if (adapt_first > 0 && (model_only || !use_model)) {
    return fail("--adapt-first learns into the full engine's model: not with --model-only or --no-model", 2);
  }
  if (!save_adaptation_path.empty() && adapt_first == 0) return fail("--save-adaptation needs --adapt-first", 2);

  if (Status ok = check_input_file(path); !ok.is_ok()) return fail(ok.message());
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(path + ": cannot open the file");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(std::move(line));

  std::vector<std::string> labels =
      scheme == GoldScheme::Nkjp    ? std::vector<std::string>{"PER", "ORG", "LOC", "NORP", "DATE", "TIME"}
      : scheme == GoldScheme::Bsnlp ? std::vector<std::string>{"PER", "ORG", "LOC", "EVT", "PRO", "MISC"}
                                    : std::vector<std::string>{"PER", "ORG", "LOC", "MISC"};
  if (scheme == GoldScheme::Plain) {
    // The labels that occur in the file, in default_labels() order.
    std::vector<uint8_t> seen(default_labels().size(), 0);
    for (const auto& line : lines) {
      auto rec = read_gold_record(line);
      if (!rec.is_ok()) continue;
      for (const GoldEntity& e : rec.value().entities) {
        const int k = find_label(default_labels(), e.label);
        if (k >= 0) seen[static_cast<size_t>(k)] = 1;
      }
    }
    labels.clear();
    for (size_t k = 0; k < seen.size(); ++k) if (seen[k]) labels.push_back(default_labels()[k].name);
  }
  const std::vector<std::string> annotated = labels;  // what the corpus labels (learning)
  if (!labels_arg.empty()) labels = split_commas(labels_arg);
  if (names_only) {
    std::vector<std::string> kept;
    for (const auto& l : labels) if (l != "NORP") kept.push_back(l);
    labels = kept;
  }

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
      auto b = read_file(f.string(), kMaxModelFileBytes);
      if (!b.is_ok()) return fail(b.status().message());
      // The name lexicon lives beside the NER models (load_models tells them apart the same way).
      if (b.value().compare(0, 8, std::string(names::kLexiconMagic, 8)) == 0) continue;
      auto m = NerModel::load(reinterpret_cast<const uint8_t*>(b.value().data()), b.value().size());
      if (!m.is_ok()) return fail(f.string() + ": " + m.status().message());
      models_only.push_back(m.value());
      loaded.push_back(f.filename().string() + " (model only)");
    }
  }

  // --- Reading: records grouped into documents, gold mapped to Glosa's labels ---
  std::map<std::string, long> doc_index;
  std::vector<GoldDocument> documents;
  size_t records = 0, skipped = 0;
  size_t gold_unquoted = 0, gold_people = 0;  // gold read Glosa's way (printed with the scores)
  {
    std::vector<EvalRecord> group;
    size_t line_no = 0;
    for (const std::string& line : lines) {
      ++line_no;
      if (line.empty()) continue;
      if (limit && static_cast<long>(records) >= limit) break;
      // One reader for every gold file (formats/gold_jsonl.h): it names the field at fault.
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
      const bool do_respace = respace_text && (scheme == GoldScheme::Nkjp || scheme == GoldScheme::Conll);
      if (do_respace) respaced = respace(gr.text, scheme == GoldScheme::Nkjp, &byte_map, scheme == GoldScheme::Conll);
      const CodepointIndex respaced_cps(respaced);
      const CodepointIndex text_cps(gr.text);
      for (const GoldEntity& e : rec.entities) {
        const std::string_view surface = std::string_view(gr.text).substr(e.begin_byte, e.end_byte - e.begin_byte);
        MappedLabel m;
        if (!map_gold_label(scheme, e.label, surface, &m)) continue;
        // A name is compared without the quotation marks around it, as Glosa writes names
        // (NKJP's spans hold them: " Wprost "; BSNLP's and CoNLL's do not); trimmed first, as
        // the engine trims before it reads the word ("„Rosjanie”").
        size_t begin = e.begin_byte, end = e.end_byte;
        if (names::is_name_label(m.label)) names::trim_name_quotes(gr.text, &begin, &end);
        if (begin != e.begin_byte || end != e.end_byte) ++gold_unquoted;
        const std::string_view name = std::string_view(gr.text).substr(begin, end - begin);
        // The people of a place are NORP, as the engine labels them (names::people_not_places):
        // NKJP labels them as the country ("Polaków", placeName-country), BSNLP as persons.
        if (gr.lang == "pl" && engine.lexicon() && (m.label == "LOC" || m.label == "PER")) {
          bool plural = false;
          if (!names::polish_people_word(name, &plural).empty() && (m.label == "LOC" || plural) &&
              !names::polish_people_place(name, *engine.lexicon()).empty()) {
            m.label = "NORP";
            m.subtype.clear();
            ++gold_people;
          }
        }
        const bool scored = contains(labels, m.label) && !(names_only && (m.label == "NORP" || starts_lowercase(surface)));
        ScoredSpan span{text_cps.to_codepoint(begin), text_cps.to_codepoint(end), m.label};
        if (do_respace) {
          span = {respaced_cps.to_codepoint(byte_map[begin]), respaced_cps.to_codepoint(byte_map[end]), m.label};
        }
        (scored ? gr.gold : gr.other_gold).push_back(std::move(span));
      }
      if (do_respace) gr.text = std::move(respaced);
      ++records;
      if (!group.empty() && (per_record || gr.doc.empty() || gr.doc != group.back().doc ||
                             gr.lang != group.back().lang)) {
        documents.push_back(join_records(group));
        group.clear();
      }
      group.push_back(std::move(gr));
    }
    if (!group.empty()) documents.push_back(join_records(group));
  }
  // Scores over no record measure nothing: a wrong file or scheme must not look like a run.
  if (records == 0) return fail(path + ": no gold record was scored (" + std::to_string(skipped) + " skipped)");

  // --- Scoring ---
  size_t bytes = 0, changed = 0, relative_left_out = 0;
  const bool drop_relative = scheme == GoldScheme::Nkjp && !keep_relative;
  double seconds = 0;
  // Annotates one document with `eng` (or the models alone), and returns the scored spans.
  auto predict = [&](const Engine& eng, const GoldDocument& d, Result<Analysis>* analysis) {
    AnnotateOptions opts;
    opts.use_model = use_model;
    if (!d.lang.empty()) opts.lang = d.lang;
    std::vector<ScoredSpan> pred;
    const auto t0 = std::chrono::steady_clock::now();
    if (model_only) {
      const std::vector<Token> tokens = tokenize(d.text);
      const std::vector<Sentence> sentences = split_sentences(d.text, tokens);
      std::vector<Entity> ents;
      for (const auto& m : models_only) {
        if (m->lang() == opts.lang) m->tag(d.text, tokens, sentences, &ents);
      }
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      const CodepointIndex cps(d.text);
      for (const Entity& e : ents) {
        const std::string_view surface = std::string_view(d.text).substr(e.begin_byte, e.end_byte - e.begin_byte);
        if (!contains(labels, e.label)) continue;
        if (names_only && (e.label == "NORP" || starts_lowercase(surface))) continue;
        pred.push_back({cps.to_codepoint(e.begin_byte), cps.to_codepoint(e.end_byte), e.label});
      }
      return pred;
    }
    *analysis = eng.annotate(d.text, opts);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!analysis->is_ok()) return pred;
    const Document& doc = analysis->value().doc;
    if (doc.text != d.text) ++changed;  // normalised (CR, BOM, NUL): offsets may drift
    const CodepointIndex cps(doc.text);
    for (const Entity& e : doc.entities) {
      if (!contains(labels, e.label)) continue;
      if (names_only && (e.label == "NORP" || starts_lowercase(entity_text(doc, e)))) continue;
      if (drop_relative && ((e.label == "DATE" && (e.is_relative || e.subtype == "weekday")) ||
                            (e.label == "TIME" && e.is_relative))) {
        ++relative_left_out;
        continue;
      }
      pred.push_back({cps.to_codepoint(e.begin_byte), cps.to_codepoint(e.end_byte), e.label});
    }
    return pred;
  };
  auto score_documents = [&](size_t from, SpanScorer* scorer) {
    for (size_t k = from; k < documents.size(); ++k) {
      Result<Analysis> analysis = Status(ErrorCode::EmptyText, "");
      const std::vector<ScoredSpan> pred = predict(engine, documents[k], &analysis);
      bytes += documents[k].text.size();
      scorer->add(documents[k].gold, pred);
      if (errors) print_errors(documents[k].text, documents[k].gold, pred);
    }
  };
  const char* header_format = "%s: %zu records in %zu documents, scheme %s%s%s, models: %s\n";
  auto print_header = [&](size_t docs) {
    std::printf(header_format, path.c_str(), records, docs, scheme_name.c_str(),
                names_only ? ", names only" : "",
                respace_text && (scheme == GoldScheme::Nkjp || scheme == GoldScheme::Conll) ? ", re-spaced" : "",
                loaded.empty() ? "none" : "");
    for (const auto& m : loaded) std::printf("  %s\n", m.c_str());
  };
  auto print_report = [&](const SpanScorer& scorer) {
    std::printf("%s", scorer.report(labels).c_str());
    if (scheme == GoldScheme::Bsnlp && labels_arg.empty()) {
      const LabelCounts c = scorer.micro({"PER", "ORG", "LOC"});
      std::printf("PER/ORG/LOC micro: P %.4f R %.4f F1 %.4f\n", c.precision(), c.recall(), c.f1());
    }
  };
  auto print_notes = [&]() {
    std::printf("throughput: %zu bytes in %.3f s = %.2f MB/s (annotate only)\n", bytes, seconds,
                seconds > 0 ? bytes / seconds / 1e6 : 0.0);
    if (relative_left_out) {
      std::printf("deictic DATEs and TIMEs left out (relative, weekday: NKJP does not annotate them; --keep-relative scores them): %zu\n",
                  relative_left_out);
    }
    if (gold_unquoted || gold_people) {
      std::printf("gold read as Glosa writes names: %zu without their quotation marks, %zu people of a place as NORP\n",
                  gold_unquoted, gold_people);
    }
    if (skipped) std::printf("skipped records: %zu\n", skipped);
    if (changed) std::printf("records whose text the normaliser changed (offsets may drift): %zu\n", changed);
  };

  if (adapt_first == 0) {
    SpanScorer scorer;
    score_documents(0, &scorer);
    print_header(documents.size());
    print_report(scorer);
    print_notes();
    return 0;
  }

  // --- Learning from the first K documents, then before/after on the rest ---
  const size_t learn_docs = std::min(documents.size(), static_cast<size_t>(adapt_first));
  if (learn_docs >= documents.size()) {
    return fail("--adapt-first " + std::to_string(adapt_first) + " leaves no document to score (the file has " +
                std::to_string(documents.size()) + ")", 2);
  }
  double learn_seconds = 0;
  size_t steps = 0, net_steps = 0, evidence = 0, units_wrong = 0, units_fixed = 0;
  for (size_t k = 0; k < learn_docs; ++k) {
    Result<Analysis> analysis = Status(ErrorCode::EmptyText, "");
    predict(engine, documents[k], &analysis);
    if (!analysis.is_ok()) continue;
    const Document corrected = corrected_by_gold(analysis.value().doc, documents[k], annotated);
    const auto t0 = std::chrono::steady_clock::now();
    auto learnt = engine.learn(corrected, learn_options);
    learn_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!learnt.is_ok()) return fail("document " + std::to_string(k + 1) + ": " + learnt.status().message());
    steps += learnt.value().steps;
    net_steps += learnt.value().net_steps;
    evidence += learnt.value().evidence;
    units_wrong += learnt.value().units_wrong;
    units_fixed += learnt.value().units_fixed;
  }
  const std::string lang = documents[0].lang.empty() ? "pl" : documents[0].lang;
  const std::vector<uint8_t> adaptation = engine.save_adaptation(lang);
  if (!save_adaptation_path.empty()) {
    std::ofstream out(save_adaptation_path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(adaptation.data()), static_cast<std::streamsize>(adaptation.size()));
    if (!out) return fail(save_adaptation_path + ": cannot write the adaptation");
  }
  const size_t rows = engine.adaptation_rows(lang);
  auto parsed = ner::Adaptation::parse(adaptation.data(), adaptation.size());
  const size_t net_rows = parsed.is_ok() ? parsed.value().net_deltas().rows.size() : 0;
  SpanScorer after;
  score_documents(learn_docs, &after);
  engine.reset_adaptation(lang);
  SpanScorer before;
  score_documents(learn_docs, &before);
  Status reloaded = engine.load_adaptation(adaptation.data(), adaptation.size());
  if (!reloaded.is_ok()) return fail("the saved adaptation does not load again: " + reloaded.message());
  print_header(documents.size() - learn_docs);
  std::printf("before (shipped weights), on documents %zu..%zu:\n", learn_docs + 1, documents.size());
  print_report(before);
  std::printf("after learning from documents 1..%zu (%zu reviewed spans, %zu updates; %zu of %zu wrong units fixed):\n",
              learn_docs, evidence, steps, units_fixed, units_wrong);
  print_report(after);
  print_notes();
  std::printf("adaptation: %zu features (%zu of them network rows; %zu network steps), %zu bytes; learn: %.2f ms per document\n",
              rows, net_rows, net_steps, adaptation.size(), 1000.0 * learn_seconds / static_cast<double>(learn_docs));
  std::printf("micro_f1_before=%.4f micro_f1_after=%.4f\n", before.micro(labels).f1(), after.micro(labels).f1());
  return 0;
}

}  // namespace glosa::cli
