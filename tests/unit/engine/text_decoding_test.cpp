// Tests for engine/text/text_decoding: UTF-16 and UTF-32 text files (with their byte-order
// mark) and Polish Windows-1250 / ISO-8859-2 files decode to UTF-8; other bytes pass through.
#include <doctest/doctest.h>
#include <iconv.h>

#include <string>

#include "engine/text/text_decoding.h"

using namespace glosa;
using namespace std::string_literals;

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

// --- Polish text in Windows-1250 and ISO-8859-2 (no byte-order mark: told by its letters) ---

namespace {

// Every Polish letter in both cases, „quotes”, dashes and an ellipsis, as Windows-1250 bytes
// (written out by hand: ą B9, ł B3, ę EA, – 96, „ 84, ż BF, ó F3, ć E6, ś 9C, ź 9F, ń F1,
// ” 94, — 97, Ź 8F, Ó D3, Ł A3, Ś 8C, Ę CA, Ż AF, Ą A5, Ć C6, Ń D1, … 85).
const std::string kWindows1250Sentence =
    "Sejm przyj\xB9\xB3 ustaw\xEA \x96 \x84Za\xBF\xF3\xB3\xE6 g\xEA\x9Cl\xB9 ja\x9F\xF1\x94 \x97 "
    "\x8FR\xD3" "D\xA3O: \x8CWI\xCATOKRZYSKIE \xAF\xA5" "DA \xC6WICZE\xD1\x85\r\n";
// The same sentence in ISO-8859-2 (ą B1, ś B6, ź BC, Ą A1, Ś A6, Ź AC; the rest as above),
// which has no „ ” – — …: ASCII marks instead.
const std::string kLatin2Sentence =
    "Sejm przyj\xB1\xB3 ustaw\xEA - \"Za\xBF\xF3\xB3\xE6 g\xEA\xB6l\xB1 ja\xBC\xF1\" - "
    "\xACR\xD3" "D\xA3O: \xA6WI\xCATOKRZYSKIE \xAF\xA1" "DA \xC6WICZE\xD1...\r\n";

const std::string kSentenceUtf8 =
    "Sejm przyjął ustawę – „Zażółć gęślą jaźń” — ŹRÓDŁO: ŚWIĘTOKRZYSKIE ŻĄDA ĆWICZEŃ…\r\n";
const std::string kLatin2SentenceUtf8 =
    "Sejm przyjął ustawę - \"Zażółć gęślą jaźń\" - ŹRÓDŁO: ŚWIĘTOKRZYSKIE ŻĄDA ĆWICZEŃ...\r\n";

// What the libc's iconv (glibc natively, musl under Emscripten) makes of `bytes`, or "" if
// it has no such encoding or refuses a byte.
std::string iconv_to_utf8(const char* from, const std::string& bytes) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return "";
  std::string in = bytes;
  std::string out(in.size() * 4, '\0');
  char* in_ptr = in.data();
  char* out_ptr = out.data();
  size_t in_left = in.size(), out_left = out.size();
  const size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  if (r == static_cast<size_t>(-1)) return "";
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

TEST_CASE("decode_text_bytes: a Polish Windows-1250 file is read as Windows-1250") {
  const DecodedText d = decode_text_bytes(kWindows1250Sentence);
  CHECK(d.encoding == TextEncoding::Windows1250);
  CHECK(d.text == kSentenceUtf8);
  CHECK(d.invalid_count == 0);
  CHECK(is_guessed_encoding(d.encoding));
  CHECK(encoding_description(d.encoding) == "Windows-1250 (Central European)");
  SUBCASE("a longer text: the sentence three times") {
    const DecodedText d3 = decode_text_bytes(kWindows1250Sentence + kWindows1250Sentence + kWindows1250Sentence);
    CHECK(d3.encoding == TextEncoding::Windows1250);
    CHECK(d3.text == kSentenceUtf8 + kSentenceUtf8 + kSentenceUtf8);
  }
  SUBCASE("a few other characters among the Polish ones: euro, copyright, a Czech name") {
    // 4 of its 21 high bytes are no Polish letter: 81% are (rule 3 asks 80%)
    const std::string bytes =
        "Koszt: 5 \x80, \xA9 PAP. \x8A" "ediv\xFD m\xF3wi\xB3, \xBF" "e \xA3\xF3" "d\x9F by\xB3" "a ju\xBF w "
        "\x9Fr\xF3" "d\xB3" "ach, a Sejm przyj\xB9\xB3 ustaw\xEA, m\xF3wi\xB9 pos\xB3owie.";
    const DecodedText d2 = decode_text_bytes(bytes);
    CHECK(d2.encoding == TextEncoding::Windows1250);
    CHECK(d2.text == "Koszt: 5 €, © PAP. Šedivý mówił, że Łódź była już w źródłach, a Sejm przyjął ustawę, mówią posłowie.");
  }
}

TEST_CASE("decode_text_bytes: a Polish ISO-8859-2 file is read as ISO-8859-2") {
  const DecodedText d = decode_text_bytes(kLatin2Sentence);
  CHECK(d.encoding == TextEncoding::Iso8859_2);
  CHECK(d.text == kLatin2SentenceUtf8);
  CHECK(encoding_description(d.encoding) == "ISO-8859-2 (Latin-2)");
}

TEST_CASE("decode_text_bytes: the Windows-1250 and ISO-8859-2 tables agree with the libc's iconv, byte by byte") {
  // A Polish sentence that passes the rule on its own, then one byte more: every byte the
  // rule lets through, one at a time.
  const std::string windows_prefix = "Za\xBF\xF3\xB3\xE6 g\xEA\x9Cl\xB9 ja\x9F\xF1 ";
  const std::string latin2_prefix = "Za\xBF\xF3\xB3\xE6 g\xEA\xB6l\xB1 ja\xBC\xF1 ";
  for (int b = 0x80; b <= 0xFF; ++b) {
    CAPTURE(b);
    const std::string byte(1, static_cast<char>(b));
    const bool undefined = b == 0x81 || b == 0x83 || b == 0x88 || b == 0x90 || b == 0x98;
    const DecodedText w = decode_text_bytes(windows_prefix + byte);
    if (undefined) {
      CHECK(w.encoding == TextEncoding::Utf8);  // not taken as Windows-1250
    } else {
      CHECK(w.encoding == TextEncoding::Windows1250);
      CHECK(w.text == iconv_to_utf8("WINDOWS-1250", windows_prefix + byte));
    }
    if (b >= 0xA0) {
      const DecodedText l = decode_text_bytes(latin2_prefix + byte);
      CHECK(l.encoding == TextEncoding::Iso8859_2);
      CHECK(l.text == iconv_to_utf8("ISO-8859-2", latin2_prefix + byte));
    } else {
      CHECK(decode_text_bytes(latin2_prefix + byte).encoding != TextEncoding::Iso8859_2);  // a control code there
    }
  }
}

TEST_CASE("decode_text_bytes: Latin-1, binary and broken bytes are not taken as Windows-1250") {
  const std::string not_polish[] = {
      // Latin-1 Spanish: ¿ ó ñ are ż ó ń in Windows-1250, but ¿ starts a word (rule 4)
      "\xBF" "D\xF3nde est\xE1 el ni\xF1o? Ma\xF1" "ana, se\xF1or.",
      // Latin-1 French and German: mostly no Polish letters (rule 3)
      "L'\xE9t\xE9 \xE0 Paris, tr\xE8s ch\xE8re; Gr\xFC\xDF" "e aus M\xFCnchen",
      // Latin-1 English: £ is Ł, before digits only (rule 4)
      "It cost \xA3" "5, or \xA3" "7 with tax.",
      // a binary file with Polish-looking bytes: control bytes (rule 2)
      "\x89PNG\r\n\x1A\n\x00\x00 przyj\xB9\xB3 ustaw\xEA g\xEA\x9Cl\xB9"s,
      // Windows-1250 Polish with a byte Windows-1250 leaves undefined (rule 2)
      "Sejm przyj\xB9\xB3 ustaw\xEA \x81 g\xEA\x9Cl\xB9",
      // one Polish letter only inside a word (rule 4): "Łódź" alone
      "\xA3\xF3" "d\x9F",
      // UTF-8 Polish with one stray Windows-1250 byte: UTF-8's lead and follow bytes are no
      // Polish letters there (rule 3); repaired as before
      "Sejm przyjął ustawę – „Zażółć gęślą jaźń” \xB9",
      // valid UTF-8 never is (rule 1)
      "Sejm przyjął ustawę – „Zażółć gęślą jaźń”",
  };
  for (const std::string& s : not_polish) {
    CAPTURE(s);
    const DecodedText d = decode_text_bytes(s);
    CHECK(d.encoding == TextEncoding::Utf8);
    CHECK(d.text == s);  // passed through as before: normalize_text repairs invalid UTF-8
    CHECK(looks_like_polish_8bit(s) == TextEncoding::Utf8);
  }
}
