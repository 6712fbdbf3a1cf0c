// The article with its header, entity highlights and label tags, quotations (a tint behind
// the quoted words and a bar in the left margin), the start screen, hover tooltips (a hovered
// mention outlines every mention of its group) and click-to-select. Layer: app.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/editing.h"
#include "app/review.h"
#include "app/ui.h"
#include "engine/text/utf8.h"

namespace glosa::app {

namespace {

// Tag text for an entity: the label, plus "?" when it looks unsure.
std::string tag_text(const Entity& e) { return looks_unsure(e) ? e.label + "?" : e.label; }

// Width of the tag after an entity: the tag text, 5 px before it and 2 after; the box reaches
// its padding (3 px) beyond that, as it does before the entity's first letter.
float tag_box_width(const UiResources& ui, const Entity& e) {
  const std::string tag = tag_text(e);
  return ui.tag_font->CalcTextSizeA(ui.tag_font->FontSize, 1e9f, 0, tag.c_str()).x + 7 * ui.scale;
}

ImU32 darker(ImU32 c, float f) {
  const auto ch = [&](int shift) { return static_cast<int>(((c >> shift) & 0xFF) * f); };
  return IM_COL32(ch(IM_COL32_R_SHIFT), ch(IM_COL32_G_SHIFT), ch(IM_COL32_B_SHIFT), 255);
}

std::string visibility_key(const AppState& state) {
  std::string key;
  for (const auto& [name, hidden] : state.hidden_labels) {
    if (hidden) key += name + ",";
  }
  return key;
}

// Binds the lazy layout to the open document for this frame; paragraphs go stale only when
// the document, its entities, the width or the hidden labels changed.
void ensure_layout(AppState& state, UiResources& ui, float wrap_width, float line_h) {
  LayoutKey key;
  key.text_id = state.session() ? state.session()->key : 0;
  key.revision = state.doc_revision;
  key.width = wrap_width;
  key.visibility = visibility_key(state);
  key.line_height = line_h;
  ImFont* font = ui.text_font;
  LayoutParams p;
  p.wrap_width = wrap_width;
  p.line_height = line_h;
  p.paragraph_gap = line_h * 0.45f;
  p.space_width = font->CalcTextSizeA(font->FontSize, 1e9f, 0, " ").x;
  p.average_char_width = font->CalcTextSizeA(font->FontSize, 1e9f, 0, "abcdefghijklmnopqrstuvwxyz").x / 26.0f * 1.08f;
  p.entity_gap = std::round(5 * ui.scale);  // the box's padding (3) and 2 px of air
  p.measure = [font](std::string_view s) {
    return font->CalcTextSizeA(font->FontSize, 1e9f, 0, s.data(), s.data() + s.size()).x;
  };
  p.tag_width = [&ui](const Entity& e) { return tag_box_width(ui, e); };
  std::vector<bool> visible;
  if (!(ui.layout.key() == key)) {
    const Document& doc = state.doc();
    visible.assign(doc.entities.size(), true);
    for (size_t i = 0; i < visible.size(); ++i) visible[i] = is_entity_visible(state, static_cast<int>(i));
  }
  ui.layout.update(state.doc(), key, std::move(p), std::move(visible), document_index(state).quote_depth);
}

void draw_tooltip(AppState& state, int index) {
  const Entity& e = state.doc().entities[index];
  const DocumentIndex& doc_index = document_index(state);
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
  const int li = find_label(state.doc().labels, e.label);
  ImGui::ColorButton("##swatch", ImGui::ColorConvertU32ToFloat4(label_color(state.doc(), e.label)),
                     ImGuiColorEditFlags_NoTooltip, ImVec2(ImGui::GetFontSize(), ImGui::GetFontSize()));
  ImGui::SameLine();
  ImGui::Text("%s", e.label.c_str());
  if (li >= 0 && !state.doc().labels[li].description.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", state.doc().labels[li].description.c_str());
  }
  ImGui::Separator();
  ImGui::TextWrapped("\xE2\x80\x9E%.*s\xE2\x80\x9D", static_cast<int>(e.end_byte - e.begin_byte),
                     state.doc().text.data() + e.begin_byte);
  if (!e.lemma.empty() && e.lemma != entity_text(state.doc(), e)) ImGui::TextWrapped("Base form: %s", e.lemma.c_str());
  const int g = index < static_cast<int>(doc_index.entity_group.size()) ? doc_index.entity_group[index] : -1;
  if (g >= 0) {
    const EntityGroup& group = state.doc().groups[g];
    const size_t n = doc_index.group_mentions[g].size();
    ImGui::TextWrapped("Refers to: %s%s%s  \xC2\xB7  %zu mention%s", group.name.c_str(),
                       group.acronym.empty() ? "" : " \xC2\xB7 ", group.acronym.c_str(), n, n == 1 ? "" : "s");
    const int link = doc_index.group_link[g];
    if (link >= 0) ImGui::TextWrapped("Place: %s", state.doc().groups[link].name.c_str());
    else if (!group.place.empty()) ImGui::TextWrapped("Place: %s", group.place.c_str());
  }
  if (!e.value.empty()) ImGui::TextWrapped("Value: %s%s", e.value.c_str(), e.is_relative ? "  (relative to the article date)" : "");
  if (!e.resolved.empty()) ImGui::TextWrapped("Resolved: %s", e.resolved.c_str());
  if (!e.subtype.empty()) ImGui::Text("Type: %s", e.subtype.c_str());
  if (e.origin == Origin::Model) {
    ImGui::Text("From: the statistical model, confidence %.0f%%", e.confidence * 100.0f);
    if (looks_unsure(e)) ImGui::TextColored(ImVec4(0.7f, 0.35f, 0, 1), "Low confidence: please check");
  } else if (e.origin == Origin::Rule) {
    ImGui::Text("From: a pattern rule");
  } else {
    ImGui::Text("From: a person");
  }
  if (e.status == ReviewStatus::Accepted) ImGui::TextColored(ImVec4(0.1f, 0.45f, 0.2f, 1), "Accepted");
  ImGui::TextDisabled("Right-click to change its label, accept or remove it");
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void draw_start_screen(AppState& state, UiResources& ui) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float w = std::min(avail.x - 40 * ui.scale, 640 * ui.scale);
  ImGui::SetCursorPos(ImVec2((avail.x - w) * 0.5f, avail.y * 0.22f));
  ImGui::BeginGroup();
  ImGui::PushFont(ui.title_font);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
  ImGui::TextWrapped("Paste a news article to see who, where, when and how much");
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(0, 6 * ui.scale));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
  ImGui::TextWrapped(
      "Press Ctrl+V anywhere on this page, or use the buttons below. Polish and English "
      "articles are supported. Dates, times, amounts of money, percentages and web addresses "
      "are tagged by rules; people, organisations and places by a statistical model.");
  ImGui::Dummy(ImVec2(0, 4 * ui.scale));
  ImGui::TextDisabled("Everything runs in this browser: the text is never sent anywhere.");
  ImGui::TextDisabled("Ctrl+K finds any command by name; ? lists the keys.");
  ImGui::PopTextWrapPos();
  ImGui::Dummy(ImVec2(0, 10 * ui.scale));
  // The buttons flow onto the next line where the window is narrow.
  const float left = ImGui::GetCursorPosX();
  const auto flow = [&](const char* label) {
    const float bw = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    if (ImGui::GetCursorPosX() > left && ImGui::GetCursorPosX() + bw > left + w) ImGui::NewLine();
  };
  bool first = true;
  const auto same_line = [&] {
    if (!first) ImGui::SameLine();
    first = false;
  };
  if (state.services.request_paste) {
    same_line();
    flow("Paste article##start");
    if (ImGui::Button("Paste article##start")) state.services.request_paste();
  }
  if (state.services.open_file_dialog) {
    same_line();
    flow("Open a file\xE2\x80\xA6##start");
    if (ImGui::Button("Open a file\xE2\x80\xA6##start")) state.services.open_file_dialog();
  }
  if (!state.sample_text.empty()) {
    same_line();
    flow("Try the sample article##start");
    if (ImGui::Button("Try the sample article##start")) load_text(state, state.sample_text, "sample article");
    record_item_rect(ui, "start-sample");
  }
  // Every document removed (kept in this browser for a while): the way back is here too.
  if (!state.removed.empty()) {
    ImGui::Dummy(ImVec2(0, 6 * ui.scale));
    const std::string title = display_text(document_title(state.removed.back().session->doc), 48);
    const std::string label = "Bring back \xE2\x80\x9E" + title + "\xE2\x80\x9D##start";
    if (ImGui::Button(label.c_str())) restore_removed_document(state);
    record_item_rect(ui, "start-bring-back");
    const size_t n = state.removed.size();
    ImGui::PushTextWrapPos(left + w);
    ImGui::TextDisabled("%s", (n == 1 ? std::string("The document you removed is kept in this browser for ")
                                      : std::to_string(n) + " documents you removed are kept in this browser for ")
                                  .append(std::to_string(static_cast<int>(kKeepRemovedDays)))
                                  .append(n == 1 ? " days (Ctrl+Z)." : " days (Ctrl+Z; Ctrl+K lists them all).")
                                  .c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::Dummy(ImVec2(0, 6 * ui.scale));
  ImGui::PushTextWrapPos(left + w);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("You can also drop files onto the page: articles as text, Glosa files, a collection in "
                     "JSONL, or annotations from brat, CoNLL, spaCy, doccano, Label Studio or W3C (with their "
                     "text). On a phone, tap an entity to select it, hold it for its menu, and tap twice then "
                     "drag to select words.");
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

void draw_error_banner(AppState& state, UiResources& ui) {
  if (state.message_kind != MessageKind::Error || state.message.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.99f, 0.91f, 0.91f, 1));
  ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0.85f, 0.45f, 0.45f, 1));
  const float wrap = ImGui::GetContentRegionAvail().x - 90 * ui.scale;
  const float h = ImGui::CalcTextSize(state.message.c_str(), nullptr, false, wrap).y +
                  ImGui::GetStyle().WindowPadding.y * 2 + 2;
  ImGui::BeginChild("error##banner", ImVec2(0, std::max(h, ImGui::GetFrameHeightWithSpacing() + 6)), true);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
  ImGui::TextColored(ImVec4(0.6f, 0.05f, 0.05f, 1), "%s", state.message.c_str());
  ImGui::PopTextWrapPos();
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 70 * ui.scale);
  if (ImGui::Button("Dismiss##banner")) state.message.clear();
  ImGui::EndChild();
  ImGui::PopStyleColor(2);
}

}  // namespace

