// Tests for engine/article/article_info: title, article date, source line, urls, word count
// and reading time, in Polish and English; empty text, date lines in many formats, lines that
// must not count.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/article/article_info.h"
#include "engine/engine.h"
#include "test_support.h"

using namespace glosa;

namespace {

// The rule entities and tokens of `text` (no NER model: deterministic).
Analysis rules_of(const std::string& text, const std::string& lang = "auto") {
  AnnotateOptions options;
  options.use_model = false;
  options.lang = lang;
  auto result = Engine().annotate(text, options);
  REQUIRE(result.is_ok());
  return result.value();
}

// ArticleInfo of `text` with its rule entities.
ArticleInfo info_of(const std::string& text, const std::string& lang = "auto") {
  const Analysis a = rules_of(text, lang);
  return compute_article_info(a.doc.text, a.tokens, a.doc.entities);
}

struct Expect {
  const char* text;
  const char* lang;
  const char* field;  // the expected value of the field under test
};

}  // namespace

TEST_CASE("article info: empty and whitespace-only text give empty fields") {
  for (const std::string& text : {std::string(), std::string("  \n\t \n\xC2\xA0 \n")}) {
    CAPTURE(text);
    const ArticleInfo info = compute_article_info(text, tokenize(text), {});
    CHECK(info.title.empty());
    CHECK(info.date.empty());
    CHECK(info.source.empty());
    CHECK(info.urls.empty());
    CHECK(info.word_count == 0);
    CHECK(info.reading_minutes == 0);
  }
}

TEST_CASE("article info: the title is the first non-empty line, trimmed") {
  const Expect cases[] = {
      {"\n\n   Tokajew w Moskwie  \nTreść artykułu.", "pl", "Tokajew w Moskwie"},
      {"\xC2\xA0Żółta kartka dla „Gucia”\xC2\xA0\n\nTreść.", "pl", "Żółta kartka dla „Gucia”"},
      {"🐢 Żółw ucieka 🐢\nTreść.", "pl", "🐢 Żółw ucieka 🐢"},
      {"Tylko jedno zdanie, bez tytułu.", "pl", "Tylko jedno zdanie, bez tytułu."},
      {"Tytuł z Windows\r\nTreść.", "pl", "Tytuł z Windows"},
      {"Markets rally as rates fall\n\nStocks rose on Monday.", "en", "Markets rally as rates fall"},
  };
  for (const Expect& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(info_of(c.text, c.lang).title == std::string(c.field));
  }
}

TEST_CASE("article info: a date line or marker is not part of the title") {
  const Expect cases[] = {
      {" date 2022-11 Kasym-Żomert Tokajew złożył wizytę w Moskwie.\n\nTreść.", "pl",
       "Kasym-Żomert Tokajew złożył wizytę w Moskwie."},
      {"date 2022-11-25 – Tytuł po myślniku\nTreść.", "pl", "Tytuł po myślniku"},
      {"Data: 12.01.2026\nPremier w Brukseli\nTreść.", "pl", "Premier w Brukseli"},
      {"2026-03-12\nSejm uchwalił budżet\nTreść.", "pl", "Sejm uchwalił budżet"},
      {"12 stycznia 2026 r.\n\nSejm uchwalił budżet\nTreść.", "pl", "Sejm uchwalił budżet"},
      {"Opublikowano: 12 stycznia 2026 r., godz. 10:30 – Tytuł po dacie\nTreść.", "pl",
       "Tytuł po dacie"},
      {"Data: 12.01.2026 | Autor: Jan Kowalski\nTytuł pod autorem\nTreść.", "pl",
       "Tytuł pod autorem"},
      {"Published on Monday, March 3, 2026 at 10:30 GMT\nMarkets rally\nText.", "en",
       "Markets rally"},
      // A marker word without a date is an ordinary title.
      {"Data science w Polsce\nTreść.", "pl", "Data science w Polsce"},
      // Only date lines: the first line as written.
      {"2026-03-12\n12 stycznia 2026 r.", "pl", "2026-03-12"},
  };
  for (const Expect& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(info_of(c.text, c.lang).title == std::string(c.field));
  }
}

