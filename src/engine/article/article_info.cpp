// ArticleInfo from the text, its tokens and its entities (see article_info.h and
// docs/ARTICLE.md). Layer: engine/article.
//
// Index: lines and leading marker words; the date line; the title; the source line; urls
// and counts; compute_article_info.
#include "engine/article/article_info.h"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string>
#include <utility>

#include "engine/article/calendar.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa {

namespace {

// --- Section: lines and leading marker words ---

struct Line {
  size_t begin = 0;  // byte span of the line without its leading and trailing spaces
  size_t end = 0;
};

// Every line with something but spaces in it, trimmed, in text order.
std::vector<Line> non_empty_lines(std::string_view text) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t stop = text.find('\n', pos);
    if (stop == std::string_view::npos) stop = text.size();
    Line line{stop, stop};
    bool any = false;
    size_t len = 0;
    for (size_t i = pos; i < stop; i += len) {
      if (is_space(decode_utf8(text, i, &len))) continue;
      if (!any) line.begin = i;
      any = true;
      line.end = i + len;
    }
    if (any) lines.push_back(line);
    pos = stop + 1;
  }
  return lines;
}

size_t skip_spaces(std::string_view text, size_t pos, size_t end) {
  size_t len = 0;
  while (pos < end && is_space(decode_utf8(text, pos, &len))) pos += len;
  return pos;
}

// A word at the start of a line and what follows it: "Źródło: PAP", "Fot. Reuters",
// "Published on March 3".
struct LeadingWord {
  std::string lower;        // the word lower-cased ("źródło"); empty if the line starts otherwise
  bool has_dot = false;     // "Fot."
  bool has_colon = false;   // ":" or a dash after the word (spaces allowed before it)
  size_t after = 0;         // byte after the word, its dot, the colon/dash and the spaces
};

LeadingWord leading_word(std::string_view text, size_t begin, size_t end) {
  LeadingWord w;
  size_t pos = begin;
  size_t len = 0;
  while (pos < end) {
    const char32_t cp = decode_utf8(text, pos, &len);
    if (!is_letter(cp) && !is_mark(cp)) break;
    pos += len;
  }
  w.after = begin;
  if (pos == begin) return w;
  w.lower = to_lower(text.substr(begin, pos - begin));
  if (pos < end && text[pos] == '.') {
    w.has_dot = true;
    ++pos;
  }
  size_t p = skip_spaces(text, pos, end);
  if (p < end) {
    const char32_t cp = decode_utf8(text, p, &len);
    if (cp == ':' || is_dash(cp)) {
      w.has_colon = true;
      pos = skip_spaces(text, p + len, end);
    }
  }
  w.after = w.has_colon ? pos : skip_spaces(text, pos, end);
  return w;
}

