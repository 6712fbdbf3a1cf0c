// What a person's corrections taught the name tagger: sparse score deltas over
// the shipped model's weights, for one language, learnt online and saved as a
// small versioned file. Layer: engine/tagger. No I/O: bytes only. The shipped
// model file is never changed.
//
// File layout (little-endian):
//   "GLOSAADP"  8-byte magic
//   u32 format version (kAdaptationFormatVersion), u32 feature version
//   (ner::kFeatureVersion) u64 payload size, u64 FNV-1a-64 checksum of the
//   payload payload: str lang, str model name, u32 T, T x str tag, u64 learn
//   steps, u64 documents,
//            u32 row count, then per row (sorted by feature hash): varint hash
//            delta, u64 mask of the tags with a delta, one f32 per set bit;
//            then the evidence counts in the same layout, then the taught
//            names: u32 count, per name (sorted) u8 NameType bits (format 5:
//            bit 7 set for a name this adaptation learnt itself, kOwnName), u8
//            word count, the lower-cased words as str (format 2); then the window
//            network's embedding deltas: u64 fingerprint of the network they
//            were learnt for, u32 dims, u32 row count, per row (sorted by
//            bucket) u32 bucket, dims x f32 (format 3); then the origins: u64
//            own origin (0: none), u32 count, the added origins, ascending;
//            then the parts: u32 count, per part u64 size and a whole
//            adaptation file of its own (with no parts) (format 4)
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/core/error.h"
#include "engine/tagger/gazetteer.h"
#include "engine/tagger/window_net.h"

namespace glosa::ner {

constexpr char kAdaptationMagic[8] = {'G', 'L', 'O', 'S', 'A', 'A', 'D', 'P'};
constexpr uint32_t kAdaptationFormatVersion = 5; // 2: evidence counts, taught
                                                 // names; 3: network deltas;
                                                 // 4: origins; 5: own names
// A taught name's bit beside its NameType bits: learnt here (Engine::learn), not only
// taken from an added file, so replacing that file's part never drops it.
constexpr uint8_t kOwnName = 0x80;
// The most origins a file may list (a team of files added to one another), and
// the most files it may keep as parts.
constexpr uint32_t kMaxAdaptationOrigins = 4096;
constexpr uint32_t kMaxAdaptationParts = 256;
// A guard against unbounded growth (about 40 MB of rows at 17 tags): learn()
// stops adding new features beyond it and says so; existing ones still move.
constexpr size_t kMaxAdaptationRows = 600000;
// The largest size of a stored value (a delta, an evidence count) a file may
// hold: learning moves a delta by at most a few of the model's largest weights
// per step, so real files stay far below it; a file beyond it was damaged, and
// its sums could overflow the decoder's arithmetic.
constexpr float kMaxAdaptationValue = 1e6f; // the network's: kMaxNetDeltaValue

class Adaptation {
public:
  Adaptation() = default;
  // An empty adaptation for a model with these tags.
  Adaptation(std::string lang, std::string model_name,
             std::vector<std::string> tags);

  const std::string &lang() const { return lang_; }
  const std::string &model_name() const { return model_name_; }
  const std::vector<std::string> &tags() const { return tags_; }
  size_t rows() const { return index_.size(); }
  bool empty() const { return index_.empty(); } // no linear deltas
  uint64_t steps() const {
    return steps_;
  } // updates made, over all learn() calls
  uint64_t documents() const { return documents_; } // documents learnt from

  // The deltas of one feature hash (tags().size() floats), or nullptr when it
  // has none.
  const float *find(uint64_t feature) const {
    auto it = index_.find(feature);
    return it == index_.end()
               ? nullptr
               : &rows_[static_cast<size_t>(it->second) * tags_.size()];
  }
  // Adds `delta` to the deltas of `feature` at tag j, creating the row when
  // there is room; false when the row limit keeps a new feature out.
  bool add(uint64_t feature, size_t j, float delta);
  void count_step() { ++steps_; }
  void count_document() { ++documents_; }

  // Evidence counts: how often a feature was seen on a token a person reviewed,
  // by the tag the review gave it. support() is the share of that evidence
  // whose label is tag j's label (B-/I-/L-/U- of one label count together), 1
  // when the feature has none: learn() scales its steps toward a label by it,
  // so that a word reviewed with several labels ("Polska": mostly a place,
  // sometimes the government) moves less than one reviewed consistently.
  // count_evidence() is false when the row limit keeps a new feature out.
  bool count_evidence(uint64_t feature, size_t j);
  float support(uint64_t feature, size_t j) const;
  size_t evidence_rows() const { return evidence_index_.size(); }

  // Taught names: the phrases a person labelled (lower-cased words, at most
  // kMaxPhraseWords, as the tagger's kLower gives them) with the NameType bits
  // of the labels given (features.h). The tagger matches them in every text as
  // it matches the model's training names (kSeen), so a model trained with
  // names (glosa-train --names) trusts a name the person taught in other
  // documents too. add_taught_names() merges a batch and rebuilds the matcher
  // once (own: learnt here, see kOwnName); forget_taught_names() drops names (a
  // person rejected them as names).
  void add_taught_names(
      const std::vector<std::pair<std::vector<std::string>, uint8_t>> &names, bool own = false);
  void forget_taught_names(const std::vector<std::vector<std::string>> &names);
  const Gazetteer &taught_names() const { return taught_matcher_; }
  size_t taught_name_count() const { return taught_.size(); }

