// Tests for engine/text/utf8, normalizer and search_fold: decoding, repair, code-point offsets.
#include <doctest/doctest.h>

#include "engine/text/normalizer.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

using namespace glosa;

TEST_CASE("utf8: code-point index maps Polish, Cyrillic, emoji and combining marks exactly") {
  // "Żółw 🐢 e\u0301 Москва": Ż ó ł (2 bytes), emoji (4), e + combining acute (1 + 2), Cyrillic (2).
  const std::string text = "\xC5\xBB\xC3\xB3\xC5\x82w \xF0\x9F\x90\xA2 e\xCC\x81 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0";
  CodepointIndex index(text);
  CHECK(index.codepoint_count() == count_codepoints(text));
  CHECK(index.codepoint_count() == 16);
  // Round trip for every character boundary.
  size_t cp = 0;
  size_t len = 0;
  for (size_t b = 0; b < text.size(); b += len) {
    decode_utf8(text, b, &len);
    CAPTURE(b);
    CHECK(index.to_codepoint(b) == cp);
    size_t back = 0;
    REQUIRE(index.to_byte(cp, &back));
    CHECK(back == b);
    ++cp;
  }
  CHECK(index.to_codepoint(text.size()) == 16);
  size_t end = 0;
  CHECK(index.to_byte(16, &end));
  CHECK(end == text.size());
  CHECK_FALSE(index.to_byte(17, &end));
  // The emoji is code point 5; a byte inside it maps to 5 too.
  CHECK(index.to_codepoint(text.find("\xF0") + 2) == 5);
}

TEST_CASE("utf8: empty text has no code points") {
  CodepointIndex index("");
  CHECK(index.codepoint_count() == 0);
  CHECK(index.to_codepoint(0) == 0);
}

TEST_CASE("utf8: invalid sequences are detected and replaced by U+FFFD") {
  SUBCASE("lone continuation byte") {
    size_t n = 0;
    CHECK_FALSE(is_valid_utf8("a\x80" "b"));
    CHECK(repair_utf8("a\x80" "b", &n) == "a\xEF\xBF\xBD" "b");
    CHECK(n == 1);
  }
  SUBCASE("truncated sequence at the end") {
    size_t n = 0;
    CHECK(repair_utf8("\xC5", &n) == "\xEF\xBF\xBD");
    CHECK(n == 1);
  }
  SUBCASE("overlong encoding and surrogate") {
    size_t n = 0;
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));
    repair_utf8("\xC0\xAF", &n);
    CHECK(n == 2);
  }
  SUBCASE("a real U+FFFD is valid and not counted") {
    size_t n = 0;
    CHECK(is_valid_utf8("\xEF\xBF\xBD"));
    repair_utf8("\xEF\xBF\xBD", &n);
    CHECK(n == 0);
  }
}

TEST_CASE("normalizer: CRLF and CR become LF, the BOM is dropped, NUL becomes a space") {
  NormalizedText n = normalize_text(std::string("\xEF\xBB\xBFpierwsza\r\ndruga\rtrzecia\0x", 28));
  CHECK(n.text == "pierwsza\ndruga\ntrzecia x");
  CHECK(n.dropped_count == 1);
  CHECK(n.nul_count == 1);
  CHECK(n.invalid_utf8_count == 0);
}

TEST_CASE("normalizer: a NUL between two words keeps them two words") {
  // "Prezydent\0Andrzej" once became "PrezydentAndrzej", one unknown word.
  const std::string raw("Prezydent\0Andrzej Duda\0\0powiedzia\xC5\x82", 35);
  const NormalizedText n = normalize_text(raw);
  CHECK(n.text == "Prezydent Andrzej Duda  powiedzia\xC5\x82");
  CHECK(n.text.size() == raw.size());  // one byte for one byte: offsets stay where they were
  CHECK(n.nul_count == 3);
  // NULs past the eight-byte fast path are found too.
  const std::string long_raw = std::string(40, 'a') + '\0' + std::string(40, 'b');
  CHECK(normalize_text(long_raw).text == std::string(40, 'a') + ' ' + std::string(40, 'b'));
}

TEST_CASE("normalizer: keeps Polish text byte for byte") {
  const std::string text = "Zażółć gęślą jaźń – „cytat” …";
  CHECK(normalize_text(text).text == text);
}

TEST_CASE("search_fold: case and diacritics go, other letters stay") {
  // "Łódź Żółć ĄĘŚ" in any case and with or without its marks gives one key.
  CHECK(search_fold("\xC5\x81\xC3\xB3""d\xC5\xBA \xC5\xBB\xC3\xB3\xC5\x82\xC4\x87") == "lodz zolc");
  CHECK(search_fold("\xC4\x84\xC4\x98\xC5\x9A") == "aes");
  CHECK(search_fold("Stra\xC3\x9F" "e") == "strasse");
  // A combining acute (e + U+0301) folds like the precomposed letter.
  CHECK(search_fold("Cafe\xCC\x81") == "cafe");
  // Cyrillic is lower-cased.
  CHECK(search_fold("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90") == "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
  CHECK(search_fold("") == "");
  CHECK(search_fold("\xF0\x9F\x90\xA2 ok") == "\xF0\x9F\x90\xA2 ok");
}
