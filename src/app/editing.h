// Corrections a person makes to the open document: change an entity's label, accept it,
// remove it, tag a new span; with undo and redo. Each correction derives groups, quotations
// and article facts again from the corrected entities (Engine::refresh_document), so the
// panels follow at once. Layer: app (no drawing; tests drive it without a GPU).
//
// A corrected or added entity gets origin "person", confidence 1 and status "accepted":
// the annotation file then tells a reviewed corpus from raw output (docs/FORMAT.md).
#pragma once

#include <cstddef>
#include <string>

#include "app/app_state.h"

namespace glosa::app {

constexpr size_t kMaxUndo = 200;  // corrections kept for undo

// Gives entity `index` the label `label` (one of the document's labels). False, with a
// message and nothing changed, for a bad index or an unknown label; true (and nothing
// changed) when it has that label already.
bool set_entity_label(AppState& state, int index, const std::string& label);

// Marks entity `index` as accepted by a person (origin and label kept), or back to
// unreviewed. False for a bad index.
bool set_entity_accepted(AppState& state, int index, bool accepted);

// Removes entity `index`. False for a bad index.
bool remove_entity(AppState& state, int index);

// Tags bytes [begin, end) of the text as `label`: the span is first trimmed of spaces and
// of punctuation at its edges (quotes, brackets, commas, full stops: "„Moskwy”," ->
// "Moskwy"), and entities it overlaps are replaced by it. The new entity is selected.
// False, with a message, when nothing is left after trimming, the span is outside the
// text or not on character boundaries, or the label is unknown.
bool add_entity(AppState& state, size_t begin, size_t end, const std::string& label);

// The span add_entity would tag for [begin, end): trimmed as described there. Empty
// (begin == end) when nothing is left.
void trim_span(const std::string& text, size_t* begin, size_t* end);

bool can_undo(const AppState& state);
bool can_redo(const AppState& state);
// Goes back to the document before the last correction (or forward again). False when
// there is nothing to undo (redo).
bool undo(AppState& state);
bool redo(AppState& state);

}  // namespace glosa::app
