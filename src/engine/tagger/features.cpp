// Token attributes and feature templates for the name tagger. Layer: engine/tagger.
// Sections: templates (the table and its form/context split) · word attributes · gazetteer
// matches · tagging units · document context · attributes and hashes of a unit.
#include "engine/tagger/features.h"

#include <algorithm>
#include <array>
#include <utility>

#include "engine/tagger/binary_io.h"
#include "engine/tagger/string_index.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa::ner {

// --- Section: templates ---
namespace {

struct Part {
  int8_t offset;
  Attr attr;
};

// A feature template: a name and up to three (offset, attribute) parts. A feature is left
// out when the value of its FIRST part is empty at an in-range position (no prefix for a
// short word, no gazetteer match, ...).
struct Template {
  const char* name;
  uint8_t n;
  Part parts[3];
};

constexpr Template kTemplates[] = {
    {"bias", 0, {}},
    {"w", 1, {{0, kForm}}},
    {"l", 1, {{0, kLower}}},
    {"l-1", 1, {{-1, kLower}}},
    {"l+1", 1, {{1, kLower}}},
    {"l-2", 1, {{-2, kLower}}},
    {"l+2", 1, {{2, kLower}}},
    {"p3", 1, {{0, kP3}}},
    {"p4", 1, {{0, kP4}}},
    {"p5", 1, {{0, kP5}}},
    {"s1", 1, {{0, kS1}}},
    {"s2", 1, {{0, kS2}}},
    {"s3", 1, {{0, kS3}}},
    {"s4", 1, {{0, kS4}}},
    {"s3-1", 1, {{-1, kS3}}},
    {"s3+1", 1, {{1, kS3}}},
    {"sh", 1, {{0, kShape}}},
    {"sh-1", 1, {{-1, kShape}}},
    {"sh+1", 1, {{1, kShape}}},
    {"sh-1|sh", 2, {{-1, kShape}, {0, kShape}}},
    {"sh|sh+1", 2, {{0, kShape}, {1, kShape}}},
    {"cap-1|cap|cap+1", 3, {{-1, kCap}, {0, kCap}, {1, kCap}}},
    {"cap|first", 2, {{0, kCap}, {0, kFirst}}},
    {"l-1|l", 2, {{-1, kLower}, {0, kLower}}},
    {"l|l+1", 2, {{0, kLower}, {1, kLower}}},
    {"l-1|sh", 2, {{-1, kLower}, {0, kShape}}},
    {"sh|l+1", 2, {{0, kShape}, {1, kLower}}},
    {"s3|cap", 2, {{0, kS3}, {0, kCap}}},
    {"gaz", 1, {{0, kGaz}}},
    {"gaz-1", 1, {{-1, kGaz}}},
    {"gaz+1", 1, {{1, kGaz}}},
    {"gaz|cap", 2, {{0, kGaz}, {0, kCap}}},
    {"prop|first", 2, {{0, kProper}, {0, kFirst}}},
    {"prop-1", 1, {{-1, kProper}}},
    {"prop+1", 1, {{1, kProper}}},
    {"cl", 1, {{0, kClass}}},
    {"cl-1", 1, {{-1, kClass}}},
    {"cl+1", 1, {{1, kClass}}},
    {"cl|cap", 2, {{0, kClass}, {0, kCap}}},
    {"cl-1|cl", 2, {{-1, kClass}, {0, kClass}}},
    {"ck", 1, {{0, kCoarse}}},
    {"ck-1", 1, {{-1, kCoarse}}},
    {"ck+1", 1, {{1, kCoarse}}},
    {"ck-2", 1, {{-2, kCoarse}}},
    {"ck+2", 1, {{2, kCoarse}}},
    {"ck|cap", 2, {{0, kCoarse}, {0, kCap}}},
    {"ck-1|ck|ck+1", 3, {{-1, kCoarse}, {0, kCoarse}, {1, kCoarse}}},
    {"dp", 1, {{0, kDocPrev}}},
    {"dn", 1, {{0, kDocNext}}},
    {"dseen|first", 2, {{0, kDocSeen}, {0, kFirst}}},
    {"dseq", 1, {{0, kDocSeq}}},
    {"dseq|cap-1", 2, {{0, kDocSeq}, {-1, kCap}}},
    {"dp|l-1", 2, {{0, kDocPrev}, {-1, kLower}}},
    {"st", 1, {{0, kStem}}},
    {"st-1", 1, {{-1, kStem}}},
    {"st+1", 1, {{1, kStem}}},
    {"st-2", 1, {{-2, kStem}}},
    {"st+2", 1, {{2, kStem}}},
    {"st|cap", 2, {{0, kStem}, {0, kCap}}},
    {"rpre", 1, {{0, kRunPre}}},
    {"rfirst", 1, {{0, kRunFirst}}},
    {"rlast", 1, {{0, kRunLast}}},
    {"rlast-s3", 1, {{0, kRunLastS3}}},
    {"rlast-cl", 1, {{0, kRunLastCls}}},
    {"rnext", 1, {{0, kRunNext}}},
    {"rfirst-cl", 1, {{0, kRunFirstCls}}},
    {"dlab", 1, {{0, kDocLabel}}},
    {"dlab|cap", 2, {{0, kDocLabel}, {0, kCap}}},
    {"dlab|dlab-1", 2, {{0, kDocLabel}, {-1, kDocLabel}}},
    {"dlab|dlab+1", 2, {{0, kDocLabel}, {1, kDocLabel}}},
    // Feature set 8, after the others so that their hashes (template_seed) stay those of set 7
    // and a set-7 model reads the same features (its tokens have no kMid, no kSeen).
    {"cm", 1, {{0, kMid}}},
    {"cm-1", 1, {{-1, kMid}}},
    {"cm+1", 1, {{1, kMid}}},
    {"cm|cap", 2, {{0, kMid}, {0, kCap}}},
    {"seen", 1, {{0, kSeen}}},
    {"seen|cap", 2, {{0, kSeen}, {0, kCap}}},
    {"seen-1", 1, {{-1, kSeen}}},
    {"seen+1", 1, {{1, kSeen}}},
};
constexpr size_t kTemplateCount = sizeof(kTemplates) / sizeof(kTemplates[0]);
static_assert(kTemplateCount < 256, "template indices are stored as uint8_t");
static_assert(kTemplateCount * 127 < 32768, "a token's weight sum must fit the tagger's 16-bit accumulators");

const std::string kBos = "<s>";
const std::string kEos = "</s>";
constexpr uint64_t kBosHash = fnv1a64("<s>");
constexpr uint64_t kEosHash = fnv1a64("</s>");

constexpr uint64_t template_seed(size_t t) { return mix64(0x6e657266u + t * 0x1000193u); }

constexpr bool is_form_attr(Attr a) {
  return a <= kS4 || a == kProper || a == kClass || a == kCoarse || a == kStem || a == kMid;
}

// A form template (see features.h): all parts at one offset, all form-derived. The bias (no
// parts) counts as a form template at offset 0.
constexpr bool is_form_template(const Template& tp) {
  for (uint8_t p = 0; p < tp.n; ++p) {
    if (!is_form_attr(tp.parts[p].attr) || tp.parts[p].offset != tp.parts[0].offset) return false;
  }
  return true;
}
constexpr int template_offset(const Template& tp) { return tp.n ? tp.parts[0].offset : 0; }

inline bool attr_empty(const TokenAttrs& a, Attr k) { return a.value[k].empty(); }
inline bool attr_empty(const AttrHashes& a, Attr k) { return (a.empty >> k & 1) != 0; }

// The hash of template t at token i of attrs[0, n); false when the feature is left out.
template <class A>
inline bool template_hash(size_t t, const A* attrs, long n, long i, uint64_t* out) {
  const Template& tp = kTemplates[t];
  uint64_t h = template_seed(t);
  for (uint8_t p = 0; p < tp.n; ++p) {
    const long j = i + tp.parts[p].offset;
    uint64_t ph;
    if (j < 0) ph = kBosHash;
    else if (j >= n) ph = kEosHash;
    else {
      const A& a = attrs[static_cast<size_t>(j)];
      if (p == 0 && attr_empty(a, tp.parts[p].attr)) return false;
      ph = a.hash[tp.parts[p].attr];
    }
    h = mix64(h ^ ph);
  }
  *out = h;
  return true;
}

constexpr bool form_offsets_in_range() {
  for (const Template& tp : kTemplates) {
    if (is_form_template(tp) && (template_offset(tp) < -kMaxFormOffset || template_offset(tp) > kMaxFormOffset)) return false;
  }
  return true;
}
static_assert(form_offsets_in_range(), "a form template reads beyond kMaxFormOffset");

// The context templates in table order, as a constant array for the unrolled loop below.
constexpr size_t context_template_count() {
  size_t c = 0;
  for (const Template& tp : kTemplates) c += is_form_template(tp) ? 0 : 1;
  return c;
}
constexpr size_t kContextCount = context_template_count();
constexpr std::array<uint8_t, kContextCount> context_templates() {
  std::array<uint8_t, kContextCount> out{};
  size_t c = 0;
  for (size_t t = 0; t < kTemplateCount; ++t) {
    if (!is_form_template(kTemplates[t])) out[c++] = static_cast<uint8_t>(t);
  }
  return out;
}
constexpr std::array<uint8_t, kContextCount> kContextTemplates = context_templates();

// template_hash() for a template known at compile time: its offsets, attributes and seed
// become constants (0 <= i < n, so an offset of 0 is always inside).
template <size_t t, size_t p>
inline bool fixed_template_hash(const AttrHashes* attrs, long n, long i, uint64_t* h) {
  if constexpr (p == kTemplates[t].n) {
    return true;
  } else {
    constexpr Part part = kTemplates[t].parts[p];
    const long j = i + part.offset;
    uint64_t ph;
    if (part.offset < 0 && j < 0) {
      ph = kBosHash;
    } else if (part.offset > 0 && j >= n) {
      ph = kEosHash;
    } else {
      const AttrHashes& a = attrs[static_cast<size_t>(j)];
      if (p == 0 && (a.empty >> part.attr & 1)) return false;
      ph = a.hash[part.attr];
    }
    *h = mix64(*h ^ ph);
    return fixed_template_hash<t, p + 1>(attrs, n, i, h);
  }
}

template <size_t... K>
inline uint64_t* all_context_hashes(const AttrHashes* attrs, long n, long i, uint64_t* out,
                                    std::index_sequence<K...>) {
  uint64_t h;
  ((h = template_seed(kContextTemplates[K]),
    out += fixed_template_hash<kContextTemplates[K], 0>(attrs, n, i, &h) ? (*out = h, 1) : 0),
   ...);
  return out;
}

// The form templates ordered by offset (then table order), and where each offset's begin.
constexpr size_t kFormCount = kTemplateCount - kContextCount;
struct FormTemplateTable {
  std::array<uint8_t, kFormCount> index{};
  std::array<size_t, 2 * kMaxFormOffset + 2> begin{};
};
constexpr FormTemplateTable form_template_table() {
  FormTemplateTable f;
  size_t c = 0;
  for (int o = -kMaxFormOffset; o <= kMaxFormOffset; ++o) {
    f.begin[static_cast<size_t>(o + kMaxFormOffset)] = c;
    for (size_t t = 0; t < kTemplateCount; ++t) {
      if (is_form_template(kTemplates[t]) && template_offset(kTemplates[t]) == o) f.index[c++] = static_cast<uint8_t>(t);
    }
  }
  f.begin[2 * kMaxFormOffset + 1] = c;
  return f;
}
constexpr FormTemplateTable kFormTemplates = form_template_table();

// form_feature_hashes for offset O: the token as a one-token array at index 0, seen from
// position -O, so that every part reads index 0.
template <int O, size_t... K>
inline uint64_t* form_hashes_at(const AttrHashes& token, uint64_t* out, std::index_sequence<K...>) {
  constexpr size_t first = kFormTemplates.begin[static_cast<size_t>(O + kMaxFormOffset)];
  uint64_t h;
  ((h = template_seed(kFormTemplates.index[first + K]),
    out += fixed_template_hash<kFormTemplates.index[first + K], 0>(&token, 1, -O, &h) ? (*out = h, 1) : 0),
   ...);
  return out;
}
template <int O>
inline uint64_t* form_hashes_at(const AttrHashes& token, uint64_t* out) {
  constexpr size_t slot = static_cast<size_t>(O + kMaxFormOffset);
  return form_hashes_at<O>(token, out,
                           std::make_index_sequence<kFormTemplates.begin[slot + 1] - kFormTemplates.begin[slot]>());
}

template <class A>
void span_hashes(const A* attrs, size_t count, size_t begin, size_t end, std::vector<uint64_t>* out) {
  auto add = [&](uint64_t seed, uint64_t h) { out->push_back(mix64(mix64(0x5b7e0000u + seed) ^ h)); };
  const uint64_t none = fnv1a64("<none>");
  add(0, 0);  // bias
  for (size_t k = begin; k < end && k < count; ++k) add(1, attrs[k].hash[kLower]);
  if (begin >= end || end > count) return;
  const A& first = attrs[begin];
  const A& last = attrs[end - 1];
  add(2, first.hash[kLower]);
  add(3, last.hash[kLower]);
  add(4, last.hash[kS3]);
  add(5, last.hash[kS2]);
  add(6, first.hash[kS3]);
  add(7, first.hash[kCap]);
  add(8, first.hash[kGaz]);
  add(9, first.hash[kClass]);
  add(10, begin > 0 ? attrs[begin - 1].hash[kLower] : none);
  add(11, begin > 1 ? attrs[begin - 2].hash[kLower] : none);
  add(12, end < count ? attrs[end].hash[kLower] : none);
  add(13, std::min<uint64_t>(end - begin, 4));
  add(14, first.hash[kP4]);
}

// --- Section: word attributes ---
// What the shape and capitalisation classes read of a code point (ASCII without look-ups).
struct CodepointClass {
  bool upper, lower, letter;
  char shape;
};

CodepointClass classify(char32_t cp) {
  if (cp < 0x80) {
    const bool upper = cp >= 'A' && cp <= 'Z';
    const bool lower = cp >= 'a' && cp <= 'z';
    char shape = static_cast<char>(cp);
    if (upper) shape = 'X';
    else if (lower) shape = 'x';
    else if (cp >= '0' && cp <= '9') shape = 'd';
    else if (cp == '\'') shape = '"';
    return {upper, lower, upper || lower, shape};
  }
  CodepointClass c{is_upper(cp), is_lower(cp), false, '*'};
  c.letter = c.upper || c.lower || is_letter(cp);
  if (c.upper) c.shape = 'X';
  else if (c.letter) c.shape = 'x';
  else if (is_digit(cp)) c.shape = 'd';
  else if (is_quote_char(cp)) c.shape = '"';
  else if (is_dash(cp)) c.shape = '-';
  return c;
}

// Polish inflectional endings (and the English plural/genitive-free rest falls through), the
// longer first: "szkołach" -> "szkoł", "polskiego" -> "polsk".
constexpr std::string_view kEndings[] = {
    "iego", "iemu", "ami", "ach", "ych", "ich", "ymi", "imi", "ego", "emu", "owi",
    "\xc3\xb3w" /* ów */, "om", "em", "ie", "i\xc4\x85" /* ią */, "i\xc4\x99" /* ię */, "ii", "ia", "iu",
    "ej", "ym", "im", "y", "i", "a", "e", "o", "u", "\xc4\x85" /* ą */, "\xc4\x99" /* ę */};

// A lower-case word without the longest listed inflectional ending that leaves at least
// three code points (a prefix of `lower`).
constexpr size_t kEndingCount = sizeof(kEndings) / sizeof(kEndings[0]);
// Which endings end with a given byte: a bit per ending, in list order.
struct EndingsByLastByte {
  uint32_t mask[256] = {};
  constexpr EndingsByLastByte() {
    for (size_t k = 0; k < kEndingCount; ++k) mask[static_cast<unsigned char>(kEndings[k].back())] |= uint32_t{1} << k;
  }
};
static_assert(kEndingCount <= 32, "one bit per ending");
constexpr EndingsByLastByte kEndingsByLastByte;

std::string_view stem_view(std::string_view lower) {
  if (lower.empty()) return lower;
  const char* end = lower.data() + lower.size();
  // Only the endings with the word's last byte, in list order.
  for (uint32_t m = kEndingsByLastByte.mask[static_cast<unsigned char>(end[-1])]; m; m &= m - 1) {
    const std::string_view e = kEndings[__builtin_ctz(m)];
    if (lower.size() <= e.size()) continue;
    bool match = true;
    for (size_t k = 2; k <= e.size() && match; ++k) match = end[-static_cast<long>(k)] == e[e.size() - k];
    if (!match) continue;
    const std::string_view stem = lower.substr(0, lower.size() - e.size());
    size_t cps = 0;
    for (const char c : stem) cps += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
    if (cps < 3) continue;
    return stem;
  }
  return lower;
}

void fill_word_attrs(std::string_view form, TokenKind kind, TokenAttrs& a) {
  a.value[kForm].assign(form.data(), form.size());
  // Lower case (as to_lower(), into the kept buffer); digits of numbers become 0 so "2019"
  // and "1996" share a feature.
  std::string& lower = a.value[kLower];
  lower.clear();
  size_t len = 0;
  for (size_t i = 0; i < form.size(); i += len) {
    const unsigned char b = static_cast<unsigned char>(form[i]);
    if (b < 0x80) {
      len = 1;
      lower += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      continue;
    }
    append_utf8(lower, to_lower(decode_utf8(form, i, &len)));
  }
  if (kind == TokenKind::Number) {
    for (char& c : lower) if (c >= '0' && c <= '9') c = '0';
  }
  // Shape and capitalisation.
  std::string& shape = a.value[kShape];
  shape.clear();
  size_t cps = 0, uppers = 0, letters = 0;
  bool first_upper = false, first_letter = false, first_digit = false;
  bool upper_after_first = false;
  for (size_t i = 0; i < form.size(); i += len) {
    const unsigned char b = static_cast<unsigned char>(form[i]);
    char32_t cp = b;
    len = 1;
    if (b >= 0x80) cp = decode_utf8(form, i, &len);
    const CodepointClass c = classify(cp);
    if (cps == 0) {
      first_upper = c.upper;
      first_letter = c.letter;
      first_digit = cp < 0x80 ? (cp >= '0' && cp <= '9') : is_digit(cp);
    }
    if (shape.empty() || shape.back() != c.shape) {
      if (shape.size() < 8) shape += c.shape;
    }
    if (c.letter) ++letters;
    if (c.upper) {
      ++uppers;
      if (cps > 0) upper_after_first = true;
    }
    ++cps;
  }
  const char* cap = "p";
  if (first_upper) {
    cap = letters == 1 ? "A" : (uppers == letters ? "AA" : (upper_after_first ? "AaA" : "Aa"));
  } else if (first_letter) {
    cap = uppers > 0 ? "aA" : "a";
  } else if (first_digit) {
    cap = "d";
  }
  a.value[kCap] = cap;
  // Affixes of the lower-cased form, by code points: the first six and the last five
  // code-point starts are all they need.
  for (int k = kP3; k <= kS4; ++k) a.value[k].clear();
  if (kind == TokenKind::Word) {
    size_t head[6] = {}, tail[5] = {};
    size_t n = 0;
    for (size_t i = 0; i < lower.size(); i += len) {
      if (n < 6) head[n] = i;
      tail[n % 5] = i;
      ++n;
      decode_utf8(lower, i, &len);
    }
    // The start of code point n - k (1 <= k <= 4, k < n): tail holds the last five.
    auto from_end = [&](size_t k) { return tail[(n - k) % 5]; };
    const std::string_view l = lower;
    if (n >= 4) a.value[kP3].assign(l.substr(0, head[3]));
    if (n >= 5) a.value[kP4].assign(l.substr(0, head[4]));
    if (n >= 6) a.value[kP5].assign(l.substr(0, head[5]));
    for (size_t k = 1; k <= 4; ++k) {
      if (n > k) a.value[kS1 + k - 1].assign(l.substr(from_end(k)));
    }
  }
  a.value[kStem].clear();
  if (kind == TokenKind::Word) a.value[kStem].assign(stem_view(lower));
}

}  // namespace

