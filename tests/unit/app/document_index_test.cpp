// Tests for app/document_index: group mentions, quotation nesting and speakers, filters,
// snippets and the article facts line, on hand-built version 2 documents.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/document_index.h"
#include "app_fixtures.h"
#include "engine/engine.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

using namespace glosa;
using namespace glosa::app;

namespace {

std::vector<std::string> group_ids(const Document& doc, const std::vector<int>& groups) {
  std::vector<std::string> out;
  for (int g : groups) out.push_back(doc.groups[g].id);
  return out;
}

std::vector<std::string> surfaces(const Document& doc, const std::vector<int>& entities) {
  std::vector<std::string> out;
  for (int e : entities) out.emplace_back(entity_text(doc, doc.entities[e]));
  return out;
}

}  // namespace

TEST_CASE("document_index: each group lists its mentions in text order; ungrouped entities have none") {
  const Document doc = test::sample_v2_document();
  const DocumentIndex index = build_document_index(doc);
  REQUIRE(index.group_mentions.size() == doc.groups.size());
  CHECK(surfaces(doc, index.group_mentions[0]) ==
        std::vector<std::string>{"Tokajew", "Kasym-\xC5\xBBomart Tokajew", "Tokajew", "Tokajewa"});
  CHECK(index.group_mentions[6].empty());  // g7: a group with no mentions
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    CAPTURE(doc.entities[e].label);
    CHECK((index.entity_group[e] < 0) == doc.entities[e].group.empty());
  }
  CHECK(index.group_link[3] == 4);  // rosyjski -> Rosja
  CHECK(index.group_link[0] == -1);
  CHECK(index.quote_speaker == std::vector<int>{2, 2, -1, -1});
  CHECK(index.quote_depth == std::vector<int>{0, 0, 0, 1});
}

TEST_CASE("document_index: dangling references and parent cycles are treated as none") {
  Document doc = test::sample_v2_document();
  doc.entities[0].group = "g99";
  doc.groups[0].link = "g0";
  doc.groups[1].link = "g2";  // a group linking to itself
  doc.quotes[0].speaker = "nobody";
  doc.quotes[0].parent = "q1";  // itself: a cycle
  const DocumentIndex index = build_document_index(doc);
  CHECK(index.entity_group[0] == -1);
  CHECK(index.group_link[0] == -1);
  CHECK(index.group_link[1] == -1);
  CHECK(index.quote_speaker[0] == -1);
  CHECK(index.quote_depth[0] <= static_cast<int>(doc.quotes.size()));
  CHECK(find_group(doc, "") == -1);
  CHECK(find_group(doc, "g6") == 5);
}

TEST_CASE("document_index: groups sort by mention count, then first mention; empty groups last") {
  const Document doc = test::sample_v2_document();
  const DocumentIndex index = build_document_index(doc);
  const std::vector<int> sorted = sort_groups_for_list(index, {6, 5, 4, 3, 2, 1, 0});
  CHECK(group_ids(doc, sorted) == std::vector<std::string>{"g1", "g6", "g2", "g3", "g4", "g5", "g7"});
}

TEST_CASE("document_index: the filter matches names, acronyms, places, labels, surface and base forms") {
  const Document doc = test::sample_v2_document();
  const DocumentIndex index = build_document_index(doc);
  const auto matching = [&](const std::string& filter) {
    std::vector<std::string> out;
    for (size_t g = 0; g < doc.groups.size(); ++g) {
      if (group_matches(doc, index, static_cast<int>(g), search_fold(filter))) out.push_back(doc.groups[g].id);
    }
    return out;
  };
  CHECK(matching("").size() == doc.groups.size());
  CHECK(matching("tokajewa") == std::vector<std::string>{"g1"});   // a surface form
  CHECK(matching("moskwa") == std::vector<std::string>{"g2"});     // base form / name
  CHECK(matching("odkb") == std::vector<std::string>{"g6"});       // acronym
  CHECK(matching("rosja") == std::vector<std::string>{"g4", "g5"});  // a NORP word's place, a name
  CHECK(matching("\xC5\xBComart") == std::vector<std::string>{"g1"});  // "żomart": Polish letters
  CHECK(matching("ZOMART") == std::vector<std::string>{"g1"});     // ... or none, any case
  CHECK(matching("norp") == std::vector<std::string>{"g4"});       // label
  CHECK(matching("nieobecny") == std::vector<std::string>{"g7"});  // a group without mentions
  CHECK(matching("xyz").empty());
  // Entities: surface, value and resolved value.
  const auto entity_by_label = [&](const char* label, int n) {
    for (size_t e = 0; e < doc.entities.size(); ++e) {
      if (doc.entities[e].label == label && n-- == 0) return static_cast<int>(e);
    }
    return -1;
  };
  const int week = entity_by_label("DATE", 1);
  REQUIRE(week >= 0);
  CHECK(entity_matches(doc, week, "2022-w43"));
  CHECK(entity_matches(doc, week, "-p1w"));
  CHECK(entity_matches(doc, week, search_fold("tydzie\xC5\x84")));
  CHECK(entity_matches(doc, week, "tydzien"));
  CHECK_FALSE(entity_matches(doc, week, "moskwa"));
}

