// The names stage of the pipeline: base forms of name mentions, acronyms, and the groups
// of mentions that name one real entity. Layer: engine/names. Pure and deterministic.
#pragma once

#include <string>
#include <vector>

#include "engine/core/document.h"
#include "engine/names/lexicon.h"

namespace glosa::names {

// Labels whose mentions get base forms and groups.
bool is_name_label(std::string_view label);

// Fills Entity::lemma and Entity::group of every name entity (is_name_label) and rebuilds
// doc.groups (other entities keep lemma and group empty). `lexicon` may be null: Polish
// base forms then fall back to the surface. Grouping, in this order:
//  - an acronym in brackets right after a name ("Organizacji ... (ODKB)") belongs to that
//    name's group, and so does every later use of it; an untagged acronym there and its
//    later uses are added as entities (origin rule) — so entities may be added;
//  - mentions with the same base form (case-insensitive) are one group; LOC and ORG share
//    groups (the label is the commonest among the mentions);
//  - a person's later surname-only or first-name-only mention, a name with an initial
//    ("W. Putin"), a name with a patronymic ("Kasym-Żomart Kiemielewicz Tokajew") or a
//    one-letter spelling variant of the first name joins the fuller name;
//  - a one-word name equal to the head word of exactly one longer name ("Unii" -> "Unia
//    Europejska") joins it, and so does a name made of the first words of exactly one
//    longer name ("Organizacja Układu" -> "Organizacja Układu o Bezpieczeństwie Zbiorowym");
//  - a NORP group links to the place it derives from: a LOC group of the document if one
//    fits, else a place of the lexicon (EntityGroup::place).
// Groups are numbered "g1".. by first mention; a group's name is its fullest base form.
// Entities must be sorted; they stay sorted, with ids renumbered when entities were added.
// With AcronymMentions::KeepEntities no entity is added (for a document a person
// corrected: a removed acronym stays removed); the acronyms that are tagged still group.
enum class AcronymMentions : uint8_t { AddUntagged, KeepEntities };
void resolve_names(Document& doc, const Lexicon* lexicon,
                   AcronymMentions acronyms = AcronymMentions::AddUntagged);

}  // namespace glosa::names
