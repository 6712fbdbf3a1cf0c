// Tests for engine/core/word_index: hash lookup in fixed word lists must answer exactly what
// a front-to-back linear search would.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/core/word_index.h"

using namespace glosa;

TEST_CASE("word_index: finds each word at its position and nothing else") {
  const WordIndex months = {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca"};
  CHECK(months.find("stycznia") == 0);
  CHECK(months.find("maja") == 4);
  CHECK(months.find("czerwca") == 5);
  CHECK(months.find("Maja") == -1);   // exact bytes: callers pass lower-cased forms
  CHECK(months.find("maj") == -1);
  CHECK(months.find("majaa") == -1);
  CHECK(months.find("") == -1);
  CHECK(months.contains("marca", word_hash("marca")));
  CHECK_FALSE(months.contains("źródło"));
}

TEST_CASE("word_index: a repeated word keeps its first position") {
  const WordIndex words = {"ruble", "rubla", "ruble", "rubles"};
  CHECK(words.find("ruble") == 0);
  CHECK(words.find("rubles") == 3);
}

TEST_CASE("word_index: empty index, empty key and long Polish words") {
  const WordIndex none;
  CHECK(none.find("dwa") == -1);
  CHECK(none.find("") == -1);
  const WordIndex with_empty = {"jan", ""};
  CHECK(with_empty.find("") == 1);
  const WordIndex long_words = {"dziewięćdziesięciu", "południowokoreańsk", "październikowi"};
  CHECK(long_words.find("południowokoreańsk") == 1);
  CHECK(long_words.find("południowokoreańskich") == -1);
  CHECK(long_words.find("dziewięćdziesięcio") == -1);
}

TEST_CASE("word_index: agrees with a linear search on a thousand generated words") {
  std::vector<std::string> storage;
  for (int k = 0; k < 1000; ++k) storage.push_back("w" + std::to_string(k * 7919 % 1009));
  std::vector<std::string_view> keys(storage.begin(), storage.end());
  const WordIndex index(keys);
  for (int k = 0; k < 1200; ++k) {
    const std::string probe = "w" + std::to_string(k);
    int linear = -1;
    for (size_t p = 0; p < keys.size() && linear < 0; ++p) {
      if (keys[p] == probe) linear = static_cast<int>(p);
    }
    CAPTURE(probe);
    CHECK(index.find(probe) == linear);
  }
}
