// Resolution of relative and underspecified DATE values ("-P1W", "XXXX-01", "XXXX-WXX-1")
// against the article date (docs/RULES.md, "Resolving dates"). Layer: engine/article.
// Pure: the anchor is passed in; there is no clock.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/core/document.h"
#include "engine/core/error.h"

namespace glosa {

// Resolves one DATE value (the grammar of docs/RULES.md) against `anchor`, an ISO 8601 date
// at year, month or day precision ("2022", "2022-11", "2022-11-28").
// Returns an ISO 8601 date ("2021", "2022-01", "2022-11-21") or interval ("2022-10/2022-11",
// "2022-11-26/2022-11-27"): the smallest span, at the precision documented for the value
// form, that contains every day the expression can mean for every day the anchor allows.
// Returns "" when the value needs nothing ("2022-11-25", "2022", "19"), when it cannot be
// resolved ("-PXD": unknown count; a weekday against an anchor without a day; "XXXX-02-29"
// in a year that has no 29 February; a result outside years 1..9999), or when the anchor is
// not such a date (including "").
// Policy for a missing year ("XXXX-01", "XXXX-11-25", "XXXX-05-03/XXXX-05-05"): the
// occurrence from ten months before to one month after the article's month, compared by
// month ("XXXX-01" against "2022-11" is "2022-01", "XXXX-12" is "2022-12", against "2023-01"
// "XXXX-12" is "2022-12" and "XXXX-02" "2023-02"). A bare weekday ("XXXX-WXX-1",
// "XXXX-WXX-WE"): the latest occurrence on or before the article's day. A quarter or half
// without a year ("XXXX-Q3", "XXXX-H1"): the anchor's year ("2025-Q3").
std::string resolve_date_value(std::string_view value, std::string_view anchor);

// Sets Entity::resolved of every DATE entity of `doc` from resolve_date_value(e.value,
// anchor), and clears it where that is "" (so a second call with another anchor leaves no
// stale value). Other labels, `value` and `is_relative` are never touched.
// Two context rules read the text: a month, day, quarter or half without a year directly
// followed (only whitespace between) by a DATE whose value is a year offset takes that
// offset's year — "w grudniu ubiegłego roku", "in January this year", "w drugim kwartale
// ubiegłego roku" — instead of the policy above; and a bare weekday after a future word in
// its clause (at most eight words back, not past a comma, semicolon, colon, bracket, dash
// or sentence end: "will", "would", "będzie", "odbędzie"; in Polish also among the three
// words after it) is the first such day after the article's day ("it would publish details
// on Monday", but not "will pay $42, a premium to the closing price on Thursday").
// `anchor` "" means no article date: every DATE's resolved is cleared, returns 0.
// Returns the number of entities given a resolved value, or BadArgument (doc unchanged) when
// a non-empty anchor is not "YYYY", "YYYY-MM" or "YYYY-MM-DD".
Result<size_t> resolve_dates(Document& doc, std::string_view anchor);

}  // namespace glosa
