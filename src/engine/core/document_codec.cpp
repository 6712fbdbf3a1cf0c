// The compact binary form of a Document: writer and bounds-checked reader. Layer: engine/core.
#include "engine/core/document_codec.h"

#include <cstring>

namespace glosa {

namespace {

constexpr char kMagic[8] = {'G', 'L', 'O', 'S', 'A', 'D', 'O', 'C'};

// --- Section: writing ---

class Writer {
 public:
  void raw(const void* data, size_t n) { out_.append(static_cast<const char*>(data), n); }
  void u64(uint64_t v) {
    do {
      uint8_t byte = v & 0x7F;
      v >>= 7;
      if (v) byte |= 0x80;
      out_.push_back(static_cast<char>(byte));
    } while (v);
  }
  void boolean(bool b) { out_.push_back(b ? 1 : 0); }
  void f32(float f) {
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    u64(bits);
  }
  void str(std::string_view s) {
    u64(s.size());
    out_.append(s.data(), s.size());
  }
  std::string take() { return std::move(out_); }
  void reserve(size_t n) { out_.reserve(n); }

 private:
  std::string out_;
};

// --- Section: reading ---

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  void fail(const char* field) {
    if (error_.empty()) error_ = std::string("the document buffer is damaged at ") + field;
  }
  uint64_t u64(const char* field) {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) {
        fail(field);
        return 0;
      }
      const uint8_t byte = static_cast<uint8_t>(in_[pos_++]);
      v |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return v;
    }
    fail(field);
    return 0;
  }
  size_t size(const char* field) {
    const uint64_t v = u64(field);
    if (v > in_.size()) {  // no count or length can exceed the buffer it is read from
      fail(field);
      return 0;
    }
    return static_cast<size_t>(v);
  }
  // A count of records each taking at least `min_bytes`: refused when the rest of the
  // buffer cannot hold them (a damaged count must not make the reader allocate gigabytes).
  size_t count(const char* field, size_t min_bytes) {
    const size_t n = size(field);
    if (ok() && n > (in_.size() - pos_) / min_bytes) {
      fail(field);
      return 0;
    }
    return n;
  }
  bool boolean(const char* field) {
    const uint64_t v = u64(field);
    if (v > 1) fail(field);
    return v == 1;
  }
  float f32(const char* field) {
    const uint64_t v = u64(field);
    if (v > 0xFFFFFFFFu) fail(field);
    const uint32_t bits = static_cast<uint32_t>(v);
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
  }
  std::string str(const char* field) {
    const size_t n = size(field);
    if (!ok() || n > in_.size() - pos_) {
      fail(field);
      return {};
    }
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  template <typename E>
  E enumeration(const char* field, uint64_t max) {
    const uint64_t v = u64(field);
    if (v > max) fail(field);
    return static_cast<E>(v);
  }
  bool at_end() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace

// --- Section: the document ---

std::string encode_document(const Document& doc) {
  Writer w;
  w.reserve(doc.text.size() + 64 * doc.entities.size() + 256);
  w.raw(kMagic, sizeof kMagic);
  const uint32_t version = kDocumentCodecVersion;
  const unsigned char v[4] = {static_cast<unsigned char>(version), static_cast<unsigned char>(version >> 8),
                              static_cast<unsigned char>(version >> 16), static_cast<unsigned char>(version >> 24)};
  w.raw(v, 4);
  w.str(doc.text);
  w.str(doc.lang);
  w.u64(doc.labels.size());
  for (const LabelInfo& l : doc.labels) {
    w.str(l.name);
    w.str(l.color);
    w.str(l.description);
    w.str(l.renamed_from);
  }
  w.u64(doc.entities.size());
  for (const Entity& e : doc.entities) {
    w.str(e.id);
    w.u64(e.begin_byte);
    w.u64(e.end_byte);
    w.str(e.label);
    w.str(e.value);
    w.str(e.subtype);
    w.boolean(e.is_relative);
    w.str(e.resolved);
    w.u64(static_cast<uint64_t>(e.origin));
    w.f32(e.confidence);
    w.u64(static_cast<uint64_t>(e.status));
    w.str(e.lemma);
    w.str(e.group);
  }
  w.u64(doc.groups.size());
  for (const EntityGroup& g : doc.groups) {
    w.str(g.id);
    w.str(g.label);
    w.str(g.name);
    w.str(g.acronym);
    w.str(g.link);
    w.str(g.place);
    w.boolean(g.by_person);
  }
  w.u64(doc.quotes.size());
  for (const Quotation& q : doc.quotes) {
    w.str(q.id);
    w.u64(q.begin_byte);
    w.u64(q.end_byte);
    w.str(q.speaker);
    w.u64(q.speaker_begin_byte);
    w.u64(q.speaker_end_byte);
    w.u64(q.cue_begin_byte);
    w.u64(q.cue_end_byte);
    w.str(q.attribution);
    w.f32(q.confidence);
    w.boolean(q.is_uncertain);
    w.str(q.parent);
  }
  const ArticleInfo& a = doc.article;
  w.str(a.title);
  w.str(a.date);
  w.str(a.source);
  w.u64(a.urls.size());
  for (const std::string& u : a.urls) w.str(u);
  w.u64(a.word_count);
  w.u64(a.reading_minutes);
  w.str(doc.meta.tool);
  w.str(doc.meta.model);
  w.str(doc.meta.created);
  return w.take();
}

Result<Document> decode_document(std::string_view bytes) {
  if (bytes.size() < 12 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return Status(ErrorCode::BadModel, "not a Glosa document buffer");
  }
  const auto* v = reinterpret_cast<const unsigned char*>(bytes.data() + 8);
  const uint32_t version = v[0] | (v[1] << 8) | (v[2] << 16) | (static_cast<uint32_t>(v[3]) << 24);
  if (version < 1 || version > kDocumentCodecVersion) {
    return Status(ErrorCode::BadModelVersion, "document buffer version " + std::to_string(version) +
                                                  "; this build reads versions 1 to " +
                                                  std::to_string(kDocumentCodecVersion));
  }
  Reader r(bytes.substr(12));
  Document doc;
  doc.text = r.str("text");
  doc.lang = r.str("lang");
  const size_t text_size = doc.text.size();
  const auto span_ok = [&](uint64_t b, uint64_t e) { return b <= e && e <= text_size; };
  doc.labels.resize(r.count("labels", 3));
  for (LabelInfo& l : doc.labels) {
    if (!r.ok()) break;
    l.name = r.str("label name");
    l.color = r.str("label colour");
    l.description = r.str("label description");
    if (version >= 2) l.renamed_from = r.str("label renamed from");
  }
  if (r.ok()) doc.entities.resize(r.count("entities", 13));
  for (Entity& e : doc.entities) {
    if (!r.ok()) break;
    e.id = r.str("entity id");
    e.begin_byte = r.size("entity start");
    e.end_byte = r.size("entity end");
    if (r.ok() && !span_ok(e.begin_byte, e.end_byte)) {
      return Status(ErrorCode::BadOffsets, "document buffer: entity " + e.id + " lies outside the text");
    }
    e.label = r.str("entity label");
    e.value = r.str("entity value");
    e.subtype = r.str("entity subtype");
    e.is_relative = r.boolean("entity relative");
    e.resolved = r.str("entity resolved");
    e.origin = r.enumeration<Origin>("entity origin", static_cast<uint64_t>(Origin::Person));
    e.confidence = r.f32("entity confidence");
    e.status = r.enumeration<ReviewStatus>("entity status", static_cast<uint64_t>(ReviewStatus::Rejected));
    e.lemma = r.str("entity lemma");
    e.group = r.str("entity group");
  }
  if (r.ok()) doc.groups.resize(r.count("groups", 7));
  for (EntityGroup& g : doc.groups) {
    if (!r.ok()) break;
    g.id = r.str("group id");
    g.label = r.str("group label");
    g.name = r.str("group name");
    g.acronym = r.str("group acronym");
    g.link = r.str("group link");
    g.place = r.str("group place");
    g.by_person = r.boolean("group origin");
  }
  if (r.ok()) doc.quotes.resize(r.count("quotes", 12));
  for (Quotation& q : doc.quotes) {
    if (!r.ok()) break;
    q.id = r.str("quote id");
    q.begin_byte = r.size("quote start");
    q.end_byte = r.size("quote end");
    q.speaker = r.str("quote speaker");
    q.speaker_begin_byte = r.size("speaker start");
    q.speaker_end_byte = r.size("speaker end");
    q.cue_begin_byte = r.size("cue start");
    q.cue_end_byte = r.size("cue end");
    if (r.ok() && (!span_ok(q.begin_byte, q.end_byte) || !span_ok(q.speaker_begin_byte, q.speaker_end_byte) ||
                   !span_ok(q.cue_begin_byte, q.cue_end_byte))) {
      return Status(ErrorCode::BadOffsets, "document buffer: quotation " + q.id + " lies outside the text");
    }
    q.attribution = r.str("quote attribution");
    q.confidence = r.f32("quote confidence");
    q.is_uncertain = r.boolean("quote uncertain");
    q.parent = r.str("quote parent");
  }
  ArticleInfo& a = doc.article;
  a.title = r.str("article title");
  a.date = r.str("article date");
  a.source = r.str("article source");
  if (r.ok()) a.urls.resize(r.count("article urls", 1));
  for (std::string& u : a.urls) {
    if (!r.ok()) break;
    u = r.str("article url");
  }
  a.word_count = r.size("article words");
  a.reading_minutes = r.size("article minutes");
  doc.meta.tool = r.str("tool");
  doc.meta.model = r.str("model");
  doc.meta.created = r.str("created");
  if (!r.ok()) return Status(ErrorCode::BadModel, r.error());
  if (!r.at_end()) return Status(ErrorCode::BadModel, "the document buffer has bytes after its end");
  return doc;
}

}  // namespace glosa
