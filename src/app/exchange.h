// Exchange with other tools and people: export the open document in any format the field
// reads (formats/exchange.h), open several files at once (brat's .txt + .ann pairs, W3C
// annotations with their text), and compare the open document with another annotator's file
// of the same text, stepping through the disagreements and taking either version. Layer: app.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/core/error.h"
#include "engine/eval/agreement.h"
#include "formats/exchange.h"

namespace glosa::app {

struct AppState;

// Saves the open document in `format` through the platform, as one download: brat's .txt and
// .ann go together in a .zip (formats/zip.h; browsers ask before a page's second download,
// and a person who misses that question loses the .ann). The message says what the format
// could not hold.
void export_as(AppState& state, ExchangeFormat format);

// Saves every document of the collection in `format` as one .zip, each under its title (made
// unique: "Title-2.conll"), in list order. The message counts the documents and says what
// the format could not hold.
void export_collection_as(AppState& state, ExchangeFormat format);

// The formats the Export menu offers besides Glosa's own, in its order.
constexpr ExchangeFormat kExportFormats[] = {ExchangeFormat::Brat,    ExchangeFormat::Conll,       ExchangeFormat::Spacy,
                                             ExchangeFormat::Doccano, ExchangeFormat::LabelStudio, ExchangeFormat::W3c,
                                             ExchangeFormat::Csv,     ExchangeFormat::Html};

// One file picked or dropped: its name and bytes.
struct OpenedFile {
  std::string name;
  std::string bytes;
};

// Opens files picked or dropped together: a .zip counts as the files it holds (stored
// entries: formats/zip.h); a brat .ann with the .txt of the same name (and a W3C annotation
// file with its .txt) become one document; every other file opens as
// open_file() does, recognised by its content (any readable format, a .jsonl collection, a
// label set, a taught file, or text). With a comparison pending (begin_compare), the first
// file is compared with the open document instead. Returns the first failure, having opened
// what it could.
Status open_files(AppState& state, std::vector<OpenedFile> files);

// An annotation file of another format (or a Glosa file) added as new documents.
Status open_exchange_file(AppState& state, std::string_view name, std::string_view bytes, ExchangeFormat format,
                          const std::string* text = nullptr);

// "Compare with…": the next file opened is compared with the open document.
void begin_compare(AppState& state);
// The same, the file picker left to the caller (the Open dialog, whose Enter shows it).
void begin_compare_later(AppState& state);

// Compares the open document with another annotator's file of the same text (any readable
// format; brat needs its text: a Glosa file is simplest). Refused, with a message, when the
// texts differ. Rejected entities are not annotations and take no part.
Status compare_with(AppState& state, std::string_view name, std::string_view bytes);

struct Comparison {
  bool active = false;
  bool pending = false;        // waiting for the file to compare with
  std::string other_name;      // the other file
  Document other;              // its document (B); the open document is A
  Agreement agreement;         // A against B
  int current = -1;            // the disagreement shown, -1 = none
  std::string document_id;     // the document compared (the comparison ends if another opens)
  uint64_t revision = 0;       // the document's revision the agreement is of
};

// Computes the agreement again after the open document changed (an edit, an undo).
void refresh_comparison(AppState& state);

// Moves to the next / previous disagreement (wrapping) and scrolls the view to it.
bool compare_step(AppState& state, int direction);
// Takes the other file's version of the current disagreement into the open document (its
// entities there replace ours: one undoable step), or keeps ours (marked accepted). The
// agreement is computed again; the next disagreement is shown.
bool take_version(AppState& state, bool theirs);
void end_compare(AppState& state);

}  // namespace glosa::app
