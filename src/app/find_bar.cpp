// The find bar above the text (Ctrl+F or the toolbar's Find): the query, "3 of 12", previous
// and next (Enter, Shift+Enter), "Tag all as…", "In other documents…", close (Esc). Layer: app.
#include <imgui.h>

#include <cstdio>
#include <string>

#include "app/find.h"
#include "app/ui.h"

namespace glosa::app {

void draw_find_bar(AppState& state, UiResources& ui) {
  FindState& f = state.find;
  if (!f.open || !has_document(state)) return;
  update_find(state);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.98f, 0.88f, 1));
  // As tall as its parts took last frame: on a phone they flow onto a second line (Close ran
  // past the screen's edge at 375 px, and a phone has no Esc).
  const float one_line = ImGui::GetFrameHeightWithSpacing() + 10 * ui.scale;
  ImGui::BeginChild("find##bar", ImVec2(0, std::max(one_line, ui.find_bar_height)), true,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Find");
  ImGui::SameLine();
  if (f.focus_input) {
    ImGui::SetKeyboardFocusHere();
    f.focus_input = false;
  }
  // Esc while typing: ImGui's field takes it (and lets go of the keyboard), so it is read first.
  const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s", f.query.c_str());
  ImGui::SetNextItemWidth(std::min(260 * ui.scale, ImGui::GetContentRegionAvail().x * 0.4f));
  const bool enter = ImGui::InputTextWithHint("##find", "words (case and accents ignored)", buf, sizeof buf,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  record_item_rect(ui, "find-input");
  record_item_rect(ui, "field:find");
  if (f.query != buf) {
    f.query = buf;
    update_find(state);
    if (f.current >= 0) state.scroll_to_byte = f.matches[static_cast<size_t>(f.current)].first;
  }
  if (enter) {
    find_step(state, ImGui::GetIO().KeyShift ? -1 : +1);
    ImGui::SetKeyboardFocusHere(-1);  // the field keeps the keyboard: Enter again goes on
  }
  const bool field_active = ImGui::IsItemActive() || ui.find_field_active;
  ui.find_field_active = ImGui::IsItemActive();
  ImGui::SameLine();
  char count[64];
  if (f.query.empty()) count[0] = 0;
  else if (f.matches.empty()) std::snprintf(count, sizeof count, "no match");
  else std::snprintf(count, sizeof count, "%d of %zu", f.current + 1, f.matches.size());
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(count);
  record_item_rect(ui, "find-count");
  if (field_active) ui.spoken = std::string("Find: ") + (f.query.empty() ? "type the words" : count);
  ImGui::SameLine();
  if (ImGui::ArrowButton("##find_prev", ImGuiDir_Up)) find_step(state, -1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous match (Shift+Enter)");
  ImGui::SameLine();
  if (ImGui::ArrowButton("##find_next", ImGuiDir_Down)) find_step(state, +1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next match (Enter)");
  record_item_rect(ui, "find-next");
  const char* tag_all = "Tag all as\xE2\x80\xA6##find";
  same_line_or_wrap(button_width(tag_all));
  if (f.matches.empty()) ImGui::BeginDisabled();
  if (ImGui::Button(tag_all)) open_menu(ui, "findtag-menu", false, "find-tag-all");
  record_item_rect(ui, "find-tag-all");
  if (f.matches.empty()) ImGui::EndDisabled();
  // The same words in the collection's other documents: listed when asked (the texts are
  // searched then, not at every key).
  if (state.documents.size() > 1) {
    const char* others = "Other documents\xE2\x80\xA6##find";
    same_line_or_wrap(button_width(others));
    if (f.query.empty()) ImGui::BeginDisabled();
    if (ImGui::Button(others)) open_menu(ui, "find-documents", false, "find-other-documents");
    record_item_rect(ui, "find-other-documents");
    if (f.query.empty()) ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
      ImGui::SetTooltip("Which other documents of the collection hold these words, and how often");
    }
  }
  same_line_or_wrap(button_width("Close##find"));
  if (ImGui::Button("Close##find") || (field_active && escape)) {
    close_find(state);
  }
  record_item_rect(ui, "find-close");
  ui.find_bar_height = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
  ImGui::EndChild();
  record_item_rect(ui, "find-bar");  // the whole bar: its menus open below it
  ImGui::PopStyleColor();
}

}  // namespace glosa::app
