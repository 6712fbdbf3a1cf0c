// Tests for the collection in app/app_state: documents added by paste, file and .jsonl,
// never replacing one another; removal and undo; export and import of the whole collection;
// annotation in the background with what a person did meanwhile; local saving; the
// incremental refresh after a correction (the same as deriving from scratch).
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/find.h"
#include "app/editing.h"
#include "app_fixtures.h"
#include "engine/core/document_codec.h"
#include "formats/annotation_json.h"
#include "test_support.h"

using namespace glosa;
using namespace glosa::app;

namespace {

const char kTokajew[] =
    "Tokajew przyby\xC5\x82 do Moskwy. \xE2\x80\x9EWysoko to cenimy\xE2\x80\x9D \xE2\x80\x93 powiedzia\xC5\x82 "
    "Tokajew. Tokajewa witano w Moskwie.";
const char kGdansk[] = "Port Gda\xC5\x84sk podpisa\xC5\x82 umow\xC4\x99 12 stycznia 2026 r. za 1,2 mld z\xC5\x82.";
const char kLondon[] = "Shares rose 5% in London on Monday, 3 March 2025.";

// A state with an engine (no model: rules only), a clock and a recording store.
struct Collection {
  Engine engine;
  AppState state;
  double clock = 1000;
  std::vector<std::pair<std::string, uint64_t>> stored;  // id, revision
  std::vector<std::string> unstored;
  int cleared = 0;
  std::vector<std::pair<uint64_t, std::string>> jobs;  // asked of annotate_later's background
  Collection() {
    state.engine = &engine;
    state.services.now_ms = [this] { return clock; };
    state.services.wall_ms = [this] { return 1.7e12 + clock; };
    state.services.store_document = [this](const DocumentSession& s) { stored.emplace_back(s.id, s.revision); };
    state.services.unstore_document = [this](const std::string& id) { unstored.push_back(id); };
    state.services.clear_store = [this] { ++cleared; };
  }
  // Annotation in the background, as the browser does it: jobs wait in `jobs` until a test
  // answers them (on_annotated); a cancel drops nothing here.
  void annotate_later() {
    state.services.annotate_async = [this](uint64_t job, const std::string& text, const AnnotateOptions&) {
      jobs.emplace_back(job, text);
    };
    state.services.cancel_annotation = [](uint64_t) {};
  }
  int find_text(const char* words) const {
    const size_t b = state.doc().text.find(words);
    for (size_t i = 0; i < state.doc().entities.size(); ++i) {
      if (state.doc().entities[i].begin_byte == b) return static_cast<int>(i);
    }
    return -1;
  }
  bool tag(const char* words, const char* label) {
    const size_t b = state.doc().text.find(words);
    REQUIRE(b != std::string::npos);
    return add_entity(state, b, b + std::string(words).size(), label);
  }
};

}  // namespace

TEST_CASE("collection: a paste never replaces a document; the same untouched text opens the one there") {
  Collection c;
  REQUIRE(load_text(c.state, kTokajew, "clipboard").is_ok());
  REQUIRE(c.tag("Tokajew", "PER"));
  const std::string corrected = document_json(c.state);
  REQUIRE(load_text(c.state, kGdansk, "clipboard").is_ok());
  REQUIRE(c.state.documents.size() == 2);
  CHECK(c.state.current == 1);
  // The same corrected text pasted again is a new document: the corrected one stays.
  REQUIRE(load_text(c.state, kTokajew, "clipboard").is_ok());
  CHECK(c.state.documents.size() == 3);
  REQUIRE(select_document(c.state, 0));
  CHECK(document_json(c.state) == corrected);
  // An untouched text pasted again opens the document that holds it.
  REQUIRE(load_text(c.state, kGdansk, "clipboard").is_ok());
  CHECK(c.state.documents.size() == 3);
  CHECK(c.state.current == 1);
  CHECK(c.state.message.find("already") != std::string::npos);
}

TEST_CASE("collection: next and previous wrap around; each document keeps its view and undo") {
  Collection c;
  REQUIRE(load_text(c.state, kTokajew, "a").is_ok());
  REQUIRE(c.tag("Moskwy", "LOC"));
  c.state.session()->view = {12, 30.0f};
  REQUIRE(load_text(c.state, kGdansk, "b").is_ok());
  CHECK(c.state.restore_pending);
  CHECK(c.state.restore_view.byte == 0);  // a new document starts at its top
  CHECK(c.state.restore_view.offset == 0);
  CHECK_FALSE(can_undo(c.state));
  REQUIRE(select_next_document(c.state, +1));
  CHECK(c.state.current == 0);  // wrapped
  CHECK(c.state.restore_view.byte == 12);
  CHECK(c.state.restore_view.offset == 30.0f);
  CHECK(can_undo(c.state));
  REQUIRE(select_next_document(c.state, -1));
  CHECK(c.state.current == 1);
  const auto list = list_documents(c.state);
  REQUIRE(list.size() == 2);
  CHECK(list[0].status == DocumentStatus::InProgress);
  CHECK(list[1].status == DocumentStatus::New);
  CHECK(list[0].reviewed == 1);
  set_document_done(c.state, 1, true);
  CHECK(list_documents(c.state)[1].status == DocumentStatus::Done);
}

