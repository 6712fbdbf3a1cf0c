// Tests for engine/quotes/quotations: which quoted spans are quotations, the verb of saying
// and the speaker's words next to each, and the speaker's entity group (by name, by role,
// from context), in Polish and English, plus the sample article and the engine pipeline.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/quotes/quotations.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/tokenizer.h"
#include "test_support.h"

using namespace glosa;

namespace doctest {
// Failures print the lists of quotations compared.
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{";
    for (const std::string& s : v) out += "\n  " + s;
    return String((out + " }").c_str());
  }
};
}  // namespace doctest

namespace {

// A text with hand-built entities and groups, the way the grouping stage would give them.
struct Article {
  std::string text;
  std::string lang = "pl";
  std::vector<Token> tokens;
  std::vector<Entity> entities;
  std::vector<EntityGroup> groups;

  Article(std::string t, std::string l = "pl") : text(std::move(t)), lang(std::move(l)), tokens(tokenize(text)) {}

  // Adds a group; returns its id.
  std::string group(const std::string& label, const std::string& name, const std::string& place = "",
                    const std::string& link = "") {
    EntityGroup g;
    g.id = "g" + std::to_string(groups.size() + 1);
    g.label = label;
    g.name = name;
    g.place = place;
    g.link = link;
    groups.push_back(g);
    return g.id;
  }

  // Tags every occurrence of `needle` that starts a token as a `label` mention of group `id`
  // (or of no group when id is ""), extended to the end of the token it ends in, so that
  // "Tokajew" also tags "Tokajewa" and "Tokajewem". Occurrences inside an earlier mention
  // are skipped. Returns how many were tagged.
  int tag(const std::string& label, const std::string& needle, const std::string& id,
          const std::string& lemma = "") {
    int count = 0;
    for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) {
      size_t first = 0;
      while (first < tokens.size() && tokens[first].begin_byte < pos) ++first;
      if (first == tokens.size() || tokens[first].begin_byte != pos) continue;
      size_t last = first;
      while (last + 1 < tokens.size() && tokens[last].end_byte < pos + needle.size()) ++last;
      Entity e;
      e.begin_byte = pos;
      e.end_byte = tokens[last].end_byte;
      bool covered = false;
      for (const Entity& o : entities) covered = covered || (o.begin_byte < e.end_byte && e.begin_byte < o.end_byte);
      if (covered) continue;
      e.label = label;
      e.group = id;
      e.lemma = lemma;
      e.origin = Origin::Model;
      entities.push_back(e);
      ++count;
    }
    return count;
  }

  std::vector<Quotation> quotes() const {
    return find_quotations(text, tokens, split_sentences(text, tokens), lang, entities, groups);
  }

  std::string span(size_t b, size_t e) const { return text.substr(b, e - b); }
  std::string quoted(const Quotation& q) const { return span(q.begin_byte, q.end_byte); }
  std::string speaker_words(const Quotation& q) const { return span(q.speaker_begin_byte, q.speaker_end_byte); }
  std::string cue(const Quotation& q) const { return span(q.cue_begin_byte, q.cue_end_byte); }
  std::string speaker_name(const Quotation& q) const {
    for (const EntityGroup& g : groups) {
      if (g.id == q.speaker) return g.name;
    }
    return q.speaker.empty() ? "" : "<unknown group " + q.speaker + ">";
  }
};

// One quotation as "quoted -> speaker [attribution] 'speaker words' / 'cue'" for checks
// that read like the text.
std::string show(const Article& a, const Quotation& q) {
  return a.quoted(q) + " -> " + a.speaker_name(q) + " [" + q.attribution + "] '" + a.speaker_words(q) +
         "' / '" + a.cue(q) + "'";
}

std::vector<std::string> show_all(const Article& a) {
  std::vector<std::string> out;
  for (const Quotation& q : a.quotes()) out.push_back(show(a, q));
  return out;
}

}  // namespace

// --- Polish constructions ---

TEST_CASE("quotations: Polish dash construction names the speaker after the verb") {
  Article a("„Wysoko to cenimy” – powiedział w czasie spotkania Władimir Putin.");
  const std::string putin = a.group("PER", "Władimir Putin");
  a.tag("PER", "Władimir Putin", putin);
  const auto qs = a.quotes();
  REQUIRE(qs.size() == 1);
  CHECK(show(a, qs[0]) == "„Wysoko to cenimy” -> Władimir Putin [name] 'Władimir Putin' / 'powiedział'");
  CHECK(qs[0].id == "q1");
  CHECK(qs[0].begin_byte == 0);
  CHECK(qs[0].confidence >= 0.9f);
  CHECK_FALSE(qs[0].is_uncertain);
  SUBCASE("with an em dash, a hyphen, or a comma") {
    for (const char* sep : {" — ", " - ", ", "}) {
      Article b(std::string("„Wysoko to cenimy”") + sep + "dodała Anna Nowak.");
      const std::string nowak = b.group("PER", "Anna Nowak");
      b.tag("PER", "Anna Nowak", nowak);
      CAPTURE(b.text);
      CHECK(show_all(b) == std::vector<std::string>{"„Wysoko to cenimy” -> Anna Nowak [name] 'Anna Nowak' / 'dodała'"});
    }
  }
  SUBCASE("an object after a preposition is not the speaker") {
    Article b("„Rozmowy były trudne” – powiedział Putin po spotkaniu z Tokajewem.");
    const std::string putin_g = b.group("PER", "Władimir Putin");
    const std::string tokajew = b.group("PER", "Kasym-Żomart Tokajew");
    b.tag("PER", "Tokajew", tokajew, "Tokajew");
    b.tag("PER", "Putin", putin_g, "Putin");
    CHECK(show_all(b) == std::vector<std::string>{
                             "„Rozmowy były trudne” -> Władimir Putin [name] 'Putin' / 'powiedział'"});
  }
}

