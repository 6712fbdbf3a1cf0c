// Constant-time lookup in the fixed word lists of the tokenizer and the rules: a small
// open-addressing hash table over borrowed string_views, built once (a function-local
// static next to its list). Layer: engine/core.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace glosa {

// Hash of a byte string for WordIndex. Stable within one build, not across builds: never
// store it. The empty string has a hash too.
uint64_t word_hash(std::string_view s);

class WordIndex {
 public:
  WordIndex() = default;

  // Indexes keys[k] as k. A repeated key keeps its first position, so find() answers what
  // a front-to-back linear search would. The keys are borrowed: they must outlive the index
  // (string literals and static tables do).
  explicit WordIndex(const std::vector<std::string_view>& keys);
  WordIndex(std::initializer_list<std::string_view> keys)
      : WordIndex(std::vector<std::string_view>(keys)) {}

  // The index of a static table of structs, keyed by key_of(entry).
  template <typename T, size_t N, typename KeyOf>
  static WordIndex of(const T (&table)[N], KeyOf key_of) {
    std::vector<std::string_view> keys;
    keys.reserve(N);
    for (const T& e : table) keys.push_back(key_of(e));
    return WordIndex(keys);
  }

  // Position of `word` among the keys, or -1. `hash` must be word_hash(word): callers that
  // look the same word up in many lists compute it once.
  int find(std::string_view word, uint64_t hash) const {
    if (slots_.empty()) return -1;
    for (size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
      const Slot& s = slots_[slot];
      if (s.index < 0) return -1;
      if (s.hash == hash && s.key == word) return s.index;
    }
  }
  int find(std::string_view word) const { return find(word, word_hash(word)); }
  bool contains(std::string_view word, uint64_t hash) const { return find(word, hash) >= 0; }
  bool contains(std::string_view word) const { return find(word) >= 0; }

 private:
  struct Slot {
    uint64_t hash = 0;
    std::string_view key;
    int index = -1;  // -1: empty slot
  };
  std::vector<Slot> slots_;  // a power of two, at most half full
  uint64_t mask_ = 0;
};

}  // namespace glosa