TEST_CASE("collection: a removed document comes back with Ctrl+Z, in its place") {
  Collection c;
  for (const char* t : {kTokajew, kGdansk, kLondon}) REQUIRE(load_text(c.state, t, "clipboard").is_ok());
  REQUIRE(select_document(c.state, 1));
  const std::string id = c.state.session()->id;
  const std::string json = document_json(c.state);
  REQUIRE(remove_document(c.state, 1));
  CHECK(c.state.documents.size() == 2);
  // Kept in the store, marked removed: not deleted from it.
  CHECK(c.unstored.empty());
  REQUIRE_FALSE(c.stored.empty());
  CHECK(c.stored.back().first == id);
  REQUIRE(c.state.removed.size() == 1);
  CHECK(c.state.removed.back().session->removed_ms > 0);
  CHECK(c.state.removed.back().session->removed_position == 1);
  CHECK(find_document(c.state, id) == -1);
  CHECK(c.state.current == 1);  // the next one opened
  REQUIRE(undo(c.state));
  REQUIRE(c.state.documents.size() == 3);
  CHECK(find_document(c.state, id) == 1);
  CHECK(c.state.current == 1);
  CHECK(document_json(c.state) == json);
  CHECK_FALSE(restore_removed_document(c.state));
  CHECK_FALSE(remove_document(c.state, 7));
}

TEST_CASE("collection: removed documents come back from the store among the removed, for 30 days") {
  Collection c;
  for (const char* t : {kTokajew, kGdansk, kLondon}) REQUIRE(load_text(c.state, t, "clipboard").is_ok());
  const Document gdansk = c.state.documents[1]->doc;
  const Document london = c.state.documents[2]->doc;
  const double day = 24 * 3600 * 1000.0;
  const double now = c.state.services.wall_ms();
  // As the store gives them back after a reload: in creation order, two of them removed.
  Collection after;
  after.state.services.wall_ms = c.state.services.wall_ms;
  restore_document(after.state, c.state.documents[0]->doc, "d1", "clipboard", false, false, 1, {}, -1);
  restore_document(after.state, london, "d3", "clipboard", false, false, 3, {}, -1, false, now - 2 * day, 2);
  restore_document(after.state, gdansk, "d2", "clipboard", false, false, 2, {}, -1, false, now - 1 * day, 1);
  restore_document(after.state, london, "d4", "clipboard", false, false, 4, {}, -1, false, now - 31 * day, 3);
  CHECK(after.state.documents.size() == 1);
  // Removed 31 days ago: out of the store for good.
  CHECK(after.unstored == std::vector<std::string>{"d4"});
  REQUIRE(after.state.removed.size() == 2);
  CHECK(after.state.removed.back().session->id == "d2");  // removed last, whatever the store's order
  // Ctrl+Z after the reload brings back the one removed last, in its place.
  REQUIRE(can_undo(after.state));
  REQUIRE(undo(after.state));
  REQUIRE(after.state.documents.size() == 2);
  CHECK(after.state.documents[1]->id == "d2");
  CHECK(after.state.documents[1]->removed_ms == 0);
  CHECK(after.state.current == 1);
  // Brought back, it is stored again (in the list) at the next save.
  const size_t stores = after.stored.size();
  after.clock += 1000;
  autosave_tick(after.state);
  REQUIRE(after.stored.size() == stores + 1);
  CHECK(after.stored.back().first == "d2");
  // Any removed one by its id.
  CHECK_FALSE(restore_removed_document(after.state, "d4"));
  REQUIRE(restore_removed_document(after.state, "d3"));
  CHECK(after.state.documents.size() == 3);
  CHECK(after.state.removed.empty());
}

TEST_CASE("collection: documents brought back in another order than they left each find their place") {
  Collection c;
  for (const char* t : {kTokajew, kGdansk, kLondon}) {
    c.clock += 1000;  // added one after another
    REQUIRE(load_text(c.state, t, "clipboard").is_ok());
  }
  std::vector<std::string> ids;
  for (const auto& d : c.state.documents) ids.push_back(d->id);
  for (int k = 0; k < 3; ++k) REQUIRE(remove_document(c.state, 0));  // each from the top
  REQUIRE(restore_removed_document(c.state, ids[2]));
  REQUIRE(restore_removed_document(c.state, ids[0]));
  REQUIRE(restore_removed_document(c.state));  // the one left
  std::vector<std::string> order;
  for (const auto& d : c.state.documents) order.push_back(d->id);
  CHECK(order == ids);
}

