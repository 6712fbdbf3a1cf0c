// Proleptic Gregorian calendar arithmetic (see calendar.h). Layer: engine/article.
// Day numbers use the civil-from-days algorithm of H. Hinnant ("chrono-Compatible Low-Level
// Date Algorithms"): exact for every year here, no tables, no floating point.
#include "engine/article/calendar.h"

#include <cstdio>

namespace glosa {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

namespace {

// Reads exactly `width` ASCII digits at s[pos].
bool read_digits(std::string_view s, size_t pos, size_t width, int* out) {
  if (pos + width > s.size()) return false;
  int n = 0;
  for (size_t k = pos; k < pos + width; ++k) {
    if (s[k] < '0' || s[k] > '9') return false;
    n = n * 10 + (s[k] - '0');
  }
  *out = n;
  return true;
}

}  // namespace

bool parse_calendar_date(std::string_view iso, CalendarDate* out) {
  CalendarDate d;
  if (iso.size() != 4 && iso.size() != 7 && iso.size() != 10) return false;
  if (!read_digits(iso, 0, 4, &d.year) || d.year < 1) return false;
  d.precision = DatePrecision::Year;
  if (iso.size() >= 7) {
    if (iso[4] != '-' || !read_digits(iso, 5, 2, &d.month) || d.month < 1 || d.month > 12) {
      return false;
    }
    d.precision = DatePrecision::Month;
  }
  if (iso.size() == 10) {
    if (iso[7] != '-' || !read_digits(iso, 8, 2, &d.day) || d.day < 1 ||
        d.day > days_in_month(d.year, d.month)) {
      return false;
    }
    d.precision = DatePrecision::Day;
  }
  *out = d;
  return true;
}

std::string format_calendar_date(const CalendarDate& date) {
  char buf[16];
  switch (date.precision) {
    case DatePrecision::Year: std::snprintf(buf, sizeof buf, "%04d", date.year); break;
    case DatePrecision::Month:
      std::snprintf(buf, sizeof buf, "%04d-%02d", date.year, date.month);
      break;
    case DatePrecision::Day:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
      break;
  }
  return buf;
}

int64_t day_number(int year, int month, int day) {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;                                     // [0, 399]
  const int64_t mp = month > 2 ? month - 3 : month + 9;                  // March = 0
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;                      // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;             // [0, 146096]
  return era * 146097 + doe - 719468;
}

CalendarDate date_of_day_number(int64_t day) {
  const int64_t z = day + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  CalendarDate d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
  d.precision = DatePrecision::Day;
  return d;
}

int iso_weekday(int64_t day) {
  // 1970-01-01 was a Thursday (4).
  const int64_t r = ((day % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(r) + 1;
}

int64_t first_day_of(const CalendarDate& date) {
  return day_number(date.year, date.precision == DatePrecision::Year ? 1 : date.month,
                    date.precision == DatePrecision::Day ? date.day : 1);
}

int64_t last_day_of(const CalendarDate& date) {
  switch (date.precision) {
    case DatePrecision::Year: return day_number(date.year, 12, 31);
    case DatePrecision::Month:
      return day_number(date.year, date.month, days_in_month(date.year, date.month));
    case DatePrecision::Day: break;
  }
  return day_number(date.year, date.month, date.day);
}

CalendarDate truncate_day(int64_t day, DatePrecision precision) {
  CalendarDate d = date_of_day_number(day);
  if (precision != DatePrecision::Day) d.day = 0;
  if (precision == DatePrecision::Year) d.month = 0;
  d.precision = precision;
  return d;
}

}  // namespace glosa
