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
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_state.h"

namespace glosa::app {

constexpr size_t kMaxUndo = 500;  // corrections kept for undo, per document

// What identifies an entity across refreshes and annotations: span, label, origin and
// status (ids, base forms and groups are derived).
bool same_entity(const Entity& a, const Entity& b);

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

// Start of the code point that ends at byte `end` (end > 0).
size_t previous_char(const std::string& text, size_t end);

// The span add_entity would tag for [begin, end): trimmed as described there. Empty
// (begin == end) when nothing is left.
void trim_span(const std::string& text, size_t* begin, size_t* end);

// Replaces the entities at `remove` (indices into doc().entities) by `add`, as one
// undoable step described by `description`; then refreshes the document. The entity equal
// to `select` (same span and label), if given, is selected afterwards. The building block
// of every correction.
void apply_edit(AppState& state, std::vector<int> remove, std::vector<Entity> add, const std::string& description,
                const Entity* select = nullptr);

// --- Whole groups (a person, a place, an organisation with all its mentions) ---

// Gives every standing mention of group `group` (index into doc().groups) the label.
bool relabel_group(AppState& state, int group, const std::string& label);
// Accepts (status accepted) or rejects every standing mention of group `group`.
bool set_group_review(AppState& state, int group, bool accept);
// Makes the mentions of group `from` mentions of group `into` (a person's decision, kept
// when the document is derived again). False for bad or equal indices.
bool merge_group_into(AppState& state, int from, int into);
// Takes mention `entity` out of its group into a group of its own. False for a bad index
// or a mention that is alone already.
bool split_mention(AppState& state, int entity);

// --- Quotation speakers ---

// Makes group `group` the speaker of quotation `quote` (attribution "person"); -1: a person
// says nobody is named. False for bad indices.
bool set_quote_speaker(AppState& state, int quote, int group);

// --- The label set ---

// Adds a label (a unique name of letters, digits, '_' or '-', at most 24 characters; a
// colour "#rrggbb"). False, with a message, otherwise.
bool add_label(AppState& state, const LabelInfo& label);
// Renames label `from` everywhere (entities, groups); `to` must be new and valid.
bool rename_label(AppState& state, const std::string& from, const std::string& to);
bool set_label_color(AppState& state, const std::string& name, const std::string& color);
bool set_label_description(AppState& state, const std::string& name, const std::string& description);
// Moves a label up (delta < 0) or down in the order the legend and the digit keys use.
bool move_label(AppState& state, const std::string& name, int delta);
// Removes a label no entity uses. False (with a message) when one does.
bool remove_label(AppState& state, const std::string& name);
// The label set as its own small file: {"format": "glosa-labels", "version": 1, "labels":
// [{"name", "color", "description", "renamed_from"?}]}, to share one scheme in a team.
std::string label_set_json(const AppState& state);
// Takes a label set file into the open document: its labels in its order with its colours
// and descriptions, then any label the document uses that the set lacks. A label the set
// renamed takes the document's entities of its first name (and what the engine tags under
// that name later). Refused (message, nothing changed) when the file is not a valid label set.
Status apply_label_set(AppState& state, std::string_view json);

// --- Exact edges ---

enum class SpanEdge : uint8_t { Begin, End };
enum class EdgeStep : uint8_t { Word, Character };
// Moves the begin or end of entity `index` by a word or a character, `direction` -1 (left)
// or +1 (right). The span never becomes empty and never overlaps another standing entity;
// the entity is then the person's (origin person, accepted). False when it cannot move.
bool move_entity_edge(AppState& state, int index, SpanEdge edge, EdgeStep step, int direction);

bool can_undo(const AppState& state);
bool can_redo(const AppState& state);
// Goes back before the last correction of the open document (or forward again). Undo also
// brings back a document removed after that correction. False when there is nothing to
// undo (redo).
bool undo(AppState& state);
bool redo(AppState& state);

}  // namespace glosa::app