TEST_CASE("collection: Export all reads back into an equal collection; a .jsonl of articles opens one document each") {
  Collection c;
  REQUIRE(load_text(c.state, kTokajew, "a").is_ok());
  REQUIRE(c.tag("Tokajew", "PER"));
  REQUIRE(load_text(c.state, kGdansk, "b").is_ok());
  const std::string all = export_all_jsonl(c.state);
  CHECK(std::count(all.begin(), all.end(), '\n') == 2);

  Collection d;
  REQUIRE(open_file(d.state, "glosa-collection.jsonl", all).is_ok());
  REQUIRE(d.state.documents.size() == 2);
  CHECK(export_all_jsonl(d.state) == all);
  CHECK(d.state.documents[0]->id == c.state.documents[0]->id);
  // Opened again: nothing is added twice.
  REQUIRE(open_file(d.state, "again.jsonl", all).is_ok());
  CHECK(d.state.documents.size() == 2);

  // Articles with ids and languages; a broken line is reported and skipped.
  Collection e;
  const std::string articles = std::string("{\"id\": \"art-1\", \"text\": \"") + kGdansk + "\"}\n" +
                               "not json\n" + "{\"id\": 7, \"text\": \"" + kLondon + "\", \"lang\": \"en\"}\n\n" +
                               "{\"text\": \"Trzeci artyku\xC5\x82 z 5 proc. wzrostem.\"}\n";
  REQUIRE(open_file(e.state, "batch.jsonl", articles).is_ok());
  REQUIRE(e.state.documents.size() == 3);
  CHECK(e.state.documents[0]->id == "art-1");
  CHECK(e.state.documents[1]->id == "7");
  CHECK(e.state.documents[1]->doc.lang == "en");
  CHECK(e.state.message_kind == MessageKind::Warning);
  CHECK(e.state.message.find("line 2") != std::string::npos);
  for (const auto& s : e.state.documents) CHECK_FALSE(s->doc.entities.empty());
  // Nothing usable: an error, and nothing changes.
  CHECK_FALSE(open_file(e.state, "junk.jsonl", "[1, 2]\n{\"text\": 5}\n").is_ok());
  CHECK(e.state.documents.size() == 3);
}

TEST_CASE("collection: annotation in the background; the text shows at once; a person's tag made meanwhile is kept") {
  Collection c;
  c.annotate_later();
  auto& jobs = c.jobs;
  REQUIRE(load_text(c.state, kGdansk, "clipboard").is_ok());
  REQUIRE(jobs.size() == 1);
  CHECK(has_document(c.state));
  CHECK(c.state.session()->is_annotating());
  CHECK(c.state.doc().entities.empty());
  CHECK(document_title(c.state.doc()) == kGdansk);
  // The person tags "Port Gdańsk" before the engine answers.
  REQUIRE(c.tag("Port Gda\xC5\x84sk", "ORG"));
  auto result = c.engine.annotate(jobs[0].second);
  REQUIRE(result.is_ok());
  Entity gdansk;  // what the engine might say about an overlapping span
  gdansk.begin_byte = c.state.doc().text.find("Gda");
  gdansk.end_byte = gdansk.begin_byte + 7;
  gdansk.label = "LOC";
  gdansk.origin = Origin::Model;
  result.value().doc.entities.push_back(gdansk);
  sort_and_number_entities(result.value().doc);
  on_annotated(c.state, 999, result.value().doc, 1.0);  // an unknown job changes nothing
  CHECK(c.state.session()->is_annotating());
  on_annotated(c.state, jobs[0].first, result.value().doc, 12.0);
  CHECK_FALSE(c.state.session()->is_annotating());
  const int port = c.find_text("Port Gda\xC5\x84sk");
  REQUIRE(port >= 0);
  CHECK(c.state.doc().entities[port].label == "ORG");
  CHECK(c.state.doc().entities[port].origin == Origin::Person);
  for (const Entity& e : c.state.doc().entities) CHECK_FALSE(e.label == "LOC");  // the overlapping LOC is dropped
  bool money = false;
  for (const Entity& e : c.state.doc().entities) money = money || e.label == "MONEY";
  CHECK(money);
}

TEST_CASE("collection: re-annotating keeps what a person tagged, changed or rejected") {
  Collection c;
  REQUIRE(load_text(c.state, kGdansk, "clipboard").is_ok());
  const int date = c.find_text("12 stycznia 2026 r.");
  REQUIRE(date >= 0);
  REQUIRE(reject_entity(c.state, date));
  REQUIRE(c.tag("Port Gda\xC5\x84sk", "ORG"));
  const size_t before = c.state.doc().entities.size();
  reannotate(c.state, "pl");
  CHECK(c.state.doc().entities.size() == before);
  const int again = c.find_text("12 stycznia 2026 r.");
  REQUIRE(again >= 0);
  CHECK(c.state.doc().entities[again].status == ReviewStatus::Rejected);  // not proposed again
  CHECK(c.state.doc().entities[c.find_text("Port Gda\xC5\x84sk")].origin == Origin::Person);
  CHECK(c.state.documents.size() == 1);
}

