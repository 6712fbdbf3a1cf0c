// Tests for app/editing: corrections of the open document and their undo, with the engine
// deriving groups and quotations again (the shipped name lexicon, no NER model: the names
// are tagged by hand, as a person would).
#include <doctest/doctest.h>

#include <string>

#include "app/app_state.h"
#include "app/editing.h"
#include "app_fixtures.h"
#include "formats/annotation_json.h"
#include "engine/names/entity_groups.h"
#include "test_support.h"

using namespace glosa;
using namespace glosa::app;

namespace {

const char kText[] =
    "Tokajew przyby\xC5\x82 do Moskwy. \xE2\x80\x9EWysoko to cenimy\xE2\x80\x9D \xE2\x80\x93 powiedzia\xC5\x82 "
    "Tokajew. Tokajewa witano w Moskwie, a Organizacja Narod\xC3\xB3w Zjednoczonych (ONZ) milcza\xC5\x82" "a.";

struct Editor {
  Engine engine;
  AppState state;
  Editor() {
    const std::string b = test::read_file(test::source_path("assets/models/names-pl.bin"));
    REQUIRE(engine.load_lexicon(reinterpret_cast<const uint8_t*>(b.data()), b.size()).is_ok());
    state.engine = &engine;
    REQUIRE(load_text(state, kText, "clipboard").is_ok());
  }
  // Tags the n-th occurrence of `words`.
  bool tag(const char* words, int n, const char* label) {
    const size_t b = test::nth(state.doc().text, words, n);
    REQUIRE(b != std::string::npos);
    return add_entity(state, b, b + std::string(words).size(), label);
  }
  int find(const char* words, int n = 0) const {
    const size_t b = test::nth(state.doc().text, words, n);
    for (size_t i = 0; i < state.doc().entities.size(); ++i) {
      if (state.doc().entities[i].begin_byte == b) return static_cast<int>(i);
    }
    return -1;
  }
  const EntityGroup* group_of(int entity) const {
    for (const EntityGroup& g : state.doc().groups) {
      if (g.id == state.doc().entities[entity].group) return &g;
    }
    return nullptr;
  }
};

}  // namespace

TEST_CASE("editing: tagged names form groups at once, and quotations find their speaker") {
  Editor ed;
  CHECK(ed.state.doc().groups.empty());
  REQUIRE(ed.tag("Tokajew", 0, "PER"));
  REQUIRE(ed.tag("Tokajew", 1, "PER"));
  REQUIRE(ed.tag("Tokajewa", 0, "PER"));
  REQUIRE(ed.tag("Moskwy", 0, "LOC"));
  REQUIRE(ed.tag("Moskwie", 0, "LOC"));
  const Entity& added = ed.state.doc().entities[ed.find("Moskwie")];
  CHECK(added.origin == Origin::Person);
  CHECK(added.status == ReviewStatus::Accepted);
  CHECK(added.confidence == 1.0f);
  CHECK(added.lemma == "Moskwa");
  CHECK(ed.state.selected_entity == ed.find("Moskwie"));  // the new entity is selected
  const EntityGroup* tokajew = ed.group_of(ed.find("Tokajewa"));
  REQUIRE(tokajew != nullptr);
  CHECK(tokajew->name == "Tokajew");
  CHECK(ed.group_of(ed.find("Tokajew", 0)) == tokajew);
  REQUIRE(ed.state.doc().quotes.size() == 1);
  CHECK(ed.state.doc().quotes[0].speaker == tokajew->id);
  CHECK(ed.state.session()->edit_count == 5);
  CHECK(ed.state.message.find("Moskwie") != std::string::npos);
  // The file says who tagged it.
  const std::string json = document_json(ed.state);
  CHECK(json.find("\"origin\": \"person\"") != std::string::npos);
  CHECK(json.find("\"status\": \"accepted\"") != std::string::npos);
  REQUIRE(read_document(json).is_ok());
}

