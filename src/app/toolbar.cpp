// The toolbar: paste, open, download, undo/redo, sample, language. Layer: app.
#include <imgui.h>

#include "app/editing.h"
#include "app/ui.h"

namespace glosa::app {

namespace {

const char* kLangCodes[] = {"auto", "pl", "en"};
const char* kLangNames[] = {"Language: auto", "Language: Polski", "Language: English"};

}  // namespace

void draw_toolbar(AppState& state, UiResources& ui) {
  ImGui::PushFont(ui.title_font);
  ImGui::TextUnformatted("Glosa");
  ImGui::PopFont();
  ImGui::SameLine(0, 18 * ui.scale);
  const float button_y = ImGui::GetCursorPosY();
  (void)button_y;

  if (!state.services.request_paste) ImGui::BeginDisabled();
  if (ImGui::Button("Paste article##toolbar")) state.services.request_paste();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Annotate the text on the clipboard (Ctrl+V)");
  if (!state.services.request_paste) ImGui::EndDisabled();

  ImGui::SameLine();
  if (!state.services.open_file_dialog) ImGui::BeginDisabled();
  if (ImGui::Button("Open\xE2\x80\xA6##toolbar")) state.services.open_file_dialog();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open a .txt article or a .glosa.json file (Ctrl+O, or drop it on the page)");
  if (!state.services.open_file_dialog) ImGui::EndDisabled();

  ImGui::SameLine();
  const bool can_save = has_document(state);
  if (!can_save) ImGui::BeginDisabled();
  if (ImGui::Button("Download##toolbar")) save_document(state);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("Save the annotations as %s (Ctrl+S)", document_filename(state).c_str());
  }
  if (!can_save) ImGui::EndDisabled();

  ImGui::SameLine();
  if (!can_undo(state)) ImGui::BeginDisabled();
  if (ImGui::Button("Undo##toolbar")) undo(state);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Undo the last correction (Ctrl+Z)");
  if (!can_undo(state)) ImGui::EndDisabled();
  ImGui::SameLine();
  if (!can_redo(state)) ImGui::BeginDisabled();
  if (ImGui::Button("Redo##toolbar")) redo(state);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Redo the correction undone last (Ctrl+Shift+Z)");
  if (!can_redo(state)) ImGui::EndDisabled();

  if (!state.sample_text.empty()) {
    ImGui::SameLine();
    if (ImGui::Button("Sample article##toolbar")) load_text(state, state.sample_text, "sample article");
  }

  ImGui::SameLine();
  int lang_index = 0;
  for (int i = 0; i < 3; ++i) {
    if (state.lang_override == kLangCodes[i]) lang_index = i;
  }
  ImGui::SetNextItemWidth(190 * ui.scale);
  if (ImGui::Combo("##lang_toolbar", &lang_index, kLangNames, 3)) {
    state.lang_override = kLangCodes[lang_index];
    if (has_document(state)) {
      const std::string text = state.doc.text;
      const std::string source = state.source_name;
      const int corrections = state.edit_count;
      if (load_text(state, text, source).is_ok() && corrections > 0) {
        set_message(state, MessageKind::Warning,
                    "Annotated again as " + std::string(kLangNames[lang_index] + 10) + ": " +
                        std::to_string(corrections) + " correction(s) were replaced by the new annotation");
      }
    }
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("Detected automatically; choose to override and annotate again%s",
                      state.edit_count > 0 ? " (your corrections are replaced)" : "");
  }
  ImGui::Separator();
}

}  // namespace glosa::app
