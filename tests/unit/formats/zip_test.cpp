// Tests for formats/zip: stored archives written and read back, an archive made by another
// tool (Python's zipfile, tests/fixtures/zip) read, and damaged, compressed or oversized
// archives refused with a reason.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "formats/zip.h"
#include "test_support.h"

using namespace glosa;

TEST_CASE("zip: CRC-32 is the ISO-HDLC one") {
  CHECK(crc32("") == 0u);
  CHECK(crc32("123456789") == 0xCBF43926u);  // the standard check value
}

TEST_CASE("zip: what is written reads back the same, byte for byte the same each time") {
  const std::vector<ZipEntry> entries = {
      {"Wizyta w Wilnie.txt", "Prezydent przyby\xC5\x82 do Wilna.\n"},
      {"Wizyta w Wilnie.ann", "T1\tLOC 25 30\tWilna\n"},
      {"empty.txt", ""},
  };
  auto zip = write_zip(entries);
  REQUIRE(zip.is_ok());
  CHECK(looks_like_zip(zip.value()));
  auto again = write_zip(entries);
  REQUIRE(again.is_ok());
  CHECK(again.value() == zip.value());
  auto read = read_zip(zip.value());
  REQUIRE(read.is_ok());
  REQUIRE(read.value().size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(read.value()[i].name == entries[i].name);
    CHECK(read.value()[i].bytes == entries[i].bytes);
  }
  // An empty archive is an end record alone.
  auto none = write_zip({});
  REQUIRE(none.is_ok());
  CHECK(none.value().size() == 22);
  CHECK(looks_like_zip(none.value()));
  REQUIRE(read_zip(none.value()).is_ok());
  CHECK(read_zip(none.value()).value().empty());
  CHECK_FALSE(write_zip({{"", "x"}}).is_ok());
}

TEST_CASE("zip: an archive of another tool is read; its compressed entries are refused with the way out") {
  const std::string stored = test::read_file(test::source_path("tests/fixtures/zip/stored-by-python.zip"));
  auto read = read_zip(stored);
  REQUIRE(read.is_ok());
  REQUIRE(read.value().size() == 2);  // the directory "a/" is left out
  CHECK(read.value()[0].name == "a/\xC5\x81\xC3\xB3\x64\xC5\xBA.txt");
  CHECK(read.value()[0].bytes == "Za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 g\xC4\x99\xC5\x9Bl\xC4\x85 ja\xC5\xBA\xC5\x84\n");
  CHECK(read.value()[1].name == "b.ann");
  const std::string deflated = test::read_file(test::source_path("tests/fixtures/zip/deflated-by-python.zip"));
  CHECK(looks_like_zip(deflated));
  auto refused = read_zip(deflated);
  REQUIRE_FALSE(refused.is_ok());
  CHECK(refused.status().code() == ErrorCode::BadArchive);
  CHECK(refused.status().message().find("c.txt") != std::string::npos);
  CHECK(refused.status().message().find("unzip") != std::string::npos);
}

TEST_CASE("zip: a damaged, truncated or oversized archive is refused, never read past its end") {
  auto zip = write_zip({{"a.txt", "alpha beta gamma"}, {"b.ann", "T1\tPER 0 5\talpha\n"}});
  REQUIRE(zip.is_ok());
  const std::string good = zip.value();
  // Every truncation.
  for (size_t keep = 0; keep < good.size(); ++keep) {
    CAPTURE(keep);
    CHECK_FALSE(read_zip(good.substr(0, keep)).is_ok());
  }
  // Every single-byte change is refused or read with both files intact (a changed name or
  // date is not damage the format can see).
  for (size_t at = 0; at < good.size(); ++at) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x5A);
    auto r = read_zip(bad);
    if (!r.is_ok()) {
      CHECK(r.status().code() == ErrorCode::BadArchive);
      continue;
    }
    CAPTURE(at);
    REQUIRE(r.value().size() == 2);
    CHECK(r.value()[0].bytes == "alpha beta gamma");
    CHECK(r.value()[1].bytes == "T1\tPER 0 5\talpha\n");
  }
  // A changed byte of a file's content fails its CRC.
  std::string flipped = good;
  flipped[30 + 5 + 2] = 'X';  // inside "alpha": after the 30-byte header and the name "a.txt"
  auto crc = read_zip(flipped);
  REQUIRE_FALSE(crc.is_ok());
  CHECK(crc.status().message().find("CRC") != std::string::npos);
  // A central record pointing far past the file (on wasm32 a sum with it would wrap), and
  // two records pointing at the same bytes (a small file claiming more).
  {
    // The first central record starts after both files: 30 + 5 + 16, then 30 + 5 + 17.
    const size_t central = 2 * 30 + 5 + 16 + 5 + 17;
    REQUIRE(good.substr(central, 4) == "PK\x01\x02");
    std::string far = good;
    for (int k = 0; k < 4; ++k) far[central + 42 + k] = static_cast<char>(k == 0 ? 0xF0 : 0xFF);
    auto r = read_zip(far);
    REQUIRE_FALSE(r.is_ok());
    CHECK(r.status().message().find("local header") != std::string::npos);
    std::string twice = good;
    const size_t second = central + 46 + 5;  // the second record ("a.txt" is 5 bytes)
    REQUIRE(twice.substr(second, 4) == "PK\x01\x02");
    for (int k = 0; k < 4; ++k) twice[second + 42 + k] = 0;  // its local header: the first file's
    for (int k = 0; k < 12; ++k) twice[second + 16 + k] = good[central + 16 + k];  // and its CRC and sizes
    auto o = read_zip(twice);
    REQUIRE_FALSE(o.is_ok());
    CHECK(o.status().message().find("overlaps") != std::string::npos);
  }
  // Limits.
  CHECK_FALSE(read_zip(good, 1).is_ok());
  CHECK_FALSE(read_zip(good, 10, 10).is_ok());
  CHECK_FALSE(read_zip("PK\x03\x04 not really").is_ok());
  CHECK_FALSE(looks_like_zip("plain text"));
}
