// Tests for engine/rules/pattern_recognizer: DATE, TIME, MONEY, PERCENT, URL and EMAIL in
// Polish and English, spans, values, overlaps, negative cases and the sample article.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/rules/pattern_recognizer.h"
#include "engine/text/tokenizer.h"
#include "test_support.h"

using namespace glosa;

namespace {

struct Found {
  std::string label;
  std::string text;
  std::string value;
  std::string subtype;
  bool is_relative = false;
};

std::vector<Found> recognize(const std::string& text, const std::string& lang) {
  std::vector<Found> out;
  for (const Entity& e : recognize_patterns(text, tokenize(text), lang)) {
    out.push_back(Found{e.label, text.substr(e.begin_byte, e.end_byte - e.begin_byte),
                        e.value, e.subtype, e.is_relative});
  }
  return out;
}

// The single entity found in `text`, or a Found with label "<none>" / "<many>".
Found only(const std::string& text, const std::string& lang) {
  const auto all = recognize(text, lang);
  if (all.empty()) return Found{"<none>", "", "", "", false};
  if (all.size() > 1) {
    std::string list;
    for (const Found& f : all) list += f.label + ":" + f.text + " ";
    return Found{"<many>", list, "", "", false};
  }
  return all[0];
}

struct Expect {
  std::string input;
  std::string label;
  std::string text;   // the entity's surface text
  std::string value;
  bool is_relative;
};

void check_cases(const std::vector<Expect>& cases, const std::string& lang) {
  for (const Expect& c : cases) {
    CAPTURE(c.input);
    CAPTURE(lang);
    const Found f = only(c.input, lang);
    CHECK(f.label == c.label);
    CHECK(f.text == c.text);
    CHECK(f.value == c.value);
    CHECK(f.is_relative == c.is_relative);
  }
}

}  // namespace

TEST_CASE("rules: Polish money with scale word and inflected currency") {
  SUBCASE("scale words and currency words") {
    check_cases({
        {"osiągnął 24,5 miliarda dolarów.", "MONEY", "24,5 miliarda dolarów", "24500000000 USD", false},
        {"to 1 250,50 zł", "MONEY", "1 250,50 zł", "1250.5 PLN", false},
        {"kosztuje 3 mln euro", "MONEY", "3 mln euro", "3000000 EUR", false},
        {"dał 5 tys. hrywien", "MONEY", "5 tys. hrywien", "5000 UAH", false},
        {"wydał 2 mld rubli", "MONEY", "2 mld rubli", "2000000000 RUB", false},
        {"ma 1 bln jenów", "MONEY", "1 bln jenów", "1000000000000 JPY", false},
        {"płaci 100 tysięcy złotych", "MONEY", "100 tysięcy złotych", "100000 PLN", false},
        {"zebrał 7 milionów funtów", "MONEY", "7 milionów funtów", "7000000 GBP", false},
        {"sprzedał za 40 mln tenge", "MONEY", "40 mln tenge", "40000000 KZT", false},
        {"kredyt we frankach: 200 tys. franków", "MONEY", "200 tys. franków", "200000 CHF", false},
        {"wart 3 mld juanów", "MONEY", "3 mld juanów", "3000000000 CNY", false},
        {"jeden dolar", "MONEY", "jeden dolar", "1 USD", false},
    }, "pl");
  }
  SUBCASE("every case of dolar and złoty") {
    for (const char* form : {"dolar", "dolara", "dolary", "dolarów", "dolarach", "dolarami"}) {
      CAPTURE(form);
      const Found f = only(std::string("to 5 ") + form, "pl");
      CHECK(f.label == "MONEY");
      CHECK(f.value == "5 USD");
    }
    for (const char* form : {"złoty", "złote", "złotych", "zł", "złotego"}) {
      CAPTURE(form);
      const Found f = only(std::string("to 5 ") + form, "pl");
      CHECK(f.value == "5 PLN");
    }
  }
  SUBCASE("number words and a scale word alone") {
    check_cases({
        {"pięć tysięcy złotych", "MONEY", "pięć tysięcy złotych", "5000 PLN", false},
        {"dwa miliony dolarów", "MONEY", "dwa miliony dolarów", "2000000 USD", false},
        {"dwadzieścia pięć euro", "MONEY", "dwadzieścia pięć euro", "25 EUR", false},
        {"miliard dolarów", "MONEY", "miliard dolarów", "1000000000 USD", false},
        {"pół miliona złotych", "MONEY", "pół miliona złotych", "500000 PLN", false},
        {"50 groszy", "MONEY", "50 groszy", "0.5 PLN", false},
        {"za 5 złotówek", "MONEY", "5 złotówek", "5 PLN", false},
    }, "pl");
  }
  SUBCASE("country adjectives, codes and symbols") {
    check_cases({
        {"24,5 miliarda dolarów amerykańskich", "MONEY", "24,5 miliarda dolarów amerykańskich", "24500000000 USD", false},
        {"10 mln dolarów kanadyjskich", "MONEY", "10 mln dolarów kanadyjskich", "10000000 CAD", false},
        {"300 koron czeskich", "MONEY", "300 koron czeskich", "300 CZK", false},
        {"300 koron", "MONEY", "300 koron", "300", false},
        {"20 lewów bułgarskich", "MONEY", "20 lewów bułgarskich", "20 BGN", false},
        {"100 forintów węgierskich", "MONEY", "100 forintów węgierskich", "100 HUF", false},
        {"50 szekli", "MONEY", "50 szekli", "50 ILS", false},
        {"40 mln tenge kazachskich", "MONEY", "40 mln tenge kazachskich", "40000000 KZT", false},
        {"5 rubli białoruskich", "MONEY", "5 rubli białoruskich", "5 BYN", false},
        {"2 funty szterlingi", "MONEY", "2 funty szterlingi", "2 GBP", false},
        {"5 funtów szterlingów", "MONEY", "5 funtów szterlingów", "5 GBP", false},
        {"100 USD", "MONEY", "100 USD", "100 USD", false},
        {"5 mln PLN", "MONEY", "5 mln PLN", "5000000 PLN", false},
        {"cena 20 €", "MONEY", "20 €", "20 EUR", false},
        {"cena 20€", "MONEY", "20€", "20 EUR", false},
        {"500 ₽ za bilet", "MONEY", "500 ₽", "500 RUB", false},
        {"40,000 rubli", "MONEY", "40,000 rubli", "40000 RUB", false},
        {"1,250 mld zł", "MONEY", "1,250 mld zł", "1250000000 PLN", false},
        {"do miliona złotych", "MONEY", "miliona złotych", "1000000 PLN", false},
        {"bilet za 5zł i", "MONEY", "5zł", "5 PLN", false},
        {"zarobił 3mln dolarów", "MONEY", "3mln dolarów", "3000000 USD", false},
        {"1000 ₸", "MONEY", "1000 ₸", "1000 KZT", false},
        {"USD 5 mln", "MONEY", "USD 5 mln", "5000000 USD", false},
    }, "pl");
  }
}

