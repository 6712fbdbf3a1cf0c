// Benchmark (prints numbers, never fails on time): writing and reading annotation files of
// every format (formats/exchange.h) for documents of 1, 4 and 16 MB with many entities and
// groups, seconds per MB of text for each size. Equal seconds per MB at every size means
// linear work. Layer: bench (native only).
//   build/native/glosa-bench-formats            all sizes
//   build/native/glosa-bench-formats 1 4        chosen sizes in MB
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <optional>
#include <vector>

#include "engine/core/document.h"
#include "formats/exchange.h"

using namespace glosa;

namespace {

// About `megabytes` MB of Polish text, one PER entity every sentence, three mentions per
// group (so groups are a third of the entities: the case that made the writer quadratic).
Document synthetic_document(size_t megabytes) {
  Document doc;
  doc.lang = "pl";
  doc.labels = default_labels();
  const size_t target = megabytes << 20;
  size_t i = 0;
  while (doc.text.size() < target) {
    const std::string name = "Kowalski" + std::to_string(i / 3);
    doc.text += "Wczoraj ";
    Entity e;
    e.begin_byte = doc.text.size();
    doc.text += name;
    e.end_byte = doc.text.size();
    e.label = "PER";
    e.group = "g" + std::to_string(i / 3 + 1);
    e.origin = Origin::Model;
    e.confidence = 0.9f;
    doc.entities.push_back(std::move(e));
    if (i % 3 == 0) doc.groups.push_back({"g" + std::to_string(i / 3 + 1), "PER", name, "", "", ""});
    doc.text += " powiedzia\xC5\x82, \xC5\xBC" "e rynek ro\xC5\x9Bnie o 5 proc. rocznie.\n";
    ++i;
  }
  sort_and_number_entities(doc);
  return doc;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<size_t> sizes;
  for (int a = 1; a < argc; ++a) sizes.push_back(static_cast<size_t>(std::strtoul(argv[a], nullptr, 10)));
  if (sizes.empty()) sizes = {1, 4, 16};
  std::printf("%-12s %6s %9s %9s %12s %12s\n", "format", "MB", "entities", "groups", "write s/MB", "read s/MB");
  const ExchangeFormat formats[] = {ExchangeFormat::Glosa,   ExchangeFormat::Brat,        ExchangeFormat::Conll,
                                    ExchangeFormat::Spacy,   ExchangeFormat::Doccano,     ExchangeFormat::LabelStudio,
                                    ExchangeFormat::W3c,     ExchangeFormat::Csv,         ExchangeFormat::Html};
  for (size_t mb : sizes) {
    const Document doc = synthetic_document(mb);
    const double text_mb = static_cast<double>(doc.text.size()) / (1 << 20);
    for (ExchangeFormat f : formats) {
      auto t0 = std::chrono::steady_clock::now();
      const Exported out = export_document(doc, f);
      const double write_s = seconds_since(t0);
      double read_s = 0;
      if (can_import(f)) {
        std::optional<std::string_view> text;
        if (f == ExchangeFormat::Brat) text = out.files[0].bytes;
        if (f == ExchangeFormat::W3c || f == ExchangeFormat::Conll) text = std::string_view(doc.text);
        t0 = std::chrono::steady_clock::now();
        auto back = import_documents(f, out.files.back().bytes, text);
        read_s = seconds_since(t0);
        if (!back.is_ok()) {
          std::fprintf(stderr, "glosa-bench-formats: %s: reading back failed: %s\n", format_name(f),
                       back.status().message().c_str());
          return 1;
        }
      }
      std::printf("%-12s %6zu %9zu %9zu %12.4f %12s\n", format_name(f), mb, doc.entities.size(), doc.groups.size(),
                  write_s / text_mb, can_import(f) ? std::to_string(read_s / text_mb).substr(0, 6).c_str() : "-");
    }
  }
  return 0;
}