// --- Section: gazetteer matches ---
void gazetteer_types(const Gazetteer& gaz, const std::string_view* lower, const uint8_t* capitalised,
                     size_t count, uint8_t* begin_types, uint8_t* inside_types) {
  std::fill(begin_types, begin_types + count, uint8_t{0});
  std::fill(inside_types, inside_types + count, uint8_t{0});
  if (gaz.phrase_count() == 0) return;
  // The keys of the 1..kMaxPhraseWords-word phrases at i extend one another (phrase_key).
  for (size_t i = 0; i < count; ++i) {
    if (!capitalised[i]) continue;
    PhraseKeyBuilder exact(false), fuzzy(true);
    for (size_t n = 1; n <= kMaxPhraseWords && i + n <= count; ++n) {
      exact.add(lower[i + n - 1]);
      fuzzy.add(utf8_prefix(lower[i + n - 1], 5));
      const uint8_t t = static_cast<uint8_t>(gaz.phrase_types(exact.key()) | gaz.phrase_types(fuzzy.key()));
      if (!t) continue;
      begin_types[i] |= t;
      for (size_t k = 1; k < n; ++k) inside_types[i + k] |= t;
    }
  }
}

std::string gazetteer_value(uint8_t begin_types, uint8_t inside_types) {
  static const char kTypeChars[] = "csroCSRO";  // exact: lower case, fuzzy: upper case
  std::string v;
  for (int pass = 0; pass < 2; ++pass) {
    const uint8_t t = pass == 0 ? begin_types : inside_types;
    if (!t) continue;
    v += pass == 0 ? "B:" : "I:";
    for (int b = 0; b < 8; ++b) if (t >> b & 1) v += kTypeChars[b];
  }
  return v;
}

