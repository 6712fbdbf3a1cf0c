// Tests for engine/text/tokenizer and sentence_splitter on Polish and English text.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/text/sentence_splitter.h"
#include "engine/text/tokenizer.h"

using namespace glosa;

static std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(text)) out.push_back(text.substr(t.begin_byte, t.end_byte - t.begin_byte));
  return out;
}

static std::vector<std::string> sentences(const std::string& text) {
  const auto tokens = tokenize(text);
  std::vector<std::string> out;
  for (const Sentence& s : split_sentences(text, tokens)) out.push_back(text.substr(s.begin_byte, s.end_byte - s.begin_byte));
  return out;
}

TEST_CASE("tokenizer: keeps Polish diacritics and inner hyphens inside one token") {
  CHECK(words("Kasym-Żomart Tokajew przybył do Moskwy.") ==
        std::vector<std::string>{"Kasym-Żomart", "Tokajew", "przybył", "do", "Moskwy", "."});
}

TEST_CASE("tokenizer: is lossless: tokens plus whitespace gaps rebuild the input") {
  const std::string text = "  „Wysoko to cenimy” – dodał.\n\nCena: 24,5 mld zł (5 proc.)… 🐢 e\xCC\x81 Москва  ";
  const auto tokens = tokenize(text);
  std::string rebuilt;
  size_t pos = 0;
  for (const Token& t : tokens) {
    CHECK(t.begin_byte >= pos);
    for (size_t i = pos; i < t.begin_byte; ++i) CHECK(std::string(" \n").find(text[i]) != std::string::npos);
    rebuilt += text.substr(pos, t.end_byte - pos);
    pos = t.end_byte;
  }
  rebuilt += text.substr(pos);
  CHECK(rebuilt == text);
}

TEST_CASE("tokenizer: abbreviations keep their dot") {
  SUBCASE("Polish") {
    CHECK(words("wzrost o 5 proc. r/r") == std::vector<std::string>{"wzrost", "o", "5", "proc.", "r", "/", "r"});
    CHECK(words("ul. Długa, dr Nowak, prof. Kowalski") ==
          std::vector<std::string>{"ul.", "Długa", ",", "dr", "Nowak", ",", "prof.", "Kowalski"});
    CHECK(words("m.in. tzw. np.") == std::vector<std::string>{"m.in.", "tzw.", "np."});
  }
  SUBCASE("English") {
    CHECK(words("Mr. Smith of the U.S. and Acme Inc.") ==
          std::vector<std::string>{"Mr.", "Smith", "of", "the", "U.S.", "and", "Acme", "Inc."});
  }
}

TEST_CASE("tokenizer: numbers with decimal commas, grouped thousands, dates and times") {
  CHECK(words("24,5 miliarda") == std::vector<std::string>{"24,5", "miliarda"});
  CHECK(words("1 000 000 zł") == std::vector<std::string>{"1 000 000", "zł"});
  CHECK(words("25.11.2022 o 12:30") == std::vector<std::string>{"25.11.2022", "o", "12:30"});
  CHECK(words("w 2022 r.") == std::vector<std::string>{"w", "2022", "r."});
  CHECK(words("$24.5 billion") == std::vector<std::string>{"$", "24.5", "billion"});
}

TEST_CASE("tokenizer: URLs and e-mail addresses are one token") {
  const auto t = tokenize("Źródło: fergana.news/kresy.pl, https://example.org/a?b=1. Pisz: jan.nowak@redakcja.pl.");
  std::vector<TokenKind> kinds;
  for (const auto& k : t) kinds.push_back(k.kind);
  CHECK(words("Źródło: fergana.news/kresy.pl, https://example.org/a?b=1.") ==
        std::vector<std::string>{"Źródło", ":", "fergana.news/kresy.pl", ",", "https://example.org/a?b=1", "."});
  CHECK(words("jan.nowak@redakcja.pl.") == std::vector<std::string>{"jan.nowak@redakcja.pl", "."});
  CHECK(tokenize("jan.nowak@redakcja.pl")[0].kind == TokenKind::Email);
  CHECK(tokenize("www.onet.pl")[0].kind == TokenKind::Url);
}

TEST_CASE("tokenizer: empty and whitespace-only input give no tokens") {
  CHECK(tokenize("").empty());
  CHECK(tokenize(" \n\t ").empty());
}

TEST_CASE("sentence_splitter: does not split after abbreviations that never end a sentence") {
  CHECK(sentences("Spotkał się m.in. z prof. Nowakiem. Potem wyjechał.") ==
        std::vector<std::string>{"Spotkał się m.in. z prof. Nowakiem.", "Potem wyjechał."});
  CHECK(sentences("Mr. Smith went to Washington. He stayed.") ==
        std::vector<std::string>{"Mr. Smith went to Washington.", "He stayed."});
}

TEST_CASE("sentence_splitter: splits after 'r.' and 'proc.' when a capital follows") {
  CHECK(sentences("Wzrost wyniósł 5 proc. Tokajew przybył w 2022 r. Putin też.") ==
        std::vector<std::string>{"Wzrost wyniósł 5 proc.", "Tokajew przybył w 2022 r.", "Putin też."});
  CHECK(sentences("Wzrost o 5 proc. w stosunku do roku.").size() == 1);
}

TEST_CASE("sentence_splitter: keeps a closing quote with its sentence and splits at line breaks") {
  CHECK(sentences("„Wysoko to cenimy.” Potem dodał.\nNowy akapit") ==
        std::vector<std::string>{"„Wysoko to cenimy.”", "Potem dodał.", "Nowy akapit"});
}
