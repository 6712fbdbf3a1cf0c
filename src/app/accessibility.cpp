// The accessible outline of the open document (for the DOM mirror). Layer: app.
#include "app/accessibility.h"

#include <nlohmann/json.hpp>

#include "app/document_index.h"

namespace glosa::app {

std::string spoken_label(const Document& doc, const std::string& label) {
  const int i = find_label(doc.labels, label);
  if (i < 0 || doc.labels[static_cast<size_t>(i)].description.empty()) return label;
  const std::string& d = doc.labels[static_cast<size_t>(i)].description;
  const size_t cut = d.find_first_of(":,(");
  std::string out = d.substr(0, cut);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? label : out;
}

std::string accessible_outline_json(AppState& state, size_t max_bytes) {
  using json = nlohmann::json;
  json j;
  j["revision"] = state.doc_revision;
  if (!has_document(state)) {
    j["title"] = "";
    j["paragraphs"] = json::array();
    return j.dump();
  }
  const Document& doc = state.doc();
  const DocumentIndex& index = document_index(state);
  j["title"] = document_title(doc);
  j["lang"] = doc.lang;
  std::string facts;
  for (const std::string& f : index.facts) facts += (facts.empty() ? "" : ", ") + f;
  j["facts"] = facts;
  const std::string_view text = doc.text;
  const size_t limit = std::min(text.size(), max_bytes);
  json paragraphs = json::array();
  size_t e = 0;  // entities by begin
  size_t pos = 0;
  bool truncated = false;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    if (pos >= limit) {
      truncated = true;
      break;
    }
    json runs = json::array();
    size_t at = pos;
    while (e < doc.entities.size() && doc.entities[e].begin_byte < pos) ++e;
    for (size_t k = e; k < doc.entities.size() && doc.entities[k].begin_byte < eol; ++k) {
      const Entity& x = doc.entities[k];
      if (x.status == ReviewStatus::Rejected || x.begin_byte < at || x.end_byte > eol) continue;
      if (x.begin_byte > at) runs.push_back(std::string(text.substr(at, x.begin_byte - at)));
      const std::string surface(text.substr(x.begin_byte, x.end_byte - x.begin_byte));
      // "Karlskrony (Karlskrona), place": the base form when it differs, then the label.
      const std::string base = !x.lemma.empty() && x.lemma != surface ? " (" + x.lemma + ")" : "";
      runs.push_back({{"i", k}, {"text", surface}, {"label", x.label},
                      {"name", surface + base + ", " + spoken_label(doc, x.label)}});
      at = x.end_byte;
    }
    if (eol > at) runs.push_back(std::string(text.substr(at, eol - at)));
    if (!runs.empty()) paragraphs.push_back(std::move(runs));
    pos = eol + 1;
  }
  j["paragraphs"] = std::move(paragraphs);
  j["truncated"] = truncated;
  json groups = json::array();
  std::vector<int> all;
  for (size_t g = 0; g < doc.groups.size(); ++g) all.push_back(static_cast<int>(g));
  for (int g : sort_groups_for_list(index, all)) {
    const size_t n = index.group_mentions[static_cast<size_t>(g)].size();
    if (n == 0) continue;
    const EntityGroup& group = doc.groups[static_cast<size_t>(g)];
    groups.push_back(group.name + ", " + spoken_label(doc, group.label) + ", " + std::to_string(n) +
                     (n == 1 ? " mention" : " mentions"));
  }
  j["groups"] = std::move(groups);
  json quotes = json::array();
  for (size_t q = 0; q < doc.quotes.size(); ++q) {
    const Quotation& quote = doc.quotes[q];
    const std::string who = speaker_display_name(doc, index, static_cast<int>(q));
    quotes.push_back(who + (quote.is_uncertain ? " (a guess)" : "") + ": " +
                     quote_snippet(text.substr(quote.begin_byte, quote.end_byte - quote.begin_byte), 400));
  }
  j["quotes"] = std::move(quotes);
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace glosa::app
