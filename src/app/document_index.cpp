// Document lookups for the panels: group mentions, quotation nesting, filters, snippets,
// the article summary line. Layer: app.
#include "app/document_index.h"

#include <algorithm>
#include <tuple>

#include "app/app_state.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa::app {

namespace {

// `filter_key` is a search_fold() key: case and diacritics are ignored on both sides.
bool contains_key(std::string_view haystack, std::string_view filter_key) {
  if (filter_key.empty()) return true;
  if (haystack.empty()) return false;
  return search_fold(haystack).find(filter_key) != std::string::npos;
}

// Whether the title is a headline rather than the opening of the lead paragraph (the engine
// takes a lead's first sentence, after its dateline, cut with "…" when long: ARTICLE.md):
// its first occurrence in the text's first 64 KB ends its line and follows no dash on it.
bool title_is_headline(std::string_view text, std::string_view title) {
  static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
  if (title.size() >= kEllipsis.size() && title.substr(title.size() - kEllipsis.size()) == kEllipsis) return false;
  if (title.empty()) return false;
  const std::string_view head = text.substr(0, std::min<size_t>(text.size(), 65536));
  const size_t at = head.find(title);
  if (at == std::string_view::npos) return true;  // an edited or older title: shown as it is
  size_t end = at + title.size();
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t' || text[end] == '\r')) ++end;
  if (end < text.size() && text[end] != '\n') return false;  // more of the paragraph follows
  size_t before = at;
  while (before > 0 && text[before - 1] == ' ') --before;
  if (before == 0 || text[before - 1] == '\n') return true;
  size_t len = 0;
  size_t k = before - 1;
  while (k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
  return !is_dash(decode_utf8(text, k, &len));  // "WASHINGTON, June 8 — A federal judge…"
}

}  // namespace

int find_group(const Document& doc, std::string_view id) {
  if (id.empty()) return -1;
  for (size_t i = 0; i < doc.groups.size(); ++i) {
    if (doc.groups[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

DocumentIndex build_document_index(const Document& doc) {
  DocumentIndex index;
  // Group ids are looked up once each through a sorted table: documents may hold thousands
  // of entities.
  std::vector<std::pair<std::string_view, int>> ids;
  ids.reserve(doc.groups.size());
  for (size_t g = 0; g < doc.groups.size(); ++g) ids.emplace_back(doc.groups[g].id, static_cast<int>(g));
  std::sort(ids.begin(), ids.end());
  const auto lookup = [&](std::string_view id) -> int {
    if (id.empty()) return -1;
    auto it = std::lower_bound(ids.begin(), ids.end(), std::make_pair(id, -1));
    return it != ids.end() && it->first == id ? it->second : -1;
  };
  index.group_mentions.assign(doc.groups.size(), {});
  index.entity_group.assign(doc.entities.size(), -1);
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    const int g = lookup(doc.entities[e].group);
    index.entity_group[e] = g;
    if (g >= 0) index.group_mentions[g].push_back(static_cast<int>(e));
  }
  index.group_link.assign(doc.groups.size(), -1);
  for (size_t g = 0; g < doc.groups.size(); ++g) {
    const int link = lookup(doc.groups[g].link);
    if (link != static_cast<int>(g)) index.group_link[g] = link;
  }
  index.quote_speaker.assign(doc.quotes.size(), -1);
  for (size_t q = 0; q < doc.quotes.size(); ++q) index.quote_speaker[q] = lookup(doc.quotes[q].speaker);
  // Depth by following parents, each quotation's depth computed once (linear: a file may
  // nest thousands of quotations). A parent id names the first quotation with that id; a
  // missing parent ends the chain, and a chain that comes back to a quotation already on
  // it (a cycle; read_document allows only earlier parents, so files have none) ends there.
  std::vector<std::pair<std::string_view, int>> quote_ids;
  quote_ids.reserve(doc.quotes.size());
  for (size_t q = 0; q < doc.quotes.size(); ++q) quote_ids.emplace_back(doc.quotes[q].id, static_cast<int>(q));
  std::sort(quote_ids.begin(), quote_ids.end());
  std::vector<int> parent_of(doc.quotes.size(), -1);
  for (size_t q = 0; q < doc.quotes.size(); ++q) {
    const std::string_view id = doc.quotes[q].parent;
    if (id.empty()) continue;
    auto it = std::lower_bound(quote_ids.begin(), quote_ids.end(), std::make_pair(id, -1));
    if (it != quote_ids.end() && it->first == id) parent_of[q] = it->second;
  }
  std::vector<int>& depth = index.quote_depth;
  depth.assign(doc.quotes.size(), -1);
  std::vector<char> on_path(doc.quotes.size(), 0);
  std::vector<int> path;
  for (size_t q = 0; q < doc.quotes.size(); ++q) {
    path.clear();
    int x = static_cast<int>(q);
    while (x >= 0 && depth[x] < 0 && !on_path[x]) {
      on_path[x] = 1;
      path.push_back(x);
      x = parent_of[x];
    }
    int d = x >= 0 && depth[x] >= 0 ? depth[x] + 1 : 0;
    for (auto it = path.rbegin(); it != path.rend(); ++it, ++d) {
      depth[*it] = d;
      on_path[*it] = 0;
    }
  }
  index.label_counts.assign(doc.labels.size(), 0);
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    const Entity& x = doc.entities[e];
    if (x.status == ReviewStatus::Rejected) {
      ++index.rejected_count;
      continue;
    }
    const int l = find_label(doc.labels, x.label);
    if (l >= 0) ++index.label_counts[static_cast<size_t>(l)];
    if (index.entity_group[e] < 0) ++index.ungrouped_count;
  }
  index.char_count = count_codepoints(doc.text);
  index.facts = article_facts(doc, index);
  index.title_is_headline = title_is_headline(doc.text, doc.article.title);
  return index;
}

std::string speaker_display_name(const Document& doc, const DocumentIndex& index, int q) {
  if (q < 0 || q >= static_cast<int>(doc.quotes.size())) return "unknown speaker";
  const int g = q < static_cast<int>(index.quote_speaker.size()) ? index.quote_speaker[q] : -1;
  if (g >= 0 && !doc.groups[g].name.empty()) return doc.groups[g].name;
  const Quotation& quote = doc.quotes[q];
  if (quote.speaker_end_byte > quote.speaker_begin_byte && quote.speaker_end_byte <= doc.text.size()) {
    return quote_snippet(std::string_view(doc.text).substr(quote.speaker_begin_byte,
                                                           quote.speaker_end_byte - quote.speaker_begin_byte),
                         60);
  }
  return "unknown speaker";
}

bool is_unknown_speaker(const Document& doc, const DocumentIndex& index, int q) {
  if (q < 0 || q >= static_cast<int>(doc.quotes.size())) return true;
  const int g = q < static_cast<int>(index.quote_speaker.size()) ? index.quote_speaker[q] : -1;
  const Quotation& quote = doc.quotes[q];
  return (g < 0 || doc.groups[g].name.empty()) && quote.speaker_end_byte <= quote.speaker_begin_byte;
}

std::string quote_snippet(std::string_view text, size_t max_codepoints) {
  std::string out;
  size_t count = 0;
  size_t last_space = std::string::npos;  // byte in `out` of the last space, and its count
  size_t count_at_space = 0;
  bool cut = false;
  size_t len = 0;
  for (size_t i = 0; i < text.size(); i += len) {
    const char32_t cp = decode_utf8(text, i, &len);
    const bool space = is_space(cp);
    if (space && (out.empty() || out.back() == ' ')) continue;
    if (count == max_codepoints) {
      cut = true;
      break;
    }
    if (space) {
      last_space = out.size();
      count_at_space = count;
      out += ' ';
    } else {
      append_utf8(out, cp);
    }
    ++count;
  }
  if (cut) {
    if (last_space != std::string::npos && count_at_space * 2 >= max_codepoints) out.resize(last_space);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\xE2\x80\xA6";  // …
  } else {
    while (!out.empty() && out.back() == ' ') out.pop_back();
  }
  return out;
}

bool entity_matches(const Document& doc, int e, std::string_view filter_key) {
  if (filter_key.empty()) return true;
  const Entity& x = doc.entities[e];
  return contains_key(entity_text(doc, x), filter_key) || contains_key(x.lemma, filter_key) ||
         contains_key(x.label, filter_key) || contains_key(x.value, filter_key) ||
         contains_key(x.resolved, filter_key);
}

bool group_matches(const Document& doc, const DocumentIndex& index, int g, std::string_view filter_key) {
  if (filter_key.empty()) return true;
  const EntityGroup& group = doc.groups[g];
  if (contains_key(group.name, filter_key) || contains_key(group.acronym, filter_key) ||
      contains_key(group.place, filter_key) || contains_key(group.label, filter_key)) {
    return true;
  }
  for (int e : index.group_mentions[g]) {
    const Entity& x = doc.entities[e];
    if (contains_key(entity_text(doc, x), filter_key) || contains_key(x.lemma, filter_key)) return true;
  }
  return false;
}

bool quote_matches(const Document& doc, const DocumentIndex& index, int q, std::string_view filter_key) {
  if (filter_key.empty()) return true;
  const Quotation& quote = doc.quotes[q];
  const std::string_view text = doc.text;
  if (quote.end_byte <= text.size() &&
      contains_key(text.substr(quote.begin_byte, quote.end_byte - quote.begin_byte), filter_key)) {
    return true;
  }
  return contains_key(speaker_display_name(doc, index, q), filter_key);
}

std::vector<int> sort_groups_for_list(const DocumentIndex& index, std::vector<int> candidates) {
  const auto key = [&](int g) {
    const auto& m = index.group_mentions[g];
    // Groups without mentions sort after all others (first mention "infinitely" late).
    return std::make_tuple(-static_cast<long>(m.size()), m.empty() ? 1 : 0, m.empty() ? g : m.front());
  };
  std::stable_sort(candidates.begin(), candidates.end(), [&](int a, int b) { return key(a) < key(b); });
  return candidates;
}

const char* language_display_name(std::string_view lang) {
  if (lang == "pl") return "Polski";
  if (lang == "en") return "English";
  return "";
}

std::vector<std::string> article_facts(const Document& doc, const DocumentIndex& index) {
  std::vector<std::string> parts;
  const ArticleInfo& a = doc.article;
  if (!a.date.empty()) parts.push_back(a.date);
  if (!a.source.empty()) parts.push_back(a.source);
  if (*language_display_name(doc.lang)) parts.push_back(language_display_name(doc.lang));
  if (a.word_count > 0) parts.push_back(count_of(a.word_count, "word", "words"));
  if (a.reading_minutes > 0) parts.push_back("~" + std::to_string(a.reading_minutes) + " min read");
  size_t people = 0, places = 0, orgs = 0;
  for (size_t g = 0; g < doc.groups.size(); ++g) {
    if (index.group_mentions.size() > g && index.group_mentions[g].empty()) continue;
    const std::string& label = doc.groups[g].label;
    if (label == "PER") ++people;
    else if (label == "LOC") ++places;
    else if (label == "ORG") ++orgs;
  }
  if (people > 0) parts.push_back(count_of(people, "person", "people"));
  if (places > 0) parts.push_back(count_of(places, "place", "places"));
  if (orgs > 0) parts.push_back(count_of(orgs, "organisation", "organisations"));
  if (!doc.quotes.empty()) parts.push_back(count_of(doc.quotes.size(), "quotation", "quotations"));
  return parts;
}

}  // namespace glosa::app
