// Document layout: lines, word runs, entity pieces, label tags. Layer: app.
#include "app/document_layout.h"

#include <algorithm>

#include "engine/text/utf8.h"

namespace glosa::app {

namespace {

bool is_break_space(char c) { return c == ' ' || c == '\t'; }

struct Piece {
  size_t begin, end;
  int entity;
  bool ends_entity;
  float width;
  float lead;  // gap before it: beside an entity's box (see LayoutParams::entity_gap)
};

}  // namespace

DocumentLayout layout_document(const Document& doc, const std::vector<bool>& entity_visible,
                               const LayoutParams& p, const std::vector<int>& quote_depth) {
  DocumentLayout out;
  const std::string_view text = doc.text;
  const auto& ents = doc.entities;
  out.entity_first_fragment.assign(ents.size(), -1);

  // Boundaries where a word must be cut: every visible entity's begin and end.
  std::vector<size_t> cuts;
  std::vector<int> visible;
  for (size_t i = 0; i < ents.size(); ++i) {
    if (i < entity_visible.size() && !entity_visible[i]) continue;
    visible.push_back(static_cast<int>(i));
    cuts.push_back(ents[i].begin_byte);
    cuts.push_back(ents[i].end_byte);
  }
  for (const Quotation& q : doc.quotes) {
    if (q.begin_byte >= q.end_byte || q.end_byte > text.size()) continue;
    cuts.push_back(q.begin_byte);
    cuts.push_back(q.end_byte);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  // First visible entity covering byte b (entities are sorted by begin). Linear scan from a
  // moving cursor keeps the whole layout O(n + entities) for non-overlapping entities.
  size_t cursor = 0;
  const auto entity_at = [&](size_t b) -> int {
    while (cursor < visible.size() && ents[visible[cursor]].end_byte <= b &&
           ents[visible[cursor]].begin_byte <= b) {
      ++cursor;
    }
    for (size_t k = cursor; k < visible.size() && ents[visible[k]].begin_byte <= b; ++k) {
      if (ents[visible[k]].end_byte > b) return visible[k];
    }
    return -1;
  };

  float y = 0;
  float x = 0;
  int line = 0;
  bool line_open = false;
  const auto open_line = [&] {
    if (line_open) return;
    LayoutLine l;
    l.y = y;
    l.first_fragment = out.fragments.size();
    out.lines.push_back(l);
    line_open = true;
  };
  const auto new_line = [&] {
    if (line_open) {
      out.lines.back().fragment_count = out.fragments.size() - out.lines.back().first_fragment;
      y += p.line_height;
      ++line;
    }
    line_open = false;
    x = 0;
  };
  const auto place = [&](const Piece& piece, float at_x) {
    open_line();
    LayoutFragment f;
    f.begin_byte = piece.begin;
    f.end_byte = piece.end;
    f.x = at_x;
    f.width = piece.width;
    f.line = line;
    f.entity = piece.entity;
    f.ends_entity = piece.ends_entity;
    f.tag_width = piece.ends_entity ? p.tag_width(ents[piece.entity]) : 0;
    if (f.entity >= 0 && out.entity_first_fragment[f.entity] < 0) {
      out.entity_first_fragment[f.entity] = static_cast<int>(out.fragments.size());
    }
    out.fragments.push_back(f);
  };

  std::vector<Piece> pieces;
  bool after_entity = false;  // the last piece placed ended an entity (its tag)
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    if (eol == pos || text.substr(pos, eol - pos).find_first_not_of(" \t") == std::string_view::npos) {
      // An empty line: paragraph spacing, no fragments.
      new_line();
      if (eol != text.size() || pos != eol) y += p.paragraph_gap;
    } else {
      size_t i = pos;
      while (i < eol) {
        if (is_break_space(text[i])) { ++i; continue; }
        size_t run_end = i;
        while (run_end < eol && !is_break_space(text[run_end])) ++run_end;
        // Cut the run at entity boundaries into pieces.
        pieces.clear();
        float run_width = 0;
        size_t b = i;
        auto cut = std::upper_bound(cuts.begin(), cuts.end(), b);
        while (b < run_end) {
          size_t e = run_end;
          if (cut != cuts.end() && *cut < run_end) e = *cut++;
          const int ent = entity_at(b);
          Piece piece{b, e, ent, ent >= 0 && ents[ent].end_byte == e, 0, 0};
          piece.width = p.measure(text.substr(b, e - b));
          // Room beside each box: before an entity's first piece and after its tag.
          if (ent >= 0 && ents[ent].begin_byte == b) piece.lead += p.entity_gap;
          if (pieces.empty() ? after_entity : pieces.back().ends_entity) piece.lead += p.entity_gap;
          run_width += piece.lead + piece.width;
          if (piece.ends_entity) run_width += p.tag_width(ents[ent]);
          pieces.push_back(piece);
          b = e;
        }
        if (line_open && x > 0 && x + p.space_width + run_width > p.wrap_width) new_line();
        if (line_open && x > 0) x += p.space_width;
        for (const Piece& piece : pieces) {
          const float tag = piece.ends_entity ? p.tag_width(ents[piece.entity]) : 0;
          if (x > 0) x += piece.lead;
          if (x + piece.width + tag <= p.wrap_width || x == 0) {
            if (piece.width + tag > p.wrap_width && x == 0) {
              // Wider than a whole line: split between characters.
              size_t s = piece.begin;
              size_t len = 0;
              while (s < piece.end) {
                size_t e = s;
                float w = 0;
                while (e < piece.end) {
                  decode_utf8(text, e, &len);
                  const float cw = p.measure(text.substr(s, e + len - s));
                  if (cw > p.wrap_width && e > s) break;
                  w = cw;
                  e += len;
                }
                Piece part{s, e, piece.entity, piece.ends_entity && e == piece.end, w, 0};
                if (x > 0) new_line();
                place(part, x);
                x += w + (part.ends_entity ? tag : 0);
                s = e;
              }
              continue;
            }
          } else {
            new_line();
          }
          place(piece, x);
          x += piece.width + tag;
        }
        after_entity = !pieces.empty() && pieces.back().ends_entity;
        i = run_end;
      }
      new_line();
    }
    if (eol == text.size()) break;
    pos = eol + 1;
  }
  new_line();
  out.height = y;

  // Quotation segments: per quotation, the fragments inside it, one segment per line.
  out.quote_first_fragment.assign(doc.quotes.size(), -1);
  for (size_t q = 0; q < doc.quotes.size(); ++q) {
    const Quotation& quote = doc.quotes[q];
    if (quote.begin_byte >= quote.end_byte || quote.end_byte > text.size()) continue;
    const int first = fragment_at_byte(out, quote.begin_byte);
    if (first < 0) continue;
    const int depth = q < quote_depth.size() ? quote_depth[q] : 0;
    for (size_t k = first; k < out.fragments.size() && out.fragments[k].end_byte <= quote.end_byte; ++k) {
      const LayoutFragment& f = out.fragments[k];
      if (f.begin_byte < quote.begin_byte) continue;
      if (out.quote_first_fragment[q] < 0) out.quote_first_fragment[q] = static_cast<int>(k);
      const float right = f.x + f.width + f.tag_width;
      if (!out.quote_segments.empty() && out.quote_segments.back().quote == static_cast<int>(q) &&
          out.quote_segments.back().line == f.line) {
        out.quote_segments.back().x1 = std::max(out.quote_segments.back().x1, right);
      } else {
        out.quote_segments.push_back({static_cast<int>(q), f.line, f.x, right, depth});
      }
    }
  }
  std::stable_sort(out.quote_segments.begin(), out.quote_segments.end(),
                   [](const LayoutQuoteSegment& a, const LayoutQuoteSegment& b) { return a.line < b.line; });
  return out;
}

int fragment_at(const DocumentLayout& layout, float x, float y, float line_height) {
  auto it = std::upper_bound(layout.lines.begin(), layout.lines.end(), y,
                             [](float v, const LayoutLine& l) { return v < l.y; });
  if (it == layout.lines.begin()) return -1;
  --it;
  if (y > it->y + line_height) return -1;
  for (size_t k = it->first_fragment; k < it->first_fragment + it->fragment_count; ++k) {
    const LayoutFragment& f = layout.fragments[k];
    if (x >= f.x && x < f.x + f.width) return static_cast<int>(k);
  }
  return -1;
}

int fragment_near(const DocumentLayout& layout, float x, float y) {
  if (layout.fragments.empty() || layout.lines.empty()) return -1;
  auto it = std::upper_bound(layout.lines.begin(), layout.lines.end(), y,
                             [](float v, const LayoutLine& l) { return v < l.y; });
  if (it != layout.lines.begin()) --it;
  // Lines without fragments do not exist (empty lines only add height), but be safe.
  while (it->fragment_count == 0 && it != layout.lines.begin()) --it;
  if (it->fragment_count == 0) return -1;
  int best = static_cast<int>(it->first_fragment);
  float best_distance = -1;
  for (size_t k = it->first_fragment; k < it->first_fragment + it->fragment_count; ++k) {
    const LayoutFragment& f = layout.fragments[k];
    const float right = f.x + f.width + f.tag_width;
    const float d = x < f.x ? f.x - x : (x > right ? x - right : 0.0f);
    if (best_distance < 0 || d < best_distance) {
      best = static_cast<int>(k);
      best_distance = d;
    }
  }
  return best;
}

int fragment_at_byte(const DocumentLayout& layout, size_t byte) {
  auto it = std::upper_bound(layout.fragments.begin(), layout.fragments.end(), byte,
                             [](size_t b, const LayoutFragment& f) { return b < f.end_byte; });
  return it == layout.fragments.end() ? -1 : static_cast<int>(it - layout.fragments.begin());
}

namespace {

// The deepest quotation on the line at y with a segment that `covers` accepts, or -1.
template <typename Covers>
int deepest_quote(const DocumentLayout& layout, float y, float line_height, Covers covers) {
  auto line = std::upper_bound(layout.lines.begin(), layout.lines.end(), y,
                               [](float v, const LayoutLine& l) { return v < l.y; });
  if (line == layout.lines.begin()) return -1;
  --line;
  if (y > line->y + line_height) return -1;
  const int n = static_cast<int>(line - layout.lines.begin());
  auto seg = std::lower_bound(layout.quote_segments.begin(), layout.quote_segments.end(), n,
                              [](const LayoutQuoteSegment& s, int l) { return s.line < l; });
  int best = -1, best_depth = -1;
  for (; seg != layout.quote_segments.end() && seg->line == n; ++seg) {
    if (covers(*seg) && seg->depth > best_depth) {
      best = seg->quote;
      best_depth = seg->depth;
    }
  }
  return best;
}

}  // namespace

int quote_at(const DocumentLayout& layout, float x, float y, float line_height) {
  return deepest_quote(layout, y, line_height,
                       [x](const LayoutQuoteSegment& s) { return x >= s.x0 && x < s.x1; });
}

int quote_on_line(const DocumentLayout& layout, float y, float line_height) {
  return deepest_quote(layout, y, line_height, [](const LayoutQuoteSegment&) { return true; });
}

}  // namespace glosa::app
