// MONEY and PERCENT rules for Polish and English: amounts in digits or words with scale
// words ("24,5 mld", "two million"), currencies as symbols, ISO codes and inflected words
// ("dolarów amerykańskich", "złotych", "hrywien"), and percentages. Layer: engine/rules.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "engine/rules/rule_context.h"

namespace glosa::rules {

// Appends every MONEY match starting at token i. Value "<amount> <ISO 4217>" with a plain
// decimal amount ("24500000000 USD", "1250.5 PLN", "0.5 PLN" for "50 groszy"); the bare
// amount when the currency is ambiguous ("korona" without a country adjective).
void match_money(const TokenView& v, size_t i, std::vector<Match>* out);

// Appends every PERCENT match starting at token i ("5%", "5 proc.", "24,5 procent",
// "five per cent"). Value: the number ("5", "24.5"); subtype "point" for percentage points
// ("0,5 pkt proc.", "punktu procentowego", "percentage points", "2 pp."); basis points are
// converted to percentage points ("25 bps", "25 pb" -> "0.25", subtype "point").
void match_percent(const TokenView& v, size_t i, std::vector<Match>* out);

// Appends every lower-case word that can be the first token of a MONEY or PERCENT match
// (scale words: "miliard dolarów"), for recognize_patterns' filter. Other first tokens are
// Symbols and Puncts ("$", "€"), words in capitals only ("USD", "US" "$"), words that start
// with a digit ("5zł", "24m") and number phrases (see may_start_number_phrase).
void add_money_start_words(std::vector<std::string_view>* words);

}  // namespace glosa::rules
