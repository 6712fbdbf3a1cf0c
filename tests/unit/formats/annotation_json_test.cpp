// Tests for formats/annotation_json: write -> read round trips, code-point offsets, and
// every validation error the reader can return.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "engine/core/sha256.h"
#include "engine/engine.h"
#include "formats/annotation_json.h"

using namespace glosa;
using json = nlohmann::json;

namespace {

// A document with entities over multi-byte text: "Żółw 🐢 Москва e\u0301 Kraków".
Document sample_document() {
  Document doc;
  doc.text = "\xC5\xBB\xC3\xB3\xC5\x82w \xF0\x9F\x90\xA2 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 e\xCC\x81 Krak\xC3\xB3w";
  doc.lang = "pl";
  doc.labels = default_labels();
  const size_t moskwa = doc.text.find("\xD0\x9C");
  const size_t krakow = doc.text.find("Krak");
  Entity a;
  a.begin_byte = moskwa;
  a.end_byte = moskwa + 12;
  a.label = "LOC";
  a.subtype = "settlement";
  a.origin = Origin::Model;
  a.confidence = 0.875f;
  Entity b;
  b.begin_byte = krakow;
  b.end_byte = doc.text.size();
  b.label = "LOC";
  b.value = "";
  b.origin = Origin::Person;
  b.status = ReviewStatus::Accepted;
  a.lemma = "Moskwa";
  a.group = "g1";
  doc.entities = {a, b};
  sort_and_number_entities(doc);
  doc.groups = {EntityGroup{"g1", "LOC", "Moskwa", "", "", ""}};
  Quotation q;
  q.id = "q1";
  q.begin_byte = 0;
  q.end_byte = doc.text.find(' ');  // "Żółw"
  q.speaker = "g1";
  q.speaker_begin_byte = moskwa;
  q.speaker_end_byte = moskwa + 12;
  q.attribution = "name";
  q.confidence = 0.75f;
  doc.quotes = {q};
  doc.article.title = "Żółw";
  doc.article.date = "2022-11";
  doc.article.urls = {"fergana.news"};
  doc.article.word_count = 4;
  doc.article.reading_minutes = 1;
  doc.meta = {"glosa 0.1.0", "ner-pl test", "2026-11-25T10:00:00Z"};
  return doc;
}

Status read_error(const std::string& text) {
  auto r = read_document(text);
  REQUIRE_FALSE(r.is_ok());
  return r.status();
}

}  // namespace

