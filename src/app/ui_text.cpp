// Small drawing helpers shared by the panels: one-line text with an ellipsis, text width,
// quotation colours, and the rectangles of named rows kept for tests. Layer: app.
#include <imgui.h>

#include <vector>

#include "app/ui.h"
#include "engine/text/utf8.h"

namespace glosa::app {

float text_width(ImFont* font, std::string_view text) {
  if (text.empty()) return 0;
  return font->CalcTextSizeA(font->FontSize, 1e9f, 0, text.data(), text.data() + text.size()).x;
}

float draw_text_ellipsis(ImDrawList* draw_list, ImFont* font, float size, float x, float y,
                         float max_width, uint32_t color, std::string_view text) {
  if (max_width <= 0 || text.empty()) return 0;
  const float scale = size / font->FontSize;
  const auto width = [&](std::string_view s) { return text_width(font, s) * scale; };
  const float full = width(text);
  if (full <= max_width) {
    draw_list->AddText(font, size, ImVec2(x, y), color, text.data(), text.data() + text.size());
    return full;
  }
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
  const float w = width(shown);
  if (w > max_width) return 0;  // not even "…" fits
  draw_list->AddText(font, size, ImVec2(x, y), color, shown.c_str());
  return w;
}

uint32_t quote_color(float alpha) { return IM_COL32(84, 98, 186, static_cast<int>(alpha * 255.0f)); }

uint32_t quote_uncertain_color(float alpha) {
  return IM_COL32(140, 140, 150, static_cast<int>(alpha * 255.0f));
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
