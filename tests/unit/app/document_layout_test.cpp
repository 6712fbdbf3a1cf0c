// Tests for app/document_layout with a fixed-width measure (no font, no GPU).
#include <doctest/doctest.h>

#include "app/document_layout.h"
#include "engine/text/utf8.h"

using namespace glosa;
using namespace glosa::app;

namespace {

// 10 units per code point; label tags are 30 wide.
LayoutParams params(float width) {
  LayoutParams p;
  p.wrap_width = width;
  p.line_height = 20;
  p.paragraph_gap = 5;
  p.space_width = 10;
  p.measure = [](std::string_view s) { return 10.0f * count_codepoints(s); };
  p.tag_width = [](const Entity&) { return 30.0f; };
  return p;
}

Document doc_with(const std::string& text, std::vector<std::pair<size_t, size_t>> spans) {
  Document d;
  d.text = text;
  for (auto [b, e] : spans) {
    Entity x;
    x.begin_byte = b;
    x.end_byte = e;
    x.label = "LOC";
    d.entities.push_back(x);
  }
  return d;
}

std::string frag_text(const Document& d, const LayoutFragment& f) {
  return d.text.substr(f.begin_byte, f.end_byte - f.begin_byte);
}

}  // namespace

TEST_CASE("document_layout: wraps at the width and keeps every character once") {
  const Document d = doc_with("ala ma kota i psa", {});
  const DocumentLayout L = layout_document(d, {}, params(70));
  REQUIRE(L.lines.size() == 3);  // "ala ma" (60) | "kota i" (60) | "psa"
  CHECK(L.lines[1].y == 20);
  std::string joined;
  for (const auto& f : L.fragments) joined += frag_text(d, f);
  CHECK(joined == "alamakotaipsa");
}

TEST_CASE("document_layout: cuts words at entity edges and leaves room for the tag") {
  // "w Moskwie, dziś": the entity "Moskwie" ends before the comma in the same word.
  const Document d = doc_with("w Moskwie, dzi\xC5\x9B", {{2, 9}});
  const DocumentLayout L = layout_document(d, {true}, params(1000));
  REQUIRE(L.fragments.size() == 4);
  CHECK(frag_text(d, L.fragments[1]) == "Moskwie");
  CHECK(L.fragments[1].entity == 0);
  CHECK(L.fragments[1].ends_entity);
  CHECK(frag_text(d, L.fragments[2]) == ",");
  CHECK(L.fragments[2].x == doctest::Approx(20 + 70 + 30));  // after the tag
  CHECK(L.entity_first_fragment[0] == 1);
}

TEST_CASE("document_layout: hidden entities get neither cut nor tag") {
  const Document d = doc_with("w Moskwie, dzi\xC5\x9B", {{2, 9}});
  const DocumentLayout L = layout_document(d, {false}, params(1000));
  CHECK(L.fragments.size() == 3);
  CHECK(L.entity_first_fragment[0] == -1);
}

TEST_CASE("document_layout: paragraphs add a gap; a long word is split between characters") {
  const Document d = doc_with("jeden\n\ndwa " + std::string(30, 'x'), {});
  const DocumentLayout L = layout_document(d, {}, params(100));
  REQUIRE(L.lines.size() >= 4);
  CHECK(L.lines[1].y == 20 + 5);
  for (const auto& f : L.fragments) CHECK(f.width <= 100);
}

TEST_CASE("document_layout: hit testing finds the fragment under a point") {
  const Document d = doc_with("ala ma kota", {{7, 11}});
  const DocumentLayout L = layout_document(d, {true}, params(1000));
  const int f = fragment_at(L, 75, 10, 20);
  REQUIRE(f >= 0);
  CHECK(L.fragments[f].entity == 0);
  CHECK(fragment_at(L, 65, 10, 20) == -1);  // the space
  CHECK(fragment_at(L, 5, 25, 20) == -1);   // below the only line
}

TEST_CASE("document_layout: empty document has no lines") {
  const DocumentLayout L = layout_document(Document{}, {}, params(100));
  CHECK(L.lines.empty());
  CHECK(L.height == 0);
}

namespace {

Quotation quote_at_bytes(const char* id, size_t b, size_t e, const char* parent = "") {
  Quotation q;
  q.id = id;
  q.begin_byte = b;
  q.end_byte = e;
  q.parent = parent;
  return q;
}

}  // namespace

TEST_CASE("document_layout: a quotation gets one segment per line, its tags included") {
  // "on rzekł „ala ma kota” i wyszedł": the quotation wraps onto a second line.
  Document d = doc_with("on rzek\xC5\x82 \xE2\x80\x9E" "ala ma kota\xE2\x80\x9D i wyszed\xC5\x82", {});
  const size_t qb = d.text.find("\xE2\x80\x9E");
  const size_t qe = d.text.find("\xE2\x80\x9D") + 3;
  d.quotes.push_back(quote_at_bytes("q1", qb, qe));
  Entity kota;
  kota.begin_byte = d.text.find("kota");
  kota.end_byte = kota.begin_byte + 4;
  kota.label = "LOC";
  d.entities.push_back(kota);
  const DocumentLayout L = layout_document(d, {true}, params(140));
  REQUIRE(L.quote_segments.size() == 2);
  CHECK(L.quote_segments[0].line == 0);
  CHECK(L.quote_segments[0].x0 == doctest::Approx(90));   // after "on rzekł "
  CHECK(L.quote_segments[0].x1 == doctest::Approx(130));  // to the end of "„ala"
  CHECK(L.quote_segments[1].line == 1);
  CHECK(L.quote_segments[1].x0 == doctest::Approx(0));
  // "ma " (30) + "kota" (40) + its tag (30) + "”" (10)
  CHECK(L.quote_segments[1].x1 == doctest::Approx(110));
  CHECK(L.quote_first_fragment[0] >= 0);
  CHECK(L.fragments[L.quote_first_fragment[0]].begin_byte == qb);
  CHECK(quote_at(L, 100, 10, 20) == 0);
  CHECK(quote_at(L, 50, 10, 20) == -1);  // "rzekł", outside the quotation
  CHECK(quote_on_line(L, 30, 20) == 0);
}

