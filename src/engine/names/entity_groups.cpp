// Base forms, acronyms and entity groups for one document. Layer: engine/names.
#include "engine/names/entity_groups.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

#include "engine/names/base_form.h"
#include "engine/names/name_particles.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa::names {

namespace {

// Which labels may share a group: places and organisations are often confused by the
// model and by writers ("Rosja" the state), so they share one class.
int group_class(std::string_view label) {
  if (label == "PER") return 0;
  if (label == "NORP") return 1;
  if (label == "LOC" || label == "ORG") return 2;
  if (label == "EVT") return 3;
  if (label == "PRO") return 4;
  return 5;
}

// Words of a base form for comparisons: lower case, brackets removed (an initial keeps its
// dot: "w." is how is_initial_of knows it).
// Whether words[from...] are a company's legal form: AG, Inc., S.A., sp. z o.o. (lower case,
// as name_words gives them). General words of company law, not names.
bool is_legal_form(const std::vector<std::string>& words, size_t from) {
  static const char* const kOne[] = {"ag", "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.",
                                     "plc", "llc", "gmbh", "sa", "s.a.", "nv", "n.v.", "bv", "b.v.",
                                     "se", "spa", "s.p.a.", "ab", "asa", "oyj", "kg", "lp", "llp",
                                     "s.c.", "sp.j.", "sp.k.", "holding", "holdings", "group", "grupa"};
  if (words.size() == from + 1) {
    for (const char* f : kOne) if (words[from] == f) return true;
    return false;
  }
  // "sp. z o.o.", "spółka z o.o.", "sp. z o. o."
  if (words.size() >= from + 3 && (words[from] == "sp." || words[from] == "spółka") && words[from + 1] == "z") {
    std::string rest;
    for (size_t k = from + 2; k < words.size(); ++k) rest += words[k];
    return rest == "o.o." || rest == "ograniczonąodpowiedzialnością";
  }
  return false;
}

std::vector<std::string> name_words(std::string_view lemma) {
  std::vector<std::string> out;
  std::string cur;
  size_t len = 0;
  for (size_t i = 0; i <= lemma.size(); i += (i < lemma.size() ? len : 1)) {
    const char32_t c = i < lemma.size() ? decode_utf8(lemma, i, &len) : U' ';
    if (is_space(c)) {
      if (!cur.empty()) out.push_back(to_lower(cur));
      cur.clear();
      continue;
    }
    if (c == U'[' || c == U']' || c == U'(' || c == U')') continue;
    append_utf8(cur, c);
  }
  return out;
}

// The first code point of a UTF-8 string, as a view.
std::string_view utf8_first(std::string_view s) {
  if (s.empty()) return s;
  size_t len = 0;
  decode_utf8(s, 0, &len);
  return s.substr(0, len);
}

bool is_initial_of(const std::string& initial, const std::string& word) {
  // "w." is an initial of "władimir".
  const std::u32string a = to_codepoints(initial), b = to_codepoints(word);
  return a.size() == 2 && a[1] == U'.' && !b.empty() && b.size() > 2 && a[0] == b[0];
}

// One substitution, insertion or deletion apart, for words of 4+ code points.
bool one_edit_apart(const std::string& x, const std::string& y) {
  const std::u32string a = to_codepoints(x), b = to_codepoints(y);
  if (a == b) return true;
  if (std::min(a.size(), b.size()) < 4) return false;
  if (a.size() == b.size()) {
    size_t diff = 0;
    for (size_t i = 0; i < a.size(); ++i) diff += a[i] != b[i];
    return diff <= 1;
  }
  const std::u32string& s = a.size() < b.size() ? a : b;
  const std::u32string& l = a.size() < b.size() ? b : a;
  if (l.size() - s.size() != 1) return false;
  size_t i = 0;
  while (i < s.size() && s[i] == l[i]) ++i;
  return s.compare(i, std::u32string::npos, l, i + 1, std::u32string::npos) == 0;
}

bool same_first_name(const std::string& a, const std::string& b) {
  return one_edit_apart(a, b) || is_initial_of(a, b) || is_initial_of(b, a);
}

bool is_patronymic(const std::string& w) {
  static const char* kEndings[] = {"icz", "ycz", "ewna", "owna", "ichna", "yczna", "evich", "ovich", "ovna", "evna"};
  for (const char* e : kEndings) {
    const std::string_view s(e);
    if (w.size() > s.size() + 2 && w.compare(w.size() - s.size(), s.size(), s) == 0) return true;
  }
  return false;
}

// Whether person name `a` (shorter or equal) names the same person as `b`.
bool same_person(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return false;
  if (a.size() == 1) return a[0] == b.back() || (b.size() >= 2 && a[0] == b.front());
  // A surname with its particles: "von der Leyen" ~ "Ursula von der Leyen".
  if (is_name_particle(a.front())) {
    return b.size() > a.size() && std::equal(a.begin(), a.end(), b.end() - static_cast<long>(a.size()));
  }
  // A two-word surname: "Gonzalez Rogers" ~ "Yvonne Gonzalez Rogers".
  if (b.size() > a.size() && std::equal(a.begin(), a.end(), b.end() - static_cast<long>(a.size()))) return true;
  const bool first_ok = same_first_name(a.front(), b.front());
  if (!first_ok) return false;
  if (a.back() == b.back()) return true;
  // A patronymic instead of the surname: "Kasym-Żomart Kiemielewicz" ~ "Kasym-Żomart Tokajew".
  return a.size() == 2 && is_patronymic(a.back());
}

// "UE" is made of the initials of "unia europejska", "ONZ" of "organizacja narodów
// zjednoczonych", "TSUE" of "trybunał sprawiedliwości unii europejskiej" (function words
// like "o", "i", "w" may be left out).
bool is_initials_of(const std::string& acronym, const std::vector<std::string>& words) {
  const std::u32string a = to_codepoints(acronym);
  if (a.size() < 2 || a.size() > 8) return false;
  for (char32_t c : a) if (!is_upper(c)) return false;
  const auto matches = [&](bool skip_short) {
    std::u32string initials;
    for (const auto& w : words) {
      const std::u32string cw = to_codepoints(w);
      if (cw.empty() || (skip_short && cw.size() <= 2)) continue;
      initials += to_upper(cw[0]);
    }
    return initials == a;
  };
  return matches(false) || matches(true);
}

// The display name of a group from its mentions' base forms, in text order. Base forms with a
// word of no letters ("Rosja – Sbierbanku": the model ran two names together across a dash)
// and acronyms are used only when nothing else is there. A person is named by the fullest
// form (most words; an initial counts half) that ends in the commonest one-word form (the
// surname): "Kasym-Żomart Tokajew". Anything else by the fullest form that begins with its
// commonest form ("Unia Europejska" for "Unia" ×3 and "Unia Europejska" ×1).
std::string choose_name(const std::vector<std::string>& lemmas, bool is_person,
                        const std::map<std::string, std::string>& acronyms) {
  // Distinct forms, in order of first mention, with their counts and words.
  struct Form { std::string lemma; size_t count = 0; std::vector<std::string> words; bool clean = true; };
  std::vector<Form> forms;
  std::map<std::string, size_t> index;
  for (const auto& l : lemmas) {
    auto [it, inserted] = index.emplace(l, forms.size());
    if (inserted) {
      Form f;
      f.lemma = l;
      f.words = name_words(l);
      f.clean = !acronyms.count(l);
      for (const auto& w : f.words) {
        if (std::none_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c)); })) f.clean = false;
      }
      forms.push_back(std::move(f));
    }
    ++forms[it->second].count;
  }
  // A form in capitals ("WASHINGTON" of a dateline) counts for the same name as written
  // elsewhere ("Washington"), which names the group.
  const auto shouting = [](const std::string& s) {
    const std::u32string cps = to_codepoints(s);
    size_t letters = 0;
    for (char32_t c : cps) {
      if (!is_letter(c)) continue;
      if (!is_upper(c)) return false;
      ++letters;
    }
    return letters >= 4;
  };
  for (Form& f : forms) {
    if (!f.clean || !shouting(f.lemma)) continue;
    for (Form& g : forms) {
      if (&g == &f || !g.clean || shouting(g.lemma) || to_lower(g.lemma) != to_lower(f.lemma)) continue;
      g.count += f.count;
      f.clean = false;
      break;
    }
  }
  std::vector<const Form*> pool;
  for (const Form& f : forms) if (f.clean) pool.push_back(&f);
  if (pool.empty()) for (const Form& f : forms) pool.push_back(&f);
  // The commonest form; ties: the first.
  const Form* common = pool[0];
  for (const Form* f : pool) if (f->count > common->count) common = f;
  if (!is_person) {
    // The fullest form that begins with the commonest one ("Unia" -> "Unia Europejska").
    const auto& cw = common->words;
    const Form* fullest = common;
    for (const Form* f : pool) {
      const auto& fw = f->words;
      if (fw.size() > fullest->words.size() && std::equal(cw.begin(), cw.end(), fw.begin())) fullest = f;
    }
    return fullest->lemma;
  }
  const Form* surname = nullptr;
  for (const Form* f : pool) {
    if (f->words.size() == 1 && (!surname || f->count > surname->count)) surname = f;
  }
  const Form* best = nullptr;
  size_t best_score = 0;
  for (const Form* f : pool) {
    size_t score = 4 * f->words.size();
    for (const auto& x : f->words) if (!x.empty() && x.back() == '.') score -= 2;
    if (surname && f->words.size() > 1 && f->words.back() == surname->words[0]) score += 3;
    if (!best || score > best_score || (score == best_score && f->count > best->count)) {
      best = f;
      best_score = score;
    }
  }
  return best->lemma;
}

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  // The smaller index (the earlier mention) stays the root: deterministic.
  void unite(size_t a, size_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent[b] = a;
  }
};

