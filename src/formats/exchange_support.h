// What the exchange-format readers and writers share: the text of an imported file made into
// a document text (normalised as a paste is) with a map from the file's offsets (code points
// or UTF-16 code units) to bytes; finishing an imported document; tokens for the token-based
// writers; the other offset units of a text. Layer: formats (internal to src/formats).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/document.h"
#include "engine/core/error.h"
#include "formats/annotation_json.h"
#include "engine/text/tokenizer.h"
#include "engine/text/utf8.h"

namespace glosa {

// How a format counts offsets into its text.
enum class OffsetUnit { CodePoint, Utf16 };

// The file's text as a document text, and its offsets as bytes of that text.
class ImportedText {
 public:
  // Checks and normalises `raw` as a paste is (docs/FORMAT.md): CRLF and lone CR become LF, a
  // leading BOM and NUL characters are dropped. Fails with InvalidUtf8 (naming the byte),
  // TextTooLarge (over kMaxTextBytes) or EmptyText; `what` names the text in messages
  // ("text", "IN.txt").
  static Result<ImportedText> make(std::string_view raw, OffsetUnit unit, const std::string& what);

  const std::string& text() const { return text_; }   // the document text
  uint64_t length() const { return length_; }          // of the file's text, in the file's unit

  // A span [start, end) in the file's unit as document bytes. Fails (BadOffsets) when
  // start >= end, end > length(), an offset falls inside a UTF-16 surrogate pair, or the span
  // holds nothing but characters that normalising dropped. Checked in 64 bits.
  Status to_bytes(uint64_t start, uint64_t end, const std::string& where, const char* start_key,
                  const char* end_key, size_t* begin_byte, size_t* end_byte) const;

  // The file's own text between two offsets already checked by to_bytes (to compare with a
  // surface text the file gives).
  std::string raw_slice(uint64_t start, uint64_t end) const;

 private:
  size_t raw_byte(uint64_t offset) const;  // file offset -> byte of raw_
  size_t doc_byte(size_t raw_byte) const;  // byte of raw_ -> byte of text_

  std::string raw_;                // the file's text as given (valid UTF-8)
  std::string text_;               // normalised
  OffsetUnit unit_ = OffsetUnit::CodePoint;
  uint64_t length_ = 0;
  std::vector<size_t> cp_bytes_;   // byte of raw_ where each code point starts, plus the end
  std::vector<size_t> astral_;     // code-point indices of characters above U+FFFF (UTF-16 only)
  std::vector<size_t> dropped_;    // bytes of raw_ that normalising removed, ascending
};

// Adds `label` to doc.labels when missing, with a colour of its own (a fixed palette, then
// one derived from the name). False for a name a Glosa file may not hold
// (acceptable_label_name: empty, over 64 bytes, control characters) or one label past
// kMaxLabels; the reader then says kBadLabel.
bool ensure_label(Document& doc, const std::string& label);
constexpr const char* kBadLabel =
    "the label is empty, longer than 64 bytes, holds control characters, or is more than the 200 labels a document "
    "may have";

// The last steps of every import: entities sorted and numbered e1.., language detected,
// article facts computed, provenance `tool` = "glosa <version> (from <format>)".
void finish_import(Document& doc, const char* format_name);

// An entity of an imported file (origin person, confidence 1, unreviewed: a person's work in
// another tool that no one has reviewed in Glosa).
Entity imported_entity(size_t begin_byte, size_t end_byte, const std::string& label);

// Tokens for the token-based formats (CoNLL, spaCy): the engine's tokens, each also split
// where an entity or quotation begins or ends inside it, so every span falls on token
// edges. A span edge inside whitespace does not split anything (the span then covers
// the tokens it overlaps). In text order.
std::vector<Token> tokens_at_span_edges(const Document& doc);

// The entities a format with one label per token can hold: none overlapping another; of
// overlapping ones the earlier is kept (of two that start together, the longer), sorted by
// begin_byte. *dropped counts the others. Linear after a sort.
std::vector<const Entity*> non_overlapping_entities(const Document& doc, size_t* dropped);

// Groups of an imported document from per-entity keys (`keys[i]` for doc.entities[i], ""
// for none): one group per key in order of first appearance, ids g1.., label of the first
// mention, name the longest base form (or surface text) among its mentions. Returns the
// key -> group id map for quotations' speakers.
std::vector<std::pair<std::string, std::string>> assign_groups(Document& doc, const std::vector<std::string>& keys);

// Converts between a text's code points and UTF-16 code units (JavaScript string indices).
class Utf16Index {
 public:
  explicit Utf16Index(std::string_view text);
  uint64_t to_utf16(size_t codepoint) const;  // codepoint <= count
 private:
  std::vector<size_t> astral_;  // code-point indices of characters above U+FFFF
};

// The label of `e` as brat and CoNLL need it: whitespace replaced by '_' (a label holding
// spaces would break their lines).
std::string label_without_spaces(const std::string& label);

}  // namespace glosa