bool entity_screen_rect(UiResources& ui, int index, float rect[4]) {
  if (!ui.layout.entity_rect(index, rect)) return false;
  rect[0] += ui.doc_origin_x;
  rect[2] += ui.doc_origin_x;
  rect[1] += ui.doc_origin_y;
  rect[3] += ui.doc_origin_y;
  return true;
}

bool quote_screen_rect(UiResources& ui, int index, float rect[4]) {
  if (!ui.layout.quote_rect(index, rect)) return false;
  rect[0] += ui.doc_origin_x;
  rect[2] += ui.doc_origin_x;
  rect[1] += ui.doc_origin_y;
  rect[3] += ui.doc_origin_y;
  return true;
}

namespace {

// A line above the text while the engine works on it: progress and Cancel.
void draw_annotation_progress(AppState& state, UiResources& ui) {
  const DocumentSession* s = state.session();
  if (!s || !s->is_annotating()) return;
  const float w = std::min(ImGui::GetContentRegionAvail().x, 420 * ui.scale);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (ImGui::GetContentRegionAvail().x - w) * 0.5f));
  ImGui::BeginGroup();
  ImGui::TextDisabled("Tagging people, places, dates and amounts\xE2\x80\xA6");
  const std::string pct = std::to_string(static_cast<int>(s->annotation_progress * 100)) + "%";
  ImGui::ProgressBar(static_cast<float>(s->annotation_progress), ImVec2(w - 90 * ui.scale, 0), pct.c_str());
  ImGui::SameLine();
  if (ImGui::Button("Cancel##annotation")) cancel_annotation(state);
  record_item_rect(ui, "cancel-annotation");
  ImGui::EndGroup();
}