bool is_acronym_char(char32_t c) { return is_upper(c) || is_digit(c) || c == U'&' || c == U'-'; }

// The acronym in brackets right after byte `end` ("  (ODKB)"): its byte span, or false.
bool bracketed_acronym(std::string_view text, size_t end, size_t* a_begin, size_t* a_end) {
  size_t i = end;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i >= text.size() || text[i] != '(') return false;
  const size_t b = i + 1;
  size_t j = b, len = 0, upper = 0, count = 0;
  while (j < text.size()) {
    const char32_t c = decode_utf8(text, j, &len);
    if (c == U')') break;
    if (!is_acronym_char(c) && !(is_lower(c) && count > 0)) return false;
    if (is_upper(c)) ++upper;
    ++count;
    j += len;
  }
  if (j >= text.size() || upper < 2 || count > 10) return false;
  *a_begin = b;
  *a_end = j;
  return true;
}

bool is_word_char(char32_t c) { return is_letter(c) || is_digit(c); }

// Every whole-word occurrence of `word` in `text` (a hyphenated case ending may follow:
// "ODKB-u"), as byte spans of the word and its ending.
std::vector<std::pair<size_t, size_t>> occurrences(std::string_view text, std::string_view word) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t pos = 0;
  while ((pos = text.find(word, pos)) != std::string_view::npos) {
    size_t end = pos + word.size();
    bool ok = true;
    if (pos > 0) {
      size_t k = pos - 1;
      while (k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
      size_t len = 0;
      ok = !is_word_char(decode_utf8(text, k, &len));
    }
    if (ok && end < text.size()) {
      size_t len = 0;
      const char32_t c = decode_utf8(text, end, &len);
      if (c == U'-') {
        size_t e = end + 1;
        while (e < text.size() && is_lower(decode_utf8(text, e, &len))) e += len;
        if (e > end + 1) end = e;
      } else {
        ok = !is_word_char(c);
      }
    }
    if (ok) out.emplace_back(pos, end);
    pos += word.size();
  }
  return out;
}

