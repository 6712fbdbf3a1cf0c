// Name lexicon file and suffix-trie lookups. Layer: engine/names.
#include "engine/names/lexicon.h"

#include <algorithm>
#include <cstring>

#include "engine/tagger/binary_io.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa::names {

namespace {

using ner::ByteReader;
using ner::ByteWriter;

constexpr size_t kHeaderSize = 8 + 4 + 8 + 8;
constexpr size_t kMaxRuleAppend = 64;

Status bad(const std::string& why) { return Status(ErrorCode::BadModel, "bad lexicon file: " + why); }


}  // namespace

std::vector<uint8_t> serialize_lexicon(const LexiconData& d) {
  ByteWriter p;
  p.str(d.name);
  p.u32(d.max_depth);
  p.u32(static_cast<uint32_t>(d.rules.size()));
  for (const WordRule& r : d.rules) {
    p.u8(static_cast<uint8_t>(r.word_class));
    p.u8(r.strip);
    p.str(r.append);
  }
  p.u32(static_cast<uint32_t>(d.node_cp.size()));
  for (size_t i = 0; i < d.node_cp.size(); ++i) {
    p.varint(d.node_cp[i]);
    p.varint(d.node_children[i]);
    p.varint(static_cast<uint64_t>(d.node_rule[i] + 1));
  }
  p.u32(static_cast<uint32_t>(d.places.size()));
  for (const LexiconPlace& pl : d.places) {
    p.str(pl.lang);
    p.str(pl.name);
  }
  const std::vector<uint8_t>& payload = p.data();
  ByteWriter out;
  out.bytes(kLexiconMagic, 8);
  out.u32(kLexiconFormatVersion);
  out.u64(payload.size());
  out.u64(ner::fnv1a64(std::string_view(reinterpret_cast<const char*>(payload.data()), payload.size())));
  out.bytes(payload.data(), payload.size());
  return std::move(out.data());
}

Result<std::shared_ptr<const Lexicon>> Lexicon::load(const uint8_t* data, size_t size) {
  if (data == nullptr || size < kHeaderSize) return bad("too short for a header");
  if (std::memcmp(data, kLexiconMagic, 8) != 0) return bad("wrong magic (not a Glosa lexicon)");
  ByteReader h(data + 8, kHeaderSize - 8);
  const uint32_t version = h.u32();
  const uint64_t payload_size = h.u64();
  const uint64_t checksum = h.u64();
  if (version != kLexiconFormatVersion) {
    return Status(ErrorCode::BadModelVersion, "lexicon format version " + std::to_string(version) +
                                                  " is not supported; this Glosa reads version " +
                                                  std::to_string(kLexiconFormatVersion));
  }
  if (payload_size != size - kHeaderSize) return bad("payload size does not match the file size (truncated?)");
  const uint8_t* payload = data + kHeaderSize;
  if (ner::fnv1a64(std::string_view(reinterpret_cast<const char*>(payload), size - kHeaderSize)) != checksum) {
    return bad("checksum mismatch (corrupt file)");
  }
  ByteReader r(payload, size - kHeaderSize);
  LexiconData d;
  d.name = r.str(256);
  d.max_depth = r.u32();
  if (!r.ok() || d.max_depth < 2 || d.max_depth > 64) return bad("trie depth out of range");
  const uint32_t rules = r.u32();
  if (!r.ok() || rules == 0 || rules > r.remaining()) return bad("rule count out of range");
  d.rules.resize(rules);
  for (WordRule& w : d.rules) {
    const uint8_t cls = r.u8();
    if (cls > 1) return bad("unknown word class");
    w.word_class = static_cast<WordClass>(cls);
    w.strip = r.u8();
    w.append = r.str(kMaxRuleAppend);
    if (!r.ok()) return bad("rules truncated");
    if (!is_valid_utf8(w.append)) return bad("a rule is not UTF-8");
  }
  const uint32_t nodes = r.u32();
  if (!r.ok() || nodes == 0 || nodes > r.remaining()) return bad("node count out of range");
  d.node_cp.resize(nodes);
  d.node_children.resize(nodes);
  d.node_rule.resize(nodes);
  uint64_t children_total = 0;
  for (uint32_t i = 0; i < nodes; ++i) {
    const uint64_t cp = r.varint(), kids = r.varint(), rule = r.varint();
    if (!r.ok()) return bad("trie truncated");
    if (cp > 0x10FFFF || kids > nodes || rule > rules) return bad("trie node out of range");
    d.node_cp[i] = static_cast<char32_t>(cp);
    d.node_children[i] = static_cast<uint32_t>(kids);
    d.node_rule[i] = static_cast<int32_t>(rule) - 1;
    children_total += kids;
  }
  if (children_total != nodes - 1u) return bad("trie shape is inconsistent");
  if (d.node_rule[0] < 0) return bad("the root carries no rule");
  const uint32_t places = r.u32();
  if (!r.ok() || places > r.remaining()) return bad("place count out of range");
  d.places.resize(places);
  for (LexiconPlace& p : d.places) {
    p.lang = r.str(16);
    p.name = r.str(256);
  }
  if (!r.ok()) return bad("places truncated");
  if (!r.at_end()) return bad("unexpected bytes after the places");
  return from_data(std::move(d));
}