  // Adds what `other` taught (same language and tags) to this: deltas and evidence counts
  // are summed, taught names joined, network deltas summed (when both are for one network;
  // else `other`'s are left out), learn steps and documents counted, its origins joined to
  // the added ones, and `other` kept as a part when it has an own origin. How a team's files
  // join a person's own. False when kMaxAdaptationRows or kMaxNetDeltaRows kept some out.
  // (No check for corrections counted twice: see shares_origin.)
  bool add_from(const Adaptation &other);

  // Origins: where the corrections summed here come from, so that none is added twice.
  // The own origin is a random id taken when this adaptation first learns (learnt in one
  // browser: Engine::learn); the added ones are the origins of every file added to it, and
  // of the files added to those. Files of formats 1 to 3 have none.
  uint64_t own_origin() const { return own_origin_; }
  void set_own_origin(uint64_t id) { own_origin_ = id; }
  const std::vector<uint64_t> &added_origins() const { return added_origins_; }
  // True when `other` holds corrections this one holds already: the same file opened again,
  // a file saved from this adaptation, or two files that both hold a third. Origins of
  // `except` (a part about to be replaced) do not count.
  bool shares_origin(const Adaptation &other, const Adaptation *except = nullptr) const;

  // Parts: the files added to this one with an own origin, each as it was added (its own
  // parts left out), so that a newer copy of a colleague's file replaces the older one
  // instead of counting its corrections twice. part() is the part whose own origin is
  // `origin`, or nullptr.
  const std::vector<Adaptation> &parts() const { return parts_; }
  const Adaptation *part(uint64_t origin) const;
  // Replaces the part with `newer`'s own origin by `newer`: the older copy's deltas,
  // evidence, network rows, steps and documents are taken out and the newer's added; its
  // origins take the older's place. Taught names only the older held go (not those learnt
  // here, nor those of another part or the newer); the rest keep the types still given
  // them (the newer holds them
  // too unless its author rejected them since). False, as add_from, when a limit kept rows
  // out; the caller checks part(newer.own_origin()) exists.
  bool replace_part(const Adaptation &newer);

  // What the corrections taught the window network (its embedding deltas).
  const NetDeltas &net_deltas() const { return net_deltas_; }
  NetDeltas &net_deltas() { return net_deltas_; }

  // Encodes the file described above (rows sorted by feature hash: the same
  // deltas always give the same bytes).
  std::vector<uint8_t> serialize() const;
  // Decodes and validates such a file. BadModel: too short, bad magic, size or
  // checksum mismatch, inconsistent payload (unsorted or repeated rows, a mask
  // naming tags past T, a value that is not finite). BadModelVersion: another
  // format or feature version.
  static Result<Adaptation> parse(const uint8_t *data, size_t size);

private:
  std::string lang_;
  std::string model_name_;
  std::vector<std::string> tags_;
  std::unordered_map<uint64_t, uint32_t> index_;          // feature hash -> row
  std::vector<float> rows_;                               // rows() * T deltas
  std::unordered_map<uint64_t, uint32_t> evidence_index_; // feature hash -> row
  std::vector<float> evidence_;    // evidence_rows() * T counts
  std::vector<uint32_t> label_of_; // T: a number per label ("O" 0)
  std::map<std::vector<std::string>, uint8_t> taught_; // words -> NameType bits | kOwnName
  Gazetteer taught_matcher_;                           // taught_ as phrases
  NetDeltas net_deltas_;
  uint64_t own_origin_ = 0;
  std::vector<uint64_t> added_origins_; // ascending, without own_origin_
  std::vector<Adaptation> parts_;       // files added, without parts of their own
  // Sums `sign` times other's deltas, evidence (kept >= 0), network rows (one network),
  // steps and documents into this; adding (sign > 0), its taught names join too (taking one
  // away leaves them: see replace_part). False when a limit kept rows out.
  bool sum_values(const Adaptation &other, float sign);
  // Joins `other`'s origins to the added ones.
  void join_origins(const Adaptation &other);
  // This adaptation as a part of another: the same, with no parts.
  Adaptation as_part() const;
  // parse(), for a whole file (`as_part` false) or for a part inside one (which may hold no
  // parts: the nesting stops there).
  static Result<Adaptation> parse_file(const uint8_t *data, size_t size, bool as_part);
  void rebuild_taught_matcher();
  // The row of `feature` in a table (index: hash -> row; values: T per row),
  // created as zeros when there is room; nullptr when kMaxAdaptationRows keeps
  // a new feature out.
  float *row_for(std::unordered_map<uint64_t, uint32_t> &index,
                 std::vector<float> &values, uint64_t feature);
  uint64_t steps_ = 0;
  uint64_t documents_ = 0;
};

} // namespace glosa::ner