TEST_CASE("rules: English money with symbols, scales and codes") {
  check_cases({
      {"revenue of $24.5 billion", "MONEY", "$24.5 billion", "24500000000 USD", false},
      {"it paid $5", "MONEY", "$5", "5 USD", false},
      {"raised US$5m", "MONEY", "US$5m", "5000000 USD", false},
      {"a €3.2bn deal", "MONEY", "€3.2bn", "3200000000 EUR", false},
      {"about £300 each", "MONEY", "£300", "300 GBP", false},
      {"it cost 1,250.50 dollars", "MONEY", "1,250.50 dollars", "1250.5 USD", false},
      {"5 million US dollars", "MONEY", "5 million US dollars", "5000000 USD", false},
      {"20 Swiss francs", "MONEY", "20 Swiss francs", "20 CHF", false},
      {"two million euros", "MONEY", "two million euros", "2000000 EUR", false},
      {"a billion dollars", "MONEY", "a billion dollars", "1000000000 USD", false},
      {"$1,000,000 prize", "MONEY", "$1,000,000", "1000000 USD", false},
      {"100 PLN", "MONEY", "100 PLN", "100 PLN", false},
      {"50 cents", "MONEY", "50 cents", "0.5 USD", false},
      {"one £5 note", "MONEY", "£5", "5 GBP", false},
      {"a hundred thousand pounds", "MONEY", "a hundred thousand pounds", "100000 GBP", false},
      {"four hundred and sixty-seven pounds", "MONEY", "four hundred and sixty-seven pounds", "467 GBP", false},
  }, "en");
}

