// `glosa-cli annotate`: one file (or stdin) to an annotation document, or a JSONL stream of
// {"id", "text", "lang"} records to one compact document per line. Layer: cli.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "formats/annotation_json.h"
#include "formats/json_fields.h"

namespace glosa::cli {

namespace {

const char* kUsage =
    "usage: glosa-cli annotate [FILE|-] [--jsonl] [--jobs N] [--lang auto|pl|en] [--models DIR]\n"
    "                          [--no-model] [--created ISO-TIME]\n"
    "  FILE       a text file (default: stdin): UTF-8, or UTF-16/UTF-32 with a byte-order mark\n"
    "  --jsonl    read one JSON object per line with \"text\" (and optional \"id\", \"lang\");\n"
    "             write one compact annotation document per line, \"id\" carried over, in input\n"
    "             order; a bad line is reported on stderr (exit code 1) and the stream goes on\n"
    "  --jobs N   with --jsonl: annotate N lines at once (default: every core)\n"
    "  --created  fixed provenance time (default: now), for reproducible output\n";

// A JSONL line may hold a whole text escaped (up to 6 bytes per byte for \u00XX): longer
// lines are reported and skipped, never held in memory.
constexpr size_t kMaxJsonlLineBytes = 6 * kMaxTextBytes + 4096;
// The lines in flight at once (read, being annotated, or done and waiting for an older line):
// at most kLinesPerJob per job and kMaxBatchBytes of input (a longer line is taken alone).
constexpr size_t kLinesPerJob = 16;
constexpr size_t kMaxBatchBytes = 64u << 20;

// Lines of a stream read with read(2), each at most `max_bytes` (longer ones are cut off and
// flagged; the rest of such a line is skipped without being kept).
class LineReader {
 public:
  LineReader(int fd, size_t max_bytes) : fd_(fd), max_bytes_(max_bytes) {}

  // The next line without its '\n'; false at the end of the stream (or a read error: error()).
  int error() const { return error_; }
  bool next(std::string* line, bool* too_long) {
    line->clear();
    *too_long = false;
    bool any = false;
    for (;;) {
      if (pos_ == len_) {
        if (eof_) return any;
        ssize_t n;
        do n = ::read(fd_, buf_, sizeof buf_); while (n < 0 && errno == EINTR);
        if (n <= 0) {
          if (n < 0) error_ = errno;
          eof_ = true;
          return any;
        }
        pos_ = 0;
        len_ = static_cast<size_t>(n);
      }
      any = true;
      const char* start = buf_ + pos_;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', len_ - pos_));
      const size_t take = nl ? static_cast<size_t>(nl - start) : len_ - pos_;
      if (!*too_long) {
        if (line->size() + take > max_bytes_) {
          *too_long = true;
          line->clear();
          line->shrink_to_fit();
        } else {
          line->append(start, take);
        }
      }
      pos_ += take;
      if (nl) {
        ++pos_;
        return true;
      }
    }
  }

