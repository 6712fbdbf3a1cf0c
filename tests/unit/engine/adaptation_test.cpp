// Tests for learning from corrections: Engine::learn, save_adaptation,
// load_adaptation and reset_adaptation (engine/tagger/adaptation.h), with the
// shipped English model and texts written here. The assertions are about what
// learning must do whatever the model guessed first: the label a person gave
// wins afterwards, a refused file changes nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/tagger/adaptation.h"
#include "engine/tagger/binary_io.h"
#include "engine/tagger/features.h"
#include "engine/text/tokenizer.h"
#include "test_support.h"

using namespace glosa;

namespace {

// Made-up names, so that no list or training text can know them.
const char *kTaught = "Shares of Zorblax Quantix rose 4 percent on Monday.\n"
                      "Zorblax Quantix said its profit doubled, and analysts "
                      "expect Zorblax Quantix to hire.";
const char *kOther =
    "Zorblax Quantix will open an office in Leeds next year, the company said.";

Engine english_engine() {
  Engine engine;
  const std::string bytes =
      test::read_file(test::source_path("assets/models/ner-en.bin"));
  REQUIRE(bytes.size() > 1000);
  REQUIRE(engine
              .load_model(reinterpret_cast<const uint8_t *>(bytes.data()),
                          bytes.size())
              .is_ok());
  return engine;
}

Document annotate(const Engine &engine, const char *text) {
  AnnotateOptions options;
  options.lang = "en";
  auto result = engine.annotate(text, options);
  REQUIRE(result.is_ok());
  return result.value().doc;
}

// The label of the entity spanning exactly [begin, begin + length) bytes, ""
// when none.
std::string label_at(const Document &doc, size_t begin, size_t length) {
  for (const Entity &e : doc.entities) {
    if (e.begin_byte == begin && e.end_byte == begin + length)
      return e.label;
  }
  return "";
}

std::vector<size_t> find_all(const std::string &text, const std::string &what) {
  std::vector<size_t> out;
  for (size_t p = text.find(what); p != std::string::npos;
       p = text.find(what, p + 1))
    out.push_back(p);
  return out;
}

// The document as a person leaves it after labelling every "Zorblax Quantix"
// `label`: the engine's entities over it are replaced by the person's, the rest
// stays unreviewed.
Document relabelled(Document doc, const std::string &label) {
  const std::string name = "Zorblax Quantix";
  std::vector<Entity> kept;
  const std::vector<size_t> at = find_all(doc.text, name);
  for (const Entity &e : doc.entities) {
    bool over = false;
    for (size_t p : at)
      over = over || (e.begin_byte < p + name.size() && p < e.end_byte);
    if (!over)
      kept.push_back(e);
  }
  for (size_t p : at) {
    Entity e;
    e.begin_byte = p;
    e.end_byte = p + name.size();
    e.label = label;
    e.origin = Origin::Person;
    e.status = ReviewStatus::Accepted;
    kept.push_back(e);
  }
  doc.entities = kept;
  sort_and_number_entities(doc);
  return doc;
}

// A label the engine did not give the name in the taught text.
std::string other_label(const Document &doc) {
  const std::string first =
      label_at(doc, find_all(doc.text, "Zorblax Quantix")[0], 15);
  return first == "LOC" ? "ORG" : "LOC";
}

} // namespace

TEST_CASE("adaptation: a relabelled name keeps the person's label in the "
          "document and in the next one") {
  Engine engine = english_engine();
  const Document before = annotate(engine, kTaught);
  const std::string want = other_label(before);
  CAPTURE(want);
  auto learnt = engine.learn(relabelled(before, want));
  REQUIRE(learnt.is_ok());
  CHECK(learnt.value().evidence == 3);
  CHECK(learnt.value().steps > 0);
  CHECK(learnt.value().units_fixed == learnt.value().units_wrong);
  CHECK(engine.adaptation_rows("en") > 0);
  CHECK(engine.adaptation_rows("pl") == 0);

  const Document again = annotate(engine, kTaught);
  for (size_t p : find_all(again.text, "Zorblax Quantix"))
    CHECK(label_at(again, p, 15) == want);
  const Document other = annotate(engine, kOther);
  CHECK(label_at(other, 0, 15) == want);

  // Reset: the shipped weights alone again.
  engine.reset_adaptation("en");
  CHECK(engine.adaptation_rows("en") == 0);
  const Document reset = annotate(engine, kTaught);
  REQUIRE(reset.entities.size() == before.entities.size());
  for (size_t i = 0; i < reset.entities.size(); ++i) {
    CHECK(reset.entities[i].label == before.entities[i].label);
    CHECK(reset.entities[i].begin_byte == before.entities[i].begin_byte);
  }
}

TEST_CASE("adaptation: a rejected entity is not tagged again") {
  Engine engine = english_engine();
  Document doc = annotate(engine, kTaught);
  // The person first says what the name is, then removes every name the engine
  // found in the second text's sentence: here, the name is first taught, then
  // rejected everywhere.
  doc = relabelled(doc, "ORG");
  REQUIRE(engine.learn(doc).is_ok());
  for (Entity &e : doc.entities) {
    if (e.origin == Origin::Person)
      e.status = ReviewStatus::Rejected;
  }
  auto learnt = engine.learn(doc);
  REQUIRE(learnt.is_ok());
  CHECK(learnt.value().steps > 0);
  const Document after = annotate(engine, kTaught);
  for (size_t p : find_all(after.text, "Zorblax Quantix")) {
    for (const Entity &e : after.entities) {
      CHECK_FALSE(
          (e.begin_byte < p + 15 && p < e.end_byte && e.label == "ORG"));
    }
  }
}

