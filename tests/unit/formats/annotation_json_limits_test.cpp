// Regression tests for the annotation file reader and writer from the hostile-input campaign
// of issue #14: 64-bit numbers checked before narrowing, the text's promises enforced, quoted
// words checked, group links without cycles, messages with short excerpts. Each test is named
// after what it guards.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "engine/core/sha256.h"
#include "formats/annotation_json.h"
#include "formats/json_fields.h"

using namespace glosa;
using json = nlohmann::json;

namespace {

// "Tokajew powiedział: „Wysoko to cenimy”." with a person, a group and a quotation.
Document quoted_document() {
  Document doc;
  doc.text = "Tokajew powiedzia\xC5\x82: \xE2\x80\x9EWysoko to cenimy\xE2\x80\x9D.";
  doc.lang = "pl";
  doc.labels = default_labels();
  Entity e;
  e.begin_byte = 0;
  e.end_byte = 7;
  e.label = "PER";
  e.group = "g1";
  e.origin = Origin::Model;
  doc.entities = {e};
  sort_and_number_entities(doc);
  doc.groups = {EntityGroup{"g1", "PER", "Tokajew", "", "", ""}};
  Quotation q;
  q.id = "q1";
  q.begin_byte = doc.text.find("\xE2\x80\x9E");
  q.end_byte = doc.text.size() - 1;
  q.speaker = "g1";
  q.speaker_begin_byte = 0;
  q.speaker_end_byte = 7;
  q.cue_begin_byte = 8;
  q.cue_end_byte = doc.text.find(':');
  q.attribution = "name";
  doc.quotes = {q};
  doc.article.word_count = 5;
  doc.article.reading_minutes = 1;
  return doc;
}

json good_file() { return json::parse(write_document(quoted_document())); }

// The file with another text (and its checksum, so that the text itself is what is judged).
std::string with_text(const std::string& text) {
  json j = good_file();
  j["text"] = text;
  j["sha256"] = sha256_hex(text);
  j["entities"] = json::array();
  j["groups"] = json::array();
  j["quotes"] = json::array();
  j["article"]["words"] = 1;
  j["article"]["reading_minutes"] = 1;
  return j.dump();
}

Status refused(const std::string& file) {
  auto r = read_document(file);
  REQUIRE_FALSE(r.is_ok());
  return r.status();
}

}  // namespace

TEST_CASE("annotation_json: the span check works in 64 bits whatever the width of size_t") {
  const uint64_t two32 = uint64_t{1} << 32;
  // A text longer than 2^32 code points cannot exist in memory here; the check is pure
  // arithmetic, so it is tested with such lengths directly.
  CHECK(check_codepoint_span(two32 + 1, two32 + 3, two32 + 10, "entities[0].", "start", "end").is_ok());
  const Status past = check_codepoint_span(1, (uint64_t{1} << 33) + 3, two32 + 10, "entities[0].", "start", "end");
  CHECK(past.code() == ErrorCode::BadOffsets);
  CHECK(past.message() == "entities[0].end: 8589934595 is past the end of the text (4294967306 code points)");
  const Status order = check_codepoint_span(two32 + 5, 5, two32 + 10, "quotes[1].", "cue_start", "cue_end");
  CHECK(order.message() == "quotes[1].cue_start 4294967301 is not before cue_end 5");
}

TEST_CASE("annotation_json: offsets plus 2^32 or 2^33 are refused, never wrapped to a real span") {
  for (const uint64_t shift : {uint64_t{1} << 32, uint64_t{1} << 33}) {
    CAPTURE(shift);
    json j = good_file();
    j["entities"][0]["start"] = shift + 0;
    j["entities"][0]["end"] = shift + 7;
    const Status s = refused(j.dump());
    CHECK(s.code() == ErrorCode::BadOffsets);
    CHECK(s.message().find("entities[0].end: " + std::to_string(shift + 7) + " is past the end") == 0);
    json q = good_file();
    q["quotes"][0]["speaker_end"] = shift + 7;
    CHECK(refused(q.dump()).message().find("quotes[0].speaker_end: " + std::to_string(shift + 7)) == 0);
  }
  json j = good_file();
  j["entities"][0]["end"] = uint64_t{1} << 32;  // was read as 0 in WebAssembly: "end 0"
  CHECK(refused(j.dump()).message() ==
        "entities[0].end: 4294967296 is past the end of the text (39 code points)");
}

