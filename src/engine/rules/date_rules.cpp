// DATE and TIME rules (see date_rules.h and docs/RULES.md). Layer: engine/rules.
//
// Index: word tables · helpers · absolute dates · months, years, weekdays · relative
// dates · times.
#include "engine/rules/date_rules.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "engine/rules/money_rules.h"
#include "engine/rules/quantity_rules.h"

namespace glosa::rules {

namespace {

// --- Section: word tables ---

enum class Case : uint8_t { Nominative, Genitive, Other };

struct MonthForm {
  std::string_view form;
  int month;
  Case grammatical_case;
};

// Every case form of the twelve Polish months (singular). Nominative doubles as accusative.
constexpr MonthForm kPolishMonths[] = {
    {"styczeń", 1, Case::Nominative}, {"stycznia", 1, Case::Genitive},
    {"styczniowi", 1, Case::Other},   {"styczniem", 1, Case::Other},
    {"styczniu", 1, Case::Other},
    {"luty", 2, Case::Nominative},    {"lutego", 2, Case::Genitive},
    {"lutemu", 2, Case::Other},       {"lutym", 2, Case::Other},
    {"marzec", 3, Case::Nominative},  {"marca", 3, Case::Genitive},
    {"marcowi", 3, Case::Other},      {"marcem", 3, Case::Other},
    {"marcu", 3, Case::Other},
    {"kwiecień", 4, Case::Nominative}, {"kwietnia", 4, Case::Genitive},
    {"kwietniowi", 4, Case::Other},   {"kwietniem", 4, Case::Other},
    {"kwietniu", 4, Case::Other},
    {"maj", 5, Case::Nominative},     {"maja", 5, Case::Genitive},
    {"majowi", 5, Case::Other},       {"majem", 5, Case::Other},
    {"maju", 5, Case::Other},
    {"czerwiec", 6, Case::Nominative}, {"czerwca", 6, Case::Genitive},
    {"czerwcowi", 6, Case::Other},    {"czerwcem", 6, Case::Other},
    {"czerwcu", 6, Case::Other},
    {"lipiec", 7, Case::Nominative},  {"lipca", 7, Case::Genitive},
    {"lipcowi", 7, Case::Other},      {"lipcem", 7, Case::Other},
    {"lipcu", 7, Case::Other},
    {"sierpień", 8, Case::Nominative}, {"sierpnia", 8, Case::Genitive},
    {"sierpniowi", 8, Case::Other},   {"sierpniem", 8, Case::Other},
    {"sierpniu", 8, Case::Other},
    {"wrzesień", 9, Case::Nominative}, {"września", 9, Case::Genitive},
    {"wrześniowi", 9, Case::Other},   {"wrześniem", 9, Case::Other},
    {"wrześniu", 9, Case::Other},
    {"październik", 10, Case::Nominative}, {"października", 10, Case::Genitive},
    {"październikowi", 10, Case::Other}, {"październikiem", 10, Case::Other},
    {"październiku", 10, Case::Other},
    {"listopad", 11, Case::Nominative}, {"listopada", 11, Case::Genitive},
    {"listopadowi", 11, Case::Other}, {"listopadem", 11, Case::Other},
    {"listopadzie", 11, Case::Other},
    {"grudzień", 12, Case::Nominative}, {"grudnia", 12, Case::Genitive},
    {"grudniowi", 12, Case::Other},   {"grudniem", 12, Case::Other},
    {"grudniu", 12, Case::Other},
};

struct EnglishMonth {
  std::string_view name;
  std::string_view abbreviation;
  std::string_view abbreviation2;
};

constexpr EnglishMonth kEnglishMonths[] = {
    {"january", "jan", ""},   {"february", "feb", ""}, {"march", "mar", ""},
    {"april", "apr", ""},     {"may", "", ""},         {"june", "jun", ""},
    {"july", "jul", ""},      {"august", "aug", ""},   {"september", "sep", "sept"},
    {"october", "oct", ""},   {"november", "nov", ""}, {"december", "dec", ""},
};

struct WeekdayForm {
  std::string_view form;
  int day;  // ISO: Monday = 1
};

// Singular case forms only: plurals ("w poniedziałki") are recurring sets, not dates.
constexpr WeekdayForm kPolishWeekdays[] = {
    {"poniedziałek", 1}, {"poniedziałku", 1}, {"poniedziałkiem", 1}, {"poniedziałkowi", 1},
    {"wtorek", 2},       {"wtorku", 2},       {"wtorkiem", 2},       {"wtorkowi", 2},
    {"środa", 3},        {"środy", 3},        {"środę", 3},          {"środzie", 3},
    {"środą", 3},
    {"czwartek", 4},     {"czwartku", 4},     {"czwartkiem", 4},     {"czwartkowi", 4},
    {"piątek", 5},       {"piątku", 5},       {"piątkiem", 5},       {"piątkowi", 5},
    {"sobota", 6},       {"soboty", 6},       {"sobotę", 6},         {"sobocie", 6},
    {"sobotą", 6},
    {"niedziela", 7},    {"niedzieli", 7},    {"niedzielę", 7},      {"niedzielą", 7},
    // Day 0 is the weekend (TIMEX "WE"); alone it needs a preposition or a modifier.
    {"weekend", 0},      {"weekendu", 0},     {"weekendem", 0},      {"weekendzie", 0},
};

constexpr std::string_view kEnglishWeekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                                 "friday", "saturday", "sunday"};

// Offset units: 'D' day, 'W' week, 'M' month, 'Y' year.
struct UnitForm {
  std::string_view form;
  char unit;
  bool is_plural;  // a plural form without a number means "some" ("lata temu")
};

constexpr UnitForm kPolishUnits[] = {
    {"dzień", 'D', false},    {"dnia", 'D', false},      {"dniu", 'D', false},
    {"dniem", 'D', false},    {"dni", 'D', true},        {"dniach", 'D', true},
    {"dniami", 'D', true},    {"doby", 'D', true},       {"dób", 'D', true},
    {"tydzień", 'W', false},  {"tygodnia", 'W', false},  {"tygodniu", 'W', false},
    {"tygodniem", 'W', false}, {"tygodnie", 'W', true},  {"tygodni", 'W', true},
    {"tygodniami", 'W', true},
    {"miesiąc", 'M', false},  {"miesiąca", 'M', false},  {"miesiącu", 'M', false},
    {"miesiącem", 'M', false}, {"miesiące", 'M', true},  {"miesięcy", 'M', true},
    {"miesiącami", 'M', true},
    {"rok", 'Y', false},      {"roku", 'Y', false},      {"rokiem", 'Y', false},
    {"lata", 'Y', true},      {"lat", 'Y', true},        {"latami", 'Y', true},
    {"laty", 'Y', true},
    // Hours ('h') and minutes ('n') make TIME offsets: "godzinę temu" = "-PT1H".
    {"godzina", 'h', false},  {"godzinę", 'h', false},   {"godziną", 'h', false},
    {"godziny", 'h', true},   {"godzin", 'h', true},     {"godzinami", 'h', true},
    {"minuta", 'n', false},   {"minutę", 'n', false},    {"minutą", 'n', false},
    {"minuty", 'n', true},    {"minut", 'n', true},      {"minutami", 'n', true},
};

constexpr UnitForm kEnglishUnits[] = {
    {"day", 'D', false},   {"days", 'D', true},   {"week", 'W', false},
    {"weeks", 'W', true},  {"month", 'M', false}, {"months", 'M', true},
    {"year", 'Y', false},  {"years", 'Y', true},  {"decade", 'X', false},
    {"hour", 'h', false},  {"hours", 'h', true},  {"minute", 'n', false},
    {"minutes", 'n', true},
};

// Polish adjectives that turn "rok"/"miesiąc"/"tydzień" into a relative date, with the
// offset they imply. Masculine forms (the three units are masculine).
struct Modifier {
  std::string_view form;
  int offset;
};

constexpr Modifier kPolishUnitModifiers[] = {
    {"zeszły", -1},      {"zeszłego", -1},    {"zeszłym", -1},      {"zeszłemu", -1},
    {"ubiegły", -1},     {"ubiegłego", -1},   {"ubiegłym", -1},     {"ubiegłemu", -1},
    {"miniony", -1},     {"minionego", -1},   {"minionym", -1},
    {"poprzedni", -1},   {"poprzedniego", -1}, {"poprzednim", -1},
    {"przeszły", -1},    {"przeszłego", -1},  {"przeszłym", -1},
    {"ten", 0},          {"tego", 0},         {"tym", 0},
    {"bieżący", 0},      {"bieżącego", 0},    {"bieżącym", 0},
    {"obecny", 0},       {"obecnego", 0},     {"obecnym", 0},
    {"przyszły", 1},     {"przyszłego", 1},   {"przyszłym", 1},     {"przyszłemu", 1},
    {"następny", 1},     {"następnego", 1},   {"następnym", 1},
    {"nadchodzący", 1},  {"nadchodzącego", 1}, {"nadchodzącym", 1},
};

// The same for weekdays (masculine and feminine accusative: "zeszły piątek", "zeszłą środę").
// +2 marks "this" (no direction).
constexpr Modifier kPolishWeekdayModifiers[] = {
    {"zeszły", -1},     {"zeszłą", -1},     {"ubiegły", -1},    {"ubiegłą", -1},
    {"miniony", -1},    {"minioną", -1},    {"ostatni", -1},    {"ostatnią", -1},
    {"przyszły", 1},    {"przyszłą", 1},    {"najbliższy", 1},  {"najbliższą", 1},
    {"nadchodzący", 1}, {"nadchodzącą", 1}, {"następny", 1},    {"następną", 1},
    {"ten", 2},         {"tę", 2},          {"tą", 2},
};

struct RelativeWord {
  std::string_view form;
  std::string_view value;
};

constexpr RelativeWord kRelativeWords[] = {
    {"wczoraj", "-P1D"}, {"przedwczoraj", "-P2D"}, {"dziś", "P0D"},     {"dzisiaj", "P0D"},
    {"jutro", "P1D"},    {"pojutrze", "P2D"},      {"yesterday", "-P1D"}, {"today", "P0D"},
    {"tomorrow", "P1D"},
};

// --- Section: helpers ---

std::string two_digits(uint64_t n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02u", static_cast<unsigned>(n % 100));
  return buf;
}

std::string four_digits(uint64_t n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04u", static_cast<unsigned>(n % 10000));
  return buf;
}

Match make(size_t first, size_t last, std::string value, const char* subtype,
           bool is_relative = false) {
  Match m;
  m.first = first;
  m.last = last;
  m.label = "DATE";
  m.value = std::move(value);
  m.subtype = subtype;
  m.is_relative = is_relative;
  return m;
}

// A lower-case Polish month/weekday word, or a capitalised one where a sentence starts
// (mid-sentence capitals are names: "Maja", "Środa Wielkopolska").
bool polish_case_ok(const TokenView& v, size_t i) {
  return !v.is_capitalized(i) || v.at_sentence_start(i);
}

// Polish month at token i; sets *month and *grammatical_case.
bool polish_month(const TokenView& v, size_t i, int* month, Case* grammatical_case) {
  static const WordIndex index =
      WordIndex::of(kPolishMonths, [](const MonthForm& m) { return m.form; });
  if (!v.polish() || !v.is_word(i) || v.has_dot(i)) return false;
  // The table first: it is cheaper than polish_case_ok and rules out almost every word.
  const MonthForm* f = find_form(v, i, kPolishMonths, index);
  if (!f || !polish_case_ok(v, i)) return false;
  *month = f->month;
  *grammatical_case = f->grammatical_case;
  return true;
}

// English month at token i, capitalised: full name, or an abbreviation with or without its
// dot ("Jan.", "Dec" "."). *end is one past the month (and its dot).
bool english_month(const TokenView& v, size_t i, int* month, bool* is_abbreviation,
                   size_t* end) {
  // Forms 3m, 3m+1 and 3m+2 are month m's name and abbreviations; no form is repeated.
  static const WordIndex index = [] {
    std::vector<std::string_view> forms;
    for (const EnglishMonth& e : kEnglishMonths) {
      forms.insert(forms.end(), {e.name, e.abbreviation, e.abbreviation2});
    }
    return WordIndex(forms);
  }();
  if (!v.english() || !v.is_word(i) || v.lower(i).empty()) return false;  // "" is a form
  const int k = v.find(i, index);
  if (k < 0 || !v.is_capitalized(i)) return false;
  const bool abbr = k % 3 != 0;
  if (!abbr && v.has_dot(i)) return false;  // a full name never takes the dot
  *month = k / 3 + 1;
  *is_abbreviation = abbr;
  *end = i + 1;
  if (abbr && !v.has_dot(i) && v.is_punct(i + 1, ".") && !v.space_before(i + 1)) *end = i + 2;
  return true;
}

bool day_number(const TokenView& v, size_t i, uint64_t* day) {
  if (v.is_number(i)) {
    std::string_view r = v.raw(i);
    return r.size() <= 2 && parse_uint(r, day) && *day >= 1 && *day <= 31;
  }
  // English ordinals "12th", "1st", "22nd", "3rd".
  if (!v.english() || !v.is_word(i)) return false;
  const std::string_view w = v.lower(i);
  if (w.size() < 3 || w.size() > 4) return false;
  const std::string_view suffix = std::string_view(w).substr(w.size() - 2);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return false;
  return parse_uint(std::string_view(w).substr(0, w.size() - 2), day) && *day >= 1 &&
         *day <= 31;
}

bool year_number(const TokenView& v, size_t i, uint64_t* year) {
  return v.is_number(i) && v.raw(i).size() == 4 && parse_uint(v.raw(i), year) &&
         *year >= 1000 && *year <= 2999;
}

// Polish "r."/"roku"/"rok" after a year: returns the end index (i when absent).
size_t skip_year_word(const TokenView& v, size_t i) {
  if (!v.polish()) return i;
  if (v.is_word(i) && v.lower(i) == "r") return i + 1;
  if (v.is_any(i, {"roku", "rok", "rokiem"})) return i + 1;
  return i;
}

// --- Section: absolute dates ---

// "25.11.2022", "25-11-2022", "25/11/2022", "2022-11-25", "2022-11" (tokens stuck together).
bool numeric_date(const TokenView& v, size_t i, Match* out) {
  if (!v.is_number(i)) return false;
  std::string_view r = v.raw(i);
  uint64_t a = 0, b = 0, c = 0;
  // One token "25.11.2022".
  {
    const size_t d1 = r.find('.');
    const size_t d2 = d1 == std::string_view::npos ? d1 : r.find('.', d1 + 1);
    if (d2 != std::string_view::npos && r.find('.', d2 + 1) == std::string_view::npos &&
        d1 >= 1 && d1 <= 2 && d2 - d1 - 1 >= 1 && d2 - d1 - 1 <= 2 && r.size() - d2 - 1 == 4 &&
        parse_uint(r.substr(0, d1), &a) && parse_uint(r.substr(d1 + 1, d2 - d1 - 1), &b) &&
        parse_uint(r.substr(d2 + 1), &c) && a >= 1 && a <= 31 && b >= 1 && b <= 12 &&
        c >= 1000 && c <= 2999) {
      *out = make(i, skip_year_word(v, i + 1),
                  four_digits(c) + "-" + two_digits(b) + "-" + two_digits(a), "date");
      return true;
    }
  }
  // Tokens glued by '-' or '/'.
  auto glued = [&](size_t k, std::string_view sep) {
    return v.is_punct(k, sep) && !v.space_before(k) && v.is_number(k + 1) &&
           !v.space_before(k + 1);
  };
  for (std::string_view sep : {std::string_view("-"), std::string_view("/")}) {
    if (!glued(i + 1, sep)) continue;
    std::string_view r2 = v.raw(i + 2);
    const bool three = glued(i + 3, sep);
    std::string_view r3 = three ? v.raw(i + 4) : std::string_view();
    // ISO: year-month[-day] (hyphen only).
    if (sep == "-" && r.size() == 4 && r2.size() == 2 && parse_uint(r, &a) &&
        parse_uint(r2, &b) && a >= 1000 && a <= 2999 && b >= 1 && b <= 12) {
      if (three && r3.size() == 2 && parse_uint(r3, &c) && c >= 1 && c <= 31) {
        *out = make(i, i + 5, four_digits(a) + "-" + two_digits(b) + "-" + two_digits(c),
                    "date");
        return true;
      }
      if (three) return false;
      *out = make(i, i + 3, four_digits(a) + "-" + two_digits(b), "month");
      return true;
    }
    // Day-month-year: "25-11-2022", "25/11/2022"; English slashes read month/day.
    if (three && r.size() <= 2 && r2.size() <= 2 && r3.size() == 4 && parse_uint(r, &a) &&
        parse_uint(r2, &b) && parse_uint(r3, &c) && c >= 1000 && c <= 2999) {
      uint64_t day = a, month = b;
      if (sep == "/" && a <= 12 && (b > 12 || v.lang() == "en")) std::swap(day, month);
      if (day < 1 || day > 31 || month < 1 || month > 12) return false;
      *out = make(i, skip_year_word(v, i + 5),
                  four_digits(c) + "-" + two_digits(month) + "-" + two_digits(day), "date");
      return true;
    }
  }
  return false;
}

// A year written with an apostrophe and two digits at token i: "Kobieta Roku '94", "Euro '96",
// "w maju '97" (two tokens, the apostrophe's and the number's). The century as POSIX
// strptime's %y reads it: 69-99 are 1969-1999, 00-68 2000-2068. Not inside a word or a
// number ("rock'n'roll", 5'10), nor a quoted number ('94'), nor the end of a quoted title
// ("Solidarności '80": part of a name).
bool apostrophe_year(const TokenView& v, size_t i, uint64_t* year) {
  const auto is_mark = [&](size_t k) {
    const std::string_view r = v.raw(k);
    return r == "'" || r == "\xE2\x80\x99" /*’*/ || r == "\"" || r == "\xE2\x80\x9D" /*”*/ ||
           r == "\xC2\xBB" /*»*/ || r == "''";
  };
  const std::string_view mark = v.raw(i);
  if (mark != "'" && mark != "\xE2\x80\x99") return false;
  if (i > 0 && !v.space_before(i)) return false;
  if (!v.is_number(i + 1) || v.space_before(i + 1) || v.raw(i + 1).size() != 2) return false;
  uint64_t yy = 0;
  if (!parse_uint(v.raw(i + 1), &yy)) return false;
  if (i + 2 < v.size() && (is_mark(i + 2) || (!v.space_before(i + 2) && (v.is_word(i + 2) || v.is_number(i + 2))))) {
    return false;
  }
  *year = yy >= 69 ? 1900 + yy : 2000 + yy;
  return true;
}

// Optional year after a month: "[,] 2022 [r.|roku]". Sets *year_text and returns the end.
size_t optional_year(const TokenView& v, size_t j, std::string* year_text) {
  uint64_t year = 0;
  size_t k = j;
  if (apostrophe_year(v, k, &year)) {  // "w maju '97"
    *year_text = four_digits(year);
    return k + 2;
  }
  if (v.english() && v.is_punct(k, ",") && year_number(v, k + 1, &year)) ++k;
  if (!year_number(v, k, &year)) return j;
  *year_text = four_digits(year);
  return skip_year_word(v, k + 1);
}

// "12 stycznia [2022] [r.]", "12 January [2022]", "12th of January", "dnia 12 stycznia".
bool day_month_date(const TokenView& v, size_t i, Match* out) {
  size_t k = i;
  if (v.polish() && v.is_any(k, {"dnia", "dniu"}) && !v.is_capitalized(k)) ++k;
  uint64_t day = 0;
  if (!day_number(v, k, &day)) return false;
  size_t j = k + 1;
  if (v.english() && v.is_any(j, {"of"}) && !v.is_number(k)) ++j;
  int month = 0;
  Case c = Case::Other;
  size_t month_end = 0;
  bool abbr = false;
  if (polish_month(v, j, &month, &c) && c == Case::Genitive) {
    month_end = j + 1;
  } else if (!english_month(v, j, &month, &abbr, &month_end)) {
    return false;
  }
  if (k != i && month_end == 0) return false;
  std::string year = "XXXX";
  const size_t end = optional_year(v, month_end, &year);
  *out = make(i, end, year + "-" + two_digits(static_cast<uint64_t>(month)) + "-" +
                          two_digits(day), "date");
  return true;
}

// English "January 12[, 2022]", "Jan. 12", "January 12th".
bool month_day_date(const TokenView& v, size_t i, Match* out) {
  int month = 0;
  bool abbr = false;
  size_t j = 0;
  if (!english_month(v, i, &month, &abbr, &j)) return false;
  uint64_t day = 0;
  if (!day_number(v, j, &day)) return false;
  // "January 12,2022" would be one number token; "January 2022" is month_year.
  std::string year = "XXXX";
  const size_t end = optional_year(v, j + 1, &year);
  *out = make(i, end, year + "-" + two_digits(static_cast<uint64_t>(month)) + "-" +
                          two_digits(day), "date");
  return true;
}

// Polish plural-noun endings after a number ("2000 domach", "2000 osób"): a count, not a
// year. Verbs and adverbs ("od 2014 trwa") rarely end this way.
bool looks_like_counted_noun(std::string_view w) {
  for (std::string_view end : {"ów", "ych", "ich", "ach", "ami", "om", "osób", "ludzi",
                               "dzieci", "lat", "razy", "sztuk", "km", "kg", "ton"}) {
    if (w.size() >= end.size() && w.compare(w.size() - end.size(), end.size(), end) == 0) {
      return true;
    }
  }
  return false;
}

bool is_range_dash(const TokenView& v, size_t i) {
  return v.is_punct(i, "-") || v.is_punct(i, "\xE2\x80\x93") || v.is_punct(i, "\xE2\x80\x94");
}

// Ranges: "12–14 stycznia [2022 r.]", "January 12-14[, 2022]", "2020–2022" (years).
// Value: an ISO 8601 interval "XXXX-01-12/XXXX-01-14", "2020/2022"; subtype "range".
bool range_date(const TokenView& v, size_t i, Match* out) {
  uint64_t d1 = 0, d2 = 0;
  // Years: both four digits, the second later.
  if (year_number(v, i, &d1) && is_range_dash(v, i + 1) && year_number(v, i + 2, &d2) &&
      d1 >= 1800 && d2 > d1 && d2 <= 2100) {
    const size_t end = skip_year_word(v, i + 3);
    // "1500-2000 zł", "1000–2000 osób": a range of amounts or counts, not of years.
    std::vector<Match> amounts;
    match_money(v, i + 2, &amounts);
    match_percent(v, i + 2, &amounts);
    match_quantity(v, i + 2, &amounts);
    const bool counted = end == i + 3 && v.is_word(end) && !v.is_capitalized(end) &&
                         looks_like_counted_noun(v.lower(end));
    if (amounts.empty() && !counted) {
      *out = make(i, end, four_digits(d1) + "/" + four_digits(d2), "range");
      return true;
    }
  }
  // Days, then the month after the second day.
  if (day_number(v, i, &d1) && v.is_number(i) && is_range_dash(v, i + 1) &&
      day_number(v, i + 2, &d2) && v.is_number(i + 2) && d2 > d1) {
    Match second;
    if (!day_month_date(v, i + 2, &second)) return false;
    const std::string tail = second.value.substr(0, second.value.size() - 2);  // "YYYY-MM-"
    *out = make(i, second.last, tail + two_digits(d1) + "/" + second.value, "range");
    return true;
  }
  // English "January 12-14".
  int month = 0;
  bool abbr = false;
  size_t j = 0;
  if (english_month(v, i, &month, &abbr, &j) && day_number(v, j, &d1) && v.is_number(j) &&
      is_range_dash(v, j + 1) && day_number(v, j + 2, &d2) && v.is_number(j + 2) && d2 > d1) {
    std::string year = "XXXX";
    const size_t end = optional_year(v, j + 3, &year);
    const std::string ym = year + "-" + two_digits(static_cast<uint64_t>(month)) + "-";
    *out = make(i, end, ym + two_digits(d1) + "/" + ym + two_digits(d2), "range");
    return true;
  }
  return false;
}

// --- Section: months, years, weekdays ---

// "styczeń 2022", "w styczniu 2022 r.", "January 2022", or a month alone: "w marcu",
// "in January" (span without the preposition).
bool month_date(const TokenView& v, size_t i, Match* out) {
  int month = 0;
  Case c = Case::Other;
  bool abbr = false;
  size_t j = 0;
  bool english = false;
  if (polish_month(v, i, &month, &c)) {
    j = i + 1;
  } else if (english_month(v, i, &month, &abbr, &j)) {
    english = true;
  } else {
    return false;
  }
  std::string year;
  const size_t end = optional_year(v, j, &year);
  if (!year.empty()) {
    *out = make(i, end, year + "-" + two_digits(static_cast<uint64_t>(month)), "month");
    return true;
  }
  // A capitalised genitive at a sentence start is a name ("Maja Kowalska"): the genitive
  // alone needs a preposition before it ("do marca").
  if (!english && c == Case::Genitive && v.is_capitalized(i)) return false;
  if (english) {
    if (abbr) return false;  // "Jan" alone is a name more often than a month
    // "May" and "March" are also a verb/modal: alone they need a preposition or modifier.
    if (month == 5 || month == 3) {
      if (i == 0 || !v.is_any(i - 1, {"in", "since", "until", "till", "by", "of", "early",
                                       "late", "mid", "last", "next", "this", "during",
                                       "from", "to", "before", "after", "through"})) {
        return false;
      }
    }
  }
  *out = make(i, j, "XXXX-" + two_digits(static_cast<uint64_t>(month)), "month");
  return true;
}

bool is_clause_word(const TokenView& v, size_t i) {
  return v.is_any(i, {"i", "oraz", "a", "lub", "albo", "czy", "ale", "gdy", "kiedy", "to",
                      "się", "zaś", "jednak", "już", "było", "był", "była", "były", "będzie",
                      "nie", "tylko", "również", "także", "and", "or", "but", "when", "the",
                      "was", "were", "is", "has", "had", "it", "he", "she", "they", "we",
                      "that", "this", "there", "as", "with", "after", "before", "alone"});
}

// Years: "2022 r.", "2022 roku", "roku 2022", "rok 2022", and a bare year after a
// preposition: "w 2022", "in 2022", "since 2014" (span is the year alone).
bool year_date(const TokenView& v, size_t i, Match* out) {
  uint64_t year = 0;
  if (v.polish() && v.is_any(i, {"rok", "roku", "rokiem"}) && year_number(v, i + 1, &year)) {
    *out = make(i, i + 2, four_digits(year), "year");
    return true;
  }
  // "2022r." written without a space is one word token "2022r" (and its dot).
  if (v.polish() && v.is_word(i) && v.lower(i).size() == 5 && v.lower(i)[4] == 'r' &&
      parse_uint(std::string_view(v.lower(i)).substr(0, 4), &year) && year >= 1000) {
    const size_t end = v.is_punct(i + 1, ".") && !v.space_before(i + 1) ? i + 2 : i + 1;
    *out = make(i, end, four_digits(year), "year");
    return true;
  }
  if (!year_number(v, i, &year)) return false;
  const size_t end = skip_year_word(v, i + 1);
  if (end > i + 1) {
    *out = make(i, end, four_digits(year), "year");
    return true;
  }
  if (year < 1900 || year > 2099 || i == 0) return false;
  // English: a year as a noun's modifier after an article or a possessive, "a 2021
  // injunction", "the 2016 election", "its 2019 report": a singular noun after it (not "the
  // 2000 people", a count).
  // A round hundred is more often a count in a compound ("a 2000 word essay").
  if (v.english() && year % 100 != 0 && v.is_any(i - 1, {"a", "an", "the", "its", "his", "her", "their", "our", "whose"}) &&
      v.is_word(i + 1) && !v.is_capitalized(i + 1)) {
    const std::string_view noun = v.lower(i + 1);
    // Counted things without a plural "s", and words no noun is.
    static const std::initializer_list<std::string_view> kNotModified = {
        "people", "men", "women", "children", "staff", "personnel", "police", "troops", "cattle",
        "of", "to", "for", "in", "on", "at", "by", "from", "with", "more", "other", "odd"};
    if (!noun.empty() && noun.back() != 's' && !is_clause_word(v, i + 1) &&
        std::find(kNotModified.begin(), kNotModified.end(), noun) == kNotModified.end()) {
      *out = make(i, i + 1, four_digits(year), "year");
      return true;
    }
  }
  const bool pl_prep = v.polish() && v.is_any(i - 1, {"w", "we", "od", "do", "z", "przed",
                                                      "po", "na", "około", "ok", "roku"});
  const bool en_prep = v.english() && v.is_any(i - 1, {"in", "since", "by", "until", "till",
                                                       "from", "to", "during", "of",
                                                       "before", "after", "through",
                                                       "around"});
  if (!pl_prep && !en_prep) return false;
  // "w 2000 domach", "in 2000 cases": a lower-case noun after the number makes it a count.
  const size_t n = i + 1;
  if (v.is_word(n) && !v.is_capitalized(n) && !is_clause_word(v, n)) {
    if (en_prep && !pl_prep) return false;
    if (looks_like_counted_noun(v.lower(n))) return false;
  }
  if (v.kind(n) == TokenKind::Symbol || v.is_number(n)) return false;
  *out = make(i, i + 1, four_digits(year), "year");
  return true;
}

// A year alone with an apostrophe (apostrophe_year): "Kobieta Roku '94".
bool apostrophe_year_date(const TokenView& v, size_t i, Match* out) {
  uint64_t year = 0;
  if (!apostrophe_year(v, i, &year)) return false;
  *out = make(i, i + 2, four_digits(year), "year");
  return true;
}

// Quarters and halves of a year: "the third quarter of 2025" (2025-Q3), "Q3 2025", "the
// first half of 2026" (2026-H1), "H1 2026", "w trzecim kwartale 2025 r.", "w III kw. 2025",
// "w pierwszym półroczu" (XXXX-H1). English keeps "the" in the span; a half needs its year
// in English ("the first half" of a match); a quarter does not.
int quarter_ordinal(const TokenView& v, size_t i) {
  if (v.english()) {
    if (v.is_any(i, {"first", "1st"})) return 1;
    if (v.is_any(i, {"second", "2nd"})) return 2;
    if (v.is_any(i, {"third", "3rd"})) return 3;
    if (v.is_any(i, {"fourth", "4th", "final"})) return 4;
  }
  if (v.polish()) {
    if (v.is_any(i, {"pierwszy", "pierwszego", "pierwszym", "pierwszemu"})) return 1;
    if (v.is_any(i, {"drugi", "drugiego", "drugim", "drugiemu"})) return 2;
    if (v.is_any(i, {"trzeci", "trzeciego", "trzecim", "trzeciemu"})) return 3;
    if (v.is_any(i, {"czwarty", "czwartego", "czwartym", "czwartemu"})) return 4;
    // Roman numerals, upper case only ("I kwartał"; a lower-case "i" is "and").
    const std::string_view r = v.raw(i);
    if (r == "I") return 1;
    if (r == "II") return 2;
    if (r == "III") return 3;
    if (r == "IV") return 4;
  }
  return 0;
}

bool quarter_date(const TokenView& v, size_t i, Match* out) {
  size_t j = i;
  char kind = 0;
  int n = 0;
  size_t end = 0;
  const std::string_view lower = v.lower(i);
  if (v.is_word(i) && lower.size() == 2 && (lower[0] == 'q' || lower[0] == 'h') && lower[1] >= '1' &&
      lower[1] <= (lower[0] == 'q' ? '4' : '2') && v.raw(i)[0] != lower[0]) {
    // "Q3", "H1" (upper case): a year may follow.
    kind = lower[0] == 'q' ? 'Q' : 'H';
    n = lower[1] - '0';
    end = i + 1;
  } else {
    if (v.english() && v.is_any(j, {"the"})) ++j;
    n = quarter_ordinal(v, j);
    if (n == 0) return false;
    const size_t noun = j + 1;
    if ((v.english() && v.is_any(noun, {"quarter"})) ||
        (v.polish() && v.is_any(noun, {"kwartał", "kwartału", "kwartale", "kwartałem", "kwartałowi"}))) {
      kind = 'Q';
    } else if (v.polish() && v.is_any(noun, {"kw"}) && v.has_dot(noun)) {
      kind = 'Q';
    } else if (v.polish() && v.is_word(noun) && v.is_punct(noun + 1, ".") && v.lower(noun) == "kw" &&
               !v.space_before(noun + 1)) {
      kind = 'Q';
      end = noun + 2;
    } else if ((v.english() && v.is_any(noun, {"half"})) ||
               (v.polish() && v.is_any(noun, {"półrocze", "półrocza", "półroczu", "półroczem"}))) {
      kind = 'H';
      if (n > 2) return false;
    } else {
      return false;
    }
    if (end == 0) end = noun + 1;
  }
  // The year: "of 2025", "2025", "2025 r.", "2025 roku".
  uint64_t year = 0;
  size_t y = end;
  if (v.english() && v.is_any(y, {"of"}) && year_number(v, y + 1, &year)) {
    end = y + 2;
  } else if (year_number(v, y, &year)) {
    end = skip_year_word(v, y + 1);
  } else {
    year = 0;
  }
  if (year == 0 && kind == 'H' && v.english()) return false;
  // "Q3" alone is too short to trust in running text without a year.
  if (year == 0 && end == i + 1) return false;
  const std::string period = std::string(1, kind) + static_cast<char>('0' + n);
  *out = make(i, end, (year ? four_digits(year) : std::string("XXXX")) + "-" + period,
              kind == 'Q' ? "quarter" : "half");
  return true;
}

// Value of an upper-case Roman numeral I..XXX, 0 otherwise.
int roman_value(std::string_view r) {
  if (r.empty() || r.size() > 6) return 0;
  int total = 0;
  int prev = 0;
  for (size_t k = r.size(); k-- > 0;) {
    const int d = r[k] == 'I' ? 1 : r[k] == 'V' ? 5 : r[k] == 'X' ? 10 : 0;
    if (d == 0) return 0;
    total += d < prev ? -d : d;
    if (d > prev) prev = d;
  }
  return total > 0 && total <= 30 ? total : 0;
}

// Centuries and decades: "XX w.", "XXI wieku", "20th century" (ISO century "19"),
// "lat 90.", "latach 90.", "the 1990s" (decade "199", a two-digit decade read as 19xx).
bool century_or_decade(const TokenView& v, size_t i, Match* out) {
  if (v.polish() && v.is_word(i) && v.is_all_upper(i)) {
    const int c = roman_value(v.raw(i));
    if (c > 0) {
      size_t end = 0;
      if (v.is_any(i + 1, {"wiek", "wieku", "wiekiem"})) end = i + 2;
      else if (v.lower(i + 1) == "w" && v.is_punct(i + 2, ".") && !v.space_before(i + 2)) {
        end = i + 3;
      }
      if (end) {
        *out = make(i, end, two_digits(static_cast<uint64_t>(c - 1)), "century");
        return true;
      }
    }
  }
  if (v.english() && v.is_word(i) && v.is_any(i + 1, {"century"})) {
    uint64_t c = 0;
    const std::string_view w = v.lower(i);
    if (w.size() >= 3 && w.size() <= 4 && parse_uint(std::string_view(w).substr(0, w.size() - 2), &c) &&
        c >= 1 && c <= 30) {
      *out = make(i, i + 2, two_digits(c - 1), "century");
      return true;
    }
  }
  uint64_t d = 0;
  if (v.polish() && v.is_any(i, {"lat", "latach", "lata", "latami"}) && v.is_number(i + 1) &&
      v.raw(i + 1).size() == 2 && parse_uint(v.raw(i + 1), &d) && d % 10 == 0 && d >= 10) {
    size_t end = i + 2;
    if (v.is_punct(end, ".") && !v.space_before(end)) ++end;
    else if (!v.is_any(end, {"xx", "ubiegłego", "dwudziestego"})) return false;
    if (v.is_any(end, {"xx", "ubiegłego", "dwudziestego"})) {
      if (v.is_any(end + 1, {"wieku"})) end += 2;
      else if (v.lower(end) == "xx" && v.lower(end + 1) == "w") end += 2 + v.is_punct(end + 2, ".");
    }
    *out = make(i, end, "19" + std::to_string(d / 10), "decade");
    return true;
  }
  if (v.english() && v.is_word(i)) {
    const std::string_view w = v.lower(i);
    if (w.size() == 5 && w[4] == 's' && w[3] == '0' && parse_uint(std::string_view(w).substr(0, 4), &d) &&
        d >= 1000) {
      *out = make(i, i + 1, std::to_string(d / 10), "decade");
      return true;
    }
  }
  return false;
}

// Weekday at token i (any supported language). Sets *day.
bool weekday_at(const TokenView& v, size_t i, int* day) {
  static const WordIndex polish =
      WordIndex::of(kPolishWeekdays, [](const WeekdayForm& d) { return d.form; });
  static const WordIndex english =
      WordIndex::of(kEnglishWeekdays, [](std::string_view d) { return d; });
  if (!v.is_word(i)) return false;
  const std::string_view w = v.lower(i);
  if (v.polish()) {
    const WeekdayForm* f = find_form(v, i, kPolishWeekdays, polish);
    if (f && polish_case_ok(v, i)) {
      *day = f->day;
      return true;
    }
  }
  if (v.english() && w == "weekend") {
    *day = 0;
    return true;
  }
  if (v.english()) {
    const int d = v.find(i, english);
    if (d >= 0 && v.is_capitalized(i)) {
      *day = d + 1;
      return true;
    }
  }
  return false;
}

std::string weekday_value(int day) {
  return day == 0 ? "XXXX-WXX-WE" : "XXXX-WXX-" + std::to_string(day);
}

// Longest absolute day/month date at i (used after a weekday: "poniedziałek, 12 stycznia").
bool absolute_date_at(const TokenView& v, size_t i, Match* out) {
  Match m;
  bool found = false;
  for (auto f : {&numeric_date, &day_month_date, &month_day_date}) {
    Match c;
    if (f(v, i, &c) && (!found || c.last > m.last)) {
      m = c;
      found = true;
    }
  }
  if (found) *out = m;
  return found;
}

// "poniedziałek", "w środę" (span "środę"), "Monday", "last Monday", "w zeszły piątek",
// "Monday, January 12, 2022", "w poniedziałek 12 stycznia".
void weekday_dates(const TokenView& v, size_t i, std::vector<Match>* out) {
  int day = 0;
  size_t k = i;
  int direction = 0;  // -1 past, +1 future, 2 "this", 0 none
  if (v.polish() && v.is_word(i)) {
    static const WordIndex index =
        WordIndex::of(kPolishWeekdayModifiers, [](const Modifier& x) { return x.form; });
    const Modifier* m = find_form(v, i, kPolishWeekdayModifiers, index);
    if (m && weekday_at(v, i + 1, &day)) {
      direction = m->offset;
      k = i + 1;
    }
  }
  if (k == i && v.english() && v.is_any(i, {"last", "next", "this", "past", "coming"}) &&
      weekday_at(v, i + 1, &day)) {
    direction = v.is_any(i, {"last", "past"}) ? -1 : v.is_any(i, {"this"}) ? 2 : 1;
    k = i + 1;
  }
  if (k == i && !weekday_at(v, i, &day)) return;
  // "weekend" alone: "w weekend", "przez weekend", "at/over the weekend".
  if (day == 0 && k == i &&
      !(i > 0 && ((v.polish() && v.is_any(i - 1, {"w", "we", "na", "przez", "po", "od", "do"})) ||
                  (v.english() && v.is_any(i - 1, {"the"}) &&
                   v.is_any(i - 2, {"at", "over", "during", "on", "for", "this"}))))) {
    return;
  }
  const size_t end = k + 1;
  std::string value = weekday_value(day);
  if (direction == -1) value = "-" + value;
  if (direction == 1) value = "+" + value;
  out->push_back(make(i, end, value, "weekday", direction == -1 || direction == 1));
  // A weekday followed by a full date takes the date's value.
  size_t j = end;
  if (v.is_punct(j, ",")) ++j;
  Match date;
  if (absolute_date_at(v, j, &date)) out->push_back(make(i, date.last, date.value, "date"));
}

// --- Section: relative dates ---

bool unit_at(const TokenView& v, size_t i, char* unit, bool* is_plural) {
  static const WordIndex polish =
      WordIndex::of(kPolishUnits, [](const UnitForm& u) { return u.form; });
  static const WordIndex english =
      WordIndex::of(kEnglishUnits, [](const UnitForm& u) { return u.form; });
  if (!v.is_word(i) || v.has_dot(i)) return false;
  const UnitForm* f = nullptr;
  if (v.polish()) f = find_form(v, i, kPolishUnits, polish);
  if (!f && v.english()) f = find_form(v, i, kEnglishUnits, english);
  if (!f) return false;
  *unit = f->unit;
  *is_plural = f->is_plural;
  return true;
}

// "<count> <unit>" starting at i: "dwa tygodnie", "3 dni", "tydzień", "kilka lat",
// "a week", "two years". *count is "1", "2", "X"...; decades become years ("X0Y").
bool count_and_unit(const TokenView& v, size_t i, std::string* count, char* unit,
                    size_t* end) {
  bool plural = false;
  size_t j = i;
  Decimal n;
  size_t after_number = 0;
  if (v.english() && v.is_any(i, {"a"}) && v.is_any(i + 1, {"few", "couple"})) {
    *count = v.is_any(i + 1, {"couple"}) ? "2" : "X";
    j = i + 2;
    if (v.is_any(j, {"of"})) ++j;
  } else if (match_number_phrase(v, i, /*allow_words=*/true, /*allow_article=*/true, &n,
                                 &after_number) &&
             n.frac_digits == 0 && n.mantissa < 10000) {
    *count = std::to_string(n.mantissa);
    j = after_number;
  } else if (v.is_word(i) && is_indefinite_number_word(v.lower(i), v.lower_hash(i), v.lang())) {
    *count = "X";
    j = i + 1;
  }
  if (!unit_at(v, j, unit, &plural)) return false;
  if (j == i) *count = plural ? "X" : "1";
  if (*unit == 'X') {  // decade
    *unit = 'Y';
    uint64_t decades = 0;
    if (*count != "X" && parse_uint(*count, &decades)) *count = std::to_string(10 * decades);
  }
  *end = j + 1;
  return true;
}

// An offset match: DATE "-P2W" for day/week/month/year units, TIME "-PT2H" / "-PT30M" for
// hours and minutes. `sign` is "-" or "".
Match make_offset(size_t first, size_t last, const char* sign, const std::string& count,
                  char unit) {
  if (unit == 'h' || unit == 'n') {
    Match m = make(first, last, std::string(sign) + "PT" + count + (unit == 'h' ? "H" : "M"),
                   "relative", true);
    m.label = "TIME";
    return m;
  }
  return make(first, last, std::string(sign) + "P" + count + unit, "relative", true);
}

bool is_calendar_unit(char unit) { return unit == 'W' || unit == 'M' || unit == 'Y'; }

bool clock_token(const TokenView& v, size_t i, bool dot_ok, uint64_t* h, uint64_t* m, std::string* seconds);

void relative_dates(const TokenView& v, size_t i, std::vector<Match>* out) {
  static const WordIndex relative_words =
      WordIndex::of(kRelativeWords, [](const RelativeWord& r) { return r.form; });
  static const WordIndex modifiers =
      WordIndex::of(kPolishUnitModifiers, [](const Modifier& x) { return x.form; });
  if (!v.is_word(i) && !v.is_number(i)) return;
  const std::string_view w = v.lower(i);
  // "wczoraj", "dziś", "today"... (each form is in the table once)
  if (const RelativeWord* r = find_form(v, i, kRelativeWords, relative_words)) {
    const bool english_word = w == "yesterday" || w == "today" || w == "tomorrow";
    if (english_word ? v.english() : v.polish()) {
      out->push_back(make(i, i + 1, std::string(r->value), "relative", true));
    }
  }
  std::string count;
  char unit = 0;
  size_t end = 0;
  // "<count> <unit> temu|ago".
  if (count_and_unit(v, i, &count, &unit, &end)) {
    if ((v.polish() && v.is_any(end, {"temu"})) || (v.english() && v.is_any(end, {"ago"}))) {
      out->push_back(make_offset(i, end + 1, "-", count, unit));
    }
  }
  // "za tydzień", "za dwa lata", "in two weeks": the preposition gives the direction.
  // The unit must be accusative ("za dnia" is "by day", "dzień za dniem" a sequence) and a
  // plural needs a count ("za lat kilka" is archaic and left out).
  if ((v.polish() && w == "za") || (v.english() && w == "in")) {
    if (count_and_unit(v, i + 1, &count, &unit, &end) &&
        !(v.english() && v.is_any(end, {"ago"})) &&
        (w == "in" || v.is_any(end - 1, {"dzień", "dni", "tydzień", "tygodnie", "tygodni",
                                         "miesiąc", "miesiące", "miesięcy", "rok", "lata",
                                         "lat", "doby", "dób", "godzinę", "godziny",
                                         "godzin", "minutę", "minuty", "minut"})) &&
        !(end == i + 2 && count == "X")) {
      // English "in a year" is too often a rate ("twice in a year"); want a count word.
      if (!(w == "in" && (v.is_any(i + 1, {"a", "an"}) || count == "X"))) {
        out->push_back(make_offset(i, end, "", count, unit));
      }
    }
  }
  // "przed rokiem", "przed tygodniem", "przed dwoma laty"; not "przed godziną 22" (before
  // 22:00) nor "przed rokiem 2000" (before the year 2000), where an hour or a year after
  // the unit names a point ("przed rokiem 120 osób…" stays a year ago).
  if (v.polish() && w == "przed" && count_and_unit(v, i + 1, &count, &unit, &end)) {
    const std::string_view u = v.lower(end - 1);
    uint64_t number = 0, minutes = 0;
    std::string seconds;
    const bool hour_after = u == "godziną" && (clock_token(v, end, true, &number, &minutes, &seconds) ||
                                               (v.is_number(end) && v.raw(end).size() <= 2 &&
                                                parse_uint(v.raw(end), &number) && number <= 24));
    const bool year_after = u == "rokiem" && year_number(v, end, &number);
    if (!hour_after && !year_after && (u == "rokiem" || u == "miesiącem" || u == "tygodniem" || u == "laty" ||
        u == "latami" || u == "miesiącami" || u == "tygodniami" || u == "dniami" ||
        u == "godziną" || u == "godzinami" || u == "minutą" || u == "minutami")) {
      out->push_back(make_offset(i, end, "-", count, unit));
    }
  }
  // "w zeszłym roku" (span "zeszłym roku"), "tego roku", "roku poprzedniego".
  bool plural = false;
  if (v.polish()) {
    const Modifier* m = find_form(v, i, kPolishUnitModifiers, modifiers);
    if (m && unit_at(v, i + 1, &unit, &plural) && !plural && is_calendar_unit(unit)) {
      out->push_back(make(i, i + 2, (m->offset < 0 ? "-P1" : m->offset > 0 ? "P1" : "P0") +
                                        std::string(1, unit), "relative", true));
    }
    if (unit_at(v, i, &unit, &plural) && !plural && is_calendar_unit(unit) && v.is_word(i + 1)) {
      const std::string_view w2 = v.lower(i + 1);
      const Modifier* m2 = find_form(v, i + 1, kPolishUnitModifiers, modifiers);
      if (m2 && m2->offset != 0) {
        out->push_back(make(i, i + 2, (m2->offset < 0 ? "-P1" : "P1") + std::string(1, unit),
                            "relative", true));
      } else if (m2 && (w2 == "bieżącego" || w2 == "bieżący" || w2 == "bieżącym")) {
        out->push_back(make(i, i + 2, "P0" + std::string(1, unit), "relative", true));
      }
    }
  }
  // "br." (bieżącego roku: this year) and "ub.r." (ubiegłego roku: last year) after a month
  // ("19 kwietnia br.", "w styczniu ub.r."), a quarter or "końca"/"początku"/"połowy": a
  // year offset, which the month or quarter before takes as its year when dates are
  // resolved. Only there: "br." is also "brutto" after a price.
  if (v.polish() && i > 0) {
    int month = 0;
    Case c = Case::Other;
    const bool after_month = polish_month(v, i - 1, &month, &c) ||
                             v.is_any(i - 1, {"końca", "końcu", "początku", "połowy", "połowie", "kwartale",
                                              "kwartału", "półroczu", "półrocza"});
    // (An abbreviation's lower form has no final dot: "ub.r." reads "ub.r", "r." "r".)
    const auto dotted = [&](size_t k) { return v.has_dot(k) || v.is_punct(k + 1, "."); };
    const auto after_dot = [&](size_t k) { return v.has_dot(k) ? k + 1 : k + 2; };
    size_t end = i;
    const char* value = nullptr;
    if ((w == "b.r" || w == "br") && dotted(i)) {
      end = after_dot(i), value = "P0Y";
    } else if ((w == "ub.r" || w == "ubr") && dotted(i)) {
      end = after_dot(i), value = "-P1Y";
    } else if (w == "ub" && dotted(i) && v.lower(after_dot(i)) == "r" && dotted(after_dot(i))) {
      end = after_dot(after_dot(i)), value = "-P1Y";
    }
    if (value && after_month) out->push_back(make(i, end, value, "relative", true));
  }
  // "last year", "this week", "next month", "past year".
  if (v.english() && v.is_any(i, {"last", "this", "next", "past"}) &&
      unit_at(v, i + 1, &unit, &plural) && !plural && is_calendar_unit(unit)) {
    const char* sign = v.is_any(i, {"last", "past"}) ? "-P1" : w == "this" ? "P0" : "P1";
    out->push_back(make(i, i + 2, sign + std::string(1, unit), "relative", true));
  }
}

// --- Section: times ---

Match make_time(size_t first, size_t last, uint64_t h, uint64_t m) {
  Match t;
  t.first = first;
  t.last = last;
  t.label = "TIME";
  t.value = two_digits(h) + ":" + two_digits(m);
  return t;
}

// "12:30" / "15.00" in one token; `dot_ok` allows the dot form.
bool clock_token(const TokenView& v, size_t i, bool dot_ok, uint64_t* h, uint64_t* m,
                 std::string* seconds) {
  if (!v.is_number(i)) return false;
  std::string_view r = v.raw(i);
  const size_t colon = r.find(':');
  const size_t dot = r.find('.');
  const size_t sep = colon != std::string_view::npos ? colon : dot_ok ? dot : colon;
  if (sep == std::string_view::npos || sep == 0 || sep > 2) return false;
  std::string_view minutes = r.substr(sep + 1);
  std::string_view secs;
  if (colon != std::string_view::npos && minutes.size() == 5 && minutes[2] == ':') {
    secs = minutes.substr(3);
    minutes = minutes.substr(0, 2);
  }
  uint64_t s = 0;
  if (minutes.size() != 2 || !parse_uint(r.substr(0, sep), h) || !parse_uint(minutes, m) ||
      *h > 23 || *m > 59) {
    return false;
  }
  if (!secs.empty()) {
    if (!parse_uint(secs, &s) || s > 59) return false;
    *seconds = ":" + two_digits(s);
  }
  return true;
}

bool is_hour_word(const TokenView& v, size_t i) {
  return v.polish() && (v.lower(i) == "godz" ||
                        v.is_any(i, {"godzina", "godzinie", "godziny", "godzinę", "godziną", "godzinach"}));
}

// "a.m."/"am" (false) or "p.m."/"pm" (true); false when token i is neither.
bool meridiem(const TokenView& v, size_t i, bool* pm) {
  const std::string_view w = v.lower(i);
  if (w == "a.m" || w == "p.m") {
    *pm = w == "p.m";
    return true;
  }
  if (v.english() && (w == "am" || w == "pm") && v.is_word(i)) {
    *pm = w == "pm";
    return true;
  }
  return false;
}

uint64_t to_24h(uint64_t h, bool pm) {
  if (h == 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

}  // namespace

void match_dates(const TokenView& v, size_t i, std::vector<Match>* out) {
  Match m;
  if (numeric_date(v, i, &m)) out->push_back(m);
  if (range_date(v, i, &m)) out->push_back(m);
  if (day_month_date(v, i, &m)) out->push_back(m);
  if (month_day_date(v, i, &m)) out->push_back(m);
  if (month_date(v, i, &m)) out->push_back(m);
  if (year_date(v, i, &m)) out->push_back(m);
  if (apostrophe_year_date(v, i, &m)) out->push_back(m);
  if (century_or_decade(v, i, &m)) out->push_back(m);
  if (quarter_date(v, i, &m)) out->push_back(m);
  weekday_dates(v, i, out);
  relative_dates(v, i, out);
}

void add_date_start_words(std::vector<std::string_view>* words) {
  for (const MonthForm& m : kPolishMonths) words->push_back(m.form);
  for (const EnglishMonth& m : kEnglishMonths) {
    words->insert(words->end(), {m.name, m.abbreviation, m.abbreviation2});
  }
  for (const WeekdayForm& d : kPolishWeekdays) words->push_back(d.form);
  words->insert(words->end(), std::begin(kEnglishWeekdays), std::end(kEnglishWeekdays));
  for (const UnitForm& u : kPolishUnits) words->push_back(u.form);
  for (const UnitForm& u : kEnglishUnits) words->push_back(u.form);
  for (const Modifier& m : kPolishUnitModifiers) words->push_back(m.form);
  for (const Modifier& m : kPolishWeekdayModifiers) words->push_back(m.form);
  for (const RelativeWord& r : kRelativeWords) words->push_back(r.form);
  add_indefinite_number_words(words);  // "kilka lat temu"
  // The words that the functions above test at their first token i. Keep this in step with
  // them: tests/unit/engine/rules_start_test.cpp tries every literal of these files.
  words->insert(words->end(), {"dnia", "dniu", "rok", "roku", "rokiem", "lat", "latach",
                               "lata", "latami", "weekend", "last", "next", "this", "past",
                               "coming", "za", "in", "przed", "a", "godz", "godzina",
                               "godzinie", "godziny", "godzinę", "godzinach",
                               // quarter_date
                               "the", "q1", "q2", "q3", "q4", "h1", "h2", "first", "1st",
                               "second", "2nd", "third", "3rd", "fourth", "4th", "final",
                               "pierwszy", "pierwszego", "pierwszym", "pierwszemu", "drugi",
                               "drugiego", "drugim", "drugiemu", "trzeci", "trzeciego",
                               "trzecim", "trzeciemu", "czwarty", "czwartego", "czwartym",
                               "czwartemu", "i", "ii", "iii", "iv",
                               // "br.", "ub.r." in relative_dates
                               "b.r", "br", "ub.r", "ubr", "ub"});
}

void match_times(const TokenView& v, size_t i, std::vector<Match>* out) {
  uint64_t h = 0, m = 0;
  std::string seconds;
  bool pm = false;
  // "godz. 12:30", "godzinie 16", "godz. 18.30".
  if (is_hour_word(v, i)) {
    if (clock_token(v, i + 1, true, &h, &m, &seconds)) {
      Match t = make_time(i, i + 2, h, m);
      t.value += seconds;
      out->push_back(t);
    } else if (v.is_number(i + 1) && parse_uint(v.raw(i + 1), &h) && h <= 24 &&
               v.raw(i + 1).size() <= 2) {
      out->push_back(make_time(i, i + 2, h == 24 ? 0 : h, 0));
    }
    return;
  }
  // Both forms below start with a Number token.
  if (v.is_number(i)) {
    // "12:30", "10:30 p.m.", "o 15.00" (the dot form needs a Polish preposition before it).
    // British "at 9.30" and "9.30 am" use the dot too.
    const bool after_preposition =
        i > 0 &&
        ((v.polish() && v.is_any(i - 1, {"o", "od", "do", "około", "ok", "przed", "po"})) ||
         (v.english() && v.is_any(i - 1, {"at", "from", "until", "till"})));
    const bool dot_ok = after_preposition || meridiem(v, i + 1, &pm);
    if (clock_token(v, i, dot_ok, &h, &m, &seconds)) {
      if (meridiem(v, i + 1, &pm) && h >= 1 && h <= 12) {
        out->push_back(make_time(i, i + 2, to_24h(h, pm), m));
      } else {
        Match t = make_time(i, i + 1, h, m);
        t.value += seconds;
        out->push_back(t);
      }
      return;
    }
    // "10 a.m.", "3 pm".
    if (v.raw(i).size() <= 2 && parse_uint(v.raw(i), &h) && h >= 1 && h <= 12 &&
        meridiem(v, i + 1, &pm)) {
      out->push_back(make_time(i, i + 2, to_24h(h, pm), 0));
      return;
    }
  }
  // "3pm", "11am" in one word.
  if (v.english() && v.is_word(i)) {
    const std::string_view w = v.lower(i);
    if (w.size() >= 3 && w.size() <= 4) {
      std::string_view suffix = std::string_view(w).substr(w.size() - 2);
      if ((suffix == "am" || suffix == "pm") &&
          parse_uint(std::string_view(w).substr(0, w.size() - 2), &h) && h >= 1 && h <= 12) {
        out->push_back(make_time(i, i + 1, to_24h(h, suffix == "pm"), 0));
      }
    }
  }
}

}  // namespace glosa::rules