TEST_CASE("adaptation: unreviewed engine entities and untouched text are no "
          "evidence") {
  Engine engine = english_engine();
  const Document doc =
      annotate(engine, kTaught); // every entity unreviewed, origin model/rule
  auto learnt = engine.learn(doc);
  REQUIRE(learnt.is_ok());
  CHECK(learnt.value().evidence == 0);
  CHECK(learnt.value().steps == 0);
  CHECK(engine.adaptation_rows("en") == 0);
  // Accepting what the engine found teaches nothing new either: it is already
  // right.
  Document accepted = doc;
  for (Entity &e : accepted.entities)
    e.status = ReviewStatus::Accepted;
  auto again = engine.learn(accepted);
  REQUIRE(again.is_ok());
  CHECK(again.value().units_wrong == 0);
  CHECK(engine.adaptation_rows("en") == 0);
}

TEST_CASE("adaptation: errors name what is missing") {
  Engine engine; // no model at all
  Document doc;
  doc.text = "Zorblax Quantix";
  doc.lang = "en";
  auto learnt = engine.learn(doc);
  REQUIRE_FALSE(learnt.is_ok());
  CHECK(learnt.status().code() == ErrorCode::BadArgument);
  CHECK(engine.save_adaptation("en").empty());

  Engine english = english_engine();
  Document empty;
  empty.lang = "en";
  empty.text = " \n ";
  auto none = english.learn(empty);
  REQUIRE_FALSE(none.is_ok());
  CHECK(none.status().code() == ErrorCode::EmptyText);
  // A file for a language whose model is not loaded.
  const std::vector<uint8_t> bytes = english.save_adaptation("en");
  REQUIRE_FALSE(bytes.empty());
  const Status s = engine.load_adaptation(bytes.data(), bytes.size());
  CHECK(s.code() == ErrorCode::BadArgument);
  CHECK(s.message().find("en") != std::string::npos);
}

TEST_CASE("adaptation: save and load give the same deltas, byte for byte, and "
          "the same tags") {
  Engine teacher = english_engine();
  const Document before = annotate(teacher, kTaught);
  const std::string want = other_label(before);
  REQUIRE(teacher.learn(relabelled(before, want)).is_ok());
  const std::vector<uint8_t> bytes = teacher.save_adaptation("en");

  // Determinism: the same corrections in another engine give the same file, but for
  // the random id of where they were learnt (its own origin).
  Engine twin = english_engine();
  REQUIRE(twin.learn(relabelled(annotate(twin, kTaught), want)).is_ok());
  const auto without_origin = [](const std::vector<uint8_t> &file) {
    auto a = ner::Adaptation::parse(file.data(), file.size());
    REQUIRE(a.is_ok());
    CHECK(a.value().own_origin() != 0);
    a.value().set_own_origin(0);
    return a.value().serialize();
  };
  CHECK(twin.save_adaptation("en") != bytes);
  CHECK(without_origin(twin.save_adaptation("en")) == without_origin(bytes));

  Engine colleague = english_engine();
  REQUIRE(colleague.load_adaptation(bytes.data(), bytes.size()).is_ok());
  CHECK(colleague.save_adaptation("en") == bytes);
  CHECK(colleague.adaptation_rows("en") == teacher.adaptation_rows("en"));
  const Document a = annotate(teacher, kOther), b = annotate(colleague, kOther);
  REQUIRE(a.entities.size() == b.entities.size());
  for (size_t i = 0; i < a.entities.size(); ++i) {
    CHECK(a.entities[i].label == b.entities[i].label);
    CHECK(a.entities[i].confidence == b.entities[i].confidence);
  }
  CHECK(label_at(b, 0, 15) == want);
}

TEST_CASE("adaptation: a corrupt, truncated or foreign file is refused and "
          "changes nothing") {
  Engine teacher = english_engine();
  REQUIRE(teacher.learn(relabelled(annotate(teacher, kTaught), "ORG")).is_ok());
  const std::vector<uint8_t> good = teacher.save_adaptation("en");
  REQUIRE(good.size() > 40);

  Engine engine = english_engine();
  REQUIRE(engine.load_adaptation(good.data(), good.size()).is_ok());
  const std::vector<uint8_t> loaded = engine.save_adaptation("en");

  SUBCASE("a flipped byte in the deltas") {
    std::vector<uint8_t> bad = good;
    bad[bad.size() - 3] ^= 0x40;
    const Status s = engine.load_adaptation(bad.data(), bad.size());
    CHECK(s.code() == ErrorCode::BadModel);
    CHECK(s.message().find("checksum") != std::string::npos);
  }
  SUBCASE("truncated") {
    const Status s = engine.load_adaptation(good.data(), good.size() - 5);
    CHECK(s.code() == ErrorCode::BadModel);
    CHECK(engine.load_adaptation(good.data(), 10).code() ==
          ErrorCode::BadModel);
    CHECK(engine.load_adaptation(nullptr, 0).code() == ErrorCode::BadModel);
  }
  SUBCASE("not an adaptation file") {
    const std::string model =
        test::read_file(test::source_path("assets/models/ner-en.bin"));
    const Status s = engine.load_adaptation(
        reinterpret_cast<const uint8_t *>(model.data()), model.size());
    CHECK(s.code() == ErrorCode::BadModel);
    CHECK(s.message().find("GLOSAADP") != std::string::npos);
  }
  SUBCASE("another format version") {
    std::vector<uint8_t> bad = good;
    bad[8] = static_cast<uint8_t>(ner::kAdaptationFormatVersion + 1);
    CHECK(engine.load_adaptation(bad.data(), bad.size()).code() ==
          ErrorCode::BadModelVersion);
  }
  SUBCASE("learnt for another tag set") {
    ner::Adaptation other("en", "ner-en other", {"O", "B-PER", "I-PER"});
    REQUIRE(other.add(42, 1, 1.0f));
    const std::vector<uint8_t> bytes = other.serialize();
    const Status s = engine.load_adaptation(bytes.data(), bytes.size());
    CHECK(s.code() == ErrorCode::BadArgument);
    CHECK(s.message().find("ner-en other") != std::string::npos);
  }
  // The adaptation loaded before is still the one in use.
  CHECK(engine.save_adaptation("en") == loaded);
}

