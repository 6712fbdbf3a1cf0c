// `glosa-cli convert` (Glosa files to and from brat, CoNLL, spaCy, doccano, Label Studio, W3C,
// CSV and HTML) and `glosa-cli agree` (agreement of two annotators' files). Layer: cli.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_common.h"
#include "engine/eval/agreement.h"
#include "formats/agreement_json.h"
#include "formats/annotation_json.h"
#include "formats/exchange.h"

namespace glosa::cli {

namespace {

const char* kConvertUsage =
    "usage: glosa-cli convert IN --to brat|conll|spacy|doccano|labelstudio|w3c|csv|html [-o OUT]\n"
    "       glosa-cli convert IN --from brat|conll|spacy|doccano|labelstudio|w3c|auto [--text FILE.txt]\n"
    "                         [-o OUT] [--created ISO-TIME]\n"
    "  --to    IN is a Glosa file (.glosa.json); writes it in another format to OUT (default:\n"
    "          stdout). brat writes two files, OUT.txt and OUT.ann (OUT is required).\n"
    "  --from  IN is a file of another tool; writes a Glosa file to OUT (default: stdout).\n"
    "          brat reads IN.ann and IN.txt beside it (IN may name either, or their base).\n"
    "          --text gives the original text: required for w3c, optional for conll (exact\n"
    "          offsets instead of a text rebuilt from the tokens). auto guesses the format.\n"
    "          A file of several documents (CoNLL, spaCy JSONL, doccano, Label Studio) gives\n"
    "          one compact Glosa file per line (JSONL).\n"
    "  Bad input: a message naming the file, line and field on stderr, exit code 1.\n";

const char* kAgreeUsage =
    "usage: glosa-cli agree A.glosa.json B.glosa.json [--disagreements]\n"
    "  Prints one JSON object: {\"f1\", \"kappa\", \"matches\", \"label_diff\", \"boundary_diff\",\n"
    "  \"only_a\", \"only_b\", \"per_label\": {LABEL: {\"f1\", \"a\", \"b\", \"matches\"}}}. F1 is pairwise\n"
    "  on exact spans and labels; kappa is Cohen's over tokens (each token labelled by the first\n"
    "  entity over it, O otherwise). --disagreements adds them, in text order, with code-point\n"
    "  offsets and entity ids. The two files must annotate the same text (same sha256).\n";

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Status write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status(ErrorCode::IoError, path + ": cannot write the file");
  return Status::ok();
}

Result<Document> read_glosa_file(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes.is_ok()) return bytes.status();
  auto doc = read_document(bytes.value());
  if (!doc.is_ok()) return Status(doc.status().code(), path + ": " + doc.status().message());
  return doc;
}

int convert_to(const std::string& in, ExchangeFormat format, const std::string& out) {
  auto doc = read_glosa_file(in);
  if (!doc.is_ok()) return fail(doc.status().message());
  const Exported exported = export_document(doc.value(), format);
  for (const std::string& note : exported.notes) std::cerr << "glosa-cli: note: " << note << "\n";
  if (exported.files.size() > 1) {
    if (out.empty()) return fail(std::string(format_name(format)) + " writes several files: give their base name with -o", 2);
    std::string base = out;
    for (const ExportedFile& f : exported.files) {
      if (ends_with(base, f.suffix)) base.resize(base.size() - f.suffix.size());
    }
    for (const ExportedFile& f : exported.files) {
      Status s = write_file(base + f.suffix, f.bytes);
      if (!s.is_ok()) return fail(s.message());
    }
    return 0;
  }
  if (out.empty() || out == "-") {
    std::cout << exported.files[0].bytes;
    std::cout.flush();
    return 0;
  }
  Status s = write_file(out, exported.files[0].bytes);
  return s.is_ok() ? 0 : fail(s.message());
}

