// spaCy, doccano, Label Studio and W3C Web Annotation writers and readers. Layer: formats.
//
// Index: --- Section: shared --- spaCy --- doccano --- Label Studio --- W3C Web Annotation
#include "formats/json_exchange.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "engine/core/sha256.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/utf8.h"
#include "formats/exchange_support.h"
#include "formats/json_fields.h"

namespace glosa {

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

namespace {

// --- Section: shared ---

// obj[key] when it is a string, else `otherwise` (nlohmann's value() aborts on a wrong type).
std::string string_or(const json& obj, const char* key, const char* otherwise) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : otherwise;
}

std::string dump(const ojson& j, int indent = -1) {
  return j.dump(indent, ' ', false, ojson::error_handler_t::replace);
}

// The JSON values of a file: the whole file when it is one JSON value (an array gives its
// items, named "[i]"), else one value per non-blank line (JSONL, named "line N").
struct Item {
  json value;
  std::string where;  // "", "[3]", "line 4"
};

Result<std::vector<Item>> json_items(std::string_view bytes, bool split_arrays) {
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.remove_prefix(3);
  std::vector<Item> items;
  auto whole = parse_json(bytes);
  if (whole.is_ok()) {
    if (split_arrays && whole.value().is_array()) {
      for (size_t i = 0; i < whole.value().size(); ++i) items.push_back({std::move(whole.value()[i]), "[" + std::to_string(i) + "]"});
      if (items.empty()) return Status(ErrorCode::EmptyText, "the file holds an empty array");
    } else {
      items.push_back({std::move(whole.value()), ""});
    }
    return items;
  }
  // JSONL: only if there are several lines; otherwise the syntax error is the answer.
  size_t pos = 0, line = 0;
  bool several = false;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view text = bytes.substr(pos, nl - pos);
    ++line;
    pos = nl + 1;
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (!items.empty()) several = true;
    auto one = parse_json(text);
    if (!one.is_ok()) {
      if (!several && pos >= bytes.size()) return Status(ErrorCode::JsonSyntax, "not valid JSON: " + whole.status().message());
      return Status(ErrorCode::JsonSyntax, "line " + std::to_string(line) + ": not valid JSON: " + one.status().message());
    }
    items.push_back({std::move(one.value()), "line " + std::to_string(line)});
  }
  if (items.empty()) return Status(ErrorCode::JsonSyntax, "not valid JSON: " + whole.status().message());
  if (items.size() == 1) return Status(ErrorCode::JsonSyntax, "not valid JSON: " + whole.status().message());
  return items;
}

// "line 4: " / "[3]." / "" prefixes for messages about fields of an item.
std::string field_prefix(const Item& item) {
  if (item.where.empty()) return "";
  if (item.where[0] == '[') return item.where + ".";
  return item.where + ": ";
}

Status need_object(const json& j, const std::string& where) {
  if (j.is_object()) return Status::ok();
  return Status(ErrorCode::WrongType, (where.empty() ? std::string("the file") : where) + " must be a JSON object");
}

// A required string "text" of an object, made into a document text.
Result<ImportedText> text_of(const json& obj, const char* key, const std::string& where, OffsetUnit unit) {
  std::string text;
  GLOSA_TRY(get_string_field(obj, key, where, true, &text));
  return ImportedText::make(text, unit, where + key);
}

// An entity span from a file, with the file's surface text checked when given.
Status add_entity(Document& doc, const ImportedText& text, uint64_t start, uint64_t end, const std::string& label,
                  const std::string& where, const char* start_key, const char* end_key, const json* surface) {
  size_t b = 0, e = 0;
  GLOSA_TRY(text.to_bytes(start, end, where, start_key, end_key, &b, &e));
  if (surface && surface->is_string() && surface->get_ref<const std::string&>() != text.raw_slice(start, end)) {
    return Status(ErrorCode::TextMismatch, where + "text: " + excerpt(surface->get_ref<const std::string&>()) +
                                               " differs from the text at " + std::to_string(start) + ".." +
                                               std::to_string(end) + " (" + excerpt(text.raw_slice(start, end)) + ")");
  }
  if (!ensure_label(doc, label)) return Status(ErrorCode::WrongType, where + "label: " + kBadLabel);
  doc.entities.push_back(imported_entity(b, e, label));
  return Status::ok();
}

