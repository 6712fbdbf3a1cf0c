// Quotations and their speakers. Layer: engine/quotes. Rules: docs/QUOTES.md.
//
// Index:
//   --- Section: document view ---         tokens, lines, sentences, entities, groups
//   --- Section: role phrases ---          "prezydent Kazachstanu", "rosyjski przywódca"
//   --- Section: article facts ---         person mentions, appositions, co-occurrence
//   --- Section: attribution clauses ---   the words after, inside and before a quotation
//   --- Section: speaker resolution ---    name, role, context; confidence levels
//   --- Section: find_quotations ---       title rules (the acceptance is in run())
//   --- Section: dash speech ---           Polish "– Tekst – powiedział X."
//   run()                                  which quoted spans are quotations; the output
#include "engine/quotes/quotations.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <string>

#include "engine/quotes/quote_marks.h"
#include "engine/quotes/speech_lexicon.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa {

namespace {

// --- Section: document view ---

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_place_label(std::string_view label) {
  return label == "LOC" || label == "GPE" || label == "NORP";
}

// A role noun's qualifier: a place or an organisation ("prezydent Kazachstanu", "szef MSZ").
bool is_qualifier_label(std::string_view label) {
  return is_place_label(label) || label == "ORG";
}

struct RolePhrase {
  std::string key;      // the role noun's canonical form: "prezydent"
  std::string place;    // lower-cased place of a LOC/NORP qualifier: "kazachstan", "rosja"
  std::string domain;   // other qualifiers, lower-cased: "infrastruktury", "msz", "foreign"
  Gender gender = Gender::Unknown;
  int organisation = -1;   // an ORG qualifier's entity ("analysts at Morgan Stanley"), or -1
  size_t first_token = 0;  // the whole phrase, modifiers and complement included
  size_t end_token = 0;
  size_t head_token = 0;   // the role noun itself
};

struct PersonMention {
  int entity = -1;
  size_t first_token = 0;
  size_t end_token = 0;
  std::string key;
  bool in_quote = false;
  bool is_subject_like = false;  // outside quotes, not after a preposition, nominative
  size_t paragraph = 0;
  size_t sentence = 0;
};

struct Speaker {
  // Title: a quoted name ("– podsumowuje „Dawn”") that is no entity: words, no speaker.
  enum class Kind { None, Name, Role, Pronoun, Title };
  Kind kind = Kind::None;
  int entity = -1;             // Name: the PER (or ORG) mention
  RolePhrase role;             // Role
  size_t first_token = 0;      // the words naming the speaker
  size_t end_token = 0;
  Gender gender = Gender::Unknown;  // Pronoun / Role
  int rivals = 0;              // other names that could have been the subject
};

// The words next to a quotation that may attribute it.
struct Clause {
  bool has_cue = false;
  SpeechCue cue;
  size_t cue_first = 0;
  size_t cue_end = 0;
  Speaker speaker;
  bool is_colon = false;  // intro ending in ':'
  size_t distance = 0;    // intro: tokens between the cue and the opening mark
};

// A quotation already attributed, for the ones after it ("– dodał.").
struct PastSpeaker {
  std::string key;
  size_t paragraph = 0;
  size_t after_byte = 0;  // end of its attribution; later mentions are newer candidates
};

// How far before a quotation's opening mark its introducing clause may start, in tokens.
// A sentence in news prose is rarely half this long; the bound keeps each quotation's look
// back constant, so a huge paragraph of quotations is found in linear time.
constexpr size_t kMaxIntroTokens = 120;

// How many person mentions back a quotation without a named speaker looks for one.
constexpr size_t kMaxContextMentions = 64;

// Where a quoted span comes from: quotation marks, or Polish dialogue dashes ("– Tekst –
// powiedział X. – Dalej."): attributed by a dash clause, continuing one, or open to its line end.
enum class SpanKind : uint8_t { Marks, DashAttributed, DashContinued, DashOpen };

struct Resolved {
  std::string key;          // person key ("g:<group id>" or "m:<name>"), "" if none
  std::string attribution;  // "name", "role", "context", ""
  float confidence = 0.0f;
};

class QuoteFinder {
 public:
  QuoteFinder(std::string_view text, const std::vector<Token>& tokens,
              const std::vector<Sentence>& sentences, std::string_view lang,
              const std::vector<Entity>& entities, const std::vector<EntityGroup>& groups)
      : text_(text), tokens_(tokens), lang_(lang), entities_(entities), groups_(groups) {
    index_tokens(sentences);
    index_entities();
  }

  std::vector<Quotation> run();

 private:
  // Token view; every accessor accepts any index (out of range: "", false).
  std::string_view word(size_t i) const { return i < lower_.size() ? std::string_view(lower_[i]) : ""; }
  bool is_word(size_t i) const { return i < tokens_.size() && tokens_[i].kind == TokenKind::Word; }
  std::string_view raw(size_t i) const {
    return i < tokens_.size() ? text_.substr(tokens_[i].begin_byte, tokens_[i].end_byte - tokens_[i].begin_byte)
                              : std::string_view();
  }
  bool is_punct(size_t i, std::string_view p) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::Punct && raw(i) == p;
  }
  char32_t single_cp(size_t i) const;  // the code point of a one-character Punct token, else 0
  bool is_dash_token(size_t i) const { const char32_t c = single_cp(i); return c != 0 && is_dash(c); }
  bool is_terminator(size_t i) const {
    return is_punct(i, ".") || is_punct(i, "!") || is_punct(i, "?") || is_punct(i, "\xE2\x80\xA6") ||
           is_punct(i, "...");
  }
  bool is_quote_token(size_t i) const {
    const char32_t c = single_cp(i);
    return c != 0 && c != '\'' && c != 0x2019 && is_quote_char(c);
  }
  bool is_capitalized(size_t i) const { return is_word(i) && is_upper(first_codepoint(raw(i))); }
  bool after_preposition(size_t first) const { return first > 0 && is_preposition(word(first - 1), lang_); }
  int entity_at(size_t i) const { return i < ent_at_.size() ? ent_at_[i] : -1; }
  bool starts_entity(size_t i, int* e) const {
    *e = entity_at(i);
    return *e >= 0 && ent_first_[static_cast<size_t>(*e)] == i;
  }
  const Entity& entity(int e) const { return entities_[static_cast<size_t>(e)]; }
  std::string_view surface(int e) const {
    const Entity& en = entity(e);
    return text_.substr(en.begin_byte, en.end_byte - en.begin_byte);
  }
  const EntityGroup* group_by_id(std::string_view id) const {
    if (id.empty()) return nullptr;
    auto it = group_index_.find(std::string(id));
    return it == group_index_.end() ? nullptr : &groups_[it->second];
  }
  size_t paragraph_end(size_t i) const;
  size_t region_start(size_t open_token) const;

  void index_tokens(const std::vector<Sentence>& sentences);
  void index_entities();

  // Role phrases and article facts.
  bool role_at(size_t head, RolePhrase* out) const;
  bool role_ending_at(size_t token, size_t first, RolePhrase* out) const;
  void set_qualifier(RolePhrase* r, int e) const;
  std::string place_name(int e) const;
  std::string person_key(int e) const;
  bool is_nominative(int e) const;
  Gender gender_of(const std::string& key) const;
  void collect_facts(const std::vector<QuoteSpan>& spans);

  // Clauses.
  Clause clause_after(size_t first, size_t limit, size_t max_cue_words) const;
  void add_dash_speech(std::vector<QuoteSpan>* spans, std::vector<Clause>* cut, std::vector<SpanKind>* kind) const;
  Clause trailing_clause(const QuoteSpan& s, size_t limit) const;
  Clause inside_clause(const QuoteSpan& s) const;
  Clause intro_clause(const QuoteSpan& s, size_t region_first) const;
  Speaker find_subject(size_t region_first, size_t cue_first, size_t cue_end, size_t region_end,
                       bool prefer_after, const SpeechCue& cue) const;
  Speaker source_subject(size_t first, size_t limit) const;

  // Resolution.
  Resolved resolve_context(size_t open_token, Gender gender, bool is_continuation, bool has_cue,
                           bool has_pronoun) const;
  Resolved resolve_role(const RolePhrase& r, const SpeechCue& cue, size_t open_token) const;
  double tie_score(const std::string& person, const RolePhrase& r) const;
  bool place_conflict(const std::string& person, const RolePhrase& r) const;
  double cooc_score(const std::string& person, const RolePhrase& r) const;
  const PersonMention* latest_subject_before(size_t token, size_t min_byte, size_t min_paragraph,
                                             Gender gender) const;

  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::string lang_;
  const std::vector<Entity>& entities_;
  const std::vector<EntityGroup>& groups_;

  std::vector<std::string> lower_;        // per token: lower-cased, an abbreviation dot dropped
  std::vector<size_t> paragraph_;         // per token: index of its line
  std::vector<size_t> paragraph_first_;   // per line: its first token
  std::vector<size_t> sentence_;          // per token: index of its sentence
  std::vector<size_t> sentence_first_;    // per sentence: its first token
  std::vector<int> ent_at_;               // per token: an entity overlapping it, -1
  std::vector<size_t> ent_first_, ent_end_;  // per entity: token range (empty if invalid)
  std::map<std::string, size_t> group_index_;
  std::vector<bool> in_quote_;            // per token: inside a quoted span (marks included)

