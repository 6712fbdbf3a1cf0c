// Tests for formats/gold_jsonl (the gold corpora's records, read by eval, eval-names, the
// trainer and the lexicon builder) and the JSON helpers of formats/json_fields.
#include <doctest/doctest.h>

#include <string>

#include "formats/gold_jsonl.h"
#include "formats/json_fields.h"

using namespace glosa;

TEST_CASE("gold_jsonl: offsets are code points, also given as bytes") {
  // "Żółw 🐢 w Москве": Москве starts at code point 9.
  auto r = read_gold_record(
      R"({"id": "a", "doc": 12, "lang": "pl", "text": "Żółw 🐢 w Москве", "entities": [[0, 4, "persName"], [9, 15, "placeName_settlement", "extra"]]})");
  REQUIRE(r.is_ok());
  const GoldRecord& g = r.value();
  CHECK(g.id == "a");
  CHECK(g.doc == "12");
  CHECK(g.has_doc);
  CHECK(g.lang == "pl");
  REQUIRE(g.entities.size() == 2);
  CHECK(g.entities[0].begin_byte == 0);
  CHECK(g.entities[0].end_byte == 7);  // Ż ó ł are two bytes each
  CHECK(g.entities[1].start == 9);
  CHECK(g.text.substr(g.entities[1].begin_byte, g.entities[1].end_byte - g.entities[1].begin_byte) ==
        "Москве");
  CHECK(g.entities[1].label == "placeName_settlement");
  CHECK_FALSE(g.has_lemmas);
}

TEST_CASE("gold_jsonl: entity_lemmas are read parallel to the entities") {
  auto r = read_gold_record(
      R"({"text": "Andrzeja Dudy", "entities": [[0, 13, "PER"]], "entity_lemmas": [["Andrzej Duda", "PER-Duda"]]})");
  REQUIRE(r.is_ok());
  CHECK(r.value().has_lemmas);
  CHECK_FALSE(r.value().has_doc);
  REQUIRE(r.value().lemmas.size() == 1);
  CHECK(r.value().lemmas[0].lemma == "Andrzej Duda");
  CHECK(r.value().lemmas[0].entity == "PER-Duda");
}

TEST_CASE("gold_jsonl: a bad record is refused with the field named") {
  struct Case {
    const char* line;
    ErrorCode code;
    const char* message;
  };
  const Case cases[] = {
      {R"({"text": "abc", "entities": [[0, 4, "X"]]})", ErrorCode::BadOffsets,
       "entities[0]: end 4 is past the end of the text (3 code points)"},
      {R"({"text": "abc", "entities": [[2, 2, "X"]]})", ErrorCode::BadOffsets,
       "entities[0]: start 2 is not before end 2"},
      {R"({"text": "abc", "entities": [[-1, 2, "X"]]})", ErrorCode::WrongType,
       "entities[0][0]: -1 is not a non-negative integer below 2^64"},
      {R"({"text": "abc", "entities": [[0, 4294967297, "X"]]})", ErrorCode::BadOffsets,
       "entities[0]: end 4294967297 is past the end of the text (3 code points)"},
      {R"({"text": "abc", "entities": [[0, 1]]})", ErrorCode::WrongType,
       "entities[0] must be an array [start, end, label]"},
      {R"({"text": "abc", "entities": [[0, 1, 5]]})", ErrorCode::WrongType,
       "entities[0][2] must be a label string"},
      {R"({"text": "abc"})", ErrorCode::MissingField, "entities is missing"},
      {R"({"entities": []})", ErrorCode::MissingField, "text is missing"},
      {R"([1, 2])", ErrorCode::WrongType, "the line must be a JSON object"},
      {R"({"text": "abc", "entities": [], "entity_lemmas": [["a", "b"]]})", ErrorCode::WrongType,
       "entity_lemmas has 1 items for 0 entities"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    auto r = read_gold_record(c.line);
    REQUIRE_FALSE(r.is_ok());
    CHECK(r.status().code() == c.code);
    CHECK(r.status().message() == c.message);
  }
}

TEST_CASE("json_fields: a number too large for a double is named, not called a non-object") {
  auto r = parse_json(R"({"text": "a", "x": 1e400})");
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().code() == ErrorCode::JsonSyntax);
  CHECK(r.status().message().find("number overflow parsing '1e400'") != std::string::npos);
  CHECK(r.status().message().find("line 1") == 0);
}

TEST_CASE("json_fields: a lone surrogate is named with its place") {
  auto r = parse_json("{\"text\":\n \"a\\ud800\"}");
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message().find("line 2, column") == 0);
  CHECK(r.status().message().find("surrogate") != std::string::npos);
  auto g = read_gold_record(R"({"text": "\udc00", "entities": []})");
  REQUIRE_FALSE(g.is_ok());
  CHECK(g.status().message().find("not valid JSON: line 1") == 0);
  CHECK(g.status().message().find("surrogate") != std::string::npos);
}

TEST_CASE("json_fields: a syntax error inside a huge string shows only an excerpt") {
  const std::string huge = "{\"text\": \"" + std::string(1 << 20, 'x') + "\x01\"}";
  auto r = parse_json(huge);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message().size() < 500);
  CHECK(r.status().message().find("xxxx") != std::string::npos);
}

TEST_CASE("json_fields: excerpt cuts long values at a code point and escapes controls") {
  CHECK(excerpt("Moskwa") == "\"Moskwa\"");
  CHECK(excerpt("a\nb\"c") == "\"a\\nb\\\"c\"");
  std::string polish;
  for (int i = 0; i < 100; ++i) polish += "\xC5\xBC";  // ż
  const std::string e = excerpt(polish);
  CHECK(e.size() < polish.size());
  CHECK(e.find("\xE2\x80\xA6\" (200 bytes)") != std::string::npos);
  // 60 whole letters, never half of one.
  CHECK(e.substr(1, 120) == polish.substr(0, 120));
  CHECK(e.substr(121, 3) == "\xE2\x80\xA6");
}
