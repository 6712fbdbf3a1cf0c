// The entity tab of the side panel: one row per entity group (swatch, display name, acronym,
// a NORP word's place, label and mention count) that expands to its mentions, then the
// entities without a group under "Other entities". One-line rows of equal height in a
// clipped list, so thousands of entities stay cheap. Layer: app.
//
// Index: row list (build_rows) · row drawing (draw_group_row, draw_mention_row,
// draw_other_header, draw_other_row) · tooltips · draw_entity_panel.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/editing.h"
#include "app/ui.h"
#include "engine/text/unicode.h"

namespace glosa::app {

namespace {

constexpr const char* kDot = " \xC2\xB7 ";  // " · "

enum class RowKind { Group, Mention, Note, OtherHeader, Other, RejectedHeader, Rejected };

struct Row {
  RowKind kind;
  int index;  // group (Group), entity (Mention, Other), -1 otherwise
  const char* note = nullptr;
};

const char* const kNotes[] = {"No names grouped in this document.", "No names match the filter.",
                              "No mentions in the text."};

// Sizes of one row, scaled.
struct RowMetrics {
  float height, step, pad, arrow, swatch, gap;
};

RowMetrics metrics(const UiResources& ui) {
  RowMetrics m;
  m.height = std::round(ImGui::GetTextLineHeight() + 7 * ui.scale);
  m.step = m.height + std::round(1 * ui.scale);
  m.pad = std::round(4 * ui.scale);
  m.arrow = std::round(ImGui::GetFontSize());
  m.swatch = std::round(ImGui::GetFontSize() * 0.72f);
  m.gap = std::round(6 * ui.scale);
  return m;
}

// --- Section: row list ---

std::vector<Row> list_rows(AppState& state, UiResources& ui) {
  std::vector<Row> rows;
  const std::vector<int> groups = list_groups(state, ui.entity_filter);
  const DocumentIndex& index = document_index(state);
  if (state.doc().groups.empty()) {
    rows.push_back({RowKind::Note, -1, kNotes[0]});
  } else if (groups.empty()) {
    rows.push_back({RowKind::Note, -1, kNotes[1]});
  }
  for (int g : groups) {
    rows.push_back({RowKind::Group, g});
    if (!ui.expanded_groups.count(state.doc().groups[g].id)) continue;
    for (int e : index.group_mentions[g]) {
      if (is_entity_visible(state, e)) rows.push_back({RowKind::Mention, e});
    }
    if (index.group_mentions[g].empty()) rows.push_back({RowKind::Note, -1, kNotes[2]});
  }
  const std::vector<int> others = list_ungrouped_entities(state, ui.entity_filter);
  if (!others.empty()) {
    rows.push_back({RowKind::OtherHeader, static_cast<int>(others.size())});
    if (ui.other_entities_open) {
      for (int e : others) rows.push_back({RowKind::Other, e});
    }
  }
  // Rejected entities: kept in the file, not drawn in the text; a click restores one.
  const std::string f = search_fold(ui.entity_filter);
  std::vector<int> rejected;
  for (size_t e = 0; e < state.doc().entities.size(); ++e) {
    if (state.doc().entities[e].status == ReviewStatus::Rejected && entity_matches(state.doc(), static_cast<int>(e), f)) {
      rejected.push_back(static_cast<int>(e));
    }
  }
  if (!rejected.empty()) {
    rows.push_back({RowKind::RejectedHeader, static_cast<int>(rejected.size())});
    if (ui.rejected_open) {
      for (int e : rejected) rows.push_back({RowKind::Rejected, e});
    }
  }
  return rows;
}

// The rows, from the cache when nothing they depend on changed.
std::vector<Row> build_rows(AppState& state, UiResources& ui) {
  std::string key = std::to_string(state.doc_revision) + '\n' + ui.entity_filter + '\n' +
                    (ui.other_entities_open ? "o" : "c") + (ui.rejected_open ? "r" : "-");
  for (const auto& [name, hidden] : state.hidden_labels) {
    if (hidden) key += "\n-" + name;
  }
  for (const std::string& id : ui.expanded_groups) key += "\n+" + id;
  std::vector<Row> rows;
  if (key == ui.entity_rows_key) {
    rows.reserve(ui.entity_rows.size());
    for (const auto& r : ui.entity_rows) rows.push_back({static_cast<RowKind>(r[0]), r[1], r[2] >= 0 ? kNotes[r[2]] : nullptr});
    return rows;
  }
  rows = list_rows(state, ui);
  ui.entity_rows.clear();
  for (const Row& r : rows) {
    int note = -1;
    for (int n = 0; n < 3; ++n) {
      if (r.note == kNotes[n]) note = n;
    }
    ui.entity_rows.push_back({static_cast<int>(r.kind), r.index, note});
  }
  ui.entity_rows_key = std::move(key);
  return rows;
}

// --- Section: drawing helpers ---

ImU32 muted_color() { return ImGui::GetColorU32(ImGuiCol_TextDisabled); }
ImU32 text_color() { return ImGui::GetColorU32(ImGuiCol_Text); }
ImU32 link_color() { return IM_COL32(30, 80, 170, 255); }

void draw_arrow(ImDrawList* dl, float x, float y, float size, bool open, ImU32 col) {
  const float h = size * 0.30f;
  const float cx = x + size * 0.5f, cy = y + size * 0.5f;
  if (open) {
    dl->AddTriangleFilled(ImVec2(cx - h, cy - h * 0.6f), ImVec2(cx + h, cy - h * 0.6f), ImVec2(cx, cy + h * 0.8f), col);
  } else {
    dl->AddTriangleFilled(ImVec2(cx - h * 0.6f, cy - h), ImVec2(cx - h * 0.6f, cy + h), ImVec2(cx + h * 0.8f, cy), col);
  }
}

void draw_swatch(AppState& state, ImDrawList* dl, float x, float row_y, const RowMetrics& m,
                 const std::string& label, float scale) {
  const float y = row_y + (m.height - m.swatch) * 0.5f;
  dl->AddRectFilled(ImVec2(x, y), ImVec2(x + m.swatch, y + m.swatch), label_color(state.doc(), label), 2 * scale);
}

// The surface text of an entity with its base form when that differs ("Moskwie (Moskwa)")
// and its value or resolved value ("= 2022-11").
std::string entity_details(const Document& doc, const Entity& e) {
  std::string out;
  if (!e.lemma.empty() && e.lemma != entity_text(doc, e)) out += "(" + e.lemma + ")";
  const std::string& value = !e.resolved.empty() ? e.resolved : e.value;
  if (!value.empty()) {
    if (!out.empty()) out += " ";
    out += "= " + value;
  }
  return out;
}

// Text line y inside a row.
float text_y(float row_y, const RowMetrics& m) { return row_y + (m.height - ImGui::GetFontSize()) * 0.5f; }

// --- Section: tooltips ---

void group_tooltip(AppState& state, int g) {
  const DocumentIndex& index = document_index(state);
  const EntityGroup& group = state.doc().groups[g];
  const std::vector<int>& mentions = index.group_mentions[g];
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
  ImGui::TextWrapped("%s", group.name.c_str());
  const int li = find_label(state.doc().labels, group.label);
  ImGui::TextDisabled("%s%s%s", group.label.c_str(), li >= 0 ? kDot : "",
                      li >= 0 ? state.doc().labels[li].description.c_str() : "");
  if (!group.acronym.empty()) ImGui::Text("Acronym: %s", group.acronym.c_str());
  if (!group.place.empty() || index.group_link[g] >= 0) {
    const std::string place = index.group_link[g] >= 0 ? state.doc().groups[index.group_link[g]].name : group.place;
    ImGui::Text("Place: %s", place.c_str());
  }
  if (mentions.empty()) {
    ImGui::TextDisabled("No mentions in the text.");
  } else {
    // Distinct surface forms, in text order.
    std::vector<std::string> forms;
    for (int e : mentions) {
      std::string f(entity_text(state.doc(), state.doc().entities[e]));
      if (std::find(forms.begin(), forms.end(), f) == forms.end()) forms.push_back(std::move(f));
    }
    std::string list;
    for (size_t i = 0; i < forms.size() && i < 10; ++i) list += (i ? ", " : "") + forms[i];
    if (forms.size() > 10) list += ", \xE2\x80\xA6";
    ImGui::TextWrapped("%zu mention%s: %s", mentions.size(), mentions.size() == 1 ? "" : "s", list.c_str());
    ImGui::Separator();
    const bool here = state.cycle_group == group.id && state.cycle_position >= 0;
    if (here) {
      ImGui::TextDisabled("Showing mention %d of %zu. Click for the next one.", state.cycle_position + 1, mentions.size());
    } else {
      ImGui::TextDisabled("Click to show its mentions in the text one by one.");
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void entity_tooltip(const AppState& state, const Entity& e) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
  ImGui::TextWrapped("\xE2\x80\x9E%.*s\xE2\x80\x9D", static_cast<int>(e.end_byte - e.begin_byte),
                     state.doc().text.data() + e.begin_byte);
  const int li = find_label(state.doc().labels, e.label);
  ImGui::TextDisabled("%s%s%s", e.label.c_str(), li >= 0 ? kDot : "",
                      li >= 0 ? state.doc().labels[li].description.c_str() : "");
  if (!e.lemma.empty()) ImGui::Text("Base form: %s", e.lemma.c_str());
  if (!e.value.empty()) ImGui::Text("Value: %s", e.value.c_str());
  if (!e.resolved.empty()) ImGui::Text("Resolved: %s", e.resolved.c_str());
  ImGui::TextDisabled("Click to show it in the text.");
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// --- Section: rows ---

void draw_group_row(AppState& state, UiResources& ui, int g, const RowMetrics& m, float width) {
  const DocumentIndex& index = document_index(state);
  const EntityGroup& group = state.doc().groups[g];
  const std::vector<int>& mentions = index.group_mentions[g];
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const bool open = ui.expanded_groups.count(group.id) > 0;
  const bool selected = state.selected_entity >= 0 &&
                        state.selected_entity < static_cast<int>(index.entity_group.size()) &&
                        index.entity_group[state.selected_entity] == g;

  ImGui::PushID(group.id.c_str());
  const bool clicked = ImGui::Selectable("##group_row", selected, ImGuiSelectableFlags_AllowItemOverlap,
                                         ImVec2(0, m.height));
  const bool row_hovered = ImGui::IsItemHovered();
  record_item_rect(ui, "group:" + group.id);
  const ImVec2 after = ImGui::GetCursorScreenPos();

  // Layout, left to right: arrow, swatch, name, acronym, place; right-aligned label · count.
  float x = p.x + m.pad;
  const float ty = text_y(p.y, m);
  char right[64];
  if (state.cycle_group == group.id && state.cycle_position >= 0 && !mentions.empty()) {
    std::snprintf(right, sizeof right, "%s%s%d/%zu", group.label.c_str(), kDot, state.cycle_position + 1, mentions.size());
  } else {
    std::snprintf(right, sizeof right, "%s%s%zu", group.label.c_str(), kDot, mentions.size());
  }
  const float right_w = text_width(font, right);
  const float right_x = p.x + width - m.pad - right_w;
  dl->AddText(font, fs, ImVec2(right_x, ty), muted_color(), right);

  // The toggle: an arrow button over the row's left end (it takes the click, not the row).
  ImGui::SetCursorScreenPos(p);
  const bool toggled = ImGui::InvisibleButton("##toggle", ImVec2(m.pad + m.arrow, m.height));
  const bool toggle_hovered = ImGui::IsItemHovered();
  record_item_rect(ui, "group-toggle:" + group.id);
  if (toggled) {
    if (open) ui.expanded_groups.erase(group.id); else ui.expanded_groups.insert(group.id);
  }
  draw_arrow(dl, x, p.y + (m.height - m.arrow) * 0.5f, m.arrow, open,
             toggle_hovered ? text_color() : muted_color());
  x += m.arrow + m.gap * 0.5f;
  draw_swatch(state, dl, x, p.y, m, group.label, ui.scale);
  x += m.swatch + m.gap;

  const float avail = right_x - m.gap - x;
  const int link = index.group_link[g];
  const std::string place = link >= 0 ? state.doc().groups[link].name : group.place;
  const std::string place_text = place.empty() ? "" : "\xE2\x86\x92 " + place;  // "→ Rosja"
  const float acronym_w = group.acronym.empty() ? 0 : text_width(font, group.acronym) + m.gap;
  const float place_w = place_text.empty() ? 0 : text_width(font, place_text) + m.gap;
  // The name gets at least half of the room; acronym and place what is left of the rest.
  const float name_w_full = text_width(font, group.name);
  const float extras_budget = std::max(0.0f, std::min(acronym_w + place_w, avail - std::min(name_w_full, avail * 0.5f)));
  const float name_budget = avail - extras_budget;
  const ImU32 name_col = mentions.empty() ? muted_color() : text_color();
  x += draw_text_ellipsis(dl, font, fs, x, ty, name_budget, name_col, group.name);
  float extras_left = extras_budget;
  if (!group.acronym.empty() && extras_left > m.gap) {
    const float w = draw_text_ellipsis(dl, font, fs, x + m.gap, ty, std::min(acronym_w, extras_left) - m.gap,
                                       muted_color(), group.acronym);
    x += w + m.gap;
    extras_left -= w + m.gap;
  }
  bool link_hovered = false;
  if (!place_text.empty() && extras_left > m.gap) {
    const float lx = x + m.gap;
    const float w = draw_text_ellipsis(dl, font, fs, lx, ty, extras_left - m.gap,
                                       link >= 0 ? link_color() : muted_color(), place_text);
    if (link >= 0 && w > 0) {
      ImGui::SetCursorScreenPos(ImVec2(lx, p.y));
      if (ImGui::InvisibleButton("##link", ImVec2(w, m.height))) {
        show_next_mention(state, link);
        ui.scroll_list_to_group = link;
      }
      link_hovered = ImGui::IsItemHovered();
      record_item_rect(ui, "group-link:" + group.id);
      if (link_hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        dl->AddLine(ImVec2(lx, ty + fs), ImVec2(lx + w, ty + fs), link_color(), std::max(1.0f, ui.scale));
        ImGui::SetTooltip("Show %s in the text", place.c_str());
      }
    }
  }
  // A mention hovered in the text marks its group's row with a bar in the label colour.
  if (ui.hovered_entity >= 0 && ui.hovered_entity < static_cast<int>(index.entity_group.size()) &&
      index.entity_group[ui.hovered_entity] == g) {
    dl->AddRectFilled(ImVec2(p.x, p.y), ImVec2(p.x + 3 * ui.scale, p.y + m.height), label_color(state.doc(), group.label));
  }
  ImGui::SetCursorScreenPos(after);
  ImGui::PopID();

  if (clicked && !toggled && !link_hovered) show_next_mention(state, g);
  if (row_hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
    ui.menu_group = g;
    open_menu(ui, "group-menu");
  }
  if (row_hovered && !toggle_hovered && !link_hovered) {
    ui.panel_hovered_group = g;
    group_tooltip(state, g);
  } else if (toggle_hovered) {
    ImGui::SetTooltip(open ? "Hide the mentions" : "List the mentions");
  }
}

// An entity row's words in [x, right): its surface text, then its details (value, base
// form) muted; the surface keeps at least 55% of the room.
void draw_entity_words(const AppState& state, ImDrawList* dl, float x, float ty, float right,
                       const RowMetrics& m, const Entity& ent) {
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize();
  const float start = x;
  const float avail = right - x;
  const std::string details = entity_details(state.doc(), ent);
  const float surface_budget = details.empty() ? avail : std::max(avail * 0.55f, avail - text_width(font, details) - m.gap);
  x += draw_text_ellipsis(dl, font, fs, x, ty, surface_budget, text_color(), entity_text(state.doc(), ent));
  if (!details.empty()) draw_text_ellipsis(dl, font, fs, x + m.gap, ty, start + avail - x - m.gap, muted_color(), details);
}

void draw_mention_row(AppState& state, UiResources& ui, int e, const RowMetrics& m, float width) {
  const Entity& ent = state.doc().entities[e];
  const DocumentIndex& index = document_index(state);
  const int g = index.entity_group[e];
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::PushID(ent.id.c_str());
  if (ImGui::Selectable("##mention_row", state.selected_entity == e, 0, ImVec2(0, m.height))) {
    select_entity(state, e);
    if (g >= 0) {
      state.cycle_group = state.doc().groups[g].id;
      const auto& ms = index.group_mentions[g];
      state.cycle_position = static_cast<int>(std::find(ms.begin(), ms.end(), e) - ms.begin());
    }
  }
  const bool hovered = ImGui::IsItemHovered();
  record_item_rect(ui, "mention:" + ent.id);
  ImGui::PopID();
  // Indented under the group's name.
  float x = p.x + m.pad + m.arrow + m.gap * 0.5f + m.swatch + m.gap;
  const float ty = text_y(p.y, m);
  std::string right;
  if (g >= 0 && ent.label != state.doc().groups[g].label) right = ent.label;
  const float right_w = text_width(font, right);
  if (!right.empty()) dl->AddText(font, fs, ImVec2(p.x + width - m.pad - right_w, ty), muted_color(), right.c_str());
  draw_entity_words(state, dl, x, ty, p.x + width - m.pad - right_w - m.gap, m, ent);
  if (hovered) entity_tooltip(state, ent);
}

void draw_other_header(UiResources& ui, int count, const RowMetrics& m, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  if (ImGui::Selectable("##other_entities", false, 0, ImVec2(0, m.height))) {
    ui.other_entities_open = !ui.other_entities_open;
  }
  const bool hovered = ImGui::IsItemHovered();
  record_item_rect(ui, "other-entities");
  dl->AddLine(ImVec2(p.x, p.y), ImVec2(p.x + width, p.y), ImGui::GetColorU32(ImGuiCol_Border), std::max(1.0f, ui.scale));
  draw_arrow(dl, p.x + m.pad, p.y + (m.height - m.arrow) * 0.5f, m.arrow, ui.other_entities_open,
             hovered ? text_color() : muted_color());
  const float ty = text_y(p.y, m);
  char right[32];
  std::snprintf(right, sizeof right, "%d", count);
  const float right_w = text_width(font, right);
  dl->AddText(font, fs, ImVec2(p.x + width - m.pad - right_w, ty), muted_color(), right);
  const float x = p.x + m.pad + m.arrow + m.gap * 0.5f;
  draw_text_ellipsis(dl, font, fs, x, ty, p.x + width - m.pad - right_w - m.gap - x, text_color(),
                     "Other entities");
  if (hovered) {
    ImGui::SetTooltip("Dates, amounts and other entities that are not grouped as a person,\n"
                      "place or organisation. Click to %s them.", ui.other_entities_open ? "hide" : "list");
  }
}

void draw_other_row(AppState& state, UiResources& ui, int e, const RowMetrics& m, float width) {
  const Entity& ent = state.doc().entities[e];
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::PushID(ent.id.c_str());
  const bool selected = state.selected_entity == e || ui.hovered_entity == e;
  if (ImGui::Selectable("##other_row", selected, 0, ImVec2(0, m.height))) select_entity(state, e);
  const bool hovered = ImGui::IsItemHovered();
  record_item_rect(ui, "entity:" + ent.id);
  ImGui::PopID();
  const float ty = text_y(p.y, m);
  const float right_w = text_width(font, ent.label);
  dl->AddText(font, fs, ImVec2(p.x + width - m.pad - right_w, ty), muted_color(), ent.label.c_str());
  float x = p.x + m.pad + m.arrow + m.gap * 0.5f;
  draw_swatch(state, dl, x, p.y, m, ent.label, ui.scale);
  x += m.swatch + m.gap;
  draw_entity_words(state, dl, x, ty, p.x + width - m.pad - right_w - m.gap, m, ent);
  if (hovered) entity_tooltip(state, ent);
}

void draw_rejected_header(UiResources& ui, int count, const RowMetrics& m, float width) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  if (ImGui::Selectable("##rejected_entities", false, 0, ImVec2(0, m.height))) ui.rejected_open = !ui.rejected_open;
  record_item_rect(ui, "rejected-entities");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  draw_arrow(dl, p.x + m.pad, p.y + (m.height - m.arrow) * 0.5f, m.arrow, ui.rejected_open, muted_color());
  const std::string text = "Rejected  " + std::to_string(count);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + m.pad + m.arrow + m.gap, text_y(p.y, m)), muted_color(),
              text.c_str());
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("Entities you rejected: kept in the file with status \"rejected\" (training data),\n"
                      "not drawn in the text, not proposed again. Click one to restore it.");
  }
  (void)width;
}

void draw_rejected_row(AppState& state, UiResources& ui, int e, const RowMetrics& m, float width) {
  const Entity& ent = state.doc().entities[static_cast<size_t>(e)];
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::PushID(ent.id.c_str());
  const bool clicked = ImGui::Selectable("##rejected_row", false, 0, ImVec2(0, m.height));
  const bool hovered = ImGui::IsItemHovered();
  record_item_rect(ui, "rejected:" + ent.id);
  ImGui::PopID();
  const float ty = text_y(p.y, m);
  const std::string right = ent.label + "  restore";
  const float right_w = text_width(font, right);
  dl->AddText(font, fs, ImVec2(p.x + width - m.pad - right_w, ty), hovered ? link_color() : muted_color(), right.c_str());
  const float x = p.x + m.pad + m.arrow + m.gap * 0.5f + m.swatch + m.gap;
  draw_text_ellipsis(dl, font, fs, x, ty, p.x + width - m.pad - right_w - m.gap - x, muted_color(), entity_text(state.doc(), ent));
  dl->AddLine(ImVec2(x, ty + fs * 0.55f), ImVec2(x + std::min(text_width(font, entity_text(state.doc(), ent)), p.x + width - m.pad - right_w - m.gap - x), ty + fs * 0.55f),
              muted_color(), std::max(1.0f, ui.scale));
  if (hovered) ImGui::SetTooltip("Rejected: click to restore \u201E%s\u201D %s", display_text(entity_text(state.doc(), ent), 60).c_str(), ent.label.c_str());
  if (clicked) restore_entity(state, e);
}

// The row index to bring into view for a selection made elsewhere (the text, a link).
int row_of(const std::vector<Row>& rows, RowKind kind, int index) {
  for (size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].kind == kind && rows[r].index == index) return static_cast<int>(r);
  }
  return -1;
}

}  // namespace

