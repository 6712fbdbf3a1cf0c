// Shared machinery of the rule recognisers: a read-only view over the tokens (lower-cased
// forms, capitalisation, sentence starts), the Match record each rule emits, and number
// phrases (digits or words). Layer: engine/rules (internal to the rules).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/word_index.h"
#include "engine/rules/number_parser.h"
#include "engine/text/tokenizer.h"

namespace glosa::rules {

// One recognised entity in token units: tokens [first, last). Converted to bytes later.
struct Match {
  size_t first = 0;
  size_t last = 0;  // one past the last token, > first
  std::string label;
  std::string value;
  std::string subtype;
  bool is_relative = false;
};

// Read-only view of a tokenized text for the rules. All accessors accept any index: out of
// range they answer "", false or TokenKind::Punct, so rules can look ahead/behind freely.
// Everything the rules ask about one token again and again (its text, lower-cased form and
// that form's word_hash, capitals, its value as a number or number word) is computed once
// here, so the accessors are inline loads and the rules look words up in WordIndex tables
// without hashing or allocating again.
// Lifetime: borrows `text` and `tokens`, which must outlive the view.
class TokenView {
 public:
  TokenView(std::string_view text, const std::vector<Token>& tokens, std::string_view lang);
  TokenView(const TokenView&) = delete;  // the forms point into lowered_: never copied
  TokenView& operator=(const TokenView&) = delete;

  size_t size() const { return forms_.size(); }
  bool polish() const { return is_polish_; }    // Polish patterns: "pl" and "other"
  bool english() const { return is_english_; }  // English patterns: "en" and "other"
  std::string_view lang() const { return lang_; }
  NumberStyle number_style() const { return style_; }

  // The token's text as written.
  std::string_view raw(size_t i) const { return i < size() ? forms_[i].raw : std::string_view(); }
  // Lower-cased, an abbreviation dot dropped. Valid as long as the view.
  std::string_view lower(size_t i) const {
    return i < size() ? forms_[i].lower : std::string_view();
  }
  uint64_t lower_hash(size_t i) const { return i < size() ? forms_[i].hash : empty_hash_; }
  TokenKind kind(size_t i) const { return i < size() ? forms_[i].kind : TokenKind::Punct; }
  bool is_word(size_t i) const { return kind(i) == TokenKind::Word; }
  bool is_number(size_t i) const { return kind(i) == TokenKind::Number; }
  bool has_dot(size_t i) const { return has(i, kHasDot); }  // "proc.", "r.": kept its dot
  bool space_before(size_t i) const { return has(i, kSpaceBefore); }  // gap before token i
  bool is_capitalized(size_t i) const { return has(i, kCapitalized); }  // first letter upper
  bool is_all_upper(size_t i) const { return has(i, kAllUpper); }       // "USD", "PLN"
  // True when token i may start a sentence: first token, after a line break, after . ! ?
  // … : or an opening quote/dash that follows one of those.
  bool at_sentence_start(size_t i) const;
  // lower(i) equals one of `words` (inline, so short literal lists compile to a few compares).
  bool is_any(size_t i, std::initializer_list<std::string_view> words) const {
    const std::string_view w = lower(i);
    if (w.empty()) return false;
    for (std::string_view x : words) {
      if (w == x) return true;
    }
    return false;
  }
  // Position of lower(i) in `words`, or -1.
  int find(size_t i, const WordIndex& words) const { return words.find(lower(i), lower_hash(i)); }
  // raw(i) == p for a Punct/Symbol.
  bool is_punct(size_t i, std::string_view p) const {
    const TokenKind k = kind(i);
    return (k == TokenKind::Punct || k == TokenKind::Symbol) && i < size() && raw(i) == p;
  }
  // A Number token read with number_style() ("24,5" = 24.5); false for other tokens and for
  // what parse_decimal refuses ("25.11.2022").
  bool number_value(size_t i, Decimal* out) const { return value(i, kHasNumberValue, out); }
  // A Word token that is one number word of the view's language(s): "dwa", "pół",
  // "twenty-five"; false for other tokens.
  bool number_word_value(size_t i, Decimal* out) const { return value(i, kHasWordValue, out); }
  size_t begin_byte(size_t i) const { return tokens_[i].begin_byte; }
  size_t end_byte(size_t i) const { return tokens_[i].end_byte; }

 private:
  enum Flag : uint8_t {
    kHasDot = 1,
    kSpaceBefore = 2,
    kNewlineBefore = 4,
    kCapitalized = 8,
    kAllUpper = 16,
    kHasNumberValue = 32,
    kHasWordValue = 64,
  };
  struct Form {
    std::string_view raw;
    std::string_view lower;  // into the text, or into lowered_ when lower-casing changed it
    uint64_t hash = 0;       // word_hash(lower)
    Decimal value;           // with kHasNumberValue or kHasWordValue
    TokenKind kind = TokenKind::Punct;
    uint8_t flags = 0;
  };
  bool has(size_t i, Flag f) const { return i < size() && (forms_[i].flags & f) != 0; }
  bool value(size_t i, Flag f, Decimal* out) const {
    if (!has(i, f)) return false;
    *out = forms_[i].value;
    return true;
  }

  const std::vector<Token>& tokens_;
  std::string lang_;
  bool is_polish_ = false;
  bool is_english_ = false;
  NumberStyle style_ = NumberStyle::Neutral;
  std::string lowered_;  // the lower-cased forms that differ from the text, back to back
  std::vector<Form> forms_;
  uint64_t empty_hash_ = 0;
};

// The entry of `table` whose form is v.lower(i), or nullptr. `index` is the table's
// WordIndex over the same forms (a function-local static of the caller, built on first use).
template <typename T, size_t N>
const T* find_form(const TokenView& v, size_t i, const T (&table)[N], const WordIndex& index) {
  const int k = v.find(i, index);
  return k < 0 ? nullptr : &table[k];
}

// A number phrase starting at token i: a Number token ("24,5"), a lone integer word with
// digits and a suffix is NOT handled here, or number words ("dwadzieścia pięć",
// "twenty-five", "two hundred"). `allow_words` enables words; `allow_article` lets English
// "a"/"an" count as 1 ("a week ago", "a million"). On success sets *value and *end (one
// past the last token used) and returns true.
bool match_number_phrase(const TokenView& v, size_t i, bool allow_words, bool allow_article,
                         Decimal* value, size_t* end);

// False when no number phrase can start at token i (match_number_phrase then fails for any
// flags): i is not a Number, not a number word and not "a"/"an".
bool may_start_number_phrase(const TokenView& v, size_t i);

// Integer value of a plain digit token ("12", "2022"); false for anything else.
bool token_uint(const TokenView& v, size_t i, uint64_t* out);

}  // namespace glosa::rules
