// Annotation file writer and validating reader. Layer: formats.
#include "formats/annotation_json.h"

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
    if (!e.resolved.empty()) je["resolved"] = e.resolved;
    if (!e.lemma.empty()) je["lemma"] = e.lemma;
    if (!e.group.empty()) je["group"] = e.group;
    je["origin"] = origin_name(e.origin);
    // Rounded so files stay short and diff well; 4 digits is far finer than any use.
    je["confidence"] = std::round(static_cast<double>(e.confidence) * 10000.0) / 10000.0;
    je["status"] = review_status_name(e.status);
    entities.push_back(std::move(je));
  }
  j["entities"] = std::move(entities);
  ojson groups = ojson::array();
  for (const auto& g : doc.groups) {
    ojson jg;
    jg["id"] = g.id;
    jg["label"] = g.label;
    jg["name"] = g.name;
    ojson mentions = ojson::array();
    for (const auto& e : doc.entities) if (e.group == g.id) mentions.push_back(e.id);
    jg["count"] = mentions.size();
    jg["mentions"] = std::move(mentions);
    if (!g.acronym.empty()) jg["acronym"] = g.acronym;
    if (!g.link.empty()) jg["link"] = g.link;
    if (!g.place.empty()) jg["place"] = g.place;
    if (g.by_person) jg["origin"] = "person";
    groups.push_back(std::move(jg));
  }
  j["groups"] = std::move(groups);
  ojson quotes = ojson::array();
  const auto span_text = [&](size_t b, size_t e) { return doc.text.substr(b, e - b); };
  for (const auto& q : doc.quotes) {
    ojson jq;
    jq["id"] = q.id;
    jq["start"] = index.to_codepoint(q.begin_byte);
    jq["end"] = index.to_codepoint(q.end_byte);
    jq["text"] = span_text(q.begin_byte, q.end_byte);
    if (!q.speaker.empty()) jq["speaker"] = q.speaker;
    if (q.speaker_end_byte > q.speaker_begin_byte) {
      jq["speaker_start"] = index.to_codepoint(q.speaker_begin_byte);
      jq["speaker_end"] = index.to_codepoint(q.speaker_end_byte);
      jq["speaker_text"] = span_text(q.speaker_begin_byte, q.speaker_end_byte);
    }
    if (q.cue_end_byte > q.cue_begin_byte) {
      jq["cue_start"] = index.to_codepoint(q.cue_begin_byte);
      jq["cue_end"] = index.to_codepoint(q.cue_end_byte);
      jq["cue"] = span_text(q.cue_begin_byte, q.cue_end_byte);
    }
    if (!q.attribution.empty()) jq["attribution"] = q.attribution;
    jq["confidence"] = std::round(static_cast<double>(q.confidence) * 10000.0) / 10000.0;
    jq["uncertain"] = q.is_uncertain;
    if (!q.parent.empty()) jq["parent"] = q.parent;
    quotes.push_back(std::move(jq));
  }
  j["quotes"] = std::move(quotes);
  const ArticleInfo& a = doc.article;
  j["article"] = {{"title", a.title},         {"date", a.date},
                  {"source", a.source},       {"urls", a.urls},
                  {"words", a.word_count},    {"reading_minutes", a.reading_minutes}};
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
  GLOSA_TRY(get_string(je, "resolved", where, false, &e->resolved));
  GLOSA_TRY(get_string(je, "lemma", where, false, &e->lemma));
  GLOSA_TRY(get_string(je, "group", where, false, &e->group));
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

// An optional pair of code-point offsets ("speaker_start"/"speaker_end"): both or neither,
// inside the text, start < end.
Status get_optional_span(const nlohmann::json& obj, const char* start_key, const char* end_key,
                         const std::string& where, const CodepointIndex& index, size_t* b, size_t* e) {
  const bool has_start = obj.contains(start_key), has_end = obj.contains(end_key);
  if (!has_start && !has_end) return Status::ok();
  if (has_start != has_end) return missing(where + (has_start ? end_key : start_key));
  size_t s = 0, t = 0;
  GLOSA_TRY(get_index(obj, start_key, where, &s));
  GLOSA_TRY(get_index(obj, end_key, where, &t));
  if (s >= t || t > index.codepoint_count()) {
    return Status(ErrorCode::BadOffsets, where + start_key + ".." + end_key + ": " + std::to_string(s) +
                                             ".." + std::to_string(t) + " is not a span of the text (" +
                                             std::to_string(index.codepoint_count()) + " code points)");
  }
  index.to_byte(s, b);
  index.to_byte(t, e);
  return Status::ok();
}

