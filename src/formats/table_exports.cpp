// CSV and standalone HTML writers. Layer: formats.
#include "formats/table_exports.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <vector>

#include "engine/core/sha256.h"
#include "engine/engine.h"
#include "engine/text/utf8.h"

namespace glosa {

namespace {

// A field a spreadsheet would run as a formula (OWASP's list: = + - @ tab CR) gets a
// leading "'": "-P1Y" (last year) showed as #NAME?, "=1+1" ran.
std::string csv_field(std::string value) {
  if (!value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos) value.insert(0, "'");
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string confidence_text(float c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.4g", std::round(static_cast<double>(c) * 10000.0) / 10000.0);
  return buf;
}

std::unordered_map<std::string_view, const EntityGroup*> groups_by_id(const Document& doc) {
  std::unordered_map<std::string_view, const EntityGroup*> by_id;
  for (const EntityGroup& g : doc.groups) by_id.emplace(g.id, &g);
  return by_id;
}

// Text made safe inside HTML elements and attribute values.
std::string html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\0': out += "\xEF\xBF\xBD"; break;
      default: out += c;
    }
  }
  return out;
}

bool is_hex_color(const std::string& c) {
  return c.size() == 7 && c[0] == '#' &&
         std::all_of(c.begin() + 1, c.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)) != 0; });
}

}  // namespace

std::string write_csv(const Document& doc) {
  const CodepointIndex index(doc.text);
  const auto groups = groups_by_id(doc);
  // A UTF-8 byte-order mark first: without it, Excel opens a double-clicked CSV in the
  // system's code page and garbles every Polish letter ("Å›" for "ś"); LibreOffice, Google
  // Sheets, pandas and R's readr skip it.
  std::string out = "\xEF\xBB\xBF" "id,start,end,text,label,value,base form,group,status,origin,confidence\r\n";
  for (const Entity& e : doc.entities) {
    auto g = groups.find(e.group);
    const std::string fields[] = {e.id,
                                  std::to_string(index.to_codepoint(e.begin_byte)),
                                  std::to_string(index.to_codepoint(e.end_byte)),
                                  std::string(entity_text(doc, e)),
                                  e.label,
                                  e.value,
                                  e.lemma,
                                  g == groups.end() ? std::string() : g->second->name,
                                  review_status_name(e.status),
                                  origin_name(e.origin),
                                  confidence_text(e.confidence)};
    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; ++f) {
      if (f) out += ',';
      out += csv_field(fields[f]);
    }
    out += "\r\n";
  }
  return out;
}

