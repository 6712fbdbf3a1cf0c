// Frame layout, fonts and theme. Layer: app.
#include <imgui.h>

#include <cstdio>
#include <fstream>

#include "app/ui.h"

namespace glosa::app {

namespace {

// Glyph ranges: Basic Latin + Latin-1, Latin Extended-A/B (Polish), Cyrillic (+ supplement),
// General Punctuation („ ” – … ‘ ’), currency symbols, arrows/math bits used by the UI,
// and U+FFFD for repaired text.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, 0x0100, 0x024F, 0x0400, 0x052F, 0x2000, 0x206F,
    0x20A0, 0x20CF, 0x2190, 0x21FF, 0x2200, 0x22FF, 0x25A0, 0x25FF, 0xFFFD, 0xFFFD, 0};

bool readable(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return f.good();
}

}  // namespace

bool font_has_glyph(char32_t c) {
  for (size_t i = 0; kGlyphRanges[i] != 0; i += 2) {
    if (c >= kGlyphRanges[i] && c <= kGlyphRanges[i + 1]) return true;
  }
  return c == '\n' || c == '\t';
}

bool setup_fonts(UiResources& ui, const std::string& regular_ttf, const std::string& bold_ttf,
                 float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ui.scale = scale;
  if (!readable(regular_ttf) || !readable(bold_ttf)) {
    ImFontConfig cfg;
    cfg.SizePixels = 13.0f * scale;
    ui.ui_font = ui.text_font = ui.tag_font = ui.title_font = io.Fonts->AddFontDefault(&cfg);
    return false;
  }
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  ui.ui_font = io.Fonts->AddFontFromFileTTF(regular_ttf.c_str(), 15.0f * scale, &cfg, kGlyphRanges);
  ui.text_font = io.Fonts->AddFontFromFileTTF(regular_ttf.c_str(), 17.0f * scale, &cfg, kGlyphRanges);
  ui.tag_font = io.Fonts->AddFontFromFileTTF(bold_ttf.c_str(), 10.5f * scale, &cfg, kGlyphRanges);
  ui.title_font = io.Fonts->AddFontFromFileTTF(bold_ttf.c_str(), 21.0f * scale, &cfg, kGlyphRanges);
  io.FontDefault = ui.ui_font;
  ui.layout = DocumentLayout();  // text metrics changed: lay out again
  return ui.ui_font && ui.text_font && ui.tag_font && ui.title_font;
}

void apply_theme(float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0;
  style.FrameRounding = 4;
  style.GrabRounding = 4;
  style.ChildRounding = 4;
  style.PopupRounding = 4;
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 6);
  style.WindowPadding = ImVec2(10, 8);
  style.ScrollbarSize = 14;
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.96f, 0.96f, 0.95f, 1.0f);
  c[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
  c[ImGuiCol_Text] = ImVec4(0.12f, 0.13f, 0.15f, 1.0f);
  c[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.44f, 0.47f, 1.0f);
  c[ImGuiCol_Button] = ImVec4(0.88f, 0.89f, 0.91f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.85f, 0.93f, 1.0f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.70f, 0.78f, 0.90f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.85f, 0.89f, 0.96f, 1.0f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.80f, 0.86f, 0.96f, 1.0f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.72f, 0.80f, 0.94f, 1.0f);
  c[ImGuiCol_Border] = ImVec4(0.80f, 0.81f, 0.83f, 1.0f);
  c[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);  // menus and tooltips hide the text under them
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

uint32_t label_color(const Document& doc, const std::string& label, float alpha) {
  const int i = find_label(doc.labels, label);
  unsigned r = 0xbb, g = 0xbb, b = 0xbb;
  if (i >= 0) std::sscanf(doc.labels[i].color.c_str(), "#%02x%02x%02x", &r, &g, &b);
  return IM_COL32(r, g, b, static_cast<int>(alpha * 255.0f));
}

// The Open dialog. Browsers show a file picker only in response to a click or a plain key
// press; Ctrl+O is a reserved browser shortcut and does not count, so Ctrl+O opens this
// dialog and its button (or Enter) opens the picker.
void draw_open_dialog(AppState& state, UiResources& ui) {
  if (state.show_open_dialog && !ImGui::IsPopupOpen("Open a file##dialog")) ImGui::OpenPopup("Open a file##dialog");
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Open a file##dialog", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (!state.show_open_dialog) {  // answered from outside (the platform's Enter key handler)
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  if (state.comparison.pending) {  // Compare with… from the command palette
    ImGui::TextUnformatted("Choose the other annotator's file of this text to compare with.");
  } else {
    ImGui::TextUnformatted("Open an article (.txt) or an annotation file (.glosa.json).");
  }
  ImGui::TextDisabled("You can also drop a file anywhere on the page.");
  ImGui::Dummy(ImVec2(0, 4 * ui.scale));
  if (ImGui::Button("Choose a file\xE2\x80\xA6 (Enter)##dialog")) {
    confirm_open_dialog(state);
    ImGui::CloseCurrentPopup();
  }
  record_item_rect(ui, "open-choose");
  ImGui::SameLine();
  if (ImGui::Button("Cancel (Esc)##dialog") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    state.show_open_dialog = false;
    state.comparison.pending = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

// On a narrow screen: the side panel (entities, quotations) slides over the text from the
// right, the Documents panel from the left, each as a window over the main one.
void draw_sliding_panels(AppState& state, UiResources& ui, float top, float height) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float w = std::min(vp->Size.x * 0.9f, 380.0f * ui.scale);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoSavedSettings;
  if (ui.show_side_panel && has_document(state)) {
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - w, top));
    ImGui::SetNextWindowSize(ImVec2(w, height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, std::max(1.0f, ui.scale));
    ImGui::Begin("side##sliding", nullptr, flags);
    if (ImGui::Button("Close \xE2\x96\xB8##side")) ui.show_side_panel = false;
    record_item_rect(ui, "close-side");
    draw_side_panel(state, ui);
    ImGui::End();
    ImGui::PopStyleVar();
  }
  if (ui.show_documents) {
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, top));
    ImGui::SetNextWindowSize(ImVec2(w, height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, std::max(1.0f, ui.scale));
    ImGui::Begin("documents##sliding", nullptr, flags);
    if (ImGui::Button("\xE2\x97\x82 Close##documents")) ui.show_documents = false;
    draw_documents_panel(state, ui);
    ImGui::End();
    ImGui::PopStyleVar();
  }
}

