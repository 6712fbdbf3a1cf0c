// Re-spacing of space-joined corpus text. Layer: engine/eval.
#include "engine/eval/respace.h"

namespace glosa {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) if (c < '0' || c > '9') return false;
  return true;
}

// A past-tense or conditional form that Polish clitics attach to ("był", "była", "by").
bool takes_clitic(std::string_view prev) {
  return ends_with(prev, "ł") || ends_with(prev, "ła") || ends_with(prev, "ło") ||
         ends_with(prev, "li") || ends_with(prev, "ły") || ends_with(prev, "by");
}

}  // namespace

std::string respace(std::string_view text, bool join_clitics, std::vector<size_t>* map, bool join_possessives) {
  static const std::string_view kNoSpaceBefore[] = {
      ",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "...", "\xE2\x80\xA6", "\xE2\x80\x9D",
      "\xC2\xBB"};
  static const std::string_view kNoSpaceAfter[] = {"(", "[", "{", "\xE2\x80\x9E", "\xC2\xAB",
                                                   "\xE2\x80\x9C"};
  static const std::string_view kClitics[] = {"em", "eś", "śmy", "ście", "m", "ś"};
  std::string out;
  out.reserve(text.size());
  map->assign(text.size() + 1, 0);
  // The word a clitic would join (the output since the last space) and the previous token.
  std::string word;
  std::string_view prev_tok;
  bool joined_number = false;  // the previous token was a '.'/':' that joined two numbers
  bool quote_open = false;
  bool no_space_next = false;
  bool first = true;
  size_t i = 0;
  while (i <= text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    const std::string_view tok = text.substr(i, j - i);
    if (tok.empty()) {
      (*map)[j] = out.size();
      if (j >= text.size()) break;
      i = j + 1;
      continue;
    }
    bool space = !first;
    for (std::string_view p : kNoSpaceBefore) if (tok == p) space = false;
    if (no_space_next) space = false;
    no_space_next = false;
    for (std::string_view p : kNoSpaceAfter) if (tok == p) no_space_next = true;
    if (tok == "\"") {
      if (quote_open) space = false; else no_space_next = true;
      quote_open = !quote_open;
    }
    // "13 . 00": the dot was already written without a space; the number goes on it too.
    if (joined_number) space = false;
    joined_number = false;
    if ((tok == "." || tok == ":") && is_digits(prev_tok)) {
      // Look ahead: join only when a digit-only token follows.
      size_t k = j + 1;
      size_t e = k <= text.size() ? text.find(' ', k) : std::string_view::npos;
      if (e == std::string_view::npos) e = text.size();
      if (k <= text.size() && is_digits(text.substr(k, e - k))) joined_number = true;
    }
    if (join_clitics && !first) {
      for (std::string_view c : kClitics) {
        if (tok == c && takes_clitic(word)) space = false;
      }
      if (tok == "by" && takes_clitic(word) && !ends_with(word, "by")) space = false;
    }
    if (join_possessives && !first && (tok == "'s" || tok == "'S")) space = false;
    if (space) out += ' ';
    for (size_t k = i; k < j; ++k) (*map)[k] = out.size() + (k - i);
    out.append(tok.data(), tok.size());
    (*map)[j] = out.size();
    if (space) word.assign(tok.data(), tok.size());
    else word.append(tok.data(), tok.size());
    prev_tok = tok;
    first = false;
    if (j >= text.size()) break;
    i = j + 1;
  }
  return out;
}

}  // namespace glosa