TEST_CASE("adaptation: the file format round-trips and checks its rows") {
  ner::Adaptation a("pl", "ner-pl test",
                    {"O", "B-PER", "I-PER", "B-ORG", "I-ORG"});
  CHECK(a.empty());
  REQUIRE(a.add(7, 1, 0.5f));
  REQUIRE(a.add(7, 3, -0.25f));
  REQUIRE(a.add(1ull << 63, 4, 2.0f));
  a.count_step();
  a.count_document();
  const std::vector<uint8_t> bytes = a.serialize();
  auto parsed = ner::Adaptation::parse(bytes.data(), bytes.size());
  REQUIRE(parsed.is_ok());
  const ner::Adaptation &b = parsed.value();
  CHECK(b.lang() == "pl");
  CHECK(b.model_name() == "ner-pl test");
  CHECK(b.rows() == 2);
  CHECK(b.steps() == 1);
  CHECK(b.documents() == 1);
  REQUIRE(b.find(7) != nullptr);
  CHECK(b.find(7)[1] == 0.5f);
  CHECK(b.find(7)[3] == -0.25f);
  CHECK(b.find(7)[0] == 0.0f);
  CHECK(b.find(1ull << 63)[4] == 2.0f);
  CHECK(b.find(8) == nullptr);
  CHECK(b.serialize() == bytes);
}

TEST_CASE("adaptation: evidence counts give each feature's support for a label "
          "and round-trip") {
  ner::Adaptation a("pl", "ner-pl test",
                    {"O", "B-PER", "I-PER", "B-ORG", "I-ORG"});
  // A feature never reviewed supports every label fully.
  CHECK(a.support(5, 1) == 1.0f);
  // Reviewed three times as PER (B- and I- count together), once as ORG.
  REQUIRE(a.count_evidence(5, 1));
  REQUIRE(a.count_evidence(5, 2));
  REQUIRE(a.count_evidence(5, 1));
  REQUIRE(a.count_evidence(5, 3));
  CHECK(a.support(5, 1) == doctest::Approx(0.75f));
  CHECK(a.support(5, 2) == doctest::Approx(0.75f));
  CHECK(a.support(5, 4) == doctest::Approx(0.25f));
  CHECK(a.support(5, 0) == 0.0f);
  CHECK(a.evidence_rows() == 1);
  const std::vector<uint8_t> bytes = a.serialize();
  auto parsed = ner::Adaptation::parse(bytes.data(), bytes.size());
  REQUIRE(parsed.is_ok());
  CHECK(parsed.value().support(5, 3) == doctest::Approx(0.25f));
  CHECK(parsed.value().evidence_rows() == 1);
  CHECK(parsed.value().serialize() == bytes);
}

// The file `bytes` with its payload cut by `cut` bytes at the end and its header
// rewritten: format `version`, the payload's size and checksum.
// The tags of the shipped English model, read from an empty adaptation of it.
static std::vector<std::string> english_engine_tags() {
  const std::vector<uint8_t> empty = english_engine().save_adaptation("en");
  auto parsed = ner::Adaptation::parse(empty.data(), empty.size());
  REQUIRE(parsed.is_ok());
  return parsed.value().tags();
}

static std::vector<uint8_t> older_format(const std::vector<uint8_t> &bytes,
                                  size_t cut, uint8_t version) {
  // Header: magic, u32 format, u32 feature set, u64 payload size, u64 FNV-1a of
  // the payload.
  constexpr size_t kHeader = 8 + 4 + 4 + 8 + 8;
  std::vector<uint8_t> out(bytes.begin(), bytes.end() - static_cast<long>(cut));
  const std::vector<uint8_t> payload(out.begin() + kHeader, out.end());
  const uint64_t size = payload.size();
  const uint64_t sum = ner::fnv1a64(std::string_view(
      reinterpret_cast<const char *>(payload.data()), payload.size()));
  out[8] = version;
  for (int k = 0; k < 8; ++k) {
    out[16 + k] = static_cast<uint8_t>(size >> (8 * k));
    out[24 + k] = static_cast<uint8_t>(sum >> (8 * k));
  }
  return out;
}

TEST_CASE("adaptation: files of formats 1 (deltas only), 2 (no network "
          "deltas), 3 (no origins) and 4 (no own names) are still read") {
  ner::Adaptation a("en", "ner-en test", {"O", "B-PER", "I-PER"});
  REQUIRE(a.add(3, 1, 1.5f));
  const std::vector<uint8_t> v5 = a.serialize();
  REQUIRE(ner::kAdaptationFormatVersion == 5);
  // Format 4 is format 5 without the own-name bit (no names here: the same bytes).
  const std::vector<uint8_t> v4 = older_format(v5, 0, 4);
  // Format 3 is format 4 without the origins and parts (none: u64 0, u32 0,
  // u32 0); format 2 is format 3 without the network section (with no deltas:
  // u64 network 0, u32 dims 0, u32 rows 0); format 1 is format 2 without the
  // evidence and taught-name sections (two counts of 0).
  const std::vector<uint8_t> v3 = older_format(v4, 16, 3);
  const std::vector<uint8_t> v2 = older_format(v4, 16 + 16, 2);
  const std::vector<uint8_t> v1 = older_format(v4, 16 + 24, 1);
  for (const auto *old : {&v1, &v2, &v3, &v4}) {
    auto parsed = ner::Adaptation::parse(old->data(), old->size());
    REQUIRE(parsed.is_ok());
    CHECK(parsed.value().rows() == 1);
    CHECK(parsed.value().evidence_rows() == 0);
    CHECK(parsed.value().net_deltas().empty());
    CHECK(parsed.value().own_origin() == 0);
    CHECK(parsed.value().added_origins().empty());
    CHECK(parsed.value().support(3, 1) == 1.0f);
    // Saved again, it is a format-5 file with the same deltas.
    CHECK(parsed.value().serialize() == v5);
  }
  std::vector<uint8_t> v6 = v5;
  v6[8] = 6;
  auto refused = ner::Adaptation::parse(v6.data(), v6.size());
  REQUIRE_FALSE(refused.is_ok());
  CHECK(refused.status().code() == ErrorCode::BadModelVersion);
  CHECK(refused.status().message().find("version 6") != std::string::npos);
}

