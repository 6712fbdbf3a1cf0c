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
  p.average_char_width = 10;
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

// A layout of `doc` (which must outlive it) bound with the given visibility and depths.
struct Laid {
  DocumentLayout layout;
  Laid(const Document& doc, std::vector<bool> visible, LayoutParams p, std::vector<int> depth = {}) {
    LayoutKey key;
    key.text_id = 1;
    key.width = p.wrap_width;
    key.line_height = p.line_height;
    layout.update(doc, key, std::move(p), std::move(visible), std::move(depth));
  }
  // The first paragraph, laid out.
  const ParagraphLayout& first() { return layout.paragraph(0); }
};

}  // namespace

TEST_CASE("document_layout: wraps at the width and keeps every character once") {
  const Document d = doc_with("ala ma kota i psa", {});
  Laid laid(d, {}, params(70));
  const ParagraphLayout& P = laid.first();
  REQUIRE(P.lines.size() == 3);  // "ala ma" (60) | "kota i" (60) | "psa"
  CHECK(P.lines[1].y == 20);
  CHECK(laid.layout.height() == 60);
  std::string joined;
  for (const auto& f : P.fragments) joined += frag_text(d, f);
  CHECK(joined == "alamakotaipsa");
}

TEST_CASE("document_layout: cuts words at entity edges and leaves room for the tag") {
  // "w Moskwie, dziś": the entity "Moskwie" ends before the comma in the same word.
  const Document d = doc_with("w Moskwie, dzi\xC5\x9B", {{2, 9}});
  Laid laid(d, {true}, params(1000));
  const ParagraphLayout& P = laid.first();
  REQUIRE(P.fragments.size() == 4);
  CHECK(frag_text(d, P.fragments[1]) == "Moskwie");
  CHECK(P.fragments[1].entity == 0);
  CHECK(P.fragments[1].ends_entity);
  CHECK(frag_text(d, P.fragments[2]) == ",");
  CHECK(P.fragments[2].x == doctest::Approx(20 + 70 + 30));  // after the tag
  float r[4];
  REQUIRE(laid.layout.entity_rect(0, r));
  CHECK(r[0] == doctest::Approx(20));
  CHECK(r[2] == doctest::Approx(90));
}

TEST_CASE("document_layout: hidden entities get neither cut nor tag") {
  const Document d = doc_with("w Moskwie, dzi\xC5\x9B", {{2, 9}});
  Laid laid(d, {false}, params(1000));
  CHECK(laid.first().fragments.size() == 3);
  float r[4];
  CHECK_FALSE(laid.layout.entity_rect(0, r));
}

TEST_CASE("document_layout: paragraphs add a gap; a long word is split between characters") {
  const Document d = doc_with("jeden\n\ndwa " + std::string(30, 'x'), {});
  Laid laid(d, {}, params(100));
  REQUIRE(laid.layout.paragraph_count() == 3);
  CHECK(laid.layout.paragraph(1).is_blank);
  CHECK(laid.layout.paragraph_top(2) == 20 + 5);
  const ParagraphLayout& P = laid.layout.paragraph(2);
  REQUIRE(P.lines.size() >= 3);
  for (const auto& f : P.fragments) CHECK(f.width <= 100);
}

TEST_CASE("document_layout: hit testing finds the fragment under a point") {
  const Document d = doc_with("ala ma kota", {{7, 11}});
  Laid laid(d, {true}, params(1000));
  const FragmentRef f = laid.layout.fragment_at(75, 10);
  REQUIRE(f.found());
  CHECK(laid.layout.fragment(f).entity == 0);
  CHECK_FALSE(laid.layout.fragment_at(65, 10).found());  // the space
  CHECK_FALSE(laid.layout.fragment_at(5, 25).found());   // below the only line
}

