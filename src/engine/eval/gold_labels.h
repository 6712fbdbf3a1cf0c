// Maps the labels of the gold corpora in ../shared/data (NKJP, BSNLP, CoNLL-2003) to Glosa's
// labels. Shared by the trainer (src/train) and the evaluator (glosa-cli eval), so both read
// the data the same way. Layer: engine/eval (pure, no I/O).
#pragma once

#include <string>
#include <string_view>

namespace glosa {

// Plain: the gold labels are already Glosa's (PER, ORG, LOC, ...), e.g. a file a person
// annotated with Glosa itself.
enum class GoldScheme { Nkjp, Bsnlp, Conll, Plain };

// "nkjp", "bsnlp", "conll", "plain" -> scheme; false for anything else.
bool parse_gold_scheme(std::string_view name, GoldScheme* scheme);

struct MappedLabel {
  std::string label;    // a default_labels() name: PER ORG LOC NORP EVT PRO MISC DATE TIME
  std::string subtype;  // LOC: country settlement region district bloc geographic; else empty
};

// Maps one gold entity. `surface` is its text (used for NKJP's derived words). Returns false
// for labels Glosa does not use (NKJP inner-name parts never reach here: they are nested).
//  NKJP:  persName* -> PER, orgName -> ORG, placeName-<x> -> LOC/<x>, placeName -> LOC,
//         geogName -> LOC/geographic, date -> DATE, time -> TIME; a ONE-WORD name entity
//         (persName/orgName/placeName/geogName) starting with a lower-case letter is a derived
//         word ("polskich", "rosyjskiego", "warszawskie") -> NORP. Capitalised inhabitant nouns
//         ("Polaków") stay LOC here: telling them from the place needs the lexicon, so the
//         evaluator (cli/eval_command.cpp) makes them NORP with names::polish_people_place.
//  BSNLP: PER ORG LOC EVT PRO as they are; 2017's MISC -> MISC.
//  CoNLL: PER ORG LOC MISC as they are.
//  Plain: any default_labels() name as it is; other labels are left out.
bool map_gold_label(GoldScheme scheme, std::string_view raw_label, std::string_view surface,
                    MappedLabel* out);

// True when the first code point of `surface` is a lower-case letter.
bool starts_lowercase(std::string_view surface);

}  // namespace glosa