TEST_CASE("adaptation: origins round-trip and join; a file listing them out "
          "of order is refused") {
  const std::vector<std::string> tags = {"O", "B-PER", "I-PER"};
  ner::Adaptation mine("en", "t", tags), theirs("en", "t", tags), third("en", "t", tags);
  mine.set_own_origin(50);
  theirs.set_own_origin(20);
  third.set_own_origin(90);
  CHECK_FALSE(mine.shares_origin(theirs));
  REQUIRE(theirs.add_from(third));
  CHECK(theirs.added_origins() == std::vector<uint64_t>{90});
  REQUIRE(mine.add_from(theirs));
  CHECK(mine.own_origin() == 50);
  CHECK(mine.added_origins() == std::vector<uint64_t>{20, 90});
  CHECK(mine.shares_origin(theirs));
  CHECK(mine.shares_origin(third));
  ner::Adaptation copy_of_mine("en", "t", tags);
  REQUIRE(copy_of_mine.add_from(mine)); // own 0: opened, never learnt from
  CHECK(copy_of_mine.added_origins() == std::vector<uint64_t>{20, 50, 90});
  CHECK(mine.shares_origin(copy_of_mine));
  ner::Adaptation unrelated("en", "t", tags);
  unrelated.set_own_origin(70);
  CHECK_FALSE(mine.shares_origin(unrelated));
  CHECK_FALSE(mine.shares_origin(ner::Adaptation("en", "t", tags))); // no origin: a format-3 file

  const std::vector<uint8_t> mine_bytes = mine.serialize();
  auto back = ner::Adaptation::parse(mine_bytes.data(), mine_bytes.size());
  REQUIRE(back.is_ok());
  CHECK(back.value().own_origin() == 50);
  CHECK(back.value().added_origins() == mine.added_origins());
  CHECK(back.value().parts().size() == 1); // theirs, which holds third
  CHECK(back.value().serialize() == mine_bytes);

  // A file listing origins 20 and 90 without parts (added through files with no origin of
  // their own): its last 20 bytes are the two origins and a part count of 0. Swapped, or
  // the own one repeated, the file is refused.
  ner::Adaptation listing("en", "t", tags), via20("en", "t", tags), via90("en", "t", tags);
  listing.set_own_origin(50);
  REQUIRE(via20.add_from(theirs));
  REQUIRE(via90.add_from(third));
  REQUIRE(listing.add_from(via20));
  REQUIRE(listing.add_from(via90));
  REQUIRE(listing.parts().empty());
  const std::vector<uint8_t> bytes = listing.serialize();
  const auto with_origins = [&](uint64_t first, uint64_t second) {
    std::vector<uint8_t> edited(bytes.begin(), bytes.end() - 20);
    for (uint64_t id : {first, second})
      for (int k = 0; k < 8; ++k)
        edited.push_back(static_cast<uint8_t>(id >> (8 * k)));
    edited.insert(edited.end(), 4, 0);
    return older_format(edited, 0, 4);
  };
  CHECK(ner::Adaptation::parse(with_origins(20, 90).data(), bytes.size()).is_ok());
  for (const auto &[a, b] : {std::pair<uint64_t, uint64_t>{90, 20}, {20, 20}, {20, 50}, {0, 90}}) {
    const std::vector<uint8_t> bad = with_origins(a, b);
    auto parsed = ner::Adaptation::parse(bad.data(), bad.size());
    REQUIRE_FALSE(parsed.is_ok());
    CHECK(parsed.status().message().find("origins") != std::string::npos);
  }
}

TEST_CASE("adaptation: a file whose corrections are already in use is not added "
          "again; after Forget it is") {
  Engine engine = english_engine();
  REQUIRE(engine.learn(relabelled(annotate(engine, kTaught), "LOC")).is_ok());
  const std::vector<uint8_t> own_file = engine.save_adaptation("en");
  // One's own file, saved and opened again: refused, nothing changes.
  const Status again = engine.add_adaptation(own_file.data(), own_file.size());
  REQUIRE_FALSE(again.is_ok());
  CHECK(again.message().find("already in use") != std::string::npos);
  CHECK(engine.save_adaptation("en") == own_file);

  // A colleague's file: added once; the second time refused.
  Engine colleague = english_engine();
  REQUIRE(colleague.learn(relabelled(annotate(colleague, kOther), "ORG")).is_ok());
  const std::vector<uint8_t> theirs = colleague.save_adaptation("en");
  REQUIRE(engine.add_adaptation(theirs.data(), theirs.size()).is_ok());
  const std::vector<uint8_t> joined = engine.save_adaptation("en");
  CHECK_FALSE(engine.add_adaptation(theirs.data(), theirs.size()).is_ok());
  CHECK(engine.save_adaptation("en") == joined);
  // The joined file back at the colleague's: it holds the colleague's own corrections.
  CHECK_FALSE(colleague.add_adaptation(joined.data(), joined.size()).is_ok());
  // Learning more keeps the same own origin: still refused.
  REQUIRE(engine.learn(relabelled(annotate(engine, kOther), "LOC")).is_ok());
  CHECK_FALSE(engine.add_adaptation(own_file.data(), own_file.size()).is_ok());

  // Forget, then the saved file is welcome: it teaches exactly what it holds, and what is
  // learnt afterwards has an origin of its own (the file can still not be added twice).
  engine.reset_adaptation("en");
  REQUIRE(engine.add_adaptation(own_file.data(), own_file.size()).is_ok());
  auto saved = ner::Adaptation::parse(own_file.data(), own_file.size());
  REQUIRE(saved.is_ok());
  CHECK(engine.adaptation_rows("en") == saved.value().rows() + saved.value().net_deltas().rows.size());
  REQUIRE(engine.learn(relabelled(annotate(engine, kOther), "ORG")).is_ok());
  const std::vector<uint8_t> now = engine.save_adaptation("en");
  auto now_parsed = ner::Adaptation::parse(now.data(), now.size());
  REQUIRE(now_parsed.is_ok());
  CHECK(now_parsed.value().own_origin() != 0);
  CHECK(now_parsed.value().own_origin() != saved.value().own_origin());
  CHECK_FALSE(engine.add_adaptation(own_file.data(), own_file.size()).is_ok());
}

