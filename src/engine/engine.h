// The whole public API of the Glosa extraction engine: normalise -> tokenize -> sentences
// -> pattern rules -> statistical NER -> merged, sorted entities -> base forms and entity
// groups (one label per group) -> quotations and speakers -> article info and resolved dates. Layer: engine (facade).
// Pure and deterministic: no I/O, no clock, no exceptions. The app, CLI and tests include
// only this header (and src/formats for files).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/article/article_info.h"
#include "engine/article/date_resolution.h"
#include "engine/core/document.h"
#include "engine/core/error.h"
#include "engine/tagger/adaptation.h"
#include "engine/tagger/ner_model.h"
#include "engine/text/normalizer.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/tokenizer.h"

namespace glosa {

constexpr const char* kGlosaVersion = "0.1.0";
constexpr size_t kMaxTextBytes = 16u << 20;  // 16 MiB: far above any article

class NerModel;
namespace names { class Lexicon; }

struct AnnotateOptions {
  std::string lang = "auto";  // "auto", "pl", "en" (anything else: "other", rules only)
  bool use_model = true;      // run the NER stage when a model for the language is loaded
  // Called between stages with the fraction done (0..1), e.g. for a progress bar; may be empty.
  std::function<void(double fraction)> progress;
};

// Everything one annotate() call produces.
struct Analysis {
  Document doc;                     // text, lang, labels, entities (with base forms, groups,
                                    // resolved dates), quotes, article (meta.created left empty)
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  size_t invalid_utf8_count = 0;    // input sequences replaced by U+FFFD (warn the user)
  std::string unsupported_script;   // "Arabic"...: most letters are in a script the engine
                                    // cannot read; then nothing is tagged (lang "other")
};

class Engine {
 public:
  Engine();
  ~Engine();

  // Loads an NER model from bytes; it serves the language named in its header, replacing
  // an earlier model for that language. Returns BadModel/BadModelVersion on a bad file.
  Status load_model(const uint8_t* data, size_t size);
  bool has_model(std::string_view lang) const;

  // Loads the name lexicon (base forms and place names for the names stage) from bytes; it
  // serves Polish text. Returns BadModel/BadModelVersion on a bad file. Without one, Polish
  // base forms are the surface forms (groups still form from them).
  Status load_lexicon(const uint8_t* data, size_t size);
  bool has_lexicon() const { return lexicon_ != nullptr; }
  // The loaded name lexicon, or null (the evaluator reads gold words with it as the engine does).
  const names::Lexicon* lexicon() const { return lexicon_.get(); }

  // Annotates raw pasted bytes. Fails with EmptyText (nothing but whitespace) or
  // TextTooLarge (> kMaxTextBytes). Invalid UTF-8 is repaired and counted, not refused.
  Result<Analysis> annotate(std::string_view raw_text, const AnnotateOptions& options = {}) const;

  // --- Learning from corrections (an adaptation layer per language) ---
  // Teaches the name model of doc.lang from a document a person reviewed. Evidence:
  //  - positive: every entity with status Accepted, and every entity with origin Person that
  //    is not Rejected (tagged or relabelled by the person): the span with that label is right;
  //  - negative: every entity with status Rejected: its words are not a name;
  //  - nothing else: an Unreviewed engine entity, and the text outside all reviewed
  //    entities, say nothing (the model's own answer there is neither confirmed nor refused).
  // Entities whose label the model does not tag (MONEY, or DATE for English) are left out.
  // Entities are byte spans into doc.text (as Document holds them); tokens overlapping a span
  // take part. Each tagging unit with evidence gets at most LearnOptions::max_steps_per_unit
  // (3) passive-aggressive updates of the sparse deltas over the shipped weights, so one
  // article costs milliseconds. Deterministic: the same documents in the same order give the
  // same deltas (and the same save_adaptation() bytes), natively and in WebAssembly.
  // annotate() then adds the deltas of doc.lang. Errors: BadArgument when no model for
  // doc.lang is loaded; EmptyText for a document without text.
  Result<LearnSummary> learn(const Document& corrected, const LearnOptions& options = {});
  // The adaptation of `lang` as a file (adaptation.h: "GLOSAADP", version, checksum; sparse
  // deltas, sorted): empty when no model for `lang` is loaded; a file with no rows when
  // nothing was learnt yet.
  std::vector<uint8_t> save_adaptation(std::string_view lang) const;
  // Replaces the adaptation of the file's language with the file's. The model of that
  // language must be loaded first and have the tag set the file was learnt with. Errors:
  // BadModel (bad magic, size, checksum or payload: the current adaptation stays as it was),
  // BadModelVersion (another file format or feature set), BadArgument (no model for its
  // language, or a model with another tag set).
  Status load_adaptation(const uint8_t* data, size_t size);
  // The same file added to the adaptation in use for its language (Adaptation::add_from: a
  // colleague's file joins what this person taught) instead of replacing it; the same
  // errors, and nothing changes on an error. A newer copy of a file added before replaces
  // that one (Adaptation::replace_part; `*replaced` says so). BadArgument too when the file
  // holds corrections already in use (Adaptation::shares_origin: the same copy again, an
  // older one, or one saved from this adaptation), which adding would count twice.
  Status add_adaptation(const uint8_t* data, size_t size, bool* replaced = nullptr);
  // Forgets what was learnt for `lang` (annotate() uses the shipped weights alone again).
  void reset_adaptation(std::string_view lang);
  // Number of features with deltas for `lang`, the window network's embedding rows
  // included (0 when none).
  size_t adaptation_rows(std::string_view lang) const;

  // Derives again what annotate() derives from the entities (base forms, groups, quotations
  // and their speakers, article info, resolved dates) after a person corrected them. Entity
  // spans, labels, origins and review status stay as they are, and no entity is added or
  // removed (an acronym the person removed stays removed). Rejected entities (status
  // rejected) stay in the list but take no part: no base form, no group, never a speaker.
  // Groups a person made and speakers a person chose are kept (names/person_decisions.h);
  // a group's mentions always share its label.
  // Entities end up sorted and numbered. The text is the document's own (already
  // normalised); `tokens` and `sentences`, when given, must be tokenize() and
  // split_sentences() of it (kept by the caller so a correction does not tokenise again).
  void refresh_document(Document& doc) const;
  void refresh_document(Document& doc, const std::vector<Token>& tokens,
                        const std::vector<Sentence>& sentences) const;

 private:
  const NerModel* model_for(std::string_view lang) const;
  const ner::Adaptation* adaptation_for(std::string_view lang) const;
  ner::Adaptation* adaptation_for(std::string_view lang);

  std::vector<std::shared_ptr<const NerModel>> models_;
  // One per language that has learnt something or loaded a file; each fits its model.
  // (Values: copying an Engine copies what it learnt.)
  std::vector<ner::Adaptation> adaptations_;
  std::shared_ptr<const names::Lexicon> lexicon_;
};

// Overlap policy for one document's entities: a model DATE/TIME span that contains exactly
// one rule entity of its label (and overlaps no other rule entity) lends that rule entity its
// span, value kept; then rule entities of the classes rules own (DATE TIME MONEY PERCENT
// QUANTITY URL EMAIL) win over model spans they overlap; among the rest an earlier, then
// longer, span wins; entities with equal spans keep their input order. Returns a sorted,
// non-overlapping list.
// O(n log n) in the number of entities.
std::vector<Entity> merge_entities(std::vector<Entity> rules, std::vector<Entity> model);

}  // namespace glosa
