// One entry point for every file format Glosa writes and reads, for the app's Export menu
// and Open, and for `glosa-cli convert`: format names, content sniffing, export to files,
// import to documents. Layer: formats. Pure: bytes in, bytes or documents out.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/document.h"
#include "engine/core/error.h"

namespace glosa {

enum class ExchangeFormat {
  Glosa,        // .glosa.json (docs/FORMAT.md)
  Brat,         // .txt + .ann
  Conll,        // CoNLL-2003 columns, IOB2
  Spacy,        // spaCy Doc.to_json()
  Doccano,      // doccano JSONL
  LabelStudio,  // Label Studio tasks
  W3c,          // W3C Web Annotation JSON-LD
  Csv,          // spreadsheet (write only)
  Html,         // standalone page (write only)
  PlainText,    // not an annotation file: text to annotate
};

// "glosa", "brat", "conll", "spacy", "doccano", "labelstudio", "w3c", "csv", "html", "text".
const char* format_name(ExchangeFormat format);
// A name as format_name gives it (case-sensitive) -> format; false for anything else.
bool parse_format_name(std::string_view name, ExchangeFormat* format);
// What a person reads in a menu: "brat standoff (.txt + .ann)", "CoNLL-2003 / IOB2", ...
const char* format_title(ExchangeFormat format);
// Whether import_documents reads it (Csv and Html are write only) and whether it needs the
// original text beside it (Brat: the .txt; W3c: always; Conll: optional, for exact offsets).
bool can_import(ExchangeFormat format);
bool needs_text(ExchangeFormat format);

// Guesses a file's format from its content (the first 64 KiB), the name breaking ties
// (".ann" is brat, ".conll"/".iob"/".bio" CoNLL). Never fails: what is no annotation file
// of a known shape is PlainText. The reader still checks everything.
ExchangeFormat detect_format(std::string_view file_name, std::string_view bytes);

struct ExportedFile {
  std::string suffix;  // appended to the base name: ".glosa.json", ".txt", ".ann", ".conll", ...
  std::string mime;    // "application/json", "text/plain", "text/csv", "text/html"
  std::string bytes;
};

struct Exported {
  std::vector<ExportedFile> files;  // brat: .txt and .ann; every other format: one file
  std::vector<std::string> notes;   // what the format could not hold ("2 overlapping entities ...")
};

// Writes a document in any format but PlainText (which gives its text as a .txt).
Exported export_document(const Document& doc, ExchangeFormat format);

// Reads a file of any readable format into documents (CoNLL, spaCy, doccano and Label Studio
// files may hold several). `text`: brat's .txt (required), the original text for W3C
// (required) and CoNLL (optional). Glosa files go through read_document. Fails with the first
// problem's place; on failure nothing is returned.
Result<std::vector<Document>> import_documents(ExchangeFormat format, std::string_view bytes,
                                               std::optional<std::string_view> text = std::nullopt);

}  // namespace glosa
