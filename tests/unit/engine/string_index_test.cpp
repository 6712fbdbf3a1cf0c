// Tests for engine/tagger/string_index: the tagger's per-document numbering of strings.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/tagger/string_index.h"

using namespace glosa::ner;

TEST_CASE("string index: numbers distinct strings in order of first insertion, by salt") {
  StringIndex index(2);
  std::vector<std::string_view> words = {"Moskwa", "moskwa", "Moskwa", "żółć", "Żółć", "", "a", "a"};
  std::vector<uint32_t> ids;
  for (size_t k = 0; k < words.size(); ++k) ids.push_back(index.insert(words[k], k == 7 ? 1 : 0).first);
  CHECK(ids == std::vector<uint32_t>{0, 1, 0, 2, 3, 4, 5, 6});
  CHECK(index.size() == 7);
  // Growing keeps the numbers; long keys compare all their bytes.
  std::vector<std::string> many;
  for (int k = 0; k < 1000; ++k) many.push_back("Kasym-Żomart Tokajew nr " + std::to_string(k));
  for (size_t k = 0; k < many.size(); ++k) CHECK(index.insert(many[k]) == std::make_pair(static_cast<uint32_t>(7 + k), true));
  for (size_t k = 0; k < many.size(); ++k) CHECK(index.insert(many[k]).first == 7 + k);
  CHECK(index.insert("Moskwa").first == 0);
  CHECK(index.insert("a", 1).first == 6);
}

