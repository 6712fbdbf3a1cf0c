// UTF-16/UTF-32 and Polish Windows-1250/ISO-8859-2 text files to UTF-8. Layer: engine/text.
#include "engine/text/text_decoding.h"

#include <array>
#include <cstdint>

#include "engine/core/error.h"
#include "engine/text/utf8.h"

namespace glosa {

namespace {

uint32_t unit_at(std::string_view b, size_t i, size_t width, bool big_endian) {
  uint32_t v = 0;
  for (size_t k = 0; k < width; ++k) {
    const uint32_t byte = static_cast<unsigned char>(b[i + (big_endian ? k : width - 1 - k)]);
    v = (v << 8) | byte;
  }
  return v;
}

void decode_utf16(std::string_view b, bool big_endian, DecodedText* out) {
  out->text.reserve(b.size() + b.size() / 2);
  size_t i = 0;
  for (; i + 2 <= b.size(); i += 2) {
    const uint32_t u = unit_at(b, i, 2, big_endian);
    if (u >= 0xD800 && u <= 0xDBFF && i + 4 <= b.size()) {
      const uint32_t low = unit_at(b, i + 2, 2, big_endian);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out->text, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      append_utf8(out->text, kReplacementChar);
      ++out->invalid_count;
      continue;
    }
    append_utf8(out->text, u);
  }
  if (i < b.size()) {  // an odd byte at the end
    append_utf8(out->text, kReplacementChar);
    ++out->invalid_count;
  }
}

void decode_utf32(std::string_view b, bool big_endian, DecodedText* out) {
  out->text.reserve(b.size());
  size_t i = 0;
  for (; i + 4 <= b.size(); i += 4) {
    const uint32_t u = unit_at(b, i, 4, big_endian);
    if (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF)) {
      append_utf8(out->text, kReplacementChar);
      ++out->invalid_count;
    } else {
      append_utf8(out->text, u);
    }
  }
  if (i < b.size()) {
    append_utf8(out->text, kReplacementChar);
    ++out->invalid_count;
  }
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// --- Section: Windows-1250 and ISO-8859-2 ---
//
// Why our own tables rather than iconv: both builds do have an iconv, with no new
// dependency (glibc natively, Emscripten's musl in the browser; the two agree on all 256
// bytes of both encodings), but musl's brings every table it has, CJK included (a small
// program's .wasm grew from 6.6 KB to 156 KB at -O2), and glibc's loads its CP1250 module
// from the installation at run time (gconv), so the engine's output would depend on the
// machine. The detection below is ours whatever decodes. The two 128-entry tables are the
// published mappings (Microsoft's cp1250.txt, ISO/IEC 8859-2); the unit test compares every
// byte with the libc iconv of the build it runs in.

// Windows-1250 bytes 0x80-0xFF as Unicode; 0 = undefined (0x81 0x83 0x88 0x90 0x98).
constexpr std::array<uint16_t, 128> kWindows1250 = {
    0x20AC, 0,      0x201A, 0,      0x201E, 0x2026, 0x2020, 0x2021,  // 80 € . ‚ . „ … † ‡
    0,      0x2030, 0x0160, 0x2039, 0x015A, 0x0164, 0x017D, 0x0179,  // 88 . ‰ Š ‹ Ś Ť Ž Ź
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90 . ‘ ’ “ ” • – —
    0,      0x2122, 0x0161, 0x203A, 0x015B, 0x0165, 0x017E, 0x017A,  // 98 . ™ š › ś ť ž ź
    0x00A0, 0x02C7, 0x02D8, 0x0141, 0x00A4, 0x0104, 0x00A6, 0x00A7,  // A0 nbsp ˇ ˘ Ł ¤ Ą ¦ §
    0x00A8, 0x00A9, 0x015E, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x017B,  // A8 ¨ © Ş « ¬ shy ® Ż
    0x00B0, 0x00B1, 0x02DB, 0x0142, 0x00B4, 0x00B5, 0x00B6, 0x00B7,  // B0 ° ± ˛ ł ´ µ ¶ ·
    0x00B8, 0x0105, 0x015F, 0x00BB, 0x013D, 0x02DD, 0x013E, 0x017C,  // B8 ¸ ą ş » Ľ ˝ ľ ż
    0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7,  // C0 Ŕ Á Â Ă Ä Ĺ Ć Ç
    0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E,  // C8 Č É Ę Ë Ě Í Î Ď
    0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7,  // D0 Đ Ń Ň Ó Ô Ő Ö ×
    0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF,  // D8 Ř Ů Ú Ű Ü Ý Ţ ß
    0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7,  // E0 ŕ á â ă ä ĺ ć ç
    0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F,  // E8 č é ę ë ě í î ď
    0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7,  // F0 đ ń ň ó ô ő ö ÷
    0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9,  // F8 ř ů ú ű ü ý ţ ˙
};

// ISO-8859-2 bytes 0xA0-0xBF as Unicode (0x80-0x9F are control codes; 0xC0-0xFF are the
// same as Windows-1250's).
constexpr std::array<uint16_t, 32> kIso8859_2_A0 = {
    0x00A0, 0x0104, 0x02D8, 0x0141, 0x00A4, 0x013D, 0x015A, 0x00A7,  // A0 nbsp Ą ˘ Ł ¤ Ľ Ś §
    0x00A8, 0x0160, 0x015E, 0x0164, 0x0179, 0x00AD, 0x017D, 0x017B,  // A8 ¨ Š Ş Ť Ź shy Ž Ż
    0x00B0, 0x0105, 0x02DB, 0x0142, 0x00B4, 0x013E, 0x015B, 0x02C7,  // B0 ° ą ˛ ł ´ ľ ś ˇ
    0x00B8, 0x0161, 0x015F, 0x0165, 0x017A, 0x02DD, 0x017E, 0x017C,  // B8 ¸ š ş ť ź ˝ ž ż
};

// A byte 0x80-0xFF as Unicode in `encoding` (Windows1250 or Iso8859_2); 0 = undefined.
char32_t single_byte_char(TextEncoding encoding, unsigned char b) {
  if (encoding == TextEncoding::Iso8859_2 && b < 0xC0) return b < 0xA0 ? b : kIso8859_2_A0[b - 0xA0];
  return kWindows1250[b - 0x80];
}

bool is_polish_letter(char32_t c) {
  switch (c) {
    case U'ą': case U'Ą': case U'ć': case U'Ć': case U'ę': case U'Ę': case U'ł': case U'Ł': case U'ń':
    case U'Ń': case U'ó': case U'Ó': case U'ś': case U'Ś': case U'ź': case U'Ź': case U'ż': case U'Ż':
      return true;
    default:
      return false;
  }
}

// The Polish letters that are no letter in Latin-1 or are seldom one (æ ê), rule 4's
// evidence: 1 ą, 2 ć, 3 ę, 4 ł, 5 ś, 6 ź, 7 ż (either case); 0 for any other character.
int telling_polish_letter(char32_t c) {
  switch (c) {
    case U'ą': case U'Ą': return 1;
    case U'ć': case U'Ć': return 2;
    case U'ę': case U'Ę': return 3;
    case U'ł': case U'Ł': return 4;
    case U'ś': case U'Ś': return 5;
    case U'ź': case U'Ź': return 6;
    case U'ż': case U'Ż': return 7;
    default: return 0;
  }
}

bool is_polish_mark(char32_t c) { return c == U'„' || c == U'”' || c == U'–' || c == U'—' || c == U'…'; }

bool is_ascii_letter(unsigned char b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }

// How strongly `bytes` read as Polish in `encoding`: 0 when rules 2-4 of
// looks_like_polish_8bit do not all hold, else the count of Polish letters and marks.
size_t polish_score(std::string_view bytes, TextEncoding encoding) {
  size_t high = 0, polish = 0;
  uint32_t telling_seen = 0;  // bit per telling letter (telling_polish_letter) seen after a letter
  bool after_letter = false;
  for (const char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      const bool control = (b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r') || b == 0x7F;
      if (control) return 0;
      after_letter = is_ascii_letter(b);
      continue;
    }
    ++high;
    const char32_t c = single_byte_char(encoding, b);
    if (c == 0 || c < 0xA0) return 0;  // undefined, or a C1 control code
    const bool letter = is_polish_letter(c);
    if (letter || (encoding == TextEncoding::Windows1250 && is_polish_mark(c))) ++polish;
    const int telling = telling_polish_letter(c);
    if (telling > 0 && after_letter) telling_seen |= 1u << telling;
    after_letter = letter;
  }
  const bool mostly_polish = polish * 5 >= high * 4;
  const bool in_words = (telling_seen & (telling_seen - 1)) != 0;  // two letters or more
  return mostly_polish && in_words ? polish : 0;
}

void decode_single_byte(std::string_view b, TextEncoding encoding, DecodedText* out) {
  out->text.reserve(b.size() + b.size() / 4);
  for (const char ch : b) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte < 0x80) {
      out->text += ch;
      continue;
    }
    const char32_t c = single_byte_char(encoding, byte);
    GLOSA_ASSERT(c != 0, "looks_like_polish_8bit let an undefined byte through");
    append_utf8(out->text, c);
  }
}

}  // namespace

