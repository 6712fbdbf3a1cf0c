// Lossless tokenizer for Polish and English news text. Layer: engine/text.
// Tokens cover every non-space character; the gaps between tokens are only whitespace, so
// tokens plus gaps rebuild the input exactly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace glosa {

enum class TokenKind : uint8_t {
  Word,     // letters/marks/digits with inner hyphens or apostrophes: "Kasym-Żomart", "COVID-19"
  Number,   // digits with inner separators: "24,5", "1 000", "25.11.2022", "12:30"
  Punct,    // one punctuation character, or an ellipsis "..."
  Symbol,   // currency and other symbols: "$", "€", "%", "+"
  Url,      // "https://…", "www.…", "fergana.news/kresy.pl"
  Email,    // "name@host.pl"
};

struct Token {
  size_t begin_byte = 0;  // half-open byte span into the document text
  size_t end_byte = 0;
  TokenKind kind = TokenKind::Word;
  bool is_abbreviation = false;  // the token ends in a dot that belongs to it: "proc.", "dr."
  bool newline_before = false;   // the gap before this token holds a line break
  bool space_before = false;     // the gap before this token is not empty
};

// Tokenizes UTF-8 text (any bytes are safe; invalid sequences become Punct tokens).
// Output is sorted by begin_byte and non-overlapping.
std::vector<Token> tokenize(std::string_view text);

// A code point that belongs inside a word token: a letter, a combining mark or a digit.
bool is_word_char(char32_t cp);

// True when the lower-cased word (without its dot) is a known abbreviation, e.g. "proc",
// "ul", "dr", "mr". Exposed for tests and the sentence splitter.
bool is_known_abbreviation(std::string_view lowered_word);

// True for abbreviations that often end a sentence ("r.", "proc.", "itd.", "Inc."), as
// opposed to titles ("dr", "prof.", "Mr.") that are always followed by more of the sentence.
bool abbreviation_may_end_sentence(std::string_view lowered_word);

}  // namespace glosa
