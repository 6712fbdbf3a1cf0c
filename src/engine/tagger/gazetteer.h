// Compact name lists carried inside a model file: typed place-name phrases (countries, cities,
// regions; exact and "first five letters" forms for Polish inflection), a Bloom filter of known
// proper-name word forms (sjp.pl), and a word-class table (clusters from unlabeled text).
// Layer: engine/tagger. Built by the trainer, serialised with the model; no I/O here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/tagger/binary_io.h"

namespace glosa::ner {

// Phrase types: the low nibble marks exact matches, the high nibble the same types matched
// on each word's first five code points (so "Moskwie" matches "Moskwa").
enum GazetteerType : uint8_t {
  kGazCountry = 1,
  kGazCity = 2,
  kGazRegion = 4,
  kGazOther = 8,
};
constexpr int kFuzzyShift = 4;
constexpr size_t kMaxPhraseWords = 4;

// First `n` code points of a UTF-8 string (the whole string when shorter).
std::string_view utf8_prefix(std::string_view s, size_t n);

// Key of a phrase of lower-cased words joined by one space; `fuzzy` truncates each word to
// five code points first. Used by the builder and the matcher alike.
uint32_t phrase_key(const std::string_view* lower_words, size_t n, bool fuzzy);

// phrase_key() one word at a time, for the keys of all phrases starting at one token: after
// add(w[0]) ... add(w[n-1]) (each word already cut to five code points when fuzzy), key()
// equals phrase_key(w, n, fuzzy).
class PhraseKeyBuilder {
 public:
  explicit PhraseKeyBuilder(bool fuzzy) : h_(fuzzy ? 0x7a11u : 0xe8ac7u) {}
  void add(std::string_view word) {
    if (words_++) h_ = fnv1a64(" ", h_);
    h_ = fnv1a64(word, h_);
  }
  uint32_t key() const { return static_cast<uint32_t>(mix64(h_)); }

 private:
  uint64_t h_;
  size_t words_ = 0;
};

// A word's classes at three granularities in one 24-bit value: bits 0-9 its fine class
// (< 1024), bits 10-15 its coarse class (< 64), bits 16-23 its middle class plus one
// (< 255; 0: the model has no middle level).
constexpr uint32_t word_classes(uint32_t fine, uint32_t coarse, uint32_t mid_plus_one) {
  return (fine & 1023) | (coarse & 63) << 10 | (mid_plus_one & 255) << 16;
}

class Gazetteer {
 public:
  // --- Building (trainer) ---
  // Adds a phrase (lower-cased words as the engine tokenizer splits them) with type bits
  // from GazetteerType; both its exact and its fuzzy key are stored. Phrases longer than
  // kMaxPhraseWords are ignored.
  void add_phrase(const std::vector<std::string>& lower_words, uint8_t types);
  // Adds an exact word form (case-sensitive) to the proper-name Bloom filter.
  void add_proper_form(std::string_view form);
  // Adds the word classes of a lower-cased word form (word_classes() above).
  void add_word_class(std::string_view lower_form, uint32_t cls);
  // Sorts and merges; call once after adding and before queries or write().
  void finish(size_t bloom_bits_log2 = 22);

  // --- Queries ---
  // Type bits for a phrase key (0 = unknown). O(log n).
  uint8_t phrase_types(uint32_t key) const;
  // True when `form` is (probably: ~0.5% false positives) a known proper-name form.
  bool is_proper_form(std::string_view form) const;
  // Word class of a lower-cased form, or -1 when the word is not in the table.
  int word_class(std::string_view lower_form) const;
  bool has_proper_forms() const { return !bloom_.empty(); }
  bool has_word_classes() const { return !class_keys_.empty(); }
  size_t phrase_count() const { return keys_.size(); }

  // --- Serialisation (part of the model payload) ---
  void write(ByteWriter& w) const;
  // Reads what write() wrote; false on any inconsistency (the reader's error flag is set).
  // class_bytes: 3 (what write() writes) or 2 (model format 4: fine and coarse class only).
  bool read(ByteReader& r, int class_bytes = 3);

 private:
  void build_key_filter();

  std::vector<uint32_t> keys_;       // sorted
  std::vector<uint8_t> types_;       // parallel to keys_
  // One bit per 2^kKeyFilterShift key values that holds a key: most phrase look-ups are of
  // n-grams that are no place name, and this answers them without a binary search. Built
  // from keys_ (not stored in the file).
  std::vector<uint64_t> key_filter_;
  std::vector<uint64_t> bloom_;      // bit set, size 2^bloom_bits_log2 bits
  uint32_t bloom_bits_log2_ = 0;
  std::vector<uint32_t> class_keys_;  // sorted
  std::vector<uint32_t> classes_;     // parallel to class_keys_ (24 bits used)
  std::vector<std::string> pending_forms_;  // proper forms added before finish()
};

}  // namespace glosa::ner
