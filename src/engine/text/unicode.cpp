// utf8proc-backed character classes. Layer: engine/text.
#include "engine/text/unicode.h"

#include <utf8proc.h>

#include "engine/text/utf8.h"

namespace glosa {

static utf8proc_category_t category(char32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  const auto c = category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool is_mark(char32_t cp) {
  const auto c = category(cp);
  return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

bool is_digit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return category(cp) == UTF8PROC_CATEGORY_ND;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  const auto c = category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return category(cp) == UTF8PROC_CATEGORY_LL;
}

bool is_space(char32_t cp) {
  if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D)) return true;
  if (cp < 0x80) return false;
  const auto c = category(cp);
  return c >= UTF8PROC_CATEGORY_ZS && c <= UTF8PROC_CATEGORY_ZP;
}

bool is_dash(char32_t cp) {
  if (cp == '-') return true;
  return cp >= 0x80 && category(cp) == UTF8PROC_CATEGORY_PD;
}

bool is_quote_char(char32_t cp) {
  switch (cp) {
    case '"': case '\'': case 0x201E: case 0x201D: case 0x201C: case 0x00AB: case 0x00BB:
    case 0x2018: case 0x2019: case 0x201A: case 0x2039: case 0x203A:
      return true;
    default:
      return false;
  }
}

char32_t to_lower(char32_t cp) {
  return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
}

char32_t to_upper(char32_t cp) {
  return static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp)));
}

std::string to_lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_lower(out, text);
  return out;
}

namespace {

// Appends `text` lower-cased to `out`: ASCII inline, every other code point (lower-cased)
// through `append_other(out, cp)`.
template <typename AppendOther>
void lower_each(std::string& out, std::string_view text, AppendOther append_other) {
  size_t len = 0;
  for (size_t i = 0; i < text.size(); i += len) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      len = 1;
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      continue;
    }
    append_other(out, to_lower(decode_utf8(text, i, &len)));
  }
}

}  // namespace

void append_lower(std::string& out, std::string_view text) {
  lower_each(out, text, [](std::string& o, char32_t cp) { append_utf8(o, cp); });
}

std::string search_fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  lower_each(out, text, [](std::string& o, char32_t cp) {
    switch (cp) {
      case 0x0142: o += 'l'; return;   // ł
      case 0x0111: o += 'd'; return;   // đ
      case 0x00F8: o += 'o'; return;   // ø
      case 0x00DF: o += "ss"; return;  // ß
      default: break;
    }
    utf8proc_int32_t parts[8];
    const utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), parts, 8,
                                                       UTF8PROC_DECOMPOSE, nullptr);
    if (n <= 0 || n > 8) {
      append_utf8(o, cp);
      return;
    }
    for (utf8proc_ssize_t k = 0; k < n; ++k) {
      if (!is_mark(static_cast<char32_t>(parts[k]))) append_utf8(o, static_cast<char32_t>(parts[k]));
    }
  });
  return out;
}

char32_t first_codepoint(std::string_view text) {
  if (text.empty()) return 0;
  size_t len = 0;
  return decode_utf8(text, 0, &len);
}

}  // namespace glosa
