// Tests for engine/engine: the merge policy between rule and model entities
// (merge_entities), on hand-made overlaps and against a plain quadratic statement of it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/engine.h"

using namespace glosa;

namespace {

Entity span(size_t begin, size_t end, const char* label, Origin origin) {
  Entity e;
  e.begin_byte = begin;
  e.end_byte = end;
  e.label = label;
  e.origin = origin;
  return e;
}

Entity rule(size_t begin, size_t end, const char* label) {
  return span(begin, end, label, Origin::Rule);
}

Entity model(size_t begin, size_t end, const char* label) {
  return span(begin, end, label, Origin::Model);
}

// "LABEL begin-end" for each entity, in output order.
std::vector<std::string> describe(const std::vector<Entity>& entities) {
  std::vector<std::string> out;
  for (const Entity& e : entities) {
    out.push_back(e.label + " " + std::to_string(e.begin_byte) + "-" + std::to_string(e.end_byte));
  }
  return out;
}

bool overlap(const Entity& a, const Entity& b) {
  return a.begin_byte < b.end_byte && b.begin_byte < a.end_byte;
}

// The policy as first written: every candidate is tested against every kept entity.
std::vector<Entity> merge_reference(std::vector<Entity> rules, std::vector<Entity> names) {
  // A model DATE/TIME lends its span to the one rule entity of its label inside it, when no
  // other rule entity touches it; decided on the original spans, the first model span wins.
  std::vector<std::pair<size_t, size_t>> widen;  // rule index, model index
  for (size_t m = 0; m < names.size(); ++m) {
    const Entity& me = names[m];
    if (me.label != "DATE" && me.label != "TIME") continue;
    size_t touching = 0, inside = 0, found = 0;
    for (size_t r = 0; r < rules.size(); ++r) {
      const Entity& re = rules[r];
      const bool starts_inside = re.begin_byte >= me.begin_byte && re.begin_byte < me.end_byte;
      const bool reaches_in = re.begin_byte < me.begin_byte && re.end_byte > me.begin_byte;
      if (starts_inside || reaches_in) ++touching;
      if (starts_inside && re.end_byte <= me.end_byte && re.label == me.label) { ++inside; found = r; }
    }
    if (touching == 1 && inside == 1) widen.push_back({found, m});
  }
  std::vector<bool> done(rules.size(), false);
  for (const auto& [r, m] : widen) {
    if (done[r]) continue;
    done[r] = true;
    rules[r].begin_byte = names[m].begin_byte;
    rules[r].end_byte = names[m].end_byte;
  }
  const auto owned = [](const std::string& l) {
    return l == "DATE" || l == "TIME" || l == "MONEY" || l == "PERCENT" || l == "QUANTITY" ||
           l == "URL" || l == "EMAIL";
  };
  std::vector<Entity> strong, rest;
  for (auto& e : rules) (owned(e.label) ? strong : rest).push_back(e);
  for (auto& e : names) rest.push_back(e);
  const auto order = [](const Entity& a, const Entity& b) {
    if (a.begin_byte != b.begin_byte) return a.begin_byte < b.begin_byte;
    return a.end_byte > b.end_byte;
  };
  std::stable_sort(strong.begin(), strong.end(), order);
  std::stable_sort(rest.begin(), rest.end(), order);
  std::vector<Entity> out;
  for (auto& e : strong) {
    if (out.empty() || !overlap(out.back(), e)) out.push_back(e);
  }
  const size_t strong_count = out.size();
  for (auto& e : rest) {
    auto it = std::lower_bound(out.begin(), out.begin() + strong_count, e.begin_byte,
                               [](const Entity& s, size_t b) { return s.end_byte <= b; });
    if (it != out.begin() + strong_count && overlap(*it, e)) continue;
    bool clash = false;
    for (size_t k = strong_count; k < out.size(); ++k) clash = clash || overlap(out[k], e);
    if (!clash) out.push_back(e);
  }
  std::stable_sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) {
    return a.begin_byte != b.begin_byte ? a.begin_byte < b.begin_byte : a.end_byte < b.end_byte;
  });
  return out;
}

}  // namespace

TEST_CASE("engine: merge_entities lets rule classes win over the model spans they overlap") {
  // "Spotkanie w poniedziałek 12 stycznia w Banku Pekao za 5 mln zł": DATE 12-36 and MONEY
  // 55-67 from the rules; the model tags a LOC inside the date and an ORG across the amount.
  std::vector<Entity> rules = {rule(55, 67, "MONEY"), rule(12, 36, "DATE")};
  std::vector<Entity> names = {model(25, 36, "LOC"), model(39, 50, "ORG"), model(50, 60, "ORG")};
  const auto merged = merge_entities(rules, names);
  CHECK(describe(merged) == std::vector<std::string>{"DATE 12-36", "ORG 39-50", "MONEY 55-67"});
  CHECK(merged[0].origin == Origin::Rule);
  CHECK(merged[1].origin == Origin::Model);
}

