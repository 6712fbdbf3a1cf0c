// Read-only lookups over one Document for the panels: the mentions of each entity group,
// quotation nesting and speakers, filter matching, quotation snippets and the article's
// summary line. Pure functions of the document, testable without ImGui. Layer: app.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/document.h"

namespace glosa::app {

// Derived from one Document; rebuilt whenever the document changes (see document_index() in
// app_state.h). Every index refers into that document's vectors; -1 means "none".
struct DocumentIndex {
  uint64_t revision = ~0ull;                     // AppState::doc_revision it was built for
  std::vector<std::vector<int>> group_mentions;  // per doc.groups[g]: entity indices, text order
  std::vector<int> entity_group;                 // per doc.entities[e]: its group index, or -1
  std::vector<int> group_link;                   // per group: index of the linked group, or -1
  std::vector<int> quote_speaker;                // per doc.quotes[q]: speaker group, or -1
  std::vector<int> quote_depth;                  // per quote: 0 outermost, 1 nested in one...
  // Counts the panels show every frame, computed once per change of the document.
  std::vector<size_t> label_counts;              // per doc.labels[i]: entities not rejected
  size_t ungrouped_count = 0;                    // entities not rejected and in no group
  size_t rejected_count = 0;
  size_t char_count = 0;                         // code points of the text
  std::vector<std::string> facts;                // article_facts(doc, *this)
  // Whether the title is a headline, which the header shows above the text; a title taken
  // from the lead paragraph's first sentence is not shown again there (the text begins with
  // it).
  bool title_is_headline = false;
};

// Builds the index. Dangling references (a group id no group has, a cycle of parents) are
// treated as "none"; read_document refuses such files, hand-built documents may have them.
DocumentIndex build_document_index(const Document& doc);

// Index of the group with `id` in doc.groups, or -1 (also for an empty id).
int find_group(const Document& doc, std::string_view id);

// Who said quotation `q`, for display: the speaker group's name; else the words naming the
// speaker in the text ("rosyjski przywódca"); else "unknown speaker". Never empty.
std::string speaker_display_name(const Document& doc, const DocumentIndex& index, int q);

// True when nobody is named for quotation `q` (no group and no speaker words).
bool is_unknown_speaker(const Document& doc, const DocumentIndex& index, int q);

// The first `max_codepoints` code points of `text` on one line: line breaks and runs of
// spaces become one space; a longer text is cut at the last space in the second half of the
// limit (else mid-word) and gets "…". Always valid UTF-8.
std::string quote_snippet(std::string_view text, size_t max_codepoints);

// Substring matches ignoring case and diacritics (filter_key must be a search_fold() key;
// an empty filter matches everything):
//  - group g: its display name, acronym, place, label, and every mention's surface text
//    and base form;
//  - entity e: surface text, base form, label, value and resolved value;
//  - quotation q: its text, the speaker's display name and the speaker words.
bool group_matches(const Document& doc, const DocumentIndex& index, int g, std::string_view filter_key);
bool entity_matches(const Document& doc, int e, std::string_view filter_key);
bool quote_matches(const Document& doc, const DocumentIndex& index, int q, std::string_view filter_key);

// Groups in list order: most mentions first, then earliest first mention; groups without
// mentions last, in document order. `candidates` are group indices (any order).
std::vector<int> sort_groups_for_list(const DocumentIndex& index, std::vector<int> candidates);

// The article header's muted line, in display order, each part already formatted and empty
// parts left out: date ("2022-11"), source, language ("Polski"), words ("812 words"),
// reading time ("~4 min read"), then counts of people, places and organisations (PER, LOC
// and ORG groups with at least one mention; a document without groups, such as a version 1
// file, shows none, as mentions are not people) and quotations ("3 people", "1 place",
// "2 organisations", "4 quotations"). Zero counts are left out.
std::vector<std::string> article_facts(const Document& doc, const DocumentIndex& index);

// "Polski", "English" or "" for other languages.
const char* language_display_name(std::string_view lang);

}  // namespace glosa::app
