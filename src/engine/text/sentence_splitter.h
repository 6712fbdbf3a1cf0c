// Sentence boundaries over tokens. Layer: engine/text.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "engine/text/tokenizer.h"

namespace glosa {

struct Sentence {
  size_t begin_byte = 0;   // byte span from the first to the last token of the sentence
  size_t end_byte = 0;
  size_t first_token = 0;  // index into the token vector
  size_t token_count = 0;
};

// Splits after . ! ? … (plus closing quotes/brackets) when the next token looks like a
// sentence start, and at every line break. Abbreviations ("dr", "ul.", "m.in.") do not end a
// sentence unless they may (see abbreviation_may_end_sentence) and a capital follows.
// Every token belongs to exactly one sentence; output is in text order.
std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens);

}  // namespace glosa
