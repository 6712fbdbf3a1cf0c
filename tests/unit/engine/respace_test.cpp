// Tests for engine/eval/respace: space-joined corpus text back to ordinary spacing, with a byte
// map that carries gold spans over.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/eval/respace.h"

using namespace glosa;

namespace {

// The span [b, e) of `text` after re-spacing.
std::string mapped(const std::string& text, size_t b, size_t e, bool clitics = true) {
  std::vector<size_t> map;
  const std::string out = respace(text, clitics, &map);
  REQUIRE(map.size() == text.size() + 1);
  return out.substr(map[b], map[e] - map[b]);
}

}  // namespace

TEST_CASE("respace: punctuation, brackets and Polish quotes get ordinary spacing") {
  std::vector<size_t> map;
  struct Case { const char* in; const char* out; };
  const Case cases[] = {
      {"Bohaterem powieści jest miasto , Krzemieniec .", "Bohaterem powieści jest miasto, Krzemieniec."},
      {"w 2000 r . ( wtorek ) padało !", "w 2000 r. (wtorek) padało!"},
      {"mówi „ Gazeta ” i \" Rzeczpospolita \" też", "mówi „Gazeta” i \"Rzeczpospolita\" też"},
      {"ul . Chopina 5 , 20 % taniej …", "ul. Chopina 5, 20% taniej…"},
      {"", ""},
      {"słowo", "słowo"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(respace(c.in, true, &map) == c.out);
  }
}

TEST_CASE("respace: numbers split at a dot or colon are joined again") {
  std::vector<size_t> map;
  CHECK(respace("o godz . 13 . 00 , dnia 20 . 10 . 2005 roku", false, &map) ==
        "o godz. 13.00, dnia 20.10.2005 roku");
  CHECK(respace("wygrali 8 : 2 .", false, &map) == "wygrali 8:2.");
  // A sentence-final dot after a number is not joined to a following word.
  CHECK(respace("w 2005 . Potem", false, &map) == "w 2005. Potem");
  // Lists with commas stay lists.
  CHECK(respace("12 , 16 lub 18", false, &map) == "12, 16 lub 18");
}

TEST_CASE("respace: Polish clitics go back onto the verb only when asked") {
  std::vector<size_t> map;
  CHECK(respace("siedział em i zrobił by m to", true, &map) == "siedziałem i zrobiłbym to");
  CHECK(respace("widzieli śmy ją", true, &map) == "widzieliśmy ją");
  CHECK(respace("siedział em", false, &map) == "siedział em");
  // "m" after a word that takes no clitic stays apart.
  CHECK(respace("dom m", true, &map) == "dom m");
}

TEST_CASE("respace: the English possessive goes back onto its word only when asked") {
  std::vector<size_t> map;
  const std::string text = "Poland 's president met Siemens ' lawyers";
  CHECK(respace(text, false, &map) == text);
  const std::string joined = respace(text, false, &map, true);
  CHECK(joined == "Poland's president met Siemens ' lawyers");
  // The gold span "Poland" stays "Poland".
  CHECK(joined.substr(map[0], map[6] - map[0]) == "Poland");
}

TEST_CASE("respace: the byte map carries spans, multi-byte characters included") {
  const std::string text = "Spotkanie w Łodzi , 13 . 00 ( „ Żółć ” ) .";
  const size_t lodz = text.find("Łodzi");
  CHECK(mapped(text, lodz, lodz + std::string("Łodzi").size()) == "Łodzi");
  const size_t time = text.find("13");
  CHECK(mapped(text, time, time + std::string("13 . 00").size()) == "13.00");
  const size_t z = text.find("Żółć");
  CHECK(mapped(text, z, z + std::string("Żółć").size()) == "Żółć");
  std::vector<size_t> map;
  const std::string out = respace(text, true, &map);
  CHECK(map[text.size()] == out.size());
  for (size_t k = 1; k < map.size(); ++k) CHECK(map[k] >= map[k - 1]);
}
