// Word-wrapped layout of the document text with room for entity label tags, computed apart
// from drawing so it can be cached and tested without a GPU. Layer: app. Positions are in the
// units of the measure function (pixels in the app).
//
// The layout is lazy and per paragraph (a line of the text between two '\n'), so the work a
// frame does follows what is visible, not the size of the document: a paragraph is laid out
// the first time it is drawn or hit-tested, others keep an estimated height. Lookups go by
// binary search over paragraph tops and byte offsets. After a correction every paragraph
// goes stale but keeps its height; only the visible ones are laid out again.
#pragma once

#include <cstddef>
#include <cstdint>
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
  int line = 0;           // line within its paragraph
  int entity = -1;        // index into Document::entities of the visible entity covering it
  bool ends_entity = false;  // the entity's last fragment: its label tag is drawn after it
};

// The part of one quotation on one line: from the left edge of its first fragment there to
// the right edge (tag included) of its last.
struct LayoutQuoteSegment {
  int quote = 0;   // index into Document::quotes
  int line = 0;    // line within its paragraph
  float x0 = 0;
  float x1 = 0;
  int depth = 0;   // 0 for an outermost quotation, 1 inside another, ...
};

struct LayoutLine {
  float y = 0;                 // top of the line, from the top of its paragraph
  size_t first_fragment = 0;   // fragments of this line: [first, first + count)
  size_t fragment_count = 0;
};

// One line of the text between line breaks. A blank one only adds the paragraph gap.
struct ParagraphLayout {
  size_t begin_byte = 0;   // its bytes, without the '\n'
  size_t end_byte = 0;
  bool is_blank = false;   // empty or spaces only
  float height = 0;        // exact once laid out for the current stamp, else an estimate
  uint32_t stamp = 0;      // DocumentLayout stamp its fragments were made for (0 = never)
  std::vector<LayoutFragment> fragments;       // in text order
  std::vector<LayoutLine> lines;               // y increasing
  std::vector<LayoutQuoteSegment> quote_segments;  // by line, then by quotation index
};

struct LayoutParams {
  float wrap_width = 600;
  float line_height = 24;
  float paragraph_gap = 10;  // height of a blank line
  float space_width = 5;
  float average_char_width = 8;  // for the height estimate of paragraphs not laid out yet
  float entity_gap = 0;      // room before an entity and after its tag, on top of any space,
                             // so that its box (which reaches a little beyond its text and
                             // tag) neither covers nor crowds what is beside it, as in "(ODKB)"
  std::function<float(std::string_view)> measure;  // text width
  std::function<float(const Entity&)> tag_width;   // width of an entity's label tag + padding
};

// A fragment found by a lookup: paragraph and index in its fragments; paragraph -1 = none.
struct FragmentRef {
  int paragraph = -1;
  int fragment = -1;
  bool found() const { return paragraph >= 0; }
};

// What the layout depends on besides the text; a change of any part makes paragraphs stale.
struct LayoutKey {
  uint64_t text_id = 0;       // identifies the text: a change re-splits the paragraphs
  uint64_t revision = 0;      // entities or quotations changed
  float width = 0;            // wrap width (also any font change: pass a new key)
  std::string visibility;     // hidden labels
  float line_height = 0;
  bool operator==(const LayoutKey& o) const {
    return text_id == o.text_id && revision == o.revision && width == o.width &&
           visibility == o.visibility && line_height == o.line_height;
  }
};

class DocumentLayout {
 public:
  // Binds the layout to `doc` for this frame (the pointer is kept until the next update, so
  // `doc` must outlive the lookups that follow). `entity_visible[i]` says whether entity i
  // is shown (hidden ones get no cut, tag or highlight; missing = shown). `quote_depth[q]`
  // as in DocumentIndex (missing = 0). Re-splits paragraphs when key.text_id changes; marks
  // every paragraph stale when any other part of the key changes.
  void update(const Document& doc, const LayoutKey& key, LayoutParams params,
              std::vector<bool> entity_visible, std::vector<int> quote_depth);

  const LayoutKey& key() const { return key_; }
  size_t paragraph_count() const { return paragraphs_.size(); }
  // Paragraph `p` laid out for the current key (laying it out now if needed).
  const ParagraphLayout& paragraph(int p);
  // Paragraph `p` as it is, possibly stale (for its byte range and height).
  const ParagraphLayout& paragraph_info(int p) const { return paragraphs_[p]; }
  float paragraph_top(int p);        // y of paragraph p's top (tops above use estimates)
  float height();                    // total height
  int paragraph_at_y(float y);       // the paragraph covering y (clamped), -1 when empty
  int paragraph_at_byte(size_t byte) const;  // the paragraph holding byte (or the next one)

  // Hit testing, in layout coordinates (x from the text column's left, y from its top).
  FragmentRef fragment_at(float x, float y);   // the fragment under the point, else none
  // The fragment nearest to the point, for selecting with the mouse: on the line at y (the
  // first line above the text, the last below it), the fragment under x, else the nearest
  // one on that line. None when there are no fragments.
  FragmentRef fragment_near(float x, float y);
  // The character boundary nearest to the point, as a byte offset of the text: on the line
  // at y (as fragment_near), between the characters of the nearest fragment. For selecting
  // exact characters. 0 when there are no fragments.
  size_t byte_near(float x, float y);
  // The first fragment that ends after `byte` (the one holding it, or the next one after a
  // space), searching forward from byte's paragraph; none past the last fragment.
  FragmentRef fragment_at_byte(size_t byte);
  const LayoutFragment& fragment(const FragmentRef& ref) { return paragraph(ref.paragraph).fragments[ref.fragment]; }
  // Top y of the line holding `ref`.
  float line_top(const FragmentRef& ref);
  // The deepest quotation whose segment on the line at y covers x (x0 <= x < x1), or -1.
  int quote_at(float x, float y);
  // The deepest quotation with a segment on the line at y (its margin bar), or -1.
  int quote_on_line(float y);

  // Where entity `index` (its first visible fragment) / quotation `index` (its first
  // segment) is: {x0, y0, x1, y1} in layout coordinates. False when hidden or not laid out.
  bool entity_rect(int index, float rect[4]);
  bool quote_rect(int index, float rect[4]);

  // Lays out every paragraph overlapping [y0, y1), again until their heights stop changing,
  // so the positions of what is shown there are final for this frame.
  void ensure_range(float y0, float y1);

  // Frees the fragments of laid-out paragraphs outside [y0, y1) when more than
  // `max_fragments` are held (memory stays bounded when a long text is scrolled through).
  void trim(float y0, float y1, size_t max_fragments);
  size_t laid_out_fragments() const { return laid_out_fragments_; }
  uint32_t stamp() const { return stamp_; }

 private:
  void split_paragraphs();
  void estimate_heights();
  void layout_paragraph(ParagraphLayout& para);
  void ensure_tops();

  const Document* doc_ = nullptr;
  LayoutKey key_;
  LayoutParams params_;
  std::vector<bool> visible_;
  std::vector<int> quote_depth_;
  uint32_t stamp_ = 1;
  std::vector<ParagraphLayout> paragraphs_;
  std::vector<float> tops_;          // tops_[p] = y of paragraph p; tops_[n] = height
  bool tops_dirty_ = true;
  size_t laid_out_fragments_ = 0;
  // Visible entities / quotations by begin, with the running maximum of their ends: the
  // ones overlapping a byte range are found by binary search even where spans overlap.
  std::vector<int> entity_order_;
  std::vector<size_t> entity_max_end_;
  std::vector<int> quote_order_;
  std::vector<size_t> quote_max_end_;
};

}  // namespace glosa::app
