// Pairing of quotation marks into quoted spans: „…” “…” "…" «…» »…« ‘…’ ‚…’ ‹…›, nesting,
// unclosed quotes. Says nothing about who speaks (see quotations.h). Layer: engine/quotes.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "engine/text/tokenizer.h"

namespace glosa {

constexpr size_t kNoToken = static_cast<size_t>(-1);

// Quotations nest at most this deep (a quotation inside a quotation is 2); openers deeper
// than that are ignored, so no pairing or later walk over the nesting grows with the text.
constexpr size_t kMaxQuoteDepth = 16;

// One quoted span. Token indices refer to the token vector given to pair_quote_marks.
struct QuoteSpan {
  size_t open_token = 0;           // the opening mark
  size_t close_token = kNoToken;   // the closing mark; kNoToken when never closed
  size_t inner_first = 0;          // tokens inside the marks: [inner_first, inner_end)
  size_t inner_end = 0;
  size_t begin_byte = 0;           // half-open bytes, marks included; an unclosed span ends
  size_t end_byte = 0;             //   with the last token before its cut (see below)
  int parent = -1;                 // index (in the returned vector) of the enclosing span
  char32_t open_mark = 0;
  char32_t close_mark = 0;         // 0 when unclosed
  bool is_closed() const { return close_token != kNoToken; }
};

// Pairs the quotation marks of a tokenized text (tokens from tokenize(text)).
//
// - Each line is a paragraph: a quote never spans a line break. An opener still open at the
//   end of its line is "unclosed" and ends at the line's last token, or just before the next
//   opener of the same mark on that line (a missing closer is likelier than „„ nesting).
// - Directional marks pair by kind: „ with ”, “ or " (Polish web text mixes „…"); “ with ”
//   (or closes an open „); « with »; » with « (or closes an open «); ‚ with ’ or ‘; ‘ with ’;
//   ‹ with ›. ” or » that closes nothing opens when a space is before it and a word after it
//   (Swedish ”…”, German »…«).
// - Straight " pairs by position: after a space (or at the start) it opens, before a space or
//   punctuation it closes the innermost open ", glued on both sides it toggles, and with
//   spaces on both sides it is ignored. Straight ' is never a quotation mark (apostrophes).
// - A closer that matches no open mark is ignored (’ as an apostrophe: "players’ union").
//   A closer that matches an outer mark closes it; openers still open inside are dropped.
// - At most kMaxQuoteDepth openers are open at once on a line; further ones are ignored.
//
// Output: sorted by begin_byte, an outer span before the spans nested in it; `parent` points
// to the enclosing span. Empty or mark-free text gives an empty vector.
std::vector<QuoteSpan> pair_quote_marks(std::string_view text, const std::vector<Token>& tokens);

}  // namespace glosa
