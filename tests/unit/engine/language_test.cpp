// Tests for engine/text/language: which language a text is in, and texts in a script the
// engine cannot read (they get no entities: numbers in them are not read wrongly).
#include <doctest/doctest.h>

#include "engine/engine.h"
#include "engine/text/language.h"

using namespace glosa;

TEST_CASE("language: Polish, English and other texts") {
  const std::string pl = "Prezydent powiedzia\xC5\x82, \xC5\xBC" "e to jest wa\xC5\xBCna sprawa dla kraju i ludzi.";
  const std::string en = "The president said that this is an important matter for the country and its people.";
  CHECK(detect_language(pl, tokenize(pl)) == "pl");
  CHECK(detect_language(en, tokenize(en)) == "en");
  const std::string ru = "\xD0\x9F\xD1\x80\xD0\xB5\xD0\xB7\xD0\xB8\xD0\xB4\xD0\xB5\xD0\xBD\xD1\x82 \xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBB \xD0\xB2 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5.";
  CHECK(detect_language(ru, tokenize(ru)) == "other");
  // No word of either list: short and plain ASCII is English; with other letters, or long, another language.
  const std::string de = "Bundeskanzlerin Angela Merkel besuchte gestern Warschau und sprach \xC3\xBC" "ber Handelsfragen.";
  CHECK(detect_language(de, tokenize(de)) == "other");
  std::string long_ascii;
  for (int i = 0; i < 12; ++i) long_ascii += "Merkel besuchte Warschau gestern. ";
  CHECK(detect_language(long_ascii, tokenize(long_ascii)) == "other");
  // Headlines: a few words are enough.
  for (const std::string h : {"Siemens AG kupi\xC5\x82 Northwind Robotics za 1,2 mld euro.",
                              "Orlen: zysk 3 mld z\xC5\x82 w 2025 r.", "Nowy prezes PKO BP od lipca"}) {
    CAPTURE(h);
    CHECK(detect_language(h, tokenize(h)) == "pl");
  }
  for (const std::string h : {"Siemens buys Northwind Robotics for $1.2bn", "Shares of Ahold rose 4% on Monday",
                              "Ten years of the euro", "Angela Merkel visited Warsaw."}) {
    CAPTURE(h);
    CHECK(detect_language(h, tokenize(h)) == "en");
  }
}

TEST_CASE("language: a text mostly in Arabic or Hebrew script is not read; Latin and Cyrillic are") {
  const std::string arabic = "\xD8\xA7\xD8\xB1\xD8\xAA\xD9\x81\xD8\xB9\xD8\xAA \xD8\xA7\xD9\x84\xD8\xA3\xD8\xB3\xD8\xB9\xD8\xA7\xD8\xB1 "
                             "\xD8\xA8\xD9\x86\xD8\xB3\xD8\xA8\xD8\xA9 4.5% \xD9\x81\xD9\x8A \xD8\xA7\xD9\x84\xD9\x82\xD8\xA7\xD9\x87\xD8\xB1\xD8\xA9 "
                             "\xD9\x8A\xD9\x88\xD9\x85 \xD8\xA7\xD9\x84\xD8\xA7\xD8\xAB\xD9\x86\xD9\x8A\xD9\x86.";
  const std::string hebrew = "\xD7\x94\xD7\x9E\xD7\x97\xD7\x99\xD7\xA8\xD7\x99\xD7\x9D \xD7\xA2\xD7\x9C\xD7\x95 \xD7\x91-4.5% "
                             "\xD7\x91\xD7\xAA\xD7\x9C \xD7\x90\xD7\x91\xD7\x99\xD7\x91 \xD7\x91\xD7\x99\xD7\x95\xD7\x9D "
                             "\xD7\xA9\xD7\xA0\xD7\x99 \xD7\x94\xD7\x9E\xD7\x97\xD7\x99\xD7\xA8\xD7\x99\xD7\x9D.";
  CHECK(unsupported_script(arabic) == "Arabic");
  CHECK(unsupported_script(hebrew) == "Hebrew");
  CHECK(unsupported_script("Wzrost o 5 proc. w \xC5\x81odzi i Krakowie w styczniu 2022 r.") == "");
  CHECK(unsupported_script("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xD0\xB8 \xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2 5% 2022 \xD0\xB3\xD0\xBE\xD0\xB4.") == "");
  CHECK(unsupported_script("4.5% 2022") == "");  // too few letters to tell
  // An English text quoting a little Hebrew is read.
  CHECK(unsupported_script("Prices rose by 4.5% in Tel Aviv on Monday, the ministry said (" + hebrew.substr(0, 20) + ").") == "");
  // The engine tags nothing in such a text: no number read wrongly.
  Engine engine;
  for (const std::string& text : {arabic, hebrew}) {
    auto r = engine.annotate(text);
    REQUIRE(r.is_ok());
    CHECK(r.value().doc.entities.empty());
    CHECK(r.value().doc.lang == "other");
    CHECK_FALSE(r.value().unsupported_script.empty());
  }
}