TEST_CASE("annotation_json: huge numbers are named exactly in the message") {
  json j = good_file();
  j["version"] = 18446744073709551615ull;
  Status s = refused(j.dump());
  CHECK(s.code() == ErrorCode::UnsupportedVersion);
  CHECK(s.message().find("format version 18446744073709551615 is not supported") == 0);

  std::string file = good_file().dump();
  const std::string key = "\"end\":7";
  REQUIRE(file.find(key) != std::string::npos);
  file.replace(file.find(key), key.size(), "\"end\":18446744073709551616");  // 2^64: a double
  s = refused(file);
  CHECK(s.code() == ErrorCode::WrongType);
  CHECK(s.message() == "entities[0].end: 1.8446744073709552e+19 is not a non-negative integer below 2^64");

  json n = good_file();
  n["entities"][0]["start"] = -3;
  CHECK(refused(n.dump()).message() == "entities[0].start: -3 is not a non-negative integer below 2^64");
}

TEST_CASE("annotation_json: article.words and reading_minutes beyond the text are refused, never cut") {
  json j = good_file();
  j["article"]["words"] = (uint64_t{1} << 32) + 5;
  Status s = refused(j.dump());
  CHECK(s.code() == ErrorCode::BadOffsets);
  CHECK(s.message() == "article.words: 4294967301 is more than the text's 39 code points");
  json m = good_file();
  m["article"]["reading_minutes"] = 1000;
  CHECK(refused(m.dump()).message() == "article.reading_minutes: 1000 is more than the text's 39 code points");
  json ok = good_file();
  ok["article"]["words"] = 39;
  REQUIRE(read_document(ok.dump()).is_ok());
  CHECK(read_document(ok.dump()).value().article.word_count == 39);
}

TEST_CASE("annotation_json: text with NUL, CR or a leading BOM is refused on open as FORMAT.md promises") {
  struct Case {
    std::string text;
    const char* message;
  };
  const Case cases[] = {
      {std::string("Prezydent\0Andrzej", 17), "text holds a NUL character at code point 9"},
      {"Pierwszy wiersz\r\ndrugi", "text holds a carriage return (CR) at code point 15"},
      {"ab\rc", "text holds a carriage return (CR) at code point 2"},
      {"\xEF\xBB\xBFTekst", "text starts with a byte order mark (U+FEFF)"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.message);
    const Status s = refused(with_text(c.text));
    CHECK(s.code() == ErrorCode::BadText);
    CHECK(s.message().find(c.message) == 0);
  }
  // A BOM inside the text is a zero-width no-break space, which the text may hold.
  CHECK(read_document(with_text("a\xEF\xBB\xBF" "b")).is_ok());
}

TEST_CASE("annotation_json: whitespace-only and empty text are refused on open, as a paste is") {
  for (const std::string& text : {std::string(""), std::string(" \n\t "), std::string("\xC2\xA0\xE2\x80\x83\n")}) {
    CAPTURE(text);
    const Status s = refused(with_text(text));
    CHECK(s.code() == ErrorCode::EmptyText);
    CHECK(s.message() == "text is empty or only whitespace: there is nothing to show");
  }
}

TEST_CASE("annotation_json: speaker_text and cue that differ from the text are refused, not rewritten") {
  json j = good_file();
  REQUIRE(j["quotes"][0]["speaker_text"] == "Tokajew");
  REQUIRE(j["quotes"][0]["cue"] == "powiedzia\xC5\x82");
  j["quotes"][0]["speaker_text"] = "Putin";
  Status s = refused(j.dump());
  CHECK(s.code() == ErrorCode::TextMismatch);
  CHECK(s.message() == "quotes[0].speaker_text: \"Putin\" differs from the document at 0..7 (\"Tokajew\")");
  json c = good_file();
  c["quotes"][0]["cue"] = "said";
  CHECK(refused(c.dump()).message() ==
        "quotes[0].cue: \"said\" differs from the document at 8..18 (\"powiedzia\xC5\x82\")");
  json w = good_file();
  w["quotes"][0].erase("speaker_start");
  w["quotes"][0].erase("speaker_end");
  s = refused(w.dump());
  CHECK(s.code() == ErrorCode::MissingField);
  CHECK(s.message() == "quotes[0].speaker_start is missing (speaker_text names words of the text)");
}

TEST_CASE("annotation_json: a group linked to itself or in a cycle of links is refused") {
  json self = good_file();
  self["groups"][0]["link"] = "g1";
  Status s = refused(self.dump());
  CHECK(s.code() == ErrorCode::BadReference);
  CHECK(s.message() == "groups[0].link: \"g1\" links the group to itself");

  json cycle = good_file();
  cycle["groups"].push_back({{"id", "g2"}, {"label", "LOC"}, {"name", "Rosja"}, {"link", "g3"}});
  cycle["groups"].push_back({{"id", "g3"}, {"label", "NORP"}, {"name", "rosyjski"}, {"link", "g2"}});
  s = refused(cycle.dump());
  CHECK(s.code() == ErrorCode::BadReference);
  CHECK(s.message() == "groups[1].link: \"g3\" is part of a cycle of links (g2 -> g3 -> g2)");

  json chain = good_file();  // a chain that ends is fine
  chain["groups"].push_back({{"id", "g2"}, {"label", "NORP"}, {"name", "rosyjski"}, {"link", "g1"}});
  CHECK(read_document(chain.dump()).is_ok());
}