TEST_CASE("quotations: Polish introducing construction with a colon, 'jak' and 'według'") {
  SUBCASE("X powiedział: „…”") {
    Article a("Jan Kowalski powiedział dziennikarzom: „Nie zgadzam się z tym”.");
    const std::string kowalski = a.group("PER", "Jan Kowalski");
    a.tag("PER", "Jan Kowalski", kowalski);
    CHECK(show_all(a) == std::vector<std::string>{
                             "„Nie zgadzam się z tym” -> Jan Kowalski [name] 'Jan Kowalski' / 'powiedział'"});
  }
  SUBCASE("Jak podkreślił X, „…”") {
    Article a("Jak podkreślił Jan Kowalski, „nikt nie chce wojny”.");
    const std::string kowalski = a.group("PER", "Jan Kowalski");
    a.tag("PER", "Jan Kowalski", kowalski);
    CHECK(show_all(a) == std::vector<std::string>{
                             "„nikt nie chce wojny” -> Jan Kowalski [name] 'Jan Kowalski' / 'podkreślił'"});
  }
  SUBCASE("Według X „…”, Zdaniem X „…”") {
    for (const char* prep : {"Według", "Zdaniem"}) {
      Article a(std::string(prep) + " Kowalskiego „sytuacja jest bardzo trudna”.");
      const std::string kowalski = a.group("PER", "Jan Kowalski");
      a.tag("PER", "Kowalskiego", kowalski, "Kowalski");
      CAPTURE(a.text);
      CHECK(show_all(a) == std::vector<std::string>{"„sytuacja jest bardzo trudna” -> Jan Kowalski [name] "
                                                    "'Kowalskiego' / '" + std::string(prep) + "'"});
    }
  }
  SUBCASE("a colon at the end of the previous line") {
    Article a("Jan Kowalski powiedział:\n„Nie zgadzam się z tym”.");
    const std::string kowalski = a.group("PER", "Jan Kowalski");
    a.tag("PER", "Jan Kowalski", kowalski);
    CHECK(show_all(a) == std::vector<std::string>{
                             "„Nie zgadzam się z tym” -> Jan Kowalski [name] 'Jan Kowalski' / 'powiedział'"});
  }
  SUBCASE("the subject before the verb wins over an object after it") {
    Article a("Tokajew powiedział Putinowi: „Dziękuję za zaproszenie”.");
    const std::string tokajew = a.group("PER", "Kasym-Żomart Tokajew");
    const std::string putin = a.group("PER", "Władimir Putin");
    a.tag("PER", "Tokajew", tokajew);
    a.tag("PER", "Putinowi", putin);
    CHECK(show_all(a) == std::vector<std::string>{
                             "„Dziękuję za zaproszenie” -> Kasym-Żomart Tokajew [name] 'Tokajew' / 'powiedział'"});
  }
}

TEST_CASE("quotations: Polish attribution inside the marks") {
  Article a("„Tak – powiedział Jan Kowalski – to prawda”.");
  const std::string kowalski = a.group("PER", "Jan Kowalski");
  a.tag("PER", "Jan Kowalski", kowalski);
  const auto qs = a.quotes();
  REQUIRE(qs.size() == 1);
  CHECK(show(a, qs[0]) == "„Tak – powiedział Jan Kowalski – to prawda” -> Jan Kowalski [name] 'Jan Kowalski' / 'powiedział'");
}

TEST_CASE("quotations: a missing subject or a pronoun continues the previous speaker") {
  SUBCASE("– dodał.") {
    Article a("„Wysoko to cenimy” – powiedział Władimir Putin. „To dobry dzień dla nas” – dodał.");
    const std::string putin = a.group("PER", "Władimir Putin");
    a.tag("PER", "Władimir Putin", putin);
    const auto qs = a.quotes();
    REQUIRE(qs.size() == 2);
    CHECK(show(a, qs[1]) == "„To dobry dzień dla nas” -> Władimir Putin [context] '' / 'dodał'");
    CHECK(qs[1].confidence >= 0.75f);
    CHECK_FALSE(qs[1].is_uncertain);
  }
  SUBCASE("Podkreślił on, że … „…” in the next paragraph") {
    Article a("„Plany są duże” – powiedział Tokajew.\n\nPodkreślił on, że władze „zrobią wszystko, co w ich mocy”.");
    const std::string tokajew = a.group("PER", "Kasym-Żomart Tokajew");
    a.tag("PER", "Tokajew", tokajew);
    const auto qs = a.quotes();
    REQUIRE(qs.size() == 2);
    CHECK(show(a, qs[1]) == "„zrobią wszystko, co w ich mocy” -> Kasym-Żomart Tokajew [context] 'on' / 'Podkreślił'");
    CHECK_FALSE(qs[1].is_uncertain);
  }
  SUBCASE("the verb's gender skips a speaker of the other gender") {
    Article a("„Zgoda” – powiedziała Anna Nowak. „Nie ma zgody” – odpowiedział Jan Kowalski. "
              "„Jednak trzeba rozmawiać” – dodała.");
    const std::string nowak = a.group("PER", "Anna Nowak");
    const std::string kowalski = a.group("PER", "Jan Kowalski");
    a.tag("PER", "Anna Nowak", nowak);
    a.tag("PER", "Jan Kowalski", kowalski);
    const auto qs = a.quotes();
    REQUIRE(qs.size() == 3);
    CHECK(show(a, qs[2]) == "„Jednak trzeba rozmawiać” -> Anna Nowak [context] '' / 'dodała'");
  }
  SUBCASE("a person named since the last quotation is the likelier speaker, marked uncertain") {
    Article a("„Zgoda” – powiedział Jan Kowalski.\n\nTomasz Zieliński przyjechał później. „Nie ma zgody” – dodał.");
    const std::string kowalski = a.group("PER", "Jan Kowalski");
    const std::string zielinski = a.group("PER", "Tomasz Zieliński");
    a.tag("PER", "Jan Kowalski", kowalski);
    a.tag("PER", "Tomasz Zieliński", zielinski);
    const auto qs = a.quotes();
    REQUIRE(qs.size() == 2);
    CHECK(show(a, qs[1]) == "„Nie ma zgody” -> Tomasz Zieliński [context] '' / 'dodał'");
    CHECK(qs[1].is_uncertain);
    CHECK(qs[1].confidence < 0.6f);
  }
}

