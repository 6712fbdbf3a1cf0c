// Repairs of the model's names after tagging (span_repair.h). Layer: engine/names.
#include "engine/names/span_repair.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/names/base_form.h"
#include "engine/names/entity_groups.h"
#include "engine/names/name_particles.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa::names {

namespace {

struct Word {
  size_t begin = 0;  // byte span in the document text
  size_t end = 0;
};

std::string_view word_text(std::string_view text, const Word& w) { return text.substr(w.begin, w.end - w.begin); }

bool is_ascii_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// The word right before text[pos] with one space between ("firm" of "firm Brightwater"), or
// "" when there is none: what words_in(text, pos - 40, pos).back() gives when its end is
// pos - 1, without building the list (a pass asks this of every entity).
std::string_view word_before(std::string_view text, size_t pos) {
  if (pos < 2 || !is_ascii_space(text[pos - 1]) || is_ascii_space(text[pos - 2])) return {};
  size_t begin = pos - 1;
  while (begin > 0 && !is_ascii_space(text[begin - 1])) --begin;
  return text.substr(begin, pos - 1 - begin);
}

// Whether `w` is one of `abbreviations` (lower case, without their dot), any case, with or
// without the dot: "Św." and "św" are "św".
bool is_abbreviation(std::string_view w, std::initializer_list<std::string_view> abbreviations) {
  std::string lower = to_lower(w);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  return std::find(abbreviations.begin(), abbreviations.end(), lower) != abbreviations.end();
}

// The whitespace-separated words of text[begin, end).
std::vector<Word> words_in(std::string_view text, size_t begin, size_t end) {
  std::vector<Word> out;
  size_t len = 0;
  size_t start = std::string_view::npos;
  for (size_t i = begin; i < end; i += len) {
    const bool space = is_space(decode_utf8(text, i, &len));
    if (space && start != std::string_view::npos) {
      out.push_back({start, i});
      start = std::string_view::npos;
    } else if (!space && start == std::string_view::npos) {
      start = i;
    }
  }
  if (start != std::string_view::npos) out.push_back({start, end});
  return out;
}

bool is_free_dash(std::string_view w) {
  return w == "\xE2\x80\x93" /*–*/ || w == "\xE2\x80\x94" /*—*/;
}

Entity part_of(const Entity& e, size_t begin, size_t end) {
  Entity p = e;
  p.begin_byte = begin;
  p.end_byte = end;
  return p;
}

// A model entity over text[begin, end) that the app shows as unsure: found by its spelling only.
Entity unsure_entity(size_t begin, size_t end, const char* label) {
  Entity e;
  e.begin_byte = begin;
  e.end_byte = end;
  e.label = label;
  e.origin = Origin::Model;
  e.confidence = kUnsureBelow - 0.1f;
  return e;
}

bool is_capitalised_word(std::string_view w) {
  const std::u32string cps = to_codepoints(w);
  return !cps.empty() && is_upper(cps[0]) &&
         !std::all_of(cps.begin(), cps.end(), [](char32_t c) { return is_upper(c); });
}

// A capital, then only lower-case letters, `min_letters` at least: "Robotics", "Komisja"; not
// "AG", "PKP", "Colo.", "of".
bool is_title_case_word(const std::u32string& cps, size_t min_letters) {
  return cps.size() >= min_letters && is_upper(cps[0]) &&
         std::all_of(cps.begin() + 1, cps.end(), [](char32_t c) { return is_lower(c); });
}

// Where the spaces before `pos` begin: back over ASCII whitespace and no-break spaces (C2 A0).
size_t back_over_spaces(std::string_view text, size_t pos) {
  while (pos > 0) {
    if (is_ascii_space(text[pos - 1])) --pos;
    else if (pos >= 2 && text[pos - 2] == '\xC2' && text[pos - 1] == '\xA0') pos -= 2;
    else break;
  }
  return pos;
}

// Whether text[begin...) starts a line or a sentence, where a capital tells nothing: the text's
// start, after a line break, after ".", "!", "?" or ":" (a closing quotation mark between
// allowed), or after a dateline's dash ("OSLO, June 2 — ").
bool starts_line_or_sentence(std::string_view text, size_t begin) {
  const size_t prev = back_over_spaces(text, begin);
  if (prev == 0 || text.substr(prev, begin - prev).find('\n') != std::string_view::npos) return true;
  const std::string_view before = text.substr(0, prev);
  const auto ends_with = [&](std::string_view s) {
    return before.size() >= s.size() && before.compare(before.size() - s.size(), s.size(), s) == 0;
  };
  if (ends_with("\u2014") || ends_with("\u2013")) return true;  // em or en dash
  size_t end = before.size();
  if (ends_with("\"") || ends_with("'")) end -= 1;
  else if (ends_with("\u201D") || ends_with("\u2019")) end -= 3;  // ” ’
  const char c = end > 0 ? before[end - 1] : '\n';
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '\n';
}

}  // namespace

bool is_conjunction(std::string_view w) { return w == "and" || w == "i" || w == "oraz"; }

void trim_name_quotes(std::string_view text, size_t* begin, size_t* end) {
  if (*begin >= *end) return;
  // Most names neither begin nor end with a mark: decided from two code points.
  size_t len = 0;
  const char32_t first_cp = decode_utf8(text, *begin, &len);
  size_t last_at = *end - 1;
  while (last_at > *begin && (static_cast<unsigned char>(text[last_at]) & 0xC0) == 0x80) --last_at;
  const char32_t last_cp = decode_utf8(text, last_at, &len);
  if (!is_quote_char(first_cp) && first_cp != U',' && !is_quote_char(last_cp)) return;
  // The code points of the span, with their byte offsets.
  std::vector<std::pair<char32_t, size_t>> cps;
  for (size_t at = *begin; at < *end; at += len) cps.emplace_back(decode_utf8(text, at, &len), at);
  size_t first = 0, last = cps.size();  // the name is cps[first, last)
  // How many code points an opening mark at cps[first] takes: a quotation mark, or the
  // typewriter's ",," (",  ," space-joined) that "''" closes; 0 when there is none.
  const auto opening = [&]() -> size_t {
    if (first >= last) return 0;
    if (is_quote_char(cps[first].first)) return 1;
    if (cps[first].first != U',') return 0;
    size_t k = first + 1;
    while (k < last && is_space(cps[k].first)) ++k;
    return k < last && cps[k].first == U',' ? k + 1 - first : 0;
  };
  // The same for a closing mark ending at cps[last - 1]; `alone`: one that may close a name
  // with no opening mark (not an apostrophe: "Jones'").
  const auto closing = [&](bool alone) -> size_t {
    if (last - first < 2) return 0;
    const char32_t c = cps[last - 1].first;
    if (c == U'\'' && cps[last - 2].first == U'\'') return 2;
    if (!is_quote_char(c)) return 0;
    return alone && (c == U'\'' || c == U'\u2019') ? 0 : 1;
  };
  const auto quotes_inside = [&](size_t from, size_t to) {
    return std::any_of(cps.begin() + from, cps.begin() + to, [](const auto& c) { return is_quote_char(c.first); });
  };
  const size_t open = opening();
  const size_t close = closing(false);
  if (open > 0 && close > 0 && first + open < last - close && !quotes_inside(first + open, last - close)) {
    first += open;
    last -= close;
  } else if (open > 0 && !quotes_inside(first + open, last) && cps[first].first != U'\'' &&
             cps[first].first != U'\u2019') {
    first += open;  // a lone opening mark, not an apostrophe ("'s-Hertogenbosch")
  } else if (closing(true) > 0 && !quotes_inside(first, last - closing(true))) {
    last -= closing(true);
  } else {
    return;
  }
  while (first < last && is_space(cps[first].first)) ++first;
  while (last > first && is_space(cps[last - 1].first)) --last;
  if (first >= last) return;  // nothing but marks: leave it as it was
  *begin = cps[first].second;
  *end = last < cps.size() ? cps[last].second : *end;
}

bool trim_quotes_off_names(Document& doc) {
  bool changed = false;
  for (Entity& e : doc.entities) {
    if (e.origin != Origin::Model || !is_name_label(e.label)) continue;
    const size_t begin = e.begin_byte, end = e.end_byte;
    trim_name_quotes(doc.text, &e.begin_byte, &e.end_byte);
    changed = changed || e.begin_byte != begin || e.end_byte != end;
  }
  return changed;
}

