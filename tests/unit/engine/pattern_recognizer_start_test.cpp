// Tests for the first-token filter of engine/rules/pattern_recognizer (may_start_match):
// wherever it says "no match can start here", every recogniser must agree. Kept apart from
// pattern_recognizer_test.cpp, which checks what the rules find, not how fast.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "engine/rules/date_rules.h"
#include "engine/rules/money_rules.h"
#include "engine/rules/pattern_recognizer.h"
#include "engine/rules/quantity_rules.h"
#include "engine/rules/rule_context.h"
#include "engine/text/tokenizer.h"
#include "test_support.h"

using namespace glosa;

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Every short string literal of a C++ source ("\xE2\x80\x93" escapes decoded): the words,
// symbols and suffixes the rules compare tokens with.
std::vector<std::string> literals_of(const std::string& source) {
  std::vector<std::string> out;
  for (size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\'' && i + 2 < source.size()) {  // skip character literals like '"'
      i += source[i + 1] == '\\' ? 3 : 2;
      continue;
    }
    if (source[i] != '"') continue;
    std::string lit;
    size_t j = i + 1;
    for (; j < source.size() && source[j] != '"' && source[j] != '\n'; ++j) {
      if (source[j] != '\\' || j + 1 >= source.size()) {
        lit += source[j];
      } else if (source[j + 1] == 'x' && j + 3 < source.size() && hex_digit(source[j + 2]) >= 0 &&
                 hex_digit(source[j + 3]) >= 0) {
        lit += static_cast<char>(hex_digit(source[j + 2]) * 16 + hex_digit(source[j + 3]));
        j += 3;
      } else {
        lit += source[++j];
      }
    }
    if (!lit.empty() && lit.size() <= 24 && lit.find('\n') == std::string::npos) out.push_back(lit);
    i = j;
  }
  return out;
}

std::string capitalized(std::string w) {
  if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 32);
  return w;
}

std::string upper(std::string w) {
  for (char& c : w) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return w;
}

// For each position that may_start_match rejects, every recogniser must find nothing.
// Returns the number of positions checked; *skipped counts the rejected ones.
size_t check_filter(const std::string& text, size_t* skipped) {
  const auto tokens = tokenize(text);
  size_t positions = 0;
  for (const char* lang : {"pl", "en", "other"}) {
    const rules::TokenView v(text, tokens, lang);
    for (size_t i = 0; i < v.size(); ++i) {
      ++positions;
      if (rules::may_start_match(v, i)) continue;
      ++*skipped;
      std::vector<rules::Match> found;
      rules::match_money(v, i, &found);
      rules::match_percent(v, i, &found);
      rules::match_dates(v, i, &found);
      rules::match_times(v, i, &found);
      rules::match_quantity(v, i, &found);
      if (!found.empty()) {
        CAPTURE(text);
        CAPTURE(lang);
        CAPTURE(v.raw(i));
        CHECK(found.empty());
      }
    }
  }
  return positions;
}

}  // namespace

TEST_CASE("rules: the first-token filter never skips a position where a rule matches") {
  // Every literal of the rules, as written, capitalised and in capitals, is put first in
  // front of continuations that complete the common patterns, after a rotating preposition,
  // and mixed at random with numbers and punctuation.
  std::vector<std::string> words;
  for (const char* file : {"date_rules.cpp", "money_rules.cpp", "quantity_rules.cpp",
                           "number_parser.cpp", "rule_context.cpp"}) {
    const std::string source =
        test::read_file(test::source_path(std::string("src/engine/rules/") + file));
    REQUIRE(source.size() > 1000);
    for (const std::string& lit : literals_of(source)) {
      words.push_back(lit);
      words.push_back(capitalized(lit));
      words.push_back(upper(lit));
    }
  }
  REQUIRE(words.size() > 1000);
  const char* prefixes[] = {"", "w ", "in ", "at the "};
  const char* continuations[] = {
      "", " 12 stycznia 2022 r.", " 2022 r.", " 90. XX wieku", " 12:30", " 15.00", " 5 lat temu",
      " dwa tygodnie temu", " tydzień", " roku", " 5 mln zł", " 10 proc.", " 3 km",
      " 12 January 2022", " of January", " few days ago", " Monday", " poniedziałek",
      " century", " $", " dolarów", "-14 stycznia", " ago", " a.m."};
  size_t positions = 0, skipped = 0;
  size_t k = 0;
  for (const std::string& w : words) {
    for (const char* continuation : continuations) {
      positions += check_filter(prefixes[k++ % 4] + w + continuation, &skipped);
    }
  }
  std::vector<std::string> pieces = words;
  for (const char* extra : {"12", "2022", "1 000", "24,5", "3.14", "25.11.2022", "12:30", "15.00",
                            "5bn", "24m", "5zł", "2022r", "12th", "3pm", "1990s", "20th", "$",
                            "€", "US", "XXI", ".", ",", "-", "–", "%", "(", "„"}) {
    for (int copy = 0; copy < 20; ++copy) pieces.push_back(extra);
  }
  uint32_t seed = 2024;
  const auto next = [&](uint32_t n) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % n;
  };
  for (int doc = 0; doc < 3000; ++doc) {
    std::string text;
    const uint32_t n = 3 + next(8);
    for (uint32_t p = 0; p < n; ++p) {
      if (p > 0 && next(6) != 0) text += ' ';
      text += pieces[next(static_cast<uint32_t>(pieces.size()))];
    }
    positions += check_filter(text, &skipped);
  }
  // The text is made of rule words, yet the filter still finds ordinary words to skip.
  CAPTURE(positions);
  CHECK(skipped > 0);
  CHECK(skipped < positions);
}

TEST_CASE("rules: the first-token filter skips most words of a news article") {
  const std::string text = test::read_file(test::source_path("tests/fixtures/pl-news-wizyta-wilno.txt"));
  REQUIRE(text.size() > 1000);
  const auto tokens = tokenize(text);
  const rules::TokenView v(text, tokens, "pl");
  size_t skipped = 0;
  for (size_t i = 0; i < v.size(); ++i) skipped += !rules::may_start_match(v, i);
  CAPTURE(skipped);
  CAPTURE(v.size());
  CHECK(skipped * 2 > v.size());
  CHECK_FALSE(rules::may_start_match(v, v.size()));  // past the end: nothing
}