void draw_frame(AppState& state, UiResources& ui) {
  ui.item_rects.clear();
  ui.spoken.clear();
  apply_pending_scroll(ui);
  // The Documents panel opens by itself the first time a second document arrives; not on a
  // phone, where it would slide over the article just pasted (≡ Menu → Documents opens it),
  // nor in a window too narrow for it beside the text and the side panel (its toolbar button
  // opens it).
  if (state.documents.size() > 1 && !ui.documents_shown_once) {
    if (!ui.compact && ImGui::GetMainViewport()->Size.x >= 1000.0f * ui.scale) ui.show_documents = true;
    ui.documents_shown_once = true;
  }
  // Ctrl+K: every command by name, from anywhere but a menu or a question.
  if ((ImGui::GetIO().KeyCtrl || ImGui::GetIO().KeySuper) && ImGui::IsKeyPressed('K', false) &&
      !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
    ui.show_palette = true;
  }
  handle_keyboard(state, ui);
  // Alt+PgDn / Alt+PgUp: next / previous document.
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyAlt && !io.KeyCtrl && !io.WantTextInput) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown))) select_next_document(state, +1);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp))) select_next_document(state, -1);
  }
  if (!has_document(state)) ui.panel_hovered_group = ui.panel_hovered_quote = -1;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  // Phones and narrow windows: the panels slide over the text instead of sitting beside it,
  // and the toolbar folds into a menu.
  ui.compact = vp->Size.x < 700.0f * ui.scale;
  ui.compact_toolbar = ui.compact || vp->Size.x < ui.toolbar_width * ui.scale;
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("Glosa##main", nullptr, flags);
  draw_toolbar(state, ui);
  const float status_h = ImGui::GetFrameHeightWithSpacing() +
                         (status_bar_lines(state, ui) - 1) * ImGui::GetTextLineHeightWithSpacing();
  const float avail_h = ImGui::GetContentRegionAvail().y - status_h;
  const float full_w = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  float list_w = ui.show_documents && !ui.compact ? std::min(300.0f * ui.scale, full_w * 0.3f) : 0.0f;
  float side_w = has_document(state) && !ui.compact ? std::max(260.0f * ui.scale, full_w * 0.28f) : 0.0f;
  // The text keeps at least 45 % of a narrow window (at 800 px both panels left it 230 px,
  // three or four words a line): the panels give way alike, down to a usable width.
  const float panels_w = list_w + side_w;
  const float room = full_w * 0.55f - (side_w > 0 ? spacing : 0) - (list_w > 0 ? spacing : 0);
  if (panels_w > room && panels_w > 0) {
    const float k = std::max(room, 0.0f) / panels_w;
    if (list_w > 0) list_w = std::max(list_w * k, 180.0f * ui.scale);
    if (side_w > 0) side_w = std::max(side_w * k, 220.0f * ui.scale);
  }
  const float doc_w = full_w - side_w - list_w - (side_w > 0 ? spacing : 0) - (list_w > 0 ? spacing : 0);
  const float panels_top = ImGui::GetCursorScreenPos().y;
  if (list_w > 0) {
    ImGui::BeginChild("documents##frame", ImVec2(list_w, avail_h), true);
    draw_documents_panel(state, ui);
    ImGui::EndChild();
    ImGui::SameLine();
  }
  ImGui::BeginChild("document##frame", ImVec2(doc_w, avail_h), true);
  draw_document_view(state, ui);
  ImGui::EndChild();
  if (side_w > 0) {
    ImGui::SameLine();
    ImGui::BeginChild("side##frame", ImVec2(side_w, avail_h), true);
    draw_side_panel(state, ui);
    ImGui::EndChild();
  }
  draw_status_bar(state, ui);
  if (ui.compact) draw_sliding_panels(state, ui, panels_top, avail_h);
  draw_open_dialog(state, ui);
  draw_confirmations(state, ui);
  draw_command_palette(state, ui);
  draw_menus(state, ui);
  draw_shortcuts(state, ui);
  draw_labels_editor(state, ui);
  ImGui::End();
}

}  // namespace glosa::app
