// Resolution of relative and underspecified DATE values against the article date (see
// date_resolution.h and docs/RULES.md, "Resolving dates"). Layer: engine/article.
//
// Method: an anchor at month or year precision stands for every day it covers. Each value
// form is a function of one anchor day to a span of days; the answer is the union of those
// spans over all anchor days, written at the form's precision (capped by the anchor's for
// offsets). So "-P1W" against "2022-11" is [2022-10-25, 2022-11-23] -> "2022-10/2022-11",
// and against "2022-11-28" exactly "2022-11-21". At most 366 anchor days: cheap.
#include "engine/article/date_resolution.h"

#include <algorithm>
#include <string>
#include <vector>

#include "engine/article/calendar.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa {

namespace {

// --- Section: value forms ---

enum class Form : uint8_t {
  Offset,     // [-]P<n><D|W|M|Y>
  Weekday,    // [-+]XXXX-WXX-<1..7|WE>
  NoYear,     // XXXX-MM, XXXX-MM-DD, or an interval of two of them
};

struct Plan {
  Form form = Form::Offset;
  int sign = 1;        // Offset: -1 past, +1 future
  int count = 0;       // Offset: n >= 0
  char unit = 'D';     // Offset: D W M Y
  int weekday = 0;     // Weekday: 1..7, 0 = the weekend (Saturday and Sunday)
  int direction = 0;   // Weekday: 0 bare (latest on or before), -1 strictly before, +1 after
  CalendarDate start;  // NoYear: month (and day) with year 0
  CalendarDate end;    // NoYear: the end of an interval; equal to start for one date
  DatePrecision precision = DatePrecision::Day;  // of the answer
};

constexpr int kMaxCount = 9999;  // counts beyond any calendar use are refused

bool parse_count(std::string_view s, int* out) {
  if (s.empty() || s.size() > 4) return false;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  *out = n;
  return n <= kMaxCount;
}

// "XXXX-MM" or "XXXX-MM-DD" -> a date with year 0 (the month and day checked in a leap
// year, so "XXXX-02-29" is accepted here and checked again in the chosen year).
bool parse_no_year(std::string_view s, CalendarDate* out) {
  if (s.size() < 7 || s.substr(0, 5) != "XXXX-" || s[5] == 'W') return false;
  CalendarDate d;
  if (!parse_calendar_date(std::string("2000") + std::string(s.substr(4)), &d)) return false;
  d.year = 0;
  *out = d;
  return true;
}

// Recognises the value forms that resolution handles; false for everything else
// (absolute dates, centuries, decades, unknown counts "-PXD", TIME's "-PT1H").
bool make_plan(std::string_view value, Plan* plan) {
  Plan p;
  std::string_view v = value;
  // Offsets: "-P1W", "P0Y", "P2D".
  {
    std::string_view o = v;
    int sign = 1;
    if (!o.empty() && o[0] == '-') {
      sign = -1;
      o.remove_prefix(1);
    }
    if (o.size() >= 3 && o[0] == 'P' && o[1] != 'T') {
      const char unit = o.back();
      if (unit != 'D' && unit != 'W' && unit != 'M' && unit != 'Y') return false;
      if (!parse_count(o.substr(1, o.size() - 2), &p.count)) return false;
      p.form = Form::Offset;
      p.sign = sign;
      p.unit = unit;
      p.precision = unit == 'Y'   ? DatePrecision::Year
                    : unit == 'M' ? DatePrecision::Month
                                  : DatePrecision::Day;
      *plan = p;
      return true;
    }
  }
  // Weekdays: "XXXX-WXX-1", "-XXXX-WXX-5", "+XXXX-WXX-WE".
  {
    std::string_view w = v;
    int direction = 0;
    if (!w.empty() && (w[0] == '-' || w[0] == '+')) {
      direction = w[0] == '-' ? -1 : 1;
      w.remove_prefix(1);
    }
    if (w.substr(0, 9) == "XXXX-WXX-") {
      const std::string_view day = w.substr(9);
      if (day == "WE") {
        p.weekday = 0;
      } else if (day.size() == 1 && day[0] >= '1' && day[0] <= '7') {
        p.weekday = day[0] - '0';
      } else {
        return false;
      }
      p.form = Form::Weekday;
      p.direction = direction;
      p.precision = DatePrecision::Day;
      *plan = p;
      return true;
    }
  }
  // A month or day without a year, or an interval of two.
  const size_t slash = v.find('/');
  const std::string_view first = v.substr(0, slash);
  const std::string_view second = slash == std::string_view::npos ? first : v.substr(slash + 1);
  if (!parse_no_year(first, &p.start) || !parse_no_year(second, &p.end)) return false;
  if (p.start.precision != p.end.precision) return false;
  p.form = Form::NoYear;
  p.precision = p.start.precision;
  *plan = p;
  return true;
}

// --- Section: one anchor day ---

struct DaySpan {
  int64_t first = 0;
  int64_t last = 0;
};

const int64_t kFirstDay = day_number(1, 1, 1);
const int64_t kLastDay = day_number(9999, 12, 31);

// The year-less date `part` placed in `year`; false when that day does not exist there.
bool place(const CalendarDate& part, int year, DaySpan* span) {
  if (year < 1 || year > 9999) return false;
  CalendarDate d = part;
  d.year = year;
  if (d.precision == DatePrecision::Day && d.day > days_in_month(year, d.month)) return false;
  span->first = first_day_of(d);
  span->last = last_day_of(d);
  return true;
}

// `year_offset` (may be null): the year was given by a following "ubiegłego roku" etc.
bool resolve_for_day(const Plan& p, int64_t day, const int* year_offset, DaySpan* out) {
  const CalendarDate a = date_of_day_number(day);
  const int weekday = iso_weekday(day);
  switch (p.form) {
    case Form::Offset: {
      const int n = p.sign * p.count;
      if (p.unit == 'D') {
        out->first = out->last = day + n;
      } else if (p.unit == 'W' && p.count == 0) {  // "w tym tygodniu": Monday..Sunday
        out->first = day - (weekday - 1);
        out->last = out->first + 6;
      } else if (p.unit == 'W') {
        out->first = out->last = day + 7 * static_cast<int64_t>(n);
      } else if (p.unit == 'M') {
        const int64_t months = static_cast<int64_t>(a.year) * 12 + (a.month - 1) + n;
        if (months < 12 || months > 9999 * 12 + 11) return false;
        CalendarDate m;
        m.year = static_cast<int>(months / 12);
        m.month = static_cast<int>(months % 12) + 1;
        m.precision = DatePrecision::Month;
        out->first = first_day_of(m);
        out->last = last_day_of(m);
      } else {  // 'Y'
        const int year = a.year + n;
        if (year < 1 || year > 9999) return false;
        CalendarDate y;
        y.year = year;
        out->first = first_day_of(y);
        out->last = last_day_of(y);
      }
      break;
    }
    case Form::Weekday: {
      // The weekend is found by its Saturday (6): bare = the latest Saturday on or before
      // the day (on a Sunday: yesterday); "-" = the weekend whose Sunday is before the day.
      const int target = p.weekday == 0 ? (p.direction == -1 ? 7 : 6) : p.weekday;
      int64_t hit = 0;
      if (p.direction == 1) {
        int k = (target - weekday + 7) % 7;
        hit = day + (k == 0 ? 7 : k);
      } else {
        int k = (weekday - target + 7) % 7;
        if (p.direction == -1 && k == 0) k = 7;
        hit = day - k;
      }
      if (p.weekday == 0) {
        out->first = target == 7 ? hit - 1 : hit;
        out->last = out->first + 1;
      } else {
        out->first = out->last = hit;
      }
      break;
    }
    case Form::NoYear: {
      int year = a.year;
      if (year_offset) {
        year += *year_offset;
      } else {
        // The latest occurrence whose month is not after the month following the article's:
        // ten months back to one ahead ("w kwietniu ruszą prace" in a March article).
        const int ahead = p.start.month - a.month;  // -11..11
        if (ahead > 1) year -= 1;
        if (ahead < -10) year += 1;  // a December article's "w styczniu"
      }
      DaySpan s;
      DaySpan e;
      if (!place(p.start, year, &s)) return false;
      if (!place(p.end, year, &e)) return false;
      if (e.last < s.first && !place(p.end, year + 1, &e)) return false;  // "30.12–2.01"
      out->first = s.first;
      out->last = e.last;
      break;
    }
  }
  return out->first >= kFirstDay && out->last <= kLastDay;
}

std::string resolve_plan(const Plan& p, const CalendarDate& anchor, const int* year_offset) {
  if (p.form == Form::Weekday && anchor.precision != DatePrecision::Day) return "";
  DatePrecision precision = p.precision;
  if (p.form == Form::Offset) precision = std::min(precision, anchor.precision);
  DaySpan all;
  bool any = false;
  for (int64_t day = first_day_of(anchor); day <= last_day_of(anchor); ++day) {
    DaySpan s;
    if (!resolve_for_day(p, day, year_offset, &s)) return "";  // not for every anchor day
    all.first = any ? std::min(all.first, s.first) : s.first;
    all.last = any ? std::max(all.last, s.last) : s.last;
    any = true;
  }
  if (!any) return "";
  const std::string first = format_calendar_date(truncate_day(all.first, precision));
  const std::string last = format_calendar_date(truncate_day(all.last, precision));
  return first == last ? first : first + "/" + last;
}

// The count of a year offset value ("-P1Y" -> -1, "P0Y" -> 0); false for other values.
bool year_offset_of(std::string_view value, int* offset) {
  Plan p;
  if (!make_plan(value, &p) || p.form != Form::Offset || p.unit != 'Y') return false;
  *offset = p.sign * p.count;
  return true;
}

// A quarter or half without its year ("XXXX-Q3", "XXXX-H1"): sets *kind ('Q' or 'H') and
// *n; false for any other value.
bool yearless_period(std::string_view value, char* kind, int* n) {
  if (value.size() != 7 || value.substr(0, 5) != "XXXX-") return false;
  *kind = value[5];
  *n = value[6] - '0';
  return (*kind == 'Q' && *n >= 1 && *n <= 4) || (*kind == 'H' && (*n == 1 || *n == 2));
}

// "XXXX-Q3" against an anchor: the anchor's year (or the year a following "last year" names).
std::string resolve_period(char kind, int n, const CalendarDate& anchor, const int* year_offset) {
  const int year = anchor.year + (year_offset ? *year_offset : 0);
  if (year < 1 || year > 9999) return "";
  CalendarDate y;
  y.year = year;
  return format_calendar_date(y) + "-" + kind + static_cast<char>('0' + n);
}

// Words before a bare weekday, in its sentence, that put it ahead of the article's day:
// "Siemens said it would publish details on Monday", "głosowanie odbędzie się w piątek".
// Polish also looks at the three words after it ("W poniedziałek odbędzie się głosowanie").
bool is_future_word(std::string_view w, std::string_view lang) {
  static const std::string_view kEnglish[] = {"will", "would", "shall", "'ll", "won't", "wo", "deadline"};
  // Polish: "będzie" and the perfective verbs of news plans, whose present form is a future
  // ("W piątek ruszy sprzedaż", "podpisze umowę w czwartek"); not "powstanie", which is
  // also the noun "uprising".
  static const std::string_view kPolish[] = {
      "będzie",    "będą",      "zostanie",   "zostaną",    "odbędzie",   "odbędą",      "rozpocznie",
      "rozpoczną", "zakończy",  "zakończą",   "ruszy",      "ruszą",      "wejdzie",     "wejdą",
      "podpisze",  "podpiszą",  "zapłaci",    "zapłacą",    "otworzy",    "otworzą",     "ogłosi",
      "ogłoszą",   "przedstawi", "przedstawią", "spotka",   "spotkają",   "zbierze",     "zbiorą",
      "wybierze",  "wybiorą",   "zagłosuje",  "zagłosują",  "wystartuje", "wystartują",  "trafi",
      "trafią",    "wróci",     "wrócą",      "zdecyduje",  "zdecydują",  "przyjedzie",  "przyjadą",
      "odwiedzi",  "odwiedzą",  "zacznie",    "zaczną",     "skończy",    "skończą",     "otrzyma",
      "otrzymają", "zaplanowano", "zaplanowany", "zaplanowane", "zaplanowana", "planowany", "planowane",
      "planowana"};
  if (lang != "pl") {
    for (std::string_view f : kEnglish) if (w == f) return true;
  }
  if (lang != "en") {
    for (std::string_view f : kPolish) if (w == f) return true;
  }
  return false;
}

// The words of the weekday's own clause before it (back to a comma, semicolon, colon,
// bracket, dash or sentence end; at most eight), and for Polish the three after it: a
// future word among them puts the weekday ahead. "Siemens will pay $42, a premium to the
// closing price on Thursday" keeps last Thursday (the comma ends the clause).
bool future_context(std::string_view text, std::string_view lang, size_t begin, size_t end) {
  auto is_boundary = [](char32_t c) {
    return c == '.' || c == '!' || c == '?' || c == '\n' || c == ',' || c == ';' || c == ':' || c == '(' ||
           c == ')' || c == 0x2013 || c == 0x2014;
  };
  std::vector<std::string> words;
  // Backwards, word by word.
  size_t pos = begin;
  std::string word;
  while (pos > 0 && words.size() < 8) {
    size_t p = pos - 1;
    while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xc0) == 0x80) --p;
    size_t len = 0;
    const char32_t c = decode_utf8(text, p, &len);
    if (is_letter(c) || c == '\'') {
      word.insert(0, text.substr(p, len));
    } else {
      if (!word.empty()) words.push_back(to_lower(word));
      word.clear();
      if (is_boundary(c)) break;
    }
    pos = p;
  }
  if (!word.empty() && words.size() < 8) words.push_back(to_lower(word));
  if (lang == "pl") {
    size_t i = end;
    size_t after = 0;
    word.clear();
    while (i < text.size() && after < 3) {
      size_t len = 0;
      const char32_t c = decode_utf8(text, i, &len);
      if (is_letter(c)) {
        word += std::string(text.substr(i, len));
      } else {
        if (!word.empty()) { words.push_back(to_lower(word)); ++after; }
        word.clear();
        if (is_boundary(c)) break;
      }
      i += len;
    }
    if (!word.empty() && after < 3) words.push_back(to_lower(word));
  }
  for (const std::string& w : words) if (is_future_word(w, lang)) return true;
  // English deadlines: "gave the companies until August 15 to reach an agreement".
  if (lang != "pl") {
    const bool until = std::any_of(words.begin(), words.end(), [](const std::string& w) { return w == "until" || w == "till"; });
    if (until && text.substr(end, 4) == " to ") return true;
  }
  return false;
}