TEST_CASE("quotations: a role phrase is resolved to the person the article names with it") {
  SUBCASE("by apposition: minister infrastruktury Tomasz Zieliński") {
    Article a("Minister infrastruktury Tomasz Zieliński spotkał się z prezydentem miasta Aleksandrą Dulkiewicz.\n"
              "„Miasto jest gotowe” – powiedziała Dulkiewicz.\n"
              "„Budowa ruszy w maju” – zapowiedział minister infrastruktury.");
    const std::string zielinski = a.group("PER", "Tomasz Zieliński");
    const std::string dulkiewicz = a.group("PER", "Aleksandra Dulkiewicz");
    a.tag("PER", "Tomasz Zieliński", zielinski);
    a.tag("PER", "Aleksandr", dulkiewicz, "Aleksandra Dulkiewicz");
    a.tag("PER", "Dulkiewicz", dulkiewicz);
    const auto qs = a.quotes();
    REQUIRE(qs.size() == 2);
    CHECK(show(a, qs[1]) == "„Budowa ruszy w maju” -> Tomasz Zieliński [role] 'minister infrastruktury' / 'zapowiedział'");
    CHECK(qs[1].confidence >= 0.7f);
    CHECK_FALSE(qs[1].is_uncertain);
  }
  SUBCASE("by country: prezydent Kazachstanu, rosyjski przywódca") {
    Article a("Prezydent Rosji Władimir Putin przyjął prezydenta Kazachstanu Kasyma-Żomarta Tokajewa.\n"
              "„Wysoko to cenimy” – powiedział kazachstański przywódca.\n"
              "„My również” – odpowiedział rosyjski przywódca.");
    const std::string putin = a.group("PER", "Władimir Putin");
    const std::string tokajew = a.group("PER", "Kasym-Żomart Tokajew");
    const std::string rosja = a.group("LOC", "Rosja");
    const std::string kazachstan = a.group("LOC", "Kazachstan");
    const std::string ros = a.group("NORP", "rosyjski", "Rosja", rosja);
    const std::string kaz = a.group("NORP", "kazachstański", "Kazachstan", kazachstan);
    a.tag("PER", "Władimir Putin", putin);
    a.tag("PER", "Kasyma-Żomarta Tokajewa", tokajew, "Kasym-Żomart Tokajew");
    a.tag("LOC", "Rosji", rosja, "Rosja");
    a.tag("LOC", "Kazachstanu", kazachstan, "Kazachstan");
    a.tag("NORP", "rosyjski", ros);
    a.tag("NORP", "kazachstański", kaz);
    const auto qs = a.quotes();
    REQUIRE(qs.size() == 2);
    CHECK(show(a, qs[0]) == "„Wysoko to cenimy” -> Kasym-Żomart Tokajew [role] 'kazachstański przywódca' / 'powiedział'");
    CHECK(show(a, qs[1]) == "„My również” -> Władimir Putin [role] 'rosyjski przywódca' / 'odpowiedział'");
    CHECK_FALSE(qs[0].is_uncertain);
    CHECK_FALSE(qs[1].is_uncertain);
  }
  SUBCASE("by co-occurrence and the previous speaker: rzecznik rządu") {
    Article a("Piotr Müller, rzecznik rządu, zwołał konferencję.\n"
              "„Nie ma zgody na takie działania” – powiedział rzecznik rządu.");
    const std::string muller = a.group("PER", "Piotr Müller");
    a.tag("PER", "Piotr Müller", muller);
    CHECK(show_all(a) == std::vector<std::string>{
                             "„Nie ma zgody na takie działania” -> Piotr Müller [role] 'rzecznik rządu' / 'powiedział'"});
  }
  SUBCASE("a role nobody in the article holds stays without a speaker") {
    Article a("„Nie ma zgody na takie działania” – powiedział rzecznik rządu.");
    const auto qs = a.quotes();
    REQUIRE(qs.size() == 1);
    CHECK(show(a, qs[0]) == "„Nie ma zgody na takie działania” ->  [] 'rzecznik rządu' / 'powiedział'");
    CHECK(qs[0].confidence == 0.0f);
    CHECK_FALSE(qs[0].is_uncertain);
  }
}

TEST_CASE("quotations: an organisation speaks when no person does") {
  Article a("„Sytuacja jest pod kontrolą” – poinformowało MSZ w komunikacie.");
  const std::string msz = a.group("ORG", "Ministerstwo Spraw Zagranicznych");
  a.tag("ORG", "MSZ", msz);
  CHECK(show_all(a) == std::vector<std::string>{
                           "„Sytuacja jest pod kontrolą” -> Ministerstwo Spraw Zagranicznych [name] 'MSZ' / 'poinformowało'"});
}

// --- English constructions ---

TEST_CASE("quotations: English said-constructions with straight and curly quotes") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"("We value it," said Vladimir Putin.)", R"("We value it," -> Vladimir Putin [name] 'Vladimir Putin' / 'said')"},
      {R"("We value it," Vladimir Putin said.)", R"("We value it," -> Vladimir Putin [name] 'Vladimir Putin' / 'said')"},
      {"“We value it,” Vladimir Putin told reporters.", "“We value it,” -> Vladimir Putin [name] 'Vladimir Putin' / 'told'"},
      {R"("Why now?" asked Vladimir Putin.)", R"("Why now?" -> Vladimir Putin [name] 'Vladimir Putin' / 'asked')"},
      {R"(Vladimir Putin said: "We value it.")", R"("We value it." -> Vladimir Putin [name] 'Vladimir Putin' / 'said')"},
      {R"(According to Vladimir Putin, "the talks were useful".)",
       R"("the talks were useful" -> Vladimir Putin [name] 'Vladimir Putin' / 'According to')"},
  };
  for (const auto& c : cases) {
    Article a(c.first, "en");
    const std::string putin = a.group("PER", "Vladimir Putin");
    a.tag("PER", "Vladimir Putin", putin);
    CAPTURE(c.first);
    CHECK(show_all(a) == std::vector<std::string>{c.second});
  }
}

