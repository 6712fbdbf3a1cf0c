// Proleptic Gregorian calendar arithmetic for article dates: ISO 8601 dates at year, month
// or day precision, day numbers, weekdays and leap years. Layer: engine/article.
// Pure functions, no clock, no time zones.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace glosa {

enum class DatePrecision : uint8_t { Year, Month, Day };  // coarse to fine: compare with <

// A calendar date as written in ISO 8601 at one precision: "2022", "2022-11", "2022-11-25".
struct CalendarDate {
  int year = 0;   // 1..9999
  int month = 0;  // 1..12; 0 at year precision
  int day = 0;    // 1..days_in_month; 0 at year or month precision
  DatePrecision precision = DatePrecision::Year;
};

bool is_leap_year(int year);
// Days in a month of a year (28..31); 0 for a month outside 1..12.
int days_in_month(int year, int month);

// Parses exactly "YYYY", "YYYY-MM" or "YYYY-MM-DD" (ASCII digits, year 0001..9999, a month
// 01..12, a day that exists in that month: "2023-02-29" is refused). Returns false, leaving
// *out unchanged, on anything else (also "XXXX-01", intervals, centuries, surrounding space).
bool parse_calendar_date(std::string_view iso, CalendarDate* out);

// Writes a date at its precision: "2022", "2022-11", "2022-11-05" (zero-padded, 4-digit year).
std::string format_calendar_date(const CalendarDate& date);

// Day number: days since 1970-01-01 (negative before) of a valid year/month/day.
int64_t day_number(int year, int month, int day);
// The date (day precision) of a day number.
CalendarDate date_of_day_number(int64_t day);
// ISO weekday of a day number: 1 = Monday ... 7 = Sunday.
int iso_weekday(int64_t day);

// The first and last day numbers that a date covers: one day, a whole month or a whole year.
int64_t first_day_of(const CalendarDate& date);
int64_t last_day_of(const CalendarDate& date);

// The same day range written at a coarser or equal precision: date_of_day_number(day)
// truncated to `precision` ("2022-11-05" at Month -> "2022-11").
CalendarDate truncate_day(int64_t day, DatePrecision precision);

}  // namespace glosa