// Spans of whole tokens: an edge inside whitespace moves to the nearest token edge inside
// the span. `tokens` are sorted, non-overlapping byte spans of non-space text.
bool snap_to_tokens(const std::vector<Token>& tokens, size_t b, size_t e, size_t* sb, size_t* se) {
  auto first = std::upper_bound(tokens.begin(), tokens.end(), b, [](size_t v, const Token& t) { return v < t.end_byte; });
  if (first == tokens.end() || first->begin_byte >= e) return false;
  auto last = std::lower_bound(tokens.begin(), tokens.end(), e, [](const Token& t, size_t v) { return t.begin_byte < v; });
  --last;
  *sb = std::max(first->begin_byte, b);
  *se = std::min(last->end_byte, e);
  return *sb < *se;
}

std::string base64url(const unsigned char* data, size_t n) {
  static const char* const kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  for (size_t i = 0; i < n; i += 3) {
    const uint32_t v = (uint32_t{data[i]} << 16) | (i + 1 < n ? uint32_t{data[i + 1]} << 8 : 0) | (i + 2 < n ? data[i + 2] : 0);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    if (i + 1 < n) out += kAlphabet[(v >> 6) & 63];
    if (i + 2 < n) out += kAlphabet[v & 63];
  }
  return out;
}

// RFC 6920 name of a text: "ni:///sha-256;" + base64url of its SHA-256, no padding.
std::string text_uri(const std::string& text) {
  const std::string hex = sha256_hex(text);
  unsigned char bytes[32];
  const auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };  // sha256_hex is lower-case hex
  for (size_t i = 0; i < 32; ++i) bytes[i] = static_cast<unsigned char>(nibble(hex[2 * i]) * 16 + nibble(hex[2 * i + 1]));
  return "ni:///sha-256;" + base64url(bytes, 32);
}

}  // namespace

// --- Section: spaCy ---

std::string write_spacy(const Document& doc) {
  const CodepointIndex index(doc.text);
  const auto cp = [&](size_t byte) { return index.to_codepoint(byte); };
  const std::vector<Token> words = tokens_at_span_edges(doc);
  ojson tokens = ojson::array();
  size_t prev_end = 0;
  auto add_token = [&](size_t b, size_t e) {
    tokens.push_back({{"id", tokens.size()}, {"start", cp(b)}, {"end", cp(e)}});
  };
  for (size_t i = 0; i < words.size(); ++i) {
    size_t gap = prev_end;
    if (i > 0 && gap < words[i].begin_byte && doc.text[gap] == ' ') ++gap;  // the previous token's trailing space
    if (gap < words[i].begin_byte) add_token(gap, words[i].begin_byte);     // other whitespace is a token
    add_token(words[i].begin_byte, words[i].end_byte);
    prev_end = words[i].end_byte;
  }
  size_t tail = prev_end;
  if (!words.empty() && tail < doc.text.size() && doc.text[tail] == ' ') ++tail;
  if (tail < doc.text.size()) add_token(tail, doc.text.size());

  ojson j;
  j["text"] = doc.text;
  size_t dropped = 0;
  ojson ents = ojson::array();
  for (const Entity* e : non_overlapping_entities(doc, &dropped)) {
    size_t b = 0, t = 0;
    if (snap_to_tokens(words, e->begin_byte, e->end_byte, &b, &t)) ents.push_back({{"start", cp(b)}, {"end", cp(t)}, {"label", e->label}});
  }
  j["ents"] = std::move(ents);
  ojson sents = ojson::array();
  for (const Sentence& s : split_sentences(doc.text, words)) sents.push_back({{"start", cp(s.begin_byte)}, {"end", cp(s.end_byte)}});
  j["sents"] = std::move(sents);
  j["tokens"] = std::move(tokens);
  ojson all = ojson::array();
  for (const Entity& e : doc.entities) {
    size_t b = 0, t = 0;
    if (snap_to_tokens(words, e.begin_byte, e.end_byte, &b, &t)) {
      all.push_back({{"start", cp(b)}, {"end", cp(t)}, {"label", e.label}, {"kb_id", e.group}});
    }
  }
  ojson quotes = ojson::array();
  for (const Quotation& q : doc.quotes) {
    size_t b = 0, t = 0;
    if (snap_to_tokens(words, q.begin_byte, q.end_byte, &b, &t)) {
      quotes.push_back({{"start", cp(b)}, {"end", cp(t)}, {"label", "QUOTE"}, {"kb_id", q.speaker}});
    }
  }
  j["spans"] = {{"glosa", std::move(all)}, {"quotes", std::move(quotes)}};
  return dump(j) + "\n";
}

