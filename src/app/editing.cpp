// Corrections with undo: label, accept, reject, remove, add; each one entity-level step.
// Layer: app.
#include "app/editing.h"

#include <algorithm>
#include <utility>

#include "engine/text/tokenizer.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa::app {

namespace {

bool valid_entity(const AppState& state, int index) {
  return index >= 0 && index < static_cast<int>(state.doc().entities.size());
}

bool known_label(const Document& doc, const std::string& label) { return find_label(doc.labels, label) >= 0; }

void mark_by_person(Entity& e) {
  e.origin = Origin::Person;
  e.confidence = 1.0f;
  e.status = ReviewStatus::Accepted;
}

bool is_char_boundary(const std::string& text, size_t i) {
  return i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
}

// What identifies an entity across refreshes (ids, base forms and groups are derived).
bool same_entity(const Entity& a, const Entity& b) {
  return a.begin_byte == b.begin_byte && a.end_byte == b.end_byte && a.label == b.label && a.origin == b.origin &&
         a.status == b.status;
}

bool same_span_label(const Entity& a, const Entity& b) {
  return a.begin_byte == b.begin_byte && a.end_byte == b.end_byte && a.label == b.label;
}

// Removes one entity equal to each of `remove` and appends `add`.
void swap_entities(Document& doc, const std::vector<Entity>& remove, const std::vector<Entity>& add) {
  for (const Entity& r : remove) {
    auto it = std::find_if(doc.entities.begin(), doc.entities.end(), [&](const Entity& e) { return same_entity(e, r); });
    if (it != doc.entities.end()) doc.entities.erase(it);
  }
  for (const Entity& a : add) doc.entities.push_back(a);
}

// After the entities changed: groups, quotations and article facts derived again; views
// re-layout; selections referring to old indices are cleared, and the entity equal to
// `keep` (if given) is selected.
void refresh_and_show(AppState& state, const Entity* keep, const std::string& message) {
  Document& doc = state.doc();
  refresh_derived(state, *state.session());
  clear_selections(state);
  if (keep) {
    for (size_t i = 0; i < doc.entities.size(); ++i) {
      if (same_span_label(doc.entities[i], *keep)) {
        state.selected_entity = static_cast<int>(i);
        break;
      }
    }
  }
  set_message(state, MessageKind::Info, message);
}

std::string quoted(const Document& doc, const Entity& e) {
  return "\xE2\x80\x9E" + std::string(entity_text(doc, e)) + "\xE2\x80\x9D";
}

// Characters trimmed from the start / the end of a span the person selected.
bool trim_at_start(char32_t c) { return is_space(c) || is_quote_char(c) || is_dash(c) ||
                                        c == U'(' || c == U'[' || c == U'{' || c == U',' ||
                                        c == U';' || c == U':' || c == U'.' || c == U'\u2026'; }
bool trim_at_end(char32_t c) { return is_space(c) || is_quote_char(c) || is_dash(c) || c == U')' ||
                                      c == U']' || c == U'}' || c == U',' || c == U';' || c == U':' ||
                                      c == U'!' || c == U'?' || c == U'\u2026'; }

// Start of the code point that ends at `end` (end > 0).
size_t previous_char(const std::string& text, size_t end) {
  size_t p = end - 1;
  while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return p;
}

// A full stop at `dot` that belongs to the word before it: an abbreviation ("r.", "proc.")
// or an initial ("W.").
bool dot_belongs_to_word(const std::string& text, size_t begin, size_t dot) {
  size_t w = dot;
  size_t len = 0;
  while (w > begin) {
    const size_t p = previous_char(text, w);
    if (!is_letter(decode_utf8(text, p, &len))) break;
    w = p;
  }
  if (w == dot) return false;
  const std::string word = to_lower(std::string_view(text).substr(w, dot - w));
  return count_codepoints(word) == 1 || is_known_abbreviation(word);
}

}  // namespace

void trim_span(const std::string& text, size_t* begin, size_t* end) {
  size_t b = std::min(*begin, text.size());
  size_t e = std::min(std::max(*end, b), text.size());
  size_t len = 0;
  while (b < e && trim_at_start(decode_utf8(text, b, &len))) b += len;
  while (e > b) {
    const size_t p = previous_char(text, e);
    const char32_t c = decode_utf8(text, p, &len);
    if (trim_at_end(c) || (c == U'.' && !dot_belongs_to_word(text, b, p))) {
      e = p;
    } else {
      break;
    }
  }
  *begin = b;
  *end = b == e ? b : e;
}

void apply_edit(AppState& state, std::vector<int> remove, std::vector<Entity> add, const std::string& description,
                const Entity* select) {
  DocumentSession* s = state.session();
  if (!s) return;
  Document& doc = s->doc;
  EditStep step;
  step.description = description;
  step.sequence = ++state.edit_sequence;
  std::sort(remove.begin(), remove.end());
  remove.erase(std::unique(remove.begin(), remove.end()), remove.end());
  for (int i : remove) step.removed.push_back(doc.entities[static_cast<size_t>(i)]);
  for (auto it = remove.rbegin(); it != remove.rend(); ++it) doc.entities.erase(doc.entities.begin() + *it);
  for (Entity& e : add) doc.entities.push_back(e);
  step.added = std::move(add);
  s->undo.push_back(std::move(step));
  if (s->undo.size() > kMaxUndo) s->undo.erase(s->undo.begin());
  s->redo.clear();
  ++s->edit_count;
  refresh_and_show(state, select, description + " (Ctrl+Z undoes it)");
}

