// Document text normalisation. Layer: engine/text.
#include "engine/text/normalizer.h"

#include <cstdint>
#include <cstring>

#include "engine/text/utf8.h"

namespace glosa {

NormalizedText normalize_text(std::string_view raw) {
  NormalizedText result;
  std::string repaired = repair_utf8(raw, &result.invalid_utf8_count);
  std::string_view s = repaired;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") {
    s.remove_prefix(3);
    ++result.dropped_count;
  }
  result.text.reserve(s.size());
  size_t copied = 0;  // s[copied, i) is still to be appended: the bytes between changes go at once
  for (size_t i = 0; i < s.size(); ++i) {
    // Skip eight bytes at a time while none of them is CR or NUL (the SWAR zero-byte test).
    while (i + 8 <= s.size()) {
      uint64_t eight = 0;
      std::memcpy(&eight, s.data() + i, 8);
      const uint64_t cr = eight ^ 0x0D0D0D0D0D0D0D0Dull;
      const uint64_t low = 0x0101010101010101ull, high = 0x8080808080808080ull;
      if ((((eight - low) & ~eight) | ((cr - low) & ~cr)) & high) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const char c = s[i];
    if (c != '\r' && c != '\0') continue;
    result.text.append(s.data() + copied, i - copied);
    if (c == '\r') {
      result.text += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      result.text += ' ';  // a NUL separates what is on either side of it, as a space does
      ++result.nul_count;
    }
    copied = i + 1;
  }
  result.text.append(s.data() + copied, s.size() - copied);
  return result;
}

}  // namespace glosa