TEST_CASE("adaptation: the window network's deltas round-trip, and a damaged "
          "or foreign network section is refused") {
  ner::Adaptation a("en", "ner-en test", {"O", "B-PER", "I-PER"});
  REQUIRE(a.add(3, 1, 1.5f));
  float *row = a.net_deltas().row(900, 2);
  REQUIRE(row != nullptr);
  row[0] = 0.25f;
  row[1] = -1.0f;
  REQUIRE(a.net_deltas().row(17, 2) != nullptr);
  // Rows of another size than the first are refused.
  CHECK(a.net_deltas().row(18, 3) == nullptr);
  const std::vector<uint8_t> bytes = a.serialize();
  auto parsed = ner::Adaptation::parse(bytes.data(), bytes.size());
  REQUIRE(parsed.is_ok());
  const ner::NetDeltas &d = parsed.value().net_deltas();
  CHECK(d.dims == 2);
  CHECK(d.rows.size() == 2);
  REQUIRE(d.find(900) != nullptr);
  CHECK(d.find(900)[0] == 0.25f);
  CHECK(d.find(900)[1] == -1.0f);
  CHECK(d.find(17)[0] == 0.0f);
  CHECK(d.find(18) == nullptr);
  CHECK(parsed.value().serialize() == bytes);

  // The section is the payload's last bytes before the origins and parts (none:
  // 16 bytes): u64 network, u32 dims, u32 rows, then per row (by bucket) u32
  // bucket and dims f32: 17 (0, 0), then 900 (0.25, -1). `section` is where its
  // dims are.
  constexpr size_t kHeader = 8 + 4 + 4 + 8 + 8;
  const size_t section = bytes.size() - 16 - (4 + 4 + 2 * (4 + 2 * 4));
  auto reparse = [&](std::vector<uint8_t> b) {
    const std::vector<uint8_t> payload(b.begin() + kHeader, b.end());
    const uint64_t sum = ner::fnv1a64(std::string_view(
        reinterpret_cast<const char *>(payload.data()), payload.size()));
    for (int k = 0; k < 8; ++k)
      b[24 + k] = static_cast<uint8_t>(sum >> (8 * k));
    return ner::Adaptation::parse(b.data(), b.size());
  };
  REQUIRE(reparse(bytes).is_ok());
  SUBCASE("rows out of order") {
    std::vector<uint8_t> b = bytes;
    b[section + 8] = static_cast<uint8_t>(900 & 0xff); // first bucket 900 ...
    b[section + 9] = static_cast<uint8_t>(900 >> 8);   // ... before 900 again
    auto r = reparse(b);
    REQUIRE_FALSE(r.is_ok());
    CHECK(r.status().message().find("not sorted") != std::string::npos);
  }
  SUBCASE("a value that is not a number") {
    std::vector<uint8_t> b = bytes;
    const size_t value = section + 8 + 4; // the first row's first value
    for (int k = 0; k < 4; ++k)
      b[value + k] = 0xff;
    auto r = reparse(b);
    REQUIRE_FALSE(r.is_ok());
    CHECK(r.status().message().find("at most") != std::string::npos);
  }
  SUBCASE("a row count past the file's end") {
    std::vector<uint8_t> b = bytes;
    b[section + 4 + 3] = 0x7f;
    auto r = reparse(b);
    REQUIRE_FALSE(r.is_ok());
    CHECK(r.status().message().find("network delta") != std::string::npos);
  }
  SUBCASE("deltas learnt with another network: the rest of the file applies") {
    // The same tags as the shipped English model (so its linear deltas and
    // taught names apply), network deltas of another network: those are
    // dropped, the rest is loaded.
    ner::Adaptation other("en", "ner-en other", english_engine_tags());
    REQUIRE(other.add(42, 1, 1.0f));
    other.net_deltas().net = 0x1234;
    REQUIRE(other.net_deltas().row(5, 16) != nullptr);
    const std::vector<uint8_t> fb = other.serialize();
    Engine engine = english_engine();
    REQUIRE(engine.load_adaptation(fb.data(), fb.size()).is_ok());
    CHECK(engine.adaptation_rows("en") == 1);
    const std::vector<uint8_t> kept = engine.save_adaptation("en");
    auto back = ner::Adaptation::parse(kept.data(), kept.size());
    REQUIRE(back.is_ok());
    CHECK(back.value().rows() == 1);
    CHECK(back.value().net_deltas().empty());
  }
}