// Adds entities for bracketed acronyms of names and their later uses, and fills `acronym_of`
// (acronym -> index of the entity it abbreviates, in the final sorted order). Returns true
// when entities were added.
bool add_acronyms(Document& doc, std::map<std::string, std::string>* acronym_lemma, bool add_untagged) {
  struct Found { std::string acronym; std::string label; size_t name_index; };
  std::vector<Found> found;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    if (!is_name_label(e.label) || e.label == "PER" || e.label == "NORP") continue;
    size_t b = 0, t = 0;
    if (!bracketed_acronym(doc.text, e.end_byte, &b, &t)) continue;
    const std::string acr = doc.text.substr(b, t - b);
    if (acronym_lemma->count(acr)) continue;
    (*acronym_lemma)[acr] = e.lemma;
    found.push_back({acr, e.label, i});
  }
  bool added = false;
  if (!add_untagged) return false;
  for (const Found& f : found) {
    for (const auto& [b, t] : occurrences(doc.text, f.acronym)) {
      bool covered = false;
      for (const Entity& e : doc.entities) {
        if (e.begin_byte < t && b < e.end_byte) { covered = true; break; }
      }
      if (covered) continue;
      Entity e;
      e.begin_byte = b;
      e.end_byte = t;
      e.label = f.label;
      e.origin = Origin::Rule;
      e.confidence = 1.0f;
      e.lemma = f.acronym;
      doc.entities.push_back(std::move(e));
      added = true;
    }
  }
  return added;
}

}  // namespace

