// Scaling benchmark (prints numbers; not a test): time per MB of Engine::annotate, of the
// annotation file writer and of the app's document index at 1, 4 and 16 MB, for ordinary
// prose and for the texts that once made the engine quadratic or worse (issue #14).
// Times are processor seconds (std::clock) of a fresh child process per case and size.
// Run: build/native/bench/glosa-bench-scaling [--sizes 1,4,16 (MB, fractions allowed)] [--cases ordinary,quotes,...]
// The goal: at 16 MB no more than 1.5x the time per MB at 1 MB.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "app/document_index.h"
#include "engine/engine.h"
#include "formats/annotation_json.h"
#include "engine/names/lexicon.h"

namespace {

using glosa::Engine;

std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void load_models(Engine& engine, const std::string& dir) {
  for (const char* name : {"ner-pl.bin", "ner-en.bin", "names-pl.bin"}) {
    const std::string bytes = read_whole(dir + "/" + name);
    if (bytes.empty()) continue;
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    const bool lexicon = bytes.compare(0, 8, std::string(glosa::names::kLexiconMagic, 8)) == 0;
    const glosa::Status s = lexicon ? engine.load_lexicon(data, bytes.size()) : engine.load_model(data, bytes.size());
    if (!s.is_ok()) std::fprintf(stderr, "%s: %s\n", name, s.message().c_str());
  }
}

// `unit` repeated until the text holds `bytes` bytes (whole units only, at least one).
std::string repeat_to(const std::string& unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  do out += unit; while (out.size() + unit.size() <= bytes);
  return out;
}

// One paragraph of nested quotations: „a «b „c «d … » ” » ” closed again, `depth` deep,
// repeated on one line (the 4000-deep case).
std::string nested_quotes(size_t depth) {
  std::string open, close;
  for (size_t i = 0; i < depth; ++i) {
    open += i % 2 ? "«słowo " : "„słowo ";
    close = (i % 2 ? " powiedział Jan»" : " dodał Piotr”") + close;
  }
  return open + "środek" + close + " ";
}

// Brackets nested `depth` deep: (a [b (c … ) ] ).
std::string nested_brackets(size_t depth) {
  std::string open, close;
  for (size_t i = 0; i < depth; ++i) {
    open += i % 2 ? "[Anna Nowak " : "(Jan Kowalski ";
    close = (i % 2 ? " w Warszawie]" : " w Krakowie)") + close;
  }
  return open + "środek" + close + " ";
}

// Processor time (user + system) of this process: steadier than wall time on a shared machine.
double seconds_of(const std::function<void()>& f) {
  const std::clock_t c0 = std::clock();
  f();
  return static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
}

// Annotates `unit` repeated to `mb` MB, writes it as a file and indexes it for the app;
// prints one line and returns the annotation time per MB (0 on failure).
double run_one(const Engine& engine, const char* name, const std::string& unit, double mb, double first_per_mb) {
  const std::string text = repeat_to(unit, static_cast<size_t>(mb * (1 << 20)));
  const double megabytes = static_cast<double>(text.size()) / (1 << 20);
  glosa::Result<glosa::Analysis> result = glosa::Status(glosa::ErrorCode::EmptyText, "");
  const double t_ann = seconds_of([&] { result = engine.annotate(text); });
  if (!result.is_ok()) {
    std::printf("%-13s %5.2f  failed: %s\n", name, mb, result.status().message().c_str());
    return 0;
  }
  const glosa::Document& doc = result.value().doc;
  size_t json_bytes = 0;
  const double t_json = seconds_of([&] { json_bytes = glosa::write_document(doc, -1).size(); });
  size_t depth = 0;
  const double t_idx = seconds_of([&] {
    const auto index = glosa::app::build_document_index(doc);
    for (int d : index.quote_depth) depth = std::max(depth, static_cast<size_t>(d));
  });
  const double per_mb = t_ann / megabytes;
  std::printf("%-13s %5.2f %9zu %9zu %9.3f %9.3f %9.4f  x%.2f (json %zu bytes, depth %zu)\n", name, megabytes,
              doc.entities.size(), doc.quotes.size(), per_mb, t_json / megabytes, t_idx / megabytes,
              first_per_mb > 0 ? per_mb / first_per_mb : 1.0, json_bytes, depth);
  std::fflush(stdout);
  return per_mb;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<double> sizes_mb = {1, 4, 16};
  std::string only;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    if (key == "--cases") only = argv[i + 1];
    if (key == "--sizes") {
      sizes_mb.clear();
      std::stringstream ss(argv[i + 1]);
      std::string part;
      while (std::getline(ss, part, ',')) sizes_mb.push_back(std::strtod(part.c_str(), nullptr));
    }
  }
  Engine engine;
  load_models(engine, GLOSA_SOURCE_DIR "/assets/models");
  const std::string sample = read_whole(GLOSA_SOURCE_DIR "/assets/samples/sample-pl.txt");
  struct Case {
    const char* name;
    std::string unit;
  };
  const std::vector<Case> cases = {
      {"ordinary", sample + "\n"},
      {"quotes", "„a «b» c” "},                  // one paragraph, no sentence end
      {"quote-speech", "„Tak będzie – powiedział prezydent – i już” "},
      {"nesting", nested_quotes(4000)},          // 4000 quotations inside each other
      {"brackets", nested_brackets(8000)},
      {"names", "Jan Kowalski, Anna Nowak i Piotr Wiśniewski "},  // one paragraph of names
  };
  std::printf("%-13s %5s %9s %9s %9s %9s %9s  %s\n", "case", "MB", "entities", "quotes",
              "s/MB ann", "s/MB json", "s/MB idx", "annotate s/MB vs the first size");
  std::fflush(stdout);  // before fork(): the children must not print it again
  for (const Case& c : cases) {
    if (!only.empty() && only.find(c.name) == std::string::npos) continue;
    double first_per_mb = 0;
    for (double mb : sizes_mb) {
      // Each size runs in a fresh child process: a heap already grown by the smaller sizes
      // (or fragmented by them) would make the larger ones look slower or faster than they are.
      int fds[2];
      if (pipe(fds) != 0) return 1;
      const pid_t pid = fork();
      if (pid == 0) {
        close(fds[0]);
        const double per_mb = run_one(engine, c.name, c.unit, mb, first_per_mb);
        if (write(fds[1], &per_mb, sizeof per_mb) != sizeof per_mb) _exit(1);
        _exit(0);
      }
      close(fds[1]);
      double per_mb = 0;
      if (read(fds[0], &per_mb, sizeof per_mb) != sizeof per_mb) per_mb = 0;
      close(fds[0]);
      int status = 0;
      waitpid(pid, &status, 0);
      if (first_per_mb == 0) first_per_mb = per_mb;
    }
  }
  return 0;
}
