// The toolbar: paste, open, download, undo/redo, sample, language. Layer: app.
#include <imgui.h>

#include <cstdio>

#include "app/editing.h"
#include "app/exchange.h"
#include "app/review.h"
#include "app/ui.h"

namespace glosa::app {

namespace {

const char* kLangCodes[] = {"auto", "pl", "en"};

// The language the open document was annotated in by choice ("auto": detected). Each
// document keeps its own: a choice for one never applies to the next paste.
std::string open_document_language(const AppState& state) {
  const DocumentSession* s = state.session();
  return s && (s->annotation_lang == "pl" || s->annotation_lang == "en") ? s->annotation_lang : "auto";
}
const char* kLangNames[] = {"Language: auto", "Language: Polski", "Language: English"};

}  // namespace

namespace {

// The Export menu: every format, the link, and comparing (toolbar, and the phone's menu).
// In a compact window the collection's formats are listed in the menu itself: a submenu has
// no room beside it there, so it opened over its own row and the finger's release picked its
// first item.
void export_items(AppState& state, UiResources& ui) {
  if (ImGui::MenuItem("Glosa file (.glosa.json)", "Ctrl+S")) save_document(state);
  record_item_rect(ui, "export:glosa");
  ImGui::Separator();
  for (ExchangeFormat f : kExportFormats) {
    if (ImGui::MenuItem(format_title(f))) export_as(state, f);
    record_item_rect(ui, std::string("export:") + format_name(f));
  }
  // The whole collection in one archive, in any of the formats.
  const size_t n = state.documents.size();
  const std::string every = "All " + std::to_string(n) + " documents (.zip)";
  if (n > 1 && ui.compact_toolbar) {
    ImGui::Separator();
    ImGui::TextDisabled("%s", every.c_str());
    record_item_rect(ui, "export:all");
    ImGui::Indent();
    if (ImGui::MenuItem("Glosa files (.glosa.json)##all")) export_collection_as(state, ExchangeFormat::Glosa);
    record_item_rect(ui, "export-all:glosa");
    for (ExchangeFormat f : kExportFormats) {
      if (ImGui::MenuItem((std::string(format_title(f)) + "##all").c_str())) export_collection_as(state, f);
      record_item_rect(ui, std::string("export-all:") + format_name(f));
    }
    ImGui::Unindent();
  } else if (n > 1 && ImGui::BeginMenu(every.c_str())) {
    close_popup_on_escape();
    if (ImGui::MenuItem("Glosa files (.glosa.json)")) export_collection_as(state, ExchangeFormat::Glosa);
    record_item_rect(ui, "export-all:glosa");
    for (ExchangeFormat f : kExportFormats) {
      if (ImGui::MenuItem(format_title(f))) export_collection_as(state, f);
      record_item_rect(ui, std::string("export-all:") + format_name(f));
    }
    ImGui::EndMenu();
  }
  if (n > 1 && !ui.compact_toolbar) record_item_rect(ui, "export:all");
  ImGui::Separator();
  if (ImGui::MenuItem("Copy link")) share_document(state);
  record_item_rect(ui, "export:link");
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("A link that opens this very document; the document travels inside the link\n"
                      "(after the #), so no server ever receives it");
  }
  if (ImGui::MenuItem("Compare with another annotator's file\xE2\x80\xA6")) begin_compare(state);
  record_item_rect(ui, "export:compare");
}

void draw_export_menu(AppState& state, UiResources& ui) {
  if (!ImGui::BeginPopup("export-menu")) return;
  close_popup_on_escape();
  export_items(state, ui);
  ImGui::EndPopup();
}

// Rows of a compact window's menus: a finger's height apart (a selectable's hit box takes
// half the spacing on each side), not a mouse's 21 pixels.
struct FingerRows {
  explicit FingerRows(const UiResources& ui) : on(ui.compact) {
    if (on) ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 18 * ui.scale));
  }
  ~FingerRows() {
    if (on) ImGui::PopStyleVar();
  }
  bool on;
};