// A line above a text the engine cannot read (another script), or one the font cannot draw.
void draw_script_notice(AppState& state, UiResources& ui) {
  DocumentSession* s = state.session();
  if (!s) return;
  if (ui.glyph_check_key != s->key) {
    ui.glyph_check_key = s->key;
    ui.missing_glyphs = 0;
    const std::string_view text = state.doc().text;
    size_t len = 0;
    for (size_t i = 0; i < text.size() && i < (1u << 20); i += len) {
      const char32_t c = decode_utf8(text, i, &len);
      if (c >= 0x20 && !font_has_glyph(c)) ++ui.missing_glyphs;
    }
  }
  if (s->unsupported_script.empty() && ui.missing_glyphs == 0) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.35f, 0.0f, 1));
  ImGui::PushTextWrapPos(0);
  if (!s->unsupported_script.empty()) {
    ImGui::TextWrapped("This text is mostly in %s script: this language is not supported yet, so no entities are tagged.",
                       s->unsupported_script.c_str());
  }
  if (ui.missing_glyphs > 0) {
    ImGui::TextWrapped("%zu character%s of this text cannot be drawn with the app's font and show as \xEF\xBF\xBD or a box "
                       "(the text itself is kept exactly as it is).", ui.missing_glyphs, ui.missing_glyphs == 1 ? "" : "s");
  }
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  record_item_rect(ui, "script-notice");
}

// Page, line and end-of-text keys scroll the text like a browser page when no text field
// and no menu has the keys. Returns the new scroll position, or -1 for none.
float keyboard_scroll(float scroll, float max_scroll, float page, float line) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return -1;
  if (io.KeyCtrl || io.KeyAlt || io.KeySuper) return -1;
  const auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); };
  float to = 0;
  if (pressed(ImGuiKey_PageDown) || (!io.KeyShift && pressed(ImGuiKey_Space))) to = scroll + page;
  else if (pressed(ImGuiKey_PageUp) || (io.KeyShift && pressed(ImGuiKey_Space))) to = scroll - page;
  else if (pressed(ImGuiKey_Home)) to = 0;
  else if (pressed(ImGuiKey_End)) to = max_scroll;
  else if (!io.KeyShift && pressed(ImGuiKey_DownArrow)) to = scroll + line;
  else if (!io.KeyShift && pressed(ImGuiKey_UpArrow)) to = scroll - line;
  else return -1;
  return std::clamp(to, 0.0f, std::max(0.0f, max_scroll));
}

}  // namespace

