// Regression tests for work and memory that once grew faster than the input (issue #14):
// each checks the bound that keeps a stage linear, on input shaped like the hostile case.
// (Timings are measured by bench/scaling.cpp; tests only check behaviour.)
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/quotes/quotations.h"
#include "engine/quotes/quote_marks.h"
#include "engine/tagger/features.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/tokenizer.h"

using namespace glosa;

namespace {

std::string repeat(const std::string& unit, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += unit;
  return out;
}

// Depth of each span by following `parent`.
size_t max_depth(const std::vector<QuoteSpan>& spans) {
  size_t deepest = 0;
  for (const QuoteSpan& s : spans) {
    size_t d = 1;
    for (int p = s.parent; p >= 0; p = spans[static_cast<size_t>(p)].parent) ++d;
    deepest = std::max(deepest, d);
  }
  return deepest;
}

}  // namespace

TEST_CASE("quotations: a verb of saying far before a quotation does not introduce it (bounded look back)") {
  // One sentence, no commas: "Jan Nowak powiedział słowo słowo … „Tak jest dobrze.”". Each
  // quotation once read back to its paragraph's start, which made a long paragraph of
  // quotations quadratic; the look back now stops after a fixed number of tokens.
  const auto cue_of = [](size_t filler_words) {
    const std::string text = "Jan Nowak powiedział" + repeat(" słowo", filler_words) + " „Tak jest dobrze.”";
    const std::vector<Token> tokens = tokenize(text);
    const auto quotes = find_quotations(text, tokens, split_sentences(text, tokens), "pl", {}, {});
    REQUIRE(quotes.size() == 1);
    return text.substr(quotes[0].cue_begin_byte, quotes[0].cue_end_byte - quotes[0].cue_begin_byte);
  };
  CHECK(cue_of(5) == "powiedział");
  CHECK(cue_of(60) == "powiedział");
  CHECK(cue_of(400) == "");
}

TEST_CASE("quotations: a long paragraph of quotations inside quotations is read to its end") {
  // The shape: „a «b» c” repeated on one line. Every inner and outer span is paired.
  const std::string text = repeat("„a «b» c” ", 3000);
  const std::vector<Token> tokens = tokenize(text);
  const std::vector<QuoteSpan> spans = pair_quote_marks(text, tokens);
  CHECK(spans.size() == 6000);
  CHECK(max_depth(spans) == 2);
  // And the finder gets through it (it once took minutes at this size times eight).
  const auto quotes = find_quotations(text, tokens, split_sentences(text, tokens), "pl", {}, {});
  CHECK(quotes.size() <= spans.size());
}

TEST_CASE("pair_quote_marks: quotations nest at most kMaxQuoteDepth deep; deeper openers are ignored") {
  std::string open, close;
  for (size_t i = 0; i < 200; ++i) {
    open += i % 2 ? "«b " : "„a ";
    close = (i % 2 ? " b»" : " a”") + close;
  }
  const std::string text = open + "x" + close;
  const std::vector<QuoteSpan> spans = pair_quote_marks(text, tokenize(text));
  REQUIRE_FALSE(spans.empty());
  CHECK(max_depth(spans) == kMaxQuoteDepth);
  // The outermost span still starts at the first „ (the closers of ignored openers close
  // the open ones early: such text is no prose, and nothing in it may cost more than linear).
  CHECK(spans[0].begin_byte == 0);
  CHECK(spans[0].parent == -1);
}

TEST_CASE("ner features: no tagging unit is longer than kMaxUnitTokens (tagger memory is bounded)") {
  // One "sentence" of 30,000 tokens: the tagger's buffers (hundreds of bytes per token of the
  // unit) once made a 2.5 MB text of this shape take more than a gigabyte.
  const std::string text = repeat("5% i 7%, 9 zł ", 3000);
  const std::vector<Token> tokens = tokenize(text);
  const std::vector<Sentence> units = ner::tagging_units(text, tokens, split_sentences(text, tokens));
  REQUIRE(tokens.size() > 5 * ner::kMaxUnitTokens);
  size_t next = 0;
  for (const Sentence& u : units) {
    CHECK(u.token_count <= ner::kMaxUnitTokens);
    CHECK(u.token_count > 0);
    CHECK(u.first_token == next);  // the units cover every token, in order, once
    CHECK(u.begin_byte == tokens[u.first_token].begin_byte);
    CHECK(u.end_byte == tokens[u.first_token + u.token_count - 1].end_byte);
    next = u.first_token + u.token_count;
  }
  CHECK(next == tokens.size());
  // A cut falls after punctuation when there is some near the limit.
  CHECK(tokens[units[0].token_count - 1].kind == TokenKind::Punct);
}