TEST_CASE("rules: percentages in Polish and English") {
  check_cases({
      {"wzrost o 5 proc. w stosunku", "PERCENT", "5 proc.", "5", false},
      {"wzrost o 5%", "PERCENT", "5%", "5", false},
      {"wzrost o 5 %", "PERCENT", "5 %", "5", false},
      {"24,5 procent", "PERCENT", "24,5 procent", "24.5", false},
      {"o 5 procentach mowa", "PERCENT", "5 procentach", "5", false},
      {"pięć procent", "PERCENT", "pięć procent", "5", false},
      {"o 0,5 pkt proc.", "PERCENT", "0,5 pkt proc.", "0.5", false},
      {"o 2 punkty procentowe", "PERCENT", "2 punkty procentowe", "2", false},
      {"o 2 p.p. w górę", "PERCENT", "2 p.p.", "2", false},
      {"o 25 pb", "PERCENT", "25 pb", "0.25", false},
      {"o 50 punktów bazowych", "PERCENT", "50 punktów bazowych", "0.5", false},
  }, "pl");
  check_cases({
      {"rose 5%", "PERCENT", "5%", "5", false},
      {"rose 5 percent", "PERCENT", "5 percent", "5", false},
      {"rose 2.5 per cent", "PERCENT", "2.5 per cent", "2.5", false},
      {"five percent", "PERCENT", "five percent", "5", false},
      {"by 0.25 percentage points", "PERCENT", "0.25 percentage points", "0.25", false},
      {"by 25 bps", "PERCENT", "25 bps", "0.25", false},
      {"by 75 basis points", "PERCENT", "75 basis points", "0.75", false},
  }, "en");
  CHECK(only("o 0,5 pkt proc.", "pl").subtype == "point");
}

TEST_CASE("rules: Polish absolute dates, months and years") {
  SUBCASE("full dates") {
    check_cases({
        {"Dnia 12 stycznia 2022 r. podpisano", "DATE", "12 stycznia 2022 r.", "2022-01-12", false},
        {"podpisano dnia 12 stycznia 2022 r.", "DATE", "dnia 12 stycznia 2022 r.", "2022-01-12", false},
        {"do 12 stycznia", "DATE", "12 stycznia", "XXXX-01-12", false},
        {"1 maja 2021 roku", "DATE", "1 maja 2021 roku", "2021-05-01", false},
        {"dnia 25.11.2022", "DATE", "25.11.2022", "2022-11-25", false},
        {"od 2022-11-25", "DATE", "2022-11-25", "2022-11-25", false},
        {"date 2022-11 Kasym", "DATE", "2022-11", "2022-11", false},
        {"dnia 25-11-2022", "DATE", "25-11-2022", "2022-11-25", false},
    }, "pl");
  }
  SUBCASE("all twelve months, inflected, preposition left out") {
    const char* locatives[] = {"styczniu", "lutym", "marcu", "kwietniu", "maju", "czerwcu",
                               "lipcu", "sierpniu", "wrześniu", "październiku",
                               "listopadzie", "grudniu"};
    const char* genitives[] = {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
                               "lipca", "sierpnia", "września", "października",
                               "listopada", "grudnia"};
    const char* nominatives[] = {"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec",
                                 "lipiec", "sierpień", "wrzesień", "październik",
                                 "listopad", "grudzień"};
    for (int m = 0; m < 12; ++m) {
      const std::string mm = (m + 1 < 10 ? "0" : "") + std::to_string(m + 1);
      const std::string in_month = std::string("Stało się to w ") + locatives[m] + ".";
      CAPTURE(in_month);
      Found f = only(in_month, "pl");
      CHECK(f.label == "DATE");
      CHECK(f.text == locatives[m]);
      CHECK(f.value == "XXXX-" + mm);
      const std::string day = std::string("Było to 3 ") + genitives[m] + " 2021 r.";
      CAPTURE(day);
      f = only(day, "pl");
      CHECK(f.value == "2021-" + mm + "-03");
      const std::string month_year = std::string(nominatives[m]) + " 2022 był ciepły";
      CAPTURE(month_year);
      f = only(month_year, "pl");
      CHECK(f.value == "2022-" + mm);
    }
  }
  SUBCASE("years") {
    check_cases({
        {"w 2022 roku", "DATE", "2022 roku", "2022", false},
        {"w 2022 r. spadło", "DATE", "2022 r.", "2022", false},
        {"w 2022r. spadło", "DATE", "2022r.", "2022", false},
        {"w roku 2022", "DATE", "roku 2022", "2022", false},
        {"od 2014 trwa wojna", "DATE", "2014", "2014", false},
        {"W styczniu 2022 roku", "DATE", "styczniu 2022 roku", "2022-01", false},
    }, "pl");
  }
}

TEST_CASE("rules: centuries and decades") {
  check_cases({
      {"w XX w. powstało", "DATE", "XX w.", "19", false},
      {"w XXI wieku", "DATE", "XXI wieku", "20", false},
      {"w latach 90. było", "DATE", "latach 90.", "199", false},
      {"lat 80. XX wieku", "DATE", "lat 80. XX wieku", "198", false},
  }, "pl");
  check_cases({
      {"in the 1990s", "DATE", "1990s", "199", false},
      {"the 20th century", "DATE", "20th century", "19", false},
  }, "en");
}

