// brat standoff: the text in a .txt file and the annotations in a .ann file beside it
// (brat's "Annotation Data Format"). Layer: formats. Offsets are code points, end exclusive.
//
// Written: one T line per entity ("T3<TAB>PER 27 47<TAB>Kasym-Żomart Tokajew"; a span across a
// line break becomes fragments "0 5;6 13"), AnnotatorNotes for values and base forms
// ("#1<TAB>AnnotatorNotes T3<TAB>value: 2022-11", "... base form: Moskwa"), one "Equiv" line per
// group of two or more mentions ("*<TAB>Equiv T3 T8 T12"), a T line of type Quotation per
// quotation and an R line Speaker from the quotation to the entity that names its speaker.
#pragma once

#include <string>
#include <string_view>

#include "engine/core/document.h"
#include "engine/core/error.h"

namespace glosa {

constexpr const char* kBratQuotationType = "Quotation";
constexpr const char* kBratSpeakerRelation = "Speaker";

struct BratFiles {
  std::string txt;  // the document text, UTF-8, LF line ends
  std::string ann;  // the annotations
};

// Writes a document as brat standoff. Label names with whitespace get '_' in its place.
BratFiles write_brat(const Document& doc);

// Reads a .txt and its .ann. The text is normalised as a paste is (CRLF -> LF, ...); offsets
// count code points of the .txt as given. Reads T lines (type Quotation: a quotation),
// AnnotatorNotes "value: " and "base form: ", Equiv (a group), R Speaker; other lines (events,
// attributes, normalisations, other relations and notes) are not read. A fragmented span
// is one entity when only whitespace lies between its fragments, else refused. The first
// problem is returned as "line 7: T5: ..." (line of the .ann), and nothing is half-read.
Result<Document> read_brat(std::string_view txt, std::string_view ann);

}  // namespace glosa
