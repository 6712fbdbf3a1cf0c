// The side panel: label legend with counts and show/hide toggles, the filter box, and two
// tabs: entities (entity_panel.cpp) and quotations (quotes_panel.cpp). Layer: app.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "app/ui.h"

namespace glosa::app {

namespace {

bool is_hidden(const AppState& state, const std::string& label) {
  auto it = state.hidden_labels.find(label);
  return it != state.hidden_labels.end() && it->second;
}

// One checkbox, swatch, name and count per label in use; as many columns as fit, so the
// legend stays short in a narrow window.
void draw_legend(AppState& state, UiResources& ui) {
  ImGui::TextDisabled("LABELS");
  std::vector<size_t> counts(state.doc.labels.size(), 0);
  for (const Entity& e : state.doc.entities) {
    const int i = find_label(state.doc.labels, e.label);
    if (i >= 0) ++counts[i];
  }
  std::vector<size_t> used;
  for (size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] > 0) used.push_back(i);
  }
  if (used.empty()) {
    ImGui::TextDisabled("No entities found in this text.");
    return;
  }
  const float sw = ImGui::GetFontSize();
  const float cell_w = ImGui::GetFrameHeight() + sw + ImGui::CalcTextSize("QUANTITY  999").x +
                       3 * ImGui::GetStyle().ItemSpacing.x;
  const int columns = std::max(1, std::min(3, static_cast<int>(ImGui::GetContentRegionAvail().x / cell_w)));
  if (!ImGui::BeginTable("legend##side", columns, ImGuiTableFlags_SizingStretchSame)) return;
  for (size_t i : used) {
    const LabelInfo& l = state.doc.labels[i];
    ImGui::TableNextColumn();
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
  }
  ImGui::EndTable();
}

void draw_filter(UiResources& ui) {
  ImGui::SetNextItemWidth(-1);
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s", ui.entity_filter.c_str());
  if (ImGui::InputTextWithHint("##filter_entities", "Filter: name, base form, label, value, quote", buf, sizeof buf)) {
    ui.entity_filter = buf;
  }
}

}  // namespace

void draw_side_panel(AppState& state, UiResources& ui) {
  if (ui.panel_revision != state.doc_revision) {
    // Another document (or an edit): row state keyed by ids of the old one goes.
    ui.panel_revision = state.doc_revision;
    ui.expanded_groups.clear();
    ui.scroll_list_to_group = ui.scroll_list_to_quote = -1;
  }
  // Rows hovered in this frame's tabs are read by the next frame's document view.
  ui.panel_hovered_group = -1;
  ui.panel_hovered_quote = -1;
  draw_legend(state, ui);
  ImGui::Separator();
  draw_filter(ui);
  if (!ImGui::BeginTabBar("lists##side")) return;
  const int group_count = static_cast<int>(state.doc.groups.size());
  const int other_count = static_cast<int>(std::count(document_index(state).entity_group.begin(),
                                                      document_index(state).entity_group.end(), -1));
  char label[64];
  std::snprintf(label, sizeof label, "Entities %d###entities##side", group_count + other_count);
  ImGuiTabItemFlags flags = ui.request_tab == "entities" ? ImGuiTabItemFlags_SetSelected : 0;
  if (ImGui::BeginTabItem(label, nullptr, flags)) {
    record_item_rect(ui, "tab:entities");
    ui.active_tab = "entities";
    draw_entity_panel(state, ui);
    ImGui::EndTabItem();
  } else {
    record_item_rect(ui, "tab:entities");
  }
  std::snprintf(label, sizeof label, "Quotes %zu###quotes##side", state.doc.quotes.size());
  flags = ui.request_tab == "quotes" ? ImGuiTabItemFlags_SetSelected : 0;
  if (ImGui::BeginTabItem(label, nullptr, flags)) {
    record_item_rect(ui, "tab:quotes");
    ui.active_tab = "quotes";
    draw_quotes_panel(state, ui);
    ImGui::EndTabItem();
  } else {
    record_item_rect(ui, "tab:quotes");
  }
  ui.request_tab.clear();
  ImGui::EndTabBar();
}

}  // namespace glosa::app