bool set_entity_label(AppState& state, int index, const std::string& label) {
  if (!valid_entity(state, index)) return false;
  Document& doc = state.doc();
  if (!known_label(doc, label)) {
    set_message(state, MessageKind::Error, "Unknown label " + label + ": the document's labels are listed in the legend");
    return false;
  }
  const Entity& old = doc.entities[static_cast<size_t>(index)];
  if (old.label == label) return true;
  Entity e = old;
  e.label = label;
  // A LOC subtype, a normalised date or amount says nothing about the new label.
  e.subtype.clear();
  e.value.clear();
  e.resolved.clear();
  e.is_relative = false;
  mark_by_person(e);
  const std::string description = "Changed " + quoted(doc, e) + " from " + old.label + " to " + label;
  const Entity keep = e;
  apply_edit(state, {index}, {e}, description, &keep);
  return true;
}

bool set_entity_accepted(AppState& state, int index, bool accepted) {
  if (!valid_entity(state, index)) return false;
  const Document& doc = state.doc();
  Entity e = doc.entities[static_cast<size_t>(index)];
  const ReviewStatus status = accepted ? ReviewStatus::Accepted : ReviewStatus::Unreviewed;
  if (e.status == status) return true;
  e.status = status;
  const std::string description = (accepted ? "Accepted " : "Marked as unreviewed: ") + quoted(doc, e) + " " + e.label;
  const Entity keep = e;
  apply_edit(state, {index}, {e}, description, &keep);
  return true;
}

bool reject_entity(AppState& state, int index) {
  if (!valid_entity(state, index)) return false;
  const Document& doc = state.doc();
  Entity e = doc.entities[static_cast<size_t>(index)];
  if (e.status == ReviewStatus::Rejected) return true;
  if (e.origin == Origin::Person) {
    apply_edit(state, {index}, {}, "Removed " + quoted(doc, e) + " " + e.label);
    return true;
  }
  e.status = ReviewStatus::Rejected;
  apply_edit(state, {index}, {e}, "Rejected " + quoted(doc, e) + " " + e.label);
  return true;
}

bool restore_entity(AppState& state, int index) {
  if (!valid_entity(state, index)) return false;
  const Document& doc = state.doc();
  Entity e = doc.entities[static_cast<size_t>(index)];
  if (e.status != ReviewStatus::Rejected) return false;
  e.status = ReviewStatus::Unreviewed;
  const Entity keep = e;
  apply_edit(state, {index}, {e}, "Restored " + quoted(doc, e) + " " + e.label, &keep);
  return true;
}

bool remove_entity(AppState& state, int index) {
  if (!valid_entity(state, index)) return false;
  const Document& doc = state.doc();
  const Entity& e = doc.entities[static_cast<size_t>(index)];
  apply_edit(state, {index}, {}, "Removed " + quoted(doc, e) + " " + e.label);
  return true;
}

bool add_entity(AppState& state, size_t begin, size_t end, const std::string& label) {
  const Document& doc = state.doc();
  const std::string& text = doc.text;
  if (!known_label(doc, label)) {
    set_message(state, MessageKind::Error, "Unknown label " + label + ": the document's labels are listed in the legend");
    return false;
  }
  if (begin >= end || end > text.size() || !is_char_boundary(text, begin) || !is_char_boundary(text, end)) {
    set_message(state, MessageKind::Warning, "Select the words to tag first");
    return false;
  }
  trim_span(text, &begin, &end);
  if (begin == end) {
    set_message(state, MessageKind::Warning, "The selection holds no word to tag");
    return false;
  }
  // Entities the new span overlaps are replaced; rejected ones stay as the record they are.
  std::vector<int> replaced;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& x = doc.entities[i];
    if (x.begin_byte < end && begin < x.end_byte && x.status != ReviewStatus::Rejected) replaced.push_back(static_cast<int>(i));
  }
  Entity e;
  e.begin_byte = begin;
  e.end_byte = end;
  e.label = label;
  mark_by_person(e);
  std::string description = "Tagged " + quoted(doc, e) + " as " + label;
  if (!replaced.empty()) {
    description += ", replacing " + std::to_string(replaced.size()) + (replaced.size() == 1 ? " entity" : " entities");
  }
  const Entity keep = e;
  apply_edit(state, std::move(replaced), {e}, description, &keep);
  return true;
}

bool can_undo(const AppState& state) {
  const DocumentSession* s = state.session();
  return (s && !s->undo.empty()) || !state.removed.empty();
}

bool can_redo(const AppState& state) {
  const DocumentSession* s = state.session();
  return s && !s->redo.empty();
}

bool undo(AppState& state) {
  DocumentSession* s = state.session();
  const uint64_t last_step = s && !s->undo.empty() ? s->undo.back().sequence : 0;
  const uint64_t last_removal = state.removed.empty() ? 0 : state.removed.back().sequence;
  if (last_removal > last_step) return restore_removed_document(state);
  if (!s || s->undo.empty()) return false;
  EditStep step = std::move(s->undo.back());
  s->undo.pop_back();
  swap_entities(s->doc, step.added, step.removed);
  if (step.has_decisions) {
    s->doc.labels = step.decisions_before.labels;
  }
  --s->edit_count;
  const std::string description = step.description;
  s->redo.push_back(std::move(step));
  refresh_and_show(state, nullptr, "Undone: " + description + " (Ctrl+Shift+Z redoes it)");
  return true;
}

bool redo(AppState& state) {
  DocumentSession* s = state.session();
  if (!s || s->redo.empty()) return false;
  EditStep step = std::move(s->redo.back());
  s->redo.pop_back();
  swap_entities(s->doc, step.removed, step.added);
  if (step.has_decisions) {
    s->doc.labels = step.decisions_after.labels;
  }
  ++s->edit_count;
  const std::string description = step.description;
  step.sequence = ++state.edit_sequence;
  s->undo.push_back(std::move(step));
  refresh_and_show(state, nullptr, "Redone: " + description);
  return true;
}

}  // namespace glosa::app
