// File, model and clock helpers for glosa-cli. Layer: cli.
#include "cli/cli_common.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "engine/names/lexicon.h"
#include "engine/text/text_decoding.h"

namespace glosa::cli {

Result<std::string> read_file(const std::string& path, size_t max_bytes, const std::string& limit_note) {
  const std::string limit = !limit_note.empty() ? limit_note : "the limit is " + std::to_string(max_bytes) + " bytes";
  // POSIX reads, not iostreams: libstdc++'s filebuf throws std::ios_failure when reading a
  // directory, and this program is built without exceptions.
  const bool is_stdin = path == "-";
  const std::string name = is_stdin ? std::string("stdin") : path;
  const int fd = is_stdin ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status(ErrorCode::IoError, name + ": cannot open the file (" + std::strerror(errno) + ")");
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    if (!is_stdin) ::close(fd);
    return Status(ErrorCode::IoError, name + ": is a directory, not a file");
  }
  // A regular file's size is known before reading: refuse it whole, with its exact size.
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > max_bytes) {
    if (!is_stdin) ::close(fd);
    return Status(ErrorCode::TextTooLarge, name + ": the file is " + std::to_string(st.st_size) + " bytes; " + limit);
  }
  std::string data;
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string why = std::strerror(errno);
      if (!is_stdin) ::close(fd);
      return Status(ErrorCode::IoError, name + ": read error (" + why + ")");
    }
    if (n == 0) break;
    data.append(buf, static_cast<size_t>(n));
    // A stream (stdin, a pipe, /dev/zero) is read only up to the limit, never until memory ends.
    if (data.size() > max_bytes) {
      if (!is_stdin) ::close(fd);
      return Status(ErrorCode::TextTooLarge, name + ": more than " + std::to_string(max_bytes) +
                                                 " bytes were read; " + limit);
    }
  }
  if (!is_stdin) ::close(fd);
  return data;
}

Status check_input_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return Status(ErrorCode::IoError, path + ": cannot open the file (" + std::strerror(errno) + ")");
  }
  if (S_ISDIR(st.st_mode)) return Status(ErrorCode::IoError, path + ": is a directory, not a file");
  return Status::ok();
}

Result<std::string> read_text_file(const std::string& path, std::string* note) {
  note->clear();
  auto bytes = read_file(path, kMaxTextFileBytes,
                         "a text may hold at most " + std::to_string(kMaxTextBytes) + " bytes (" +
                             std::to_string(kMaxTextBytes >> 20) + " MiB; twice that for a UTF-16 file)");
  if (!bytes.is_ok()) return bytes.status();
  DecodedText decoded = decode_text_bytes(bytes.value());
  if (decoded.encoding != TextEncoding::Utf8) {
    // A guess from the letters is a warning: the person may know better (iconv first).
    *note = is_guessed_encoding(decoded.encoding)
                ? "not UTF-8: read as " + encoding_description(decoded.encoding)
                : std::string("decoded from ") + encoding_name(decoded.encoding);
    if (decoded.invalid_count > 0) {
      *note += "; " + std::to_string(decoded.invalid_count) + " invalid unit(s) replaced by U+FFFD";
    }
    return std::move(decoded.text);
  }
  return std::move(bytes.value());
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
    auto bytes = read_file(f.string(), kMaxModelFileBytes);
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
