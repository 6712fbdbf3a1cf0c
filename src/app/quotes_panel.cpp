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
  const std::vector<int> quotes = list_quotes(state, ui.entity_filter);
  if (state.doc().quotes.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("No quotations found in this document.");
    ImGui::PopTextWrapPos();
  } else if (quotes.empty()) {
    ImGui::TextDisabled("No quotations match the filter.");
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize();
  const float s = ui.scale;
  const float pad_x = std::round(8 * s), pad_y = std::round(5 * s), bar_w = std::round(3 * s);
  const float line_gap = std::round(2 * s);
  const float width = ImGui::GetContentRegionAvail().x;
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

  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, std::round(3 * s)));
  for (int q : quotes) {
    const Quotation& quote = state.doc().quotes[q];
    const int depth = std::min(index.quote_depth[q], 4);
    const float indent = depth * std::round(14 * s);
    const float text_x0 = indent + bar_w + pad_x;
    const float wrap = std::max(40 * s, width - text_x0 - pad_x);
    const std::string snippet =
        quote_snippet(span_text(state.doc(), quote.begin_byte, quote.end_byte), kSnippetCodepoints);
    const float snippet_h = font->CalcTextSizeA(fs, 1e9f, wrap, snippet.c_str()).y;
    const float h = pad_y + fs + line_gap + snippet_h + pad_y;
    const ImVec2 p = ImGui::GetCursorScreenPos();

    ImGui::PushID(quote.id.c_str());
    if (ImGui::Selectable("##quote_row", state.selected_quote == q, 0, ImVec2(0, h))) select_quote(state, q);
    const bool hovered = ImGui::IsItemHovered();
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
    std::string name = speaker_display_name(state.doc(), index, q);
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
