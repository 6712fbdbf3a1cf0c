// What a person decided beyond single entities, kept when a corrected document is derived
// again (Engine::refresh_document): groups a person made (merged, or a mention split off:
// EntityGroup::by_person) keep their mentions together and apart from others, and
// quotations whose speaker a person chose (attribution "person") keep that speaker, or
// keep having none. Also the rule that a group's mentions share its label. Layer:
// engine/names. Pure functions of the document.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/core/document.h"

namespace glosa::names {

struct PersonDecisions {
  struct Group {
    std::vector<std::pair<size_t, size_t>> members;  // byte spans of its mentions
    std::string name;                                // its display name
  };
  struct Speaker {
    size_t begin_byte = 0, end_byte = 0;  // the quotation
    bool has_speaker = false;             // false: a person said nobody is named
    size_t mention_begin = 0, mention_end = 0;  // a mention of the chosen speaker
  };
  std::vector<Group> groups;
  std::vector<Speaker> speakers;
  bool empty() const { return groups.empty() && speakers.empty(); }
  bool operator==(const PersonDecisions& o) const;
};

// The decisions a document holds now (its by_person groups and person-attributed quotes).
PersonDecisions collect_person_decisions(const Document& doc);

// Regroups the mentions of each decided group into one group of their own (by_person),
// taking them out of the groups the names stage made; groups left empty go. Spans no
// entity has any more are ignored. Groups are then numbered again by first mention.
void apply_person_groups(Document& doc, const PersonDecisions& decisions);

// Gives each decided quotation its chosen speaker (the group holding the chosen mention) or
// none, with attribution "person", confidence 1, not uncertain. Quotations no longer found
// (same span) are left as the engine found them.
void apply_person_speakers(Document& doc, const PersonDecisions& decisions);

// Moves every mention whose label differs from its group's commonest label into a group of
// its own label, so a group's mentions always share its label (the file never says an ORG
// is a mention of a PER). Groups are then numbered again by first mention.
void split_groups_by_label(Document& doc);

// Numbers groups "g1".. in order of first mention (groups without mentions last, in their
// order) and rewrites every reference: entities' group, groups' link, quotations' speaker.
void renumber_groups(Document& doc);

}  // namespace glosa::names
