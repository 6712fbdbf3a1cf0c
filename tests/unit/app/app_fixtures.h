// Hand-built documents for the app tests: entity groups, quotations and article info as
// the engine's names, quotations and article stages fill them (docs/FORMAT.md version 2).
#pragma once

#include <string>
#include <string_view>

#include "engine/core/document.h"

namespace glosa::test {

// Byte offset of the n-th (0-based) occurrence of `needle` in `text`; npos if none.
inline size_t nth(std::string_view text, std::string_view needle, int n) {
  size_t pos = text.find(needle);
  while (n-- > 0 && pos != std::string_view::npos) pos = text.find(needle, pos + 1);
  return pos;
}

inline Entity& add_entity(Document& doc, std::string_view needle, int n, const char* label,
                          const char* group = "", const char* lemma = "") {
  const size_t b = nth(doc.text, needle, n);
  Entity e;
  e.begin_byte = b;
  e.end_byte = b + needle.size();
  e.label = label;
  e.group = group;
  e.lemma = lemma;
  e.origin = Origin::Model;
  e.confidence = 0.9f;
  doc.entities.push_back(e);
  return doc.entities.back();
}

inline Quotation& add_quote(Document& doc, const char* id, std::string_view needle, int n, const char* speaker,
                            std::string_view speaker_words = {}, int speaker_n = 0,
                            std::string_view cue = {}, int cue_n = 0) {
  Quotation q;
  q.id = id;
  q.begin_byte = nth(doc.text, needle, n);
  q.end_byte = q.begin_byte + needle.size();
  q.speaker = speaker;
  if (!speaker_words.empty()) {
    q.speaker_begin_byte = nth(doc.text, speaker_words, speaker_n);
    q.speaker_end_byte = q.speaker_begin_byte + speaker_words.size();
  }
  if (!cue.empty()) {
    q.cue_begin_byte = nth(doc.text, cue, cue_n);
    q.cue_end_byte = q.cue_begin_byte + cue.size();
  }
  doc.quotes.push_back(q);
  return doc.quotes.back();
}

// A short Polish article with:
//  g1 PER  Kasym-Żomart Tokajew: 4 mentions ("Tokajew", "Kasym-Żomart Tokajew", "Tokajew", "Tokajewa")
//  g2 LOC  Moskwa: 2 ("Moskwie", "Moskwy")        g3 PER Władimir Putin: 2
//  g4 NORP rosyjski -> g5 (place Rosja): 1        g5 LOC Rosja: 1 ("Rosji")
//  g6 ORG  Organizacja Układu o Bezpieczeństwie Zbiorowym, acronym ODKB: 3
//  g7 PER  Jan Nieobecny: no mentions
//  ungrouped: DATE "poniedziałek", PERCENT "5 proc.", DATE "tydzień temu" (relative, resolved)
//  q1 Putin through a role, q2 Putin by name, q3 unknown speaker (uncertain), q4 nested in q3.
inline Document sample_v2_document() {
  Document doc;
  doc.text =
      "Tokajew w Moskwie\n\n"
      "Kasym-\xC5\xBBomart Tokajew przyby\xC5\x82 do Moskwy w poniedzia\xC5\x82" "ek. Tokajew spotka\xC5\x82 si\xC4\x99 "
      "z W\xC5\x82" "adimirem Putinem.\n\n"
      "\xE2\x80\x9EWysoko to cenimy\xE2\x80\x9D \xE2\x80\x93 powiedzia\xC5\x82 rosyjski przyw\xC3\xB3" "dca. "
      "\xE2\x80\x9ETak, tak\xE2\x80\x9D \xE2\x80\x93 doda\xC5\x82 Putin.\n\n"
      "Tokajewa witano w Rosji. Organizacja Uk\xC5\x82" "adu o Bezpiecze\xC5\x84stwie Zbiorowym (ODKB) "
      "milcza\xC5\x82" "a, a ODKB nie wyda\xC5\x82" "a o\xC5\x9Bwiadczenia.\n\n"
      "\xE2\x80\x9ENie wiem, co powiedzia\xC5\x82 \xC2\xABon\xC2\xBB\xE2\x80\x9D \xE2\x80\x93 m\xC3\xB3wiono w kuluarach. "
      "Obroty wzros\xC5\x82y o 5 proc. tydzie\xC5\x84 temu.";
  doc.lang = "pl";
  doc.labels = default_labels();
  add_entity(doc, "Tokajew", 0, "PER", "g1", "Tokajew");
  add_entity(doc, "Moskwie", 0, "LOC", "g2", "Moskwa");
  add_entity(doc, "Kasym-\xC5\xBBomart Tokajew", 0, "PER", "g1", "Kasym-\xC5\xBBomart Tokajew");
  add_entity(doc, "Moskwy", 0, "LOC", "g2", "Moskwa");
  Entity& monday = add_entity(doc, "poniedzia\xC5\x82" "ek", 0, "DATE");
  monday.value = "XXXX-WXX-1";
  monday.origin = Origin::Rule;
  add_entity(doc, "Tokajew", 2, "PER", "g1", "Tokajew");
  add_entity(doc, "W\xC5\x82" "adimirem Putinem", 0, "PER", "g3", "W\xC5\x82" "adimir Putin");
  add_entity(doc, "rosyjski", 0, "NORP", "g4", "rosyjski");
  add_entity(doc, "Putin", 1, "PER", "g3", "Putin");
  add_entity(doc, "Tokajewa", 0, "PER", "g1", "Tokajew");
  add_entity(doc, "Rosji", 0, "LOC", "g5", "Rosja");
  add_entity(doc, "Organizacja Uk\xC5\x82" "adu o Bezpiecze\xC5\x84stwie Zbiorowym", 0, "ORG", "g6",
             "Organizacja Uk\xC5\x82" "adu o Bezpiecze\xC5\x84stwie Zbiorowym");
  add_entity(doc, "ODKB", 0, "ORG", "g6", "ODKB");
  add_entity(doc, "ODKB", 1, "ORG", "g6", "ODKB");
  Entity& percent = add_entity(doc, "5 proc.", 0, "PERCENT");
  percent.value = "5";
  percent.origin = Origin::Rule;
  Entity& week = add_entity(doc, "tydzie\xC5\x84 temu", 0, "DATE");
  week.value = "-P1W";
  week.is_relative = true;
  week.resolved = "2022-W43";
  week.origin = Origin::Rule;
  sort_and_number_entities(doc);

  doc.groups = {
      {"g1", "PER", "Kasym-\xC5\xBBomart Tokajew", "", "", ""},
      {"g2", "LOC", "Moskwa", "", "", ""},
      {"g3", "PER", "W\xC5\x82" "adimir Putin", "", "", ""},
      {"g4", "NORP", "rosyjski", "", "g5", "Rosja"},
      {"g5", "LOC", "Rosja", "", "", ""},
      {"g6", "ORG", "Organizacja Uk\xC5\x82" "adu o Bezpiecze\xC5\x84stwie Zbiorowym", "ODKB", "", ""},
      {"g7", "PER", "Jan Nieobecny", "", "", ""},
  };

  Quotation& q1 = add_quote(doc, "q1", "\xE2\x80\x9EWysoko to cenimy\xE2\x80\x9D", 0, "g3",
                            "rosyjski przyw\xC3\xB3" "dca", 0, "powiedzia\xC5\x82", 0);
  q1.attribution = "role";
  q1.confidence = 0.7f;
  Quotation& q2 = add_quote(doc, "q2", "\xE2\x80\x9ETak, tak\xE2\x80\x9D", 0, "g3", "Putin", 1, "doda\xC5\x82", 0);
  q2.attribution = "name";
  q2.confidence = 0.95f;
  Quotation& q3 = add_quote(doc, "q3", "\xE2\x80\x9ENie wiem, co powiedzia\xC5\x82 \xC2\xABon\xC2\xBB\xE2\x80\x9D", 0, "",
                            {}, 0, "m\xC3\xB3wiono", 0);
  q3.confidence = 0.2f;
  q3.is_uncertain = true;
  Quotation& q4 = add_quote(doc, "q4", "\xC2\xABon\xC2\xBB", 0, "");
  q4.parent = "q3";

  doc.article.title = "Tokajew w Moskwie";
  doc.article.date = "2022-11";
  doc.article.source = "fergana.news";
  doc.article.word_count = 60;
  doc.article.reading_minutes = 1;
  doc.meta.tool = "glosa test";
  return doc;
}

}  // namespace glosa::test