namespace {

// Reads [{"start","end","label","kb_id"?}] of a spaCy doc into entities (keys: kb_id).
Status read_spacy_spans(const json& spans, const std::string& where, const ImportedText& text, Document* doc,
                        std::vector<std::string>* keys) {
  if (!spans.is_array()) return wrong_type(where, "an array");
  for (size_t i = 0; i < spans.size(); ++i) {
    const std::string at = where + "[" + std::to_string(i) + "].";
    GLOSA_TRY(need_object(spans[i], at.substr(0, at.size() - 1)));
    uint64_t s = 0, e = 0;
    GLOSA_TRY(get_uint64_field(spans[i], "start", at, &s));
    GLOSA_TRY(get_uint64_field(spans[i], "end", at, &e));
    std::string label, kb;
    GLOSA_TRY(get_string_field(spans[i], "label", at, true, &label));
    GLOSA_TRY(get_string_field(spans[i], "kb_id", at, false, &kb));
    GLOSA_TRY(add_entity(*doc, text, s, e, label, at, "start", "end", nullptr));
    if (keys) keys->push_back(kb);
  }
  return Status::ok();
}

Result<Document> read_one_spacy(const Item& item) {
  const std::string p = field_prefix(item);
  GLOSA_TRY(need_object(item.value, item.where));
  auto text = text_of(item.value, "text", p, OffsetUnit::CodePoint);
  if (!text.is_ok()) return text.status();
  Document doc;
  doc.text = text.value().text();
  doc.labels = default_labels();
  std::vector<std::string> keys;
  const json* spans = item.value.contains("spans") ? &item.value["spans"] : nullptr;
  if (spans && !spans->is_object()) return wrong_type(p + "spans", "an object of span groups");
  if (spans && spans->contains("glosa")) {
    GLOSA_TRY(read_spacy_spans((*spans)["glosa"], p + "spans.glosa", text.value(), &doc, &keys));
  } else if (item.value.contains("ents")) {
    GLOSA_TRY(read_spacy_spans(item.value["ents"], p + "ents", text.value(), &doc, nullptr));
  }
  const auto groups = assign_groups(doc, keys);
  if (spans && spans->contains("quotes")) {
    Document quotes_doc;  // the quotation spans, read as entities first
    quotes_doc.text = doc.text;
    std::vector<std::string> speakers;
    GLOSA_TRY(read_spacy_spans((*spans)["quotes"], p + "spans.quotes", text.value(), &quotes_doc, &speakers));
    for (size_t i = 0; i < quotes_doc.entities.size(); ++i) {
      Quotation q;
      q.begin_byte = quotes_doc.entities[i].begin_byte;
      q.end_byte = quotes_doc.entities[i].end_byte;
      if (!speakers[i].empty()) {
        auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& kv) { return kv.first == speakers[i]; });
        if (g == groups.end()) {
          return Status(ErrorCode::BadReference, p + "spans.quotes[" + std::to_string(i) + "].kb_id: " +
                                                     excerpt(speakers[i]) + " is the kb_id of no entity in spans.glosa");
        }
        q.speaker = g->second;
      }
      doc.quotes.push_back(std::move(q));
    }
  }
  finish_import(doc, "spaCy");
  for (size_t i = 0; i < doc.quotes.size(); ++i) doc.quotes[i].id = "q" + std::to_string(i + 1);
  return doc;
}

}  // namespace

Result<std::vector<Document>> read_spacy(std::string_view bytes) {
  auto items = json_items(bytes, false);
  if (!items.is_ok()) return items.status();
  std::vector<Document> docs;
  for (const Item& item : items.value()) {
    auto d = read_one_spacy(item);
    if (!d.is_ok()) return d.status();
    docs.push_back(std::move(d.value()));
  }
  return docs;
}

// --- Section: doccano ---

