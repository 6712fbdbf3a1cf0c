// Gazetteer extraction from the TSV lists. Layer: train.
#include "train/gazetteer_build.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

#include "engine/text/tokenizer.h"
#include "engine/text/unicode.h"

namespace glosa::train {

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  size_t i = 0;
  for (;;) {
    const size_t j = line.find('\t', i);
    out.push_back(line.substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (j == std::string::npos) break;
    i = j + 1;
  }
  return out;
}

// Tokenizes a name with the engine tokenizer and lower-cases the tokens.
std::vector<std::string> name_words(const std::string& name) {
  std::vector<std::string> words;
  for (const Token& t : tokenize(name)) words.push_back(to_lower(name.substr(t.begin_byte, t.end_byte - t.begin_byte)));
  return words;
}

// Reads a TSV with a header; calls fn(columns-by-name) for each row.
template <typename Fn>
Status read_tsv(const std::string& path, Fn fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::IoError, path + ": cannot open the gazetteer");
  std::string line;
  if (!std::getline(in, line)) return Status(ErrorCode::IoError, path + ": empty file");
  const std::vector<std::string> header = split_tabs(line);
  while (std::getline(in, line)) {
    const std::vector<std::string> cols = split_tabs(line);
    auto col = [&](const std::string& name) -> std::string {
      for (size_t k = 0; k < header.size() && k < cols.size(); ++k) if (header[k] == name) return cols[k];
      return {};
    };
    fn(col);
  }
  return Status::ok();
}

}  // namespace

Status build_gazetteer(const std::string& dir, const std::string& lang, ner::Gazetteer* gaz,
                       GazetteerStats* stats) {
  auto add = [&](const std::string& name, uint8_t types) {
    if (name.empty()) return;
    std::vector<std::string> words = name_words(name);
    if (words.empty() || words.size() > ner::kMaxPhraseWords) return;
    gaz->add_phrase(words, types);
    ++stats->phrases;
  };
  // Names in the model's language, plus English ones for Polish (foreign places keep them).
  auto add_names = [&](auto& col, uint8_t types, const char* fallback) {
    const std::string own = col(lang);
    add(own.empty() && fallback ? col(fallback) : own, types);
    if (lang != "en") add(col("en"), types);
  };
  GLOSA_TRY(read_tsv(dir + "/cldr_territories.tsv", [&](auto& col) {
    const std::string code = col("code");
    const bool country = code.size() >= 2 && code[0] >= 'A' && code[0] <= 'Z';
    add_names(col, country ? ner::kGazCountry : ner::kGazOther, nullptr);
  }));
  GLOSA_TRY(read_tsv(dir + "/cldr_exemplar_cities.tsv",
                     [&](auto& col) { add_names(col, ner::kGazCity, "id_fallback"); }));
  GLOSA_TRY(read_tsv(dir + "/geonames_cities.tsv",
                     [&](auto& col) { add_names(col, ner::kGazCity, nullptr); }));
  GLOSA_TRY(read_tsv(dir + "/cldr_subdivisions.tsv",
                     [&](auto& col) { add_names(col, ner::kGazRegion, nullptr); }));
  GLOSA_TRY(read_tsv(dir + "/geonames_countries_admin1.tsv", [&](auto& col) {
    const bool country = col("code").find('.') == std::string::npos;
    add_names(col, country ? ner::kGazCountry : ner::kGazRegion, nullptr);
  }));
  if (lang == "pl") {
    const std::string path = dir + "/sjp_capitalized_forms.txt";
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status(ErrorCode::IoError, path + ": cannot open the gazetteer");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      gaz->add_proper_form(line);
      ++stats->proper_forms;
    }
  }
  return Status::ok();
}

namespace {
constexpr char kGazetteerFileMagic[8] = {'G', 'L', 'O', 'S', 'A', 'G', 'A', 'Z'};
constexpr uint32_t kGazetteerFileVersion = 2;  // 2: 24-bit word classes
}  // namespace

Status write_gazetteer_file(const ner::Gazetteer& gaz, const std::string& path) {
  ner::ByteWriter w;
  for (char c : kGazetteerFileMagic) w.u8(static_cast<uint8_t>(c));
  w.u32(kGazetteerFileVersion);
  gaz.write(w);
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(w.data().data()), static_cast<std::streamsize>(w.data().size()));
  if (!out) return Status(ErrorCode::IoError, path + ": cannot write the gazetteer");
  return Status::ok();
}

Status read_gazetteer_file(const std::string& path, ner::Gazetteer* gaz) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::IoError, path + ": cannot open the gazetteer file");
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ner::ByteReader r(bytes.data(), bytes.size());
  const uint8_t* magic = r.bytes(sizeof kGazetteerFileMagic);
  if (!magic || std::memcmp(magic, kGazetteerFileMagic, sizeof kGazetteerFileMagic) != 0 ||
      r.u32() != kGazetteerFileVersion || !gaz->read(r) || !r.at_end()) {
    return Status(ErrorCode::BadModel, path + ": not a gazetteer file of version " + std::to_string(kGazetteerFileVersion));
  }
  return Status::ok();
}

}  // namespace glosa::train