Status read_groups(const nlohmann::json& j, Document* doc) {
  auto it = j.find("groups");
  if (it == j.end()) {
    for (size_t i = 0; i < doc->entities.size(); ++i) {
      if (!doc->entities[i].group.empty()) {
        return Status(ErrorCode::BadReference, "entities[" + std::to_string(i) + "].group: \"" +
                                                   doc->entities[i].group + "\" names no group (the file has no \"groups\")");
      }
    }
    return Status::ok();
  }
  if (!it->is_array()) return wrong_type("groups", "an array");
  std::set<std::string> ids;
  for (size_t i = 0; i < it->size(); ++i) {
    const auto& jg = (*it)[i];
    const std::string where = "groups[" + std::to_string(i) + "].";
    if (!jg.is_object()) return wrong_type(where.substr(0, where.size() - 1), "an object");
    EntityGroup g;
    GLOSA_TRY(get_string(jg, "id", where, true, &g.id));
    if (g.id.empty()) return Status(ErrorCode::WrongType, where + "id is empty");
    if (!ids.insert(g.id).second) return Status(ErrorCode::DuplicateId, where + "id: \"" + g.id + "\" is used twice");
    GLOSA_TRY(get_string(jg, "label", where, true, &g.label));
    if (find_label(doc->labels, g.label) < 0) {
      return Status(ErrorCode::UnknownLabel, where + "label: \"" + g.label + "\" is not in the file's \"labels\"");
    }
    GLOSA_TRY(get_string(jg, "name", where, true, &g.name));
    GLOSA_TRY(get_string(jg, "acronym", where, false, &g.acronym));
    GLOSA_TRY(get_string(jg, "link", where, false, &g.link));
    GLOSA_TRY(get_string(jg, "place", where, false, &g.place));
    std::string origin;
    GLOSA_TRY(get_string(jg, "origin", where, false, &origin));
    if (!origin.empty() && origin != "person" && origin != "engine") {
      return Status(ErrorCode::WrongType, where + "origin: \"" + origin.substr(0, 40) + "\" is neither \"person\" nor \"engine\"");
    }
    g.by_person = origin == "person";
    // "mentions" and "count" are derived from entities[].group: written for readers, not read.
    doc->groups.push_back(std::move(g));
  }
  for (size_t i = 0; i < doc->groups.size(); ++i) {
    const std::string& link = doc->groups[i].link;
    if (!link.empty() && !ids.count(link)) {
      return Status(ErrorCode::BadReference, "groups[" + std::to_string(i) + "].link: \"" + link + "\" names no group");
    }
  }
  for (size_t i = 0; i < doc->entities.size(); ++i) {
    const std::string& g = doc->entities[i].group;
    if (!g.empty() && !ids.count(g)) {
      return Status(ErrorCode::BadReference, "entities[" + std::to_string(i) + "].group: \"" + g + "\" names no group");
    }
  }
  return Status::ok();
}