void capitalised_runs(const uint8_t* capitalised, size_t count, uint32_t* pre, uint32_t* first,
                      uint32_t* last) {
  std::fill(pre, pre + count, kNoRunToken);
  std::fill(first, first + count, kNoRunToken);
  std::fill(last, last + count, kNoRunToken);
  for (size_t b = 0; b < count;) {
    if (!capitalised[b]) { ++b; continue; }
    size_t e = b + 1;
    while (e < count && capitalised[e]) ++e;
    for (size_t i = b; i < e; ++i) {
      if (i > b) {
        pre[i] = b > 0 ? static_cast<uint32_t>(b - 1) : kRunBos;
        first[i] = static_cast<uint32_t>(b);
      }
      if (i + 1 < e) last[i] = static_cast<uint32_t>(e - 1);
    }
    b = e;
  }
}

// --- Section: tagging units ---
std::vector<Sentence> tagging_units(std::string_view text, const std::vector<Token>& tokens,
                                    const std::vector<Sentence>& sentences) {
  std::vector<Sentence> out;
  for (const Sentence& s : sentences) {
    if (!out.empty() && s.token_count > 0 && s.first_token < tokens.size() &&
        !tokens[s.first_token].newline_before) {
      const Sentence& p = out.back();
      const size_t last = p.first_token + p.token_count - 1;
      if (p.token_count >= 2 && last < tokens.size()) {
        const Token& dot = tokens[last];
        const Token& word = tokens[last - 1];
        const std::string_view dot_text = text.substr(dot.begin_byte, dot.end_byte - dot.begin_byte);
        const std::string_view w = text.substr(word.begin_byte, word.end_byte - word.begin_byte);
        const bool initial = count_codepoints(w) == 1 && is_upper(first_codepoint(w));
        const bool spaced_abbreviation = word.kind == TokenKind::Word && !word.is_abbreviation &&
                                         (initial || is_known_abbreviation(to_lower(w)));
        // "9 . 00", "20 . 10 . 2005": a number, a spaced dot, and a number goes on.
        const bool spaced_number = word.kind == TokenKind::Number &&
                                   tokens[s.first_token].kind == TokenKind::Number;
        if (dot_text == "." && (spaced_abbreviation || spaced_number)) {
          Sentence& q = out.back();
          q.token_count += s.token_count;
          q.end_byte = s.end_byte;
          continue;
        }
      }
    }
    out.push_back(s);
  }
  // Cut units longer than kMaxUnitTokens (no prose sentence is that long: a text without
  // sentence ends, a list, a hostile paste): the tagger's buffers grow with a unit's length,
  // so one unit of a million tokens took gigabytes. A cut falls after the last punctuation
  // token in the unit's final eighth, else at the limit.
  std::vector<Sentence> bounded;
  bounded.reserve(out.size());
  for (const Sentence& u : out) {
    size_t first = u.first_token;
    size_t left = u.token_count;
    while (left > kMaxUnitTokens && first + left <= tokens.size()) {
      size_t take = kMaxUnitTokens;
      for (size_t k = kMaxUnitTokens; k > kMaxUnitTokens - kMaxUnitTokens / 8; --k) {
        if (tokens[first + k - 1].kind == TokenKind::Punct) {
          take = k;
          break;
        }
      }
      bounded.push_back(Sentence{tokens[first].begin_byte, tokens[first + take - 1].end_byte, first, take});
      first += take;
      left -= take;
    }
    if (left > 0) bounded.push_back(Sentence{first < tokens.size() ? tokens[first].begin_byte : u.begin_byte,
                                             u.end_byte, first, left});
  }
  return bounded;
}