TEST_CASE("article info: the article date from a date line near the top, Polish and English") {
  const Expect cases[] = {
      {" date 2022-11 Kasym-Żomert Tokajew w Moskwie\nTreść.", "pl", "2022-11"},
      {"date 2022-11-25 Tytuł\nTreść.", "pl", "2022-11-25"},
      {"date 2022 Tytuł\nTreść.", "pl", "2022"},                       // a bare year after a marker
      {"Data: 12.01.2026\nTytuł\nTreść.", "pl", "2026-01-12"},
      {"Tytuł\nData: 12.01.2026\nTreść.", "pl", "2026-01-12"},
      {"Tytuł\ndata 12.01.2026 r.\nTreść.", "pl", "2026-01-12"},
      {"Tytuł\nOpublikowano: 12.01.2026, 10:30\nTreść.", "pl", "2026-01-12"},
      {"Tytuł\nPublikacja: dnia 5 maja 2024 r.\nTreść.", "pl", "2024-05-05"},
      {"2026-03-12\nTytuł\nTreść.", "pl", "2026-03-12"},
      {"Tytuł\n12 stycznia 2026\nTreść.", "pl", "2026-01-12"},
      {"Tytuł\n12 stycznia 2026 r., godz. 10:30\nTreść.", "pl", "2026-01-12"},
      {"Tytuł\nstyczeń 2026\nTreść.", "pl", "2026-01"},
      {"Title\nPublished: March 3, 2026\nText.", "en", "2026-03-03"},
      {"Title\nPublished on Monday, March 3, 2026 at 10:30 GMT\nText.", "en", "2026-03-03"},
      {"Title\nDated 3 March 2026\nText.", "en", "2026-03-03"},
      {"Title\nPosted: January 12, 2022\nText.", "en", "2022-01-12"},
      {"Title\nMarch 3, 2026\nText.", "en", "2026-03-03"},
      {"Title\n2026-03-12 | 10:30\nText.", "en", "2026-03-12"},
      {"Title\nUpdated: March 4, 2026\nText.", "en", "2026-03-04"},   // only an update date
      // A publication date beats a date-only line and an earlier update line.
      {"Tytuł\nAktualizacja: 13.01.2026\nData: 12.01.2026\nTreść.", "pl", "2026-01-12"},
      {"Tytuł\n13.01.2026\nData: 12.01.2026\nTreść.", "pl", "2026-01-12"},
  };
  for (const Expect& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(info_of(c.text, c.lang).date == std::string(c.field));
  }
}

TEST_CASE("article info: dates that are not the article's date are not taken") {
  const Expect cases[] = {
      // in a sentence, not on a line of its own
      {"Tytuł\n12 stycznia 2026 r. w Warszawie odbyło się spotkanie.", "pl", ""},
      {"Tytuł\nOn March 3, 2026 the bank cut rates.", "en", ""},
      // relative, year-less, ranges, centuries
      {"Tytuł\nDziś\nTreść.", "pl", ""},
      {"Tytuł\n12 stycznia\nTreść.", "pl", ""},
      {"Tytuł\nData: wczoraj\nTreść.", "pl", ""},
      {"Tytuł\n12–14 stycznia 2022 r.\nTreść.", "pl", ""},
      {"Tytuł\nXXI wieku\nTreść.", "pl", ""},
      // beyond the first kDateLineWindow non-empty lines
      {"Tytuł\nA.\nB.\nC.\nD.\n2026-03-12\nTreść.", "pl", ""},
      // no date line at all
      {"Tokajew przybył do Moskwy w poniedziałek.\nW marcu zadeklarował neutralność.", "pl", ""},
  };
  for (const Expect& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(info_of(c.text, c.lang).date == std::string(c.field));
  }
  // The window is counted in non-empty lines: the fifth one still counts.
  CHECK(info_of("Tytuł\n\n\nA.\n\nB.\nC.\n2026-03-12\nTreść.", "pl").date == "2026-03-12");
}

