// Agreement between two annotators' documents of the same text: pairwise F1 on exact spans
// (overall and per label), Cohen's kappa over tokens, and every disagreement in text order
// (for a diff view that steps through them). Layer: engine/eval (pure, no I/O).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/core/document.h"
#include "engine/core/error.h"

namespace glosa {

struct LabelAgreement {
  std::string label;
  size_t a = 0;        // entities with this label in A
  size_t b = 0;        // ... in B
  size_t matches = 0;  // same span, this label, in both
  double f1 = 0.0;     // 2 * matches / (a + b); 1 when a + b == 0
};

enum class DisagreementKind {
  Label,     // the same span, another label
  Boundary,  // overlapping spans that differ (labels may differ too)
  OnlyA,     // an entity of A that overlaps nothing unmatched in B
  OnlyB,     // the same for B
};

const char* disagreement_kind_name(DisagreementKind kind);  // "label", "boundary", "only_a", "only_b"

struct Disagreement {
  DisagreementKind kind = DisagreementKind::OnlyA;
  std::vector<size_t> a;  // indices into A's entities involved (in text order)
  std::vector<size_t> b;  // indices into B's entities involved
  size_t begin_byte = 0;  // the span all of them cover together, bytes into the text
  size_t end_byte = 0;
};

struct Agreement {
  double f1 = 0.0;     // 2 * matches / (|A| + |B|), exact span and label; 1 when both are empty
  double kappa = 0.0;  // Cohen's kappa over tokens (see compare_annotations)
  size_t matches = 0;
  size_t label_diff = 0;
  size_t boundary_diff = 0;  // groups of overlapping unmatched entities holding some of A and of B
  size_t only_a = 0;
  size_t only_b = 0;
  size_t a_count = 0, b_count = 0;
  size_t tokens = 0;                       // tokens kappa was computed over
  std::vector<LabelAgreement> per_label;   // every label used in A or B, sorted by name
  std::vector<Disagreement> disagreements; // in text order (begin_byte, then end_byte)
};

// Compares two annotations of one text. Fails with ChecksumMismatch when the texts differ
// (their SHA-256 are named). Entities are matched one to one on exact span and label; what
// is left is paired on exact span (a label disagreement); what is left then falls into groups
// of overlapping entities: a group with entities of both is one boundary disagreement, the
// rest are only in A or only in B.
// Kappa: each token of the engine's tokenizer gets, in A and in B, the label of the first
// entity (in text order) that overlaps it, or "O"; kappa = (po - pe) / (1 - pe) with po the
// share of tokens labelled alike and pe the chance agreement from each side's label shares;
// 1 when pe == 1 and po == 1 (all tokens alike), 0 when pe == 1 otherwise.
Result<Agreement> compare_annotations(const Document& a, const Document& b);

}  // namespace glosa
