// glosa-lexicon: builds assets/lexicon/names-pl.bin, the name lexicon of the base-form and
// grouping stage, from Debian's hunspell-pl dictionary, the base forms of BSNLP training
// documents and the CLDR/GeoNames place lists. Layer: train (native only).
// See assets/lexicon/README.md for the command that built the shipped file.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <cmath>
#include <map>
#include <unordered_map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/names/lexicon.h"
#include "engine/text/tokenizer.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"
#include "formats/gold_jsonl.h"
#include "train/hunspell.h"
#include "train/lexicon_build.h"

using namespace glosa;
using namespace glosa::train;

namespace {

const char* kUsage =
    "usage: glosa-lexicon --hunspell PATH_WITHOUT_EXTENSION --out FILE.bin\n"
    "                     [--bsnlp FILE.jsonl ...] [--bsnlp-holdout K] [--gazetteers DIR]\n"
    "                     [--unlabeled FILE.gz ...] [--max-depth N] [--min-weight W] [--name NAME]\n"
    "  --hunspell       e.g. /usr/share/hunspell/pl_PL (reads .aff and .dic)\n"
    "  --bsnlp          BSNLP JSONL with entity_lemmas: word base forms of the documents\n"
    "                   whose index %% 5 != K (--bsnlp-holdout K, default 0) are learned\n"
    "  --unlabeled      running text (gzip, a paragraph a line): how often each dictionary\n"
    "                   entry's forms occur weighs its vote, so \"rady\" reads as rada, not rad\n"
    "  --gazetteers     ../shared/data/gazetteers: place names (nominative) for LOC base\n"
    "                   forms and for linking relational words\n";

// Adds the lower-cased word forms of a gzip file of paragraphs (read through `gzip -dc`).
Status count_forms(const std::string& path, std::unordered_map<std::string, uint64_t>* counts) {
  const std::string cmd = "gzip -dc '" + path + "'";
  FILE* f = popen(cmd.c_str(), "r");
  if (!f) return Status(ErrorCode::IoError, path + ": cannot run gzip");
  std::string line;
  char buf[1 << 16];
  auto add = [&](const std::string& text) {
    for (const Token& t : tokenize(text)) {
      if (t.kind != TokenKind::Word) continue;
      ++(*counts)[to_lower(std::string_view(text).substr(t.begin_byte, t.end_byte - t.begin_byte))];
    }
  };
  while (fgets(buf, sizeof buf, f)) {
    line += buf;
    if (!line.empty() && line.back() == '\n') {
      add(line);
      line.clear();
    }
  }
  add(line);
  if (pclose(f) != 0) return Status(ErrorCode::IoError, path + ": gzip failed");
  return Status::ok();
}

int fail(const std::string& msg, int code = 1) {
  std::fprintf(stderr, "glosa-lexicon: %s\n", msg.c_str());
  return code;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Forms that are plural whatever the noun: genitive "-ów", dative "-om", instrumental
// "-ami", locative "-ach", and virile nominative "-owie".
bool is_plural_form(const std::string& f) {
  return ends_with(f, "ów") || ends_with(f, "om") || ends_with(f, "ami") || ends_with(f, "ach") ||
         ends_with(f, "owie");
}

// The nominative plural of a masculine noun entry (its base form ends in a consonant, or is
// an "-ista"/"-ysta" person): the form in "-owie", the "-anie" of an "-anin", else the form
// in "-i"/"-y" that is not the singular dative "-owi" or the plural instrumental "-mi"
// (which no other case of such a noun has). "" when none is listed.
std::string nominative_plural(const DictionaryEntry& e) {
  const std::string l = to_lower(e.lemma);
  const char last = l.empty() ? 'a' : l.back();
  const bool vowel_end = std::string("aeiouyąęó").find(last) != std::string::npos ||
                         ends_with(l, "ą") || ends_with(l, "ę") || ends_with(l, "ó");
  const bool person_in_a = ends_with(l, "ista") || ends_with(l, "ysta");
  if (vowel_end && !person_in_a) return "";
  std::string best;
  for (size_t k = 1; k < e.forms.size(); ++k) {
    const std::string& f = e.forms[k];
    if (f == e.lemma) continue;
    if (ends_with(f, "owie")) return f;
    if (ends_with(l, "anin") && ends_with(f, "anie")) return f;  // Amerykanie
    if (ends_with(f, "owi") || ends_with(f, "mi")) continue;     // Amerykaninowi, Latynosami
    if (best.empty() && (((ends_with(f, "i") || ends_with(f, "y")) && !person_in_a) ||
                         (person_in_a && (ends_with(f, "ści") || ends_with(f, "ci"))))) {
      best = f;
    }
  }
  return best;
}

// An adjective entry declines with "-ego": "rosyjski" -> "rosyjskiego", "nowy" -> "nowego".
bool is_adjective_entry(const DictionaryEntry& e) {
  std::string gen;
  if (ends_with(e.lemma, "i")) gen = e.lemma + "ego";
  else if (ends_with(e.lemma, "y")) gen = e.lemma.substr(0, e.lemma.size() - 1) + "ego";
  else return false;
  for (const auto& f : e.forms) if (f == gen) return true;
  return false;
}

bool starts_upper(const std::string& s) { return is_upper(first_codepoint(s)); }

std::vector<std::string> split_spaces(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream ss(s);
  std::string w;
  while (ss >> w) out.push_back(w);
  return out;
}

// Reads a TSV with a header; calls visit(columns) for each row.
bool read_tsv(const std::string& path, const std::function<void(const std::vector<std::string>&)>& visit) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    size_t start = 0;
    for (size_t i = 0; i <= line.size(); ++i) {
      if (i == line.size() || line[i] == '\t') {
        cols.push_back(line.substr(start, i - start));
        start = i + 1;
      }
    }
    visit(cols);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string hunspell, out_path, gaz_dir, name = "names-pl";
  std::vector<std::string> bsnlp, unlabeled;
  int holdout = 0;
  TrieOptions topt;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") { std::printf("%s", kUsage); return 0; }
    if (i + 1 >= args.size()) return fail("missing value for " + a + "\n" + kUsage, 2);
    const std::string v = args[++i];
    if (a == "--hunspell") hunspell = v;
    else if (a == "--out") out_path = v;
    else if (a == "--bsnlp") bsnlp.push_back(v);
    else if (a == "--unlabeled") unlabeled.push_back(v);
    else if (a == "--bsnlp-holdout") holdout = std::atoi(v.c_str());
    else if (a == "--gazetteers") gaz_dir = v;
    else if (a == "--max-depth") topt.max_depth = static_cast<size_t>(std::atoi(v.c_str()));
    else if (a == "--min-weight") topt.min_weight = std::atof(v.c_str());
    else if (a == "--name") name = v;
    else return fail("unknown option " + a + "\n" + kUsage, 2);
  }
  if (hunspell.empty() || out_path.empty()) return fail(std::string("--hunspell and --out are required\n") + kUsage, 2);