int convert_from(const std::string& in, std::string format_arg, const std::string& text_path, const std::string& out,
                 const std::string& created) {
  std::string annotations_path = in, text_file = text_path;
  ExchangeFormat format = ExchangeFormat::PlainText;
  if (format_arg == "brat" || (format_arg == "auto" && (ends_with(in, ".ann") || ends_with(in, ".txt")))) {
    std::string base = in;
    if (ends_with(base, ".ann") || ends_with(base, ".txt")) base.resize(base.size() - 4);
    annotations_path = base + ".ann";
    if (text_file.empty()) text_file = base + ".txt";
    format_arg = "brat";
  }
  auto bytes = read_file(annotations_path);
  if (!bytes.is_ok()) return fail(bytes.status().message());
  if (format_arg == "auto") {
    format = detect_format(annotations_path, bytes.value());
    if (!can_import(format)) {
      return fail(annotations_path + ": not an annotation file of a format Glosa reads (give --from)");
    }
  } else if (!parse_format_name(format_arg, &format) || !can_import(format) || format == ExchangeFormat::Glosa) {
    return fail("--from must be brat, conll, spacy, doccano, labelstudio, w3c or auto, got '" + format_arg + "'\n" +
                    kConvertUsage,
                2);
  }
  std::optional<std::string> text;
  if (!text_file.empty()) {
    auto t = read_file(text_file);
    if (!t.is_ok()) return fail(t.status().message());
    text = std::move(t.value());
  } else if (format == ExchangeFormat::W3c) {
    return fail("w3c annotations do not hold the text: give it with --text FILE.txt", 2);
  }
  auto docs = import_documents(format, bytes.value(),
                               text ? std::optional<std::string_view>(*text) : std::optional<std::string_view>());
  if (!docs.is_ok()) {
    // A message about the text names the text file; every other one the annotation file.
    const std::string& m = docs.status().message();
    const bool about_text = format == ExchangeFormat::Brat && m.compare(0, 5, "line ") != 0;
    return fail((about_text ? text_file : annotations_path) + ": " + m);
  }
  std::string result;
  for (Document& d : docs.value()) {
    d.meta.created = created;
    result += docs.value().size() == 1 ? write_document(d, 2) + "\n" : write_document(d, -1) + "\n";
  }
  if (docs.value().size() > 1) {
    std::cerr << "glosa-cli: note: " << annotations_path << " holds " << docs.value().size()
              << " documents: one Glosa file per line (JSONL)\n";
  }
  if (out.empty() || out == "-") {
    std::cout << result;
    std::cout.flush();
    return 0;
  }
  Status s = write_file(out, result);
  return s.is_ok() ? 0 : fail(s.message());
}

}  // namespace

int run_convert(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "-h" || args[0] == "--help") {
    std::cout << kConvertUsage;
    return args.empty() ? 2 : 0;
  }
  std::string in, to, from, text, out, created = utc_now_iso();
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_next = i + 1 < args.size();
    if ((a == "--to" || a == "--from" || a == "--text" || a == "-o" || a == "--created") && !has_next) {
      return fail("missing value for " + a + "\n" + kConvertUsage, 2);
    }
    if (a == "--to") to = args[++i];
    else if (a == "--from") from = args[++i];
    else if (a == "--text") text = args[++i];
    else if (a == "-o") out = args[++i];
    else if (a == "--created") created = args[++i];
    else if (!a.empty() && a[0] == '-' && a != "-") return fail("unknown option " + a + "\n" + kConvertUsage, 2);
    else if (in.empty()) in = a;
    else return fail("one input file only, got '" + in + "' and '" + a + "'\n" + kConvertUsage, 2);
  }
  if (in.empty()) return fail("no input file\n" + std::string(kConvertUsage), 2);
  if (to.empty() == from.empty()) return fail("give either --to or --from\n" + std::string(kConvertUsage), 2);
  if (!to.empty()) {
    ExchangeFormat format;
    if (!parse_format_name(to, &format) || format == ExchangeFormat::Glosa || format == ExchangeFormat::PlainText) {
      return fail("--to must be brat, conll, spacy, doccano, labelstudio, w3c, csv or html, got '" + to + "'\n" +
                      kConvertUsage,
                  2);
    }
    return convert_to(in, format, out);
  }
  return convert_from(in, from, text, out, created);
}

int run_agree(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "-h" || args[0] == "--help") {
    std::cout << kAgreeUsage;
    return args.empty() ? 2 : 0;
  }
  std::vector<std::string> files;
  bool with_disagreements = false;
  for (const std::string& a : args) {
    if (a == "--disagreements") with_disagreements = true;
    else if (!a.empty() && a[0] == '-' && a != "-") return fail("unknown option " + a + "\n" + kAgreeUsage, 2);
    else files.push_back(a);
  }
  if (files.size() != 2) return fail("agree needs two Glosa files\n" + std::string(kAgreeUsage), 2);
  auto a = read_glosa_file(files[0]);
  if (!a.is_ok()) return fail(a.status().message());
  auto b = read_glosa_file(files[1]);
  if (!b.is_ok()) return fail(b.status().message());
  auto r = compare_annotations(a.value(), b.value());
  if (!r.is_ok()) return fail(files[0] + " and " + files[1] + ": " + r.status().message());
  std::cout << write_agreement_json(r.value(), a.value(), b.value(), with_disagreements) << "\n";
  return 0;
}

}  // namespace glosa::cli
