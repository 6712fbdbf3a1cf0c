// Document layout: paragraphs, lines, word runs, entity pieces, label tags; laid out lazily,
// one paragraph at a time. Layer: app.
#include "app/document_layout.h"

#include <algorithm>
#include <cmath>

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

// The items of `order` (indices sorted by begin, with `max_end[k]` the largest end among the
// first k+1) that overlap [begin, end), in begin order.
template <typename Span>
void overlapping(const std::vector<int>& order, const std::vector<size_t>& max_end, Span span,
                 size_t begin, size_t end, std::vector<int>* out) {
  out->clear();
  auto k = std::upper_bound(max_end.begin(), max_end.end(), begin) - max_end.begin();
  for (size_t i = static_cast<size_t>(k); i < order.size(); ++i) {
    const auto [b, e] = span(order[i]);
    if (b >= end) break;
    if (e > begin && b < e) out->push_back(order[i]);
  }
}

}  // namespace

// --- Section: keys, paragraphs, heights ---

void DocumentLayout::update(const Document& doc, const LayoutKey& key, LayoutParams params,
                            std::vector<bool> entity_visible, std::vector<int> quote_depth) {
  const bool same_text = doc_ != nullptr && key.text_id == key_.text_id;
  const bool same = same_text && key == key_;
  doc_ = &doc;
  params_ = std::move(params);
  if (same) return;
  visible_ = std::move(entity_visible);
  quote_depth_ = std::move(quote_depth);
  const bool width_changed = key.width != key_.width || key.line_height != key_.line_height;
  key_ = key;
  ++stamp_;
  for (ParagraphLayout& p : paragraphs_) {
    if (p.fragments.empty() && p.lines.empty()) continue;
    std::vector<LayoutFragment>().swap(p.fragments);
    std::vector<LayoutLine>().swap(p.lines);
    std::vector<LayoutQuoteSegment>().swap(p.quote_segments);
  }
  laid_out_fragments_ = 0;

  // Visible entities and quotations by begin, with running maxima of their ends.
  const auto& ents = doc.entities;
  entity_order_.clear();
  for (size_t i = 0; i < ents.size(); ++i) {
    if (i < visible_.size() && !visible_[i]) continue;
    entity_order_.push_back(static_cast<int>(i));
  }
  std::stable_sort(entity_order_.begin(), entity_order_.end(),
                   [&](int a, int b) { return ents[a].begin_byte < ents[b].begin_byte; });
  entity_max_end_.resize(entity_order_.size());
  size_t m = 0;
  for (size_t k = 0; k < entity_order_.size(); ++k) entity_max_end_[k] = m = std::max(m, ents[entity_order_[k]].end_byte);
  quote_order_.clear();
  for (size_t q = 0; q < doc.quotes.size(); ++q) {
    const Quotation& quote = doc.quotes[q];
    if (quote.begin_byte < quote.end_byte && quote.end_byte <= doc.text.size()) quote_order_.push_back(static_cast<int>(q));
  }
  std::stable_sort(quote_order_.begin(), quote_order_.end(),
                   [&](int a, int b) { return doc.quotes[a].begin_byte < doc.quotes[b].begin_byte; });
  quote_max_end_.resize(quote_order_.size());
  m = 0;
  for (size_t k = 0; k < quote_order_.size(); ++k) quote_max_end_[k] = m = std::max(m, doc.quotes[quote_order_[k]].end_byte);

  if (!same_text) {
    split_paragraphs();
    estimate_heights();
  } else if (width_changed) {
    estimate_heights();
  }
  tops_dirty_ = true;
}

void DocumentLayout::split_paragraphs() {
  paragraphs_.clear();
  const std::string_view text = doc_->text;
  if (text.empty()) return;
  size_t pos = 0;
  while (true) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    ParagraphLayout p;
    p.begin_byte = pos;
    p.end_byte = eol;
    p.is_blank = text.substr(pos, eol - pos).find_first_not_of(" \t") == std::string_view::npos;
    paragraphs_.push_back(std::move(p));
    if (eol == text.size()) break;
    pos = eol + 1;
  }
}

