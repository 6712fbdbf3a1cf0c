// Annotation file writer and validating reader. Layer: formats.
#include "formats/annotation_json.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "engine/core/sha256.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"
#include "formats/json_fields.h"

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
    ojson jl = {{"name", l.name}, {"color", l.color}, {"description", l.description}};
    if (!l.renamed_from.empty()) jl["renamed_from"] = l.renamed_from;
    labels.push_back(std::move(jl));
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
  // Each group's mentions in one pass over the entities (a scan per group was quadratic).
  std::unordered_map<std::string_view, size_t> group_index;
  group_index.reserve(doc.groups.size());
  for (size_t g = 0; g < doc.groups.size(); ++g) group_index.emplace(doc.groups[g].id, g);
  std::vector<std::vector<const std::string*>> mention_ids(doc.groups.size());
  for (const auto& e : doc.entities) {
    if (e.group.empty()) continue;
    auto it = group_index.find(e.group);
    if (it != group_index.end()) mention_ids[it->second].push_back(&e.id);
  }
  ojson groups = ojson::array();
  for (size_t gi = 0; gi < doc.groups.size(); ++gi) {
    const EntityGroup& g = doc.groups[gi];
    ojson jg;
    jg["id"] = g.id;
    jg["label"] = g.label;
    jg["name"] = g.name;
    ojson mentions = ojson::array();
    for (const std::string* id : mention_ids[gi]) mentions.push_back(*id);
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

bool acceptable_label_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == ' ' || name.back() == ' ') return false;
  for (char c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return false;
  }
  return true;
}

namespace {

Status get_string(const nlohmann::json& obj, const char* key, const std::string& where, bool required,
                  std::string* out) {
  return get_string_field(obj, key, where, required, out);
}

// `where` + key + ": " + the value as a short excerpt: `entities[2].label: "LABEL"`.
std::string quoted(const std::string& where, const char* key, std::string_view value) {
  return where + key + ": " + excerpt(value);
}

// "entities[3]." -> "entities[3]" (for messages about the item itself).
std::string item(const std::string& where) { return where.substr(0, where.size() - 1); }

bool is_hex_color(const std::string& c) {
  if (c.size() != 7 || c[0] != '#') return false;
  return std::all_of(c.begin() + 1, c.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); });
}

// The text's promises (docs/FORMAT.md "Offsets"): no NUL, no CR (line ends are LF), no
// leading byte order mark, and something besides whitespace (a paste refuses that too).
Status check_text(const std::string& text) {
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    return Status(ErrorCode::BadText, "text starts with a byte order mark (U+FEFF); Glosa files never hold one");
  }
  const size_t bad = text.find_first_of(std::string_view("\0\r", 2));
  if (bad != std::string::npos) {
    const std::string at = " at code point " + std::to_string(count_codepoints(std::string_view(text).substr(0, bad)));
    return Status(ErrorCode::BadText,
                  text[bad] == '\0' ? "text holds a NUL character" + at + "; Glosa files never hold one"
                                    : "text holds a carriage return (CR)" + at + "; line ends in Glosa files are LF only");
  }
  bool has_content = false;
  for (size_t pos = 0; pos < text.size() && !has_content;) {
    size_t len = 1;
    const char32_t cp = decode_utf8(text, pos, &len);
    // The tokenizer's notion of a space: a text of nothing else has no token to show.
    has_content = !(cp < 0x80 ? cp == ' ' || (cp >= 0x09 && cp <= 0x0D) : is_space(cp));
    pos += len;
  }
  if (!has_content) return Status(ErrorCode::EmptyText, "text is empty or only whitespace: there is nothing to show");
  return Status::ok();
}

// A required code-point span `start_key`/`end_key`, checked in 64 bits, then as bytes.
Status get_span(const nlohmann::json& obj, const char* start_key, const char* end_key, const std::string& where,
                const CodepointIndex& index, size_t* begin_byte, size_t* end_byte) {
  uint64_t start = 0, end = 0;
  GLOSA_TRY(get_uint64_field(obj, start_key, where, &start));
  GLOSA_TRY(get_uint64_field(obj, end_key, where, &end));
  GLOSA_TRY(check_codepoint_span(start, end, index.codepoint_count(), where, start_key, end_key));
  index.to_byte(static_cast<size_t>(start), begin_byte);  // both <= codepoint_count(): no narrowing loss
  index.to_byte(static_cast<size_t>(end), end_byte);
  return Status::ok();
}

