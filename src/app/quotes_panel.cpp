// The quotations tab of the side panel: speaker -> the first ~100 characters of what was
// said, wrapped; a guessed or unknown speaker is muted and marked "?", the attribution is in
// the tooltip; nested quotations are indented. A click scrolls the text to the quotation and
// flashes it. Layer: app.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/ui.h"

namespace glosa::app {

namespace {

constexpr size_t kSnippetCodepoints = 100;

const char* attribution_text(const std::string& kind) {
  if (kind == "name") return "named next to the quotation";
  if (kind == "role") return "a role the article ties to a person";
  if (kind == "context") return "from the context (a pronoun or the previous speaker)";
  return "not found";
}

std::string span_text(const Document& doc, size_t b, size_t e) {
  if (e <= b || e > doc.text.size()) return "";
  return doc.text.substr(b, e - b);
}

}  // namespace

void draw_quote_tooltip(AppState& state, int q, bool in_text) {
  if (q < 0 || q >= static_cast<int>(state.doc().quotes.size())) return;
  const DocumentIndex& index = document_index(state);
  const Quotation& quote = state.doc().quotes[q];
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
  const bool unknown = is_unknown_speaker(state.doc(), index, q);
  if (unknown) ImGui::TextDisabled("Unknown speaker");
  else ImGui::TextWrapped("%s%s", speaker_display_name(state.doc(), index, q).c_str(), quote.is_uncertain ? " ?" : "");
  const std::string words = span_text(state.doc(), quote.speaker_begin_byte, quote.speaker_end_byte);
  if (!words.empty() && index.quote_speaker[q] >= 0) ImGui::TextWrapped("Named as: \xE2\x80\x9E%s\xE2\x80\x9D", words.c_str());
  const std::string cue = span_text(state.doc(), quote.cue_begin_byte, quote.cue_end_byte);
  if (!cue.empty()) ImGui::TextWrapped("Verb: %s", cue.c_str());
  ImGui::TextWrapped("Attribution: %s", attribution_text(quote.attribution));
  if (!quote.attribution.empty()) ImGui::Text("Confidence: %.0f%%", quote.confidence * 100.0f);
  if (quote.is_uncertain) ImGui::TextColored(ImVec4(0.7f, 0.35f, 0, 1), "The speaker is a guess: please check.");
  if (!quote.parent.empty()) ImGui::TextDisabled("Inside quotation %s", quote.parent.c_str());
  ImGui::Separator();
  ImGui::TextDisabled(in_text ? "Click to select it in the Quotes list." : "Click to show it in the text.");
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void draw_quotes_panel(AppState& state, UiResources& ui) {
  if (!ImGui::BeginChild("quote_rows##side", ImVec2(0, 0), false)) {
    ImGui::EndChild();
    return;
  }
  const DocumentIndex& index = document_index(state);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize();
  const float s = ui.scale;
  const float pad_x = std::round(8 * s), pad_y = std::round(5 * s), bar_w = std::round(3 * s);
  const float line_gap = std::round(2 * s);
  const float width = ImGui::GetContentRegionAvail().x;
  const float row_gap = std::round(3 * s);
  const auto text_x0_of = [&](int q) { return std::min(index.quote_depth[q], 4) * std::round(14 * s) + bar_w + pad_x; };
  const auto wrap_of = [&](int q) { return std::max(40 * s, width - text_x0_of(q) - pad_x); };

  // The list, its snippets and row heights: rebuilt when the document, the filter or the
  // width changed, so a frame draws only the rows in view.
  const std::string key = std::to_string(state.doc_revision) + '\n' + ui.entity_filter + '\n' + std::to_string(width);
  if (key != ui.quote_rows_key) {
    ui.quote_rows_key = key;
    ui.quote_rows = list_quotes(state, ui.entity_filter);
    ui.quote_snippets.clear();
    ui.quote_tops.assign(1, 0.0f);
    for (int q : ui.quote_rows) {
      const Quotation& quote = state.doc().quotes[static_cast<size_t>(q)];
      ui.quote_snippets.push_back(quote_snippet(span_text(state.doc(), quote.begin_byte, quote.end_byte), kSnippetCodepoints));
      const float snippet_h = font->CalcTextSizeA(fs, 1e9f, wrap_of(q), ui.quote_snippets.back().c_str()).y;
      ui.quote_tops.push_back(ui.quote_tops.back() + pad_y + fs + line_gap + snippet_h + pad_y + row_gap);
    }
  }
  const std::vector<int>& quotes = ui.quote_rows;
  if (state.doc().quotes.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("No quotations found in this document.");
    ImGui::PopTextWrapPos();
  } else if (quotes.empty()) {
    ImGui::TextDisabled("No quotations match the filter.");
  }
  const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 speaker_col = IM_COL32(40, 50, 125, 255);

  // Bring the row of a quotation selected in the text into view.
  int target = ui.scroll_list_to_quote;
  ui.scroll_list_to_quote = -1;
  if (state.selected_quote != ui.list_seen_quote) {
    ui.list_seen_quote = state.selected_quote;
    if (target < 0) target = state.selected_quote;
  }

  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, row_gap));
  const float list_top = ImGui::GetCursorPosY();
  const float view_top = ImGui::GetScrollY() - list_top;
  const float view_bottom = view_top + ImGui::GetWindowHeight();
  for (size_t i = 0; i < quotes.size(); ++i) {
    const int q = quotes[i];
    const float h = ui.quote_tops[i + 1] - ui.quote_tops[i] - row_gap;
    const bool in_view = ui.quote_tops[i + 1] >= view_top && ui.quote_tops[i] <= view_bottom;
    const bool keep_rect = state.selected_quote == q || q == target || ui.hovered_quote_bar == q;
    if (!in_view && !keep_rect) {
      // Rows out of view only hold their place (as a list clipper would).
      size_t j = i;
      while (j + 1 < quotes.size() && !(ui.quote_tops[j + 2] >= view_top && ui.quote_tops[j + 1] <= view_bottom) &&
             quotes[j + 1] != target && quotes[j + 1] != state.selected_quote && quotes[j + 1] != ui.hovered_quote_bar) {
        ++j;
      }
      ImGui::Dummy(ImVec2(width, ui.quote_tops[j + 1] - ui.quote_tops[i] - row_gap));
      i = j;
      continue;
    }
    const Quotation& quote = state.doc().quotes[static_cast<size_t>(q)];
    const float indent = std::min(index.quote_depth[q], 4) * std::round(14 * s);
    const float text_x0 = text_x0_of(q);
    const float wrap = wrap_of(q);
    const std::string& snippet = ui.quote_snippets[i];
    const ImVec2 p = ImGui::GetCursorScreenPos();

    ImGui::PushID(quote.id.c_str());
    if (ImGui::Selectable("##quote_row", state.selected_quote == q, 0, ImVec2(0, h))) select_quote(state, q);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
      ui.menu_quote = q;
      state.selected_quote = q;
      open_menu(ui, "speaker-menu");
    }
    record_item_rect(ui, "quote:" + quote.id);
    ImGui::PopID();
    if (q == target) ImGui::SetScrollHereY(0.3f);
    if (!ImGui::IsItemVisible()) continue;

