// `glosa-cli annotate`: one file (or stdin) to an annotation document, or a JSONL stream of
// {"id", "text", "lang"} records to one compact document per line. Layer: cli.
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "formats/annotation_json.h"
#include "formats/json_fields.h"

namespace glosa::cli {

namespace {

const char* kUsage =
    "usage: glosa-cli annotate [FILE|-] [--jsonl] [--lang auto|pl|en] [--models DIR]\n"
    "                          [--no-model] [--created ISO-TIME]\n"
    "  FILE       a UTF-8 text file (default: stdin)\n"
    "  --jsonl    read one JSON object per line with \"text\" (and optional \"id\", \"lang\");\n"
    "             write one compact annotation document per line, \"id\" carried over\n"
    "  --created  fixed provenance time (default: now), for reproducible output\n";

int annotate_jsonl(const Engine& engine, const AnnotateOptions& base, const std::string& created) {
  std::string line;
  size_t line_no = 0;
  int failures = 0;
  std::ios::sync_with_stdio(false);
  while (std::getline(std::cin, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = "stdin:" + std::to_string(line_no) + ": ";
    auto parsed = parse_json(line);
    if (!parsed.is_ok() || !parsed.value().is_object()) {
      std::cerr << "glosa-cli: " << where
                << (parsed.is_ok() ? "not a JSON object" : "not valid JSON: " + parsed.status().message()) << "\n";
      ++failures;
      continue;
    }
    const nlohmann::json& rec = parsed.value();
    auto text = rec.find("text");
    if (text == rec.end() || !text->is_string()) {
      std::cerr << "glosa-cli: " << where << "\"text\" is missing or not a string\n";
      ++failures;
      continue;
    }
    AnnotateOptions opts = base;
    if (auto lang = rec.find("lang"); lang != rec.end() && lang->is_string()) {
      opts.lang = lang->get<std::string>();
    }
    auto result = engine.annotate(text->get_ref<const std::string&>(), opts);
    if (!result.is_ok()) {
      std::cerr << "glosa-cli: " << where << result.status().message() << "\n";
      ++failures;
      continue;
    }
    Document& doc = result.value().doc;
    doc.meta.created = created;
    nlohmann::ordered_json out;
    if (auto id = rec.find("id"); id != rec.end()) out["id"] = *id;
    nlohmann::ordered_json body = document_to_json(doc);
    for (auto& [k, v] : body.items()) out[k] = std::move(v);
    std::cout << out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  }
  std::cout.flush();
  return failures == 0 ? 0 : 1;
}

}  // namespace

int run_annotate(const std::vector<std::string>& args) {
  std::string path = "-";
  std::string models = default_models_dir();
  std::string created = utc_now_iso();
  AnnotateOptions opts;
  bool jsonl = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_next = i + 1 < args.size();
    if (a == "--jsonl") jsonl = true;
    else if (a == "--no-model") opts.use_model = false;
    else if (a == "--lang" && has_next) opts.lang = args[++i];
    else if (a == "--models" && has_next) models = args[++i];
    else if (a == "--created" && has_next) created = args[++i];
    else if (a == "-h" || a == "--help") { std::cout << kUsage; return 0; }
    else if (!a.empty() && a[0] == '-' && a != "-") return fail("unknown option " + a + "\n" + kUsage, 2);
    else path = a;
  }
  Engine engine;
  if (opts.use_model) {
    Status s = load_models(engine, models, nullptr);
    if (!s.is_ok()) return fail(s.message());
  }
  if (jsonl) return annotate_jsonl(engine, opts, created);

  auto text = read_file(path);
  if (!text.is_ok()) return fail(text.status().message());
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
