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
