// The label set editor: add, rename, recolour, describe, reorder and remove labels (the
// digits 1–9 follow the order), and save or load the set as its own small file so a team
// shares one scheme. Every change is an undoable step of the open document. Layer: app.
#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "app/editing.h"
#include "app/ui.h"

namespace glosa::app {

namespace {

std::string hex_color(const float c[3]) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(std::lround(c[0] * 255)),
                static_cast<int>(std::lround(c[1] * 255)), static_cast<int>(std::lround(c[2] * 255)));
  return buf;
}

void parse_color(const std::string& hex, float out[3]) {
  unsigned r = 0xbb, g = 0xbb, b = 0xbb;
  if (hex.size() == 7) std::sscanf(hex.c_str(), "#%02x%02x%02x", &r, &g, &b);
  out[0] = r / 255.0f;
  out[1] = g / 255.0f;
  out[2] = b / 255.0f;
}

// Colours offered to a new label, in turn.
const char* const kNewColors[] = {"#e76f51", "#2a9d8f", "#e9c46a", "#9b5de5", "#f15bb5", "#00bbf9", "#00f5d4", "#8d99ae"};

}  // namespace

void draw_labels_editor(AppState& state, UiResources& ui) {
  if (ui.show_labels_editor && !ImGui::IsPopupOpen("Labels##editor")) ImGui::OpenPopup("Labels##editor");
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Labels##editor", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (!has_document(state)) {
    ui.show_labels_editor = false;
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const Document& doc = state.doc();
  const DocumentIndex& index = document_index(state);
  const size_t n = doc.labels.size();
  // Edit buffers follow the document unless it is being edited here.
  if (ui.label_edit_revision != state.doc_revision || ui.label_names.size() != n) {
    ui.label_edit_revision = state.doc_revision;
    ui.label_names.clear();
    ui.label_descriptions.clear();
    for (const LabelInfo& l : doc.labels) {
      ui.label_names.push_back(l.name);
      ui.label_descriptions.push_back(l.description);
    }
  }
  ImGui::TextDisabled("The digits 1\xE2\x80\x93" "9 give a selected entity the label in that row.");
  if (ImGui::BeginTable("labels##editor", 6, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
    for (size_t i = 0; i < n; ++i) {
      const LabelInfo l = doc.labels[i];  // a copy: an edit changes the list
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::AlignTextToFramePadding();
      if (i < 9) ImGui::Text("%zu", i + 1);
      ImGui::TableSetColumnIndex(1);
      float color[3];
      parse_color(l.color, color);
      if (ImGui::ColorEdit3("##color", color, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel)) {
        ui.label_color_edit = hex_color(color);
      }
      if (ImGui::IsItemDeactivatedAfterEdit() && !ui.label_color_edit.empty()) {
        set_label_color(state, l.name, ui.label_color_edit);
        ui.label_color_edit.clear();
      }
      ImGui::TableSetColumnIndex(2);
      char name[32];
      std::snprintf(name, sizeof name, "%s", ui.label_names[i].c_str());
      ImGui::SetNextItemWidth(110 * ui.scale);
      if (ImGui::InputText("##name", name, sizeof name, ImGuiInputTextFlags_CharsNoBlank)) ui.label_names[i] = name;
      record_item_rect(ui, "label-name:" + l.name);
      record_item_rect(ui, "field:label-name:" + l.name);
      if (ImGui::IsItemDeactivatedAfterEdit() && ui.label_names[i] != l.name && !rename_label(state, l.name, ui.label_names[i])) {
        ui.label_names[i] = l.name;
      }
      ImGui::TableSetColumnIndex(3);
      char description[200];
      std::snprintf(description, sizeof description, "%s", ui.label_descriptions[i].c_str());
      ImGui::SetNextItemWidth(260 * ui.scale);
      if (ImGui::InputTextWithHint("##description", "what it marks", description, sizeof description)) {
        ui.label_descriptions[i] = description;
      }
      record_item_rect(ui, "field:label-description:" + l.name);
      if (ImGui::IsItemDeactivatedAfterEdit()) set_label_description(state, l.name, ui.label_descriptions[i]);
      ImGui::TableSetColumnIndex(4);
      const size_t used = i < index.label_counts.size() ? index.label_counts[i] : 0;
      ImGui::AlignTextToFramePadding();
      ImGui::TextDisabled("%zu", used);
      ImGui::TableSetColumnIndex(5);
      if (i == 0) ImGui::BeginDisabled();
      if (ImGui::ArrowButton("##up", ImGuiDir_Up)) move_label(state, l.name, -1);
      if (i == 0) ImGui::EndDisabled();
      ImGui::SameLine();
      if (i + 1 == n) ImGui::BeginDisabled();
      if (ImGui::ArrowButton("##down", ImGuiDir_Down)) move_label(state, l.name, +1);
      if (i + 1 == n) ImGui::EndDisabled();
      ImGui::SameLine();
      if (ImGui::SmallButton("Remove")) remove_label(state, l.name);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Only a label no entity uses can be removed");
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::Separator();
  char name[32];
  std::snprintf(name, sizeof name, "%s", ui.new_label_name.c_str());
  ImGui::SetNextItemWidth(140 * ui.scale);
  if (ImGui::InputTextWithHint("##new_label", "NEW_LABEL", name, sizeof name, ImGuiInputTextFlags_CharsNoBlank)) {
    ui.new_label_name = name;
  }
  record_item_rect(ui, "new-label-name");
  record_item_rect(ui, "field:new-label-name");
  ImGui::SameLine();
  if (ImGui::Button("Add label##editor") && !ui.new_label_name.empty()) {
    const LabelInfo added{ui.new_label_name, kNewColors[n % 8], "", ""};
    if (add_label(state, added)) ui.new_label_name.clear();
  }
  record_item_rect(ui, "add-label");
  ImGui::Separator();
  if (ImGui::Button("Save the label set\xE2\x80\xA6##editor") && state.services.save_file) {
    state.services.save_file("labels.glosa-labels.json", label_set_json(state));
    set_message(state, MessageKind::Info, "Downloaded labels.glosa-labels.json: open it in another document to use the same labels");
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A small file with these labels, their colours and order, to share with a team");
  ImGui::SameLine();
  if (ImGui::Button("Load a label set\xE2\x80\xA6##editor") && state.services.open_file_dialog) state.services.open_file_dialog();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open a .glosa-labels.json file: its labels, colours and order replace these");
  ImGui::SameLine();
  if (ImGui::Button("Close (Esc)##editor") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    ui.show_labels_editor = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace glosa::app
