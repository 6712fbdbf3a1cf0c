// `glosa-cli bench`: annotation throughput over a text or JSONL file. Layer: cli.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cli_common.h"

namespace glosa::cli {

int run_bench(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help") {
    std::printf("usage: glosa-cli bench FILE [--repeat N] [--models DIR] [--no-model]\n"
                "  FILE: a .txt (annotated whole) or .jsonl (each record's \"text\")\n");
    return args.empty() ? 2 : 0;
  }
  std::string path = args[0];
  std::string models = default_models_dir();
  int repeat = 3;
  AnnotateOptions opts;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--repeat" && i + 1 < args.size()) repeat = std::max(1, std::atoi(args[++i].c_str()));
    else if (args[i] == "--models" && i + 1 < args.size()) models = args[++i];
    else if (args[i] == "--no-model") opts.use_model = false;
    else return fail("unknown option " + args[i], 2);
  }
  auto data = read_file(path, 1u << 30);  // a JSONL corpus may be large
  if (!data.is_ok()) return fail(data.status().message());
  std::vector<std::string> texts;
  if (path.size() > 6 && path.compare(path.size() - 6, 6, ".jsonl") == 0) {
    size_t start = 0;
    const std::string& d = data.value();
    while (start < d.size()) {
      size_t end = d.find('\n', start);
      if (end == std::string::npos) end = d.size();
      auto rec = nlohmann::json::parse(d.begin() + start, d.begin() + end, nullptr, false);
      if (rec.is_object() && rec.contains("text") && rec["text"].is_string()) {
        texts.push_back(rec["text"].get<std::string>());
      }
      start = end + 1;
    }
  } else {
    texts.push_back(data.value());
  }
  Engine engine;
  std::vector<std::string> loaded;
  if (opts.use_model) {
    Status s = load_models(engine, models, &loaded);
    if (!s.is_ok()) return fail(s.message());
  }
  size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  // Nothing to measure is an error, not "-nan MB/s".
  if (bytes == 0) return fail(path + ": no text to measure (the file is empty or has no \"text\" records)");
  double best = 1e30, best_cpu = 1e30;
  size_t entities = 0;
  for (int r = 0; r < repeat; ++r) {
    entities = 0;
    // Each repeat reads the text as new: what the tagger kept of the last repeat's forms goes
    // (within a repeat, documents share forms as a person's articles do).
    NerModel::forget_kept_forms();
    const std::clock_t c0 = std::clock();
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& t : texts) {
      auto res = engine.annotate(t, opts);
      if (res.is_ok()) entities += res.value().doc.entities.size();
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    best = std::min(best, s);
    best_cpu = std::min(best_cpu, static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
  }
  std::printf("texts %zu, bytes %zu, entities %zu, models %zu\n", texts.size(), bytes, entities,
              loaded.size());
  std::printf("best of %d: %.3f s, %.2f MB/s, %.0f texts/s\n", repeat, best, bytes / best / 1e6,
              texts.size() / best);
  // Processor time of this process: the same number on a machine shared with other jobs.
  std::printf("best cpu time: %.3f s, %.2f MB/s per core\n", best_cpu, bytes / best_cpu / 1e6);
  return 0;
}

}  // namespace glosa::cli
