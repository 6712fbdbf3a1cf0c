// The article header above the text in the document view: the title in the title font and
// one muted line of facts (date, source, language, size, reading time, how many people,
// places, organisations and quotations). Empty fields are left out. Layer: app.
#include <imgui.h>

#include <cmath>
#include <string>

#include "app/ui.h"

namespace glosa::app {

void draw_article_header(AppState& state, UiResources& ui) {
  const DocumentIndex& index = document_index(state);
  const std::vector<std::string>& facts = index.facts;
  // A headline, bounded before it reaches ImGui (a title of an older file may be a whole
  // paragraph). A title from the lead's first sentence is not repeated over the lead.
  const std::string title = index.title_is_headline ? display_text(state.doc().article.title, 400) : std::string();
  if (title.empty() && facts.empty()) return;
  const float x = ui.doc_origin_x;
  const float wrap_right = ImGui::GetCursorPosX() + (x - ImGui::GetCursorScreenPos().x) + ui.doc_wrap_width;
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
  ImGui::PushTextWrapPos(wrap_right);
  if (!title.empty()) {
    ImGui::PushFont(ui.title_font);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    ImGui::TextWrapped("%s", title.c_str());
    ImGui::PopFont();
  }
  if (!facts.empty()) {
    // Wrapping may break only between facts: spaces inside a fact ("257 words") and before
    // the separator are no-break spaces (U+00A0).
    const std::string nbsp = "\xC2\xA0";
    std::string line;
    for (size_t i = 0; i < facts.size(); ++i) {
      if (i) line += nbsp + nbsp + "\xC2\xB7  ";  // "  ·  "
      for (char c : facts[i]) {
        if (c == ' ') line += nbsp; else line += c;
      }
    }
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + std::round(2 * ui.scale)));
    ImGui::PushFont(ui.ui_font);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", line.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
  }
  ImGui::PopTextWrapPos();
  // A hairline under the header separates it from the article's own text.
  const float y = ImGui::GetCursorScreenPos().y + std::round(4 * ui.scale);
  ImGui::GetWindowDrawList()->AddLine(ImVec2(x, y), ImVec2(x + ui.doc_wrap_width, y),
                                      ImGui::GetColorU32(ImGuiCol_Border), std::max(1.0f, ui.scale));
  ImGui::SetCursorScreenPos(ImVec2(x, y + std::round(4 * ui.scale)));
}

}  // namespace glosa::app