  std::vector<PersonMention> persons_;    // PER mentions in text order
  std::map<std::string, size_t> mention_count_;
  size_t max_mentions_ = 1;
  // Per person: the distinct roles appositions give them ("prezydent" of "kazachstan").
  std::map<std::string, std::vector<RolePhrase>> ties_;
  // Per person: the distinct role phrases named (outside quotations, not in an apposition) in
  // a sentence with them, each with its summed weight: 0.5 per sentence, shared between the
  // persons named there.
  std::map<std::string, std::vector<std::pair<RolePhrase, double>>> cooc_;
  std::map<size_t, std::vector<std::string>> sentence_persons_;  // outside quotations
  std::vector<bool> is_loose_role_;  // per token: the head of a role counted in cooc_
  std::map<std::string, Gender> known_gender_;  // from the verbs of attributed quotations
  mutable std::unordered_map<std::string, Gender> guessed_gender_;  // from names, memoised
  std::vector<PastSpeaker> past_;
};

char32_t QuoteFinder::single_cp(size_t i) const {
  if (i >= tokens_.size() || tokens_[i].kind != TokenKind::Punct) return 0;
  size_t len = 0;
  const char32_t cp = decode_utf8(text_, tokens_[i].begin_byte, &len);
  return len == tokens_[i].end_byte - tokens_[i].begin_byte ? cp : 0;
}

void QuoteFinder::index_tokens(const std::vector<Sentence>& sentences) {
  const size_t n = tokens_.size();
  lower_.resize(n);
  paragraph_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    std::string_view t = raw(i);
    if (tokens_[i].is_abbreviation && !t.empty() && t.back() == '.') t.remove_suffix(1);
    lower_[i] = tokens_[i].kind == TokenKind::Word ? to_lower(t) : std::string(t);
    if (i == 0 || tokens_[i].newline_before) paragraph_first_.push_back(i);
    paragraph_[i] = paragraph_first_.size() - 1;
  }
  sentence_.assign(n, 0);
  std::vector<Sentence> computed;
  const std::vector<Sentence>* ss = &sentences;
  if (sentences.empty() && n > 0) {
    computed = split_sentences(text_, tokens_);
    ss = &computed;
  }
  // Tokens a (malformed) sentence list misses keep the previous sentence's index.
  size_t current = 0;
  size_t next = 0;
  for (size_t i = 0; i < n; ++i) {
    while (next < ss->size() && (*ss)[next].first_token <= i) {
      current = sentence_first_.size();
      sentence_first_.push_back((*ss)[next].first_token);
      ++next;
    }
    if (sentence_first_.empty()) sentence_first_.push_back(0);
    sentence_[i] = current;
  }
}

void QuoteFinder::index_entities() {
  for (size_t g = 0; g < groups_.size(); ++g) group_index_.emplace(groups_[g].id, g);
  const size_t n = tokens_.size();
  ent_at_.assign(n, -1);
  ent_first_.assign(entities_.size(), 0);
  ent_end_.assign(entities_.size(), 0);
  for (size_t e = 0; e < entities_.size(); ++e) {
    const Entity& en = entities_[e];
    if (en.begin_byte >= en.end_byte || en.end_byte > text_.size()) continue;
    auto it = std::lower_bound(tokens_.begin(), tokens_.end(), en.begin_byte,
                               [](const Token& t, size_t b) { return t.end_byte <= b; });
    size_t first = static_cast<size_t>(it - tokens_.begin());
    size_t end = first;
    while (end < n && tokens_[end].begin_byte < en.end_byte) ++end;
    if (end == first) continue;
    ent_first_[e] = first;
    ent_end_[e] = end;
    for (size_t t = first; t < end; ++t) {
      if (ent_at_[t] < 0) ent_at_[t] = static_cast<int>(e);
    }
  }
}

size_t QuoteFinder::paragraph_end(size_t i) const {
  const size_t p = i < paragraph_.size() ? paragraph_[i] : paragraph_first_.size();
  return p + 1 < paragraph_first_.size() ? paragraph_first_[p + 1] : tokens_.size();
}

// Where the words introducing a quotation may start: its sentence and line.
size_t QuoteFinder::region_start(size_t open) const {
  size_t r = std::max(paragraph_first_[paragraph_[open]], sentence_first_[sentence_[open]]);
  // "Putin powiedział:\n„…”": a colon at the end of the previous line introduces it.
  if (open > 0 && open == paragraph_first_[paragraph_[open]] && is_punct(open - 1, ":")) {
    r = std::max(paragraph_first_[paragraph_[open - 1]], sentence_first_[sentence_[open - 1]]);
  }
  return r;
}

// --- Section: role phrases ---

bool is_pl_modifier(std::string_view w) {
  return w == "były" || w == "była" || w == "byłego" || w == "byłej" || w == "obecny" ||
         w == "obecna" || w == "nowy" || w == "nowa" || w == "ówczesny" || w == "ówczesna" ||
         w == "p.o" || w == "wice";
}

bool is_en_modifier(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "former" || w == "current" || w == "new" ||
         w == "then" || w == "outgoing" || w == "acting" || w == "top" || w == "senior";
}

bool is_en_domain(std::string_view w) {
  return w == "foreign" || w == "finance" || w == "defence" || w == "defense" || w == "interior" ||
         w == "health" || w == "economy" || w == "justice" || w == "energy" || w == "trade" ||
         w == "education" || w == "environment" || w == "press" || w == "government" ||
         w == "state" || w == "party" || w == "company";
}

// A Polish word that may be a genitive complement of a role noun ("rządu", "spraw",
// "zagranicznych", "infrastruktury").
bool looks_genitive_pl(std::string_view w) {
  if (ends_with(w, "ja")) return false;  // "tolerancja", "decyzja": nominative
  return ends_with(w, "u") || ends_with(w, "a") || ends_with(w, "y") || ends_with(w, "i") ||
         ends_with(w, "ego") || ends_with(w, "ej") || ends_with(w, "ych") || ends_with(w, "ów");
}

std::string QuoteFinder::place_name(int e) const {
  const Entity& en = entity(e);
  if (const EntityGroup* g = group_by_id(en.group)) {
    if (en.label == "NORP" || g->label == "NORP") {
      if (!g->place.empty()) return to_lower(g->place);
      if (const EntityGroup* linked = group_by_id(g->link)) return to_lower(linked->name);
    }
    if (!g->name.empty()) return to_lower(g->name);
  }
  if (!en.lemma.empty()) return to_lower(en.lemma);
  return to_lower(surface(e));
}

void QuoteFinder::set_qualifier(RolePhrase* r, int e) const {
  const Entity& en = entity(e);
  if (is_place_label(en.label)) {
    if (r->place.empty()) r->place = place_name(e);
  } else {
    if (en.label == "ORG" && r->organisation < 0) r->organisation = e;
    if (!r->domain.empty()) r->domain += ' ';
    r->domain += place_name(e);
  }
}