bool is_name_label(std::string_view label) {
  return label == "PER" || label == "ORG" || label == "LOC" || label == "NORP" || label == "EVT" ||
         label == "PRO" || label == "MISC";
}

void resolve_names(Document& doc, const Lexicon* lexicon, AcronymMentions acronyms) {
  doc.groups.clear();
  // A name recurs through an article: each (label, surface) is worked out once.
  std::unordered_map<std::string, std::string> base_forms;
  for (Entity& e : doc.entities) {
    e.group.clear();
    e.lemma.clear();
    if (!is_name_label(e.label)) continue;
    const std::string_view surface = entity_text(doc, e);
    std::string key = e.label + '\t';
    key.append(surface.data(), surface.size());
    auto [it, inserted] = base_forms.emplace(std::move(key), std::string());
    if (inserted) it->second = base_form(surface, e.label, doc.lang, lexicon);
    e.lemma = it->second;
  }
  std::map<std::string, std::string> acronym_lemma;  // "ODKB" -> the base form it stands for
  if (add_acronyms(doc, &acronym_lemma, acronyms == AcronymMentions::AddUntagged)) sort_and_number_entities(doc);
  std::map<std::string, int> acronym_class;  // the group class of what each acronym stands for
  for (const Entity& e : doc.entities) {
    for (const auto& [acr, lemma] : acronym_lemma) {
      if (e.lemma == lemma && !acronym_class.count(acr)) acronym_class[acr] = group_class(e.label);
    }
  }

  std::vector<size_t> names;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    if (is_name_label(doc.entities[i].label)) names.push_back(i);
  }
  UnionFind uf(doc.entities.size());
  // Same base form (or an acronym and what it stands for) within one group class.
  std::map<std::pair<int, std::string>, size_t> first_of_key;
  for (size_t i : names) {
    const Entity& e = doc.entities[i];
    std::string key = to_lower(e.lemma);
    int cls = group_class(e.label);
    if (auto it = acronym_lemma.find(e.lemma); it != acronym_lemma.end()) {
      // An acronym joins what it stands for, whatever label the model gave it.
      key = to_lower(it->second);
      cls = acronym_class[e.lemma];
    }
    auto [it, inserted] = first_of_key.emplace(std::make_pair(cls, key), i);
    if (!inserted) uf.unite(it->second, i);
  }
  // The same base form as a person and as a place or organisation is, in one article, almost
  // always one entity that the model labelled two ways ("Tokajew" PER, "Tokajewem" LOC).
  for (const auto& [key, i] : first_of_key) {
    if (key.first != group_class("PER")) continue;
    auto other = first_of_key.find({group_class("LOC"), key.second});
    if (other != first_of_key.end()) uf.unite(i, other->second);
  }
  // People: shorter names join a fuller name of the same person; other names: a one-word
  // name joins the only longer name it is the head word of, a longer one the only name it
  // is the beginning of.
  struct Cluster { size_t root; std::vector<std::string> words; size_t mentions; };
  std::vector<Cluster> clusters;
  for (const auto& [key, i] : first_of_key) {
    clusters.push_back({i, name_words(key.second), 0});
  }
  std::map<size_t, size_t> mentions_of_root;
  for (size_t i : names) ++mentions_of_root[uf.find(i)];
  for (Cluster& c : clusters) c.mentions = mentions_of_root[uf.find(c.root)];
  // Fuller names first; then earlier first mention.
  std::sort(clusters.begin(), clusters.end(), [](const Cluster& a, const Cluster& b) {
    return a.words.size() != b.words.size() ? a.words.size() > b.words.size() : a.root < b.root;
  });
  // Which clusters may match which: indexes by first word, last word, first letter and
  // initials, so that a long document does not compare every pair of names.
  std::map<std::pair<int, std::string>, std::vector<size_t>> by_word, by_first_letter;
  for (size_t j = 0; j < clusters.size(); ++j) {
    const Cluster& c = clusters[j];
    if (c.words.empty()) continue;
    const int cls = group_class(doc.entities[c.root].label);
    by_word[{cls, c.words.front()}].push_back(j);
    if (c.words.size() > 1) by_word[{cls, c.words.back()}].push_back(j);
    by_first_letter[{cls, std::string(utf8_first(c.words.front()))}].push_back(j);
    if (c.words.size() > 1) {
      for (bool skip_short : {false, true}) {
        std::string initials;
        for (const auto& w : c.words) {
          if (skip_short && to_codepoints(w).size() <= 2) continue;
          std::string first(utf8_first(w));
          initials += first;
        }
        by_word[{cls, "#" + to_lower(initials)}].push_back(j);
      }
    }
  }
  std::vector<size_t> candidates;
  for (size_t k = 0; k < clusters.size(); ++k) {
    const Cluster& a = clusters[k];
    if (a.words.empty()) continue;
    const int cls = group_class(doc.entities[a.root].label);
    candidates.clear();
    const auto add = [&](const std::map<std::pair<int, std::string>, std::vector<size_t>>& index, const std::string& key) {
      auto it = index.find({cls, key});
      if (it != index.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    };
    // A fuller name of the same person ends in the same surname, or, for a name with a
    // patronymic instead, begins with the same letter.
    if (cls == 0 && a.words.size() > 1) {
      add(by_word, a.words.back());
      if (a.words.size() == 2 && is_patronymic(a.words.back())) add(by_first_letter, std::string(utf8_first(a.words.front())));
    }
    if (a.words.size() == 1) {
      add(by_word, a.words.front());
      add(by_word, "#" + a.words.front());
    } else if (cls != 0) {
      add(by_word, a.words.front());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::vector<size_t> matches;
    for (size_t j : candidates) {
      const Cluster& b = clusters[j];
      if (j == k || b.words.size() < a.words.size() || (b.words.size() == a.words.size() && j > k)) continue;
      if (group_class(doc.entities[b.root].label) != cls) continue;
      if (uf.find(a.root) == uf.find(b.root)) continue;
      bool same = false;
      if (cls == 0) same = same_person(a.words, b.words);
      else if (cls != 1 && a.words.size() == 1) same = b.words.size() > 1 &&
                                (b.words.front() == a.words.front() || is_initials_of(doc.entities[a.root].lemma, b.words));
      // A name cut short by the model ("Organizacji Układu" of "... o Bezpieczeństwie
      // Zbiorowym") is the first words of the only longer name it begins.
      else if (cls != 1) same = b.words.size() > a.words.size() && std::equal(a.words.begin(), a.words.end(), b.words.begin());
      if (same) matches.push_back(j);
    }
    if (matches.empty()) continue;
    // Several candidates: a person's surname prefers a surname match, then the most
    // mentioned; a head word must be unambiguous, unless one candidate is the same name with
    // a company's legal form ("Siemens" -> "Siemens AG", not "Siemens Digital Industries").
    if (cls != 0 && matches.size() > 1) {
      std::vector<size_t> legal;
      for (size_t j : matches) {
        const auto& w = clusters[j].words;
        if (w.size() > a.words.size() && std::equal(a.words.begin(), a.words.end(), w.begin()) &&
            is_legal_form(w, a.words.size())) {
          legal.push_back(j);
        }
      }
      if (legal.size() != 1) continue;
      matches = legal;
    }
    size_t best = matches[0];
    for (size_t j : matches) {
      const bool surname_j = clusters[j].words.back() == a.words.back();
      const bool surname_b = clusters[best].words.back() == a.words.back();
      if (surname_j != surname_b ? surname_j : clusters[j].mentions > clusters[best].mentions) best = j;
    }
    uf.unite(a.root, clusters[best].root);
  }

  // Groups in order of first mention.
  std::map<size_t, size_t> group_of_root;
  std::vector<std::vector<size_t>> members;
  for (size_t i : names) {
    const size_t r = uf.find(i);
    auto [it, inserted] = group_of_root.emplace(r, members.size());
    if (inserted) members.emplace_back();
    members[it->second].push_back(i);
  }
  for (size_t g = 0; g < members.size(); ++g) {
    EntityGroup group;
    group.id = "g" + std::to_string(g + 1);
    // Label: the commonest among the mentions (ties: the first mention's).
    std::map<std::string, size_t> label_count;
    for (size_t i : members[g]) ++label_count[doc.entities[i].label];
    group.label = doc.entities[members[g][0]].label;
    for (const auto& [label, n] : label_count) {
      if (n > label_count[group.label]) group.label = label;
    }
    std::vector<std::string> lemmas;
    for (size_t i : members[g]) {
      lemmas.push_back(doc.entities[i].lemma);
      if (acronym_lemma.count(doc.entities[i].lemma)) group.acronym = doc.entities[i].lemma;
    }
    const std::string best = choose_name(lemmas, group_class(group.label) == 0, acronym_lemma);
    // Brackets of an editor's insertion do not belong in a display name.
    std::string name;
    for (char c : best) if (c != '[' && c != ']') name += c;
    group.name = name;
    for (size_t i : members[g]) doc.entities[i].group = group.id;
    doc.groups.push_back(std::move(group));
  }
  // Relational words link to their place.
  std::vector<std::string> doc_places;
  std::vector<size_t> doc_place_group;
  for (size_t g = 0; g < doc.groups.size(); ++g) {
    if (doc.groups[g].label == "LOC") {
      doc_places.push_back(doc.groups[g].name);
      doc_place_group.push_back(g);
    }
  }
  std::vector<std::string> lexicon_places;
  for (EntityGroup& g : doc.groups) {
    if (g.label != "NORP") continue;
    // An inhabitant noun's place is known from the lexicon ("Polacy": Polska), and linked
    // when the article names it.
    const std::string people_place =
        lexicon && doc.lang == "pl" ? polish_people_place(g.name, *lexicon) : std::string();
    if (!people_place.empty()) {
      g.place = people_place;
      for (size_t k = 0; k < doc_places.size(); ++k) {
        if (doc_places[k] == people_place) { g.link = doc.groups[doc_place_group[k]].id; break; }
      }
      continue;
    }
    const std::string in_doc = relational_place(g.name, doc_places);
    if (!in_doc.empty()) {
      for (size_t k = 0; k < doc_places.size(); ++k) {
        if (doc_places[k] == in_doc) { g.link = doc.groups[doc_place_group[k]].id; break; }
      }
      g.place = in_doc;
    } else {
      // The lexicon's places that share the word's first letters (only the last part of a
      // compound counts: "rosyjsko-ukraiński").
      lexicon_places.clear();
      if (lexicon) {
        std::u32string w = plain_lower(g.name);
        const size_t hyphen = w.rfind(U'-');
        if (hyphen != std::u32string::npos) w = w.substr(hyphen + 1);
        for (uint32_t i : lexicon->places_with_word_prefix(doc.lang, std::u32string_view(w).substr(0, 3))) {
          lexicon_places.push_back(lexicon->places()[i].name);
        }
      }
      g.place = relational_place(g.name, lexicon_places);
    }
  }
}

}  // namespace glosa::names