TEST_CASE("quotations: English roles and pronouns") {
  Article a("Russian President Vladimir Putin met Kazakh President Kassym-Jomart Tokayev in Moscow.\n"
            R"("We value this visit," the Russian leader said. "It is a good day," he added.)" "\n"
            R"("Thank you," the Kazakh president replied.)",
            "en");
  const std::string putin = a.group("PER", "Vladimir Putin");
  const std::string tokayev = a.group("PER", "Kassym-Jomart Tokayev");
  const std::string russia = a.group("LOC", "Russia");
  const std::string kazakhstan = a.group("LOC", "Kazakhstan");
  const std::string russian = a.group("NORP", "Russian", "Russia", russia);
  const std::string kazakh = a.group("NORP", "Kazakh", "Kazakhstan", kazakhstan);
  a.tag("PER", "Vladimir Putin", putin);
  a.tag("PER", "Kassym-Jomart Tokayev", tokayev);
  a.tag("NORP", "Russian", russian);
  a.tag("NORP", "Kazakh", kazakh);
  a.tag("LOC", "Moscow", a.group("LOC", "Moscow"));
  CHECK(show_all(a) == std::vector<std::string>{
                           R"("We value this visit," -> Vladimir Putin [role] 'the Russian leader' / 'said')",
                           R"("It is a good day," -> Vladimir Putin [context] 'he' / 'added')",
                           R"("Thank you," -> Kassym-Jomart Tokayev [role] 'the Kazakh president' / 'replied')",
                       });
}

TEST_CASE("quotations: a group of analysts speaks for its organisation, not for the company before") {
  Article a("Halvard Shipping agreed to buy Brennholt Logistics for $2 billion.\n"
            R"(Analysts at Jefferies called the price "steep but fair", noting the debt. )"
            R"(A Nordea economist said: "Rates will fall.")" "\n"
            R"(Ingrid Solberg, the chief executive of Halvard Shipping, will stay. "We are patient," she said.)",
            "en");
  const std::string halvard = a.group("ORG", "Halvard Shipping");
  const std::string brennholt = a.group("ORG", "Brennholt Logistics");
  const std::string jefferies = a.group("ORG", "Jefferies");
  const std::string nordea = a.group("ORG", "Nordea");
  const std::string solberg = a.group("PER", "Ingrid Solberg");
  a.tag("ORG", "Halvard Shipping", halvard);
  a.tag("ORG", "Brennholt Logistics", brennholt);
  a.tag("ORG", "Jefferies", jefferies);
  a.tag("ORG", "Nordea", nordea);
  a.tag("PER", "Ingrid Solberg", solberg);
  const std::vector<Quotation> q = a.quotes();
  CHECK(show_all(a) == std::vector<std::string>{
                           R"("steep but fair" -> Jefferies [role] 'Analysts at Jefferies' / 'called')",
                           // (An organisation before the role noun is named as the speaker.)
                           R"("Rates will fall." -> Nordea [name] 'Nordea' / 'said')",
                           R"("We are patient," -> Ingrid Solberg [context] 'she' / 'said')",
                       });
  REQUIRE(q.size() == 3);
  CHECK_FALSE(q[0].is_uncertain);
  // The only person named in the paragraph before "she": a fitting guess, not an uncertain one.
  CHECK_FALSE(q[2].is_uncertain);
  CHECK(q[2].confidence >= 0.6f);
}

TEST_CASE("quotations: a pronoun with two fitting people named before it stays uncertain") {
  Article a(R"(Ingrid Solberg met Maria Lind in Oslo. "We are patient," she said.)", "en");
  a.tag("PER", "Ingrid Solberg", a.group("PER", "Ingrid Solberg"));
  a.tag("PER", "Maria Lind", a.group("PER", "Maria Lind"));
  const std::vector<Quotation> q = a.quotes();
  REQUIRE(q.size() == 1);
  CHECK(q[0].is_uncertain);
}

// --- Which quoted spans are quotations ---

TEST_CASE("quotations: titles and scare quotes without a verb of saying are not quotations") {
  for (const char* text : {"Czytam „Gazetę Wyborczą” codziennie.", "To jest \"smart\" rozwiązanie.",
                           "Film „Ogniem i mieczem” obejrzało wielu widzów.", "Partia „Prawo i Sprawiedliwość” wygrała.",
                           "He reads \"The New York Times\" daily.", "„”", "„ – ”"}) {
    Article a(text);
    CAPTURE(a.text);
    CHECK(a.quotes().empty());
  }
}

TEST_CASE("quotations: short quotes next to a verb of saying are quotations") {
  Article a("Putin nazwał to „niedopuszczalnym”. Kowalski powiedział, że to „skandal”.");
  const std::string putin = a.group("PER", "Władimir Putin");
  const std::string kowalski = a.group("PER", "Jan Kowalski");
  a.tag("PER", "Putin", putin);
  a.tag("PER", "Kowalski", kowalski);
  CHECK(show_all(a) == std::vector<std::string>{
                           "„niedopuszczalnym” -> Władimir Putin [name] 'Putin' / 'nazwał'",
                           "„skandal” -> Jan Kowalski [name] 'Kowalski' / 'powiedział'",
                       });
}