// `text_key` must equal the document's text at [b, e): TextMismatch otherwise, with both
// sides shown as excerpts and the span in code points.
Status check_span_text(const Document& doc, const CodepointIndex& index, const std::string& where,
                       const char* text_key, const std::string& given, size_t b, size_t e) {
  const std::string_view actual = std::string_view(doc.text).substr(b, e - b);
  if (given == actual) return Status::ok();
  return Status(ErrorCode::TextMismatch, quoted(where, text_key, given) + " differs from the document at " +
                                             std::to_string(index.to_codepoint(b)) + ".." +
                                             std::to_string(index.to_codepoint(e)) + " (" + excerpt(actual) + ")");
}

// An optional span with its words ("speaker_start", "speaker_end", "speaker_text"): the
// offsets both or neither, inside the text, start < end; the words, when given, must be the
// text there, and words without offsets are refused (they would be dropped on saving).
Status get_optional_span(const nlohmann::json& obj, const char* start_key, const char* end_key,
                         const char* text_key, const std::string& where, const Document& doc,
                         const CodepointIndex& index, size_t* b, size_t* e) {
  const bool has_start = obj.contains(start_key), has_end = obj.contains(end_key);
  const bool has_text = obj.contains(text_key);
  if (!has_start && !has_end) {
    if (has_text) {
      return Status(ErrorCode::MissingField, where + start_key + " is missing (" + text_key +
                                                 " names words of the text)");
    }
    return Status::ok();
  }
  if (has_start != has_end) return missing_field(where + (has_start ? end_key : start_key));
  GLOSA_TRY(get_span(obj, start_key, end_key, where, index, b, e));
  if (has_text) {
    std::string words;
    GLOSA_TRY(get_string(obj, text_key, where, true, &words));
    GLOSA_TRY(check_span_text(doc, index, where, text_key, words, *b, *e));
  }
  return Status::ok();
}

Status read_labels(const nlohmann::json& j, Document* doc) {
  auto it = j.find("labels");
  if (it == j.end()) return missing_field("labels");
  if (!it->is_array()) return wrong_type("labels", "an array");
  if (it->size() > kMaxLabels) {
    return Status(ErrorCode::WrongType, "labels: " + std::to_string(it->size()) + " labels, more than the " +
                                            std::to_string(kMaxLabels) + " a document may have");
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < it->size(); ++i) {
    const auto& jl = (*it)[i];
    const std::string where = "labels[" + std::to_string(i) + "].";
    if (!jl.is_object()) return wrong_type(item(where), "an object");
    LabelInfo l;
    GLOSA_TRY(get_string(jl, "name", where, true, &l.name));
    GLOSA_TRY(get_string(jl, "color", where, true, &l.color));
    GLOSA_TRY(get_string(jl, "description", where, false, &l.description));
    GLOSA_TRY(get_string(jl, "renamed_from", where, false, &l.renamed_from));
    if (l.name.empty()) return Status(ErrorCode::WrongType, where + "name is empty");
    if (!acceptable_label_name(l.name)) {
      return Status(ErrorCode::WrongType, where + "name is not a label name (1 to 64 bytes, no control characters)");
    }
    if (!is_hex_color(l.color)) {
      return Status(ErrorCode::WrongType, quoted(where, "color", l.color) + " is not a colour of the form #rrggbb");
    }
    if (!seen.insert(l.name).second) {
      return Status(ErrorCode::DuplicateId, quoted(where, "name", l.name) + ": the label is listed twice");
    }
    doc->labels.push_back(std::move(l));
  }
  return Status::ok();
}

Status read_entity(const nlohmann::json& je, const std::string& where, const Document& doc,
                   const CodepointIndex& index, Entity* e) {
  if (!je.is_object()) return wrong_type(item(where), "an object");
  GLOSA_TRY(get_string(je, "id", where, true, &e->id));
  if (e->id.empty()) return Status(ErrorCode::WrongType, where + "id is empty");
  GLOSA_TRY(get_span(je, "start", "end", where, index, &e->begin_byte, &e->end_byte));
  GLOSA_TRY(get_string(je, "label", where, true, &e->label));
  if (find_label(doc.labels, e->label) < 0) {
    return Status(ErrorCode::UnknownLabel, quoted(where, "label", e->label) + " is not in the file's \"labels\"");
  }
  std::string surface;
  GLOSA_TRY(get_string(je, "text", where, true, &surface));
  GLOSA_TRY(check_span_text(doc, index, where, "text", surface, e->begin_byte, e->end_byte));
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
    return Status(ErrorCode::WrongType, quoted(where, "origin", origin) + " is not one of rule, model, person");
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
    return Status(ErrorCode::WrongType,
                  quoted(where, "status", status) + " is not one of unreviewed, accepted, rejected");
  }
  return Status::ok();
}

