// ZIP archives of "stored" (uncompressed) entries: how several files leave the browser as one
// download (a brat .txt + .ann pair, a whole collection in brat standoff), and how such an
// archive opens again. Layer: formats.
//
// Our own: a stored-only archive is a few headers and a CRC-32 around each file (PKWARE's
// APPNOTE.TXT, sections 4.3 and 4.4), and the libraries Debian has for it (minizip, libzip)
// would bring zlib into the WebAssembly build for compression we do not need: annotation
// files are small, and every unzip tool reads stored entries. Reading accepts stored entries
// only; an archive whose entries are compressed (most zip tools compress) is refused with a
// message that says to unzip it first. No ZIP64: entries and archives stay under 4 GiB, far
// above what a browser tab opens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/error.h"

namespace glosa {

struct ZipEntry {
  std::string name;   // a path inside the archive, '/'-separated, UTF-8
  std::string bytes;  // the file's content
};

// CRC-32 (ISO-HDLC, the ZIP and gzip one) of `bytes`.
uint32_t crc32(std::string_view bytes);

// The archive of `entries`, stored, in their order; names flagged UTF-8 and dated
// 1980-01-01 00:00 (the same entries give the same bytes). BadArgument when an entry or the
// archive would need ZIP64 (4 GiB, 65,535 entries or more) or a name is empty or over 65,535 bytes.
Result<std::string> write_zip(const std::vector<ZipEntry>& entries);

// True when `bytes` begins as a ZIP archive does (a local file header or an empty archive's
// end record).
bool looks_like_zip(std::string_view bytes);

// The entries of a stored archive, in the order of its central directory; directories
// (names ending in '/') are left out. BadArchive with the reason for: a damaged or truncated
// archive, a compressed or encrypted entry, a CRC mismatch, ZIP64, more than `max_entries`
// entries, entries larger than `max_total` bytes together, or entries out of order or
// overlapping (the central directory must list them as they lie in the file, as every zip
// tool writes them).
Result<std::vector<ZipEntry>> read_zip(std::string_view bytes, size_t max_entries = 10000,
                                       size_t max_total = size_t{256} << 20);

}  // namespace glosa
