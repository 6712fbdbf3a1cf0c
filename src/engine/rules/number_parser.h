// Exact decimal numbers for the rule recognisers: digit tokens in Polish/English notation
// ("24,5", "1 000 000", "1,250.50") and number words ("dwa", "pięćdziesiąt", "twenty-five").
// Layer: engine/rules. No floating point: values print without rounding error.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace glosa::rules {

// value = mantissa / 10^frac_digits. Always normalised by the functions below (no trailing
// zero in the mantissa while frac_digits > 0).
struct Decimal {
  uint64_t mantissa = 0;
  int frac_digits = 0;
};

// How to read a lone separator followed by exactly three digits ("1,250", "1.250").
enum class NumberStyle : uint8_t {
  Polish,   // ',' is the decimal mark, '.' and spaces group thousands: "1.250" = 1250
  English,  // '.' is the decimal mark, ',' and spaces group thousands: "1,250" = 1250
  Neutral,  // lang "other": a lone separator before three digits groups thousands
};

// Parses the text of one Number token: digits, inner ',' '.', and spaces / U+00A0 / U+202F
// between three-digit groups. A separator followed by 1, 2 or 4+ digits is the decimal mark;
// two different marks mean "thousands then decimal". A lone mark before exactly three
// digits follows NumberStyle, except that Polish ",000" groups thousands ("40,000" = 40000).
// Returns false for anything else
// ("25.11.2022", "12:30", irregular groups) and on overflow (more than 19 digits).
bool parse_decimal(std::string_view text, NumberStyle style, Decimal* out);

// Parses a run of ASCII digits only (no sign, no separators) into *out. False when empty,
// not all digits, or above 10^18.
bool parse_uint(std::string_view text, uint64_t* out);

// Multiplies by 10^exponent (exponent may be negative: cents). False on overflow.
bool scale_decimal(Decimal* d, int exponent);

// Multiplies by another decimal ("1,5" times "mln" is a scale; "pół" times "miliona").
bool multiply_decimal(Decimal* d, const Decimal& by);

// Plain decimal notation, no exponent, no trailing zeros: "24500000000", "1250.5", "0.5".
std::string format_decimal(const Decimal& d);

// The value of one lower-cased number word of `lang` ("pl" or "en"), any case form:
// "dwa"/"dwóch"/"dwoma" = 2, "pięćset" = 500, "twenty" = 20, "pół" = 0.5, "półtora" = 1.5.
// Returns false for other words. Hyphenated English compounds are handled by
// parse_number_words.
bool number_word_value(std::string_view lowered, std::string_view lang, Decimal* out);
// The same when word_hash(lowered) is known already (TokenView::lower_hash).
bool number_word_value(std::string_view lowered, uint64_t hash, std::string_view lang,
                       Decimal* out);

// True for indefinite quantity words: "kilka", "kilkanaście", "parę", "several", "few"...
bool is_indefinite_number_word(std::string_view lowered, std::string_view lang);
bool is_indefinite_number_word(std::string_view lowered, uint64_t hash, std::string_view lang);

// Appends every word is_indefinite_number_word accepts, in both languages.
void add_indefinite_number_words(std::vector<std::string_view>* words);

}  // namespace glosa::rules
