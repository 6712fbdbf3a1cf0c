// The correction menus, drawn at the top level of the frame and driven by the mouse or the
// keyboard alike (Up/Down, Enter, a label's digit, Esc): an entity's menu (its label, accept,
// reject, its whole group, copy), the "Tag as" menu of selected words, a group row's menu,
// and a quotation's speaker menu. Layer: app.
//
// Index: KeyMenu (a keyboard-driven list) · entity menu · tag menu · group menu · speaker
// menu · open_menu / draw_menus.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

#include "app/accessibility.h"
#include "app/editing.h"
#include "app/find.h"
#include "app/review.h"
#include "app/ui.h"
#include "engine/text/unicode.h"

namespace glosa::app {

namespace {

constexpr const char* kDot = "  \xC2\xB7  ";

// --- Section: KeyMenu ---

// BeginPopup for `name`, placed where open_menu asked (below the button that opened it) on
// its first frame. The place cannot be set when the popup is opened: the first BeginPopup of
// another, closed menu clears what SetNextWindowPos set.
bool menu_popup(UiResources& ui, const char* name) {
  if (ui.menu_place_for == name && ImGui::IsPopupOpen(name)) {
    ImGui::SetNextWindowPos(ImVec2(ui.menu_place[0], ui.menu_place[1]));
    ui.menu_place_for.clear();
  }
  return ImGui::BeginPopup(name);
}

// A menu item's text as spoken: its middle dots ("PER  ·  person") as commas.
std::string spoken_words(const std::string& text) {
  std::string out = text;
  for (size_t at = out.find(kDot); at != std::string::npos; at = out.find(kDot, at + 2)) out.replace(at, std::strlen(kDot), ", ");
  return out;
}

// One frame of a menu: Up/Down move the highlighted item (wrapping), Enter or an item's
// digit chooses it, Esc closes the menu; the mouse moves the highlight where it hovers.
class KeyMenu {
 public:
  // `name` begins what a screen reader hears of it (UiResources::spoken).
  KeyMenu(UiResources& ui, bool take_digits, std::string name) : ui_(ui), name_(std::move(name)) {
    const auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true); };
    const int n = std::max(1, ui.menu_count);
    if (pressed(ImGuiKey_DownArrow)) ui.menu_cursor = (ui.menu_cursor + 1) % n;
    if (pressed(ImGuiKey_UpArrow)) ui.menu_cursor = (ui.menu_cursor + n - 1) % n;
    if (ui.menu_cursor >= n) ui.menu_cursor = n - 1;
    enter_ = pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter);
    escape_ = pressed(ImGuiKey_Escape);
    if (take_digits && !ImGui::GetIO().WantTextInput) {
      for (int d = 1; d <= 9; ++d) {
        if (ImGui::IsKeyPressed('0' + d, false)) digit_ = d;
      }
    }
  }
  // Call before EndPopup: remembers the items and their width, closes on Esc.
  void finish() {
    ui_.menu_count = count_;
    ui_.menu_width = widest_;
    if (!spoken_item_.empty()) {
      ui_.spoken = name_ + ": " + spoken_item_ + ", " + std::to_string(ui_.menu_cursor + 1) + " of " + std::to_string(count_);
    } else if (count_ == 0) {
      ui_.spoken = name_ + ": nothing to choose";
    }
    if (escape_) ImGui::CloseCurrentPopup();
  }
  bool shift_digit() const { return digit_ > 0 && ImGui::GetIO().KeyShift; }

  // An item; true when chosen (the popup then closes). `digit` 1–9 chooses it by key.
  bool item(const std::string& text, const char* key, bool checked, const std::string& rect_name, int digit = 0,
            uint32_t swatch = 0, bool enabled = true) {
    // A phone has no keys to press: its menus show no shortcuts (they took a third of a
    // 390 px screen), though a screen reader still hears them.
    const char* shortcut = ui_.compact ? nullptr : key;
    const int i = count_++;
    const bool highlighted = ui_.menu_cursor == i;
    if (highlighted) {
      spoken_item_ = spoken_words(text) + (key && *key ? std::string(", key ") + key : "") +
                     (checked ? ", checked" : "") + (enabled ? "" : ", unavailable");
    }
    ImGui::PushID(i);
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (!enabled) ImGui::BeginDisabled();
    const float shortcut_w = shortcut ? ImGui::CalcTextSize(shortcut).x + 24 * ui_.scale : 0;
    const float text_w = ImGui::CalcTextSize(text.c_str()).x + (swatch ? h : 0) + h + 16 * ui_.scale;
    // Every item as wide as the widest (known from the last frame): shortcuts line up.
    widest_ = std::max(widest_, std::max(text_w + shortcut_w, 200 * ui_.scale));
    bool clicked = ImGui::Selectable("##item", highlighted, 0, ImVec2(std::max(widest_, ui_.menu_width), 0));
    if (!enabled) ImGui::EndDisabled();
    if (!rect_name.empty()) record_item_rect(ui_, rect_name);
    if (ImGui::IsItemHovered() && ImGui::GetIO().MouseDelta.x * ImGui::GetIO().MouseDelta.x + ImGui::GetIO().MouseDelta.y * ImGui::GetIO().MouseDelta.y > 0) {
      ui_.menu_cursor = i;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float x = p.x;
    if (swatch) {
      dl->AddRectFilled(ImVec2(x, p.y + h * 0.15f), ImVec2(x + h * 0.7f, p.y + h * 0.85f), swatch, 2 * ui_.scale);
      x += h;
    }
    const ImU32 col = ImGui::GetColorU32(enabled ? ImGuiCol_Text : ImGuiCol_TextDisabled);
    dl->AddText(ImVec2(x, p.y), col, text.c_str());
    if (checked) {
      // A tick drawn with two strokes (the font has no ✓).
      const float cx = ImGui::GetItemRectMax().x - shortcut_w - h * 0.9f, cy = p.y + h * 0.55f;
      dl->AddLine(ImVec2(cx, cy), ImVec2(cx + h * 0.25f, cy + h * 0.25f), col, 1.6f * ui_.scale);
      dl->AddLine(ImVec2(cx + h * 0.25f, cy + h * 0.25f), ImVec2(cx + h * 0.7f, cy - h * 0.35f), col, 1.6f * ui_.scale);
    }
    if (shortcut) {
      const float sx = ImGui::GetItemRectMax().x - ImGui::CalcTextSize(shortcut).x;
      dl->AddText(ImVec2(sx, p.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), shortcut);
    }
    ImGui::PopID();
    if (!enabled) return false;
    const bool chosen = clicked || (enter_ && highlighted) || (digit > 0 && digit == digit_);
    if (chosen) ImGui::CloseCurrentPopup();
    return chosen;
  }

 private:
  UiResources& ui_;
  std::string name_;
  std::string spoken_item_;  // the highlighted item, as spoken
  int count_ = 0;
  float widest_ = 0;
  bool enter_ = false;
  bool escape_ = false;
  int digit_ = 0;
};

