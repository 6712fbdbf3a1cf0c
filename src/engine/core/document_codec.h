// A compact binary form of a whole Document, for handing documents between the browser's
// threads (the annotation worker and the page) and keeping them in local storage without
// the cost of JSON. Not a sharing format: files people exchange are .glosa.json
// (formats/annotation_json). Layer: engine/core (no I/O).
//
// Layout: the 8-byte magic "GLOSADOC", a u32 version (little endian), then the fields of
// Document in declaration order: integers as LEB128 varints, floats as their IEEE bits,
// strings as a varint byte length and the bytes. Decoding checks every length and offset
// against the buffer and the text, so a truncated or altered buffer is refused, never read
// out of bounds.
#pragma once

#include <string>
#include <string_view>

#include "engine/core/document.h"
#include "engine/core/error.h"

namespace glosa {

constexpr uint32_t kDocumentCodecVersion = 1;

// Every field of `doc`, exactly; decode_document(encode_document(d)) equals d.
std::string encode_document(const Document& doc);

// The document encoded in `bytes`. Fails with BadModel (not a Glosa document buffer, or
// truncated: a length that does not fit), BadModelVersion (another codec version) or
// BadOffsets (a span outside the text), naming the field.
Result<Document> decode_document(std::string_view bytes);

}  // namespace glosa