TEST_CASE("article info: a date a person rejected does not count") {
  Analysis a = rules_of("Tytuł\nData: 12.01.2026\nTreść.");
  REQUIRE(a.doc.entities.size() == 1);
  CHECK(compute_article_info(a.doc.text, a.tokens, a.doc.entities).date == "2026-01-12");
  a.doc.entities[0].status = ReviewStatus::Rejected;
  CHECK(compute_article_info(a.doc.text, a.tokens, a.doc.entities).date.empty());
}

TEST_CASE("article info: a marker line whose date a person rejected is a title as written, not cut after its year") {
  Analysis a = rules_of("date 2022-11 Kasym-\xC5\xBBomart Tokajew w Moskwie\nTre\xC5\x9B\xC4\x87.");
  ArticleInfo info = compute_article_info(a.doc.text, a.tokens, a.doc.entities);
  REQUIRE(info.date == "2022-11");
  CHECK(info.title == "Kasym-\xC5\xBBomart Tokajew w Moskwie");
  for (Entity& e : a.doc.entities) if (e.label == "DATE") e.status = ReviewStatus::Rejected;
  info = compute_article_info(a.doc.text, a.tokens, a.doc.entities);
  CHECK(info.date.empty());
  CHECK(info.title == "date 2022-11 Kasym-\xC5\xBBomart Tokajew w Moskwie");  // was "11 Kasym-Żomart …"
}

TEST_CASE("article info: the source line") {
  const Expect cases[] = {
      {"Tytuł\nTreść.\n\nfergana.news/kresy.pl", "pl", "fergana.news/kresy.pl"},
      {"Tytuł\nTreść.\nfergana.news/kresy.pl\n\n", "pl", "fergana.news/kresy.pl"},
      {"Tytuł\nTreść.\npap.pl, reuters.com", "pl", "pap.pl, reuters.com"},
      {"Tytuł\nTreść.\nhttps://www.pap.pl/aktualnosci/1", "pl", "https://www.pap.pl/aktualnosci/1"},
      {"Tytuł\nTreść.\nŹródło: PAP", "pl", "PAP"},
      {"Tytuł\nTreść.\nźródło – Polskie Radio 24", "pl", "Polskie Radio 24"},
      {"Tytuł\nTreść.\nŹródła: PAP, Reuters", "pl", "PAP, Reuters"},
      {"Tytuł\nTreść.\nŹródło: fergana.news", "pl", "fergana.news"},
      {"Title\nText.\nSource: Reuters", "en", "Reuters"},
      {"Title\nText.\nSources: Reuters, AP", "en", "Reuters, AP"},
      // credit lines below the source are skipped; they are never the source
      {"Tytuł\nTreść.\nŹródło: PAP\nFot. PAP/Leszek Szymański", "pl", "PAP"},
      {"Tytuł\nTreść.\nkresy.pl\nfot. Reuters\nOprac. Jan Nowak", "pl", "kresy.pl"},
      {"Tytuł\nTreść.\nFot. PAP/Leszek Szymański", "pl", ""},
      {"Title\nText.\nPhoto: Reuters", "en", ""},
      // a last line of prose, a URL inside a sentence, no second line
      {"Tytuł\nTreść kończy się zwykłym zdaniem.", "pl", ""},
      {"Tytuł\nWięcej na stronie fergana.news/kresy.pl i w prasie.", "pl", ""},
      {"fergana.news/kresy.pl", "pl", ""},
      {"Tytuł", "pl", ""},
      {"Title\nThe source said: Reuters.", "en", ""},
  };
  for (const Expect& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(info_of(c.text, c.lang).source == std::string(c.field));
  }
}

TEST_CASE("article info: urls in text order without repeats") {
  const ArticleInfo info = info_of(
      "Tytuł\nWięcej: https://www.pap.pl/a?x=1 oraz www.pap.pl i https://www.pap.pl/a?x=1.\n"
      "Pisze o tym fergana.news/kresy.pl, a także www.pap.pl.\n"
      "Kontakt: redakcja@kresy.pl\n"
      "fergana.news/kresy.pl",
      "pl");
  CHECK(info.urls ==
        std::vector<std::string>{"https://www.pap.pl/a?x=1", "www.pap.pl", "fergana.news/kresy.pl"});
  CHECK(info_of("Bez adresów, tylko e-mail: jan@kresy.pl.", "pl").urls.empty());
  // A URL entity made by a person counts like a Url token.
  const std::string text = "Tytuł\nStrona Fergana News.";
  std::vector<Entity> entities(1);
  entities[0].label = "URL";
  entities[0].origin = Origin::Person;
  entities[0].begin_byte = text.find("Fergana");
  entities[0].end_byte = text.size() - 1;
  CHECK(compute_article_info(text, tokenize(text), entities).urls ==
        std::vector<std::string>{"Fergana News"});
}

