// Reviewing by keyboard: the order entities are visited in (reading order, or review mode's
// lowest confidence first), accept / reject and move on, labels by digit, and the progress
// line. Layer: app (no drawing; tests drive it without a GPU). The keys themselves are read
// in keyboard.cpp.
#pragma once

#include <cstddef>
#include <vector>

#include "app/app_state.h"

namespace glosa::app {

// The entity after (direction +1) or before (-1) entity `from` in reading order among the
// drawn ones (not rejected, label shown); from -1 the first (or last). -1 when there is none.
int next_in_reading_order(const AppState& state, int from, int direction);

// An entity drawn as uncertain ("LOC?", a dashed line) and said so to a screen reader: the
// model was unsure and no person has looked at it yet (once accepted, it no longer asks to be
// checked).
constexpr float kLowConfidence = 0.6f;
bool looks_unsure(const Entity& e);

// Entities still to review, in review mode's order: not reviewed, drawn, lowest confidence
// first, then in text order.
std::vector<int> review_queue(const AppState& state);

struct ReviewProgress {
  size_t reviewed = 0;  // accepted or rejected
  size_t total = 0;     // every entity of the document (rejected included)
};
ReviewProgress review_progress(const AppState& state);

// Review mode on or off (key R). Turning it on selects the first entity of the queue.
void set_review_mode(AppState& state, bool on);

// Selects entity `index` and brings it into view (no flash: the selection outline shows it).
void select_for_review(AppState& state, int index);

// Enter: accepts the selected entity and selects the next one (in review mode the next in
// the queue, else in reading order). X, Delete: rejects it and moves on the same way.
// False when nothing is selected.
bool accept_and_next(AppState& state);
bool reject_and_next(AppState& state);

// Digit keys 1–9: gives the selected entity (all mentions of its group when `whole_group`)
// the label at that place of the label set (the legend shows the digits). False when there
// is no such label or nothing is selected.
bool label_by_digit(AppState& state, int digit, bool whole_group);

// Accepts every entity still in the review queue, as one step.
bool accept_all_remaining(AppState& state);

}  // namespace glosa::app
