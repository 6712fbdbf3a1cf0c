// Unicode character classes and case mapping for the engine, backed by utf8proc (Debian's
// source package, fetched at set-up) so Polish, Cyrillic and combining marks stay correct.
// Layer: engine/text.
#pragma once

#include <string>
#include <string_view>

namespace glosa {

bool is_letter(char32_t cp);        // L* categories
bool is_mark(char32_t cp);          // M* (combining marks: stay inside a word)
bool is_digit(char32_t cp);         // Nd
bool is_upper(char32_t cp);         // Lu or Lt
bool is_lower(char32_t cp);         // Ll
bool is_space(char32_t cp);         // Z* plus \t \n \r \f \v
bool is_dash(char32_t cp);          // Pd (-, –, —, ...)
bool is_quote_char(char32_t cp);    // " ' „ ” “ « » ‘ ’ ‚ ‹ ›
char32_t to_lower(char32_t cp);
char32_t to_upper(char32_t cp);

// Lower-cases a UTF-8 string code point by code point (lengths may change).
std::string to_lower(std::string_view text);

// The same, appended to `out` (no allocation when `out` has room).
void append_lower(std::string& out, std::string_view text);

// A key for forgiving search: lower case without diacritics, so that "lodz" finds "Łódź"
// and "zolw" finds "żółw". Marks are dropped after canonical decomposition; letters that
// do not decompose are mapped (ł → l, đ → d, ø → o, ß → ss). Other text is lower-cased.
std::string search_fold(std::string_view text);

// First code point of a UTF-8 string, 0 for an empty string.
char32_t first_codepoint(std::string_view text);

}  // namespace glosa