bool split_joined_names(Document& doc, const Lexicon* lexicon) {
  const std::string_view text = doc.text;
  std::set<std::string_view> person_mentions;  // PER mentions as written
  std::set<std::string_view> mentions;         // every name mention as written
  for (const Entity& e : doc.entities) {
    if (e.label == "PER") person_mentions.insert(entity_text(doc, e));
    if (is_name_label(e.label)) mentions.insert(entity_text(doc, e));
  }
  const bool polish = doc.lang == "pl" && lexicon != nullptr;
  std::vector<Entity> out;
  out.reserve(doc.entities.size());
  bool changed = false;
  for (Entity& e : doc.entities) {
    if (e.origin != Origin::Model || !is_name_label(e.label)) {
      out.push_back(std::move(e));
      continue;
    }
    const std::vector<Word> words = words_in(text, e.begin_byte, e.end_byte);
    if (words.size() < 2) {
      out.push_back(std::move(e));
      continue;
    }
    // Free-standing dashes: the runs of words between them.
    bool has_dash = false;
    for (const Word& w : words) has_dash |= is_free_dash(word_text(text, w));
    if (has_dash) {
      size_t first = 0;
      for (size_t k = 0; k <= words.size(); ++k) {
        const bool cut = k == words.size() || is_free_dash(word_text(text, words[k]));
        if (!cut) continue;
        if (k > first) out.push_back(part_of(e, words[first].begin, words[k - 1].end));
        first = k + 1;
      }
      changed = true;
      continue;
    }
    // Two names joined by a conjunction ("Morgan Stanley and Qatalyst Partners", "Polska i
    // Niemcy"), one of which the document names on its own elsewhere: two mentions. One
    // name with a conjunction inside ("Prawo i Sprawiedliwość") has no such part.
    bool split = false;
    for (size_t k = 1; k + 1 < words.size() && !split; ++k) {
      if (!is_conjunction(word_text(text, words[k]))) continue;
      const std::string_view left = text.substr(e.begin_byte, words[k - 1].end - e.begin_byte);
      const std::string_view right = text.substr(words[k + 1].begin, e.end_byte - words[k + 1].begin);
      if (!mentions.count(left) && !mentions.count(right)) continue;
      if (!is_upper(first_codepoint(right))) continue;
      out.push_back(part_of(e, e.begin_byte, words[k - 1].end));
      out.push_back(part_of(e, words[k + 1].begin, e.end_byte));
      split = true;
    }
    if (split) {
      changed = true;
      continue;
    }
    // A place or organisation, then a person named on their own elsewhere.
    if (polish && (e.label == "LOC" || e.label == "ORG")) {
      for (size_t k = 1; k < words.size() && !split; ++k) {
        const std::string_view right = text.substr(words[k].begin, e.end_byte - words[k].begin);
        if (!person_mentions.count(right)) continue;
        const std::string_view left = text.substr(e.begin_byte, words[k - 1].end - e.begin_byte);
        // The person is in the nominative and the words before are not: not one name.
        if (base_form(right, "PER", "pl", lexicon) != right) continue;
        if (base_form(left, "PER", "pl", lexicon) == left) continue;
        out.push_back(part_of(e, e.begin_byte, words[k - 1].end));
        Entity person = part_of(e, words[k].begin, e.end_byte);
        person.label = "PER";
        person.subtype.clear();
        out.push_back(std::move(person));
        split = true;
      }
    }
    if (split) {
      changed = true;
    } else {
      out.push_back(std::move(e));
    }
  }
  doc.entities = std::move(out);
  return changed;
}

namespace {

// The word (letters, marks, inner hyphens, apostrophes and dots) that ends right before
// byte `end`; its begin, or `end` when there is none.
size_t word_start_before(std::string_view text, size_t end) {
  size_t b = end;
  while (b > 0) {
    size_t p = b - 1;
    while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xc0) == 0x80) --p;
    size_t len = 0;
    const char32_t cp = decode_utf8(text, p, &len);
    if (!(is_letter(cp) || is_mark(cp) || cp == '-' || cp == '\'' || cp == '.')) break;
    b = p;
  }
  return b;
}

// Removes the entities marked in `drop` (one flag per entity), keeping the others' order.
void drop_marked(Document& doc, const std::vector<uint8_t>& drop) {
  std::vector<Entity> out;
  out.reserve(doc.entities.size());
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    if (!drop[i]) out.push_back(std::move(doc.entities[i]));
  }
  doc.entities = std::move(out);
}

size_t skip_spaces_before(std::string_view text, size_t pos) {
  while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\t')) --pos;
  return pos;
}

}  // namespace

bool join_firm_names(Document& doc) {
  const std::string_view text = doc.text;
  bool changed = false;
  std::vector<uint8_t> drop(doc.entities.size(), 0);
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    Entity& e = doc.entities[i];
    if (e.origin != Origin::Model || e.label != "ORG") continue;
    if (entity_text(doc, e).find('&') == std::string_view::npos) continue;
    size_t begin = e.begin_byte;
    size_t k = i;  // entities before k are candidates to absorb
    std::vector<size_t> absorbed;
    size_t words = 0;
    for (int parts = 0; parts < 4; ++parts) {
      size_t p = skip_spaces_before(text, begin);
      if (p == 0 || text[p - 1] != ',') break;
      const size_t word_end = skip_spaces_before(text, p - 1);
      const size_t word_begin = word_start_before(text, word_end);
      if (word_begin == word_end || !is_upper(first_codepoint(text.substr(word_begin)))) break;
      if (text.substr(word_begin, word_end - word_begin).find('.') != std::string_view::npos) break;
      // The list ends at a word after another capitalised word: that is a longer name.
      const size_t gap = skip_spaces_before(text, word_begin);
      if (gap < word_begin) {
        const size_t prev = word_start_before(text, gap);
        // (A word that ends a sentence, "Katz.", does not continue the name.)
        if (prev < gap && text[gap - 1] != '.' && is_upper(first_codepoint(text.substr(prev)))) break;
      }
      // Entities over the word: none, or one model name of exactly the word.
      bool ok = true;
      std::vector<size_t> over;
      while (k > 0 && doc.entities[k - 1].end_byte > word_begin) {
        --k;
        const Entity& o = doc.entities[k];
        if (o.end_byte <= word_begin) { ++k; break; }
        over.push_back(k);
      }
      for (size_t o : over) {
        const Entity& x = doc.entities[o];
        if (x.origin != Origin::Model || !is_name_label(x.label) || x.begin_byte != word_begin ||
            x.end_byte != word_end) {
          ok = false;
        }
      }
      if (!ok) break;
      absorbed.insert(absorbed.end(), over.begin(), over.end());
      begin = word_begin;
      ++words;
    }
    if (begin == e.begin_byte) continue;
    // Places before a firm are a list of places ("Germany, Marks & Spencer"): a list whose
    // words the model took all for places is left alone.
    size_t places = 0;
    for (size_t o : absorbed) places += doc.entities[o].label == "LOC";
    if (places == words) continue;
    for (size_t o : absorbed) drop[o] = 1;
    e.begin_byte = begin;
    changed = true;
  }
  if (!changed) return false;
  drop_marked(doc, drop);
  return true;
}


bool join_particle_names(Document& doc) {
  const std::string_view text = doc.text;
  std::vector<uint8_t> drop(doc.entities.size(), 0);
  bool changed = false;
  for (size_t i = 0; i + 1 < doc.entities.size(); ++i) {
    if (drop[i]) continue;
    Entity& a = doc.entities[i];
    if (a.origin != Origin::Model || a.label != "PER") continue;
    for (size_t j = i + 1; j < doc.entities.size(); ++j) {
      const Entity& b = doc.entities[j];
      if (b.begin_byte < a.end_byte) continue;  // inside or overlapping: not the next name
      if (b.origin != Origin::Model || b.label != "PER") break;
      if (b.begin_byte - a.end_byte > 64) break;  // a few particles, never a sentence
      const std::vector<Word> gap = words_in(text, a.end_byte, b.begin_byte);
      if (text.substr(a.end_byte, b.begin_byte - a.end_byte).find('\n') != std::string_view::npos) break;
      bool only_particles = true;
      for (const Word& w : gap) only_particles = only_particles && is_name_particle(word_text(text, w));
      const std::vector<Word> own = words_in(text, a.begin_byte, a.end_byte);
      const bool ends_in_particle =
          own.size() > 1 && is_name_particle(word_text(text, own.back()));
      if (!only_particles || (gap.empty() && !ends_in_particle)) break;
      a.end_byte = b.end_byte;
      a.confidence = std::min(a.confidence, b.confidence);
      drop[j] = 1;
      changed = true;
      break;
    }
  }
  // A surname's particles left out before it ("added that von der Leyen would", tagged
  // "Leyen"): taken in. Not "the", "la", "da" or "ten" here: words of English, Italian or
  // Polish ("nie da się", "ten Nowak") before a name are not its particles.
  static constexpr std::string_view kBefore[] = {"von", "van", "der", "den", "de",  "di",  "du",
                                                 "del", "della", "des", "zu", "bin", "ibn"};
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    Entity& e = doc.entities[i];
    if (drop[i] || e.origin != Origin::Model || e.label != "PER") continue;
    // The few words before it on its line (not the whole line: a text pasted as one line
    // made this quadratic), from a word's start.
    size_t from = e.begin_byte > 64 ? e.begin_byte - 64 : 0;
    const size_t line = text.substr(from, e.begin_byte - from).rfind('\n');
    if (line != std::string_view::npos) {
      from += line + 1;
    } else if (from > 0) {
      while (from < e.begin_byte && text[from - 1] != ' ' && text[from - 1] != '\t') ++from;
    }
    const std::vector<Word> before = words_in(text, from, e.begin_byte);
    const size_t previous_end = i > 0 ? doc.entities[i - 1].end_byte : 0;
    size_t begin = e.begin_byte;
    for (size_t k = before.size(); k-- > 0;) {
      // (Lower case, as a sentence may open with "Von der Leyen".)
      const std::string w = to_lower(word_text(text, before[k]));
      if (before[k].begin < previous_end ||
          std::find(std::begin(kBefore), std::end(kBefore), w) == std::end(kBefore)) {
        break;
      }
      begin = before[k].begin;
    }
    if (begin == e.begin_byte) continue;
    e.begin_byte = begin;
    changed = true;
  }
  if (!changed) return false;
  drop_marked(doc, drop);
  return true;
}