// --- Section: document context ---
namespace {

bool is_capitalised_word(std::string_view text, const Token& t) {
  return t.kind == TokenKind::Word && is_upper(first_codepoint(text.substr(t.begin_byte, t.end_byte - t.begin_byte)));
}

constexpr size_t kDocAttrs = 4;  // kDocPrev..kDocSeq (DocumentContext::index)
constexpr size_t kMaxOccurrences = 24;  // other occurrences looked at per token

}  // namespace

void DocumentContext::build(std::string_view text, const std::vector<Token>& tokens,
                            const std::vector<Sentence>& units) {
  const size_t n = tokens.size();
  // Values are interned: most are empty (id 0), and a document repeats the few others. Equal
  // strings may get two ids (a word "m" and the seen-value "m"): the ids are never compared.
  pool_.assign(1, std::string());
  auto add_value = [&](std::string v) {
    pool_.push_back(std::move(v));
    return static_cast<uint32_t>(pool_.size() - 1);
  };
  ids_.assign(n * kDocAttrs, 0);
  std::vector<uint8_t> first(n, 0);
  for (const Sentence& u : units) if (u.first_token < n) first[u.first_token] = 1;
  // Distinct forms, each lower-cased once, and distinct lower-case forms: form[k] and
  // lower[k] are numbers, so counting neighbours below compares integers.
  StringIndex form_index(n / 4);
  std::vector<std::string> lower_of_form;
  std::vector<uint32_t> lower_id_of_form;
  StringIndex lower_index(n / 4);
  std::vector<std::string_view> lower_text;  // by lower id
  std::vector<uint32_t> form(n), lower(n);
  for (size_t k = 0; k < n; ++k) {
    const std::string_view f = text.substr(tokens[k].begin_byte, tokens[k].end_byte - tokens[k].begin_byte);
    const auto [id, inserted] = form_index.insert(f);
    if (inserted) lower_of_form.push_back(to_lower(f));
    form[k] = id;
  }
  lower_id_of_form.resize(lower_of_form.size());
  for (size_t f = 0; f < lower_of_form.size(); ++f) {
    const auto [id, inserted] = lower_index.insert(lower_of_form[f]);
    if (inserted) lower_text.push_back(lower_of_form[f]);
    lower_id_of_form[f] = id;
  }
  for (size_t k = 0; k < n; ++k) lower[k] = lower_id_of_form[form[k]];
  // Occurrences are grouped by the stem of the lower-case form, so that inflected forms of a
  // name ("Farmacol", "Farmacolu") share their contexts.
  StringIndex group_index(n / 4);
  std::vector<uint32_t> group_of_form(lower_of_form.size());
  for (size_t f = 0; f < lower_of_form.size(); ++f) group_of_form[f] = group_index.insert(stem_view(lower_of_form[f])).first;
  const size_t groups = group_index.size();
  std::vector<uint32_t> group(n);
  for (size_t k = 0; k < n; ++k) group[k] = group_of_form[form[k]];
  // Capitalised runs: for every capitalised word its run's length (up to 4) and its place
  // ('S' alone, 'B', 'I', 'E'); the value is "S" or place + length ("B2").
  std::vector<uint8_t> cap(n, 0), run_len(n, 0);
  std::vector<char> run_place(n, 0);
  for (size_t k = 0; k < n; ++k) cap[k] = is_capitalised_word(text, tokens[k]) ? 1 : 0;
  for (size_t k = 0; k < n;) {
    if (!cap[k]) { ++k; continue; }
    size_t e = k;
    while (e < n && cap[e] && (e == k || !first[e])) ++e;
    const size_t len = e - k;
    for (size_t j = k; j < e; ++j) {
      run_len[j] = static_cast<uint8_t>(std::min<size_t>(len, 4));
      run_place[j] = len == 1 ? 'S' : (j == k ? 'B' : (j + 1 == e ? 'E' : 'I'));
    }
    k = e;
  }
  // Occurrences of each capitalised form (lists by form, in document order), and which
  // lower-case forms occur as non-capitalised words.
  std::vector<uint32_t> occ_begin(groups + 1, 0);
  for (size_t k = 0; k < n; ++k) if (cap[k]) ++occ_begin[group[k] + 1];
  for (size_t f = 0; f < groups; ++f) occ_begin[f + 1] += occ_begin[f];
  std::vector<uint32_t> occ(occ_begin.back());
  {
    std::vector<uint32_t> fill(occ_begin.begin(), occ_begin.end() - 1);
    for (size_t k = 0; k < n; ++k) if (cap[k]) occ[fill[group[k]]++] = static_cast<uint32_t>(k);
  }
  occ_begin_ = occ_begin;
  occ_ = occ;
  token_group_.assign(n, kNoGroup);
  for (size_t k = 0; k < n; ++k) if (cap[k]) token_group_[k] = group[k];
  std::vector<uint8_t> lower_seen(lower_text.size(), 0);
  for (size_t k = 0; k < n; ++k) {
    if (!cap[k] && tokens[k].kind == TokenKind::Word) lower_seen[lower[k]] = 1;
  }
  // Interned values: a lower-case form by its lower id, a run by place and length, a
  // seen-value by its two flags.
  std::vector<uint32_t> lower_value(lower_text.size(), 0);
  uint32_t run_value[256][5] = {};
  uint32_t seen_value[4] = {};
  std::vector<std::pair<uint32_t, int>> prev, next;
  auto bump = [](std::vector<std::pair<uint32_t, int>>& c, uint32_t w) {
    for (auto& p : c) if (p.first == w) { ++p.second; return; }
    c.emplace_back(w, 1);
  };
  // The commonest neighbour (ties: the smaller string), as a value id; 0 when none.
  auto pick = [&](const std::vector<std::pair<uint32_t, int>>& c) -> uint32_t {
    const std::pair<uint32_t, int>* best = nullptr;
    for (const auto& p : c) {
      if (!best || p.second > best->second ||
          (p.second == best->second && lower_text[p.first] < lower_text[best->first])) {
        best = &p;
      }
    }
    if (!best) return 0;
    uint32_t& v = lower_value[best->first];
    if (!v) v = add_value(std::string(lower_text[best->first]));
    return v;
  };
  for (size_t f = 0; f < groups; ++f) {
    const uint32_t* list = occ.data() + occ_begin[f];  // occ may be empty: no &occ[0]
    const size_t count = occ_begin[f + 1] - occ_begin[f];
    for (size_t pos = 0; pos < count; ++pos) {
      const size_t k = list[pos];
      uint32_t* v = &ids_[k * kDocAttrs];
      // Occurrences from index kMaxOccurrences on all look at the same others (the first
      // kMaxOccurrences) and share the form: their values are those of the previous one.
      // (The seen-value's "l" is the token's own lower case, which may differ in a group.)
      if (pos > kMaxOccurrences) {
        const uint32_t* w = &ids_[list[pos - 1] * kDocAttrs];
        std::copy(w, w + kDocAttrs, v);
        bool mid = false;
        for (int s = 1; s < 4; ++s) mid = mid || (w[2] != 0 && seen_value[s] == w[2] && (s & 1));
        const int seen = (mid ? 1 : 0) | (lower_seen[lower[k]] ? 2 : 0);
        if (seen && !seen_value[seen]) seen_value[seen] = add_value(seen == 1 ? "m" : (seen == 2 ? "l" : "ml"));
        v[2] = seen_value[seen];
        continue;
      }
      // Most frequent neighbours of the other occurrences (ties: smaller string).
      prev.clear();
      next.clear();
      bool mid = false;
      char best_place = 0;  // 0: none yet
      uint8_t best_len = 0;
      size_t looked = 0;
      for (size_t q = 0; q < count; ++q) {
        const size_t j = list[q];
        if (j == k) continue;
        if (++looked > kMaxOccurrences) break;
        if (j > 0 && !first[j]) bump(prev, lower[j - 1]);
        if (j + 1 < n && !first[j + 1]) bump(next, lower[j + 1]);
        if (!first[j]) mid = true;
        // Prefer the longest run ("B3" over "S"), then the smaller string ('B' < 'E' < 'I';
        // the only run of length 1 is "S").
        if (!best_place || run_len[j] > best_len || (run_len[j] == best_len && run_place[j] < best_place)) {
          best_place = run_place[j];
          best_len = run_len[j];
        }
      }
      v[0] = pick(prev);
      v[1] = pick(next);
      const int seen = (mid ? 1 : 0) | (lower_seen[lower[k]] ? 2 : 0);
      if (seen && !seen_value[seen]) seen_value[seen] = add_value(seen == 1 ? "m" : (seen == 2 ? "l" : "ml"));
      v[2] = seen_value[seen];
      if (best_place) {
        uint32_t& r = run_value[static_cast<unsigned char>(best_place)][best_len];
        if (!r) r = add_value(best_len == 1 ? std::string("S") : std::string(1, best_place) + static_cast<char>('0' + best_len));
        v[3] = r;
      }
    }
  }
  pool_hashes_.resize(pool_.size());
  for (size_t i = 0; i < pool_.size(); ++i) pool_hashes_[i] = fnv1a64(pool_[i]);
}