TEST_CASE("article info: word count and reading time") {
  // Words and numbers count; punctuation, dashes and symbols do not. "24,5" is one number,
  // "Kasym-Żomart" one word, "proc." one word.
  const ArticleInfo info = info_of("Wzrost o 24,5 proc. – powiedział Kasym-Żomart Tokajew (PAP) $.", "pl");
  CHECK(info.word_count == 8);
  CHECK(info.reading_minutes == 1);
  CHECK(info_of("!!! ??? – …", "pl").word_count == 0);
  CHECK(info_of("!!! ??? – …", "pl").reading_minutes == 0);
  for (size_t words : {size_t{1}, size_t{199}, size_t{200}, size_t{201}, size_t{400}, size_t{401}}) {
    CAPTURE(words);
    std::string text;
    for (size_t k = 0; k < words; ++k) text += k % 2 ? "słowo " : "2022 ";
    const ArticleInfo i = info_of(text, "pl");
    CHECK(i.word_count == words);
    CHECK(i.reading_minutes == (words + 199) / 200);
  }
}

TEST_CASE("article info: the Document overload tokenizes and gives the same result") {
  const std::string text = "date 2022-11 Tytuł\nTreść z www.pap.pl.\nŹródło: PAP";
  AnnotateOptions options;
  options.use_model = false;
  auto result = Engine().annotate(text, options);
  REQUIRE(result.is_ok());
  const Analysis& a = result.value();
  const ArticleInfo direct = compute_article_info(a.doc.text, a.tokens, a.doc.entities);
  const ArticleInfo from_doc = compute_article_info(a.doc);
  CHECK(from_doc.title == direct.title);
  CHECK(from_doc.title == "Tytuł");
  CHECK(from_doc.date == "2022-11");
  CHECK(from_doc.source == "PAP");
  CHECK(from_doc.urls == direct.urls);
  CHECK(from_doc.word_count == direct.word_count);
}

TEST_CASE("article info: the engine fills Document::article") {
  AnnotateOptions options;
  options.use_model = false;
  auto result = Engine().annotate("Tytuł\r\nOpublikowano: 3 marca 2026\r\nTreść z www.pap.pl.\r\nŹródło: PAP", options);
  REQUIRE(result.is_ok());
  const ArticleInfo& info = result.value().doc.article;
  CHECK(info.title == "Tytuł");
  CHECK(info.date == "2026-03-03");
  CHECK(info.source == "PAP");
  CHECK(info.urls == std::vector<std::string>{"www.pap.pl"});
  CHECK(info.word_count == 9);  // a web address is not a word
  CHECK(info.reading_minutes == 1);
}

TEST_CASE("article info: the fixture Polish article") {
  const std::string text =
      glosa::test::read_file(glosa::test::source_path("tests/fixtures/pl-news-wizyta-wilno.txt"));
  REQUIRE(text.size() > 1000);
  AnnotateOptions options;
  options.use_model = false;
  const auto result = Engine().annotate(text, options);
  REQUIRE(result.is_ok());
  const ArticleInfo& info = result.value().doc.article;
  // The date line's marker goes; the source is the last line; the address is no word.
  CHECK(info.title ==
        "Prezydent Litwy Giedrius Vaitkus złożył w Warszawie pierwszą wizytę po wyborach, w których "
        "zapewnił sobie drugą kadencję.");
  CHECK(info.date == "2025-10");
  CHECK(info.source == "baltika.news/polska-litwa");
  CHECK(info.urls == std::vector<std::string>{"baltika.news/polska-litwa"});
  CHECK(info.word_count == 432);
  CHECK(info.reading_minutes == 3);
}