TEST_CASE("quotations: a long quotation without a verb of saying is given by context, uncertain") {
  Article a("Jan Kowalski przyszedł na spotkanie jako ostatni.\n„Nie mamy już czasu na rozmowy. Trzeba działać.”");
  const std::string kowalski = a.group("PER", "Jan Kowalski");
  a.tag("PER", "Jan Kowalski", kowalski);
  const auto qs = a.quotes();
  REQUIRE(qs.size() == 1);
  CHECK(show(a, qs[0]) == "„Nie mamy już czasu na rozmowy. Trzeba działać.” -> Jan Kowalski [context] '' / ''");
  CHECK(qs[0].is_uncertain);
  CHECK(qs[0].confidence <= 0.45f);
}

TEST_CASE("quotations: nested quotations name their parent") {
  Article a("„Mówiłem im: ‚nie róbcie tego’, ale nie słuchali” – powiedział Jan Kowalski. "
            "„Czytam «Gazetę Wyborczą» codziennie” – dodał.");
  const std::string kowalski = a.group("PER", "Jan Kowalski");
  a.tag("PER", "Jan Kowalski", kowalski);
  const auto qs = a.quotes();
  REQUIRE(qs.size() == 3);
  CHECK(show(a, qs[0]) == "„Mówiłem im: ‚nie róbcie tego’, ale nie słuchali” -> Jan Kowalski [name] 'Jan Kowalski' / 'powiedział'");
  CHECK(show(a, qs[1]) == "‚nie róbcie tego’ -> Jan Kowalski [context] '' / 'Mówiłem'");
  CHECK(qs[1].parent == "q1");
  CHECK(qs[0].parent.empty());
  CHECK(show(a, qs[2]) == "„Czytam «Gazetę Wyborczą» codziennie” -> Jan Kowalski [context] '' / 'dodał'");
  CHECK(qs[2].parent.empty());
  for (size_t i = 0; i < qs.size(); ++i) CHECK(qs[i].id == "q" + std::to_string(i + 1));
}

TEST_CASE("quotations: an unclosed quote does not swallow the rest of the article") {
  SUBCASE("it ends before its attribution") {
    Article a("„To nigdy się nie skończy – powiedział Jan Kowalski.\nNastępny akapit mówi o czymś innym.");
    const std::string kowalski = a.group("PER", "Jan Kowalski");
    a.tag("PER", "Jan Kowalski", kowalski);
    const auto qs = a.quotes();
    REQUIRE(qs.size() == 1);
    CHECK(show(a, qs[0]) == "„To nigdy się nie skończy -> Jan Kowalski [name] 'Jan Kowalski' / 'powiedział'");
    CHECK(qs[0].confidence < 0.9f);
  }
  SUBCASE("or at the end of its line") {
    Article a("Kowalski powiedział: „To nigdy się nie skończy i tak dalej\n\nDrugi akapit „jest osobno”.");
    const std::string kowalski = a.group("PER", "Jan Kowalski");
    a.tag("PER", "Kowalski", kowalski);
    CHECK(show_all(a) == std::vector<std::string>{
                             "„To nigdy się nie skończy i tak dalej -> Jan Kowalski [name] 'Kowalski' / 'powiedział'"});
  }
}

TEST_CASE("quotations: empty text, whitespace, and text without quotation marks") {
  for (const char* text : {"", "   ", "\n\n	", "Tokajew przybył do Moskwy w poniedziałek."}) {
    Article a(text);
    CAPTURE(a.text);
    CHECK(a.quotes().empty());
  }
  SUBCASE("tokens that do not belong to the text give nothing") {
    const std::vector<Token> tokens = tokenize("„Wysoko to cenimy” – powiedział Putin.");
    CHECK(find_quotations("krótki", tokens, {}, "pl", {}, {}).empty());
  }
}

TEST_CASE("quotations: quotations at the very start and end, multi-byte characters at the edges") {
  Article a("„Żółć” – powiedziała Żaneta Łęcka, a Ewa Ćwik odpowiedziała: „Źle”");
  const std::string lecka = a.group("PER", "Żaneta Łęcka");
  const std::string cwik = a.group("PER", "Ewa Ćwik");
  a.tag("PER", "Żaneta Łęcka", lecka);
  a.tag("PER", "Ewa Ćwik", cwik);
  const auto qs = a.quotes();
  REQUIRE(qs.size() == 2);
  CHECK(qs[0].begin_byte == 0);
  CHECK(qs[1].end_byte == a.text.size());
  CHECK(show(a, qs[0]) == "„Żółć” -> Żaneta Łęcka [name] 'Żaneta Łęcka' / 'powiedziała'");
  CHECK(show(a, qs[1]) == "„Źle” -> Ewa Ćwik [name] 'Ewa Ćwik' / 'odpowiedziała'");
}

TEST_CASE("quotations: a speaker named by a mention without a group has no speaker id") {
  Article a("„Wysoko to cenimy” – powiedział Władimir Putin.");
  a.tag("PER", "Władimir Putin", "");
  a.tag("PER", "nobody", "g99");
  const auto qs = a.quotes();
  REQUIRE(qs.size() == 1);
  CHECK(qs[0].speaker.empty());
  CHECK(qs[0].attribution == "name");
  CHECK(a.speaker_words(qs[0]) == "Władimir Putin");
}

TEST_CASE("quotations: the engine pipeline stores them in Document::quotes") {
  Engine engine;
  AnnotateOptions options;
  options.use_model = false;
  options.lang = "pl";
  auto r = engine.annotate("„Wysoko to cenimy” – dodał rosyjski przywódca.\n\nCzytam „Gazetę”.", options);
  REQUIRE(r.is_ok());
  const Document& doc = r.value().doc;
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].id == "q1");
  CHECK(doc.text.substr(doc.quotes[0].begin_byte, doc.quotes[0].end_byte - doc.quotes[0].begin_byte) ==
        "„Wysoko to cenimy”");
  CHECK(doc.quotes[0].speaker.empty());  // no groups without the grouping stage
}

