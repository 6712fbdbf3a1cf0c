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

// Opens the find bar (its field takes the keyboard) or closes it.
void open_find(AppState& state);
void close_find(AppState& state);

}  // namespace glosa::app
