// Tests for engine/rules/number_parser: exact decimals in Polish/English notation and
// number words.
#include <doctest/doctest.h>

#include <string>

#include "engine/rules/number_parser.h"

using namespace glosa::rules;

static std::string parsed(const std::string& text, NumberStyle style) {
  Decimal d;
  if (!parse_decimal(text, style, &d)) return "<none>";
  return format_decimal(d);
}

TEST_CASE("number parser: reads Polish decimal comma and space/dot thousands") {
  struct Case { const char* in; const char* out; };
  const Case cases[] = {
      {"24,5", "24.5"},       {"5", "5"},           {"1 000 000", "1000000"},
      {"1\xC2\xA0" "000", "1000"}, {"1 250,50", "1250.5"}, {"1.250", "1250"},
      {"1.250.000", "1250000"}, {"1.250,75", "1250.75"}, {"1,250", "1.25"},
      {"0,125", "0.125"},     {"3,00", "3"},        {"007", "7"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(parsed(c.in, NumberStyle::Polish) == c.out);
  }
}

TEST_CASE("number parser: reads English decimal point and comma thousands") {
  struct Case { const char* in; const char* out; };
  const Case cases[] = {
      {"24.5", "24.5"},     {"1,250", "1250"},        {"1,250.50", "1250.5"},
      {"1,000,000", "1000000"}, {"1.250", "1.25"},    {"0.5", "0.5"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(parsed(c.in, NumberStyle::English) == c.out);
  }
}

TEST_CASE("number parser: refuses dates, clock times, irregular groups and overflow") {
  for (const char* in : {"25.11.2022", "12:30", "1,25,000", "", "1 00", "12a",
                         "123456789012345678901234"}) {
    CAPTURE(in);
    CHECK(parsed(in, NumberStyle::Polish) == "<none>");
    CHECK(parsed(in, NumberStyle::English) == "<none>");
  }
}

TEST_CASE("number parser: scales exactly without floating error") {
  Decimal d;
  REQUIRE(parse_decimal("24,5", NumberStyle::Polish, &d));
  REQUIRE(scale_decimal(&d, 9));
  CHECK(format_decimal(d) == "24500000000");
  REQUIRE(parse_decimal("50", NumberStyle::Polish, &d));
  REQUIRE(scale_decimal(&d, -2));
  CHECK(format_decimal(d) == "0.5");
  REQUIRE(parse_decimal("999999999", NumberStyle::Polish, &d));
  CHECK_FALSE(scale_decimal(&d, 12));  // 10^21 does not fit: refused, not wrapped
}

TEST_CASE("number parser: knows Polish and English number words in their case forms") {
  struct Case { const char* word; const char* lang; const char* value; };
  const Case cases[] = {
      {"dwa", "pl", "2"},     {"dwóch", "pl", "2"},   {"dwoma", "pl", "2"},
      {"pięć", "pl", "5"},    {"dwadzieścia", "pl", "20"}, {"pięćset", "pl", "500"},
      {"pół", "pl", "0.5"},   {"półtora", "pl", "1.5"}, {"twenty", "en", "20"},
      {"one", "en", "1"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.word);
    Decimal d;
    REQUIRE(number_word_value(c.word, c.lang, &d));
    CHECK(format_decimal(d) == c.value);
  }
  Decimal d;
  CHECK_FALSE(number_word_value("dwa", "en", &d));
  CHECK_FALSE(number_word_value("rocznica", "pl", &d));
  CHECK(is_indefinite_number_word("kilka", "pl"));
  CHECK(is_indefinite_number_word("several", "en"));
}