const char* encoding_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::Utf8: return "UTF-8";
    case TextEncoding::Utf16LE: return "UTF-16LE";
    case TextEncoding::Utf16BE: return "UTF-16BE";
    case TextEncoding::Utf32LE: return "UTF-32LE";
    case TextEncoding::Utf32BE: return "UTF-32BE";
    case TextEncoding::Windows1250: return "Windows-1250";
    case TextEncoding::Iso8859_2: return "ISO-8859-2";
  }
  return "UTF-8";
}

std::string encoding_description(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::Windows1250: return "Windows-1250 (Central European)";
    case TextEncoding::Iso8859_2: return "ISO-8859-2 (Latin-2)";
    default: return encoding_name(encoding);
  }
}

bool is_guessed_encoding(TextEncoding encoding) {
  return encoding == TextEncoding::Windows1250 || encoding == TextEncoding::Iso8859_2;
}

TextEncoding looks_like_polish_8bit(std::string_view bytes) {
  if (is_valid_utf8(bytes)) return TextEncoding::Utf8;
  const size_t windows = polish_score(bytes, TextEncoding::Windows1250);
  const size_t latin2 = polish_score(bytes, TextEncoding::Iso8859_2);
  if (windows == 0 && latin2 == 0) return TextEncoding::Utf8;
  return windows >= latin2 ? TextEncoding::Windows1250 : TextEncoding::Iso8859_2;
}

DecodedText decode_text_bytes(std::string_view bytes) {
  DecodedText out;
  // UTF-32LE's mark begins with UTF-16LE's: test the longer one first.
  if (starts_with(bytes, std::string_view("\xFF\xFE\x00\x00", 4))) {
    out.encoding = TextEncoding::Utf32LE;
    decode_utf32(bytes.substr(4), false, &out);
  } else if (starts_with(bytes, std::string_view("\x00\x00\xFE\xFF", 4))) {
    out.encoding = TextEncoding::Utf32BE;
    decode_utf32(bytes.substr(4), true, &out);
  } else if (starts_with(bytes, "\xFF\xFE")) {
    out.encoding = TextEncoding::Utf16LE;
    decode_utf16(bytes.substr(2), false, &out);
  } else if (starts_with(bytes, "\xFE\xFF")) {
    out.encoding = TextEncoding::Utf16BE;
    decode_utf16(bytes.substr(2), true, &out);
  } else if (const TextEncoding guessed = looks_like_polish_8bit(bytes); guessed != TextEncoding::Utf8) {
    out.encoding = guessed;
    decode_single_byte(bytes, guessed, &out);
  } else {
    out.text.assign(bytes.data(), bytes.size());
  }
  return out;
}

}  // namespace glosa
