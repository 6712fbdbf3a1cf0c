// DATE and TIME rules for Polish and English: absolute dates, months, weekdays, years,
// relative expressions ("tydzień temu", "last year") and clock times. Layer: engine/rules.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "engine/rules/rule_context.h"

namespace glosa::rules {

// Appends every DATE match that starts at token i (callers keep the longest). Spans never
// include a leading preposition ("w", "on"), except "za"/"in"/"przed" where the preposition
// carries the direction of an offset ("za tydzień", "in two weeks", "przed rokiem").
// Values follow docs/RULES.md: "2022-11-25", "2022-11", "2022", "XXXX-01", "XXXX-11-25",
// "XXXX-WXX-1"; relative values (is_relative): "-P1D", "P0Y", "-P2W", "-PXD" (unknown
// count), "-XXXX-WXX-1" (the last Monday before the reference date), "+XXXX-WXX-5".
void match_dates(const TokenView& v, size_t i, std::vector<Match>* out);

// Appends every TIME match that starts at token i: "12:30", "godz. 12", "o 15.00" (span
// "15.00"), "10 a.m.", "3 pm", "3pm". Value "HH:MM" (24-hour) or "HH:MM:SS".
void match_times(const TokenView& v, size_t i, std::vector<Match>* out);

// Appends every lower-case word that can be the first token of a DATE or TIME match (the
// word tables and the words tested at the first token), for recognize_patterns' filter.
// Other first tokens are Numbers, words that start with a digit ("2022r", "12th", "3pm"),
// words in capitals only ("XXI") and number phrases (see may_start_number_phrase).
void add_date_start_words(std::vector<std::string_view>* words);

}  // namespace glosa::rules
