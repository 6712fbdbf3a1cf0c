// Small drawing helpers shared by the panels: one-line text with an ellipsis, text width,
// quotation colours, and the rectangles of named rows kept for tests. Layer: app.
#include <imgui.h>
#include <imgui_internal.h>

#include <vector>

#include "app/ui.h"
#include "engine/text/utf8.h"

namespace glosa::app {

float text_width(ImFont* font, std::string_view text) {
  if (text.empty()) return 0;
  return font->CalcTextSizeA(font->FontSize, 1e9f, 0, text.data(), text.data() + text.size()).x;
}

namespace {

// A character the interface's font cannot draw and that carries no words: emoji and their
// joiners. ImGui would draw each as "?"-like tofu, which in a title reads as broken
// encoding (QA: "🐢 Łódź" looked like damage in the Documents list).
bool undrawable_symbol(char32_t cp) {
  if (cp == 0x200D || cp == 0xFE0F || cp == 0xFE0E) return true;  // joiner, emoji variation selectors
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return true;               // emoji, flags' letters, pictographs
  if (cp >= 0x2600 && cp <= 0x27BF && ImGui::GetCurrentContext()) {  // symbols: as the font has them
    const ImFont* font = ImGui::GetIO().FontDefault ? ImGui::GetIO().FontDefault
                         : ImGui::GetIO().Fonts->Fonts.Size > 0 ? ImGui::GetIO().Fonts->Fonts[0]
                                                                : nullptr;
    return font && font->Glyphs.Size > 0 && !font->FindGlyphNoFallback(static_cast<ImWchar>(cp));
  }
  return false;
}

}  // namespace

std::string display_text(std::string_view text, size_t max_codepoints) {
  std::string out;
  size_t count = 0;
  size_t len = 0;
  for (size_t i = 0; i < text.size(); i += len) {
    const char32_t cp = decode_utf8(text, i, &len);
    if (count == max_codepoints) {
      out += "\xE2\x80\xA6";
      break;
    }
    if (undrawable_symbol(cp)) continue;  // left out, not counted
    if (cp == U'\n' || cp == U'\t' || cp == U'\r') out += ' ';
    else if (cp < 0x20 || cp == 0x7F) out += "\xEF\xBF\xBD";
    else out.append(text.substr(i, len));
    ++count;
  }
  return out;
}

float draw_text_ellipsis(ImDrawList* draw_list, ImFont* font, float size, float x, float y,
                         float max_width, uint32_t color, std::string_view text) {
  const std::string shown = fit_text(font, size, max_width, text);
  if (shown.empty()) return 0;
  draw_list->AddText(font, size, ImVec2(x, y), color, shown.c_str());
  return text_width(font, shown) * size / font->FontSize;
}

std::string fit_text(ImFont* font, float size, float max_width, std::string_view text) {
  if (max_width <= 0 || text.empty()) return std::string();
  // No line is wider than a few hundred characters: measure no more than that.
  std::string clipped;
  if (text.size() > 1024) {
    clipped = display_text(text, 400);
    text = clipped;
  }
  const float scale = size / font->FontSize;
  const auto width = [&](std::string_view s) { return text_width(font, s) * scale; };
  if (width(text) <= max_width) return std::string(text);
  const char* kEllipsis = "\xE2\x80\xA6";
  const float ellipsis_w = width(kEllipsis);
  // Code point boundaries, then the longest prefix that fits with the ellipsis.
  std::vector<size_t> ends;
  size_t len = 0;
  for (size_t i = 0; i < text.size(); i += len) {
    decode_utf8(text, i, &len);
    ends.push_back(i + len);
  }
  size_t lo = 0, hi = ends.size();  // answer: number of code points kept, in [lo, hi)
  while (hi - lo > 1) {
    const size_t mid = (lo + hi) / 2;
    if (width(text.substr(0, ends[mid - 1])) + ellipsis_w <= max_width) lo = mid; else hi = mid;
  }
  std::string shown(text.substr(0, lo == 0 ? 0 : ends[lo - 1]));
  while (!shown.empty() && shown.back() == ' ') shown.pop_back();
  shown += kEllipsis;
  if (width(shown) > max_width) return std::string();  // not even "…" fits
  return shown;
}

uint32_t quote_color(float alpha) { return IM_COL32(84, 98, 186, static_cast<int>(alpha * 255.0f)); }

uint32_t quote_uncertain_color(float alpha) {
  return IM_COL32(140, 140, 150, static_cast<int>(alpha * 255.0f));
}

void apply_pending_scroll(UiResources& ui) {
  const float dx = ui.pending_scroll_x, dy = ui.pending_scroll_y;
  ui.pending_scroll_x = ui.pending_scroll_y = 0;
  if (dx == 0 && dy == 0) return;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  // The window under the mouse, or the nearest one holding it that can scroll that way (as
  // ImGui's own wheel handling walks up from a child that cannot).
  for (ImGuiWindow* w = g.HoveredWindow; w; w = w->ParentWindow) {
    const bool can_y = dy != 0 && w->ScrollMax.y > 0 && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse);
    const bool can_x = dx != 0 && w->ScrollMax.x > 0 && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse);
    if (!can_y && !can_x) {
      if (!(w->Flags & ImGuiWindowFlags_ChildWindow)) break;
      continue;
    }
    if (can_y) ImGui::SetScrollY(w, ImClamp(w->Scroll.y + dy, 0.0f, w->ScrollMax.y));
    if (can_x) ImGui::SetScrollX(w, ImClamp(w->Scroll.x + dx, 0.0f, w->ScrollMax.x));
    break;
  }
}

