// Tests for engine/tagger/features and gazetteer: the pure feature function shared by the
// trainer and the tagger.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/tagger/features.h"
#include "engine/tagger/gazetteer.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/tokenizer.h"

using namespace glosa;
using namespace glosa::ner;

static bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST_CASE("ner features: word, affix, shape and window features of a Polish token") {
  const std::string text = "Tokajew przybył do Moskwy.";
  const auto tokens = tokenize(text);
  std::vector<TokenAttrs> attrs;
  compute_attrs(text, tokens.data(), tokens.size(), nullptr, &attrs);
  REQUIRE(attrs.size() == 5);
  const auto f = feature_strings(attrs, 3);  // "Moskwy"
  CAPTURE(f.size());
  CHECK(has(f, "bias="));
  CHECK(has(f, "w=Moskwy"));
  CHECK(has(f, "l=moskwy"));
  CHECK(has(f, "l-1=do"));
  CHECK(has(f, "l+1=."));
  CHECK(has(f, "l+2=</s>"));
  CHECK(has(f, "s3=kwy"));
  CHECK(has(f, "p4=mosk"));
  CHECK(has(f, "sh=Xx"));
  CHECK(has(f, "cap|first=Aa|0"));
  CHECK_FALSE(has(f, "gaz="));  // no gazetteer: the feature is left out, not empty
  const auto first = feature_strings(attrs, 0);
  CHECK(has(first, "cap|first=Aa|1"));
  CHECK(has(first, "l-2=<s>"));
  // Hashes: one per string feature, and the same input gives the same hashes.
  std::vector<uint64_t> h1, h2;
  feature_hashes(attrs, 3, &h1);
  feature_hashes(attrs, 3, &h2);
  CHECK(h1.size() == f.size());
  CHECK(h1 == h2);
}

TEST_CASE("ner features: numbers share a lower-case form; diacritics stay whole") {
  const std::string text = "W 2019 r. Łódź";
  const auto tokens = tokenize(text);
  std::vector<TokenAttrs> attrs;
  compute_attrs(text, tokens.data(), tokens.size(), nullptr, &attrs);
  REQUIRE(attrs.size() == 4);
  CHECK(attrs[1].value[kLower] == "0000");
  CHECK(attrs[3].value[kLower] == "łódź");
  CHECK(attrs[3].value[kS2] == "dź");
  CHECK(attrs[3].value[kCap] == "Aa");
  CHECK(attrs[3].value[kP3] == "łód");
  CHECK(attrs[3].value[kP4].empty());  // four letters: too short for a 4-prefix feature
}

TEST_CASE("ner features: gazetteer phrases match exactly and by five-letter stems") {
  Gazetteer gaz;
  gaz.add_phrase({"moskwa"}, kGazCity);
  gaz.add_phrase({"zjednoczone", "emiraty"}, kGazCountry);
  gaz.add_proper_form("Tokajew");
  gaz.finish(16);
  CHECK(gaz.is_proper_form("Tokajew"));
  CHECK_FALSE(gaz.is_proper_form("tokajew"));
  const std::string text = "Tokajew jechał z Moskwy do Zjednoczonych Emiratów i Moskwa";
  const auto tokens = tokenize(text);
  std::vector<TokenAttrs> attrs;
  compute_attrs(text, tokens.data(), tokens.size(), &gaz, &attrs);
  CHECK(attrs[0].value[kProper] == "1");
  CHECK(attrs[3].value[kGaz] == "B:S");        // Moskwy: fuzzy city
  CHECK(attrs[5].value[kGaz] == "B:C");        // Zjednoczonych Emiratów: fuzzy country
  CHECK(attrs[6].value[kGaz] == "I:C");
  CHECK(attrs[8].value[kGaz] == "B:sS");       // Moskwa: exact and fuzzy
  CHECK(attrs[1].value[kGaz].empty());
  // Round trip through the model payload encoding.
  ByteWriter w;
  gaz.write(w);
  Gazetteer back;
  ByteReader r(w.data().data(), w.data().size());
  REQUIRE(back.read(r));
  CHECK(r.at_end());
  CHECK(back.is_proper_form("Tokajew"));
  CHECK(back.phrase_count() == gaz.phrase_count());
  // Truncated gazetteer sections are refused, never read past the end.
  for (size_t n = 0; n < w.data().size(); n += 97) {
    Gazetteer g2;
    ByteReader tr(w.data().data(), n);
    CHECK_FALSE(g2.read(tr));
  }
}

