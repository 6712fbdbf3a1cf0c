// Corrections with undo: label, accept, remove, add. Layer: app.
#include "app/editing.h"

#include <algorithm>
#include <utility>

#include "engine/text/tokenizer.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa::app {

namespace {

bool valid_entity(const AppState& state, int index) {
  return index >= 0 && index < static_cast<int>(state.doc.entities.size());
}

bool known_label(const Document& doc, const std::string& label) {
  return find_label(doc.labels, label) >= 0;
}

// The document as it is now goes on the undo stack; a new correction ends the redo chain.
void push_undo(AppState& state) {
  state.undo_stack.push_back(state.doc);
  if (state.undo_stack.size() > kMaxUndo) state.undo_stack.erase(state.undo_stack.begin());
  state.redo_stack.clear();
}

void mark_by_person(Entity& e) {
  e.origin = Origin::Person;
  e.confidence = 1.0f;
  e.status = ReviewStatus::Accepted;
}

bool is_char_boundary(const std::string& text, size_t i) {
  return i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
}

// After the open document changed: views re-layout, selections referring to the old one are
// cleared, and the entity with `keep`'s span and label (if given) is selected.
void show_changed(AppState& state, const Entity* keep, const std::string& message) {
  ++state.doc_revision;
  clear_selections(state);
  if (keep) {
    for (size_t i = 0; i < state.doc.entities.size(); ++i) {
      const Entity& e = state.doc.entities[i];
      if (e.begin_byte == keep->begin_byte && e.end_byte == keep->end_byte && e.label == keep->label) {
        state.selected_entity = static_cast<int>(i);
        break;
      }
    }
  }
  set_message(state, MessageKind::Info, message);
}

// After a correction of the entities: groups, quotations and article facts derived again.
void finish(AppState& state, const Entity* keep, const std::string& message) {
  if (state.engine) {
    state.engine->refresh_document(state.doc);
  } else {
    sort_and_number_entities(state.doc);
  }
  ++state.edit_count;
  show_changed(state, keep, message + " (Ctrl+Z undoes it)");
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

bool set_entity_label(AppState& state, int index, const std::string& label) {
  if (!valid_entity(state, index)) return false;
  if (!known_label(state.doc, label)) {
    set_message(state, MessageKind::Error, "Unknown label " + label + ": the document's labels are listed in the legend");
    return false;
  }
  Entity& e = state.doc.entities[index];
  if (e.label == label) return true;
  push_undo(state);
  const std::string before = e.label;
  e.label = label;
  // A LOC subtype, a normalised date or amount says nothing about the new label.
  e.subtype.clear();
  e.value.clear();
  e.resolved.clear();
  e.is_relative = false;
  mark_by_person(e);
  const Entity keep = e;
  finish(state, &keep, "Changed " + quoted(state.doc, keep) + " from " + before + " to " + label);
  return true;
}

bool set_entity_accepted(AppState& state, int index, bool accepted) {
  if (!valid_entity(state, index)) return false;
  Entity& e = state.doc.entities[index];
  const ReviewStatus status = accepted ? ReviewStatus::Accepted : ReviewStatus::Unreviewed;
  if (e.status == status) return true;
  push_undo(state);
  e.status = status;
  const Entity keep = e;
  finish(state, &keep, (accepted ? "Accepted " : "Marked as unreviewed: ") + quoted(state.doc, keep) + " " + keep.label);
  return true;
}

bool remove_entity(AppState& state, int index) {
  if (!valid_entity(state, index)) return false;
  push_undo(state);
  const Entity gone = state.doc.entities[index];
  state.doc.entities.erase(state.doc.entities.begin() + index);
  finish(state, nullptr, "Removed " + quoted(state.doc, gone) + " " + gone.label);
  return true;
}

bool add_entity(AppState& state, size_t begin, size_t end, const std::string& label) {
  const std::string& text = state.doc.text;
  if (!known_label(state.doc, label)) {
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
  push_undo(state);
  auto& ents = state.doc.entities;
  const auto overlaps = [&](const Entity& e) { return e.begin_byte < end && begin < e.end_byte; };
  const auto kept_end = std::remove_if(ents.begin(), ents.end(), overlaps);
  const size_t replaced = static_cast<size_t>(ents.end() - kept_end);
  ents.erase(kept_end, ents.end());
  Entity e;
  e.begin_byte = begin;
  e.end_byte = end;
  e.label = label;
  mark_by_person(e);
  ents.push_back(e);
  std::string message = "Tagged " + quoted(state.doc, e) + " as " + label;
  if (replaced > 0) message += ", replacing " + std::to_string(replaced) + (replaced == 1 ? " entity" : " entities");
  finish(state, &e, message);
  return true;
}

bool can_undo(const AppState& state) { return !state.undo_stack.empty(); }
bool can_redo(const AppState& state) { return !state.redo_stack.empty(); }

bool undo(AppState& state) {
  if (!can_undo(state)) return false;
  state.redo_stack.push_back(std::move(state.doc));
  state.doc = std::move(state.undo_stack.back());
  state.undo_stack.pop_back();
  --state.edit_count;
  show_changed(state, nullptr, "Undone (Ctrl+Shift+Z redoes it)");
  return true;
}

bool redo(AppState& state) {
  if (!can_redo(state)) return false;
  state.undo_stack.push_back(std::move(state.doc));
  state.doc = std::move(state.redo_stack.back());
  state.redo_stack.pop_back();
  ++state.edit_count;
  show_changed(state, nullptr, "Redone");
  return true;
}

}  // namespace glosa::app
