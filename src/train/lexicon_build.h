// Builds the name lexicon's suffix trie from (form, base form) pairs: every suffix of a
// reversed form votes, weighted, for the rewrite that turns the form into its base form;
// each trie node keeps the winning rewrite only where it differs from what its parent
// already gives. Layer: train (native only). Deterministic: ties go to the smaller rule.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/names/lexicon.h"

namespace glosa::train {

struct LemmaPair {
  std::string form;   // a word form as written ("Moskwie", "rosyjskiej")
  std::string lemma;  // its base form ("Moskwa", "rosyjski")
  names::WordClass word_class = names::WordClass::Noun;
  bool capitalised = false;  // the dictionary entry is capitalised (a name)
  double weight = 1.0;
};

struct TrieOptions {
  size_t max_depth = 12;      // code points of a form's end (plus its marker) that can count
  double min_weight = 0.0;    // a node's own rewrite needs at least this much support
};

struct TrieStats {
  size_t pairs = 0, skipped = 0, rules = 0, nodes_built = 0, nodes_kept = 0;
};

// Fills data->rules and data->node_* (breadth-first, as names::LexiconData documents).
void build_suffix_trie(const std::vector<LemmaPair>& pairs, const TrieOptions& options,
                       names::LexiconData* data, TrieStats* stats);

}  // namespace glosa::train
