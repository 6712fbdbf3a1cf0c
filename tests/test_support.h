// Small helpers for tests: reading fixture files from the source tree (assets/, tests/fixtures/).
// Tests read nothing outside the repository: a lone clone runs them all.
#pragma once

#include <fstream>
#include <iterator>
#include <string>

namespace glosa::test {

// Whole file as bytes; empty string if it cannot be read (tests CHECK the size).
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline std::string source_path(const std::string& rel) { return std::string(GLOSA_SOURCE_DIR) + "/" + rel; }

}  // namespace glosa::test