std::vector<std::string> DocumentContext::label_values(const std::vector<std::string_view>& tags) const {
  std::vector<std::string> out(token_group_.size());
  std::vector<std::pair<std::string_view, int>> counts;
  for (size_t k = 0; k < token_group_.size() && k < tags.size(); ++k) {
    const uint32_t g = token_group_[k];
    if (g == kNoGroup || occ_begin_[g + 1] - occ_begin_[g] < 2) continue;
    counts.clear();
    size_t looked = 0;
    for (uint32_t q = occ_begin_[g]; q < occ_begin_[g + 1]; ++q) {
      const uint32_t j = occ_[q];
      if (j == k || j >= tags.size()) continue;
      if (++looked > kMaxOccurrences) break;
      bool found = false;
      for (auto& c : counts) if (c.first == tags[j]) { ++c.second; found = true; break; }
      if (!found) counts.emplace_back(tags[j], 1);
    }
    const std::pair<std::string_view, int>* best = nullptr;
    for (const auto& c : counts) {
      if (!best || c.second > best->second || (c.second == best->second && c.first < best->first)) best = &c;
    }
    if (best) out[k] = std::string(best->first);
  }
  return out;
}

const std::string& DocumentContext::value(size_t k, Attr attr) const {
  const size_t idx = index(k, attr);
  return idx < ids_.size() ? pool_[ids_[idx]] : empty_;
}

