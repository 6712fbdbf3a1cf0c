// Stored ZIP archives: writing and reading (zip.h says why our own). Layer: formats.
#include "formats/zip.h"

#include <algorithm>
#include <array>
#include <limits>

namespace glosa {

namespace {

constexpr uint32_t kLocalHeader = 0x04034b50;    // "PK\3\4"
constexpr uint32_t kCentralHeader = 0x02014b50;  // "PK\1\2"
constexpr uint32_t kEndRecord = 0x06054b50;      // "PK\5\6"
constexpr size_t kLocalSize = 30, kCentralSize = 46, kEndSize = 22;
constexpr uint16_t kVersion = 20;          // 2.0: what a stored entry needs
constexpr uint16_t kUtf8Flag = 1u << 11;   // general purpose bit 11: the name is UTF-8
constexpr uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01

void put16(std::string& out, uint16_t v) {
  out.push_back(static_cast<char>(v & 0xff));
  out.push_back(static_cast<char>(v >> 8));
}
void put32(std::string& out, uint32_t v) {
  for (int k = 0; k < 4; ++k) out.push_back(static_cast<char>((v >> (8 * k)) & 0xff));
}
uint16_t get16(std::string_view b, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
uint32_t get32(std::string_view b, size_t at) {
  return static_cast<uint32_t>(get16(b, at)) | static_cast<uint32_t>(get16(b, at + 2)) << 16;
}

Status damaged(const std::string& why) { return Status(ErrorCode::BadArchive, "not a readable ZIP archive: " + why); }

}  // namespace

uint32_t crc32(std::string_view bytes) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  uint32_t c = 0xFFFFFFFFu;
  for (char ch : bytes) c = table[(c ^ static_cast<unsigned char>(ch)) & 0xff] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

Result<std::string> write_zip(const std::vector<ZipEntry>& entries) {
  constexpr size_t kMax32 = std::numeric_limits<uint32_t>::max();
  // 0xFFFF itself is ZIP64's marker in the end record.
  if (entries.size() >= 0xFFFF) return Status(ErrorCode::BadArgument, "65,535 files or more for one archive");
  std::string out, central;
  for (const ZipEntry& e : entries) {
    if (e.name.empty() || e.name.size() > 0xFFFF) {
      return Status(ErrorCode::BadArgument, "a file name in an archive must have 1 to 65,535 bytes");
    }
    if (e.bytes.size() >= kMax32 || out.size() >= kMax32) return Status(ErrorCode::BadArgument, "an archive over 4 GiB");
    const uint32_t crc = crc32(e.bytes), size = static_cast<uint32_t>(e.bytes.size());
    const uint32_t offset = static_cast<uint32_t>(out.size());
    // Local file header, then the bytes as they are (method 0: stored).
    put32(out, kLocalHeader);
    put16(out, kVersion);
    put16(out, kUtf8Flag);
    put16(out, 0);  // method
    put16(out, 0);  // time
    put16(out, kDosDate);
    put32(out, crc);
    put32(out, size);  // compressed size
    put32(out, size);
    put16(out, static_cast<uint16_t>(e.name.size()));
    put16(out, 0);  // extra field
    out += e.name;
    out += e.bytes;
    // Its central directory record.
    put32(central, kCentralHeader);
    put16(central, kVersion);  // made by (MS-DOS attributes)
    put16(central, kVersion);
    put16(central, kUtf8Flag);
    put16(central, 0);
    put16(central, 0);
    put16(central, kDosDate);
    put32(central, crc);
    put32(central, size);
    put32(central, size);
    put16(central, static_cast<uint16_t>(e.name.size()));
    put16(central, 0);  // extra
    put16(central, 0);  // comment
    put16(central, 0);  // disk
    put16(central, 0);  // internal attributes
    put32(central, 0);  // external attributes
    put32(central, offset);
    central += e.name;
  }
  if (out.size() + central.size() >= kMax32) return Status(ErrorCode::BadArgument, "an archive over 4 GiB");
  const uint32_t central_offset = static_cast<uint32_t>(out.size());
  out += central;
  put32(out, kEndRecord);
  put16(out, 0);  // this disk
  put16(out, 0);  // the central directory's disk
  put16(out, static_cast<uint16_t>(entries.size()));
  put16(out, static_cast<uint16_t>(entries.size()));
  put32(out, static_cast<uint32_t>(central.size()));
  put32(out, central_offset);
  put16(out, 0);  // comment
  return out;
}

bool looks_like_zip(std::string_view bytes) {
  return bytes.size() >= 4 && (get32(bytes, 0) == kLocalHeader || get32(bytes, 0) == kEndRecord);
}

Result<std::vector<ZipEntry>> read_zip(std::string_view b, size_t max_entries, size_t max_total) {
  if (b.size() < kEndSize) return damaged("shorter than its end record");
  // The end record: the last "PK\5\6" whose comment reaches exactly the end of the file.
  size_t end = std::string_view::npos;
  const size_t lowest = b.size() >= kEndSize + 0xFFFF ? b.size() - kEndSize - 0xFFFF : 0;
  for (size_t at = b.size() - kEndSize + 1; at-- > lowest;) {
    if (get32(b, at) == kEndRecord && at + kEndSize + get16(b, at + 20) == b.size()) {
      end = at;
      break;
    }
  }
  if (end == std::string_view::npos) return damaged("no end record (truncated?)");
  const size_t count = get16(b, end + 10);
  const size_t central_size = get32(b, end + 12), central_at = get32(b, end + 16);
  if (get16(b, end + 4) != 0 || get16(b, end + 6) != 0 || get16(b, end + 8) != count) {
    return damaged("split over several disks");
  }
  if (count == 0xFFFF || central_at == 0xFFFFFFFFu) return damaged("ZIP64 archives are not supported");
  if (central_at > end || central_size > end - central_at) return damaged("the central directory lies outside the file");
  if (count > max_entries) {
    return Status(ErrorCode::BadArchive, "the archive holds " + std::to_string(count) + " files; at most " +
                                             std::to_string(max_entries) + " are opened at once");
  }
  // The files, as the central directory lists them; read once every place is checked.
  struct Place {
    std::string name;
    size_t local, data, size;
    uint32_t crc;
  };
  std::vector<Place> places;
  size_t total = 0;
  size_t at = central_at;
  const size_t central_end = central_at + central_size;
  for (size_t i = 0; i < count; ++i) {
    if (central_end - at < kCentralSize || get32(b, at) != kCentralHeader) {
      return damaged("central directory record " + std::to_string(i + 1) + " is damaged");
    }
    const uint16_t flags = get16(b, at + 8), method = get16(b, at + 10);
    const uint32_t crc = get32(b, at + 16), packed = get32(b, at + 20), size = get32(b, at + 24);
    const size_t name_len = get16(b, at + 28), extra_len = get16(b, at + 30), comment_len = get16(b, at + 32);
    const size_t local = get32(b, at + 42);
    if (central_end - at - kCentralSize < name_len + extra_len + comment_len) {
      return damaged("central directory record " + std::to_string(i + 1) + " runs past the directory");
    }
    std::string name(b.substr(at + kCentralSize, name_len));
    at += kCentralSize + name_len + extra_len + comment_len;
    if (!name.empty() && name.back() == '/') continue;  // a directory
    if (flags & 1) return Status(ErrorCode::BadArchive, name + " in the archive is encrypted");
    if (method != 0 || packed != size) {
      return Status(ErrorCode::BadArchive, name + " in the archive is compressed, which Glosa does not read: unzip the "
                                                  "archive and open its files (Glosa's own archives are not compressed)");
    }
    // Subtractions, not sums: on wasm32 a size_t sum with a hostile offset wraps.
    if (local > central_at || central_at - local < kLocalSize || get32(b, local) != kLocalHeader) {
      return damaged("the local header of " + name + " is missing");
    }
    const size_t header = kLocalSize + size_t{get16(b, local + 26)} + get16(b, local + 28);
    if (central_at - local < header || size > central_at - local - header) {
      return damaged(name + " runs past its place");
    }
    total += size;
    if (total > max_total) return Status(ErrorCode::BadArchive, "the archive's files are too large to open together");
    places.push_back({std::move(name), local, local + header, size, crc});
  }
  // No two files may share bytes (a way for a small archive to claim gigabytes).
  std::vector<const Place*> by_offset;
  for (const Place& p : places) by_offset.push_back(&p);
  std::sort(by_offset.begin(), by_offset.end(), [](const Place* x, const Place* y) { return x->local < y->local; });
  for (size_t k = 1; k < by_offset.size(); ++k) {
    if (by_offset[k]->local < by_offset[k - 1]->data + by_offset[k - 1]->size) {
      return damaged(by_offset[k]->name + " overlaps " + by_offset[k - 1]->name);
    }
  }
  std::vector<ZipEntry> out;
  for (Place& p : places) {
    std::string bytes(b.substr(p.data, p.size));
    if (crc32(bytes) != p.crc) return damaged(p.name + " fails its CRC check (corrupt)");
    out.push_back({std::move(p.name), std::move(bytes)});
  }
  return out;
}

}  // namespace glosa