TEST_CASE("quotations: Polish dialogue dashes without quotation marks") {
  SUBCASE("a line opened by a dash, attributed and continued") {
    Article a("Rodzina ukrywa się.\n– Boimy się. Ostrzelano bramę domu – powiedział Joseph Nadeem. – Wychodzimy tylko nocą.\n"
              "Następny akapit.");
    a.tag("PER", "Joseph Nadeem", a.group("PER", "Joseph Nadeem"));
    const auto qs = a.quotes();
    REQUIRE(qs.size() == 2);
    CHECK(show(a, qs[0]) == "Boimy się. Ostrzelano bramę domu -> Joseph Nadeem [name] 'Joseph Nadeem' / 'powiedział'");
    CHECK(show(a, qs[1]) == "Wychodzimy tylko nocą. -> Joseph Nadeem [context] '' / ''");
    CHECK(qs[1].confidence >= 0.75f);
  }
  SUBCASE("a quotation inside it is nested") {
    Article a("– Powiedział mi: „nie wracaj” i wyszedł – mówi Jan Kowalski.");
    a.tag("PER", "Jan Kowalski", a.group("PER", "Jan Kowalski"));
    const auto qs = a.quotes();
    REQUIRE(qs.size() == 2);
    CHECK(show(a, qs[0]) == "Powiedział mi: „nie wracaj” i wyszedł -> Jan Kowalski [name] 'Jan Kowalski' / 'mówi'");
    CHECK(qs[1].parent == "q1");
  }
  SUBCASE("opened after a sentence within a paragraph, when a clause attributes it") {
    Article a("Spółce brakuje maszynistów. – Bez ludzi pociągi będą stały – ostrzegł Marek Kowalczyk. – Tak będzie.\n"
              "Wynik był dobry. – Nie wiem, co dalej.\nPadało. – Spis: jeden – dwa.");
    a.tag("PER", "Marek Kowalczyk", a.group("PER", "Marek Kowalczyk"));
    // Unattributed dashes after a sentence (a parenthesis, a range) open nothing.
    CHECK(show_all(a) == std::vector<std::string>{
                             "Bez ludzi pociągi będą stały -> Marek Kowalczyk [name] 'Marek Kowalczyk' / 'ostrzegł'",
                             "Tak będzie. -> Marek Kowalczyk [context] '' / ''"});
  }
  SUBCASE("a quoted title inside the attribution clause does not end it") {
    Article a("Mówił o Giulianim. – Jego wiedza jest mała – mówił w „Poranku RDC” Zbigniew Lewicki.");
    a.tag("PER", "Giulianim", a.group("PER", "Giuliani"));
    a.tag("PER", "Zbigniew Lewicki", a.group("PER", "Zbigniew Lewicki"));
    CHECK(show_all(a) == std::vector<std::string>{
                             "Jego wiedza jest mała -> Zbigniew Lewicki [name] 'Zbigniew Lewicki' / 'mówił'"});
  }
  SUBCASE("introduced by a colon on the line before") {
    Article a("Jan Kowalski powiedział:\n– Nie zgadzam się z tym.");
    a.tag("PER", "Jan Kowalski", a.group("PER", "Jan Kowalski"));
    CHECK(show_all(a) == std::vector<std::string>{"Nie zgadzam się z tym. -> Jan Kowalski [name] 'Jan Kowalski' / 'powiedział'"});
  }
  SUBCASE("lists, attribution lines and English text are not speech") {
    for (const std::string text : {"Plan:\n- punkt pierwszy\n- punkt drugi", "„Tak”\n– dodał Jan Kowalski.",
                                   "– Nic tu nie ma do dodania."}) {
      Article a(text);
      CAPTURE(text);
      for (const Quotation& q : a.quotes()) CHECK(a.quoted(q) == "„Tak”");
    }
    Article en("– We are afraid – said Joseph Nadeem.", "en");
    CHECK(en.quotes().empty());
  }
}

// --- Harder cases from real news text ---

TEST_CASE("quotations: Polish web text mixes „…\" marks") {
  Article a("„Wyznaję moją religię\" – podkreśliła Asia Bibi.");
  const std::string bibi = a.group("PER", "Asia Bibi");
  a.tag("PER", "Asia Bibi", bibi);
  CHECK(show_all(a) == std::vector<std::string>{"„Wyznaję moją religię\" -> Asia Bibi [name] 'Asia Bibi' / 'podkreśliła'"});
}

TEST_CASE("quotations: titles next to a verb of saying are not quotations") {
  for (const char* text : {"Jak pisze „Rzeczpospolita”, rząd się zgodził.", "– powiedział w rozmowie z „Bild am Sonntag”.",
                           "Powiedział to w magazynie „24 godziny” w TVN24.", "Jak przyznaje w rozmowie z „Rz” ekspert."}) {
    Article a(text);
    CAPTURE(a.text);
    CHECK(a.quotes().empty());
  }
  SUBCASE("but a one-word answer with a dash attribution is one") {
    Article a("„Tak” – odpowiedział Jan Kowalski.");
    a.tag("PER", "Jan Kowalski", a.group("PER", "Jan Kowalski"));
    CHECK(show_all(a) == std::vector<std::string>{"„Tak” -> Jan Kowalski [name] 'Jan Kowalski' / 'odpowiedział'"});
  }
}

TEST_CASE("quotations: a quoted title can be the speaker") {
  Article a("„Już wylądowały na śmietniku historii” – podsumowuje „Dawn”.");
  const auto qs = a.quotes();
  REQUIRE(qs.size() == 1);
  CHECK(show(a, qs[0]) == "„Już wylądowały na śmietniku historii” ->  [] '„Dawn”' / 'podsumowuje'");
  SUBCASE("linked when an organisation is tagged inside it") {
    Article b("„Już wylądowały na śmietniku historii” – podsumowuje „Dawn”.");
    b.tag("ORG", "Dawn", b.group("ORG", "Dawn"));
    CHECK(show_all(b) == std::vector<std::string>{"„Już wylądowały na śmietniku historii” -> Dawn [name] 'Dawn' / 'podsumowuje'"});
  }
}

