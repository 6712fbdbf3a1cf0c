// Gazetteer: phrase table, proper-form Bloom filter and word classes. Layer: engine/tagger.
#include "engine/tagger/gazetteer.h"

#include <algorithm>
#include <numeric>

#include "engine/text/utf8.h"

namespace glosa::ner {

namespace {

constexpr uint32_t kBloomHashes = 4;
constexpr uint32_t kKeyFilterShift = 11;  // 2^21 bits (256 KiB) for 32-bit keys
constexpr uint32_t kMaxBloomBitsLog2 = 26;

uint64_t form_hash(std::string_view s) { return mix64(fnv1a64(s, 0x51ed27u)); }

uint32_t class_key(std::string_view lower) {
  return static_cast<uint32_t>(mix64(fnv1a64(lower, 0xc1a55u)));
}

}  // namespace

std::string_view utf8_prefix(std::string_view s, size_t n) {
  size_t pos = 0;
  size_t len = 0;
  for (size_t k = 0; k < n && pos < s.size(); ++k) {
    decode_utf8(s, pos, &len);
    pos += len;
  }
  return s.substr(0, pos);
}

uint32_t phrase_key(const std::string_view* words, size_t n, bool fuzzy) {
  uint64_t h = fuzzy ? 0x7a11u : 0xe8ac7u;
  for (size_t i = 0; i < n; ++i) {
    if (i) h = fnv1a64(" ", h);
    h = fnv1a64(fuzzy ? utf8_prefix(words[i], 5) : words[i], h);
  }
  return static_cast<uint32_t>(mix64(h));
}

void Gazetteer::add_phrase(const std::vector<std::string>& words, uint8_t types) {
  if (words.empty() || words.size() > kMaxPhraseWords) return;
  std::vector<std::string_view> views(words.begin(), words.end());
  keys_.push_back(phrase_key(views.data(), views.size(), false));
  types_.push_back(types & 0x0f);
  keys_.push_back(phrase_key(views.data(), views.size(), true));
  types_.push_back(static_cast<uint8_t>((types & 0x0f) << kFuzzyShift));
}

void Gazetteer::add_proper_form(std::string_view form) { pending_forms_.emplace_back(form); }

void Gazetteer::add_word_class(std::string_view lower_form, uint32_t cls) {
  class_keys_.push_back(class_key(lower_form));
  classes_.push_back(cls);
}

void Gazetteer::finish(size_t bloom_bits_log2) {
  // Phrases: sort by key, OR the types of equal keys.
  std::vector<size_t> order(keys_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return keys_[a] != keys_[b] ? keys_[a] < keys_[b] : a < b;
  });
  std::vector<uint32_t> keys;
  std::vector<uint8_t> types;
  for (size_t i : order) {
    if (!keys.empty() && keys.back() == keys_[i]) types.back() |= types_[i];
    else { keys.push_back(keys_[i]); types.push_back(types_[i]); }
  }
  keys_ = std::move(keys);
  types_ = std::move(types);
  build_key_filter();
  // Word classes: sort, keep the first class of a duplicated key.
  order.assign(class_keys_.size(), 0);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return class_keys_[a] < class_keys_[b]; });
  std::vector<uint32_t> ck;
  std::vector<uint32_t> cv;
  for (size_t i : order) {
    if (!ck.empty() && ck.back() == class_keys_[i]) continue;
    ck.push_back(class_keys_[i]);
    cv.push_back(classes_[i]);
  }
  class_keys_ = std::move(ck);
  classes_ = std::move(cv);
  // Bloom filter.
  if (!pending_forms_.empty()) {
    bloom_bits_log2_ = static_cast<uint32_t>(std::min<size_t>(bloom_bits_log2, kMaxBloomBitsLog2));
    bloom_.assign((size_t{1} << bloom_bits_log2_) / 64, 0);
    const uint64_t mask = (uint64_t{1} << bloom_bits_log2_) - 1;
    for (const auto& f : pending_forms_) {
      const uint64_t h = form_hash(f);
      const uint64_t h1 = h & 0xffffffffu, h2 = (h >> 32) | 1;
      for (uint32_t k = 0; k < kBloomHashes; ++k) {
        const uint64_t bit = (h1 + k * h2) & mask;
        bloom_[bit / 64] |= uint64_t{1} << (bit % 64);
      }
    }
    pending_forms_.clear();
  }
}

