// The adaptation layer's storage and its file encoding. Layer: engine/tagger.
#include "engine/tagger/adaptation.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "engine/tagger/binary_io.h"
#include "engine/tagger/features.h"
#include "engine/tagger/model_file.h"

namespace glosa::ner {

namespace {

constexpr size_t kHeaderSize = 8 + 4 + 4 + 8 + 8;

Status bad(const std::string &why) {
  return Status(ErrorCode::BadModel, "bad adaptation file: " + why);
}

} // namespace

Adaptation::Adaptation(std::string lang, std::string model_name,
                       std::vector<std::string> tags)
    : lang_(std::move(lang)), model_name_(std::move(model_name)),
      tags_(std::move(tags)) {
  // Tags of one label share a number: "B-PER", "I-PER" -> the index of the
  // first "?-PER".
  label_of_.resize(tags_.size(), 0);
  for (size_t j = 0; j < tags_.size(); ++j) {
    const std::string label =
        tags_[j].size() > 2 ? tags_[j].substr(2) : std::string();
    label_of_[j] = static_cast<uint32_t>(j);
    for (size_t i = 0; i < j; ++i) {
      const std::string other =
          tags_[i].size() > 2 ? tags_[i].substr(2) : std::string();
      if (other == label) {
        label_of_[j] = label_of_[i];
        break;
      }
    }
  }
}

void Adaptation::add_taught_names(
    const std::vector<std::pair<std::vector<std::string>, uint8_t>> &names, bool own) {
  if (names.empty())
    return;
  for (const auto &[words, types] : names)
    if (!words.empty() && words.size() <= kMaxPhraseWords)
      taught_[words] |= static_cast<uint8_t>(types | (own ? kOwnName : 0));
  rebuild_taught_matcher();
}

void Adaptation::forget_taught_names(
    const std::vector<std::vector<std::string>> &names) {
  size_t erased = 0;
  for (const auto &words : names)
    erased += taught_.erase(words);
  if (erased > 0)
    rebuild_taught_matcher();
}

void Adaptation::rebuild_taught_matcher() {
  taught_matcher_ = Gazetteer();
  for (const auto &[words, types] : taught_)
    taught_matcher_.add_phrase(words, static_cast<uint8_t>(types & ~kOwnName));
  taught_matcher_.finish(0);
}

float *Adaptation::row_for(std::unordered_map<uint64_t, uint32_t> &index,
                           std::vector<float> &values, uint64_t feature) {
  const size_t T = tags_.size();
  auto it = index.find(feature);
  if (it == index.end()) {
    if (index.size() >= kMaxAdaptationRows)
      return nullptr;
    it = index.emplace(feature, static_cast<uint32_t>(index.size())).first;
    values.resize(values.size() + T, 0.0f);
  }
  return &values[static_cast<size_t>(it->second) * T];
}

bool Adaptation::count_evidence(uint64_t feature, size_t j) {
  GLOSA_ASSERT(j < tags_.size(), "tag index inside the tag set");
  float *row = row_for(evidence_index_, evidence_, feature);
  if (!row)
    return false;
  row[j] = std::min(row[j] + 1.0f, kMaxAdaptationValue); // what a file may hold
  return true;
}

float Adaptation::support(uint64_t feature, size_t j) const {
  const size_t T = tags_.size();
  auto it = evidence_index_.find(feature);
  if (it == evidence_index_.end() || j >= T)
    return 1.0f;
  const float *row = &evidence_[static_cast<size_t>(it->second) * T];
  float total = 0, same = 0;
  for (size_t i = 0; i < T; ++i) {
    total += row[i];
    if (label_of_[i] == label_of_[j])
      same += row[i];
  }
  return total > 0 ? same / total : 1.0f;
}

bool Adaptation::add(uint64_t feature, size_t j, float delta) {
  GLOSA_ASSERT(j < tags_.size(), "tag index inside the tag set");
  float *row = row_for(index_, rows_, feature);
  if (!row)
    return false;
  row[j] = std::clamp(row[j] + delta, -kMaxAdaptationValue,
                      kMaxAdaptationValue); // what a file may hold
  return true;
}

bool Adaptation::sum_values(const Adaptation &other, float sign) {
  GLOSA_ASSERT(other.tags_ == tags_, "adaptations of one tag set");
  const size_t T = tags_.size();
  bool all = true;
  const auto add_table = [&](std::unordered_map<uint64_t, uint32_t> &index, std::vector<float> &values,
                             const std::unordered_map<uint64_t, uint32_t> &from, const std::vector<float> &from_values) {
    // In hash order, so that the same files give the same rows whatever the map's order.
    std::vector<uint64_t> keys;
    for (const auto &[feature, row] : from) keys.push_back(feature);
    std::sort(keys.begin(), keys.end());
    for (uint64_t feature : keys) {
      float *row = row_for(index, values, feature);
      if (!row) {
        all = false;
        continue;
      }
      const float *add = &from_values[static_cast<size_t>(from.at(feature)) * T];
      for (size_t j = 0; j < T; ++j)
        row[j] = std::clamp(row[j] + sign * add[j], -kMaxAdaptationValue, kMaxAdaptationValue);
    }
  };
  add_table(index_, rows_, other.index_, other.rows_);
  add_table(evidence_index_, evidence_, other.evidence_index_, other.evidence_);
  for (float &v : evidence_)
    v = std::max(v, 0.0f);
  const NetDeltas &theirs = other.net_deltas_;
  if (!theirs.empty() && (net_deltas_.empty() || net_deltas_.net == theirs.net)) {
    net_deltas_.net = theirs.net;
    std::vector<uint32_t> buckets;
    for (const auto &[bucket, row] : theirs.rows)
      buckets.push_back(bucket);
    std::sort(buckets.begin(), buckets.end());
    for (uint32_t bucket : buckets) {
      float *row = net_deltas_.row(bucket, theirs.dims);
      if (!row) {
        all = false;
        continue;
      }
      const std::vector<float> &add = theirs.rows.at(bucket);
      for (size_t d = 0; d < add.size(); ++d)
        row[d] = std::clamp(row[d] + sign * add[d], -kMaxNetDeltaValue, kMaxNetDeltaValue);
    }
  }
  if (sign > 0) {
    steps_ += other.steps_;
    documents_ += other.documents_;
    // Another file's names are not learnt here, whatever they were there.
    std::vector<std::pair<std::vector<std::string>, uint8_t>> names;
    for (const auto &[words, types] : other.taught_)
      names.emplace_back(words, static_cast<uint8_t>(types & ~kOwnName));
    add_taught_names(names);
  } else {
    steps_ -= std::min(steps_, other.steps_);
    documents_ -= std::min(documents_, other.documents_);
  }
  return all;
}

void Adaptation::join_origins(const Adaptation &other) {
  std::vector<uint64_t> origins = added_origins_;
  if (other.own_origin_)
    origins.push_back(other.own_origin_);
  origins.insert(origins.end(), other.added_origins_.begin(), other.added_origins_.end());
  std::sort(origins.begin(), origins.end());
  origins.erase(std::unique(origins.begin(), origins.end()), origins.end());
  origins.erase(std::remove(origins.begin(), origins.end(), own_origin_), origins.end());
  if (origins.size() > kMaxAdaptationOrigins)
    origins.resize(kMaxAdaptationOrigins); // a guard, not a limit any team reaches
  added_origins_ = std::move(origins);
}

Adaptation Adaptation::as_part() const {
  Adaptation part = *this;
  part.parts_.clear();
  return part;
}

bool Adaptation::add_from(const Adaptation &other) {
  const bool all = sum_values(other, 1.0f);
  join_origins(other);
  if (other.own_origin_ && parts_.size() < kMaxAdaptationParts && !part(other.own_origin_))
    parts_.push_back(other.as_part());
  return all;
}

const Adaptation *Adaptation::part(uint64_t origin) const {
  for (const Adaptation &p : parts_)
    if (origin != 0 && p.own_origin_ == origin)
      return &p;
  return nullptr;
}

bool Adaptation::replace_part(const Adaptation &newer) {
  auto older = std::find_if(parts_.begin(), parts_.end(),
                            [&](const Adaptation &p) { return p.own_origin_ == newer.own_origin_; });
  GLOSA_ASSERT(older != parts_.end() && newer.own_origin_ != 0, "a part with the newer copy's origin");
  bool all = sum_values(*older, -1.0f);
  all = sum_values(newer, 1.0f) && all;
  // The older copy's origins go (those of other parts are disjoint from them), the newer's come.
  const std::vector<uint64_t> &gone = older->added_origins_;
  added_origins_.erase(std::remove_if(added_origins_.begin(), added_origins_.end(),
                                      [&](uint64_t id) {
                                        return id == older->own_origin_ ||
                                               std::binary_search(gone.begin(), gone.end(), id);
                                      }),
                       added_origins_.end());
  join_origins(newer);
  // The older copy's names that no other source still gives: the newer copy dropped them
  // (a colleague rejected them). Each keeps the types the other sources give it.
  std::vector<std::vector<std::string>> names_of_older;
  for (const auto &[words, types] : older->taught_)
    names_of_older.push_back(words);
  *older = newer.as_part();
  bool changed = false;
  for (const auto &words : names_of_older) {
    auto it = taught_.find(words);
    if (it == taught_.end() || (it->second & kOwnName))
      continue;
    uint8_t types = 0;
    for (const Adaptation &p : parts_) {
      auto found = p.taught_.find(words);
      if (found != p.taught_.end())
        types |= static_cast<uint8_t>(found->second & ~kOwnName);
    }
    if (types == it->second)
      continue;
    changed = true;
    if (types == 0)
      taught_.erase(it);
    else
      it->second = types;
  }
  if (changed)
    rebuild_taught_matcher();
  return all;
}

bool Adaptation::shares_origin(const Adaptation &other, const Adaptation *except) const {
  const auto excepted = [except](uint64_t id) {
    return except && (id == except->own_origin_ ||
                      std::binary_search(except->added_origins_.begin(), except->added_origins_.end(), id));
  };
  const auto here = [&](uint64_t id) {
    return id != 0 && !excepted(id) &&
           (id == own_origin_ || std::binary_search(added_origins_.begin(), added_origins_.end(), id));
  };
  return here(other.own_origin_) ||
         std::any_of(other.added_origins_.begin(), other.added_origins_.end(), here);
}

namespace {

// u32 row count, then per row (sorted by feature hash) a varint hash delta, a
// u64 mask of the non-zero tags and one f32 per set bit.
void write_rows(ByteWriter &p,
                const std::unordered_map<uint64_t, uint32_t> &index,
                const std::vector<float> &rows, size_t T) {
  std::vector<std::pair<uint64_t, uint32_t>> sorted(index.begin(), index.end());
  std::sort(sorted.begin(), sorted.end());
  p.u32(static_cast<uint32_t>(sorted.size()));
  uint64_t prev = 0;
  for (const auto &[feature, row] : sorted) {
    p.varint(feature - prev);
    prev = feature;
    const float *r = &rows[static_cast<size_t>(row) * T];
    uint64_t mask = 0;
    for (size_t j = 0; j < T; ++j)
      if (r[j] != 0.0f)
        mask |= uint64_t{1} << j;
    p.u64(mask);
    for (size_t j = 0; j < T; ++j)
      if (r[j] != 0.0f)
        p.f32(r[j]);
  }
}

// Reads what write_rows wrote; an error message, or "" when the rows are well
// formed.
std::string read_rows(ByteReader &r, size_t T,
                      std::unordered_map<uint64_t, uint32_t> *index,
                      std::vector<float> *rows_out) {
  const uint32_t rows = r.u32();
  if (!r.ok() || rows > r.remaining() || rows > kMaxAdaptationRows)
    return "row count out of range";
  rows_out->assign(size_t{rows} * T, 0.0f);
  index->reserve(rows);
  uint64_t feature = 0;
  for (uint32_t i = 0; i < rows; ++i) {
    const uint64_t delta = r.varint();
    if (i > 0 && delta == 0)
      return "rows are not sorted or repeat a feature";
    if (delta > ~uint64_t{0} - feature)
      return "feature hash out of range";
    feature += delta;
    const uint64_t mask = r.u64();
    if (T < 64 && (mask >> T) != 0)
      return "a row's mask names a tag that does not exist";
    for (uint32_t j = 0; j < T; ++j) {
      if (!(mask >> j & 1))
        continue;
      const float v = r.f32();
      if (!(std::fabs(v) <= kMaxAdaptationValue))
        return "a delta is not a number of at most " +
               std::to_string(static_cast<long>(kMaxAdaptationValue)) +
               " in size";
      (*rows_out)[size_t{i} * T + j] = v;
    }
    if (!r.ok())
      return "rows truncated";
    index->emplace(feature, i);
  }
  return "";
}

} // namespace

std::vector<uint8_t> Adaptation::serialize() const {
  const size_t T = tags_.size();
  ByteWriter p;
  p.str(lang_);
  p.str(model_name_);
  p.u32(static_cast<uint32_t>(T));
  for (const auto &t : tags_)
    p.str(t);
  p.u64(steps_);
  p.u64(documents_);
  write_rows(p, index_, rows_, T);
  write_rows(p, evidence_index_, evidence_, T);
  p.u32(static_cast<uint32_t>(taught_.size()));
  for (const auto &[words, types] : taught_) {
    p.u8(types);
    p.u8(static_cast<uint8_t>(words.size()));
    for (const auto &w : words)
      p.str(w);
  }
  std::vector<uint32_t> buckets;
  for (const auto &[bucket, row] : net_deltas_.rows)
    buckets.push_back(bucket);
  std::sort(buckets.begin(), buckets.end());
  p.u64(net_deltas_.net);
  p.u32(net_deltas_.dims);
  p.u32(static_cast<uint32_t>(buckets.size()));
  for (uint32_t bucket : buckets) {
    p.u32(bucket);
    for (float v : net_deltas_.rows.at(bucket))
      p.f32(v);
  }
  p.u64(own_origin_);
  p.u32(static_cast<uint32_t>(added_origins_.size()));
  for (uint64_t id : added_origins_)
    p.u64(id);
  p.u32(static_cast<uint32_t>(parts_.size()));
  for (const Adaptation &part : parts_) {
    const std::vector<uint8_t> bytes = part.serialize();
    p.u64(bytes.size());
    p.bytes(bytes.data(), bytes.size());
  }
  const std::vector<uint8_t> &payload = p.data();
  ByteWriter out;
  for (char c : kAdaptationMagic)
    out.u8(static_cast<uint8_t>(c));
  out.u32(kAdaptationFormatVersion);
  out.u32(kFeatureVersion);
  out.u64(payload.size());
  out.u64(fnv1a64(std::string_view(
      reinterpret_cast<const char *>(payload.data()), payload.size())));
  out.bytes(payload.data(), payload.size());
  return std::move(out.data());
}

Result<Adaptation> Adaptation::parse(const uint8_t *data, size_t size) {
  return parse_file(data, size, false);
}

Result<Adaptation> Adaptation::parse_file(const uint8_t *data, size_t size, bool as_part) {
  if (data == nullptr || size < kHeaderSize) {
    return bad("the file is " + std::to_string(size) +
               " bytes, shorter than the " + std::to_string(kHeaderSize) +
               "-byte header (truncated?)");
  }
  if (std::memcmp(data, kAdaptationMagic, 8) != 0) {
    return bad("no GLOSAADP magic: not a Glosa adaptation file");
  }
  ByteReader h(data + 8, kHeaderSize - 8);
  const uint32_t version = h.u32();
  const uint32_t feature_version = h.u32();
  const uint64_t payload_size = h.u64();
  const uint64_t checksum = h.u64();
  // Format 1 (no evidence counts) is still read: its deltas apply as before,
  // and the evidence of its reviews starts empty; format 2 has no network
  // deltas, format 3 no origins. Feature set 7's adaptable
  // features are set 8's (features.cpp keeps their template seeds), so a set-7
  // file is read too.
  if (version < 1 || version > kAdaptationFormatVersion) {
    return Status(ErrorCode::BadModelVersion,
                  "adaptation format version " + std::to_string(version) +
                      "; this build reads versions 1 to " +
                      std::to_string(kAdaptationFormatVersion));
  }
  if (feature_version != kFeatureVersion && feature_version != 7) {
    return Status(ErrorCode::BadModelVersion,
                  "adaptation learnt on feature set " +
                      std::to_string(feature_version) +
                      "; this build computes feature set " +
                      std::to_string(kFeatureVersion));
  }
  if (payload_size != size - kHeaderSize) {
    return bad("payload is " + std::to_string(size - kHeaderSize) +
               " bytes, header says " + std::to_string(payload_size) +
               " (truncated or padded)");
  }
  const uint8_t *payload = data + kHeaderSize;
  const size_t n = size - kHeaderSize;
  if (fnv1a64(std::string_view(reinterpret_cast<const char *>(payload), n)) !=
      checksum) {
    return bad("checksum mismatch (corrupt file)");
  }
  ByteReader r(payload, n);
  std::string lang = r.str(16);
  std::string name = r.str(256);
  const uint32_t T = r.u32();
  if (!r.ok() || T < 1 || T > kMaxTags)
    return bad("tag count out of range");
  std::vector<std::string> tags;
  for (uint32_t i = 0; i < T; ++i)
    tags.push_back(r.str(64));
  Adaptation a(std::move(lang), std::move(name), std::move(tags));
  a.steps_ = r.u64();
  a.documents_ = r.u64();
  std::string error = read_rows(r, T, &a.index_, &a.rows_);
  if (!error.empty())
    return bad(error);
  if (version >= 2) {
    error = read_rows(r, T, &a.evidence_index_, &a.evidence_);
    if (!error.empty())
      return bad("evidence " + error);
    const uint32_t names = r.u32();
    if (!r.ok() || names > r.remaining())
      return bad("taught name count out of range");
    std::vector<std::pair<std::vector<std::string>, uint8_t>> taught;
    for (uint32_t i = 0; i < names; ++i) {
      const uint8_t types = r.u8();
      const uint8_t words = r.u8();
      const uint8_t type_bits = static_cast<uint8_t>(types & ~(version >= 5 ? kOwnName : 0));
      if (!r.ok() || type_bits == 0 || type_bits > 15 || words == 0 ||
          words > kMaxPhraseWords)
        return bad("taught name " + std::to_string(i) +
                   ": type bits or word count out of range");
      std::vector<std::string> w;
      for (uint8_t k = 0; k < words; ++k)
        w.push_back(r.str(256));
      if (!r.ok())
        return bad("taught names truncated");
      if (!taught.empty() && !(taught.back().first < w))
        return bad("taught names are not sorted or repeat a name");
      taught.emplace_back(std::move(w), types);
    }
    a.add_taught_names(taught);
  }
  if (version >= 3) {
    a.net_deltas_.net = r.u64();
    const uint32_t dims = r.u32();
    const uint32_t rows = r.u32();
    if (!r.ok() || dims > kNetMaxDims || rows > kMaxNetDeltaRows ||
        (rows > 0 && dims == 0) ||
        size_t{rows} * (4 + size_t{dims} * 4) > r.remaining())
      return bad("network delta sizes out of range");
    uint32_t previous = 0;
    for (uint32_t i = 0; i < rows; ++i) {
      const uint32_t bucket = r.u32();
      if (i > 0 && bucket <= previous)
        return bad("network deltas are not sorted or repeat a bucket");
      previous = bucket;
      float *row = a.net_deltas_.row(bucket, dims);
      if (!row)
        return bad("network deltas out of range");
      for (uint32_t d = 0; d < dims; ++d) {
        row[d] = r.f32();
        if (!(std::fabs(row[d]) <= kMaxNetDeltaValue))
          return bad("a network delta is not a number of at most " +
                     std::to_string(static_cast<long>(kMaxNetDeltaValue)) +
                     " in size");
      }
    }
    if (!r.ok())
      return bad("network deltas truncated");
  }
  if (version >= 4) {
    a.own_origin_ = r.u64();
    const uint32_t count = r.u32();
    if (!r.ok() || count > kMaxAdaptationOrigins || size_t{count} * 8 > r.remaining())
      return bad("origin count out of range");
    for (uint32_t i = 0; i < count; ++i) {
      const uint64_t id = r.u64();
      if (id == 0 || id == a.own_origin_ || (i > 0 && id <= a.added_origins_.back()))
        return bad("origins are not ascending, repeat one or name no file");
      a.added_origins_.push_back(id);
    }
    const uint32_t parts = r.u32();
    if (!r.ok() || parts > (as_part ? 0 : kMaxAdaptationParts))
      return bad(as_part ? "a part holds parts of its own" : "part count out of range");
    for (uint32_t i = 0; i < parts; ++i) {
      const uint64_t part_size = r.u64();
      const uint8_t *bytes = part_size <= r.remaining() ? r.bytes(static_cast<size_t>(part_size)) : nullptr;
      if (!bytes)
        return bad("part " + std::to_string(i) + " truncated");
      auto part = parse_file(bytes, static_cast<size_t>(part_size), true);
      if (!part.is_ok())
        return bad("part " + std::to_string(i) + ": " + part.status().message());
      const Adaptation &q = part.value();
      // A part is a file added to this one: its origins are among the added ones, and no
      // two parts share one.
      const auto added = [&a](uint64_t id) {
        return std::binary_search(a.added_origins_.begin(), a.added_origins_.end(), id);
      };
      if (q.lang_ != a.lang_ || q.tags_ != a.tags_ || q.own_origin_ == 0 || !added(q.own_origin_) ||
          !std::all_of(q.added_origins_.begin(), q.added_origins_.end(), added) ||
          std::any_of(a.parts_.begin(), a.parts_.end(), [&q](const Adaptation &o) { return q.shares_origin(o); }))
        return bad("part " + std::to_string(i) + " does not fit the file it is in");
      a.parts_.push_back(std::move(part.value()));
    }
  }
  // Before format 5 names were not marked: those no part holds were learnt here.
  if (version < 5) {
    for (auto &[words, types] : a.taught_) {
      const bool from_part = std::any_of(a.parts_.begin(), a.parts_.end(),
                                         [&words = words](const Adaptation &p) { return p.taught_.count(words) > 0; });
      if (!from_part)
        types |= kOwnName;
    }
  }
  for (float v : a.evidence_)
    if (v < 0)
      return bad("a negative evidence count");
  if (!r.at_end())
    return bad("unexpected bytes after the rows");
  if (a.lang_.empty())
    return bad("no language");
  return a;
}

} // namespace glosa::ner
