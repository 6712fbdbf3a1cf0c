// The Documents panel: the collection, one two-line row per document (status mark, title;
// language, entities, reviewed), the open one highlighted; a row's menu (open, done,
// remove); the batch progress; Export all, Clear local data and what local storage holds.
// Layer: app.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/editing.h"
#include "app/ui.h"

namespace glosa::app {

namespace {

ImU32 status_color(DocumentStatus s) {
  switch (s) {
    case DocumentStatus::Done: return IM_COL32(40, 140, 70, 255);
    case DocumentStatus::InProgress: return IM_COL32(40, 90, 190, 255);
    case DocumentStatus::New: break;
  }
  return IM_COL32(150, 150, 158, 255);
}

// A small mark: a hollow circle (new), a half-filled one (in progress), a filled one with
// a tick (done).
void draw_status_mark(ImDrawList* dl, ImVec2 c, float r, DocumentStatus status, float scale) {
  const ImU32 col = status_color(status);
  if (status == DocumentStatus::New) {
    dl->AddCircle(c, r, col, 16, std::max(1.0f, 1.5f * scale));
  } else if (status == DocumentStatus::InProgress) {
    dl->AddCircle(c, r, col, 16, std::max(1.0f, 1.5f * scale));
    dl->PathArcTo(c, r, 1.5708f, 4.7124f, 12);
    dl->PathFillConvex(col);
  } else {
    dl->AddCircleFilled(c, r, col, 16);
    dl->AddLine(ImVec2(c.x - r * 0.5f, c.y), ImVec2(c.x - r * 0.1f, c.y + r * 0.4f), IM_COL32_WHITE, 1.5f * scale);
    dl->AddLine(ImVec2(c.x - r * 0.1f, c.y + r * 0.4f), ImVec2(c.x + r * 0.55f, c.y - r * 0.45f), IM_COL32_WHITE, 1.5f * scale);
  }
}

std::string megabytes(double bytes) {
  char buf[32];
  if (bytes < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.0f KB", bytes / 1024);
  else if (bytes < 1024.0 * 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f MB", bytes / (1024 * 1024));
  else std::snprintf(buf, sizeof buf, "%.1f GB", bytes / (1024.0 * 1024 * 1024));  // not "10240.1 MB"
  return buf;
}

// A quiet line of the footer, wrapped: the panel may be narrower than the line.
void footer_note(const std::string& text) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
}

void draw_row_menu(AppState& state, int i) {
  if (!ImGui::BeginPopup("document-menu")) return;
  close_popup_on_escape();
  if (i < 0 || i >= static_cast<int>(state.documents.size())) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const DocumentSession& s = *state.documents[static_cast<size_t>(i)];
  ImGui::TextDisabled("%s", display_text(document_title(s.doc), 50).c_str());
  ImGui::Separator();
  if (ImGui::MenuItem("Open##docmenu")) select_document(state, i);
  if (ImGui::MenuItem("Done##docmenu", nullptr, s.is_done)) set_document_done(state, i, !s.is_done);
  if (ImGui::MenuItem("Remove##docmenu")) remove_document(state, i);
  ImGui::EndPopup();
}

// A question that cannot be undone: modal `id`, centred, opened while `wanted`. True while it
// shows (the caller ends it with EndPopup).
bool begin_confirmation(const char* id, bool wanted) {
  if (wanted && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  return ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize);
}

// The question answered (or left with Esc): it closes and clears `*wanted`.
void end_question(bool* wanted) {
  *wanted = false;
  ImGui::CloseCurrentPopup();
}

void draw_clear_confirmation(AppState& state, UiResources& ui) {
  if (!begin_confirmation("Clear local data?##confirm", ui.confirm_clear)) return;
  ImGui::Text("Remove %s and your corrections from this browser?",
              documents_to_clear(state.documents.size(), state.removed.size()).c_str());
  ImGui::TextDisabled("What your corrections taught the tagger goes too. Files you downloaded are not touched.\n"
                      "This cannot be undone.");
  ImGui::Dummy(ImVec2(0, 4 * ui.scale));
  const Choice choices[] = {{"Clear local data##confirm", "confirm-clear"}, {"Keep them (Esc)##confirm", "keep-documents"}};
  const int answer = choice_buttons(ui, choices, 2, /*initial=*/1, /*on_escape=*/1);
  if (answer == 0) clear_collection(state);
  if (answer >= 0) end_question(&ui.confirm_clear);
  ImGui::EndPopup();
}

// What was taught is hours of a person's work and Forget cannot be undone: it asks first,
// and offers to save a copy (Open adds it back).
void draw_forget_confirmation(AppState& state, UiResources& ui) {
  if (!begin_confirmation("Forget what was taught?##confirm", ui.confirm_forget)) return;
  ImGui::Text("Forget what your corrections taught the tagger (%zu learnt weights)?", taught_total(state));
  ImGui::TextDisabled("Your documents and corrections stay; the shipped model alone tags again.\n"
                      "This cannot be undone: a saved copy can be opened again later.");
  ImGui::Dummy(ImVec2(0, 4 * ui.scale));
  const Choice choices[] = {{"Save a copy\xE2\x80\xA6##forget", "forget-save"},
                            {"Forget##forget", "confirm-forget"},
                            {"Keep it (Esc)##forget", "keep-taught"}};
  const int answer = choice_buttons(ui, choices, 3, /*initial=*/2, /*on_escape=*/2);
  if (answer == 0) save_taught(state);  // the question stays: Forget or Keep next
  if (answer == 1) forget_taught(state);
  if (answer >= 1) end_question(&ui.confirm_forget);
  ImGui::EndPopup();
}

}  // namespace

void draw_documents_panel(AppState& state, UiResources& ui) {
  const int n = static_cast<int>(state.documents.size());
  {
    // The panel's own rectangle, for tests that check its contents fit.
    const ImVec2 a = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    ui.item_rects["documents-panel"] = {a.x, a.y, a.x + size.x, a.y + size.y};
  }
  ImGui::TextDisabled("DOCUMENTS  %d", n);
  // The batch still being annotated.
  int pending = 0;
  for (const auto& s : state.documents) pending += s->is_annotating() ? 1 : 0;
  if (pending > 0) {
    const float done = n > 0 ? static_cast<float>(n - pending) / static_cast<float>(n) : 0.0f;
    char label[64];
    std::snprintf(label, sizeof label, "annotated %d of %d", n - pending, n);
    ImGui::ProgressBar(done, ImVec2(-1, 0), label);
    record_item_rect(ui, "batch-progress");
  }

  // The footer's height as laid out last frame (its lines wrap in a narrow panel); a first
  // guess before that.
  const float footer = ui.documents_footer > 0
                           ? ui.documents_footer
                           : ImGui::GetFrameHeightWithSpacing() * 5 + ImGui::GetTextLineHeightWithSpacing() * 4;
  ImGui::BeginChild("list##documents", ImVec2(0, -footer), false);
  const float fs = ImGui::GetFontSize();
  const float row_h = std::round(fs * 2 + 12 * ui.scale);
  const float pad = std::round(6 * ui.scale);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  ImGuiListClipper clipper;
  clipper.Begin(n, row_h + ImGui::GetStyle().ItemSpacing.y);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      DocumentSession& s = *state.documents[static_cast<size_t>(i)];
      ImGui::PushID(s.id.c_str());
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float w = ImGui::GetContentRegionAvail().x;
      if (ImGui::Selectable("##document_row", i == state.current, 0, ImVec2(0, row_h))) select_document(state, i);
      record_item_rect(ui, "document:" + s.id);
      if (ImGui::IsItemClicked(ImGuiMouseButton_Right)) {
        ui.menu_document = i;
        ImGui::OpenPopup("document-menu");
      }
      const DocumentSummary& sum = cached_summary(s);
      const float r = std::round(fs * 0.32f);
      draw_status_mark(dl, ImVec2(p.x + pad + r, p.y + pad + fs * 0.5f), r, sum.status, ui.scale);
      const float tx = p.x + pad + 2 * r + pad;
      draw_text_ellipsis(dl, font, fs, tx, p.y + pad, w - (tx - p.x) - pad, ImGui::GetColorU32(ImGuiCol_Text),
                         sum.title.empty() ? std::string("(untitled)") : display_text(sum.title, 120));
      std::string facts = sum.lang.empty() ? std::string("\xE2\x80\xA6") : sum.lang;
      for (char& c : facts) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      // How the file was decoded, when a person should know (decoding_note): kept in sight
      // here once the status bar has moved on.
      if (is_guessed_encoding(s.read_as)) facts += std::string("  \xC2\xB7  ") + encoding_name(s.read_as);
      else if (s.invalid_utf8_count > 0) facts += "  \xC2\xB7  invalid UTF-8";
      if (s.is_annotating()) {
        facts += "  \xC2\xB7  annotating " + std::to_string(static_cast<int>(s.annotation_progress * 100)) + "%";
      } else {
        facts += "  \xC2\xB7  " + count_of(sum.entities, "entity", "entities") + "  \xC2\xB7  " + std::to_string(sum.reviewed) + " reviewed";
      }
      draw_text_ellipsis(dl, font, fs, tx, p.y + pad + fs + 2 * ui.scale, w - (tx - p.x) - pad,
                         ImGui::GetColorU32(ImGuiCol_TextDisabled), facts);
      if (ImGui::IsItemHovered()) {
        const std::string note = decoding_note(s);
        ImGui::SetTooltip("%s\n%s  \xC2\xB7  %s%s%s\nRight-click for Done and Remove", display_text(sum.title, 200).c_str(),
                          document_status_name(sum.status), display_text(s.source_name, 80).c_str(),
                          note.empty() ? "" : "\n", display_text(note, 200).c_str());
      }
      ImGui::PopID();
    }
  }
  clipper.End();
  draw_row_menu(state, ui.menu_document);
  ImGui::EndChild();