  std::vector<DictionaryEntry> dictionary;
  Status s = read_hunspell(hunspell + ".aff", hunspell + ".dic",
                           [&](const DictionaryEntry& e) { dictionary.push_back(e); });
  if (!s.is_ok()) return fail(s.message());
  // Inflected forms (not base forms) of any entry, lower-cased: the dictionary also lists
  // some of them as capitalised entries of their own ("Republiki", "Związku"), which must
  // not teach that those forms are base forms.
  std::set<std::string> inflected;
  for (const auto& e : dictionary) {
    for (size_t k = 1; k < e.forms.size(); ++k) inflected.insert(to_lower(e.forms[k]));
  }
  // Corpus counts of lower-cased word forms.
  std::unordered_map<std::string, uint64_t> form_count;
  for (const auto& path : unlabeled) {
    Status c = count_forms(path, &form_count);
    if (!c.is_ok()) return fail(c.message());
  }
  std::vector<LemmaPair> pairs;
  size_t adjectives = 0, skipped_verbs = 0, skipped_forms = 0;
  for (const auto& e : dictionary) {
    // Verbs never head a name; their many forms would only blur the noun endings.
    if (ends_with(e.lemma, "ć") || ends_with(e.lemma, "c")) { ++skipped_verbs; continue; }
    const bool cap = starts_upper(e.lemma);
    if (cap && e.forms.size() == 1 && inflected.count(to_lower(e.lemma))) { ++skipped_forms; continue; }
    const bool adj = is_adjective_entry(e);
    adjectives += adj;
    // The vocative of an "-a" noun ("Anno", "Moskwo") is never a name in running news text,
    // while other names end so in the nominative ("Pacheco", "Kobeszko").
    const std::string vocative = ends_with(e.lemma, "a") ? e.lemma.substr(0, e.lemma.size() - 1) + "o" : "";
    // A frequent word outvotes a rare homograph ("rady": rada, not the unit rad).
    uint64_t freq = 0;
    for (const auto& f : e.forms) {
      auto it = form_count.find(to_lower(f));
      if (it != form_count.end()) freq += it->second;
    }
    const double frequency_weight = 1.0 + std::log1p(static_cast<double>(freq));
    // Plural forms keep their number, as base forms of names do ("Polaków" -> "Polacy",
    // "Stanach" -> "Stany"): the nominative plural, where the entry shows one.
    const std::string plural = adj ? "" : nominative_plural(e);
    for (const auto& f : e.forms) {
      if (!adj && f == vocative) continue;
      LemmaPair p;
      p.form = f;
      p.lemma = !plural.empty() && (f == plural || is_plural_form(f)) ? plural : e.lemma;
      p.word_class = adj ? names::WordClass::Adjective : names::WordClass::Noun;
      p.capitalised = cap;
      p.weight = (cap ? 3.0 : 1.0) * frequency_weight;  // names outweigh common words
      pairs.push_back(std::move(p));
    }
  }
  std::fprintf(stderr, "hunspell: %zu entries (%zu adjectives, %zu verbs and %zu listed forms skipped), %zu forms\n",
               dictionary.size(), adjectives, skipped_verbs, skipped_forms, pairs.size());
  dictionary.clear();

