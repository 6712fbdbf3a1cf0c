// The accessible outline of the open document (for the DOM mirror). Layer: app.
#include "app/accessibility.h"

#include <nlohmann/json.hpp>

#include "app/document_index.h"
#include "app/review.h"

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

std::string accessible_outline_json(AppState& state, size_t from_byte, size_t max_bytes) {
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
  if (state.session()) j["document"] = state.session()->id;
  const std::string_view text = doc.text;
  // The window: whole lines from the one holding from_byte.
  size_t start = std::min(from_byte, text.size());
  if (start > 0) {
    const size_t nl = text.rfind('\n', start - 1);
    start = nl == std::string_view::npos ? 0 : nl + 1;
  }
  json paragraphs = json::array();
  size_t e = 0;  // entities by begin
  size_t pos = start;
  long long next = -1;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    if (pos > start && eol - start > max_bytes) {
      next = static_cast<long long>(pos);
      break;
    }
    json runs = json::array();
    size_t at = pos;
    while (e < doc.entities.size() && doc.entities[e].begin_byte < pos) ++e;
    for (size_t k = e; k < doc.entities.size() && doc.entities[k].begin_byte < eol; ++k) {
      const Entity& x = doc.entities[k];
      if (x.begin_byte < at || x.end_byte > eol) continue;
      if (x.begin_byte > at) runs.push_back(std::string(text.substr(at, x.begin_byte - at)));
      const std::string surface(text.substr(x.begin_byte, x.end_byte - x.begin_byte));
      // "Karlskrony (Karlskrona), place, unsure": the base form when it differs, the label,
      // then what the picture shows of its review (a rejected one stays, to be brought back).
      const std::string base = !x.lemma.empty() && x.lemma != surface ? " (" + x.lemma + ")" : "";
      const char* review = x.status == ReviewStatus::Accepted   ? ", accepted"
                           : x.status == ReviewStatus::Rejected ? ", rejected"
                           : looks_unsure(x)                    ? ", unsure"
                                                                : "";
      runs.push_back({{"i", k}, {"text", surface}, {"label", x.label},
                      {"name", surface + base + ", " + spoken_label(doc, x.label) + review}});
      at = x.end_byte;
    }
    if (eol > at) runs.push_back(std::string(text.substr(at, eol - at)));
    if (!runs.empty()) paragraphs.push_back(std::move(runs));
    pos = eol + 1;
  }
  j["paragraphs"] = std::move(paragraphs);
  // The window before: the lines just before this one, as many as fit, so that stepping back
  // skips nothing.
  size_t previous_start = start;
  while (previous_start > 0) {
    const size_t nl = previous_start >= 2 ? text.rfind('\n', previous_start - 2) : std::string_view::npos;
    const size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
    if (previous_start < start && start - line_start > max_bytes) break;
    previous_start = line_start;
  }
  const long long previous = start == 0 ? -1 : static_cast<long long>(previous_start);
  j["window"] = {{"from", start}, {"to", next < 0 ? text.size() : static_cast<size_t>(next)}, {"length", text.size()},
                 {"previous", previous}, {"next", next}};
  j["truncated"] = next >= 0;
  json groups = json::array();
  std::vector<int> all;
  for (size_t g = 0; g < doc.groups.size(); ++g) all.push_back(static_cast<int>(g));
  size_t more = 0;
  for (int g : sort_groups_for_list(index, all)) {
    const size_t n = index.group_mentions[static_cast<size_t>(g)].size();
    if (n == 0) continue;
    if (groups.size() == kMirrorListItems) {
      ++more;
      continue;
    }
    const EntityGroup& group = doc.groups[static_cast<size_t>(g)];
    groups.push_back(group.name + ", " + spoken_label(doc, group.label) + ", " + std::to_string(n) +
                     (n == 1 ? " mention" : " mentions"));
  }
  if (more > 0) groups.push_back("and " + std::to_string(more) + " more");
  j["groups"] = std::move(groups);
  json quotes = json::array();
  const size_t window_end = next < 0 ? text.size() : static_cast<size_t>(next);
  for (size_t q = 0; q < doc.quotes.size(); ++q) {
    const Quotation& quote = doc.quotes[q];
    if (quote.begin_byte < start || quote.begin_byte >= window_end) continue;  // another part's
    const std::string who = speaker_display_name(doc, index, static_cast<int>(q));
    quotes.push_back(who + (quote.is_uncertain ? " (a guess)" : "") + ": " +
                     quote_snippet(text.substr(quote.begin_byte, quote.end_byte - quote.begin_byte), 400));
  }
  j["quotes"] = std::move(quotes);
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace glosa::app
