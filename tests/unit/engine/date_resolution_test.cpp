// Tests for engine/article/date_resolution: every DATE value form of docs/RULES.md resolved
// against month, day and year anchors; year and month boundaries, leap years, intervals,
// unresolvable values; resolve_dates on whole documents, Polish and English.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/article/date_resolution.h"
#include "engine/engine.h"
#include "test_support.h"

using namespace glosa;

namespace {

struct Case {
  const char* value;
  const char* resolved;
};

void check_resolved(const char* anchor, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const std::string anchor_text = anchor;
    const std::string value = c.value;
    CAPTURE(anchor_text);
    CAPTURE(value);
    CHECK(resolve_date_value(c.value, anchor) == c.resolved);
  }
}

Document annotated(const std::string& text, const std::string& lang) {
  AnnotateOptions options;
  options.use_model = false;
  options.lang = lang;
  auto result = Engine().annotate(text, options);
  REQUIRE(result.is_ok());
  return result.value().doc;
}

// The entity whose surface text is `surface` (the first one), or null.
const Entity* find(const Document& doc, const std::string& surface) {
  for (const Entity& e : doc.entities) {
    if (entity_text(doc, e) == surface) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("date resolution: offsets in years and months against a month anchor") {
  check_resolved("2022-11", {
      {"-P1Y", "2021"}, {"P0Y", "2022"}, {"P1Y", "2023"}, {"-P2Y", "2020"}, {"-P10Y", "2012"},
      {"P2Y", "2024"},
      {"-P1M", "2022-10"}, {"P0M", "2022-11"}, {"P1M", "2022-12"}, {"P2M", "2023-01"},
      {"-P11M", "2021-12"}, {"-P9M", "2022-02"},
  });
}

TEST_CASE("date resolution: days and weeks against a month anchor give an honest interval") {
  // Every day of November 2022 is possible: a week before is 25.10–23.11.
  check_resolved("2022-11", {
      {"P0D", "2022-11"},
      {"-P1D", "2022-10/2022-11"}, {"P1D", "2022-11/2022-12"}, {"-P3D", "2022-10/2022-11"},
      {"-P1W", "2022-10/2022-11"}, {"-P2W", "2022-10/2022-11"}, {"P1W", "2022-11/2022-12"},
      {"P0W", "2022-10/2022-12"},  // 31.10 (Monday) .. 4.12 (Sunday)
      {"-P8W", "2022-09/2022-10"},
  });
}

TEST_CASE("date resolution: days and weeks against a day anchor are exact days") {
  // 2022-11-28 is a Monday.
  check_resolved("2022-11-28", {
      {"P0D", "2022-11-28"}, {"-P1D", "2022-11-27"}, {"-P2D", "2022-11-26"}, {"P1D", "2022-11-29"},
      {"P2D", "2022-11-30"}, {"P3D", "2022-12-01"}, {"-P3D", "2022-11-25"},
      {"-P1W", "2022-11-21"}, {"-P2W", "2022-11-14"}, {"P1W", "2022-12-05"}, {"P2W", "2022-12-12"},
      {"P0W", "2022-11-28/2022-12-04"},
      {"-P1M", "2022-10"}, {"P1M", "2022-12"}, {"-P1Y", "2021"}, {"P0Y", "2022"},
  });
}

TEST_CASE("date resolution: a month or day without a year: ten months back to one ahead") {
  SUBCASE("a November article: the months of its year, December the coming one") {
    check_resolved("2022-11", {
        {"XXXX-01", "2022-01"}, {"XXXX-03", "2022-03"}, {"XXXX-07", "2022-07"},
        {"XXXX-11", "2022-11"},
        {"XXXX-12", "2022-12"},  // "w grudniu" in November: the coming December
        {"XXXX-01-12", "2022-01-12"}, {"XXXX-11-25", "2022-11-25"}, {"XXXX-11-30", "2022-11-30"},
        {"XXXX-12-24", "2022-12-24"},
    });
  }
  SUBCASE("compared by month: the article's day does not matter") {
    check_resolved("2022-11-10", {
        {"XXXX-11-25", "2022-11-25"}, {"XXXX-11-01", "2022-11-01"}, {"XXXX-11", "2022-11"},
        {"XXXX-12-01", "2022-12-01"}, {"XXXX-01-05", "2022-01-05"},
    });
  }
  SUBCASE("a March article: April ahead, May a year back") {
    check_resolved("2026-03", {
        {"XXXX-04", "2026-04"},  // "Prace ruszą w kwietniu" (assets/samples/sample-pl.txt)
        {"XXXX-05", "2025-05"}, {"XXXX-12", "2025-12"}, {"XXXX-01", "2026-01"},
    });
  }
  SUBCASE("a January article: last year's December, this February") {
    check_resolved("2023-01", {
        {"XXXX-12", "2022-12"}, {"XXXX-01", "2023-01"}, {"XXXX-02", "2023-02"},
        {"XXXX-03", "2022-03"}, {"XXXX-12-31", "2022-12-31"},
    });
  }
  SUBCASE("a December article: next year's January") {
    check_resolved("2022-12-30", {
        {"XXXX-01", "2023-01"}, {"XXXX-02", "2022-02"}, {"XXXX-12", "2022-12"},
        {"XXXX-01-06", "2023-01-06"},
    });
  }
  SUBCASE("a year anchor: the span of both possible years") {
    check_resolved("2022", {
        {"XXXX-02", "2022-02"},  // January..December 2022 all put February in 2022
        {"XXXX-01", "2022-01/2023-01"}, {"XXXX-01-12", "2022-01-12/2023-01-12"},
        {"XXXX-12", "2021-12/2022-12"}, {"XXXX-03", "2021-03/2022-03"},
    });
  }
}

TEST_CASE("date resolution: intervals without a year keep both ends in one year") {
  check_resolved("2022-11", {
      {"XXXX-05-03/XXXX-05-05", "2022-05-03/2022-05-05"},   // "3-5 maja"
      {"XXXX-01-12/XXXX-01-14", "2022-01-12/2022-01-14"},
  });
  check_resolved("2022-03", {{"XXXX-05-03/XXXX-05-05", "2021-05-03/2021-05-05"}});
  // An end before its start runs into the next year ("30 grudnia – 2 stycznia").
  check_resolved("2023-01", {{"XXXX-12-30/XXXX-01-02", "2022-12-30/2023-01-02"}});
  // Absolute intervals need nothing; mixed precision is not a form the rules write.
  check_resolved("2022-11", {{"2022-01-12/2022-01-14", ""}, {"2020/2022", ""},
                             {"XXXX-05/XXXX-06-01", ""}, {"XXXX-05-03/", ""}});
}

TEST_CASE("date resolution: weekdays need a day anchor") {
  SUBCASE("bare weekday: the latest on or before the article's day") {
    // 2022-11-28 is a Monday.
    check_resolved("2022-11-28", {
        {"XXXX-WXX-1", "2022-11-28"}, {"XXXX-WXX-2", "2022-11-22"}, {"XXXX-WXX-5", "2022-11-25"},
        {"XXXX-WXX-7", "2022-11-27"},
    });
  }
  SUBCASE("directed weekday: strictly before or after") {
    check_resolved("2022-11-28", {
        {"-XXXX-WXX-1", "2022-11-21"}, {"-XXXX-WXX-5", "2022-11-25"}, {"-XXXX-WXX-7", "2022-11-27"},
        {"+XXXX-WXX-1", "2022-12-05"}, {"+XXXX-WXX-3", "2022-11-30"}, {"+XXXX-WXX-6", "2022-12-03"},
    });
  }
  SUBCASE("the weekend: Saturday and Sunday") {
    check_resolved("2022-11-28", {   // Monday
        {"XXXX-WXX-WE", "2022-11-26/2022-11-27"}, {"-XXXX-WXX-WE", "2022-11-26/2022-11-27"},
        {"+XXXX-WXX-WE", "2022-12-03/2022-12-04"},
    });
    check_resolved("2022-11-26", {   // Saturday: this weekend; the last one is a week back
        {"XXXX-WXX-WE", "2022-11-26/2022-11-27"}, {"-XXXX-WXX-WE", "2022-11-19/2022-11-20"},
        {"+XXXX-WXX-WE", "2022-12-03/2022-12-04"},
    });
    check_resolved("2022-11-27", {   // Sunday
        {"XXXX-WXX-WE", "2022-11-26/2022-11-27"}, {"-XXXX-WXX-WE", "2022-11-19/2022-11-20"},
        {"+XXXX-WXX-WE", "2022-12-03/2022-12-04"},
    });
  }
  SUBCASE("without the article's day a weekday is not resolved") {
    for (const char* anchor : {"2022-11", "2022"}) {
      check_resolved(anchor, {{"XXXX-WXX-1", ""}, {"-XXXX-WXX-5", ""}, {"+XXXX-WXX-6", ""},
                              {"XXXX-WXX-WE", ""}, {"-XXXX-WXX-WE", ""}});
    }
  }
}

TEST_CASE("date resolution: year and month boundaries") {
  // 2023-01-02 is a Monday.
  check_resolved("2023-01-02", {
      {"-P1D", "2023-01-01"}, {"-P2D", "2022-12-31"}, {"-P1W", "2022-12-26"},
      {"-XXXX-WXX-5", "2022-12-30"}, {"XXXX-WXX-7", "2023-01-01"}, {"XXXX-12-24", "2022-12-24"},
      {"-P1M", "2022-12"}, {"P0W", "2023-01-02/2023-01-08"},
  });
  check_resolved("2023-01", {{"-P1W", "2022-12/2023-01"}, {"-P1M", "2022-12"}, {"P0Y", "2023"}});
  check_resolved("2022-12-30", {{"P1W", "2023-01-06"}, {"P1M", "2023-01"}, {"P1D", "2022-12-31"},
                                {"P2D", "2023-01-01"}, {"+XXXX-WXX-1", "2023-01-02"}});
  check_resolved("2022-03-31", {{"-P1M", "2022-02"}, {"P1M", "2022-04"}});
}

TEST_CASE("date resolution: leap years") {
  check_resolved("2024-03-01", {{"-P1D", "2024-02-29"}, {"-P1W", "2024-02-23"}});
  check_resolved("2023-03-01", {{"-P1D", "2023-02-28"}});
  check_resolved("2000-03-01", {{"-P1D", "2000-02-29"}});
  check_resolved("1900-03-01", {{"-P1D", "1900-02-28"}});
  check_resolved("2024-02-29", {{"-P1Y", "2023"}, {"P0D", "2024-02-29"}, {"P1D", "2024-03-01"},
                                {"-P1M", "2024-01"}});
  check_resolved("2024-02", {{"P0D", "2024-02"}, {"-P1W", "2024-01/2024-02"}});
  // "29 lutego": only in a year that has it.
  check_resolved("2024-03", {{"XXXX-02-29", "2024-02-29"}});
  check_resolved("2024-01", {{"XXXX-02-29", "2024-02-29"}});  // the coming February
  check_resolved("2023-03", {{"XXXX-02-29", ""}});
  check_resolved("2025-04", {{"XXXX-02-29", ""}});
}

TEST_CASE("date resolution: year anchors cap offsets at year precision") {
  check_resolved("2022", {
      {"P0Y", "2022"}, {"-P1Y", "2021"}, {"P0D", "2022"}, {"-P1M", "2021/2022"},
      {"-P1W", "2021/2022"}, {"P0M", "2022"},
  });
}

TEST_CASE("date resolution: what needs nothing or cannot be resolved stays empty") {
  check_resolved("2022-11-28", {
      // absolute values: nothing to resolve
      {"2022-11-25", ""}, {"2022-11", ""}, {"2022", ""}, {"19", ""}, {"199", ""},
      {"2020/2022", ""},
      // an unknown count ("kilka dni temu", "lata temu", "a few weeks ago")
      {"-PXD", ""}, {"-PXY", ""}, {"-PXW", ""}, {"PXM", ""},
      // TIME offsets and malformed values
      {"-PT1H", ""}, {"PT30M", ""}, {"", ""}, {"P", ""}, {"P1", ""}, {"-P", ""}, {"P1H", ""},
      {"P12345D", ""}, {"XXXX-13", ""}, {"XXXX-11-31", ""}, {"XXXX-WXX-8", ""}, {"XXXX-WXX-0", ""},
      {"XXXX-WXX-", ""}, {"--P1D", ""}, {"+P1D", ""},
      // results outside years 1..9999
      {"-P9999Y", ""}, {"P8000Y", ""},
  });
  // The anchor must be an ISO date.
  for (const char* anchor : {"", "2022-13", "2023-02-29", "XXXX-11", "22-11", "2022/11",
                             " 2022-11", "2022-11-28T10:00", "P0D"}) {
    const std::string anchor_text = anchor;
    CAPTURE(anchor_text);
    CHECK(resolve_date_value("-P1Y", anchor).empty());
    CHECK(resolve_date_value("XXXX-01", anchor).empty());
  }
  CHECK(resolve_date_value("-P1D", "0001-01-01").empty());
  CHECK(resolve_date_value("P1D", "9999-12-31").empty());
}

TEST_CASE("date resolution: resolve_dates on a Polish document") {
  Document doc = annotated(
      "Obroty wzrosły w zeszłym roku i w tym roku. Dziś podpisano umowę, a tydzień temu i "
      "dwa tygodnie temu trwały rozmowy. W styczniu doszło do protestów, w grudniu ubiegłego "
      "roku też, a 12 stycznia tego roku i w poniedziałek. Godzinę temu wydano komunikat, "
      "kilka dni temu też.",
      "pl");
  const Result<size_t> r = resolve_dates(doc, "2022-11-28");
  REQUIRE(r.is_ok());
  struct Want { const char* text; const char* value; const char* resolved; };
  const Want wants[] = {
      {"zeszłym roku", "-P1Y", "2021"},
      {"tym roku", "P0Y", "2022"},
      {"Dziś", "P0D", "2022-11-28"},
      {"tydzień temu", "-P1W", "2022-11-21"},
      {"dwa tygodnie temu", "-P2W", "2022-11-14"},
      {"styczniu", "XXXX-01", "2022-01"},
      {"grudniu", "XXXX-12", "2021-12"},          // its year from "ubiegłego roku"
      {"ubiegłego roku", "-P1Y", "2021"},
      {"12 stycznia", "XXXX-01-12", "2022-01-12"},  // its year from "tego roku"
      {"tego roku", "P0Y", "2022"},
      {"poniedziałek", "XXXX-WXX-1", "2022-11-28"},
      {"Godzinę temu", "-PT1H", ""},              // TIME: not resolved
      {"kilka dni temu", "-PXD", ""},
  };
  size_t resolved_count = 0;
  for (const Want& w : wants) {
    const std::string surface = w.text;
    CAPTURE(surface);
    const Entity* e = find(doc, w.text);
    REQUIRE(e != nullptr);
    CHECK(e->value == w.value);
    CHECK(e->resolved == w.resolved);
    CHECK(e->is_relative == (w.value[0] == '-' || w.value[0] == 'P'));  // never changed
    resolved_count += w.resolved[0] != '\0';
  }
  CHECK(r.value() == resolved_count);
}

TEST_CASE("date resolution: the year of a following 'ubiegłego roku' or 'last year' wins") {
  SUBCASE("Polish") {
    Document doc = annotated("W grudniu ubiegłego roku i w marcu przyszłego roku, a w grudniu sam.", "pl");
    // The last "grudniu" has no year next to it: the coming December of a November article.
    REQUIRE(resolve_dates(doc, "2022-11").is_ok());
    std::vector<std::string> got;
    for (const Entity& e : doc.entities) got.push_back(std::string(entity_text(doc, e)) + "=" + e.resolved);
    CHECK(got == std::vector<std::string>{"grudniu=2021-12", "ubiegłego roku=2021", "marcu=2023-03",
                                          "przyszłego roku=2023", "grudniu=2022-12"});
  }
  SUBCASE("Polish abbreviations: br. (this year), ub.r. (last year)") {
    // Written every way news does; "br." after a price is "brutto", no date.
    Document doc = annotated("W grudniu ub.r. i w styczniu ub. r. spadła, 19 listopada b.r. wzrośnie, w maju br. "
                             "też, a do końca br. kupi za 100 zł br. w sklepie.",
                             "pl");
    REQUIRE(resolve_dates(doc, "2024-03-03").is_ok());
    std::vector<std::string> got;
    for (const Entity& e : doc.entities) {
      if (e.label == "DATE") got.push_back(std::string(entity_text(doc, e)) + "=" + e.resolved);
    }
    // Without the abbreviations: "grudniu" 2023-12 and "styczniu" 2024-01 (ten months back),
    // "19 listopada" 2023-11-19.
    CHECK(got == std::vector<std::string>{"grudniu=2023-12", "ub.r.=2023", "styczniu=2023-01", "ub. r.=2023",
                                          "19 listopada=2024-11-19", "b.r.=2024", "maju=2024-05", "br.=2024",
                                          "br.=2024"});
    Document quarters = annotated("W drugim kwartale ub.r. zysk spadł, a w III kwartale br. wzrośnie.", "pl");
    REQUIRE(resolve_dates(quarters, "2024-03-03").is_ok());
    CHECK(find(quarters, "drugim kwartale")->resolved == "2023-Q2");
    CHECK(find(quarters, "III kwartale")->resolved == "2024-Q3");
  }
  SUBCASE("English") {
    Document doc = annotated("In December last year, in January this year and in March next year.", "en");
    REQUIRE(resolve_dates(doc, "2022-11-30").is_ok());
    CHECK(find(doc, "December")->resolved == "2021-12");
    CHECK(find(doc, "January")->resolved == "2022-01");
    // "next year" is P1Y
    REQUIRE(find(doc, "next year") != nullptr);
    CHECK(find(doc, "March")->resolved == "2023-03");
  }
  SUBCASE("a comma in between breaks the link") {
    Document doc = annotated("W grudniu, w ubiegłym roku.", "pl");
    REQUIRE(resolve_dates(doc, "2022-11").is_ok());
    CHECK(find(doc, "grudniu")->resolved == "2022-12");  // by the policy, not the link
    Document doc2 = annotated("W marcu, w przyszłym roku.", "pl");
    REQUIRE(resolve_dates(doc2, "2022-11").is_ok());
    CHECK(find(doc2, "marcu")->resolved == "2022-03");
  }
}

TEST_CASE("date resolution: English relative dates against a day anchor") {
  Document doc = annotated(
      "Last Monday, yesterday and a week ago prices rose; this week, over the weekend, last "
      "weekend and next Friday too. Last year and two weeks ago, in two weeks, in January.",
      "en");
  REQUIRE(resolve_dates(doc, "2026-03-03").is_ok());  // a Tuesday
  struct Want { const char* text; const char* resolved; };
  const Want wants[] = {
      {"Last Monday", "2026-03-02"}, {"yesterday", "2026-03-02"}, {"a week ago", "2026-02-24"},
      {"this week", "2026-03-02/2026-03-08"}, {"weekend", "2026-02-28/2026-03-01"},
      {"last weekend", "2026-02-28/2026-03-01"}, {"next Friday", "2026-03-06"},
      {"Last year", "2025"}, {"two weeks ago", "2026-02-17"}, {"in two weeks", "2026-03-17"},
      {"January", "2026-01"},
  };
  for (const Want& w : wants) {
    const std::string surface = w.text;
    CAPTURE(surface);
    const Entity* e = find(doc, w.text);
    REQUIRE(e != nullptr);
    CHECK(e->resolved == w.resolved);
  }
}

TEST_CASE("date resolution: no anchor clears, a bad anchor is refused and changes nothing") {
  Document doc = annotated("Tydzień temu, w styczniu i godzinę temu.", "pl");
  REQUIRE(resolve_dates(doc, "2022-11").is_ok());
  REQUIRE(find(doc, "Tydzień temu") != nullptr);
  CHECK(find(doc, "Tydzień temu")->resolved == "2022-10/2022-11");
  CHECK(find(doc, "styczniu")->resolved == "2022-01");

  const Result<size_t> bad = resolve_dates(doc, "2022-13");
  CHECK(bad.status().code() == ErrorCode::BadArgument);
  CHECK(bad.status().message().find("2022-13") != std::string::npos);
  CHECK(find(doc, "styczniu")->resolved == "2022-01");  // unchanged

  // Another anchor replaces every value; no stale one is left.
  REQUIRE(resolve_dates(doc, "2023-01-02").is_ok());
  CHECK(find(doc, "Tydzień temu")->resolved == "2022-12-26");
  CHECK(find(doc, "styczniu")->resolved == "2023-01");

  const Result<size_t> none = resolve_dates(doc, "");
  REQUIRE(none.is_ok());
  CHECK(none.value() == 0);
  for (const Entity& e : doc.entities) CHECK(e.resolved.empty());
  for (const Entity& e : doc.entities) CHECK(!e.value.empty());

  // Only DATE entities are touched.
  doc.entities.back().resolved = "kept";
  REQUIRE(doc.entities.back().label == "TIME");
  REQUIRE(resolve_dates(doc, "2022-11").is_ok());
  CHECK(doc.entities.back().resolved == "kept");
}

TEST_CASE("date resolution: an empty document resolves nothing") {
  Document doc;
  const Result<size_t> r = resolve_dates(doc, "2022-11");
  REQUIRE(r.is_ok());
  CHECK(r.value() == 0);
}

TEST_CASE("date resolution: the engine resolves against the article's date line") {
  SUBCASE("a day anchor") {
    const Document doc = annotated(
        "Bank tnie stopy\nData: 12.01.2026\nW poniedziałek i wczoraj rada obradowała, a w grudniu "
        "inflacja spadła.",
        "pl");
    CHECK(doc.article.date == "2026-01-12");
    CHECK(find(doc, "poniedziałek")->resolved == "2026-01-12");  // 12.01.2026 is a Monday
    CHECK(find(doc, "wczoraj")->resolved == "2026-01-11");
    CHECK(find(doc, "grudniu")->resolved == "2025-12");
    CHECK(find(doc, "12.01.2026")->resolved.empty());  // absolute: nothing to resolve
  }
  SUBCASE("no date line: nothing is resolved, values stay") {
    const Document doc = annotated("Tokajew przybył w poniedziałek, tydzień temu był w Erywaniu.", "pl");
    CHECK(doc.article.date.empty());
    const Entity* e = find(doc, "tydzień temu");
    REQUIRE(e != nullptr);
    CHECK(e->value == "-P1W");
    CHECK(e->is_relative);
    CHECK(e->resolved.empty());
  }
}

TEST_CASE("date resolution: the fixture Polish article's relative dates") {
  const std::string text =
      glosa::test::read_file(glosa::test::source_path("tests/fixtures/pl-news-wizyta-wilno.txt"));
  REQUIRE(text.size() > 1000);
  const Document doc = annotated(text, "auto");
  REQUIRE(doc.article.date == "2025-10");
  struct Want { const char* text; const char* value; const char* resolved; };
  const Want wants[] = {
      {"2025-10", "2025-10", ""},                      // the date line itself
      {"poniedziałek", "XXXX-WXX-1", ""},              // a weekday needs the article's day
      {"tydzień temu", "-P1W", "2025-09/2025-10"},
      {"tym roku", "P0Y", "2025"},
      {"Dziś", "P0D", "2025-10"},
      {"zeszłym roku", "-P1Y", "2024"},
      {"tego roku", "P0Y", "2025"},
      {"roku poprzedniego", "-P1Y", "2024"},
      {"pięć lat temu", "-P5Y", "2020"},
      {"styczniu", "XXXX-01", "2025-01"},
      {"marcu", "XXXX-03", "2025-03"},
      {"Dwa tygodnie temu", "-P2W", "2025-09/2025-10"},
      {"lipcu", "XXXX-07", "2025-07"},
  };
  size_t dates = 0;
  for (const Entity& e : doc.entities) dates += e.label == "DATE";
  CHECK(dates == sizeof wants / sizeof wants[0]);
  for (const Want& w : wants) {
    const std::string surface = w.text;
    CAPTURE(surface);
    const Entity* e = find(doc, w.text);
    REQUIRE(e != nullptr);
    CHECK(e->label == "DATE");
    CHECK(e->value == w.value);
    CHECK(e->resolved == w.resolved);
  }
}

TEST_CASE("date resolution: a quarter or half without its year is in the article's year") {
  check_resolved("2025-03-14", {{"XXXX-Q3", "2025-Q3"}, {"XXXX-H1", "2025-H1"}, {"XXXX-Q4", "2025-Q4"}});
  check_resolved("2025", {{"XXXX-Q2", "2025-Q2"}});
  check_resolved("2025-03", {{"2025-Q3", ""}, {"XXXX-Q5", ""}, {"XXXX-H3", ""}});
  // "w drugim kwartale ubiegłego roku": the year offset after it.
  Document doc = annotated("Umowa\nWarszawa, 3 marca 2024 r.\nW drugim kwartale ubiegłego roku zysk spadł, "
                           "a w trzecim kwartale wzrósł.",
                           "pl");
  REQUIRE(resolve_dates(doc, "2024-03-03").is_ok());
  std::vector<std::string> got;
  for (const Entity& e : doc.entities) {
    if (e.label == "DATE") got.push_back(std::string(entity_text(doc, e)) + " " + e.value + " " + e.resolved);
  }
  CHECK(got == std::vector<std::string>{"3 marca 2024 r. 2024-03-03 ", "drugim kwartale XXXX-Q2 2023-Q2",
                                        "ubiegłego roku -P1Y 2023", "trzecim kwartale XXXX-Q3 2024-Q3"});
}

TEST_CASE("date resolution: a month or day without a year in a sentence about the future is ahead") {
  Document en = annotated("Court\n\nWASHINGTON, June 8, 2026 - The judge gave the companies until August 15 to reach "
                          "an agreement. The plant operated until March 3. The ruling will take effect on "
                          "September 1. Sales rose in August.",
                          "en");
  std::vector<std::string> got;
  for (const Entity& e : en.entities) {
    if (e.label == "DATE") got.push_back(std::string(entity_text(en, e)) + " " + e.resolved);
  }
  // A deadline ("until … to") and "will" point ahead; the past tense keeps the window.
  CHECK(got == std::vector<std::string>{"June 8, 2026 ", "August 15 2026-08-15", "March 3 2026-03-03",
                                        "September 1 2026-09-01", "August 2025-08"});
  // 2 June 2026 is a Tuesday.
  Document pl = annotated("Sprzedaż\nWarszawa, 2 czerwca 2026 r.\nW piątek ruszy sprzedaż biletów. Sprzedaż spadła "
                          "w marcu. W marcu otworzy nowy sklep.",
                          "pl");
  std::vector<std::string> got_pl;
  for (const Entity& e : pl.entities) {
    if (e.label == "DATE") got_pl.push_back(std::string(entity_text(pl, e)) + " " + e.resolved);
  }
  // "ruszy", "otworzy": perfective verbs, a future.
  CHECK(got_pl == std::vector<std::string>{"2 czerwca 2026 r. ", "piątek 2026-06-05", "marcu 2026-03", "marcu 2027-03"});
}

TEST_CASE("date resolution: a weekday after a future word is the next one") {
  // 14 March 2025 is a Friday.
  Document doc = annotated("Deal\n\nMUNICH, March 14, 2025 - Siemens agreed on Friday to buy it. It will pay $42, "
                           "a premium to the price on Thursday. Siemens said it would publish details on Monday. "
                           "The board will meet on Friday.",
                           "en");
  CHECK(doc.article.date == "2025-03-14");
  std::vector<std::string> got;
  for (const Entity& e : doc.entities) {
    if (e.label == "DATE") got.push_back(std::string(entity_text(doc, e)) + " " + e.resolved);
  }
  CHECK(got == std::vector<std::string>{"March 14, 2025 ", "Friday 2025-03-14", "Thursday 2025-03-13",
                                        "Monday 2025-03-17", "Friday 2025-03-21"});
  Document pl = annotated("Głosowanie\nWarszawa, 3 marca 2024 r.\nW piątek odbędzie się głosowanie. "
                          "Posłowie spotkali się w środę.",
                          "pl");
  std::vector<std::string> got_pl;
  for (const Entity& e : pl.entities) {
    if (e.label == "DATE") got_pl.push_back(std::string(entity_text(pl, e)) + " " + e.resolved);
  }
  // 3 March 2024 is a Sunday.
  CHECK(got_pl == std::vector<std::string>{"3 marca 2024 r. ", "piątek 2024-03-08", "środę 2024-02-28"});
}
