// Keyboard review: visiting order, accept / reject and move on, digit labels. Layer: app.
#include "app/review.h"

#include <algorithm>

#include "app/editing.h"

namespace glosa::app {

namespace {

// The entity equal to `e` (same span and label) in the document as it is now, or -1.
int find_like(const Document& doc, size_t begin, size_t end, const std::string& label) {
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& x = doc.entities[i];
    if (x.begin_byte == begin && x.end_byte == end && x.label == label) return static_cast<int>(i);
  }
  return -1;
}

struct Target {
  bool any = false;
  size_t begin = 0, end = 0;
  std::string label;
};

Target target_of(const AppState& state, int index) {
  Target t;
  if (index < 0) return t;
  const Entity& e = state.doc().entities[static_cast<size_t>(index)];
  t.any = true;
  t.begin = e.begin_byte;
  t.end = e.end_byte;
  t.label = e.label;
  return t;
}

// Where to go after the selected entity is reviewed: decided before the change (indices
// move when entities change), found again by span after it.
Target next_target(const AppState& state, bool review) {
  const int current = state.selected_entity;
  if (review) {
    for (int i : review_queue(state)) {
      if (i != current) return target_of(state, i);
    }
    return {};
  }
  return target_of(state, next_in_reading_order(state, current, +1));
}

void go_to(AppState& state, const Target& t) {
  if (!t.any) {
    clear_selections(state);
    return;
  }
  select_for_review(state, find_like(state.doc(), t.begin, t.end, t.label));
}

}  // namespace

int next_in_reading_order(const AppState& state, int from, int direction) {
  const int n = static_cast<int>(state.doc().entities.size());
  if (n == 0) return -1;
  int i = from < 0 ? (direction > 0 ? -1 : n) : from;
  for (int step = 0; step < n; ++step) {
    i += direction > 0 ? 1 : -1;
    if (i < 0 || i >= n) return -1;
    if (is_entity_visible(state, i)) return i;
  }
  return -1;
}

bool looks_unsure(const Entity& e) { return e.status == ReviewStatus::Unreviewed && e.confidence < kLowConfidence; }

std::vector<int> review_queue(const AppState& state) {
  const Document& doc = state.doc();
  std::vector<int> out;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    if (doc.entities[i].status == ReviewStatus::Unreviewed && is_entity_visible(state, static_cast<int>(i))) {
      out.push_back(static_cast<int>(i));
    }
  }
  std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
    return doc.entities[static_cast<size_t>(a)].confidence < doc.entities[static_cast<size_t>(b)].confidence;
  });
  return out;
}

ReviewProgress review_progress(const AppState& state) {
  ReviewProgress p;
  for (const Entity& e : state.doc().entities) {
    ++p.total;
    if (e.status != ReviewStatus::Unreviewed) ++p.reviewed;
  }
  return p;
}

void select_for_review(AppState& state, int index) {
  if (index < 0 || index >= static_cast<int>(state.doc().entities.size())) {
    state.selected_entity = -1;
    return;
  }
  state.selected_entity = index;
  state.scroll_to_entity = index;
  state.selected_quote = -1;
  state.scroll_to_quote = -1;
}

void set_review_mode(AppState& state, bool on) {
  state.review_mode = on && has_document(state);
  if (!state.review_mode) {
    set_message(state, MessageKind::Info, "Review mode off: what you reviewed is kept");
    return;
  }
  const std::vector<int> queue = review_queue(state);
  if (queue.empty()) {
    set_message(state, MessageKind::Info, "Review mode: every entity is reviewed already");
    return;
  }
  select_for_review(state, queue.front());
  set_message(state, MessageKind::Info,
              "Review mode: Enter accepts, X rejects, 1\xE2\x80\x93" "9 relabel; the least certain entities come first (R leaves)");
}

bool accept_and_next(AppState& state) {
  const int i = state.selected_entity;
  if (i < 0 || i >= static_cast<int>(state.doc().entities.size())) return false;
  const Target next = next_target(state, state.review_mode);
  if (state.doc().entities[static_cast<size_t>(i)].status != ReviewStatus::Accepted) set_entity_accepted(state, i, true);
  go_to(state, next);
  return true;
}

bool reject_and_next(AppState& state) {
  const int i = state.selected_entity;
  if (i < 0 || i >= static_cast<int>(state.doc().entities.size())) return false;
  const Target next = next_target(state, state.review_mode);
  reject_entity(state, i);
  go_to(state, next);
  return true;
}

bool label_by_digit(AppState& state, int digit, bool whole_group) {
  const Document& doc = state.doc();
  const int i = state.selected_entity;
  if (digit < 1 || digit > 9 || i < 0 || i >= static_cast<int>(doc.entities.size())) return false;
  if (digit > static_cast<int>(doc.labels.size())) return false;
  const std::string label = doc.labels[static_cast<size_t>(digit - 1)].name;
  const Entity& e = doc.entities[static_cast<size_t>(i)];
  const Target here{true, e.begin_byte, e.end_byte, label};
  // The digit of the label it has already: "this label is right", an accept.
  const bool same = e.label == label && e.status != ReviewStatus::Rejected;
  if (whole_group && !e.group.empty()) {
    const int g = find_group(doc, e.group);
    if (g < 0 || !(same ? set_group_review(state, g, true) : relabel_group(state, g, label))) return false;
  } else if (same) {
    if (e.status == ReviewStatus::Accepted) {
      set_message(state, MessageKind::Info, "Already accepted as " + label);
      return true;
    }
    if (!set_entity_accepted(state, i, true)) return false;
  } else if (!set_entity_label(state, i, label)) {
    return false;
  }
  go_to(state, here);
  return true;
}

bool accept_all_remaining(AppState& state) {
  const std::vector<int> queue = review_queue(state);
  if (queue.empty()) return false;
  std::vector<Entity> add;
  for (int i : queue) {
    Entity e = state.doc().entities[static_cast<size_t>(i)];
    e.status = ReviewStatus::Accepted;
    add.push_back(e);
  }
  apply_edit(state, queue, std::move(add), "Accepted the " + std::to_string(queue.size()) + " remaining entities");
  return true;
}

}  // namespace glosa::app
