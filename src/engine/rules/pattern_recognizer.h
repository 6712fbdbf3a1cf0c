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
// Values: DATE ISO 8601 ("2022-11-21", "2022-11", "2022", "XXXX-01" for a month of an
// unknown year, "XXXX-WXX-1" for a weekday, relative dates as an offset such as "-P1W"
// with is_relative), TIME "HH:MM", MONEY "<amount> <ISO 4217>" with a plain decimal amount
// ("24500000000 USD"), PERCENT the number ("5", "24.5"), URL/EMAIL the address.
std::vector<Entity> recognize_patterns(std::string_view text, const std::vector<Token>& tokens,
                                       std::string_view lang);

}  // namespace glosa