// The role phrase whose role noun is at token `head`: modifiers before it ("rosyjski", "były",
// "Russian", "the"), a complement after it (Polish genitive "Kazachstanu", "rządu"; English
// "of Kazakhstan"). False when `head` is not a role noun or lies inside a name.
bool QuoteFinder::role_at(size_t head, RolePhrase* out) const {
  if (!is_word(head)) return false;
  const int inside = entity_at(head);
  if (inside >= 0 && entity(inside).label != "NORP") return false;  // "Kancelaria Prezydenta"
  RoleNoun rn = find_role_noun(word(head), word(head + 1), lang_);
  bool plural = false;
  // English plurals name a group: "analysts", "economists", "officials".
  if (rn.key.empty() && lang_ != "pl" && word(head).size() > 4 && ends_with(word(head), "s")) {
    const std::string_view w = word(head);
    rn = find_role_noun(w.substr(0, w.size() - 1), "", lang_);
    plural = rn.word_count == 1;
    if (!plural) rn = RoleNoun{};
  }
  if (rn.key.empty()) return false;
  RolePhrase r;
  r.key = rn.key;
  r.gender = plural ? Gender::Plural : rn.gender;
  r.head_token = head;
  r.first_token = head;
  r.end_token = head + rn.word_count;
  const bool english = lang_ == "en";
  // Modifiers before the noun, at most three tokens.
  for (size_t steps = 0; steps < 3 && r.first_token > 0; ++steps) {
    const size_t q = r.first_token - 1;
    if (tokens_[r.first_token].newline_before) break;
    const int e = entity_at(q);
    if (e >= 0 && is_qualifier_label(entity(e).label) && ent_end_[static_cast<size_t>(e)] == q + 1) {
      set_qualifier(&r, e);
      r.first_token = ent_first_[static_cast<size_t>(e)];
      continue;
    }
    const std::string_view w = word(q);
    if (is_word(q) && (is_pl_modifier(w) || is_en_modifier(w))) {
      r.first_token = q;
      continue;
    }
    if (is_word(q) && is_en_domain(w) && lang_ != "pl") {
      if (!r.domain.empty()) r.domain += ' ';
      r.domain += std::string(w);
      r.first_token = q;
      continue;
    }
    break;
  }
  // The complement after the noun.
  size_t c = r.end_token;
  int e = -1;
  if (!english && c < tokens_.size() && !tokens_[c].newline_before) {
    // Up to six words: "minister informacji i środków masowego przekazu", "minister ds.
    // mniejszości"; a joiner ("i", "ds.") only between genitives.
    for (int words = 0; words < 6 && c < tokens_.size() && !tokens_[c].newline_before; ++words) {
      if (starts_entity(c, &e) && is_qualifier_label(entity(e).label)) {
        set_qualifier(&r, e);
        c = ent_end_[static_cast<size_t>(e)];
        break;
      }
      const std::string_view w = word(c);
      if (is_word(c) && e < 0 && is_capitalized(c) && words == 0) {  // an untagged "Kazachstanu"
        r.domain = std::string(w);
        ++c;
        break;
      }
      Gender g = Gender::Unknown;
      const bool joiner = w == "i" || w == "oraz" || w == "ds" || w == "do" || w == "spraw";
      if (joiner && words > 0 && is_word(c + 1) && !is_capitalized(c + 1) && looks_genitive_pl(word(c + 1))) {
        r.domain += ' ';
        r.domain += std::string(w);
        ++c;
        continue;
      }
      if (w == "ds" && words == 0) {
        r.domain += "ds";
        ++c;
        continue;
      }
      if (!is_word(c) || e >= 0 || is_capitalized(c) || !looks_genitive_pl(w) ||
          is_preposition(w, lang_) || starts_subclause(w, lang_) || is_subject_pronoun(w, lang_, &g) ||
          find_speech_cue(w, word(c + 1), lang_).is_cue || !find_role_noun(w, "", lang_).key.empty()) {
        break;
      }
      if (!r.domain.empty()) r.domain += ' ';
      r.domain += std::string(w);
      ++c;
    }
  }
  const bool english_org_link = word(c) == "at" || word(c) == "with" || word(c) == "from";
  if (lang_ != "pl" && (word(c) == "of" || word(c) == "for" || english_org_link)) {
    size_t d = c + 1;
    if (word(d) == "the") ++d;
    // "analysts at Jefferies": what follows "at" is their employer, whatever label the
    // model gave the name.
    const bool employer = english_org_link && starts_entity(d, &e) &&
                          (entity(e).label == "ORG" || entity(e).label == "PER");
    if (employer && entity(e).label != "ORG") {
      if (r.organisation < 0) r.organisation = e;
      if (!r.domain.empty()) r.domain += ' ';
      r.domain += place_name(e);
      c = ent_end_[static_cast<size_t>(e)];
    } else if (starts_entity(d, &e) && (english_org_link ? entity(e).label == "ORG" : is_qualifier_label(entity(e).label))) {
      set_qualifier(&r, e);
      c = ent_end_[static_cast<size_t>(e)];
    } else if (!english_org_link && is_word(d) && e < 0 && !is_preposition(word(d), lang_) &&
               !find_speech_cue(word(d), word(d + 1), lang_).is_cue) {
      if (!r.domain.empty()) r.domain += ' ';
      r.domain += std::string(word(d));
      c = d + 1;
    }
  }
  r.end_token = c;
  *out = std::move(r);
  return true;
}

// A role phrase whose noun lies in [first, token) and which reaches `token` (ends right
// before it, or takes it as its complement).
bool QuoteFinder::role_ending_at(size_t token, size_t first, RolePhrase* out) const {
  for (size_t head = token; head-- > first && token - head <= 6;) {
    if (role_at(head, out) && out->end_token >= token) return true;
  }
  return false;
}

// --- Section: article facts ---

std::string QuoteFinder::person_key(int e) const {
  const Entity& en = entity(e);
  if (const EntityGroup* g = group_by_id(en.group)) return "g:" + g->id;
  return "m:" + to_lower(en.lemma.empty() ? surface(e) : std::string_view(en.lemma));
}

std::string group_of_key(const std::string& key) {
  return key.compare(0, 2, "g:") == 0 ? key.substr(2) : std::string();
}

// Polish subjects are nominative: a mention whose known base form differs from its surface
// ("Tokajewem" -> "Tokajew") is an object. Without a lemma every mention may be a subject.
bool QuoteFinder::is_nominative(int e) const {
  const Entity& en = entity(e);
  if (lang_ == "en" || en.lemma.empty()) return true;
  return to_lower(en.lemma) == to_lower(surface(e));
}

// Polish naming conventions give a gender for many full names: "-ska"/"-ski" surnames, and
// first names ending in "-a" (a few male exceptions). Unknown otherwise.
Gender guess_name_gender(std::string_view name) {
  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (pos < name.size()) {
    size_t end = name.find(' ', pos);
    if (end == std::string_view::npos) end = name.size();
    if (end > pos) parts.push_back(name.substr(pos, end - pos));
    pos = end + 1;
  }
  if (parts.empty()) return Gender::Unknown;
  const std::string last = to_lower(parts.back());
  if (ends_with(last, "ska") || ends_with(last, "cka") || ends_with(last, "dzka")) return Gender::Feminine;
  if (ends_with(last, "ski") || ends_with(last, "cki") || ends_with(last, "dzki")) return Gender::Masculine;
  if (parts.size() < 2) return Gender::Unknown;
  const std::string first = to_lower(parts.front());
  static const std::string_view kMaleA[] = {"kuba", "barnaba", "bonawentura", "kosma", "jarema",
                                            "nikita", "ilja", "luca", "sasza", "misza", "kostia"};
  if (ends_with(first, "a")) {
    return std::find(std::begin(kMaleA), std::end(kMaleA), first) != std::end(kMaleA) ? Gender::Masculine
                                                                                      : Gender::Feminine;
  }
  const char32_t last_cp = [&] {
    char32_t cp = 0;
    size_t len = 0;
    for (size_t i = 0; i < first.size(); i += len) cp = decode_utf8(first, i, &len);
    return cp;
  }();
  const bool vowel = last_cp == 'e' || last_cp == 'i' || last_cp == 'o' || last_cp == 'u' ||
                     last_cp == 'y' || last_cp == 0x0119 /*ę*/ || last_cp == 0x0105 /*ą*/;
  return vowel ? Gender::Unknown : Gender::Masculine;
}

Gender QuoteFinder::gender_of(const std::string& key) const {
  auto it = known_gender_.find(key);
  if (it != known_gender_.end()) return it->second;
  if (lang_ == "en") return Gender::Unknown;
  // Role resolution asks for every person of the article at every role quotation.
  auto guessed = guessed_gender_.find(key);
  if (guessed != guessed_gender_.end()) return guessed->second;
  Gender g = Gender::Unknown;
  if (const EntityGroup* group = group_by_id(group_of_key(key))) g = guess_name_gender(group->name);
  guessed_gender_.emplace(key, g);
  return g;
}

