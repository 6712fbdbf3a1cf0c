// Format names, sniffing, and export/import dispatch. Layer: formats.
#include "formats/exchange.h"

#include <algorithm>
#include <cctype>

#include "formats/annotation_json.h"
#include "formats/brat.h"
#include "formats/conll.h"
#include "formats/json_exchange.h"
#include "formats/table_exports.h"

namespace glosa {

namespace {

struct FormatInfo {
  ExchangeFormat format;
  const char* name;
  const char* title;
  bool readable;
  bool needs_text;
};

constexpr FormatInfo kFormats[] = {
    {ExchangeFormat::Glosa, "glosa", "Glosa file (.glosa.json)", true, false},
    {ExchangeFormat::Brat, "brat", "brat standoff (.txt + .ann)", true, true},
    {ExchangeFormat::Conll, "conll", "CoNLL-2003 / IOB2 (.conll)", true, false},
    {ExchangeFormat::Spacy, "spacy", "spaCy Doc JSON (.spacy.json)", true, false},
    {ExchangeFormat::Doccano, "doccano", "doccano JSONL (.jsonl)", true, false},
    {ExchangeFormat::LabelStudio, "labelstudio", "Label Studio tasks (.json)", true, false},
    {ExchangeFormat::W3c, "w3c", "W3C Web Annotation (.jsonld)", true, true},
    {ExchangeFormat::Csv, "csv", "CSV table (.csv)", false, false},
    {ExchangeFormat::Html, "html", "Standalone web page (.html)", false, false},
    {ExchangeFormat::PlainText, "text", "Plain text (.txt)", false, false},
};

const FormatInfo& info(ExchangeFormat format) {
  for (const FormatInfo& f : kFormats) {
    if (f.format == format) return f;
  }
  return kFormats[sizeof kFormats / sizeof kFormats[0] - 1];
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
  }
  return true;
}

// `"key"` followed (after spaces and a colon) by `"value"` somewhere in `s`.
bool has_key_value(std::string_view s, std::string_view key, std::string_view value) {
  const std::string k = "\"" + std::string(key) + "\"";
  for (size_t at = s.find(k); at != std::string_view::npos; at = s.find(k, at + 1)) {
    size_t p = at + k.size();
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r')) ++p;
    if (p >= s.size() || s[p] != ':') continue;
    ++p;
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r')) ++p;
    if (s.compare(p, value.size() + 2, "\"" + std::string(value) + "\"") == 0) return true;
  }
  return false;
}

bool has_key(std::string_view s, std::string_view key) {
  return s.find("\"" + std::string(key) + "\"") != std::string_view::npos;
}

bool is_tag(std::string_view t) {
  return t == "O" || (t.size() > 2 && t[1] == '-' && std::string_view("BIESLU").find(t[0]) != std::string_view::npos);
}

// Most of the first non-blank lines are "token ... TAG" (or -DOCSTART-).
bool looks_like_conll(std::string_view s) {
  size_t lines = 0, tagged = 0, pos = 0;
  while (pos < s.size() && lines < 40) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) nl = s.size();
    std::string_view line = s.substr(pos, nl - pos);
    pos = nl + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    ++lines;
    if (line.compare(0, 10, "-DOCSTART-") == 0) {
      ++tagged;
      continue;
    }
    const size_t cut = line.find_last_of(" \t");
    if (cut != std::string_view::npos && line.find_first_not_of(" \t") < cut && is_tag(line.substr(cut + 1))) ++tagged;
  }
  return lines > 0 && tagged * 10 >= lines * 9;
}

bool looks_like_brat(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) nl = s.size();
    std::string_view line = s.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    // The first annotation line: an id (T1, R2, #3, *, E4, A5, N6) and a tab.
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) return false;
    const char c = line[0];
    if (!(c == 'T' || c == 'R' || c == 'E' || c == 'A' || c == 'M' || c == 'N' || c == '#' || c == '*')) return false;
    return line.substr(1, tab - 1).find_first_not_of("0123456789") == std::string_view::npos;
  }
  return false;
}

}  // namespace

const char* format_name(ExchangeFormat format) { return info(format).name; }
const char* format_title(ExchangeFormat format) { return info(format).title; }
bool can_import(ExchangeFormat format) { return info(format).readable; }
bool needs_text(ExchangeFormat format) { return info(format).needs_text; }

bool parse_format_name(std::string_view name, ExchangeFormat* format) {
  for (const FormatInfo& f : kFormats) {
    if (name == f.name) {
      *format = f.format;
      return true;
    }
  }
  return false;
}

