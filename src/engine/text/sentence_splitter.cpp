// Sentence splitting. Layer: engine/text.
#include "engine/text/sentence_splitter.h"

#include <string>

#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa {

namespace {

bool is_terminator(std::string_view t) {
  return t == "." || t == "!" || t == "?" || t == "\xE2\x80\xA6" /*…*/ || t == "..." ||
         t == "?!" || t == "!?";
}

bool is_closer(std::string_view t) {
  const char32_t cp = first_codepoint(t);
  return t.size() <= 3 && (cp == ')' || cp == ']' || cp == 0x201D /*”*/ || cp == '"' ||
                           cp == 0x00BB /*»*/ || cp == 0x2019 /*’*/ || cp == '\'');
}

// Could this token open a new sentence?
bool starts_sentence(std::string_view t, TokenKind kind) {
  const char32_t cp = first_codepoint(t);
  if (kind == TokenKind::Number) return true;
  if (is_upper(cp)) return true;
  return cp == 0x201E /*„*/ || cp == '"' || cp == 0x201C || cp == 0x00AB || cp == '(' ||
         cp == 0x2013 /*–*/ || cp == 0x2014 || cp == '-';
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<Sentence> out;
  const auto tok = [&](size_t i) {
    return text.substr(tokens[i].begin_byte, tokens[i].end_byte - tokens[i].begin_byte);
  };
  size_t start = 0;
  const auto close = [&](size_t end_exclusive) {
    if (end_exclusive <= start) return;
    Sentence s;
    s.first_token = start;
    s.token_count = end_exclusive - start;
    s.begin_byte = tokens[start].begin_byte;
    s.end_byte = tokens[end_exclusive - 1].end_byte;
    out.push_back(s);
    start = end_exclusive;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > start && tokens[i].newline_before) close(i);
    const std::string_view t = tok(i);
    bool ends = is_terminator(t);
    if (!ends && tokens[i].is_abbreviation) {
      std::string lowered = to_lower(t.substr(0, t.size() - 1));
      ends = abbreviation_may_end_sentence(lowered);
    }
    if (!ends) continue;
    size_t j = i + 1;
    while (j < tokens.size() && !tokens[j].space_before && is_closer(tok(j))) ++j;
    if (j >= tokens.size()) { close(j); i = j; break; }
    if (tokens[j].newline_before || (tokens[j].space_before && starts_sentence(tok(j), tokens[j].kind))) {
      // After an abbreviation, demand a capital letter (not a digit: "5 proc. 10 osób").
      if (tokens[i].is_abbreviation && !tokens[j].newline_before &&
          !is_upper(first_codepoint(tok(j)))) {
        continue;
      }
      close(j);
      i = j - 1;
    }
  }
  close(tokens.size());
  return out;
}

}  // namespace glosa