void QuoteFinder::collect_facts(const std::vector<QuoteSpan>& spans) {
  in_quote_.assign(tokens_.size(), false);
  for (const QuoteSpan& s : spans) {
    if (s.parent >= 0) continue;
    const size_t end = s.is_closed() ? s.close_token + 1 : s.inner_end;
    for (size_t t = s.open_token; t < end && t < tokens_.size(); ++t) in_quote_[t] = true;
  }
  // Person mentions, in text order.
  std::vector<size_t> order;
  for (size_t e = 0; e < entities_.size(); ++e) {
    if (entities_[e].label == "PER" && ent_end_[e] > ent_first_[e]) order.push_back(e);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ent_first_[a] < ent_first_[b]; });
  for (size_t e : order) {
    PersonMention m;
    m.entity = static_cast<int>(e);
    m.first_token = ent_first_[e];
    m.end_token = ent_end_[e];
    m.key = person_key(m.entity);
    m.in_quote = in_quote_[m.first_token];
    m.is_subject_like = !m.in_quote && !after_preposition(m.first_token) && is_nominative(m.entity);
    m.paragraph = paragraph_[m.first_token];
    m.sentence = sentence_[m.first_token];
    max_mentions_ = std::max(max_mentions_, ++mention_count_[m.key]);
    persons_.push_back(std::move(m));
  }
  const auto same_role = [](const RolePhrase& a, const RolePhrase& b) {
    return a.key == b.key && a.place == b.place && a.domain == b.domain;
  };
  const auto add_tie = [&](const RolePhrase& r, const std::string& person) {
    auto& list = ties_[person];
    for (const RolePhrase& t : list) {
      if (same_role(t, r)) return;
    }
    list.push_back(r);
  };
  is_loose_role_.assign(tokens_.size(), false);
  std::vector<RolePhrase> loose;
  // Appositions: "prezydent Rosji Władimir Putin", "the minister, John Smith",
  // "Tomasz Zieliński, minister infrastruktury", "[Tokajewa] na prezydenta Kazachstanu".
  for (size_t k = 0; k < tokens_.size(); ++k) {
    RolePhrase r;
    if (!role_at(k, &r)) continue;
    bool tied = false;
    int e = -1;
    size_t n = r.end_token;
    if (is_punct(n, ",")) ++n;
    // An apposed name agrees in case with the role noun; after a nominative role noun a name
    // in another case is a possessor ("adwokat Asi Bibi" is her lawyer, not Asia Bibi).
    const bool possessor = n < tokens_.size() && starts_entity(n, &e) && word(r.head_token) == r.key &&
                           !is_nominative(e);
    if (n < tokens_.size() && !tokens_[n].newline_before && starts_entity(n, &e) && entity(e).label == "PER" &&
        !possessor) {
      add_tie(r, person_key(e));
      tied = true;
    } else {
      // At least one link (",", "na", "as", a bracketed insertion...) between the name and the role.
      size_t p = r.first_token;
      for (int steps = 0; steps < 4 && p > 0 && !tokens_[p].newline_before; ++steps) {
        const size_t q = p - 1;
        const int before = entity_at(q);
        if (steps > 0 && before >= 0 && entity(before).label == "PER" &&
            ent_end_[static_cast<size_t>(before)] == q + 1) {
          add_tie(r, person_key(before));
          tied = true;
          break;
        }
        const std::string_view w = word(q);
        // A bracketed insertion is skipped whole: "Kasym-Żomarta Kiemielewicza [Tokajewa] na
        // prezydenta Kazachstanu", "Jan Kowalski (PiS), poseł".
        if (is_punct(q, "]") || is_punct(q, ")")) {
          const std::string_view open = is_punct(q, "]") ? "[" : "(";
          size_t o = q;
          while (o > 0 && q - o < 8 && !is_punct(o, open) && !tokens_[o].newline_before) --o;
          if (is_punct(o, open) && o < q) {
            p = o;
            continue;
          }
        }
        const bool link = is_punct(q, ",") || is_punct(q, "(") || is_dash_token(q) || w == "na" ||
                          w == "jako" || w == "as";
        if (!link) break;
        p = q;
      }
    }
    if (!tied && !in_quote_[k]) {
      is_loose_role_[r.head_token] = true;
      loose.push_back(r);
    }
    k = std::max(k, r.head_token);  // two-word roles: do not read "minister" of "prime minister" again
  }
  // Co-occurrence: the persons named (outside quotations) in each loose role's sentence.
  for (const PersonMention& m : persons_) {
    if (m.in_quote) continue;
    auto& keys = sentence_persons_[m.sentence];
    if (std::find(keys.begin(), keys.end(), m.key) == keys.end()) keys.push_back(m.key);
  }
  for (const RolePhrase& r : loose) {
    auto it = sentence_persons_.find(sentence_[r.head_token]);
    if (it == sentence_persons_.end()) continue;
    const double weight = 0.5 / static_cast<double>(it->second.size());
    for (const std::string& key : it->second) {
      auto& list = cooc_[key];
      auto found = std::find_if(list.begin(), list.end(), [&](const auto& p) { return same_role(p.first, r); });
      if (found == list.end()) list.emplace_back(r, weight);
      else found->second += weight;
    }
  }
}

// The weight `r` itself added to the person's co-occurrence (a role phrase is no evidence
// about itself).
double own_cooc_weight(const std::map<size_t, std::vector<std::string>>& sentence_persons,
                       size_t sentence, const std::string& person) {
  auto it = sentence_persons.find(sentence);
  if (it == sentence_persons.end()) return 0;
  if (std::find(it->second.begin(), it->second.end(), person) == it->second.end()) return 0;
  return 0.5 / static_cast<double>(it->second.size());
}

// --- Section: attribution clauses ---

// The words from `first` up to the end of their clause (a sentence end, ':', ';', a dash, a
// quotation mark, a line break or `limit`), with the verb of saying among their first
// `max_cue_words` words and before any comma, and the speaker's words around the verb.
Clause QuoteFinder::clause_after(size_t first, size_t limit, size_t max_cue_words) const {
  Clause c;
  limit = std::min(limit, tokens_.size());
  size_t end = first;
  while (end < limit && end - first < 40) {
    if (end > first && tokens_[end].newline_before) break;
    // A short quoted title inside the clause goes on with it ("– mówił w „Poranku RDC”
    // Zbigniew Lewicki."): up to six tokens, closed on the line, no sentence end inside.
    if (end > first && is_quote_token(end)) {
      size_t close = end + 1;
      while (close < limit && close <= end + 7 && !is_quote_token(close) && !is_terminator(close) &&
             !tokens_[close].newline_before) {
        ++close;
      }
      if (close < limit && close > end + 1 && close <= end + 7 && is_quote_token(close) && !tokens_[close].newline_before) {
        end = close + 1;
        continue;
      }
    }
    if (is_terminator(end) || is_punct(end, ":") || is_punct(end, ";") || is_dash_token(end) ||
        is_quote_token(end)) {
      break;
    }
    ++end;
  }
  size_t words = 0;
  for (size_t k = first; k < end && words < max_cue_words; ++k) {
    if (is_punct(k, ",")) break;
    if (!is_word(k)) continue;
    ++words;
    const SpeechCue cue = find_speech_cue(word(k), word(k + 1), lang_);
    if (cue.is_cue) {
      c.has_cue = true;
      c.cue = cue;
      c.cue_first = k;
      c.cue_end = std::min(end, k + cue.word_count);
      break;
    }
  }
  if (!c.has_cue) return c;
  size_t stop = c.cue_end;
  while (stop < end && !is_punct(stop, ",") && !starts_subclause(word(stop), lang_)) ++stop;
  // Polish puts the subject after the verb ("– powiedział Putin"), English mostly before it.
  c.speaker = find_subject(first, c.cue_first, c.cue_end, stop, lang_ != "en", c.cue);
  if (c.speaker.kind == Speaker::Kind::None && is_quote_token(c.cue_end)) {
    // "– podsumowuje „Dawn”": a quoted title is the subject.
    size_t close = c.cue_end + 1;
    while (close < limit && close < c.cue_end + 10 && !is_quote_token(close) && !tokens_[close].newline_before) ++close;
    if (close < limit && close > c.cue_end + 1 && is_quote_token(close)) {
      int e = -1;
      const bool named = starts_entity(c.cue_end + 1, &e) && entity(e).label != "LOC" && entity(e).label != "NORP";
      c.speaker.kind = named ? Speaker::Kind::Name : Speaker::Kind::Title;
      c.speaker.entity = named ? e : -1;
      c.speaker.first_token = named ? c.cue_end + 1 : c.cue_end;
      c.speaker.end_token = named ? ent_end_[static_cast<size_t>(e)] : close + 1;
    }
  }
  return c;
}

// "„…” – powiedział X", "„…”, dodał X", "\"…,\" said X", "\"…?\" X asked".
Clause QuoteFinder::trailing_clause(const QuoteSpan& s, size_t limit) const {
  size_t j = s.is_closed() ? s.close_token + 1 : s.inner_end;
  bool separated = false;
  if (s.is_closed() && s.inner_end > s.inner_first) {
    const size_t last = s.inner_end - 1;
    separated = is_punct(last, ",") || is_punct(last, "?") || is_punct(last, "!");
  }
  const auto same_line = [&](size_t i) { return i < limit && i < tokens_.size() && !tokens_[i].newline_before; };
  if (same_line(j) && is_punct(j, ",")) { separated = true; ++j; }
  if (same_line(j) && is_dash_token(j)) { separated = true; ++j; }
  if (!separated || !same_line(j)) return Clause{};
  return clause_after(j, limit, 6);
}

// Polish attribution set inside the marks: "„Tak – powiedział Putin – to prawda”".
Clause QuoteFinder::inside_clause(const QuoteSpan& s) const {
  for (size_t k = s.inner_first + 1; k + 1 < s.inner_end; ++k) {
    if (!is_dash_token(k) || !tokens_[k].space_before) continue;
    Clause c = clause_after(k + 1, s.inner_end, 2);
    if (c.has_cue) return c;
  }
  return Clause{};
}

// "X powiedział: „…”", "Jak podkreślił X, „…”", "Według X „…”", "X said that \"…\"".
Clause QuoteFinder::intro_clause(const QuoteSpan& s, size_t region_first) const {
  Clause c;
  const size_t open = s.open_token;
  if (open == 0 || open <= region_first) return c;
  for (size_t k = open; k-- > region_first;) {
    if (!is_word(k)) continue;
    const SpeechCue cue = find_speech_cue(word(k), word(k + 1), lang_);
    if (cue.is_cue && k + cue.word_count <= open) {
      c.has_cue = true;
      c.cue = cue;
      c.cue_first = k;
      c.cue_end = k + cue.word_count;
      break;
    }
  }
  if (!c.has_cue) return c;
  c.is_colon = is_punct(open - 1, ":");
  c.distance = open - c.cue_end;
  if (c.cue.is_source) {
    c.speaker = source_subject(c.cue_end, open);
    return c;
  }
  size_t stop = c.cue_end;
  while (stop < open && !is_punct(stop, ",") && !is_punct(stop, ":") && !is_terminator(stop) &&
         !is_dash_token(stop) && !starts_subclause(word(stop), lang_)) {
    ++stop;
  }
  c.speaker = find_subject(region_first, c.cue_first, c.cue_end, stop, false, c.cue);
  return c;
}