std::string label_item_text(const LabelInfo& l) {
  return l.name + (l.description.empty() ? "" : kDot + display_text(l.description, 30));
}

// The digit key of the label at place i ("1".."9"), or "" beyond the ninth.
void digit_text(int i, char* buf) {
  buf[0] = i >= 0 && i < 9 ? static_cast<char>('1' + i) : 0;
  buf[1] = 0;
}

// --- Section: the entity's menu ---

void draw_entity_menu(AppState& state, UiResources& ui) {
  if (!ImGui::BeginPopup("entity-menu")) return;
  const Document& doc = state.doc();
  const int i = ui.menu_entity;
  if (i < 0 || i >= static_cast<int>(doc.entities.size())) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const Entity e = doc.entities[static_cast<size_t>(i)];  // a copy: a correction renumbers the entities
  const int g = find_group(doc, e.group);
  size_t mentions = 0;
  if (g >= 0) {
    for (const Entity& x : doc.entities) mentions += x.group == e.group && x.status != ReviewStatus::Rejected ? 1 : 0;
  }
  // It opens on what Enter does in the text, Accept (Restore for a rejected one; an accepted
  // one on its own label, which changes nothing): it opened on the first label, and Enter,
  // pressed by habit, made a date a person.
  if (ui.menu_page == 0 && ImGui::IsWindowAppearing()) {
    const int own = find_label(doc.labels, e.label);
    ui.menu_cursor = e.status == ReviewStatus::Accepted && own >= 0 ? own : static_cast<int>(doc.labels.size());
    // (The item count is last frame's, of another menu or none, and would cut the cursor to it.)
    ui.menu_count = std::max(ui.menu_count, static_cast<int>(doc.labels.size()) + 1);
  }
  KeyMenu menu(ui, ui.menu_page == 0 || ui.menu_page == 1,
               "Menu of " + std::string(entity_text(doc, e)) + ", " + spoken_label(doc, e.label));
  char digit[8];
  ImGui::TextDisabled("\xE2\x80\x9E%s\xE2\x80\x9D%s%s", display_text(entity_text(doc, e), 60).c_str(), kDot, e.label.c_str());
  if (ui.menu_page == 1) {
    // Page: every mention of the group gets the label chosen.
    ImGui::TextDisabled("Label all %zu mentions of %s as", mentions, display_text(doc.groups[static_cast<size_t>(g)].name, 40).c_str());
    ImGui::Separator();
    for (size_t l = 0; l < doc.labels.size(); ++l) {
      digit_text(static_cast<int>(l), digit);
      if (menu.item(label_item_text(doc.labels[l]), digit, doc.labels[l].name == e.label, "menu-all-label:" + doc.labels[l].name,
                    l < 9 ? static_cast<int>(l) + 1 : 0, label_color(doc, doc.labels[l].name))) {
        relabel_group(state, g, doc.labels[l].name);
      }
    }
    menu.finish();
    ImGui::EndPopup();
    return;
  }
  if (ui.menu_page == 2) {
    // Page: merge this group into another, picked by name.
    ImGui::TextDisabled("Move %s into the group of", display_text(g >= 0 ? doc.groups[static_cast<size_t>(g)].name : "", 40).c_str());
    if (ImGui::IsWindowAppearing() || ui.menu_focus_filter) ImGui::SetKeyboardFocusHere();
    ui.menu_focus_filter = false;
    char buf[128];
    std::snprintf(buf, sizeof buf, "%s", ui.menu_filter.c_str());
    ImGui::SetNextItemWidth(280 * ui.scale);
    if (ImGui::InputTextWithHint("##merge_filter", "type a name\xE2\x80\xA6", buf, sizeof buf)) {
      ui.menu_filter = buf;
      ui.menu_cursor = 0;
    }
    record_item_rect(ui, "field:merge-filter");
    ImGui::Separator();
    const std::string key = search_fold(ui.menu_filter);
    const DocumentIndex& index = document_index(state);
    int shown = 0;
    for (int other : sort_groups_for_list(index, [&] {
           std::vector<int> all;
           for (size_t k = 0; k < doc.groups.size(); ++k) all.push_back(static_cast<int>(k));
           return all;
         }())) {
      if (other == g || index.group_mentions[static_cast<size_t>(other)].empty()) continue;
      const EntityGroup& o = doc.groups[static_cast<size_t>(other)];
      if (!key.empty() && search_fold(o.name).find(key) == std::string::npos) continue;
      if (++shown > 12) break;
      const std::string text = display_text(o.name, 40) + kDot + o.label + kDot + std::to_string(index.group_mentions[static_cast<size_t>(other)].size());
      if (menu.item(text, nullptr, false, "menu-merge:" + o.id, 0, label_color(doc, o.label))) merge_group_into(state, g, other);
    }
    if (shown == 0) ImGui::TextDisabled("No other group matches.");
    menu.finish();
    ImGui::EndPopup();
    return;
  }
  if (g >= 0) ImGui::TextDisabled("%s%s%zu mention%s", display_text(doc.groups[static_cast<size_t>(g)].name, 48).c_str(), kDot, mentions, mentions == 1 ? "" : "s");
  ImGui::Separator();
  for (size_t l = 0; l < doc.labels.size(); ++l) {
    digit_text(static_cast<int>(l), digit);
    if (menu.item(label_item_text(doc.labels[l]), digit, doc.labels[l].name == e.label, "menu-label:" + doc.labels[l].name,
                  l < 9 ? static_cast<int>(l) + 1 : 0, label_color(doc, doc.labels[l].name))) {
      if (menu.shift_digit() && g >= 0) relabel_group(state, g, doc.labels[l].name);
      else set_entity_label(state, i, doc.labels[l].name);
    }
  }
  ImGui::Separator();
  if (e.status == ReviewStatus::Rejected) {
    if (menu.item("Restore", nullptr, false, "menu-restore")) restore_entity(state, i);
  } else {
    const bool accepted = e.status == ReviewStatus::Accepted;
    if (menu.item(accepted ? "Accepted" : "Accept", "Enter", accepted, "menu-accept")) set_entity_accepted(state, i, !accepted);
    if (menu.item("Reject", "X / Del", false, "menu-remove")) reject_entity(state, i);
  }
  if (g >= 0 && e.status != ReviewStatus::Rejected) {
    ImGui::Separator();
    if (mentions > 1) {
      if (menu.item("Label all " + std::to_string(mentions) + " mentions as\xE2\x80\xA6", "Shift+1\xE2\x80\x93" "9", false, "menu-label-all")) {
        ui.menu_page = 1;  // the menu comes back on its next page
        ui.menu_cursor = 0;
        ui.request_menu = "entity-menu";
      }
      if (menu.item("Accept all " + std::to_string(mentions) + " mentions", nullptr, false, "menu-accept-all")) set_group_review(state, g, true);
      if (menu.item("Reject all " + std::to_string(mentions) + " mentions", nullptr, false, "menu-reject-all")) set_group_review(state, g, false);
      if (menu.item("Split this mention into its own group", nullptr, false, "menu-split")) split_mention(state, i);
    }
    if (menu.item("Merge into another group\xE2\x80\xA6", nullptr, false, "menu-merge")) {
      ui.menu_page = 2;
      ui.menu_cursor = 0;
      ui.menu_filter.clear();
      ui.menu_focus_filter = true;
      ui.request_menu = "entity-menu";
    }
  }
  ImGui::Separator();
  if (menu.item("Copy text", "Ctrl+C", false, "menu-copy-text") && state.services.copy_text) {
    state.services.copy_text(std::string(entity_text(doc, e)));
    set_message(state, MessageKind::Info, "Copied \xE2\x80\x9E" + display_text(entity_text(doc, e), 60) + "\xE2\x80\x9D");
  }
  const std::string& value = !e.resolved.empty() ? e.resolved : (!e.value.empty() ? e.value : e.lemma);
  if (!value.empty() && menu.item("Copy value  " + display_text(value, 40), nullptr, false, "menu-copy-value") &&
      state.services.copy_text) {
    state.services.copy_text(value);
    set_message(state, MessageKind::Info, "Copied " + display_text(value, 60));
  }
  menu.finish();
  ImGui::EndPopup();
}