    const bool unknown = is_unknown_speaker(state.doc(), index, q);
    const bool muted_speaker = unknown || quote.is_uncertain;
    const bool marked = ui.hovered_quote_bar == q;
    dl->AddRectFilled(ImVec2(p.x + indent, p.y + pad_y * 0.5f), ImVec2(p.x + indent + bar_w, p.y + h - pad_y * 0.5f),
                      muted_speaker ? quote_uncertain_color(marked ? 1.0f : 0.8f) : quote_color(marked ? 1.0f : 0.8f),
                      bar_w * 0.5f);
    // Speaker line: name, "?" when it is a guess, then the verb of saying if there is room.
    std::string name = display_text(speaker_display_name(state.doc(), index, q), 120);
    if (quote.is_uncertain && !unknown) name += " ?";
    const float x = p.x + text_x0;
    const float room = width - text_x0 - pad_x;
    const float name_w = draw_text_ellipsis(dl, font, fs, x, p.y + pad_y, room, muted_speaker ? muted : speaker_col, name);
    const std::string cue = span_text(state.doc(), quote.cue_begin_byte, quote.cue_end_byte);
    if (!cue.empty() && name_w + 3 * pad_x < room) {
      draw_text_ellipsis(dl, font, fs, x + name_w + pad_x, p.y + pad_y, room - name_w - pad_x, muted, cue);
    }
    dl->AddText(font, fs, ImVec2(x, p.y + pad_y + fs + line_gap), text_col,
                snippet.c_str(), nullptr, wrap);
    if (hovered) {
      ui.panel_hovered_quote = q;
      draw_quote_tooltip(state, q, false);
    }
  }
  ImGui::PopStyleVar();
  ImGui::EndChild();
}

}  // namespace glosa::app
