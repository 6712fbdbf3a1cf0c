// The command palette (Ctrl+K): a field and the commands whose titles hold every word typed
// (case and accents ignored), ↑ ↓ to choose, Enter to run, Esc to close. Every button and
// menu item of the app is a command (app/commands.h), and every other document is one
// ("Go to …"), so a person can work without the mouse. Layer: app.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>
#include <vector>

#include "app/commands.h"
#include "app/ui.h"

namespace glosa::app {

namespace {

constexpr const char* kPalette = "Commands##palette";
constexpr int kVisibleRows = 12;

// ↑ ↓ PgUp PgDn move the highlighted row (they repeat while held).
int moved_cursor(int cursor, int count) {
  auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true); };
  if (count <= 0) return 0;
  if (key(ImGuiKey_DownArrow)) cursor = (cursor + 1) % count;
  if (key(ImGuiKey_UpArrow)) cursor = (cursor + count - 1) % count;
  if (key(ImGuiKey_PageDown)) cursor = std::min(count - 1, cursor + kVisibleRows);
  if (key(ImGuiKey_PageUp)) cursor = std::max(0, cursor - kVisibleRows);
  return std::clamp(cursor, 0, count - 1);
}

}  // namespace

void draw_command_palette(AppState& state, UiResources& ui) {
  if (ui.show_palette && !ImGui::IsPopupOpen(kPalette)) {
    ImGui::OpenPopup(kPalette);
    ui.palette_query.clear();
    ui.palette_cursor = 0;
    ui.palette_focus = true;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float width = std::min(640 * ui.scale, vp->Size.x - 16 * ui.scale);
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + std::min(72 * ui.scale, vp->Size.y * 0.08f)),
                          ImGuiCond_Always, ImVec2(0.5f, 0));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, FLT_MAX));
  if (!ImGui::BeginPopupModal(kPalette, nullptr,
                              ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize)) {
    ui.show_palette = false;
    return;
  }
  std::vector<Command> commands = available_commands(state, ui);
  // Esc while typing: ImGui's field takes it (and lets go of the keyboard), so it is read first.
  const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if (ui.palette_focus) {
    ImGui::SetKeyboardFocusHere();
    ui.palette_focus = false;
  }
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s", ui.palette_query.c_str());
  ImGui::SetNextItemWidth(-FLT_MIN);
  // A field given the keys back by code has its text selected (ImGui does so for tabbing):
  // the caret goes to the end instead, so that a typo is mended, not typed over.
  const auto caret_to_end = [](ImGuiInputTextCallbackData* data) {
    bool* pending = static_cast<bool*>(data->UserData);
    if (*pending) {
      data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
      *pending = false;
    }
    return 0;
  };
  const bool enter = ImGui::InputTextWithHint("##palette", "What to do: export, done, language, a document's title\xE2\x80\xA6",
                                              buf, sizeof buf,
                                              ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways,
                                              caret_to_end, &ui.palette_caret_to_end);
  record_item_rect(ui, "palette-input");
  record_item_rect(ui, "field:palette");
  // Enter with nothing to run: the field keeps the keys at once (Enter lets go of them).
  if (enter && std::none_of(commands.begin(), commands.end(), [&](const Command& c) { return command_matches(c, buf); })) {
    ImGui::SetKeyboardFocusHere(-1);
    ui.palette_caret_to_end = true;
  }
  // The field keeps the keys (Tab would take them away), but not from a click or tap on a
  // row or a button: taken back while the button is held, they would not be pressed.
  if (ImGui::IsItemDeactivated() && !escape && !enter && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    ui.palette_focus = true;
    ui.palette_caret_to_end = true;
  }
  if (ui.palette_query != buf) {
    ui.palette_query = buf;
    ui.palette_cursor = 0;
    ui.palette_scroll = true;
  }
  std::vector<int> shown;
  for (size_t i = 0; i < commands.size(); ++i) {
    if (command_matches(commands[i], ui.palette_query)) shown.push_back(static_cast<int>(i));
  }
  const int count = static_cast<int>(shown.size());
  const int before = ui.palette_cursor;
  ui.palette_cursor = moved_cursor(ui.palette_cursor, count);
  if (ui.palette_cursor != before) ui.palette_scroll = true;

  if (count == 0) {
    ui.spoken = "Commands: none matches " + ui.palette_query;
  } else {
    const Command& c = commands[static_cast<size_t>(shown[static_cast<size_t>(ui.palette_cursor)])];
    ui.spoken = "Commands: " + c.title + (c.keys.empty() ? "" : ", key " + c.keys) + ", " +
                std::to_string(ui.palette_cursor + 1) + " of " + std::to_string(count);
  }
  std::string run;  // the command chosen this frame; it runs once the palette is closed
  if (enter && count > 0) run = commands[static_cast<size_t>(shown[static_cast<size_t>(ui.palette_cursor)])].id;
  const float row_h = ImGui::GetTextLineHeightWithSpacing();
  if (count == 0) {
    ImGui::TextDisabled("No command matches \xE2\x80\x9E%s\xE2\x80\x9D", display_text(ui.palette_query, 60).c_str());
  } else {
    const float list_h = static_cast<float>(std::min(count, kVisibleRows)) * row_h + ImGui::GetStyle().WindowPadding.y;
    ImGui::BeginChild("list##palette", ImVec2(0, list_h), false);
    ImGuiListClipper clipper;
    clipper.Begin(count, row_h);
    while (clipper.Step()) {
      for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
        const Command& c = commands[static_cast<size_t>(shown[static_cast<size_t>(k)])];
        ImGui::PushID(k);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("##row", k == ui.palette_cursor)) run = c.id;
        record_item_rect(ui, "palette:" + c.id);
        // The pointer moving over a row makes it the one Enter runs: the highlight is one.
        const ImVec2 moved = ImGui::GetIO().MouseDelta;
        if (ImGui::IsItemHovered() && (moved.x != 0 || moved.y != 0)) ui.palette_cursor = k;
        // The title, cut with "…" where it would reach the shortcut (right-aligned in the row)
        // or the edge: a long document title ("Go to „…”") was clipped in mid-letter.
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        float keys_w = 0;
        if (!c.keys.empty()) {
          keys_w = ImGui::CalcTextSize(c.keys.c_str()).x;
          draw->AddText(ImVec2(right - keys_w, at.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), c.keys.c_str());
          keys_w += 2 * ImGui::GetStyle().ItemSpacing.x;
        }
        draw_text_ellipsis(draw, ImGui::GetFont(), ImGui::GetFontSize(), at.x, at.y, right - at.x - keys_w,
                           ImGui::GetColorU32(ImGuiCol_Text), display_text(c.title, 120));
        ImGui::PopID();
      }
    }
    if (ui.palette_scroll) {  // bring the highlighted row into view
      const float top = static_cast<float>(ui.palette_cursor) * row_h;
      const float view = ImGui::GetWindowHeight();
      if (top < ImGui::GetScrollY()) ImGui::SetScrollY(top);
      else if (top + row_h > ImGui::GetScrollY() + view) ImGui::SetScrollY(top + row_h - view);
      ui.palette_scroll = false;
    }
    ImGui::EndChild();
  }
  // A button as well as Esc: a phone has no Esc, and a tap beside the palette does not close it.
  const bool close = ImGui::SmallButton("Close (Esc)##palette");
  record_item_rect(ui, "palette-close");
  ImGui::SameLine();
  ImGui::TextDisabled("\xE2\x86\x91 \xE2\x86\x93 choose  \xC2\xB7  Enter: run");
  if (escape || close || !run.empty()) {
    ui.show_palette = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  if (!run.empty()) run_command(state, ui, run);
}

}  // namespace glosa::app
