// Shared pieces of the exchange-format readers and writers. Layer: formats.
#include "formats/exchange_support.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "engine/article/article_info.h"
#include "engine/engine.h"
#include "engine/text/language.h"
#include "engine/text/unicode.h"

namespace glosa {

// --- Section: imported text ---

Result<ImportedText> ImportedText::make(std::string_view raw, OffsetUnit unit, const std::string& what) {
  if (raw.size() > kMaxTextBytes) {
    return Status(ErrorCode::TextTooLarge, what + " is " + std::to_string(raw.size()) + " bytes; the limit is " +
                                               std::to_string(kMaxTextBytes) + " bytes (16 MiB)");
  }
  ImportedText t;
  t.unit_ = unit;
  t.raw_ = std::string(raw);
  t.cp_bytes_.reserve(raw.size() + 1);
  for (size_t pos = 0; pos < raw.size();) {
    size_t len = 1;
    const char32_t cp = decode_utf8(raw, pos, &len);
    if (cp == kReplacementChar && raw.compare(pos, 3, "\xEF\xBF\xBD") != 0) {
      return Status(ErrorCode::InvalidUtf8, what + " is not valid UTF-8 at byte " + std::to_string(pos));
    }
    if (unit == OffsetUnit::Utf16 && cp > 0xFFFF) t.astral_.push_back(t.cp_bytes_.size());
    t.cp_bytes_.push_back(pos);
    pos += len;
  }
  t.cp_bytes_.push_back(raw.size());
  const size_t cps = t.cp_bytes_.size() - 1;
  t.length_ = unit == OffsetUnit::Utf16 ? cps + t.astral_.size() : cps;
  // Normalise as a paste is, remembering which raw bytes were dropped.
  t.text_.reserve(raw.size());
  size_t i = 0;
  if (raw.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    for (size_t k = 0; k < 3; ++k) t.dropped_.push_back(k);
    i = 3;
  }
  for (; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\0') {
      t.dropped_.push_back(i);
    } else if (c == '\r') {
      if (i + 1 < raw.size() && raw[i + 1] == '\n') {
        t.dropped_.push_back(i);  // CRLF: the CR goes, the LF stays
      } else {
        t.text_ += '\n';
      }
    } else {
      t.text_ += c;
    }
  }
  bool has_content = false;
  for (size_t pos = 0; pos < t.text_.size() && !has_content;) {
    size_t len = 1;
    const char32_t cp = decode_utf8(t.text_, pos, &len);
    has_content = !(cp < 0x80 ? cp == ' ' || (cp >= 0x09 && cp <= 0x0D) : is_space(cp));
    pos += len;
  }
  if (!has_content) return Status(ErrorCode::EmptyText, what + " is empty or only whitespace");
  return t;
}

size_t ImportedText::raw_byte(uint64_t offset) const {
  if (unit_ == OffsetUnit::CodePoint) return cp_bytes_[static_cast<size_t>(offset)];
  // UTF-16 unit u starts code point k where k + (astral characters before k) == u.
  size_t lo = 0, hi = cp_bytes_.size() - 1;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const uint64_t u = mid + static_cast<uint64_t>(std::lower_bound(astral_.begin(), astral_.end(), mid) - astral_.begin());
    if (u < offset) lo = mid + 1; else hi = mid;
  }
  return cp_bytes_[lo];
}

size_t ImportedText::doc_byte(size_t raw_byte) const {
  return raw_byte - static_cast<size_t>(std::lower_bound(dropped_.begin(), dropped_.end(), raw_byte) - dropped_.begin());
}

