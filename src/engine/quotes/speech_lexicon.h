// Word lists behind quotation attribution: verbs of saying, role nouns ("prezydent",
// "rzecznik", "the minister") and subject pronouns, for Polish and English. Layer: engine/quotes.
// Every list is in the code (no data file); lookups take lower-cased words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace glosa {

// Grammatical gender of a Polish verb form or pronoun ("powiedział" / "powiedziała"), or of
// an English pronoun. Unknown where the form does not show it (present tense, English verbs).
enum class Gender : uint8_t { Unknown, Masculine, Feminine, Neuter, Plural };

// Two genders agree unless both are known and differ.
inline bool genders_agree(Gender a, Gender b) {
  return a == Gender::Unknown || b == Gender::Unknown || a == b;
}

// A verb (or fixed phrase) of saying found at some word.
struct SpeechCue {
  bool is_cue = false;
  size_t word_count = 0;          // words it spans: 1, or 2 ("zwrócił uwagę", "according to")
  Gender gender = Gender::Unknown;
  bool is_continuation = false;   // "dodał", "added", "continued": usually the last speaker
  bool is_source = false;         // "według", "zdaniem", "according to": the speaker follows it
  bool is_first_person = false;   // "powiedziałem", "mówiłam": the speaker is the narrator
  bool is_impersonal = false;     // "zaznaczono", "czytamy": no person is the subject
};

// The cue starting at `word` (lower-cased), with `next` the following word ("" if none) for
// two-word cues. `lang` "pl" uses the Polish list, "en" the English one, anything else both.
// Polish past forms are recognised in every gender and number from one masculine entry
// ("powiedział" -> "powiedziała", "powiedziało", "powiedzieli", "powiedziały"), and in the
// first person ("powiedziałem", "powiedziałam", "powiedzieliśmy").
SpeechCue find_speech_cue(std::string_view word, std::string_view next, std::string_view lang);

// A role noun ("prezydenta" -> "prezydent", "rzeczniczka" -> "rzecznik", "spokeswoman" ->
// "spokesperson"): key is "" when the word is not one.
struct RoleNoun {
  std::string key;                // the role's canonical name, shared by all its forms
  size_t word_count = 0;          // 1, or 2 ("prime minister", "vice president")
  Gender gender = Gender::Unknown;  // Feminine only for feminine-only forms ("rzeczniczka")
};

// The role noun starting at `word` (lower-cased), `next` as in find_speech_cue.
RoleNoun find_role_noun(std::string_view word, std::string_view next, std::string_view lang);

// Role keys that name whoever leads a country ("przywódca", "leader"), and the keys of the
// offices such a word may stand for ("prezydent", "premier", "kanclerz", "president"...).
bool is_generic_leader_role(std::string_view key);
bool is_leading_office(std::string_view key);

// A third-person subject pronoun ("on", "ona", "oni", "he", "she", "they", "it"): sets
// *gender and returns true.
bool is_subject_pronoun(std::string_view word, std::string_view lang, Gender* gender);

// An object pronoun after a source preposition: "według niego", "according to her".
bool is_object_pronoun(std::string_view word, std::string_view lang, Gender* gender);

// A preposition that makes the next noun phrase an object, not a subject ("z", "ze", "do",
// "with", "to"...): a name right after one is not the speaker.
bool is_preposition(std::string_view word, std::string_view lang);

// A word that opens a subordinate or new clause ("że", "który", "who", "that", "while"):
// an attribution clause ends before it.
bool starts_subclause(std::string_view word, std::string_view lang);

// A subordinating word ("że", "który", "gdy", "that", "who", "when"): a name after it (before
// a comma) is the subject of the subordinate clause. Coordinators ("a", "ale") are not.
bool is_subordinator(std::string_view word, std::string_view lang);

}  // namespace glosa
