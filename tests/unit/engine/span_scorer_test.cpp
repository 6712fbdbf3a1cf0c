// Tests for engine/eval/span_scorer and gold_labels: exact-span P/R/F1 on hand-made cases.
#include <doctest/doctest.h>

#include "engine/eval/gold_labels.h"
#include "engine/eval/span_scorer.h"

using namespace glosa;

TEST_CASE("span_scorer: counts exact matches per label and micro-averages them") {
  SpanScorer s;
  // Gold: 4 spans. Predicted: 2 exact, 1 wrong label, 1 wrong boundary.
  s.add({{0, 5, "PER"}, {10, 16, "LOC"}, {20, 25, "ORG"}, {30, 31, "PER"}},
        {{0, 5, "PER"}, {10, 16, "LOC"}, {20, 25, "PER"}, {29, 31, "PER"}});
  const auto& per = s.per_label();
  CHECK(per.at("PER").tp == 1);
  CHECK(per.at("PER").fp == 2);
  CHECK(per.at("PER").fn == 1);
  CHECK(per.at("LOC").f1() == doctest::Approx(1.0));
  CHECK(per.at("ORG").fn == 1);
  const LabelCounts m = s.micro();
  CHECK(m.precision() == doctest::Approx(0.5));
  CHECK(m.recall() == doctest::Approx(0.5));
  CHECK(m.f1() == doctest::Approx(0.5));
  // Restricted to PER and LOC: tp 2, fp 2, fn 1 -> P 1/2, R 2/3, F1 4/7.
  const LabelCounts pl = s.micro({"PER", "LOC"});
  CHECK(pl.precision() == doctest::Approx(0.5));
  CHECK(pl.recall() == doctest::Approx(2.0 / 3.0));
  CHECK(pl.f1() == doctest::Approx(4.0 / 7.0));
  CHECK(s.report().find("micro") != std::string::npos);
}

TEST_CASE("span_scorer: empty documents and duplicate predictions") {
  SpanScorer s;
  s.add({}, {});
  CHECK(s.micro().f1() == doctest::Approx(0.0));
  s.add({{0, 3, "LOC"}}, {{0, 3, "LOC"}, {0, 3, "LOC"}});
  CHECK(s.micro().tp == 1);
  CHECK(s.micro().fp == 0);
}

TEST_CASE("gold_labels: maps NKJP, BSNLP and CoNLL labels") {
  MappedLabel m;
  CHECK(map_gold_label(GoldScheme::Nkjp, "persName", "Jan Kowalski", &m));
  CHECK(m.label == "PER");
  CHECK(map_gold_label(GoldScheme::Nkjp, "placeName-country", "Polski", &m));
  CHECK(m.label == "LOC");
  CHECK(m.subtype == "country");
  CHECK(map_gold_label(GoldScheme::Nkjp, "placeName-country", "polskich", &m));
  CHECK(m.label == "NORP");
  CHECK(map_gold_label(GoldScheme::Nkjp, "geogName", "ulicą Szpitalną", &m));
  CHECK(m.label == "LOC");
  CHECK(m.subtype == "geographic");
  CHECK(map_gold_label(GoldScheme::Nkjp, "date", "wtorek", &m));
  CHECK(m.label == "DATE");
  CHECK_FALSE(map_gold_label(GoldScheme::Nkjp, "forename", "Jan", &m));
  CHECK(map_gold_label(GoldScheme::Bsnlp, "EVT", "Brexit", &m));
  CHECK(m.label == "EVT");
  CHECK_FALSE(map_gold_label(GoldScheme::Conll, "EVT", "Brexit", &m));
  GoldScheme g;
  CHECK(parse_gold_scheme("conll", &g));
  CHECK(g == GoldScheme::Conll);
  CHECK_FALSE(parse_gold_scheme("ontonotes", &g));
}
