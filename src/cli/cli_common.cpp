// File, model and clock helpers for glosa-cli. Layer: cli.
#include "cli/cli_common.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "engine/names/lexicon.h"

namespace glosa::cli {

Result<std::string> read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::IoError, path + ": cannot open the file");
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status(ErrorCode::IoError, path + ": read error");
  return data;
}

Status load_models(Engine& engine, const std::string& dir, std::vector<std::string>* loaded) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::ok();
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".bin") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto bytes = read_file(f.string());
    if (!bytes.is_ok()) return bytes.status();
    const std::string& b = bytes.value();
    // The name lexicon lives beside the NER models; its magic tells them apart.
    const bool is_lexicon = b.compare(0, 8, std::string(names::kLexiconMagic, 8)) == 0;
    const auto* data = reinterpret_cast<const uint8_t*>(b.data());
    Status s = is_lexicon ? engine.load_lexicon(data, b.size()) : engine.load_model(data, b.size());
    if (!s.is_ok()) return Status(s.code(), f.string() + ": " + s.message());
    if (loaded) loaded->push_back(f.filename().string());
  }
  return Status::ok();
}

std::string default_models_dir() { return GLOSA_DEFAULT_MODELS_DIR; }

std::string utc_now_iso() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int fail(const std::string& message, int code) {
  std::cerr << "glosa-cli: " << message << "\n";
  return code;
}

}  // namespace glosa::cli
