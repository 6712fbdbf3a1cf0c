// Round trips through every exchange format on text with emoji, combining marks, Cyrillic
// and Polish letters (offsets exact), the offsets each format writes, the importers'
// refusals, the HTML export's escaping, and format detection.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "engine/text/utf8.h"
#include "formats/annotation_json.h"
#include "formats/brat.h"
#include "formats/conll.h"
#include "formats/exchange.h"
#include "formats/json_exchange.h"
#include "formats/table_exports.h"

using namespace glosa;
using json = nlohmann::json;

namespace {

// 🇰🇿 is two code points (regional indicators, four UTF-16 units); "e\u0301" is e plus a
// combining acute accent; 🐢 is one code point, two UTF-16 units.
const char* kText =
    "Prezydent Kasym-\xC5\xBBomart Tokajew \xF0\x9F\x87\xB0\xF0\x9F\x87\xBF spotka\xC5\x82 si\xC4\x99 w "
    "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5 z W\xC5\x82odzimierzem Putinem w listopadzie 2022.\n"
    "\xE2\x80\x9E" "Cenimy to\xE2\x80\x9D \xE2\x80\x93 powiedzia\xC5\x82 Tokajew. Caf" "e\xCC\x81 \xF0\x9F\x90\xA2 \xC5\x81\xC3\xB3" "d\xC5\xBA.";

size_t at(const std::string& text, const char* needle, size_t from = 0) {
  const size_t p = text.find(needle, from);
  REQUIRE(p != std::string::npos);
  return p;
}

Entity entity(const std::string& text, const char* surface, const char* label, size_t from = 0) {
  Entity e;
  e.begin_byte = at(text, surface, from);
  e.end_byte = e.begin_byte + std::string(surface).size();
  e.label = label;
  e.origin = Origin::Model;
  e.confidence = 0.875f;
  return e;
}

Document sample() {
  Document doc;
  doc.text = kText;
  doc.lang = "pl";
  doc.labels = default_labels();
  Entity tokajew = entity(doc.text, "Kasym-\xC5\xBBomart Tokajew", "PER");
  tokajew.lemma = "Kasym-\xC5\xBBomart Tokajew";
  tokajew.group = "g1";
  Entity moskwa = entity(doc.text, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5", "LOC");
  moskwa.lemma = "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0";
  Entity putin = entity(doc.text, "W\xC5\x82odzimierzem Putinem", "PER");
  putin.lemma = "W\xC5\x82odzimierz Putin";
  putin.group = "g2";
  Entity date = entity(doc.text, "listopadzie 2022", "DATE");
  date.value = "2022-11";
  date.origin = Origin::Rule;
  date.confidence = 1.0f;
  Entity tokajew2 = entity(doc.text, "Tokajew", "PER", at(doc.text, "powiedzia"));
  tokajew2.group = "g1";
  Entity cafe = entity(doc.text, "Cafe\xCC\x81", "ORG");
  Entity lodz = entity(doc.text, "\xC5\x81\xC3\xB3" "d\xC5\xBA", "LOC");
  doc.entities = {tokajew, moskwa, putin, date, tokajew2, cafe, lodz};
  sort_and_number_entities(doc);
  doc.groups = {{"g1", "PER", "Kasym-\xC5\xBBomart Tokajew", "", "", ""}, {"g2", "PER", "W\xC5\x82odzimierz Putin", "", "", ""}};
  Quotation q;
  q.id = "q1";
  q.begin_byte = at(doc.text, "\xE2\x80\x9E");
  q.end_byte = at(doc.text, "\xE2\x80\x9D") + 3;
  q.speaker = "g1";
  q.speaker_begin_byte = tokajew2.begin_byte;
  q.speaker_end_byte = tokajew2.end_byte;
  doc.quotes = {q};
  return doc;
}

using Span = std::tuple<size_t, size_t, std::string>;

std::vector<Span> spans(const Document& doc) {
  std::vector<Span> out;
  for (const Entity& e : doc.entities) out.emplace_back(e.begin_byte, e.end_byte, e.label);
  return out;
}

// The group of an entity, named by its first mention's span (group ids may be renumbered).
std::string group_key(const Document& doc, const Entity& e) {
  if (e.group.empty()) return "";
  for (const Entity& m : doc.entities) {
    if (m.group == e.group) return std::to_string(m.begin_byte);
  }
  return "?";
}

std::string speaker_key(const Document& doc, const Quotation& q) {
  for (const Entity& m : doc.entities) {
    if (m.group == q.speaker) return std::to_string(m.begin_byte);
  }
  return "";
}

Document only(const Result<std::vector<Document>>& r) {
  REQUIRE_MESSAGE(r.is_ok(), r.status().message());
  REQUIRE(r.value().size() == 1);
  return r.value()[0];
}

}  // namespace

TEST_CASE("brat: a round trip keeps text, spans, labels, values, base forms, groups and the speaker") {
  const Document doc = sample();
  const BratFiles files = write_brat(doc);
  CHECK(files.txt == doc.text);
  // Code points: Москве starts at 45 (🇰🇿 counts two, e + U+0301 two).
  const CodepointIndex cps(doc.text);
  CHECK(files.ann.find("T2\tLOC " + std::to_string(cps.to_codepoint(doc.entities[1].begin_byte)) + " " +
                       std::to_string(cps.to_codepoint(doc.entities[1].end_byte)) + "\t\xD0\x9C") != std::string::npos);
  CHECK(files.ann.find("AnnotatorNotes T4\tvalue: 2022-11\n") != std::string::npos);
  CHECK(files.ann.find("*\tEquiv T1 T5\n") != std::string::npos);
  CHECK(files.ann.find("Quotation ") != std::string::npos);
  CHECK(files.ann.find("Speaker Arg1:T8 Arg2:T5") != std::string::npos);
  auto back = read_brat(files.txt, files.ann);
  REQUIRE_MESSAGE(back.is_ok(), back.status().message());
  const Document& d = back.value();
  CHECK(d.text == doc.text);
  CHECK(spans(d) == spans(doc));
  for (size_t i = 0; i < d.entities.size(); ++i) {
    CAPTURE(i);
    CHECK(d.entities[i].value == doc.entities[i].value);
    CHECK(d.entities[i].lemma == doc.entities[i].lemma);
  }
  CHECK(group_key(d, d.entities[0]) == group_key(d, d.entities[4]));
  CHECK_FALSE(d.entities[0].group.empty());
  REQUIRE(d.quotes.size() == 1);
  CHECK(d.quotes[0].begin_byte == doc.quotes[0].begin_byte);
  CHECK(d.quotes[0].end_byte == doc.quotes[0].end_byte);
  CHECK(speaker_key(d, d.quotes[0]) == std::to_string(doc.entities[0].begin_byte));
  CHECK(write_brat(d).ann == files.ann);  // groups of one mention (Putin) are not written, so this is stable
}

TEST_CASE("brat: a file with CRLF line ends counts offsets in the .txt as given") {
  const std::string txt = "Ala\r\nma Kota\r\n";
  const std::string ann = "T1\tPER 8 12\tKota\n";  // the CR counts
  auto d = read_brat(txt, ann);
  REQUIRE_MESSAGE(d.is_ok(), d.status().message());
  CHECK(d.value().text == "Ala\nma Kota\n");
  CHECK(entity_text(d.value(), d.value().entities[0]) == "Kota");
}

TEST_CASE("brat: the reader names the line and field of the first problem and opens nothing") {
  const std::string txt = "Ala ma kota i psa.";
  struct Case {
    std::string ann;
    ErrorCode code;
    const char* message;
  };
  const Case cases[] = {
      {"T1\tPER 0 3\tAla\nT2\tPER 7 99\tkota\n", ErrorCode::BadOffsets, "line 2: T2: end: 99 is past the end of the text (18 code points)"},
      {"T1\tPER 0 3\tOla\n", ErrorCode::TextMismatch, "line 1: T1: text \"Ola\" differs from the .txt at 0..3 (\"Ala\")"},
      {"T1\tPER 0 x\tAla\n", ErrorCode::WrongType, "line 1: T1: offsets \"0 x\" are not \"START END\" in digits"},
      {"T1\tPER 0 3\n", ErrorCode::MissingField, "line 1: T1: a T line needs three tab-separated fields"},
      {"T1\tPER 0 3;7 11\tAla kota\n", ErrorCode::BadOffsets, "line 1: T1: a discontinuous span"},
      {"T1\tPER 0 3\tAla\nT1\tPER 7 11\tkota\n", ErrorCode::DuplicateId, "line 2: T1: the id is used twice"},
      {"T1\tPER 0 3\tAla\n#1\tAnnotatorNotes T9\tvalue: x\n", ErrorCode::BadReference, "line 2: AnnotatorNotes \"T9\" names no T line"},
      {"T1\tQuotation 0 3\tAla\nR1\tSpeaker Arg1:T1 Arg2:T7\t\n", ErrorCode::BadReference, "line 2: Arg2 \"T7\" names no entity T line"},
      {"T1\tPER 0 3\tAla\n*\tEquiv T1 T3\n", ErrorCode::BadReference, "line 2: Equiv: \"T3\" names no entity T line"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.ann);
    auto r = read_brat(txt, c.ann);
    REQUIRE_FALSE(r.is_ok());
    CHECK(r.status().code() == c.code);
    CHECK(r.status().message().find(c.message) == 0);
  }
  CHECK(read_brat("  \n", "").status().code() == ErrorCode::EmptyText);
  CHECK(read_brat("a\xff", "").status().message() == "the .txt file is not valid UTF-8 at byte 1");
  // Fragments with only whitespace between them are one entity.
  auto joined = read_brat("Kasym\nTokajew", "T1\tPER 0 5;6 13\tKasym Tokajew\n");
  REQUIRE_MESSAGE(joined.is_ok(), joined.status().message());
  CHECK(entity_text(joined.value(), joined.value().entities[0]) == "Kasym\nTokajew");
  CHECK(write_brat(joined.value()).ann == "T1\tPER 0 5;6 13\tKasym Tokajew\n");
}

TEST_CASE("conll: a round trip with the original text keeps every span exactly") {
  const Document doc = sample();
  const ConllExport c = write_conll(doc);
  CHECK(c.dropped == 0);
  CHECK(c.text.compare(0, 20, "-DOCSTART- -X- O O\n\n") == 0);
  CHECK(c.text.find("Kasym-\xC5\xBBomart B-PER\nTokajew I-PER\n") != std::string::npos);
  CHECK(c.text.find("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5 B-LOC\n") != std::string::npos);
  CHECK(c.text.find("Cafe\xCC\x81 B-ORG\n") != std::string::npos);
  const Document d = only(read_conll(c.text, std::string_view(doc.text)));
  CHECK(d.text == doc.text);
  CHECK(spans(d) == spans(doc));
}

TEST_CASE("conll: without the text, the text is rebuilt from the tokens and the file comes back the same") {
  const std::string file =
      "-DOCSTART- -X- O O\n\nKasym-\xC5\xBBomart B-PER\nTokajew I-PER\nw O\n\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5 B-LOC\n. O\n\n"
      "\xF0\x9F\x90\xA2 O\n\xC5\x81\xC3\xB3" "d\xC5\xBA B-LOC\n\n"
      "-DOCSTART- -X- O O\n\nJan B-PER\nNowak I-PER\n\n";
  auto r = read_conll(file);
  REQUIRE_MESSAGE(r.is_ok(), r.status().message());
  REQUIRE(r.value().size() == 2);
  const Document& d = r.value()[0];
  CHECK(d.text == "Kasym-\xC5\xBBomart Tokajew w \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5 .\n\xF0\x9F\x90\xA2 \xC5\x81\xC3\xB3" "d\xC5\xBA");
  REQUIRE(d.entities.size() == 3);
  CHECK(entity_text(d, d.entities[0]) == "Kasym-\xC5\xBBomart Tokajew");
  CHECK(entity_text(d, d.entities[2]) == "\xC5\x81\xC3\xB3" "d\xC5\xBA");
  CHECK(r.value()[1].text == "Jan Nowak");
  std::string again;
  for (const Document& doc : r.value()) again += write_conll(doc).text;
  CHECK(again == file);
}

TEST_CASE("conll: two files put one after another keep no byte-order mark in the text") {
  // The second file's BOM sits at a line start (found by fuzz_exchange_import): the document
  // rebuilt from its tokens began with U+FEFF, which no Glosa text may hold.
  const std::string file = "\xEF\xBB\xBF-DOCSTART- -X- O O\n\nJan B-PER\n\n\xEF\xBB\xBF-DOCSTART- -X- O O\n\n"
                           "\xEF\xBB\xBFOdra B-LOC\nma O\n\n";
  auto r = read_conll(file);
  REQUIRE_MESSAGE(r.is_ok(), r.status().message());
  REQUIRE(r.value().size() == 2);
  CHECK(r.value()[1].text == "Odra ma");
  CHECK(entity_text(r.value()[1], r.value()[1].entities[0]) == "Odra");
  for (const Document& d : r.value()) {
    auto back = read_document(write_document(d, -1));
    CHECK_MESSAGE(back.is_ok(), back.status().message());
  }
}

TEST_CASE("conll: IOB1 and BIOES tags are read; a bad line is named") {
  auto r = read_conll("Jan I-PER\nNowak I-PER\ni O\nAnna S-PER\nMaria B-PER\nKowalska E-PER\n");
  REQUIRE_MESSAGE(r.is_ok(), r.status().message());
  const Document& d = r.value()[0];
  REQUIRE(d.entities.size() == 3);
  CHECK(entity_text(d, d.entities[0]) == "Jan Nowak");
  CHECK(entity_text(d, d.entities[1]) == "Anna");
  CHECK(entity_text(d, d.entities[2]) == "Maria Kowalska");
  CHECK(read_conll("Jan B-PER\nNowak\n").status().message() == "line 2: column 2: a token line needs a tag after the token \"Nowak\"");
  CHECK(read_conll("Jan B_PER\n").status().message().find("line 1: column 2: tag \"B_PER\" is not O") == 0);
  CHECK(read_conll("Jan B-PER\n", std::string_view("Ala ma kota")).status().message() ==
        "line 1: token \"Jan\" is not the next word of the text at code point 0 (\"Ala ma kota\")");
  CHECK(read_conll("\n\n").status().code() == ErrorCode::EmptyText);
}

TEST_CASE("conll: of overlapping entities the earlier, longer one stays, and the others are counted") {
  Document doc = sample();
  Entity inner = entity(doc.text, "Tokajew", "PER");  // inside "Kasym-Żomart Tokajew"
  doc.entities.push_back(inner);
  sort_and_number_entities(doc);
  const ConllExport c = write_conll(doc);
  CHECK(c.dropped == 1);
  CHECK(c.text.find("Kasym-\xC5\xBBomart B-PER\nTokajew I-PER\n") != std::string::npos);
}

TEST_CASE("spacy: Doc.to_json shape, character offsets, whitespace tokens, and a round trip") {
  const Document doc = sample();
  const std::string file = write_spacy(doc);
  const json j = json::parse(file);
  CHECK(j["text"] == doc.text);
  const CodepointIndex cps(doc.text);
  CHECK(j["ents"][1]["start"] == cps.to_codepoint(doc.entities[1].begin_byte));
  CHECK(j["ents"][1]["label"] == "LOC");
  // Tokens rebuild the text as spaCy does: each token, then one space when the next token
  // does not start right away; the line break is a token of its own.
  std::u32string text = to_codepoints(doc.text), rebuilt;
  for (size_t i = 0; i < j["tokens"].size(); ++i) {
    const size_t s = j["tokens"][i]["start"], e = j["tokens"][i]["end"];
    CHECK(j["tokens"][i]["id"] == i);
    rebuilt += text.substr(s, e - s);
    const size_t next = i + 1 < j["tokens"].size() ? static_cast<size_t>(j["tokens"][i + 1]["start"]) : text.size();
    if (next > e) {
      CHECK(next == e + 1);
      CHECK(text[e] == U' ');
      rebuilt += U' ';
    }
  }
  CHECK(rebuilt == text);
  bool newline_token = false;
  for (const auto& t : j["tokens"]) newline_token = newline_token || text.substr(t["start"], 1) == U"\n";
  CHECK(newline_token);
  CHECK(j["spans"]["glosa"].size() == doc.entities.size());
  CHECK(j["spans"]["glosa"][0]["kb_id"] == "g1");
  CHECK(j["spans"]["quotes"][0]["kb_id"] == "g1");
  const Document d = only(read_spacy(file));
  CHECK(d.text == doc.text);
  CHECK(spans(d) == spans(doc));
  CHECK(group_key(d, d.entities[0]) == group_key(d, d.entities[4]));
  REQUIRE(d.quotes.size() == 1);
  CHECK(d.quotes[0].begin_byte == doc.quotes[0].begin_byte);
  CHECK(speaker_key(d, d.quotes[0]) == std::to_string(doc.entities[0].begin_byte));
  // A plain Doc.to_json() without Glosa's span groups reads its ents.
  const Document plain = only(read_spacy(R"({"text": "Jan Nowak 🐢 Łódź", "ents": [{"start": 0, "end": 9, "label": "PERSON"}, {"start": 12, "end": 16, "label": "GPE"}], "tokens": []})"));
  REQUIRE(plain.entities.size() == 2);
  CHECK(entity_text(plain, plain.entities[1]) == "\xC5\x81\xC3\xB3" "d\xC5\xBA");
  CHECK(find_label(plain.labels, "GPE") >= 0);
}

TEST_CASE("spacy: a bad file is refused with the field named") {
  CHECK(read_spacy(R"({"text": "abc", "ents": [{"start": 1, "end": 9, "label": "X"}]})").status().message() ==
        "ents[0].end: 9 is past the end of the text (3 code points)");
  CHECK(read_spacy(R"({"ents": []})").status().message() == "text is missing");
  CHECK(read_spacy("{\"text\": \"abc\"}\n{\"text\": \"d\", \"ents\": [{\"start\": 0, \"end\": 1}]}\n").status().message() ==
        "line 2: ents[0].label is missing");
  CHECK(read_spacy(R"({"text": "abc", "spans": {"glosa": [], "quotes": [{"start": 0, "end": 1, "label": "QUOTE", "kb_id": "g4"}]}})")
            .status()
            .code() == ErrorCode::BadReference);
}

TEST_CASE("doccano: a round trip keeps spans and labels; the relation format's entities are read too") {
  const Document doc = sample();
  const std::string line = write_doccano(doc);
  CHECK(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);
  const json j = json::parse(line);
  const CodepointIndex cps(doc.text);
  CHECK(j["label"][1] == json::array({cps.to_codepoint(doc.entities[1].begin_byte), cps.to_codepoint(doc.entities[1].end_byte), "LOC"}));
  const Document d = only(read_doccano(line));
  CHECK(spans(d) == spans(doc));
  auto two = read_doccano(line + R"({"id": 7, "text": "Ala 🐢 Łódź", "entities": [{"id": 1, "label": "LOC", "start_offset": 6, "end_offset": 10}]})" "\n");
  REQUIRE_MESSAGE(two.is_ok(), two.status().message());
  REQUIRE(two.value().size() == 2);
  CHECK(entity_text(two.value()[1], two.value()[1].entities[0]) == "\xC5\x81\xC3\xB3" "d\xC5\xBA");
  CHECK(read_doccano(line + R"({"text": "abc", "label": [[0, 2]]})" "\n").status().message() ==
        "line 2: label[0] must be an array [start, end, label]");
}

TEST_CASE("label studio: offsets are UTF-16 code units, converted both ways (emoji count two)") {
  const Document doc = sample();
  const std::string file = write_label_studio(doc);
  const json j = json::parse(file);
  const json& result = j[0]["predictions"][0]["result"];
  REQUIRE(result.size() == doc.entities.size());
  // "Москве": code point 45, but 47 in UTF-16 (🇰🇿 is two astral characters: four units).
  const CodepointIndex cps(doc.text);
  const size_t cp = cps.to_codepoint(doc.entities[1].begin_byte);
  CHECK(result[1]["value"]["start"] == cp + 2);
  // "Łódź" after 🐢 as well: +3 units in all.
  CHECK(result[6]["value"]["start"] == cps.to_codepoint(doc.entities[6].begin_byte) + 3);
  CHECK(result[6]["value"]["text"] == "\xC5\x81\xC3\xB3" "d\xC5\xBA");
  CHECK(result[0]["type"] == "labels");
  CHECK(result[0]["from_name"] == "label");
  CHECK(result[0]["to_name"] == "text");
  CHECK(result[0]["value"]["labels"] == json::array({"PER"}));
  const Document d = only(read_label_studio(file));
  CHECK(d.text == doc.text);
  CHECK(spans(d) == spans(doc));
  CHECK(d.entities[0].origin == Origin::Model);
  CHECK(d.entities[0].confidence == doctest::Approx(0.875));
  // An annotation (a person's) wins over predictions.
  const Document a = only(read_label_studio(
      R"({"data": {"text": "🐢 Łódź"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 3, "end": 7, "text": "Łódź", "labels": ["LOC"]}}]}], "predictions": [{"result": []}]})"));
  REQUIRE(a.entities.size() == 1);
  CHECK(entity_text(a, a.entities[0]) == "\xC5\x81\xC3\xB3" "d\xC5\xBA");
  CHECK(a.entities[0].origin == Origin::Person);
  CHECK(label_studio_config(doc).find("<Label value=\"PER\" background=\"#f4a261\"/>") != std::string::npos);
}

TEST_CASE("label studio: half an emoji, a wrong text and a missing field are refused") {
  const auto message = [](const std::string& file) { return read_label_studio(file).status().message(); };
  CHECK(message(R"([{"data": {"text": "🐢 Łódź"}, "predictions": [{"result": [{"type": "labels", "value": {"start": 1, "end": 7, "labels": ["LOC"]}}]}]}])")
            .find("[0].predictions[0].result[0].value.start: 1 falls inside a character") == 0);
  CHECK(message(R"({"data": {"text": "🐢 Łódź"}, "predictions": [{"result": [{"type": "labels", "value": {"start": 2, "end": 7, "text": "Lodz", "labels": ["LOC"]}}]}]})") ==
        "predictions[0].result[0].value.text: \"Lodz\" differs from the text at 2..7 (\" Łódź\")");
  CHECK(message(R"({"data": {"text": "abc"}, "predictions": [{"result": [{"type": "labels", "value": {"start": 0, "end": 2}}]}]})") ==
        "predictions[0].result[0].value.labels is missing");
  CHECK(message(R"({"data": {"text": "abc"}, "predictions": [{"result": [{"type": "labels", "value": {"start": 0, "end": 9, "labels": ["X"]}}]}]})") ==
        "predictions[0].result[0].value.end: 9 is past the end of the text (3 UTF-16 code units)");
}

TEST_CASE("w3c: position and quote selectors, bodies, and a round trip with the text") {
  const Document doc = sample();
  const std::string file = write_web_annotation(doc);
  const json j = json::parse(file);
  CHECK(j["@context"] == "http://www.w3.org/ns/anno.jsonld");
  CHECK(j["type"] == "AnnotationCollection");
  const json& items = j["first"]["items"];
  REQUIRE(items.size() == doc.entities.size() + 1);
  const json& moskwa = items[1];
  CHECK(moskwa["type"] == "Annotation");
  const CodepointIndex cps(doc.text);
  CHECK(moskwa["target"]["selector"][0]["type"] == "TextPositionSelector");
  CHECK(moskwa["target"]["selector"][0]["start"] == cps.to_codepoint(doc.entities[1].begin_byte));
  CHECK(moskwa["target"]["selector"][1]["exact"] == "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5");
  CHECK(moskwa["target"]["selector"][1]["suffix"].get<std::string>().compare(0, 4, " z W") == 0);
  CHECK(moskwa["target"]["source"].get<std::string>().compare(0, 14, "ni:///sha-256;") == 0);
  CHECK(moskwa["body"][0]["purpose"] == "classifying");
  CHECK(moskwa["body"][0]["value"] == "LOC");
  CHECK(moskwa["body"][1]["purpose"] == "identifying");
  CHECK(items[3]["body"][1]["purpose"] == "describing");
  CHECK(items[3]["body"][1]["value"] == "2022-11");
  auto back = read_web_annotation(file, doc.text);
  REQUIRE_MESSAGE(back.is_ok(), back.status().message());
  const Document& d = back.value();
  CHECK(spans(d) == spans(doc));
  CHECK(d.entities[3].value == "2022-11");
  CHECK(d.entities[1].lemma == doc.entities[1].lemma);
  CHECK(group_key(d, d.entities[0]) == group_key(d, d.entities[4]));
  REQUIRE(d.quotes.size() == 1);
  CHECK(speaker_key(d, d.quotes[0]) == std::to_string(doc.entities[0].begin_byte));
}

TEST_CASE("w3c: a quote selector alone is found in the text; mismatches and other texts are refused") {
  const std::string text = "Jan i Jan Nowak";
  const Document d = only(import_documents(ExchangeFormat::W3c,
      R"([{"type": "Annotation", "body": {"type": "TextualBody", "purpose": "classifying", "value": "PER"},
          "target": {"selector": {"type": "TextQuoteSelector", "exact": "Jan", "prefix": "i ", "suffix": " Nowak"}}}])",
      std::string_view(text)));
  REQUIRE(d.entities.size() == 1);
  CHECK(d.entities[0].begin_byte == 6);
  const auto message = [&](const std::string& file) { return read_web_annotation(file, text).status().message(); };
  CHECK(message(R"([{"body": "PER", "target": {"selector": {"type": "TextQuoteSelector", "exact": "Jan"}}}])") ==
        "[0].TextQuoteSelector.exact \"Jan\" is found 2 times in the text; the prefix and suffix do not tell which");
  CHECK(message(R"([{"body": "PER", "target": {"selector": [{"type": "TextPositionSelector", "start": 0, "end": 3}, {"type": "TextQuoteSelector", "exact": "Ann"}]}}])") ==
        "[0].TextQuoteSelector.exact: \"Ann\" differs from the text at 0..3 (\"Jan\")");
  CHECK(message(R"([{"body": "PER", "target": {"source": "ni:///sha-256;AAAA", "selector": {"type": "TextPositionSelector", "start": 0, "end": 3}}}])")
            .find("[0].target.source") == 0);
  CHECK(import_documents(ExchangeFormat::W3c, "[]").status().code() == ErrorCode::MissingField);
}

