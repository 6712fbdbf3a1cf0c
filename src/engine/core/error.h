// Error handling for the whole engine: ErrorCode, Status, Result<T>, GLOSA_ASSERT, GLOSA_TRY.
// Layer: engine/core. No exceptions anywhere (see STYLE.md §4): bad input returns a Status.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

namespace glosa {

// Every error the engine can report. Values are stable: the JS bridge returns them as ints.
enum class ErrorCode : int {
  Ok = 0,
  InvalidUtf8 = 1,       // input bytes are not UTF-8 (import paths repair, strict paths refuse)
  TextTooLarge = 2,      // text exceeds kMaxTextBytes
  EmptyText = 3,         // nothing but whitespace to annotate
  JsonSyntax = 4,        // a file is not JSON at all (message carries line:column)
  NotGlosaFile = 5,      // JSON, but not {"format": "glosa", ...}
  UnsupportedVersion = 6,// a glosa file from a newer (or unknown) format version
  MissingField = 7,      // a required key is absent
  WrongType = 8,         // a key holds the wrong JSON type
  BadOffsets = 9,        // an entity span lies outside the text, or start >= end
  TextMismatch = 10,     // an entity's "text" differs from the document at its offsets
  ChecksumMismatch = 11, // "sha256" does not match the text
  UnknownLabel = 12,     // an entity label missing from the file's label set
  DuplicateId = 13,      // two entities share one id
  BadModel = 14,         // a model file is corrupt, truncated, or has a bad magic/checksum
  BadModelVersion = 15,  // a model file from an unsupported format version
  BadArgument = 16,      // a caller passed a value outside the documented range
  IoError = 17,          // a file could not be read or written (CLI only)
  BadReference = 18,     // an id that names nothing: an entity's group, a quotation's speaker
  BadText = 19,          // a file's text breaks the format's promises (NUL, CR, a leading BOM)
  BadArchive = 20,       // a ZIP archive is damaged, or holds entries Glosa cannot read (compressed)
};

// A short stable name for a code, e.g. "ChecksumMismatch".
const char* error_code_name(ErrorCode code);

// The outcome of an operation that can fail on bad input.
class Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status ok() { return Status(); }

  bool is_ok() const { return code_ == ErrorCode::Ok; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  ErrorCode code_ = ErrorCode::Ok;
  std::string message_;
};

// A value or a failed Status. Reading value() of a failed result is a bug (asserts).
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT

  bool is_ok() const { return status_.is_ok(); }
  const Status& status() const { return status_; }
  T& value() { check(); return value_; }
  const T& value() const { check(); return value_; }

 private:
  void check() const {
    if (!status_.is_ok()) {
      std::fprintf(stderr, "glosa: value() of a failed Result: %s\n", status_.message().c_str());
      std::abort();
    }
  }
  T value_{};
  Status status_;
};

}  // namespace glosa

// A broken invariant inside our own code (never bad input): print and abort.
#define GLOSA_ASSERT(cond, why)                                                   \
  do {                                                                            \
    if (!(cond)) {                                                                \
      std::fprintf(stderr, "%s:%d: assertion failed: %s (%s)\n", __FILE__, __LINE__, \
                   #cond, why);                                                   \
      std::abort();                                                               \
    }                                                                             \
  } while (0)

// Pass a failed Status up to the caller.
#define GLOSA_TRY(expr)                        \
  do {                                         \
    ::glosa::Status glosa_try_status_ = (expr); \
    if (!glosa_try_status_.is_ok()) return glosa_try_status_; \
  } while (0)