static_assert(fnv1a64("") == 1469598103934665603ull, "DocumentContext::kEmptyValueHash");

// --- Section: attributes and hashes of a unit ---
void compute_form_attrs(std::string_view form, TokenKind kind, const Gazetteer* gaz, TokenAttrs* out) {
  TokenAttrs& a = *out;
  fill_word_attrs(form, kind, a);
  a.value[kProper].clear();
  a.value[kClass].clear();
  a.value[kCoarse].clear();
  a.value[kMid].clear();
  if (gaz) {
    if (a.value[kCap][0] == 'A' && gaz->is_proper_form(a.value[kForm])) a.value[kProper] = "1";
    const int cls = gaz->word_class(a.value[kLower]);
    if (cls >= 0) {
      // "c17", "k3" without temporaries.
      auto put = [](std::string& v, char prefix, int number) {
        char digits[12];
        size_t d = 0;
        do { digits[d++] = static_cast<char>('0' + number % 10); number /= 10; } while (number > 0);
        v.assign(1, prefix);
        while (d > 0) v += digits[--d];
      };
      // gazetteer.h: word_classes().
      put(a.value[kClass], 'c', cls & 1023);
      put(a.value[kCoarse], 'k', (cls >> 10) & 63);
      if ((cls >> 16) & 255) put(a.value[kMid], 'm', ((cls >> 16) & 255) - 1);
    }
  }
  for (int k = 0; k < kAttrCount; ++k) {
    if (is_form_attr(static_cast<Attr>(k))) a.hash[k] = fnv1a64(a.value[k]);
  }
}