TEST_CASE("annotation_json: offsets in the file are code points") {
  const Document doc = sample_document();
  const json j = json::parse(write_document(doc));
  CHECK(j["format"] == "glosa");
  CHECK(j["version"] == kFormatVersion);
  CHECK(j["sha256"] == sha256_hex(doc.text));
  // Ż ó ł w ␠ 🐢 ␠ М: Moskwa starts at code point 7, Kraków at 17 (e + combining = 2).
  CHECK(j["entities"][0]["start"] == 7);
  CHECK(j["entities"][0]["end"] == 13);
  CHECK(j["entities"][0]["text"] == "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
  CHECK(j["entities"][1]["start"] == 17);
  CHECK(j["entities"][1]["end"] == 23);
}

TEST_CASE("annotation_json: write then read gives back the same document") {
  const Document doc = sample_document();
  const std::string first = write_document(doc);
  auto r = read_document(first);
  REQUIRE(r.is_ok());
  const Document& back = r.value();
  CHECK(back.text == doc.text);
  REQUIRE(back.entities.size() == 2);
  CHECK(back.entities[0].begin_byte == doc.entities[0].begin_byte);
  CHECK(back.entities[0].subtype == "settlement");
  CHECK(back.entities[0].origin == Origin::Model);
  CHECK(back.entities[1].status == ReviewStatus::Accepted);
  CHECK(back.meta.model == "ner-pl test");
  CHECK(back.entities[0].lemma == "Moskwa");
  CHECK(back.entities[0].group == "g1");
  REQUIRE(back.groups.size() == 1);
  CHECK(back.groups[0].name == "Moskwa");
  REQUIRE(back.quotes.size() == 1);
  CHECK(back.quotes[0].end_byte == doc.quotes[0].end_byte);
  CHECK(back.quotes[0].speaker == "g1");
  CHECK(back.quotes[0].speaker_begin_byte == doc.quotes[0].speaker_begin_byte);
  CHECK(back.article.date == "2022-11");
  CHECK(back.article.urls == std::vector<std::string>{"fergana.news"});
  CHECK(write_document(back) == first);
  CHECK(write_document(back, -1).find('\n') == std::string::npos);
}

TEST_CASE("annotation_json: the file lists each group's mentions and each quotation's words") {
  const json j = json::parse(write_document(sample_document()));
  CHECK(j["groups"][0]["mentions"] == json::array({"e1"}));
  CHECK(j["groups"][0]["count"] == 1);
  CHECK(j["quotes"][0]["start"] == 0);
  CHECK(j["quotes"][0]["end"] == 4);
  CHECK(j["quotes"][0]["speaker_text"] == "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
  CHECK(j["article"]["reading_minutes"] == 1);
}

TEST_CASE("annotation_json: a version 1 file still opens") {
  json j = json::parse(write_document(sample_document()));
  j["version"] = 1;
  j.erase("groups");
  j.erase("quotes");
  j.erase("article");
  for (auto& e : j["entities"]) {
    e.erase("lemma");
    e.erase("group");
  }
  auto r = read_document(j.dump());
  REQUIRE(r.is_ok());
  CHECK(r.value().entities.size() == 2);
  CHECK(r.value().groups.empty());
  CHECK(json::parse(write_document(r.value()))["version"] == kFormatVersion);
}

TEST_CASE("annotation_json: engine output round-trips on Polish text") {
  Engine engine;
  auto a = engine.annotate("Wzrost o 5 proc. w styczniu, czyli 24,5 mld zł – powiedział „Żółtkowski”.");
  REQUIRE(a.is_ok());
  const std::string file = write_document(a.value().doc);
  auto back = read_document(file);
  REQUIRE(back.is_ok());
  CHECK(write_document(back.value()) == file);
}

TEST_CASE("annotation_json: every validation error has its code and names the place") {
  const json good = json::parse(write_document(sample_document()));
  const auto with = [&](auto change) {
    json j = good;
    change(j);
    return j.dump();
  };
  struct Case {
    const char* name;
    std::string text;
    ErrorCode code;
    const char* needle;
  };
  const Case cases[] = {
      {"syntax", "{\"format\": \"glosa\",\n \"version\": }", ErrorCode::JsonSyntax, "line 2"},
      {"not an object", "[1, 2]", ErrorCode::NotGlosaFile, "not a Glosa file"},
      {"wrong format", with([](json& j) { j["format"] = "brat"; }), ErrorCode::NotGlosaFile, "format"},
      {"future version", with([](json& j) { j["version"] = 7; }), ErrorCode::UnsupportedVersion, "version 7"},
      {"version as string", with([](json& j) { j["version"] = "1"; }), ErrorCode::WrongType, "version"},
      {"no text", with([](json& j) { j.erase("text"); }), ErrorCode::MissingField, "text is missing"},
      {"text edited", with([](json& j) { j["text"] = std::string(j["text"]) + "!"; }), ErrorCode::ChecksumMismatch, "sha256"},
      {"no labels", with([](json& j) { j.erase("labels"); }), ErrorCode::MissingField, "labels"},
      {"bad colour", with([](json& j) { j["labels"][0]["color"] = "red"; }), ErrorCode::WrongType, "labels[0].color"},
      {"label twice", with([](json& j) { j["labels"].push_back(j["labels"][0]); }), ErrorCode::DuplicateId, "listed twice"},
      {"entities not array", with([](json& j) { j["entities"] = json::object(); }), ErrorCode::WrongType, "entities must be an array"},
      {"negative start", with([](json& j) { j["entities"][0]["start"] = -1; }), ErrorCode::WrongType, "entities[0].start"},
      {"start after end", with([](json& j) { j["entities"][0]["start"] = 13; }), ErrorCode::BadOffsets, "not before end"},
      {"end past text", with([](json& j) { j["entities"][1]["end"] = 99; }), ErrorCode::BadOffsets, "entities[1].end: 99 is past the end"},
      {"text mismatch", with([](json& j) { j["entities"][0]["text"] = "Moskwa"; }), ErrorCode::TextMismatch, "entities[0].text"},
      {"unknown label", with([](json& j) { j["entities"][0]["label"] = "LABEL"; }), ErrorCode::UnknownLabel, "\"LABEL\""},
      {"duplicate id", with([](json& j) { j["entities"][1]["id"] = j["entities"][0]["id"]; }), ErrorCode::DuplicateId, "used twice"},
      {"bad origin", with([](json& j) { j["entities"][0]["origin"] = "magic"; }), ErrorCode::WrongType, "origin"},
      {"confidence > 1", with([](json& j) { j["entities"][0]["confidence"] = 1.5; }), ErrorCode::WrongType, "confidence"},
      {"bad status", with([](json& j) { j["entities"][0]["status"] = "maybe"; }), ErrorCode::WrongType, "status"},
      {"meta not object", with([](json& j) { j["meta"] = 3; }), ErrorCode::WrongType, "meta"},
      {"missing id", with([](json& j) { j["entities"][0].erase("id"); }), ErrorCode::MissingField, "entities[0].id is missing"},
      {"version 0", with([](json& j) { j["version"] = 0; }), ErrorCode::UnsupportedVersion, "versions 1 to"},
      {"unknown group", with([](json& j) { j["entities"][0]["group"] = "g9"; }), ErrorCode::BadReference, "entities[0].group"},
      {"group without groups", with([](json& j) { j.erase("groups"); }), ErrorCode::BadReference, "no \"groups\""},
      {"group label", with([](json& j) { j["groups"][0]["label"] = "XYZ"; }), ErrorCode::UnknownLabel, "groups[0].label"},
      {"group twice", with([](json& j) { j["groups"].push_back(j["groups"][0]); }), ErrorCode::DuplicateId, "groups[1].id"},
      {"group link", with([](json& j) { j["groups"][0]["link"] = "g7"; }), ErrorCode::BadReference, "groups[0].link"},
      {"group name type", with([](json& j) { j["groups"][0]["name"] = 5; }), ErrorCode::WrongType, "groups[0].name"},
      {"quote speaker", with([](json& j) { j["quotes"][0]["speaker"] = "g5"; }), ErrorCode::BadReference, "quotes[0].speaker"},
      {"quote text", with([](json& j) { j["quotes"][0]["text"] = "x"; }), ErrorCode::TextMismatch, "quotes[0].text"},
      {"quote end", with([](json& j) { j["quotes"][0]["end"] = 999; }), ErrorCode::BadOffsets, "quotes[0].end: 999 is past the end"},
      {"quote no start", with([](json& j) { j["quotes"][0].erase("start"); }), ErrorCode::MissingField, "quotes[0].start"},
      {"half a speaker span", with([](json& j) { j["quotes"][0].erase("speaker_end"); }), ErrorCode::MissingField, "speaker_end"},
      {"attribution", with([](json& j) { j["quotes"][0]["attribution"] = "telepathy"; }), ErrorCode::WrongType, "attribution"},
      {"quote parent", with([](json& j) { j["quotes"][0]["parent"] = "q0"; }), ErrorCode::BadReference, "parent"},
      {"quote confidence", with([](json& j) { j["quotes"][0]["confidence"] = -1; }), ErrorCode::WrongType, "quotes[0].confidence"},
      {"article urls", with([](json& j) { j["article"]["urls"] = "x"; }), ErrorCode::WrongType, "article.urls"},
      {"article words", with([](json& j) { j["article"]["words"] = -4; }), ErrorCode::WrongType, "article.words"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const Status s = read_error(c.text);
    CHECK(s.code() == c.code);
    CHECK_MESSAGE(s.message().find(c.needle) != std::string::npos, s.message());
  }
}

TEST_CASE("annotation_json: hostile input does not crash the reader") {
  SUBCASE("deep nesting") { CHECK_FALSE(read_document(std::string(5000, '[') + std::string(5000, ']')).is_ok()); }
  SUBCASE("empty") { CHECK(read_error("").code() == ErrorCode::JsonSyntax); }
  SUBCASE("invalid UTF-8 in a string") { CHECK(read_error("{\"format\": \"gl\xff\"}").code() == ErrorCode::JsonSyntax); }
  SUBCASE("huge offsets") {
    json j = json::parse(write_document(sample_document()));
    j["entities"][0]["end"] = 18446744073709551615ull;
    CHECK(read_error(j.dump()).code() == ErrorCode::BadOffsets);
  }
}
