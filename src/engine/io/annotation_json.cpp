// Annotation file writer and validating reader. Layer: engine/io.
#include "engine/io/annotation_json.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "engine/core/sha256.h"
#include "engine/text/utf8.h"

namespace glosa {

using ojson = nlohmann::ordered_json;

nlohmann::ordered_json document_to_json(const Document& doc) {
  const CodepointIndex index(doc.text);
  ojson j;
  j["format"] = "glosa";
  j["version"] = kFormatVersion;
  j["text"] = doc.text;
  j["sha256"] = sha256_hex(doc.text);
  j["lang"] = doc.lang;
  ojson labels = ojson::array();
  for (const auto& l : doc.labels) {
    labels.push_back({{"name", l.name}, {"color", l.color}, {"description", l.description}});
  }
  j["labels"] = std::move(labels);
  ojson entities = ojson::array();
  for (const auto& e : doc.entities) {
    ojson je;
    je["id"] = e.id;
    je["start"] = index.to_codepoint(e.begin_byte);
    je["end"] = index.to_codepoint(e.end_byte);
    je["label"] = e.label;
    je["text"] = std::string(entity_text(doc, e));
    if (!e.value.empty()) je["value"] = e.value;
    if (!e.subtype.empty()) je["subtype"] = e.subtype;
    if (e.is_relative) je["relative"] = true;
    je["origin"] = origin_name(e.origin);
    // Rounded so files stay short and diff well; 4 digits is far finer than any use.
    je["confidence"] = std::round(static_cast<double>(e.confidence) * 10000.0) / 10000.0;
    je["status"] = review_status_name(e.status);
    entities.push_back(std::move(je));
  }
  j["entities"] = std::move(entities);
  j["meta"] = {{"tool", doc.meta.tool}, {"model", doc.meta.model}, {"created", doc.meta.created}};
  return j;
}

std::string write_document(const Document& doc, int indent) {
  return document_to_json(doc).dump(indent, ' ', false, ojson::error_handler_t::replace);
}

// --- Section: reading ---

namespace {

// Records where a JSON syntax error is, without exceptions.
struct SyntaxErrorFinder : nlohmann::json_sax<nlohmann::json> {
  size_t position = 0;
  std::string what;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    position = pos;
    what = ex.what();
    return false;
  }
};

Status syntax_error(std::string_view text) {
  SyntaxErrorFinder finder;
  nlohmann::json::sax_parse(text.begin(), text.end(), &finder);
  size_t line = 1, column = 1;
  for (size_t i = 0; i + 1 < finder.position && i < text.size(); ++i) {
    if (text[i] == '\n') { ++line; column = 1; } else { ++column; }
  }
  // nlohmann's message starts "[json.exception.parse_error.101] parse error at line 1, ..."
  std::string detail = finder.what;
  const size_t colon = detail.find(": ");
  if (colon != std::string::npos) detail = detail.substr(colon + 2);
  return Status(ErrorCode::JsonSyntax, "not valid JSON at line " + std::to_string(line) +
                                           ", column " + std::to_string(column) + ": " + detail);
}

Status missing(const std::string& where) {
  return Status(ErrorCode::MissingField, where + " is missing");
}

Status wrong_type(const std::string& where, const char* expected) {
  return Status(ErrorCode::WrongType, where + " must be " + expected);
}

// Typed accessors that never throw: each checks presence and type first.
Status get_string(const nlohmann::json& obj, const char* key, const std::string& where,
                  bool required, std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end()) return required ? missing(where + key) : Status::ok();
  if (!it->is_string()) return wrong_type(where + key, "a string");
  *out = it->get_ref<const std::string&>();
  return Status::ok();
}

Status get_index(const nlohmann::json& obj, const char* key, const std::string& where,
                 size_t* out) {
  auto it = obj.find(key);
  if (it == obj.end()) return missing(where + key);
  if (!it->is_number_unsigned()) return wrong_type(where + key, "a non-negative integer");
  *out = static_cast<size_t>(it->get<uint64_t>());
  return Status::ok();
}

bool is_hex_color(const std::string& c) {
  if (c.size() != 7 || c[0] != '#') return false;
  return std::all_of(c.begin() + 1, c.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); });
}

Status read_labels(const nlohmann::json& j, Document* doc) {
  auto it = j.find("labels");
  if (it == j.end()) return missing("labels");
  if (!it->is_array()) return wrong_type("labels", "an array");
  std::set<std::string> seen;
  for (size_t i = 0; i < it->size(); ++i) {
    const auto& jl = (*it)[i];
    const std::string where = "labels[" + std::to_string(i) + "].";
    if (!jl.is_object()) return wrong_type(where.substr(0, where.size() - 1), "an object");
    LabelInfo l;
    GLOSA_TRY(get_string(jl, "name", where, true, &l.name));
    GLOSA_TRY(get_string(jl, "color", where, true, &l.color));
    GLOSA_TRY(get_string(jl, "description", where, false, &l.description));
    if (l.name.empty()) return Status(ErrorCode::WrongType, where + "name is empty");
    if (!is_hex_color(l.color)) {
      return Status(ErrorCode::WrongType, where + "color: \"" + l.color +
                                              "\" is not a colour of the form #rrggbb");
    }
    if (!seen.insert(l.name).second) {
      return Status(ErrorCode::DuplicateId, where + "name: label \"" + l.name + "\" is listed twice");
    }
    doc->labels.push_back(std::move(l));
  }
  return Status::ok();
}

