// Splitting model name spans that hold two mentions. Layer: engine/names.
#include "engine/names/span_repair.h"

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/names/base_form.h"
#include "engine/names/entity_groups.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa::names {

namespace {

struct Word {
  size_t begin = 0;  // byte span in the document text
  size_t end = 0;
};

// The whitespace-separated words of text[begin, end).
std::vector<Word> words_in(std::string_view text, size_t begin, size_t end) {
  std::vector<Word> out;
  size_t len = 0;
  size_t start = std::string_view::npos;
  for (size_t i = begin; i < end; i += len) {
    const bool space = is_space(decode_utf8(text, i, &len));
    if (space && start != std::string_view::npos) {
      out.push_back({start, i});
      start = std::string_view::npos;
    } else if (!space && start == std::string_view::npos) {
      start = i;
    }
  }
  if (start != std::string_view::npos) out.push_back({start, end});
  return out;
}

bool is_free_dash(std::string_view w) {
  return w == "\xE2\x80\x93" /*–*/ || w == "\xE2\x80\x94" /*—*/;
}

Entity part_of(const Entity& e, size_t begin, size_t end) {
  Entity p = e;
  p.begin_byte = begin;
  p.end_byte = end;
  return p;
}

}  // namespace

bool split_joined_names(Document& doc, const Lexicon* lexicon) {
  const std::string_view text = doc.text;
  std::set<std::string_view> person_mentions;  // PER mentions as written
  for (const Entity& e : doc.entities) {
    if (e.label == "PER") person_mentions.insert(entity_text(doc, e));
  }
  const bool polish = doc.lang == "pl" && lexicon != nullptr;
  std::vector<Entity> out;
  out.reserve(doc.entities.size());
  bool changed = false;
  for (Entity& e : doc.entities) {
    if (e.origin != Origin::Model || !is_name_label(e.label)) {
      out.push_back(std::move(e));
      continue;
    }
    const std::vector<Word> words = words_in(text, e.begin_byte, e.end_byte);
    if (words.size() < 2) {
      out.push_back(std::move(e));
      continue;
    }
    // Free-standing dashes: the runs of words between them.
    bool has_dash = false;
    for (const Word& w : words) has_dash |= is_free_dash(text.substr(w.begin, w.end - w.begin));
    if (has_dash) {
      size_t first = 0;
      for (size_t k = 0; k <= words.size(); ++k) {
        const bool cut = k == words.size() || is_free_dash(text.substr(words[k].begin, words[k].end - words[k].begin));
        if (!cut) continue;
        if (k > first) out.push_back(part_of(e, words[first].begin, words[k - 1].end));
        first = k + 1;
      }
      changed = true;
      continue;
    }
    // A place or organisation, then a person named on their own elsewhere.
    bool split = false;
    if (polish && (e.label == "LOC" || e.label == "ORG")) {
      for (size_t k = 1; k < words.size() && !split; ++k) {
        const std::string_view right = text.substr(words[k].begin, e.end_byte - words[k].begin);
        if (!person_mentions.count(right)) continue;
        const std::string_view left = text.substr(e.begin_byte, words[k - 1].end - e.begin_byte);
        // The person is in the nominative and the words before are not: not one name.
        if (base_form(right, "PER", "pl", lexicon) != right) continue;
        if (base_form(left, "PER", "pl", lexicon) == left) continue;
        out.push_back(part_of(e, e.begin_byte, words[k - 1].end));
        Entity person = part_of(e, words[k].begin, e.end_byte);
        person.label = "PER";
        person.subtype.clear();
        out.push_back(std::move(person));
        split = true;
      }
    }
    if (split) {
      changed = true;
    } else {
      out.push_back(std::move(e));
    }
  }
  doc.entities = std::move(out);
  return changed;
}

}  // namespace glosa::names