std::string write_html(const Document& doc) {
  const auto groups = groups_by_id(doc);
  // Colours by label: a class per label index, so no document text ever reaches the CSS.
  std::unordered_map<std::string_view, size_t> label_index;
  for (size_t i = 0; i < doc.labels.size(); ++i) label_index.emplace(doc.labels[i].name, i);
  const auto label_class = [&](const std::string& label) {
    auto it = label_index.find(label);
    return it == label_index.end() ? std::string("lx") : "l" + std::to_string(it->second);
  };
  const std::string title = doc.article.title.empty() ? std::string("Glosa document") : doc.article.title;

  std::string out;
  out.reserve(doc.text.size() * 3 + 4096);
  out += "<!DOCTYPE html>\n<html lang=\"" + html(doc.lang.empty() ? std::string("und") : doc.lang) + "\">\n<head>\n";
  out += "<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"glosa " + std::string(kGlosaVersion) + "\">\n";
  out += "<title>" + html(title) + "</title>\n<style>\n";
  out += "body{font-family:'DejaVu Sans',system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;color:#1d1d1f;line-height:1.6}\n"
         "article{white-space:pre-wrap;font-size:1.05em;margin:1.5em 0;padding-top:1em;border-top:1px solid #ddd}\n"
         "section{overflow-x:auto}\n"
         "mark{border-radius:3px;padding:0 2px;color:inherit}\n"
         "mark .tag{font-size:.65em;font-weight:bold;margin-left:3px;vertical-align:.15em;opacity:.75}\n"
         ".quote{background:#f2f2f7;border-bottom:2px solid #8e8e93}\n"
         ".legend span{display:inline-block;margin:0 .4em .4em 0;padding:0 .4em;border-radius:3px}\n"
         "table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}\n"
         ".facts{color:#555}footer{margin-top:2em;color:#777;font-size:.8em}\n"
         "@media print{body{margin:0;max-width:none}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";
  for (size_t i = 0; i < doc.labels.size(); ++i) {
    const std::string color = is_hex_color(doc.labels[i].color) ? doc.labels[i].color : std::string("#dddddd");
    out += ".l" + std::to_string(i) + "{background:" + color + "}\n";
  }
  out += ".lx{background:#dddddd}\n</style>\n</head>\n<body>\n";

  // Header: title and facts.
  out += "<header>\n<h1>" + html(title) + "</h1>\n<p class=\"facts\">";
  std::vector<std::string> facts;
  if (!doc.article.date.empty()) facts.push_back(html(doc.article.date));
  if (!doc.article.source.empty()) facts.push_back(html(doc.article.source));
  if (!doc.lang.empty()) facts.push_back(html(doc.lang));
  const auto count = [](size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  facts.push_back(count(doc.article.word_count, "word", "words"));
  facts.push_back(count(doc.entities.size(), "entity", "entities"));
  facts.push_back(count(doc.quotes.size(), "quotation", "quotations"));
  for (size_t i = 0; i < facts.size(); ++i) out += (i ? " \xC2\xB7 " : "") + facts[i];
  out += "</p>\n</header>\n";

  // Legend: labels in use, with counts.
  std::vector<size_t> counts(doc.labels.size() + 1, 0);
  for (const Entity& e : doc.entities) {
    auto it = label_index.find(e.label);
    ++counts[it == label_index.end() ? doc.labels.size() : it->second];
  }
  out += "<section class=\"legend\"><h2>Labels</h2>\n";
  for (size_t i = 0; i < doc.labels.size(); ++i) {
    if (!counts[i]) continue;
    out += "<span class=\"l" + std::to_string(i) + "\" title=\"" + html(doc.labels[i].description) + "\">" +
           html(doc.labels[i].name) + " " + std::to_string(counts[i]) + "</span>";
  }
  out += "\n</section>\n";

  // The article: the text cut at every entity and quotation edge; each piece inside the
  // entity that covers it (of overlapping entities, the one that began first shows).
  std::vector<size_t> cuts = {0, doc.text.size()};
  for (const Entity& e : doc.entities) { cuts.push_back(e.begin_byte); cuts.push_back(e.end_byte); }
  for (const Quotation& q : doc.quotes) { cuts.push_back(q.begin_byte); cuts.push_back(q.end_byte); }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  out += "<main>\n<article>";
  size_t ei = 0, qi = 0;
  std::vector<const Entity*> open_entities;
  for (size_t c = 0; c + 1 < cuts.size(); ++c) {
    const size_t b = cuts[c], e = cuts[c + 1];
    while (ei < doc.entities.size() && doc.entities[ei].begin_byte <= b) open_entities.push_back(&doc.entities[ei++]);
    open_entities.erase(std::remove_if(open_entities.begin(), open_entities.end(),
                                       [&](const Entity* x) { return x->end_byte <= b; }),
                        open_entities.end());
    while (qi < doc.quotes.size() && doc.quotes[qi].end_byte <= b) ++qi;
    bool in_quote = false;
    for (size_t k = qi; k < doc.quotes.size() && doc.quotes[k].begin_byte <= b; ++k) in_quote = in_quote || doc.quotes[k].end_byte > b;
    const Entity* ent = open_entities.empty() ? nullptr : open_entities.front();
    const std::string piece = html(std::string_view(doc.text).substr(b, e - b));
    std::string inner = piece;
    if (ent) {
      std::string tip = ent->label;
      if (!ent->value.empty()) tip += " \xC2\xB7 " + ent->value;
      if (!ent->lemma.empty()) tip += " \xC2\xB7 " + ent->lemma;
      if (auto g = groups.find(ent->group); g != groups.end()) tip += " \xC2\xB7 " + g->second->name;
      inner = "<mark class=\"" + label_class(ent->label) + "\" title=\"" + html(tip) + "\">" + piece;
      if (ent->end_byte == e) inner += "<span class=\"tag\">" + html(ent->label) + "</span>";
      inner += "</mark>";
    }
    out += in_quote ? "<span class=\"quote\">" + inner + "</span>" : inner;
  }
  out += "</article>\n</main>\n";

  // Entities.
  out += "<section><h2>Entities</h2>\n<table>\n<thead><tr><th>#</th><th>text</th><th>label</th><th>value</th>"
         "<th>base form</th><th>group</th><th>origin</th><th>confidence</th><th>status</th></tr></thead>\n<tbody>\n";
  for (const Entity& e : doc.entities) {
    auto g = groups.find(e.group);
    out += "<tr><td>" + html(e.id) + "</td><td>" + html(entity_text(doc, e)) + "</td><td><span class=\"" +
           label_class(e.label) + "\">" + html(e.label) + "</span></td><td>" + html(e.value) + "</td><td>" + html(e.lemma) +
           "</td><td>" + (g == groups.end() ? std::string() : html(g->second->name)) + "</td><td>" + origin_name(e.origin) +
           "</td><td>" + confidence_text(e.confidence) + "</td><td>" + review_status_name(e.status) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";

  // Quotations.
  out += "<section><h2>Quotations</h2>\n";
  if (doc.quotes.empty()) out += "<p>None.</p>\n";
  else out += "<table>\n<thead><tr><th>speaker</th><th>quotation</th></tr></thead>\n<tbody>\n";
  for (const Quotation& q : doc.quotes) {
    auto g = groups.find(q.speaker);
    std::string speaker = g == groups.end() ? std::string("(unknown)") : html(g->second->name);
    if (q.is_uncertain && g != groups.end()) speaker += " (uncertain)";
    out += "<tr><td>" + speaker + "</td><td>" + html(std::string_view(doc.text).substr(q.begin_byte, q.end_byte - q.begin_byte)) +
           "</td></tr>\n";
  }
  if (!doc.quotes.empty()) out += "</tbody>\n</table>\n";
  out += "</section>\n";
  out += "<footer>" + html(doc.meta.tool.empty() ? std::string("glosa ") + kGlosaVersion : doc.meta.tool) +
         (doc.meta.created.empty() ? std::string() : " \xC2\xB7 " + html(doc.meta.created)) + " \xC2\xB7 sha256 " +
         sha256_hex(doc.text) + "</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace glosa
