// TokenView and number phrases for the rule recognisers. Layer: engine/rules.
#include "engine/rules/rule_context.h"

#include <algorithm>

#include "engine/text/unicode.h"

namespace glosa::rules {

namespace {

// The token's text. Tokens come from tokenize(text); the span is clamped anyway so that a
// mismatched pair cannot make substr() abort (exceptions are off).
std::string_view clamped(std::string_view text, const Token& t) {
  const size_t b = std::min(t.begin_byte, text.size());
  const size_t e = std::min(std::max(t.end_byte, b), text.size());
  return text.substr(b, e - b);
}

bool is_sentence_end_punct(std::string_view p) {
  return p == "." || p == "!" || p == "?" || p == "..." || p == "\xE2\x80\xA6" || p == ":" ||
         p == ";";
}

bool is_opening_char(std::string_view p) {
  return p == "\"" || p == "\xE2\x80\x9E" /*„*/ || p == "\xE2\x80\x9C" /*“*/ ||
         p == "\xC2\xAB" /*«*/ || p == "(" || p == "-" || p == "\xE2\x80\x93" /*–*/ ||
         p == "\xE2\x80\x94" /*—*/ || p == "'";
}

// Lower-casing changes nothing in a run of ASCII bytes without capitals, the usual word.
bool is_plain_lower_ascii(std::string_view s) {
  for (char c : s) {
    if ((c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

TokenView::TokenView(std::string_view text, const std::vector<Token>& tokens,
                     std::string_view lang)
    : text_(text), tokens_(tokens), lang_(lang), is_polish_(lang != "en"),
      is_english_(lang != "pl"),
      style_(lang == "pl"   ? NumberStyle::Polish
             : lang == "en" ? NumberStyle::English
                            : NumberStyle::Neutral),
      empty_hash_(word_hash({})) {
  // Most forms are views into the text. The others are lower-cased into lowered_, and they
  // become views only at the end, once that string has stopped growing (and moving).
  struct Pending {
    size_t token, start, size;
  };
  std::vector<Pending> pending;
  forms_.resize(tokens.size());
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    std::string_view s = clamped(text, t);
    if (t.kind == TokenKind::Word) {
      if (t.is_abbreviation && !s.empty() && s.back() == '.') s.remove_suffix(1);
      if (!is_plain_lower_ascii(s)) {
        const size_t start = lowered_.size();
        append_lower(lowered_, s);
        const size_t n = lowered_.size() - start;
        if (n != s.size() || lowered_.compare(start, n, s) != 0) {
          pending.push_back(Pending{k, start, n});
          continue;
        }
        lowered_.resize(start);  // already lower case ("źródło"): keep the view into the text
      }
    }
    forms_[k].lower = s;
  }
  for (const Pending& p : pending) {
    forms_[p.token].lower = std::string_view(lowered_).substr(p.start, p.size);
  }
  for (Form& f : forms_) f.hash = word_hash(f.lower);
}


std::string_view TokenView::raw(size_t i) const {
  if (i >= size()) return {};
  return clamped(text_, tokens_[i]);
}

TokenKind TokenView::kind(size_t i) const { return i < size() ? tokens_[i].kind : TokenKind::Punct; }

bool TokenView::has_dot(size_t i) const {
  return i < size() && tokens_[i].is_abbreviation && raw(i).back() == '.';
}

bool TokenView::space_before(size_t i) const { return i < size() && tokens_[i].space_before; }

bool TokenView::is_capitalized(size_t i) const {
  return i < size() && is_upper(first_codepoint(raw(i)));
}

bool TokenView::is_all_upper(size_t i) const {
  if (i >= size()) return false;
  std::string_view s = raw(i);
  if (s.empty()) return false;
  for (char c : s) {
    if (!(c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

bool TokenView::at_sentence_start(size_t i) const {
  if (i >= size()) return false;
  if (i == 0 || tokens_[i].newline_before) return true;
  size_t p = i - 1;
  // Skip one opening quote or dash: „Marzec był…
  if ((kind(p) == TokenKind::Punct) && is_opening_char(raw(p))) {
    if (p == 0 || tokens_[p].newline_before) return true;
    --p;
  }
  if (kind(p) == TokenKind::Punct && is_sentence_end_punct(raw(p))) return true;
  // An abbreviation that may end a sentence: "… w 2022 r. Marzec …".
  return has_dot(p) && abbreviation_may_end_sentence(lower(p));
}

bool TokenView::is_any(size_t i, std::initializer_list<std::string_view> words) const {
  const std::string_view w = lower(i);
  if (w.empty()) return false;
  for (auto x : words) {
    if (w == x) return true;
  }
  return false;
}

bool TokenView::is_punct(size_t i, std::string_view p) const {
  return i < size() && (kind(i) == TokenKind::Punct || kind(i) == TokenKind::Symbol) &&
         raw(i) == p;
}

bool token_uint(const TokenView& v, size_t i, uint64_t* out) {
  return v.is_number(i) && parse_uint(v.raw(i), out);
}

namespace {

// The value of one number word; English hyphenated tens ("twenty-five") are split here.
bool word_value(const TokenView& v, size_t i, Decimal* out) {
  if (!v.is_word(i)) return false;
  const std::string_view w = v.lower(i);
  if (number_word_value(w, v.lower_hash(i), v.lang(), out)) return true;
  if (!v.english()) return false;
  const size_t dash = w.find('-');
  if (dash == std::string_view::npos) return false;
  Decimal tens, unit;
  if (!number_word_value(w.substr(0, dash), "en", &tens) ||
      !number_word_value(w.substr(dash + 1), "en", &unit)) {
    return false;
  }
  if (tens.frac_digits || unit.frac_digits || tens.mantissa < 20 || tens.mantissa % 10 ||
      unit.mantissa == 0 || unit.mantissa > 9) {
    return false;
  }
  *out = Decimal{tens.mantissa + unit.mantissa, 0};
  return true;
}

}  // namespace

bool match_number_phrase(const TokenView& v, size_t i, bool allow_words, bool allow_article,
                         Decimal* value, size_t* end) {
  if (v.is_number(i)) {
    if (!parse_decimal(v.raw(i), v.number_style(), value)) return false;
    *end = i + 1;
    return true;
  }
  if (!v.is_word(i)) return false;
  if (allow_article && v.english() && v.is_any(i, {"a", "an"})) {
    // "a hundred (thousand)" is 100; otherwise "a" counts one ("a week", "a million").
    const bool hundred = v.is_any(i + 1, {"hundred"});
    *value = Decimal{hundred ? 100u : 1u, 0};
    *end = i + (hundred ? 2 : 1);
    return true;
  }
  if (!allow_words) return false;
  Decimal first;
  if (!word_value(v, i, &first)) return false;
  // Fractions ("pół", "półtora", "half") stand alone.
  if (first.frac_digits) {
    *value = first;
    *end = i + 1;
    return true;
  }
  uint64_t total = first.mantissa;
  uint64_t last = first.mantissa;  // the smallest order of magnitude used so far
  size_t j = i + 1;
  // English "two hundred (and) five".
  if (v.english() && total < 10 && v.is_any(j, {"hundred"})) {
    total *= 100;
    last = 100;
    ++j;
    if (v.is_any(j, {"and"})) {
      Decimal next;
      if (word_value(v, j + 1, &next) && !next.frac_digits && next.mantissa < 100) ++j;
    }
  }
  // Polish/English additive sequences in falling order: "dwieście trzydzieści pięć".
  for (;;) {
    Decimal next;
    if (!word_value(v, j, &next) || next.frac_digits || next.mantissa == 0) break;
    const uint64_t n = next.mantissa;
    const bool fits = (last >= 100 && last % 100 == 0 && n < 100) ||
                      (last >= 20 && last < 100 && last % 10 == 0 && n < 10);
    if (!fits) break;
    total += n;
    last = n;
    ++j;
  }
  *value = Decimal{total, 0};
  *end = j;
  return true;
}

}  // namespace glosa::rules
