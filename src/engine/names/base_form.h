// Base forms of name mentions: "Władimirem Putinem" -> "Władimir Putin", "Federacji
// Rosyjskiej" -> "Federacja Rosyjska", "Organizacji Układu o Bezpieczeństwie Zbiorowym" ->
// "Organizacja Układu o Bezpieczeństwie Zbiorowym", "rosyjskiego" -> "rosyjski".
// Layer: engine/names. Pure; uses the Lexicon's word rules and place names.
#pragma once

#include <string>
#include <string_view>

#include "engine/names/lexicon.h"

namespace glosa::names {

// Grammatical gender (and number) of a Polish noun phrase, for adjective agreement.
enum class Gender : uint8_t { Masculine, Feminine, Neuter, Plural };

// The nominative of an adjective whose masculine nominative is `masculine` ("rosyjski"):
// "rosyjska" (feminine), "rosyjskie" (neuter, and non-virile plural). Keeps the case of the
// first letter.
std::string adjective_form(std::string_view masculine, Gender gender);

// The gender an adjective form shows by its ending: "-ej", "-ą", "-a" feminine; "-ych",
// "-ich", "-ymi", "-imi", "-e" neuter/plural; anything else masculine.
Gender gender_of_adjective_form(std::string_view form);

// The gender of a Polish noun from its nominative singular: "-a" feminine, "-o", "-e",
// "-ę", "-um" neuter, anything else masculine.
Gender gender_of_noun(std::string_view nominative);

// The base form of one mention. `surface` is the mention's text; `label` its label (PER,
// ORG, LOC, NORP, EVT, PRO, MISC); `lang` "pl" or anything else. Polish: PER names inflect
// word by word; other names inflect their head noun and the adjectives agreeing with it,
// and stay frozen from the first word that does not agree ("Układu o ..."); LOC names that
// match a known place name ("Stanach Zjednoczonych") take it; NORP words take the
// masculine nominative. The first letter is capitalised except for NORP. Other languages:
// the surface with a possessive "'s" removed. Whitespace runs become one space. With no
// lexicon, Polish falls back to the surface form.
std::string base_form(std::string_view surface, std::string_view label, std::string_view lang,
                      const Lexicon* lexicon);

// The known Polish place (nominative, as the lexicon writes it) that a one-word Polish mention
// is a form of ("Kutna" -> "Kutno", "Katowic" -> "Katowice"), or "" when none is.
std::string polish_place_of(std::string_view word, const Lexicon& lexicon);

// Polish inhabitant nouns of the regular patterns, any case and number: the plural nominative
// ("Rosjan", "Rosjanina" -> "Rosjanie"; "Polaków" -> "Polacy"; "Brytyjczyk" -> "Brytyjczycy";
// "Niemców" -> "Niemcy"; "Francuzów" -> "Francuzi"), or "" for a word not shaped so. Spelling
// only: "Nowaków" gives "Nowacy"; polish_people_place says whether a place stands behind it.
// *plural: the form is a plural one; *stem_size: code points before the ending.
std::string polish_people_word(std::string_view word, bool* plural = nullptr, size_t* stem_size = nullptr);

// The known place (as the lexicon writes it) whose people a capitalised Polish word names
// ("Rosjanami" -> "Rosja", "Polaków" -> "Polska", "Brytyjczycy" -> "Wielka Brytania"), or "":
// for other words, and for a place's own name ("Niemcy" is Germany as well).
std::string polish_people_place(std::string_view word, const Lexicon& lexicon);

// The place a relational word refers to ("rosyjski" -> "Rosja", "kazachstański" ->
// "Kazachstan", "Russian" -> "Russia"), chosen among `candidates` (base forms of places),
// or "" when none fits. Compares stems with Polish and English relational suffixes removed.
std::string relational_place(std::string_view relational, const std::vector<std::string>& candidates);

}  // namespace glosa::names