void DocumentLayout::estimate_heights() {
  const std::string_view text = doc_->text;
  for (size_t i = 0; i < paragraphs_.size(); ++i) {
    ParagraphLayout& p = paragraphs_[i];
    if (p.is_blank) {
      // A blank line adds the paragraph gap, except the empty end after a final line break.
      const bool last_empty = i + 1 == paragraphs_.size() && p.begin_byte == p.end_byte;
      p.height = last_empty ? 0 : params_.paragraph_gap;
      continue;
    }
    const size_t chars = count_codepoints(text.substr(p.begin_byte, p.end_byte - p.begin_byte));
    const float width = static_cast<float>(chars) * params_.average_char_width;
    const float lines = std::max(1.0f, std::ceil(width / std::max(1.0f, params_.wrap_width)));
    p.height = lines * params_.line_height;
  }
}

void DocumentLayout::ensure_tops() {
  if (!tops_dirty_ && tops_.size() == paragraphs_.size() + 1) return;
  tops_.resize(paragraphs_.size() + 1);
  float y = 0;
  for (size_t i = 0; i < paragraphs_.size(); ++i) {
    tops_[i] = y;
    y += paragraphs_[i].height;
  }
  tops_[paragraphs_.size()] = y;
  tops_dirty_ = false;
}

float DocumentLayout::paragraph_top(int p) {
  ensure_tops();
  if (p < 0) return 0;
  return tops_[std::min<size_t>(static_cast<size_t>(p), paragraphs_.size())];
}

float DocumentLayout::height() {
  ensure_tops();
  return tops_.empty() ? 0 : tops_.back();
}

int DocumentLayout::paragraph_at_y(float y) {
  if (paragraphs_.empty()) return -1;
  ensure_tops();
  auto it = std::upper_bound(tops_.begin(), tops_.begin() + static_cast<long>(paragraphs_.size()), y);
  const long p = (it - tops_.begin()) - 1;
  return static_cast<int>(std::clamp<long>(p, 0, static_cast<long>(paragraphs_.size()) - 1));
}

int DocumentLayout::paragraph_at_byte(size_t byte) const {
  if (paragraphs_.empty()) return -1;
  auto it = std::upper_bound(paragraphs_.begin(), paragraphs_.end(), byte,
                             [](size_t b, const ParagraphLayout& p) { return b < p.begin_byte; });
  return it == paragraphs_.begin() ? 0 : static_cast<int>(it - paragraphs_.begin()) - 1;
}

const ParagraphLayout& DocumentLayout::paragraph(int p) {
  ParagraphLayout& para = paragraphs_[static_cast<size_t>(p)];
  if (para.stamp != stamp_) layout_paragraph(para);
  return para;
}

// --- Section: laying out one paragraph ---

