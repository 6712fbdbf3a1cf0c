// Language identification for the two supported languages. Layer: engine/text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/text/tokenizer.h"

namespace glosa {

// Returns "pl", "en" or "other" (too little evidence, or another script such as Cyrillic).
// Looks at function words and Polish diacritics; the first ~20 000 tokens suffice.
std::string detect_language(std::string_view text, const std::vector<Token>& tokens);

// The name of the script most of the text's letters are in ("Arabic", "Hebrew", "Chinese or
// Japanese"...) when it is one the engine cannot read (anything but Latin and Cyrillic), or
// "" when the text is readable (or has too few letters to tell). Looks at the first 256 KiB.
std::string unsupported_script(std::string_view text);

}  // namespace glosa
