// `glosa-cli annotate`: one file (or stdin) to an annotation document, or a JSONL stream of
// {"id", "text", "lang"} records to one compact document per line. Layer: cli.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "engine/io/annotation_json.h"

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
// One batch of lines is read, annotated by the workers, and written in order. Its size bounds
// the memory held at once (as does the byte cap: many long lines make a short batch).
constexpr size_t kLinesPerJob = 16;
constexpr size_t kMaxBatchBytes = 64u << 20;

// Lines of a stream read with read(2), each at most `max_bytes` (longer ones are cut off and
// flagged; the rest of such a line is skipped without being kept).
class LineReader {
 public:
  LineReader(int fd, size_t max_bytes) : fd_(fd), max_bytes_(max_bytes) {}

  // The next line without its '\n'; false at the end of the stream (or a read error).
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
};

struct JsonlLine {
  size_t line_no = 0;
  std::string text;       // the line as read
  bool too_long = false;
  std::string output;     // the annotation document line, "" on failure
  std::string error;      // the message for stderr, "" on success
};

// Annotates one JSONL record. Pure apart from the engine (const): safe on any thread.
void annotate_line(const Engine& engine, const AnnotateOptions& base, const std::string& created, JsonlLine* l) {
  const std::string where = "stdin:" + std::to_string(l->line_no) + ": ";
  if (l->too_long) {
    l->error = where + "the line is longer than " + std::to_string(kMaxJsonlLineBytes) + " bytes";
    return;
  }
  nlohmann::json rec = nlohmann::json::parse(l->text, nullptr, false);
  l->text.clear();
  l->text.shrink_to_fit();
  if (rec.is_discarded() || !rec.is_object()) {
    l->error = where + "not a JSON object";
    return;
  }
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

// Annotates batch[i] for every i, on `jobs` threads (the calling one among them).
void annotate_batch(const Engine& engine, const AnnotateOptions& base, const std::string& created,
                    std::vector<JsonlLine>& batch, size_t jobs) {
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t i = next++; i < batch.size(); i = next++) annotate_line(engine, base, created, &batch[i]);
  };
  std::vector<std::thread> workers;
#if GLOSA_CLI_THREADS
  for (size_t t = 1; t < std::min(jobs, batch.size()); ++t) workers.emplace_back(work);
#endif
  work();
  for (std::thread& w : workers) w.join();
}

int annotate_jsonl(const Engine& engine, const AnnotateOptions& base, const std::string& created, size_t jobs) {
  LineReader reader(0, kMaxJsonlLineBytes);
  size_t line_no = 0;
  size_t failures = 0;
  std::vector<JsonlLine> batch;
  std::string line;
  bool too_long = false;
  bool more = true;
  while (more) {
    batch.clear();
    size_t batch_bytes = 0;
    while (batch.size() < jobs * kLinesPerJob && batch_bytes < kMaxBatchBytes) {
      if (!reader.next(&line, &too_long)) {
        more = false;
        break;
      }
      ++line_no;
      if (!too_long && line.find_first_not_of(" \t\r") == std::string::npos) continue;
      JsonlLine l;
      l.line_no = line_no;
      l.too_long = too_long;
      batch_bytes += line.size();
      l.text = std::move(line);
      batch.push_back(std::move(l));
    }
    annotate_batch(engine, base, created, batch, jobs);
    for (JsonlLine& l : batch) {
      if (!l.error.empty()) {
        std::fflush(stdout);  // keep stdout and stderr in input order when both go to one place
        std::fprintf(stderr, "glosa-cli: %s\n", l.error.c_str());
        ++failures;
        continue;
      }
      std::fwrite(l.output.data(), 1, l.output.size(), stdout);
      std::fputc('\n', stdout);
    }
  }
  std::fflush(stdout);
  if (failures > 0) std::fprintf(stderr, "glosa-cli: %zu of %zu line(s) failed\n", failures, line_no);
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
  if (jsonl) return annotate_jsonl(engine, opts, created, jobs);

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