// --- Section: the "Tag as" menu ---

void draw_tag_menu(AppState& state, UiResources& ui) {
  if (!ImGui::BeginPopup("tag-menu")) return;
  const Document& doc = state.doc();
  size_t b = ui.tag_begin, e = ui.tag_end;
  trim_span(doc.text, &b, &e);
  KeyMenu menu(ui, true, "Tag the selected words as");
  // Words over a line break (a passage selected to copy) are no name: they can be copied only.
  const std::string_view words = std::string_view(doc.text).substr(b, e - b);
  const bool one_line = words.find('\n') == std::string_view::npos;
  ImGui::TextDisabled(one_line ? "Tag \xE2\x80\x9E%s\xE2\x80\x9D as" : "\xE2\x80\x9E%s\xE2\x80\x9D runs over lines: copy it (a name is tagged within a line)",
                      display_text(words, 60).c_str());
  ImGui::Separator();
  char digit[8];
  for (size_t l = 0; l < doc.labels.size(); ++l) {
    digit_text(static_cast<int>(l), digit);
    if (menu.item(label_item_text(doc.labels[l]), digit, false, "tag-label:" + doc.labels[l].name, l < 9 ? static_cast<int>(l) + 1 : 0,
                  label_color(doc, doc.labels[l].name), one_line)) {
      add_entity(state, ui.tag_begin, ui.tag_end, doc.labels[l].name);
    }
  }
  ImGui::Separator();
  if (menu.item("Copy text", "Ctrl+C", false, "tag-copy") && state.services.copy_text) {
    state.services.copy_text(std::string(words));
    set_message(state, MessageKind::Info, "Copied the selected text");
  }
  menu.finish();
  ImGui::EndPopup();
}