TEST_CASE("document_layout: empty document has no paragraphs") {
  const Document d;
  Laid laid(d, {}, params(100));
  CHECK(laid.layout.paragraph_count() == 0);
  CHECK(laid.layout.height() == 0);
  CHECK_FALSE(laid.layout.fragment_near(0, 0).found());
  CHECK(laid.layout.paragraph_at_y(10) == -1);
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
  Laid laid(d, {true}, params(140));
  const ParagraphLayout& P = laid.first();
  REQUIRE(P.quote_segments.size() == 2);
  CHECK(P.quote_segments[0].line == 0);
  CHECK(P.quote_segments[0].x0 == doctest::Approx(90));   // after "on rzekł "
  CHECK(P.quote_segments[0].x1 == doctest::Approx(130));  // to the end of "„ala"
  CHECK(P.quote_segments[1].line == 1);
  CHECK(P.quote_segments[1].x0 == doctest::Approx(0));
  // "ma " (30) + "kota" (40) + its tag (30) + "”" (10)
  CHECK(P.quote_segments[1].x1 == doctest::Approx(110));
  float r[4];
  REQUIRE(laid.layout.quote_rect(0, r));
  CHECK(r[0] == doctest::Approx(90));
  CHECK(r[1] == doctest::Approx(0));
  const FragmentRef first = laid.layout.fragment_at_byte(qb);
  REQUIRE(first.found());
  CHECK(laid.layout.fragment(first).begin_byte == qb);
  CHECK(laid.layout.quote_at(100, 10) == 0);
  CHECK(laid.layout.quote_at(50, 10) == -1);  // "rzekł", outside the quotation
  CHECK(laid.layout.quote_on_line(30) == 0);
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
  Laid laid(d, {}, params(1000), {0, 1});
  const FragmentRef first = laid.layout.fragment_at_byte(outer_b);
  REQUIRE(first.found());
  CHECK(frag_text(d, laid.layout.fragment(first)) == "\xE2\x80\x9ETak");
  const ParagraphLayout& P = laid.first();
  REQUIRE(P.quote_segments.size() == 2);
  CHECK(P.quote_segments[1].depth == 1);
  // "x („Tak ": the nested quotation starts at x = 80.
  CHECK(laid.layout.quote_at(95, 5) == 1);
  CHECK(laid.layout.quote_at(45, 5) == 0);
  CHECK(laid.layout.quote_on_line(5) == 1);
  CHECK(laid.layout.fragment_at_byte(0).fragment == 0);
  CHECK(laid.layout.fragment_at_byte(1).fragment == 1);  // the space: the next fragment
  CHECK_FALSE(laid.layout.fragment_at_byte(d.text.size()).found());
}

TEST_CASE("document_layout: quotations outside the text or empty get no segment") {
  Document d = doc_with("ala ma kota", {});
  d.quotes.push_back(quote_at_bytes("q1", 4, 4));
  d.quotes.push_back(quote_at_bytes("q2", 4, 999));
  Laid laid(d, {}, params(1000));
  CHECK(laid.first().quote_segments.empty());
  float r[4];
  CHECK_FALSE(laid.layout.quote_rect(0, r));
  CHECK_FALSE(laid.layout.quote_rect(1, r));
  CHECK(laid.layout.quote_at(5, 5) == -1);
}

