// The status bar: language, size, entity count, timing, local saving, and the last message.
// Facts on the left, the message on the right (on a phone, the message above them); whatever
// does not fit is cut with "…" (the whole message shows on hover, and stays open after a click
// or a tap), so nothing overlaps at any width or zoom. Layer: app.
#include <imgui.h>

#include <cmath>
#include <ctime>
#include <string>

#include "app/ui.h"
#include "engine/text/utf8.h"

namespace glosa::app {

namespace {

const char* language_name(const std::string& lang) {
  if (lang == "pl") return "Polski";
  if (lang == "en") return "English";
  if (lang.empty()) return "language not known yet";
  return "other language";
}

std::string facts_line(AppState& state) {
  const DocumentSession* s = state.session();
  if (!s || !has_document(state)) return "No document";
  const Document& doc = state.doc();
  std::string line = std::string(language_name(doc.lang)) + "  \xC2\xB7  " + std::to_string(document_index(state).char_count) +
                     " characters  \xC2\xB7  " + count_of(doc.entities.size(), "entity", "entities");
  if (s->is_annotating()) line += "  \xC2\xB7  annotating\xE2\x80\xA6";
  else if (s->is_imported) line += s->source_name == "shared link" ? "  \xC2\xB7  opened from a link" : "  \xC2\xB7  opened from file";
  else if (s->annotate_ms > 0) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "  \xC2\xB7  annotated in %.1f ms", s->annotate_ms);
    line += buf;
  }
  if (s->edit_count > 0) {
    line += "  \xC2\xB7  " + std::to_string(s->edit_count) + (s->edit_count == 1 ? " correction" : " corrections");
  }
  if (state.documents.size() > 1) {
    line += "  \xC2\xB7  document " + std::to_string(state.current + 1) + " of " + std::to_string(state.documents.size());
  }
  return line;
}

// "Saved 10:42" / "Saving…" / "Not saved" / "" (no storage on this platform).
std::string saving_line(const AppState& state) {
  if (!state.services.store_document) return "";
  if (state.storage_failed) return "Not saved in this browser";
  bool pending = false;
  for (const auto& s : state.documents) pending = pending || s->revision != s->saved_revision;
  if (pending) return "Saving\xE2\x80\xA6";
  if (state.last_saved_wall_ms <= 0) return state.documents.empty() ? "" : "Saved";
  const std::time_t t = static_cast<std::time_t>(state.last_saved_wall_ms / 1000.0);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "Saved %H:%M:%S", &tm);
  return buf;
}

ImVec4 message_color(MessageKind kind) {
  if (kind == MessageKind::Warning) return ImVec4(0.62f, 0.42f, 0.0f, 1);
  if (kind == MessageKind::Error) return ImVec4(0.75f, 0.10f, 0.10f, 1);
  return ImVec4(0.20f, 0.42f, 0.20f, 1);
}

}  // namespace

int status_bar_lines(const AppState& state, const UiResources& ui) {
  return ui.compact && !state.message.empty() ? 2 : 1;
}

void draw_status_bar(AppState& state, UiResources& ui) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float h = ImGui::GetFrameHeight();
  const float y = p.y + (h - fs) * 0.5f;
  const float gap = std::round(16 * ui.scale);
  // A phone gives the message a line of its own (two lines in all, status_bar_lines): in 40%
  // of 390 px every message was cut after two words.
  const bool two_lines = status_bar_lines(state, ui) == 2;
  const float line_h = ImGui::GetTextLineHeightWithSpacing();
  const bool tapped = ImGui::InvisibleButton("##statusbar", ImVec2(std::max(1.0f, width), h + (two_lines ? line_h : 0)));
  const bool hovered = ImGui::IsItemHovered();
  record_item_rect(ui, "status-bar");

  // Left: the facts, then the saving state; right: the message. The message gets what the
  // facts leave, but at least 40% of the bar; the facts are cut first.
  const std::string facts = facts_line(state);
  std::string saving = saving_line(state);
  if (!state.loading_model.empty()) {
    const char* spin = "|/-\\";
    const int phase = static_cast<int>(ImGui::GetTime() * 8) & 3;
    saving = std::string(1, spin[phase]) + " loading the " + language_name(state.loading_model) + " name model\xE2\x80\xA6" +
             (saving.empty() ? "" : "  \xC2\xB7  " + saving);
  }
  const std::string message = display_text(state.message, 300);
  // Red when the browser refused to save, grey otherwise.
  const ImU32 saving_color = state.storage_failed ? IM_COL32(190, 30, 30, 255) : ImGui::GetColorU32(ImGuiCol_TextDisabled);
  float message_x0 = p.x + width;
  if (two_lines) {
    // The message across the first line; the saving state, then the facts, below.
    message_x0 = p.x;
    draw_text_ellipsis(dl, font, fs, p.x, y, width, ImGui::GetColorU32(message_color(state.message_kind)), message);
    const std::string below = saving.empty() ? facts : saving + "  \xC2\xB7  " + facts;
    draw_text_ellipsis(dl, font, fs, p.x, y + line_h, width, saving_color, below);
  } else {
    const float message_full = text_width(font, message);
    const float facts_full = text_width(font, facts);
    const float saving_full = saving.empty() ? 0 : text_width(font, saving) + gap;
    const float left_room = std::max(width * 0.6f, width - message_full - gap);
    const float facts_room = std::max(0.0f, std::min(facts_full, left_room - saving_full));
    float x = p.x;
    x += draw_text_ellipsis(dl, font, fs, x, y, facts_room, ImGui::GetColorU32(ImGuiCol_TextDisabled), facts);
    if (!saving.empty()) {
      x += gap;
      x += draw_text_ellipsis(dl, font, fs, x, y, std::max(0.0f, left_room - (x - p.x)), saving_color, saving);
    }
    if (!message.empty()) {
      const float room = std::max(0.0f, p.x + width - (x + gap));
      const float w = std::min(message_full, room);
      message_x0 = p.x + width - w;
      draw_text_ellipsis(dl, font, fs, message_x0, y, w + 1, ImGui::GetColorU32(message_color(state.message_kind)), message);
    }
  }
  // The whole of the part under the pointer: the message, or the facts and the saving state.
  // (On a phone: the message's line, or the line below it.)
  const auto whole = [&] {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const bool on_message = two_lines ? m.y < p.y + line_h : m.x >= message_x0;
    return on_message ? display_text(state.message, 2000) : facts + (saving.empty() ? "" : "\n" + saving);
  };
  const float wrap = std::min(ImGui::GetFontSize() * 36, ImGui::GetIO().DisplaySize.x - 32 * ui.scale);
  // A click or a tap keeps the whole line open until the next one (a phone has no hover, and
  // its messages are cut after a few words).
  if (tapped) {
    ui.status_whole = whole();
    if (!ui.status_whole.empty()) ImGui::OpenPopup("status-whole");
  }
  ImGui::SetNextWindowPos(ImVec2(p.x + width, p.y - 4 * ui.scale), ImGuiCond_Always, ImVec2(1, 1));
  if (ImGui::BeginPopup("status-whole")) {
    close_popup_on_escape();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextUnformatted(ui.status_whole.c_str());
    ImGui::PopTextWrapPos();
    record_item_rect(ui, "status-whole");
    ImGui::EndPopup();
  } else if (const std::string pointed = hovered ? whole() : std::string(); !pointed.empty()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(wrap);
    ImGui::TextUnformatted(pointed.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

}  // namespace glosa::app