TEST_CASE("ner features: tagging units re-join sentences split after a spaced abbreviation dot") {
  const std::string text = "Mieszka przy ul . Chopina w Toruniu . Ma psa .";
  const auto tokens = tokenize(text);
  const auto sentences = split_sentences(text, tokens);
  const auto units = tagging_units(text, tokens, sentences);
  size_t covered = 0;
  for (const auto& u : units) covered += u.token_count;
  CHECK(covered == tokens.size());
  REQUIRE(units.size() == 2);
  CHECK(text.substr(units[0].begin_byte, units[0].end_byte - units[0].begin_byte) ==
        "Mieszka przy ul . Chopina w Toruniu .");
}

TEST_CASE("ner features: form and context templates together give exactly feature_hashes") {
  Gazetteer gaz;
  gaz.add_phrase({"moskwa"}, kGazCity);
  gaz.add_phrase({"zjednoczone", "emiraty"}, kGazCountry);
  gaz.add_proper_form("Tokajew");
  gaz.add_word_class("moskwy", word_classes(17, 3, 71));
  gaz.finish(16);
  const std::string text = "Tokajew jechał z Moskwy do Zjednoczonych Emiratów, 12 . 05 i Moskwa";
  const auto tokens = tokenize(text);
  const auto units = tagging_units(text, tokens, split_sentences(text, tokens));
  DocumentContext doc;
  doc.build(text, tokens, units);
  for (size_t n : {size_t{1}, size_t{2}, size_t{4}, tokens.size()}) {
    std::vector<TokenAttrs> attrs;
    compute_attrs(text, tokens.data(), n, &gaz, &attrs, &doc, 0);
    std::vector<AttrHashes> hashes;
    for (const auto& a : attrs) hashes.push_back(attr_hashes(a));
    for (size_t i = 0; i < n; ++i) {
      CAPTURE(n);
      CAPTURE(i);
      std::vector<uint64_t> full, split;
      feature_hashes(attrs, i, &full);
      context_feature_hashes(hashes.data(), n, i, &split);
      for (int o = -kMaxFormOffset; o <= kMaxFormOffset; ++o) {
        const long j = static_cast<long>(i) + o;
        if (j < 0 || j >= static_cast<long>(n)) boundary_feature_hashes(o, &split);
        else form_feature_hashes(hashes[static_cast<size_t>(j)], o, &split);
      }
      std::sort(full.begin(), full.end());
      std::sort(split.begin(), split.end());
      CHECK(full == split);
    }
  }
  // Form attributes alone match those compute_attrs gives.
  TokenAttrs one;
  compute_form_attrs("Moskwy", TokenKind::Word, &gaz, &one);
  CHECK(one.value[kClass] == "c17");
  CHECK(one.value[kCoarse] == "k3");
  CHECK(one.value[kMid] == "m70");
  CHECK(one.value[kS3] == "kwy");
}

TEST_CASE("ner features: document context borrows other occurrences' neighbours and runs") {
  const std::string text =
      "Prezydent Tokajew przybył.\nRozmawiał z nim prezydent Tokajew.\nKasym Tokajew Nowak też.\ntokajew";
  const auto tokens = tokenize(text);
  const auto units = tagging_units(text, tokens, split_sentences(text, tokens));
  DocumentContext doc;
  doc.build(text, tokens, units);
  auto token_at = [&](size_t occurrence) {
    size_t seen = 0;
    for (size_t k = 0; k < tokens.size(); ++k) {
      if (text.compare(tokens[k].begin_byte, tokens[k].end_byte - tokens[k].begin_byte, "Tokajew") == 0 && seen++ == occurrence) return k;
    }
    return tokens.size();
  };
  const size_t first = token_at(0), third = token_at(2);
  REQUIRE(third < tokens.size());
  // The first occurrence borrows from the other two: "prezydent" and "kasym" before (a tie:
  // the smaller string), "." and "nowak" after.
  CHECK(doc.value(first, kDocPrev) == "kasym");
  CHECK(doc.value(first, kDocNext) == ".");
  CHECK(doc.value(first, kDocSeen) == "ml");  // mid-sentence elsewhere; "tokajew" occurs
  CHECK(doc.value(first, kDocSeq) == "I3");   // the longest run among the others
  CHECK(doc.value(third, kDocSeq) == "E2");   // "Prezydent Tokajew"
  CHECK(doc.value(third, kDocPrev) == "prezydent");
  CHECK(doc.hash(first, kDocPrev) == fnv1a64("kasym"));
  CHECK(doc.value(tokens.size(), kDocPrev).empty());
  CHECK(doc.value(0, kDocPrev).empty());  // "Prezydent" occurs once
}

