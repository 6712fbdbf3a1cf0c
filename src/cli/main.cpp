// glosa-cli: the engine on the command line (annotate, eval, bench, convert, agree). Layer: cli.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli_common.h"

int main(int argc, char** argv) {
  const char* usage =
      "usage: glosa-cli <command> [options]\n"
      "  annotate   annotate a text file or a JSONL stream (see: glosa-cli annotate --help)\n"
      "  eval       score the engine against gold JSONL (see: glosa-cli eval --help)\n"
      "  eval-names score base forms and entity groups (see: glosa-cli eval-names --help)\n"
      "  bench      measure annotation throughput (see: glosa-cli bench --help)\n"
      "  convert    Glosa files to and from brat, CoNLL, spaCy, doccano, Label Studio, W3C, CSV, HTML\n"
      "  agree      agreement of two annotators' Glosa files (see: glosa-cli agree --help)\n"
      "  version    print the version\n";
  if (argc < 2) {
    std::cerr << usage;
    return 2;
  }
  const std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "annotate") return glosa::cli::run_annotate(args);
  if (command == "eval") return glosa::cli::run_eval(args);
  if (command == "eval-names") return glosa::cli::run_eval_names(args);
  if (command == "bench") return glosa::cli::run_bench(args);
  if (command == "convert") return glosa::cli::run_convert(args);
  if (command == "agree") return glosa::cli::run_agree(args);
  if (command == "version" || command == "--version") {
    std::cout << "glosa " << glosa::kGlosaVersion << "\n";
    return 0;
  }
  if (command == "-h" || command == "--help") {
    std::cout << usage;
    return 0;
  }
  std::cerr << "glosa-cli: unknown command '" << command << "'\n" << usage;
  return 2;
}
