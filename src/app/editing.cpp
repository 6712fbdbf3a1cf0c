// Corrections with undo: label, accept, reject, remove, add; each one entity-level step.
// Layer: app.
#include "app/editing.h"
#include "formats/annotation_json.h"

#include <algorithm>
#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include "app/accessibility.h"
#include "engine/names/person_decisions.h"
#include "engine/text/tokenizer.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa::app {

bool same_entity(const Entity& a, const Entity& b) {
  return a.begin_byte == b.begin_byte && a.end_byte == b.end_byte && a.label == b.label && a.origin == b.origin &&
         a.status == b.status;
}

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

bool same_span_label(const Entity& a, const Entity& b) {
  return a.begin_byte == b.begin_byte && a.end_byte == b.end_byte && a.label == b.label;
}

// Erases the entities at `sorted` (ascending, unique indices) in one pass.
void erase_indices(std::vector<Entity>& entities, const std::vector<int>& sorted) {
  size_t next = 0, out = 0;
  for (size_t i = 0; i < entities.size(); ++i) {
    if (next < sorted.size() && static_cast<size_t>(sorted[next]) == i) {
      ++next;
      continue;
    }
    if (out != i) entities[out] = std::move(entities[i]);
    ++out;
  }
  entities.resize(out);
}

// Removes one entity equal to each of `remove` and appends `add`. One pass over the
// document (removing one by one was quadratic: undoing "Accept all" in a 2 MB text took
// seconds).
void swap_entities(Document& doc, const std::vector<Entity>& remove, const std::vector<Entity>& add) {
  if (!remove.empty()) {
    std::multimap<std::pair<size_t, size_t>, const Entity*> wanted;  // by span, each taken once
    for (const Entity& r : remove) wanted.emplace(std::make_pair(r.begin_byte, r.end_byte), &r);
    std::vector<Entity> kept;
    kept.reserve(doc.entities.size());
    for (Entity& e : doc.entities) {
      auto [lo, hi] = wanted.equal_range(std::make_pair(e.begin_byte, e.end_byte));
      auto it = std::find_if(lo, hi, [&](const auto& w) { return same_entity(e, *w.second); });
      if (it != hi) {
        wanted.erase(it);
        continue;
      }
      kept.push_back(std::move(e));
    }
    doc.entities = std::move(kept);
  }
  for (const Entity& a : add) doc.entities.push_back(a);
}

// After the entities changed: groups, quotations and article facts derived again; views
// re-layout; selections referring to old indices are cleared, and the entity equal to
// `keep` (if given) is selected.
void refresh_and_show(AppState& state, const Entity* keep, const std::string& message) {
  Document& doc = state.doc();
  const std::string date_before = doc.article.date;
  refresh_derived(state, *state.session());  // may replace nothing: doc stays the same object
  clear_selections(state);
  if (keep) {
    for (size_t i = 0; i < doc.entities.size(); ++i) {
      if (same_span_label(doc.entities[i], *keep)) {
        state.selected_entity = static_cast<int>(i);
        break;
      }
    }
  }
  // The article's date comes from the dateline's DATE: rejecting or relabelling it takes the
  // date away, and with it the day of every relative date ("Monday", "last year"). Said, so
  // that it is never lost unseen.
  if (!date_before.empty() && doc.article.date.empty()) {
    const size_t unresolved = static_cast<size_t>(std::count_if(doc.entities.begin(), doc.entities.end(), [](const Entity& e) {
      return e.label == "DATE" && e.status != ReviewStatus::Rejected && e.resolved.empty() &&
             (e.is_relative || e.value.rfind("XXXX", 0) == 0);
    }));
    set_message(state, MessageKind::Warning,
                message + ". The article's date (" + date_before + ") came from it and it has none now: " +
                    count_of(unresolved, "relative date loses its day", "relative dates lose their day"));
    return;
  }
  set_message(state, MessageKind::Info, message);
}

