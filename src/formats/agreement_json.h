// The agreement of two annotation files as JSON: what `glosa-cli agree` prints and what the
// app's bridge can hand to JavaScript. Layer: formats.
#pragma once

#include <string>

#include "engine/core/document.h"
#include "engine/eval/agreement.h"

namespace glosa {

// One compact JSON object: {"f1", "kappa", "matches", "label_diff", "boundary_diff",
// "only_a", "only_b", "per_label": {LABEL: {"f1", "a", "b", "matches"}}}, F1 and kappa
// rounded to 4 decimals, labels sorted by name. With `with_disagreements`, also
// "disagreements": [{"kind", "start", "end" (code points), "a": [entity ids], "b": [...]}]
// in text order; `a` and `b` are the compared documents (for ids and offsets).
std::string write_agreement_json(const Agreement& agreement, const Document& a, const Document& b,
                                 bool with_disagreements = false);

}  // namespace glosa
