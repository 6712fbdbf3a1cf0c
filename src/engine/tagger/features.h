// Feature extraction for the name tagger: a pure function from the tokens of one sentence to
// feature strings (for tests and debugging) or their 64-bit hashes (for training and tagging).
// Both come from one template table, so the trainer and the tagger cannot drift apart.
// Layer: engine/tagger.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/tagger/gazetteer.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/tokenizer.h"

namespace glosa::ner {

// Bumped whenever templates or attributes change: a model trained on other features is
// refused with BadModelVersion.
constexpr uint32_t kFeatureVersion = 5;

// Per-token attributes that feature templates combine.
enum Attr : uint8_t {
  kForm,    // the token as written
  kLower,   // lower-cased; digits of numbers become 0
  kShape,   // collapsed character classes: "Xx", "X-Xx", "d.d"
  kCap,     // capitalisation class: Aa AA A a aA d p
  kP3, kP4, kP5,        // prefixes (code points) of kLower, empty for short words
  kS1, kS2, kS3, kS4,   // suffixes of kLower, empty for short words
  kGaz,     // gazetteer phrase matches covering the token ("B:c|I:s"), empty when none
  kProper,  // "1" when the form is a known proper-name form (sjp.pl), else empty
  kFirst,   // "1" for the first token of the sentence, else "0"
  kClass,   // fine word class from unlabeled text ("c17"), empty when unknown
  kCoarse,  // coarse word class ("k5"), empty when unknown
  kDocPrev, // capitalised forms: the commonest word before OTHER occurrences (same stem) in the document
  kDocNext, //   ... and after them (empty when the form occurs once)
  kDocSeen, // "m" the form occurs capitalised mid-sentence elsewhere, "l" its lower case occurs
  kDocSeq,  // position in the longest capitalised run among other occurrences: "B2" "E3" "S"
  kStem,    // words: kLower without a Polish/English inflectional ending ("szkole" -> "szkol"),
            //   at least three code points kept; empty for other tokens
  kRunPre,  // tokens after the first of a capitalised run: the stem (else lower case) of the
            //   token before the run, "<s>" at the start; empty elsewhere
  kRunFirst,//   ... and the stem of the run's first word
  kRunLast, // tokens before the last of a capitalised run: the stem of its last word
  kAttrCount
};

struct TokenAttrs {
  std::string value[kAttrCount];
  uint64_t hash[kAttrCount] = {};
};

// What the hashed features read of a token: each attribute's hash, and a bit per attribute
// that is set when its value is empty (the fast tagging path keeps no strings).
struct AttrHashes {
  uint64_t hash[kAttrCount] = {};
  uint32_t empty = 0;  // bit k: value[k] is empty
};

// The units the tagger decodes: the engine's sentences, re-joined where a split falls right
// after an abbreviation or an initial followed by a separate dot ("ul . Chopina", "L . Kowal"),
// or inside a number with spaced dots ("9 . 00"), which space-joined corpus text produces. Never joins across a line break. Output covers the
// same tokens, in order. No unit holds more than kMaxUnitTokens tokens: a longer one is cut
// (after punctuation where there is some near the limit), so tagging memory stays bounded.
constexpr size_t kMaxUnitTokens = 1024;
std::vector<Sentence> tagging_units(std::string_view text, const std::vector<Token>& tokens,
                                    const std::vector<Sentence>& sentences);

// Document-wide facts about capitalised word forms, gathered once per document so that a
// token can borrow the context of the same form's other occurrences ("Clinton" after
// "President" elsewhere). Occurrences are grouped by the stem of the lower-case form
// (kStem's rule), so inflected forms share them ("Farmacol", "Farmacolu"). Pure; built from
// the document's tokens and tagging units.
class DocumentContext {
 public:
  void build(std::string_view text, const std::vector<Token>& tokens, const std::vector<Sentence>& units);
  // Values of kDocPrev..kDocSeq for document token k (empty strings when k is out of range),
  // and their hashes (fnv1a64 of the value).
  const std::string& value(size_t k, Attr attr) const;
  uint64_t hash(size_t k, Attr attr) const {
    const size_t idx = index(k, attr);
    return idx < ids_.size() ? pool_hashes_[ids_[idx]] : kEmptyValueHash;
  }
  // value(k, attr).empty(), without the string (id 0 is the only empty value).
  bool is_empty(size_t k, Attr attr) const {
    const size_t idx = index(k, attr);
    return idx >= ids_.size() || ids_[idx] == 0;
  }