bool unify_unsure_labels(Document& doc) {
  const std::string_view text = doc.text;
  // Per written form: the summed confidence of each name label the model gave it.
  std::map<std::string_view, std::map<std::string, float>> votes;
  const auto is_name = [](const Entity& e) {
    return e.origin == Origin::Model && (e.label == "PER" || e.label == "ORG" || e.label == "LOC" || e.label == "MISC");
  };
  for (const Entity& e : doc.entities) {
    if (is_name(e)) votes[text.substr(e.begin_byte, e.end_byte - e.begin_byte)][e.label] += e.confidence;
  }
  bool changed = false;
  for (Entity& e : doc.entities) {
    if (!is_name(e) || e.confidence >= kUnsureBelow) continue;
    const auto& labels = votes[text.substr(e.begin_byte, e.end_byte - e.begin_byte)];
    if (labels.size() < 2) continue;
    const auto best = std::max_element(labels.begin(), labels.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best->first == e.label || best->second <= labels.at(e.label)) continue;
    e.label = best->first;
    changed = true;
  }
  return changed;
}

bool org_after_role(Document& doc) {
  if (doc.lang != "en") return false;
  // People who work for a firm, named by their work ("analysts", "a lawyer"), not by a rank
  // that a country or a city also has ("officials", "president").
  static const std::set<std::string, std::less<>> kRoles = {
      "analyst", "analysts", "economist", "economists", "strategist", "strategists", "lawyer", "lawyers",
      "attorney", "attorneys", "partner", "partners", "banker", "bankers", "trader", "traders",
      "dealer", "dealers", "broker", "brokers", "researcher", "researchers", "scientist", "scientists",
      "professor", "professors", "engineer", "engineers", "consultant", "consultants", "spokesman",
      "spokeswoman", "spokesperson", "employee", "employees", "executive", "executives", "director",
      "directors", "manager", "managers"};
  const std::string_view text = doc.text;
  bool changed = false;
  for (Entity& e : doc.entities) {
    if (e.origin != Origin::Model || (e.label != "PER" && e.label != "LOC" && e.label != "MISC")) continue;
    const std::vector<Word> before = words_in(text, e.begin_byte >= 40 ? e.begin_byte - 40 : 0, e.begin_byte);
    if (before.size() < 2) continue;
    const Word& at = before[before.size() - 1];
    const Word& role = before[before.size() - 2];
    if (at.end != e.begin_byte - 1 || word_text(text, at) != "at") continue;
    if (kRoles.count(to_lower(word_text(text, role))) == 0) continue;
    e.label = "ORG";
    changed = true;
  }
  return changed;
}

bool org_says_it(Document& doc) {
  if (doc.lang != "en") return false;
  static const std::set<std::string, std::less<>> kSaying = {"said", "says", "say", "added", "announced",
                                                             "reported", "told", "expects", "expected"};
  const std::string_view text = doc.text;
  bool changed = false;
  for (Entity& e : doc.entities) {
    if (e.origin != Origin::Model || e.label != "PER") continue;
    // "Northwind Robotics, which sells …": people are "who".
    size_t comma = e.end_byte;
    while (comma < text.size() && text[comma] == ' ') ++comma;  // (space-joined text: "X , which")
    if (text.substr(comma, 8) == ", which ") {
      e.label = "ORG";
      changed = true;
      continue;
    }
    const std::vector<Word> after = words_in(text, e.end_byte, std::min(text.size(), e.end_byte + 24));
    if (after.size() < 2 || after[0].begin != e.end_byte + 1) continue;
    const std::string_view verb = word_text(text, after[0]);
    const std::string_view pronoun = word_text(text, after[1]);
    if (kSaying.count(verb) == 0 || after[1].begin != after[0].end + 1 || (pronoun != "it" && pronoun != "its")) continue;
    e.label = "ORG";
    changed = true;
  }
  return changed;
}

namespace {

// "drugmaker", "carmakers", "chipmaker": a maker of goods, written as one word, as news
// writes the firms of an industry. Goods only: a "lawmaker", "peacemaker" or "playmaker" is
// a person.
bool is_maker_compound(std::string_view w) {
  static const std::set<std::string, std::less<>> kGoods = {
      "auto", "car", "chip", "drug", "steel", "plane", "toy", "phone", "truck", "tyre", "tire", "glass",
      "paper", "computer", "handset", "aircraft", "jet", "cement", "vehicle", "battery", "robot", "vaccine",
      "appliance", "printer", "camera", "software", "game", "candy", "chocolate", "smartphone", "engine"};
  std::string_view stem = !w.empty() && w.back() == 's' ? w.substr(0, w.size() - 1) : w;
  if (stem.size() <= 5 || stem.substr(stem.size() - 5) != "maker") return false;
  return kGoods.count(stem.substr(0, stem.size() - 5)) != 0;
}

// Nouns for a kind of organisation that a firm's name follows ("the law firm X", "German
// industrial group Y"): every lower-case word that comes right before a name two or more times
// in CoNLL-2003 train and before nothing but ORG names (group 18, daily 13 of 14, agency 11,
// club 7, company 7, bank 6, firm 6, side 6, newspaper 5, maker 4, operator 4, retailer 3,
// and nine more with 2), with their plurals. Not "carrier" (2): an aircraft carrier's name
// is a ship's. Also a maker of goods written as one word ("the drugmaker X": CoNLL has
// "carmaker" 3 times, never before a name).
bool is_organisation_kind(std::string_view w) {
  static const std::set<std::string, std::less<>> kKinds = {
      "group", "groups", "daily", "dailies", "agency", "agencies", "club", "clubs", "company",
      "companies", "bank", "banks", "firm", "firms", "side", "sides", "newspaper", "newspapers",
      "maker", "makers", "operator", "operators", "retailer", "retailers", "unit", "units",
      "tabloid", "tabloids", "miner", "miners", "manufacturer", "manufacturers", "conglomerate",
      "conglomerates", "concern", "concerns", "chain", "chains"};
  return kKinds.count(w) != 0 || is_maker_compound(w);
}

// Whether the words after a name describe it as an organisation: ", a Boston-based maker of
// robots", ", the country's largest bank." -- a comma, "a", "an" or "the", then at most six
// words, the last of them a kind of organisation that ends the phrase (before "of", "that",
// "which", "in", "based", "with", "for", "from", "whose" or a punctuation mark). "X, a bank
// clerk" and "X, the group's chairman" end in a person's work, so they are not.
bool described_as_organisation(std::string_view text, size_t name_end) {
  size_t comma = name_end;
  while (comma < text.size() && text[comma] == ' ') ++comma;
  if (comma >= text.size() || text[comma] != ',') return false;  // most names: no list built
  const std::vector<Word> after = words_in(text, name_end, std::min(text.size(), name_end + 120));
  if (after.size() < 3 || after[0].begin > name_end + 1 || word_text(text, after[0]) != ",") return false;
  const std::string_view article = word_text(text, after[1]);
  if (article != "a" && article != "an" && article != "the") return false;
  // The window may cut its last word ("groupie" read as "group"): that one ends the phrase
  // only where the text ends.
  const size_t window_end = std::min(text.size(), name_end + 120);
  for (size_t i = 2; i < after.size() && i < 8; ++i) {  // at most six words after the article
    if (i + 1 == after.size() && after[i].end == window_end && window_end < text.size() &&
        !is_ascii_space(text[window_end])) {
      return false;
    }
    std::string_view w = word_text(text, after[i]);
    bool punctuation_after = false;
    while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ';' || w.back() == ':')) {
      w.remove_suffix(1);
      punctuation_after = true;
    }
    if (w.empty()) return false;  // a free-standing mark (space-joined text) ended the phrase
    std::string_view next;
    if (!punctuation_after && i + 1 < after.size()) next = word_text(text, after[i + 1]);
    const bool phrase_ends = punctuation_after || i + 1 == after.size() || next == "," || next == "." ||
                             next == "of" || next == "that" || next == "which" || next == "in" ||
                             next == "based" || next == "with" || next == "for" || next == "from" ||
                             next == "whose";
    if (phrase_ends) return is_organisation_kind(w);
  }
  return false;
}

// Whether the name at text[begin, end) is what a company lists on, an exchange: "listed on the
// Nasdaq", "listed on Nasdaq", "listed on the Nasdaq, where ..."; not an exchange's town:
// "listed on the Warsaw bourse", "on Frankfurt's main market", "on the Frankfurt and Paris
// exchanges", "on the Frankfurt, Paris and London exchanges".
bool listed_on(std::string_view text, size_t begin, size_t end) {
  std::string_view w = word_before(text, begin);
  if (w.empty()) return false;
  size_t at = begin - w.size() - 1;
  if (w == "the") {
    w = word_before(text, at);
    if (w.empty()) return false;
    at -= w.size() + 1;
  }
  if (w != "on" || word_before(text, at) != "listed") return false;
  if (end >= text.size()) return true;
  const char c = text[end];
  if (c == '\'' || text.compare(end, 3, "\xE2\x80\x99") == 0) return false;  // a possessive: its town
  if (c != ' ' && c != ',') return true;  // ".", ";", ")": the name ends the phrase
  const std::vector<Word> after = words_in(text, end + 1, std::min(text.size(), end + 32));
  if (after.empty()) return true;
  std::string next = to_lower(word_text(text, after.front()));
  // After a comma, another capitalised name is a list of towns.
  if (c == ',') return after.front().begin != end + 2 || !is_capitalised_word(word_text(text, after.front()));
  while (!next.empty() && (next.back() == '.' || next.back() == ',' || next.back() == ';')) next.pop_back();
  static const std::set<std::string, std::less<>> kMarketsOrLists = {
      "bourse", "bourses", "exchange", "exchanges", "market", "markets", "stock", "stocks",
      "board", "boards", "index", "indexes", "indices", "and", "or", "&"};
  return kMarketsOrLists.count(next) == 0;
}

