// UTF-8 decoding, validation/repair, and the one place where byte offsets become code-point
// offsets and back. Layer: engine/text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace glosa {

constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes one code point starting at text[pos]. Returns the code point and sets *length to
// its byte length (>= 1). An invalid or truncated sequence decodes as kReplacementChar with
// *length = 1, so a loop over any bytes always advances.
char32_t decode_utf8(std::string_view text, size_t pos, size_t* length);

// Appends the UTF-8 encoding of cp (cp must be <= 0x10FFFF and not a surrogate).
void append_utf8(std::string& out, char32_t cp);

// True when every byte sequence is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view text);

// Copies text, replacing each ill-formed sequence by U+FFFD. *replaced counts them.
std::string repair_utf8(std::string_view text, size_t* replaced);

// The code points of UTF-8 text (invalid sequences become U+FFFD), and back.
std::u32string to_codepoints(std::string_view text);
std::string from_codepoints(std::u32string_view cps);

// Number of code points in a valid UTF-8 string.
size_t count_codepoints(std::string_view text);

// Converts between byte offsets and code-point offsets of one (valid UTF-8) text.
// Built once per document in O(n); each lookup is O(log n). Lifetime: independent of the text.
class CodepointIndex {
 public:
  explicit CodepointIndex(std::string_view text);

  size_t codepoint_count() const { return cp_count_; }
  size_t byte_count() const { return byte_count_; }

  // Byte offset -> code-point offset. A byte inside a multi-byte character maps to that
  // character's code point. byte == byte_count() maps to codepoint_count().
  size_t to_codepoint(size_t byte) const;

  // Code-point offset -> byte offset. Returns false when cp > codepoint_count().
  bool to_byte(size_t cp, size_t* byte) const;

 private:
  std::vector<size_t> starts_;  // byte offset of each code point, plus a sentinel at the end
  size_t cp_count_ = 0;
  size_t byte_count_ = 0;
};

}  // namespace glosa