TEST_CASE("collection: changed documents are saved a moment later; a failed save says so at once") {
  Collection c;
  REQUIRE(load_text(c.state, kTokajew, "clipboard").is_ok());
  CHECK(autosave_tick(c.state, 400) == doctest::Approx(1400));  // not yet: wake me then
  CHECK(c.stored.empty());
  c.clock += 500;
  CHECK(autosave_tick(c.state, 400) == 0);
  REQUIRE(c.stored.size() == 1);
  const auto [id, revision] = c.stored[0];
  // Changed while being written: written again after this write.
  REQUIRE(c.tag("Tokajew", "PER"));
  c.clock += 500;
  autosave_tick(c.state, 400);
  CHECK(c.stored.size() == 1);  // one write at a time per document
  on_stored(c.state, id, revision, true, "");
  CHECK(c.state.last_saved_wall_ms > 0);
  autosave_tick(c.state, 400);
  REQUIRE(c.stored.size() == 2);
  on_stored(c.state, id, c.stored[1].second, false, "the browser's storage for this page is full");
  CHECK(c.state.storage_failed);
  CHECK(c.state.message_kind == MessageKind::Error);
  CHECK(c.state.message.find("download") != std::string::npos);
  // Not tried again at once (a full store would refuse it again)...
  c.clock += 500;
  CHECK(autosave_tick(c.state, 400) == doctest::Approx(c.clock - 500 + kStoreRetryMs));
  CHECK(c.stored.size() == 2);
  // ...but after a while,
  c.clock += kStoreRetryMs;
  autosave_tick(c.state, 400);
  REQUIRE(c.stored.size() == 3);
  on_stored(c.state, id, c.stored[2].second, false, "the browser's storage for this page is full");
  // and after the next change. Nothing is lost: the document is as it was.
  REQUIRE(c.tag("Moskwy", "LOC"));
  c.clock += 500;
  autosave_tick(c.state, 400);
  CHECK(c.stored.size() == 4);
  on_stored(c.state, id, c.stored[3].second, true, "");
  CHECK_FALSE(c.state.storage_failed);
  CHECK(c.state.doc().entities[c.find_text("Moskwy")].origin == Origin::Person);
  clear_collection(c.state);
  CHECK(c.cleared == 1);
  CHECK_FALSE(has_document(c.state));
}

TEST_CASE("collection: restored documents come back as they were stored, the last one open") {
  Collection c;
  REQUIRE(load_text(c.state, kTokajew, "clipboard").is_ok());
  REQUIRE(c.tag("Tokajew", "PER"));
  const std::string json = document_json(c.state);
  const std::string bytes = encode_document(c.state.doc());
  Collection d;
  auto doc = decode_document(bytes);
  REQUIRE(doc.is_ok());
  restore_document(d.state, doc.value(), "d1", "clipboard", false, true, 5, {7, 42.0f}, 0);
  CHECK(d.state.current == -1);  // restored, not opened
  REQUIRE(select_document(d.state, 0));
  CHECK(document_json(d.state) == json);
  CHECK(d.state.session()->is_done);
  CHECK(d.state.restore_view.byte == 7);
  CHECK(d.state.restore_view.offset == 42.0f);
  CHECK(d.stored.empty());  // nothing to write: the store has it
  d.clock += 1000;
  autosave_tick(d.state, 400);
  CHECK(d.stored.empty());
}

TEST_CASE("collection: a document teaches the tagger once per change of the person's work, not when re-tagged") {
  Collection c;
  std::vector<bool> learns;  // per write: whether the store is asked to learn from it
  c.state.services.store_document = [&](const DocumentSession& s) {
    learns.push_back(should_learn_from(s));
    on_stored(c.state, s.id, s.revision, true, "");
  };
  auto write = [&] {
    c.clock += 500;
    autosave_tick(c.state, 400);
  };
  REQUIRE(load_text(c.state, kTokajew, "clipboard").is_ok());
  // The engine here has no model; the documents of the app's have one.
  c.state.session()->doc.lang = "pl";
  c.state.session()->doc.meta.model = "ner-pl test";
  write();
  REQUIRE(c.tag("Tokajew", "PER"));
  write();
  reannotate(c.state, "pl");  // the person's tag is kept: nothing new to learn
  c.state.session()->doc.meta.model = "ner-pl test";
  write();
  REQUIRE(c.tag("Moskwy", "LOC"));
  write();
  CHECK(learns == std::vector<bool>{false, true, false, true});
  // Restored, a document's corrections are what the stored adaptation already learnt.
  Collection d;
  std::vector<bool> restored_learns;
  d.state.services.store_document = [&](const DocumentSession& s) { restored_learns.push_back(should_learn_from(s)); };
  auto doc = decode_document(encode_document(c.state.doc()));
  REQUIRE(doc.is_ok());
  restore_document(d.state, doc.value(), "d1", "clipboard", false, false, 5, {}, -1);
  REQUIRE(select_document(d.state, 0));
  CHECK_FALSE(should_learn_from(*d.state.session()));
  REQUIRE(d.tag("Tokajew", "ORG"));
  CHECK(should_learn_from(*d.state.session()));
}

TEST_CASE("collection: \"Re-tag with what I taught\" says what it changed when the last document is back") {
  Collection c;
  REQUIRE(load_text(c.state, kLondon, "clipboard").is_ok());
  Document& doc = c.state.session()->doc;
  REQUIRE(!doc.lang.empty());
  REQUIRE(doc.entities.size() >= 2);
  // As an older tagging might have left it: one entity with another label, one missing, one
  // the engine does not give ("Shares").
  doc.entities[0].label = doc.entities[0].label == "ORG" ? "LOC" : "ORG";
  doc.entities.erase(doc.entities.begin() + 1);
  Entity extra;
  extra.begin_byte = 0;
  extra.end_byte = 6;
  extra.label = "PER";
  doc.entities.push_back(extra);
  sort_and_number_entities(doc);
  CHECK(retag_with_taught(c.state) == 1);
  CHECK(c.state.message ==
        "Re-tagged 1 document with what your corrections taught: 1 entity got another label, 1 new entity, "
        "1 entity no longer tagged");
  CHECK_FALSE(c.state.session()->retagging);
  // Again: nothing changes now.
  CHECK(retag_with_taught(c.state) == 1);
  CHECK(c.state.message == "Re-tagged 1 document with what your corrections taught: nothing changed");
  // A document marked done is not re-tagged.
  set_document_done(c.state, 0, true);
  CHECK(retag_with_taught(c.state) == 0);
  CHECK(c.state.message.find("Nothing to re-tag") == 0);
}

