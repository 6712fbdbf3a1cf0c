// UTF-8 decoding and offset conversion. Layer: engine/text.
#include "engine/text/utf8.h"

#include <algorithm>
#include <cstring>

namespace glosa {

char32_t decode_utf8(std::string_view s, size_t pos, size_t* length) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const size_t n = s.size();
  const unsigned char b0 = byte(pos);
  *length = 1;
  if (b0 < 0x80) return b0;
  size_t need;
  char32_t cp;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) { need = 1; cp = b0 & 0x1F; min = 0x80; }
  else if ((b0 & 0xF0) == 0xE0) { need = 2; cp = b0 & 0x0F; min = 0x800; }
  else if ((b0 & 0xF8) == 0xF0) { need = 3; cp = b0 & 0x07; min = 0x10000; }
  else return kReplacementChar;
  if (pos + need >= n) return kReplacementChar;  // truncated at the end of the text
  for (size_t i = 1; i <= need; ++i) {
    const unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) return kReplacementChar;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacementChar;
  *length = need + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// A decoded U+FFFD is genuine only when the bytes really spell EF BF BD.
static bool is_real_replacement(std::string_view s, size_t pos, size_t len) {
  return len == 3 && s.compare(pos, 3, "\xEF\xBF\xBD") == 0;
}

bool is_valid_utf8(std::string_view s) {
  size_t len = 0;
  for (size_t i = 0; i < s.size(); i += len) {
    if (decode_utf8(s, i, &len) == kReplacementChar && !is_real_replacement(s, i, len)) {
      return false;
    }
  }
  return true;
}

std::string repair_utf8(std::string_view s, size_t* replaced) {
  std::string out;
  out.reserve(s.size());
  size_t count = 0;
  size_t i = 0;
  while (i < s.size()) {
    // A well-formed sequence re-encodes to its own bytes, so runs of them are copied whole;
    // ASCII is skipped eight bytes at a time.
    size_t run = i;
    size_t len = 0;
    while (run < s.size()) {
      if (run + 8 <= s.size()) {
        uint64_t eight = 0;
        std::memcpy(&eight, s.data() + run, 8);
        if ((eight & 0x8080808080808080ull) == 0) {
          run += 8;
          continue;
        }
      }
      if (static_cast<unsigned char>(s[run]) < 0x80) {
        ++run;
        continue;
      }
      if (decode_utf8(s, run, &len) == kReplacementChar && !is_real_replacement(s, run, len)) break;
      run += len;
    }
    out.append(s.data() + i, run - i);
    if (run == s.size()) break;
    append_utf8(out, kReplacementChar);  // an ill-formed byte (len is 1)
    ++count;
    i = run + len;
  }
  if (replaced) *replaced = count;
  return out;
}

size_t count_codepoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

CodepointIndex::CodepointIndex(std::string_view text) : byte_count_(text.size()) {
  starts_.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts_.push_back(i);
  }
  cp_count_ = starts_.size();
  starts_.push_back(text.size());  // sentinel: cp_count_ -> byte_count_
}

size_t CodepointIndex::to_codepoint(size_t byte) const {
  if (byte >= byte_count_) return cp_count_;
  // Last code point that starts at or before `byte`.
  auto it = std::upper_bound(starts_.begin(), starts_.end() - 1, byte);
  return static_cast<size_t>(it - starts_.begin()) - 1;
}

bool CodepointIndex::to_byte(size_t cp, size_t* byte) const {
  if (cp > cp_count_) return false;
  *byte = starts_[cp];
  return true;
}

std::u32string to_codepoints(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  size_t len = 0;
  for (size_t i = 0; i < text.size(); i += len) out += decode_utf8(text, i, &len);
  return out;
}

std::string from_codepoints(std::u32string_view cps) {
  std::string out;
  out.reserve(cps.size());
  for (char32_t c : cps) append_utf8(out, c);
  return out;
}

}  // namespace glosa