// A phone or a narrow window: one menu holds what the toolbar's buttons do; the side panel's
// toggle stays outside it.
void draw_compact_toolbar(AppState& state, UiResources& ui) {
  ImGui::PushFont(ui.title_font);
  ImGui::TextUnformatted("Glosa");
  ImGui::PopFont();
  ImGui::SameLine(0, 12 * ui.scale);
  if (ImGui::Button("\xE2\x89\xA1 Menu##toolbar")) ImGui::OpenPopup("toolbar-menu");
  record_item_rect(ui, "toolbar-menu");
  const float below_menu = ImGui::GetItemRectMax().y;
  if (has_document(state) && ui.compact) {  // the panels slide over the text
    ImGui::SameLine();
    if (ImGui::Button(ui.show_side_panel ? "Entities \xE2\x96\xB8##toolbar" : "\xE2\x97\x82 Entities##toolbar")) {
      ui.show_side_panel = !ui.show_side_panel;
      if (ui.show_side_panel) ui.show_documents = false;
    }
    record_item_rect(ui, "toolbar-panel");
  }
  const FingerRows rows(ui);
  bool open_export = false;
  if (ImGui::BeginPopup("toolbar-menu")) {
    close_popup_on_escape();
    const bool doc = has_document(state);
    if (ImGui::MenuItem("Documents", nullptr, ui.show_documents)) {
      ui.show_documents = !ui.show_documents;
      if (ui.show_documents) ui.show_side_panel = false;
    }
    if (state.services.request_paste && ImGui::MenuItem("Paste article", "Ctrl+V")) state.services.request_paste();
    if (state.services.open_file_dialog && ImGui::MenuItem("Open\xE2\x80\xA6", "Ctrl+O")) state.services.open_file_dialog();
    if (ImGui::MenuItem("Download", "Ctrl+S", false, doc)) save_document(state);
    // Export opens its own menu once the tap is over (a submenu opened under the finger,
    // whose release downloaded its first item).
    if (ImGui::MenuItem("Export\xE2\x80\xA6", nullptr, false, doc)) open_export = true;
    record_item_rect(ui, "menu:export");
    if (ImGui::MenuItem("Undo", "Ctrl+Z", false, can_undo(state))) undo(state);
    if (ImGui::MenuItem("Redo", "Ctrl+Y", false, can_redo(state))) redo(state);
    if (ImGui::MenuItem("Find", "Ctrl+F", false, doc)) open_find(state);
    record_item_rect(ui, "menu:find");
    if (ImGui::MenuItem("Review", "R", state.review_mode, doc)) set_review_mode(state, !state.review_mode);
    if (!state.sample_text.empty() && ImGui::MenuItem("Sample article")) load_text(state, state.sample_text, "sample article");
    ImGui::Separator();
    for (int i = 0; i < 3; ++i) {
      if (ImGui::MenuItem(kLangNames[i], nullptr, open_document_language(state) == kLangCodes[i], doc)) {
        reannotate(state, kLangCodes[i]);
      }
    }
    ImGui::Separator();
    if (ImGui::MenuItem("All commands\xE2\x80\xA6", "Ctrl+K")) ui.show_palette = true;
    record_item_rect(ui, "menu:commands");
    if (ImGui::MenuItem("Keyboard shortcuts", "?")) ui.show_shortcuts = true;
    ImGui::EndPopup();
  }
  if (open_export) ImGui::OpenPopup("export-menu");
  // Below the toolbar at the window's right edge, not at the finger (it ran off the screen).
  ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x - 4 * ui.scale, below_menu), ImGuiCond_Always, ImVec2(1, 0));
  draw_export_menu(state, ui);
  ImGui::Separator();
}

}  // namespace