TEST_CASE("collection: a .jsonl annotated in the background says what all its documents came to, not the open one's alone") {
  Collection c;
  c.annotate_later();
  auto answer = [&](size_t k) {
    auto result = c.engine.annotate(c.jobs[k].second);
    REQUIRE(result.is_ok());
    on_annotated(c.state, c.jobs[k].first, result.value().doc, 1.0);
  };
  const std::string articles = std::string("{\"text\": \"") + kGdansk + "\"}\n{\"text\": \"" + kLondon +
                               "\", \"lang\": \"en\"}\n{\"text\": \"" + kTokajew + "\"}\n";
  REQUIRE(open_file(c.state, "batch.jsonl", articles).is_ok());
  REQUIRE(c.jobs.size() == 3);
  CHECK(c.state.message == "Opened 3 documents from batch.jsonl");
  answer(0);  // the open one
  const size_t first = c.state.doc().entities.size();
  CHECK(c.state.message == "Annotated batch.jsonl: " + std::to_string(first) + " entities; annotating 2 more documents\xE2\x80\xA6");
  answer(1);
  CHECK(c.state.message.find("annotating 2 more") != std::string::npos);  // another's return says nothing
  answer(2);
  size_t all = 0;
  for (const auto& d : c.state.documents) all += d->doc.entities.size();
  CHECK(all > first);
  CHECK(c.state.message == "Annotated 3 documents of batch.jsonl: " + std::to_string(all) + " entities");
  // A paste afterwards is a run of its own.
  REQUIRE(load_text(c.state, "Anna Nowak mieszka w Krakowie.", "clipboard").is_ok());
  answer(3);
  CHECK(c.state.message.find("Annotated clipboard: ") == 0);

  // A broken line stays readable while the first documents come back.
  Collection d;
  d.annotate_later();
  REQUIRE(open_file(d.state, "broken.jsonl", std::string("{\"text\": \"") + kGdansk + "\"}\nnot json\n").is_ok());
  auto result = d.engine.annotate(d.jobs[0].second);
  REQUIRE(result.is_ok());
  on_annotated(d.state, d.jobs[0].first, result.value().doc, 1.0);
  CHECK(d.state.message_kind == MessageKind::Warning);
  CHECK(d.state.message.find("skipped 1 broken line") != std::string::npos);
}

TEST_CASE("collection: a re-tag cancelled or cut short by a removal leaves no count behind; the next one reports") {
  Collection c;
  c.annotate_later();
  auto& jobs = c.jobs;
  auto answer = [&](size_t k) {
    auto result = c.engine.annotate(jobs[k].second);
    REQUIRE(result.is_ok());
    on_annotated(c.state, jobs[k].first, result.value().doc, 1.0);
  };
  REQUIRE(load_text(c.state, kGdansk, "a").is_ok());
  answer(0);
  REQUIRE(load_text(c.state, kLondon, "b").is_ok());
  answer(1);
  REQUIRE(c.state.documents.size() == 2);
  // A re-tag; the open document's part is cancelled, the other comes back.
  REQUIRE(retag_with_taught(c.state) == 2);
  REQUIRE(jobs.size() == 4);
  cancel_annotation(c.state);
  answer(2);
  for (const auto& d : c.state.documents) CHECK_FALSE(d->retagging);
  // The next re-tag, with one document removed while it runs: it reports when the other is back.
  REQUIRE(retag_with_taught(c.state) == 2);
  REQUIRE(jobs.size() == 6);
  remove_document(c.state, 0);
  answer(5);
  CHECK(c.state.message.find("Re-tagged 1 document with what your corrections taught") == 0);
  // Brought back, the removed document is not counted in a later report.
  REQUIRE(restore_removed_document(c.state));
  for (const auto& d : c.state.documents) CHECK_FALSE(d->retagging);
}

TEST_CASE("collection: a correction refreshes groups and quotations the same as deriving them from scratch") {
  Collection c;
  const std::string lex = test::read_file(test::source_path("assets/models/names-pl.bin"));
  REQUIRE(c.engine.load_lexicon(reinterpret_cast<const uint8_t*>(lex.data()), lex.size()).is_ok());
  // A text longer than kSyncRefreshBytes is refreshed in the background (here: a fake
  // worker that runs the same engine on a copy); a short one on the spot, with kept tokens.
  std::string long_text;
  while (long_text.size() <= kSyncRefreshBytes) long_text += std::string(kTokajew) + "\n\n";
  std::vector<std::pair<uint64_t, Document>> refresh_jobs;
  c.state.services.refresh_async = [&](uint64_t job, const Document& doc) { refresh_jobs.emplace_back(job, doc); };
  for (const std::string& text : {std::string(kTokajew), long_text}) {
    CAPTURE(text.size());
    REQUIRE(load_text(c.state, text, "clipboard").is_ok());
    REQUIRE(c.tag("Tokajew", "PER"));
    REQUIRE(c.tag("Tokajewa", "PER"));
    REQUIRE(c.tag("Moskwy", "LOC"));
    REQUIRE(set_entity_label(c.state, c.find_text("Moskwy"), "ORG"));
    if (text.size() > kSyncRefreshBytes) {
      // Each correction asked for a refresh; the later ones wait for the first to return.
      REQUIRE(refresh_jobs.size() == 1);
      while (!refresh_jobs.empty()) {
        auto [job, doc] = std::move(refresh_jobs.front());
        refresh_jobs.erase(refresh_jobs.begin());
        c.engine.refresh_document(doc);
        on_refreshed(c.state, job, std::move(doc));
      }
    }
    Document scratch = c.state.doc();
    c.engine.refresh_document(scratch);  // tokenised afresh
    CHECK(write_document(c.state.doc()) == write_document(scratch));
    CHECK_FALSE(c.state.doc().groups.empty());
    CHECK(c.state.doc().quotes.size() >= 1);
  }
}

