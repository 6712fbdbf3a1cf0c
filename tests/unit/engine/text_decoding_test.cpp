// Tests for engine/text/text_decoding: UTF-16 and UTF-32 text files (with their byte-order
// mark) decode to UTF-8; other bytes pass through untouched.
#include <doctest/doctest.h>

#include <string>

#include "engine/text/text_decoding.h"

using namespace glosa;

namespace {

// "Zażółć 😀" in UTF-16, little or big endian, with the byte-order mark.
std::string utf16(bool big_endian) {
  const char16_t units[] = {0xFEFF, u'Z', u'a', 0x017C, 0x00F3, 0x0142, 0x0107, u' ', 0xD83D, 0xDE00};
  std::string out;
  for (char16_t u : units) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  }
  return out;
}

const std::string kExpected = "Za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 \xF0\x9F\x98\x80";

}  // namespace

TEST_CASE("decode_text_bytes: a UTF-16LE file with its mark is decoded, mark dropped") {
  const DecodedText d = decode_text_bytes(utf16(false));
  CHECK(d.encoding == TextEncoding::Utf16LE);
  CHECK(d.text == kExpected);
  CHECK(d.invalid_count == 0);
}

TEST_CASE("decode_text_bytes: a UTF-16BE file with its mark is decoded") {
  const DecodedText d = decode_text_bytes(utf16(true));
  CHECK(d.encoding == TextEncoding::Utf16BE);
  CHECK(d.text == kExpected);
}

TEST_CASE("decode_text_bytes: UTF-32 files are decoded by their mark") {
  const std::string le("\xFF\xFE\x00\x00" "A\x00\x00\x00" "\x00\xF6\x01\x00", 12);  // "A😀"
  const DecodedText d = decode_text_bytes(le);
  CHECK(d.encoding == TextEncoding::Utf32LE);
  CHECK(d.text == "A\xF0\x9F\x98\x80");
  const std::string be("\x00\x00\xFE\xFF" "\x00\x00\x00" "B", 8);
  CHECK(decode_text_bytes(be).text == "B");
  CHECK(decode_text_bytes(be).encoding == TextEncoding::Utf32BE);
}

TEST_CASE("decode_text_bytes: broken UTF-16 becomes U+FFFD, counted, never read past the end") {
  SUBCASE("a lone high surrogate, then a letter") {
    const DecodedText d = decode_text_bytes(std::string("\xFF\xFE\x3D\xD8" "a\x00", 6));
    CHECK(d.text == "\xEF\xBF\xBD" "a");
    CHECK(d.invalid_count == 1);
  }
  SUBCASE("a lone low surrogate") {
    CHECK(decode_text_bytes(std::string("\xFE\xFF\xDE\x00", 4)).text == "\xEF\xBF\xBD");
  }
  SUBCASE("a high surrogate as the last unit") {
    CHECK(decode_text_bytes(std::string("\xFF\xFE" "a\x00\x3D\xD8", 6)).text == "a\xEF\xBF\xBD");
  }
  SUBCASE("an odd trailing byte") {
    const DecodedText d = decode_text_bytes(std::string("\xFF\xFE" "a\x00" "b", 5));
    CHECK(d.text == "a\xEF\xBF\xBD");
    CHECK(d.invalid_count == 1);
  }
  SUBCASE("a UTF-32 unit above U+10FFFF") {
    CHECK(decode_text_bytes(std::string("\xFF\xFE\x00\x00\x00\x00\x11\x00", 8)).text == "\xEF\xBF\xBD");
  }
  SUBCASE("only the mark") {
    CHECK(decode_text_bytes("\xFF\xFE").text.empty());
  }
}

TEST_CASE("decode_text_bytes: UTF-8 and other bytes pass through unchanged") {
  for (const std::string& s : {std::string("\xEF\xBB\xBFZa\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87"), std::string("plain"),
                               std::string("\xFF\xFF bad"), std::string(), std::string("\xFF")}) {
    CAPTURE(s);
    const DecodedText d = decode_text_bytes(s);
    CHECK(d.encoding == TextEncoding::Utf8);
    CHECK(d.text == s);
    CHECK(d.invalid_count == 0);
  }
}