// --- Section: the find bar's "Tag all as" menu ---

void draw_find_tag_menu(AppState& state, UiResources& ui) {
  if (!menu_popup(ui, "findtag-menu")) return;
  const Document& doc = state.doc();
  KeyMenu menu(ui, true, "Tag all matches as");
  ImGui::TextDisabled("Tag all %zu matches of \xE2\x80\x9E%s\xE2\x80\x9D as", state.find.matches.size(),
                      display_text(state.find.query, 40).c_str());
  ImGui::Separator();
  char digit[8];
  for (size_t l = 0; l < doc.labels.size(); ++l) {
    digit_text(static_cast<int>(l), digit);
    if (menu.item(label_item_text(doc.labels[l]), digit, false, "findtag-label:" + doc.labels[l].name,
                  l < 9 ? static_cast<int>(l) + 1 : 0, label_color(doc, doc.labels[l].name))) {
      tag_all_matches(state, doc.labels[l].name);
    }
  }
  menu.finish();
  ImGui::EndPopup();
}

// --- Section: the find bar's "Other documents" list ---

void draw_find_documents_menu(AppState& state, UiResources& ui) {
  if (!menu_popup(ui, "find-documents")) return;
  const std::vector<CollectionMatch> others = find_in_other_documents(state);  // a copy: choosing one changes it
  KeyMenu menu(ui, true, "Other documents with these words");
  const std::string query = display_text(state.find.query, 40);
  if (others.empty()) {
    ImGui::TextDisabled("No other document holds \xE2\x80\x9E%s\xE2\x80\x9D", query.c_str());
  } else {
    size_t total = 0;
    for (const CollectionMatch& m : others) total += m.matches;
    ImGui::TextDisabled("\xE2\x80\x9E%s\xE2\x80\x9D in %s (%s)", query.c_str(),
                        count_of(others.size(), "other document", "other documents").c_str(),
                        count_of(total, "match", "matches").c_str());
    record_item_rect(ui, "find-documents-header");
    ImGui::Separator();
  }
  char digit[8];
  for (size_t k = 0; k < others.size(); ++k) {
    const CollectionMatch& m = others[k];
    if (m.document < 0 || m.document >= static_cast<int>(state.documents.size())) continue;
    const DocumentSession& s = *state.documents[static_cast<size_t>(m.document)];
    digit_text(static_cast<int>(k), digit);
    // The title cut to the screen (a phone's is narrower than a 60-character title), the
    // count always whole.
    const std::string count = "  \xE2\x80\x94  " + count_of(m.matches, "match", "matches");
    const float room = ImGui::GetMainViewport()->Size.x - 4 * ImGui::GetStyle().WindowPadding.x -
                       ImGui::CalcTextSize(count.c_str()).x - ImGui::CalcTextSize("9").x - 3 * ImGui::GetTextLineHeight() -
                       40 * ui.scale;
    const std::string text = fit_text(ImGui::GetFont(), ImGui::GetFontSize(), room, display_text(document_title(s.doc), 60)) + count;
    if (menu.item(text, digit, false, "find-document:" + s.id, k < 9 ? static_cast<int>(k) + 1 : 0)) {
      open_document_at_match(state, m.document);
      set_message(state, MessageKind::Info,
                  "\xE2\x80\x9E" + state.find.query + "\xE2\x80\x9D: " + std::to_string(state.find.matches.size()) +
                      " in " + document_title(state.doc()) + " (Enter: the next)");
    }
  }
  menu.finish();
  ImGui::EndPopup();
}

