// Word-wrapped layout of the document text with room for entity label tags, computed apart
// from drawing so it can be cached per (document, width) and tested without a GPU.
// Layer: app. Positions are in the units of the measure function (pixels in the app).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/document.h"

namespace glosa::app {

struct LayoutFragment {
  size_t begin_byte = 0;  // a piece of one word: never spans a space or an entity boundary
  size_t end_byte = 0;
  float x = 0;            // left edge within the line
  float width = 0;        // text width (the label tag, if any, follows at x + width)
  int line = 0;
  int entity = -1;        // index into Document::entities of the visible entity covering it
  bool ends_entity = false;  // the entity's last fragment: its label tag is drawn after it
};

struct LayoutLine {
  float y = 0;                 // top of the line
  size_t first_fragment = 0;   // fragments of this line: [first, first + count)
  size_t fragment_count = 0;
};

struct DocumentLayout {
  std::vector<LayoutFragment> fragments;  // in text order
  std::vector<LayoutLine> lines;          // in text order, y increasing
  std::vector<int> entity_first_fragment; // per entity: its first fragment, -1 when hidden
  float height = 0;                       // total height of all lines
};

struct LayoutParams {
  float wrap_width = 600;
  float line_height = 24;
  float paragraph_gap = 10;  // extra space for an empty line
  float space_width = 5;
  std::function<float(std::string_view)> measure;           // text width
  std::function<float(const Entity&)> tag_width;  // width of an entity's label tag + padding
};

// Lays out doc.text. `entity_visible[i]` says whether entity i is shown (hidden ones get no
// tag and no highlight). Entities may overlap (imported files): a fragment belongs to the
// first visible entity covering it. Runs wider than the line are split between characters.
DocumentLayout layout_document(const Document& doc, const std::vector<bool>& entity_visible,
                               const LayoutParams& params);

// The fragment under point (x, y), or -1.
int fragment_at(const DocumentLayout& layout, float x, float y, float line_height);

}  // namespace glosa::app
