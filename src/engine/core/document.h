// The annotated document: text, entities and provenance; what the engine produces, the app
// edits and the file format stores. Layer: engine/core. Offsets here are BYTES into `text`;
// the file format and the JS bridge convert to code points (io/annotation_json).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace glosa {

// Where an entity came from.
enum class Origin : uint8_t { Rule, Model, Person };
const char* origin_name(Origin origin);                   // "rule", "model", "person"
bool parse_origin(std::string_view name, Origin* origin);  // false on an unknown name

// Review status, set by a person in the annotator.
enum class ReviewStatus : uint8_t { Unreviewed, Accepted, Rejected };
const char* review_status_name(ReviewStatus status);      // "unreviewed", "accepted", "rejected"
bool parse_review_status(std::string_view name, ReviewStatus* status);

struct Entity {
  std::string id;             // "e1", "e2"...: unique within a document
  size_t begin_byte = 0;      // half-open byte span into Document::text
  size_t end_byte = 0;
  std::string label;          // "PER", "DATE", ...: a name from Document::labels
  std::string value;          // normalised value ("2022-11", "24500000000 USD"), may be empty
  std::string subtype;        // finer class where known ("country", "weekday"), may be empty
  bool is_relative = false;   // a date relative to the article's date ("tydzień temu")
  Origin origin = Origin::Rule;
  float confidence = 1.0f;    // 0..1; rules give 1
  ReviewStatus status = ReviewStatus::Unreviewed;
};

struct LabelInfo {
  std::string name;         // "PER"
  std::string color;        // "#rrggbb"
  std::string description;  // "person"
};

struct Provenance {
  std::string tool;     // "glosa 0.1.0"
  std::string model;    // model names and versions used, may be empty
  std::string created;  // ISO 8601 UTC time, set by the caller (the engine has no clock)
};

struct Document {
  std::string text;                 // normalised UTF-8 (see text/normalizer.h)
  std::string lang;                 // "pl", "en" or "other"
  std::vector<LabelInfo> labels;    // every label an entity may use, in display order
  std::vector<Entity> entities;     // sorted by begin_byte, then end_byte
  Provenance meta;
};

// The built-in label set with its colours, in display order.
const std::vector<LabelInfo>& default_labels();

// Index of `name` in labels, or -1.
int find_label(const std::vector<LabelInfo>& labels, std::string_view name);

// Sorts entities by (begin_byte, end_byte, label) and renumbers ids "e1".."eN" in that order.
void sort_and_number_entities(Document& doc);

// The document's surface text of one entity.
inline std::string_view entity_text(const Document& doc, const Entity& e) {
  return std::string_view(doc.text).substr(e.begin_byte, e.end_byte - e.begin_byte);
}

}  // namespace glosa
