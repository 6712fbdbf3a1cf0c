// Tests for engine/core/document_codec: the binary form of a Document that the page and the
// annotation worker hand each other and keep in local storage.
#include <doctest/doctest.h>

#include <string>

#include "unit/app/app_fixtures.h"
#include "engine/core/document_codec.h"
#include "engine/engine.h"
#include "formats/annotation_json.h"

using namespace glosa;

namespace {

// Every field set, text with emoji, combining marks, Cyrillic and Polish letters.
Document rich_document() {
  Document doc = test::sample_v2_document();
  doc.text += "\n\nZa\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 \xF0\x9F\x98\x80 e\xCC\x81 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0.";
  doc.entities[0].status = ReviewStatus::Rejected;
  doc.entities[1].origin = Origin::Person;
  doc.entities[1].confidence = 0.3333333f;
  doc.entities[2].subtype = "country";
  doc.article.urls = {"https://example.org/a", "fergana.news"};
  doc.meta.model = "ner-pl 2, names-pl 1";
  doc.meta.created = "2026-12-04T10:00:00Z";
  doc.labels.push_back({"KRAJ", "#123456", "kraj \xE2\x80\x93 w\xC5\x82" "asny", "PA\xC5\x83STWO"});
  return doc;
}

}  // namespace

TEST_CASE("document_codec: a document comes back exactly, field for field") {
  const Document doc = rich_document();
  const std::string bytes = encode_document(doc);
  auto back = decode_document(bytes);
  REQUIRE(back.is_ok());
  // The annotation file is written from every field: equal files, equal documents.
  CHECK(write_document(back.value()) == write_document(doc));
  CHECK(back.value().entities[1].confidence == doc.entities[1].confidence);
  CHECK(back.value().entities[0].status == ReviewStatus::Rejected);
  CHECK(back.value().labels.back().description == doc.labels.back().description);
  CHECK(back.value().labels.back().renamed_from == doc.labels.back().renamed_from);
  CHECK(encode_document(back.value()) == bytes);
}

TEST_CASE("document_codec: a version 1 buffer (a browser's store from before renamed labels) is still read") {
  Document doc;
  doc.text = "Ala";
  doc.lang = "pl";
  doc.labels = {{"PER", "#112233", "osoba", ""}};
  std::string bytes = encode_document(doc);
  // Version 1 has no renamed_from after each label's description: here one empty string (a
  // zero length) after 12 + text (1 + 3) + lang (1 + 2) + count (1) + name (1 + 3) + colour
  // (1 + 7) + description (1 + 5) bytes.
  const size_t at = 12 + 4 + 3 + 1 + 4 + 8 + 6;
  REQUIRE(bytes.size() > at);
  REQUIRE(bytes[at] == 0);
  bytes.erase(at, 1);
  bytes[8] = 1;
  auto back = decode_document(bytes);
  REQUIRE_MESSAGE(back.is_ok(), back.status().message());
  CHECK(back.value().labels[0].description == "osoba");
  CHECK(back.value().labels[0].renamed_from.empty());
  CHECK(write_document(back.value()) == write_document(doc));
}

TEST_CASE("document_codec: an empty document round-trips") {
  const Document empty;
  auto back = decode_document(encode_document(empty));
  REQUIRE(back.is_ok());
  CHECK(back.value().text.empty());
  CHECK(back.value().entities.empty());
}

TEST_CASE("document_codec: a truncated buffer is refused at every length") {
  const std::string bytes = encode_document(rich_document());
  for (size_t n = 0; n < bytes.size(); ++n) {
    CAPTURE(n);
    auto r = decode_document(std::string_view(bytes).substr(0, n));
    REQUIRE_FALSE(r.is_ok());
    CHECK(r.status().code() == ErrorCode::BadModel);
  }
}

TEST_CASE("document_codec: altered bytes are refused or read within bounds, never past them") {
  const std::string bytes = encode_document(rich_document());
  size_t refused = 0;
  for (size_t i = 12; i < bytes.size(); i += 3) {
    std::string bad = bytes;
    bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    auto r = decode_document(bad);
    if (!r.is_ok()) {
      ++refused;
      continue;
    }
    // Whatever was read keeps every span inside its text.
    for (const Entity& e : r.value().entities) CHECK(e.end_byte <= r.value().text.size());
    for (const Quotation& q : r.value().quotes) CHECK(q.end_byte <= r.value().text.size());
  }
  CHECK(refused > 0);
}

TEST_CASE("document_codec: wrong magic, another version, a huge count and trailing bytes are refused") {
  std::string bytes = encode_document(rich_document());
  std::string bad = bytes;
  bad[0] = 'X';
  CHECK(decode_document(bad).status().code() == ErrorCode::BadModel);
  bad = bytes;
  bad[8] = 9;
  CHECK(decode_document(bad).status().code() == ErrorCode::BadModelVersion);
  CHECK(decode_document(bytes + "x").status().code() == ErrorCode::BadModel);
  // A document whose entity count claims far more records than the buffer can hold.
  Document doc;
  doc.text = "abc";
  std::string small = encode_document(doc);
  // text (len 3 + "abc"), lang (0), labels (0), then the entity count: make it 2^40.
  const size_t at = 12 + 1 + 3 + 1 + 1;
  REQUIRE(static_cast<unsigned char>(small[at]) == 0);
  small.replace(at, 1, std::string("\x80\x80\x80\x80\x80\x80\x20", 7));
  auto r = decode_document(small);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message().find("entities") != std::string::npos);
}

TEST_CASE("document_codec: an entity outside the text is refused with BadOffsets") {
  Document doc;
  doc.text = "Ala";
  Entity e;
  e.begin_byte = 1;
  e.end_byte = 3;
  e.label = "PER";
  doc.entities.push_back(e);
  std::string bytes = encode_document(doc);
  doc.text = "A";
  // Re-encode with a shorter text but the same entity: the span no longer fits.
  auto r = decode_document(encode_document(doc));
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().code() == ErrorCode::BadOffsets);
  CHECK(decode_document(bytes).is_ok());
}
