// Document text normalisation. Layer: engine/text.
#include "engine/text/normalizer.h"

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
    const char c = s[i];
    if (c != '\r' && c != '\0') continue;
    result.text.append(s.data() + copied, i - copied);
    if (c == '\r') {
      result.text += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      ++result.dropped_count;
    }
    copied = i + 1;
  }
  result.text.append(s.data() + copied, s.size() - copied);
  return result;
}

}  // namespace glosa