TEST_CASE("rules: a year written with an apostrophe and two digits") {
  check_cases({
      {"Kobieta Roku '94, szefowa", "DATE", "'94", "1994", false},
      {"Mistrzostw Polski \xE2\x80\x99" "99 - 26. Rajdu", "DATE", "\xE2\x80\x99" "99", "1999", false},
      {"w maju '97 sąd zakazał", "DATE", "maju '97", "1997-05", false},
      {"na Euro '12 pojedzie", "DATE", "'12", "2012", false},  // 00-68: this century
      // A quoted number, the end of a quoted title, inside a number: no year.
      {"powiedział '94' i wyszedł", "<none>", "", "", false},
      {"program \"Foksal '89\" dwa lata", "<none>", "", "", false},
      {"ma 5'10 wzrostu", "<none>", "", "", false},
  }, "pl");
  check_cases({
      {"the class of '99 met", "DATE", "'99", "1999", false},
  }, "en");
}

TEST_CASE("rules: quarters and halves of a year are whole DATE spans") {
  check_cases({
      {"close in the third quarter of 2025, subject to", "DATE", "the third quarter of 2025", "2025-Q3", false},
      {"sales in Q3 2024 rose", "DATE", "Q3 2024", "2024-Q3", false},
      {"in the first half of 2026 it", "DATE", "the first half of 2026", "2026-H1", false},
      {"orders for the second quarter.", "DATE", "the second quarter", "XXXX-Q2", false},
      {"in the fourth quarter 2023 it", "DATE", "the fourth quarter 2023", "2023-Q4", false},
      // Not periods: a half without a year, a fraction, a bare "Q3", a lower-case "q3".
      {"in the first half of the match", "<none>", "", "", false},
      {"a quarter of the shares", "<none>", "", "", false},
      {"the Q3 engine", "<none>", "", "", false},
      {"the q3 2024 file", "<none>", "", "", false},
  }, "en");
  check_cases({
      {"w drugim kwartale zarobiła", "DATE", "drugim kwartale", "XXXX-Q2", false},
      {"w trzecim kwartale 2025 r. spadło", "DATE", "trzecim kwartale 2025 r.", "2025-Q3", false},
      {"w III kw. 2023 r. było", "DATE", "III kw. 2023 r.", "2023-Q3", false},
      {"w pierwszym półroczu 2024 roku sprzedaż", "DATE", "pierwszym półroczu 2024 roku", "2024-H1", false},
      {"za I kwartał wynik", "DATE", "I kwartał", "XXXX-Q1", false},
      {"ja i kwartał", "<none>", "", "", false},
  }, "pl");
}

TEST_CASE("rules: date ranges become ISO 8601 intervals") {
  check_cases({
      {"w dniach 12–14 stycznia 2022 r.", "DATE", "12–14 stycznia 2022 r.", "2022-01-12/2022-01-14", false},
      {"od 3-5 maja", "DATE", "3-5 maja", "XXXX-05-03/XXXX-05-05", false},
      {"w latach 2020–2022 wzrosła", "DATE", "2020–2022", "2020/2022", false},
  }, "pl");
  check_cases({
      {"on January 12-14, 2022", "DATE", "January 12-14, 2022", "2022-01-12/2022-01-14", false},
      {"in 1990-1995", "DATE", "1990-1995", "1990/1995", false},
  }, "en");
  CHECK(only("kosztuje 1500-2000 zł", "pl").value == "2000 PLN");
  CHECK(recognize("przyjdzie 1000–2000 osób", "pl").empty());
  CHECK(only("w dniach 12–14 stycznia", "pl").subtype == "range");
}

