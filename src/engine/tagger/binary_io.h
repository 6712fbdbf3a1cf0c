// Little-endian byte writer and a bounds-checked reader for the model file, plus the FNV-1a
// hashes used for checksums and feature keys. Layer: engine/tagger.
// The reader never reads past its buffer: every failed read sets a sticky error flag and
// returns zero, so a truncated or corrupt file is refused by checking ok() once at the end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace glosa::ner {

// 64-bit FNV-1a over bytes; `seed` continues an earlier hash.
constexpr uint64_t fnv1a64(std::string_view s, uint64_t seed = 1469598103934665603ull) {
  uint64_t h = seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// A strong 64-bit mixer (splitmix64's finaliser): combines hashes of feature parts.
constexpr uint64_t mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// Appends little-endian values to a byte vector.
class ByteWriter {
 public:
  void u8(uint8_t v) { out_.push_back(v); }
  void u32(uint32_t v) { for (int i = 0; i < 4; ++i) out_.push_back(static_cast<uint8_t>(v >> (8 * i))); }
  void u64(uint64_t v) { for (int i = 0; i < 8; ++i) out_.push_back(static_cast<uint8_t>(v >> (8 * i))); }
  void f32(float v);
  void varint(uint64_t v) {
    while (v >= 0x80) { out_.push_back(static_cast<uint8_t>(v | 0x80)); v >>= 7; }
    out_.push_back(static_cast<uint8_t>(v));
  }
  void str(std::string_view s) { u32(static_cast<uint32_t>(s.size())); bytes(s.data(), s.size()); }
  void bytes(const void* p, size_t n) {
    const auto* b = static_cast<const uint8_t*>(p);
    out_.insert(out_.end(), b, b + n);
  }
  std::vector<uint8_t>& data() { return out_; }

 private:
  std::vector<uint8_t> out_;
};

// Reads little-endian values from [data, data + size). Lifetime: borrows the buffer.
class ByteReader {
 public:
  ByteReader(const uint8_t* data, size_t size) : p_(data), size_(size) {}

  bool ok() const { return ok_; }
  size_t pos() const { return pos_; }
  size_t remaining() const { return ok_ ? size_ - pos_ : 0; }
  bool at_end() const { return ok_ && pos_ == size_; }

  uint8_t u8() { return need(1) ? p_[pos_++] : 0; }
  uint32_t u32() {
    if (!need(4)) return 0;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(p_[pos_ + i]) << (8 * i);
    pos_ += 4;
    return v;
  }
  uint64_t u64() {
    if (!need(8)) return 0;
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(p_[pos_ + i]) << (8 * i);
    pos_ += 8;
    return v;
  }
  float f32();
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const uint8_t b = u8();
      if (!ok_) return 0;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    ok_ = false;  // more than 10 bytes: corrupt
    return 0;
  }
  // A u32 length then that many bytes; refuses lengths above max_len.
  std::string str(size_t max_len = 1024) {
    const uint32_t n = u32();
    if (n > max_len || !need(n)) { ok_ = false; return {}; }
    std::string s(reinterpret_cast<const char*>(p_ + pos_), n);
    pos_ += n;
    return s;
  }
  // Borrows n bytes; nullptr (and the error flag) when fewer remain.
  const uint8_t* bytes(size_t n) {
    if (!need(n)) return nullptr;
    const uint8_t* b = p_ + pos_;
    pos_ += n;
    return b;
  }
  void fail() { ok_ = false; }

 private:
  bool need(size_t n) {
    if (!ok_ || n > size_ - pos_) { ok_ = false; return false; }
    return true;
  }
  const uint8_t* p_;
  size_t size_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace glosa::ner
