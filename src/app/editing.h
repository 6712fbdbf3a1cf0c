// Corrections a person makes to the open document: change an entity's label, accept or
// reject it, tag a new span; with undo and redo. Each correction is one EditStep holding the
// entities it removed and added (never a copy of the text), and derives groups, quotations
// and article facts again from the corrected entities (Engine::refresh_document), so the
// panels follow at once. Layer: app (no drawing; tests drive it without a GPU).
//
// A corrected or added entity gets origin "person", confidence 1 and status "accepted": the
// annotation file then tells a reviewed corpus from raw output (docs/FORMAT.md). A rejected
// engine entity stays in the file with status "rejected" (it is not drawn, and the engine
// does not propose it again for that document).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/app_state.h"

namespace glosa::app {

constexpr size_t kMaxUndo = 500;  // corrections kept for undo, per document

// Gives entity `index` the label `label` (one of the document's labels). False, with a
// message and nothing changed, for a bad index or an unknown label; true (and nothing
// changed) when it has that label already.
bool set_entity_label(AppState& state, int index, const std::string& label);

// Marks entity `index` as accepted by a person (origin and label kept), or back to
// unreviewed. False for a bad index.
bool set_entity_accepted(AppState& state, int index, bool accepted);

// Rejects entity `index`: an engine entity keeps its place in the file with status
// "rejected"; one a person tagged is removed. False for a bad index.
bool reject_entity(AppState& state, int index);

// Brings a rejected entity back (status unreviewed). False for a bad index or an entity
// that is not rejected.
bool restore_entity(AppState& state, int index);

// Removes entity `index` from the document, leaving no trace. False for a bad index.
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

// Replaces the entities at `remove` (indices into doc().entities) by `add`, as one
// undoable step described by `description`; then refreshes the document. The entity equal
// to `select` (same span and label), if given, is selected afterwards. The building block
// of every correction.
void apply_edit(AppState& state, std::vector<int> remove, std::vector<Entity> add, const std::string& description,
                const Entity* select = nullptr);

bool can_undo(const AppState& state);
bool can_redo(const AppState& state);
// Goes back before the last correction of the open document (or forward again). Undo also
// brings back a document removed after that correction. False when there is nothing to
// undo (redo).
bool undo(AppState& state);
bool redo(AppState& state);

}  // namespace glosa::app
