// What a screen reader reads instead of the canvas: an outline of the open document for the
// page's off-screen DOM mirror (web/glosa-web.js builds it): the title and facts, the text
// paragraph by paragraph with each entity named with its label ("Moskwie, place"), the
// people, places and organisations, the quotations with their speakers. Layer: app.
#pragma once

#include <cstddef>
#include <string>

#include "app/app_state.h"

namespace glosa::app {

// How much of the text the mirror holds at once. A browser lays out 1 MB of mirrored text in
// about a second (a frozen page), so a long text is outlined in windows of whole lines; the
// mirror offers the earlier and later parts, and follows the selection there.
constexpr size_t kMirrorWindowBytes = 64 * 1024;
constexpr size_t kMirrorListItems = 300;

// The outline as JSON: {"revision", "document" (session id), "title", "facts", "lang",
//  "window": {"from", "to", "length", "previous", "next"} (bytes; previous / next: where the
//   window before / after starts, -1 when there is none), "truncated" (next >= 0),
//  "paragraphs": [[run, ...], ...] where a run is a string (plain text) or
//   {"i": entity index, "text", "name": "Moskwie, place", "label"},
//  "groups": ["Kasym-Żomart Tokajew, person, 13 mentions", ...],
//  "quotes": ["Władimir Putin: „…”", ...]}
// The paragraphs are the lines from the one holding `from_byte`, while they fit in
// `max_bytes` (at least one line); the quotations are those that begin there; the groups
// are the first kMirrorListItems in the panel's order, then "and N more".
std::string accessible_outline_json(AppState& state, size_t from_byte = 0, size_t max_bytes = kMirrorWindowBytes);

// The spoken form of a label: its description up to the first ':' or ',' ("place"), else
// the label's name.
std::string spoken_label(const Document& doc, const std::string& label);

}  // namespace glosa::app