Status ImportedText::to_bytes(uint64_t start, uint64_t end, const std::string& where, const char* start_key,
                              const char* end_key, size_t* begin_byte, size_t* end_byte) const {
  if (start >= end) {
    return Status(ErrorCode::BadOffsets, where + start_key + " " + std::to_string(start) + " is not before " +
                                             end_key + " " + std::to_string(end));
  }
  if (end > length_) {
    return Status(ErrorCode::BadOffsets, where + end_key + ": " + std::to_string(end) + " is past the end of the text (" +
                                             std::to_string(length_) +
                                             (unit_ == OffsetUnit::Utf16 ? " UTF-16 code units)" : " code points)"));
  }
  if (unit_ == OffsetUnit::Utf16) {
    // An offset inside a surrogate pair names half a character.
    for (const auto& [value, key] : {std::pair<uint64_t, const char*>{start, start_key}, {end, end_key}}) {
      const size_t cp = static_cast<size_t>(std::upper_bound(cp_bytes_.begin(), cp_bytes_.end(), raw_byte(value)) - cp_bytes_.begin()) - 1;
      const uint64_t u = cp + static_cast<uint64_t>(std::lower_bound(astral_.begin(), astral_.end(), cp) - astral_.begin());
      if (u != value) {
        return Status(ErrorCode::BadOffsets, where + key + ": " + std::to_string(value) +
                                                 " falls inside a character outside the Basic Multilingual Plane "
                                                 "(between the two UTF-16 units of an emoji or similar)");
      }
    }
  }
  *begin_byte = doc_byte(raw_byte(start));
  *end_byte = doc_byte(raw_byte(end));
  if (*begin_byte >= *end_byte) {
    return Status(ErrorCode::BadOffsets, where + start_key + ".." + end_key + ": " + std::to_string(start) + ".." +
                                             std::to_string(end) + " holds only characters a Glosa text drops (NUL, CR, BOM)");
  }
  return Status::ok();
}

std::string ImportedText::raw_slice(uint64_t start, uint64_t end) const {
  const size_t b = raw_byte(start), e = raw_byte(end);
  return raw_.substr(b, e - b);
}

// --- Section: documents ---

bool ensure_label(Document& doc, const std::string& label) {
  if (find_label(doc.labels, label) >= 0) return true;
  if (!acceptable_label_name(label) || doc.labels.size() >= kMaxLabels) return false;
  // Light colours that read behind dark text, apart from the built-in ones.
  static const char* const kPalette[] = {"#e9c46a", "#a2d2ff", "#ffafcc", "#b5e48c", "#f7b267",
                                         "#bde0fe", "#e0aaff", "#caffbf", "#ffd6a5", "#9bf6ff"};
  const size_t added = doc.labels.size() >= default_labels().size() ? doc.labels.size() - default_labels().size() : 0;
  std::string color;
  if (added < sizeof kPalette / sizeof kPalette[0]) {
    color = kPalette[added];
  } else {
    uint32_t h = 2166136261u;  // FNV-1a of the name: the same label gets the same colour
    for (unsigned char c : label) h = (h ^ c) * 16777619u;
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", 0x90 + (h & 0x6f), 0x90 + ((h >> 8) & 0x6f), 0x90 + ((h >> 16) & 0x6f));
    color = buf;
  }
  doc.labels.push_back({label, color, "imported label", ""});
  return true;
}

Entity imported_entity(size_t begin_byte, size_t end_byte, const std::string& label) {
  Entity e;
  e.begin_byte = begin_byte;
  e.end_byte = end_byte;
  e.label = label;
  e.origin = Origin::Person;
  e.confidence = 1.0f;
  e.status = ReviewStatus::Unreviewed;
  return e;
}

void finish_import(Document& doc, const char* format_name) {
  sort_and_number_entities(doc);
  std::stable_sort(doc.quotes.begin(), doc.quotes.end(), [](const Quotation& a, const Quotation& b) {
    return a.begin_byte != b.begin_byte ? a.begin_byte < b.begin_byte : a.end_byte > b.end_byte;
  });
  const std::vector<Token> tokens = tokenize(doc.text);
  if (doc.lang.empty()) doc.lang = detect_language(doc.text, tokens);
  doc.article = compute_article_info(doc.text, tokens, doc.entities);
  doc.meta.tool = std::string("glosa ") + kGlosaVersion + " (from " + format_name + ")";
}