// "według Putina", "zdaniem prezydenta Kazachstanu", "according to the minister": the name
// or role right after the preposition (any case).
Speaker QuoteFinder::source_subject(size_t first, size_t limit) const {
  Speaker sp;
  for (size_t k = first; k < limit && k < first + 4; ++k) {
    int e = -1;
    if (starts_entity(k, &e) && (entity(e).label == "PER" || entity(e).label == "ORG")) {
      sp.kind = Speaker::Kind::Name;
      sp.entity = e;
      sp.first_token = k;
      sp.end_token = ent_end_[static_cast<size_t>(e)];
      return sp;
    }
    RolePhrase r;
    if (role_at(k, &r)) {
      sp.kind = Speaker::Kind::Role;
      sp.role = r;
      sp.gender = r.gender;
      sp.first_token = r.first_token;
      sp.end_token = r.end_token;
      int next = -1;
      if (starts_entity(r.end_token, &next) && entity(next).label == "PER") {
        sp.kind = Speaker::Kind::Name;
        sp.entity = next;
        sp.first_token = r.end_token;
        sp.end_token = ent_end_[static_cast<size_t>(next)];
      }
      return sp;
    }
    Gender g = Gender::Unknown;
    if (k == first && is_word(k) && is_object_pronoun(word(k), lang_, &g)) {  // "według niego"
      sp.kind = Speaker::Kind::Pronoun;
      sp.gender = g;
      sp.first_token = k;
      sp.end_token = k + 1;
      return sp;
    }
    if (!is_word(k) || !(is_en_modifier(word(k)) || is_pl_modifier(word(k)))) {
      if (entity_at(k) < 0) break;
    }
  }
  return sp;
}

// The subject of the verb of saying at [cue_first, cue_end): a person named in
// [region_first, region_end) and not after a preposition (an organisation when no person);
// else a role phrase; else a pronoun next to the verb. `prefer_after` favours a name after
// the verb (Polish inversion) over one before it.
Speaker QuoteFinder::find_subject(size_t region_first, size_t cue_first, size_t cue_end,
                                  size_t region_end, bool prefer_after, const SpeechCue& cue) const {
  Speaker best;
  // Clause openers ("że", "który", "that") before the verb: a name after one, with no comma
  // between, is the subject of the subordinate clause ("powiedziała, że Jezus oddał … i
  // zapytała"), not of the verb.
  const auto in_subclause = [&](size_t k) {
    for (size_t t = k; t-- > region_first;) {
      if (is_punct(t, ",")) return false;
      if (is_word(t) && is_subordinator(word(t), lang_)) return true;
    }
    return false;
  };
  for (const char* label : {"PER", "ORG", "PRO"}) {
    double best_score = -1e9;
    std::vector<std::string> keys;
    for (size_t k = region_first; k < region_end; ++k) {
      if (k >= cue_first && k < cue_end) continue;
      int e = -1;
      if (!starts_entity(k, &e) || entity(e).label != label) continue;
      const size_t end = ent_end_[static_cast<size_t>(e)];
      if (after_preposition(k) || (k < cue_first && end > cue_first)) continue;
      // "w wiadomości dla agencji AFP": an organisation named after "preposition + noun".
      if (std::string_view(label) != "PER" && k >= 2 && is_word(k - 1) && !is_capitalized(k - 1) &&
          after_preposition(k - 1)) {
        continue;
      }
      // "powiedział adwokat AFP": an organisation after a role phrase is its complement, and
      // so is a person in another case after a nominative role noun ("adwokat Asi Bibi").
      RolePhrase owner;
      if (role_ending_at(k, region_first, &owner) &&
          (std::string_view(label) != "PER" || (word(owner.head_token) == owner.key && !is_nominative(e)))) {
        continue;
      }
      const bool after = k >= cue_end;
      const double distance = after ? static_cast<double>(k - cue_end) : static_cast<double>(cue_first - end);
      double score = (after == prefer_after ? 3.0 : 2.8) - 0.1 * distance;
      const std::string key = person_key(e);
      if (!is_nominative(e)) score -= 2.0;
      if (!after && in_subclause(k)) score -= 2.0;
      if (!genders_agree(cue.gender, gender_of(key)) && cue.gender != Gender::Plural) score -= 3.0;
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
      if (score > best_score) {
        best_score = score;
        best.kind = Speaker::Kind::Name;
        best.entity = e;
        best.first_token = k;
        best.end_token = end;
      }
      k = end - 1;
    }
    if (best.kind == Speaker::Kind::Name) {
      best.rivals = static_cast<int>(keys.size()) - 1;
      if (best_score < 0) best.rivals = std::max(best.rivals, 1);  // only unlikely names
      return best;
    }
  }
  // A role phrase, nearest to the verb. Role nouns are singular: a plural verb
  // ("wezwali szefa rządu") has none of them as its subject.
  double best_distance = 1e9;
  for (size_t k = region_first; k < region_end && cue.gender != Gender::Plural; ++k) {
    if (k >= cue_first && k < cue_end) continue;
    RolePhrase r;
    if (!role_at(k, &r)) continue;
    if (after_preposition(r.first_token)) continue;
    const bool after = k >= cue_end;
    const double distance = (after ? static_cast<double>(k - cue_end) : static_cast<double>(cue_first - k)) +
                            (after == prefer_after ? 0.0 : 0.5);
    if (distance < best_distance) {
      best_distance = distance;
      best.kind = Speaker::Kind::Role;
      best.role = r;
      best.gender = r.gender;
      best.first_token = r.first_token;
      best.end_token = r.end_token;
    }
    k = std::max(k, r.head_token);
  }
  if (best.kind == Speaker::Kind::Role) {
    // "said the minister, John Smith": a name in apposition wins.
    size_t n = best.role.end_token;
    if (is_punct(n, ",")) ++n;
    int e = -1;
    if (n < tokens_.size() && starts_entity(n, &e) && entity(e).label == "PER" &&
        !(word(best.role.head_token) == best.role.key && !is_nominative(e))) {
      best.kind = Speaker::Kind::Name;
      best.entity = e;
      best.first_token = n;
      best.end_token = ent_end_[static_cast<size_t>(e)];
    }
    return best;
  }
  // A pronoun right before or after the verb: "– dodał on", "he said", "Podkreślił on".
  Gender g = Gender::Unknown;
  for (size_t k : {cue_end, cue_first > region_first ? cue_first - 1 : kNoToken}) {
    if (k == kNoToken || k >= region_end) continue;
    if (is_word(k) && is_subject_pronoun(word(k), lang_, &g)) {
      best.kind = Speaker::Kind::Pronoun;
      best.gender = g;
      best.first_token = k;
      best.end_token = k + 1;
      return best;
    }
  }
  return best;
}

// --- Section: speaker resolution ---

// The newest subject-like person mention before `token`, starting at or after `min_byte` and
// no earlier than paragraph `min_paragraph`, whose gender agrees.
const PersonMention* QuoteFinder::latest_subject_before(size_t token, size_t min_byte,
                                                        size_t min_paragraph, Gender gender) const {
  auto upto = std::lower_bound(persons_.begin(), persons_.end(), token,
                               [](const PersonMention& m, size_t t) { return m.first_token < t; });
  size_t looked = 0;
  for (auto it = std::make_reverse_iterator(upto); it != persons_.rend(); ++it) {
    if (it->paragraph < min_paragraph || tokens_[it->first_token].begin_byte < min_byte) break;
    if (++looked > kMaxContextMentions) break;  // a paragraph of thousands of names: stay linear
    if (!it->is_subject_like || !genders_agree(gender, gender_of(it->key))) continue;
    return &*it;
  }
  return nullptr;
}