Result<std::shared_ptr<const Lexicon>> Lexicon::from_data(LexiconData d) {
  const size_t n = d.node_cp.size();
  if (n == 0 || d.node_children.size() != n || d.node_rule.size() != n || d.rules.empty()) {
    return bad("empty or inconsistent trie");
  }
  auto lex = std::shared_ptr<Lexicon>(new Lexicon());
  lex->first_child_.resize(n);
  // Breadth-first order: the children of node i start right after those of node i - 1.
  uint64_t next = 1;
  for (size_t i = 0; i < n; ++i) {
    lex->first_child_[i] = static_cast<uint32_t>(next);
    next += d.node_children[i];
    if (next > n) return bad("trie children point past the end");
    if (d.node_rule[i] >= static_cast<int32_t>(d.rules.size())) return bad("trie rule out of range");
    const uint32_t b = lex->first_child_[i];
    for (uint32_t k = 1; k < d.node_children[i]; ++k) {
      if (d.node_cp[b + k] <= d.node_cp[b + k - 1]) return bad("trie children are not sorted");
    }
  }
  // Place names split into lower-cased words, indexed by the start of the first word, so
  // that matching a mention looks at a handful of places rather than all of them.
  lex->place_words_.resize(d.places.size());
  for (size_t i = 0; i < d.places.size(); ++i) {
    std::u32string name = to_codepoints(to_lower(d.places[i].name));
    std::vector<std::u32string>& words = lex->place_words_[i];
    size_t start = 0;
    for (size_t k = 0; k <= name.size(); ++k) {
      if (k < name.size() && name[k] != U' ') continue;
      if (k > start) words.push_back(name.substr(start, k - start));
      start = k + 1;
    }
    if (words.empty()) continue;
    lex->place_index_[{d.places[i].lang, words[0].substr(0, 3)}].push_back(static_cast<uint32_t>(i));
    const std::u32string plain = plain_lower(d.places[i].name);
    size_t from = 0;
    for (size_t k = 0; k <= plain.size(); ++k) {
      if (k < plain.size() && plain[k] != U' ') continue;
      if (k > from) {
        auto& list = lex->word_index_[{d.places[i].lang, plain.substr(from, std::min<size_t>(3, k - from))}];
        if (list.empty() || list.back() != i) list.push_back(static_cast<uint32_t>(i));
      }
      from = k + 1;
    }
  }
  lex->data_ = std::move(d);
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

const WordRule& Lexicon::rule_for(std::string_view word, size_t* depth) const {
  std::u32string rev = to_codepoints(to_lower(word));
  std::reverse(rev.begin(), rev.end());
  rev += is_upper(first_codepoint(word)) ? kMarkCapitalised : kMarkLowerCase;
  uint32_t node = 0;
  int32_t rule = data_.node_rule[0];
  size_t matched = 0;
  for (char32_t cp : rev) {
    const uint32_t b = first_child_[node], e = b + data_.node_children[node];
    const auto it = std::lower_bound(data_.node_cp.begin() + b, data_.node_cp.begin() + e, cp);
    if (it == data_.node_cp.begin() + e || *it != cp) break;
    node = static_cast<uint32_t>(it - data_.node_cp.begin());
    ++matched;
    if (data_.node_rule[node] >= 0) rule = data_.node_rule[node];
  }
  if (depth) *depth = matched;
  return data_.rules[static_cast<size_t>(rule)];
}

const std::vector<uint32_t>& Lexicon::places_with_prefix(std::string_view lang, std::u32string_view prefix3) const {
  auto it = place_index_.find({std::string(lang), std::u32string(prefix3.substr(0, 3))});
  return it == place_index_.end() ? no_places_ : it->second;
}

const std::vector<uint32_t>& Lexicon::places_with_word_prefix(std::string_view lang, std::u32string_view plain3) const {
  auto it = word_index_.find({std::string(lang), std::u32string(plain3.substr(0, 3))});
  return it == word_index_.end() ? no_places_ : it->second;
}

std::u32string plain_lower(std::string_view s) {
  std::u32string out = to_codepoints(to_lower(s));
  for (char32_t& c : out) {
    switch (c) {
      case U'ą': c = U'a'; break;
      case U'ć': c = U'c'; break;
      case U'ę': c = U'e'; break;
      case U'ł': c = U'l'; break;
      case U'ń': c = U'n'; break;
      case U'ó': c = U'o'; break;
      case U'ś': c = U's'; break;
      case U'ź': case U'ż': c = U'z'; break;
      default: break;
    }
  }
  return out;
}

std::string apply_rule(std::string_view word, const WordRule& rule) {
  std::u32string cps = to_codepoints(word);
  if (rule.strip >= cps.size()) return std::string(word);  // never strip a whole word
  bool all_upper = cps.size() > 1;
  for (char32_t c : cps) {
    if (is_letter(c) && !is_upper(c)) { all_upper = false; break; }
  }
  // The kept part keeps its case ("McDonaldem" -> "McDonald"); the appended part follows
  // an all-capitals word ("PUTINA" -> "PUTIN").
  cps.resize(cps.size() - rule.strip);
  std::string out;
  for (char32_t c : cps) append_utf8(out, c);
  for (char32_t c : to_codepoints(rule.append)) append_utf8(out, all_upper ? to_upper(c) : c);
  return out;
}

}  // namespace glosa::names