TEST_CASE("article info: a news dateline gives the article date, and its agency the source") {
  const Expect dated[] = {
      {"Siemens buys a robot maker\n\nMUNICH, March 14, 2025 \u2014 Siemens agreed on Friday to buy it.", "en",
       "2025-03-14"},
      {"Rates\n\nWASHINGTON, Jan. 5, 2024 (Reuters) - The Fed held rates.", "en", "2024-01-05"},
      {"ST. LOUIS, June 2, 2023 - Shares fell.", "en", "2023-06-02"},
      // The place's country or state between commas.
      {"Wind lease\n\nGDANSK, Poland, Sept 8, 2026 \u2014 Vestmark won.", "en", "2026-09-08"},
      {"SPRINGFIELD, Ill., May 2, 2026 - The plant closed.", "en", "2026-05-02"},
      {"Umowa podpisana\nWarszawa, 3 marca 2024 r.\nSpółka podpisała umowę.", "pl", "2024-03-03"},
      {"Zielona Góra, 12 stycznia 2025 r. \u2013 Miasto ogłosiło przetarg.", "pl", "2025-01-12"},
  };
  for (const Expect& e : dated) {
    CAPTURE(e.text);
    CHECK(info_of(e.text, e.lang).date == e.field);
  }
  // An agency without a date: no date, but the source.
  const ArticleInfo reuters = info_of("Fed holds\n\nWASHINGTON (Reuters) - The Fed held rates on Wednesday.", "en");
  CHECK(reuters.date.empty());
  CHECK(reuters.source == "Reuters");
  CHECK(reuters.title == "Fed holds");
  // A dateline alone on its line is not the title; one that opens the text leaves its line.
  CHECK(info_of("Warszawa, 3 marca 2024 r.\nUmowa podpisana\nTreść.", "pl").title == "Umowa podpisana");
  // Not datelines: a sentence that merely starts with a name and a date later on, a date
  // without a place, a place and a year alone.
  const Expect undated[] = {
      {"Title\n\nSiemens said on March 14, 2025 that it would buy it.", "en", ""},
      {"Title\n\nBOSTON, the city, grew in 2024.", "en", ""},
      {"Title\n\nBOSTON, 2024 - Shares fell.", "en", ""},
      {"Title\n\nBOSTON, Massachusetts, grew in 2024.", "en", ""},
  };
  for (const Expect& e : undated) {
    CAPTURE(e.text);
    CHECK(info_of(e.text, e.lang).date == e.field);
  }
}

TEST_CASE("article info: a paste without a headline takes the lead's first sentence as its title") {
  // Several sentences on the first line: the first one.
  CHECK(info_of("Sejm uchwalił budżet na 2026 r. Opozycja głosowała przeciw. Ustawa trafi do Senatu.\n\nDalej.")
            .title == "Sejm uchwalił budżet na 2026 r.");
  // A dateline that opens the paragraph is left out of it (its date still dates the article).
  const ArticleInfo wire = info_of(
      "WASHINGTON, June 8, 2026 \u2014 A federal judge ordered both firms back to mediation. Neither had complied.");
  CHECK(wire.title == "A federal judge ordered both firms back to mediation.");
  CHECK(wire.date == "2026-06-08");
  CHECK(info_of("LONDON (Reuters) - Shares fell on Monday. Bonds rose.").title == "Shares fell on Monday.");
  // One sentence longer than a headline: cut at a word, with an ellipsis.
  std::string lead = "Prezes spółki";
  while (lead.size() < 400) lead += " zapowiedział kolejne inwestycje";
  const std::string title = info_of(lead + ".").title;
  CHECK(title.size() < 200);
  CHECK(title.rfind("Prezes spółki zapowiedział", 0) == 0);
  CHECK(title.substr(title.size() - 3) == "\xE2\x80\xA6");
  CHECK(title.substr(title.size() - 4, 1) != " ");
  CHECK(lead.find(title.substr(0, title.size() - 3) + " ") == 0);  // ends at a whole word
  // A headline stays whole.
  CHECK(info_of("Fed holds rates steady, signals two cuts later this year\n\nWASHINGTON (Reuters) - The Fed held.")
            .title == "Fed holds rates steady, signals two cuts later this year");
}