TEST_CASE("ner features: stems strip one inflectional ending and keep three code points") {
  const std::string text = "W Szkołach polskiego Sądu , ul 2019 Łodzią";
  const auto tokens = tokenize(text);
  std::vector<TokenAttrs> attrs;
  compute_attrs(text, tokens.data(), tokens.size(), nullptr, &attrs);
  REQUIRE(attrs.size() == 8);
  CHECK(attrs[0].value[kStem] == "w");        // too short to strip
  CHECK(attrs[1].value[kStem] == "szkoł");    // -ach
  CHECK(attrs[2].value[kStem] == "polsk");    // -iego, the longer ending first
  CHECK(attrs[3].value[kStem] == "sąd");      // -u
  CHECK(attrs[4].value[kStem].empty());       // punctuation
  CHECK(attrs[5].value[kStem] == "ul");
  CHECK(attrs[6].value[kStem].empty());       // a number
  CHECK(attrs[7].value[kStem] == "łodz");     // -ią after a multi-byte letter
}

TEST_CASE("ner features: capitalised runs give their tokens the word before and the edges") {
  const std::string text = "Dyrektor szkoły Zespołu Szkół Rolniczych przyszedł do Sejmu";
  const auto tokens = tokenize(text);
  std::vector<TokenAttrs> attrs;
  compute_attrs(text, tokens.data(), tokens.size(), nullptr, &attrs);
  REQUIRE(attrs.size() == 8);
  // "Dyrektor" is a run of one: no run attributes.
  for (int k : {kRunPre, kRunFirst, kRunLast}) CHECK(attrs[0].value[k].empty());
  CHECK(attrs[2].value[kRunPre].empty());     // the first word of the run
  CHECK(attrs[2].value[kRunFirst].empty());
  CHECK(attrs[2].value[kRunLast] == "rolnicz");
  CHECK(attrs[3].value[kRunPre] == "szkoł");  // the stem of "szkoły"
  CHECK(attrs[3].value[kRunFirst] == "zespoł");
  CHECK(attrs[3].value[kRunLast] == "rolnicz");
  CHECK(attrs[4].value[kRunFirst] == "zespoł");
  CHECK(attrs[4].value[kRunLast].empty());    // the last word
  for (int k : {kRunPre, kRunFirst, kRunLast}) CHECK(attrs[7].value[k].empty());
  // A run at the start of the unit: kRunPre is the sentence start.
  const std::string t2 = "Kuratorium Oświaty ogłosiło";
  const auto tok2 = tokenize(t2);
  compute_attrs(t2, tok2.data(), tok2.size(), nullptr, &attrs);
  CHECK(attrs[1].value[kRunPre] == "<s>");
  CHECK(attrs[1].value[kRunFirst] == "kuratorium");  // no listed ending
  CHECK(attrs[0].value[kRunLast] == "oświat");
}

TEST_CASE("ner features: the run's last word, its suffix and class, and the token after it") {
  const std::string text = "Akcje Northwind Robotics wzrosły";
  const auto tokens = tokenize(text);
  std::vector<TokenAttrs> attrs;
  compute_attrs(text, tokens.data(), tokens.size(), nullptr, &attrs);
  REQUIRE(attrs.size() == 4);
  // "Akcje Northwind Robotics" is one run: its first two words see the last one.
  CHECK(attrs[1].value[kRunLastS3] == "ics");
  CHECK(attrs[1].value[kRunNext] == "wzrosły");
  CHECK(attrs[0].value[kRunNext] == "wzrosły");
  CHECK(attrs[2].value[kRunLastS3].empty());  // the last word itself: its own s3 says it
  CHECK(attrs[2].value[kRunNext].empty());
  CHECK(attrs[1].value[kRunLastCls].empty());  // no word classes without a gazetteer
  const std::string end = "Kupił Northwind Robotics";
  const auto t2 = tokenize(end);
  compute_attrs(end, t2.data(), t2.size(), nullptr, &attrs);
  CHECK(attrs[1].value[kRunNext] == "</s>");
  CHECK(attrs[0].value[kRunNext] == "</s>");
}