// A label in a message: its code, and what it is in words when the label set says ("LOC
// (place)"): the status line is also what a screen reader hears, and "LOC" is no word.
std::string named(const Document& doc, const std::string& label) {
  const std::string words = spoken_label(doc, label);
  return words == label ? label : label + " (" + words + ")";
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

// The document-level decisions as they are now.
DocumentDecisions current_decisions(const Document& doc) {
  DocumentDecisions d;
  d.labels = doc.labels;
  d.person = names::collect_person_decisions(doc);
  return d;
}

// Makes `d` the decisions the document holds (the next refresh keeps them).
void set_decisions(Document& doc, const DocumentDecisions& d) {
  doc.labels = d.labels;
  for (EntityGroup& g : doc.groups) g.by_person = false;
  for (Quotation& q : doc.quotes) {
    if (q.attribution == "person") q.attribution.clear();
  }
  names::apply_person_groups(doc, d.person);
  names::apply_person_speakers(doc, d.person);
}

// One undoable step that changes entities and the document-level decisions together.
void apply_decision_edit(AppState& state, std::vector<int> remove, std::vector<Entity> add, DocumentDecisions after,
                         const std::string& description, const Entity* select = nullptr) {
  DocumentSession* s = state.session();
  if (!s) return;
  Document& doc = s->doc;
  EditStep step;
  step.description = description;
  step.sequence = ++state.edit_sequence;
  step.has_decisions = true;
  step.decisions_before = current_decisions(doc);
  std::sort(remove.begin(), remove.end());
  remove.erase(std::unique(remove.begin(), remove.end()), remove.end());
  for (int i : remove) step.removed.push_back(doc.entities[static_cast<size_t>(i)]);
  erase_indices(doc.entities, remove);
  for (Entity& e : add) doc.entities.push_back(e);
  step.added = std::move(add);
  set_decisions(doc, after);
  step.decisions_after = std::move(after);
  s->undo.push_back(std::move(step));
  if (s->undo.size() > kMaxUndo) s->undo.erase(s->undo.begin());
  s->redo.clear();
  ++s->edit_count;
  refresh_and_show(state, select, description + " (Ctrl+Z undoes it)");
}

bool valid_group(const AppState& state, int g) { return g >= 0 && g < static_cast<int>(state.doc().groups.size()); }

// Standing mentions of group g, in text order.
std::vector<int> mentions_of(const Document& doc, int g) {
  std::vector<int> out;
  const std::string& id = doc.groups[static_cast<size_t>(g)].id;
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    if (doc.entities[e].group == id && doc.entities[e].status != ReviewStatus::Rejected) out.push_back(static_cast<int>(e));
  }
  return out;
}

// Takes the spans of `spans` out of every person group of `d` (they get a new home).
void release_members(names::PersonDecisions& d, const std::vector<std::pair<size_t, size_t>>& spans) {
  for (auto& g : d.groups) {
    g.members.erase(std::remove_if(g.members.begin(), g.members.end(),
                                   [&](const auto& m) { return std::find(spans.begin(), spans.end(), m) != spans.end(); }),
                    g.members.end());
  }
  d.groups.erase(std::remove_if(d.groups.begin(), d.groups.end(), [](const auto& g) { return g.members.empty(); }),
                 d.groups.end());
}

bool valid_label_name(const std::string& name) {
  if (name.empty() || name.size() > 24) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  return true;
}

bool valid_color(const std::string& c) {
  if (c.size() != 7 || c[0] != '#') return false;
  for (size_t i = 1; i < 7; ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(c[i]))) return false;
  }
  return true;
}

}  // namespace

size_t previous_char(const std::string& text, size_t end) {
  size_t p = end - 1;
  while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return p;
}


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
  erase_indices(doc.entities, remove);
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
  const std::string description = "Changed " + quoted(doc, e) + " from " + named(doc, old.label) + " to " + named(doc, label);
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
  const std::string description = (accepted ? "Accepted " : "Marked as unreviewed: ") + quoted(doc, e) + " " + named(doc, e.label);
  const Entity keep = e;
  apply_edit(state, {index}, {e}, description, &keep);
  return true;
}