// Group links ("link": a NORP word's place) must not lead back to where they started: the
// app follows them. Refuses a group linked to itself and the first cycle found (named by
// its member that comes first in the file). Linear: each group is walked once.
Status check_group_links(const std::vector<EntityGroup>& groups,
                         const std::unordered_map<std::string_view, size_t>& by_id) {
  const size_t none = groups.size();
  std::vector<size_t> next(groups.size(), none);
  for (size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].link.empty()) continue;
    const auto target = by_id.find(groups[i].link);
    if (target == by_id.end()) continue;  // the caller refuses links that name no group first
    next[i] = target->second;
    if (next[i] == i) {
      return Status(ErrorCode::BadReference,
                    "groups[" + std::to_string(i) + "].link: " + excerpt(groups[i].link) + " links the group to itself");
    }
  }
  enum : uint8_t { kUnseen, kOnPath, kDone };
  std::vector<uint8_t> state(groups.size(), kUnseen);
  std::vector<size_t> path;
  for (size_t start = 0; start < groups.size(); ++start) {
    path.clear();
    size_t g = start;
    while (g != none && state[g] == kUnseen) {
      state[g] = kOnPath;
      path.push_back(g);
      g = next[g];
    }
    if (g != none && state[g] == kOnPath) {
      // The cycle is the tail of the path from g; name it from its first member in the file.
      const auto from = std::find(path.begin(), path.end(), g);
      std::vector<size_t> cycle(from, path.end());
      const auto first = std::min_element(cycle.begin(), cycle.end());
      std::rotate(cycle.begin(), first, cycle.end());
      std::string shown;
      for (size_t k = 0; k < cycle.size() && k < 8; ++k) shown += groups[cycle[k]].id.substr(0, 60) + " -> ";
      shown += cycle.size() > 8 ? "\xE2\x80\xA6" : groups[cycle[0]].id.substr(0, 60);
      return Status(ErrorCode::BadReference, "groups[" + std::to_string(cycle[0]) +
                                                 "].link: " + excerpt(groups[cycle[0]].link) +
                                                 " is part of a cycle of links (" + shown + ")");
    }
    for (size_t p : path) state[p] = kDone;
  }
  return Status::ok();
}

Status read_groups(const nlohmann::json& j, Document* doc) {
  auto it = j.find("groups");
  if (it == j.end()) {
    for (size_t i = 0; i < doc->entities.size(); ++i) {
      if (!doc->entities[i].group.empty()) {
        return Status(ErrorCode::BadReference, quoted("entities[" + std::to_string(i) + "].", "group",
                                                      doc->entities[i].group) +
                                                   " names no group (the file has no \"groups\")");
      }
    }
    return Status::ok();
  }
  if (!it->is_array()) return wrong_type("groups", "an array");
  std::unordered_map<std::string_view, size_t> by_id;
  for (size_t i = 0; i < it->size(); ++i) {
    const auto& jg = (*it)[i];
    const std::string where = "groups[" + std::to_string(i) + "].";
    if (!jg.is_object()) return wrong_type(item(where), "an object");
    EntityGroup g;
    GLOSA_TRY(get_string(jg, "id", where, true, &g.id));
    if (g.id.empty()) return Status(ErrorCode::WrongType, where + "id is empty");
    GLOSA_TRY(get_string(jg, "label", where, true, &g.label));
    if (find_label(doc->labels, g.label) < 0) {
      return Status(ErrorCode::UnknownLabel, quoted(where, "label", g.label) + " is not in the file's \"labels\"");
    }
    GLOSA_TRY(get_string(jg, "name", where, true, &g.name));
    GLOSA_TRY(get_string(jg, "acronym", where, false, &g.acronym));
    GLOSA_TRY(get_string(jg, "link", where, false, &g.link));
    GLOSA_TRY(get_string(jg, "place", where, false, &g.place));
    std::string origin;
    GLOSA_TRY(get_string(jg, "origin", where, false, &origin));
    if (!origin.empty() && origin != "person" && origin != "engine") {
      return Status(ErrorCode::WrongType, quoted(where, "origin", origin) + " is neither \"person\" nor \"engine\"");
    }
    g.by_person = origin == "person";
    // "mentions" and "count" are derived from entities[].group: written for readers, not read.
    doc->groups.push_back(std::move(g));
  }
  for (size_t i = 0; i < doc->groups.size(); ++i) {  // the ids live in doc->groups from here on
    if (!by_id.emplace(doc->groups[i].id, i).second) {
      return Status(ErrorCode::DuplicateId,
                    quoted("groups[" + std::to_string(i) + "].", "id", doc->groups[i].id) + " is used twice");
    }
  }
  for (size_t i = 0; i < doc->groups.size(); ++i) {
    const std::string& link = doc->groups[i].link;
    if (!link.empty() && !by_id.count(link)) {
      return Status(ErrorCode::BadReference, quoted("groups[" + std::to_string(i) + "].", "link", link) + " names no group");
    }
  }
  GLOSA_TRY(check_group_links(doc->groups, by_id));
  for (size_t i = 0; i < doc->entities.size(); ++i) {
    const std::string& g = doc->entities[i].group;
    if (!g.empty() && !by_id.count(g)) {
      return Status(ErrorCode::BadReference, quoted("entities[" + std::to_string(i) + "].", "group", g) + " names no group");
    }
  }
  return Status::ok();
}