TEST_CASE("csv: header, code-point offsets, RFC 4180 quoting and formula guard") {
  Document doc = sample();
  doc.entities[3].value = "=1+1, \"x\"";
  const std::string csv = write_csv(doc);
  // A byte-order mark, so that Excel reads UTF-8; then the header.
  CHECK(csv.compare(0, 75, "\xEF\xBB\xBFid,start,end,text,label,value,base form,group,status,origin,confidence\r\n") == 0);
  const CodepointIndex cps(doc.text);
  CHECK(csv.find("e2," + std::to_string(cps.to_codepoint(doc.entities[1].begin_byte)) + "," +
                 std::to_string(cps.to_codepoint(doc.entities[1].end_byte)) + ",\xD0\x9C") != std::string::npos);
  CHECK(csv.find(",\"'=1+1, \"\"x\"\"\",") != std::string::npos);
  doc.entities[3].value = "-P1Y";
  CHECK(write_csv(doc).find(",'-P1Y,") != std::string::npos);
  CHECK(csv.find(",Kasym-\xC5\xBBomart Tokajew,unreviewed,model,0.875\r\n") != std::string::npos);
  size_t rows = 0;
  for (size_t p = csv.find("\r\n"); p != std::string::npos; p = csv.find("\r\n", p + 2)) ++rows;
  CHECK(rows == doc.entities.size() + 1);
}

