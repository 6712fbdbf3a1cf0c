// Agreement as JSON. Layer: formats.
#include "formats/agreement_json.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "engine/text/utf8.h"

namespace glosa {

namespace {
double round4(double v) { return std::round(v * 10000.0) / 10000.0; }
}  // namespace

std::string write_agreement_json(const Agreement& r, const Document& a, const Document& b, bool with_disagreements) {
  nlohmann::ordered_json j;
  j["f1"] = round4(r.f1);
  j["kappa"] = round4(r.kappa);
  j["matches"] = r.matches;
  j["label_diff"] = r.label_diff;
  j["boundary_diff"] = r.boundary_diff;
  j["only_a"] = r.only_a;
  j["only_b"] = r.only_b;
  nlohmann::ordered_json per_label = nlohmann::ordered_json::object();
  for (const LabelAgreement& l : r.per_label) {
    per_label[l.label] = {{"f1", round4(l.f1)}, {"a", l.a}, {"b", l.b}, {"matches", l.matches}};
  }
  j["per_label"] = std::move(per_label);
  if (with_disagreements) {
    const CodepointIndex index(a.text);
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Disagreement& d : r.disagreements) {
      nlohmann::ordered_json ids_a = nlohmann::ordered_json::array(), ids_b = nlohmann::ordered_json::array();
      for (size_t i : d.a) ids_a.push_back(a.entities[i].id);
      for (size_t i : d.b) ids_b.push_back(b.entities[i].id);
      list.push_back({{"kind", disagreement_kind_name(d.kind)},
                      {"start", index.to_codepoint(d.begin_byte)},
                      {"end", index.to_codepoint(d.end_byte)},
                      {"a", std::move(ids_a)},
                      {"b", std::move(ids_b)}});
    }
    j["disagreements"] = std::move(list);
  }
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace glosa
