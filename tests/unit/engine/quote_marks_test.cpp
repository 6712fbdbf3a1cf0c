// Tests for engine/quotes/quote_marks: pairing of „…” "…" «…» »…« ‘…’ ‚…’, nesting,
// unclosed quotes bounded by their line, stray closers and apostrophes.
#include <doctest/doctest.h>

#include <string>

#include "engine/quotes/quote_marks.h"
#include "engine/text/tokenizer.h"

using namespace glosa;

namespace {

// The spans found, in order, as "text" plus " ^N" for a parent index and " (open)" when never
// closed, joined by " | ".
std::string pairs(const std::string& text) {
  std::string out;
  for (const QuoteSpan& s : pair_quote_marks(text, tokenize(text))) {
    if (!out.empty()) out += " | ";
    out += text.substr(s.begin_byte, s.end_byte - s.begin_byte);
    if (s.parent >= 0) out += " ^" + std::to_string(s.parent);
    if (!s.is_closed()) out += " (open)";
  }
  return out;
}

}  // namespace

TEST_CASE("quote_marks: pairs Polish, English, French and German marks") {
  SUBCASE("Polish „…”") {
    CHECK(pairs("Powiedział: „Wysoko to cenimy” i wyszedł.") ==
          "„Wysoko to cenimy”");
  }
  SUBCASE("German „…“") {
    CHECK(pairs("Er sagte: „Wir schätzen das“.") == "„Wir schätzen das“");
  }
  SUBCASE("English “…”") {
    CHECK(pairs("“We value it,” he said.") == "“We value it,”");
  }
  SUBCASE("guillemets «…» and »…«") {
    CHECK(pairs("«Tak» i »Nie«") == "«Tak» | »Nie«");
  }
  SUBCASE("Swedish-style ”…”") {
    CHECK(pairs("Sade han: ”Vi värdesätter det”.") == "”Vi värdesätter det”");
  }
  SUBCASE("single ‘…’ and ‚…’") {
    CHECK(pairs("‘Yes’ and ‚Tak’") == "‘Yes’ | ‚Tak’");
  }
}

TEST_CASE("quote_marks: nested quotations name their parent") {
  CHECK(pairs("„Mówiłem im: ‚nie róbcie tego’ – i zrobili” – dodał.") ==
        "„Mówiłem im: ‚nie róbcie tego’ – i zrobili” | ‚nie róbcie tego’ ^0");
  CHECK(pairs("„Czytam «Gazetę Wyborczą» codziennie”") ==
        "„Czytam «Gazetę Wyborczą» codziennie” | «Gazetę Wyborczą» ^0");
  CHECK(pairs("“He told me ‘never again’ and left,” she said.") ==
        "“He told me ‘never again’ and left,” | ‘never again’ ^0");
  SUBCASE("an outer closer drops an inner opener left open") {
    CHECK(pairs("„Powiedział «tak i poszedł” dalej.") ==
          "„Powiedział «tak i poszedł”");
  }
}

TEST_CASE("quote_marks: straight quotes pair by position") {
  CHECK(pairs("\"We value it,\" he said. \"Really.\"") ==
        "\"We value it,\" | \"Really.\"");
  CHECK(pairs("He called it \"smart\" (\"very smart\").") ==
        "\"smart\" | \"very smart\"");
  SUBCASE("a straight quote with spaces on both sides is ignored") {
    CHECK(pairs("a \" b \"c\"") == "\"c\"");
  }
  SUBCASE("straight apostrophes are never quotation marks") {
    CHECK(pairs("the players' union and 'rock'n'roll'") == "");
  }
}

TEST_CASE("quote_marks: an unclosed quote stops at the end of its line") {
  const std::string text = "„Nigdy tego nie zamknięto – dodał.\nDrugi akapit „cały”.\n\nTrzeci akapit.";
  CHECK(pairs(text) == "„Nigdy tego nie zamknięto – dodał. (open) | „cały”");
  SUBCASE("and before the next opener of the same mark on its line") {
    CHECK(pairs("„Pierwszy bez końca, a potem „drugi” i koniec.") ==
          "„Pierwszy bez końca, a potem (open) | „drugi”");
  }
  SUBCASE("an opener at the very end gives nothing") {
    CHECK(pairs("Koniec „") == "");
  }
}

TEST_CASE("quote_marks: „ closed by a straight quote, as Polish web text often has it") {
  CHECK(pairs("Powiedział: „Wyznaję moją religię\" i wyszedł.") == "„Wyznaję moją religię\"");
}

TEST_CASE("quote_marks: a closing mark before punctuation opens nothing") {
  CHECK(pairs("A co zrobił Mahomet? ”. Potem „coś” jeszcze.") == "„coś”");
  CHECK(pairs("word \". Then \"this\".") == "\"this\"");
}

TEST_CASE("quote_marks: stray closers and apostrophes are ignored") {
  CHECK(pairs("the players’ union” met") == "");
  CHECK(pairs("don’t say ‘never’") == "‘never’");
}

TEST_CASE("quote_marks: empty text, whitespace and marks at the edges") {
  CHECK(pairs("") == "");
  CHECK(pairs("   \n\t  ") == "");
  CHECK(pairs("„”") == "");
  CHECK(pairs("„Żółć”") == "„Żółć”");
  CHECK(pairs("„🐢 ąę”") == "„🐢 ąę”");
  CHECK(pairs("«Москва»") == "«Москва»");
}