TEST_CASE("editing: a selection is trimmed of spaces and punctuation, and replaces what it overlaps") {
  std::string t = "x \xE2\x80\x9EMoskwy\xE2\x80\x9D, y";
  size_t b = 1, e = t.size() - 2;  // " „Moskwy”, "
  trim_span(t, &b, &e);
  CHECK(t.substr(b, e - b) == "Moskwy");
  t = "w 2028 r. i prof. W. Nowak.";
  b = 2, e = 9;  // "2028 r."
  trim_span(t, &b, &e);
  CHECK(t.substr(b, e - b) == "2028 r.");  // the abbreviation keeps its dot
  b = t.find("W."), e = t.size();          // "W. Nowak."
  trim_span(t, &b, &e);
  CHECK(t.substr(b, e - b) == "W. Nowak");  // the full stop goes
  b = 0, e = 1;
  t = " ";
  trim_span(t, &b, &e);
  CHECK(b == e);

  Editor ed;
  // "Organizacja Narodów Zjednoczonych (ONZ)" selected with its bracket and the acronym.
  const size_t org = ed.state.doc().text.find("Organizacja");
  const size_t close = ed.state.doc().text.find("Zjednoczonych") + std::string("Zjednoczonych").size();
  REQUIRE(add_entity(ed.state, org - 1, close + 1, "ORG"));
  const int i = ed.find("Organizacja");
  REQUIRE(i >= 0);
  CHECK(entity_text(ed.state.doc(), ed.state.doc().entities[i]) == "Organizacja Narod\xC3\xB3w Zjednoczonych");
  // The acronym in brackets after it, once tagged, joins its group.
  CHECK(ed.find("ONZ") == -1);  // a correction adds no entity of its own accord
  REQUIRE(ed.tag("ONZ", 0, "ORG"));
  CHECK(ed.group_of(ed.find("ONZ")) == ed.group_of(ed.find("Organizacja")));
  CHECK(ed.group_of(ed.find("ONZ"))->acronym == "ONZ");
  // Tagging "Narodów Zjednoczonych" replaces the longer entity it overlaps.
  REQUIRE(ed.tag("Narod\xC3\xB3w Zjednoczonych", 0, "ORG"));
  CHECK(ed.find("Organizacja") == -1);
  CHECK(ed.state.message.find("replacing 1 entity") != std::string::npos);
}

TEST_CASE("editing: label changes, acceptance and removal; a removed acronym stays removed") {
  Editor ed;
  REQUIRE(ed.tag("Tokajew", 0, "LOC"));
  REQUIRE(ed.tag("Organizacja Narod\xC3\xB3w Zjednoczonych", 0, "ORG"));
  int t = ed.find("Tokajew");
  REQUIRE(set_entity_label(ed.state, t, "PER"));
  t = ed.find("Tokajew");
  CHECK(ed.state.doc().entities[t].label == "PER");
  CHECK(ed.group_of(t)->label == "PER");
  // The same label again changes nothing and adds no undo step.
  const size_t steps = ed.state.session()->undo.size();
  CHECK(set_entity_label(ed.state, t, "PER"));
  CHECK(ed.state.session()->undo.size() == steps);
  // An unknown label or a bad index is refused; nothing changes.
  const std::string before = document_json(ed.state);
  CHECK_FALSE(set_entity_label(ed.state, t, "FOO"));
  CHECK(ed.state.message_kind == MessageKind::Error);
  CHECK_FALSE(set_entity_label(ed.state, 999, "PER"));
  CHECK_FALSE(remove_entity(ed.state, -1));
  CHECK_FALSE(add_entity(ed.state, 5, 3, "PER"));
  CHECK_FALSE(add_entity(ed.state, 0, ed.state.doc().text.size() + 1, "PER"));
  CHECK_FALSE(add_entity(ed.state, 0, 7, "FOO"));
  CHECK(document_json(ed.state) == before);
  // Acceptance can be taken back.
  REQUIRE(set_entity_accepted(ed.state, ed.find("Tokajew"), false));
  CHECK(ed.state.doc().entities[ed.find("Tokajew")].status == ReviewStatus::Unreviewed);
  // An acronym the engine added after the organisation (as annotate() does), once removed,
  // is not brought back when the next correction derives the groups again.
  names::resolve_names(ed.state.doc(), nullptr);
  const int onz = ed.find("ONZ");
  REQUIRE(onz >= 0);
  CHECK(ed.state.doc().entities[onz].origin == Origin::Rule);
  REQUIRE(remove_entity(ed.state, onz));
  CHECK(ed.find("ONZ") == -1);
  REQUIRE(ed.tag("Moskwy", 0, "LOC"));
  CHECK(ed.find("ONZ") == -1);
}