bool only_spaces(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t len = 0;
    if (!is_space(decode_utf8(text, pos, &len))) return false;
    pos += len;
  }
  return true;
}

}  // namespace

// --- Section: public API ---

std::string resolve_date_value(std::string_view value, std::string_view anchor) {
  CalendarDate a;
  Plan p;
  char kind = 0;
  int n = 0;
  if (!parse_calendar_date(anchor, &a)) return "";
  if (yearless_period(value, &kind, &n)) return resolve_period(kind, n, a, nullptr);
  if (!make_plan(value, &p)) return "";
  return resolve_plan(p, a, nullptr);
}

Result<size_t> resolve_dates(Document& doc, std::string_view anchor) {
  CalendarDate a;
  const bool has_anchor = !anchor.empty();
  if (has_anchor && !parse_calendar_date(anchor, &a)) {
    return Status(ErrorCode::BadArgument,
                  "article date \"" + std::string(anchor) +
                      "\" is not an ISO 8601 date; expected YYYY, YYYY-MM or YYYY-MM-DD");
  }
  size_t count = 0;
  std::vector<Entity>& es = doc.entities;
  for (size_t i = 0; i < es.size(); ++i) {
    Entity& e = es[i];
    if (e.label != "DATE") continue;
    e.resolved.clear();
    if (!has_anchor) continue;
    int offset = 0;
    const bool year_after =
        i + 1 < es.size() && es[i + 1].label == "DATE" && es[i + 1].begin_byte >= e.end_byte &&
        year_offset_of(es[i + 1].value, &offset) &&
        only_spaces(std::string_view(doc.text).substr(e.end_byte, es[i + 1].begin_byte - e.end_byte));
    char kind = 0;
    int n = 0;
    if (yearless_period(e.value, &kind, &n)) {
      e.resolved = resolve_period(kind, n, a, year_after ? &offset : nullptr);
      count += !e.resolved.empty();
      continue;
    }
    Plan p;
    if (!make_plan(e.value, &p)) continue;
    if (p.form == Form::Weekday && p.direction == 0 &&
        future_context(doc.text, doc.lang, e.begin_byte, e.end_byte)) {
      p.direction = 1;
    }
    bool has_year_after = p.form == Form::NoYear && year_after;
    // A month or day without a year in a sentence about the future is ahead: from the
    // article's month on ("until August 15 to reach" in June: this August, not last).
    if (p.form == Form::NoYear && !has_year_after && a.month > 0 &&
        future_context(doc.text, doc.lang, e.begin_byte, e.end_byte)) {
      offset = p.start.month < a.month ? 1 : 0;
      has_year_after = true;
    }
    e.resolved = resolve_plan(p, a, has_year_after ? &offset : nullptr);
    count += !e.resolved.empty();
  }
  return count;
}

}  // namespace glosa
