// Gold JSONL record reader. Layer: formats.
#include "formats/gold_jsonl.h"

#include "engine/text/utf8.h"
#include "formats/json_fields.h"

namespace glosa {

Result<GoldRecord> read_gold_record(std::string_view line) {
  auto parsed = parse_json(line);
  if (!parsed.is_ok()) return Status(parsed.status().code(), "not valid JSON: " + parsed.status().message());
  const nlohmann::json& j = parsed.value();
  if (!j.is_object()) return Status(ErrorCode::WrongType, "the line must be a JSON object");
  GoldRecord r;
  GLOSA_TRY(get_string_field(j, "text", "", true, &r.text));
  if (!is_valid_utf8(r.text)) return Status(ErrorCode::InvalidUtf8, "text is not valid UTF-8");
  if (auto id = j.find("id"); id != j.end() && id->is_string()) r.id = id->get<std::string>();
  if (auto lang = j.find("lang"); lang != j.end() && lang->is_string()) r.lang = lang->get<std::string>();
  if (auto doc = j.find("doc"); doc != j.end()) {
    r.has_doc = true;
    if (doc->is_string()) r.doc = doc->get<std::string>();
    else if (doc->is_number_integer()) r.doc = describe_number(*doc);
  }
  auto entities = j.find("entities");
  if (entities == j.end()) return missing_field("entities");
  if (!entities->is_array()) return wrong_type("entities", "an array");
  const CodepointIndex cps(r.text);
  r.entities.reserve(entities->size());
  for (size_t i = 0; i < entities->size(); ++i) {
    const nlohmann::json& e = (*entities)[i];
    const std::string where = "entities[" + std::to_string(i) + "]";
    if (!e.is_array() || e.size() < 3) return wrong_type(where, "an array [start, end, label]");
    uint64_t start = 0, end = 0;
    GLOSA_TRY(get_uint64(e[0], where + "[0]", &start));
    GLOSA_TRY(get_uint64(e[1], where + "[1]", &end));
    if (!e[2].is_string()) return wrong_type(where + "[2]", "a label string");
    if (start >= end) {
      return Status(ErrorCode::BadOffsets, where + ": start " + std::to_string(start) +
                                               " is not before end " + std::to_string(end));
    }
    if (end > cps.codepoint_count()) {
      return Status(ErrorCode::BadOffsets, where + ": end " + std::to_string(end) +
                                               " is past the end of the text (" +
                                               std::to_string(cps.codepoint_count()) + " code points)");
    }
    GoldEntity g;
    g.start = static_cast<size_t>(start);  // <= codepoint_count(): fits
    g.end = static_cast<size_t>(end);
    cps.to_byte(g.start, &g.begin_byte);
    cps.to_byte(g.end, &g.end_byte);
    g.label = e[2].get<std::string>();
    r.entities.push_back(std::move(g));
  }
  if (auto lemmas = j.find("entity_lemmas"); lemmas != j.end()) {
    if (!lemmas->is_array()) return wrong_type("entity_lemmas", "an array");
    if (lemmas->size() != r.entities.size()) {
      return Status(ErrorCode::WrongType, "entity_lemmas has " + std::to_string(lemmas->size()) +
                                              " items for " + std::to_string(r.entities.size()) + " entities");
    }
    r.has_lemmas = true;
    for (size_t i = 0; i < lemmas->size(); ++i) {
      const nlohmann::json& l = (*lemmas)[i];
      if (!l.is_array() || l.size() < 2 || !l[0].is_string() || !l[1].is_string()) {
        return wrong_type("entity_lemmas[" + std::to_string(i) + "]", "an array [lemma, entity id] of strings");
      }
      r.lemmas.push_back({l[0].get<std::string>(), l[1].get<std::string>()});
    }
  }
  return r;
}

}  // namespace glosa