AttrHashes attr_hashes(const TokenAttrs& attrs) {
  AttrHashes h;
  for (int k = 0; k < kAttrCount; ++k) {
    h.hash[k] = attrs.hash[k];
    if (attrs.value[k].empty()) h.empty |= uint32_t{1} << k;
  }
  return h;
}

uint8_t name_type(std::string_view label) {
  if (label == "PER") return kNamePer;
  if (label == "ORG") return kNameOrg;
  if (label == "LOC") return kNameLoc;
  return kNameOther;
}

void compute_attrs(std::string_view text, const Token* tokens, size_t count, const Gazetteer* gaz,
                   std::vector<TokenAttrs>* out, const DocumentContext* doc, size_t doc_first,
                   const Gazetteer* names) {
  out->resize(count);
  for (size_t i = 0; i < count; ++i) {
    const Token& t = tokens[i];
    TokenAttrs& a = (*out)[i];
    compute_form_attrs(text.substr(t.begin_byte, t.end_byte - t.begin_byte), t.kind, gaz, &a);
    a.value[kFirst] = i == 0 ? "1" : "0";
    a.value[kGaz].clear();
    for (int k = kDocPrev; k <= kDocSeq; ++k) {
      if (doc) a.value[k] = doc->value(doc_first + i, static_cast<Attr>(k));
      else a.value[k].clear();
    }
    a.value[kDocLabel].clear();  // the second pass sets it
    a.value[kSeen].clear();
  }
  // The phrase matches of a table (the gazetteer: kGaz; the training names: kSeen).
  auto set_matches = [&](const Gazetteer* table, Attr attr) {
    if (!table || table->phrase_count() == 0) return;
    std::vector<std::string_view> lower(count);
    std::vector<uint8_t> cap(count), begin_types(count), inside_types(count);
    for (size_t i = 0; i < count; ++i) {
      lower[i] = (*out)[i].value[kLower];
      cap[i] = (*out)[i].value[kCap][0] == 'A';
    }
    gazetteer_types(*table, lower.data(), cap.data(), count, begin_types.data(), inside_types.data());
    for (size_t i = 0; i < count; ++i) (*out)[i].value[attr] = gazetteer_value(begin_types[i], inside_types[i]);
  };
  set_matches(gaz, kGaz);
  set_matches(names, kSeen);
  {
    std::vector<uint8_t> cap(count);
    std::vector<uint32_t> run[3];
    for (auto& r : run) r.resize(count);
    for (size_t i = 0; i < count; ++i) cap[i] = (*out)[i].value[kCap][0] == 'A';
    capitalised_runs(cap.data(), count, run[0].data(), run[1].data(), run[2].data());
    for (size_t i = 0; i < count; ++i) {
      for (const RunAttrSource& src : kRunAttrSources) {
        std::string& v = (*out)[i].value[src.attr];
        const uint32_t j = run_token(src.token, run[0].data(), run[1].data(), run[2].data(), i, count);
        if (j == kNoRunToken) v.clear();
        else if (j == kRunBos) v = kBos;
        else if (j == kRunEos) v = kEos;
        else {
          const TokenAttrs& t = (*out)[j];
          v = src.source == kStem && t.value[kStem].empty() ? t.value[kLower] : t.value[src.source];
        }
      }
    }
  }
  for (size_t i = 0; i < count; ++i) {
    TokenAttrs& a = (*out)[i];
    for (int k = 0; k < kAttrCount; ++k) {
      if (!is_form_attr(static_cast<Attr>(k))) a.hash[k] = fnv1a64(a.value[k]);
    }
  }
}

void feature_hashes(const std::vector<TokenAttrs>& attrs, size_t i, std::vector<uint64_t>* out) {
  const long n = static_cast<long>(attrs.size());
  uint64_t h;
  for (size_t t = 0; t < kTemplateCount; ++t) {
    if (template_hash(t, attrs.data(), n, static_cast<long>(i), &h)) out->push_back(h);
  }
}

void form_feature_hashes(const AttrHashes& token, int offset, std::vector<uint64_t>* out) {
  const size_t base = out->size();
  out->resize(base + kMaxFormFeatures);
  out->resize(base + form_feature_hashes(token, offset, out->data() + base));
}

static_assert(kFormCount <= kMaxFormFeatures, "raise kMaxFormFeatures");

size_t form_feature_hashes(const AttrHashes& token, int offset, uint64_t* out) {
  static_assert(kMaxFormOffset == 2, "form_feature_hashes dispatches on offsets -2 .. 2");
  uint64_t* p = out;
  switch (offset) {
    case -2: p = form_hashes_at<-2>(token, p); break;
    case -1: p = form_hashes_at<-1>(token, p); break;
    case 0: p = form_hashes_at<0>(token, p); break;
    case 1: p = form_hashes_at<1>(token, p); break;
    case 2: p = form_hashes_at<2>(token, p); break;
    default: break;
  }
  return static_cast<size_t>(p - out);
}