// --- Section: a group row's menu ---

void draw_group_menu(AppState& state, UiResources& ui) {
  if (!ImGui::BeginPopup("group-menu")) return;
  const Document& doc = state.doc();
  const int g = ui.menu_group;
  if (g < 0 || g >= static_cast<int>(doc.groups.size())) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const EntityGroup group = doc.groups[static_cast<size_t>(g)];
  const size_t mentions = document_index(state).group_mentions[static_cast<size_t>(g)].size();
  KeyMenu menu(ui, true, "Menu of " + group.name + ", " + spoken_label(doc, group.label) + ", " +
                             count_of(mentions, "mention", "mentions"));
  ImGui::TextDisabled("%s%s%s%s%zu mention%s", display_text(group.name, 48).c_str(), kDot, group.label.c_str(), kDot, mentions,
                      mentions == 1 ? "" : "s");
  ImGui::Separator();
  char digit[8];
  for (size_t l = 0; l < doc.labels.size(); ++l) {
    digit_text(static_cast<int>(l), digit);
    if (menu.item("All as " + label_item_text(doc.labels[l]), digit, doc.labels[l].name == group.label,
                  "group-menu-label:" + doc.labels[l].name, l < 9 ? static_cast<int>(l) + 1 : 0, label_color(doc, doc.labels[l].name))) {
      relabel_group(state, g, doc.labels[l].name);
    }
  }
  ImGui::Separator();
  if (menu.item("Accept all mentions", nullptr, false, "group-menu-accept")) set_group_review(state, g, true);
  if (menu.item("Reject all mentions", nullptr, false, "group-menu-reject")) set_group_review(state, g, false);
  const DocumentIndex& index = document_index(state);
  if (!index.group_mentions[static_cast<size_t>(g)].empty() &&
      menu.item("Merge into another group\xE2\x80\xA6", nullptr, false, "group-menu-merge")) {
    // The entity menu's merge page does the picking, for the group's first mention.
    ui.menu_entity = index.group_mentions[static_cast<size_t>(g)].front();
    ui.menu_page = 2;
    ui.menu_cursor = 0;
    ui.menu_filter.clear();
    ui.menu_focus_filter = true;
    ui.request_menu = "entity-menu";
  }
  menu.finish();
  ImGui::EndPopup();
}