  // Footer: the open document's status, the collection's file, storage.
  const float footer_top = ImGui::GetCursorPosY();
  ImGui::Separator();
  const DocumentSession* open = state.session();
  if (!open) ImGui::BeginDisabled();
  const bool done = open && open->is_done;
  if (ImGui::Button(done ? "Mark not done##documents" : "Mark done##documents")) set_document_done(state, state.current, !done);
  record_item_rect(ui, "mark-done");
  ImGui::SameLine();
  if (ImGui::Button("Remove##documents")) remove_document(state, state.current);
  record_item_rect(ui, "remove-document");
  if (!open) ImGui::EndDisabled();
  if (!state.removed.empty()) {
    ImGui::SameLine();
    if (ImGui::Button("Bring back##documents")) restore_removed_document(state);
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("Bring back %s (Ctrl+Z)\nRemoved documents are kept in this browser for %d days;\n"
                        "Ctrl+K then \"bring back\" lists them all",
                        display_text(document_title(state.removed.back().session->doc), 60).c_str(),
                        static_cast<int>(kKeepRemovedDays));
    }
  }
  // What corrections taught the tagger: re-tag the collection with it, save, load, forget.
  size_t taught = 0;
  std::string langs;
  for (const auto& [lang, rows] : state.taught) {
    if (rows == 0) continue;
    taught += rows;
    langs += (langs.empty() ? "" : ", ") + lang;
  }
  // Rows of learnt weights: the linear model's features and the network's trigrams together.
  if (taught > 0) footer_note("Taught by your corrections: " + std::to_string(taught) + " learnt weights (" + langs + ")");
  else footer_note("Your corrections teach the tagger as you work");
  if (n == 0) ImGui::BeginDisabled();
  if (ImGui::Button("Re-tag with what I taught##documents")) retag_with_taught(state);
  record_item_rect(ui, "retag");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("Tag every document not marked done again, with what your corrections taught;\n"
                      "what you corrected in them stays as it is");
  }
  if (n == 0) ImGui::EndDisabled();
  if (taught == 0) ImGui::BeginDisabled();
  // Save and Forget on a line of their own: beside Re-tag they ran out of a narrow panel.
  if (ImGui::SmallButton("Save\xE2\x80\xA6##taught")) save_taught(state);
  record_item_rect(ui, "taught-save");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("Download what was taught (a small file a team can share; Open loads it)");
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Forget\xE2\x80\xA6##taught")) ui.confirm_forget = true;
  record_item_rect(ui, "taught-forget");
  if (taught == 0) ImGui::EndDisabled();
  if (n == 0) ImGui::BeginDisabled();
  if (ImGui::Button("Export all\xE2\x80\xA6##documents")) download_collection_jsonl(state);
  record_item_rect(ui, "export-all");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("Every document as one .jsonl file (one Glosa document per line); Open reads it back");
  }
  // On a line of its own when the panel is too narrow for both (it ran past the edge).
  const char* clear = "Clear local data\xE2\x80\xA6##documents";
  same_line_or_wrap(button_width(clear));
  if (n == 0) ImGui::EndDisabled();
  // Also when only removed documents are left: the browser keeps them too.
  const bool nothing_stored = n == 0 && state.removed.empty();
  if (nothing_stored) ImGui::BeginDisabled();
  if (ImGui::Button(clear)) ui.confirm_clear = true;
  record_item_rect(ui, "clear-data");
  if (nothing_stored) ImGui::EndDisabled();
  if (state.storage_used_bytes >= 0) {
    std::string line = "Stored in this browser: " + megabytes(state.storage_used_bytes);
    if (state.storage_quota_bytes > 0) line += " of " + megabytes(state.storage_quota_bytes);
    footer_note(line);
  }
  footer_note("Alt+PgDn / Alt+PgUp: next / previous document");
  ui.documents_footer = ImGui::GetCursorPosY() - footer_top;
}

// At the frame's top level: a command (Ctrl+K) may ask them while the panel is hidden.
void draw_confirmations(AppState& state, UiResources& ui) {
  draw_clear_confirmation(state, ui);
  draw_forget_confirmation(state, ui);
}

}  // namespace glosa::app