 private:
  static constexpr uint64_t kEmptyValueHash = 1469598103934665603ull;  // fnv1a64("")
  // ids_.size() (out of range) for an attribute outside kDocPrev..kDocSeq.
  size_t index(size_t k, Attr attr) const {
    return attr < kDocPrev || attr > kDocSeq ? ids_.size() : k * 4 + static_cast<size_t>(attr - kDocPrev);
  }
  std::vector<uint32_t> ids_;            // 4 per token: index into pool_ (0 = "")
  std::vector<std::string> pool_;        // the distinct values
  std::vector<uint64_t> pool_hashes_;    // parallel to pool_
  std::string empty_;
};

// Computes attributes for tokens[0, count) of `text` (one tagging unit). `gaz` may be null
// (no gazetteer, no proper forms, no classes); `doc` may be null (no document features), else
// `doc_first` is the index of tokens[0] in the document. Reuses *out's storage.
void compute_attrs(std::string_view text, const Token* tokens, size_t count, const Gazetteer* gaz,
                   std::vector<TokenAttrs>* out, const DocumentContext* doc = nullptr,
                   size_t doc_first = 0);

// Appends the hashed features of token i (0-based within the sentence) to *out.
void feature_hashes(const std::vector<TokenAttrs>& attrs, size_t i, std::vector<uint64_t>* out);

// --- Fast tagging: the same templates, split by what they read ---
// A "form" template reads attributes that depend only on one token's text and kind (form,
// lower, shape, cap, affixes, proper form, word classes), all at one offset o: its feature at
// token i is a function of the token at i + o alone (or of the sentence boundary when i + o is
// outside), so the tagger sums its weights once per distinct word form of a document.
// "Context" templates are the rest (gazetteer, first position, document context, pairs of
// tokens). For every i, feature_hashes() == context_feature_hashes() plus, for each offset o
// in [-kMaxFormOffset, kMaxFormOffset], form_feature_hashes(attrs[i + o], o) when i + o is
// inside the sentence and boundary_feature_hashes(o) otherwise (the same multiset; tested).
constexpr int kMaxFormOffset = 2;

// Sets the form-derived attributes of one token (kForm..kS4, kProper, kClass, kCoarse, kStem) and
// their hashes; leaves the others as they are. `gaz` may be null.
void compute_form_attrs(std::string_view form, TokenKind kind, const Gazetteer* gaz, TokenAttrs* out);
// Copies hashes and empty flags out of attributes.
AttrHashes attr_hashes(const TokenAttrs& attrs);

void form_feature_hashes(const AttrHashes& token, int offset, std::vector<uint64_t>* out);
// The same into out[0, kMaxFormFeatures); returns how many were written.
constexpr size_t kMaxFormFeatures = 64;
size_t form_feature_hashes(const AttrHashes& token, int offset, uint64_t* out);
void boundary_feature_hashes(int offset, std::vector<uint64_t>* out);
void context_feature_hashes(const AttrHashes* attrs, size_t count, size_t i, std::vector<uint64_t>* out);
// The same into out[0, kMaxContextFeatures); returns how many were written.
constexpr size_t kMaxContextFeatures = 32;
size_t context_feature_hashes(const AttrHashes* attrs, size_t count, size_t i, uint64_t* out);

// Capitalised runs of one tagging unit (maximal sequences of tokens whose kCap starts with
// 'A'): for each token, the index whose stem kRunPre, kRunFirst and kRunLast take, or
// kNoRunToken (empty attribute); kRunPre is kRunBos for a run that starts the unit.
constexpr uint32_t kNoRunToken = 0xffffffffu;
constexpr uint32_t kRunBos = 0xfffffffeu;
void capitalised_runs(const uint8_t* capitalised, size_t count, uint32_t* pre, uint32_t* first,
                      uint32_t* last);

// Gazetteer phrase matches of one tagging unit: for each token, the type bits of phrases that
// begin there and of phrases that cover it further in. `lower` are the tokens' kLower values,
// `capitalised` whether kCap starts with 'A' (only such tokens begin a phrase).
void gazetteer_types(const Gazetteer& gaz, const std::string_view* lower, const uint8_t* capitalised,
                     size_t count, uint8_t* begin_types, uint8_t* inside_types);
// The kGaz value of those bits: "B:c|I:s" style ("" when both are 0).
std::string gazetteer_value(uint8_t begin_types, uint8_t inside_types);

// Hashed features of a whole span tokens [begin, end) for the LOC subtype classifier: its
// words, first/last word affixes, the two words before it, gazetteer matches, length.
void span_feature_hashes(const std::vector<TokenAttrs>& attrs, size_t begin, size_t end,
                         std::vector<uint64_t>* out);
void span_feature_hashes(const AttrHashes* attrs, size_t count, size_t begin, size_t end,
                         std::vector<uint64_t>* out);

// The same features as readable strings, "name=value" ("l-1|l=w|moskwie"), in the same order.
std::vector<std::string> feature_strings(const std::vector<TokenAttrs>& attrs, size_t i);

}  // namespace glosa::ner
