// libFuzzer target: the annotation file reader (read_document) on any bytes. A file it
// accepts must write back and read again to the same document; nothing may crash or read out
// of bounds (ASan/UBSan).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "formats/annotation_json.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto doc = glosa::read_document(bytes);
  if (!doc.is_ok()) {
    glosa::fuzz::require(!doc.status().message().empty(), "a refused file has a message");
    return 0;
  }
  const std::string written = glosa::write_document(doc.value(), -1);
  auto again = glosa::read_document(written);
  glosa::fuzz::require(again.is_ok(), "a file read_document accepted writes back to one it accepts");
  glosa::fuzz::require(again.value().text == doc.value().text, "text survives a round trip");
  glosa::fuzz::require(again.value().entities.size() == doc.value().entities.size(),
                       "entities survive a round trip");
  glosa::fuzz::require(glosa::write_document(again.value(), -1) == written, "writing is stable");
  return 0;
}