// A quotation whose speaker is a pronoun, is missing ("– dodał."), or has no verb of saying:
// the speaker of the previous quotation, unless a person was named since then.
Resolved QuoteFinder::resolve_context(size_t open, Gender gender, bool is_continuation,
                                      bool has_cue, bool has_pronoun) const {
  Resolved r;
  const size_t para = paragraph_[open];
  // A plural or neuter verb ("powiedzieli", "poinformowało") has a group or an institution
  // as its subject: only a previous speaker known to take that form can be it.
  const bool collective = gender == Gender::Plural || gender == Gender::Neuter;
  const PastSpeaker* prev = nullptr;
  int steps = 0;
  for (auto it = past_.rbegin(); it != past_.rend() && steps < 3; ++it, ++steps) {
    if (it->paragraph + 2 < para) break;
    const Gender g = gender_of(it->key);
    if (collective ? g != gender : !genders_agree(gender, g)) continue;
    prev = &*it;
    break;
  }
  const size_t since = past_.empty() ? 0 : past_.back().after_byte;
  const PersonMention* named =
      collective ? nullptr : latest_subject_before(open, since, para > 0 ? para - 1 : 0, gender);
  if (named && (!prev || named->key != prev->key)) {
    r.key = named->key;
    r.confidence = named->paragraph == para ? 0.55f : 0.5f;
    // "she said" in the paragraph of the one person it can be: the pronoun's gender is that
    // person's, or (English names show none) no other person of a fitting gender is named in
    // the paragraph before it.
    if (has_pronoun && (gender == Gender::Masculine || gender == Gender::Feminine) &&
        named->paragraph == para) {
      bool alone = true;
      for (const PersonMention& m : persons_) {
        if (m.first_token >= open) break;
        if (m.paragraph == para && m.is_subject_like && m.key != named->key &&
            genders_agree(gender, gender_of(m.key))) {
          alone = false;
        }
      }
      if (gender_of(named->key) == gender || alone) r.confidence = 0.7f;
    }
  } else if (prev) {
    r.key = prev->key;
    r.confidence = prev->paragraph == para ? 0.75f : (prev->paragraph + 1 == para ? 0.65f : 0.5f);
    if (is_continuation) r.confidence += 0.05f;
    if (has_pronoun && gender != Gender::Unknown && gender_of(prev->key) == gender) r.confidence += 0.05f;
  }
  if (r.key.empty()) return r;
  if (!has_cue) r.confidence = std::min(r.confidence, 0.45f);
  r.attribution = "context";
  return r;
}

bool same_or_open(const std::string& a, const std::string& b) { return a.empty() || b.empty() || a == b; }

// Two role qualifiers agree when one is missing or one starts the other ("informacji" and
// "informacji i środków masowego przekazu").
bool domains_agree(const std::string& a, const std::string& b) {
  return a.empty() || b.empty() || a.compare(0, b.size(), b) == 0 || b.compare(0, a.size(), a) == 0;
}

// Evidence that `person` holds role `r` from appositions in the article: 2 for the same role,
// +1 for the same place, +0.5 for the same other qualifier; 2.5 for a generic leader word and
// a leading office of the same place; 1.5 for another role in the same place. Conflicting
// qualifiers give nothing.
double QuoteFinder::tie_score(const std::string& person, const RolePhrase& r) const {
  auto it = ties_.find(person);
  if (it == ties_.end()) return 0;
  double best = 0;
  for (const RolePhrase& t : it->second) {
    double s = 0;
    if (t.key == r.key) {
      if (!same_or_open(t.place, r.place) || !domains_agree(t.domain, r.domain)) continue;
      s = 2.0 + (!r.place.empty() && t.place == r.place ? 1.0 : 0.0) +
          (!r.domain.empty() && !t.domain.empty() ? 0.5 : 0.0);
    } else if (!r.place.empty() && t.place == r.place) {
      // "rosyjski przywódca" and "prezydent Rosji X": the leader of the same country.
      s = is_generic_leader_role(r.key) && is_leading_office(t.key) ? 2.5 : 1.5;
    }
    best = std::max(best, s);
  }
  return best;
}

// The person is tied to places by appositions, none of them the role's place.
bool QuoteFinder::place_conflict(const std::string& person, const RolePhrase& r) const {
  if (r.place.empty()) return false;
  auto it = ties_.find(person);
  if (it == ties_.end()) return false;
  bool has_place = false;
  for (const RolePhrase& t : it->second) {
    if (t.place.empty()) continue;
    if (t.place == r.place) return false;
    has_place = true;
  }
  return has_place;
}

// Sentences (outside quotations) where the person is named next to a compatible role phrase:
// 0.5 each, shared between the persons named there, at most 1.
double QuoteFinder::cooc_score(const std::string& person, const RolePhrase& r) const {
  auto it = cooc_.find(person);
  if (it == cooc_.end()) return 0;
  double s = 0;
  for (const auto& [m, weight] : it->second) {
    if (m.key != r.key || !same_or_open(m.place, r.place) || !domains_agree(m.domain, r.domain)) continue;
    s += weight;
  }
  if (r.head_token < is_loose_role_.size() && is_loose_role_[r.head_token]) {
    s -= own_cooc_weight(sentence_persons_, sentence_[r.head_token], person);
  }
  return std::min(std::max(s, 0.0), 1.0);
}

// A role phrase ("rosyjski przywódca") as a person named elsewhere in the article.
Resolved QuoteFinder::resolve_role(const RolePhrase& r, const SpeechCue& cue, size_t open) const {
  Resolved out;
  const size_t para = paragraph_[open];
  const PastSpeaker* prev = nullptr;
  if (!past_.empty() && past_.back().paragraph + 2 >= para) prev = &past_.back();
  const PersonMention* recent = latest_subject_before(open, 0, para > 0 ? para - 1 : 0, Gender::Unknown);
  std::string best_key;
  double best = 0;
  double second = 0;
  for (const auto& [key, count] : mention_count_) {
    const Gender g = gender_of(key);
    if (!genders_agree(r.gender, g) || !genders_agree(cue.gender, g)) continue;
    if (place_conflict(key, r)) continue;
    double s = tie_score(key, r) + cooc_score(key, r);
    // The previous speaker: likely after "dodał", a weak guess after other verbs (a role
    // phrase usually introduces someone new).
    if (prev && prev->key == key) s += cue.is_continuation ? 2.0 : 0.5;
    if (recent && recent->key == key) s += 0.5;
    s += 0.25 * static_cast<double>(count) / static_cast<double>(max_mentions_);
    if (s > best) {
      second = best;
      best = s;
      best_key = key;
    } else if (s > second) {
      second = s;
    }
  }
  if (best < 1.0) return out;
  float conf = best >= 3.0 ? 0.85f : best >= 2.0 ? 0.7f : 0.55f;
  if (best - second < 1.0) conf -= 0.15f;
  out.key = best_key;
  out.attribution = "role";
  out.confidence = std::max(conf, 0.3f);
  return out;
}

// --- Section: find_quotations ---

// A noun that names a title after it: "w magazynie „24 godziny”", "the newspaper "Dawn"".
bool is_title_noun(std::string_view w) {
  static const std::string_view kStems[] = {
      "magazyn", "gazet", "dziennik", "tygodnik", "miesięcznik", "program", "audycj", "portal",
      "serwis", "film", "książk", "książce", "serial", "piosenk", "album", "płyt", "operacj",
      "ustaw", "raport", "kampani", "festiwal", "konkurs", "projekt", "partii", "partia",
      "spektakl", "wystaw", "newspaper", "magazine", "daily", "weekly", "programme", "show",
      "movie", "novel", "song", "operation", "report", "campaign"};
  for (std::string_view stem : kStems) {
    if (w.compare(0, stem.size(), stem) == 0 && w.size() <= stem.size() + 4) return true;
  }
  return false;
}

// Without a verb of saying, a quoted span is a quotation only when it reads as speech: at
// least three words ending in . ! ? …, or at least six words not all capitalised (a title).
bool reads_as_speech(size_t words, bool ends_sentence, bool title_case) {
  return (words >= 3 && ends_sentence) || (words >= 6 && !title_case);
}

// --- Section: dash speech ---

