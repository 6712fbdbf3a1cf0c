// The annotator's user interface drawn with Dear ImGui: one call per frame draws every
// panel from AppState. Layer: app (ImGui only; the platform owns the window and the GPU).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/document_layout.h"

struct ImFont;

namespace glosa::app {

// Fonts and caches the panels keep between frames.
struct UiResources {
  ImFont* ui_font = nullptr;     // panels, buttons
  ImFont* text_font = nullptr;   // the article
  ImFont* tag_font = nullptr;    // label tags inside highlights (bold, small)
  ImFont* title_font = nullptr;  // the document title and start screen heading
  float scale = 1.0f;            // device pixels per CSS pixel: everything is sized by it

  // Document layout cache: recomputed when any key changes.
  DocumentLayout layout;
  uint64_t layout_revision = ~0ull;
  float layout_width = -1;
  std::string layout_visibility;

  float doc_origin_x = 0;        // screen position of the text's top-left in the last frame
  float doc_origin_y = 0;        // (layout coordinates + origin = screen coordinates)
  float doc_line_height = 0;

  std::string entity_filter;     // the entity list's search box
  int hovered_entity = -1;       // entity under the mouse this frame
};

// Loads the UI fonts at `scale` (device pixel ratio) from TTF files. Covers Latin (with
// Polish), Latin Extended, Cyrillic, general punctuation („ ” – …) and currency symbols.
// Returns false if a font file cannot be read (ImGui's default font is used then).
bool setup_fonts(UiResources& ui, const std::string& regular_ttf, const std::string& bold_ttf,
                 float scale);

// Colours and spacing of the light theme, sized by `scale`.
void apply_theme(float scale);

// Draws one frame of the whole UI into the current ImGui frame (full viewport).
void draw_frame(AppState& state, UiResources& ui);

// Panels, each drawn inside the layout that draw_frame sets up.
void draw_toolbar(AppState& state, UiResources& ui);
void draw_document_view(AppState& state, UiResources& ui);
void draw_side_panel(AppState& state, UiResources& ui);
void draw_status_bar(AppState& state, UiResources& ui);

// Screen rectangle {x0, y0, x1, y1} of entity `index`'s first fragment as drawn in the last
// frame (for tests and automation). False if it is hidden or not laid out.
bool entity_screen_rect(const UiResources& ui, int index, float rect[4]);

// Label colour of `label` in the open document (or grey), as an ImGui packed colour.
uint32_t label_color(const Document& doc, const std::string& label, float alpha = 1.0f);

}  // namespace glosa::app
