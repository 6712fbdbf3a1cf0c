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
constexpr uint32_t kFeatureVersion = 8;

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
  kClass,   // fine word class from unlabeled text, up to 1024 classes ("c17"), empty when unknown
  kCoarse,  // coarse word class, up to 64 classes ("k5"), empty when unknown
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
  kRunLastS3,   // ... and the last word's kS3 ("ics" of "Robotics"),
  kRunLastCls,  // ... its fine word class,
  kRunNext,     // ... and the lower case of the token after the run ("</s>" at the end)
  kRunFirstCls, // tokens after the first of a run: the fine word class of its first word
  kDocLabel,    // second pass: the commonest first-pass tag ("B-ORG", "I-ORG", "O") of the
                //   OTHER capitalised occurrences of the token's stem in the document; empty
                //   in the first pass and for tokens without other occurrences
  kMid,         // word class at a middle granularity ("m70"), empty when unknown or when
                //   the model has none (gazetteer.h: word_classes)
  kSeen,        // training names (ModelData::names) covering the token: kGaz's format over
                //   the label bits of kNameTypes ("B:s|I:c": begins an ORG name, inside a
                //   PER one; upper case: matched on five-letter stems), empty when none
  kAttrCount
};
static_assert(kAttrCount <= 32, "AttrHashes::empty has one bit per attribute");

// Where each run attribute (kRunPre .. kRunFirstCls) reads its value: which token of the
// token's capitalised run, and which of that token's attributes (kStem: the stem, or the
// lower case of a word without one).
enum class RunToken : uint8_t { Pre, First, Last, Next };
struct RunAttrSource {
  Attr attr;
  RunToken token;
  Attr source;
};
constexpr RunAttrSource kRunAttrSources[] = {
    {kRunPre, RunToken::Pre, kStem},        {kRunFirst, RunToken::First, kStem},
    {kRunLast, RunToken::Last, kStem},      {kRunLastS3, RunToken::Last, kS3},
    {kRunLastCls, RunToken::Last, kClass},  {kRunNext, RunToken::Next, kLower},
    {kRunFirstCls, RunToken::First, kClass},
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
  // Second pass (kDocLabel): for each document token, the commonest of `tags` (one per
  // token, the first pass's tag names; ties: the smaller string) among the other
  // capitalised occurrences of its stem (at most 24 looked at); "" for tokens that are not
  // capitalised words or have no other occurrence.
  std::vector<std::string> label_values(const std::vector<std::string_view>& tags) const;
  // Whether label_values() can give token k a value (a capitalised word whose stem has
  // other capitalised occurrences), known before any tag is.
  bool may_have_label(size_t k) const {
    if (k >= token_group_.size() || token_group_[k] == kNoGroup) return false;
    const uint32_t g = token_group_[k];
    return occ_begin_[g + 1] - occ_begin_[g] >= 2;
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
  // Capitalised occurrences by stem group: group g's tokens are occ_[occ_begin_[g],
  // occ_begin_[g + 1]); token_group_[k] is k's group (kNoGroup for other tokens).
  static constexpr uint32_t kNoGroup = 0xffffffffu;
  std::vector<uint32_t> occ_begin_, occ_, token_group_;
  std::vector<std::string> pool_;        // the distinct values
  std::vector<uint64_t> pool_hashes_;    // parallel to pool_
  std::string empty_;
};

// The second pass's templates (those that read kDocLabel): their hashes for token i of
// attrs[0, count), written to out[0, ...); returns how many (at most kMaxDocLabelFeatures).
// context_feature_hashes() includes them too; they are left out wherever kDocLabel is empty,
// so a first pass (kDocLabel empty everywhere) plus these for the second pass gives the same
// sums as context_feature_hashes() with kDocLabel set.
constexpr size_t kMaxDocLabelFeatures = 8;
size_t doc_label_feature_hashes(const AttrHashes* attrs, size_t count, size_t i, uint64_t* out);

// Computes attributes for tokens[0, count) of `text` (one tagging unit). `gaz` may be null
// (no gazetteer, no proper forms, no classes); `doc` may be null (no document features), else
// `doc_first` is the index of tokens[0] in the document; `names` may be null (no kSeen).
// Reuses *out's storage.
void compute_attrs(std::string_view text, const Token* tokens, size_t count, const Gazetteer* gaz,
                   std::vector<TokenAttrs>* out, const DocumentContext* doc = nullptr,
                   size_t doc_first = 0, const Gazetteer* names = nullptr);

// The type bits of training names (ModelData::names, kSeen): the labels a phrase carried in
// the training data (PER, ORG, LOC, any other).
enum NameType : uint8_t { kNamePer = 1, kNameOrg = 2, kNameLoc = 4, kNameOther = 8 };
uint8_t name_type(std::string_view label);

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

// Sets the form-derived attributes of one token (kForm..kS4, kProper, kClass, kCoarse, kMid, kStem) and
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
constexpr size_t kMaxContextFeatures = 40;
size_t context_feature_hashes(const AttrHashes* attrs, size_t count, size_t i, uint64_t* out);

// --- Adaptation: the features a person's corrections may move ---
// The templates that name the word itself: its form, lower case and stem, the pairs of it
// with a neighbour, its long prefix and suffix (p5, s4: inflected forms of the same name),
// its short suffix when capitalised (s3|cap: a convention for a kind of word, such as
// inhabitant nouns "Brytyjczycy" / "Polacy" as PER), and the first and last words of its
// capitalised run. Never the general ones (bias, shape,
// capitalisation, short affixes, gazetteer, word classes) nor the context words alone: a
// correction teaches about these words ("UE" is a place here), not that every word after
// "dla" begins an organisation. (Measured with `glosa-cli eval --adapt-first`: with the
// context words, learning from 25 BSNLP 2017 documents made the other 24 worse; with the
// word-class templates too.) Their hashes are the
// same as those feature_hashes() gives for the same templates.
constexpr size_t kMaxAdaptableFeatures = 48;
// Writes the adaptable feature hashes of token i of attrs[0, count) to out[0, ...); returns
// how many (at most kMaxAdaptableFeatures).
size_t adaptable_feature_hashes(const AttrHashes* attrs, size_t count, size_t i, uint64_t* out);
// The names of the adaptable templates, in table order (for tests and the model card).
std::vector<std::string> adaptable_template_names();

// Capitalised runs of one tagging unit (maximal sequences of tokens whose kCap starts with
// 'A'): for each token, the index whose stem kRunPre, kRunFirst and kRunLast take, or
// kNoRunToken (empty attribute); kRunPre is kRunBos for a run that starts the unit.
constexpr uint32_t kNoRunToken = 0xffffffffu;
constexpr uint32_t kRunBos = 0xfffffffeu;
constexpr uint32_t kRunEos = 0xfffffffdu;  // RunToken::Next of a run that ends the unit
// The token that `source` names for token i, from capitalised_runs' arrays (count tokens).
inline uint32_t run_token(RunToken source, const uint32_t* pre, const uint32_t* first,
                          const uint32_t* last, size_t i, size_t count) {
  switch (source) {
    case RunToken::Pre: return pre[i];
    case RunToken::First: return first[i];
    case RunToken::Last: return last[i];
    case RunToken::Next:
      return last[i] == kNoRunToken ? kNoRunToken : (last[i] + 1 < count ? last[i] + 1 : kRunEos);
  }
  return kNoRunToken;
}
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
