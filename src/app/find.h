// Finding text in the open document (Ctrl+F): every match of a query, ignoring case and
// Polish (and other) diacritics as the side panel's filter does ("gdansk" finds Gdańsk);
// stepping through them; tagging all of them at once. Layer: app (no drawing).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace glosa::app {

struct AppState;

// A document of the collection that holds matches of the query: its index and how many.
struct CollectionMatch {
  int document = -1;
  size_t matches = 0;
};

struct FindState {
  bool open = false;            // the find bar is showing
  bool focus_input = false;     // one-shot: the bar's field takes the keyboard
  std::string query;
  std::vector<std::pair<size_t, size_t>> matches;  // byte spans, in text order
  int current = -1;             // the match shown, -1 = none
  // What the matches were computed for, and the folded text they were found in.
  std::string searched;         // the query of `matches`
  uint64_t revision = ~0ull;    // AppState::doc_revision of `matches`
  uint64_t text_key = 0;        // DocumentSession::key of the folded text
  std::string folded;           // the text as search_fold keys, code point by code point
  std::vector<uint32_t> folded_start;  // per byte of `folded`: the text byte its code point starts at
  // The other documents holding the query (find_in_other_documents), and what they were
  // computed for: the query and the collection (its documents' keys, hashed).
  std::vector<CollectionMatch> others;
  std::string others_query;
  uint64_t others_collection = 0;
};

// Finds every match of state.find.query in the open document (again if the query or the
// document changed). Keeps the current match when it is still there.
void update_find(AppState& state);

// Moves to the next (+1) or previous (-1) match, wrapping; selects nothing but asks the view
// to scroll to it. False when there is no match.
bool find_step(AppState& state, int direction);

// Tags every match that starts a word, grown to the whole word (at most three more code
// points: an inflected ending) and trimmed like a selection, as `label`, replacing
// entities they overlap, as one undoable step; a match inside a longer name ("Łódź" in "Łódź
// Kaliska") is left alone, and so are lower-case words where the query starts with a
// capital ("łódź", a boat, for "Łódź"); the message names the forms tagged and counts those
// left. Returns how many were tagged.
size_t tag_all_matches(AppState& state, const std::string& label);

// Every other document of the collection that holds the query, folded as in the open one,
// in list order, with its number of matches. Made when asked, not as the query is typed (a
// collection's texts are folded one by one), and again when the query or the collection
// changed; a document's text never changes, so its matches do not either.
const std::vector<CollectionMatch>& find_in_other_documents(AppState& state);

// Opens document `index` of the collection with the find bar on the same query, at its
// first match. False when there is no such document.
bool open_document_at_match(AppState& state, int index);

// Opens the find bar (its field takes the keyboard) or closes it.
void open_find(AppState& state);
void close_find(AppState& state);

}  // namespace glosa::app
