// TokenView and number phrases for the rule recognisers. Layer: engine/rules.
#include "engine/rules/rule_context.h"

#include <algorithm>

#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

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

// True when lower-casing changes `s`; decided without writing the lower-case copy.
bool lowering_changes(std::string_view s) {
  size_t len = 0;
  for (size_t k = 0; k < s.size(); k += len) {
    const unsigned char b = static_cast<unsigned char>(s[k]);
    if (b < 0x80) {
      len = 1;
      if (b >= 'A' && b <= 'Z') return true;
      continue;
    }
    const char32_t cp = decode_utf8(s, k, &len);
    // Invalid bytes decode as U+FFFD: to_lower() writes that character, not the byte.
    if (to_lower(cp) != cp || (cp == kReplacementChar && len == 1)) return true;
  }
  return false;
}

bool all_upper_ascii(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!(c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

// The value of one number word; English hyphenated tens ("twenty-five") are split here.
bool word_value(std::string_view w, uint64_t hash, std::string_view lang, bool english,
                Decimal* out) {
  if (number_word_value(w, hash, lang, out)) return true;
  if (!english) return false;
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

TokenView::TokenView(std::string_view text, const std::vector<Token>& tokens,
                     std::string_view lang)
    : tokens_(tokens), lang_(lang), is_polish_(lang != "en"), is_english_(lang != "pl"),
      style_(lang == "pl"   ? NumberStyle::Polish
             : lang == "en" ? NumberStyle::English
                            : NumberStyle::Neutral),
      empty_hash_(word_hash({})) {
  // Most lower-case forms are views into the text. The others are written into lowered_,
  // and become views only at the end, once that string has stopped growing (and moving).
  struct Pending {
    size_t token, start, size;
  };
  std::vector<Pending> pending;
  forms_.resize(tokens.size());
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    Form& f = forms_[k];
    f.raw = clamped(text, t);
    f.kind = t.kind;
    if (t.is_abbreviation && !f.raw.empty() && f.raw.back() == '.') f.flags |= kHasDot;
    if (t.space_before) f.flags |= kSpaceBefore;
    if (t.newline_before) f.flags |= kNewlineBefore;
    const unsigned char first = f.raw.empty() ? 0 : static_cast<unsigned char>(f.raw[0]);
    if (first < 0x80 ? first >= 'A' && first <= 'Z' : is_upper(first_codepoint(f.raw))) {
      f.flags |= kCapitalized;
    }
    if (all_upper_ascii(f.raw)) f.flags |= kAllUpper;
    f.lower = f.raw;
    if (t.kind != TokenKind::Word) continue;
    if (t.is_abbreviation && !f.lower.empty() && f.lower.back() == '.') f.lower.remove_suffix(1);
    if (lowering_changes(f.lower)) {
      const size_t start = lowered_.size();
      append_lower(lowered_, f.lower);
      pending.push_back(Pending{k, start, lowered_.size() - start});
    }
  }
  for (const Pending& p : pending) {
    forms_[p.token].lower = std::string_view(lowered_).substr(p.start, p.size);
  }
  for (Form& f : forms_) {
    f.hash = word_hash(f.lower);
    if (f.kind == TokenKind::Number && parse_decimal(f.raw, style_, &f.value)) {
      f.flags |= kHasNumberValue;
    } else if (f.kind == TokenKind::Word &&
               word_value(f.lower, f.hash, lang_, is_english_, &f.value)) {
      f.flags |= kHasWordValue;
    }
  }
}

bool TokenView::at_sentence_start(size_t i) const {
  if (i >= size()) return false;
  if (i == 0 || has(i, kNewlineBefore)) return true;
  size_t p = i - 1;
  // Skip one opening quote or dash: „Marzec był…
  if ((kind(p) == TokenKind::Punct) && is_opening_char(raw(p))) {
    if (p == 0 || has(p, kNewlineBefore)) return true;
    --p;
  }
  if (kind(p) == TokenKind::Punct && is_sentence_end_punct(raw(p))) return true;
  // An abbreviation that may end a sentence: "… w 2022 r. Marzec …".
  return has_dot(p) && abbreviation_may_end_sentence(lower(p));
}

bool token_uint(const TokenView& v, size_t i, uint64_t* out) {
  return v.is_number(i) && parse_uint(v.raw(i), out);
}


bool may_start_number_phrase(const TokenView& v, size_t i) {
  Decimal unused;
  return v.is_number(i) || v.number_word_value(i, &unused) || v.is_any(i, {"a", "an"});
}

bool match_number_phrase(const TokenView& v, size_t i, bool allow_words, bool allow_article,
                         Decimal* value, size_t* end) {
  if (v.is_number(i)) {
    if (!v.number_value(i, value)) return false;
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
  if (!v.number_word_value(i, &first)) return false;
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
      if (v.number_word_value(j + 1, &next) && !next.frac_digits && next.mantissa < 100) ++j;
    }
  }
  // Polish/English additive sequences in falling order: "dwieście trzydzieści pięć".
  for (;;) {
    Decimal next;
    if (!v.number_word_value(j, &next) || next.frac_digits || next.mantissa == 0) break;
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