// Polish nouns for a kind of organisation, in the case forms a name follows in apposition
// ("spółka Agora", "kwartetem Hilliard", "partii Batasuna"). In NKJP train a capitalised
// word after firm-, spółk-, spółc-, koncern-, agencj- is an organisation's name 148 times and a
// person's 4; after biur- and wytwórni- (NKJP train and BSNLP 2019: "biuro Kreska", "biurze
// Amnesty") 13 times in 13, the locative "biurze" too (an office is the firm, not a venue);
// after klub-, zespoł-, grup-, parti- more often a person's, in the genitive ("zespół Trumpa":
// his team), which the caller rules out. Not the locatives of places one is in ("w klubie
// Rampa" is a venue, "pracuje w banku" may end an unpunctuated sentence), nor "fundacji" (a
// church "fundacji Gaszynów": founded by them).
bool is_polish_organisation_kind(std::string_view w) {
  static const std::set<std::string, std::less<>> kKinds = {
      "firma", "firmy", "firmie", "firmę", "firmą", "firm", "firmom", "firmami", "firmach",
      "spółka", "spółki", "spółce", "spółkę", "spółką", "spółek", "spółkom", "spółkami", "spółkach",
      "koncern", "koncernu", "koncernowi", "koncernem", "koncernie", "koncerny", "koncernów", "koncernami", "koncernach",
      "agencja", "agencji", "agencję", "agencją", "agencje", "agencjami", "konsorcjum", "konsorcjach",
      "tygodnik", "tygodnika", "tygodnikowi", "tygodnikiem", "tygodniku",
      "dziennik", "dziennika", "dziennikowi", "dziennikiem", "dzienniku",
      "zespół", "zespołu", "zespołem", "zespole", "zespołami", "grupa", "grupy", "grupie", "grupę", "grupą",
      "klub", "klubu", "klubem", "klubowi", "partia", "partii", "partię", "partią",
      "fundacja", "fundację", "fundacją", "bank", "bankiem", "telewizja", "telewizji", "telewizję",
      "radio", "radia", "radiu", "wydawnictwo", "wydawnictwa", "wydawnictwie", "wydawnictwem",
      "zakłady", "zakładów", "zakładach", "zakładami", "chór", "chóru", "chórem",
      "kwartet", "kwartetu", "kwartetem", "orkiestra", "orkiestry", "orkiestrą",
      "drużyna", "drużyny", "drużynie", "drużyną", "kapela", "kapeli", "kapelą",
      "biuro", "biura", "biuru", "biurem", "biurze", "wytwórnia", "wytwórni", "wytwórnię", "wytwórnią"};
  return kKinds.count(w) != 0;
}

// The Polish half of org_by_description: one-word names after a kind, written as their own
// base form (apposition keeps the nominative; a possessor is in the genitive).
bool polish_org_by_kind(Document& doc, const Lexicon* lexicon) {
  if (lexicon == nullptr) return false;
  const std::string_view text = doc.text;
  const auto movable = [](const Entity& e) {
    return e.origin == Origin::Model && (e.label == "PER" || e.label == "LOC");
  };
  std::set<std::string_view> organisations;
  for (const Entity& e : doc.entities) {
    const std::string_view written = text.substr(e.begin_byte, e.end_byte - e.begin_byte);
    if (!movable(e) || std::any_of(written.begin(), written.end(), is_ascii_space)) continue;
    if (!is_polish_organisation_kind(word_before(text, e.begin_byte))) continue;
    if (base_form(written, "PER", "pl", lexicon) == written) organisations.insert(written);
  }
  bool changed = false;
  for (Entity& e : doc.entities) {
    if (!movable(e) || organisations.count(text.substr(e.begin_byte, e.end_byte - e.begin_byte)) == 0) continue;
    e.label = "ORG";
    changed = true;
  }
  return changed;
}

}  // namespace

bool org_by_description(Document& doc, const Lexicon* lexicon) {
  if (doc.lang == "pl") return polish_org_by_kind(doc, lexicon);
  if (doc.lang != "en") return false;
  const std::string_view text = doc.text;
  const auto movable = [](const Entity& e) {
    return e.origin == Origin::Model && (e.label == "PER" || e.label == "LOC" || e.label == "MISC");
  };
  // The names the text itself calls organisations.
  std::set<std::string_view> organisations;
  for (const Entity& e : doc.entities) {
    if (!movable(e) && !(e.origin == Origin::Model && e.label == "ORG")) continue;
    if (is_organisation_kind(word_before(text, e.begin_byte)) || described_as_organisation(text, e.end_byte) ||
        listed_on(text, e.begin_byte, e.end_byte)) {
      organisations.insert(text.substr(e.begin_byte, e.end_byte - e.begin_byte));
    }
  }
  if (organisations.empty()) return false;
  // A one-word person that is the first word of such a name is its short form ("Brightwater's
  // closing price"), unless it is a word of a person's name ("Morgan" of "Piers Morgan").
  std::set<std::string_view> first_words;
  for (std::string_view name : organisations) {
    const size_t space = name.find(' ');
    if (space != std::string_view::npos) first_words.insert(name.substr(0, space));
  }
  for (const Entity& e : doc.entities) {
    if (e.origin != Origin::Model || e.label != "PER") continue;
    if (organisations.count(text.substr(e.begin_byte, e.end_byte - e.begin_byte)) != 0) continue;
    const std::vector<Word> words = words_in(text, e.begin_byte, e.end_byte);
    if (words.size() < 2) continue;
    for (const Word& w : words) first_words.erase(word_text(text, w));
  }
  bool changed = false;
  for (Entity& e : doc.entities) {
    if (!movable(e)) continue;
    const std::string_view written = text.substr(e.begin_byte, e.end_byte - e.begin_byte);
    if (organisations.count(written) == 0 && !(e.label == "PER" && first_words.count(written) != 0)) continue;
    e.label = "ORG";
    changed = true;
  }
  return changed;
}

bool org_by_shared_words(Document& doc) {
  if (doc.lang != "en") return false;
  const std::string_view text = doc.text;
  struct Name {
    std::string_view last;  // its last word: "Robotics"
    std::string lower;      // the name in lower case: "amazon robotics" ("wall Street" is "Wall Street")
    size_t entity;
  };
  const auto capitalised_word = [](std::string_view w) { return is_title_case_word(to_codepoints(w), 3); };
  std::vector<Name> names;
  std::set<std::string_view> firm_first_words, person_words;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    if (e.status == ReviewStatus::Rejected || !is_name_label(e.label)) continue;
    const std::string_view written = text.substr(e.begin_byte, e.end_byte - e.begin_byte);
    if (std::none_of(written.begin(), written.end(), is_ascii_space)) continue;  // one word: most names
    const std::vector<Word> words = words_in(text, e.begin_byte, e.end_byte);
    if (e.label == "PER") {
      for (const Word& w : words) person_words.insert(word_text(text, w));
    } else if (e.label == "ORG" && words.size() >= 2 && word_text(text, words[0]) != "The" &&
               capitalised_word(word_text(text, words[0]))) {
      firm_first_words.insert(word_text(text, words[0]));
    }
    if (words.size() < 2 || word_text(text, words[words.size() - 2]) == "of") continue;
    const std::string_view last = word_text(text, words.back());
    if (capitalised_word(last)) names.push_back({last, to_lower(written), i});
  }
  std::vector<size_t> firms;
  // A one-word person that is a firm's first word is that firm's short name ("Corvane" beside
  // "Corvane Therapeutics"), unless it is a word of a person's name ("Dole" of "Bob Dole").
  for (const std::string_view w : person_words) firm_first_words.erase(w);
  for (size_t i = 0; i < doc.entities.size() && !firm_first_words.empty(); ++i) {
    const Entity& e = doc.entities[i];
    if (e.origin == Origin::Model && e.label == "PER" &&
        firm_first_words.count(text.substr(e.begin_byte, e.end_byte - e.begin_byte)) != 0) {
      firms.push_back(i);
    }
  }
  std::sort(names.begin(), names.end(), [](const Name& a, const Name& b) { return a.last < b.last; });
  const auto ends_in = [](std::string_view name, std::string_view tail) {
    return name.size() > tail.size() && name.substr(name.size() - tail.size()) == tail &&
           name[name.size() - tail.size() - 1] == ' ';
  };
  for (size_t from = 0; from < names.size();) {
    size_t to = from + 1;
    while (to < names.size() && names[to].last == names[from].last) ++to;
    for (size_t c = from; c < to && to - from >= 2; ++c) {
      const Entity& e = doc.entities[names[c].entity];
      if (e.origin != Origin::Model || (e.label != "PER" && e.label != "LOC" && e.label != "MISC")) continue;
      bool firm_seen = false, other_seen = false;
      for (size_t o = from; o < to; ++o) {
        const std::string& other = names[o].lower;
        if (other == names[c].lower || ends_in(other, names[c].lower) || ends_in(names[c].lower, other)) continue;
        (doc.entities[names[o].entity].label == "ORG" ? firm_seen : other_seen) = true;
      }
      if (firm_seen && !other_seen) firms.push_back(names[c].entity);
    }
    from = to;
  }
  for (size_t i : firms) doc.entities[i].label = "ORG";
  return !firms.empty();
}