bool is_one_of(const std::string& word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool is_publish_marker(const std::string& w) {
  return is_one_of(w, {"date", "dated", "published", "posted", "data", "opublikowano",
                       "publikacja", "dodano"});
}

bool is_update_marker(const std::string& w) {
  return is_one_of(w, {"updated", "aktualizacja", "zaktualizowano"});
}

bool is_source_marker(const std::string& w) {
  return is_one_of(w, {"źródło", "źródła", "source", "sources"});
}

bool is_credit_marker(const std::string& w) {
  return is_one_of(w, {"fot", "foto", "fotografia", "zdjęcie", "zdjęcia", "zdj", "photo",
                       "photos", "image", "images", "ilustracja", "autor", "autorka", "author",
                       "oprac", "opracowanie"});
}

// Punctuation that may stand between dates, times and addresses on a metadata line.
bool is_separator_token(std::string_view text, const Token& t) {
  return t.kind == TokenKind::Punct ||
         (t.kind == TokenKind::Symbol && text.substr(t.begin_byte, t.end_byte - t.begin_byte) == "|");
}

bool is_separator_at(std::string_view text, size_t pos, size_t* len) {
  const char32_t cp = decode_utf8(text, pos, len);
  return cp == ',' || cp == '|' || cp == ':' || cp == 0xB7 /* · */ || cp == 0x2022 /* • */ ||
         is_dash(cp);
}

// --- Section: the date line ---

struct Context {
  std::string_view text;
  const std::vector<Token>& tokens;
  std::vector<const Entity*> entities;  // not Rejected, by begin_byte
};

// First entity (index into c.entities) beginning at or after `byte`.
size_t first_entity_from(const Context& c, size_t byte) {
  return static_cast<size_t>(
      std::lower_bound(c.entities.begin(), c.entities.end(), byte,
                       [](const Entity* e, size_t b) { return e->begin_byte < b; }) -
      c.entities.begin());
}

size_t first_token_from(const Context& c, size_t byte) {
  return static_cast<size_t>(
      std::lower_bound(c.tokens.begin(), c.tokens.end(), byte,
                       [](const Token& t, size_t b) { return t.begin_byte < b; }) -
      c.tokens.begin());
}

// A DATE value that can be an article date: "YYYY", "YYYY-MM", "YYYY-MM-DD".
bool is_article_date_value(const Entity& e) {
  CalendarDate d;
  return e.label == "DATE" && !e.is_relative && parse_calendar_date(e.value, &d);
}

enum class DateRank : int { Marker = 0, DateOnly = 1, Dateline = 2, UpdateMarker = 3, None = 4 };

struct DateLine {
  DateRank rank = DateRank::None;
  std::string value;    // the article date ("" for a dateline without one)
  size_t date_end = 0;  // byte after the date (marker lines: where a title may follow)
  std::string agency;   // a dateline's "(Reuters)"
  bool has_rest = false;  // a dateline followed by the article's first sentence
  size_t rest_begin = 0;  // where that sentence begins
};

// The date right after a marker at `pos`: a DATE entity beginning there, or a bare
// 4-digit year token standing alone (not the start of "2022-11" or "2022.11.05", say one
// whose DATE a person rejected: its year alone is no date either).
bool date_at(const Context& c, size_t pos, size_t line_end, std::string* value, size_t* end) {
  const size_t k = first_entity_from(c, pos);
  if (k < c.entities.size() && c.entities[k]->begin_byte == pos &&
      c.entities[k]->end_byte <= line_end) {
    if (!is_article_date_value(*c.entities[k])) return false;
    *value = c.entities[k]->value;
    *end = c.entities[k]->end_byte;
    return true;
  }
  const size_t t = first_token_from(c, pos);
  const auto joined_digit = [&](size_t at) {  // "-11", "/11", ".11" right after the year
    return at + 1 < c.text.size() && (c.text[at] == '-' || c.text[at] == '/' || c.text[at] == '.') &&
           c.text[at + 1] >= '0' && c.text[at + 1] <= '9';
  };
  if (t < c.tokens.size() && c.tokens[t].begin_byte == pos && c.tokens[t].kind == TokenKind::Number &&
      c.tokens[t].end_byte - pos == 4 && !joined_digit(pos + 4)) {
    CalendarDate d;
    const std::string_view year = c.text.substr(pos, 4);
    if (!parse_calendar_date(year, &d)) return false;
    *value = std::string(year);
    *end = pos + 4;
    return true;
  }
  return false;
}

// Is the line every token of which is covered by a DATE/TIME entity or punctuation?
bool date_only_line(const Context& c, const Line& line, std::string* value, size_t* end) {
  bool found = false;
  size_t k = first_entity_from(c, line.begin);
  for (size_t t = first_token_from(c, line.begin);
       t < c.tokens.size() && c.tokens[t].begin_byte < line.end; ++t) {
    const Token& tok = c.tokens[t];
    while (k < c.entities.size() && c.entities[k]->end_byte <= tok.begin_byte) ++k;
    const bool covered = k < c.entities.size() && c.entities[k]->begin_byte <= tok.begin_byte &&
                         tok.end_byte <= c.entities[k]->end_byte &&
                         (c.entities[k]->label == "DATE" || c.entities[k]->label == "TIME");
    if (covered) {
      if (!found && is_article_date_value(*c.entities[k])) {
        found = true;
        *value = c.entities[k]->value;
        *end = c.entities[k]->end_byte;
      }
      continue;
    }
    if (!is_separator_token(c.text, tok)) return false;
  }
  return found;
}

// A news dateline at the start of a line: a place of one to four capitalised words
// ("MUNICH", "NEW YORK", "Warszawa", "Zielona Góra"), then a comma and a DATE with an article
// date value (after the place's country or state between commas too: "GDANSK, Poland, Sept
// 8, 2026"), and/or a news agency in brackets, ended by the end of the line or a dash:
// "MUNICH, March 14, 2025 —", "WASHINGTON (Reuters) -", "WASHINGTON, Jan 5 (Reuters) -",
// "Warszawa, 3 marca 2024 r.". A line that is a date and nothing else is a date-only line.
bool dateline(const Context& c, const Line& line, DateLine* d) {
  size_t t = first_token_from(c, line.begin);
  size_t words = 0;
  auto tok_text = [&](size_t k) { return c.text.substr(c.tokens[k].begin_byte, c.tokens[k].end_byte - c.tokens[k].begin_byte); };
  auto in_line = [&](size_t k) { return k < c.tokens.size() && c.tokens[k].begin_byte < line.end; };
  while (in_line(t) && words < 4) {
    const Token& tok = c.tokens[t];
    if (tok.kind == TokenKind::Word && is_upper(first_codepoint(tok_text(t)))) {
      ++words;
      ++t;
      continue;
    }
    // "ST. LOUIS", "WILKES-BARRE": a dot or hyphen inside the place.
    const std::string_view p = tok_text(t);
    if (words > 0 && (p == "." || p == "-") && in_line(t + 1) && c.tokens[t + 1].kind == TokenKind::Word) {
      ++t;
      continue;
    }
    break;
  }
  if (words == 0 || !in_line(t)) return false;
  // An agency in brackets: "(Reuters)", "(AP)", "(PAP)".
  auto agency_at = [&](size_t k, size_t* after) {
    if (!in_line(k) || tok_text(k) != "(") return false;
    size_t e = k + 1;
    while (in_line(e) && e < k + 5 && c.tokens[e].kind == TokenKind::Word) ++e;
    if (e == k + 1 || !in_line(e) || tok_text(e) != ")") return false;
    d->agency = std::string(c.text.substr(c.tokens[k + 1].begin_byte, c.tokens[e - 1].end_byte - c.tokens[k + 1].begin_byte));
    *after = e + 1;
    return true;
  };
  size_t after = t;
  bool dated = false;
  if (tok_text(t) == ",") {
    size_t next = t + 1;
    if (!in_line(next)) return false;
    std::string value;
    size_t end = 0;
    // The place's country or state between two commas: "GDANSK, Poland, Sept 8, 2026",
    // "SPRINGFIELD, Ill., May 2".
    if (!date_at(c, c.tokens[next].begin_byte, line.end, &value, &end)) {
      size_t k = next;
      while (in_line(k) && k < next + 4 &&
             ((c.tokens[k].kind == TokenKind::Word && is_upper(first_codepoint(tok_text(k)))) ||
              (k > next && tok_text(k) == "."))) {
        ++k;
      }
      if (k == next || !in_line(k + 1) || tok_text(k) != ",") return false;
      next = k + 1;
    }
    if (!date_at(c, c.tokens[next].begin_byte, line.end, &value, &end) || value.size() < 7) return false;
    d->value = value;
    d->date_end = end;
    dated = true;
    after = first_token_from(c, end);
  }
  const bool has_agency = agency_at(after, &after);
  if (!dated && !has_agency) return false;
  if (!in_line(after)) return dated;  // "Warszawa, 3 marca 2024 r." ends the line
  const std::string_view sep = tok_text(after);
  size_t len = 0;
  if (sep.empty() || !is_dash(decode_utf8(sep, 0, &len)) || len != sep.size()) return false;
  d->has_rest = in_line(after + 1);
  if (d->has_rest) d->rest_begin = c.tokens[after + 1].begin_byte;
  if (!dated) d->date_end = c.tokens[after].end_byte;
  return true;
}

DateLine date_line(const Context& c, const Line& line) {
  DateLine d;
  const LeadingWord w = leading_word(c.text, line.begin, line.end);
  const bool publish = is_publish_marker(w.lower);
  if (publish || is_update_marker(w.lower)) {
    // The date right after the marker, or after "on" / "dnia" / "dn." (which the DATE
    // span may also include: "dnia 5 maja 2024 r.").
    size_t pos = w.after;
    const LeadingWord connector = leading_word(c.text, pos, line.end);
    const bool has_connector =
        !connector.has_colon &&
        ((is_one_of(connector.lower, {"on", "dnia"}) && !connector.has_dot) ||
         (connector.lower == "dn" && connector.has_dot));
    if (date_at(c, pos, line.end, &d.value, &d.date_end) ||
        (has_connector && date_at(c, connector.after, line.end, &d.value, &d.date_end))) {
      d.rank = publish ? DateRank::Marker : DateRank::UpdateMarker;
      return d;
    }
  }
  if (date_only_line(c, line, &d.value, &d.date_end)) {
    d.rank = DateRank::DateOnly;
    d.date_end = line.end;  // nothing of a title follows on a date-only line
    return d;
  }
  DateLine dl;
  if (dateline(c, line, &dl)) {
    dl.rank = DateRank::Dateline;
    return dl;
  }
  return d;
}

// --- Section: the title ---

bool is_time_zone(std::string_view word) {
  return is_one_of(std::string(word), {"GMT", "UTC", "CET", "CEST", "EET", "EEST", "BST", "WET",
                                       "WEST", "MSK", "EST", "EDT", "CST", "CDT", "PST", "PDT"});
}

// Where a title starts after the date of a marker line: past separators, a clock time
// ("10:30", "at 10:30", "o godz. 10:30") and a time zone ("GMT"). Returns line_end when the
// rest is a credit ("| Autor: Jan Kowalski") rather than a title.
size_t title_start_after(const Context& c, size_t pos, size_t line_end) {
  for (;;) {
    pos = skip_spaces(c.text, pos, line_end);
    if (pos >= line_end) return line_end;
    size_t len = 0;
    if (is_separator_at(c.text, pos, &len)) {
      pos += len;
      continue;
    }
    const size_t k = first_entity_from(c, pos);
    if (k < c.entities.size() && c.entities[k]->begin_byte == pos &&
        c.entities[k]->label == "TIME" && c.entities[k]->end_byte <= line_end) {
      pos = c.entities[k]->end_byte;
      continue;
    }
    const size_t t = first_token_from(c, pos);
    if (t < c.tokens.size() && c.tokens[t].begin_byte == pos) {
      const Token& tok = c.tokens[t];
      const std::string_view word = c.text.substr(pos, tok.end_byte - pos);
      const size_t next = t + 1 < c.tokens.size() ? c.tokens[t + 1].begin_byte : line_end;
      const size_t j = first_entity_from(c, next);
      const bool time_follows = j < c.entities.size() && c.entities[j]->begin_byte == next &&
                                c.entities[j]->label == "TIME";
      if (time_follows && (word == "at" || word == "o")) {
        pos = tok.end_byte;
        continue;
      }
      if (is_time_zone(word)) {
        pos = tok.end_byte;
        continue;
      }
    }
    const LeadingWord w = leading_word(c.text, pos, line_end);
    if (is_credit_marker(w.lower) && (w.has_dot || w.has_colon)) return line_end;
    return pos;
  }
}

// --- Section: the source line ---

bool url_only_line(const Context& c, const Line& line) {
  bool any = false;
  for (size_t t = first_token_from(c, line.begin);
       t < c.tokens.size() && c.tokens[t].begin_byte < line.end; ++t) {
    if (c.tokens[t].kind == TokenKind::Url) {
      any = true;
    } else if (!is_separator_token(c.text, c.tokens[t])) {
      return false;
    }
  }
  return any;
}

std::string source_of(const Context& c, const std::vector<Line>& lines, size_t title_line) {
  size_t skipped = 0;
  for (size_t i = lines.size(); i-- > title_line + 1;) {
    const Line& line = lines[i];
    const LeadingWord w = leading_word(c.text, line.begin, line.end);
    if (is_credit_marker(w.lower) && (w.has_dot || w.has_colon)) {
      if (++skipped > kMaxCreditLines) return "";
      continue;
    }
    if (is_source_marker(w.lower) && w.has_colon && w.after < line.end) {
      return std::string(c.text.substr(w.after, line.end - w.after));
    }
    if (url_only_line(c, line)) return std::string(c.text.substr(line.begin, line.end - line.begin));
    return "";
  }
  return "";
}

// A paste without a headline opens with its lead paragraph, which makes a poor title (a
// header of four lines over the same text, messages cut off): a line of more than one
// sentence gives its first sentence, and a title longer than kMaxLeadTitle code points is
// cut at a word before it, with "…". Headlines are one sentence and shorter (the longest in
// the fixtures: 121).
constexpr size_t kMaxLeadTitle = 160;

std::string title_of_line(const Context& c, size_t begin, size_t end) {
  size_t cut = end;
  // The sentences of the line's first 4 KB: a first sentence longer than that is cut by
  // length anyway (a text pasted as one line of megabytes is not split whole).
  const size_t window = std::min(end, begin + 4096);
  std::vector<Token> line_tokens;
  for (size_t k = first_token_from(c, begin); k < c.tokens.size() && c.tokens[k].end_byte <= window; ++k) {
    line_tokens.push_back(c.tokens[k]);
  }
  const std::vector<Sentence> sentences = split_sentences(c.text, line_tokens);
  if (sentences.size() > 1) cut = sentences[0].end_byte;
  std::string_view title = c.text.substr(begin, cut - begin);
  size_t count = 0, at = 0, last_space = std::string_view::npos, len = 0;
  for (; at < title.size() && count < kMaxLeadTitle; at += len, ++count) {
    if (is_space(decode_utf8(title, at, &len))) last_space = at;
  }
  if (at >= title.size()) return std::string(title);
  // Longer: up to the last space before the limit (or the limit itself in a word that long).
  size_t keep = last_space != std::string_view::npos && last_space > 0 ? last_space : at;
  while (keep > 0 && (is_space(static_cast<unsigned char>(title[keep - 1])) || title[keep - 1] == ',')) --keep;
  return std::string(title.substr(0, keep)) + "\xE2\x80\xA6";  // "…"
}

}  // namespace

