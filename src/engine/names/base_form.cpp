// Base forms of name mentions, Polish agreement rules, relational words. Layer: engine/names.
//
// Index: helpers (code points, case) / adjectives and gender / Polish words / places /
// phrases / relational words.
#include "engine/names/base_form.h"

#include <algorithm>
#include <cctype>
#include <array>

#include "engine/names/name_particles.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa::names {

namespace {

// --- Section: helpers ---



bool ends_with(const std::u32string& s, std::u32string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::u32string lower_cps(std::string_view s) { return to_codepoints(to_lower(s)); }

bool has_letter(const std::u32string& w) {
  return std::any_of(w.begin(), w.end(), [](char32_t c) { return is_letter(c); });
}

bool is_all_caps(const std::u32string& w) {
  size_t letters = 0;
  for (char32_t c : w) {
    if (!is_letter(c)) continue;
    ++letters;
    if (!is_upper(c)) return false;
  }
  return letters >= 1;
}

// "ONZ", "NATO", "PiS", "UE": two or more capitals, short, no vowel-heavy word shape.
bool is_acronym(const std::u32string& w) {
  size_t upper = 0, letters = 0;
  for (char32_t c : w) {
    if (is_letter(c)) ++letters;
    if (is_upper(c)) ++upper;
  }
  return upper >= 2 && letters <= 6 && (upper == letters || letters <= 4);
}

std::u32string capitalise_first(std::u32string w) {
  if (!w.empty()) w[0] = to_upper(w[0]);
  return w;
}

std::u32string title_case(const std::u32string& w) {
  std::u32string out = w;
  bool start = true;
  for (char32_t& c : out) {
    c = start ? to_upper(c) : to_lower(c);
    start = c == U'-';
  }
  return out;
}

// Lower-case function words that end the inflected part of a name ("Układu o ...", "Rada
// do Spraw ...") or join adjectives before its head ("Donieckiej i Ługańskiej Republiki").
bool is_connector(const std::u32string& w) { return w == U"i" || w == U"oraz"; }
bool is_function_word(const std::u32string& w) {
  static const std::array<std::u32string_view, 24> kWords = {
      U"o", U"w", U"we", U"z", U"ze", U"na", U"do", U"dla", U"od", U"pod", U"przy", U"nad",
      U"za", U"im.", U"de", U"von", U"van", U"der", U"la", U"al", U"el", U"di", U"da", U"du"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

}  // namespace

// --- Section: adjectives and gender ---

std::string adjective_form(std::string_view masculine, Gender gender) {
  const std::u32string m = to_codepoints(masculine);
  if (gender == Gender::Masculine || m.size() < 3) return std::string(masculine);
  const char32_t last = to_lower(m.back());
  const char32_t before = to_lower(m[m.size() - 2]);
  const bool feminine = gender == Gender::Feminine;
  std::u32string stem, ending;
  if (last == U'y') {                                // nowy: nowa, nowe
    stem = m.substr(0, m.size() - 1);
    ending = feminine ? U"a" : U"e";
  } else if (last == U'i' && (before == U'k' || before == U'g')) {  // rosyjski: rosyjska, rosyjskie
    stem = m.substr(0, m.size() - 1);
    ending = feminine ? U"a" : U"ie";
  } else if (last == U'i') {                         // ostatni: ostatnia, ostatnie
    stem = m;
    ending = feminine ? U"a" : U"e";
  } else {
    return std::string(masculine);  // not an adjective ending: leave it
  }
  if (is_all_caps(m)) for (char32_t& c : ending) c = to_upper(c);
  return from_codepoints(stem + ending);
}

Gender gender_of_adjective_form(std::string_view form) {
  const std::u32string f = lower_cps(form);
  if (ends_with(f, U"ej") || ends_with(f, U"ą") || ends_with(f, U"a")) return Gender::Feminine;
  if (ends_with(f, U"ych") || ends_with(f, U"ich") || ends_with(f, U"ymi") || ends_with(f, U"imi") ||
      ends_with(f, U"e")) {
    return Gender::Plural;
  }
  return Gender::Masculine;
}

Gender gender_of_noun(std::string_view nominative) {
  const std::u32string n = lower_cps(nominative);
  if (ends_with(n, U"a")) return Gender::Feminine;
  if (ends_with(n, U"o") || ends_with(n, U"e") || ends_with(n, U"ę") || ends_with(n, U"um")) return Gender::Neuter;
  return Gender::Masculine;
}

namespace {

// --- Section: Polish words ---

struct WordLemma {
  std::u32string lemma;
  WordClass word_class = WordClass::Noun;
};

bool is_apostrophe(char32_t c) { return c == U'\'' || c == U'\u2019'; }

// "Mike'a", "Mike’em": a foreign name with a Polish ending after an apostrophe.
bool strip_apostrophe_ending(std::u32string* w) {
  for (size_t i = 1; i < w->size(); ++i) {
    if (!is_apostrophe((*w)[i])) continue;
    const size_t tail = w->size() - i - 1;
    if (tail == 0 || tail > 3) return false;
    for (size_t k = i + 1; k < w->size(); ++k) if (!is_lower((*w)[k])) return false;
    w->resize(i);
    return true;
  }
  return false;
}

size_t common_prefix_len(const std::u32string& a, const std::u32string& b) {
  size_t k = 0;
  while (k < a.size() && k < b.size() && to_lower(a[k]) == to_lower(b[k])) ++k;
  return k;
}

bool has_apostrophe(const std::u32string& w) {
  return std::any_of(w.begin(), w.end(), [](char32_t c) { return is_apostrophe(c); });
}

// Roman numerals of rulers and wars: "II", "XIV".
bool is_roman_numeral(const std::u32string& w) {
  if (w.empty() || w.size() > 6) return false;
  return std::all_of(w.begin(), w.end(), [](char32_t c) { return c == U'I' || c == U'V' || c == U'X' || c == U'L'; });
}

// One plain word (no hyphen) through the lexicon, read as a name's form when it is
// capitalised and as a common word's when not.
WordLemma lookup_word(const std::u32string& word, const Lexicon& lex) {
  WordLemma out;
  const std::string utf8 = from_codepoints(word);
  const WordRule& rule = lex.rule_for(utf8);
  out.word_class = rule.word_class;
  // A rule that only adds letters turns a full form into another word ("Shahbaz" ->
  // "Shahbaza", learned from genitive plurals); only "-i" -> "-ia" ("Asi" -> "Asia") is real.
  const bool adds_only = rule.strip == 0 && !rule.append.empty();
  if (adds_only && !(rule.append == "a" && to_lower(word.back()) == U'i')) out.lemma = word;
  else out.lemma = to_codepoints(apply_rule(utf8, rule));
  // "-ego", "-emu" end only adjectives: a word the lexicon does not know as one still is.
  const std::u32string lw = lower_cps(utf8);
  if (out.word_class == WordClass::Noun && lw.size() >= 6 && (ends_with(lw, U"ego") || ends_with(lw, U"emu"))) {
    std::u32string stem = word.substr(0, word.size() - 3);
    const char32_t last = to_lower(stem.back());
    if (last == U'k' || last == U'g') stem += U'i';
    else if (last != U'i') stem += U'y';
    out.lemma = stem;
    out.word_class = WordClass::Adjective;
  }
  return out;
}

// One word (no spaces) through the lexicon. Hyphenated words: `each_part` inflects every
// part ("Kasym-Żomarta" -> "Kasym-Żomart"), otherwise only the last ("rosyjsko-ukraińskiej").
// Acronyms stay, and lose a hyphenated case ending ("PiS-u" -> "PiS"); so do foreign names
// an apostrophe ending ("Mike'a" -> "Mike").
WordLemma polish_word(std::u32string word, const Lexicon& lex, bool each_part) {
  WordLemma out;
  if (strip_apostrophe_ending(&word) || has_apostrophe(word)) {
    out.lemma = word;
    return out;
  }
  const size_t hyphen = word.find(U'-');
  if (hyphen != std::u32string::npos && hyphen > 0 && hyphen + 1 < word.size()) {
    const std::u32string head = word.substr(0, hyphen);
    const std::u32string tail = word.substr(hyphen + 1);
    if (is_acronym(head) && tail.size() <= 4 && is_lower(tail[0])) {
      out.lemma = head;  // "PiS-u", "NATO-wi"
      return out;
    }
    const WordLemma b = polish_word(tail, lex, each_part);
    out.lemma = head + U"-" + b.lemma;
    out.word_class = b.word_class;
    if (each_part) {
      // Both parts of a double name inflect alike ("Kasyma-Żomarta"), or the first part not
      // at all ("Kasym-Żomarta"): the first part follows only the same ending change. A
      // double surname whose second part is an adjective in an oblique form has both parts in
      // that case, each with its own ending ("Kidawy-Błońskiej" -> "Kidawa-Błońska",
      // "Nowaka-Jeziorańskiego" -> "Nowak-Jeziorański").
      const WordLemma a = polish_word(head, lex, false);
      const size_t cut_a = common_prefix_len(head, a.lemma), cut_b = common_prefix_len(tail, b.lemma);
      const std::u32string lt = lower_cps(from_codepoints(tail));
      const bool oblique_adjective =
          b.word_class == WordClass::Adjective &&
          (ends_with(lt, U"ej") || ends_with(lt, U"ą") || ends_with(lt, U"ego") || ends_with(lt, U"emu") ||
           ends_with(lt, U"ym") || ends_with(lt, U"im"));
      // Both parts nouns that both lost an ending are in one case, though the endings differ
      // ("Kosiniakiem-Kamyszem" -> "Kosiniak-Kamysz").
      const bool both_declined = a.word_class == WordClass::Noun && b.word_class == WordClass::Noun &&
                                 a.lemma != head && b.lemma != tail;
      if ((head.substr(cut_a) == tail.substr(cut_b) && a.lemma.substr(cut_a) == b.lemma.substr(cut_b)) ||
          (oblique_adjective && a.word_class == WordClass::Noun) || both_declined) {
        out.lemma = a.lemma + U"-" + b.lemma;
      }
      // A surname's adjective ("-ski", "-cki") before a noun that does not decline
      // ("Wysocką-Nowak"): the adjective
      // takes its nominative, of the gender its form shows ("Wysocka-Nowak").
      const std::u32string la = lower_cps(from_codepoints(a.lemma));
      const bool surname_adjective = ends_with(la, U"ski") || ends_with(la, U"cki") || ends_with(la, U"dzki");
      if (a.word_class == WordClass::Adjective && surname_adjective && b.word_class == WordClass::Noun) {
        out.lemma = to_codepoints(adjective_form(from_codepoints(a.lemma), gender_of_adjective_form(from_codepoints(head)))) +
                    U"-" + b.lemma;
      }
      // Two adjectives ("Gostyńskiej-Jakubowskiej"): the first agrees as its own form shows
      // (the caller makes the last one agree).
      if (a.word_class == WordClass::Adjective && b.word_class == WordClass::Adjective) {
        out.lemma = to_codepoints(adjective_form(from_codepoints(a.lemma), gender_of_adjective_form(from_codepoints(head)))) +
                    U"-" + b.lemma;
      }
    }
    return out;
  }
  if (!has_letter(word) || is_acronym(word) || is_roman_numeral(word)) {
    out.lemma = word;
    return out;
  }
  return lookup_word(word, lex);
}

// --- Section: places ---

// Longest common prefix of two lower-case code-point strings.
size_t common_prefix(const std::u32string& a, const std::u32string& b) {
  size_t k = 0;
  while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
  return k;
}

std::vector<std::u32string> lower_words(const std::vector<std::u32string>& words) {
  std::vector<std::u32string> out;
  for (const auto& w : words) out.push_back(lower_cps(from_codepoints(w)));
  return out;
}

// The words without Polish diacritics, lower case: inflection alternates vowels and softens
// consonants ("Łódź" -> "Łodzi", "Kraków" -> "Krakowie", "Poznań" -> "Poznaniu"), so endings
// are compared on these.
std::vector<std::u32string> plain_words(const std::vector<std::u32string>& words) {
  std::vector<std::u32string> out;
  for (const auto& w : words) out.push_back(plain_lower(from_codepoints(w)));
  return out;
}

// The same, with the parts of a hyphenated word as words of their own: both parts of
// "Bielsko-Biała" inflect ("Bielska-Białej").
std::vector<std::u32string> plain_parts(const std::vector<std::u32string>& words) {
  std::vector<std::u32string> out;
  for (const std::u32string& w : plain_words(words)) {
    size_t start = 0;
    for (size_t i = 0; i <= w.size(); ++i) {
      if (i < w.size() && w[i] != U'-') continue;
      if (i > start) out.push_back(w.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// Code points each word shares with the same word of `other` from its start, summed.
size_t shared_letters(const std::vector<std::u32string>& words, const std::vector<std::u32string>& other) {
  const std::vector<std::u32string> a = lower_words(words), b = lower_words(other);
  size_t n = 0;
  for (size_t k = 0; k < a.size() && k < b.size(); ++k) n += common_prefix(a[k], b[k]);
  return n;
}

// Whether `words` are, case aside, exactly a known place name.
bool is_known_place(const std::vector<std::u32string>& words, const Lexicon& lex) {
  const std::vector<std::u32string> lower = lower_words(words);
  for (uint32_t i : lex.places_with_prefix("pl", lower[0].substr(0, 3))) {
    if (lex.place_words(i) == lower) return true;
  }
  return false;
}

// A known place name whose words are the mention's words with other endings ("Stanach
// Zjednoczonych" ~ "Stany Zjednoczone", "Łodzi" ~ "Łódź"): every word must keep all of the
// place word but its last one or two code points and add at most four, diacritics aside.
// Returns the best match by shared code points, or "". Only for names the lexicon's word
// rules do not know. `*whole`: every word of the match is all in the mention's word.
std::string match_place(const std::vector<std::u32string>& words, const Lexicon& lex, bool* whole = nullptr) {
  const std::vector<std::u32string> plain = plain_parts(words);
  if (plain.empty()) return "";
  std::string best;
  size_t best_score = 0;
  bool best_whole = false;
  // Places with a word starting as the first word does (diacritics aside); all their words
  // are compared below.
  for (uint32_t i : lex.places_with_word_prefix("pl", plain[0].substr(0, 3))) {
    const std::vector<std::u32string> pw = plain_parts(lex.place_words(i));
    if (pw.size() != plain.size()) continue;
    size_t score = 0;
    bool ok = true;
    bool all_kept = true;
    for (size_t k = 0; k < pw.size() && ok; ++k) {
      const std::u32string& a = plain[k];
      const std::u32string& b = pw[k];
      const size_t lcp = common_prefix(a, b);
      const size_t may_drop = b.size() <= 6 ? 1 : 2;
      // A whole word that only lacks the place's last letters is another name ("Ren" is not
      // "Reno"), but for the genitive of plural names ("Chin" ~ "Chiny", "Czech" ~ "Czechy",
      // "Katowic" ~ "Katowice", "Kielc" ~ "Kielce").
      const bool plural_genitive = b.size() == a.size() + 1 &&
                                   (b.back() == U'y' || b.back() == U'i' || (b.back() == U'e' && a.back() == U'c'));
      const bool prefix_only = lcp == a.size() && b.size() > a.size() && !plural_genitive;
      // The vowel that drops in "-iec"/"-ec" ("Sosnowiec": "Sosnowca", "Sosnowcem"), and the
      // genitive "-ów" of plural names ("Tychy": "Tychów").
      const auto drops_vowel = [&]() {
        for (std::u32string_view e : {U"iec", U"ec"}) {
          if (!ends_with(b, std::u32string(e)) || b.size() < e.size() + 3) continue;
          const std::u32string stem = b.substr(0, b.size() - e.size()) + U"c";
          if (a.size() > stem.size() && a.size() <= stem.size() + 3 && a.compare(0, stem.size(), stem) == 0) return true;
        }
        const bool plural = b.size() >= 4 && (b.back() == U'y' || b.back() == U'i');
        return plural && a == b.substr(0, b.size() - 1) + U"ow";
      };
      const bool dropped = drops_vowel();
      ok = (lcp >= 3 && b.size() - lcp <= may_drop && a.size() - lcp <= 4 && !prefix_only) || dropped;
      all_kept = all_kept && (lcp == b.size() || dropped);
      score += lcp;
    }
    if (ok && score > best_score) {
      best_score = score;
      best = lex.places()[i].name;
      best_whole = all_kept;
    }
  }
  if (whole) *whole = best_whole;
  return best;
}

// --- Section: phrases ---

std::vector<std::u32string> split_words(std::string_view surface) {
  std::vector<std::u32string> words;
  const std::u32string s = to_codepoints(surface);
  std::u32string cur;
  for (char32_t c : s) {
    if (is_space(c)) {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::u32string join_words(const std::vector<std::u32string>& words) {
  std::u32string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out += U' ';
    out += words[i];
  }
  return out;
}

// Foreign particles inside or opening a name (name_particles.h): "Al Dżazira", "van den".
bool is_particle(const std::u32string& lower) { return is_name_particle(from_codepoints(lower)); }

std::u32string polish_person(std::vector<std::u32string> words, const Lexicon& lex) {
  struct Slot { size_t b = 0, e = 0; std::u32string core; WordLemma lemma; bool inflects = false; };
  std::vector<Slot> slots(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    std::u32string& w = words[i];
    // All-capital names ("FACUNDO", "TRUMPA") are written in title case; acronyms stay.
    const size_t letters = static_cast<size_t>(std::count_if(w.begin(), w.end(), [](char32_t c) { return is_letter(c); }));
    if (is_all_caps(w) && letters >= 4) w = title_case(w);
    if (!has_letter(w) || is_roman_numeral(w) || is_particle(lower_cps(from_codepoints(w))) ||
        is_function_word(lower_cps(from_codepoints(w)))) {
      continue;  // "XIV", "von", "de"
    }
    // Brackets around a word ("[Tokajewa]") stay; the word inside inflects.
    Slot& s = slots[i];
    s.b = 0;
    s.e = w.size();
    while (s.b < s.e && !is_letter(w[s.b])) ++s.b;
    while (s.e > s.b && !is_letter(w[s.e - 1]) && !is_apostrophe(w[s.e - 1])) --s.e;
    s.core = w.substr(s.b, s.e - s.b);
    s.lemma = polish_word(s.core, lex, true);
    s.inflects = true;
  }
  // The surname shows the case: where it only lost an ending ("Kiemielewicza" -> "-a"), a
  // first name the rules left alone with the same ending loses it too ("Józefa Stalina").
  // A surname that declines as an adjective shows a man's case by its ending: "-ego" is
  // the genitive, whose first name ends in "-a" ("Radosława Sikorskiego", "Wołodymyra
  // Zełenskiego"), "-emu" the dative ("-owi"), "-ym"/"-im" the instrumental ("-em").
  std::u32string lost;
  for (size_t i = slots.size(); i-- > 0;) {
    const Slot& s = slots[i];
    if (!s.inflects) continue;
    const size_t keep = common_prefix_len(s.core, s.lemma.lemma);
    if (keep == s.lemma.lemma.size() && keep < s.core.size() && s.lemma.word_class == WordClass::Noun) {
      lost = lower_cps(from_codepoints(s.core.substr(keep)));
    } else if (s.lemma.word_class == WordClass::Adjective) {
      const std::u32string lc = lower_cps(from_codepoints(s.core));
      if (ends_with(lc, U"ego")) lost = U"a";
      else if (ends_with(lc, U"emu")) lost = U"owi";
      else if (ends_with(lc, U"ym") || ends_with(lc, U"im")) lost = U"em";
    }
    break;
  }
  for (size_t i = 0; i < slots.size(); ++i) {
    Slot& s = slots[i];
    if (!s.inflects) continue;
    if (!lost.empty() && s.lemma.lemma == s.core && s.core.size() > lost.size() + 2 &&
        ends_with(lower_cps(from_codepoints(s.core)), lost)) {
      s.lemma.lemma = s.core.substr(0, s.core.size() - lost.size());
    }
    if (s.lemma.word_class == WordClass::Adjective) {
      s.lemma.lemma = to_codepoints(adjective_form(from_codepoints(s.lemma.lemma), gender_of_adjective_form(from_codepoints(s.core))));
    }
  }
  // A woman's surname in the nominative ("Wysocka", "Navratilova", "Petrowa", left as they
  // are by the rules) puts her first name in the nominative too: one ending in "-a" is not a
  // man's genitive ("Iwona", not "Iwon"; "Aleksandra", not "Aleksander"). Indeclinable men's
  // surnames ("Fidela Castro", "Mike'a Pompeo") do not count: they show no case.
  size_t last = slots.size();
  for (size_t i = slots.size(); i-- > 0;) {
    if (slots[i].inflects) { last = i; break; }
  }
  const auto womans_surname = [](const std::u32string& w) {
    const std::u32string l = lower_cps(from_codepoints(w));
    for (std::u32string_view e : {U"ska", U"cka", U"dzka", U"owa", U"ewa", U"ova", U"ová", U"eva", U"ská", U"cká"}) {
      if (ends_with(l, std::u32string(e))) return true;
    }
    return false;
  };
  if (last < slots.size() && slots[last].lemma.lemma == slots[last].core && womans_surname(slots[last].core)) {
    for (size_t i = 0; i < last; ++i) {
      Slot& s = slots[i];
      const std::u32string lc = lower_cps(from_codepoints(s.core));
      const std::u32string ll = lower_cps(from_codepoints(s.lemma.lemma));
      if (s.inflects && s.core.size() >= 4 && lc.back() == U'a' && !ll.empty() && ll.back() != U'a' && ll != lc) {
        s.lemma.lemma = s.core;
      }
    }
  }
  // A surname in a woman's oblique form ("Wysockiej", "Wysocką") makes her first name a
  // woman's: one the rules read as a man's ("Iwonie" as "Iwon") takes the "-a" back.
  if (last < slots.size() && slots[last].lemma.word_class == WordClass::Adjective) {
    const std::u32string ls = lower_cps(from_codepoints(slots[last].core));
    if (ends_with(ls, U"iej") || ends_with(ls, U"ej") || ends_with(ls, U"ą")) {
      for (size_t i = 0; i < last; ++i) {
        Slot& s = slots[i];
        const std::u32string ll = lower_cps(from_codepoints(s.lemma.lemma));
        const std::u32string lc = lower_cps(from_codepoints(s.core));
        if (!s.inflects || s.lemma.word_class != WordClass::Noun || ll.empty() || ll == lc || ll.size() < 3) continue;
        if (std::u32string_view(U"aąeęioóuy").find(ll.back()) != std::u32string_view::npos) continue;
        if (lc.compare(0, ll.size(), ll) == 0) s.lemma.lemma += U"a";  // Iwonie: Iwon + a
      }
    }
  }
  for (size_t i = 0; i < slots.size(); ++i) {
    const Slot& s = slots[i];
    if (s.inflects) words[i] = words[i].substr(0, s.b) + s.lemma.lemma + words[i].substr(s.e);
  }
  return join_words(words);
}

// Whether an adjective's form is a nominative: the masculine "-y/-i" (its own base form),
// the feminine "-a" or the neuter and non-virile plural "-e" ("Śląskie"). Accusatives that
// look so ("Koleje Śląskie" as an object) are the nominative too.
bool is_nominative_adjective(const std::u32string& form, const std::u32string& masculine) {
  const std::u32string f = lower_cps(from_codepoints(form));
  const std::string m = from_codepoints(masculine);
  for (Gender g : {Gender::Masculine, Gender::Feminine, Gender::Neuter}) {
    if (f == lower_cps(adjective_form(m, g))) return true;
  }
  return false;
}

// Whether an adjective's form can agree with a masculine or neuter noun in the case the
// noun's ending shows, as far as the rules read it: the noun lost "-em" (the instrumental:
// "Zarządem") takes "-ym/-im"; "-owi" (the dative) "-emu". Other endings are read as fitting.
bool adjective_fits_case(const std::u32string& adjective, const std::u32string& noun, const std::u32string& noun_lemma) {
  const std::u32string a = lower_cps(from_codepoints(adjective));
  const std::u32string n = lower_cps(from_codepoints(noun));
  const std::u32string base = lower_cps(from_codepoints(noun_lemma));
  if (n.size() <= base.size() || n.compare(0, base.size(), base) != 0) return true;
  const std::u32string lost = n.substr(base.size());
  if (lost == U"em") return ends_with(a, U"ym") || ends_with(a, U"im");
  if (lost == U"owi") return ends_with(a, U"emu");
  return true;
}

// Endings no singular adjective has: "-ych", "-ich", "-ymi", "-imi" ("Kolei Śląskich").
bool is_plural_adjective(const std::u32string& form) {
  const std::u32string f = lower_cps(from_codepoints(form));
  return ends_with(f, U"ych") || ends_with(f, U"ich") || ends_with(f, U"ymi") || ends_with(f, U"imi");
}

// The nominative plural of a plural noun form, by the spelling of its ending: "Kolei",
// "Kolejach", "Kolejami" -> "Koleje"; "Linii" -> "Linie"; "Funduszy" -> "Fundusze";
// "Banków" -> "Banki"; "Zakładach" -> "Zakłady"; "Sił" -> "Siły"; "Szkół" -> "Szkoły".
// Neuter nouns (the lexicon's singular ends in "-o", "-e", "-um") take "-a" ("Miast" ->
// "Miasta"). "" where the spelling cannot tell: persons ("Demokratów": "Demokraci"), short
// words.
std::u32string plural_nominative(const std::u32string& form, const Lexicon& lex) {
  const std::u32string l = lower_cps(from_codepoints(form));
  if (l.size() < 3 || !std::all_of(l.begin(), l.end(), [](char32_t c) { return is_letter(c); })) return U"";
  const std::u32string singular = lower_cps(from_codepoints(lookup_word(l, lex).lemma));
  if (ends_with(singular, U"ta") || ends_with(singular, U"sta")) return U"";  // Demokrata: Demokraci
  const auto soft = [](const std::u32string& w) {
    return ends_with(w, U"c") || ends_with(w, U"cz") || ends_with(w, U"sz") || ends_with(w, U"rz") ||
           ends_with(w, U"ż") || ends_with(w, U"dz") || ends_with(w, U"l") || ends_with(w, U"j") || ends_with(w, U"i");
  };
  // The stem's own plural ending: "-e" after a soft consonant, "-i" after k and g, else "-y".
  const auto with_ending = [&](std::u32string stem) {
    const std::u32string ls = lower_cps(from_codepoints(stem));
    if (soft(ls)) return stem + U"e";
    if (ends_with(ls, U"k") || ends_with(ls, U"g")) return stem + U"i";
    return stem + U"y";
  };
  const auto cut = [&](size_t n) { return form.substr(0, form.size() - n); };
  if (singular != l && (ends_with(singular, U"o") || ends_with(singular, U"e") || ends_with(singular, U"um"))) {
    const size_t ending = ends_with(singular, U"um") ? 2 : 1;                // Muzeum: Muzea
    return form.substr(0, 1) + singular.substr(1, singular.size() - 1 - ending) + U"a";
  }
  for (std::u32string_view ending : {U"ach", U"ami", U"om", U"ów"}) {
    if (ends_with(l, std::u32string(ending)) && l.size() > ending.size() + 2) return with_ending(cut(ending.size()));
  }
  if (ends_with(l, U"ei")) return cut(1) + U"je";                       // Kolei: Koleje
  if (ends_with(l, U"ii")) return cut(1) + U"e";                        // Linii: Linie
  if (ends_with(l, U"y") || ends_with(l, U"i")) {
    return soft(l.substr(0, l.size() - 1)) ? cut(1) + U"e" : U"";       // Funduszy: Fundusze
  }
  if (ends_with(l, U"stw")) return form + U"a";                         // Przedsiębiorstw
  if (std::u32string_view(U"aąeęioóuy").find(l.back()) != std::u32string_view::npos) return U"";
  std::u32string stem = form;
  if (lower_cps(from_codepoints(stem.substr(stem.size() - 2, 1))) == U"ó") {  // Szkół: Szkoły
    stem[stem.size() - 2] = is_upper(stem[stem.size() - 2]) ? U'O' : U'o';
  }
  return with_ending(stem);
}

// Whether a word ends as an adjective in a case other than the nominative.
bool oblique_adjective_ending(const std::u32string& word) {
  const std::u32string l = lower_cps(from_codepoints(word));
  for (std::u32string_view e : {U"ego", U"emu", U"ym", U"im", U"ej", U"ą", U"ych", U"ich", U"ymi", U"imi"}) {
    if (ends_with(l, std::u32string(e))) return true;
  }
  return false;
}

// A word of a name other than a person's. Such names are mostly common words with a capital
// ("Wojsko Polskie", "Polski Ośrodek"), which the lexicon, reading a capitalised word as a
// name's form, may take for a surname's adjective ("Wojska" -> "Wojski") or not know
// ("Ośrodku" left as it is): the common word's reading is taken where it is a noun whose
// form changes, in the second case only when an adjective of the name shows that the name is
// not in the nominative (so "Demokraci", "Analizy" and "Asia News" stay).
WordLemma name_word(const std::u32string& word, const Lexicon& lex, bool oblique) {
  WordLemma l = polish_word(word, lex, false);
  if (word.empty() || !is_upper(word[0]) || word.find(U'-') != std::u32string::npos || is_acronym(word)) return l;
  if (l.word_class == WordClass::Noun && (l.lemma != word || !oblique)) return l;
  const std::u32string lower = lower_cps(from_codepoints(word));
  const WordLemma common = polish_word(lower, lex, false);
  if (common.word_class != WordClass::Noun || common.lemma == lower || common.lemma.empty()) return l;
  return WordLemma{capitalise_first(common.lemma), WordClass::Noun};
}

// A non-person name.
std::u32string polish_name(std::vector<std::u32string> words, const Lexicon& lex) {
  size_t first = 0;
  while (first + 1 < words.size() &&
         (is_particle(lower_cps(from_codepoints(words[first]))) || is_roman_numeral(words[first]))) {
    ++first;
  }
  // Head = the first word that declines like a noun; adjectives before it and right after
  // it agree with it; the first other word after it starts the frozen rest.
  std::vector<size_t> adjectives;
  std::vector<std::u32string> masculine(words.size());
  const bool oblique = std::any_of(words.begin() + static_cast<long>(first), words.end(), [&](const std::u32string& w) {
    return polish_word(w, lex, false).word_class == WordClass::Adjective && oblique_adjective_ending(w);
  });
  size_t head = words.size();
  size_t frozen_from = words.size();
  // A street's abbreviation is the head ("ul. Władysława IV": the king's name stays in the
  // genitive; "ul. Marszałkowskiej" -> "ul. Marszałkowska"), with the gender of its word.
  Gender abbreviated_gender = Gender::Masculine;
  const std::u32string lead = lower_cps(from_codepoints(words[first]));
  if (words.size() >= 2 && (lead == U"ul." || lead == U"al." || lead == U"pl." || lead == U"os.")) {
    head = first;
    masculine[first] = words[first];
    abbreviated_gender = lead == U"pl." ? Gender::Masculine : lead == U"os." ? Gender::Neuter : Gender::Feminine;
    ++first;
  }
  for (size_t i = first; i < words.size(); ++i) {
    const std::u32string lw = lower_cps(from_codepoints(words[i]));
    if (is_connector(lw) && head == words.size()) continue;
    // Abbreviations ("W. Brytania", "Irlandia Płn.") cannot inflect: they are kept.
    if (words[i].size() >= 2 && words[i].back() == U'.' && has_letter(words[i])) continue;
    if (is_function_word(lw) || is_connector(lw) || !has_letter(words[i])) { frozen_from = i; break; }
    if (is_acronym(words[i]) && words[i].find(U'-') == std::u32string::npos) {
      if (head == words.size()) { head = i; masculine[i] = words[i]; continue; }
      frozen_from = i;
      break;
    }
    const WordLemma l = name_word(words[i], lex, oblique);
    if (l.word_class == WordClass::Adjective) {
      // After the head, an adjective that a noun follows and that cannot agree with the head
      // is that noun's ("Urząd Krajowej Statystyki", "Urzędu Krajowej Statystyki", "Sojusz
      // Europejskich Konserwatystów"): the rest is frozen from it. It cannot agree when the
      // head is a nominative singular and it is not a nominative, or when one of the two is
      // feminine and the other a singular of another gender (a plural adjective may go with
      // a noun whose plural hides its number: "Kolei Śląskich"), or when the head's ending
      // shows a case the adjective's does not ("Zarządem Morskiego Portu": an instrumental
      // and a genitive).
      const std::u32string next = i + 1 < words.size() ? lower_cps(from_codepoints(words[i + 1])) : U"";
      if (head != words.size() && !next.empty() && !is_acronym(words[i + 1]) && has_letter(next) &&
          !is_function_word(next) && !is_connector(next) &&
          polish_word(words[i + 1], lex, false).word_class == WordClass::Noun) {
        const Gender of_head = gender_of_noun(from_codepoints(masculine[head]));
        const Gender of_form = gender_of_adjective_form(from_codepoints(words[i]));
        const bool head_nominative = lower_cps(from_codepoints(words[head])) == lower_cps(from_codepoints(masculine[head]));
        const bool feminine_clash = (of_form == Gender::Feminine && of_head != Gender::Feminine) ||
                                    (of_head == Gender::Feminine && (of_form == Gender::Masculine || of_form == Gender::Neuter));
        if ((head_nominative && !is_nominative_adjective(words[i], l.lemma)) || feminine_clash ||
            !adjective_fits_case(words[i], words[head], masculine[head])) {
          frozen_from = i;
          break;
        }
      }
      adjectives.push_back(i);
      masculine[i] = l.lemma;
      continue;
    }
    if (head != words.size()) { frozen_from = i; break; }
    head = i;
    masculine[i] = l.lemma;
  }
  std::vector<size_t> agreeing;
  for (size_t i : adjectives) {
    if (i < frozen_from) agreeing.push_back(i);
  }
  // The adjectives show the case the noun may hide. All in a nominative form: the name is
  // already in its base form, plural nouns too ("Koleje Śląskie", not "Kolej Śląskie";
  // "Morze Irlandzkie").
  if (head < words.size() && !agreeing.empty() &&
      std::all_of(agreeing.begin(), agreeing.end(), [&](size_t i) { return is_nominative_adjective(words[i], masculine[i]); })) {
    return join_words(words);
  }
  // All in a plural-only form: the noun is plural, and so is its base form ("Kolei
  // Śląskich" -> "Koleje Śląskie", not "Kolej" or the lexicon's guess "Kolei").
  if (head < words.size() && !agreeing.empty() && !is_acronym(words[head]) &&
      std::all_of(agreeing.begin(), agreeing.end(), [&](size_t i) { return is_plural_adjective(words[i]); })) {
    const std::u32string plural = plural_nominative(words[head], lex);
    if (lower_cps(from_codepoints(plural)) == lower_cps(from_codepoints(words[head]))) {
      // The noun's plural is its own form, so it is a singular that an adjective in a plural
      // form cannot agree with ("Zrzeszenia Międzynarodowych Przewoźników"): a later noun's.
      for (size_t i : agreeing) {
        if (i > head) { frozen_from = i; break; }
      }
    } else if (!plural.empty()) {
      masculine[head] = plural;
    }
  }
  Gender gender = Gender::Masculine;
  if (head < words.size() && masculine[head] == words[head] && words[head].back() == U'.') {
    gender = abbreviated_gender;  // "ul.": kept as written
  } else if (head < words.size()) {
    words[head] = masculine[head];
    gender = gender_of_noun(from_codepoints(words[head]));
    // A noun's ending shows its gender only for some (a soft consonant may be either: "Łódź"
    // is feminine, "koń" not): an agreeing adjective in a feminine form says so for it
    // ("Łódź Fabryczna", "Łodzi Fabrycznej"; not "Łódź Fabryczny").
    if (gender == Gender::Masculine && !adjectives.empty() && adjectives.front() < frozen_from &&
        gender_of_adjective_form(from_codepoints(words[adjectives.front()])) == Gender::Feminine) {
      gender = Gender::Feminine;
    }
  } else if (!adjectives.empty()) {
    gender = gender_of_adjective_form(from_codepoints(words[adjectives.front()]));
  }
  for (size_t i : adjectives) {
    if (i >= frozen_from) break;
    // A plural adjective keeps its number ("Zjednoczonych" -> "Zjednoczone").
    const Gender g = gender_of_adjective_form(from_codepoints(words[i])) == Gender::Plural ? Gender::Plural : gender;
    words[i] = to_codepoints(adjective_form(from_codepoints(masculine[i]), g));
  }
  return join_words(words);
}

std::u32string strip_possessive(std::u32string w) {
  if (ends_with(w, U"'s") || ends_with(w, U"\u2019s")) w.resize(w.size() - 2);
  else if (ends_with(w, U"s'") || ends_with(w, U"s\u2019")) w.resize(w.size() - 1);
  return w;
}

// Whether a base form may get a capital first letter: its first word is plain lower-case
// letters ("brexit", "agencja"), not "money.pl", "myPersonality" or "tvn24".
bool may_capitalise(const std::u32string& s) {
  for (char32_t c : s) {
    if (is_space(c)) break;
    if (!is_letter(c) || is_upper(c)) return false;
  }
  return true;
}

// The base form of a name other than a person's or a NORP word (base_form).
std::u32string polish_non_person(const std::vector<std::u32string>& words, std::string_view label, const Lexicon& lex) {
  const bool starts_lower = is_lower(words[0][0]);
  std::u32string out = polish_name(words, lex);
  if (label == "LOC" && !is_known_place(split_words(from_codepoints(out)), lex)) {
    // A place the word rules do not know: a listed place that keeps at least as much of
    // the mention as the rules' guess does ("Stanach" -> "Stany", not "Atlantyku" -> "Atlanta"),
    // or, where the rules left the mention as it was, one whose every word is all in the
    // mention's, diacritics aside ("Łodzi" -> "Łódź", "Krakowie" -> "Kraków"; not
    // "Atlantyk" -> "Atlanta").
    bool whole = false;
    const std::string place = match_place(words, lex, &whole);
    const bool unchanged = out == join_words(words);
    // A place of several words, or of a hyphenated one, matched word by word is the better
    // guess: the word rules inflect only the last part of a hyphenated word ("Bielska-Białej"
    // -> "Bielsko-Biała"), and take a noun they do not know for a feminine one ("Nowego
    // Sącza" -> "Nowa Sącza", not "Nowy Sącz").
    const bool several = words.size() >= 2 || std::any_of(words.begin(), words.end(), [](const std::u32string& w) {
                           return w.find(U'-') != std::u32string::npos;
                         });
    // The rules' word is the place's without its last letters ("Renem" -> "Ren", the place
    // "Reno"): another name, but for plural endings ("Kielc" ~ "Kielce").
    const std::u32string guess = lower_cps(from_codepoints(out)), listed = lower_cps(place);
    const std::u32string rest = listed.size() > guess.size() && listed.compare(0, guess.size(), guess) == 0
                                    ? listed.substr(guess.size())
                                    : U"";
    const bool shorter_name = !unchanged && !rest.empty() && rest != U"y" && rest != U"i" &&
                              !(rest == U"e" && !guess.empty() && guess.back() == U'c');
    if (!place.empty() && !shorter_name && ((unchanged && whole) || several ||
                           shared_letters(words, split_words(place)) >= shared_letters(words, split_words(from_codepoints(out))))) {
      return to_codepoints(place);
    }
  }
  if (starts_lower && may_capitalise(out)) out = capitalise_first(out);
  return out;
}

}  // namespace

std::string polish_people_word(std::string_view word, bool* plural, size_t* stem_size) {
  // Endings of the regular patterns, every case, singular and plural, and what the plural
  // nominative ends in: Rosjanin/Rosjanie, Brytyjczyk/Brytyjczycy, Polak/Polacy,
  // Niemców/Niemcy, Francuz/Francuzi. Longest first.
  struct Ending {
    std::u32string_view ending;
    std::u32string_view nominative;
    bool plural;
  };
  static const Ending kEndings[] = {
      {U"czykami", U"czycy", true}, {U"czykach", U"czycy", true}, {U"czykiem", U"czycy", false},
      {U"czykowi", U"czycy", false}, {U"czyków", U"czycy", true}, {U"czykom", U"czycy", true},
      {U"czycy", U"czycy", true}, {U"czyka", U"czycy", false}, {U"czyku", U"czycy", false},
      {U"czyk", U"czycy", false},
      {U"aninem", U"anie", false}, {U"aninowi", U"anie", false}, {U"aninie", U"anie", false},
      {U"anina", U"anie", false}, {U"anami", U"anie", true}, {U"anach", U"anie", true},
      {U"anin", U"anie", false}, {U"anie", U"anie", true}, {U"anów", U"anie", true}, {U"anom", U"anie", true},
      {U"akami", U"acy", true}, {U"akach", U"acy", true}, {U"akiem", U"acy", false}, {U"akowi", U"acy", false},
      {U"aków", U"acy", true}, {U"akom", U"acy", true}, {U"acy", U"acy", true}, {U"aka", U"acy", false},
      {U"aku", U"acy", false}, {U"ak", U"acy", false},
      {U"cami", U"cy", true}, {U"cach", U"cy", true}, {U"ców", U"cy", true}, {U"com", U"cy", true},
      {U"cy", U"cy", true},
      {U"uzami", U"uzi", true}, {U"uzach", U"uzi", true}, {U"uzów", U"uzi", true}, {U"uzom", U"uzi", true},
      {U"uzi", U"uzi", true},
  };
  const std::u32string w = to_codepoints(word);
  if (w.size() < 5 || !is_upper(w[0]) || !std::all_of(w.begin() + 1, w.end(), [](char32_t c) { return is_lower(c); })) {
    return "";
  }
  for (const Ending& e : kEndings) {
    if (w.size() < e.ending.size() + 3 || w.compare(w.size() - e.ending.size(), e.ending.size(), e.ending) != 0) continue;
    if (plural) *plural = e.plural;
    if (stem_size) *stem_size = w.size() - e.ending.size();
    return from_codepoints(w.substr(0, w.size() - e.ending.size()) + std::u32string(e.nominative));
  }
  return "";
}

std::string polish_people_place(std::string_view word, const Lexicon& lexicon) {
  size_t stem_size = 0;
  if (polish_people_word(word, nullptr, &stem_size).empty()) return "";
  const std::u32string plain = plain_lower(word);
  const std::u32string stem = plain.substr(0, stem_size);  // "rosj", "pol", "brytyj"
  // The place whose only or last word is the stem, but for at most two of the stem's letters
  // ("brytyj" ~ "brytania"), and then a place name's ending ("-ska", "-ja", "-ia", "-a" …:
  // "pol" is Polska, not Połąga; "now" is no Nowokuźnieck), not an adjective of a longer name
  // ("Kolumbia Brytyjska"). The best shares most letters with the whole word ("słowacy":
  // Słowacja, not Słowenia), then has fewer words ("Francuzi": Francja, not Martina Franca).
  // A place's own name is the place ("Niemcy" is Germany as well).
  static const std::u32string_view kPlaceEndings[] = {U"", U"a", U"y", U"e", U"ia", U"ja", U"cy", U"ny", U"ska",
                                                      U"cja", U"acja", U"nia", U"ania", U"enia"};
  std::string best;
  size_t best_shared = 0, best_words = 0;
  for (uint32_t i : lexicon.places_with_word_prefix("pl", std::u32string_view(plain).substr(0, 3))) {
    const std::string& name = lexicon.places()[i].name;
    const std::u32string place = plain_lower(name);
    if (place == plain) return "";
    const size_t space = place.rfind(U' ');
    const std::u32string last = space == std::u32string::npos ? place : place.substr(space + 1);
    if (space != std::u32string::npos && (ends_with(last, U"ska") || ends_with(last, U"cka") || ends_with(last, U"ski"))) {
      continue;
    }
    size_t lcp = 0;
    while (lcp < stem.size() && lcp < last.size() && stem[lcp] == last[lcp]) ++lcp;
    if (!(lcp == stem.size() || (lcp >= 4 && lcp + 2 >= stem.size()))) continue;
    const std::u32string_view left = std::u32string_view(last).substr(lcp);
    if (std::find(std::begin(kPlaceEndings), std::end(kPlaceEndings), left) == std::end(kPlaceEndings)) continue;
    size_t shared = 0;
    while (shared < plain.size() && shared < last.size() && plain[shared] == last[shared]) ++shared;
    const size_t words = static_cast<size_t>(std::count(place.begin(), place.end(), U' ')) + 1;
    if (best.empty() || shared > best_shared || (shared == best_shared && words < best_words)) {
      best = name;
      best_shared = shared;
      best_words = words;
    }
  }
  return best;
}

std::string base_form(std::string_view surface, std::string_view label, std::string_view lang,
                      const Lexicon* lex) {
  std::vector<std::u32string> words = split_words(surface);
  if (words.empty()) return "";
  if (lang != "pl" || lex == nullptr) {
    words.back() = strip_possessive(words.back());
    return from_codepoints(join_words(words));
  }
  if (label == "PER") {
    // Lower-case "persons" are groups ("torysów"): no capital is invented for them.
    return from_codepoints(polish_person(words, *lex));
  }
  if (label == "NORP") {
    // "Rosjan", "Rosjanami" -> "Rosjanie": an inhabitant noun's base is its plural.
    if (words.size() == 1) {
      const std::string people = polish_people_word(from_codepoints(words.front()));
      if (!people.empty() && !polish_people_place(from_codepoints(words.front()), *lex).empty()) return people;
    }
    for (auto& w : words) w = polish_word(w, *lex, false).lemma;
    return from_codepoints(join_words(words));
  }
  // A name in quotation marks ("„Gazecie Wyborczej”") inflects inside them (one pair; not
  // recursively: a hostile span of a million marks must not nest a million calls).
  const auto is_mark = [](char32_t c) {
    return c == U'\u201E' || c == U'\u201C' || c == U'\u201D' || c == U'"' || c == U'\u00AB' || c == U'\u00BB';
  };
  const size_t letters_inside = words.size() == 1 ? words.front().size() : 3;
  if (letters_inside > 2 && words.front().size() > 1 && words.back().size() > 1 && is_mark(words.front().front()) &&
      is_mark(words.back().back())) {
    const char32_t open = words.front().front(), close = words.back().back();
    words.front().erase(0, 1);
    words.back().pop_back();
    return from_codepoints(std::u32string(1, open) + polish_non_person(words, label, *lex) + std::u32string(1, close));
  }
  return from_codepoints(polish_non_person(words, label, *lex));
}

// --- Section: relational words ---

namespace {

// Candidate stems of a relational word: with the longest relational suffix removed, and
// with only "-ski/-cki/-dzki" (or English "-n/-ish") removed.
std::vector<std::u32string> relational_stems(const std::u32string& w) {
  static const std::array<std::u32string_view, 25> kSuffixes = {
      U"yjski", U"ijski", U"anski", U"enski", U"inski", U"ynski", U"owski", U"ewski", U"dzki",
      U"ski", U"cki", U"ian", U"ese", U"ish", U"an", U"ic", U"i", U"y", U"owy", U"ny",
      // Polish inhabitant nouns, plural nominative (polish_people_word): Rosjanie, Brytyjczycy,
      // Polacy, Niemcy, Francuzi.
      U"anie", U"czycy", U"acy", U"cy", U"uzi"};
  std::vector<std::u32string> out;
  for (std::u32string_view s : kSuffixes) {
    if (w.size() > s.size() + 1 && ends_with(w, s)) out.push_back(w.substr(0, w.size() - s.size()));
  }
  if (out.empty()) out.push_back(w);
  return out;
}

}  // namespace

std::string relational_place(std::string_view relational, const std::vector<std::string>& candidates) {
  // Only the last part of a compound counts: "rosyjsko-ukraiński" -> "ukraiński".
  std::u32string w = plain_lower(relational);
  const size_t hyphen = w.rfind(U'-');
  if (hyphen != std::u32string::npos) w = w.substr(hyphen + 1);
  const std::vector<std::u32string> stems = relational_stems(w);
  std::string best;
  long best_score = 0;
  if (w.empty()) return "";
  // Every stem starts with the word's first letter: a place none of whose words starts with
  // it (ASCII case aside) cannot match, and is skipped before the costly folding.
  const bool ascii_first = w[0] < 0x80;
  const char first = static_cast<char>(w[0]);
  for (const std::string& cand : candidates) {
    if (ascii_first) {
      bool starts = false;
      for (size_t i = 0; i < cand.size() && !starts; ++i) {
        if (i == 0 || cand[i - 1] == ' ') starts = std::tolower(static_cast<unsigned char>(cand[i])) == first;
      }
      if (!starts) continue;
    }
    // Compare with every word of the place ("Wielka Brytania": "brytania").
    const std::u32string name = plain_lower(cand);
    const bool several = name.find(U' ') != std::u32string::npos;
    size_t start = 0;
    for (size_t i = 0; i <= name.size(); ++i) {
      if (i < name.size() && name[i] != U' ') continue;
      const std::u32string word = name.substr(start, i - start);
      start = i + 1;
      // In "Polinezja Francuska" the adjective is not the place's own word.
      if (several && (ends_with(word, U"ska") || ends_with(word, U"cka") || ends_with(word, U"na") ||
                      ends_with(word, U"ny") || ends_with(word, U"ski") || ends_with(word, U"ie"))) {
        continue;
      }
      for (const std::u32string& stem : stems) {
        const size_t lcp = common_prefix(stem, word);
        if (!(lcp >= 4 || (lcp >= 3 && lcp == stem.size()))) continue;
        // Prefer more shared letters, then less left over in the place name.
        const long score = static_cast<long>(lcp) * 100 - static_cast<long>(word.size() - lcp);
        if (score > best_score) {
          best_score = score;
          best = cand;
        }
      }
    }
  }
  return best;
}

std::string polish_place_of(std::string_view word, const Lexicon& lexicon) {
  const std::vector<std::u32string> words = split_words(word);
  if (words.size() != 1) return "";
  if (is_known_place(words, lexicon)) return from_codepoints(words[0]);
  return match_place(words, lexicon);
}

}  // namespace glosa::names