void boundary_feature_hashes(int offset, std::vector<uint64_t>* out) {
  if (offset == 0) return;
  const AttrHashes none;
  uint64_t h;
  for (size_t t = 0; t < kTemplateCount; ++t) {
    const Template& tp = kTemplates[t];
    if (!is_form_template(tp) || template_offset(tp) != offset) continue;
    // Seen from index 0 of a one-token array, every part at offset != 0 is outside: BOS/EOS.
    if (template_hash(t, &none, 1, 0, &h)) out->push_back(h);
  }
}

void context_feature_hashes(const AttrHashes* attrs, size_t count, size_t i, std::vector<uint64_t>* out) {
  const size_t base = out->size();
  out->resize(base + kMaxContextFeatures);
  out->resize(base + context_feature_hashes(attrs, count, i, out->data() + base));
}

static_assert(kContextCount <= kMaxContextFeatures, "raise kMaxContextFeatures");

size_t context_feature_hashes(const AttrHashes* attrs, size_t count, size_t i, uint64_t* out) {
  if (i >= count) return 0;
  const uint64_t* end = all_context_hashes(attrs, static_cast<long>(count), static_cast<long>(i), out,
                                           std::make_index_sequence<kContextCount>());
  return static_cast<size_t>(end - out);
}

// --- Section: adaptable templates ---
namespace {

constexpr std::string_view kAdaptableNames[] = {"w",  "l",      "l-1|l",  "l|l+1", "st", "st|cap",
                                                 "rfirst", "rlast", "s4", "p5", "s3|cap"};

constexpr bool name_equal(const char* a, std::string_view b) {
  size_t i = 0;
  for (; a[i] != '\0'; ++i) if (i >= b.size() || a[i] != b[i]) return false;
  return i == b.size();
}

constexpr bool is_adaptable(const Template& tp) {
  for (std::string_view n : kAdaptableNames) if (name_equal(tp.name, n)) return true;
  return false;
}

constexpr size_t adaptable_count() {
  size_t c = 0;
  for (const Template& tp : kTemplates) c += is_adaptable(tp) ? 1 : 0;
  return c;
}
constexpr size_t kAdaptableCount = adaptable_count();
static_assert(kAdaptableCount == sizeof(kAdaptableNames) / sizeof(kAdaptableNames[0]),
              "every adaptable template name names a template");
static_assert(kAdaptableCount <= kMaxAdaptableFeatures, "raise kMaxAdaptableFeatures");

constexpr std::array<uint8_t, kAdaptableCount> adaptable_templates() {
  std::array<uint8_t, kAdaptableCount> out{};
  size_t c = 0;
  for (size_t t = 0; t < kTemplateCount; ++t) {
    if (is_adaptable(kTemplates[t])) out[c++] = static_cast<uint8_t>(t);
  }
  return out;
}
constexpr std::array<uint8_t, kAdaptableCount> kAdaptableTemplates = adaptable_templates();

}  // namespace

size_t adaptable_feature_hashes(const AttrHashes* attrs, size_t count, size_t i, uint64_t* out) {
  if (i >= count) return 0;
  // A number's label depends on its context alone ("1" of "1 maja" and of "1 z 3").
  constexpr uint64_t kDigitCap = fnv1a64("d");
  if (attrs[i].hash[kCap] == kDigitCap) return 0;
  size_t k = 0;
  for (uint8_t t : kAdaptableTemplates) {
    if (template_hash(t, attrs, static_cast<long>(count), static_cast<long>(i), &out[k])) ++k;
  }
  return k;
}

namespace {

constexpr size_t doc_label_count() {
  size_t c = 0;
  for (const Template& tp : kTemplates) c += tp.n > 0 && tp.parts[0].attr == kDocLabel;
  return c;
}
constexpr size_t kDocLabelCount = doc_label_count();
static_assert(kDocLabelCount <= kMaxDocLabelFeatures, "raise kMaxDocLabelFeatures");
constexpr std::array<uint8_t, kDocLabelCount> doc_label_templates() {
  std::array<uint8_t, kDocLabelCount> out{};
  size_t c = 0;
  for (size_t t = 0; t < kTemplateCount; ++t) {
    if (kTemplates[t].n > 0 && kTemplates[t].parts[0].attr == kDocLabel) out[c++] = static_cast<uint8_t>(t);
  }
  return out;
}
constexpr std::array<uint8_t, kDocLabelCount> kDocLabelTemplates = doc_label_templates();

}  // namespace

size_t doc_label_feature_hashes(const AttrHashes* attrs, size_t count, size_t i, uint64_t* out) {
  if (i >= count || (attrs[i].empty >> kDocLabel & 1)) return 0;
  size_t k = 0;
  for (uint8_t t : kDocLabelTemplates) {
    if (template_hash(t, attrs, static_cast<long>(count), static_cast<long>(i), &out[k])) ++k;
  }
  return k;
}

std::vector<std::string> adaptable_template_names() {
  std::vector<std::string> out;
  for (uint8_t t : kAdaptableTemplates) out.emplace_back(kTemplates[t].name);
  return out;
}

void span_feature_hashes(const std::vector<TokenAttrs>& attrs, size_t begin, size_t end,
                         std::vector<uint64_t>* out) {
  span_hashes(attrs.data(), attrs.size(), begin, end, out);
}

void span_feature_hashes(const AttrHashes* attrs, size_t count, size_t begin, size_t end,
                         std::vector<uint64_t>* out) {
  span_hashes(attrs, count, begin, end, out);
}

std::vector<std::string> feature_strings(const std::vector<TokenAttrs>& attrs, size_t i) {
  std::vector<std::string> out;
  const long n = static_cast<long>(attrs.size());
  for (size_t t = 0; t < kTemplateCount; ++t) {
    const Template& tp = kTemplates[t];
    std::string s = std::string(tp.name) + "=";
    bool skip = false;
    for (uint8_t p = 0; p < tp.n; ++p) {
      const long j = static_cast<long>(i) + tp.parts[p].offset;
      if (p) s += '|';
      if (j < 0) s += kBos;
      else if (j >= n) s += kEos;
      else {
        const std::string& v = attrs[static_cast<size_t>(j)].value[tp.parts[p].attr];
        if (p == 0 && v.empty()) { skip = true; break; }
        s += v;
      }
    }
    if (!skip) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace glosa::ner