TEST_CASE("adaptation: learn counts the reviews of each feature: a name "
          "reviewed with two labels supports each by half") {
  // The adaptable features of "Zorblax" in the taught text; the first is its
  // form ("w"), which the review of every mention counts.
  const std::string text = kTaught;
  const std::vector<Token> tokens = tokenize(text);
  std::vector<ner::TokenAttrs> attrs;
  ner::compute_attrs(text, tokens.data(), tokens.size(), nullptr, &attrs);
  std::vector<ner::AttrHashes> hashes;
  for (const auto &a : attrs)
    hashes.push_back(ner::attr_hashes(a));
  REQUIRE(text.substr(tokens[2].begin_byte, 7) == "Zorblax");
  uint64_t feats[ner::kMaxAdaptableFeatures];
  REQUIRE(ner::adaptable_feature_hashes(hashes.data(), hashes.size(), 2,
                                        feats) > 0);
  const uint64_t form = feats[0];

  auto support_for_org = [&](const Engine &engine) {
    const std::vector<uint8_t> bytes = engine.save_adaptation("en");
    auto parsed = ner::Adaptation::parse(bytes.data(), bytes.size());
    REQUIRE(parsed.is_ok());
    const auto &tags = parsed.value().tags();
    size_t b_org = 0;
    while (b_org < tags.size() && tags[b_org] != "B-ORG")
      ++b_org;
    REQUIRE(b_org < tags.size());
    return parsed.value().support(form, b_org);
  };
  Engine consistent = english_engine();
  REQUIRE(consistent.learn(relabelled(annotate(consistent, kTaught), "ORG"))
              .is_ok());
  CHECK(support_for_org(consistent) == 1.0f);

  Engine mixed = english_engine();
  REQUIRE(mixed.learn(relabelled(annotate(mixed, kTaught), "PER")).is_ok());
  REQUIRE(mixed.learn(relabelled(annotate(mixed, kTaught), "ORG")).is_ok());
  CHECK(support_for_org(mixed) == doctest::Approx(0.5f));
}

TEST_CASE(
    "adaptation: taught names are matched like training names and round-trip") {
  ner::Adaptation a("pl", "ner-pl test",
                    {"O", "B-ORG", "I-ORG", "B-PER", "I-PER"});
  CHECK(a.taught_name_count() == 0);
  a.add_taught_names(
      {{{"zorblax", "kwantowy"}, ner::kNameOrg}, {{"zorblax"}, ner::kNamePer}});
  a.add_taught_names({{{"zorblax"}, ner::kNameOrg}});
  CHECK(a.taught_name_count() == 2);
  // "zorblax kwantowy" begins an ORG name, "zorblax" alone was taught as PER
  // and ORG; the fuzzy (five-letter) keys match inflected forms ("zorblaksa" ->
  // "zorbl").
  const std::string_view words[] = {"zorblax", "kwantowy", "i", "zorblaksa"};
  const uint8_t cap[] = {1, 1, 0, 1};
  uint8_t begin[4], inside[4];
  ner::gazetteer_types(a.taught_names(), words, cap, 4, begin, inside);
  CHECK((begin[0] & ner::kNameOrg) != 0);
  CHECK((begin[0] & ner::kNamePer) != 0);
  CHECK((inside[1] & ner::kNameOrg) != 0);
  CHECK(begin[2] == 0);
  CHECK((begin[3] >> ner::kFuzzyShift) == (ner::kNamePer | ner::kNameOrg));
  const std::vector<uint8_t> bytes = a.serialize();
  auto parsed = ner::Adaptation::parse(bytes.data(), bytes.size());
  REQUIRE(parsed.is_ok());
  CHECK(parsed.value().taught_name_count() == 2);
  CHECK(parsed.value().serialize() == bytes);
  uint8_t begin2[4], inside2[4];
  ner::gazetteer_types(parsed.value().taught_names(), words, cap, 4, begin2,
                       inside2);
  CHECK(std::equal(begin, begin + 4, begin2));
  CHECK(std::equal(inside, inside + 4, inside2));

  // A name rejected later is forgotten.
  a.forget_taught_names({{"zorblax"}});
  CHECK(a.taught_name_count() == 1);
  ner::gazetteer_types(a.taught_names(), words, cap, 4, begin, inside);
  CHECK((begin[0] & 0x0f) == ner::kNameOrg); // "zorblax kwantowy" only
  CHECK(begin[3] == 0);
}

TEST_CASE("adaptation: a colleague's file is added to one's own: deltas and "
          "evidence summed, taught names joined; a refused file changes nothing") {
  const std::vector<std::string> tags = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG"};
  ner::Adaptation mine("en", "ner-en test", tags), theirs("en", "ner-en test", tags);
  REQUIRE(mine.add(7, 1, 0.5f));
  REQUIRE(mine.count_evidence(7, 1));
  mine.add_taught_names({{{"zorblax", "quantix"}, ner::name_type("ORG")}});
  REQUIRE(theirs.add(7, 1, 0.25f));
  REQUIRE(theirs.add(9, 3, -1.0f));
  REQUIRE(theirs.count_evidence(7, 3));
  theirs.add_taught_names({{{"mira", "castellane"}, ner::name_type("PER")}});
  theirs.net_deltas().net = 77;
  REQUIRE(theirs.net_deltas().row(5, 2) != nullptr);
  theirs.net_deltas().row(5, 2)[1] = 0.5f;
  theirs.count_document();
  ner::Adaptation joined = mine;
  REQUIRE(joined.add_from(theirs));
  CHECK(joined.find(7)[1] == doctest::Approx(0.75f));
  CHECK(joined.find(9)[3] == doctest::Approx(-1.0f));
  CHECK(joined.support(7, 1) == doctest::Approx(0.5f));  // one review each way
  CHECK(joined.taught_name_count() == 2);
  CHECK(joined.net_deltas().net == 77);
  CHECK(joined.net_deltas().find(5)[1] == 0.5f);
  CHECK(joined.documents() == 1);
  // Added again, the network rows sum; a file for another network adds no network rows.
  REQUIRE(joined.add_from(theirs));
  CHECK(joined.net_deltas().find(5)[1] == 1.0f);
  ner::Adaptation other_net("en", "ner-en test", tags);
  other_net.net_deltas().net = 78;
  REQUIRE(other_net.net_deltas().row(6, 2) != nullptr);
  REQUIRE(joined.add_from(other_net));
  CHECK(joined.net_deltas().find(6) == nullptr);

  // Through the engine, with the shipped English model: a file added to what was learnt.
  Engine engine = english_engine();
  REQUIRE(engine.learn(relabelled(annotate(engine, kTaught), "LOC")).is_ok());
  const size_t own = engine.adaptation_rows("en");
  REQUIRE(own > 0);
  Engine colleague = english_engine();
  REQUIRE(colleague.learn(relabelled(annotate(colleague, kOther), "ORG")).is_ok());
  const std::vector<uint8_t> file = colleague.save_adaptation("en");
  const std::vector<uint8_t> own_file = engine.save_adaptation("en");
  REQUIRE(engine.add_adaptation(file.data(), file.size()).is_ok());
  // Every feature of either file is there (the union), none replaced.
  auto a = ner::Adaptation::parse(own_file.data(), own_file.size());
  auto b = ner::Adaptation::parse(file.data(), file.size());
  REQUIRE(a.is_ok());
  REQUIRE(b.is_ok());
  ner::Adaptation expected = a.value();
  REQUIRE(expected.add_from(b.value()));
  CHECK(engine.save_adaptation("en") == expected.serialize());
  CHECK(engine.adaptation_rows("en") > own);
  CHECK(engine.adaptation_rows("en") >= colleague.adaptation_rows("en"));
  const std::vector<uint8_t> before = engine.save_adaptation("en");
  std::vector<uint8_t> damaged = file;
  damaged[damaged.size() / 2] ^= 0x10;
  CHECK_FALSE(engine.add_adaptation(damaged.data(), damaged.size()).is_ok());
  CHECK(engine.save_adaptation("en") == before);
}