TEST_CASE("rules: Polish weekdays in every case") {
  struct Day { const char* phrase; const char* text; int day; };
  const Day days[] = {
      {"w poniedziałek", "poniedziałek", 1}, {"od poniedziałku", "poniedziałku", 1},
      {"przed poniedziałkiem", "poniedziałkiem", 1}, {"we wtorek", "wtorek", 2},
      {"we wtorku", "wtorku", 2}, {"w środę", "środę", 3}, {"w środzie", "środzie", 3},
      {"do środy", "środy", 3}, {"w czwartek", "czwartek", 4}, {"w piątek", "piątek", 5},
      {"w sobotę", "sobotę", 6}, {"w sobotę", "sobotę", 6}, {"w niedzielę", "niedzielę", 7},
      {"do niedzieli", "niedzieli", 7},
  };
  for (const Day& d : days) {
    const std::string input = std::string("Spotkali się ") + d.phrase + " rano.";
    CAPTURE(input);
    const Found f = only(input, "pl");
    CHECK(f.label == "DATE");
    CHECK(f.text == d.text);
    CHECK(f.value == "XXXX-WXX-" + std::to_string(d.day));
    CHECK(f.subtype == "weekday");
  }
  check_cases({
      {"w zeszły piątek", "DATE", "zeszły piątek", "-XXXX-WXX-5", true},
      {"w ubiegłą środę", "DATE", "ubiegłą środę", "-XXXX-WXX-3", true},
      {"w przyszłą sobotę", "DATE", "przyszłą sobotę", "+XXXX-WXX-6", true},
      {"w najbliższy wtorek", "DATE", "najbliższy wtorek", "+XXXX-WXX-2", true},
      {"w poniedziałek 12 stycznia", "DATE", "poniedziałek 12 stycznia", "XXXX-01-12", false},
      {"Środa była deszczowa", "DATE", "Środa", "XXXX-WXX-3", false},
      {"w weekend padało", "DATE", "weekend", "XXXX-WXX-WE", false},
      {"w miniony weekend", "DATE", "miniony weekend", "-XXXX-WXX-WE", true},
      {"w najbliższy weekend", "DATE", "najbliższy weekend", "+XXXX-WXX-WE", true},
  }, "pl");
  check_cases({
      {"over the weekend", "DATE", "weekend", "XXXX-WXX-WE", false},
      {"last weekend", "DATE", "last weekend", "-XXXX-WXX-WE", true},
  }, "en");
  CHECK(recognize("weekendowe wydanie, weekend majowy", "pl").empty());
}

TEST_CASE("rules: Polish relative dates carry an offset") {
  check_cases({
      {"wczoraj", "DATE", "wczoraj", "-P1D", true},
      {"Przedwczoraj padało", "DATE", "Przedwczoraj", "-P2D", true},
      {"dziś rano", "DATE", "dziś", "P0D", true},
      {"dzisiaj rano", "DATE", "dzisiaj", "P0D", true},
      {"jutro rano", "DATE", "jutro", "P1D", true},
      {"spotkali się tydzień temu", "DATE", "tydzień temu", "-P1W", true},
      {"Dwa tygodnie temu", "DATE", "Dwa tygodnie temu", "-P2W", true},
      {"3 dni temu", "DATE", "3 dni temu", "-P3D", true},
      {"pięć lat temu", "DATE", "pięć lat temu", "-P5Y", true},
      {"rok temu", "DATE", "rok temu", "-P1Y", true},
      {"kilka dni temu", "DATE", "kilka dni temu", "-PXD", true},
      {"dwadzieścia lat temu", "DATE", "dwadzieścia lat temu", "-P20Y", true},
      {"9 miesięcy temu", "DATE", "9 miesięcy temu", "-P9M", true},
      {"w zeszłym roku", "DATE", "zeszłym roku", "-P1Y", true},
      {"w ubiegłym miesiącu", "DATE", "ubiegłym miesiącu", "-P1M", true},
      {"w tym tygodniu", "DATE", "tym tygodniu", "P0W", true},
      {"w tym roku", "DATE", "tym roku", "P0Y", true},
      {"do końca tego roku", "DATE", "tego roku", "P0Y", true},
      {"w przyszłym roku", "DATE", "przyszłym roku", "P1Y", true},
      {"w przyszłym tygodniu", "DATE", "przyszłym tygodniu", "P1W", true},
      {"okresu roku poprzedniego", "DATE", "roku poprzedniego", "-P1Y", true},
      {"do końca roku bieżącego", "DATE", "roku bieżącego", "P0Y", true},
      {"wybory za tydzień", "DATE", "za tydzień", "P1W", true},
      {"za dwa lata", "DATE", "za dwa lata", "P2Y", true},
      {"przed rokiem", "DATE", "przed rokiem", "-P1Y", true},
      {"przed rokiem 2000", "DATE", "rokiem 2000", "2000", false},
      // Any other number after the unit is what happened then: still a year, a week ago.
      {"Przed rokiem 120 os\xC3\xB3""b straci\xC5\x82o prac\xC4\x99", "DATE", "Przed rokiem", "-P1Y", true},
      {"przed tygodniem 3 osoby", "DATE", "przed tygodniem", "-P1W", true},
  }, "pl");
}