std::string write_doccano(const Document& doc) {
  const CodepointIndex index(doc.text);
  ojson j;
  j["text"] = doc.text;
  ojson labels = ojson::array();
  for (const Entity& e : doc.entities) {
    labels.push_back(ojson::array({index.to_codepoint(e.begin_byte), index.to_codepoint(e.end_byte), e.label}));
  }
  j["label"] = std::move(labels);
  return dump(j) + "\n";
}

Result<std::vector<Document>> read_doccano(std::string_view bytes) {
  auto items = json_items(bytes, false);
  if (!items.is_ok()) return items.status();
  std::vector<Document> docs;
  for (const Item& item : items.value()) {
    const std::string p = field_prefix(item);
    GLOSA_TRY(need_object(item.value, item.where));
    auto text = text_of(item.value, "text", p, OffsetUnit::CodePoint);
    if (!text.is_ok()) return text.status();
    Document doc;
    doc.text = text.value().text();
    doc.labels = default_labels();
    const char* key = item.value.contains("label") ? "label" : item.value.contains("labels") ? "labels" : nullptr;
    if (key) {
      const json& list = item.value[key];
      if (!list.is_array()) return wrong_type(p + key, "an array of [start, end, label]");
      for (size_t i = 0; i < list.size(); ++i) {
        const std::string at = p + key + "[" + std::to_string(i) + "]";
        if (!list[i].is_array() || list[i].size() < 3) return wrong_type(at, "an array [start, end, label]");
        uint64_t s = 0, e = 0;
        GLOSA_TRY(get_uint64(list[i][0], at + "[0]", &s));
        GLOSA_TRY(get_uint64(list[i][1], at + "[1]", &e));
        if (!list[i][2].is_string()) return wrong_type(at + "[2]", "a label string");
        GLOSA_TRY(add_entity(doc, text.value(), s, e, list[i][2].get<std::string>(), at + ".", "start", "end", nullptr));
      }
    } else if (item.value.contains("entities")) {
      const json& list = item.value["entities"];
      if (!list.is_array()) return wrong_type(p + "entities", "an array");
      for (size_t i = 0; i < list.size(); ++i) {
        const std::string at = p + "entities[" + std::to_string(i) + "].";
        GLOSA_TRY(need_object(list[i], at.substr(0, at.size() - 1)));
        uint64_t s = 0, e = 0;
        GLOSA_TRY(get_uint64_field(list[i], "start_offset", at, &s));
        GLOSA_TRY(get_uint64_field(list[i], "end_offset", at, &e));
        std::string label;
        GLOSA_TRY(get_string_field(list[i], "label", at, true, &label));
        GLOSA_TRY(add_entity(doc, text.value(), s, e, label, at, "start_offset", "end_offset", nullptr));
      }
    }
    finish_import(doc, "doccano");
    docs.push_back(std::move(doc));
  }
  return docs;
}

// --- Section: Label Studio ---

std::string write_label_studio(const Document& doc, bool reviewed) {
  const CodepointIndex index(doc.text);
  const Utf16Index utf16(doc.text);
  const auto unit = [&](size_t byte) { return utf16.to_utf16(index.to_codepoint(byte)); };
  ojson result = ojson::array();
  double total = 0;
  for (const Entity& e : doc.entities) {
    ojson r;
    r["id"] = e.id;
    r["from_name"] = "label";
    r["to_name"] = "text";
    r["type"] = "labels";
    r["value"] = {{"start", unit(e.begin_byte)}, {"end", unit(e.end_byte)},
                  {"text", std::string(entity_text(doc, e))}, {"labels", ojson::array({e.label})}};
    r["score"] = std::round(static_cast<double>(e.confidence) * 10000.0) / 10000.0;
    total += e.confidence;
    result.push_back(std::move(r));
  }
  ojson task;
  task["data"] = {{"text", doc.text}};
  // Reviewed in Glosa (anything accepted, relabelled, tagged or rejected): what is there is a
  // person's annotation, not a model's prediction to check.
  reviewed = reviewed || std::any_of(doc.entities.begin(), doc.entities.end(), [](const Entity& e) {
    return e.origin == Origin::Person || e.status != ReviewStatus::Unreviewed;
  });
  if (reviewed) {
    ojson annotation;
    annotation["result"] = std::move(result);
    annotation["was_cancelled"] = false;
    task["annotations"] = ojson::array({std::move(annotation)});
  } else {
    ojson prediction;
    prediction["model_version"] = doc.meta.model.empty() ? std::string("glosa ") + "rules" : doc.meta.model;
    prediction["score"] = doc.entities.empty() ? 0.0 : std::round(total / doc.entities.size() * 10000.0) / 10000.0;
    prediction["result"] = std::move(result);
    task["predictions"] = ojson::array({std::move(prediction)});
  }
  return dump(ojson::array({std::move(task)}), 2) + "\n";
}