bool reject_entity(AppState& state, int index) {
  if (!valid_entity(state, index)) return false;
  const Document& doc = state.doc();
  Entity e = doc.entities[static_cast<size_t>(index)];
  if (e.status == ReviewStatus::Rejected) return true;
  // A person's own entity is rejected too, not deleted: it may stand for the engine's that
  // the person relabelled first, and a re-tag must not bring that back (Rejected list: a
  // click restores it).
  e.status = ReviewStatus::Rejected;
  apply_edit(state, {index}, {e}, "Rejected " + quoted(doc, e) + " " + named(doc, e.label));
  return true;
}

bool restore_entity(AppState& state, int index) {
  if (!valid_entity(state, index)) return false;
  const Document& doc = state.doc();
  Entity e = doc.entities[static_cast<size_t>(index)];
  if (e.status != ReviewStatus::Rejected) return false;
  e.status = ReviewStatus::Unreviewed;
  const Entity keep = e;
  apply_edit(state, {index}, {e}, "Restored " + quoted(doc, e) + " " + named(doc, e.label), &keep);
  return true;
}

bool remove_entity(AppState& state, int index) {
  if (!valid_entity(state, index)) return false;
  const Document& doc = state.doc();
  const Entity& e = doc.entities[static_cast<size_t>(index)];
  apply_edit(state, {index}, {}, "Removed " + quoted(doc, e) + " " + named(doc, e.label));
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
  // Entities the new span overlaps are replaced; rejected ones stay as the record they are,
  // but for a person's own "nothing here" on exactly this span, which the new tag overrules.
  std::vector<int> replaced;
  size_t replaced_standing = 0;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& x = doc.entities[i];
    if (!(x.begin_byte < end && begin < x.end_byte)) continue;
    if (x.status != ReviewStatus::Rejected) ++replaced_standing;
    else if (!(x.origin == Origin::Person && x.begin_byte == begin && x.end_byte == end)) continue;
    replaced.push_back(static_cast<int>(i));
  }
  Entity e;
  e.begin_byte = begin;
  e.end_byte = end;
  e.label = label;
  mark_by_person(e);
  std::string description = "Tagged " + quoted(doc, e) + " as " + named(doc, label);
  if (replaced_standing > 0) {
    description += ", replacing " + std::to_string(replaced_standing) + (replaced_standing == 1 ? " entity" : " entities");
  }
  const Entity keep = e;
  apply_edit(state, std::move(replaced), {e}, description, &keep);
  return true;
}

// --- Whole groups ---

// What stays selected after a change of several entities (`change[k]` becomes `add[k]`): the
// selected one, changed, where it is among them (a selection moved to the group's first
// mention, far off screen, and the next key acted there); else the first changed one.
namespace {
Entity selected_among(const AppState& state, const std::vector<int>& change, const std::vector<Entity>& add) {
  for (size_t k = 0; k < change.size() && k < add.size(); ++k) {
    if (change[k] == state.selected_entity) return add[k];
  }
  return add.front();
}
}  // namespace

bool relabel_group(AppState& state, int group, const std::string& label) {
  if (!valid_group(state, group)) return false;
  const Document& doc = state.doc();
  if (!known_label(doc, label)) {
    set_message(state, MessageKind::Error, "Unknown label " + label + ": the document's labels are listed in the legend");
    return false;
  }
  std::vector<int> change;
  std::vector<Entity> add;
  for (int e : mentions_of(doc, group)) {
    if (doc.entities[static_cast<size_t>(e)].label == label) continue;
    Entity x = doc.entities[static_cast<size_t>(e)];
    x.label = label;
    x.subtype.clear();
    x.value.clear();
    x.resolved.clear();
    x.is_relative = false;
    mark_by_person(x);
    change.push_back(e);
    add.push_back(x);
  }
  if (change.empty()) return true;
  const std::string name = doc.groups[static_cast<size_t>(group)].name;
  const std::string description = "Changed all " + std::to_string(change.size()) + " mention" + (change.size() == 1 ? "" : "s") +
                                  " of " + name + " to " + label;
  // The group's mentions stay one group whatever the names stage makes of the new label.
  DocumentDecisions after = current_decisions(doc);
  std::vector<std::pair<size_t, size_t>> spans;
  for (int e : mentions_of(doc, group)) spans.emplace_back(doc.entities[static_cast<size_t>(e)].begin_byte, doc.entities[static_cast<size_t>(e)].end_byte);
  release_members(after.person, spans);
  after.person.groups.push_back({spans, name});
  const Entity keep = selected_among(state, change, add);
  apply_decision_edit(state, std::move(change), std::move(add), std::move(after), description, &keep);
  return true;
}

