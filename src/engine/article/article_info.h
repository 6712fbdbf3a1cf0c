// Article metadata from the text itself: title, date line, source line, web addresses and
// size (ArticleInfo, docs/ARTICLE.md). Layer: engine/article. Pure, Polish and English.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "engine/core/document.h"
#include "engine/text/tokenizer.h"

namespace glosa {

constexpr size_t kWordsPerMinute = 200;  // reading speed behind ArticleInfo::reading_minutes
constexpr size_t kDateLineWindow = 5;    // the first non-empty lines that may hold the date
constexpr size_t kMaxCreditLines = 3;    // photo/author credit lines skipped below the source

// Computes ArticleInfo of one document. `tokens` must be tokenize(text) and `entities` spans
// into `text` sorted by begin_byte (Document::entities); entities with status Rejected are
// ignored. Lines are split at '\n' and trimmed of Unicode spaces; "non-empty" means after
// trimming. Never fails: a field that is not found stays empty (0 for the counts).
//
// - title: the first non-empty line that is not a date line (a dateline followed by text on
//   its line, the article's first sentence, leaves the line a title candidate as written); from a marker line that goes on
//   after its date ("date 2022-11 Kasym-Żomert Tokajew…") the rest after the date (and a
//   TIME and separators , | – — - · • right after it). If every line is a date line: the
//   first non-empty line as written.
// - date: from the first kDateLineWindow non-empty lines, the first of
//     1. a marker line: a marker word — date, dated, published, posted, data, opublikowano,
//        publikacja, dodano — optional "." ":" or dash, optional "on"/"dnia", then at once a
//        DATE whose value is "YYYY-MM-DD", "YYYY-MM" or "YYYY" (or a bare 4-digit year,
//        which rules do not tag alone: "date 2022"; not one joined to more digits, as
//        "2022-11" whose DATE a person rejected);
//     2. a date-only line: nothing but DATE/TIME entities and punctuation, holding such a DATE
//        ("2026-03-12", "12 stycznia 2026 r.", "Monday, March 3, 2026, 10:30");
//     3. a news dateline at a line's start: a place of one to four capitalised words, a
//        comma and such a DATE, optionally a news agency in brackets, then the end of the line
//        or a dash ("MUNICH, March 14, 2025 —", "WASHINGTON, Jan 5 (Reuters) -",
//        "Warszawa, 3 marca 2024 r."); a dateline of a place and an agency alone
//        ("WASHINGTON (Reuters) -") gives no date;
//     4. a marker line with an update marker: updated, aktualizacja, zaktualizowano.
//   The value is the DATE's value. Relative, year-less, range, century and decade values
//   never count; "" when none is found.
// - source: the last non-empty line below the title line, after skipping up to
//   kMaxCreditLines credit lines from the bottom (fot., foto:, zdjęcie:, zdj., photo:,
//   image:, ilustracja:, autor:, author:, oprac.): either a line of only web addresses and
//   punctuation ("fergana.news/kresy.pl", "pap.pl, reuters.com": the line as written) or a
//   marker line "Źródło: PAP", "Źródła – …", "Source: Reuters", "Sources: …" (the text after
//   the marker); without one, the agency of the first dateline ("Reuters"). "" otherwise.
// - urls: the text of every URL entity and Url token, in text order, each once (exact
//   string comparison).
// - word_count: Word and Number tokens; reading_minutes: ceil(word_count / 200).
ArticleInfo compute_article_info(std::string_view text, const std::vector<Token>& tokens,
                                 const std::vector<Entity>& entities);

// The same for a Document without its tokens (e.g. one read from a file): tokenizes
// doc.text. The app's title and file name should come from here (or doc.article).
ArticleInfo compute_article_info(const Document& doc);

}  // namespace glosa
