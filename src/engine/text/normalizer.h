// Turns pasted or loaded bytes into the document text that every offset refers to.
// Layer: engine/text. See DESIGN.md "Offsets": CRLF/CR -> LF, leading BOM and NULs dropped,
// invalid UTF-8 replaced by U+FFFD (counted, so the UI can warn). Nothing else changes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace glosa {

struct NormalizedText {
  std::string text;
  size_t invalid_utf8_count = 0;  // sequences replaced by U+FFFD
  size_t dropped_count = 0;       // BOM and NUL characters removed
};

NormalizedText normalize_text(std::string_view raw);

}  // namespace glosa
