// The side panel: label legend with counts and show/hide toggles, the filter box, and two
// tabs: entities (entity_panel.cpp) and quotations (quotes_panel.cpp). Layer: app.
#include <imgui.h>

#include <algorithm>
#include <cmath>
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

// One chip per label in use: swatch, name and count; a click hides or shows the label (a
// hidden one has a hollow swatch and muted text). Chips flow into as many rows as needed, so
// the legend stays short in a narrow window.
void draw_legend(AppState& state, UiResources& ui) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("LABELS");
  ImGui::SameLine();
  if (ImGui::SmallButton("Edit\xE2\x80\xA6##labels")) ui.show_labels_editor = true;
  record_item_rect(ui, "edit-labels");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Add, rename, recolour and reorder labels; save or load a label set");
  const std::vector<size_t>& counts = document_index(state).label_counts;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize();
  const float sw = std::round(fs * 0.8f);
  const float pad = std::round(6 * ui.scale);
  const float spacing = std::round(6 * ui.scale);
  const float h = ImGui::GetFrameHeight();
  const float avail = ImGui::GetContentRegionAvail().x;
  float row_used = 0;
  int shown = 0;
  for (size_t i = 0; i < state.doc().labels.size(); ++i) {
    // The first nine show their digit (the key that gives a selected entity that label);
    // beyond them only labels in use are listed.
    if (i >= 9 && (i >= counts.size() || counts[i] == 0)) continue;
    const size_t count = i < counts.size() ? counts[i] : 0;
    const LabelInfo& l = state.doc().labels[i];
    const std::string text = (i < 9 ? std::to_string(i + 1) + " " : std::string()) + l.name + "  " + std::to_string(count);
    const float chip_w = pad + sw + pad * 0.8f + text_width(font, text) + pad;
    if (row_used > 0 && row_used + spacing + chip_w <= avail) {
      ImGui::SameLine(0, spacing);
      row_used += spacing + chip_w;
    } else {
      row_used = chip_w;
    }
    ImGui::PushID(l.name.c_str());
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool visible = !is_hidden(state, l.name);
    if (ImGui::InvisibleButton("##chip", ImVec2(chip_w, h))) state.hidden_labels[l.name] = visible;
    const bool hovered = ImGui::IsItemHovered();
    record_item_rect(ui, "label:" + l.name);
    const ImVec2 q(p.x + chip_w, p.y + h);
    const float rounding = 4 * ui.scale;
    if (hovered) dl->AddRectFilled(p, q, ImGui::GetColorU32(ImGuiCol_ButtonHovered), rounding);
    else if (visible) dl->AddRectFilled(p, q, label_color(state.doc(), l.name, 0.18f), rounding);
    dl->AddRect(p, q, visible ? label_color(state.doc(), l.name, 0.9f) : ImGui::GetColorU32(ImGuiCol_Border), rounding,
                0, std::max(1.0f, ui.scale));
    const ImVec2 a(p.x + pad, p.y + (h - sw) * 0.5f), b(a.x + sw, a.y + sw);
    if (visible) dl->AddRectFilled(a, b, label_color(state.doc(), l.name), 2 * ui.scale);
    else dl->AddRect(a, b, label_color(state.doc(), l.name), 2 * ui.scale, 0, std::max(1.0f, 1.5f * ui.scale));
    dl->AddText(font, fs, ImVec2(b.x + pad * 0.8f, p.y + (h - fs) * 0.5f),
                ImGui::GetColorU32(visible ? ImGuiCol_Text : ImGuiCol_TextDisabled), text.c_str());
    if (hovered) {
      ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
      ImGui::SetTooltip("%s: %s (%zu)\n%s%s", l.name.c_str(), display_text(l.description, 80).c_str(), count,
                        visible ? "Click to hide them in the text" : "Hidden: click to show them",
                        i < 9 ? ("\nKey " + std::to_string(i + 1) + ": give the selected entity this label").c_str() : "");
    }
    ImGui::PopID();
    ++shown;
  }
  if (shown == 0) ImGui::TextDisabled("No entities found in this text.");
}

void draw_filter(UiResources& ui) {
  ImGui::SetNextItemWidth(-1);
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s", ui.entity_filter.c_str());
  if (ImGui::InputTextWithHint("##filter_entities", "Filter names, forms, quotes\xE2\x80\xA6", buf, sizeof buf)) {
    ui.entity_filter = buf;
  }
  record_item_rect(ui, "field:filter-entities");
  if (ImGui::IsItemHovered() && !ImGui::IsItemActive()) {
    ImGui::SetTooltip("Matches names, base and surface forms, acronyms, places, labels,\n"
                      "values and the text or speaker of quotations");
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
  const int group_count = static_cast<int>(state.doc().groups.size());
  const int other_count = static_cast<int>(document_index(state).ungrouped_count);
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
  std::snprintf(label, sizeof label, "Quotes %zu###quotes##side", state.doc().quotes.size());
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