std::vector<Token> tokens_at_span_edges(const Document& doc) {
  std::vector<size_t> edges;
  for (const Entity& e : doc.entities) {
    edges.push_back(e.begin_byte);
    edges.push_back(e.end_byte);
  }
  for (const Quotation& q : doc.quotes) {
    edges.push_back(q.begin_byte);
    edges.push_back(q.end_byte);
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  std::vector<Token> out;
  for (const Token& t : tokenize(doc.text)) {
    Token piece = t;
    auto it = std::upper_bound(edges.begin(), edges.end(), t.begin_byte);
    for (; it != edges.end() && *it < t.end_byte; ++it) {
      piece.end_byte = *it;
      out.push_back(piece);
      piece.begin_byte = *it;
      piece.space_before = piece.newline_before = false;
    }
    piece.end_byte = t.end_byte;
    out.push_back(piece);
  }
  return out;
}

std::vector<const Entity*> non_overlapping_entities(const Document& doc, size_t* dropped) {
  std::vector<const Entity*> order;
  order.reserve(doc.entities.size());
  for (const Entity& e : doc.entities) order.push_back(&e);
  // Earliest first, the longer of two that start together first: one sweep keeps each
  // entity that begins after the last kept one ends.
  std::stable_sort(order.begin(), order.end(), [](const Entity* x, const Entity* y) {
    return x->begin_byte != y->begin_byte ? x->begin_byte < y->begin_byte : x->end_byte > y->end_byte;
  });
  std::vector<const Entity*> kept;
  *dropped = 0;
  for (const Entity* e : order) {
    if (!kept.empty() && e->begin_byte < kept.back()->end_byte) ++*dropped;
    else kept.push_back(e);
  }
  return kept;
}

std::vector<std::pair<std::string, std::string>> assign_groups(Document& doc, const std::vector<std::string>& keys) {
  std::vector<std::pair<std::string, std::string>> ids;  // key -> group id, in order
  std::unordered_map<std::string, size_t> index;
  std::vector<size_t> best;
  for (size_t i = 0; i < doc.entities.size() && i < keys.size(); ++i) {
    if (keys[i].empty()) continue;
    auto [it, fresh] = index.emplace(keys[i], doc.groups.size());
    Entity& e = doc.entities[i];
    if (fresh) {
      doc.groups.push_back({"g" + std::to_string(doc.groups.size() + 1), e.label, "", "", "", ""});
      ids.emplace_back(keys[i], doc.groups.back().id);
      best.push_back(0);
    }
    EntityGroup& g = doc.groups[it->second];
    e.group = g.id;
    const std::string form = e.lemma.empty() ? std::string(entity_text(doc, e)) : e.lemma;
    const size_t n = count_codepoints(form);
    if (n > best[it->second]) {
      best[it->second] = n;
      g.name = form;
    }
  }
  return ids;
}

Utf16Index::Utf16Index(std::string_view text) {
  size_t cp = 0;
  for (size_t pos = 0; pos < text.size(); ++cp) {
    size_t len = 1;
    if (decode_utf8(text, pos, &len) > 0xFFFF) astral_.push_back(cp);
    pos += len;
  }
}

uint64_t Utf16Index::to_utf16(size_t codepoint) const {
  return codepoint + static_cast<uint64_t>(std::lower_bound(astral_.begin(), astral_.end(), codepoint) - astral_.begin());
}

std::string label_without_spaces(const std::string& label) {
  std::string out;
  for (size_t pos = 0; pos < label.size();) {
    size_t len = 1;
    const char32_t cp = decode_utf8(label, pos, &len);
    if (cp < 0x80 ? cp <= 0x20 || cp == 0x7F : is_space(cp)) out += '_';
    else out.append(label, pos, len);
    pos += len;
  }
  return out.empty() ? "_" : out;
}

}  // namespace glosa
