// The JSON exchange formats of other tools: spaCy's Doc.to_json(), doccano JSONL, Label Studio
// tasks and W3C Web Annotation (JSON-LD). Layer: formats. Readers are pure (bytes in); every
// one names the first problem ("line 3: label[2][1]: ...", "[0].annotations[0].result[4]
// .value.end: ...") and opens nothing when anything is wrong. What each keeps and loses:
// docs/FORMATS.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/document.h"
#include "engine/core/error.h"

namespace glosa {

// --- spaCy: {"text", "ents": [{"start","end","label"}], "sents", "tokens": [{"id","start","end"}],
// "spans": {"glosa": [...every entity, "kb_id" = group...], "quotes": [... "kb_id" = speaker group]}}.
// Offsets are characters of a Python string: code points. Tokens follow spaCy's whitespace
// convention (one trailing space per token, other whitespace as tokens of its own) so that
// Doc.from_json rebuilds the same text; tokens are split at entity edges. "ents" cannot
// overlap in spaCy: the earlier entity is kept there (of two that start together, the
// longer); all are in spans.glosa.
std::string write_spacy(const Document& doc);
// Reads one Doc JSON object, or one per line (JSONL). Entities from spans["glosa"] when
// present (with groups from kb_id), else from "ents"; quotations from spans["quotes"].
Result<std::vector<Document>> read_spacy(std::string_view bytes);

// --- doccano sequence labelling JSONL: {"text", "label": [[start, end, "LABEL"], ...]} per line,
// code points. The reader also takes "labels" and the relation projects' "entities":
// [{"start_offset", "end_offset", "label"}].
std::string write_doccano(const Document& doc);  // one line, ending in "\n"
Result<std::vector<Document>> read_doccano(std::string_view bytes);

// --- Label Studio: a JSON array of tasks {"data": {"text"}, "predictions": [{"model_version",
// "result": [{"id", "from_name": "label", "to_name": "text", "type": "labels", "value":
// {"start", "end", "text", "labels": [...]}, "score"}]}]}. Label Studio counts offsets in
// UTF-16 code units (JavaScript string indices): an emoji is two. The writer puts every
// entity in one prediction (to review in Label Studio), or, when a person reviewed the
// document (any entity of theirs, accepted, relabelled or rejected; `reviewed` says so when
// rejected ones were left out of `doc`), in one annotation (`"annotations": [{"result",
// "was_cancelled": false}]`), the person's. The reader takes a task's first annotation that
// is not cancelled (origin person) or else its first prediction (origin model, confidence
// from "score"). Accepts one task, an array, or JSONL.
std::string write_label_studio(const Document& doc, bool reviewed = false);
Result<std::vector<Document>> read_label_studio(std::string_view bytes);
// The labelling configuration (XML) for a project that imports write_label_studio's tasks:
// one <Label> per label of the document, with its colour.
std::string label_studio_config(const Document& doc);

// --- W3C Web Annotation Data Model: an AnnotationCollection whose first page holds one
// Annotation per entity and quotation. Target: {"source": "ni:///sha-256;..." (RFC 6920 name
// of the text), "selector": [TextPositionSelector (code points), TextQuoteSelector (exact,
// prefix and suffix of up to 32 characters)]}. Bodies: TextualBody with purpose "classifying"
// (the label; "Quotation" for a quotation), "describing" (the value), "identifying" (the base
// form), and {"id": "<source>#g1", "purpose": "linking"} (the entity's group, a quotation's
// speaker).
std::string write_web_annotation(const Document& doc);
// Reads a collection (with an embedded first page), a page, an array or one annotation.
// Web annotations do not carry the text: `text` is required. A TextPositionSelector is
// checked against the TextQuoteSelector's exact text when both are there; a quote selector
// alone is found in the text (prefix and suffix decide between copies, else refused).
Result<Document> read_web_annotation(std::string_view bytes, std::string_view text);

}  // namespace glosa