namespace {

// The end of word text[begin, end) without the punctuation after it ("Geek+," -> "Geek+"):
// letters, digits, a firm's "+" and "&" stay.
size_t end_without_punctuation(std::string_view text, size_t begin, size_t end) {
  // A firm's abbreviation keeps its dot ("Apple Inc." of "the company Apple Inc. said").
  const std::string_view w = text.substr(begin, end - begin);
  for (std::string_view abbreviation : {"Inc.", "Corp.", "Co.", "Ltd.", "Bros.", "Cos."}) {
    if (w == abbreviation || (w.size() == abbreviation.size() + 1 && w.substr(0, abbreviation.size()) == abbreviation)) {
      return begin + abbreviation.size();
    }
  }
  while (end > begin) {
    size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t len = 0;
    const char32_t c = decode_utf8(text, start, &len);
    if (is_letter(c) || is_mark(c) || (c >= U'0' && c <= U'9') || c == U'+' || c == U'&') break;
    end = start;
  }
  return end;
}

}  // namespace

bool tag_firms_after_kind(Document& doc) {
  if (doc.lang != "en") return false;
  const std::string_view text = doc.text;
  const auto held = [&](size_t begin, size_t end) {
    return std::any_of(doc.entities.begin(), doc.entities.end(), [&](const Entity& e) {
      // Inside an entity, or right before one: "company Chairman Bill Gates" is a title.
      return (e.begin_byte < end && e.end_byte > begin) || e.begin_byte == end + 1;
    });
  };
  std::vector<Entity> found;
  for (size_t at = 2; at < text.size(); ++at) {
    if (text[at - 1] != ' ') continue;
    size_t len = 0;
    if (!is_upper(decode_utf8(text, at, &len)) || !is_organisation_kind(word_before(text, at))) continue;
    const size_t window_end = std::min(text.size(), at + 160);
    const std::vector<Word> after = words_in(text, at, window_end);
    size_t end = at;
    for (size_t i = 0; i < after.size() && i < 4; ++i) {
      if (i > 0 && (after[i].begin != after[i - 1].end + 1 || text[after[i - 1].end] != ' ')) break;  // one space
      if (after[i].end == window_end && window_end < text.size()) break;  // a word the window cut
      const size_t word_end = end_without_punctuation(text, after[i].begin, after[i].end);
      const std::string_view w = text.substr(after[i].begin, word_end - after[i].begin);
      if (to_codepoints(w).size() < 2 || !is_capitalised_word(w)) break;  // "group C", "firm IBM"
      end = word_end;
      // A punctuation mark ends the name, and so does a firm's abbreviation ("Inc." may end the
      // sentence too).
      if (word_end != after[i].end || text[word_end - 1] == '.') break;
    }
    if (end == at || held(at, end)) continue;
    found.push_back(unsure_entity(at, end, "ORG"));
    at = end;
  }
  for (Entity& e : found) doc.entities.push_back(std::move(e));
  return !found.empty();
}

bool drop_leading_kind_words(Document& doc) {
  if (doc.lang != "en") return false;
  // Not "company", "firm", "lender" or "airline": "Firm Foundation Trust", "Lender Processing
  // Services", "Airline Pilots Association" begin with them.
  static const std::set<std::string, std::less<>> kLeadingKinds = {"retailer", "manufacturer", "conglomerate",
                                                                   "insurer"};
  const std::string_view text = doc.text;
  bool changed = false;
  for (Entity& e : doc.entities) {
    if (e.origin != Origin::Model || !is_name_label(e.label)) continue;
    const std::vector<Word> words = words_in(text, e.begin_byte, e.end_byte);
    if (words.size() < 2 || words[0].begin != e.begin_byte) continue;
    const std::string_view first = word_text(text, words[0]);
    // A capital, then lower case only ("GameMaker" is a name's own word).
    if (!is_title_case_word(to_codepoints(first), 4) || !starts_line_or_sentence(text, e.begin_byte)) continue;
    const std::string lower = to_lower(first);
    if (kLeadingKinds.count(lower) == 0 && !is_maker_compound(lower)) continue;
    size_t len = 0;
    if (!is_upper(decode_utf8(text, words[1].begin, &len))) continue;
    e.begin_byte = words[1].begin;
    e.label = "ORG";
    changed = true;
  }
  return changed;
}

