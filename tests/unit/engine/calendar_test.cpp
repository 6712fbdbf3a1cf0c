// Tests for engine/article/calendar: ISO date parsing and writing, leap years, day numbers
// and weekdays.
#include <doctest/doctest.h>

#include <string>

#include "engine/article/calendar.h"

using namespace glosa;

TEST_CASE("calendar: parses ISO dates at year, month and day precision and writes them back") {
  for (const char* iso : {"2022", "2022-11", "2022-11-28", "0001", "9999-12-31", "2024-02-29",
                          "2000-02-29"}) {
    CAPTURE(iso);
    CalendarDate d;
    REQUIRE(parse_calendar_date(iso, &d));
    CHECK(format_calendar_date(d) == iso);
  }
  CalendarDate d;
  REQUIRE(parse_calendar_date("2022-11", &d));
  CHECK(d.year == 2022);
  CHECK(d.month == 11);
  CHECK(d.day == 0);
  CHECK(d.precision == DatePrecision::Month);
}

TEST_CASE("calendar: refuses what is not a real ISO date") {
  for (const char* bad : {"", "0000", "22", "2022-1", "2022-13", "2022-00", "2022-11-31",
                          "2023-02-29", "1900-02-29", "XXXX-11", "2022/11", " 2022",
                          "2022-11-28T10:00", "2022-11-2８", "-P1Y", "2020/2022", "19"}) {
    CAPTURE(bad);
    CalendarDate d;
    d.year = 7;
    CHECK_FALSE(parse_calendar_date(bad, &d));
    CHECK(d.year == 7);  // unchanged
  }
}

TEST_CASE("calendar: leap years follow the Gregorian rule") {
  CHECK(is_leap_year(2024));
  CHECK(is_leap_year(2000));
  CHECK_FALSE(is_leap_year(1900));
  CHECK_FALSE(is_leap_year(2023));
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(2023, 2) == 28);
  CHECK(days_in_month(2022, 11) == 30);
  CHECK(days_in_month(2022, 12) == 31);
  CHECK(days_in_month(2022, 13) == 0);
}

TEST_CASE("calendar: day numbers round-trip and give ISO weekdays") {
  CHECK(day_number(1970, 1, 1) == 0);
  CHECK(iso_weekday(day_number(1970, 1, 1)) == 4);    // Thursday
  CHECK(iso_weekday(day_number(2022, 11, 28)) == 1);  // Monday
  CHECK(iso_weekday(day_number(2022, 11, 27)) == 7);  // Sunday
  CHECK(iso_weekday(day_number(1969, 12, 31)) == 3);  // Wednesday, before day 0
  CHECK(day_number(2024, 3, 1) - day_number(2024, 2, 28) == 2);
  CHECK(day_number(2023, 3, 1) - day_number(2023, 2, 28) == 1);
  for (int64_t day : {day_number(1, 1, 1), int64_t{-1}, int64_t{0}, day_number(2000, 2, 29),
                      day_number(9999, 12, 31)}) {
    CAPTURE(day);
    const CalendarDate d = date_of_day_number(day);
    CHECK(day_number(d.year, d.month, d.day) == day);
  }
  CHECK(format_calendar_date(truncate_day(day_number(2022, 11, 5), DatePrecision::Month)) ==
        "2022-11");
  CHECK(format_calendar_date(truncate_day(day_number(2022, 11, 5), DatePrecision::Year)) == "2022");
  CalendarDate feb;
  REQUIRE(parse_calendar_date("2024-02", &feb));
  CHECK(last_day_of(feb) - first_day_of(feb) == 28);
}