bool set_group_review(AppState& state, int group, bool accept) {
  if (!valid_group(state, group)) return false;
  const Document& doc = state.doc();
  std::vector<int> change;
  std::vector<Entity> add;
  for (int e : mentions_of(doc, group)) {
    Entity x = doc.entities[static_cast<size_t>(e)];
    const ReviewStatus status = accept ? ReviewStatus::Accepted : ReviewStatus::Rejected;
    if (x.status == status) continue;
    x.status = status;
    change.push_back(e);
    add.push_back(x);
  }
  if (change.empty()) return true;
  const std::string& name = doc.groups[static_cast<size_t>(group)].name;
  const Entity keep = selected_among(state, change, add);
  apply_edit(state, std::move(change), std::move(add),
             std::string(accept ? "Accepted" : "Rejected") + " every mention of " + name, &keep);
  return true;
}

bool merge_group_into(AppState& state, int from, int into) {
  if (!valid_group(state, from) || !valid_group(state, into) || from == into) return false;
  const Document& doc = state.doc();
  std::vector<std::pair<size_t, size_t>> spans;
  for (int g : {into, from}) {
    for (int e : mentions_of(doc, g)) spans.emplace_back(doc.entities[static_cast<size_t>(e)].begin_byte, doc.entities[static_cast<size_t>(e)].end_byte);
  }
  if (spans.empty()) return false;
  std::sort(spans.begin(), spans.end());
  const std::string from_name = doc.groups[static_cast<size_t>(from)].name;
  const std::string into_name = doc.groups[static_cast<size_t>(into)].name;
  DocumentDecisions after = current_decisions(doc);
  release_members(after.person, spans);
  after.person.groups.push_back({spans, into_name});
  // A mention of another label joins with the group's label: one group, one label.
  std::vector<int> change;
  std::vector<Entity> add;
  const std::string& label = doc.groups[static_cast<size_t>(into)].label;
  for (int e : mentions_of(doc, from)) {
    Entity x = doc.entities[static_cast<size_t>(e)];
    if (x.label == label) continue;
    x.label = label;
    x.value.clear();
    x.subtype.clear();
    mark_by_person(x);
    change.push_back(e);
    add.push_back(x);
  }
  apply_decision_edit(state, std::move(change), std::move(add), std::move(after), "Merged " + from_name + " into " + into_name);
  return true;
}

bool split_mention(AppState& state, int entity) {
  if (!valid_entity(state, entity)) return false;
  const Document& doc = state.doc();
  const Entity& e = doc.entities[static_cast<size_t>(entity)];
  if (e.group.empty() || e.status == ReviewStatus::Rejected) return false;
  size_t with = 0;
  for (const Entity& x : doc.entities) with += x.group == e.group && x.status != ReviewStatus::Rejected ? 1 : 0;
  if (with < 2) {
    set_message(state, MessageKind::Info, quoted(doc, e) + " is alone in its group already");
    return false;
  }
  const std::pair<size_t, size_t> span(e.begin_byte, e.end_byte);
  DocumentDecisions after = current_decisions(doc);
  release_members(after.person, {span});
  after.person.groups.push_back({{span}, e.lemma.empty() ? std::string(entity_text(doc, e)) : e.lemma});
  const Entity keep = e;
  apply_decision_edit(state, {}, {}, std::move(after), "Split " + quoted(doc, keep) + " into a group of its own", &keep);
  return true;
}

