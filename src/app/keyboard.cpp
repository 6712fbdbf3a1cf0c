// The keyboard: review keys (Tab, Enter, X, digits, span edges, R, Esc, the menu key), the
// "?" overlay that lists every shortcut, and the review line above the text. Every action
// here is also reachable with the mouse. Layer: app.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/editing.h"
#include "app/exchange.h"
#include "app/review.h"
#include "app/ui.h"

namespace glosa::app {

namespace {

// A raw key code (letters and digits are their ASCII codes) / a key ImGui names. Keys that
// change the document act once per press (a key held a moment too long must not reject the
// next entity too); moving keys (Tab, the edges) repeat while held.
bool pressed_raw(int key) { return key >= 0 && ImGui::IsKeyPressed(key, false); }
bool pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false); }
bool repeating(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); }

// Every shortcut, for the overlay: keys, then what they do.
const char* const kShortcuts[][2] = {
    {"Ctrl+K", "every command by name: export, mark done, language, a document\xE2\x80\x99s title\xE2\x80\xA6"},
    {"Tab / Shift+Tab", "select the next / previous entity (in reading order); past the last one, out of the text"},
    {"Enter", "accept the selected entity and go to the next"},
    {"X, Delete, Backspace", "reject it and go to the next (the Rejected list brings it back)"},
    {"1 \xE2\x80\x93 9", "give it the label at that place in the legend (its own label: accept it)"},
    {"Shift+1 \xE2\x80\x93 9", "give every mention of its group that label"},
    {"Shift+\xE2\x86\x90 / \xE2\x86\x92", "move the end of its span by a word"},
    {"Alt+Shift+\xE2\x86\x90 / \xE2\x86\x92", "move the start of its span by a word"},
    {"Ctrl+ with the two above", "by one character instead"},
    {"Menu key, Shift+F10", "open its menu (then \xE2\x86\x91 \xE2\x86\x93 Enter, Esc)"},
    {"Esc", "clear the selection, close a menu or the find bar"},
    {"Ctrl+F", "find words (case and accents ignored); Enter / Shift+Enter step"},
    {"Ctrl+C, Ctrl+A", "copy the selected words or entity; select the whole text"},
    {"R", "review mode: the least certain entities first"},
    {"N / Shift+N, T, K", "comparing: next / previous disagreement, take theirs, keep ours"},
    {"Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y", "undo, redo"},
    {"Ctrl+S", "download the annotation file"},
    {"Ctrl+O", "open files (articles, .glosa.json, .jsonl, a label set)"},
    {"Ctrl+V", "paste an article as a new document"},
    {"Alt+PgDn / Alt+PgUp", "next / previous document"},
    {"PgDn, PgUp, Space, Home, End, \xE2\x86\x91 \xE2\x86\x93", "scroll the text"},
    {"drag over words (Alt: exact characters)", "tag them; double-click a word to tag it"},
    {"right-click", "an entity's, a group row's or a quotation's menu"},
    {"?", "this list"},
};

}  // namespace

namespace {

// A text field or a menu (questions are menus too) has the keys.
bool keys_elsewhere() { return ImGui::GetIO().WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId); }

}  // namespace

bool keyboard_takes_tab(const AppState& state, bool shift) {
  if (keys_elsewhere()) return true;
  return has_document(state) && next_in_reading_order(state, state.selected_entity, shift ? -1 : +1) >= 0;
}

void handle_keyboard(AppState& state, UiResources& ui) {
  const ImGuiIO& io = ImGui::GetIO();
  if (keys_elsewhere()) return;
  const bool ctrl = io.KeyCtrl || io.KeySuper;
  const bool shift = io.KeyShift;
  const bool alt = io.KeyAlt;
  // "?": Shift+/ on a US or Polish keyboard; on others (German: Shift+ß) only the character
  // says it.
  const bool question_typed = std::find(io.InputQueueCharacters.begin(), io.InputQueueCharacters.end(), '?') !=
                              io.InputQueueCharacters.end();
  if ((shift && !ctrl && !alt && pressed_raw('/')) || (!ctrl && question_typed)) {
    ui.show_shortcuts = true;
    return;
  }
  if (!has_document(state)) return;
  if (!ctrl && !alt && repeating(ImGuiKey_Tab)) {
    const int next = next_in_reading_order(state, state.selected_entity, shift ? -1 : +1);
    if (next >= 0) select_for_review(state, next);
    return;
  }
  if (pressed(ImGuiKey_Escape)) {
    if (state.find.open) close_find(state);
    else clear_selections(state);
    return;
  }
  if (!ctrl && !alt && !shift && pressed_raw('R')) {
    set_review_mode(state, !state.review_mode);
    return;
  }
  if (state.comparison.active && !ctrl && !alt) {  // Export > Compare with... (app/exchange.h)
    if (pressed_raw('N')) {
      compare_step(state, shift ? -1 : +1);
      return;
    }
    if (!shift && (pressed_raw('T') || pressed_raw('K'))) {
      take_version(state, pressed_raw('T'));
      return;
    }
  }
  const int selected = state.selected_entity;
  if (selected < 0 || selected >= static_cast<int>(state.doc().entities.size())) return;
  if (!ctrl && !alt && (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter))) {
    accept_and_next(state);
    if (state.review_mode && review_queue(state).empty()) set_message(state, MessageKind::Info, "Reviewed: every entity has been accepted or rejected");
    return;
  }
  if (!ctrl && !alt && !shift && (pressed_raw('X') || pressed(ImGuiKey_Delete) || pressed(ImGuiKey_Backspace))) {
    reject_and_next(state);
    return;
  }
  if (!ctrl && !alt) {
    for (int d = 1; d <= 9; ++d) {
      if (pressed_raw('0' + d)) {
        label_by_digit(state, d, shift);
        return;
      }
    }
  }
  if (shift && (repeating(ImGuiKey_LeftArrow) || repeating(ImGuiKey_RightArrow))) {
    const int direction = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), true) ? +1 : -1;
    move_entity_edge(state, selected, alt ? SpanEdge::Begin : SpanEdge::End, ctrl ? EdgeStep::Character : EdgeStep::Word,
                     direction);
    return;
  }
  if (pressed_raw(ui.key_menu) || (shift && pressed_raw(ui.key_f10))) {
    ui.menu_entity = selected;
    open_menu(ui, "entity-menu", true);
  }
}