// Polish dialogue: direct speech set off by dashes instead of quotation marks.
//   – Boimy się. Ostrzelano bramę – mówi Ashiq Masih. – Moja żona wiele wycierpiała.
// A line that starts with a dash opens a speech, and so does an attributed one after a
// sentence within the line; it ends before a spaced dash followed by a
// verb of saying within two words (that clause attributes it), or at the end of the line.
// After such a clause ends a sentence, a spaced dash opens a continued speech. A dash right
// before a lower-case verb of saying ("– dodał.") opens nothing. Dashes inside
// quotation marks do not count, and a speech that would cut through a quoted span is
// dropped; quoted spans inside one become nested in it. The span covers the spoken words,
// without the dashes. Polish only (English news uses quotation marks).
void QuoteFinder::add_dash_speech(std::vector<QuoteSpan>* spans, std::vector<Clause>* cut,
                                  std::vector<SpanKind>* kind) const {
  if (lang_ == "en") return;
  std::vector<bool> quoted(tokens_.size(), false);
  for (const QuoteSpan& q : *spans) {
    const size_t end = q.is_closed() ? q.close_token + 1 : q.inner_end;
    for (size_t t = q.open_token; t < end; ++t) quoted[t] = true;
  }
  struct Entry {
    QuoteSpan span;
    Clause cut;
    SpanKind kind;
  };
  std::vector<Entry> entries;
  for (size_t i = 0; i < spans->size(); ++i) entries.push_back(Entry{(*spans)[i], (*cut)[i], (*kind)[i]});
  const size_t before_dash = entries.size();
  for (size_t line = 0; line < paragraph_first_.size(); ++line) {
    const size_t first = paragraph_first_[line];
    const size_t line_end = line + 1 < paragraph_first_.size() ? paragraph_first_[line + 1] : tokens_.size();
    // Speech opens at the line's start, or after a sentence within the line ("…brakuje
    // maszynistów. – Bez ludzi nic – ostrzegł Marek Kowalczyk."), where a verb-of-saying
    // clause must attribute it.
    std::vector<size_t> openers{first};
    for (size_t t = first + 1; t + 1 < line_end; ++t) {
      if (is_dash_token(t) && tokens_[t].space_before && !quoted[t] && is_terminator(t - 1) && is_word(t + 1) &&
          is_capitalized(t + 1)) {
        openers.push_back(t);
      }
    }
    size_t covered = first;  // tokens before it are in a speech of this line, or its clause
    for (const size_t opener : openers) {
      if (opener < covered) continue;
      const bool mid_line = opener != first;
      size_t open = opener;
      SpanKind k = SpanKind::DashAttributed;
      while (open + 1 < line_end && is_dash_token(open) && !quoted[open] &&
             (is_word(open + 1) || tokens_[open + 1].kind == TokenKind::Number)) {
        // "– podaje agencja AFP.": a dash before a lower-case verb of saying attributes, not
        // speaks ("– Powiedział mi: …" does speak).
        if (!is_capitalized(open + 1) && clause_after(open + 1, line_end, 2).has_cue) break;
        size_t end = kNoToken;
        size_t clause_end = line_end;
        // A speech opened within the line must find its clause within 300 tokens: every
        // unattributed "… . – X" of a long paragraph would otherwise scan to its end.
        const size_t scan_end = mid_line && k == SpanKind::DashAttributed ? std::min(line_end, open + 300) : line_end;
        for (size_t t = open + 2; t < scan_end; ++t) {
          if (quoted[t] || !is_dash_token(t) || !tokens_[t].space_before) continue;
          const Clause c = clause_after(t + 1, line_end, 2);
          if (!c.has_cue) continue;
          end = t;
          clause_end = c.cue_end;
          while (clause_end < line_end && !is_terminator(clause_end) && !is_dash_token(clause_end)) ++clause_end;
          break;
        }
        if (mid_line && end == kNoToken && k == SpanKind::DashAttributed) break;
        QuoteSpan s;
        s.open_token = open;
        s.inner_first = open + 1;
        s.inner_end = end == kNoToken ? line_end : end;
        s.close_token = end;
        s.begin_byte = tokens_[open + 1].begin_byte;
        s.end_byte = tokens_[s.inner_end - 1].end_byte;
        s.open_mark = single_cp(open);
        s.close_mark = end == kNoToken ? 0 : single_cp(end);
        entries.push_back(Entry{s, Clause{}, end == kNoToken && k == SpanKind::DashAttributed ? SpanKind::DashOpen : k});
        covered = end == kNoToken ? line_end : clause_end;
        if (end == kNoToken) break;
        // "– powiedział Masih. – Moja żona…": a dash after the clause's sentence goes on.
        if (clause_end >= line_end || !is_terminator(clause_end)) break;
        open = clause_end + 1;
        if (!tokens_[open < line_end ? open : line_end - 1].space_before) break;
        k = SpanKind::DashContinued;
      }
    }
  }
  if (entries.size() == before_dash) return;
  // Drop a dash speech that cuts through a quoted span.
  std::vector<Entry> kept(entries.begin(), entries.begin() + static_cast<long>(before_dash));
  for (size_t i = before_dash; i < entries.size(); ++i) {
    const QuoteSpan& d = entries[i].span;
    bool crosses = false;
    // Quoted spans are sorted. None that begins before the speech can reach into it: it
    // would hold the speech's opening dash, and a quoted dash opens no speech. So only the
    // spans from the speech's first byte on are looked at (the speeches of a line do not
    // overlap, so each quoted span is looked at once per speech around it: linear).
    auto from = std::lower_bound(entries.begin(), entries.begin() + static_cast<long>(before_dash), d.begin_byte,
                                 [](const Entry& e, size_t b) { return e.span.begin_byte < b; });
    for (size_t j = static_cast<size_t>(from - entries.begin());
         j < before_dash && entries[j].span.begin_byte < d.end_byte && !crosses; ++j) {
      const QuoteSpan& q = entries[j].span;
      const bool overlap = q.begin_byte < d.end_byte && d.begin_byte < q.end_byte;
      const bool inside = d.begin_byte <= q.begin_byte && q.end_byte <= d.end_byte;
      crosses = overlap && !inside;
    }
    if (!crosses) kept.push_back(entries[i]);
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Entry& a, const Entry& b) {
    return a.span.begin_byte != b.span.begin_byte ? a.span.begin_byte < b.span.begin_byte
                                                  : a.span.end_byte > b.span.end_byte;
  });
  // Parents again, by containment, as pair_quote_marks does.
  std::vector<int> open_stack;
  for (size_t i = 0; i < kept.size(); ++i) {
    QuoteSpan& sp = kept[i].span;
    while (!open_stack.empty() && kept[static_cast<size_t>(open_stack.back())].span.end_byte <= sp.begin_byte) {
      open_stack.pop_back();
    }
    sp.parent = !open_stack.empty() && kept[static_cast<size_t>(open_stack.back())].span.end_byte >= sp.end_byte
                    ? open_stack.back()
                    : -1;
    open_stack.push_back(static_cast<int>(i));
  }
  spans->clear();
  cut->clear();
  kind->clear();
  for (Entry& e : kept) {
    spans->push_back(e.span);
    cut->push_back(e.cut);
    kind->push_back(e.kind);
  }
}