TEST_CASE("document_layout: an entity's box gets a gap on both sides, inside a word or not") {
  // "w (Moskwie), tak": the entity follows "(" and is followed by ")," in the same word.
  const Document d = doc_with("w (Moskwie), tak", {{3, 10}});
  LayoutParams p = params(1000);
  p.entity_gap = 4;
  Laid laid(d, {true}, p);
  const ParagraphLayout& L = laid.first();
  REQUIRE(L.fragments.size() == 5);
  CHECK(L.fragments[1].x == doctest::Approx(20));                  // "("
  CHECK(L.fragments[2].x == doctest::Approx(30 + 4));              // "Moskwie", after the gap
  CHECK(L.fragments[3].x == doctest::Approx(34 + 70 + 30 + 4));    // ")," after tag and gap
  CHECK(L.fragments[4].x == doctest::Approx(138 + 20 + 10));       // "tak": a plain space
  // Between words: the gap comes on top of the space, before the box and after its tag.
  const Document dm = doc_with("w Moskwie tak", {{2, 9}});
  Laid m(dm, {true}, p);
  const ParagraphLayout& M = m.first();
  REQUIRE(M.fragments.size() == 3);
  CHECK(M.fragments[1].x == doctest::Approx(20 + 4));
  CHECK(M.fragments[2].x == doctest::Approx(24 + 70 + 30 + 10 + 4));
  // At the start of a line there is no gap before the box.
  const Document dn = doc_with("Moskwie", {{0, 7}});
  Laid n(dn, {true}, p);
  CHECK(n.first().fragments[0].x == doctest::Approx(0));
  // With the entity hidden, the words are spaced as plain text.
  const Document dh = doc_with("w Moskwie tak", {{2, 9}});
  Laid h(dh, {false}, p);
  CHECK(h.first().fragments[1].x == doctest::Approx(20));
  CHECK(h.first().fragments[2].x == doctest::Approx(20 + 70 + 10));
}

TEST_CASE("document_layout: the fragment nearest a point, for mouse selection") {
  // Two lines at width 65: "ala ma" / "kota" (10 per character, space 10).
  const Document d = doc_with("ala ma kota", {});
  Laid laid(d, {}, params(65));
  REQUIRE(laid.first().fragments.size() == 3);
  REQUIRE(laid.first().lines.size() == 2);
  DocumentLayout& L = laid.layout;
  CHECK(L.fragment_near(5, 5).fragment == 0);     // on "ala"
  CHECK(L.fragment_near(33, 5).fragment == 0);    // in the space, nearer "ala"
  CHECK(L.fragment_near(38, 5).fragment == 1);    // in the space, nearer "ma"
  CHECK(L.fragment_near(500, 5).fragment == 1);   // right of the line: its last fragment
  CHECK(L.fragment_near(-50, 25).fragment == 2);  // left of the second line
  CHECK(L.fragment_near(5, -40).fragment == 0);   // above the text: the first line
  CHECK(L.fragment_near(5, 900).fragment == 2);   // below it: the last line
}

TEST_CASE("document_layout: a point in the gap of a blank line is on the last line above it") {
  // "ala ma" / "kota", a blank line, "pies". The view's top in that gap is where a share link
  // and a document opened again start: it was the first line of the paragraph above.
  const Document d = doc_with("ala ma kota\n\npies", {});
  Laid laid(d, {}, params(65));
  DocumentLayout& L = laid.layout;
  REQUIRE(L.paragraph(1).lines.empty());
  const FragmentRef f = L.fragment_near(5, L.paragraph_top(1) + 1);
  CHECK(f.paragraph == 0);
  CHECK(f.fragment == 2);  // "kota"
  CHECK(L.line_top(f) == doctest::Approx(L.paragraph_top(0) + L.paragraph(0).lines[1].y));
}

// --- The lazy index: paragraphs laid out when needed, found by binary search ---

namespace {

// `n` paragraphs "pN slowo slowo ..." separated by blank lines; an entity on every "pN".
Document many_paragraphs(int n) {
  Document d;
  for (int i = 0; i < n; ++i) {
    if (i) d.text += "\n\n";
    const std::string word = "p" + std::to_string(i);
    Entity e;
    e.begin_byte = d.text.size();
    e.end_byte = e.begin_byte + word.size();
    e.label = "LOC";
    d.entities.push_back(e);
    d.text += word + " slowo slowo slowo slowo slowo slowo";
  }
  return d;
}

}  // namespace