void draw_shortcuts(AppState& state, UiResources& ui) {
  (void)state;
  if (ui.show_shortcuts && !ImGui::IsPopupOpen("Keyboard shortcuts##overlay")) ImGui::OpenPopup("Keyboard shortcuts##overlay");
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Keyboard shortcuts##overlay", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ui.spoken = "Keyboard shortcuts, Escape closes";
  for (const auto& row : kShortcuts) ui.spoken += std::string(". ") + row[0] + ": " + row[1];
  if (ImGui::BeginTable("shortcuts##overlay", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
    for (const auto& row : kShortcuts) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(row[0]);
      ImGui::TableSetColumnIndex(1);
      ImGui::TextDisabled("%s", row[1]);
    }
    ImGui::EndTable();
  }
  ImGui::Dummy(ImVec2(0, 4 * ui.scale));
  // "?" opens it and, once it is showing (not in the frame it opened), closes it again.
  const ImGuiIO& io = ImGui::GetIO();
  const bool question = !ImGui::IsWindowAppearing() &&
                        ((io.KeyShift && ImGui::IsKeyPressed('/', false)) ||
                         std::find(io.InputQueueCharacters.begin(), io.InputQueueCharacters.end(), '?') !=
                             io.InputQueueCharacters.end());
  if (ImGui::Button("Close (Esc)##overlay") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) || question) {
    ui.show_shortcuts = false;
    ImGui::CloseCurrentPopup();
  }
  record_item_rect(ui, "shortcuts-close");
  ImGui::EndPopup();
}

void draw_review_bar(AppState& state, UiResources& ui) {
  if (!state.review_mode || !has_document(state)) return;
  const ReviewProgress p = review_progress(state);
  const size_t left = review_queue(state).size();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float one_line = ImGui::GetFrameHeightWithSpacing() + 10 * ui.scale;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.92f, 0.95f, 1.0f, 1));
  ImGui::BeginChild("review##bar", ImVec2(0, std::max(one_line, ui.review_bar_height)), true,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  // The parts flow onto another line where the column is too narrow for them (the buttons
  // ran past the window's edge at 1024 px with both panels open).
  char line[160];
  std::snprintf(line, sizeof line, "Review: %zu of %zu reviewed", p.reviewed, p.total);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(line);
  record_item_rect(ui, "review-progress");
  same_line_or_wrap(120 * ui.scale);
  ImGui::ProgressBar(p.total ? static_cast<float>(p.reviewed) / static_cast<float>(p.total) : 1.0f,
                     ImVec2(120 * ui.scale, 0), "");
  const char* hint = "Enter accepts \xC2\xB7 X rejects \xC2\xB7 1\xE2\x80\x93" "9 relabel";
  same_line_or_wrap(ImGui::CalcTextSize(hint).x);
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", hint);
  char accept[64];
  std::snprintf(accept, sizeof accept, "Accept all remaining (%zu)##review", left);
  same_line_or_wrap(button_width(accept));
  if (left == 0) ImGui::BeginDisabled();
  if (ImGui::Button(accept)) accept_all_remaining(state);
  record_item_rect(ui, "accept-remaining");
  if (left == 0) ImGui::EndDisabled();
  const char* leave = "Leave review (R)##review";
  same_line_or_wrap(button_width(leave));
  if (ImGui::Button(leave)) set_review_mode(state, false);
  record_item_rect(ui, "leave-review");
  ui.review_bar_height = ImGui::GetCursorPosY() + style.WindowPadding.y;
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace glosa::app
