// The side panel: label legend with counts and show/hide toggles, and the entity list.
// Layer: app.
#include <imgui.h>

#include <string>
#include <vector>

#include "app/ui.h"
#include "engine/text/unicode.h"

namespace glosa::app {

namespace {

bool is_hidden(const AppState& state, const std::string& label) {
  auto it = state.hidden_labels.find(label);
  return it != state.hidden_labels.end() && it->second;
}

void draw_legend(AppState& state, UiResources& ui) {
  ImGui::TextDisabled("LABELS");
  std::vector<size_t> counts(state.doc.labels.size(), 0);
  for (const Entity& e : state.doc.entities) {
    const int i = find_label(state.doc.labels, e.label);
    if (i >= 0) ++counts[i];
  }
  const float sw = ImGui::GetFontSize();
  int shown = 0;
  for (size_t i = 0; i < state.doc.labels.size(); ++i) {
    if (counts[i] == 0) continue;
    const LabelInfo& l = state.doc.labels[i];
    ImGui::PushID(l.name.c_str());
    bool visible = !is_hidden(state, l.name);
    if (ImGui::Checkbox("##visible", &visible)) state.hidden_labels[l.name] = !visible;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s %s", visible ? "Hide" : "Show", l.description.c_str());
    ImGui::SameLine();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float off = (ImGui::GetFrameHeight() - sw) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + off), ImVec2(p.x + sw, p.y + off + sw),
                                              label_color(state.doc, l.name, visible ? 1.0f : 0.3f), 3 * ui.scale);
    ImGui::Dummy(ImVec2(sw, ImGui::GetFrameHeight()));
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (visible) ImGui::Text("%s  %zu", l.name.c_str(), counts[i]);
    else ImGui::TextDisabled("%s  %zu", l.name.c_str(), counts[i]);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", l.description.c_str());
    ImGui::PopID();
    ++shown;
  }
  if (shown == 0) ImGui::TextDisabled("No entities found in this text.");
}

bool matches_filter(const AppState& state, const Entity& e, const std::string& filter_lower) {
  if (filter_lower.empty()) return true;
  const std::string text = to_lower(entity_text(state.doc, e));
  return text.find(filter_lower) != std::string::npos || to_lower(e.label).find(filter_lower) != std::string::npos ||
         to_lower(e.value).find(filter_lower) != std::string::npos;
}

void draw_entity_list(AppState& state, UiResources& ui) {
  ImGui::TextDisabled("ENTITIES");
  ImGui::SetNextItemWidth(-1);
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s", ui.entity_filter.c_str());
  if (ImGui::InputTextWithHint("##filter_entities", "Filter: text, label or value", buf, sizeof buf)) {
    ui.entity_filter = buf;
  }
  const std::string filter = to_lower(ui.entity_filter);
  std::vector<int> rows;
  for (size_t i = 0; i < state.doc.entities.size(); ++i) {
    const Entity& e = state.doc.entities[i];
    if (is_hidden(state, e.label) || !matches_filter(state, e, filter)) continue;
    rows.push_back(static_cast<int>(i));
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("entities##list", 3, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Text", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn("Label", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize("\xE2\x96\xA0 PERCENT").x + 4 * ui.scale);
  ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const int i = rows[r];
      const Entity& e = state.doc.entities[i];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::PushID(i);
      const std::string text(entity_text(state.doc, e));
      const bool selected = state.selected_entity == i || ui.hovered_entity == i;
      if (ImGui::Selectable(text.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
        select_entity(state, i);
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click to show it in the text");
      ImGui::TableSetColumnIndex(1);
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(label_color(state.doc, e.label)));
      ImGui::TextUnformatted("\xE2\x96\xA0");
      ImGui::PopStyleColor();
      ImGui::SameLine(0, 4 * ui.scale);
      ImGui::TextUnformatted(e.label.c_str());
      ImGui::TableSetColumnIndex(2);
      if (!e.value.empty()) ImGui::TextUnformatted(e.value.c_str());
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace

void draw_side_panel(AppState& state, UiResources& ui) {
  draw_legend(state, ui);
  ImGui::Separator();
  draw_entity_list(state, ui);
}

}  // namespace glosa::app
