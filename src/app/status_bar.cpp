// The status bar: language, size, entity count, timing, and the last message. Layer: app.
#include <imgui.h>

#include <cmath>
#include <string>

#include "app/ui.h"
#include "engine/text/utf8.h"

namespace glosa::app {

namespace {

const char* language_name(const std::string& lang) {
  if (lang == "pl") return "Polski";
  if (lang == "en") return "English";
  return "other language";
}

}  // namespace

void draw_status_bar(AppState& state, UiResources& ui) {
  if (has_document(state)) {
    ImGui::Text("%s  \xC2\xB7  %zu characters  \xC2\xB7  %zu entities", language_name(state.doc.lang),
                count_codepoints(state.doc.text), state.doc.entities.size());
    ImGui::SameLine();
    if (state.is_imported) {
      ImGui::TextDisabled("\xC2\xB7  opened from file");
    } else {
      ImGui::TextDisabled("\xC2\xB7  annotated in %.1f ms", state.annotate_ms);
    }
    ImGui::SameLine();
    if (state.edit_count > 0) {
      ImGui::TextDisabled("\xC2\xB7  %d correction%s", state.edit_count, state.edit_count == 1 ? "" : "s");
    } else {
      ImGui::TextDisabled("\xC2\xB7  drag over words to tag them, right-click a tag to correct it");
    }
  } else {
    ImGui::TextDisabled("No document");
  }
  if (!state.loading_model.empty()) {
    ImGui::SameLine();
    const char* spin = "|/-\\";
    const int phase = static_cast<int>(ImGui::GetTime() * 8) & 3;
    ImGui::TextColored(ImVec4(0.15f, 0.35f, 0.75f, 1), "\xC2\xB7  %c loading the %s name model\xE2\x80\xA6",
                       spin[phase], language_name(state.loading_model));
  }
  if (!state.message.empty()) {
    const float w = ImGui::CalcTextSize(state.message.c_str()).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 20 * ui.scale,
                             ImGui::GetWindowContentRegionMax().x - w));
    (void)avail;
    ImVec4 color(0.20f, 0.42f, 0.20f, 1);
    if (state.message_kind == MessageKind::Warning) color = ImVec4(0.62f, 0.42f, 0.0f, 1);
    if (state.message_kind == MessageKind::Error) color = ImVec4(0.75f, 0.10f, 0.10f, 1);
    ImGui::TextColored(color, "%s", state.message.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", state.message.c_str());
  }
}

}  // namespace glosa::app