bool set_quote_speaker(AppState& state, int quote, int group) {
  const Document& doc = state.doc();
  if (quote < 0 || quote >= static_cast<int>(doc.quotes.size()) || (group >= 0 && !valid_group(state, group))) return false;
  const Quotation& q = doc.quotes[static_cast<size_t>(quote)];
  names::PersonDecisions::Speaker choice;
  choice.begin_byte = q.begin_byte;
  choice.end_byte = q.end_byte;
  std::string who = "nobody named";
  if (group >= 0) {
    const std::vector<int> mentions = mentions_of(doc, group);
    if (mentions.empty()) return false;
    const Entity& m = doc.entities[static_cast<size_t>(mentions.front())];
    choice.has_speaker = true;
    choice.mention_begin = m.begin_byte;
    choice.mention_end = m.end_byte;
    who = doc.groups[static_cast<size_t>(group)].name;
  }
  DocumentDecisions after = current_decisions(doc);
  auto& speakers = after.person.speakers;
  speakers.erase(std::remove_if(speakers.begin(), speakers.end(), [&](const auto& s) {
                   return s.begin_byte == q.begin_byte && s.end_byte == q.end_byte;
                 }),
                 speakers.end());
  speakers.push_back(choice);
  apply_decision_edit(state, {}, {}, std::move(after), "Speaker of the quotation: " + who);
  return true;
}

// --- The label set ---

namespace {

// Entities relabelled from `from` to `to` (a rename), as one step's removals and additions.
void relabelled(const Document& doc, const std::string& from, const std::string& to, std::vector<int>* change,
                std::vector<Entity>* add) {
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    if (doc.entities[e].label != from) continue;
    Entity x = doc.entities[e];
    x.label = to;
    change->push_back(static_cast<int>(e));
    add->push_back(x);
  }
}

// Whether the legend hides a label goes with its entities to its new name.
void move_hidden_label(AppState& state, const std::string& from, const std::string& to) {
  auto it = state.hidden_labels.find(from);
  if (it == state.hidden_labels.end()) return;
  state.hidden_labels[to] = it->second;
  state.hidden_labels.erase(from);
}

}  // namespace

bool add_label(AppState& state, const LabelInfo& label) {
  if (!state.session()) return false;
  const Document& doc = state.doc();
  if (!valid_label_name(label.name) || find_label(doc.labels, label.name) >= 0 || !valid_color(label.color)) {
    set_message(state, MessageKind::Error,
                "A label needs a new name of letters, digits, '_' or '-' (at most 24) and a colour like #a1b2c3");
    return false;
  }
  DocumentDecisions after = current_decisions(doc);
  after.labels.push_back(label);
  apply_decision_edit(state, {}, {}, std::move(after), "Added the label " + label.name);
  return true;
}

bool rename_label(AppState& state, const std::string& from, const std::string& to) {
  if (!state.session()) return false;
  const Document& doc = state.doc();
  const int i = find_label(doc.labels, from);
  if (i < 0) return false;
  if (from == to) return true;
  if (!valid_label_name(to) || find_label(doc.labels, to) >= 0) {
    set_message(state, MessageKind::Error, "The new name must be unused, of letters, digits, '_' or '-' (at most 24)");
    return false;
  }
  DocumentDecisions after = current_decisions(doc);
  LabelInfo& renamed = after.labels[static_cast<size_t>(i)];
  if (renamed.renamed_from.empty()) renamed.renamed_from = from;  // the first name, through every rename
  if (renamed.renamed_from == to) renamed.renamed_from.clear();     // back to it
  renamed.name = to;
  std::vector<int> change;
  std::vector<Entity> add;
  relabelled(doc, from, to, &change, &add);
  move_hidden_label(state, from, to);
  apply_decision_edit(state, std::move(change), std::move(add), std::move(after), "Renamed the label " + from + " to " + to);
  return true;
}

bool set_label_color(AppState& state, const std::string& name, const std::string& color) {
  if (!state.session()) return false;
  const int i = find_label(state.doc().labels, name);
  if (i < 0 || !valid_color(color)) return false;
  if (state.doc().labels[static_cast<size_t>(i)].color == color) return true;
  DocumentDecisions after = current_decisions(state.doc());
  after.labels[static_cast<size_t>(i)].color = color;
  apply_decision_edit(state, {}, {}, std::move(after), "Recoloured the label " + name);
  return true;
}