TEST_CASE("engine: a model date around one rule date lends it its span, the rule keeps its value") {
  // "dnia 15 września roku": the rule finds "15 września" (5-16, XXXX-09-15), the model the
  // whole phrase (0-22).
  Entity r = rule(5, 16, "DATE");
  r.value = "XXXX-09-15";
  SUBCASE("one rule date inside") {
    const auto merged = merge_entities({r}, {model(0, 22, "DATE")});
    CHECK(describe(merged) == std::vector<std::string>{"DATE 0-22"});
    CHECK(merged[0].value == "XXXX-09-15");
    CHECK(merged[0].origin == Origin::Rule);
  }
  SUBCASE("two rule dates inside: the rules stay") {
    const auto merged = merge_entities({r, rule(17, 21, "DATE")}, {model(0, 22, "DATE")});
    CHECK(describe(merged) == std::vector<std::string>{"DATE 5-16", "DATE 17-21"});
  }
  SUBCASE("a rule amount inside as well: the rules stay") {
    const auto merged = merge_entities({r, rule(17, 21, "MONEY")}, {model(0, 22, "DATE")});
    CHECK(describe(merged) == std::vector<std::string>{"DATE 5-16", "MONEY 17-21"});
  }
  SUBCASE("another label: the rules stay") {
    const auto merged = merge_entities({r}, {model(0, 22, "TIME")});
    CHECK(describe(merged) == std::vector<std::string>{"DATE 5-16"});
  }
}

TEST_CASE("engine: merge_entities keeps the earlier, then the longer, of other overlaps") {
  SUBCASE("earlier wins, even when shorter") {
    const auto merged = merge_entities({}, {model(10, 30, "ORG"), model(5, 12, "PER")});
    CHECK(describe(merged) == std::vector<std::string>{"PER 5-12"});
  }
  SUBCASE("at one start the longer wins") {
    const auto merged = merge_entities({}, {model(5, 9, "PER"), model(5, 20, "ORG")});
    CHECK(describe(merged) == std::vector<std::string>{"ORG 5-20"});
  }
  SUBCASE("a rule entity of a model class competes like a model span") {
    const auto merged = merge_entities({rule(8, 20, "LOC")}, {model(0, 10, "PER")});
    CHECK(describe(merged) == std::vector<std::string>{"PER 0-10"});
  }
  SUBCASE("a long span blocks every span inside it") {
    const auto merged = merge_entities({}, {model(0, 100, "ORG"), model(10, 20, "PER"),
                                            model(50, 60, "LOC"), model(100, 110, "PER")});
    CHECK(describe(merged) == std::vector<std::string>{"ORG 0-100", "PER 100-110"});
  }
  SUBCASE("touching spans do not overlap") {
    const auto merged =
        merge_entities({rule(0, 4, "DATE")}, {model(4, 8, "PER"), model(8, 9, "LOC")});
    CHECK(describe(merged) == std::vector<std::string>{"DATE 0-4", "PER 4-8", "LOC 8-9"});
  }
  SUBCASE("overlapping rule entities of rule classes: the earlier stays") {
    const auto merged = merge_entities({rule(3, 9, "MONEY"), rule(0, 5, "DATE")}, {});
    CHECK(describe(merged) == std::vector<std::string>{"DATE 0-5"});
  }
}

TEST_CASE("engine: merge_entities agrees with the quadratic statement of the policy") {
  // Deterministic pseudo-random documents with dense overlaps, empty spans included (and a
  // few inverted ones, which no stage produces, to pin the result for any input).
  uint32_t seed = 12345;
  const auto next = [&](uint32_t n) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % n;
  };
  const char* labels[] = {"PER", "ORG", "LOC", "DATE", "MONEY", "TIME", "MISC"};
  for (int doc = 0; doc < 300; ++doc) {
    std::vector<Entity> rules, names;
    const uint32_t n = next(60);
    for (uint32_t k = 0; k < n; ++k) {
      const size_t begin = next(200);
      size_t end = begin + next(doc % 3 == 0 ? 40 : 8);  // a length of 0 makes an empty span
      if (next(50) == 0 && begin > 0) end = begin - 1;
      Entity e = span(begin, end, labels[next(7)], next(2) ? Origin::Rule : Origin::Model);
      e.value = std::to_string(k);  // tells apart entities with the same span and label
      (e.origin == Origin::Rule ? rules : names).push_back(e);
    }
    CAPTURE(doc);
    const auto got = merge_entities(rules, names);
    const auto want = merge_reference(rules, names);
    REQUIRE(got.size() == want.size());
    for (size_t k = 0; k < got.size(); ++k) {
      CHECK(got[k].begin_byte == want[k].begin_byte);
      CHECK(got[k].end_byte == want[k].end_byte);
      CHECK(got[k].label == want[k].label);
      CHECK(got[k].value == want[k].value);
    }
  }
}