TEST_CASE("quotations: unnamed sources are not guessed from context") {
  for (const char* text : {"„Sytuacja jest bardzo trudna dla wszystkich” – zaznaczono w komunikacie.",
                           "Według ekspertów „sytuacja jest bardzo trudna dla wszystkich”.",
                           "„Sytuacja jest bardzo trudna dla wszystkich” – uważają eksperci.",
                           "„Sytuacja jest bardzo trudna dla wszystkich” – powiedzieli."}) {
    Article a(std::string("„Zgoda” – powiedział Jan Kowalski. ") + text);
    a.tag("PER", "Jan Kowalski", a.group("PER", "Jan Kowalski"));
    CAPTURE(a.text);
    const auto qs = a.quotes();
    REQUIRE(qs.size() == 2);
    CHECK(qs[1].speaker.empty());
    CHECK(qs[1].attribution.empty());
  }
  SUBCASE("but 'według niego' refers to the last speaker") {
    Article a("„Zgoda” – powiedział Jan Kowalski. Według niego „sytuacja jest bardzo trudna”.");
    a.tag("PER", "Jan Kowalski", a.group("PER", "Jan Kowalski"));
    const auto qs = a.quotes();
    REQUIRE(qs.size() == 2);
    CHECK(show(a, qs[1]) == "„sytuacja jest bardzo trudna” -> Jan Kowalski [context] 'niego' / 'Według'");
  }
}

TEST_CASE("quotations: an organisation after 'preposition + noun' is not the speaker") {
  Article a("„Została uwolniona” – napisał prawnik w wiadomości dla agencji AFP.");
  a.tag("ORG", "AFP", a.group("ORG", "AFP"));
  CHECK(show_all(a) == std::vector<std::string>{"„Została uwolniona” ->  [] 'prawnik' / 'napisał'"});
}

TEST_CASE("quotations: an organisation after a role noun is the role's complement") {
  Article a("Saif-ul-Malook, adwokat Asi Bibi, wyjechał.\n„Nie mogę tu mieszkać” – powiedział adwokat AFP przed wylotem.");
  const std::string malook = a.group("PER", "Saif-ul-Malook");
  a.tag("PER", "Saif-ul-Malook", malook);
  a.tag("PER", "Asi Bibi", a.group("PER", "Asia Bibi"), "Asia Bibi");
  a.tag("ORG", "AFP", a.group("ORG", "AFP"));
  const auto qs = a.quotes();
  REQUIRE(qs.size() == 1);
  CHECK(show(a, qs[0]) == "„Nie mogę tu mieszkać” -> Saif-ul-Malook [role] 'adwokat AFP' / 'powiedział'");
  SUBCASE("and a person in another case is the role's possessor") {
    Article b("Saif-ul-Malook, adwokat Asi Bibi, wyjechał.\n„Nie mogę tu mieszkać” – powiedział adwokat Asi Bibi.");
    b.tag("PER", "Saif-ul-Malook", b.group("PER", "Saif-ul-Malook"));
    b.tag("PER", "Asi Bibi", b.group("PER", "Asia Bibi"), "Asia Bibi");
    CHECK(show_all(b) == std::vector<std::string>{
                             "„Nie mogę tu mieszkać” -> Saif-ul-Malook [role] 'adwokat' / 'powiedział'"});
  }
}

TEST_CASE("quotations: a long role complement still ties the name to the role") {
  Article a("Jak wyjaśnił minister informacji i środków masowego przekazu Fawad Chaudhry, protest odwołano.\n"
            "„Aresztowanie ma na celu zapewnienie porządku” – oświadczył minister.");
  a.tag("PER", "Fawad Chaudhry", a.group("PER", "Fawad Chaudhry"));
  const auto qs = a.quotes();
  REQUIRE(qs.size() == 1);
  CHECK(show(a, qs[0]) == "„Aresztowanie ma na celu zapewnienie porządku” -> Fawad Chaudhry [role] 'minister' / 'oświadczył'");
  CHECK_FALSE(qs[0].is_uncertain);
}

TEST_CASE("quotations: an apposition across a bracketed insertion") {
  // As the trained NER tags the sample: the bracketed "[Tokajewa]" is no entity.
  Article a("Po wyborze Kasym-Żomarta Kiemielewicza [Tokajewa] na prezydenta Kazachstanu przyjechał Władimir Putin.\n"
            "„Dziękuję za gratulacje” – powiedział prezydent Kazachstanu.");
  const std::string tokajew = a.group("PER", "Kasym-Żomart Tokajew");
  const std::string kazachstan = a.group("LOC", "Kazachstan");
  a.tag("PER", "Kasym-Żomarta Kiemielewicza", tokajew, "Kasym-Żomart Kiemielewicz");
  a.tag("PER", "Władimir Putin", a.group("PER", "Władimir Putin"));
  a.tag("LOC", "Kazachstanu", kazachstan, "Kazachstan");
  const auto qs = a.quotes();
  REQUIRE(qs.size() == 1);
  CHECK(show(a, qs[0]) == "„Dziękuję za gratulacje” -> Kasym-Żomart Tokajew [role] 'prezydent Kazachstanu' / 'powiedział'");
  CHECK_FALSE(qs[0].is_uncertain);
}

TEST_CASE("quotations: coordinated quotes share their clause") {
  SUBCASE("before: twierdząc, że to „A” i „B”") {
    Article a("Fawad Chaudry bronił porozumienia, twierdząc, że jego celem jest „ugaszenie pożaru” i "
              "„rozwiązanie sytuacji bez przemocy”.");
    a.tag("PER", "Fawad Chaudry", a.group("PER", "Fawad Chaudry"));
    CHECK(show_all(a) == std::vector<std::string>{
                             "„ugaszenie pożaru” -> Fawad Chaudry [name] 'Fawad Chaudry' / 'twierdząc'",
                             "„rozwiązanie sytuacji bez przemocy” -> Fawad Chaudry [name] 'Fawad Chaudry' / 'twierdząc'"});
  }
  SUBCASE("after: „A” i „B” – powiedział X") {
    Article a("„Nigdy” i „przenigdy” – powiedział Jan Kowalski.");
    a.tag("PER", "Jan Kowalski", a.group("PER", "Jan Kowalski"));
    CHECK(show_all(a) == std::vector<std::string>{"„Nigdy” -> Jan Kowalski [name] 'Jan Kowalski' / 'powiedział'",
                                                  "„przenigdy” -> Jan Kowalski [name] 'Jan Kowalski' / 'powiedział'"});
  }
}

