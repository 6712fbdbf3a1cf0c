// Tests for engine/eval/agreement on a pair computed by hand.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "engine/eval/agreement.h"
#include "formats/agreement_json.h"

using namespace glosa;

namespace {

const char* kText = "Jan Kowalski mieszka w Warszawie od 2020 roku. Anna pracuje.";

Document annotated(std::initializer_list<std::pair<const char*, const char*>> spans) {
  Document d;
  d.text = kText;
  d.labels = default_labels();
  for (const auto& [surface, label] : spans) {
    Entity e;
    e.begin_byte = d.text.find(surface);
    REQUIRE(e.begin_byte != std::string::npos);
    e.end_byte = e.begin_byte + std::string(surface).size();
    e.label = label;
    d.entities.push_back(e);
  }
  sort_and_number_entities(d);
  return d;
}

}  // namespace

TEST_CASE("agreement: a pair computed by hand") {
  // A: PER "Jan Kowalski", LOC "Warszawie", DATE "2020 roku", PER "Anna".
  // B: PER "Jan Kowalski" (match), ORG "Warszawie" (label), DATE "2020" (boundary),
  //    MISC "mieszka" (only B); "Anna" is only in A.
  const Document a = annotated({{"Jan Kowalski", "PER"}, {"Warszawie", "LOC"}, {"2020 roku", "DATE"}, {"Anna", "PER"}});
  const Document b = annotated({{"Jan Kowalski", "PER"}, {"Warszawie", "ORG"}, {"2020", "DATE"}, {"mieszka", "MISC"}});
  auto r = compare_annotations(a, b);
  REQUIRE(r.is_ok());
  const Agreement& g = r.value();
  CHECK(g.matches == 1);
  CHECK(g.label_diff == 1);
  CHECK(g.boundary_diff == 1);
  CHECK(g.only_a == 1);
  CHECK(g.only_b == 1);
  CHECK(g.f1 == doctest::Approx(0.25));  // 2 * 1 / (4 + 4)
  // Tokens: Jan Kowalski mieszka w Warszawie od 2020 roku . Anna pracuje .
  //   A: PER PER O    O LOC  O DATE DATE O PER O O
  //   B: PER PER MISC O ORG  O DATE O    O O   O O
  // po = 8/12 = 96/144. Shares: A has PER 3, O 6, LOC 1, DATE 2; B has PER 2, O 7, MISC 1,
  // ORG 1, DATE 1; pe = (3*2 [PER] + 6*7 [O] + 2*1 [DATE]) / 144 = 50/144;
  // kappa = (96 - 50) / (144 - 50) = 46/94 = 23/47.
  CHECK(g.tokens == 12);
  CHECK(g.kappa == doctest::Approx(23.0 / 47.0));
  REQUIRE(g.per_label.size() == 5);
  CHECK(g.per_label[0].label == "DATE");
  CHECK(g.per_label[4].label == "PER");
  CHECK(g.per_label[4].a == 2);
  CHECK(g.per_label[4].b == 1);
  CHECK(g.per_label[4].matches == 1);
  CHECK(g.per_label[4].f1 == doctest::Approx(2.0 / 3.0));
  // Disagreements in text order: mieszka (only B), Warszawie (label), 2020 (boundary), Anna (only A).
  REQUIRE(g.disagreements.size() == 4);
  CHECK(g.disagreements[0].kind == DisagreementKind::OnlyB);
  CHECK(g.disagreements[1].kind == DisagreementKind::Label);
  CHECK(g.disagreements[2].kind == DisagreementKind::Boundary);
  CHECK(g.disagreements[2].a == std::vector<size_t>{2});
  CHECK(g.disagreements[2].b == std::vector<size_t>{3});
  CHECK(g.disagreements[3].kind == DisagreementKind::OnlyA);

  const auto j = nlohmann::json::parse(write_agreement_json(g, a, b, true));
  CHECK(j["f1"] == 0.25);
  CHECK(j["kappa"] == 0.4894);
  CHECK(j["per_label"]["PER"] == nlohmann::json({{"f1", 0.6667}, {"a", 2}, {"b", 1}, {"matches", 1}}));
  CHECK(j["disagreements"][2] == nlohmann::json({{"kind", "boundary"}, {"start", 36}, {"end", 45}, {"a", {"e3"}}, {"b", {"e4"}}}));
}

TEST_CASE("agreement: identical files agree fully; different texts are refused") {
  const Document a = annotated({{"Jan Kowalski", "PER"}, {"Anna", "PER"}});
  auto same = compare_annotations(a, a);
  REQUIRE(same.is_ok());
  CHECK(same.value().f1 == 1.0);
  CHECK(same.value().kappa == doctest::Approx(1.0));
  CHECK(same.value().disagreements.empty());
  const Document empty = annotated({});
  CHECK(compare_annotations(empty, empty).value().f1 == 1.0);
  CHECK(compare_annotations(empty, empty).value().kappa == 1.0);
  Document other = a;
  other.text += " ";
  auto refused = compare_annotations(a, other);
  REQUIRE_FALSE(refused.is_ok());
  CHECK(refused.status().code() == ErrorCode::ChecksumMismatch);
  CHECK(refused.status().message().find("different texts") != std::string::npos);
}
