// The Glosa annotation file (docs/FORMAT.md, version 2): write a Document as JSON, read and
// fully validate one back. Layer: formats. Offsets in the file are Unicode code points,
// end exclusive; Document holds bytes; this file is where they are converted.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/core/document.h"
#include "engine/core/error.h"

namespace glosa {

constexpr int kFormatVersion = 2;        // what write_document writes
constexpr int kOldestFormatVersion = 1;  // read_document also reads versions from this one on

// The file as an ordered JSON object (keys in the order FORMAT.md lists them).
nlohmann::ordered_json document_to_json(const Document& doc);

// The file as text: indent < 0 gives one compact line (JSONL), otherwise pretty-printed.
std::string write_document(const Document& doc, int indent = 2);

// Labels a file may hold: at most kMaxLabels, each name 1 to 64 bytes of printable
// characters (no controls, no spaces at either end). Names other tools give ("GPE",
// "WORK_OF_ART") pass; a hostile file's thousands of labels or a 500-character name do not
// (they froze the page and broke its layout).
constexpr size_t kMaxLabels = 200;
bool acceptable_label_name(std::string_view name);

// Parses and validates a file. Every check of FORMAT.md is made; the first failure is
// returned with a message naming the place ("entities[3].end: 9120 is past the end of the
// text (812 code points)"). On success the entities are sorted and the ids kept.
Result<Document> read_document(std::string_view json_text);

}  // namespace glosa
