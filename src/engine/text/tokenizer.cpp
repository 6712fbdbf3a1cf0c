// Tokenizer and abbreviation lists. Layer: engine/text.
#include "engine/text/tokenizer.h"

#include <algorithm>
#include <cctype>
#include <array>
#include <string>

#include "engine/core/word_index.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa {

namespace {

// Lower-case, without the final dot.
constexpr std::array<std::string_view, 87> kAbbreviations = {
    "abp", "al", "apr", "art", "aug", "bp", "cdn", "co", "corp", "dec", "dept", "dn", "doc", "dol", "dr", "dz",
    "e.g", "etc", "feb", "gen", "godz", "gr", "hab", "i.e", "im", "inc", "inż", "itd", "itp",
    "jr", "jul", "jun", "kpt", "ks", "lek", "lt", "ltd", "m.in", "mar", "mec", "mgr", "min", "mjr",
    "mld", "mln", "mr", "mrs", "ms", "nov", "np", "nr", "oct", "ok", "os", "p.n.e", "pkt", "pl",
    "pln", "pn", "poz", "prof", "proc", "przyp", "płk", "r", "red", "rys", "sen", "sep",
    "sept", "sierż", "sp", "st", "str", "sw", "tel", "tj", "tys", "tzn", "tzw", "ul", "u.s",
    "vs", "wg", "woj", "zob", "zł"};

constexpr std::array<std::string_view, 16> kMayEndSentence = {
    "co", "corp", "etc", "inc", "itd", "itp", "ltd", "mld", "mln", "pln", "proc", "r",
    "str", "tys", "u.s", "zł"};

// ASCII, most of the text, is decoded and classified inline; the rest goes to utf8/unicode.
char32_t cp_at(std::string_view s, size_t i, size_t* len) {
  const unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  return decode_utf8(s, i, len);
}

bool is_ascii_letter(char32_t cp) { return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'; }

bool is_letter_cp(char32_t cp) { return cp < 0x80 ? is_ascii_letter(cp) : is_letter(cp); }

}  // namespace

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return is_ascii_letter(cp) || (cp >= '0' && cp <= '9');
  return is_letter(cp) || is_mark(cp) || is_digit(cp);
}

namespace {

bool is_url_char(char32_t cp) {
  if (cp >= 0x80) return is_letter(cp) || is_digit(cp);
  return cp > ' ' && cp != '"' && cp != '<' && cp != '>' && cp != '\'' && cp != '(' &&
         cp != ')' && cp != '[' && cp != ']' && cp != '{' && cp != '}';
}

// is_word_char and is_url_char of every ASCII byte, so that the scans below test ASCII
// with one table load.
enum : uint8_t { kWordByte = 1, kUrlByte = 2 };

constexpr std::array<uint8_t, 128> ascii_classes() {
  std::array<uint8_t, 128> classes{};
  for (char32_t c = 0; c < 128; ++c) {
    const bool word = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
    const bool url = c > ' ' && c != '"' && c != '<' && c != '>' && c != '\'' && c != '(' &&
                     c != ')' && c != '[' && c != ']' && c != '{' && c != '}';
    classes[c] = static_cast<uint8_t>((word ? kWordByte : 0) | (url ? kUrlByte : 0));
  }
  return classes;
}

constexpr std::array<uint8_t, 128> kAsciiClasses = ascii_classes();

// End of a run of word characters starting at i.
size_t scan_word_chars(std::string_view s, size_t i) {
  size_t len = 0;
  while (i < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (!(kAsciiClasses[b] & kWordByte)) break;
      ++i;
    } else {
      if (!is_word_char(decode_utf8(s, i, &len))) break;
      i += len;
    }
  }
  return i;
}

bool is_closing_punct(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?';
}

constexpr std::array<std::string_view, 22> kTlds = {
    "biz", "by", "com", "de", "edu", "eu", "fr", "gov", "info", "int", "io", "kz", "net",
    "news", "org", "pl", "ru", "tv", "ua", "uk", "us", "xyz"};

// `label` holds ASCII letters, digits and hyphens only (see looks_like_domain).
bool is_known_tld(std::string_view label) {
  char lower[4];
  if (label.size() > sizeof lower) return false;  // no listed domain is longer
  for (size_t k = 0; k < label.size(); ++k) {
    const char c = label[k];
    lower[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  const std::string_view l(lower, label.size());
  return std::find(kTlds.begin(), kTlds.end(), l) != kTlds.end();
}

// ASCII case-insensitive prefix test. A byte >= 0x80 never matches: no non-ASCII
// character lower-cases to a letter of "http", "https" or "www".
bool starts_with_lower(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (size_t k = 0; k < lower_prefix.size(); ++k) {
    const char c = s[k];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) != lower_prefix[k]) return false;
  }
  return true;
}

