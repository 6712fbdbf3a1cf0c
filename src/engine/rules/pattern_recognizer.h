// Rule-based recognisers for DATE, TIME, MONEY, PERCENT, QUANTITY, URL and EMAIL in Polish
// and English, each with a normalised value. Layer: engine/rules.
#pragma once

#include <string_view>
#include <vector>

#include "engine/core/document.h"
#include "engine/text/tokenizer.h"

namespace glosa {

// Finds pattern entities over the tokens of `text`. `lang` is "pl", "en" or "other" (both
// languages' patterns are tried for "other"). Output: origin Rule, confidence 1, byte spans
// aligned to token boundaries, sorted by begin_byte, NON-overlapping (at one start the
// longest match wins; a later match that overlaps an earlier one is dropped).
// Values (full grammar in docs/RULES.md): DATE ISO 8601 ("2022-11-21", "2022-11", "2022",
// "XXXX-01" for a month of an unknown year, "XXXX-WXX-1" for a weekday, intervals
// "2022-01-12/2022-01-14"; relative dates with is_relative as a signed offset "-P1W",
// "P0Y", "-PXD", or a directed weekday "-XXXX-WXX-1"), TIME "HH:MM[:SS]", MONEY "<amount>
// <ISO 4217>" with a plain decimal amount ("24500000000 USD"), PERCENT the number ("5",
// "24.5"), QUANTITY "<amount> <unit>" ("2000000 t"), URL/EMAIL the address.
// DATE/TIME spans leave out a leading preposition ("w poniedziałek" -> "poniedziałek").
// Never fails; empty tokens give an empty result. `tokens` must come from tokenize(text).
std::vector<Entity> recognize_patterns(std::string_view text, const std::vector<Token>& tokens,
                                       std::string_view lang);

namespace rules {

class TokenView;

// False when no recogniser can match at token i: an ordinary word (most tokens), which
// recognize_patterns then skips. True for Numbers, Puncts and Symbols, words that start with
// a digit, words in capitals only (a trailing dot aside), number phrases and the start words
// of the rules (add_date_start_words, add_money_start_words). Exposed for its test.
bool may_start_match(const TokenView& v, size_t i);

}  // namespace rules

}  // namespace glosa