void draw_document_view(AppState& state, UiResources& ui) {
  draw_error_banner(state, ui);
  if (!has_document(state)) {
    state.restore_pending = false;  // nothing to bring back (and no frames to ask for)
    draw_start_screen(state, ui);
    return;
  }
  draw_annotation_progress(state, ui);
  draw_script_notice(state, ui);
  draw_find_bar(state, ui);
  draw_compare_bar(state, ui);
  draw_review_bar(state, ui);
  ImGui::BeginChild("text##document", ImVec2(0, 0), false);
  const DocumentIndex& index = document_index(state);
  const Document& doc = state.doc();
  ImGui::PushFont(ui.text_font);
  const float font_h = ImGui::GetFontSize();
  const float line_h = std::round(font_h * 1.7f);
  const float margin = (ui.compact ? 20 : 24) * ui.scale;  // room for the quotation bars on the left
  const float avail = ImGui::GetContentRegionAvail().x;
  const float wrap = std::max(120.0f * ui.scale, std::min(avail - 2 * margin, 820 * ui.scale));
  ensure_layout(state, ui, wrap, line_h);
  DocumentLayout& L = ui.layout;

  // --- Where the view is: scroll requests, keys, and scroll anchoring ---
  // Paragraphs are laid out when they come into view, and their estimated heights become
  // exact then; positions below them move. The view keeps an anchor (a paragraph and its
  // top) and scrolls with it, so what is on screen never jumps; and everything is placed
  // before anything is drawn, so a frame draws and hit-tests with the same positions.
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const ImVec2 top = ImGui::GetCursorScreenPos();  // the content's top at the scroll of Begin
  const float win_y = window->Pos.y;
  const float win_h = window->Size.y;
  const float header_h = ui.doc_header_h > 0 ? ui.doc_header_h : margin;  // as drawn last frame
  const uint64_t text_id = state.session() ? state.session()->key : 0;
  if (ui.anchor_text != text_id) {
    ui.anchor_text = text_id;
    ui.anchor_paragraph = -1;
  }
  float shift = 0;  // scrolled in this frame, after Begin placed the content
  const auto content_h = [&] { return header_h + L.height() + margin; };
  // Scrolls now rather than next frame: the window's cursor is moved as Begin would have.
  const auto scroll_now = [&](float to) {
    to = std::clamp(to, 0.0f, std::max(0.0f, content_h() - win_h));
    const float d = to - window->Scroll.y;
    if (d == 0) return;
    window->Scroll.y = to;
    window->DC.CursorStartPos.y -= d;
    window->DC.CursorPos.y -= d;
    window->DC.CursorPosPrevLine.y -= d;
    window->DC.CursorMaxPos.y -= d;
    window->DC.IdealMaxPos.y -= d;
    shift += d;
  };
  const auto view_layout_top = [&] { return win_y - (top.y - shift + header_h); };
  // Whether a line whose top is at `screen_y` is (partly / wholly) on screen.
  const auto partly_in_view = [&](float screen_y) { return screen_y + line_h > win_y && screen_y < win_y + win_h; };
  const auto wholly_in_view = [&](float screen_y) { return screen_y >= win_y && screen_y + line_h <= win_y + win_h; };
  // Lays out what is in view and follows the anchor if paragraphs above it changed height.
  const auto settle = [&] {
    for (int round = 0; round < 4; ++round) {
      L.ensure_range(view_layout_top() - line_h, view_layout_top() + win_h + line_h);
      if (ui.anchor_paragraph < 0 || ui.anchor_paragraph >= static_cast<int>(L.paragraph_count())) return;
      const float d = L.paragraph_top(ui.anchor_paragraph) - ui.anchor_top;
      if (d == 0) return;
      ui.anchor_top += d;
      scroll_now(window->Scroll.y + d);
    }
  };
  // A document opened again comes back where it was (its paragraph becomes the anchor); a
  // new one starts at its top. Until its header has been drawn once, header_h is a guess:
  // then once more in the next frame, with the header's real height.
  if (state.restore_pending) {
    const ViewPosition& to = state.restore_view;
    const FragmentRef f = to.byte > 0 ? L.fragment_at_byte(to.byte) : FragmentRef{};
    ui.anchor_paragraph = -1;
    if (f.found()) {  // its line, laid out now, at the view's top (less the offset)
      ui.anchor_paragraph = f.paragraph;
      ui.anchor_top = L.paragraph_top(f.paragraph);
      scroll_now(header_h + L.line_top(f) + to.offset);
    } else {
      scroll_now(to.offset);  // from the top of the content
    }
    if (ui.doc_header_key == text_id) {
      state.restore_pending = false;
      settle();
      float r[4];
      const int sel = state.selected_entity;
      if (to.selection_seen && sel >= 0 && L.entity_rect(sel, r) && !wholly_in_view(top.y - shift + header_h + r[1])) {
        state.scroll_to_entity = sel;
      }
    }
  }
  settle();
  // One-shot scroll requests from the side panel: bring the line into the upper part of the
  // view unless it is already well inside it. The target becomes the anchor.
  const auto scroll_to_y = [&](float layout_y) {
    const float screen_y = top.y - shift + header_h + layout_y;
    if (screen_y > win_y + win_h * 0.1f && screen_y + line_h < win_y + win_h * 0.8f) return;
    ui.anchor_paragraph = L.paragraph_at_y(layout_y);
    ui.anchor_top = L.paragraph_top(ui.anchor_paragraph);
    scroll_now(header_h + layout_y - win_h * 0.35f);
    settle();
  };
  // (Not while a document just opened is still coming back to its place: that would undo
  // them in the next frame; a find in another document asks as it opens it.)
  float r[4];
  if (!state.restore_pending) {
    if (state.scroll_to_entity >= 0 && L.entity_rect(state.scroll_to_entity, r)) scroll_to_y(r[1]);
    state.scroll_to_entity = -1;
    if (state.scroll_to_quote >= 0 && L.quote_rect(state.scroll_to_quote, r)) scroll_to_y(r[1]);
    state.scroll_to_quote = -1;
    if (state.scroll_to_byte != SIZE_MAX) {
      const FragmentRef f = L.fragment_at_byte(state.scroll_to_byte);
      if (f.found()) scroll_to_y(L.line_top(f));
      state.scroll_to_byte = SIZE_MAX;
    }
  }
  const float page = std::max(line_h, win_h - 2 * line_h);
  const float key_scroll = keyboard_scroll(window->Scroll.y, 1e30f, page, 2 * line_h);
  if (key_scroll >= 1e29f) {
    // End: the last screens are laid out first, so the end is where it really is.
    L.ensure_range(L.height() - 2 * win_h, L.height());
    ui.anchor_paragraph = -1;
    scroll_now(content_h() - win_h);
  } else if (key_scroll >= 0) {
    scroll_now(key_scroll);
  }
  settle();

  // Header, then the text below it, at their final positions.
  const float content_top = top.y - shift;
  const float origin_x = std::round(top.x + std::max(margin, (avail - wrap) * 0.5f));
  ui.doc_origin_x = origin_x;
  ui.doc_wrap_width = wrap;
  ImGui::SetCursorScreenPos(ImVec2(origin_x, content_top + margin));
  draw_article_header(state, ui);
  const ImVec2 origin(origin_x, std::round(ImGui::GetCursorScreenPos().y));
  ui.doc_header_h = origin.y - content_top;
  ui.doc_header_key = text_id;
  ui.doc_origin_y = origin.y;
  ui.doc_line_height = line_h;
  ImGui::SetCursorScreenPos(ImVec2(top.x, content_top));
  ImGui::Dummy(ImVec2(wrap + 2 * margin, origin.y - content_top + L.height() + margin));
  ui.doc_scroll_y = window->Scroll.y;
  ui.doc_scroll_max_y = std::max(0.0f, origin.y - content_top + L.height() + margin - win_h);
  ui.doc_view_top = win_y;
  ui.doc_view_bottom = win_y + win_h;
  // The anchor for the next frame: the paragraph at the top of the view; it is also where
  // the person is, kept with the document.
  const float view_at = win_y - origin.y;
  ui.anchor_paragraph = L.paragraph_at_y(view_at);
  if (ui.anchor_paragraph >= 0) ui.anchor_top = L.paragraph_top(ui.anchor_paragraph);
  if (DocumentSession* s = state.session()) {
    const FragmentRef f = view_at > 0 ? L.fragment_near(0, view_at) : FragmentRef{};
    const size_t byte = f.found() ? L.fragment(f).begin_byte : 0;
    s->view = byte > 0 ? ViewPosition{byte, view_at - L.line_top(f)} : ViewPosition{0, ui.doc_scroll_y};
    float r[4];
    const int sel = state.selected_entity;
    if (sel >= 0 && L.entity_rect(sel, r)) s->view.selection_seen = partly_in_view(origin.y + r[1]);
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float view_top = win_y;
  const float view_bottom = win_y + win_h;
  const bool flashing = state.services.now_ms ? state.services.now_ms() < state.flash_until_ms : false;
  const float pulse = 0.5f + 0.5f * std::sin(static_cast<float>(ImGui::GetTime()) * 12.0f);
  const float s = ui.scale;
  const auto bar_x = [&](int depth) { return origin.x - std::round((12 + 6 * std::min(depth, 2)) * s); };
  const float bar_w = std::max(2.0f, std::round(3 * s));

  // Selecting words with the left button held: from the fragment where it went down to
  // the one nearest the mouse, across paragraphs too, to copy a passage (with Alt held: exact
  // characters). Released after moving, the "Tag as" menu opens (it tags within one line).
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const float mx = mouse.x - origin.x, my = mouse.y - origin.y;
  bool open_tag_menu = false;
  if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
      !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
    ui.select_anchor = L.fragment_at(mx, my);
    if (!ui.select_anchor.found() && mouse.x >= origin.x && mouse.x < origin.x + wrap) ui.select_anchor = L.fragment_near(mx, my);
    ui.select_current = ui.select_anchor;
    ui.selecting = false;
    ui.select_exact = ImGui::GetIO().KeyAlt;
    ui.select_anchor_byte = L.byte_near(mx, my);
    state.copy_begin = state.copy_end = 0;  // a click ends a copy selection
  }
  // The selection's byte range [sel_begin, sel_end), empty when there is none.
  size_t sel_begin = 0, sel_end = 0;
  if (ui.select_anchor.found()) {
    const LayoutFragment anchor = L.fragment(ui.select_anchor);
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      const FragmentRef cur = L.fragment_near(mx, my);
      if (cur.found()) ui.select_current = cur;
      if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4 * ui.scale)) ui.selecting = true;
    }
    if (ui.selecting && ui.select_current.found()) {
      if (ui.select_exact) {
        const size_t here = std::min(L.byte_near(mx, my), doc.text.size());
        sel_begin = std::min(ui.select_anchor_byte, here);
        sel_end = std::max(ui.select_anchor_byte, here);
      } else {
        const LayoutFragment current = L.fragment(ui.select_current);
        sel_begin = std::min(anchor.begin_byte, current.begin_byte);
        sel_end = std::max(anchor.end_byte, current.end_byte);
      }
    }
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      if (ui.selecting && sel_end > sel_begin) {
        ui.tag_begin = sel_begin;
        ui.tag_end = sel_end;
        state.copy_begin = sel_begin;  // Ctrl+C copies it while the menu is open
        state.copy_end = sel_end;
        open_tag_menu = true;
      }
      ui.select_anchor = {};
      ui.selecting = false;
    }
  }
  // Double-clicking a word that is not tagged offers to tag it.
  if (ImGui::IsWindowHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    const FragmentRef f = L.fragment_at(mx, my);
    if (f.found() && L.fragment(f).entity < 0) {
      ui.tag_begin = L.fragment(f).begin_byte;
      ui.tag_end = L.fragment(f).end_byte;
      state.copy_begin = ui.tag_begin;
      state.copy_end = ui.tag_end;
      open_tag_menu = true;
    }
  }
  if (sel_end <= sel_begin && state.copy_end > state.copy_begin) {
    sel_begin = state.copy_begin;  // the "Tag as" menu's words, or the whole text (Ctrl+A)
    sel_end = state.copy_end;
  }

  // Hover: an entity under the mouse, else a quotation's text or its margin bar.
  ui.hovered_entity = -1;
  ui.hovered_quote_bar = -1;
  int hovered_quote_text = -1;
  if (ImGui::IsWindowHovered()) {
    const FragmentRef f = L.fragment_at(mx, my);
    if (f.found()) ui.hovered_entity = L.fragment(f).entity;
    if (ui.hovered_entity < 0) {
      hovered_quote_text = L.quote_at(mx, my);
      if (mouse.x < origin.x && mouse.x >= bar_x(2) - 4 * s) ui.hovered_quote_bar = L.quote_on_line(my);  // the margin bar
    }
  }
  // Which group's mentions are outlined: the hovered mention's, else a hovered group row's.
  int highlight_group = -1;
  if (ui.hovered_entity >= 0 && ui.hovered_entity < static_cast<int>(index.entity_group.size())) {
    highlight_group = index.entity_group[ui.hovered_entity];
  } else if (ui.panel_hovered_group >= 0) {
    highlight_group = ui.panel_hovered_group;
  }
  const int highlight_quote = ui.hovered_quote_bar >= 0 ? ui.hovered_quote_bar : ui.panel_hovered_quote;

  const float pad_x = 3 * s;
  const float box_top_off = (line_h - font_h) * 0.5f - 3 * s;
  const float box_h = font_h + 6 * s;
  ImFont* tag_font = ui.tag_font;
  const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);

  // The speaker words and the verb of the selected (or highlighted) quotation are underlined.
  const int marked_quote = state.selected_quote >= 0 ? state.selected_quote : highlight_quote;
  const Quotation* mq = marked_quote >= 0 && marked_quote < static_cast<int>(doc.quotes.size())
                            ? &doc.quotes[static_cast<size_t>(marked_quote)] : nullptr;

  // Only the paragraphs inside the visible part of the child window are laid out and drawn.
  const int first_para = L.paragraph_at_y(view_top - origin.y);
  float para_y = first_para >= 0 ? origin.y + L.paragraph_top(first_para) : view_bottom;
  for (int p = first_para; p >= 0 && p < static_cast<int>(L.paragraph_count()) && para_y < view_bottom; ++p) {
    const ParagraphLayout& para = L.paragraph(p);
    const float para_top = para_y;
    para_y += para.height;
    for (size_t li = 0; li < para.lines.size(); ++li) {
      const LayoutLine& line = para.lines[li];
      const float y = para_top + line.y;
      if (y + line_h < view_top) continue;
      if (y > view_bottom) break;
      const size_t end = line.first_fragment + line.fragment_count;
      // Pass 0: quotations on this line: a light tint behind the words, a bar in the margin.
      for (const LayoutQuoteSegment& sg : para.quote_segments) {
        if (sg.line != static_cast<int>(li)) continue;
        const bool guess = doc.quotes[static_cast<size_t>(sg.quote)].is_uncertain || is_unknown_speaker(doc, index, sg.quote);
        const bool selected = state.selected_quote == sg.quote;
        const bool marked = highlight_quote == sg.quote;
        float tint = 0.07f + (marked ? 0.06f : 0.0f);
        if (selected) tint = flashing ? 0.12f + 0.14f * pulse : 0.16f;
        const ImU32 tint_col = guess ? quote_uncertain_color(tint) : quote_color(tint);
        dl->AddRectFilled(ImVec2(origin.x + sg.x0 - pad_x, y), ImVec2(origin.x + sg.x1 + pad_x, y + line_h), tint_col);
        const float bx = bar_x(sg.depth);
        const float bar_alpha = selected || marked ? 1.0f : 0.7f;
        const float w = selected ? bar_w + std::round(1 * s) : bar_w;
        if (guess) {
          // A dashed bar: the speaker is a guess or unknown.
          for (float dy = 0; dy < line_h; dy += 7 * s) {
            dl->AddRectFilled(ImVec2(bx, y + dy), ImVec2(bx + w, y + std::min(line_h, dy + 4 * s)),
                              quote_uncertain_color(bar_alpha));
          }
        } else {
          dl->AddRectFilled(ImVec2(bx, y), ImVec2(bx + w, y + line_h), quote_color(bar_alpha));
        }
      }
      // The disagreement shown by the comparison: a violet band under its words.
      if (state.comparison.active && state.comparison.current >= 0 && line.fragment_count > 0) {
        const Disagreement& dg = state.comparison.agreement.disagreements[static_cast<size_t>(state.comparison.current)];
        for (size_t k = line.first_fragment; k < end; ++k) {
          const LayoutFragment& f = para.fragments[k];
          if (f.end_byte <= dg.begin_byte || f.begin_byte >= dg.end_byte) continue;
          const ImVec2 a(origin.x + f.x - pad_x, y + 1), b(origin.x + f.x + f.width + f.tag_width + pad_x, y + line_h - 1);
          dl->AddRectFilled(a, b, IM_COL32(150, 90, 220, 60), 3 * s);
          dl->AddRect(a, b, IM_COL32(120, 60, 200, 220), 3 * s, 0, 2 * s);
        }
      }
      // Find: every match on this line in yellow, the current one stronger.
      if (!state.find.matches.empty() && line.fragment_count > 0) {
        const size_t lb = para.fragments[line.first_fragment].begin_byte;
        const size_t le = para.fragments[end - 1].end_byte;
        const auto& ms = state.find.matches;
        auto m = std::lower_bound(ms.begin(), ms.end(), std::make_pair(lb, size_t{0}),
                                  [](const auto& a, const auto& b) { return a.second <= b.first; });
        for (; m != ms.end() && m->first < le; ++m) {
          const bool current = state.find.current == static_cast<int>(m - ms.begin());
          for (size_t k = line.first_fragment; k < end; ++k) {
            const LayoutFragment& f = para.fragments[k];
            if (f.end_byte <= m->first || f.begin_byte >= m->second) continue;
            const char* t = doc.text.data();
            const float x0 = f.x + (m->first > f.begin_byte ? ui.text_font->CalcTextSizeA(font_h, 1e9f, 0, t + f.begin_byte, t + m->first).x : 0);
            const float x1 = f.x + ui.text_font->CalcTextSizeA(font_h, 1e9f, 0, t + f.begin_byte, t + std::min(m->second, f.end_byte)).x;
            dl->AddRectFilled(ImVec2(origin.x + x0 - 1, y + 2), ImVec2(origin.x + x1 + 1, y + line_h - 2),
                              current ? IM_COL32(255, 150, 0, 150) : IM_COL32(255, 220, 60, 110), 2 * s);
          }
        }
      }
      // The words being selected with the mouse, or waiting in the "Tag as" menu; a
      // fragment only partly inside (exact characters) is covered only that far.
      if (sel_end > sel_begin) {
        for (size_t k = line.first_fragment; k < end; ++k) {
          const LayoutFragment& f = para.fragments[k];
          if (f.end_byte <= sel_begin || f.begin_byte >= sel_end) continue;
          float x0 = f.x, x1 = f.x + f.width + f.tag_width;
          if (f.begin_byte < sel_begin) x0 = f.x + ui.text_font->CalcTextSizeA(font_h, 1e9f, 0, doc.text.data() + f.begin_byte, doc.text.data() + sel_begin).x;
          if (f.end_byte > sel_end) x1 = f.x + ui.text_font->CalcTextSizeA(font_h, 1e9f, 0, doc.text.data() + f.begin_byte, doc.text.data() + sel_end).x;
          const bool joins_next = f.end_byte <= sel_end && k + 1 < end && para.fragments[k + 1].begin_byte < sel_end;
          if (joins_next) x1 = para.fragments[k + 1].x;
          dl->AddRectFilled(ImVec2(origin.x + x0 - (f.begin_byte >= sel_begin ? pad_x : 0), y + 1),
                            ImVec2(origin.x + x1 + (joins_next || f.end_byte > sel_end ? 0 : pad_x), y + line_h - 1),
                            IM_COL32(70, 130, 230, 70));
        }
      }
      // Pass 1: entity boxes, one per run of consecutive fragments of one entity.
      for (size_t k = line.first_fragment; k < end;) {
        const LayoutFragment& f = para.fragments[k];
        if (f.entity < 0) { ++k; continue; }
        size_t j = k;
        while (j + 1 < end && para.fragments[j + 1].entity == f.entity) ++j;
        const LayoutFragment& last = para.fragments[j];
        const Entity& e = doc.entities[static_cast<size_t>(f.entity)];
        const std::string tag = tag_text(e);
        const float tag_w = last.ends_entity ? last.tag_width : 0;
        const ImVec2 a(origin.x + f.x - pad_x, y + box_top_off);
        const ImVec2 b(origin.x + last.x + last.width + tag_w + pad_x, y + box_top_off + box_h);
        const bool hovered = ui.hovered_entity == f.entity;
        const bool selected = state.selected_entity == f.entity;
        const bool in_group = highlight_group >= 0 && f.entity < static_cast<int>(index.entity_group.size()) &&
                              index.entity_group[static_cast<size_t>(f.entity)] == highlight_group;
        const bool unsure = looks_unsure(e);
        const ImU32 base = label_color(doc, e.label);
        const float alpha = unsure ? 0.35f : (hovered || in_group ? 0.95f : 0.7f);
        dl->AddRectFilled(a, b, label_color(doc, e.label, alpha), 4 * s);
        if (unsure) {
          // Dashed underline marks a low-confidence entity.
          for (float dx = a.x; dx < b.x; dx += 6 * s) {
            dl->AddLine(ImVec2(dx, b.y - 1), ImVec2(std::min(dx + 3 * s, b.x), b.y - 1), darker(base, 0.5f), 2 * s);
          }
        }
        if (hovered || selected) {
          float thickness = 1.5f * s;
          ImU32 outline = darker(base, 0.55f);
          if (selected && flashing) {
            thickness = (1.5f + 2.0f * pulse) * s;
            outline = IM_COL32(30, 60, 160, 255);
          } else if (selected) {
            thickness = 2.0f * s;
            outline = IM_COL32(30, 60, 160, 255);
          }
          dl->AddRect(a, b, outline, 4 * s, 0, thickness);
        } else if (in_group) {
          // Another mention of the hovered group: an outline in a deeper shade of its colour.
          dl->AddRect(a, b, darker(base, 0.7f), 4 * s, 0, 1.5f * s);
        }
        if (last.ends_entity) {
          const ImVec2 tp(origin.x + last.x + last.width + 5 * s, y + (line_h - tag_font->FontSize) * 0.5f);
          dl->AddText(tag_font, tag_font->FontSize, tp, darker(base, 0.38f), tag.c_str());
        }
        k = j + 1;
      }
      // Pass 2: the text itself, with the marked quotation's speaker and verb underlined.
      ImFont* font = ui.text_font;
      const float text_y = y + (line_h - font_h) * 0.5f;
      for (size_t k = line.first_fragment; k < end; ++k) {
        const LayoutFragment& f = para.fragments[k];
        const char* str = doc.text.data() + f.begin_byte;
        dl->AddText(font, font_h, ImVec2(origin.x + f.x, text_y), text_col, str, doc.text.data() + f.end_byte);
        if (mq) {
          const bool speaker = f.begin_byte >= mq->speaker_begin_byte && f.end_byte <= mq->speaker_end_byte;
          const bool cue = f.begin_byte >= mq->cue_begin_byte && f.end_byte <= mq->cue_end_byte;
          if (speaker || cue) {
            const float uy = std::round(text_y + font_h + 1 * s);
            dl->AddLine(ImVec2(origin.x + f.x, uy), ImVec2(origin.x + f.x + f.width, uy),
                        mq->is_uncertain ? quote_uncertain_color() : quote_color(), speaker ? 2.0f * s : 1.0f * s);
          }
        }
      }
    }
  }
  // A long text scrolled through keeps only what is near the view laid out.
  L.trim(view_top - origin.y - 2 * win_h, view_bottom - origin.y + 2 * win_h, 200000);
  ImGui::PopFont();

  const bool click = ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left);
  if (ui.hovered_entity >= 0) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    draw_tooltip(state, ui.hovered_entity);
    if (click) {
      state.selected_entity = ui.hovered_entity;
      state.selected_quote = -1;
    }
  } else if (ui.hovered_quote_bar >= 0) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    draw_quote_tooltip(state, ui.hovered_quote_bar, true);
    if (click) {
      state.selected_quote = ui.hovered_quote_bar;
      state.selected_entity = -1;
      state.flash_until_ms = state.services.now_ms ? state.services.now_ms() + 1200.0 : 0;
      ui.request_tab = "quotes";
    }
  } else if (click) {
    state.selected_entity = -1;
    state.selected_quote = hovered_quote_text;
  }
  if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
    if (ui.hovered_entity >= 0) {
      ui.menu_entity = ui.hovered_entity;
      state.selected_entity = ui.hovered_entity;
      state.selected_quote = -1;
      open_menu(ui, "entity-menu");
    } else if (ui.hovered_quote_bar >= 0 || hovered_quote_text >= 0) {
      ui.menu_quote = ui.hovered_quote_bar >= 0 ? ui.hovered_quote_bar : hovered_quote_text;
      state.selected_quote = ui.menu_quote;
      state.selected_entity = -1;
      open_menu(ui, "speaker-menu");
    }
  }
  if (open_tag_menu) open_menu(ui, "tag-menu");
  ImGui::EndChild();
}

}  // namespace glosa::app
