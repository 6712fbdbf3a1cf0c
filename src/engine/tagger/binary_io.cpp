// Float encoding for ByteWriter/ByteReader (IEEE-754 bits, little-endian). Layer: engine/tagger.
#include "engine/tagger/binary_io.h"

#include <cstring>

namespace glosa::ner {

void ByteWriter::f32(float v) {
  uint32_t bits = 0;
  std::memcpy(&bits, &v, 4);
  u32(bits);
}

float ByteReader::f32() {
  const uint32_t bits = u32();
  float v = 0;
  std::memcpy(&v, &bits, 4);
  return v;
}

}  // namespace glosa::ner