// --- Section: compute_article_info ---

ArticleInfo compute_article_info(std::string_view text, const std::vector<Token>& tokens,
                                 const std::vector<Entity>& entities) {
  ArticleInfo info;
  Context c{text, tokens, {}};
  for (const Entity& e : entities) {
    if (e.status != ReviewStatus::Rejected && e.end_byte <= text.size()) c.entities.push_back(&e);
  }
  std::stable_sort(c.entities.begin(), c.entities.end(),
                   [](const Entity* a, const Entity* b) { return a->begin_byte < b->begin_byte; });

  const std::vector<Line> lines = non_empty_lines(text);
  std::vector<DateLine> dated;
  dated.reserve(lines.size());
  for (const Line& line : lines) dated.push_back(date_line(c, line));

  // Date: the best-ranked date line in the window that has a date, the first of equal rank.
  DateRank best = DateRank::None;
  std::string agency;
  for (size_t i = 0; i < lines.size() && i < kDateLineWindow; ++i) {
    if (dated[i].rank == DateRank::Dateline && agency.empty()) agency = dated[i].agency;
    if (dated[i].rank < best && !dated[i].value.empty()) {
      best = dated[i].rank;
      info.date = dated[i].value;
    }
  }

  // Title: the first line that is more than a date line.
  size_t title_line = 0;
  bool has_title = false;
  for (size_t i = 0; i < lines.size() && !has_title; ++i) {
    size_t begin = lines[i].begin;
    if (dated[i].rank == DateRank::DateOnly) continue;
    // A dateline alone on its line is no title; one that opens the first paragraph is left
    // out of the title that paragraph gives.
    if (dated[i].rank == DateRank::Dateline && !dated[i].has_rest) continue;
    if (dated[i].rank == DateRank::Dateline) {
      begin = dated[i].rest_begin;
    } else if (dated[i].rank != DateRank::None) {
      begin = title_start_after(c, dated[i].date_end, lines[i].end);
    }
    if (begin >= lines[i].end) continue;
    info.title = title_of_line(c, begin, lines[i].end);
    title_line = i;
    has_title = true;
  }
  if (!has_title && !lines.empty()) {
    info.title = std::string(text.substr(lines[0].begin, lines[0].end - lines[0].begin));
  }

  if (has_title) info.source = source_of(c, lines, title_line);
  if (info.source.empty()) info.source = agency;

  // URLs: entities and tokens, in text order, each once.
  std::vector<std::pair<size_t, std::string_view>> found;
  for (const Entity* e : c.entities) {
    if (e->label == "URL") found.emplace_back(e->begin_byte, text.substr(e->begin_byte, e->end_byte - e->begin_byte));
  }
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::Url) {
      found.emplace_back(t.begin_byte, text.substr(t.begin_byte, t.end_byte - t.begin_byte));
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::set<std::string_view> seen;
  for (const auto& f : found) {
    if (seen.insert(f.second).second) info.urls.emplace_back(f.second);
  }

  for (const Token& t : tokens) {
    info.word_count += t.kind == TokenKind::Word || t.kind == TokenKind::Number;
  }
  info.reading_minutes = (info.word_count + kWordsPerMinute - 1) / kWordsPerMinute;
  return info;
}

ArticleInfo compute_article_info(const Document& doc) {
  return compute_article_info(doc.text, tokenize(doc.text), doc.entities);
}

}  // namespace glosa
