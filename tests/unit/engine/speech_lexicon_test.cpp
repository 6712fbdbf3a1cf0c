// Tests for engine/quotes/speech_lexicon: verbs of saying in every Polish gender, English
// verbs and fixed phrases, role nouns and their forms, pronouns and prepositions.
#include <doctest/doctest.h>

#include <string>

#include "engine/quotes/speech_lexicon.h"

using namespace glosa;

TEST_CASE("speech_lexicon: Polish past verbs of saying in every gender and number") {
  struct Case {
    std::string word;
    Gender gender;
  };
  for (const Case& c : {Case{"powiedział", Gender::Masculine}, Case{"powiedziała", Gender::Feminine},
                        Case{"powiedziało", Gender::Neuter}, Case{"powiedzieli", Gender::Plural},
                        Case{"powiedziały", Gender::Plural}, Case{"dodała", Gender::Feminine},
                        Case{"ocenili", Gender::Plural}, Case{"stwierdził", Gender::Masculine},
                        Case{"podkreśliła", Gender::Feminine}, Case{"zadeklarował", Gender::Masculine},
                        Case{"zapowiedziała", Gender::Feminine}, Case{"odparła", Gender::Feminine},
                        Case{"ciągnęła", Gender::Feminine}, Case{"poinformowało", Gender::Neuter},
                        Case{"przekonywał", Gender::Masculine}, Case{"ostrzegli", Gender::Plural}}) {
    CAPTURE(c.word);
    const SpeechCue cue = find_speech_cue(c.word, "", "pl");
    CHECK(cue.is_cue);
    CHECK(cue.word_count == 1);
    CHECK(cue.gender == c.gender);
  }
}

TEST_CASE("speech_lexicon: Polish present forms, continuation verbs and fixed phrases") {
  CHECK(find_speech_cue("mówi", "", "pl").is_cue);
  CHECK(find_speech_cue("twierdzą", "", "pl").is_cue);
  CHECK(find_speech_cue("uważa", "", "pl").gender == Gender::Unknown);
  CHECK(find_speech_cue("dodał", "", "pl").is_continuation);
  CHECK(find_speech_cue("dodaje", "", "pl").is_continuation);
  CHECK_FALSE(find_speech_cue("powiedział", "", "pl").is_continuation);
  CHECK(find_speech_cue("twierdząc", "", "pl").is_cue);  // participle
  CHECK(find_speech_cue("zaznaczono", "", "pl").is_impersonal);
  CHECK(find_speech_cue("powiedziałam", "", "pl").is_first_person);
  CHECK(find_speech_cue("powiedziałam", "", "pl").gender == Gender::Feminine);
  CHECK(find_speech_cue("według", "", "pl").is_source);
  CHECK(find_speech_cue("zdaniem", "", "pl").is_source);
  const SpeechCue uwage = find_speech_cue("zwróciła", "uwagę", "pl");
  CHECK(uwage.is_cue);
  CHECK(uwage.word_count == 2);
  CHECK(uwage.gender == Gender::Feminine);
  CHECK_FALSE(find_speech_cue("zwrócił", "pieniądze", "pl").is_cue);
}

TEST_CASE("speech_lexicon: words that are not verbs of saying") {
  for (const std::string w : {"przybył", "spotkali", "podpisali", "był", "miał", "ła", "li", "ł", "zapewnić",
                              "powiedzieć", "Putin", "", "mówić"}) {
    CAPTURE(w);
    CHECK_FALSE(find_speech_cue(w, "", "pl").is_cue);
  }
  CHECK_FALSE(find_speech_cue("said", "", "pl").is_cue);
  CHECK_FALSE(find_speech_cue("powiedział", "", "en").is_cue);
  CHECK(find_speech_cue("said", "", "other").is_cue);
  CHECK(find_speech_cue("powiedział", "", "other").is_cue);
}

TEST_CASE("speech_lexicon: English verbs of saying and fixed phrases") {
  for (const std::string w : {"said", "says", "added", "told", "stated", "asked", "wrote", "explained", "noted", "argued"}) {
    CAPTURE(w);
    CHECK(find_speech_cue(w, "", "en").is_cue);
  }
  CHECK(find_speech_cue("added", "", "en").is_continuation);
  const SpeechCue according = find_speech_cue("according", "to", "en");
  CHECK(according.is_cue);
  CHECK(according.is_source);
  CHECK(according.word_count == 2);
  CHECK_FALSE(find_speech_cue("according", "", "en").is_cue);
  CHECK(find_speech_cue("pointed", "out", "en").word_count == 2);
  CHECK(find_speech_cue("went", "on", "en").is_continuation);
  CHECK_FALSE(find_speech_cue("went", "home", "en").is_cue);
}

TEST_CASE("speech_lexicon: role nouns in their inflected and feminine forms") {
  CHECK(find_role_noun("prezydent", "", "pl").key == "prezydent");
  CHECK(find_role_noun("prezydenta", "", "pl").key == "prezydent");
  CHECK(find_role_noun("przywódca", "", "pl").key == "przywódca");
  CHECK(find_role_noun("rzeczniczka", "", "pl").key == "rzecznik");
  CHECK(find_role_noun("rzeczniczka", "", "pl").gender == Gender::Feminine);
  CHECK(find_role_noun("premier", "", "pl").gender == Gender::Unknown);
  CHECK(find_role_noun("ministrem", "", "pl").key == "minister");
  CHECK(find_role_noun("prezydentura", "", "pl").key.empty());
  CHECK(find_role_noun("ministerstwo", "", "pl").key.empty());
  CHECK(find_role_noun("president", "", "en").key == "president");
  CHECK(find_role_noun("spokeswoman", "", "en").key == "spokesperson");
  CHECK(find_role_noun("spokeswoman", "", "en").gender == Gender::Feminine);
  const RoleNoun pm = find_role_noun("prime", "minister", "en");
  CHECK(pm.key == "prime minister");
  CHECK(pm.word_count == 2);
  CHECK(find_role_noun("minister", "", "en").key == "minister");
}

TEST_CASE("speech_lexicon: subject pronouns, prepositions and clause openers") {
  Gender g = Gender::Unknown;
  CHECK(is_subject_pronoun("on", "pl", &g));
  CHECK(g == Gender::Masculine);
  CHECK(is_subject_pronoun("ona", "pl", &g));
  CHECK(g == Gender::Feminine);
  CHECK(is_subject_pronoun("she", "en", &g));
  CHECK(g == Gender::Feminine);
  CHECK_FALSE(is_subject_pronoun("jego", "pl", &g));
  CHECK(is_object_pronoun("niego", "pl", &g));
  CHECK(g == Gender::Masculine);
  CHECK(is_subordinator("że", "pl"));
  CHECK_FALSE(is_subordinator("a", "pl"));
  CHECK(is_preposition("ze", "pl"));
  CHECK(is_preposition("with", "en"));
  CHECK_FALSE(is_preposition("Putin", "pl"));
  CHECK(starts_subclause("którego", "pl"));
  CHECK(starts_subclause("who", "en"));
  CHECK(genders_agree(Gender::Unknown, Gender::Feminine));
  CHECK_FALSE(genders_agree(Gender::Masculine, Gender::Feminine));
}
