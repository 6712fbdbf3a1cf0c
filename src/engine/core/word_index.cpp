// WordIndex: the hash and the open-addressing table. Layer: engine/core.
#include "engine/core/word_index.h"

#include <cstring>

namespace glosa {

uint64_t word_hash(std::string_view s) {
  // Words are short: mix eight bytes at a time (the tail zero-padded), then the length.
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = 0x243F6A8885A308D3ull;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t chunk = 0;
    std::memcpy(&chunk, s.data() + i, 8);
    h = (h ^ chunk) * kMul;
    h ^= h >> 32;
  }
  if (i < s.size()) {
    uint64_t chunk = 0;
    std::memcpy(&chunk, s.data() + i, s.size() - i);
    h = (h ^ chunk) * kMul;
    h ^= h >> 32;
  }
  h ^= s.size();  // then MurmurHash3's finaliser, so that the low bits (the slot) mix well
  h = (h ^ (h >> 33)) * 0xFF51AFD7ED558CCDull;
  h = (h ^ (h >> 33)) * 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}

WordIndex::WordIndex(const std::vector<std::string_view>& keys) {
  size_t capacity = 8;
  while (capacity < 2 * keys.size()) capacity *= 2;
  slots_.resize(capacity);
  mask_ = capacity - 1;
  for (size_t k = 0; k < keys.size(); ++k) {
    const uint64_t h = word_hash(keys[k]);
    if (find(keys[k], h) >= 0) continue;  // the first occurrence wins
    size_t slot = h & mask_;
    while (slots_[slot].index >= 0) slot = (slot + 1) & mask_;
    slots_[slot] = Slot{h, keys[k], static_cast<int>(k)};
  }
}

}  // namespace glosa
