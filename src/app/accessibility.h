// What a screen reader reads instead of the canvas: an outline of the open document for the
// page's off-screen DOM mirror (web/glosa-web.js builds it): the title and facts, the text
// paragraph by paragraph with each entity named with its label ("Moskwie, place"), the
// people, places and organisations, the quotations with their speakers. Layer: app.
#pragma once

#include <cstddef>
#include <string>

#include "app/app_state.h"

namespace glosa::app {

// The outline as JSON: {"revision", "title", "facts", "lang", "truncated",
//  "paragraphs": [[run, ...], ...] where a run is a string (plain text) or
//   {"i": entity index, "text", "name": "Moskwie, place", "label"},
//  "groups": ["Kasym-Żomart Tokajew, person, 13 mentions", ...],
//  "quotes": ["Władimir Putin: „…”", ...]}
// At most `max_bytes` of text are outlined (the rest is cut at a paragraph; "truncated").
std::string accessible_outline_json(AppState& state, size_t max_bytes = 2u << 20);

// The spoken form of a label: its description up to the first ':' or ',' ("place"), else
// the label's name.
std::string spoken_label(const Document& doc, const std::string& label);

}  // namespace glosa::app