Status read_quotes(const nlohmann::json& j, const CodepointIndex& index, Document* doc) {
  auto it = j.find("quotes");
  if (it == j.end()) return Status::ok();
  if (!it->is_array()) return wrong_type("quotes", "an array");
  std::set<std::string> groups, ids;
  for (const auto& g : doc->groups) groups.insert(g.id);
  for (size_t i = 0; i < it->size(); ++i) {
    const auto& jq = (*it)[i];
    const std::string where = "quotes[" + std::to_string(i) + "].";
    if (!jq.is_object()) return wrong_type(where.substr(0, where.size() - 1), "an object");
    Quotation q;
    GLOSA_TRY(get_string(jq, "id", where, true, &q.id));
    if (q.id.empty()) return Status(ErrorCode::WrongType, where + "id is empty");
    if (!jq.contains("start")) return missing(where + "start");
    if (!jq.contains("end")) return missing(where + "end");
    GLOSA_TRY(get_optional_span(jq, "start", "end", where, index, &q.begin_byte, &q.end_byte));
    std::string text;
    GLOSA_TRY(get_string(jq, "text", where, true, &text));
    if (text != std::string_view(doc->text).substr(q.begin_byte, q.end_byte - q.begin_byte)) {
      return Status(ErrorCode::TextMismatch, where + "text differs from the document at its offsets");
    }
    GLOSA_TRY(get_string(jq, "speaker", where, false, &q.speaker));
    if (!q.speaker.empty() && !groups.count(q.speaker)) {
      return Status(ErrorCode::BadReference, where + "speaker: \"" + q.speaker + "\" names no group");
    }
    GLOSA_TRY(get_optional_span(jq, "speaker_start", "speaker_end", where, index, &q.speaker_begin_byte, &q.speaker_end_byte));
    GLOSA_TRY(get_optional_span(jq, "cue_start", "cue_end", where, index, &q.cue_begin_byte, &q.cue_end_byte));
    GLOSA_TRY(get_string(jq, "attribution", where, false, &q.attribution));
    if (!q.attribution.empty() && q.attribution != "name" && q.attribution != "role" && q.attribution != "context") {
      return Status(ErrorCode::WrongType, where + "attribution: \"" + q.attribution + "\" is not one of name, role, context");
    }
    if (auto c = jq.find("confidence"); c != jq.end()) {
      if (!c->is_number()) return wrong_type(where + "confidence", "a number");
      const double v = c->get<double>();
      if (!(v >= 0.0 && v <= 1.0)) return Status(ErrorCode::WrongType, where + "confidence must be between 0 and 1");
      q.confidence = static_cast<float>(v);
    }
    if (auto u = jq.find("uncertain"); u != jq.end()) {
      if (!u->is_boolean()) return wrong_type(where + "uncertain", "true or false");
      q.is_uncertain = u->get<bool>();
    }
    GLOSA_TRY(get_string(jq, "parent", where, false, &q.parent));
    if (!q.parent.empty() && !ids.count(q.parent)) {
      return Status(ErrorCode::BadReference, where + "parent: \"" + q.parent + "\" names no earlier quotation");
    }
    if (!ids.insert(q.id).second) return Status(ErrorCode::DuplicateId, where + "id: \"" + q.id + "\" is used twice");
    doc->quotes.push_back(std::move(q));
  }
  return Status::ok();
}

Status read_article(const nlohmann::json& j, Document* doc) {
  auto it = j.find("article");
  if (it == j.end()) return Status::ok();
  if (!it->is_object()) return wrong_type("article", "an object");
  ArticleInfo& a = doc->article;
  GLOSA_TRY(get_string(*it, "title", "article.", false, &a.title));
  GLOSA_TRY(get_string(*it, "date", "article.", false, &a.date));
  GLOSA_TRY(get_string(*it, "source", "article.", false, &a.source));
  if (auto u = it->find("urls"); u != it->end()) {
    if (!u->is_array()) return wrong_type("article.urls", "an array of strings");
    for (const auto& x : *u) {
      if (!x.is_string()) return wrong_type("article.urls", "an array of strings");
      a.urls.push_back(x.get<std::string>());
    }
  }
  if (it->contains("words")) GLOSA_TRY(get_index(*it, "words", "article.", &a.word_count));
  if (it->contains("reading_minutes")) GLOSA_TRY(get_index(*it, "reading_minutes", "article.", &a.reading_minutes));
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
  if (version->get<int64_t>() < kOldestFormatVersion || version->get<int64_t>() > kFormatVersion) {
    return Status(ErrorCode::UnsupportedVersion,
                  "format version " + std::to_string(version->get<int64_t>()) +
                      " is not supported; this Glosa reads versions " +
                      std::to_string(kOldestFormatVersion) + " to " + std::to_string(kFormatVersion));
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

  GLOSA_TRY(read_groups(j, &doc));
  GLOSA_TRY(read_quotes(j, index, &doc));
  GLOSA_TRY(read_article(j, &doc));

  if (auto meta = j.find("meta"); meta != j.end()) {
    if (!meta->is_object()) return wrong_type("meta", "an object");
    GLOSA_TRY(get_string(*meta, "tool", "meta.", false, &doc.meta.tool));
    GLOSA_TRY(get_string(*meta, "model", "meta.", false, &doc.meta.model));
    GLOSA_TRY(get_string(*meta, "created", "meta.", false, &doc.meta.created));
  }
  return doc;
}

}  // namespace glosa
