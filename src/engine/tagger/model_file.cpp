// Binary encoding of the NER model file. Layer: engine/tagger.
#include "engine/tagger/model_file.h"

#include <cmath>
#include <cstring>

#include "engine/tagger/binary_io.h"
#include "engine/tagger/features.h"

namespace glosa::ner {

namespace {

constexpr size_t kHeaderSize = 8 + 4 + 4 + 8 + 8;

Status bad(const std::string& why) { return Status(ErrorCode::BadModel, "bad model file: " + why); }

}  // namespace

// Payload: str lang, str name, u32 T, T × str tag, u32 bucket bits, f32 scale, f32 temperature,
// f32 O bias, u8 flags (bit 0: second pass; bit 1: a window network follows the names),
// T × f32 start, T² × f32 transition, u32 row count, then per row: varint key delta,
// u64 mask of non-zero tags, one int8 per set bit; u32 K, K × str subtype, f32 subtype scale,
// u32 subtype rows, per row varint key delta and K int8; then the gazetteer and the training
// names (Gazetteer::write each).
std::vector<uint8_t> serialize_model(const ModelData& m) {
  const size_t T = m.tags.size();
  ByteWriter p;
  p.str(m.lang);
  p.str(m.name);
  p.u32(static_cast<uint32_t>(T));
  for (const auto& t : m.tags) p.str(t);
  p.u32(m.bucket_bits);
  p.f32(m.weight_scale);
  p.f32(m.temperature);
  p.f32(m.o_bias);
  p.u8(static_cast<uint8_t>((m.second_pass ? 1 : 0) | (m.net.empty() ? 0 : 2)));
  for (float v : m.start) p.f32(v);
  for (float v : m.transition) p.f32(v);
  p.u32(static_cast<uint32_t>(m.row_keys.size()));
  uint32_t prev = 0;
  for (size_t r = 0; r < m.row_keys.size(); ++r) {
    p.varint(m.row_keys[r] - prev);
    prev = m.row_keys[r];
    const int8_t* row = &m.rows[r * T];
    uint64_t mask = 0;
    for (size_t j = 0; j < T; ++j) if (row[j] != 0) mask |= uint64_t{1} << j;
    p.u64(mask);
    for (size_t j = 0; j < T; ++j) if (row[j] != 0) p.u8(static_cast<uint8_t>(row[j]));
  }
  const size_t K = m.subtypes.size();
  p.u32(static_cast<uint32_t>(K));
  for (const auto& st : m.subtypes) p.str(st);
  p.f32(m.subtype_scale);
  p.u32(static_cast<uint32_t>(m.subtype_keys.size()));
  prev = 0;
  for (size_t r = 0; r < m.subtype_keys.size(); ++r) {
    p.varint(m.subtype_keys[r] - prev);
    prev = m.subtype_keys[r];
    p.bytes(&m.subtype_rows[r * K], K);
  }
  m.gazetteer.write(p);
  m.names.write(p);
  if (!m.net.empty()) m.net.write(p);

  const std::vector<uint8_t>& payload = p.data();
  ByteWriter out;
  out.bytes(kModelMagic, 8);
  out.u32(kModelFormatVersion);
  out.u32(kFeatureVersion);
  out.u64(payload.size());
  out.u64(fnv1a64(std::string_view(reinterpret_cast<const char*>(payload.data()), payload.size())));
  out.bytes(payload.data(), payload.size());
  return std::move(out.data());
}

Result<ModelData> parse_model(const uint8_t* data, size_t size) {
  if (data == nullptr || size < kHeaderSize) {
    return bad("the file is " + std::to_string(size) + " bytes, shorter than the " +
               std::to_string(kHeaderSize) + "-byte header (truncated?)");
  }
  if (std::memcmp(data, kModelMagic, 8) != 0) return bad("no GLOSANER magic: not a Glosa NER model");
  ByteReader h(data + 8, kHeaderSize - 8);
  const uint32_t version = h.u32();
  const uint32_t feature_version = h.u32();
  const uint64_t payload_size = h.u64();
  const uint64_t checksum = h.u64();
  // Format 4 with feature set 7 (the models before BILOU, middle classes and training names)
  // is still read: its tokens have no kMid and no kSeen, so set 8 computes its features.
  const bool v4 = version == 4 && feature_version == 7;
  if (version != kModelFormatVersion && !v4) {
    return Status(ErrorCode::BadModelVersion,
                  "model format version " + std::to_string(version) + "; this build reads versions 4 and " +
                      std::to_string(kModelFormatVersion));
  }
  if (feature_version != kFeatureVersion && !v4) {
    return Status(ErrorCode::BadModelVersion,
                  "model built for feature set " + std::to_string(feature_version) +
                      "; this build computes feature set " + std::to_string(kFeatureVersion) +
                      " (and reads set 7 in format 4)");
  }
  if (payload_size != size - kHeaderSize) {
    return bad("payload is " + std::to_string(size - kHeaderSize) + " bytes, header says " +
               std::to_string(payload_size) + " (truncated or padded)");
  }
  const uint8_t* payload = data + kHeaderSize;
  const size_t n = size - kHeaderSize;
  if (fnv1a64(std::string_view(reinterpret_cast<const char*>(payload), n)) != checksum) {
    return bad("checksum mismatch (corrupt file)");
  }

  ModelData m;
  ByteReader r(payload, n);
  m.lang = r.str(16);
  m.name = r.str(256);
  const uint32_t T = r.u32();
  if (!r.ok() || T < 1 || T > kMaxTags) return bad("tag count out of range");
  for (uint32_t i = 0; i < T; ++i) m.tags.push_back(r.str(64));
  m.bucket_bits = r.u32();
  if (!r.ok() || m.bucket_bits < 8 || m.bucket_bits > kMaxBucketBits) {
    return bad("hash size out of range");
  }
  m.weight_scale = r.f32();
  m.temperature = r.f32();
  m.o_bias = r.f32();
  if (!std::isfinite(m.weight_scale) || !std::isfinite(m.temperature) || m.temperature <= 0) {
    return bad("weight scale or temperature is not a positive number");
  }
  if (!std::isfinite(m.o_bias)) return bad("O bias is not a finite number");
  const uint8_t flags = r.u8();
  if (flags > 3 || (v4 && flags > 1)) return bad("unknown flags");
  m.second_pass = flags & 1;
  if (r.remaining() < (size_t{T} + size_t{T} * T) * 4) return bad("scores truncated");
  m.start.resize(T);
  for (auto& v : m.start) v = r.f32();
  m.transition.resize(size_t{T} * T);
  for (auto& v : m.transition) v = r.f32();
  for (float v : m.start) if (!std::isfinite(v)) return bad("non-finite start score");
  for (float v : m.transition) if (!std::isfinite(v)) return bad("non-finite transition score");
  const uint32_t rows = r.u32();
  if (!r.ok() || rows > r.remaining()) return bad("row count out of range");
  m.row_keys.resize(rows);
  m.rows.assign(size_t{rows} * T, 0);
  uint64_t key = 0;
  const uint64_t max_key = (uint64_t{1} << m.bucket_bits) - 1;
  for (uint32_t i = 0; i < rows; ++i) {
    const uint64_t delta = r.varint();
    if (i > 0 && delta == 0) return bad("weight rows are not sorted");
    key += delta;
    if (key > max_key) return bad("weight row key out of range");
    m.row_keys[i] = static_cast<uint32_t>(key);
    const uint64_t mask = r.u64();
    if (T < 64 && (mask >> T) != 0) return bad("weight row mask names a tag that does not exist");
    for (uint32_t j = 0; j < T; ++j) {
      if (mask >> j & 1) m.rows[size_t{i} * T + j] = static_cast<int8_t>(r.u8());
    }
    if (!r.ok()) return bad("weight rows truncated");
  }
  const uint32_t K = r.u32();
  if (!r.ok() || K > kMaxTags) return bad("subtype count out of range");
  for (uint32_t i = 0; i < K; ++i) m.subtypes.push_back(r.str(64));
  m.subtype_scale = r.f32();
  if (!std::isfinite(m.subtype_scale)) return bad("subtype scale is not a number");
  const uint32_t srows = r.u32();
  if (!r.ok() || (srows > 0 && K == 0) || srows > r.remaining()) return bad("subtype row count out of range");
  key = 0;
  m.subtype_keys.resize(srows);
  m.subtype_rows.resize(size_t{srows} * K);
  for (uint32_t i = 0; i < srows; ++i) {
    const uint64_t delta = r.varint();
    if (i > 0 && delta == 0) return bad("subtype rows are not sorted");
    key += delta;
    if (key > max_key) return bad("subtype row key out of range");
    m.subtype_keys[i] = static_cast<uint32_t>(key);
    const uint8_t* b = r.bytes(K);
    if (!b) return bad("subtype rows truncated");
    std::memcpy(&m.subtype_rows[size_t{i} * K], b, K);
  }
  if (!m.gazetteer.read(r, v4 ? 2 : 3)) return bad("gazetteer section truncated or inconsistent");
  if (!v4 && !m.names.read(r)) return bad("training-names section truncated or inconsistent");
  if ((flags & 2) && !m.net.read(r, T)) return bad("window network section truncated or inconsistent");
  if (!r.at_end()) return bad("unexpected bytes after the training names");
  if (m.lang.empty()) return bad("no language");
  return m;
}

}  // namespace glosa::ner