TEST_CASE("ner features: the second pass gives a name the commonest tag of its other occurrences") {
  const std::string text = "Northwind Robotics rośnie. Akcje Northwind wzrosły, a Northwind Robotics kupiła Kowalski.";
  const auto tokens = tokenize(text);
  const auto units = tagging_units(text, tokens, split_sentences(text, tokens));
  DocumentContext doc;
  doc.build(text, tokens, units);
  // First-pass tags: the first and third "Northwind" ORG, the second PER.
  std::vector<std::string> tags(tokens.size(), "O");
  auto at = [&](const std::string& word, size_t nth) {
    size_t seen = 0;
    for (size_t k = 0; k < tokens.size(); ++k) {
      if (text.substr(tokens[k].begin_byte, tokens[k].end_byte - tokens[k].begin_byte) == word && seen++ == nth) return k;
    }
    return tokens.size();
  };
  const size_t n0 = at("Northwind", 0), n1 = at("Northwind", 1), n2 = at("Northwind", 2);
  const size_t r0 = at("Robotics", 0), r1 = at("Robotics", 1), k0 = at("Kowalski", 0);
  REQUIRE(k0 < tokens.size());
  tags[n0] = "B-ORG";
  tags[r0] = "I-ORG";
  tags[n1] = "B-PER";
  tags[n2] = "B-ORG";
  tags[r1] = "I-ORG";
  tags[k0] = "B-PER";
  const std::vector<std::string_view> views(tags.begin(), tags.end());
  const std::vector<std::string> values = doc.label_values(views);
  CHECK(values[n0] == "B-ORG");  // the others: B-PER, B-ORG -> tie, the smaller string
  CHECK(values[n1] == "B-ORG");  // the others: B-ORG twice
  CHECK(values[n2] == "B-ORG");
  CHECK(values[r0] == "I-ORG");
  CHECK(values[k0].empty());     // one occurrence only
  CHECK_FALSE(doc.may_have_label(k0));
  CHECK(doc.may_have_label(n1));
  CHECK(values[at("Akcje", 0)].empty());
  CHECK(values[at("rośnie", 0)].empty());  // not capitalised
}

TEST_CASE("ner features: document context groups inflected forms of a name by stem") {
  const std::string text = "Spółka Farmacol rośnie.\nPrzychody Farmacolu wzrosły.";
  const auto tokens = tokenize(text);
  const auto units = tagging_units(text, tokens, split_sentences(text, tokens));
  DocumentContext doc;
  doc.build(text, tokens, units);
  // tokens: Spółka Farmacol rośnie . Przychody Farmacolu wzrosły .
  REQUIRE(tokens.size() == 8);
  CHECK(doc.value(1, kDocPrev) == "przychody");  // the word before "Farmacolu"
  CHECK(doc.value(5, kDocPrev) == "spółka");
  CHECK(doc.value(5, kDocNext) == "rośnie");
  CHECK(doc.value(0, kDocPrev).empty());  // "Spółka" occurs once
}

TEST_CASE("gazetteer: phrase keys built one word at a time equal phrase_key") {
  const std::vector<std::string_view> words = {"zjednoczone", "emiraty", "arabskie", "łódź"};
  for (bool fuzzy : {false, true}) {
    PhraseKeyBuilder b(fuzzy);
    for (size_t n = 1; n <= words.size(); ++n) {
      b.add(fuzzy ? utf8_prefix(words[n - 1], 5) : words[n - 1]);
      CAPTURE(n);
      CHECK(b.key() == phrase_key(words.data(), n, fuzzy));
    }
  }
}

TEST_CASE("ner features: corrections move a word's own features, never a number's") {
  const std::string text = "Ustawa z 1 maja 2004 weszła w życie w Polsce.";
  const auto tokens = tokenize(text);
  std::vector<TokenAttrs> attrs;
  compute_attrs(text, tokens.data(), tokens.size(), nullptr, &attrs);
  std::vector<AttrHashes> hashes;
  for (const auto& a : attrs) hashes.push_back(attr_hashes(a));
  uint64_t out[kMaxAdaptableFeatures];
  // tokens: Ustawa z 1 maja 2004 weszła w życie w Polsce .
  REQUIRE(attrs[2].value[kForm] == "1");
  CHECK(adaptable_feature_hashes(hashes.data(), hashes.size(), 2, out) == 0);
  CHECK(adaptable_feature_hashes(hashes.data(), hashes.size(), 4, out) == 0);
  const size_t polsce = adaptable_feature_hashes(hashes.data(), hashes.size(), 9, out);
  CHECK(polsce > 0);
  // The first is the word form's own feature, as feature_hashes() gives it.
  std::vector<uint64_t> all;
  feature_hashes(attrs, 9, &all);
  CHECK(std::find(all.begin(), all.end(), out[0]) != all.end());
}