namespace {

struct Span {
  size_t begin = 0;  // byte span in the document text
  size_t end = 0;
  bool before_a_word = false;  // list_of_names: the list may be a phrase's first words ("Polish banks")
};

// Lower-case words that may follow the last name of a list ("customers include Tesco in
// Britain", "kieruje Budimex z Warszawy"); any other lower-case word may make the list the
// first words of a longer phrase ("Polish and German banks").
bool may_follow_a_list(std::string_view w) {
  static const std::set<std::string, std::less<>> kWords = {
      "in", "at", "for", "from", "to", "on", "with", "which", "that", "who", "as", "but",
      "w", "we", "z", "ze", "na", "do", "od", "dla", "który", "która", "które", "że", "a"};
  return kWords.count(w) != 0;
}

// Titles before a person's name: a list that reaches one is a list of people.
bool is_person_title(std::string_view w) {
  return is_abbreviation(w, {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady", "sen", "rep", "gov",
                             "pan", "pani", "państwo"});
}

// The names of a list that starts at text[at...): "Walmart, Target and Ahold Delhaize",
// "ABB oraz Schneider Electric", "the Walt Disney Co", "Walmart , Target" (space-joined corpus
// text). Each is a run of words that start with a capital ("of" and "&" inside one: "Bank of
// America", "Procter & Gamble"; "the" before one skipped; "m.in." before the first), and the
// runs are joined by a comma, "and", "or", "i" or "oraz". A punctuation mark other than a comma
// ends the list, and so does a firm's "Inc." or "Co." before a capital (a new sentence); a
// title ("Mr", "Dr", "pan") ends it without its run. A lower-case word that no name may be
// followed by (may_follow_a_list) ends it too, and then every run is `before_a_word` ("Polish
// and German banks" may be a phrase, and only the model can tell), or only the last where "the"
// opened it ("and the Dutch company Vantra"). At most eight names.
std::vector<Span> list_of_names(std::string_view text, size_t at) {
  const size_t window_end = std::min(text.size(), at + 320);
  const std::vector<Word> words = words_in(text, at, window_end);
  const auto is_separator = [](std::string_view w) { return w == "or" || is_conjunction(w); };
  std::vector<Span> names;
  bool phrase_follows = false;
  size_t i = 0;
  if (i < words.size() && (word_text(text, words[i]) == "m.in." || word_text(text, words[i]) == "in.")) ++i;
  bool after_the = false;  // "the" came before the last run
  while (i < words.size() && names.size() < 8) {
    after_the = word_text(text, words[i]) == "the";
    if (after_the) ++i;
    if (i < words.size() && is_person_title(word_text(text, words[i]))) break;
    Span run{std::string_view::npos, std::string_view::npos};
    char mark = 0;  // the punctuation mark that ended the run, if one did
    for (; i < words.size(); ++i) {
      if (words[i].end == window_end && window_end < text.size()) return names;  // a word the window cut
      const size_t end = end_without_punctuation(text, words[i].begin, words[i].end);
      const std::string_view w = text.substr(words[i].begin, end - words[i].begin);
      const bool inner = run.begin != std::string_view::npos && (w == "of" || w == "&") && end == words[i].end &&
                         i + 1 < words.size() && is_upper(first_codepoint(word_text(text, words[i + 1])));
      if (!inner && !is_upper(first_codepoint(w))) break;
      if (run.begin == std::string_view::npos) run.begin = words[i].begin;
      run.end = end;
      if (end != words[i].end || w.back() == '.') {  // "Walmart," or "Inc." ends the run
        mark = end != words[i].end ? text[end] : '.';
        ++i;
        break;
      }
    }
    if (run.begin == std::string_view::npos) break;
    // A free-standing mark (space-joined text: "Walmart , Target") ends the run as well.
    if (mark == 0 && i < words.size()) {
      const std::string_view next = word_text(text, words[i]);
      if (next == "," || next == "." || next == ";" || next == ":") {
        mark = next[0];
        ++i;
      }
    }
    if (mark != 0) {
      names.push_back(run);
      if (i < words.size() && is_separator(word_text(text, words[i]))) {
        ++i;  // ", and"; "Inc. and"
        continue;
      }
      if (mark == ',') continue;
      break;
    }
    if (i == words.size()) {
      if (window_end == text.size()) names.push_back(run);
      break;
    }
    const std::string_view next = word_text(text, words[i]);
    if (is_separator(next)) {
      names.push_back(run);
      ++i;
      continue;
    }
    if (next == "'s" || next == "\u2019s") break;  // the owner of what follows (space-joined text)
    names.push_back(run);
    phrase_follows = !may_follow_a_list(next);
    break;
  }
  // "Polish and German banks": the noun may be every run's. "Okto, Paylode and the Dutch
  // company Vantra": only the last run's.
  if (phrase_follows && after_the) names.back().before_a_word = true;
  else if (phrase_follows) for (Span& n : names) n.before_a_word = true;
  return names;
}

// Whether text[begin, end) is a whole word: a space, a line's start or the text's start
// before it, and a space or a comma after it.
bool is_whole_word_at(std::string_view text, size_t begin, size_t end) {
  return (begin == 0 || is_ascii_space(text[begin - 1])) && end < text.size() &&
         (is_ascii_space(text[end]) || text[end] == ',');
}

// Every whole-word occurrence of `word` in `text`, written in lower case or with its first
// letter capitalised (an ASCII word): "customers", "Customers".
template <typename F>
void for_each_word(std::string_view text, std::string_view word, F&& f) {
  std::string capitalised(word);
  capitalised[0] = static_cast<char>(capitalised[0] - 'a' + 'A');
  for (std::string_view form : {word, std::string_view(capitalised)}) {
    for (size_t at = text.find(form); at != std::string_view::npos; at = text.find(form, at + 1)) {
      if (is_whole_word_at(text, at, at + form.size())) f(at, at + form.size());
    }
  }
}

// Where English lists of firms start: after what a firm has -- "customers" or "suppliers"
// (not a person's: "his", "her", "my", "your" before), or "clients", "rivals" and
// "competitors" that "its" or a possessive owns ("its", "Siemens' rivals", "the firm's
// clients"; a person's clients and rivals are people) -- with "include(s/d)", "including",
// "such as" or "like" (a comma before "including" or "such as" allowed); and after
// "consortium led by", "consortium of", "consortium including".
std::vector<size_t> english_firm_list_starts(std::string_view text) {
  std::vector<size_t> starts;
  const auto after_words = [&](size_t pos, std::initializer_list<std::string_view> phrase) -> size_t {
    for (std::string_view w : phrase) {
      if (pos >= text.size() || text[pos] != ' ' || text.compare(pos + 1, w.size(), w) != 0) return 0;
      pos += 1 + w.size();
    }
    return pos < text.size() && text[pos] == ' ' ? pos + 1 : 0;
  };
  const auto connector_end = [&](size_t pos) -> size_t {
    const size_t comma = pos < text.size() && text[pos] == ',' ? pos + 1 : pos;
    if (size_t at = after_words(comma, {"including"})) return at;
    if (size_t at = after_words(comma, {"such", "as"})) return at;
    if (comma != pos) return 0;
    for (std::string_view w : {"include", "includes", "included", "like"}) {
      if (size_t at = after_words(pos, {w})) return at;
    }
    return 0;
  };
  const auto is_possessive = [](std::string_view w) {
    return w == "its" || (w.size() > 1 && w.back() == '\'') || (w.size() > 2 && w.substr(w.size() - 2) == "'s") ||
           (w.size() > 4 && w.substr(w.size() - 4) == "\u2019s");
  };
  const auto owned_by_person = [](std::string_view w) { return w == "his" || w == "her" || w == "my" || w == "your"; };
  for (std::string_view noun : {"customers", "suppliers", "clients", "rivals", "competitors"}) {
    const bool firms_only = noun == "clients" || noun == "rivals" || noun == "competitors";
    for_each_word(text, noun, [&](size_t at, size_t end) {
      // The owner: the word before, or the one before an adjective ("its biggest customers").
      const std::string_view before = word_before(text, at);
      const std::string owner = to_lower(before);  // "Its customers"
      const std::string owner2 = before.empty() ? "" : to_lower(word_before(text, at - before.size() - 1));
      if (owned_by_person(owner) || owned_by_person(owner2)) return;
      if (firms_only && !is_possessive(owner) && !is_possessive(owner2)) return;
      if (const size_t list = connector_end(end)) starts.push_back(list);
    });
  }
  for_each_word(text, "consortium", [&](size_t, size_t end) {
    for (size_t list : {after_words(end, {"led", "by"}), after_words(end, {"of"}), after_words(end, {"including"})}) {
      if (list != 0) starts.push_back(list);
    }
  });
  return starts;
}

// Where Polish lists of a consortium's firms start: "konsorcjum, którym kieruje X",
// "konsorcjum kierowane przez X", "konsorcjum firm (spółek) X i Y", "liderem konsorcjum jest
// X", "lider konsorcjum, X", "w skład konsorcjum wchodzą X i Y".
std::vector<size_t> polish_firm_list_starts(std::string_view text) {
  static const std::set<std::string, std::less<>> kLeads = {"kieruje", "kierował", "kierowała", "kierowało",
                                                            "przewodzi", "przewodził", "przewodziła"};
  static const std::set<std::string, std::less<>> kLed = {"kierowane", "kierowanego", "kierowanemu", "kierowanym"};
  static const std::set<std::string, std::less<>> kIs = {"jest", "został", "zostanie", "będzie", "był", "była"};
  static const std::set<std::string, std::less<>> kEnter = {"wchodzą", "wchodzi", "weszły", "weszli", "wejdą"};
  std::vector<size_t> starts;
  for (std::string_view stem : {"konsorcj", "Konsorcj"}) {
    for (size_t at = text.find(stem); at != std::string_view::npos; at = text.find(stem, at + 1)) {
      if (at > 0 && !is_ascii_space(text[at - 1])) continue;
      const std::vector<Word> after = words_in(text, at, std::min(text.size(), at + 80));
      if (after.size() < 2) continue;
      const std::string_view noun = word_text(text, after[0]);
      const std::string before = to_lower(word_before(text, at));
      const auto word = [&](size_t i) { return i < after.size() ? word_text(text, after[i]) : std::string_view(); };
      size_t list = 0;  // index in `after` of the list's first word
      if (noun.back() == ',' && (word(1) == "którym" || word(1) == "któremu") && kLeads.count(word(2)) != 0) list = 3;
      else if (kLed.count(word(1)) != 0 && word(2) == "przez") list = 3;
      else if (word(1) == "firm" || word(1) == "spółek") list = 2;
      else if (before == "liderem" && kIs.count(word(1)) != 0) list = 2;
      else if (before == "lider") list = 1;
      else if (before == "skład" && kEnter.count(word(1)) != 0) list = 2;
      if (list != 0 && list < after.size()) starts.push_back(after[list].begin);
    }
  }
  return starts;
}

}  // namespace

bool tag_firm_lists(Document& doc) {
  if (doc.lang != "en" && doc.lang != "pl") return false;
  const std::string_view text = doc.text;
  std::vector<size_t> starts = doc.lang == "en" ? english_firm_list_starts(text) : polish_firm_list_starts(text);
  if (starts.empty()) return false;  // most documents
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  // What the model was sure of stays: a person it read with 0.9 or more, a place or a MISC with
  // `kUnsureBelow` or more ("its customers include Poland and Ukraine": customers they are).
  constexpr float kSureOfIt = 0.9f;
  const auto movable = [](const Entity& e) {
    if (e.origin != Origin::Model) return false;
    if (e.label == "PER") return e.confidence < kSureOfIt;
    if (e.label == "LOC" || e.label == "MISC") return e.confidence < kUnsureBelow;
    return false;
  };
  std::set<std::string_view> firms;  // written forms
  std::vector<Entity> found;
  bool changed = false;
  for (size_t start : starts) {
    const std::vector<Span> names = list_of_names(text, start);
    if (names.empty()) continue;
    // The entities over the list (sorted by start: the caller sorted them).
    const auto near = [&] {
      auto from = std::lower_bound(doc.entities.begin(), doc.entities.end(), names.front().begin,
                                   [](const Entity& e, size_t pos) { return e.begin_byte < pos; });
      while (from != doc.entities.begin() && std::prev(from)->end_byte > names.front().begin) --from;
      auto to = from;
      while (to != doc.entities.end() && to->begin_byte < names.back().end) ++to;
      return std::make_pair(from, to);
    }();
    const size_t found_before = found.size();
    // One model name over several of the list's names ("Harrowgate, Lindqvist Freight and
    // Bramble & Rowe", "Corran Capital and Holloway Partners"): the names, each its own. Not a
    // name of single words joined by "and" ("Procter and Gamble") and not one that ends in a
    // firm's "Co" or "Sons" ("Goldman, Sachs and Co").
    for (auto e = near.first; e != near.second; ++e) {
      if (e->origin != Origin::Model || (e->label != "ORG" && !movable(*e))) continue;
      const auto first = std::find_if(names.begin(), names.end(), [&](const Span& n) { return n.begin == e->begin_byte; });
      const auto last = std::find_if(names.begin(), names.end(), [&](const Span& n) { return n.end == e->end_byte; });
      if (first == names.end() || last == names.end() || last <= first) continue;
      const std::string_view tail = text.substr(last->begin, last->end - last->begin);
      if (tail == "Co" || tail == "Co." || tail == "Company" || tail == "Sons") continue;
      const std::string_view whole = text.substr(e->begin_byte, e->end_byte - e->begin_byte);
      const bool one_word_each = std::all_of(first, last + 1, [&](const Span& n) {
        return text.substr(n.begin, n.end - n.begin).find(' ') == std::string_view::npos;
      });
      if (one_word_each && whole.find(',') == std::string_view::npos) continue;
      for (auto n = first + 1; n <= last; ++n) found.push_back(part_of(*e, n->begin, n->end));
      e->end_byte = first->end;
    }
    for (const Span& name : names) {
      bool overlapped = false;
      for (auto e = near.first; e != near.second; ++e) {
        if (e->end_byte <= name.begin || e->begin_byte >= name.end) continue;
        overlapped = true;
        if (e->begin_byte != name.begin || e->end_byte != name.end || !is_name_label(e->label)) continue;
        // Where a phrase may go on, only what the model took for a person or a firm ("Polish" is MISC).
        if (name.before_a_word && (e->label == "MISC" || e->label == "LOC")) continue;
        if (e->label != "ORG" && !movable(*e)) continue;
        firms.insert(text.substr(name.begin, name.end - name.begin));
        if (e->label != "ORG") {
          e->label = "ORG";
          changed = true;
        }
      }
      for (size_t k = found_before; k < found.size(); ++k) {
        overlapped |= found[k].begin_byte < name.end && found[k].end_byte > name.begin;
      }
      if (!overlapped && !name.before_a_word) found.push_back(unsure_entity(name.begin, name.end, "ORG"));
    }
  }
  for (Entity& e : found) {
    firms.insert(text.substr(e.begin_byte, e.end_byte - e.begin_byte));
    e.label = "ORG";
  }
  // Their other mentions, written the same way, are the same firms.
  for (Entity& e : doc.entities) {
    if (!movable(e) || firms.count(text.substr(e.begin_byte, e.end_byte - e.begin_byte)) == 0) continue;
    e.label = "ORG";
    changed = true;
  }
  for (Entity& e : found) doc.entities.push_back(std::move(e));
  return changed || !found.empty();
}