bool set_label_description(AppState& state, const std::string& name, const std::string& description) {
  if (!state.session()) return false;
  const int i = find_label(state.doc().labels, name);
  if (i < 0 || description.size() > 200) return false;
  if (state.doc().labels[static_cast<size_t>(i)].description == description) return true;
  DocumentDecisions after = current_decisions(state.doc());
  after.labels[static_cast<size_t>(i)].description = description;
  apply_decision_edit(state, {}, {}, std::move(after), "Described the label " + name);
  return true;
}

bool move_label(AppState& state, const std::string& name, int delta) {
  if (!state.session()) return false;
  const int i = find_label(state.doc().labels, name);
  const int j = i + delta;
  if (i < 0 || j < 0 || j >= static_cast<int>(state.doc().labels.size()) || delta == 0) return false;
  DocumentDecisions after = current_decisions(state.doc());
  const LabelInfo moved = after.labels[static_cast<size_t>(i)];
  after.labels.erase(after.labels.begin() + i);
  after.labels.insert(after.labels.begin() + j, moved);
  apply_decision_edit(state, {}, {}, std::move(after), "Moved the label " + name + (delta < 0 ? " up" : " down"));
  return true;
}

bool remove_label(AppState& state, const std::string& name) {
  if (!state.session()) return false;
  const Document& doc = state.doc();
  const int i = find_label(doc.labels, name);
  if (i < 0) return false;
  const size_t used = static_cast<size_t>(std::count_if(doc.entities.begin(), doc.entities.end(),
                                                        [&](const Entity& e) { return e.label == name; }));
  if (used > 0) {
    set_message(state, MessageKind::Warning,
                "The label " + name + " is used by " + std::to_string(used) + " entities: relabel them first");
    return false;
  }
  DocumentDecisions after = current_decisions(doc);
  after.labels.erase(after.labels.begin() + i);
  apply_decision_edit(state, {}, {}, std::move(after), "Removed the label " + name);
  return true;
}