void DocumentLayout::layout_paragraph(ParagraphLayout& para) {
  const LayoutParams& p = params_;
  const std::string_view text = doc_->text;
  const auto& ents = doc_->entities;
  laid_out_fragments_ -= std::min(laid_out_fragments_, para.fragments.size());
  para.fragments.clear();
  para.lines.clear();
  para.quote_segments.clear();
  para.stamp = stamp_;
  if (para.is_blank) {
    return;  // the height was set by estimate_heights and never changes
  }
  const size_t pb = para.begin_byte, pe = para.end_byte;

  // Entities and quotations touching this paragraph, and the cuts their edges make.
  std::vector<int> local;
  overlapping(entity_order_, entity_max_end_,
              [&](int i) { return std::pair<size_t, size_t>(ents[i].begin_byte, ents[i].end_byte); }, pb, pe, &local);
  std::vector<int> quotes;
  overlapping(quote_order_, quote_max_end_,
              [&](int q) { return std::pair<size_t, size_t>(doc_->quotes[q].begin_byte, doc_->quotes[q].end_byte); },
              pb, pe, &quotes);
  std::vector<size_t> cuts;
  for (int i : local) {
    cuts.push_back(ents[i].begin_byte);
    cuts.push_back(ents[i].end_byte);
  }
  for (int q : quotes) {
    cuts.push_back(doc_->quotes[q].begin_byte);
    cuts.push_back(doc_->quotes[q].end_byte);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  // First local entity covering byte b (local is by begin); a moving cursor keeps the
  // paragraph linear for non-overlapping entities.
  size_t cursor = 0;
  const auto entity_at = [&](size_t b) -> int {
    while (cursor < local.size() && ents[local[cursor]].end_byte <= b && ents[local[cursor]].begin_byte <= b) ++cursor;
    for (size_t k = cursor; k < local.size() && ents[local[k]].begin_byte <= b; ++k) {
      if (ents[local[k]].end_byte > b) return local[k];
    }
    return -1;
  };

  float x = 0;
  int line = 0;
  bool line_open = false;
  const auto open_line = [&] {
    if (line_open) return;
    LayoutLine l;
    l.y = static_cast<float>(line) * p.line_height;
    l.first_fragment = para.fragments.size();
    para.lines.push_back(l);
    line_open = true;
  };
  const auto new_line = [&] {
    if (line_open) {
      para.lines.back().fragment_count = para.fragments.size() - para.lines.back().first_fragment;
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
    para.fragments.push_back(f);
  };

  std::vector<Piece> pieces;
  bool after_entity = false;  // the last piece placed ended an entity (its tag)
  size_t i = pb;
  while (i < pe) {
    if (is_break_space(text[i])) { ++i; continue; }
    size_t run_end = i;
    while (run_end < pe && !is_break_space(text[run_end])) ++run_end;
    // Cut the run at entity and quotation edges into pieces.
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
  laid_out_fragments_ += para.fragments.size();
  const float height = static_cast<float>(para.lines.size()) * p.line_height;
  if (height != para.height) {
    para.height = height;
    tops_dirty_ = true;
  }

  // Quotation segments: per quotation, the fragments inside it, one segment per line.
  for (int q : quotes) {
    const Quotation& quote = doc_->quotes[q];
    const int depth = static_cast<size_t>(q) < quote_depth_.size() ? quote_depth_[q] : 0;
    const size_t first = para.quote_segments.size();
    for (const LayoutFragment& f : para.fragments) {
      if (f.begin_byte < quote.begin_byte || f.end_byte > quote.end_byte) continue;
      const float right = f.x + f.width + f.tag_width;
      if (para.quote_segments.size() > first && para.quote_segments.back().line == f.line) {
        para.quote_segments.back().x1 = std::max(para.quote_segments.back().x1, right);
      } else {
        para.quote_segments.push_back({q, f.line, f.x, right, depth});
      }
    }
  }
  std::stable_sort(para.quote_segments.begin(), para.quote_segments.end(),
                   [](const LayoutQuoteSegment& a, const LayoutQuoteSegment& b) {
                     return a.line != b.line ? a.line < b.line : a.quote < b.quote;
                   });
}

// --- Section: lookups ---

namespace {

// The line of `para` at local y (clamped to its lines), or -1 when it has none.
int line_in(const ParagraphLayout& para, float local_y, float line_height) {
  if (para.lines.empty()) return -1;
  const int n = static_cast<int>(para.lines.size());
  // Clamped as a float: fragment_near asks for "the last line" with a huge local_y, whose
  // quotient does not fit an int (the cast made it the first line).
  return static_cast<int>(std::clamp(std::floor(local_y / line_height), 0.0f, static_cast<float>(n - 1)));
}

}  // namespace

FragmentRef DocumentLayout::fragment_at(float x, float y) {
  if (paragraphs_.empty() || y < 0 || y >= height()) return {};
  const int p = paragraph_at_y(y);
  const ParagraphLayout& para = paragraph(p);
  const float local = y - paragraph_top(p);
  if (local < 0 || local >= static_cast<float>(para.lines.size()) * params_.line_height) return {};
  const LayoutLine& l = para.lines[static_cast<size_t>(line_in(para, local, params_.line_height))];
  for (size_t k = l.first_fragment; k < l.first_fragment + l.fragment_count; ++k) {
    const LayoutFragment& f = para.fragments[k];
    if (x >= f.x && x < f.x + f.width) return {p, static_cast<int>(k)};
  }
  return {};
}

FragmentRef DocumentLayout::fragment_near(float x, float y) {
  if (paragraphs_.empty()) return {};
  int p = paragraph_at_y(std::max(0.0f, y));
  float local = y - paragraph_top(p);
  // On a blank paragraph: the last line above it, else the first line below.
  const int start = p;
  while (p >= 0 && paragraph(p).lines.empty()) --p;
  if (p < 0) {
    p = start;
    while (p < static_cast<int>(paragraphs_.size()) && paragraph(p).lines.empty()) ++p;
    if (p >= static_cast<int>(paragraphs_.size())) return {};
    local = -1;  // its first line
  } else if (p != start) {
    local = 1e30f;  // its last line
  }
  const ParagraphLayout& para = paragraph(p);
  const LayoutLine& l = para.lines[static_cast<size_t>(line_in(para, local, params_.line_height))];
  int best = static_cast<int>(l.first_fragment);
  float best_distance = -1;
  for (size_t k = l.first_fragment; k < l.first_fragment + l.fragment_count; ++k) {
    const LayoutFragment& f = para.fragments[k];
    const float right = f.x + f.width + f.tag_width;
    const float d = x < f.x ? f.x - x : (x > right ? x - right : 0.0f);
    if (best_distance < 0 || d < best_distance) {
      best = static_cast<int>(k);
      best_distance = d;
    }
  }
  return {p, best};
}

size_t DocumentLayout::byte_near(float x, float y) {
  const FragmentRef ref = fragment_near(x, y);
  if (!ref.found()) return 0;
  const LayoutFragment& f = paragraph(ref.paragraph).fragments[static_cast<size_t>(ref.fragment)];
  if (x <= f.x) return f.begin_byte;
  if (x >= f.x + f.width) return f.end_byte;
  // Between characters: the boundary whose measured prefix is nearest to x.
  const std::string_view text = doc_->text;
  size_t best = f.begin_byte;
  float best_d = x - f.x;
  size_t len = 0;
  for (size_t b = f.begin_byte; b < f.end_byte; b += len) {
    decode_utf8(text, b, &len);
    const float w = params_.measure(text.substr(f.begin_byte, b + len - f.begin_byte));
    const float d = std::abs(x - (f.x + w));
    if (d < best_d) {
      best_d = d;
      best = b + len;
    }
  }
  return best;
}

FragmentRef DocumentLayout::fragment_at_byte(size_t byte) {
  const int n = static_cast<int>(paragraphs_.size());
  for (int p = std::max(0, paragraph_at_byte(byte)); p < n; ++p) {
    const ParagraphLayout& para = paragraph(p);
    auto it = std::upper_bound(para.fragments.begin(), para.fragments.end(), byte,
                               [](size_t b, const LayoutFragment& f) { return b < f.end_byte; });
    if (it != para.fragments.end()) return {p, static_cast<int>(it - para.fragments.begin())};
  }
  return {};
}

float DocumentLayout::line_top(const FragmentRef& ref) {
  const ParagraphLayout& para = paragraph(ref.paragraph);
  return paragraph_top(ref.paragraph) + para.lines[static_cast<size_t>(para.fragments[ref.fragment].line)].y;
}

namespace {

// The deepest quotation on line `line` of `para` with a segment that `covers` accepts, or -1.
template <typename Covers>
int deepest_quote(const ParagraphLayout& para, int line, Covers covers) {
  int best = -1, best_depth = -1;
  for (const LayoutQuoteSegment& seg : para.quote_segments) {
    if (seg.line != line || !covers(seg)) continue;
    if (seg.depth > best_depth) {
      best = seg.quote;
      best_depth = seg.depth;
    }
  }
  return best;
}

}  // namespace

int DocumentLayout::quote_at(float x, float y) {
  if (paragraphs_.empty() || y < 0 || y >= height()) return -1;
  const int p = paragraph_at_y(y);
  const ParagraphLayout& para = paragraph(p);
  const float local = y - paragraph_top(p);
  if (local >= static_cast<float>(para.lines.size()) * params_.line_height) return -1;
  const int line = line_in(para, local, params_.line_height);
  return deepest_quote(para, line, [x](const LayoutQuoteSegment& s) { return x >= s.x0 && x < s.x1; });
}

int DocumentLayout::quote_on_line(float y) {
  if (paragraphs_.empty() || y < 0 || y >= height()) return -1;
  const int p = paragraph_at_y(y);
  const ParagraphLayout& para = paragraph(p);
  const float local = y - paragraph_top(p);
  if (local >= static_cast<float>(para.lines.size()) * params_.line_height) return -1;
  return deepest_quote(para, line_in(para, local, params_.line_height), [](const LayoutQuoteSegment&) { return true; });
}

bool DocumentLayout::entity_rect(int index, float rect[4]) {
  if (!doc_ || index < 0 || index >= static_cast<int>(doc_->entities.size())) return false;
  if (static_cast<size_t>(index) < visible_.size() && !visible_[index]) return false;
  const Entity& e = doc_->entities[index];
  const int n = static_cast<int>(paragraphs_.size());
  for (int p = std::max(0, paragraph_at_byte(e.begin_byte)); p < n && paragraphs_[p].begin_byte < e.end_byte; ++p) {
    const ParagraphLayout& para = paragraph(p);
    for (const LayoutFragment& f : para.fragments) {
      if (f.entity != index) continue;
      rect[0] = f.x;
      rect[1] = paragraph_top(p) + para.lines[static_cast<size_t>(f.line)].y;
      rect[2] = f.x + f.width;
      rect[3] = rect[1] + params_.line_height;
      return true;
    }
  }
  return false;
}

bool DocumentLayout::quote_rect(int index, float rect[4]) {
  if (!doc_ || index < 0 || index >= static_cast<int>(doc_->quotes.size())) return false;
  const Quotation& q = doc_->quotes[index];
  const int n = static_cast<int>(paragraphs_.size());
  for (int p = std::max(0, paragraph_at_byte(q.begin_byte)); p < n && paragraphs_[p].begin_byte < q.end_byte; ++p) {
    const ParagraphLayout& para = paragraph(p);
    for (const LayoutQuoteSegment& seg : para.quote_segments) {
      if (seg.quote != index) continue;
      rect[0] = seg.x0;
      rect[1] = paragraph_top(p) + para.lines[static_cast<size_t>(seg.line)].y;
      rect[2] = seg.x1;
      rect[3] = rect[1] + params_.line_height;
      return true;  // segments are by line: the first found is the first line
    }
  }
  return false;
}

void DocumentLayout::ensure_range(float y0, float y1) {
  const int n = static_cast<int>(paragraphs_.size());
  for (int round = 0; round < 4; ++round) {
    int p = paragraph_at_y(std::max(0.0f, y0));
    if (p < 0) return;
    bool changed = false;
    float y = paragraph_top(p);
    for (; p < n && y < y1; ++p) {
      const float before = paragraphs_[static_cast<size_t>(p)].height;
      const float after = paragraph(p).height;
      changed = changed || after != before;
      y += after;
    }
    if (!changed) return;
  }
}

void DocumentLayout::trim(float y0, float y1, size_t max_fragments) {
  if (laid_out_fragments_ <= max_fragments) return;
  ensure_tops();
  for (size_t p = 0; p < paragraphs_.size(); ++p) {
    ParagraphLayout& para = paragraphs_[p];
    if (para.fragments.empty() || (tops_[p + 1] > y0 && tops_[p] < y1)) continue;
    laid_out_fragments_ -= std::min(laid_out_fragments_, para.fragments.size());
    std::vector<LayoutFragment>().swap(para.fragments);
    std::vector<LayoutLine>().swap(para.lines);
    std::vector<LayoutQuoteSegment>().swap(para.quote_segments);
    para.stamp = 0;  // laid out again when seen; its height stays as it was
  }
}

}  // namespace glosa::app
