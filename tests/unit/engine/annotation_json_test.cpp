// Tests for engine/io/annotation_json: write -> read round trips, code-point offsets, and
// every validation error the reader can return.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "engine/core/sha256.h"
#include "engine/engine.h"
#include "engine/io/annotation_json.h"

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
  doc.entities = {a, b};
  sort_and_number_entities(doc);
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
  CHECK(j["version"] == 1);
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
  CHECK(write_document(back) == first);
  CHECK(write_document(back, -1).find('\n') == std::string::npos);
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