std::string label_set_json(const AppState& state) {
  nlohmann::ordered_json j;
  j["format"] = "glosa-labels";
  j["version"] = 1;
  nlohmann::ordered_json labels = nlohmann::ordered_json::array();
  for (const LabelInfo& l : state.doc().labels) {
    labels.push_back({{"name", l.name}, {"color", l.color}, {"description", l.description}});
    if (!l.renamed_from.empty()) labels.back()["renamed_from"] = l.renamed_from;
  }
  j["labels"] = std::move(labels);
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

Status apply_label_set(AppState& state, std::string_view json) {
  const auto refuse = [&](const std::string& why) {
    Status s(ErrorCode::NotGlosaFile, "not a label set: " + why);
    set_message(state, MessageKind::Error, "Cannot load the label set: " + why + " (the labels are unchanged)");
    return s;
  };
  if (!state.session()) return refuse("no document is open");
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return refuse("the file is not a JSON object");
  if (!j.contains("format") || j["format"] != "glosa-labels") return refuse("\"format\" is not \"glosa-labels\"");
  if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<long long>() != 1) {
    return refuse("\"version\" is not 1");
  }
  if (!j.contains("labels") || !j["labels"].is_array() || j["labels"].empty() || j["labels"].size() > kMaxLabels) {
    return refuse("\"labels\" is not a list of 1 to " + std::to_string(kMaxLabels) + " labels");
  }
  std::vector<LabelInfo> labels;
  for (size_t i = 0; i < j["labels"].size(); ++i) {
    const auto& l = j["labels"][i];
    const std::string where = "labels[" + std::to_string(i) + "]";
    if (!l.is_object() || !l.contains("name") || !l["name"].is_string() || !l.contains("color") || !l["color"].is_string()) {
      return refuse(where + " needs a \"name\" and a \"color\"");
    }
    LabelInfo info{l["name"].get<std::string>(), l["color"].get<std::string>(), "", ""};
    if (l.contains("description") && l["description"].is_string()) info.description = l["description"].get<std::string>();
    // Any name a document may hold (a set saved from a document with imported labels, "WORK
    // OF ART", loads again); names typed in the editor follow valid_label_name.
    if (!acceptable_label_name(info.name)) return refuse(where + ".name is not a label name");
    if (!valid_color(info.color)) return refuse(where + ".color is not #rrggbb");
    if (info.description.size() > 200) return refuse(where + ".description is longer than 200 bytes");
    if (find_label(labels, info.name) >= 0) return refuse(where + ".name \"" + info.name + "\" is there twice");
    if (l.contains("renamed_from") && l["renamed_from"].is_string()) {
      info.renamed_from = l["renamed_from"].get<std::string>();
      if (!acceptable_label_name(info.renamed_from)) return refuse(where + ".renamed_from is not a label name");
      if (info.renamed_from == info.name) info.renamed_from.clear();
    }
    labels.push_back(std::move(info));
  }
  // A label the set renamed ("OSOBA", first "PER"): the document's entities of the first name
  // take the new one, as its own rename would have done (unless the set keeps that name too).
  const Document& doc = state.doc();
  std::vector<int> change;
  std::vector<Entity> add;
  std::vector<std::string> renamed;
  for (const LabelInfo& l : labels) {
    const std::string& from = l.renamed_from;
    if (from.empty() || find_label(labels, from) >= 0 || find_label(doc.labels, l.name) >= 0) continue;
    relabelled(doc, from, l.name, &change, &add);
    move_hidden_label(state, from, l.name);
    renamed.push_back(from);
  }
  // Labels the document uses stay, after the set's own.
  for (const LabelInfo& l : doc.labels) {
    const bool used = std::any_of(doc.entities.begin(), doc.entities.end(), [&](const Entity& e) { return e.label == l.name; });
    const bool renamed_by_set = std::find(renamed.begin(), renamed.end(), l.name) != renamed.end();
    if (used && !renamed_by_set && find_label(labels, l.name) < 0) labels.push_back(l);
  }
  DocumentDecisions after = current_decisions(doc);
  after.labels = std::move(labels);
  apply_decision_edit(state, std::move(change), std::move(add), std::move(after),
                      "Loaded a label set of " + std::to_string(j["labels"].size()) + " labels");
  return Status::ok();
}

// --- Exact edges ---

bool move_entity_edge(AppState& state, int index, SpanEdge edge, EdgeStep step, int direction) {
  if (!valid_entity(state, index) || (direction != 1 && direction != -1)) return false;
  DocumentSession& s = *state.session();
  const Document& doc = s.doc;
  const std::string& text = doc.text;
  const Entity& e = doc.entities[static_cast<size_t>(index)];
  size_t begin = e.begin_byte, end = e.end_byte;
  size_t& moved = edge == SpanEdge::Begin ? begin : end;
  size_t len = 0;
  if (step == EdgeStep::Character) {
    if (direction > 0) {
      if (moved >= text.size()) return false;
      decode_utf8(text, moved, &len);
      moved += len;
    } else {
      if (moved == 0) return false;
      moved = previous_char(text, moved);
    }
  } else {
    // Word steps go by the tokens' edges: the end to the end of the next (previous) token,
    // the begin to the start of the previous (next) one.
    if (s.tokens.empty()) {
      s.tokens = tokenize(text);
      s.sentences = split_sentences(text, s.tokens);
    }
    const std::vector<Token>& tokens = s.tokens;
    size_t to = moved;
    bool found = false;
    if (edge == SpanEdge::End) {
      if (direction > 0) {
        for (const Token& t : tokens) {
          if (t.end_byte > moved) { to = t.end_byte; found = true; break; }
        }
      } else {
        for (auto t = tokens.rbegin(); t != tokens.rend(); ++t) {
          if (t->end_byte < moved) { to = t->end_byte; found = true; break; }
        }
      }
    } else {
      if (direction > 0) {
        for (const Token& t : tokens) {
          if (t.begin_byte > moved) { to = t.begin_byte; found = true; break; }
        }
      } else {
        for (auto t = tokens.rbegin(); t != tokens.rend(); ++t) {
          if (t->begin_byte < moved) { to = t->begin_byte; found = true; break; }
        }
      }
    }
    if (!found) return false;
    moved = to;
  }
  if (begin >= end) {
    set_message(state, MessageKind::Warning, "A span cannot become empty");
    return false;
  }
  // Never across a line break, never over another standing entity.
  if (std::string_view(text).substr(begin, end - begin).find('\n') != std::string_view::npos) {
    set_message(state, MessageKind::Warning, "A span cannot reach into the next paragraph");
    return false;
  }
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& x = doc.entities[i];
    if (static_cast<int>(i) == index || x.status == ReviewStatus::Rejected) continue;
    if (x.begin_byte < end && begin < x.end_byte) {
      set_message(state, MessageKind::Warning, "The span would overlap " + quoted(doc, x) + " " + named(doc, x.label));
      return false;
    }
  }
  Entity x = e;
  x.begin_byte = begin;
  x.end_byte = end;
  mark_by_person(x);
  const Entity keep = x;
  apply_edit(state, {index}, {x}, "Span now " + quoted(doc, x), &keep);
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

