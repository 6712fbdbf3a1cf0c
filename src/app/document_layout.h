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
  size_t begin_byte = 0;  // a piece of one word: never spans a space, an entity boundary
  size_t end_byte = 0;    //   or a quotation boundary
  float x = 0;            // left edge within the line
  float width = 0;        // text width (the label tag, if any, follows at x + width)
  float tag_width = 0;    // width of the label tag after it (ends_entity), else 0
  int line = 0;
  int entity = -1;        // index into Document::entities of the visible entity covering it
  bool ends_entity = false;  // the entity's last fragment: its label tag is drawn after it
};

// The part of one quotation on one line: from the left edge of its first fragment there to
// the right edge (tag included) of its last.
struct LayoutQuoteSegment {
  int quote = 0;   // index into Document::quotes
  int line = 0;
  float x0 = 0;
  float x1 = 0;
  int depth = 0;   // 0 for an outermost quotation, 1 inside another, ...
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
  std::vector<LayoutQuoteSegment> quote_segments;  // by line, then by quotation index
  std::vector<int> quote_first_fragment;  // per quotation: its first fragment, -1 if none
  float height = 0;                       // total height of all lines
};

struct LayoutParams {
  float wrap_width = 600;
  float line_height = 24;
  float paragraph_gap = 10;  // extra space for an empty line
  float space_width = 5;
  float entity_gap = 0;      // room before an entity and after its tag, on top of any space,
                             // so that its box (which reaches a little beyond its text and
                             // tag) neither covers nor crowds what is beside it, as in "(ODKB)"
  std::function<float(std::string_view)> measure;           // text width
  std::function<float(const Entity&)> tag_width;  // width of an entity's label tag + padding
};

// Lays out doc.text. `entity_visible[i]` says whether entity i is shown (hidden ones get no
// tag and no highlight). Entities may overlap (imported files): a fragment belongs to the
// first visible entity covering it. Runs wider than the line are split between characters.
// Quotations (doc.quotes, any nesting; `quote_depth[q]` as in DocumentIndex, missing = 0)
// cut words at their edges and get one segment per line they cover; a quotation outside the
// text or covering no fragment gets none.
DocumentLayout layout_document(const Document& doc, const std::vector<bool>& entity_visible,
                               const LayoutParams& params, const std::vector<int>& quote_depth = {});

// The fragment under point (x, y), or -1.
int fragment_at(const DocumentLayout& layout, float x, float y, float line_height);

// The fragment nearest to point (x, y), for selecting with the mouse: on the line at y (the
// first line above the text, the last below it), the fragment under x, else the nearest one
// on that line. -1 when there are no fragments.
int fragment_near(const DocumentLayout& layout, float x, float y);

// The first fragment that ends after byte `byte` (the one holding it, or the next one after
// a space), or -1 past the last fragment.
int fragment_at_byte(const DocumentLayout& layout, size_t byte);

// The deepest quotation whose segment on the line at y covers x (x0 <= x < x1), or -1.
int quote_at(const DocumentLayout& layout, float x, float y, float line_height);

// The deepest quotation with a segment on the line at y (its margin bar), or -1.
int quote_on_line(const DocumentLayout& layout, float y, float line_height);

}  // namespace glosa::app
