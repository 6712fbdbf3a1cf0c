// The annotated document: text, entities and provenance; what the engine produces, the app
// edits and the file format stores. Layer: engine/core. Offsets here are BYTES into `text`;
// the file readers and writers (src/formats) and the JS bridge convert to code points.
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
  std::string resolved;       // a relative date resolved against the article date ("2021",
                              // "2022-01", "2022-10/2022-11"); empty when it cannot be
  Origin origin = Origin::Rule;
  float confidence = 1.0f;    // 0..1; rules give 1
  ReviewStatus status = ReviewStatus::Unreviewed;
  std::string lemma;          // base form of a name ("Moskwie" -> "Moskwa"), empty if none
  std::string group;          // id of its EntityGroup ("g1"), empty if none
};

// The mentions of one real person, place, organisation... ("Tokajew", "Tokajewa",
// "Kasym-Żomart Tokajew"). Mentions name their group in Entity::group.
struct EntityGroup {
  std::string id;       // "g1", "g2"...: unique within a document, numbered by first mention
  std::string label;    // the label of its mentions: PER, ORG, LOC, NORP, EVT, PRO, MISC
  std::string name;     // display name: the fullest base form ("Kasym-Żomart Tokajew")
  std::string acronym;  // an acronym introduced for it ("ODKB"), may be empty
  std::string link;     // id of a related, distinct group: a NORP word's place, "" if none
  std::string place;    // NORP: base form of its place ("Rosja"), even when not mentioned
  bool by_person = false;  // made by a person (merged or split off): its mentions stay
                           // together, and apart from others, when the document is derived again
};

// A quotation and who said it.
struct Quotation {
  std::string id;                 // "q1", "q2"...: in text order
  size_t begin_byte = 0;          // half-open byte span of the quoted words, marks included
  size_t end_byte = 0;
  std::string speaker;            // EntityGroup id of the speaker, "" when not found
  size_t speaker_begin_byte = 0;  // the words naming the speaker next to the quotation
  size_t speaker_end_byte = 0;    //   ("Władimir Putin", "rosyjski przywódca"); empty if none
  size_t cue_begin_byte = 0;      // the verb of saying ("powiedział", "said"); empty if none
  size_t cue_end_byte = 0;
  std::string attribution;        // how the speaker was found: "name", "role", "context"
                                  // (a pronoun or an earlier speaker), "person" (chosen by a
                                  // person: kept when derived again), "" when not found
  float confidence = 0.0f;        // of the attribution, 0..1
  bool is_uncertain = false;      // the speaker is a guess: show it as one
  std::string parent;             // id of the quotation this one is nested in, "" if none
};

// What the article says about itself: title, date line, source, size.
struct ArticleInfo {
  std::string title;               // first non-empty line, minus a leading "date ..." marker
  std::string date;                // ISO 8601 date of the article ("2022-11"), "" if unknown
  std::string source;              // a source line ("fergana.news/kresy.pl"), "" if none
  std::vector<std::string> urls;   // web addresses in the text, in order, without repeats
  size_t word_count = 0;
  size_t reading_minutes = 0;      // at 200 words a minute, rounded up; 0 for empty text
};

struct LabelInfo {
  std::string name;         // "PER"
  std::string color;        // "#rrggbb"
  std::string description;  // "person"
  // A label a person renamed: the name it had first ("PER" for "OSOBA"), so that what the
  // engine tags with that name later (another annotation, a re-tag) takes this one.
  std::string renamed_from;
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
  std::vector<EntityGroup> groups;  // ordered by first mention
  std::vector<Quotation> quotes;    // by begin_byte (an outer quotation before its nested ones)
  ArticleInfo article;
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
