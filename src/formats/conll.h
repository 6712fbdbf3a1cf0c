// CoNLL-2003 style named-entity columns with IOB2 tags: one token per line ("Tokajew B-PER"),
// a blank line between sentences, "-DOCSTART- -X- O O" before each document (the delimiter
// spaCy's `convert` splits documents at). Layer: formats. No offsets: tokens in order.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/document.h"
#include "engine/core/error.h"

namespace glosa {

struct ConllExport {
  std::string text;        // the file
  size_t dropped = 0;      // entities left out: they overlap an earlier (or longer) one
};

// Writes one document: the engine's tokens and sentences, tokens also split at entity edges;
// "word TAG" per line. An entity that overlaps another cannot be tagged (one tag per token):
// the earlier one is kept (of two that start together, the longer), the others counted in
// `dropped`. Labels with
// whitespace get '_' in its place. Several exports concatenated make a multi-document file.
ConllExport write_conll(const Document& doc);

// Reads a file of one or more documents. A line is "-DOCSTART- ..." (a new document), blank
// (a new sentence), or whitespace-separated columns with the token first and the tag last;
// tags are O, B-X, I-X (IOB2; an I-X that follows O or another type starts an entity, as in
// IOB1), also E-X/L-X and S-X/U-X (BIOES/BILOU). Without `text`, each document's text is
// rebuilt from its tokens: one space between tokens, a line break between sentences. With
// `text` (the original article), the tokens of all documents are found in it in order, so
// the entities get exact offsets; a token missing from the text is an error. Fails with
// "line 12: ..." naming the first problem.
Result<std::vector<Document>> read_conll(std::string_view bytes, std::optional<std::string_view> text = std::nullopt);

}  // namespace glosa
