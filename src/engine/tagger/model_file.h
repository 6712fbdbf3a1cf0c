// The NER model file: its in-memory form (ModelData) and the versioned binary encoding that
// the trainer writes and NerModel::load reads. Layer: engine/tagger. No file I/O: bytes only.
//
// Layout (little-endian):
//   "GLOSANER"  8-byte magic
//   u32 format version (kModelFormatVersion), u32 feature version (kFeatureVersion)
//   u64 payload size, u64 FNV-1a-64 checksum of the payload
//   payload: lang, name, tag set, hashing bits, weight scale, temperature, O bias, flags, start and
//            transition scores, sparse int8 weight rows, LOC subtype classifier, gazetteer,
//            training names (see model_file.cpp)
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/error.h"
#include "engine/tagger/gazetteer.h"
#include "engine/tagger/window_net.h"

namespace glosa::ner {

constexpr char kModelMagic[8] = {'G', 'L', 'O', 'S', 'A', 'N', 'E', 'R'};
constexpr uint32_t kModelFormatVersion = 5;
constexpr size_t kMaxTags = 64;
constexpr uint32_t kMaxBucketBits = 28;

struct ModelData {
  std::string lang;                 // "pl", "en"
  std::string name;                 // "ner-pl 2026-11-25", shown in provenance
  std::vector<std::string> tags;    // "O", "B-PER", "I-LOC/country": BIO over label[/subtype]
  uint32_t bucket_bits = 22;        // feature hash -> bucket = hash & (2^bits - 1)
  float weight_scale = 1.0f;        // score = int8 weight * weight_scale
  float temperature = 1.0f;         // scores are divided by this before marginals
  float o_bias = 0.0f;              // added to the O tag's emission score at every token
                                    // (calibrated on dev: > 0 trades recall for precision)
  bool second_pass = false;         // trained with kDocLabel (features.h): tag() runs a
                                    // second, document-level pass
  std::vector<float> start;         // tags.size(): score of each tag at a sentence start
  std::vector<float> transition;    // tags.size()^2, [prev * T + next]
  std::vector<uint32_t> row_keys;   // sorted, unique buckets that carry weights
  std::vector<int8_t> rows;         // row_keys.size() * T quantised weights
  // LOC subtype classifier over span features (features.h: span_feature_hashes): classes
  // ("" = no subtype), sorted unique buckets, K int8 weights per bucket. Empty: no subtypes.
  std::vector<std::string> subtypes;
  float subtype_scale = 1.0f;
  std::vector<uint32_t> subtype_keys;
  std::vector<int8_t> subtype_rows;
  Gazetteer gazetteer;
  // Names seen in the training data (features.h: kSeen): phrases of gold spans, typed by
  // the labels they carried (kNameTypes); only phrases, no proper forms or word classes.
  Gazetteer names;
  // The window network added to the emission scores (window_net.h); empty: none. In the
  // file after the training names, flagged by bit 1 of the flags byte.
  WindowNet net;
};

// Encodes a model (header, checksum, payload).
std::vector<uint8_t> serialize_model(const ModelData& model);

// Decodes and validates a model file held in memory. Errors: BadModel (too short, bad magic,
// size or checksum mismatch, inconsistent payload), BadModelVersion (format or feature
// version this build does not read). Never reads outside [data, data + size).
Result<ModelData> parse_model(const uint8_t* data, size_t size);

}  // namespace glosa::ner