TEST_CASE("document_layout: quotation edges cut words; the deepest nested quotation wins") {
  // "(„Tak «nie» tak”)": quotation marks glued to brackets, a nested quotation inside.
  Document d = doc_with("x (\xE2\x80\x9ETak \xC2\xABnie\xC2\xBB tak\xE2\x80\x9D) y", {});
  const size_t outer_b = d.text.find("\xE2\x80\x9E");
  const size_t outer_e = d.text.find("\xE2\x80\x9D") + 3;
  const size_t inner_b = d.text.find("\xC2\xAB");
  const size_t inner_e = d.text.find("\xC2\xBB") + 2;
  d.quotes.push_back(quote_at_bytes("q1", outer_b, outer_e));
  d.quotes.push_back(quote_at_bytes("q2", inner_b, inner_e, "q1"));
  const DocumentLayout L = layout_document(d, {}, params(1000), {0, 1});
  REQUIRE(L.quote_first_fragment.size() == 2);
  const LayoutFragment& first = L.fragments[L.quote_first_fragment[0]];
  CHECK(d.text.substr(first.begin_byte, first.end_byte - first.begin_byte) == "\xE2\x80\x9ETak");
  REQUIRE(L.quote_segments.size() == 2);
  CHECK(L.quote_segments[1].depth == 1);
  // "x („Tak ": the nested quotation starts at x = 80.
  CHECK(quote_at(L, 95, 5, 20) == 1);
  CHECK(quote_at(L, 45, 5, 20) == 0);
  CHECK(quote_on_line(L, 5, 20) == 1);
  CHECK(fragment_at_byte(L, 0) == 0);
  CHECK(fragment_at_byte(L, 1) == 1);  // the space: the next fragment
  CHECK(fragment_at_byte(L, d.text.size()) == -1);
}

TEST_CASE("document_layout: quotations outside the text or empty get no segment") {
  Document d = doc_with("ala ma kota", {});
  d.quotes.push_back(quote_at_bytes("q1", 4, 4));
  d.quotes.push_back(quote_at_bytes("q2", 4, 999));
  const DocumentLayout L = layout_document(d, {}, params(1000));
  CHECK(L.quote_segments.empty());
  CHECK(L.quote_first_fragment == std::vector<int>{-1, -1});
  CHECK(quote_at(L, 5, 5, 20) == -1);
}

TEST_CASE("document_layout: an entity's box gets a gap on both sides, inside a word or not") {
  // "w (Moskwie), tak": the entity follows "(" and is followed by ")," in the same word.
  const Document d = doc_with("w (Moskwie), tak", {{3, 10}});
  LayoutParams p = params(1000);
  p.entity_gap = 4;
  const DocumentLayout L = layout_document(d, {true}, p);
  REQUIRE(L.fragments.size() == 5);
  CHECK(L.fragments[1].x == doctest::Approx(20));                  // "("
  CHECK(L.fragments[2].x == doctest::Approx(30 + 4));              // "Moskwie", after the gap
  CHECK(L.fragments[3].x == doctest::Approx(34 + 70 + 30 + 4));    // ")," after tag and gap
  CHECK(L.fragments[4].x == doctest::Approx(138 + 20 + 10));       // "tak": a plain space
  // Between words: the gap comes on top of the space, before the box and after its tag.
  const DocumentLayout M = layout_document(doc_with("w Moskwie tak", {{2, 9}}), {true}, p);
  REQUIRE(M.fragments.size() == 3);
  CHECK(M.fragments[1].x == doctest::Approx(20 + 4));
  CHECK(M.fragments[2].x == doctest::Approx(24 + 70 + 30 + 10 + 4));
  // At the start of a line there is no gap before the box.
  const DocumentLayout N = layout_document(doc_with("Moskwie", {{0, 7}}), {true}, p);
  CHECK(N.fragments[0].x == doctest::Approx(0));
  // With the entity hidden, the words are spaced as plain text.
  const DocumentLayout H = layout_document(doc_with("w Moskwie tak", {{2, 9}}), {false}, p);
  CHECK(H.fragments[1].x == doctest::Approx(20));
  CHECK(H.fragments[2].x == doctest::Approx(20 + 70 + 10));
}

TEST_CASE("document_layout: the fragment nearest a point, for mouse selection") {
  // Two lines at width 65: "ala ma" / "kota" (10 per character, space 10).
  const Document d = doc_with("ala ma kota", {});
  const DocumentLayout L = layout_document(d, {}, params(65));
  REQUIRE(L.fragments.size() == 3);
  REQUIRE(L.lines.size() == 2);
  CHECK(fragment_near(L, 5, 5) == 0);     // on "ala"
  CHECK(fragment_near(L, 33, 5) == 0);    // in the space, nearer "ala"
  CHECK(fragment_near(L, 38, 5) == 1);    // in the space, nearer "ma"
  CHECK(fragment_near(L, 500, 5) == 1);   // right of the line: its last fragment
  CHECK(fragment_near(L, -50, 25) == 2);  // left of the second line
  CHECK(fragment_near(L, 5, -40) == 0);   // above the text: the first line
  CHECK(fragment_near(L, 5, 900) == 2);   // below it: the last line
  CHECK(fragment_near(DocumentLayout{}, 0, 0) == -1);
}
