// Label set and small helpers for Document. Layer: engine/core.
#include "engine/core/document.h"

#include <algorithm>
#include <tuple>

namespace glosa {

const char* origin_name(Origin origin) {
  switch (origin) {
    case Origin::Rule: return "rule";
    case Origin::Model: return "model";
    case Origin::Person: return "person";
  }
  return "rule";
}

bool parse_origin(std::string_view name, Origin* origin) {
  if (name == "rule") *origin = Origin::Rule;
  else if (name == "model") *origin = Origin::Model;
  else if (name == "person") *origin = Origin::Person;
  else return false;
  return true;
}

const char* review_status_name(ReviewStatus status) {
  switch (status) {
    case ReviewStatus::Unreviewed: return "unreviewed";
    case ReviewStatus::Accepted: return "accepted";
    case ReviewStatus::Rejected: return "rejected";
  }
  return "unreviewed";
}

bool parse_review_status(std::string_view name, ReviewStatus* status) {
  if (name == "unreviewed") *status = ReviewStatus::Unreviewed;
  else if (name == "accepted") *status = ReviewStatus::Accepted;
  else if (name == "rejected") *status = ReviewStatus::Rejected;
  else return false;
  return true;
}

const std::vector<LabelInfo>& default_labels() {
  // Colours: distinct hues at similar lightness, readable as a background behind dark text
  // on the light document page.
  static const std::vector<LabelInfo> labels = {
      {"PER", "#f4a261", "person", ""},
      {"ORG", "#8ecae6", "organisation", ""},
      {"LOC", "#90be6d", "place: country, city, region, geographic feature", ""},
      {"NORP", "#c5e1a5", "nationality or relational word derived from a place or people", ""},
      {"EVT", "#f28482", "named event", ""},
      {"PRO", "#cdb4db", "product, work or media outlet", ""},
      {"MISC", "#d6ccc2", "other name (English CoNLL)", ""},
      {"DATE", "#ffd166", "date or period", ""},
      {"TIME", "#ffe8a3", "time of day", ""},
      {"MONEY", "#06d6a0", "amount of money", ""},
      {"PERCENT", "#76e4c3", "percentage", ""},
      {"QUANTITY", "#b8f2e6", "measured quantity", ""},
      {"URL", "#a9def9", "web address", ""},
      {"EMAIL", "#d0f4de", "e-mail address", ""},
  };
  return labels;
}

int find_label(const std::vector<LabelInfo>& labels, std::string_view name) {
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

void sort_and_number_entities(Document& doc) {
  const auto before = [](const Entity& a, const Entity& b) {
    return std::tie(a.begin_byte, a.end_byte, a.label) < std::tie(b.begin_byte, b.end_byte, b.label);
  };
  // The engine hands over entities in order, or nearly; an Entity is large, so only what is
  // out of order is moved (same result as a stable sort of the whole).
  // A sorted run with entities appended (acronyms found later): sort the tail, merge.
  auto& ents = doc.entities;
  const auto tail = std::is_sorted_until(ents.begin(), ents.end(), before);
  if (tail != ents.end()) {
    std::stable_sort(tail, ents.end(), before);
    std::inplace_merge(ents.begin(), tail, ents.end(), before);
  }
  for (size_t i = 0; i < doc.entities.size(); ++i) doc.entities[i].id = "e" + std::to_string(i + 1);
}

}  // namespace glosa