TEST_CASE("collection: a document removed while its write is in flight, then brought back, is saved again") {
  Collection c;
  REQUIRE(load_text(c.state, kTokajew, "clipboard").is_ok());
  c.clock += 500;
  autosave_tick(c.state, 400);
  REQUIRE(c.stored.size() == 1);
  const auto [id, revision] = c.stored[0];
  REQUIRE(remove_document(c.state, 0));
  on_stored(c.state, id, revision, true, "");  // the write answers while the document is away
  REQUIRE(restore_removed_document(c.state));
  c.clock += 500;
  autosave_tick(c.state, 400);
  // Written marked removed, then again in the list (it was never written again: "Saving…" for good).
  REQUIRE(c.stored.size() == 3);
  CHECK(c.stored[2].first == id);
  on_stored(c.state, id, c.stored[2].second, true, "");
  CHECK(c.state.session()->saved_revision == c.state.session()->revision);
}

TEST_CASE("collection: a language chosen for one document is not used for the next paste") {
  Collection c;
  REQUIRE(load_text(c.state, kGdansk, "clipboard").is_ok());
  reannotate(c.state, "en");
  CHECK(c.state.session()->annotation_lang == "en");
  REQUIRE(load_text(c.state, kTokajew, "clipboard").is_ok());
  CHECK(c.state.session()->annotation_lang == "auto");
  CHECK(c.state.doc().lang == "pl");
  REQUIRE(select_document(c.state, 0));
  CHECK(c.state.session()->annotation_lang == "en");  // the first keeps its own
}

TEST_CASE("collection: an engine entity relabelled, then rejected, is not proposed again by a re-tag") {
  Collection c;
  REQUIRE(load_text(c.state, kGdansk, "clipboard").is_ok());
  const int date = c.find_text("12 stycznia 2026 r.");
  REQUIRE(date >= 0);
  REQUIRE(c.state.doc().entities[static_cast<size_t>(date)].label == "DATE");
  REQUIRE(set_entity_label(c.state, date, "MISC"));  // first a relabel (now the person's) ...
  const int relabelled = c.find_text("12 stycznia 2026 r.");
  REQUIRE(reject_entity(c.state, relabelled));       // ... then "not an entity at all"
  reannotate(c.state, "pl");
  size_t standing = 0, rejected = 0;
  const size_t b = c.state.doc().text.find("12 stycznia");
  for (const Entity& e : c.state.doc().entities) {
    if (e.begin_byte != b) continue;
    (e.status == ReviewStatus::Rejected ? rejected : standing) += 1;
  }
  CHECK(standing == 0);  // the engine's DATE was brought back, unreviewed
  CHECK(rejected == 1);
}

TEST_CASE("collection: a cancelled annotation is not started again by itself, after a reload either") {
  Collection c;
  c.annotate_later();
  auto& jobs = c.jobs;
  REQUIRE(load_text(c.state, kGdansk, "a").is_ok());
  REQUIRE(jobs.size() == 1);
  const size_t stores = c.stored.size();
  cancel_annotation(c.state);
  CHECK(c.state.session()->annotation_cancelled);
  c.clock += 1000;
  autosave_tick(c.state, 400);
  CHECK(c.stored.size() == stores + 1);  // stored so (the platform keeps the mark beside it)
  on_model_loaded(c.state, "pl");
  CHECK(jobs.size() == 1);
  // Restored from the store with the mark: not started; without it, started.
  Collection d;
  d.state.services.annotate_async = c.state.services.annotate_async;
  restore_document(d.state, c.state.doc(), "d1", "clipboard", false, false, 5, {}, -1, true);
  CHECK(jobs.size() == 1);
  CHECK(d.state.documents[0]->annotation_cancelled);
  restore_document(d.state, c.state.doc(), "d2", "clipboard", false, false, 6, {}, -1, false);
  CHECK(jobs.size() == 2);
  // Asked for, it is annotated; the mark goes.
  REQUIRE(select_document(d.state, 0));
  reannotate(d.state, "auto");
  CHECK(jobs.size() == 3);
  CHECK_FALSE(d.state.documents[0]->annotation_cancelled);
}

