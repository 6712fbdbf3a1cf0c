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

// 2: labels[].renamed_from. Version 1 buffers (a browser's store from before) are still read.
constexpr uint32_t kDocumentCodecVersion = 2;

// Every field of `doc`, exactly; decode_document(encode_document(d)) equals d.
std::string encode_document(const Document& doc);

// The document encoded in `bytes`. Fails with BadModel (not a Glosa document buffer, or
// truncated: a length that does not fit), BadModelVersion (a codec version it does not read) or
// BadOffsets (a span outside the text), naming the field.
Result<Document> decode_document(std::string_view bytes);

}  // namespace glosa
