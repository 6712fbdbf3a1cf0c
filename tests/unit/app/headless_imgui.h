// An ImGui context for the app tests that press keys: the null backend (no GPU), ImGui's own
// font, and the keys the app reads mapped to codes of their own (letters and digits are
// their ASCII codes, as on every backend the app runs on).
#pragma once

#include <imgui.h>

#include <utility>

#include "app/app_state.h"
#include "app/ui.h"

namespace glosa::test {

enum : int { kKeyTab = 300, kKeyEnter, kKeyEscape, kKeyDelete, kKeyBackspace, kKeyRight, kKeyLeft, kKeyDown, kKeyUp };

class HeadlessImGui {
 public:
  HeadlessImGui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->AddFontDefault();
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    const std::pair<ImGuiKey, int> keys[] = {{ImGuiKey_Tab, kKeyTab},           {ImGuiKey_Enter, kKeyEnter},
                                             {ImGuiKey_Escape, kKeyEscape},     {ImGuiKey_Delete, kKeyDelete},
                                             {ImGuiKey_Backspace, kKeyBackspace}, {ImGuiKey_RightArrow, kKeyRight},
                                             {ImGuiKey_LeftArrow, kKeyLeft},    {ImGuiKey_DownArrow, kKeyDown},
                                             {ImGuiKey_UpArrow, kKeyUp}};
    for (const auto& [key, code] : keys) io.KeyMap[key] = code;
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  // Every UI font is ImGui's own.
  static void use_font(app::UiResources& ui) {
    ui.ui_font = ui.text_font = ui.tag_font = ui.title_font = ImGui::GetIO().Fonts->Fonts[0];
  }
  // One frame of the whole app in a 1200×800 window.
  static void frame(app::AppState& state, app::UiResources& ui) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1200, 800);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    app::draw_frame(state, ui);
    ImGui::Render();
  }
  // A key pressed for a frame, then let go for one (with Ctrl held when `ctrl`).
  static void press(app::AppState& state, app::UiResources& ui, int key, bool ctrl = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    for (bool down : {true, false}) {
      io.KeysDown[key] = down;
      frame(state, ui);
    }
    io.KeyCtrl = false;
  }
};

}  // namespace glosa::test
