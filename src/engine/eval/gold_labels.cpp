// Gold label mapping for NKJP, BSNLP and CoNLL. Layer: engine/eval.
#include "engine/eval/gold_labels.h"

#include "engine/core/document.h"
#include "engine/text/unicode.h"

namespace glosa {

bool parse_gold_scheme(std::string_view name, GoldScheme* scheme) {
  if (name == "nkjp") *scheme = GoldScheme::Nkjp;
  else if (name == "bsnlp") *scheme = GoldScheme::Bsnlp;
  else if (name == "conll") *scheme = GoldScheme::Conll;
  else if (name == "plain") *scheme = GoldScheme::Plain;
  else return false;
  return true;
}

bool starts_lowercase(std::string_view surface) { return is_lower(first_codepoint(surface)); }

static bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool map_gold_label(GoldScheme scheme, std::string_view raw, std::string_view surface,
                    MappedLabel* out) {
  out->subtype.clear();
  if (scheme == GoldScheme::Nkjp) {
    const bool is_name = starts_with(raw, "persName") || starts_with(raw, "orgName") ||
                         starts_with(raw, "placeName") || starts_with(raw, "geogName");
    if (is_name && starts_lowercase(surface) && surface.find(' ') == std::string_view::npos) {
      out->label = "NORP";
      return true;
    }
    if (starts_with(raw, "persName")) out->label = "PER";
    else if (raw == "orgName") out->label = "ORG";
    else if (raw == "geogName") { out->label = "LOC"; out->subtype = "geographic"; }
    else if (raw == "placeName") out->label = "LOC";
    else if (starts_with(raw, "placeName-")) { out->label = "LOC"; out->subtype = std::string(raw.substr(10)); }
    else if (raw == "date") out->label = "DATE";
    else if (raw == "time") out->label = "TIME";
    else return false;
    return true;
  }
  if (scheme == GoldScheme::Plain) {
    if (find_label(default_labels(), raw) < 0) return false;
    out->label = std::string(raw);
    return true;
  }
  if (raw == "PER" || raw == "ORG" || raw == "LOC" || raw == "MISC") { out->label = std::string(raw); return true; }
  if (scheme == GoldScheme::Bsnlp && (raw == "EVT" || raw == "PRO")) { out->label = std::string(raw); return true; }
  return false;
}

}  // namespace glosa