// --- Section: a quotation's speaker menu ---

void draw_speaker_menu(AppState& state, UiResources& ui) {
  if (!ImGui::BeginPopup("speaker-menu")) return;
  const Document& doc = state.doc();
  const int q = ui.menu_quote;
  if (q < 0 || q >= static_cast<int>(doc.quotes.size())) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const DocumentIndex& index = document_index(state);
  KeyMenu menu(ui, false, "Who said it");
  const Quotation& quote = doc.quotes[static_cast<size_t>(q)];
  ImGui::TextDisabled("Who said \xE2\x80\x9E%s\xE2\x80\x9D?",
                      display_text(quote_snippet(std::string_view(doc.text).substr(quote.begin_byte, quote.end_byte - quote.begin_byte), 50), 60).c_str());
  if (ImGui::IsWindowAppearing() || ui.menu_focus_filter) ImGui::SetKeyboardFocusHere();
  ui.menu_focus_filter = false;
  char buf[128];
  std::snprintf(buf, sizeof buf, "%s", ui.menu_filter.c_str());
  ImGui::SetNextItemWidth(300 * ui.scale);
  if (ImGui::InputTextWithHint("##speaker_filter", "type a name\xE2\x80\xA6", buf, sizeof buf)) {
    ui.menu_filter = buf;
    ui.menu_cursor = 0;
  }
  record_item_rect(ui, "field:speaker-filter");
  ImGui::Separator();
  const std::string key = search_fold(ui.menu_filter);
  const int current = index.quote_speaker[static_cast<size_t>(q)];
  int shown = 0;
  std::vector<int> all;
  for (size_t g = 0; g < doc.groups.size(); ++g) all.push_back(static_cast<int>(g));
  for (int g : sort_groups_for_list(index, std::move(all))) {
    const EntityGroup& group = doc.groups[static_cast<size_t>(g)];
    if ((group.label != "PER" && group.label != "ORG") || index.group_mentions[static_cast<size_t>(g)].empty()) continue;
    if (!key.empty() && search_fold(group.name).find(key) == std::string::npos) continue;
    if (++shown > 12) break;
    if (menu.item(display_text(group.name, 40) + kDot + group.label, nullptr, g == current, "speaker:" + group.id, 0,
                  label_color(doc, group.label))) {
      set_quote_speaker(state, q, g);
    }
  }
  if (shown == 0) ImGui::TextDisabled("No person or organisation matches.");
  ImGui::Separator();
  const bool none = quote.attribution == "person" && quote.speaker.empty();
  if (menu.item("No speaker (nobody is named)", nullptr, none, "speaker:none")) set_quote_speaker(state, q, -1);
  menu.finish();
  ImGui::EndPopup();
}

}  // namespace

