// The comparison bar above the text (Export ▸ Compare with…): the agreement in one line,
// the disagreement shown (ours against theirs), stepping, taking either version, the
// per-label table on demand, closing. Layer: app.
#include <imgui.h>

#include <cstdio>
#include <string>

#include "app/exchange.h"
#include "app/ui.h"

namespace glosa::app {

namespace {

// "„Northwind” ORG" for the entities of one side of a disagreement, "nothing" for none.
std::string side_text(const Document& doc, const std::vector<size_t>& indices, bool skip_rejected) {
  std::vector<const Entity*> standing;
  for (const Entity& e : doc.entities) {
    if (!skip_rejected || e.status != ReviewStatus::Rejected) standing.push_back(&e);
  }
  std::string out;
  for (size_t i : indices) {
    if (i >= standing.size()) continue;
    const Entity& e = *standing[i];
    out += (out.empty() ? "" : ", ") + std::string("\xE2\x80\x9E") + display_text(entity_text(doc, e), 40) + "\xE2\x80\x9D " + e.label;
  }
  return out.empty() ? "nothing" : out;
}

}  // namespace

void draw_compare_bar(AppState& state, UiResources& ui) {
  Comparison& c = state.comparison;
  if (!c.active) return;
  if (!state.session() || state.session()->id != c.document_id) {
    end_compare(state);  // another document is open now
    return;
  }
  if (state.session()->revision != c.revision) {
    refresh_comparison(state);  // an edit or an undo since
    if (!c.active) return;
  }
  const Agreement& a = c.agreement;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.95f, 0.93f, 1.0f, 1));
  ImGui::BeginChild("compare##bar", ImVec2(0, 2 * ImGui::GetFrameHeightWithSpacing() + 12 * ui.scale), true,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  char line[256];
  std::snprintf(line, sizeof line, "Compared with %s:  F1 %.3f  \xC2\xB7  kappa %.3f  \xC2\xB7  %zu match%s, %zu label, %zu boundary, "
                "%zu only here, %zu only there", display_text(c.other_name, 40).c_str(), a.f1, a.kappa, a.matches,
                a.matches == 1 ? "" : "es", a.label_diff, a.boundary_diff, a.only_a, a.only_b);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(line);
  record_item_rect(ui, "compare-summary");
  ImGui::SameLine();
  if (ImGui::SmallButton("Per label\xE2\x80\xA6##compare")) ImGui::OpenPopup("per-label##compare");
  ImGui::SameLine();
  if (ImGui::SmallButton("Close##compare")) {
    end_compare(state);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return;
  }
  if (ImGui::BeginPopup("per-label##compare")) {
    close_popup_on_escape();
    if (ImGui::BeginTable("labels##compare", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
      ImGui::TableSetupColumn("label");
      ImGui::TableSetupColumn("here");
      ImGui::TableSetupColumn("there");
      ImGui::TableSetupColumn("same");
      ImGui::TableSetupColumn("F1");
      ImGui::TableHeadersRow();
      for (const LabelAgreement& l : a.per_label) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(l.label.c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::Text("%zu", l.a);
        ImGui::TableSetColumnIndex(2);
        ImGui::Text("%zu", l.b);
        ImGui::TableSetColumnIndex(3);
        ImGui::Text("%zu", l.matches);
        ImGui::TableSetColumnIndex(4);
        ImGui::Text("%.3f", l.f1);
      }
      ImGui::EndTable();
    }
    ImGui::EndPopup();
  }
  const int n = static_cast<int>(a.disagreements.size());
  if (n == 0 || c.current < 0) {
    ImGui::TextDisabled("No disagreement: both files say the same.");
  } else {
    const Disagreement& d = a.disagreements[static_cast<size_t>(c.current)];
    if (ImGui::ArrowButton("##compare_prev", ImGuiDir_Left)) compare_step(state, -1);
    record_item_rect(ui, "compare-prev");
    ImGui::SameLine();
    std::snprintf(line, sizeof line, "%d of %d", c.current + 1, n);
    ImGui::TextUnformatted(line);
    record_item_rect(ui, "compare-position");
    ImGui::SameLine();
    if (ImGui::ArrowButton("##compare_next", ImGuiDir_Right)) compare_step(state, +1);
    record_item_rect(ui, "compare-next");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("N: next disagreement, Shift+N: previous");
    ImGui::SameLine();
    const std::string ours = side_text(state.doc(), d.a, true);
    const std::string theirs = side_text(c.other, d.b, true);
    ImGui::TextDisabled("%s:", disagreement_kind_name(d.kind));
    ImGui::SameLine();
    ImGui::Text("here %s  \xE2\x80\x94  there %s", ours.c_str(), theirs.c_str());
    ImGui::SameLine();
    if (ImGui::Button("Take theirs (T)##compare")) take_version(state, true);
    record_item_rect(ui, "compare-theirs");
    ImGui::SameLine();
    if (ImGui::Button("Keep ours (K)##compare")) take_version(state, false);
    record_item_rect(ui, "compare-ours");
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace glosa::app
