// `glosa-cli eval-names`: scores the names stage (base forms and entity groups) on gold
// mentions with base forms and entity ids (BSNLP's entity_lemmas). Layer: cli.
// The gold mentions, with their gold labels, are given to the stage, so the scores measure
// base forms and grouping alone, not the NER model.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_common.h"
#include "engine/eval/gold_labels.h"
#include "engine/names/entity_groups.h"
#include "engine/names/lexicon.h"
#include "engine/text/unicode.h"
#include "formats/gold_jsonl.h"

namespace glosa::cli {

namespace {

const char* kUsage =
    "usage: glosa-cli eval-names GOLD.jsonl [--models DIR] [--doc-mod M --doc-keep K]\n"
    "                            [--limit N] [--errors]\n"
    "  GOLD.jsonl: records with \"text\", \"entities\" ([start, end, label], code points) and\n"
    "  \"entity_lemmas\" ([base form, entity id] per entity), e.g. BSNLP's Polish files.\n"
    "  Prints base-form accuracy (all mentions, and mentions whose form differs from the\n"
    "  base form) per label, and grouping scores against the gold entity ids: B-cubed and\n"
    "  pairwise precision/recall/F1 over the mentions of each document.\n"
    "  --doc-mod/--doc-keep  only documents whose index % M == K (those the lexicon was not\n"
    "                        built from: tools/build-lexicon.sh holds out K = 0 of M = 5)\n"
    "  --ignore-case compare base forms case-insensitively (BSNLP 2017's gold is lower case)\n"
    "  --errors      print each wrong base form: FORM -> GOT (gold GOLD)\n"
    "  --group-errors  print each gold entity split over several groups, and each group\n"
    "                that joins several gold entities, with the base forms in each\n";

struct Counts {
  size_t mentions = 0, correct = 0, changed = 0, changed_correct = 0;
};

struct ClusterScores {
  double b3_p = 0, b3_r = 0;
  size_t b3_n = 0;
  size_t pair_tp = 0, pair_pred = 0, pair_gold = 0;
};

// B-cubed and pairwise scores of one document's clustering.
void score_clusters(const std::vector<std::string>& gold, const std::vector<std::string>& pred,
                    ClusterScores* s) {
  const size_t n = gold.size();
  for (size_t i = 0; i < n; ++i) {
    size_t same_pred = 0, same_gold = 0, both = 0;
    for (size_t j = 0; j < n; ++j) {
      const bool g = gold[i] == gold[j], p = pred[i] == pred[j];
      same_gold += g;
      same_pred += p;
      both += g && p;
      if (j > i) {
        s->pair_gold += g;
        s->pair_pred += p;
        s->pair_tp += g && p;
      }
    }
    s->b3_p += static_cast<double>(both) / static_cast<double>(same_pred);
    s->b3_r += static_cast<double>(both) / static_cast<double>(same_gold);
    ++s->b3_n;
  }
}

double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

}  // namespace

int run_eval_names(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::printf("%s", kUsage);
    return args.empty() ? 2 : 0;
  }
  const std::string path = args[0];
  std::string models = default_models_dir();
  long doc_mod = 0, doc_keep = 0, limit = 0;
  bool errors = false, ignore_case = false, group_errors = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--errors") { errors = true; continue; }
    if (a == "--ignore-case") { ignore_case = true; continue; }
    if (a == "--group-errors") { group_errors = true; continue; }
    if (i + 1 >= args.size()) return fail("missing value for " + a + "\n" + kUsage, 2);
    const std::string v = args[++i];
    if (a == "--models") { models = v; continue; }
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < 0) return fail("expected a number after " + a + ", got '" + v + "'", 2);
    if (a == "--doc-mod") doc_mod = n;
    else if (a == "--doc-keep") doc_keep = n;
    else if (a == "--limit") limit = n;
    else return fail("unknown option " + a + "\n" + kUsage, 2);
  }
  Engine engine;
  std::vector<std::string> loaded;
  Status st = load_models(engine, models, &loaded);
  if (!st.is_ok()) return fail(st.message());
  // The engine keeps its lexicon private: load the lexicon file again for the stage itself.
  std::shared_ptr<const names::Lexicon> lexicon;
  for (const auto& f : loaded) {
    auto bytes = read_file(models + "/" + f, kMaxModelFileBytes);
    if (!bytes.is_ok()) continue;
    const std::string& b = bytes.value();
    if (b.compare(0, 8, std::string(names::kLexiconMagic, 8)) != 0) continue;
    auto l = names::Lexicon::load(reinterpret_cast<const uint8_t*>(b.data()), b.size());
    if (l.is_ok()) lexicon = l.value();
  }
  if (Status ok = check_input_file(path); !ok.is_ok()) return fail(ok.message());
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(path + ": cannot open the file");

  std::map<std::string, Counts> by_label;
  Counts all;
  ClusterScores clusters;
  size_t docs = 0, skipped = 0, line_no = 0;
  double seconds = 0;
  std::map<std::string, long> doc_index;
  std::string line;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    if (limit && static_cast<long>(docs) >= limit) break;
    auto parsed = read_gold_record(line);
    if (!parsed.is_ok() || !parsed.value().has_lemmas) {
      std::fprintf(stderr, "glosa-cli: %s:%zu: %s; record skipped\n", path.c_str(), line_no,
                   parsed.is_ok() ? "entity_lemmas is missing" : parsed.status().message().c_str());
      ++skipped;
      continue;
    }
    const GoldRecord& rec = parsed.value();
    const std::string id = rec.id.empty() ? std::to_string(line_no) : rec.id;
    const long index = doc_index.emplace(id, static_cast<long>(doc_index.size())).first->second;
    if (doc_mod > 0 && index % doc_mod != doc_keep) continue;
    Document doc;
    doc.text = rec.text;
    doc.lang = rec.lang.empty() ? "pl" : rec.lang;
    doc.labels = default_labels();
    struct Gold { size_t begin, end; std::string lemma, entity; };
    std::vector<Gold> gold;
    for (size_t k = 0; k < rec.entities.size(); ++k) {
      const GoldEntity& e = rec.entities[k];
      const size_t b = e.begin_byte, t = e.end_byte;
      MappedLabel m;
      if (!map_gold_label(GoldScheme::Bsnlp, e.label, std::string_view(doc.text).substr(b, t - b), &m)) continue;
      Entity ent;
      ent.begin_byte = b;
      ent.end_byte = t;
      ent.label = m.label;
      ent.origin = Origin::Person;
      doc.entities.push_back(ent);
      gold.push_back({b, t, rec.lemmas[k].lemma, rec.lemmas[k].entity});
    }
    ++docs;
    sort_and_number_entities(doc);
    const auto t0 = std::chrono::steady_clock::now();
    names::resolve_names(doc, doc.lang == "pl" ? lexicon.get() : nullptr);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    // Match gold mentions to the (sorted, possibly extended) entities by span.
    std::map<std::pair<size_t, size_t>, const Entity*> by_span;
    for (const Entity& e : doc.entities) by_span[{e.begin_byte, e.end_byte}] = &e;
    std::vector<std::string> gold_ids, pred_ids, lemmas;
    for (const Gold& g : gold) {
      const Entity* e = by_span[{g.begin, g.end}];
      if (!e) continue;
      const std::string form = doc.text.substr(g.begin, g.end - g.begin);
      const bool ok = ignore_case ? to_lower(e->lemma) == to_lower(g.lemma) : e->lemma == g.lemma;
      const bool changed = ignore_case ? to_lower(form) != to_lower(g.lemma) : form != g.lemma;
      for (Counts* c : {&all, &by_label[e->label]}) {
        ++c->mentions;
        c->correct += ok;
        c->changed += changed;
        c->changed_correct += changed && ok;
      }
      if (!ok && errors) std::printf("%-4s %s -> %s (gold %s)\n", e->label.c_str(), form.c_str(), e->lemma.c_str(), g.lemma.c_str());
      gold_ids.push_back(g.entity);
      pred_ids.push_back(e->group);
      lemmas.push_back(e->lemma);
    }
    score_clusters(gold_ids, pred_ids, &clusters);
    if (group_errors) {
      // gold id -> predicted group -> base forms, and the reverse.
      std::map<std::string, std::map<std::string, std::set<std::string>>> split, joined;
      for (size_t k = 0; k < gold_ids.size(); ++k) {
        split[gold_ids[k]][pred_ids[k]].insert(lemmas[k]);
        joined[pred_ids[k]][gold_ids[k]].insert(lemmas[k]);
      }
      const auto show = [&](const char* kind, const std::string& key, const auto& parts) {
        std::printf("%s %s %s:", kind, id.c_str(), key.c_str());
        for (const auto& [part, forms] : parts) {
          std::printf(" {");
          bool first = true;
          for (const auto& f : forms) { std::printf("%s%s", first ? "" : " | ", f.c_str()); first = false; }
          std::printf("}");
        }
        std::printf("\n");
      };
      for (const auto& [gid, parts] : split) if (parts.size() > 1) show("SPLIT", gid, parts);
      for (const auto& [pid, parts] : joined) if (parts.size() > 1) show("JOINED", pid, parts);
    }
  }
  std::printf("%s: %zu documents, models: %s\n", path.c_str(), docs, lexicon ? lexicon->name().c_str() : "no lexicon");
  std::printf("base forms    mentions  accuracy   changed  accuracy\n");
  auto row = [](const char* name, const Counts& c) {
    std::printf("%-12s %9zu  %8.4f %9zu  %8.4f\n", name, c.mentions,
                c.mentions ? static_cast<double>(c.correct) / c.mentions : 0.0, c.changed,
                c.changed ? static_cast<double>(c.changed_correct) / c.changed : 0.0);
  };
  for (const auto& [label, c] : by_label) row(label.c_str(), c);
  row("all", all);
  const double bp = clusters.b3_n ? clusters.b3_p / clusters.b3_n : 0, br = clusters.b3_n ? clusters.b3_r / clusters.b3_n : 0;
  const double pp = clusters.pair_pred ? static_cast<double>(clusters.pair_tp) / clusters.pair_pred : 0;
  const double pr = clusters.pair_gold ? static_cast<double>(clusters.pair_tp) / clusters.pair_gold : 0;
  std::printf("groups   B-cubed P %.4f R %.4f F1 %.4f | pairwise P %.4f R %.4f F1 %.4f\n", bp, br, f1(bp, br), pp,
              pr, f1(pp, pr));
  std::printf("names stage: %.3f s\n", seconds);
  if (skipped) std::printf("skipped records: %zu\n", skipped);
  if (docs == 0) return fail(path + ": no gold record was scored (" + std::to_string(skipped) + " skipped)");
  return 0;
}

}  // namespace glosa::cli