TEST_CASE("annotation_json: messages show a short excerpt of a huge value, never all of it") {
  const std::string huge(10u << 20, 'x');
  const auto check_short = [](const Status& s, const std::string& start) {
    CHECK_MESSAGE(s.message().size() < 400, s.message().substr(0, 400));
    CHECK(s.message().find(start) == 0);
    CHECK(s.message().find("\xE2\x80\xA6") != std::string::npos);
  };
  json t = good_file();
  t["entities"][0]["text"] = huge;
  check_short(refused(t.dump()), "entities[0].text: \"xxx");
  json l = good_file();
  l["entities"][0]["label"] = huge;
  check_short(refused(l.dump()), "entities[0].label: \"xxx");
  json c = good_file();
  c["labels"][0]["color"] = huge;
  check_short(refused(c.dump()), "labels[0].color: \"xxx");
  json g = good_file();
  g["entities"][0]["group"] = huge;
  check_short(refused(g.dump()), "entities[0].group: \"xxx");
  json o = good_file();
  o["entities"][0]["origin"] = huge;
  check_short(refused(o.dump()), "entities[0].origin: \"xxx");
  json q = good_file();
  q["quotes"][0]["speaker"] = huge;
  check_short(refused(q.dump()), "quotes[0].speaker: \"xxx");
  // An entity whose own text in the document is long is shown short too.
  Document long_doc = quoted_document();
  long_doc.text = std::string(5000, 'y') + " koniec";
  long_doc.entities[0].end_byte = 5000;
  long_doc.quotes.clear();
  json d = json::parse(write_document(long_doc));
  d["entities"][0]["text"] = "inny";
  check_short(refused(d.dump()), "entities[0].text: \"inny\" differs");
  // A syntax error inside a 10 MB string.
  check_short(refused("{\"format\": \"glosa\", \"text\": \"" + huge + "\x01\"}"), "not valid JSON at line 1");
}

TEST_CASE("annotation_json: each group lists its mentions in entity order, for many groups") {
  Document doc;
  doc.labels = default_labels();
  for (int i = 0; i < 3000; ++i) doc.text += "Ala ";
  doc.text += "koniec";
  for (int i = 0; i < 3000; ++i) {
    Entity e;
    e.begin_byte = static_cast<size_t>(i) * 4;
    e.end_byte = e.begin_byte + 3;
    e.label = "PER";
    e.group = "g" + std::to_string(i % 1000 + 1);
    doc.entities.push_back(e);
  }
  sort_and_number_entities(doc);
  for (int g = 1; g <= 1000; ++g) doc.groups.push_back({"g" + std::to_string(g), "PER", "Ala", "", "", ""});
  const json j = json::parse(write_document(doc));
  REQUIRE(j["groups"].size() == 1000);
  CHECK(j["groups"][0]["mentions"] == json::array({"e1", "e1001", "e2001"}));
  CHECK(j["groups"][999]["mentions"] == json::array({"e1000", "e2000", "e3000"}));
  CHECK(j["groups"][999]["count"] == 3);
  REQUIRE(read_document(j.dump()).is_ok());
}

TEST_CASE("annotation_json: a speaker a person chose (attribution person) opens again, as FORMAT.md says") {
  Document doc = quoted_document();
  doc.quotes[0].attribution = "person";
  auto back = read_document(write_document(doc));
  REQUIRE_MESSAGE(back.is_ok(), back.status().message());
  CHECK(back.value().quotes[0].attribution == "person");
  json j = good_file();
  j["quotes"][0]["attribution"] = "telepathy";
  CHECK(refused(j.dump()).message() == "quotes[0].attribution: \"telepathy\" is not one of name, role, context, person");
}

TEST_CASE("annotation_json: a file with more labels than a document may have, or a label name too long or with "
          "control characters, is refused; names other tools give pass") {
  json many = good_file();
  for (int i = 0; i < 300; ++i) many["labels"].push_back({{"name", "L" + std::to_string(i)}, {"color", "#123456"}});
  auto r = read_document(many.dump());
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message().find("more than the 200") != std::string::npos);
  const auto with_label = [](const std::string& name) {
    json j = good_file();
    j["labels"].push_back({{"name", name}, {"color", "#123456"}});
    return read_document(j.dump());
  };
  CHECK_FALSE(with_label(std::string(65, 'A')).is_ok());
  CHECK_FALSE(with_label("A\nB").is_ok());
  CHECK_FALSE(with_label(" PAD").is_ok());
  CHECK(with_label(std::string(64, 'A')).is_ok());
  CHECK(with_label("WORK OF ART").is_ok());
  CHECK(with_label("Organizacja pa\xC5\x84stwowa").is_ok());
}