TEST_CASE("adaptation: a newer copy of a colleague's file replaces the older "
          "one, kept as a part across save and load") {
  Engine mine = english_engine();
  REQUIRE(mine.learn(relabelled(annotate(mine, kTaught), "LOC")).is_ok());
  Engine colleague = english_engine();
  REQUIRE(colleague.learn(relabelled(annotate(colleague, kOther), "ORG")).is_ok());
  const std::vector<uint8_t> v1 = colleague.save_adaptation("en");
  bool replaced = true;
  REQUIRE(mine.add_adaptation(v1.data(), v1.size(), &replaced).is_ok());
  CHECK_FALSE(replaced);
  // The colleague learns more: the same origin, more steps.
  const char *more = "Analysts said Zorblax Quantix would report results in June.";
  REQUIRE(colleague.learn(relabelled(annotate(colleague, more), "ORG")).is_ok());
  const std::vector<uint8_t> v2 = colleague.save_adaptation("en");

  // Kept across a reload: the part comes back with what was taught.
  Engine reloaded = english_engine();
  const std::vector<uint8_t> saved = mine.save_adaptation("en");
  REQUIRE(reloaded.load_adaptation(saved.data(), saved.size()).is_ok());
  auto parsed = ner::Adaptation::parse(saved.data(), saved.size());
  REQUIRE(parsed.is_ok());
  REQUIRE(parsed.value().parts().size() == 1);
  auto v1_parsed = ner::Adaptation::parse(v1.data(), v1.size());
  REQUIRE(v1_parsed.is_ok());
  CHECK(parsed.value().parts()[0].own_origin() == v1_parsed.value().own_origin());

  for (Engine *engine : {&mine, &reloaded}) {
    REQUIRE(engine->add_adaptation(v2.data(), v2.size(), &replaced).is_ok());
    CHECK(replaced);
    // The same copy again, or the older one: refused, nothing changes.
    const std::vector<uint8_t> now = engine->save_adaptation("en");
    const Status same = engine->add_adaptation(v2.data(), v2.size());
    CHECK(same.message().find("already in use") != std::string::npos);
    const Status older = engine->add_adaptation(v1.data(), v1.size());
    CHECK(older.message().find("newer copy") != std::string::npos);
    CHECK(engine->save_adaptation("en") == now);
  }

  // As if v1 had never been added: one's own corrections plus v2, the same rows and steps,
  // and the same labels on every text.
  Engine reference = english_engine();
  REQUIRE(reference.learn(relabelled(annotate(reference, kTaught), "LOC")).is_ok());
  REQUIRE(reference.add_adaptation(v2.data(), v2.size()).is_ok());
  const auto summary = [](const Engine &engine) {
    const std::vector<uint8_t> bytes = engine.save_adaptation("en");
    auto a = ner::Adaptation::parse(bytes.data(), bytes.size());
    REQUIRE(a.is_ok());
    return std::vector<uint64_t>{a.value().steps(), a.value().documents(), a.value().evidence_rows(),
                                 a.value().taught_name_count(), a.value().parts().size(),
                                 a.value().added_origins().size()};
  };
  CHECK(summary(mine) == summary(reference));
  CHECK(summary(reloaded) == summary(reference));
  for (const char *text : {kTaught, kOther, more}) {
    const Document want = annotate(reference, text);
    for (const Engine *engine : {&mine, &reloaded}) {
      const Document got = annotate(*engine, text);
      REQUIRE(got.entities.size() == want.entities.size());
      for (size_t i = 0; i < got.entities.size(); ++i) {
        CHECK(got.entities[i].label == want.entities[i].label);
        CHECK(got.entities[i].begin_byte == want.entities[i].begin_byte);
      }
    }
  }
}

// The types `a` teaches for the phrase `words` (0: not taught), from its matcher.
static uint8_t taught_types(const ner::Adaptation &a, std::vector<std::string_view> words) {
  std::vector<uint8_t> cap(words.size(), 1), begin(words.size()), inside(words.size());
  ner::gazetteer_types(a.taught_names(), words.data(), cap.data(), words.size(), begin.data(), inside.data());
  return words.size() > 1 ? static_cast<uint8_t>(begin[0] & inside[words.size() - 1] & 0x0f)
                          : static_cast<uint8_t>(begin[0] & 0x0f);
}