TEST_CASE("rules: English dates, months, weekdays and relative dates") {
  check_cases({
      {"on January 12, 2022, it", "DATE", "January 12, 2022", "2022-01-12", false},
      {"on 12 January 2022 it", "DATE", "12 January 2022", "2022-01-12", false},
      {"on Jan. 12 it", "DATE", "Jan. 12", "XXXX-01-12", false},
      {"on Dec. 5, 2021", "DATE", "Dec. 5, 2021", "2021-12-05", false},
      {"on the 12th of March", "DATE", "12th of March", "XXXX-03-12", false},
      {"in January 2022", "DATE", "January 2022", "2022-01", false},
      {"in January", "DATE", "January", "XXXX-01", false},
      {"in May", "DATE", "May", "XXXX-05", false},
      {"in 2022 the firm", "DATE", "2022", "2022", false},
      {"since 2014", "DATE", "2014", "2014", false},
      {"on Monday", "DATE", "Monday", "XXXX-WXX-1", false},
      {"last Monday", "DATE", "last Monday", "-XXXX-WXX-1", true},
      {"next Friday", "DATE", "next Friday", "+XXXX-WXX-5", true},
      {"last year", "DATE", "last year", "-P1Y", true},
      {"this year", "DATE", "this year", "P0Y", true},
      {"next week", "DATE", "next week", "P1W", true},
      {"yesterday", "DATE", "yesterday", "-P1D", true},
      {"today", "DATE", "today", "P0D", true},
      {"two weeks ago", "DATE", "two weeks ago", "-P2W", true},
      {"a week ago", "DATE", "a week ago", "-P1W", true},
      {"a few weeks ago", "DATE", "a few weeks ago", "-PXW", true},
      {"a couple of days ago", "DATE", "a couple of days ago", "-P2D", true},
      {"3 days ago", "DATE", "3 days ago", "-P3D", true},
      {"twenty-five years ago", "DATE", "twenty-five years ago", "-P25Y", true},
      {"in two weeks", "DATE", "in two weeks", "P2W", true},
      {"Monday, January 12, 2022", "DATE", "Monday, January 12, 2022", "2022-01-12", false},
      {"on 11/25/2022", "DATE", "11/25/2022", "2022-11-25", false},
      // A year modifying a noun after an article or a possessive; not a count.
      {"upheld a 2021 injunction", "DATE", "2021", "2021", false},
      {"after its 2019 report", "DATE", "2019", "2019", false},
      {"the 2000 people came", "<none>", "", "", false},
      {"the 2016 elections", "<none>", "", "", false},
      {"a 2020 of them", "<none>", "", "", false},
      {"a 2000 word essay", "<none>", "", "", false},  // a round hundred: a count
  }, "en");
}

TEST_CASE("rules: clock times in Polish and English") {
  check_cases({
      {"o godz. 12:30", "TIME", "godz. 12:30", "12:30", false},
      {"o godz. 12", "TIME", "godz. 12", "12:00", false},
      {"o godzinie 16", "TIME", "godzinie 16", "16:00", false},
      {"o 15.00 zaczęli", "TIME", "15.00", "15:00", false},
      {"od 9:05 do", "TIME", "9:05", "09:05", false},
      {"12:30", "TIME", "12:30", "12:30", false},
      {"o 23:59:30", "TIME", "23:59:30", "23:59:30", false},
      {"Godzinę temu", "TIME", "Godzinę temu", "-PT1H", true},
      {"2 godziny temu", "TIME", "2 godziny temu", "-PT2H", true},
      {"kilka minut temu", "TIME", "kilka minut temu", "-PTXM", true},
      {"za godzinę", "TIME", "za godzinę", "PT1H", true},
      {"przed godziną", "TIME", "przed godziną", "-PT1H", true},
      // A number after the unit names a point: "before 22:00", not "an hour ago".
      {"tuż przed godziną 22 wkroczyli", "TIME", "godziną 22", "22:00", false},
      {"przed godziną 22.00", "TIME", "godziną 22.00", "22:00", false},
  }, "pl");
  check_cases({
      {"at 10 a.m.", "TIME", "10 a.m.", "10:00", false},
      {"at 3 pm", "TIME", "3 pm", "15:00", false},
      {"at 3pm", "TIME", "3pm", "15:00", false},
      {"at 10:30 p.m.", "TIME", "10:30 p.m.", "22:30", false},
      {"at 12 a.m.", "TIME", "12 a.m.", "00:00", false},
      {"at 9.30 the", "TIME", "9.30", "09:30", false},
      {"an hour ago", "TIME", "an hour ago", "-PT1H", true},
      {"in 30 minutes", "TIME", "in 30 minutes", "PT30M", true},
      {"by 9.30am", "TIME", "9.30am", "09:30", false},
      {"rose 9.30 points", "<none>", "", "", false},
  }, "en");
}