namespace {

// Whether a Polish place name begins with a word for a street or a square ("ul. Chopina",
// "al. Jana Pawła II", "placu Wolności"): its name goes on over a king's numeral too.
bool is_street_name(std::string_view text, const Entity& e) {
  const std::vector<Word> words = words_in(text, e.begin_byte, e.end_byte);
  if (words.size() < 2) return false;
  return is_abbreviation(word_text(text, words.front()),
                         {"ul", "al", "pl", "os", "ulica", "ulicy", "ulicę", "ulicą", "aleja", "alei", "aleję",
                          "aleją", "plac", "placu", "placem", "osiedle", "osiedla", "osiedlu"});
}

bool is_roman_numeral(std::string_view w) {
  return !w.empty() && w.size() <= 5 && std::all_of(w.begin(), w.end(), [](char c) {
    return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
  });
}

}  // namespace

bool extend_org_names(Document& doc) {
  if (doc.lang != "pl") return false;
  const std::string_view text = doc.text;
  bool changed = false;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    Entity& e = doc.entities[i];
    if (e.origin != Origin::Model) continue;
    const bool street = e.label == "LOC" && is_street_name(text, e);
    if (e.label != "ORG" && !street) continue;
    // The next entity's start (the entities are sorted): the name may not reach it.
    size_t limit = text.size();
    for (size_t j = i + 1; j < doc.entities.size(); ++j) {
      if (doc.entities[j].begin_byte >= e.end_byte) { limit = doc.entities[j].begin_byte; break; }
    }
    size_t end = e.end_byte;
    while (end + 1 < limit && text[end] == ' ') {
      size_t w = end + 1, len = 0;
      if (!is_upper(decode_utf8(text, w, &len))) break;
      // The word: letters, digits and inner hyphens, up to a space or a punctuation mark.
      size_t k = w;
      bool lower = false;
      while (k < limit) {
        const char32_t cp = decode_utf8(text, k, &len);
        if (!(is_letter(cp) || is_mark(cp) || (cp >= '0' && cp <= '9') || cp == '-')) break;
        lower = lower || is_lower(cp);
        k += len;
      }
      // Not a word in capitals (a shouted line, a Roman numeral; but "ul. Władysława IV"), not
      // one cut by the next entity, not one ending in a hyphen.
      const bool numeral = street && is_roman_numeral(text.substr(w, k - w));
      if ((!lower && !numeral) || text[k - 1] == '-' || (k == limit && k < text.size() && text[k] != ' ')) break;
      end = k;
      if (k < text.size() && text[k] != ' ') break;  // a punctuation mark ends the name
    }
    if (end == e.end_byte) continue;
    e.end_byte = end;
    changed = true;
  }
  return changed;
}

bool places_not_persons(Document& doc, const Lexicon* lexicon) {
  if (doc.lang != "pl" || lexicon == nullptr) return false;
  const std::string_view text = doc.text;
  // The last words of persons named with two words or more: surnames, which a town may share.
  std::set<std::string_view> surnames;
  for (const Entity& e : doc.entities) {
    if (e.label != "PER") continue;
    const std::vector<Word> words = words_in(text, e.begin_byte, e.end_byte);
    if (words.size() >= 2) surnames.insert(word_text(text, words.back()));
  }
  // Whether entities a and b (a before b) are listed together: "a i b", "a, b", "a oraz b".
  const auto listed = [&](const Entity& a, const Entity& b) {
    if (a.end_byte >= b.begin_byte) return false;
    const std::string_view gap = text.substr(a.end_byte, b.begin_byte - a.end_byte);
    for (std::string_view c : {" i ", ", ", " oraz ", " lub ", " albo ", " czy "}) {
      if (gap == c) return true;
    }
    return false;
  };
  bool changed = false;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    Entity& e = doc.entities[i];
    if (e.origin != Origin::Model || e.label != "PER" || e.confidence >= kUnsureBelow) continue;
    const std::string_view word = text.substr(e.begin_byte, e.end_byte - e.begin_byte);
    if (word.find(' ') != std::string_view::npos || surnames.count(word)) continue;
    const bool beside_place = (i > 0 && doc.entities[i - 1].label == "LOC" && listed(doc.entities[i - 1], e)) ||
                              (i + 1 < doc.entities.size() && doc.entities[i + 1].label == "LOC" &&
                               listed(e, doc.entities[i + 1]));
    const std::string place = polish_place_of(word, *lexicon);
    if (place.empty() || (!beside_place && place != word)) continue;
    e.label = "LOC";
    changed = true;
  }
  return changed;
}

bool people_not_places(Document& doc, const Lexicon* lexicon) {
  if (doc.lang != "pl" || lexicon == nullptr) return false;
  const std::string_view text = doc.text;
  bool changed = false;
  for (Entity& e : doc.entities) {
    if (e.origin != Origin::Model || (e.label != "LOC" && e.label != "PER")) continue;
    const std::string_view written = text.substr(e.begin_byte, e.end_byte - e.begin_byte);
    bool plural = false;
    if (polish_people_word(written, &plural).empty()) continue;
    // A person's name may look so in the singular ("Polak", "Kowalczyk"); people in the plural.
    if (e.label == "PER" && !plural) continue;
    if (polish_people_place(written, *lexicon).empty()) continue;
    e.label = "NORP";
    e.subtype.clear();
    changed = true;
  }
  return changed;
}

bool drop_bare_titles(Document& doc) {
  if (doc.lang != "pl") return false;
  const std::string_view text = doc.text;
  std::vector<uint8_t> drop(doc.entities.size(), 0);
  bool changed = false;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    Entity& e = doc.entities[i];
    if (e.origin != Origin::Model || e.label != "PER") continue;
    std::string word;  // the span without spaces ("św ." of space-joined text too)
    for (const Word& w : words_in(text, e.begin_byte, e.end_byte)) word += word_text(text, w);
    if (!is_abbreviation(word, {"św", "bł"})) continue;
    drop[i] = 1;
    changed = true;
    // "św." + "Paweł": the saint is one person.
    if (i + 1 < doc.entities.size()) {
      Entity& next = doc.entities[i + 1];
      if (next.label == "PER" && next.origin == Origin::Model && next.begin_byte >= e.end_byte &&
          words_in(text, e.end_byte, next.begin_byte).empty()) {
        next.begin_byte = e.begin_byte;
      }
    }
  }
  if (changed) drop_marked(doc, drop);
  return changed;
}

bool join_dedications(Document& doc) {
  if (doc.lang != "pl") return false;
  const std::string_view text = doc.text;
  // Words that put a person's name after a place's or a body's: "kościół św. Jakuba",
  // "Szpital im. Jana Pawła II", "parafia pw. św. Franciszka".
  const auto is_dedication = [](std::string_view w) { return is_abbreviation(w, {"św", "bł", "im", "pw"}); };
  // The last word of [b, e), a lone "." after it skipped (space-joined text: "św .").
  const auto last_word = [&](size_t b, size_t e) -> std::string_view {
    std::vector<Word> words = words_in(text, b, e);
    if (words.size() >= 2 && word_text(text, words.back()) == ".") words.pop_back();
    return words.empty() ? std::string_view() : word_text(text, words.back());
  };
  std::vector<uint8_t> drop(doc.entities.size(), 0);
  bool changed = false;
  for (size_t i = 0; i + 1 < doc.entities.size(); ++i) {
    Entity& e = doc.entities[i];
    if (drop[i] || e.origin != Origin::Model || (e.label != "LOC" && e.label != "ORG")) continue;
    Entity& next = doc.entities[i + 1];
    if (next.label != "PER" || next.origin != Origin::Model || next.begin_byte < e.end_byte ||
        !words_in(text, e.end_byte, next.begin_byte).empty()) {
      continue;
    }
    const std::vector<Word> next_words = words_in(text, next.begin_byte, next.end_byte);
    const bool next_dedicated = !next_words.empty() &&
        is_dedication(word_text(text, next_words[0]));
    if (!is_dedication(last_word(e.begin_byte, e.end_byte)) && !next_dedicated) continue;
    e.end_byte = next.end_byte;
    drop[i + 1] = 1;
    changed = true;
  }
  if (changed) drop_marked(doc, drop);
  return changed;
}