TEST_CASE("adaptation: names a colleague dropped go with the older copy of their file; "
          "one's own and other files' names stay, across save and load") {
  const std::vector<std::string> tags = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG"};
  ner::Adaptation mine("en", "t", tags), v1("en", "t", tags), other("en", "t", tags);
  mine.set_own_origin(1);
  v1.set_own_origin(2);
  other.set_own_origin(3);
  mine.add_taught_names({{{"shared", "name"}, ner::kNamePer}}, /*own=*/true);
  v1.add_taught_names({{{"shared", "name"}, ner::kNamePer},
                       {{"dropped", "corp"}, ner::kNameOrg},
                       {{"kept", "corp"}, ner::kNameOrg},
                       {{"both", "corp"}, ner::kNameOrg}},
                      /*own=*/true);
  other.add_taught_names({{{"both", "corp"}, ner::kNamePer}}, /*own=*/true);
  REQUIRE(mine.add_from(v1));
  REQUIRE(mine.add_from(other));
  CHECK(mine.taught_name_count() == 4);
  CHECK(taught_types(mine, {"both", "corp"}) == (ner::kNameOrg | ner::kNamePer));
  // The colleague rejects "dropped corp" and "both corp": a newer copy without them.
  ner::Adaptation v2 = v1;
  v2.forget_taught_names({{"dropped", "corp"}, {"both", "corp"}});
  REQUIRE(mine.replace_part(v2));
  CHECK(mine.taught_name_count() == 3);
  CHECK(taught_types(mine, {"dropped", "corp"}) == 0);
  CHECK(taught_types(mine, {"kept", "corp"}) == ner::kNameOrg);
  CHECK(taught_types(mine, {"both", "corp"}) == ner::kNamePer);  // what the other file says
  // Saved and read again: "shared name" is still one's own, so a copy that drops it too
  // leaves it taught here.
  const std::vector<uint8_t> bytes = mine.serialize();
  auto parsed = ner::Adaptation::parse(bytes.data(), bytes.size());
  REQUIRE(parsed.is_ok());
  ner::Adaptation again = parsed.value();
  CHECK(again.serialize() == bytes);
  ner::Adaptation v3 = v2;
  v3.forget_taught_names({{"shared", "name"}, {"kept", "corp"}});
  REQUIRE(again.replace_part(v3));
  CHECK(taught_types(again, {"shared", "name"}) == ner::kNamePer);
  CHECK(taught_types(again, {"kept", "corp"}) == 0);
  // A format-4 file (no own marks): names no part holds count as one's own.
  ner::Adaptation unmarked("en", "t", tags);
  unmarked.set_own_origin(1);
  unmarked.add_taught_names({{{"solo", "name"}, ner::kNamePer}});  // not marked, as format 4 wrote it
  REQUIRE(unmarked.add_from(v1));
  const std::vector<uint8_t> v4_file = older_format(unmarked.serialize(), 0, 4);
  auto read4 = ner::Adaptation::parse(v4_file.data(), v4_file.size());
  REQUIRE(read4.is_ok());
  ner::Adaptation from4 = read4.value();
  REQUIRE(from4.replace_part(v3));
  CHECK(taught_types(from4, {"solo", "name"}) == ner::kNamePer);   // no part held it: one's own
  CHECK(taught_types(from4, {"dropped", "corp"}) == 0);             // the part's, dropped
}

TEST_CASE("adaptation: a part that holds parts of its own is refused") {
  const std::vector<std::string> tags = {"O", "B-PER", "I-PER"};
  ner::Adaptation a("en", "t", tags), b("en", "t", tags), d("en", "t", tags);
  a.set_own_origin(1);
  b.set_own_origin(2);
  d.set_own_origin(3);
  REQUIRE(b.add(5, 1, 1.0f));
  REQUIRE(a.add_from(b));
  const std::vector<uint8_t> bytes = a.serialize();
  REQUIRE(ner::Adaptation::parse(bytes.data(), bytes.size()).is_ok());
  // The parts section ends the file: u32 count, u64 size, b's file. Put in its place a copy
  // of b that holds d.
  ner::Adaptation nested = b;
  REQUIRE(nested.add_from(d));
  const std::vector<uint8_t> inner = nested.serialize();
  std::vector<uint8_t> edited(bytes.begin(), bytes.end() - static_cast<long>(4 + 8 + b.serialize().size()));
  const auto put = [&edited](uint64_t v, int n) {
    for (int k = 0; k < n; ++k)
      edited.push_back(static_cast<uint8_t>(v >> (8 * k)));
  };
  put(1, 4);
  put(inner.size(), 8);
  edited.insert(edited.end(), inner.begin(), inner.end());
  const std::vector<uint8_t> file = older_format(edited, 0, 4);
  auto parsed = ner::Adaptation::parse(file.data(), file.size());
  REQUIRE_FALSE(parsed.is_ok());
  CHECK(parsed.status().message().find("parts of its own") != std::string::npos);
}

TEST_CASE("adaptation: past kMaxAdaptationParts added files, one more is refused and nothing changes") {
  Engine engine = english_engine();
  const std::vector<uint8_t> empty = engine.save_adaptation("en");
  auto blank = ner::Adaptation::parse(empty.data(), empty.size());
  REQUIRE(blank.is_ok());
  const auto file = [&](uint64_t origin) {
    ner::Adaptation a = blank.value();
    a.set_own_origin(origin);
    REQUIRE(a.add(origin, 1, 0.5f));
    a.count_step();
    return a.serialize();
  };
  for (uint64_t k = 1; k <= ner::kMaxAdaptationParts; ++k) {
    const std::vector<uint8_t> f = file(k);
    REQUIRE(engine.add_adaptation(f.data(), f.size()).is_ok());
  }
  const std::vector<uint8_t> before = engine.save_adaptation("en");
  REQUIRE(ner::Adaptation::parse(before.data(), before.size()).is_ok());  // still readable
  const std::vector<uint8_t> one_more = file(ner::kMaxAdaptationParts + 1);
  const Status s = engine.add_adaptation(one_more.data(), one_more.size());
  REQUIRE_FALSE(s.is_ok());
  CHECK(s.message().find("too many files") != std::string::npos);
  CHECK(engine.save_adaptation("en") == before);
}