namespace {

// Puts back a re-annotation step's whole document (and the language asked for), its derived
// parts (groups, quotations) derived again.
void restore_annotation(AppState& state, DocumentSession& s, const Document& snapshot, const std::string& lang_asked,
                        bool imported, const std::string& message) {
  Document doc = snapshot;
  doc.text = std::move(s.doc.text);
  s.doc = std::move(doc);
  s.annotation_lang = lang_asked;
  s.is_imported = imported;
  refresh_derived(state, s);  // the snapshot may have been taken before its groups were
  clear_selections(state);
  set_message(state, MessageKind::Info, message);
}

}  // namespace

bool undo(AppState& state) {
  DocumentSession* s = state.session();
  const uint64_t last_step = s && !s->undo.empty() ? s->undo.back().sequence : 0;
  const uint64_t last_removal = state.removed.empty() ? 0 : state.removed.back().sequence;
  if (last_removal > last_step) return restore_removed_document(state);
  if (!s || s->undo.empty()) return false;
  EditStep step = std::move(s->undo.back());
  s->undo.pop_back();
  if (step.document_before) {
    const std::string message = "Undone: " + step.description + " (Ctrl+Shift+Z redoes it)";
    restore_annotation(state, *s, *step.document_before, step.lang_asked_before, step.imported_before, message);
    s->redo.push_back(std::move(step));
    return true;
  }
  swap_entities(s->doc, step.added, step.removed);
  if (step.has_decisions) set_decisions(s->doc, step.decisions_before);
  --s->edit_count;
  const std::string description = step.description;
  // What the step took away is selected again (review goes on from there).
  const Entity keep = step.removed.empty() ? Entity{} : step.removed.front();
  s->redo.push_back(std::move(step));
  refresh_and_show(state, keep.end_byte > 0 ? &keep : nullptr, "Undone: " + description + " (Ctrl+Shift+Z redoes it)");
  return true;
}

bool redo(AppState& state) {
  DocumentSession* s = state.session();
  if (!s || s->redo.empty()) return false;
  EditStep step = std::move(s->redo.back());
  s->redo.pop_back();
  if (step.document_after) {
    restore_annotation(state, *s, *step.document_after, step.lang_asked_after, false, "Redone: " + step.description);
    step.sequence = ++state.edit_sequence;
    s->undo.push_back(std::move(step));
    return true;
  }
  swap_entities(s->doc, step.removed, step.added);
  if (step.has_decisions) set_decisions(s->doc, step.decisions_after);
  ++s->edit_count;
  const std::string description = step.description;
  step.sequence = ++state.edit_sequence;
  const Entity keep = step.added.empty() ? Entity{} : step.added.front();
  s->undo.push_back(std::move(step));
  refresh_and_show(state, keep.end_byte > 0 ? &keep : nullptr, "Redone: " + description);
  return true;
}

}  // namespace glosa::app