TEST_CASE("collection: annotating again in another language is one undo step, language and all") {
  Collection c;
  REQUIRE(load_text(c.state, kGdansk, "clipboard").is_ok());
  REQUIRE(c.tag("Port", "ORG"));
  const std::string polish = document_json(c.state);
  REQUIRE(c.state.doc().lang == "pl");
  reannotate(c.state, "en");
  REQUIRE(c.state.doc().lang == "en");
  const std::string english = document_json(c.state);
  CHECK(english != polish);
  CHECK(c.find_text("Port") >= 0);  // the person's tag is kept in the new annotation
  // Ctrl+Z gives back the Polish annotation (not the tag before it), and the language asked for.
  REQUIRE(undo(c.state));
  CHECK(c.state.doc().lang == "pl");
  CHECK(c.state.session()->annotation_lang == "auto");
  CHECK(document_json(c.state) == polish);
  CHECK(c.state.message.find("Undone: Annotated again in English") == 0);
  REQUIRE(redo(c.state));
  CHECK(c.state.doc().lang == "en");
  CHECK(c.state.session()->annotation_lang == "en");
  CHECK(document_json(c.state) == english);
  // Two undos: the annotation, then the tag before it.
  REQUIRE(undo(c.state));
  REQUIRE(undo(c.state));
  CHECK(c.find_text("Port") < 0);
  CHECK(c.state.doc().lang == "pl");
}

TEST_CASE("collection: a re-tag that changes a document is an undo step there; one that changes nothing, or a first annotation, is none") {
  Collection c;
  c.annotate_later();
  auto& jobs = c.jobs;
  // The engine's answer to job k; `drop` leaves out the entity at that text (as a model that
  // learnt otherwise would).
  auto answer = [&](size_t k, const char* drop = nullptr) {
    auto result = c.engine.annotate(jobs[k].second);
    REQUIRE(result.is_ok());
    Document doc = result.value().doc;
    if (drop) {
      const size_t b = doc.text.find(drop);
      doc.entities.erase(std::remove_if(doc.entities.begin(), doc.entities.end(),
                                        [&](const Entity& e) { return e.begin_byte == b; }),
                         doc.entities.end());
    }
    on_annotated(c.state, jobs[k].first, doc, 1.0);
  };
  REQUIRE(load_text(c.state, kGdansk, "a").is_ok());
  answer(0);
  REQUIRE(load_text(c.state, kLondon, "b").is_ok());
  answer(1);
  CHECK_FALSE(can_undo(c.state));  // opening and annotating a text is no step
  REQUIRE(c.tag("London", "ORG"));
  const std::string tagged = document_json(c.state);
  REQUIRE(retag_with_taught(c.state) == 2);
  REQUIRE(jobs.size() == 4);
  answer(2);            // the first document: the same as before
  answer(3, "Monday");  // the open one: a date no longer tagged
  CHECK(document_json(c.state) != tagged);
  REQUIRE(undo(c.state));
  CHECK(c.state.message.find("Undone: Re-tagged") == 0);
  CHECK(document_json(c.state) == tagged);
  REQUIRE(redo(c.state));
  CHECK(document_json(c.state) != tagged);
  REQUIRE(select_document(c.state, 0));
  CHECK_FALSE(can_undo(c.state));  // nothing changed there: no step
}

TEST_CASE("collection: a re-annotation cancelled keeps the annotation and the language before it") {
  Collection c;
  c.annotate_later();
  auto& jobs = c.jobs;
  REQUIRE(load_text(c.state, kGdansk, "a").is_ok());
  auto result = c.engine.annotate(jobs[0].second);
  REQUIRE(result.is_ok());
  on_annotated(c.state, jobs[0].first, result.value().doc, 1.0);
  const std::string polish = document_json(c.state);
  reannotate(c.state, "en");
  REQUIRE(jobs.size() == 2);
  CHECK(c.state.session()->annotation_lang == "en");
  cancel_annotation(c.state);
  CHECK(c.state.session()->annotation_lang == "auto");
  CHECK_FALSE(c.state.session()->annotation_cancelled);  // an annotation is shown: nothing to start after a reload
  CHECK(c.state.message.find("the annotation before it stays") != std::string::npos);
  CHECK(document_json(c.state) == polish);
  CHECK_FALSE(can_undo(c.state));
  // A language asked for while the first annotation is under way replaces it: no step.
  REQUIRE(load_text(c.state, kLondon, "b").is_ok());
  reannotate(c.state, "pl");
  REQUIRE(jobs.size() == 4);
  auto second = c.engine.annotate(jobs[3].second, {});
  REQUIRE(second.is_ok());
  on_annotated(c.state, jobs[3].first, second.value().doc, 1.0);
  CHECK_FALSE(can_undo(c.state));
}

