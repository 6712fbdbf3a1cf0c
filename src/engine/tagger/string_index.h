// StringIndex: numbers distinct strings (word forms, their lower case) for the tagger's tables
// of forms, which it keeps across documents. Layer: engine/tagger.
// An open-addressing table of views that hashes 8 bytes at a time: the tagger looks up every
// token, and std::unordered_map's node allocations and byte-wise hashing cost more than the
// rest of that work.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace glosa::ner {

class StringIndex {
 public:
  // `expected`: about how many distinct strings will be inserted (the table grows anyway).
  explicit StringIndex(size_t expected = 0) { rehash(expected * 2 + 16); }

  // The number of (s, salt): 0, 1, 2 ... in order of first insertion, and whether it was new.
  // Equal strings with different salts (e.g. token kinds) are different keys. Only the view
  // is stored: the bytes must outlive the index.
  std::pair<uint32_t, bool> insert(std::string_view s, uint32_t salt = 0) {
    const uint64_t h = hash(s, salt);
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = static_cast<size_t>(h) & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.id == kEmpty) {
        slot = Slot{s.data(), static_cast<uint32_t>(s.size()), salt, tag, static_cast<uint32_t>(count_)};
        ++count_;
        const uint32_t id = slot.id;
        if (count_ * 2 > slots_.size()) rehash(slots_.size() * 2);
        return {id, true};
      }
      if (slot.tag == tag && slot.len == s.size() && slot.salt == salt &&
          (s.empty() || std::memcmp(slot.data, s.data(), s.size()) == 0)) {
        return {slot.id, false};
      }
    }
  }

  // The number of (s, salt), or kNotFound when it was never inserted.
  static constexpr uint32_t kNotFound = 0xffffffffu;
  uint32_t find(std::string_view s, uint32_t salt = 0) const {
    const uint64_t h = hash(s, salt);
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = static_cast<size_t>(h) & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.id == kEmpty) return kNotFound;
      if (slot.tag == tag && slot.len == s.size() && slot.salt == salt &&
          (s.empty() || std::memcmp(slot.data, s.data(), s.size()) == 0)) {
        return slot.id;
      }
    }
  }

  size_t size() const { return count_; }

  // A 64-bit hash of the bytes and the salt, 8 bytes at a time (the same on every platform).
  static uint64_t hash(std::string_view s, uint32_t salt) {
    uint64_t h = 0x9e3779b97f4a7c15ull ^ (static_cast<uint64_t>(s.size()) << 32 | salt);
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * 0xff51afd7ed558ccdull;
      h ^= h >> 32;
    }
    uint64_t w = 0;
    for (size_t k = 0; i + k < s.size(); ++k) w |= static_cast<uint64_t>(static_cast<unsigned char>(s[i + k])) << (8 * k);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 29);
  }

 private:
  static constexpr uint32_t kEmpty = 0xffffffffu;
  struct Slot {
    const char* data = nullptr;
    uint32_t len = 0;
    uint32_t salt = 0;
    uint32_t tag = 0;  // the high half of the hash
    uint32_t id = kEmpty;
  };

  void rehash(size_t want) {
    size_t cap = 16;
    while (cap < want) cap *= 2;
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (const Slot& s : old) {
      if (s.id == kEmpty) continue;
      const uint64_t h = hash(std::string_view(s.data, s.len), s.salt);
      size_t i = static_cast<size_t>(h) & mask_;
      while (slots_[i].id != kEmpty) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t count_ = 0;
};

}  // namespace glosa::ner