void open_menu(UiResources& ui, const std::string& popup, bool at_selection, const std::string& button) {
  ui.request_menu = popup;
  ui.menu_at_selection = at_selection;
  ui.menu_button = button;
  ui.menu_cursor = 0;
  ui.menu_page = 0;
  ui.menu_width = 0;
  ui.menu_filter.clear();
}

void draw_menus(AppState& state, UiResources& ui) {
  if (!ui.request_menu.empty()) {
    if (ui.menu_at_selection) {
      float r[4];
      if (entity_screen_rect(ui, ui.menu_entity, r)) ImGui::SetNextWindowPos(ImVec2(r[0], r[3] + 2 * ui.scale));
      ui.menu_at_selection = false;
    }
    // A find-bar button's menu opens below the whole bar, at the button: at the pointer it
    // covered the bar's other buttons.
    float b[4], bar[4];
    ui.menu_place_for.clear();
    if (!ui.menu_button.empty() && item_screen_rect(ui, ui.menu_button, b)) {
      const float top = item_screen_rect(ui, "find-bar", bar) ? std::max(bar[3], b[3]) : b[3];
      ui.menu_place = {b[0], top + 2 * ui.scale};
      ui.menu_place_for = ui.request_menu;  // applied by its own BeginPopup (menu_popup)
    }
    ui.menu_button.clear();
    ImGui::OpenPopup(ui.request_menu.c_str());
    ui.request_menu.clear();
  }
  draw_entity_menu(state, ui);
  draw_tag_menu(state, ui);
  draw_group_menu(state, ui);
  draw_speaker_menu(state, ui);
  draw_find_tag_menu(state, ui);
  draw_find_documents_menu(state, ui);
}

}  // namespace glosa::app
