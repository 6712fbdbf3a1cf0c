// Turns pasted or loaded bytes into the document text that every offset refers to.
// Layer: engine/text. See docs/FORMAT.md "Offsets": CRLF/CR -> LF, a leading BOM dropped,
// NUL -> space, invalid UTF-8 replaced by U+FFFD (counted, so the UI can warn). Nothing else
// changes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace glosa {

struct NormalizedText {
  std::string text;
  size_t invalid_utf8_count = 0;  // sequences replaced by U+FFFD
  size_t dropped_count = 0;       // leading BOMs removed (0 or 1)
  size_t nul_count = 0;           // NUL characters turned into spaces
};

// The document text of `raw` (any bytes). A NUL becomes one space, not nothing: the words on
// either side of it stay two words ("Prezydent\0Andrzej" is "Prezydent Andrzej"), and every
// character after it keeps its code-point offset relative to the others. Linear time.
NormalizedText normalize_text(std::string_view raw);

}  // namespace glosa