Status read_entity(const nlohmann::json& je, const std::string& where, const Document& doc,
                   const CodepointIndex& index, Entity* e) {
  if (!je.is_object()) return wrong_type(where.substr(0, where.size() - 1), "an object");
  GLOSA_TRY(get_string(je, "id", where, true, &e->id));
  if (e->id.empty()) return Status(ErrorCode::WrongType, where + "id is empty");
  size_t start = 0, end = 0;
  GLOSA_TRY(get_index(je, "start", where, &start));
  GLOSA_TRY(get_index(je, "end", where, &end));
  if (start >= end) {
    return Status(ErrorCode::BadOffsets, where + "start " + std::to_string(start) +
                                             " is not before end " + std::to_string(end));
  }
  if (end > index.codepoint_count()) {
    return Status(ErrorCode::BadOffsets,
                  where + "end: " + std::to_string(end) + " is past the end of the text (" +
                      std::to_string(index.codepoint_count()) + " code points)");
  }
  index.to_byte(start, &e->begin_byte);
  index.to_byte(end, &e->end_byte);
  GLOSA_TRY(get_string(je, "label", where, true, &e->label));
  if (find_label(doc.labels, e->label) < 0) {
    return Status(ErrorCode::UnknownLabel,
                  where + "label: \"" + e->label + "\" is not in the file's \"labels\"");
  }
  std::string surface;
  GLOSA_TRY(get_string(je, "text", where, true, &surface));
  if (surface != entity_text(doc, *e)) {
    return Status(ErrorCode::TextMismatch,
                  where + "text: \"" + surface + "\" differs from the document at " +
                      std::to_string(start) + ".." + std::to_string(end) + " (\"" +
                      std::string(entity_text(doc, *e)) + "\")");
  }
  GLOSA_TRY(get_string(je, "value", where, false, &e->value));
  GLOSA_TRY(get_string(je, "subtype", where, false, &e->subtype));
  if (auto it = je.find("relative"); it != je.end()) {
    if (!it->is_boolean()) return wrong_type(where + "relative", "true or false");
    e->is_relative = it->get<bool>();
  }
  std::string origin;
  GLOSA_TRY(get_string(je, "origin", where, true, &origin));
  if (!parse_origin(origin, &e->origin)) {
    return Status(ErrorCode::WrongType,
                  where + "origin: \"" + origin + "\" is not one of rule, model, person");
  }
  if (auto it = je.find("confidence"); it != je.end()) {
    if (!it->is_number()) return wrong_type(where + "confidence", "a number");
    const double c = it->get<double>();
    if (!(c >= 0.0 && c <= 1.0)) {
      return Status(ErrorCode::WrongType, where + "confidence must be between 0 and 1");
    }
    e->confidence = static_cast<float>(c);
  }
  std::string status = "unreviewed";
  GLOSA_TRY(get_string(je, "status", where, false, &status));
  if (!parse_review_status(status, &e->status)) {
    return Status(ErrorCode::WrongType, where + "status: \"" + status +
                                            "\" is not one of unreviewed, accepted, rejected");
  }
  return Status::ok();
}

}  // namespace

Result<Document> read_document(std::string_view json_text) {
  nlohmann::json j = nlohmann::json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (j.is_discarded()) return syntax_error(json_text);
  if (!j.is_object()) return Status(ErrorCode::NotGlosaFile, "not a Glosa file: the JSON is not an object");
  auto format = j.find("format");
  if (format == j.end() || !format->is_string() || *format != "glosa") {
    return Status(ErrorCode::NotGlosaFile, "not a Glosa file: \"format\" must be \"glosa\"");
  }
  auto version = j.find("version");
  if (version == j.end()) return missing("version");
  if (!version->is_number_integer()) return wrong_type("version", "an integer");
  if (version->get<int64_t>() != kFormatVersion) {
    return Status(ErrorCode::UnsupportedVersion,
                  "format version " + std::to_string(version->get<int64_t>()) +
                      " is not supported; this Glosa reads version " +
                      std::to_string(kFormatVersion));
  }
  Document doc;
  GLOSA_TRY(get_string(j, "text", "", true, &doc.text));
  std::string sha;
  GLOSA_TRY(get_string(j, "sha256", "", true, &sha));
  if (sha != sha256_hex(doc.text)) {
    return Status(ErrorCode::ChecksumMismatch,
                  "sha256 does not match the text: the text was changed after the file was written");
  }
  GLOSA_TRY(get_string(j, "lang", "", false, &doc.lang));
  GLOSA_TRY(read_labels(j, &doc));

  auto entities = j.find("entities");
  if (entities == j.end()) return missing("entities");
  if (!entities->is_array()) return wrong_type("entities", "an array");
  const CodepointIndex index(doc.text);
  std::set<std::string> ids;
  for (size_t i = 0; i < entities->size(); ++i) {
    Entity e;
    const std::string where = "entities[" + std::to_string(i) + "].";
    GLOSA_TRY(read_entity((*entities)[i], where, doc, index, &e));
    if (!ids.insert(e.id).second) {
      return Status(ErrorCode::DuplicateId, where + "id: \"" + e.id + "\" is used twice");
    }
    doc.entities.push_back(std::move(e));
  }
  std::stable_sort(doc.entities.begin(), doc.entities.end(), [](const Entity& a, const Entity& b) {
    return a.begin_byte != b.begin_byte ? a.begin_byte < b.begin_byte : a.end_byte < b.end_byte;
  });

  if (auto meta = j.find("meta"); meta != j.end()) {
    if (!meta->is_object()) return wrong_type("meta", "an object");
    GLOSA_TRY(get_string(*meta, "tool", "meta.", false, &doc.meta.tool));
    GLOSA_TRY(get_string(*meta, "model", "meta.", false, &doc.meta.model));
    GLOSA_TRY(get_string(*meta, "created", "meta.", false, &doc.meta.created));
  }
  return doc;
}

}  // namespace glosa