TEST_CASE("quotations: a name inside a 'że' clause or of the other gender is not the subject") {
  Article a("Asia Bibi powiedziała, że Jezus oddał życie za ludzi i zapytała: „A co zrobił Mahomet?”.");
  a.tag("PER", "Asia Bibi", a.group("PER", "Asia Bibi"));
  a.tag("PER", "Jezus", a.group("PER", "Jezus"));
  a.tag("PER", "Mahomet", a.group("PER", "Mahomet"));
  CHECK(show_all(a) == std::vector<std::string>{"„A co zrobił Mahomet?” -> Asia Bibi [name] 'Asia Bibi' / 'zapytała'"});
  SUBCASE("gender") {
    Article b("Jan Kowalski i Anna Nowak rozmawiali, a potem powiedziała: „Dość tego”.");
    b.tag("PER", "Jan Kowalski", b.group("PER", "Jan Kowalski"));
    b.tag("PER", "Anna Nowak", b.group("PER", "Anna Nowak"));
    CHECK(show_all(b) == std::vector<std::string>{"„Dość tego” -> Anna Nowak [name] 'Anna Nowak' / 'powiedziała'"});
  }
}

// --- A whole news article (tests/fixtures, written for these tests) ---

TEST_CASE("quotations: every quotation of the fixture news article gets its speaker") {
  const std::string text = test::read_file(test::source_path("tests/fixtures/pl-news-wizyta-wilno.txt"));
  REQUIRE(text.size() > 1000);
  Article a(text);
  const std::string vaitkus = a.group("PER", "Giedrius Vaitkus");
  const std::string kowalczyk = a.group("PER", "Andrzej Kowalczyk");
  const std::string zukauskas = a.group("PER", "Rimantas Žukauskas");
  const std::string polska = a.group("LOC", "Polska");
  const std::string litwa = a.group("LOC", "Litwa");
  const std::string polski = a.group("NORP", "polski", "Polska", polska);
  const std::string litewski = a.group("NORP", "litewski", "Litwa", litwa);
  const std::string warszawa = a.group("LOC", "Warszawa");
  const std::string baltika = a.group("ORG", "Baltika");
  const std::string rpmb = a.group("ORG", "Rada Państw Morza Bałtyckiego");
  CHECK(a.tag("PER", "Giedrius Vaitkus", vaitkus) == 1);
  CHECK(a.tag("PER", "Andrzej Kowalczyk", kowalczyk) == 1);
  CHECK(a.tag("PER", "Rimantasa Žukauskasa", zukauskas) == 1);
  CHECK(a.tag("PER", "Vaitkus", vaitkus) == 9);  // "Vaitkus" and "Vaitkusem"
  CHECK(a.tag("PER", "Kowalczyk", kowalczyk) == 2);
  a.tag("LOC", "Polsk", polska);
  a.tag("LOC", "Litw", litwa);
  a.tag("LOC", "Warszaw", warszawa);
  a.tag("NORP", "polsk", polski);
  a.tag("NORP", "litewsk", litewski);
  a.tag("ORG", "Baltika", baltika);
  a.tag("ORG", "Rady Państw Morza Bałtyckiego", rpmb);

  const std::vector<Quotation> qs = a.quotes();
  struct Want {
    std::string starts;   // the quotation's first words, opening mark included
    std::string speaker;  // group name
    std::string attribution;
    std::string speaker_words;
    std::string cue;
  };
  const std::vector<Want> want = {
      {"„Dzisiejsza wizyta", "Andrzej Kowalczyk", "name", "Andrzej Kowalczyk", "powiedział"},
      {"„Bardzo to doceniamy”", "Andrzej Kowalczyk", "role", "polski prezydent", "dodał"},
      {"„Zawsze wykorzystujemy", "Andrzej Kowalczyk", "name", "Kowalczyk", "ocenił"},
      {"„Rzeczywiście moja", "Giedrius Vaitkus", "role", "prezydent Litwy", "powiedział"},
      {"„Są bardzo duże plany", "Giedrius Vaitkus", "name", "Vaitkus", "zapewnił"},
      {"„zrobią wszystko, aby rozwijać wspólne projekty”", "Giedrius Vaitkus", "context", "on", "Podkreślił"},
  };
  REQUIRE(qs.size() == want.size());
  for (size_t i = 0; i < qs.size(); ++i) {
    const Quotation& q = qs[i];
    CAPTURE(i);
    CAPTURE(a.quoted(q));
    INFO(a.quoted(q).substr(0, 40) << " -> " << a.speaker_name(q) << " [" << q.attribution << " "
                                      << q.confidence << std::string(q.is_uncertain ? " uncertain" : "") << "] '"
                                      << a.speaker_words(q) << "' / '" << a.cue(q) << "'");
    CHECK(q.id == "q" + std::to_string(i + 1));
    CHECK(a.quoted(q).rfind(want[i].starts, 0) == 0);
    CHECK(a.speaker_name(q) == want[i].speaker);
    CHECK(q.attribution == want[i].attribution);
    CHECK(a.speaker_words(q) == want[i].speaker_words);
    CHECK(a.cue(q) == want[i].cue);
    CHECK(q.parent.empty());
    CHECK_FALSE(q.is_uncertain);
    CHECK(q.confidence >= 0.6f);
  }
}