void draw_toolbar(AppState& state, UiResources& ui) {
  if (ui.compact_toolbar) {
    draw_compact_toolbar(state, ui);
    return;
  }
  ImGui::PushFont(ui.title_font);
  ImGui::TextUnformatted("Glosa");
  ImGui::PopFont();
  ImGui::SameLine(0, 18 * ui.scale);

  // The collection: the panel's toggle, and previous / next.
  const int n = static_cast<int>(state.documents.size());
  char label[64];
  std::snprintf(label, sizeof label, "Documents %d###documents_toolbar", n);
  if (ImGui::Button(label)) ui.show_documents = !ui.show_documents;
  record_item_rect(ui, "toolbar-documents");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show or hide the list of documents in this browser");
  if (n > 1) {
    ImGui::SameLine(0, 4 * ui.scale);
    if (ImGui::ArrowButton("##prev_document", ImGuiDir_Left)) select_next_document(state, -1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous document (Alt+PgUp)");
    ImGui::SameLine(0, 4 * ui.scale);
    if (ImGui::ArrowButton("##next_document", ImGuiDir_Right)) select_next_document(state, +1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next document (Alt+PgDn)");
  }
  ImGui::SameLine(0, 12 * ui.scale);

  if (!state.services.request_paste) ImGui::BeginDisabled();
  if (ImGui::Button("Paste article##toolbar")) state.services.request_paste();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Add the text on the clipboard as a new document (Ctrl+V)");
  if (!state.services.request_paste) ImGui::EndDisabled();

  ImGui::SameLine();
  if (!state.services.open_file_dialog) ImGui::BeginDisabled();
  if (ImGui::Button("Open\xE2\x80\xA6##toolbar")) state.services.open_file_dialog();
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("Open articles (.txt), annotation files (.glosa.json) or a collection (.jsonl);\n"
                      "several at once, or drop them on the page (Ctrl+O)");
  }
  if (!state.services.open_file_dialog) ImGui::EndDisabled();

  ImGui::SameLine();
  const bool can_save = has_document(state);
  if (!can_save) ImGui::BeginDisabled();
  if (ImGui::Button("Download##toolbar")) save_document(state);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("Save the annotations as %s (Ctrl+S)", display_text(document_filename(state), 80).c_str());
  }
  if (!can_save) ImGui::EndDisabled();

  ImGui::SameLine(0, 2 * ui.scale);
  if (!can_save) ImGui::BeginDisabled();
  if (ImGui::Button("Export \xE2\x96\xBE##toolbar")) ImGui::OpenPopup("export-menu");
  record_item_rect(ui, "toolbar-export");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("Other formats (brat, CoNLL, spaCy, doccano, Label Studio, W3C, CSV, a web page),\n"
                      "a link that opens this document, and comparing with another annotator");
  }
  if (!can_save) ImGui::EndDisabled();
  draw_export_menu(state, ui);

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

  ImGui::SameLine();
  if (!has_document(state)) ImGui::BeginDisabled();
  if (ImGui::Button("Find##toolbar")) open_find(state);
  record_item_rect(ui, "toolbar-find");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Find words in the text, ignoring case and accents (Ctrl+F)");
  ImGui::SameLine();
  if (ImGui::Button(state.review_mode ? "Reviewing##toolbar" : "Review##toolbar")) set_review_mode(state, !state.review_mode);
  record_item_rect(ui, "toolbar-review");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("Step through the entities not yet reviewed, the least certain first:\n"
                      "Enter accepts, X rejects, 1\xE2\x80\x93" "9 relabel (R)");
  }
  if (!has_document(state)) ImGui::EndDisabled();

  if (!state.sample_text.empty()) {
    ImGui::SameLine();
    if (ImGui::Button("Sample article##toolbar")) load_text(state, state.sample_text, "sample article");
  }

  ImGui::SameLine();
  int lang_index = 0;
  for (int i = 0; i < 3; ++i) {
    if (open_document_language(state) == kLangCodes[i]) lang_index = i;
  }
  ImGui::SetNextItemWidth(190 * ui.scale);
  if (!has_document(state)) ImGui::BeginDisabled();
  if (ImGui::Combo("##lang_toolbar", &lang_index, kLangNames, 3)) reannotate(state, kLangCodes[lang_index]);
  if (!has_document(state)) ImGui::EndDisabled();
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("Detected automatically; choose to annotate the open document again in that language\n"
                      "(what you tagged, changed or rejected is kept)");
  }
  ImGui::SameLine();
  if (ImGui::Button("?##toolbar")) ui.show_shortcuts = true;
  record_item_rect(ui, "toolbar-help");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Keyboard shortcuts (?); every command by name: Ctrl+K");
  // What the whole row needs: a window narrower than this gets the menu instead.
  const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().WindowPadding.x - ImGui::GetMainViewport()->Pos.x;
  ui.toolbar_width = right / ui.scale;
  ImGui::Separator();
}

}  // namespace glosa::app