TEST_CASE("document_layout: only the paragraphs asked for are laid out; the others keep an estimate") {
  const Document d = many_paragraphs(2000);
  Laid laid(d, std::vector<bool>(d.entities.size(), true), params(200));
  DocumentLayout& L = laid.layout;
  REQUIRE(L.paragraph_count() == 2 * 2000 - 1);
  CHECK(L.laid_out_fragments() == 0);
  // Paragraph 2000 (the 1001st text paragraph) is found by its y and by its bytes.
  const float y = L.paragraph_top(2000);
  CHECK(L.paragraph_at_y(y + 1) == 2000);
  CHECK(L.paragraph_at_byte(L.paragraph_info(2000).begin_byte + 3) == 2000);
  const ParagraphLayout& P = L.paragraph(2000);
  CHECK(L.laid_out_fragments() == P.fragments.size());
  CHECK(frag_text(d, P.fragments[0]) == "p1000");
  // An entity far down is placed by laying out only its paragraph.
  float r[4];
  REQUIRE(L.entity_rect(1999, r));
  CHECK(r[1] == doctest::Approx(L.paragraph_top(2 * 1999)));
  CHECK(L.laid_out_fragments() < 40);
}

TEST_CASE("document_layout: a paragraph laid out alone equals the same paragraph laid out in order") {
  const Document d = many_paragraphs(50);
  const std::vector<bool> visible(d.entities.size(), true);
  Laid in_order(d, visible, params(150));
  Laid alone(d, visible, params(150));
  for (int p = 0; p < static_cast<int>(in_order.layout.paragraph_count()); ++p) in_order.layout.paragraph(p);
  const ParagraphLayout& a = alone.layout.paragraph(40);
  const ParagraphLayout& b = in_order.layout.paragraph(40);
  REQUIRE(a.fragments.size() == b.fragments.size());
  for (size_t k = 0; k < a.fragments.size(); ++k) {
    CHECK(a.fragments[k].begin_byte == b.fragments[k].begin_byte);
    CHECK(a.fragments[k].x == b.fragments[k].x);
    CHECK(a.fragments[k].line == b.fragments[k].line);
    CHECK(a.fragments[k].entity == b.fragments[k].entity);
  }
  CHECK(a.height == b.height);
  // Laid out everywhere, the total height is exact: every line 20, every blank 5.
  float lines = 0;
  for (int p = 0; p < static_cast<int>(in_order.layout.paragraph_count()); ++p) {
    lines += static_cast<float>(in_order.layout.paragraph(p).lines.size());
  }
  CHECK(in_order.layout.height() == doctest::Approx(lines * 20 + 49 * 5));
}

TEST_CASE("document_layout: a new revision makes paragraphs stale but keeps their heights; trim frees far ones") {
  Document d = many_paragraphs(100);
  std::vector<bool> visible(d.entities.size(), true);
  DocumentLayout L;
  LayoutKey key;
  key.text_id = 7;
  key.width = 200;
  key.line_height = 20;
  L.update(d, key, params(200), visible, {});
  for (int p = 0; p < static_cast<int>(L.paragraph_count()); ++p) L.paragraph(p);
  const float height = L.height();
  const size_t all = L.laid_out_fragments();
  CHECK(all > 300);
  // A correction: the first entity becomes longer. Only paragraph 0 is laid out again.
  d.entities[0].end_byte += 6;  // "p0 slowo"
  key.revision = 1;
  L.update(d, key, params(200), visible, {});
  CHECK(L.laid_out_fragments() == 0);
  CHECK(L.height() == doctest::Approx(height));
  const ParagraphLayout& P = L.paragraph(0);
  CHECK(frag_text(d, P.fragments[0]) == "p0");
  CHECK(P.fragments[1].entity == 0);  // "slowo" is inside the entity now
  // trim keeps what is in view and frees the rest once over the limit.
  for (int p = 0; p < static_cast<int>(L.paragraph_count()); ++p) L.paragraph(p);
  L.trim(0, 100, 50);
  CHECK(L.laid_out_fragments() < all / 4);
  CHECK(L.height() == doctest::Approx(height));
  CHECK(L.paragraph(150).fragments.size() > 0);  // laid out again when asked for
}