ExchangeFormat detect_format(std::string_view file_name, std::string_view bytes) {
  std::string_view head = bytes.substr(0, 64 * 1024);
  if (head.compare(0, 3, "\xEF\xBB\xBF") == 0) head.remove_prefix(3);
  const size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return ends_with_ci(file_name, ".ann") ? ExchangeFormat::Brat : ExchangeFormat::PlainText;
  head.remove_prefix(first);
  if (head[0] == '{' || head[0] == '[') {
    if (has_key_value(head, "format", "glosa")) return ExchangeFormat::Glosa;
    if (has_key(head, "@context") || has_key_value(head, "type", "AnnotationCollection") ||
        has_key_value(head, "type", "Annotation") || has_key_value(head, "type", "TextQuoteSelector")) {
      return ExchangeFormat::W3c;
    }
    if (has_key(head, "data") && (has_key(head, "predictions") || has_key(head, "annotations"))) {
      return ExchangeFormat::LabelStudio;
    }
    if (has_key(head, "text") && (has_key(head, "tokens") || has_key(head, "ents"))) return ExchangeFormat::Spacy;
    if (has_key(head, "text") && (has_key(head, "label") || has_key(head, "labels") || has_key(head, "start_offset"))) {
      return ExchangeFormat::Doccano;
    }
    return ExchangeFormat::PlainText;
  }
  if (ends_with_ci(file_name, ".ann") || looks_like_brat(head)) return ExchangeFormat::Brat;
  if (ends_with_ci(file_name, ".conll") || ends_with_ci(file_name, ".iob") || ends_with_ci(file_name, ".bio") ||
      looks_like_conll(head)) {
    return ExchangeFormat::Conll;
  }
  return ExchangeFormat::PlainText;
}

namespace {

// The document without the entities a person rejected: formats with no review status would
// otherwise give them as entities (and a tool trained on the file would learn them as right).
Document without_rejected(const Document& doc) {
  Document out = doc;
  out.entities.erase(std::remove_if(out.entities.begin(), out.entities.end(),
                                    [](const Entity& e) { return e.status == ReviewStatus::Rejected; }),
                     out.entities.end());
  return out;
}

}  // namespace

Exported export_document(const Document& full, ExchangeFormat format) {
  Exported out;
  // The Glosa file and the CSV table (a status column) keep rejected entities, marked so.
  const bool keeps_status = format == ExchangeFormat::Glosa || format == ExchangeFormat::Csv;
  const bool any_rejected = std::any_of(full.entities.begin(), full.entities.end(),
                                        [](const Entity& e) { return e.status == ReviewStatus::Rejected; });
  const bool leave_out = !keeps_status && any_rejected;
  const Document standing = leave_out ? without_rejected(full) : Document();
  const Document& doc = leave_out ? standing : full;
  switch (format) {
    case ExchangeFormat::Glosa:
      out.files.push_back({".glosa.json", "application/json", write_document(doc, 2) + "\n"});
      break;
    case ExchangeFormat::Brat: {
      BratFiles b = write_brat(doc);
      out.files.push_back({".txt", "text/plain", std::move(b.txt)});
      out.files.push_back({".ann", "text/plain", std::move(b.ann)});
      break;
    }
    case ExchangeFormat::Conll: {
      ConllExport c = write_conll(doc);
      out.files.push_back({".conll", "text/plain", std::move(c.text)});
      if (c.dropped) {
        out.notes.push_back(std::to_string(c.dropped) + " overlapping entit" + (c.dropped == 1 ? "y was" : "ies were") +
                            " left out: CoNLL holds one label per token");
      }
      break;
    }
    case ExchangeFormat::Spacy:
      out.files.push_back({".spacy.json", "application/json", write_spacy(doc)});
      break;
    case ExchangeFormat::Doccano:
      out.files.push_back({".jsonl", "application/jsonl", write_doccano(doc)});
      break;
    case ExchangeFormat::LabelStudio:
      out.files.push_back({".labelstudio.json", "application/json", write_label_studio(doc, any_rejected)});
      break;
    case ExchangeFormat::W3c:
      out.files.push_back({".jsonld", "application/ld+json", write_web_annotation(doc)});
      break;
    case ExchangeFormat::Csv:
      out.files.push_back({".csv", "text/csv", write_csv(doc)});
      break;
    case ExchangeFormat::Html:
      out.files.push_back({".html", "text/html", write_html(doc)});
      break;
    case ExchangeFormat::PlainText:
      out.files.push_back({".txt", "text/plain", doc.text});
      break;
  }
  return out;
}

Result<std::vector<Document>> import_documents(ExchangeFormat format, std::string_view bytes,
                                               std::optional<std::string_view> text) {
  switch (format) {
    case ExchangeFormat::Glosa: {
      auto d = read_document(bytes);
      if (!d.is_ok()) return d.status();
      return std::vector<Document>{std::move(d.value())};
    }
    case ExchangeFormat::Brat: {
      if (!text) return Status(ErrorCode::MissingField, "brat annotations need their .txt file");
      auto d = read_brat(*text, bytes);
      if (!d.is_ok()) return d.status();
      return std::vector<Document>{std::move(d.value())};
    }
    case ExchangeFormat::Conll:
      return read_conll(bytes, text);
    case ExchangeFormat::Spacy:
      return read_spacy(bytes);
    case ExchangeFormat::Doccano:
      return read_doccano(bytes);
    case ExchangeFormat::LabelStudio:
      return read_label_studio(bytes);
    case ExchangeFormat::W3c: {
      if (!text) return Status(ErrorCode::MissingField, "W3C web annotations do not hold the text: give the text file too");
      auto d = read_web_annotation(bytes, *text);
      if (!d.is_ok()) return d.status();
      return std::vector<Document>{std::move(d.value())};
    }
    case ExchangeFormat::Csv:
    case ExchangeFormat::Html:
    case ExchangeFormat::PlainText:
      break;
  }
  return Status(ErrorCode::BadArgument, std::string("Glosa does not read ") + format_title(format) + " files");
}

}  // namespace glosa
