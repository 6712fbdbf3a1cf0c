// Benchmark (prints numbers, never fails on time): writing and reading annotation files of
// 1, 4 and 16 MB with many entities and groups, seconds per MB for each size. Equal seconds
// per MB at every size means linear work. Layer: bench (native only).
//   build/native/glosa-bench-formats            all sizes
//   build/native/glosa-bench-formats 1 4        chosen sizes in MB
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/core/document.h"
#include "formats/annotation_json.h"

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
  std::printf("%-10s %6s %9s %9s %12s %12s\n", "format", "MB", "entities", "groups", "write s/MB", "read s/MB");
  for (size_t mb : sizes) {
    const Document doc = synthetic_document(mb);
    const double text_mb = static_cast<double>(doc.text.size()) / (1 << 20);
    auto t0 = std::chrono::steady_clock::now();
    const std::string file = write_document(doc, 2);
    const double write_s = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    auto back = read_document(file);
    const double read_s = seconds_since(t0);
    if (!back.is_ok()) {
      std::fprintf(stderr, "glosa-bench-formats: reading back failed: %s\n", back.status().message().c_str());
      return 1;
    }
    std::printf("%-10s %6zu %9zu %9zu %12.4f %12.4f\n", "glosa", mb, doc.entities.size(), doc.groups.size(),
                write_s / text_mb, read_s / text_mb);
  }
  return 0;
}
