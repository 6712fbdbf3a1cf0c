// One record of the gold corpora's JSONL files (../shared/data/README.md): read by the
// evaluator (glosa-cli eval, eval-names), the NER trainer and the lexicon builder, so all of
// them accept and refuse the same lines. Layer: formats. Pure: bytes in, record out.
//
//   {"id": "...", "doc": "..." or 12, "lang": "pl", "text": "...",
//    "entities": [[start, end, "LABEL"], ...], "entity_lemmas": [["lemma", "entity id"], ...]}
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/error.h"

namespace glosa {

struct GoldEntity {
  size_t start = 0;       // code points into GoldRecord::text, end exclusive, start < end
  size_t end = 0;
  size_t begin_byte = 0;  // the same span in bytes
  size_t end_byte = 0;
  std::string label;      // the corpus's own label ("persName", "PER"): map it with gold_labels.h
};

struct GoldLemma {
  std::string lemma;   // base form of the mention ("Andrzej Duda")
  std::string entity;  // the corpus's id of the real entity it names
};

struct GoldRecord {
  std::string id;                   // "" when absent or not a string
  std::string doc;                  // a string, or an integer written in decimal; "" when absent
  bool has_doc = false;             // the record has a "doc" key (of any type)
  std::string lang;                 // "" when absent
  std::string text;                 // valid UTF-8, as in the file
  std::vector<GoldEntity> entities;  // in file order
  std::vector<GoldLemma> lemmas;     // "entity_lemmas", parallel to entities; empty when absent
  bool has_lemmas = false;
};

// Parses one JSONL line. Fails (JsonSyntax, WrongType, MissingField, BadOffsets) with a
// message naming the field: "entities[3]: end 120 is past the end of the text (80 code
// points)". Requires "text" (a string) and "entities" (an array of [start, end, label] with
// 0 <= start < end <= length in code points; extra items are ignored); "entity_lemmas", when
// present, must be an array of the same length whose items start with two strings.
// The caller adds the file name and line number.
Result<GoldRecord> read_gold_record(std::string_view line);

}  // namespace glosa