// "host.tld" or "host.tld/path": letters/digits/hyphens in dot-separated labels, the last
// one a known top-level domain.
bool looks_like_domain(std::string_view run) {
  const size_t slash = run.find('/');
  std::string_view host = run.substr(0, slash);
  const size_t last_dot = host.rfind('.');
  if (last_dot == std::string_view::npos || last_dot == 0 || last_dot + 1 >= host.size()) {
    return false;
  }
  for (char c : host) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '.' || c == '-')) return false;
  }
  if (host.find("..") != std::string_view::npos) return false;
  return is_known_tld(host.substr(last_dot + 1));
}

// Length of a URL or e-mail starting at i, 0 if there is none. Trailing punctuation that
// usually closes a sentence is left out.
size_t match_url_or_email(std::string_view s, size_t i, TokenKind* kind) {
  size_t end = i;
  size_t len = 0;
  // Every kind below needs a '.', '@' or ':' in the run: without one (a plain word, the
  // common case) the answer is known at once.
  size_t first_mark = std::string_view::npos;
  while (end < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[end]);
    if (b < 0x80) {
      if (!(kAsciiClasses[b] & kUrlByte)) break;
      if (first_mark == std::string_view::npos && (b == '.' || b == '@' || b == ':')) {
        first_mark = end;
      }
      ++end;
    } else {
      if (!is_url_char(decode_utf8(s, end, &len))) break;
      end += len;
    }
  }
  while (end > i && is_closing_punct(s[end - 1])) --end;
  if (end == i || first_mark == std::string_view::npos || first_mark >= end) return 0;
  std::string_view run = s.substr(i, end - i);
  if (starts_with_lower(run, "http://") || starts_with_lower(run, "https://") ||
      (starts_with_lower(run, "www.") && run.size() > 6)) {
    *kind = TokenKind::Url;
    return run.size();
  }
  const size_t at = run.find('@');
  if (at != std::string_view::npos && at > 0 && run.find('@', at + 1) == std::string_view::npos &&
      looks_like_domain(run.substr(at + 1)) &&
      run.substr(at + 1).find('/') == std::string_view::npos) {
    *kind = TokenKind::Email;
    return run.size();
  }
  if (at == std::string_view::npos && looks_like_domain(run)) {
    *kind = TokenKind::Url;
    return run.size();
  }
  return 0;
}

// "m.in.", "U.S.", "p.n.e.", "e.g.": one or two letters and a dot, at least twice.
size_t match_dotted_abbreviation(std::string_view s, size_t i) {
  size_t pos = i;
  int groups = 0;
  size_t len = 0;
  while (pos < s.size()) {
    size_t letters_end = pos;
    int letters = 0;
    while (letters_end < s.size() && is_letter_cp(cp_at(s, letters_end, &len)) && letters < 3) {
      letters_end += len;
      ++letters;
    }
    if (letters == 0 || letters > 2 || letters_end >= s.size() || s[letters_end] != '.') break;
    pos = letters_end + 1;
    ++groups;
  }
  if (groups < 2) return 0;
  // The next character must not continue a word ("U.S.A" is fine, "e.g.x" is not special).
  if (pos < s.size() && is_word_char(cp_at(s, pos, &len))) return 0;
  return pos - i;
}

