// Bytes of a text file to UTF-8: UTF-16 and UTF-32 files (told by their byte-order mark) are
// decoded; everything else passes through for normalize_text. Layer: engine/text (pure).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace glosa {

enum class TextEncoding { Utf8, Utf16LE, Utf16BE, Utf32LE, Utf32BE };

struct DecodedText {
  std::string text;                      // UTF-8 (for Utf8 input: the bytes as given)
  TextEncoding encoding = TextEncoding::Utf8;
  size_t invalid_count = 0;              // UTF-16/32 units that were no character -> U+FFFD
};

// The name of an encoding as people write it: "UTF-8", "UTF-16LE", ...
const char* encoding_name(TextEncoding encoding);

// Decodes the bytes of a text file. A file that starts with a UTF-16LE (FF FE), UTF-16BE
// (FE FF), UTF-32LE (FF FE 00 00) or UTF-32BE (00 00 FE FF) byte-order mark is decoded from
// that encoding to UTF-8 without its mark; an unpaired surrogate, a code unit above U+10FFFF
// or a trailing partial unit becomes U+FFFD and is counted. Any other bytes (UTF-8 with or
// without its mark, or anything else) come back unchanged with encoding Utf8: normalize_text
// drops a UTF-8 mark and repairs invalid UTF-8. Never fails; linear time. The result may be
// up to 1.5x the input's size (UTF-16 CJK), so callers check the size limit on the result.
DecodedText decode_text_bytes(std::string_view bytes);

}  // namespace glosa