std::vector<Quotation> QuoteFinder::run() {
  std::vector<Quotation> out;
  if (tokens_.empty()) return out;
  std::vector<QuoteSpan> spans = pair_quote_marks(text_, tokens_);

  // An unclosed quote ends before " – powiedział…" inside it; that clause attributes it.
  std::vector<Clause> cut_clause(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    QuoteSpan& s = spans[i];
    if (s.is_closed()) continue;
    for (size_t k = s.inner_first + 1; k < s.inner_end; ++k) {
      if (!is_dash_token(k) || !tokens_[k].space_before) continue;
      Clause c = clause_after(k + 1, paragraph_end(k), 2);
      if (!c.has_cue) continue;
      s.inner_end = k;
      s.end_byte = tokens_[k - 1].end_byte;
      cut_clause[i] = c;
      break;
    }
  }
  std::vector<SpanKind> kind(spans.size(), SpanKind::Marks);
  add_dash_speech(&spans, &cut_clause, &kind);
  if (spans.empty()) return out;
  collect_facts(spans);

  std::vector<int> accepted(spans.size(), -1);  // index into `out`
  std::vector<int> out_parent;                   // per output quotation: index of its parent
  std::vector<std::string> out_key;              // per output quotation: its speaker's key
  // Quoted spans at one level in text order: the previous and next sibling of each.
  std::vector<int> prev_sibling(spans.size(), -1);
  std::vector<int> next_sibling(spans.size(), -1);
  {
    std::map<int, size_t> last;  // parent span -> its latest child so far
    for (size_t k = 0; k < spans.size(); ++k) {
      auto it = last.find(spans[k].parent);
      if (it != last.end()) {
        prev_sibling[k] = static_cast<int>(it->second);
        next_sibling[it->second] = static_cast<int>(k);
      }
      last[spans[k].parent] = k;
    }
  }
  const auto end_of = [](const QuoteSpan& q) { return q.is_closed() ? q.close_token + 1 : q.inner_end; };
  // „A” i „B”, "A," "B" and…: nothing but a conjunction or comma between two quoted spans.
  const auto joined = [&](int a, int b) {
    if (a < 0 || b < 0) return false;
    const QuoteSpan& x = spans[static_cast<size_t>(a)];
    const QuoteSpan& y = spans[static_cast<size_t>(b)];
    const size_t from = end_of(x);
    if (from >= y.open_token || paragraph_[x.open_token] != paragraph_[y.open_token]) return false;
    for (size_t k = from; k < y.open_token; ++k) {
      const std::string_view w = word(k);
      if (!(is_punct(k, ",") || w == "i" || w == "oraz" || w == "lub" || w == "albo" || w == "a" ||
            w == "and" || w == "or")) {
        return false;
      }
    }
    return true;
  };
  std::vector<Clause> intro_of(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    const QuoteSpan& s = spans[i];
    int parent = s.parent;
    while (parent >= 0 && accepted[static_cast<size_t>(parent)] < 0) parent = spans[static_cast<size_t>(parent)].parent;
    const QuoteSpan* outer = parent >= 0 ? &spans[static_cast<size_t>(parent)] : nullptr;

    // The clauses that may attribute it: after it, inside it, before it.
    const size_t limit = outer ? outer->inner_end : paragraph_end(s.open_token);
    const bool is_dash = kind[i] != SpanKind::Marks;
    Clause after = is_dash ? (s.is_closed() ? clause_after(s.close_token + 1, limit, 2) : Clause{})
                           : s.is_closed() ? trailing_clause(s, limit) : cut_clause[i];
    if (!after.has_cue && s.is_closed() && !outer && !is_dash) after = inside_clause(s);
    // „A” i „B” – powiedział X: A shares the clause after B.
    for (int k = static_cast<int>(i), steps = 0; !after.has_cue && steps < 5; ++steps) {
      const int next = next_sibling[static_cast<size_t>(k)];
      if (!joined(k, next)) break;
      const QuoteSpan& n = spans[static_cast<size_t>(next)];
      if (n.is_closed()) after = trailing_clause(n, limit);
      k = next;
    }
    size_t region = region_start(s.open_token);
    if (outer) region = std::max(region, outer->inner_first);
    // Words further back than kMaxIntroTokens introduce nothing: without this bound a
    // paragraph of many quotations and no sentence end is read again for each (quadratic).
    if (s.open_token > kMaxIntroTokens) region = std::max(region, s.open_token - kMaxIntroTokens);
    // An earlier quoted span at the same level on the same line bounds it…
    const int prev = prev_sibling[i];
    if (prev >= 0 && paragraph_[spans[static_cast<size_t>(prev)].open_token] == paragraph_[s.open_token]) {
      region = std::max(region, end_of(spans[static_cast<size_t>(prev)]));
    }
    Clause before = intro_clause(s, region);
    // …unless the two are joined: X twierdzi, że to „A” i „B” — B shares A's clause.
    if (!before.has_cue && joined(prev, static_cast<int>(i))) before = intro_of[static_cast<size_t>(prev)];
    intro_of[i] = before;

    // Is it a quotation?
    // Title case: every word of four bytes or more capitalised ("Bild am Sonntag"), or
    // every word when none is that long ("FT", "Rz").
    size_t words = 0;
    size_t long_words = 0, long_caps = 0, caps = 0;
    for (size_t k = s.inner_first; k < s.inner_end; ++k) {
      if (tokens_[k].kind == TokenKind::Number) ++words;
      if (!is_word(k)) continue;
      ++words;
      const bool cap = is_capitalized(k);
      caps += cap ? 1 : 0;
      if (raw(k).size() <= 3) continue;
      ++long_words;
      long_caps += cap ? 1 : 0;
    }
    const bool title_case = long_words > 0 ? long_caps == long_words : (words > 0 && caps == words);
    const bool after_title_noun = s.open_token > 0 && is_title_noun(word(s.open_token - 1));
    size_t last = s.inner_end;
    while (last > s.inner_first && is_quote_token(last - 1)) --last;
    const bool ends_sentence = last > s.inner_first && is_terminator(last - 1);
    const bool near_intro = before.has_cue && (before.is_colon || before.distance <= 8);
    bool is_quotation;
    if (words == 0) is_quotation = false;
    else if (kind[i] == SpanKind::DashContinued) {
      // "– A – powiedział X. – B": B goes on with the speech before it on the same line.
      const int prev_dash = prev_sibling[i];
      is_quotation = prev_dash >= 0 && accepted[static_cast<size_t>(prev_dash)] >= 0 &&
                     kind[static_cast<size_t>(prev_dash)] != SpanKind::Marks &&
                     paragraph_[spans[static_cast<size_t>(prev_dash)].open_token] == paragraph_[s.open_token];
    } else if (kind[i] == SpanKind::DashOpen) {
      // "– Tekst." without " – powiedział": speech only when a colon introduces it.
      is_quotation = before.has_cue && before.is_colon;
    }
    else if ((title_case && words <= 4 && !ends_sentence) || after_title_noun) {
      // „Rzeczpospolita”, „Bild am Sonntag”, "w magazynie „24 godziny”": a title, even next
      // to "pisze", unless a dash or comma clause or a colon attributes it.
      is_quotation = after.has_cue || (before.has_cue && before.is_colon);
    } else if (words <= 2) is_quotation = after.has_cue || near_intro;
    else is_quotation = after.has_cue || before.has_cue || reads_as_speech(words, ends_sentence, title_case);
    if (!is_quotation) continue;

    Quotation q;
    q.begin_byte = s.begin_byte;
    q.end_byte = s.end_byte;

    // Which clause speaks: one naming a speaker, the one after first.
    const Clause* used = nullptr;
    if (after.has_cue && after.speaker.kind != Speaker::Kind::None) used = &after;
    else if (before.has_cue && before.speaker.kind != Speaker::Kind::None) used = &before;
    else if (after.has_cue) used = &after;
    else if (before.has_cue) used = &before;

    Resolved res;
    bool speaks_for_group = false;  // an organisation speaking through its people: not a
                                    // previous speaker for "he said" later on
    if (used) {
      q.cue_begin_byte = tokens_[used->cue_first].begin_byte;
      q.cue_end_byte = tokens_[used->cue_end - 1].end_byte;
      const Speaker& sp = used->speaker;
      if (sp.kind != Speaker::Kind::None) {
        q.speaker_begin_byte = tokens_[sp.first_token].begin_byte;
        q.speaker_end_byte = tokens_[sp.end_token - 1].end_byte;
      }
      if (sp.kind == Speaker::Kind::Name) {
        res.key = person_key(sp.entity);
        res.attribution = "name";
        float conf = used == &after ? (after.cue_first >= s.inner_end ? 0.95f : 0.9f)
                                    : (before.is_colon || before.distance <= 3 || before.cue.is_source ? 0.9f : 0.8f);
        if (sp.rivals > 0) conf -= 0.1f;
        if (entity(sp.entity).label != "PER") conf -= 0.05f;
        res.confidence = conf;
      } else if (sp.kind == Speaker::Kind::Role && !outer) {
        // A group ("analysts at Morgan Stanley") is no one person: it speaks for its
        // organisation when it names one, else it stays unnamed. A single role ("a Morgan
        // Stanley analyst") is a person of the article when one fits, else its organisation.
        if (sp.role.gender != Gender::Plural) res = resolve_role(sp.role, used->cue, s.open_token);
        if (res.key.empty() && sp.role.organisation >= 0) {
          res.key = person_key(sp.role.organisation);
          res.attribution = "role";
          res.confidence = sp.role.gender == Gender::Plural ? 0.8f : 0.7f;
          speaks_for_group = true;
        }
      } else if (used->cue.is_first_person) {
        // "„Mówiłem im: ‚…’”": inside a quotation the narrator is its speaker; outside one it
        // is the article's author, who is no entity.
        if (outer && !out_key[static_cast<size_t>(accepted[static_cast<size_t>(parent)])].empty()) {
          res.key = out_key[static_cast<size_t>(accepted[static_cast<size_t>(parent)])];
          res.attribution = "context";
          res.confidence = 0.6f;
        }
      } else if (sp.kind == Speaker::Kind::Title) {
        // A quoted title speaks but is no entity: its words are shown, no one is guessed.
      } else if (!outer && ((!used->cue.is_source && !used->cue.is_impersonal) || sp.kind == Speaker::Kind::Pronoun)) {
        // "według ekspertów", "zaznaczono": someone not named; no guess from context.
        res = resolve_context(s.open_token, sp.kind == Speaker::Kind::Pronoun ? sp.gender : used->cue.gender,
                              used->cue.is_continuation, true, sp.kind == Speaker::Kind::Pronoun);
      }
    } else if (!outer) {
      // A continued dash speech is as good as attributed by the clause before it.
      const bool continued = kind[i] == SpanKind::DashContinued;
      res = resolve_context(s.open_token, Gender::Unknown, continued, continued, false);
    }
    if (!s.is_closed() && !is_dash && !res.key.empty()) res.confidence -= 0.1f;
    q.speaker = group_of_key(res.key);
    q.attribution = res.attribution;
    q.confidence = res.key.empty() ? 0.0f : std::max(0.0f, std::min(1.0f, res.confidence));
    q.is_uncertain = !q.attribution.empty() && q.confidence < 0.6f;

    if (!outer && !res.key.empty() && !speaks_for_group) {
      size_t after_byte = q.end_byte;
      if (used) after_byte = std::max(after_byte, std::max(q.cue_end_byte, q.speaker_end_byte));
      past_.push_back(PastSpeaker{res.key, paragraph_[s.open_token], after_byte});
      if (res.attribution == "name" && used && used->cue.gender != Gender::Unknown) {
        known_gender_.emplace(res.key, used->cue.gender);
      }
    }
    accepted[i] = static_cast<int>(out.size());
    out_parent.push_back(outer ? accepted[static_cast<size_t>(parent)] : -1);
    out_key.push_back(res.key);
    out.push_back(std::move(q));
  }
  for (size_t k = 0; k < out.size(); ++k) out[k].id = "q" + std::to_string(k + 1);
  for (size_t k = 0; k < out.size(); ++k) {
    if (out_parent[k] >= 0) out[k].parent = out[static_cast<size_t>(out_parent[k])].id;
  }
  return out;
}

}  // namespace

std::vector<Quotation> find_quotations(std::string_view text, const std::vector<Token>& tokens,
                                       const std::vector<Sentence>& sentences, std::string_view lang,
                                       const std::vector<Entity>& entities,
                                       const std::vector<EntityGroup>& groups) {
  // Tokens that do not belong to this text (misuse) give no quotations rather than a crash.
  if (tokens.empty() || text.empty() || tokens.back().end_byte > text.size()) return {};
  return QuoteFinder(text, tokens, sentences, lang, entities, groups).run();
}

}  // namespace glosa
