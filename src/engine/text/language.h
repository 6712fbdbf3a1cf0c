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

}  // namespace glosa