 private:
  int fd_;
  size_t max_bytes_;
  char buf_[1 << 16];
  size_t pos_ = 0, len_ = 0;
  bool eof_ = false;
  int error_ = 0;  // errno of a failed read ("is a directory", an I/O error)
};

struct JsonlLine {
  const char* source = "stdin";  // the stream's name in messages: "stdin" or the file's path
  size_t line_no = 0;
  std::string text;       // the line as read
  bool too_long = false;
  std::string output;     // the annotation document line, "" on failure
  std::string error;      // the message for stderr, "" on success
};

// Annotates one JSONL record. Pure apart from the engine (const): safe on any thread.
void annotate_line(const Engine& engine, const AnnotateOptions& base, const std::string& created, JsonlLine* l) {
  const std::string where = std::string(l->source) + ":" + std::to_string(l->line_no) + ": ";
  if (l->too_long) {
    l->error = where + "the line is longer than " + std::to_string(kMaxJsonlLineBytes) + " bytes";
    return;
  }
  // parse_json names what is wrong (a number too large, a lone surrogate) with its place.
  auto parsed = parse_json(l->text);
  l->text.clear();
  l->text.shrink_to_fit();
  if (!parsed.is_ok() || !parsed.value().is_object()) {
    l->error = where + (parsed.is_ok() ? "not a JSON object" : "not valid JSON: " + parsed.status().message());
    return;
  }
  const nlohmann::json& rec = parsed.value();
  auto text = rec.find("text");
  if (text == rec.end() || !text->is_string()) {
    l->error = where + "\"text\" is missing or not a string";
    return;
  }
  AnnotateOptions opts = base;
  if (auto lang = rec.find("lang"); lang != rec.end() && lang->is_string()) opts.lang = lang->get<std::string>();
  auto result = engine.annotate(text->get_ref<const std::string&>(), opts);
  if (!result.is_ok()) {
    l->error = where + result.status().message();
    return;
  }
  Document& doc = result.value().doc;
  doc.meta.created = created;
  nlohmann::ordered_json out;
  if (auto id = rec.find("id"); id != rec.end()) out["id"] = *id;
  nlohmann::ordered_json body = document_to_json(doc);
  for (auto& [k, v] : body.items()) out[k] = std::move(v);
  l->output = out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// Prints one annotated line (or its message) and counts the failures.
void emit(const JsonlLine& l, size_t* failures) {
  if (!l.error.empty()) {
    std::fflush(stdout);  // keep stdout and stderr in input order when both go to one place
    std::fprintf(stderr, "glosa-cli: %s\n", l.error.c_str());
    ++*failures;
    return;
  }
  std::fwrite(l.output.data(), 1, l.output.size(), stdout);
  std::fputc('\n', stdout);
}

int annotate_jsonl(int fd, const std::string& source, const Engine& engine, const AnnotateOptions& base,
                   const std::string& created, size_t jobs) {
  LineReader reader(fd, kMaxJsonlLineBytes);
  size_t line_no = 0;
  size_t failures = 0;
  std::string line;
  bool too_long = false;
  // The next line that is not blank, numbered; false at the end of the stream.
  const auto next_line = [&](JsonlLine* out) {
    while (reader.next(&line, &too_long)) {
      ++line_no;
      if (!too_long && line.find_first_not_of(" \t\r") == std::string::npos) continue;
      out->source = source.c_str();
      out->line_no = line_no;
      out->too_long = too_long;
      out->text = std::move(line);
      out->output.clear();
      out->error.clear();
      return true;
    }
    return false;
  };
  if (jobs <= 1 || !GLOSA_CLI_THREADS) {
    JsonlLine l;
    while (next_line(&l)) {
      annotate_line(engine, base, created, &l);
      emit(l, &failures);
    }
  } else {
    // An ordered pipeline: this thread reads lines into a window of slots and writes them
    // out in input order as soon as the oldest is done; `jobs` workers annotate the slots in
    // the order they were read. No batch waits for its slowest line, and the window (at
    // most kLinesPerJob lines per job and kMaxBatchBytes of input) bounds the memory.
    const size_t window = jobs * kLinesPerJob;
    std::vector<JsonlLine> slots(window);
    std::vector<size_t> slot_bytes(window, 0);
    std::vector<char> done(window, 0);
    size_t read = 0, taken = 0, written = 0, bytes_in_flight = 0;
    bool input_over = false, stop = false;
    std::mutex mu;
    std::condition_variable work_cv, done_cv;
    const auto work = [&] {
      std::unique_lock<std::mutex> lk(mu);
      for (;;) {
        work_cv.wait(lk, [&] { return taken < read || stop; });
        if (taken >= read) return;
        const size_t seq = taken++;
        lk.unlock();
        annotate_line(engine, base, created, &slots[seq % window]);  // only this worker's slot
        lk.lock();
        done[seq % window] = 1;
        done_cv.notify_all();
      }
    };
    std::vector<std::thread> workers;
#if GLOSA_CLI_THREADS
    for (size_t t = 0; t < jobs; ++t) workers.emplace_back(work);
#else
    (void)work;  // no threads in WebAssembly: the loop below annotates in place
#endif
    JsonlLine pending;
    bool has_pending = false;
    for (;;) {
      std::unique_lock<std::mutex> lk(mu);
      // 1. Write the finished lines at the head of the window, in order.
      while (written < read && done[written % window]) {
        const size_t k = written % window;
        JsonlLine l = std::move(slots[k]);
        done[k] = 0;
        bytes_in_flight -= slot_bytes[k];
        ++written;
        lk.unlock();
        emit(l, &failures);
        lk.lock();
      }
      if (input_over && written == read) break;
      // 2. Take in the next line when the window has room for it (an empty window always has).
      if (!input_over) {
        if (!has_pending) {
          lk.unlock();
          has_pending = next_line(&pending);
          lk.lock();
          if (!has_pending) {
            input_over = true;
            continue;
          }
        }
        const size_t size = pending.text.size();
        if (read - written < window && (written == read || bytes_in_flight + size <= kMaxBatchBytes)) {
          const size_t k = read % window;
          slots[k] = std::move(pending);
          slot_bytes[k] = size;
          bytes_in_flight += size;
          has_pending = false;
          ++read;
          work_cv.notify_one();
          continue;
        }
      }
      // 3. No room, or no more input: wait for the oldest line (written < read here).
      done_cv.wait(lk, [&] { return done[written % window] != 0; });
    }
    {
      std::lock_guard<std::mutex> lk(mu);
      stop = true;
    }
    work_cv.notify_all();
    for (std::thread& w : workers) w.join();
  }
  std::fflush(stdout);
  if (failures > 0) std::fprintf(stderr, "glosa-cli: %zu of %zu line(s) failed\n", failures, line_no);
  // A stream cut by a read error is no success, whatever was written before it.
  if (reader.error() != 0) {
    std::fprintf(stderr, "glosa-cli: %s: cannot read after line %zu: %s\n", source.c_str(), line_no,
                 std::strerror(reader.error()));
    return 1;
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace

int run_annotate(const std::vector<std::string>& args) {
  std::string path = "-";
  std::string models = default_models_dir();
  std::string created = utc_now_iso();
  AnnotateOptions opts;
  bool jsonl = false;
  size_t jobs = GLOSA_CLI_THREADS ? std::max(1u, std::thread::hardware_concurrency()) : 1;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_next = i + 1 < args.size();
    if (a == "--jsonl") jsonl = true;
    else if (a == "--no-model") opts.use_model = false;
    else if (a == "--lang" && has_next) opts.lang = args[++i];
    else if (a == "--models" && has_next) models = args[++i];
    else if (a == "--created" && has_next) created = args[++i];
    else if (a == "--jobs" && has_next) {
      const std::string& v = args[++i];
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n < 1 || n > 1024) {
        return fail("--jobs needs a number from 1 to 1024, got '" + v + "'", 2);
      }
      jobs = static_cast<size_t>(n);
    }
    else if (a == "-h" || a == "--help") { std::cout << kUsage; return 0; }
    else if (!a.empty() && a[0] == '-' && a != "-") return fail("unknown option " + a + "\n" + kUsage, 2);
    else path = a;
  }
  Engine engine;
  if (opts.use_model) {
    Status s = load_models(engine, models, nullptr);
    if (!s.is_ok()) return fail(s.message());
  }
  if (jsonl) {
    // The stream is read as it comes (a corpus may not fit in memory): stdin, or the file.
    if (path == "-") return annotate_jsonl(0, "stdin", engine, opts, created, jobs);
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return fail(path + ": cannot open: " + std::strerror(errno));
    const int status = annotate_jsonl(fd, path, engine, opts, created, jobs);
    ::close(fd);
    return status;
  }

  std::string note;
  auto text = read_text_file(path, &note);
  if (!text.is_ok()) return fail(text.status().message());
  if (!note.empty()) std::cerr << "glosa-cli: " << (path == "-" ? "stdin" : path) << ": " << note << "\n";
  auto result = engine.annotate(text.value(), opts);
  if (!result.is_ok()) return fail((path == "-" ? std::string("stdin") : path) + ": " + result.status().message());
  if (result.value().invalid_utf8_count > 0) {
    std::cerr << "glosa-cli: warning: " << path << ": " << result.value().invalid_utf8_count
              << " invalid UTF-8 sequence(s) replaced by U+FFFD\n";
  }
  result.value().doc.meta.created = created;
  std::cout << write_document(result.value().doc, 2) << "\n";
  return 0;
}

}  // namespace glosa::cli