void Gazetteer::build_key_filter() {
  key_filter_.assign(keys_.empty() ? 0 : (size_t{1} << (32 - kKeyFilterShift)) / 64, 0);
  for (uint32_t k : keys_) {
    const uint32_t bit = k >> kKeyFilterShift;
    key_filter_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
}

uint8_t Gazetteer::phrase_types(uint32_t key) const {
  if (key_filter_.empty()) return 0;
  const uint32_t bit = key >> kKeyFilterShift;
  if (!(key_filter_[bit / 64] >> (bit % 64) & 1)) return 0;
  auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
  if (it == keys_.end() || *it != key) return 0;
  return types_[static_cast<size_t>(it - keys_.begin())];
}

bool Gazetteer::is_proper_form(std::string_view form) const {
  if (bloom_.empty()) return false;
  const uint64_t mask = (uint64_t{1} << bloom_bits_log2_) - 1;
  const uint64_t h = form_hash(form);
  const uint64_t h1 = h & 0xffffffffu, h2 = (h >> 32) | 1;
  for (uint32_t k = 0; k < kBloomHashes; ++k) {
    const uint64_t bit = (h1 + k * h2) & mask;
    if (!(bloom_[bit / 64] >> (bit % 64) & 1)) return false;
  }
  return true;
}

int Gazetteer::word_class(std::string_view lower_form) const {
  if (class_keys_.empty()) return -1;
  const uint32_t key = class_key(lower_form);
  auto it = std::lower_bound(class_keys_.begin(), class_keys_.end(), key);
  if (it == class_keys_.end() || *it != key) return -1;
  return classes_[static_cast<size_t>(it - class_keys_.begin())];
}

// Layout: u32 n, n keys as varint deltas, n type bytes; u32 bloom log2 (0 = none), bloom
// words; u32 m, m class keys as varint deltas, m classes of 3 bytes (24 bits, low first).
void Gazetteer::write(ByteWriter& w) const {
  w.u32(static_cast<uint32_t>(keys_.size()));
  uint32_t prev = 0;
  for (uint32_t k : keys_) { w.varint(k - prev); prev = k; }
  w.bytes(types_.data(), types_.size());
  w.u32(bloom_.empty() ? 0 : bloom_bits_log2_);
  for (uint64_t b : bloom_) w.u64(b);
  w.u32(static_cast<uint32_t>(class_keys_.size()));
  prev = 0;
  for (uint32_t k : class_keys_) { w.varint(k - prev); prev = k; }
  for (uint32_t c : classes_) {
    w.u8(static_cast<uint8_t>(c));
    w.u8(static_cast<uint8_t>(c >> 8));
    w.u8(static_cast<uint8_t>(c >> 16));
  }
}

bool Gazetteer::read(ByteReader& r, int class_bytes) {
  const uint32_t n = r.u32();
  if (!r.ok() || n > r.remaining()) { r.fail(); return false; }
  keys_.resize(n);
  uint64_t acc = 0;
  for (uint32_t i = 0; i < n; ++i) {
    acc += r.varint();
    if (acc > 0xffffffffu) { r.fail(); return false; }
    keys_[i] = static_cast<uint32_t>(acc);
  }
  const uint8_t* t = r.bytes(n);
  if (!t) return false;
  types_.assign(t, t + n);
  for (uint32_t i = 1; i < n; ++i) {
    if (keys_[i] <= keys_[i - 1]) { r.fail(); return false; }  // sorted, unique: binary search needs it
  }
  build_key_filter();
  bloom_bits_log2_ = r.u32();
  if (bloom_bits_log2_ != 0) {
    if (bloom_bits_log2_ < 6 || bloom_bits_log2_ > kMaxBloomBitsLog2) { r.fail(); return false; }
    const size_t words = (size_t{1} << bloom_bits_log2_) / 64;
    if (words * 8 > r.remaining()) { r.fail(); return false; }
    bloom_.resize(words);
    for (auto& b : bloom_) b = r.u64();
  } else {
    bloom_.clear();
  }
  const uint32_t m = r.u32();
  if (!r.ok() || m > r.remaining()) { r.fail(); return false; }
  class_keys_.resize(m);
  acc = 0;
  for (uint32_t i = 0; i < m; ++i) {
    acc += r.varint();
    if (acc > 0xffffffffu) { r.fail(); return false; }
    class_keys_[i] = static_cast<uint32_t>(acc);
  }
  classes_.resize(m);
  for (uint32_t i = 0; i < m; ++i) {
    const uint32_t b0 = r.u8(), b1 = r.u8(), b2 = class_bytes == 3 ? r.u8() : 0;
    classes_[i] = b0 | b1 << 8 | b2 << 16;
  }
  return r.ok();
}

}  // namespace glosa::ner