namespace {

// The whole-word occurrences (runs of letters, digits and hyphens, with no letter or digit
// right before) of `words` in the text that no entity overlaps (any label, rejected ones too:
// a person's "no" stands) and that `wanted(begin, end)` accepts. One pass over the text, each
// word looked up: linear in the text, however many words there are.
template <class Wanted>
std::vector<std::pair<size_t, size_t>> untagged_occurrences(const Document& doc,
                                                            const std::set<std::string, std::less<>>& words,
                                                            Wanted wanted) {
  const std::string_view text = doc.text;
  // The entity spans by start, with the furthest end of each prefix: an overlap is one search.
  std::vector<std::pair<size_t, size_t>> taken;
  for (const Entity& e : doc.entities) taken.emplace_back(e.begin_byte, e.end_byte);
  std::sort(taken.begin(), taken.end());
  std::vector<size_t> furthest(taken.size());
  for (size_t i = 0; i < taken.size(); ++i) furthest[i] = std::max(taken[i].second, i ? furthest[i - 1] : 0);
  const auto overlaps = [&](size_t b, size_t e) {
    const size_t starting_before = static_cast<size_t>(
        std::lower_bound(taken.begin(), taken.end(), std::make_pair(e, size_t{0})) - taken.begin());
    return starting_before > 0 && furthest[starting_before - 1] > b;
  };
  const auto word_char = [](char32_t c) { return is_letter(c) || (c >= U'0' && c <= U'9'); };
  std::vector<std::pair<size_t, size_t>> out;
  bool after_word_char = false;
  size_t len = 0;
  for (size_t at = 0; at < text.size();) {
    const char32_t c = decode_utf8(text, at, &len);
    if (!is_letter(c)) {
      after_word_char = word_char(c);
      at += len;
      continue;
    }
    size_t end = at;
    while (end < text.size()) {
      size_t l = 0;
      const char32_t d = decode_utf8(text, end, &l);
      if (!word_char(d) && d != U'-') break;
      end += l;
    }
    if (!after_word_char && words.count(text.substr(at, end - at)) != 0 && !overlaps(at, end) && wanted(at, end)) {
      out.emplace_back(at, end);
    }
    after_word_char = false;
    at = end;
  }
  return out;
}

// The first (`first`) or last word of each model entity of `label` of two or more words, not
// rejected, that `keep(word, code points)` accepts.
template <class Keep>
std::set<std::string, std::less<>> edge_words(const Document& doc, std::string_view label, bool first, Keep keep) {
  std::set<std::string, std::less<>> out;
  for (const Entity& e : doc.entities) {
    if (e.label != label || e.origin != Origin::Model || e.status == ReviewStatus::Rejected) continue;
    const std::vector<Word> words = words_in(doc.text, e.begin_byte, e.end_byte);
    if (words.size() < 2) continue;
    const std::string_view word = word_text(doc.text, first ? words.front() : words.back());
    if (keep(word, to_codepoints(word))) out.insert(std::string(word));
  }
  return out;
}

}  // namespace

bool tag_organisation_heads(Document& doc) {
  if (doc.lang != "pl") return false;
  const std::string_view text = doc.text;
  // The first words of the model's organisations of two or more words, in lower case after
  // their capital ("Komisja" of "Komisja Europejska"; not "PKP", not "W.").
  const auto heads = edge_words(doc, "ORG", true,
                                [](std::string_view, const std::u32string& cps) { return is_title_case_word(cps, 4); });
  if (heads.empty()) return false;
  const auto at_sentence_start_alone = [&](size_t begin, size_t end) {
    const size_t prev = back_over_spaces(text, begin);
    if (prev > 0 && text[prev - 1] != '.' && text[prev - 1] != '!' && text[prev - 1] != '?') return false;
    const std::vector<Word> after = words_in(text, end, std::min(text.size(), end + 40));
    return after.empty() || after.front().begin != end + 1 || !is_capitalised_word(word_text(text, after.front()));
  };
  const auto found = untagged_occurrences(doc, heads, at_sentence_start_alone);
  for (const auto& [begin, end] : found) doc.entities.push_back(unsure_entity(begin, end, "ORG"));
  return !found.empty();
}

bool tag_place_adjectives(Document& doc, const Lexicon* lexicon) {
  if (doc.lang != "pl" || lexicon == nullptr) return false;
  const std::string_view text = doc.text;
  std::vector<std::string> places;
  for (const Entity& e : doc.entities) {
    // Towns, countries and regions: not mountains or the Earth ("górskich", "ziemskiego").
    if (e.label != "LOC" || e.status == ReviewStatus::Rejected || e.subtype.empty() || e.subtype == "geographic") continue;
    places.push_back(base_form(text.substr(e.begin_byte, e.end_byte - e.begin_byte), "LOC", "pl", lexicon));
  }
  if (places.empty()) return false;
  std::sort(places.begin(), places.end());
  places.erase(std::unique(places.begin(), places.end()), places.end());
  // Those of one word, in lower case without diacritics ("zary", "olsztyn"). The adjective of a
  // place of two words is made of both ("Stalowa Wola": "stalowowolski"; "Jelenia Góra" is not
  // what "górski" means).
  std::vector<std::u32string> place_words;
  for (const std::string& place : places) {
    if (place.find(' ') == std::string::npos) place_words.push_back(plain_lower(place));
  }
  // The lower-case adjectives in -ski/-cki of the text, any form, whose stem (without "sk"/"ck"
  // and the ending) is a place's word but for at most its last two letters: "żarskim" (Żary),
  // "olsztyńskiego" (Olsztyn), "dębickiego" (Dębica); not "stanowiska" (Stany) nor
  // "królewskiego" (Królestwo).
  static const std::initializer_list<std::u32string_view> kEndings = {
      U"iego", U"iemu", U"imi", U"iej", U"ich", U"ie", U"im", U"i", U"ą"};
  const auto names_a_place = [&](const std::u32string& plain) {
    for (std::u32string_view ending : kEndings) {
      if (plain.size() < ending.size() + 5 || plain.compare(plain.size() - ending.size(), ending.size(), ending) != 0) continue;
      const std::u32string_view with_suffix = std::u32string_view(plain).substr(0, plain.size() - ending.size());
      const std::u32string_view suffix = with_suffix.substr(with_suffix.size() - 2);
      if (suffix != U"sk" && suffix != U"ck") return false;
      const std::u32string_view stem = with_suffix.substr(0, with_suffix.size() - 2);
      for (const std::u32string& word : place_words) {
        size_t lcp = 0;
        while (lcp < stem.size() && lcp < word.size() && stem[lcp] == word[lcp]) ++lcp;
        if (lcp == stem.size() && word.size() - lcp <= 2) return true;
      }
      return false;
    }
    return false;
  };
  std::set<std::string, std::less<>> relational;
  std::set<std::string_view> tested;
  size_t len = 0;
  for (size_t at = 0; at < text.size();) {
    const char32_t c = decode_utf8(text, at, &len);
    if (!is_letter(c)) { at += len; continue; }
    size_t end = at;
    while (end < text.size()) {
      size_t l = 0;
      if (!is_letter(decode_utf8(text, end, &l))) break;
      end += l;
    }
    const std::string_view word = text.substr(at, end - at);
    at = end;
    // Cheap tests first, on the bytes: "sk"/"ck" within the last five letters (all ASCII but
    // "ą"), then the place's stem, then the lexicon ("wojska", "stanowiska" are nouns).
    if (!is_lower(c) || word.size() < 7) continue;
    const std::string_view tail = word.substr(word.size() - 7);
    if (tail.find("sk") == std::string_view::npos && tail.find("ck") == std::string_view::npos) continue;
    if (relational.count(word) != 0 || !tested.insert(word).second) continue;  // each word once
    if (!names_a_place(plain_lower(word))) continue;
    if (lexicon->rule_for(word).word_class == WordClass::Adjective) relational.insert(std::string(word));
  }
  if (relational.empty()) return false;
  const auto found = untagged_occurrences(doc, relational, [](size_t, size_t) { return true; });
  for (const auto& [begin, end] : found) {
    Entity e = unsure_entity(begin, end, "NORP");
    e.confidence = 0.7f;
    doc.entities.push_back(e);
  }
  return !found.empty();
}

bool tag_repeated_surnames(Document& doc) {
  const std::string_view text = doc.text;
  // The surnames: the last word of the model's persons of two or more words.
  const auto surnames = edge_words(doc, "PER", false, [](std::string_view last, const std::u32string& cps) {
    return cps.size() >= 3 && is_capitalised_word(last) &&
           std::all_of(cps.begin(), cps.end(), [](char32_t c) { return is_letter(c) || c == U'-'; }) &&
           !is_name_particle(last);
  });
  if (surnames.empty()) return false;
  // A capitalised neighbour makes it part of another name (but a sentence's end before it).
  const auto no_capitalised_neighbour = [&](size_t b, size_t e) {
    const std::vector<Word> after = words_in(text, e, std::min(text.size(), e + 40));
    if (!after.empty() && after.front().begin == e + 1) {
      size_t len = 0;
      if (is_upper(decode_utf8(text, after.front().begin, &len))) return false;
    }
    const std::vector<Word> before = words_in(text, b >= 40 ? b - 40 : 0, b);
    if (!before.empty() && before.back().end + 1 == b) {
      const std::string_view w = word_text(text, before.back());
      size_t len = 0;
      const bool sentence_end = !w.empty() && (w.back() == '.' || w.back() == '!' || w.back() == '?');
      if (is_upper(decode_utf8(text, before.back().begin, &len)) && !sentence_end) return false;
    }
    return true;
  };
  const auto found = untagged_occurrences(doc, surnames, no_capitalised_neighbour);
  for (const auto& [begin, end] : found) doc.entities.push_back(unsure_entity(begin, end, "PER"));
  return !found.empty();
}

}  // namespace glosa::names