void draw_entity_panel(AppState& state, UiResources& ui) {
  const std::vector<Row> rows = build_rows(state, ui);
  const DocumentIndex& index = document_index(state);
  if (!ImGui::BeginChild("entity_rows##side", ImVec2(0, 0), false)) {
    ImGui::EndChild();
    return;
  }
  const RowMetrics m = metrics(ui);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, m.step - m.height));

  // Bring a row into view: a group whose link was followed, or the row of an entity selected
  // in the text (its group, else its own row among the other entities).
  int target = -1;
  if (ui.scroll_list_to_group >= 0) {
    target = row_of(rows, RowKind::Group, ui.scroll_list_to_group);
    ui.scroll_list_to_group = -1;
  } else if (state.selected_entity != ui.list_seen_selection) {
    ui.list_seen_selection = state.selected_entity;
    const int e = state.selected_entity;
    if (e >= 0 && e < static_cast<int>(index.entity_group.size())) {
      const int g = index.entity_group[e];
      target = g >= 0 ? row_of(rows, RowKind::Group, g) : row_of(rows, RowKind::Other, e);
    }
  }
  if (target >= 0) {
    const float top = target * m.step;
    const float view = ImGui::GetWindowHeight();
    if (top < ImGui::GetScrollY() || top + m.step > ImGui::GetScrollY() + view) {
      ImGui::SetScrollY(std::max(0.0f, top - view * 0.3f));
    }
  }

  const float width = ImGui::GetContentRegionAvail().x;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()), m.step);
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const Row& row = rows[r];
      switch (row.kind) {
        case RowKind::Group: draw_group_row(state, ui, row.index, m, width); break;
        case RowKind::Mention: draw_mention_row(state, ui, row.index, m, width); break;
        case RowKind::OtherHeader: draw_other_header(ui, row.index, m, width); break;
        case RowKind::Other: draw_other_row(state, ui, row.index, m, width); break;
        case RowKind::RejectedHeader: draw_rejected_header(ui, row.index, m, width); break;
        case RowKind::Rejected: draw_rejected_row(state, ui, row.index, m, width); break;
        case RowKind::Note: {
          const ImVec2 p = ImGui::GetCursorScreenPos();
          ImGui::Dummy(ImVec2(width, m.height));
          draw_text_ellipsis(ImGui::GetWindowDrawList(), ImGui::GetFont(), ImGui::GetFontSize(),
                             p.x + m.pad + m.arrow + m.gap * 0.5f, text_y(p.y, m),
                             width - 2 * m.pad - m.arrow, muted_color(), row.note);
          break;
        }
      }
    }
  }
  ImGui::PopStyleVar();
  ImGui::EndChild();
}

}  // namespace glosa::app