TEST_CASE("html: a hostile label, value, id and text never become markup") {
  const std::string evil = "</style><script>alert(1)</script>\"onmouseover=alert(2) '<img src=x onerror=alert(3)>";
  Document doc;
  doc.text = "Intro " + evil + " & more <b>bold</b>\nsecond line";
  doc.labels = default_labels();
  doc.labels.push_back({evil, "red;background:url(http://x)", evil, ""});
  Entity e;
  e.begin_byte = 6;
  e.end_byte = 6 + evil.size();
  e.label = evil;
  e.value = evil;
  e.lemma = evil;
  e.id = evil;
  e.group = "g1";
  doc.entities = {e};
  doc.groups = {{"g1", evil, evil, "", "", ""}};
  Quotation q;
  q.begin_byte = 0;
  q.end_byte = 5;
  q.speaker = "g1";
  doc.quotes = {q};
  doc.article.title = evil;
  doc.lang = "pl\"><script>";
  doc.meta.tool = evil;
  const std::string page = write_html(doc);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("</style><") == std::string::npos);
  CHECK(page.find("\"onmouseover") == std::string::npos);
  CHECK(page.find("url(") == std::string::npos);
  CHECK(page.find("<b>") == std::string::npos);
  CHECK(page.find("&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;onmouseover=alert(2) &#39;&lt;img") != std::string::npos);
  CHECK(page.find("&amp; more &lt;b&gt;bold&lt;/b&gt;") != std::string::npos);
  CHECK(page.find("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"") != std::string::npos);
  // Every tag in the page is one of ours.
  for (size_t p = page.find('<'); p != std::string::npos; p = page.find('<', p + 1)) {
    const std::string tag = page.substr(p, page.find_first_of(" >", p) - p);
    CAPTURE(tag);
    static const std::vector<std::string> allowed = {
        "<!DOCTYPE", "<html", "</html", "<head", "</head", "<meta", "<title", "</title", "<style", "</style", "<body", "</body",
        "<header", "</header", "<h1", "</h1", "<h2", "</h2", "<p", "</p", "<section", "</section", "<span", "</span", "<main",
        "</main", "<article", "</article", "<mark", "</mark", "<table", "</table", "<thead", "</thead", "<tbody", "</tbody",
        "<tr", "</tr", "<th", "</th", "<td", "</td", "<footer", "</footer"};
    CHECK(std::find(allowed.begin(), allowed.end(), tag) != allowed.end());
  }
}

TEST_CASE("html: the page shows the text with highlights, the legend, the table and the quotations") {
  const Document doc = sample();
  const std::string page = write_html(doc);
  CHECK(page.find("<mark class=\"l2\" title=\"LOC \xC2\xB7 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0\">"
                  "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5<span class=\"tag\">LOC</span></mark>") != std::string::npos);
  CHECK(page.find("<span class=\"l0\" title=\"person\">PER 3</span>") != std::string::npos);
  CHECK(page.find("<td>Kasym-\xC5\xBBomart Tokajew</td><td>\xE2\x80\x9E" "Cenimy to\xE2\x80\x9D</td>") != std::string::npos);
  CHECK(page.find("@media print") != std::string::npos);
  // Nothing to fetch: no address, no source, no link.
  CHECK(page.find("://") == std::string::npos);
  CHECK(page.find("src=") == std::string::npos);
  CHECK(page.find("href=") == std::string::npos);
}

TEST_CASE("exchange: every format's own output is detected as that format") {
  const Document doc = sample();
  for (ExchangeFormat f : {ExchangeFormat::Glosa, ExchangeFormat::Conll, ExchangeFormat::Spacy, ExchangeFormat::Doccano,
                           ExchangeFormat::LabelStudio, ExchangeFormat::W3c}) {
    CAPTURE(format_name(f));
    const Exported e = export_document(doc, f);
    CHECK(detect_format("file" + e.files[0].suffix, e.files[0].bytes) == f);
    CHECK(detect_format("unnamed", e.files[0].bytes) == f);
  }
  const Exported brat = export_document(doc, ExchangeFormat::Brat);
  CHECK(detect_format("a.ann", brat.files[1].bytes) == ExchangeFormat::Brat);
  CHECK(detect_format("a", brat.files[1].bytes) == ExchangeFormat::Brat);
  CHECK(detect_format("a.txt", brat.files[0].bytes) == ExchangeFormat::PlainText);
  CHECK(detect_format("a.txt", "Prezydent powiedzia\xC5\x82 O co chodzi") == ExchangeFormat::PlainText);
  CHECK(detect_format("a.json", "{\"foo\": 1}") == ExchangeFormat::PlainText);
}

TEST_CASE("exchange: import_documents reads what export_document wrote, for every readable format") {
  const Document doc = sample();
  for (ExchangeFormat f : {ExchangeFormat::Glosa, ExchangeFormat::Brat, ExchangeFormat::Conll, ExchangeFormat::Spacy,
                           ExchangeFormat::Doccano, ExchangeFormat::LabelStudio, ExchangeFormat::W3c}) {
    CAPTURE(format_name(f));
    const Exported e = export_document(doc, f);
    const std::string& annotations = e.files.back().bytes;
    std::optional<std::string_view> text;
    if (f == ExchangeFormat::Brat) text = e.files[0].bytes;
    if (f == ExchangeFormat::W3c || f == ExchangeFormat::Conll) text = std::string_view(doc.text);
    const Document d = only(import_documents(f, annotations, text));
    CHECK(d.text == doc.text);
    CHECK(spans(d) == spans(doc));
  }
  CHECK(import_documents(ExchangeFormat::Csv, "x").status().code() == ErrorCode::BadArgument);
  CHECK(import_documents(ExchangeFormat::Brat, "T1\tPER 0 1\tx\n").status().code() == ErrorCode::MissingField);
}

TEST_CASE("exchange: an entity a person rejected is left out of every format without a review status") {
  Document doc = sample();
  REQUIRE(doc.entities.size() > 2);
  doc.entities[1].status = ReviewStatus::Rejected;
  const std::string rejected(entity_text(doc, doc.entities[1]));
  Document standing = doc;
  standing.entities.erase(standing.entities.begin() + 1);
  for (ExchangeFormat f : {ExchangeFormat::Brat, ExchangeFormat::Conll, ExchangeFormat::Spacy, ExchangeFormat::Doccano,
                           ExchangeFormat::LabelStudio, ExchangeFormat::W3c}) {
    CAPTURE(format_name(f));
    const Exported e = export_document(doc, f);
    std::optional<std::string_view> text;
    if (f == ExchangeFormat::Brat) text = e.files[0].bytes;
    if (f == ExchangeFormat::W3c || f == ExchangeFormat::Conll) text = std::string_view(doc.text);
    const Document d = only(import_documents(f, e.files.back().bytes, text));
    CHECK(spans(d) == spans(standing));
  }
  // The page highlights it no more; the Glosa file and the table keep it, marked rejected.
  const std::string html = export_document(doc, ExchangeFormat::Html).files[0].bytes;
  const std::string csv = export_document(doc, ExchangeFormat::Csv).files[0].bytes;
  CHECK(csv.find(",rejected,") != std::string::npos);
  const Document glosa = only(import_documents(ExchangeFormat::Glosa, export_document(doc, ExchangeFormat::Glosa).files[0].bytes));
  CHECK(glosa.entities.size() == doc.entities.size());
  const auto marks = [](const std::string& page) {
    size_t n = 0;
    for (size_t at = page.find("<mark "); at != std::string::npos; at = page.find("<mark ", at + 1)) ++n;
    return n;
  };
  CHECK(html.find(rejected) != std::string::npos);  // the text is there, not highlighted
  CHECK(marks(html) + 1 == marks(export_document(sample(), ExchangeFormat::Html).files[0].bytes));
}

TEST_CASE("label studio: a document a person reviewed is their annotation; an unreviewed one the model's prediction") {
  const Document unreviewed = sample();
  json j = json::parse(write_label_studio(unreviewed));
  CHECK(j[0].contains("predictions"));
  CHECK_FALSE(j[0].contains("annotations"));
  Document accepted = sample();
  accepted.entities[0].status = ReviewStatus::Accepted;
  j = json::parse(write_label_studio(accepted));
  REQUIRE(j[0].contains("annotations"));
  CHECK_FALSE(j[0].contains("predictions"));
  CHECK(j[0]["annotations"][0]["result"].size() == accepted.entities.size());
  CHECK(j[0]["annotations"][0]["was_cancelled"] == false);
  // Read back: the person's (origin person), every span.
  const Document d = only(read_label_studio(write_label_studio(accepted)));
  CHECK(spans(d) == spans(accepted));
  for (const Entity& e : d.entities) CHECK(e.origin == Origin::Person);
  // Only a rejection, left out of the file before writing: still the person's annotation.
  Document rejected_only = sample();
  rejected_only.entities[2].status = ReviewStatus::Rejected;
  j = json::parse(export_document(rejected_only, ExchangeFormat::LabelStudio).files[0].bytes);
  REQUIRE(j[0].contains("annotations"));
  CHECK(j[0]["annotations"][0]["result"].size() == rejected_only.entities.size() - 1);
}

TEST_CASE("exchange: readers answer damaged files with an error or a document, never a crash") {
  // Byte flips, cuts and duplications of each format's own output (a fixed sequence, so the
  // test is the same every run); the fuzz targets of tests/fuzz go much further.
  const Document doc = sample();
  uint64_t state = 0x9e3779b97f4a7c15ull;
  const auto next = [&state]() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  size_t refused = 0, opened = 0;
  for (ExchangeFormat f : {ExchangeFormat::Glosa, ExchangeFormat::Brat, ExchangeFormat::Conll, ExchangeFormat::Spacy,
                           ExchangeFormat::Doccano, ExchangeFormat::LabelStudio, ExchangeFormat::W3c}) {
    const Exported e = export_document(doc, f);
    const std::string original = e.files.back().bytes;
    for (int round = 0; round < 300; ++round) {
      std::string bytes = original;
      const int edits = 1 + static_cast<int>(next() % 4);
      for (int k = 0; k < edits && !bytes.empty(); ++k) {
        const size_t at = next() % bytes.size();
        switch (next() % 4) {
          case 0: bytes[at] = static_cast<char>(next() & 0xff); break;
          case 1: bytes.erase(at, 1 + next() % 8); break;
          case 2: bytes.insert(at, bytes.substr(next() % bytes.size(), 1 + next() % 16)); break;
          case 3: bytes.resize(at); break;
        }
      }
      std::optional<std::string_view> text;
      if (f == ExchangeFormat::Brat) text = e.files[0].bytes;
      if (f == ExchangeFormat::W3c || f == ExchangeFormat::Conll) text = std::string_view(doc.text);
      auto r = import_documents(f, bytes, text);
      if (r.is_ok()) {
        ++opened;
        for (const Document& d : r.value()) {
          for (const Entity& ent : d.entities) CHECK(ent.end_byte <= d.text.size());
        }
      } else {
        ++refused;
        CHECK_FALSE(r.status().message().empty());
        CHECK(r.status().message().size() < 1000);
      }
      (void)detect_format("x", bytes);
    }
  }
  CHECK(refused > 0);
  CHECK(opened > 0);
}