TEST_CASE("document_index: speakers show as the group's name, the speaker's words, or unknown") {
  Document doc = test::sample_v2_document();
  DocumentIndex index = build_document_index(doc);
  CHECK(speaker_display_name(doc, index, 0) == "W\xC5\x82" "adimir Putin");
  CHECK_FALSE(is_unknown_speaker(doc, index, 0));
  CHECK(speaker_display_name(doc, index, 2) == "unknown speaker");
  CHECK(is_unknown_speaker(doc, index, 2));
  CHECK(speaker_display_name(doc, index, 99) == "unknown speaker");
  // No group, but words naming the speaker next to the quotation.
  doc.quotes[0].speaker.clear();
  index = build_document_index(doc);
  CHECK(speaker_display_name(doc, index, 0) == "rosyjski przyw\xC3\xB3" "dca");
  CHECK_FALSE(is_unknown_speaker(doc, index, 0));
  // Quotation filter: its text and its speaker.
  CHECK(quote_matches(doc, index, 1, "putin"));
  CHECK(quote_matches(doc, index, 2, "wiem"));
  CHECK_FALSE(quote_matches(doc, index, 1, "wiem"));
}

TEST_CASE("document_index: quotation snippets are one line, cut at a word with an ellipsis") {
  CHECK(quote_snippet("\xE2\x80\x9EKr\xC3\xB3tko\xE2\x80\x9D", 100) == "\xE2\x80\x9EKr\xC3\xB3tko\xE2\x80\x9D");
  CHECK(quote_snippet("  jeden\n\ndwa \t trzy ", 100) == "jeden dwa trzy");
  CHECK(quote_snippet("ala ma kota i psa", 10) == "ala ma\xE2\x80\xA6");
  // No space in the second half of the limit: cut mid-word, at a character boundary.
  const std::string polish = "\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87";
  const std::string cut = quote_snippet(polish, 5);
  CHECK(is_valid_utf8(cut));
  CHECK(count_codepoints(cut) == 6);  // 5 letters and "…"
  CHECK(quote_snippet("", 10).empty());
  CHECK(quote_snippet("abc", 0) == "\xE2\x80\xA6");
}

TEST_CASE("document_index: the article facts line leaves out empty fields") {
  Document doc = test::sample_v2_document();
  DocumentIndex index = build_document_index(doc);
  CHECK(article_facts(doc, index) ==
        std::vector<std::string>{"2022-11", "fergana.news", "Polski", "60 words", "~1 min read", "2 people",
                                 "2 places", "1 organisation", "4 quotations"});
  doc.article = ArticleInfo{};
  doc.lang = "other";
  doc.groups.clear();
  doc.quotes.clear();
  for (Entity& e : doc.entities) e.group.clear();
  index = build_document_index(doc);
  CHECK(article_facts(doc, index).empty());
  CHECK(article_facts(Document{}, build_document_index(Document{})).empty());
}

TEST_CASE("document_index: a 20000-deep chain of nested quotations gets exact depths (linear parent walk)") {
  // The parent walk once searched all quotations at every step of every chain: cubic, and
  // 4000 nested quotations took 20 s before the first frame.
  Document doc;
  doc.text = "x";
  const int n = 20000;
  for (int q = 0; q < n; ++q) {
    Quotation quote;
    quote.id = "q" + std::to_string(q + 1);
    if (q > 0) quote.parent = "q" + std::to_string(q);
    doc.quotes.push_back(quote);
  }
  // A second root, and a quotation whose parent comes later in the list (hand-built).
  Quotation late;
  late.id = "late";
  late.parent = "q3";
  doc.quotes.insert(doc.quotes.begin(), late);
  const DocumentIndex index = build_document_index(doc);
  REQUIRE(index.quote_depth.size() == doc.quotes.size());
  CHECK(index.quote_depth[0] == 3);  // late -> q3 -> q2 -> q1
  for (int q = 0; q < n; ++q) {
    if (index.quote_depth[static_cast<size_t>(q) + 1] != q) {
      CHECK(index.quote_depth[static_cast<size_t>(q) + 1] == q);
      break;
    }
  }
}

TEST_CASE("document_index: a cycle of parents ends where the walk meets itself") {
  Document doc;
  doc.text = "x";
  for (const char* id : {"a", "b", "c"}) {
    Quotation q;
    q.id = id;
    doc.quotes.push_back(q);
  }
  doc.quotes[0].parent = "b";
  doc.quotes[1].parent = "c";
  doc.quotes[2].parent = "a";
  const DocumentIndex index = build_document_index(doc);
  // Walked from a: a -> b -> c -> (a again): c counts as the outermost.
  CHECK(index.quote_depth == std::vector<int>{2, 1, 0});
}

TEST_CASE("document_index: the header shows a headline, not the lead's first sentence again") {
  // The titles the engine gives (ARTICLE.md), each checked against its text.
  const auto headline = [](const std::string& text) {
    if (text.empty()) return build_document_index(Document{}).title_is_headline;
    AnnotateOptions options;
    options.use_model = false;  // the rules find the dateline's date
    const auto annotated = Engine().annotate(text, options);
    REQUIRE(annotated.is_ok());
    return build_document_index(annotated.value().doc).title_is_headline;
  };
  CHECK(headline("Sejm uchwalił budżet\n\nPosłowie głosowali wczoraj. Opozycja była przeciw."));
  CHECK(headline("date 2025-10 Prezydent Litwy przybył do Warszawy.\n\nDalej."));
  CHECK_FALSE(headline("Sejm uchwalił budżet na 2026 r. Opozycja głosowała przeciw.\n\nDalej."));
  CHECK_FALSE(headline("WASHINGTON, June 8, 2026 \u2014 A federal judge ordered mediation.\n\nMore."));
  std::string lead = "Prezes spółki";
  while (lead.size() < 400) lead += " zapowiedział kolejne inwestycje";
  CHECK_FALSE(headline(lead + ".\n\nDalej."));
  CHECK_FALSE(headline(""));
}
