// UTF-16/UTF-32 text files to UTF-8. Layer: engine/text.
#include "engine/text/text_decoding.h"

#include <cstdint>

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

}  // namespace

const char* encoding_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::Utf8: return "UTF-8";
    case TextEncoding::Utf16LE: return "UTF-16LE";
    case TextEncoding::Utf16BE: return "UTF-16BE";
    case TextEncoding::Utf32LE: return "UTF-32LE";
    case TextEncoding::Utf32BE: return "UTF-32BE";
  }
  return "UTF-8";
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
  } else {
    out.text.assign(bytes.data(), bytes.size());
  }
  return out;
}

}  // namespace glosa