namespace {

Result<Document> read_one_task(const Item& item) {
  const std::string p = field_prefix(item);
  GLOSA_TRY(need_object(item.value, item.where));
  auto data = item.value.find("data");
  if (data == item.value.end()) return missing_field(p + "data");
  GLOSA_TRY(need_object(*data, p + "data"));
  // The text is data.text; a task with another key for it must have exactly one string.
  const char* key = "text";
  std::string other;
  if (!data->contains("text")) {
    size_t strings = 0;
    for (auto it = data->begin(); it != data->end(); ++it) {
      if (it->is_string()) {
        ++strings;
        other = it.key();
      }
    }
    if (strings != 1) return missing_field(p + "data.text");
    key = other.c_str();
  }
  auto text = text_of(*data, key, p + "data.", OffsetUnit::Utf16);
  if (!text.is_ok()) return text.status();
  Document doc;
  doc.text = text.value().text();
  doc.labels = default_labels();
  // The first annotation that was not cancelled, else the first prediction.
  const json* result = nullptr;
  std::string where;
  bool from_prediction = false;
  if (auto anns = item.value.find("annotations"); anns != item.value.end()) {
    if (!anns->is_array()) return wrong_type(p + "annotations", "an array");
    for (size_t i = 0; i < anns->size() && !result; ++i) {
      const json& a = (*anns)[i];
      if (!a.is_object()) return wrong_type(p + "annotations[" + std::to_string(i) + "]", "an object");
      if (auto c = a.find("was_cancelled"); c != a.end() && c->is_boolean() && c->get<bool>()) continue;
      if (a.contains("result")) {
        result = &a["result"];
        where = p + "annotations[" + std::to_string(i) + "].result";
      }
    }
  }
  if (!result) {
    if (auto preds = item.value.find("predictions"); preds != item.value.end()) {
      if (!preds->is_array()) return wrong_type(p + "predictions", "an array");
      if (!preds->empty()) {
        if (!(*preds)[0].is_object() || !(*preds)[0].contains("result")) return missing_field(p + "predictions[0].result");
        result = &(*preds)[0]["result"];
        where = p + "predictions[0].result";
        from_prediction = true;
      }
    }
  }
  if (result) {
    if (!result->is_array()) return wrong_type(where, "an array of regions");
    for (size_t i = 0; i < result->size(); ++i) {
      const json& r = (*result)[i];
      const std::string at = where + "[" + std::to_string(i) + "]";
      GLOSA_TRY(need_object(r, at));
      std::string type;
      GLOSA_TRY(get_string_field(r, "type", at + ".", false, &type));
      if (type != "labels") continue;  // relations, choices, text areas: not entities
      auto value = r.find("value");
      if (value == r.end()) return missing_field(at + ".value");
      GLOSA_TRY(need_object(*value, at + ".value"));
      uint64_t s = 0, e = 0;
      GLOSA_TRY(get_uint64_field(*value, "start", at + ".value.", &s));
      GLOSA_TRY(get_uint64_field(*value, "end", at + ".value.", &e));
      auto labels = value->find("labels");
      if (labels == value->end()) return missing_field(at + ".value.labels");
      if (!labels->is_array() || labels->empty()) return wrong_type(at + ".value.labels", "a non-empty array of label names");
      for (size_t l = 0; l < labels->size(); ++l) {
        if (!(*labels)[l].is_string()) return wrong_type(at + ".value.labels[" + std::to_string(l) + "]", "a string");
        const json* surface = value->contains("text") ? &(*value)["text"] : nullptr;
        GLOSA_TRY(add_entity(doc, text.value(), s, e, (*labels)[l].get<std::string>(), at + ".value.", "start", "end", surface));
        if (from_prediction) {
          Entity& added = doc.entities.back();
          added.origin = Origin::Model;
          if (auto score = r.find("score"); score != r.end() && score->is_number()) {
            const double c = score->get<double>();
            if (!(c >= 0.0 && c <= 1.0)) return Status(ErrorCode::WrongType, at + ".score must be between 0 and 1");
            added.confidence = static_cast<float>(c);
          }
        }
      }
    }
  }
  finish_import(doc, "Label Studio");
  return doc;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

Result<std::vector<Document>> read_label_studio(std::string_view bytes) {
  auto items = json_items(bytes, true);
  if (!items.is_ok()) return items.status();
  std::vector<Document> docs;
  for (const Item& item : items.value()) {
    auto d = read_one_task(item);
    if (!d.is_ok()) return d.status();
    docs.push_back(std::move(d.value()));
  }
  return docs;
}

std::string label_studio_config(const Document& doc) {
  std::string out = "<View>\n  <Labels name=\"label\" toName=\"text\">\n";
  for (const LabelInfo& l : doc.labels) {
    out += "    <Label value=\"" + xml_escape(l.name) + "\" background=\"" + xml_escape(l.color) + "\"/>\n";
  }
  out += "  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n</View>\n";
  return out;
}

// --- Section: W3C Web Annotation ---

namespace {

constexpr size_t kQuoteContext = 32;  // code points of prefix and suffix, as hypothes.is keeps

ojson target(const std::string& source, const std::string& text, const CodepointIndex& index, size_t b, size_t e) {
  const size_t start = index.to_codepoint(b), end = index.to_codepoint(e);
  size_t pb = 0, se = 0;
  index.to_byte(start >= kQuoteContext ? start - kQuoteContext : 0, &pb);
  index.to_byte(std::min(index.codepoint_count(), end + kQuoteContext), &se);
  return {{"source", source},
          {"selector", ojson::array({{{"type", "TextPositionSelector"}, {"start", start}, {"end", end}},
                                     {{"type", "TextQuoteSelector"},
                                      {"exact", text.substr(b, e - b)},
                                      {"prefix", text.substr(pb, b - pb)},
                                      {"suffix", text.substr(e, se - e)}}})}};
}

ojson textual_body(const char* purpose, const std::string& value) {
  return {{"type", "TextualBody"}, {"purpose", purpose}, {"value", value}};
}

}  // namespace

std::string write_web_annotation(const Document& doc) {
  const CodepointIndex index(doc.text);
  const std::string source = text_uri(doc.text);
  ojson items = ojson::array();
  for (const Entity& e : doc.entities) {
    ojson a;
    a["id"] = source + "#" + e.id;
    a["type"] = "Annotation";
    a["motivation"] = "classifying";
    ojson body = ojson::array({textual_body("classifying", e.label)});
    if (!e.value.empty()) body.push_back(textual_body("describing", e.value));
    if (!e.lemma.empty()) body.push_back(textual_body("identifying", e.lemma));
    if (!e.group.empty()) body.push_back({{"id", source + "#" + e.group}, {"purpose", "linking"}});
    a["body"] = std::move(body);
    a["target"] = target(source, doc.text, index, e.begin_byte, e.end_byte);
    items.push_back(std::move(a));
  }
  for (const Quotation& q : doc.quotes) {
    ojson a;
    a["id"] = source + "#" + q.id;
    a["type"] = "Annotation";
    a["motivation"] = "classifying";
    ojson body = ojson::array({textual_body("classifying", "Quotation")});
    if (!q.speaker.empty()) body.push_back({{"id", source + "#" + q.speaker}, {"purpose", "linking"}});
    a["body"] = std::move(body);
    a["target"] = target(source, doc.text, index, q.begin_byte, q.end_byte);
    items.push_back(std::move(a));
  }
  ojson j;
  j["@context"] = "http://www.w3.org/ns/anno.jsonld";
  j["id"] = source + "#annotations";
  j["type"] = "AnnotationCollection";
  j["label"] = doc.article.title;
  j["total"] = items.size();
  j["first"] = {{"id", source + "#page1"}, {"type", "AnnotationPage"}, {"startIndex", 0}, {"items", std::move(items)}};
  return dump(j, 2) + "\n";
}

namespace {

// Where a TextQuoteSelector's exact text is: the one place whose prefix and suffix match
// (or, when only one place holds the exact text, that place).
Result<std::pair<uint64_t, uint64_t>> find_quote(const std::string& raw, const CodepointIndex& index, const std::string& exact,
                                                 const std::string& prefix, const std::string& suffix, const std::string& where) {
  if (exact.empty()) return Status(ErrorCode::WrongType, where + "exact is empty");
  std::vector<size_t> all, matching;
  for (size_t at = raw.find(exact); at != std::string::npos; at = raw.find(exact, at + 1)) {
    all.push_back(at);
    const bool pre = prefix.empty() || (at >= prefix.size() && raw.compare(at - prefix.size(), prefix.size(), prefix) == 0);
    const bool suf = suffix.empty() || raw.compare(at + exact.size(), suffix.size(), suffix) == 0;
    if (pre && suf) matching.push_back(at);
  }
  const std::vector<size_t>& found = matching.size() == 1 ? matching : all;
  if (found.size() != 1) {
    return Status(ErrorCode::TextMismatch, where + "exact " + excerpt(exact) + " is found " + std::to_string(found.size()) +
                                               " times in the text; the prefix and suffix do not tell which");
  }
  return std::make_pair(uint64_t{index.to_codepoint(found[0])}, uint64_t{index.to_codepoint(found[0] + exact.size())});
}

}  // namespace

Result<Document> read_web_annotation(std::string_view bytes, std::string_view raw_text) {
  auto text = ImportedText::make(raw_text, OffsetUnit::CodePoint, "the text");
  if (!text.is_ok()) return text.status();
  auto parsed = parse_json(bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 ? bytes.substr(3) : bytes);
  if (!parsed.is_ok()) return Status(ErrorCode::JsonSyntax, "not valid JSON: " + parsed.status().message());
  const json& j = parsed.value();
  // The annotations: a collection's first page, a page, an array, or one annotation.
  const json* list = nullptr;
  std::string where;
  json single = json::array();
  if (j.is_array()) {
    list = &j;
  } else if (j.is_object() && string_or(j, "type", "") == "AnnotationCollection") {
    auto first = j.find("first");
    if (first == j.end()) return missing_field("first");
    if (!first->is_object()) return wrong_type("first", "an embedded AnnotationPage (a link to a page cannot be followed)");
    if (!first->contains("items") || !(*first)["items"].is_array()) return missing_field("first.items");
    list = &(*first)["items"];
    where = "first.items";
  } else if (j.is_object() && j.contains("items")) {
    if (!j["items"].is_array()) return wrong_type("items", "an array");
    list = &j["items"];
    where = "items";
  } else if (j.is_object()) {
    single.push_back(j);
    list = &single;
  } else {
    return Status(ErrorCode::WrongType, "the file must be an annotation, a page, a collection or an array of annotations");
  }
  const std::string source = text_uri(text.value().text());
  std::string raw(raw_text);
  const CodepointIndex raw_index(raw);
  Document doc;
  doc.text = text.value().text();
  doc.labels = default_labels();
  std::vector<std::string> keys;
  struct PendingQuote {
    size_t begin, end;
    std::string speaker, where;
  };
  std::vector<PendingQuote> quotes;
  for (size_t i = 0; i < list->size(); ++i) {
    const json& a = (*list)[i];
    const std::string at = where + "[" + std::to_string(i) + "].";
    GLOSA_TRY(need_object(a, at.substr(0, at.size() - 1)));
    auto tgt = a.find("target");
    if (tgt == a.end()) return missing_field(at + "target");
    const json& t = tgt->is_array() && !tgt->empty() ? (*tgt)[0] : *tgt;
    if (!t.is_object()) return wrong_type(at + "target", "an object with a source and selectors");
    if (auto src = t.find("source"); src != t.end() && src->is_string()) {
      const std::string& s = src->get_ref<const std::string&>();
      if (s.compare(0, 14, "ni:///sha-256;") == 0 && s != source) {
        return Status(ErrorCode::ChecksumMismatch, at + "target.source: " + excerpt(s) + " names another text than the one given");
      }
    }
    auto sel = t.find("selector");
    if (sel == t.end()) return missing_field(at + "target.selector");
    const json selectors = sel->is_array() ? *sel : json::array({*sel});
    const json* position = nullptr;
    const json* quote = nullptr;
    for (const json& s : selectors) {
      if (!s.is_object()) continue;
      const std::string type = string_or(s, "type", "");
      if (type == "TextPositionSelector") position = &s;
      else if (type == "TextQuoteSelector") quote = &s;
    }
    if (!position && !quote) {
      return missing_field(at + "target.selector (a TextPositionSelector or a TextQuoteSelector)");
    }
    std::string exact, prefix, suffix;
    if (quote) {
      GLOSA_TRY(get_string_field(*quote, "exact", at + "TextQuoteSelector.", true, &exact));
      GLOSA_TRY(get_string_field(*quote, "prefix", at + "TextQuoteSelector.", false, &prefix));
      GLOSA_TRY(get_string_field(*quote, "suffix", at + "TextQuoteSelector.", false, &suffix));
    }
    uint64_t start = 0, end = 0;
    if (position) {
      GLOSA_TRY(get_uint64_field(*position, "start", at + "TextPositionSelector.", &start));
      GLOSA_TRY(get_uint64_field(*position, "end", at + "TextPositionSelector.", &end));
    } else {
      auto found = find_quote(raw, raw_index, exact, prefix, suffix, at + "TextQuoteSelector.");
      if (!found.is_ok()) return found.status();
      start = found.value().first;
      end = found.value().second;
    }
    size_t b = 0, e = 0;
    GLOSA_TRY(text.value().to_bytes(start, end, at + "TextPositionSelector.", "start", "end", &b, &e));
    if (quote && text.value().raw_slice(start, end) != exact) {
      return Status(ErrorCode::TextMismatch, at + "TextQuoteSelector.exact: " + excerpt(exact) + " differs from the text at " +
                                                 std::to_string(start) + ".." + std::to_string(end) + " (" +
                                                 excerpt(text.value().raw_slice(start, end)) + ")");
    }
    // Bodies: the label, value, base form and group.
    std::string label, value, lemma, link;
    auto body = a.find("body");
    if (body != a.end()) {
      const json bodies = body->is_array() ? *body : json::array({*body});
      for (const json& bd : bodies) {
        if (bd.is_string()) {
          if (label.empty()) label = bd.get<std::string>();
          continue;
        }
        if (!bd.is_object()) continue;
        const std::string purpose = string_or(bd, "purpose", "");
        const std::string v = bd.contains("value") && bd["value"].is_string() ? bd["value"].get<std::string>() : "";
        if ((purpose == "classifying" || purpose == "tagging") && label.empty()) label = v;
        else if (purpose == "describing") value = v;
        else if (purpose == "identifying") lemma = v;
        else if (purpose == "linking" && bd.contains("id") && bd["id"].is_string()) {
          const std::string id = bd["id"].get<std::string>();
          link = id.substr(id.rfind('#') == std::string::npos ? 0 : id.rfind('#') + 1);
        } else if (purpose.empty() && label.empty()) {
          label = v;
        }
      }
    }
    if (label.empty()) return missing_field(at + "body (a TextualBody with purpose \"classifying\" holding the label)");
    if (label == "Quotation") {
      quotes.push_back({b, e, link, at});
      continue;
    }
    if (!ensure_label(doc, label)) return Status(ErrorCode::WrongType, at + "body: " + kBadLabel);
    Entity ent = imported_entity(b, e, label);
    ent.value = value;
    ent.lemma = lemma;
    doc.entities.push_back(std::move(ent));
    keys.push_back(link);
  }
  const auto groups = assign_groups(doc, keys);
  for (const PendingQuote& pq : quotes) {
    Quotation q;
    q.begin_byte = pq.begin;
    q.end_byte = pq.end;
    if (!pq.speaker.empty()) {
      auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& kv) { return kv.first == pq.speaker; });
      if (g == groups.end()) {
        return Status(ErrorCode::BadReference, pq.where + "body: the speaker " + excerpt(pq.speaker) +
                                                   " is the group of no annotated entity");
      }
      q.speaker = g->second;
    }
    doc.quotes.push_back(std::move(q));
  }
  finish_import(doc, "W3C Web Annotation");
  for (size_t i = 0; i < doc.quotes.size(); ++i) doc.quotes[i].id = "q" + std::to_string(i + 1);
  return doc;
}

}  // namespace glosa
