// Helpers shared by glosa-cli's subcommands: file reading, model loading, timestamps.
// Layer: cli (native only).
#pragma once

#include <string>
#include <vector>

#include "engine/engine.h"

namespace glosa::cli {

// Reads a whole file ("-" = stdin). Returns IoError with the path on failure.
Result<std::string> read_file(const std::string& path);

// Loads every *.bin in `dir` into the engine: NER models and the name lexicon (told apart
// by their magic). A missing directory is not an error (the engine then runs rules only); a
// corrupt file is.
Status load_models(Engine& engine, const std::string& dir, std::vector<std::string>* loaded);

// The default model directory: the source tree's assets/models, overridable by --models.
std::string default_models_dir();

// Current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_now_iso();

// Prints "glosa-cli: <message>" to stderr and returns exit code 1 (or 2 for usage errors).
int fail(const std::string& message, int code = 1);

int run_annotate(const std::vector<std::string>& args);
int run_eval(const std::vector<std::string>& args);
int run_eval_names(const std::vector<std::string>& args);
int run_bench(const std::vector<std::string>& args);
int run_convert(const std::vector<std::string>& args);
int run_agree(const std::vector<std::string>& args);

}  // namespace glosa::cli