TEST_CASE("rules: quantities with units and scale words") {
  check_cases({
      {"dostarczy 10 mld m sześc. gazu", "QUANTITY", "10 mld m sześc.", "10000000000 m3", false},
      {"eksport 2 mln ton zboża", "QUANTITY", "2 mln ton", "2000000 t", false},
      {"100 tys. baryłek ropy", "QUANTITY", "100 tys. baryłek", "100000 bbl", false},
      {"trasa ma 5 km", "QUANTITY", "5 km", "5 km", false},
      {"jechał 120 km/h", "QUANTITY", "120 km/h", "120 km/h", false},
      {"upał 30°C", "QUANTITY", "30°C", "30 °C", false},
      {"35 stopni Celsjusza", "QUANTITY", "35 stopni Celsjusza", "35 °C", false},
      {"farma 50 MW", "QUANTITY", "50 MW", "50 MW", false},
      {"1,5 l wody", "QUANTITY", "1,5 l", "1.5 l", false},
      {"dwa kilometry dalej", "QUANTITY", "dwa kilometry", "2 km", false},
  }, "pl");
  check_cases({
      {"2 million barrels a day", "QUANTITY", "2 million barrels", "2000000 bbl", false},
      {"5 miles away", "QUANTITY", "5 miles", "5 mi", false},
      {"30 degrees Celsius", "QUANTITY", "30 degrees Celsius", "30 °C", false},
  }, "en");
  for (const std::string text : {"12 posłów", "9 miesięcy", "3 stopnie wtajemniczenia",
                                 "50 mW", "Asia Bibi (45 l.) trafiła"}) {
    CAPTURE(text);
    CHECK(recognize(text, "pl").empty());
  }
}

TEST_CASE("rules: URLs and e-mail addresses are emitted as they are written") {
  check_cases({
      {"Źródło: fergana.news/kresy.pl", "URL", "fergana.news/kresy.pl", "fergana.news/kresy.pl", false},
      {"zob. https://example.com/a?b=1.", "URL", "https://example.com/a?b=1", "https://example.com/a?b=1", false},
      {"pisz: jan.kowalski@example.pl", "EMAIL", "jan.kowalski@example.pl", "jan.kowalski@example.pl", false},
  }, "pl");
}

TEST_CASE("rules: numbers that are not dates, amounts or times stay untagged") {
  const char* polish[] = {
      "obchodzili 30 rocznicę nawiązania stosunków",
      "podczas 30 rocznicy",
      "wyniki pierwszych 9 miesięcy",
      "w 2000 domach",
      "do 2000 osób",
      "Marca nie było",
      "mieszka tu 2022 osób",
      "liczba 2022",
      "zdobyła 3 złote medale",
      "Maja Kowalska przyszła",
      "Mieszka w Środzie Wielkopolskiej",
      "wynik 24,5 punktu",
      "ma 12 lat",
      "cena 15.00",
      "Dzisiejsza wizyta",
      "w tej wizycie",
      "w poniedziałki i czwartki",
      "kilka tysięcy rubli",     // a scale word in the plural needs a count
      "dzień za dniem",
      "pracował za dnia",
      "XX Zjazd",
      "2 lwy i 3 lewa",
  };
  for (const std::string text : polish) {
    CAPTURE(text);
    CHECK(recognize(text, "pl").empty());
  }
  const char* english[] = {"May I come in?", "In 2000 cases it failed", "he scored 21 points",
                           "March on", "a week", "in some day",
                           "some thousand pounds"};
  for (const std::string text : english) {
    CAPTURE(text);
    CHECK(recognize(text, "en").empty());
  }
}

TEST_CASE("rules: empty input, edges of the text and multi-byte neighbours") {
  CHECK(recognize("", "pl").empty());
  CHECK(recognize("   \n ", "pl").empty());
  check_cases({
      {"5%", "PERCENT", "5%", "5", false},
      {"wczoraj", "DATE", "wczoraj", "-P1D", true},
      {"„24,5 mld zł”", "MONEY", "24,5 mld zł", "24500000000 PLN", false},
      {"🐢 w środę 🐢", "DATE", "środę", "XXXX-WXX-3", false},
      {"Koszt: 5 zł.", "MONEY", "5 zł", "5 PLN", false},
  }, "pl");
}