  // BSNLP base forms of the training documents: one-word names, and every word of a
  // person's name (adjectival surnames aside: their feminine base forms are made by rule).
  // Each (form, base form) counts once per document it occurs in, so that a frequent name
  // outvotes an annotator's occasional slip ("Unii" -> "Unii" against 291 "Unii" -> "Unia").
  std::map<std::pair<std::string, std::string>, int> doc_counts;
  for (const auto& path : bsnlp) {
    std::ifstream in(path);
    if (!in) return fail(path + ": cannot open the file");
    std::string line;
    std::map<std::string, int> doc_index;
    while (std::getline(in, line)) {
      auto parsed = read_gold_record(line);
      if (!parsed.is_ok() || !parsed.value().has_lemmas) continue;
      const GoldRecord& rec = parsed.value();
      const int index = doc_index.emplace(rec.id, static_cast<int>(doc_index.size())).first->second;
      if (index % 5 == holdout) continue;
      const std::string& text = rec.text;
      std::set<std::pair<std::string, std::string>> in_doc;
      for (size_t k = 0; k < rec.entities.size(); ++k) {
        const GoldEntity& ent = rec.entities[k];
        const std::string& label = ent.label;
        const auto fw = split_spaces(text.substr(ent.begin_byte, ent.end_byte - ent.begin_byte));
        const auto lw = split_spaces(rec.lemmas[k].lemma);
        if (fw.size() != lw.size() || fw.empty()) continue;
        if (fw.size() > 1 && label != "PER") continue;
        for (size_t w = 0; w < fw.size(); ++w) {
          const std::string ll = to_lower(lw[w]);
          if (fw.size() > 1 && (ends_with(ll, "ska") || ends_with(ll, "cka") || ends_with(ll, "dzka") ||
                                ends_with(ll, "ski") || ends_with(ll, "cki") || ends_with(ll, "dzki"))) continue;
          in_doc.insert({fw[w], lw[w]});
        }
      }
      for (const auto& p : in_doc) ++doc_counts[p];
    }
  }
  size_t bsnlp_pairs = 0;
  for (const auto& [p, n] : doc_counts) {
    LemmaPair lp;
    lp.form = p.first;
    lp.lemma = p.second;
    lp.capitalised = starts_upper(p.first);
    lp.weight = 4.0 * std::min(n, 10);
    pairs.push_back(std::move(lp));
    ++bsnlp_pairs;
  }
  std::fprintf(stderr, "bsnlp: %zu word base forms\n", bsnlp_pairs);