TEST_CASE("editing: undo and redo step through the corrections; a new document starts afresh") {
  Editor ed;
  const std::string original = document_json(ed.state);
  CHECK_FALSE(can_undo(ed.state));
  CHECK_FALSE(undo(ed.state));
  REQUIRE(ed.tag("Tokajew", 0, "PER"));
  const std::string one = document_json(ed.state);
  REQUIRE(ed.tag("Moskwy", 0, "LOC"));
  const std::string two = document_json(ed.state);
  REQUIRE(undo(ed.state));
  CHECK(document_json(ed.state) == one);
  REQUIRE(undo(ed.state));
  CHECK(document_json(ed.state) == original);
  CHECK(ed.state.session()->edit_count == 0);
  CHECK_FALSE(undo(ed.state));
  REQUIRE(redo(ed.state));
  REQUIRE(redo(ed.state));
  CHECK(document_json(ed.state) == two);
  CHECK_FALSE(redo(ed.state));
  // A correction after an undo ends the redo chain.
  REQUIRE(undo(ed.state));
  REQUIRE(ed.tag("Moskwie", 0, "LOC"));
  CHECK_FALSE(can_redo(ed.state));
  // The model arriving late annotates the text again and keeps every correction.
  ed.state.doc().meta.model.clear();
  std::vector<Entity> mine;
  for (const Entity& e : ed.state.doc().entities) {
    if (e.origin == Origin::Person) mine.push_back(e);
  }
  REQUIRE(mine.size() == 2);
  on_model_loaded(ed.state, "pl");
  for (const Entity& m : mine) {
    const int i = ed.find(std::string(entity_text(ed.state.doc(), m)).c_str());
    REQUIRE(i >= 0);
    CHECK(ed.state.doc().entities[i].label == m.label);
    CHECK(ed.state.doc().entities[i].origin == Origin::Person);
  }
  CHECK(ed.state.message.find("corrections are kept") != std::string::npos);
  CHECK(ed.state.documents.size() == 1);
  // Another document: nothing to undo.
  REQUIRE(load_text(ed.state, "Nowy tekst o Moskwie.", "clipboard").is_ok());
  CHECK_FALSE(can_undo(ed.state));
  CHECK(ed.state.session()->edit_count == 0);
}

TEST_CASE("editing: rejecting the dateline's date says that the article and its relative dates lose their date") {
  Engine engine;
  AppState state;
  state.engine = &engine;
  REQUIRE(load_text(state, "Umowa\nWarszawa, 3 marca 2024 r.\nW poniedzia\xC5\x82" "ek podpisano umow\xC4\x99, "
                           "a w zesz\xC5\x82ym roku zapowiedziano j\xC4\x85.",
                    "clipboard")
              .is_ok());
  REQUIRE(state.doc().article.date == "2024-03-03");
  int dateline = -1;
  size_t relative = 0;
  for (size_t i = 0; i < state.doc().entities.size(); ++i) {
    const Entity& e = state.doc().entities[i];
    if (e.label == "DATE" && e.value == "2024-03-03") dateline = static_cast<int>(i);
    relative += e.label == "DATE" && !e.resolved.empty();
  }
  REQUIRE(dateline >= 0);
  REQUIRE(relative == 2);  // "poniedziałek", "zeszłym roku"
  REQUIRE(reject_entity(state, dateline));
  CHECK(state.doc().article.date.empty());
  CHECK(state.message_kind == MessageKind::Warning);
  CHECK(state.message.find("The article's date (2024-03-03) came from it and it has none now: 2 relative dates "
                           "lose their day") != std::string::npos);
  // Ctrl+Z brings the date back, and with it the days.
  REQUIRE(undo(state));
  CHECK(state.doc().article.date == "2024-03-03");
  // Another correction says nothing of the kind.
  int other = -1;
  for (size_t i = 0; i < state.doc().entities.size(); ++i) {
    if (state.doc().entities[i].label == "DATE" && state.doc().entities[i].value != "2024-03-03") other = static_cast<int>(i);
  }
  REQUIRE(other >= 0);
  REQUIRE(reject_entity(state, other));
  CHECK(state.message_kind == MessageKind::Info);
}