bool ui_wants_frames(const AppState& state, const UiResources& ui, double now_ms) {
  const ImGuiIO& io = ImGui::GetIO();
  for (bool down : io.MouseDown) {
    if (down) return true;  // a drag, a held scrollbar, a selection
  }
  for (bool down : io.KeysDown) {
    if (down) return true;  // ImGui repeats held keys by itself
  }
  if (now_ms < state.flash_until_ms) return true;
  // The full toolbar was just found too wide: the next frame draws it as a menu.
  if (!ui.compact_toolbar && ui.toolbar_width * ui.scale > ImGui::GetMainViewport()->Size.x) return true;
  if (!state.loading_model.empty()) return true;  // the spinner
  if (ui.pending_scroll_x != 0 || ui.pending_scroll_y != 0) return true;
  if (state.scroll_to_entity >= 0 || state.scroll_to_quote >= 0 || state.restore_pending ||
      state.scroll_to_byte != SIZE_MAX || !ui.request_menu.empty()) {
    return true;
  }
  return false;
}

void same_line_or_wrap(float width) {
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

void close_popup_on_escape() {
  if (!ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    ImGui::CloseCurrentPopup();
  }
}

int choice_buttons(UiResources& ui, const Choice* choices, int count, int initial, int on_escape) {
  // A question opened anew starts at `initial`: the ring belongs to the popup it was drawn in.
  const ImGuiID question = ImGui::GetCurrentWindow()->ID;
  if (ui.choice_question != question) {
    ui.choice_question = question;
    ui.choice_focus = initial;
  }
  const bool shift = ImGui::GetIO().KeyShift;
  auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true); };
  if (key(ImGuiKey_RightArrow) || (key(ImGuiKey_Tab) && !shift)) ui.choice_focus = (ui.choice_focus + 1) % count;
  if (key(ImGuiKey_LeftArrow) || (key(ImGuiKey_Tab) && shift)) ui.choice_focus = (ui.choice_focus + count - 1) % count;
  int pressed = -1;
  for (int i = 0; i < count; ++i) {
    if (i > 0) ImGui::SameLine();
    if (ImGui::Button(choices[i].label)) pressed = i;
    if (choices[i].rect) record_item_rect(ui, choices[i].rect);
    if (i == ui.choice_focus) {  // the keyboard's ring, in the colour ImGui's own navigation uses
      const float d = 2 * ui.scale;
      const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
      ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - d, a.y - d), ImVec2(b.x + d, b.y + d),
                                          ImGui::GetColorU32(ImGuiCol_NavHighlight), ImGui::GetStyle().FrameRounding + d, 0,
                                          2 * ui.scale);
    }
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) {
    pressed = ui.choice_focus;
  }
  if (on_escape >= 0 && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) pressed = on_escape;
  if (pressed >= 0) ui.choice_question = 0;
  ImGui::TextDisabled("\xE2\x86\x90 \xE2\x86\x92 or Tab: choose  \xC2\xB7  Enter: answer");
  return pressed;
}

void record_item_rect(UiResources& ui, const std::string& name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ui.item_rects[name] = {a.x, a.y, b.x, b.y};
}

bool item_screen_rect(const UiResources& ui, const std::string& name, float rect[4]) {
  auto it = ui.item_rects.find(name);
  if (it == ui.item_rects.end()) return false;
  for (int i = 0; i < 4; ++i) rect[i] = it->second[i];
  return true;
}

}  // namespace glosa::app
