// Helpers shared by glosa-cli's subcommands: file reading, model loading, timestamps.
// Layer: cli (native only).
#pragma once

#include <string>
#include <vector>

#include "engine/engine.h"

namespace glosa::cli {

// The most a text file may hold before decoding: a UTF-16 file of kMaxTextBytes of text
// takes up to twice that; the engine checks the decoded text against kMaxTextBytes.
constexpr size_t kMaxTextFileBytes = 2 * kMaxTextBytes + 4;
constexpr size_t kMaxModelFileBytes = 256u << 20;

// Reads a whole file ("-" = stdin), at most `max_bytes`: a stream (stdin, a pipe, a device)
// is read only that far. Returns IoError naming the path (missing, a directory, unreadable)
// or TextTooLarge with the exact sizes. Never throws.
// `limit_note` replaces "the limit is N bytes" in that message when given.
Result<std::string> read_file(const std::string& path, size_t max_bytes = kMaxTextFileBytes,
                              const std::string& limit_note = "");

// Ok when `path` names something a stream can read (not a directory: libstdc++'s
// ifstream would throw std::ios_failure on it); IoError naming the path otherwise.
Status check_input_file(const std::string& path);

// Reads a text file (as read_file) and decodes UTF-16/UTF-32 by its byte-order mark, and
// Polish Windows-1250 / ISO-8859-2 by its letters (decode_text_bytes); `note` receives a
// note or warning for the user ("" if none).
Result<std::string> read_text_file(const std::string& path, std::string* note);

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