  names::LexiconData data;
  data.name = name;
  // Places: nominative names in Polish (and English, for relational words in English).
  if (!gaz_dir.empty()) {
    std::set<std::pair<std::string, std::string>> seen;
    auto add_place = [&](const std::string& lang, const std::string& n) {
      if (n.empty() || !is_valid_utf8(n) || !seen.insert({lang, n}).second) return;
      data.places.push_back({lang, n});
      // A one-word Polish place name is its own base form ("Ałmaty" is not "Ałmata").
      if (lang == "pl" && n.find(' ') == std::string::npos && starts_upper(n)) {
        LemmaPair p;
        p.form = n;
        p.lemma = n;
        p.capitalised = true;
        p.weight = 10.0;
        pairs.push_back(std::move(p));
      }
    };
    const auto col = [](const std::vector<std::string>& c, size_t i) { return i < c.size() ? c[i] : std::string(); };
    bool ok = read_tsv(gaz_dir + "/cldr_territories.tsv", [&](const auto& c) {
      if (col(c, 0).find(':') != std::string::npos) return;  // "KZ:short" variants
      add_place("pl", col(c, 2));
      add_place("en", col(c, 1));
    });
    ok = ok && read_tsv(gaz_dir + "/cldr_exemplar_cities.tsv", [&](const auto& c) {
      add_place("pl", col(c, 3).empty() ? col(c, 1) : col(c, 3));
      add_place("en", col(c, 2).empty() ? col(c, 1) : col(c, 2));
    });
    ok = ok && read_tsv(gaz_dir + "/geonames_cities.tsv", [&](const auto& c) { add_place("pl", col(c, 2)); });
    ok = ok && read_tsv(gaz_dir + "/cldr_subdivisions.tsv", [&](const auto& c) { add_place("pl", col(c, 2)); });
    if (!ok) return fail(gaz_dir + ": cannot read the CLDR/GeoNames place lists");
    std::fprintf(stderr, "places: %zu names\n", data.places.size());
  }

  TrieStats st;
  build_suffix_trie(pairs, topt, &data, &st);
  std::fprintf(stderr, "trie: %zu pairs (%zu skipped), %zu rules, %zu nodes built, %zu kept\n", st.pairs,
               st.skipped, st.rules, st.nodes_built, st.nodes_kept);
  const std::vector<uint8_t> bytes = names::serialize_lexicon(data);
  auto check = names::Lexicon::load(bytes.data(), bytes.size());
  if (!check.is_ok()) return fail("the written lexicon does not load: " + check.status().message());
  std::ofstream out(out_path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out) return fail(out_path + ": cannot write the lexicon");
  std::fprintf(stderr, "wrote %s: %zu bytes\n", out_path.c_str(), bytes.size());
  return 0;
}