TEST_CASE("collection: Export all and a collection's Glosa files keep which documents are done; "
          "another version of a document opens beside it, never over it or not at all") {
  Collection c;
  REQUIRE(load_text(c.state, kTokajew, "a").is_ok());
  REQUIRE(load_text(c.state, kGdansk, "b").is_ok());
  set_document_done(c.state, 0, true);
  const std::string all = export_all_jsonl(c.state);
  CHECK(all.find("\"done\":true") != std::string::npos);
  Collection d;
  REQUIRE(open_file(d.state, "glosa-collection.jsonl", all).is_ok());
  REQUIRE(d.state.documents.size() == 2);
  CHECK(d.state.documents[0]->is_done);
  CHECK_FALSE(d.state.documents[1]->is_done);
  CHECK(export_all_jsonl(d.state) == all);

  // A colleague's newer copy: the same ids, one more correction. Opened beside, said so.
  REQUIRE(select_document(c.state, 1));
  REQUIRE(c.tag("Port", "ORG"));
  const std::string newer = export_all_jsonl(c.state);
  REQUIRE(open_file(d.state, "newer.jsonl", newer).is_ok());
  REQUIRE(d.state.documents.size() == 3);  // the unchanged one is not added again
  CHECK(d.state.message.find("1 is another version of a document here, opened beside it") != std::string::npos);
  CHECK(d.state.documents[2]->id != c.state.documents[1]->id);
  CHECK(d.state.current == 2);  // the copy is opened, with the correction; ours is as it was
  CHECK(d.state.doc().entities.size() == c.state.doc().entities.size());
  CHECK(d.state.documents[1]->doc.entities.size() + 1 == c.state.doc().entities.size());

  // One Glosa file of a collection archive: the same as here opens it, another version is a copy.
  const std::string same = collection_document_json(*c.state.documents[0], 2);
  CHECK(same.find("\"done\": true") != std::string::npos);
  Collection e;
  REQUIRE(open_file(e.state, "a.glosa.json", same).is_ok());
  CHECK(e.state.documents[0]->is_done);
  REQUIRE(open_file(e.state, "a.glosa.json", same).is_ok());
  CHECK(e.state.documents.size() == 1);
  CHECK(e.state.message.find("already in the collection") != std::string::npos);
}

TEST_CASE("collection: a renamed label holds through a re-tag and another annotation (the engine's name maps to it)") {
  Collection c;
  REQUIRE(load_text(c.state, kGdansk, "a").is_ok());
  const auto labels_of = [&](const char* words) {
    std::vector<std::string> out;
    const size_t b = c.state.doc().text.find(words);
    for (const Entity& e : c.state.doc().entities) {
      if (e.begin_byte == b) out.push_back(e.label);
    }
    return out;
  };
  REQUIRE(labels_of("12 stycznia") == std::vector<std::string>{"DATE"});
  REQUIRE(rename_label(c.state, "DATE", "DATA"));
  REQUIRE(rename_label(c.state, "DATA", "TERMIN"));  // renamed twice: the first name is kept
  REQUIRE(labels_of("12 stycznia") == std::vector<std::string>{"TERMIN"});
  REQUIRE(retag_with_taught(c.state) == 1);
  CHECK(labels_of("12 stycznia") == std::vector<std::string>{"TERMIN"});
  CHECK(find_label(c.state.doc().labels, "DATE") < 0);  // not brought back beside it
  reannotate(c.state, "pl");
  CHECK(labels_of("12 stycznia") == std::vector<std::string>{"TERMIN"});
  // Kept in the file: a reload (the Glosa file read back) and a re-tag still map it.
  const std::string json = document_json(c.state);
  CHECK(json.find("\"renamed_from\": \"DATE\"") != std::string::npos);
  Collection d;
  REQUIRE(open_file(d.state, "a.glosa.json", json).is_ok());
  reannotate(d.state, "pl");
  const size_t b = d.state.doc().text.find("12 stycznia");
  bool found = false;
  for (const Entity& e : d.state.doc().entities) found = found || (e.begin_byte == b && e.label == "TERMIN");
  CHECK(found);
  // Renamed back to its first name: nothing to map any more.
  REQUIRE(rename_label(c.state, "TERMIN", "DATE"));
  CHECK(document_json(c.state).find("renamed_from") == std::string::npos);
}

TEST_CASE("collection: find lists the other documents that hold the words, and opens one at its first match") {
  Collection c;
  REQUIRE(load_text(c.state, "Łódź rośnie. W Łodzi jest tramwaj.", "a").is_ok());
  REQUIRE(load_text(c.state, "Nic tu nie ma.", "b").is_ok());
  REQUIRE(load_text(c.state, "Kraków i LODZ. Potem znowu Łódź.", "c").is_ok());
  REQUIRE(c.state.current == 2);
  open_find(c.state);
  c.state.find.query = "lodz";
  update_find(c.state);
  CHECK(c.state.find.matches.size() == 2);
  // Case and marks ignored, as in the open one; the open one is not listed; none without.
  std::vector<CollectionMatch> others = find_in_other_documents(c.state);
  REQUIRE(others.size() == 1);
  CHECK(others[0].document == 0);
  CHECK(others[0].matches == 2);  // "Łódź", "Łodzi"
  // Computed again when the query changes.
  c.state.find.query = "tramwaj";
  CHECK(find_in_other_documents(c.state).size() == 1);
  c.state.find.query = "nic";
  others = find_in_other_documents(c.state);
  REQUIRE(others.size() == 1);
  CHECK(others[0].document == 1);
  c.state.find.query = "łódź";
  REQUIRE(open_document_at_match(c.state, 0));
  CHECK(c.state.current == 0);
  CHECK(c.state.find.open);
  CHECK(c.state.find.focus_input);
  REQUIRE(c.state.find.matches.size() == 2);
  CHECK(c.state.find.current == 0);
  CHECK(c.state.scroll_to_byte == 0);
  // From there, the third document is the other one.
  others = find_in_other_documents(c.state);
  REQUIRE(others.size() == 1);
  CHECK(others[0].document == 2);
  CHECK_FALSE(open_document_at_match(c.state, 7));
}