TEST_CASE("rules: the full stop after zł, mln or mld is not part of the entity; after r. it is") {
  // Polish writes zł, mln and mld without a dot; "r." (rok) and "proc." keep theirs.
  check_cases({
      {"Nabrzeże kosztuje 480 mln zł. Wcześniej", "MONEY", "480 mln zł", "480000000 PLN", false},
      {"Promy przypłyną w 2028 r. Wcześniej", "DATE", "2028 r.", "2028", false},
      {"Wzrosła o 5 proc. Więcej", "PERCENT", "5 proc.", "5", false},
  }, "pl");
  // Inside a sentence the dot stays with the abbreviation as the tokenizer read it.
  const auto found = recognize("kosztuje 5 zł. za bilet", "pl");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "5 zł.");
}

TEST_CASE("rules: lang other tries both languages; output is sorted and non-overlapping") {
  const auto found = recognize("W poniedziałek kupił za $5 million, last year 5 proc.", "other");
  REQUIRE(found.size() == 4);
  CHECK(found[0].text == "poniedziałek");
  CHECK(found[1].value == "5000000 USD");
  CHECK(found[2].value == "-P1Y");
  CHECK(found[3].label == "PERCENT");
  const std::string text = "12 stycznia 2022 r. o godz. 12:30 zapłacił 5 mln zł, 5%.";
  const auto entities = recognize_patterns(text, tokenize(text), "pl");
  REQUIRE(entities.size() == 4);
  for (size_t k = 1; k < entities.size(); ++k) {
    CHECK(entities[k - 1].end_byte <= entities[k].begin_byte);
    CHECK(entities[k].origin == Origin::Rule);
    CHECK(entities[k].confidence == 1.0f);
  }
}

TEST_CASE("rules: the fixture Polish article gets its dates, amount and percentage") {
  const std::string text =
      glosa::test::read_file(glosa::test::source_path("tests/fixtures/pl-news-wizyta-wilno.txt"));
  REQUIRE(text.size() > 1000);
  AnnotateOptions options;
  options.use_model = false;
  const auto result = Engine().annotate(text, options);
  REQUIRE(result.is_ok());
  const Document& doc = result.value().doc;
  CHECK(doc.lang == "pl");
  auto find = [&](const std::string& surface) -> const Entity* {
    for (const Entity& e : doc.entities) {
      if (entity_text(doc, e) == surface) return &e;
    }
    return nullptr;
  };
  struct Want { const char* text; const char* label; const char* value; bool is_relative; };
  const Want wants[] = {
      {"2025-10", "DATE", "2025-10", false},
      {"poniedziałek", "DATE", "XXXX-WXX-1", false},      // "w poniedziałek"
      {"tydzień temu", "DATE", "-P1W", true},
      {"tym roku", "DATE", "P0Y", true},                  // "W tym roku"
      {"Dziś", "DATE", "P0D", true},
      {"zeszłym roku", "DATE", "-P1Y", true},             // "w zeszłym roku"
      {"24,5 miliarda dolarów", "MONEY", "24500000000 USD", false},
      {"tego roku", "DATE", "P0Y", true},
      {"5 proc.", "PERCENT", "5", false},
      {"roku poprzedniego", "DATE", "-P1Y", true},
      {"pięć lat temu", "DATE", "-P5Y", true},
      {"styczniu", "DATE", "XXXX-01", false},             // "w styczniu"
      {"marcu", "DATE", "XXXX-03", false},                // "W marcu"
      {"Dwa tygodnie temu", "DATE", "-P2W", true},
      {"lipcu", "DATE", "XXXX-07", false},                // "W lipcu"
      {"baltika.news/polska-litwa", "URL", "baltika.news/polska-litwa", false},
  };
  for (const Want& w : wants) {
    CAPTURE(w.text);
    const Entity* e = find(w.text);
    REQUIRE(e != nullptr);
    CHECK(e->label == w.label);
    CHECK(e->value == w.value);
    CHECK(e->is_relative == w.is_relative);
    CHECK(e->origin == Origin::Rule);
  }
  // Documented non-dates: an anniversary count and a duration are not tagged.
  for (const char* phrase : {"35 rocznic", "9 miesięcy"}) {
    CAPTURE(phrase);
    const size_t at = text.find(phrase);
    REQUIRE(at != std::string::npos);
    for (const Entity& e : doc.entities) CHECK_FALSE((e.begin_byte <= at && at < e.end_byte));
  }
  size_t rule_count = 0;
  for (const Entity& e : doc.entities) rule_count += e.origin == Origin::Rule;
  CHECK(rule_count == 16);
}