bool is_digit_byte(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

size_t scan_digits(std::string_view s, size_t i) {
  while (is_digit_byte(s, i)) ++i;
  return i;
}

// A number: digits, inner [.,:] between digits, and groups of three digits after a
// (no-break or thin) space: "1 000 000", "24,5", "25.11.2022", "12:30".
size_t match_number(std::string_view s, size_t i) {
  size_t end = scan_digits(s, i);
  const size_t first_group = end - i;
  bool grouped_by_space = false;
  for (;;) {
    if (end < s.size() && (s[end] == '.' || s[end] == ',' || s[end] == ':') &&
        is_digit_byte(s, end + 1)) {
      end = scan_digits(s, end + 1);
      continue;
    }
    // Space-grouped thousands: only when every group so far is a clean 1-3 digit prefix.
    size_t sep_len = 0;
    if (end < s.size() && s[end] == ' ') sep_len = 1;
    else if (s.compare(end, 2, "\xC2\xA0") == 0) sep_len = 2;            // no-break space
    else if (s.compare(end, 3, "\xE2\x80\xAF") == 0) sep_len = 3;        // narrow nbsp
    if (sep_len && (first_group <= 3 || grouped_by_space)) {
      const size_t g = end + sep_len;
      const size_t g_end = scan_digits(s, g);
      if (g_end - g == 3 && !(g_end < s.size() && (is_digit_byte(s, g_end)))) {
        // Do not swallow "2022 r." style years: a 3-digit group is required on both sides.
        if (first_group >= 1 && (first_group <= 3 || grouped_by_space)) {
          size_t len = 0;
          if (g_end < s.size() && is_word_char(cp_at(s, g_end, &len))) break;
          grouped_by_space = true;
          end = g_end;
          continue;
        }
      }
    }
    break;
  }
  return end - i;
}

bool is_symbol(char32_t cp) {
  switch (cp) {
    case '$': case '%': case '+': case '=': case '<': case '>': case '#': case '&': case '*':
    case '@': case '^': case '|': case '~': case 0x20AC /*€*/: case 0x00A3 /*£*/:
    case 0x00A5 /*¥*/: case 0x20BD /*₽*/: case 0x20B8 /*₸*/: case 0x20B4 /*₴*/: case 0x00B0 /*°*/:
    case 0x2030 /*‰*/: case 0x00A7 /*§*/:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool is_known_abbreviation(std::string_view w) {
  static const WordIndex index(
      std::vector<std::string_view>(kAbbreviations.begin(), kAbbreviations.end()));
  return index.contains(w);
}

bool abbreviation_may_end_sentence(std::string_view w) {
  return std::find(kMayEndSentence.begin(), kMayEndSentence.end(), w) != kMayEndSentence.end();
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  tokens.reserve(s.size() / 5 + 1);
  size_t i = 0;
  bool newline = false;
  bool space = false;
  size_t len = 0;
  while (i < s.size()) {
    const char32_t cp = cp_at(s, i, &len);
    if (cp < 0x80 ? cp == ' ' || (cp >= 0x09 && cp <= 0x0D) : is_space(cp)) {
      if (cp == '\n') newline = true;
      space = true;
      i += len;
      continue;
    }
    Token t;
    t.begin_byte = i;
    t.newline_before = newline;
    t.space_before = space;
    newline = space = false;
    TokenKind url_kind = TokenKind::Url;
    size_t n = 0;
    if (is_word_char(cp) && (n = match_url_or_email(s, i, &url_kind)) > 0) {
      t.kind = url_kind;
      t.end_byte = i + n;
    } else if (is_letter_cp(cp) && (n = match_dotted_abbreviation(s, i)) > 0) {
      t.kind = TokenKind::Word;
      t.end_byte = i + n;
      t.is_abbreviation = true;
    } else if (is_digit_byte(s, i) && scan_word_chars(s, i) == scan_digits(s, i)) {
      t.kind = TokenKind::Number;
      t.end_byte = i + match_number(s, i);
    } else if (is_word_char(cp)) {
      size_t end = scan_word_chars(s, i);
      // Inner hyphens and apostrophes join word parts: "Kasym-Żomart", "O'Brien".
      while (end < s.size()) {
        size_t jl = 0;
        const char32_t j = cp_at(s, end, &jl);
        if (j != '-' && j != '\'' && j != 0x2019 && j != 0x2010) break;
        size_t nl = 0;
        if (end + jl >= s.size() || !is_word_char(cp_at(s, end + jl, &nl))) break;
        end = scan_word_chars(s, end + jl);
      }
      t.kind = TokenKind::Word;
      t.end_byte = end;
      // A dot after an abbreviation or a single capital (an initial) belongs to the token.
      if (end < s.size() && s[end] == '.') {
        std::string_view word = s.substr(i, end - i);
        const bool initial = count_codepoints(word) == 1 && is_upper(cp);
        if (initial || is_known_abbreviation(to_lower(word))) {
          t.end_byte = end + 1;
          t.is_abbreviation = true;
        }
      }
    } else if (cp == '.' && s.compare(i, 3, "...") == 0) {
      t.kind = TokenKind::Punct;
      size_t end = i;
      while (end < s.size() && s[end] == '.') ++end;
      t.end_byte = end;
    } else {
      t.kind = is_symbol(cp) ? TokenKind::Symbol : TokenKind::Punct;
      t.end_byte = i + len;
    }
    tokens.push_back(t);
    i = t.end_byte;
  }
  return tokens;
}

}  // namespace glosa