Status read_quotes(const nlohmann::json& j, const CodepointIndex& index, Document* doc) {
  auto it = j.find("quotes");
  if (it == j.end()) return Status::ok();
  if (!it->is_array()) return wrong_type("quotes", "an array");
  std::unordered_set<std::string_view> groups;
  std::set<std::string> ids;
  for (const auto& g : doc->groups) groups.insert(g.id);
  for (size_t i = 0; i < it->size(); ++i) {
    const auto& jq = (*it)[i];
    const std::string where = "quotes[" + std::to_string(i) + "].";
    if (!jq.is_object()) return wrong_type(item(where), "an object");
    Quotation q;
    GLOSA_TRY(get_string(jq, "id", where, true, &q.id));
    if (q.id.empty()) return Status(ErrorCode::WrongType, where + "id is empty");
    GLOSA_TRY(get_span(jq, "start", "end", where, index, &q.begin_byte, &q.end_byte));
    std::string text;
    GLOSA_TRY(get_string(jq, "text", where, true, &text));
    GLOSA_TRY(check_span_text(*doc, index, where, "text", text, q.begin_byte, q.end_byte));
    GLOSA_TRY(get_string(jq, "speaker", where, false, &q.speaker));
    if (!q.speaker.empty() && !groups.count(q.speaker)) {
      return Status(ErrorCode::BadReference, quoted(where, "speaker", q.speaker) + " names no group");
    }
    GLOSA_TRY(get_optional_span(jq, "speaker_start", "speaker_end", "speaker_text", where, *doc, index,
                                &q.speaker_begin_byte, &q.speaker_end_byte));
    GLOSA_TRY(get_optional_span(jq, "cue_start", "cue_end", "cue", where, *doc, index, &q.cue_begin_byte,
                                &q.cue_end_byte));
    GLOSA_TRY(get_string(jq, "attribution", where, false, &q.attribution));
    if (!q.attribution.empty() && q.attribution != "name" && q.attribution != "role" && q.attribution != "context" &&
        q.attribution != "person") {
      return Status(ErrorCode::WrongType,
                    quoted(where, "attribution", q.attribution) + " is not one of name, role, context, person");
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
      return Status(ErrorCode::BadReference, quoted(where, "parent", q.parent) + " names no earlier quotation");
    }
    if (!ids.insert(q.id).second) {
      return Status(ErrorCode::DuplicateId, quoted(where, "id", q.id) + " is used twice");
    }
    doc->quotes.push_back(std::move(q));
  }
  return Status::ok();
}

// A count of the article ("words", "reading_minutes"): read in 64 bits; a text of n code
// points has at most n words, so a larger count is refused rather than cut to size_t.
Status get_article_count(const nlohmann::json& article, const char* key, const CodepointIndex& index,
                         size_t* out) {
  if (!article.contains(key)) return Status::ok();
  uint64_t n = 0;
  GLOSA_TRY(get_uint64_field(article, key, "article.", &n));
  if (n > index.codepoint_count()) {
    return Status(ErrorCode::BadOffsets, std::string("article.") + key + ": " + std::to_string(n) +
                                             " is more than the text's " +
                                             std::to_string(index.codepoint_count()) + " code points");
  }
  *out = static_cast<size_t>(n);
  return Status::ok();
}

