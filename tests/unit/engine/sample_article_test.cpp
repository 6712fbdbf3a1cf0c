// The whole pipeline with the shipped models and lexicon on a whole news article written
// for these tests (tests/fixtures/pl-news-wizyta-wilno.txt): who is who (groups, base forms,
// links, an acronym), who said what (every quotation's speaker), and the article's metadata.
#include <doctest/doctest.h>

#include <string>

#include "engine/engine.h"
#include "test_support.h"

using namespace glosa;

namespace {

const Document& sample_analysis() {
  static const Document doc = [] {
    Engine engine;
    for (const char* file : {"assets/models/names-pl.bin", "assets/models/ner-pl.bin"}) {
      const std::string b = test::read_file(test::source_path(file));
      const auto* data = reinterpret_cast<const uint8_t*>(b.data());
      const Status s = std::string(file).find("names") != std::string::npos ? engine.load_lexicon(data, b.size())
                                                                            : engine.load_model(data, b.size());
      REQUIRE(s.is_ok());
    }
    const std::string text = test::read_file(test::source_path("tests/fixtures/pl-news-wizyta-wilno.txt"));
    REQUIRE(!text.empty());
    auto a = engine.annotate(text);
    REQUIRE(a.is_ok());
    return a.value().doc;
  }();
  return doc;
}

const EntityGroup* group(const Document& doc, const std::string& id) {
  for (const EntityGroup& g : doc.groups) if (g.id == id) return &g;
  return nullptr;
}

// The group of the first entity whose text is `surface` and label `label`.
const EntityGroup* group_of(const Document& doc, const std::string& surface, const std::string& label) {
  for (const Entity& e : doc.entities) {
    if (e.label == label && entity_text(doc, e) == surface) return group(doc, e.group);
  }
  return nullptr;
}

}  // namespace

TEST_CASE("fixture article: the mentions of each person and place form one group") {
  const Document& doc = sample_analysis();
  REQUIRE(doc.lang == "pl");
  const EntityGroup* vaitkus = group_of(doc, "Vaitkus", "PER");
  const EntityGroup* kowalczyk = group_of(doc, "Kowalczyk", "PER");
  const EntityGroup* warszawa = group_of(doc, "Warszawie", "LOC");
  REQUIRE(vaitkus != nullptr);
  REQUIRE(kowalczyk != nullptr);
  REQUIRE(warszawa != nullptr);
  CHECK(vaitkus != kowalczyk);
  CHECK(vaitkus->name == "Giedrius Vaitkus");  // the fullest form names the group
  CHECK(kowalczyk->name == "Andrzej Kowalczyk");
  CHECK(warszawa->name == "Warszawa");
  CHECK(group_of(doc, "Warszawy", "LOC") == warszawa);
  // Every mention that is a form of Vaitkus's or Kowalczyk's name is in their group.
  size_t vaitkus_mentions = 0;
  for (const Entity& e : doc.entities) {
    const std::string t(entity_text(doc, e));
    CAPTURE(t);
    if (t == "Vaitkus" || t == "Vaitkusem" || t == "Giedrius Vaitkus") {
      CHECK(e.group == vaitkus->id);
      ++vaitkus_mentions;
    }
    if (t == "Vaitkusem") CHECK(e.lemma == "Vaitkus");
    if (t == "Kowalczyk" || t == "Andrzej Kowalczyk") CHECK(e.group == kowalczyk->id);
  }
  CHECK(vaitkus_mentions >= 10);
}

TEST_CASE("fixture article: base forms, the acronym and the relational words") {
  const Document& doc = sample_analysis();
  const EntityGroup* rpmb = group_of(doc, "RPMB", "ORG");
  REQUIRE(rpmb != nullptr);
  CHECK(rpmb->name == "Rada Państw Morza Bałtyckiego");
  CHECK(rpmb->acronym == "RPMB");
  CHECK(group_of(doc, "Rady Państw Morza Bałtyckiego", "ORG") == rpmb);
  for (const Entity& e : doc.entities) {
    const std::string t(entity_text(doc, e));
    CAPTURE(t);
    if (t == "Litwy") CHECK(e.lemma == "Litwa");
    if (t == "Rydze") CHECK(e.lemma == "Ryga");
    if (t == "Białorusią") CHECK(e.lemma == "Białoruś");
    if (t == "Rimantasa Žukauskasa") CHECK(e.lemma == "Rimantas Žukauskas");
    if (t == "polskiemu") CHECK(e.lemma == "polski");
  }
  const EntityGroup* polski = group_of(doc, "polskiemu", "NORP");
  REQUIRE(polski != nullptr);
  CHECK(polski->place == "Polska");
  const EntityGroup* polska = group(doc, polski->link);
  REQUIRE(polska != nullptr);
  CHECK(polska->name == "Polska");
  CHECK(group_of(doc, "Polską", "LOC") == polska);
  const EntityGroup* litewski = group_of(doc, "litewskiej", "NORP");
  REQUIRE(litewski != nullptr);
  CHECK(litewski->place == "Litwa");
  CHECK(group(doc, litewski->link) == group_of(doc, "Litwy", "LOC"));
}

TEST_CASE("fixture article: every quotation has its speaker") {
  const Document& doc = sample_analysis();
  const EntityGroup* vaitkus = group_of(doc, "Vaitkus", "PER");
  const EntityGroup* kowalczyk = group_of(doc, "Kowalczyk", "PER");
  REQUIRE(vaitkus != nullptr);
  REQUIRE(kowalczyk != nullptr);
  struct Want { const char* starts; const EntityGroup* speaker; };
  const Want want[] = {
      {"„Dzisiejsza wizyta", kowalczyk},        {"„Bardzo to doceniamy", kowalczyk},
      {"„Zawsze wykorzystujemy", kowalczyk},    {"„Rzeczywiście moja pierwsza", vaitkus},
      {"„Są bardzo duże plany", vaitkus},       {"„zrobią wszystko", vaitkus},
  };
  REQUIRE(doc.quotes.size() == 6);
  for (size_t i = 0; i < 6; ++i) {
    const Quotation& q = doc.quotes[i];
    const std::string text = doc.text.substr(q.begin_byte, q.end_byte - q.begin_byte);
    CAPTURE(text);
    CHECK(text.rfind(want[i].starts, 0) == 0);
    CHECK(q.speaker == want[i].speaker->id);
    CHECK_FALSE(q.is_uncertain);
  }
}

TEST_CASE("fixture article: title, date line, source and resolved relative dates") {
  const Document& doc = sample_analysis();
  CHECK(doc.article.date == "2025-10");
  CHECK(doc.article.source == "baltika.news/polska-litwa");
  CHECK(doc.article.title.rfind("Prezydent Litwy Giedrius Vaitkus", 0) == 0);
  CHECK(doc.article.reading_minutes >= 3);
  size_t resolved = 0;
  for (const Entity& e : doc.entities) {
    const std::string t(entity_text(doc, e));
    CAPTURE(t);
    if (t == "zeszłym roku") CHECK(e.resolved == "2024");
    if (t == "styczniu") CHECK(e.resolved == "2025-01");
    if (t == "tym roku") CHECK(e.resolved == "2025");
    if (t == "pięć lat temu") CHECK(e.resolved == "2020");
    resolved += !e.resolved.empty();
  }
  CHECK(resolved >= 10);
}
