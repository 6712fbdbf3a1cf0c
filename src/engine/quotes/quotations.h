// Quotations and their speakers: which quoted spans are things someone said, the verb of
// saying and the words naming the speaker next to each, and the entity group of the speaker
// (by name, by a role such as "prezydent Kazachstanu", or from context). Layer: engine/quotes.
// The rules, confidence levels and limits are described in docs/QUOTES.md.
#pragma once

#include <string_view>
#include <vector>

#include "engine/core/document.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/tokenizer.h"

namespace glosa {

// Finds the quotations of one document and attributes each to a speaker.
//
// Inputs: `text` is the normalised document text; `tokens` = tokenize(text); `sentences` =
// split_sentences(text, tokens) (if empty, they are computed here); `lang` "pl" or "en"
// selects the word lists, anything else uses both. `entities` are the document's entities
// (any order, overlaps allowed; spans outside the text are ignored); PER mentions are the
// speakers, ORG mentions speak when no person does ("– poinformowało MSZ"), LOC/NORP/ORG
// mentions qualify roles ("prezydent Kazachstanu", "rosyjski przywódca"). `groups` are the
// entity groups that Entity::group refers to; an unknown group id counts as no group.
// Only reads its inputs.
//
// Output: one Quotation per quoted span that counts as a quotation (see docs/QUOTES.md),
// sorted by begin_byte with an outer quotation before the ones nested in it, ids "q1".."qN"
// in that order. All offsets are BYTES into `text`, half-open; a span that is absent is
// [0, 0). `begin_byte`/`end_byte` include the quotation marks; a quote never closed ends at
// the end of its line, or before a " – powiedział…" attribution inside it. `speaker` is the
// EntityGroup id of the speaker, "" when none was found or the speaking mention has no group;
// `attribution` says how the speaker was found ("name", "role", "context", or "" for none),
// `confidence` how sure that is (0..1) and `is_uncertain` is set below 0.6. A nested
// quotation names its enclosing one in `parent`.
//
// Never fails: text without quotation marks (or empty text) gives an empty vector.
std::vector<Quotation> find_quotations(std::string_view text, const std::vector<Token>& tokens,
                                       const std::vector<Sentence>& sentences, std::string_view lang,
                                       const std::vector<Entity>& entities,
                                       const std::vector<EntityGroup>& groups);

}  // namespace glosa