Status read_article(const nlohmann::json& j, const CodepointIndex& index, Document* doc) {
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
  GLOSA_TRY(get_article_count(*it, "words", index, &a.word_count));
  GLOSA_TRY(get_article_count(*it, "reading_minutes", index, &a.reading_minutes));
  return Status::ok();
}

Status check_version(const nlohmann::json& j) {
  auto version = j.find("version");
  if (version == j.end()) return missing_field("version");
  if (!version->is_number_integer()) return wrong_type("version", "an integer");
  // Compared as the number written, in 64 bits: 2^64 - 1 is not "-1".
  const bool known = version->is_number_unsigned()
                         ? version->get<uint64_t>() >= static_cast<uint64_t>(kOldestFormatVersion) &&
                               version->get<uint64_t>() <= static_cast<uint64_t>(kFormatVersion)
                         : false;
  if (known) return Status::ok();
  return Status(ErrorCode::UnsupportedVersion, "format version " + describe_number(*version) +
                                                   " is not supported; this Glosa reads versions " +
                                                   std::to_string(kOldestFormatVersion) + " to " +
                                                   std::to_string(kFormatVersion));
}

}  // namespace

Result<Document> read_document(std::string_view json_text) {
  auto parsed = parse_json(json_text);
  if (!parsed.is_ok()) return Status(ErrorCode::JsonSyntax, "not valid JSON at " + parsed.status().message());
  const nlohmann::json& j = parsed.value();
  if (!j.is_object()) return Status(ErrorCode::NotGlosaFile, "not a Glosa file: the JSON is not an object");
  auto format = j.find("format");
  if (format == j.end() || !format->is_string() || *format != "glosa") {
    return Status(ErrorCode::NotGlosaFile, "not a Glosa file: \"format\" must be \"glosa\"");
  }
  GLOSA_TRY(check_version(j));
  Document doc;
  GLOSA_TRY(get_string(j, "text", "", true, &doc.text));
  std::string sha;
  GLOSA_TRY(get_string(j, "sha256", "", true, &sha));
  if (sha != sha256_hex(doc.text)) {
    return Status(ErrorCode::ChecksumMismatch,
                  "sha256 does not match the text: the text was changed after the file was written");
  }
  GLOSA_TRY(check_text(doc.text));
  GLOSA_TRY(get_string(j, "lang", "", false, &doc.lang));
  GLOSA_TRY(read_labels(j, &doc));

  auto entities = j.find("entities");
  if (entities == j.end()) return missing_field("entities");
  if (!entities->is_array()) return wrong_type("entities", "an array");
  const CodepointIndex index(doc.text);
  std::set<std::string> ids;
  doc.entities.reserve(entities->size());
  for (size_t i = 0; i < entities->size(); ++i) {
    Entity e;
    const std::string where = "entities[" + std::to_string(i) + "].";
    GLOSA_TRY(read_entity((*entities)[i], where, doc, index, &e));
    if (!ids.insert(e.id).second) {
      return Status(ErrorCode::DuplicateId, quoted(where, "id", e.id) + " is used twice");
    }
    doc.entities.push_back(std::move(e));
  }
  std::stable_sort(doc.entities.begin(), doc.entities.end(), [](const Entity& a, const Entity& b) {
    return a.begin_byte != b.begin_byte ? a.begin_byte < b.begin_byte : a.end_byte < b.end_byte;
  });

  GLOSA_TRY(read_groups(j, &doc));
  GLOSA_TRY(read_quotes(j, index, &doc));
  GLOSA_TRY(read_article(j, index, &doc));

  if (auto meta = j.find("meta"); meta != j.end()) {
    if (!meta->is_object()) return wrong_type("meta", "an object");
    GLOSA_TRY(get_string(*meta, "tool", "meta.", false, &doc.meta.tool));
    GLOSA_TRY(get_string(*meta, "model", "meta.", false, &doc.meta.model));
    GLOSA_TRY(get_string(*meta, "created", "meta.", false, &doc.meta.created));
  }
  return doc;
}

}  // namespace glosa
