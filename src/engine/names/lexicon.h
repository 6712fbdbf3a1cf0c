// The name lexicon: what the base-form and grouping stage knows about Polish and English
// words, loaded from one compact binary file (assets/lexicon/names.bin) built by the
// project's own builder (src/train/lexicon_build.*). Layer: engine/names. Bytes in, no I/O.
//
// It holds a suffix trie of Polish word forms: each node on the path of a reversed,
// lower-cased form (plus a marker for capitalised dictionary entries) may carry a rule
// "part of speech, strip N code points, append S"; the deepest rule on the path applies.
// Learned from the sjp.pl/hunspell-pl dictionary expanded by its affix rules and from the
// base forms of BSNLP training documents. Plus a table of place names (countries), used to
// link relational words ("rosyjski", "Russian") to their place ("Rosja", "Russia").
//
// File layout (little-endian):
//   "GLOSALEX" magic, u32 format version, u64 payload size, u64 FNV-1a-64 of the payload
//   payload: str name, u32 max depth, u32 rule count, rules (u8 pos, u8 strip, str append),
//            u32 node count, nodes in breadth-first order (varint code point, varint child
//            count, varint rule + 1), u32 place count, places (str lang, str name)
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/error.h"

namespace glosa::names {

constexpr char kLexiconMagic[8] = {'G', 'L', 'O', 'S', 'A', 'L', 'E', 'X'};
constexpr uint32_t kLexiconFormatVersion = 1;

// Reversed forms end in one of these markers (as the last, deepest "character") so that a
// capitalised dictionary entry ("Polski" of Polska) and a lower-case one ("polski") can
// carry different rules while sharing every shorter suffix.
constexpr char32_t kMarkCapitalised = U'^';
constexpr char32_t kMarkLowerCase = U'_';

enum class WordClass : uint8_t {
  Noun = 0,       // declines like a noun: the rule gives the nominative singular
  Adjective = 1,  // declines like an adjective: the rule gives the masculine nominative
};

struct WordRule {
  WordClass word_class = WordClass::Noun;
  uint8_t strip = 0;    // code points removed from the end of the lower-cased form
  std::string append;   // then appended (UTF-8, lower case)
};

struct LexiconPlace {
  std::string lang;  // "pl", "en"
  std::string name;  // nominative, as written: "Rosja", "Wielka Brytania", "Russia"
};

// The in-memory lexicon, as the builder fills it and the file stores it.
struct LexiconData {
  std::string name;  // "names-pl 2026-12-01", shown in provenance
  uint32_t max_depth = 12;  // code points of a form's end the trie keys on (longer: no marker)
  std::vector<WordRule> rules;
  // Trie in breadth-first order; node 0 is the root. The children of a node are contiguous
  // and sorted by code point.
  std::vector<char32_t> node_cp;
  std::vector<uint32_t> node_children;  // child count
  std::vector<int32_t> node_rule;       // index into rules, -1 = inherit the parent's
  std::vector<LexiconPlace> places;
};

// Encodes a lexicon (header, checksum, payload).
std::vector<uint8_t> serialize_lexicon(const LexiconData& data);

class Lexicon {
 public:
  // Decodes and validates a lexicon file in memory: BadModel for a bad magic, size,
  // checksum or inconsistent payload, BadModelVersion for another format version. Never
  // reads outside [data, data + size). The bytes are copied.
  static Result<std::shared_ptr<const Lexicon>> load(const uint8_t* data, size_t size);
  static Result<std::shared_ptr<const Lexicon>> from_data(LexiconData data);

  const std::string& name() const { return data_.name; }
  const std::vector<LexiconPlace>& places() const { return data_.places; }
  size_t node_count() const { return data_.node_cp.size(); }

  // The rule of the deepest trie node on the path of `word` (any case; the marker is
  // chosen from its first letter), and how many code points of the path matched
  // (*depth; the marker counts as one). Never null: the root carries the default rule.
  const WordRule& rule_for(std::string_view word, size_t* depth = nullptr) const;
  // Places of `lang` whose first word starts with the code points `prefix3` (lower case,
  // three code points; shorter first words are keyed by their whole length). Indices into
  // places(), ascending; empty when none.
  const std::vector<uint32_t>& places_with_prefix(std::string_view lang, std::u32string_view prefix3) const;
  // Places of `lang` with any word whose first three letters, lower-cased and without Polish
  // diacritics, are `plain3` ("bry" finds "Wielka Brytania"): candidates for relational words.
  const std::vector<uint32_t>& places_with_word_prefix(std::string_view lang, std::u32string_view plain3) const;
  // The lower-cased words of place i ("wielka", "brytania").
  const std::vector<std::u32string>& place_words(size_t i) const { return place_words_[i]; }

 private:
  LexiconData data_;
  std::vector<uint32_t> first_child_;
  std::vector<std::vector<std::u32string>> place_words_;
  std::map<std::pair<std::string, std::u32string>, std::vector<uint32_t>> place_index_;
  std::map<std::pair<std::string, std::u32string>, std::vector<uint32_t>> word_index_;
  std::vector<uint32_t> no_places_;
};

// Lower case without Polish diacritics ("Irańskie" -> "iranskie"), for comparing stems.
std::u32string plain_lower(std::string_view s);

// Applies a rule to a word: strips code points from its end and appends the rule's text,
// in capitals when the word is all capitals. The kept part keeps its case.
std::string apply_rule(std::string_view word, const WordRule& rule);

}  // namespace glosa::names
