// SHA-256 of a byte string as lower-case hex. Layer: engine/core.
// Our own ~80 lines rather than a library: the engine needs one hash in WASM and natively,
// and Debian has no crypto library that builds for Emscripten without a port. Checked
// against the FIPS 180-2 test vectors in tests/unit/engine/sha256_test.cpp.
#pragma once

#include <string>
#include <string_view>

namespace glosa {

std::string sha256_hex(std::string_view data);

}  // namespace glosa
