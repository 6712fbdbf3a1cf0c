// Tests for the commands (app/commands.h): what is listed when, that a command does what its
// button does, that a disabled or stale one does nothing, the palette's matching, the
// mirror's JSON; then the palette and a question answered through ImGui's key state alone.
#include <doctest/doctest.h>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/commands.h"
#include "app/ui.h"
#include "app_fixtures.h"
#include "headless_imgui.h"
#include "formats/annotation_json.h"
#include "test_support.h"

using namespace glosa;
using namespace glosa::app;

namespace {

const char kGdansk[] = "Port Gda\xC5\x84sk podpisa\xC5\x82 umow\xC4\x99 12 stycznia 2026 r. za 1,2 mld z\xC5\x82.";
const char kLodz[] = "\xC5\x81\xC3\xB3" "d\xC5\xBA" " Fabryczna otwarta\nDworzec w \xC5\x81odzi otwarto 3 marca 2025 r.";

struct Workplace {
  Engine engine;
  AppState state;
  UiResources ui;
  std::vector<std::string> saved;  // file names saved
  int cleared = 0;
  int forgotten = 0;
  Workplace() {
    state.engine = &engine;
    state.services.save_file = [this](const std::string& name, const std::string&) { saved.push_back(name); };
    state.services.clear_store = [this] { ++cleared; };
    state.services.reset_taught = [this] { ++forgotten; };
  }
  const Command* find(const std::string& id) {
    listed = available_commands(state, ui);
    for (const Command& c : listed) {
      if (c.id == id) return &c;
    }
    return nullptr;
  }
  std::vector<Command> listed;
};

Command titled(const char* title, const char* keys = "") {
  Command c;
  c.title = title;
  c.keys = keys;
  return c;
}

}  // namespace

TEST_CASE("commands: what is listed follows what can run, and a command does what its button does") {
  Workplace w;
  // The start screen: nothing to download, mark or export.
  CHECK(w.find("download") == nullptr);
  CHECK(w.find("done") == nullptr);
  CHECK(w.find("shortcuts") != nullptr);
  CHECK_FALSE(run_command(w.state, w.ui, "download"));
  CHECK(w.saved.empty());

  REQUIRE(load_text(w.state, kGdansk, "clipboard").is_ok());
  const Command* done = w.find("done");
  REQUIRE(done != nullptr);
  CHECK(done->title == "Mark this document done");
  REQUIRE(run_command(w.state, w.ui, "done"));
  CHECK(w.state.session()->is_done);
  CHECK(w.find("done")->title == "Mark this document not done");
  REQUIRE(run_command(w.state, w.ui, "done"));
  CHECK_FALSE(w.state.session()->is_done);

  // Every export format is a command, and writes that format's file.
  REQUIRE(run_command(w.state, w.ui, "export:csv"));
  REQUIRE(w.saved.size() == 1);
  CHECK(w.saved.back().size() > 4);
  CHECK(w.saved.back().substr(w.saved.back().size() - 4) == ".csv");
  REQUIRE(run_command(w.state, w.ui, "download"));
  CHECK(w.saved.back().find(".glosa.json") != std::string::npos);

  // Nothing to undo or redo: not listed, and asked for anyway, nothing happens.
  CHECK(w.find("redo") == nullptr);
  CHECK_FALSE(run_command(w.state, w.ui, "redo"));
  CHECK_FALSE(run_command(w.state, w.ui, "no-such-command"));
  // One document: no collection archive, no next document.
  CHECK(w.find("export-all:csv") == nullptr);
  CHECK(w.find("next-document") == nullptr);

  // A second document: switching to the first by its title.
  REQUIRE(load_text(w.state, kLodz, "clipboard").is_ok());
  CHECK(w.state.current == 1);
  const std::string first = "document:" + w.state.documents[0]->id;
  REQUIRE(w.find(first) != nullptr);
  CHECK(w.find("document:" + w.state.documents[1]->id) == nullptr);  // the open one is not offered
  REQUIRE(run_command(w.state, w.ui, first));
  CHECK(w.state.current == 0);
  CHECK(w.find("export-all:csv") != nullptr);
  REQUIRE(run_command(w.state, w.ui, "export-all:csv"));
  CHECK(w.saved.back().substr(w.saved.back().size() - 4) == ".zip");

  // The language is the open document's own: the one chosen is not offered again.
  REQUIRE(run_command(w.state, w.ui, "language:en"));
  CHECK(w.state.session()->annotation_lang == "en");
  CHECK(w.find("language:en") == nullptr);
  CHECK(w.find("language:pl") != nullptr);

  // Remove, then bring back.
  REQUIRE(run_command(w.state, w.ui, "remove"));
  CHECK(w.state.documents.size() == 1);
  REQUIRE(w.find("bring-back") != nullptr);
  REQUIRE(run_command(w.state, w.ui, "bring-back"));
  CHECK(w.state.documents.size() == 2);
}

TEST_CASE("commands: the selected entity's corrections, as its menu has them") {
  Workplace w;
  REQUIRE(load_text(w.state, kGdansk, "clipboard").is_ok());
  CHECK(w.find("entity:reject") == nullptr);  // nothing selected
  const auto& entities = w.state.doc().entities;
  int date = -1;
  for (size_t i = 0; i < entities.size(); ++i) {
    if (entities[i].label == "DATE") date = static_cast<int>(i);
  }
  REQUIRE(date >= 0);
  const size_t begin = entities[static_cast<size_t>(date)].begin_byte;
  select_entity(w.state, date);
  const Command* label = w.find("entity:label:EVT");
  REQUIRE(label != nullptr);
  CHECK(label->title.find("12 stycznia 2026 r.") != std::string::npos);
  CHECK(w.find("entity:label:DATE") == nullptr);  // its own label is not offered
  REQUIRE(run_command(w.state, w.ui, "entity:label:EVT"));
  const auto at = [&] {
    for (const Entity& e : w.state.doc().entities) {
      if (e.begin_byte == begin) return e;
    }
    return Entity{};
  };
  CHECK(at().label == "EVT");
  CHECK(at().status == ReviewStatus::Accepted);
  // The command finds the entity again after the correction renumbered it: reject it, then,
  // selected again (from the Rejected list), restore it.
  REQUIRE(run_command(w.state, w.ui, "entity:reject"));
  CHECK(at().status == ReviewStatus::Rejected);
  for (size_t i = 0; i < w.state.doc().entities.size(); ++i) {
    if (w.state.doc().entities[i].begin_byte == begin) select_entity(w.state, static_cast<int>(i));
  }
  REQUIRE(w.find("entity:restore") != nullptr);
  REQUIRE(run_command(w.state, w.ui, "entity:restore"));
  CHECK(at().status != ReviewStatus::Rejected);
}

TEST_CASE("commands: a group's relabel keeps the selected mention selected, not the group's first") {
  Workplace w;
  // Tokajew's group (g1) has four mentions; the last one is selected.
  REQUIRE(open_document_json(w.state, write_document(test::sample_v2_document()), "v2.glosa.json").is_ok());
  int last = -1;
  for (size_t i = 0; i < w.state.doc().entities.size(); ++i) {
    if (w.state.doc().entities[i].group == "g1") last = static_cast<int>(i);
  }
  REQUIRE(last >= 0);
  const size_t begin = w.state.doc().entities[static_cast<size_t>(last)].begin_byte;
  select_entity(w.state, last);
  const Command* all = w.find("group:label:ORG");
  REQUIRE(all != nullptr);
  CHECK(all->title.find("4 mentions") != std::string::npos);
  REQUIRE(run_command(w.state, w.ui, "group:label:ORG"));
  REQUIRE(w.state.selected_entity >= 0);
  const Entity& selected = w.state.doc().entities[static_cast<size_t>(w.state.selected_entity)];
  CHECK(selected.begin_byte == begin);
  CHECK(selected.label == "ORG");
}

TEST_CASE("commands: what cannot be undone asks first; answered elsewhere, it acts at once") {
  Workplace w;
  REQUIRE(load_text(w.state, kGdansk, "clipboard").is_ok());
  const Command* clear = w.find("clear");
  REQUIRE(clear != nullptr);
  CHECK(clear->question.find("1 documents") == std::string::npos);  // not a broken sentence...
  CHECK(clear->question.find("cannot be undone") != std::string::npos);
  // From the palette: the app's question opens, nothing is gone yet.
  REQUIRE(run_command(w.state, w.ui, "clear"));
  CHECK(w.ui.confirm_clear);
  CHECK(w.state.documents.size() == 1);
  CHECK(w.cleared == 0);
  // From the mirror, after the browser's own question was answered yes.
  REQUIRE(run_command(w.state, w.ui, "clear", /*confirmed=*/true));
  CHECK(w.state.documents.empty());
  CHECK(w.cleared == 1);
  // Only removed documents left: the browser still keeps them, and Clear says so.
  REQUIRE(load_text(w.state, kGdansk, "clipboard").is_ok());
  REQUIRE(remove_document(w.state, 0));
  const Command* only_removed = w.find("clear");
  REQUIRE(only_removed != nullptr);
  CHECK(only_removed->question.find("1 removed document kept for Bring back") != std::string::npos);
  REQUIRE(run_command(w.state, w.ui, "clear", /*confirmed=*/true));
  CHECK(w.state.removed.empty());
  CHECK(w.cleared == 2);

  // Forget: only listed when something was taught.
  REQUIRE(load_text(w.state, kGdansk, "clipboard").is_ok());
  CHECK(w.find("taught-forget") == nullptr);
  on_taught(w.state, "pl", 42);
  const Command* forget = w.find("taught-forget");
  REQUIRE(forget != nullptr);
  CHECK(forget->question.find("42 learnt weights") != std::string::npos);
  REQUIRE(run_command(w.state, w.ui, "taught-forget"));
  CHECK(w.ui.confirm_forget);
  CHECK(w.forgotten == 0);
  REQUIRE(run_command(w.state, w.ui, "taught-forget", /*confirmed=*/true));
  CHECK(w.forgotten == 1);
}

TEST_CASE("commands: the palette matches every word typed, in any order, ignoring case and accents") {
  const Command done = titled("Mark this document done");
  CHECK(command_matches(done, ""));
  CHECK(command_matches(done, "mark done"));
  CHECK(command_matches(done, "DONE  mark"));
  CHECK_FALSE(command_matches(done, "mark undone"));
  CHECK(command_matches(titled("Download the annotation file (.glosa.json)", "Ctrl+S"), "ctrl+s"));
  CHECK(command_matches(titled("Go to \xE2\x80\x9E\xC5\x81\xC3\xB3" "d\xC5\xBA Fabryczna\xE2\x80\x9D"), "lodz fabr"));
  CHECK(command_matches(titled("Annotate again in Polish"), "polish"));
  CHECK_FALSE(command_matches(titled("Annotate again in Polish"), "english"));
}

TEST_CASE("commands: the mirror's list leaves out the picture-only and per-document ones") {
  Workplace w;
  REQUIRE(load_text(w.state, kGdansk, "clipboard").is_ok());
  REQUIRE(load_text(w.state, kLodz, "clipboard").is_ok());
  const auto list = nlohmann::json::parse(commands_json(w.state, w.ui));
  REQUIRE(list.is_array());
  bool has_done = false, has_clear_question = false;
  for (const auto& c : list) {
    const std::string id = c.at("id");
    CHECK(id.rfind("document:", 0) != 0);
    CHECK(id.rfind("panel:", 0) != 0);
    CHECK(id.rfind("label:", 0) != 0);
    has_done = has_done || id == "done";
    has_clear_question = has_clear_question || (id == "clear" && c.contains("question"));
  }
  CHECK(has_done);
  CHECK(has_clear_question);
  // The palette has the documents.
  CHECK(w.find("document:" + w.state.documents[0]->id) != nullptr);
}

TEST_CASE("palette: Ctrl+K, typed words, Enter run a command; a question is answered with arrows and Enter") {
  test::HeadlessImGui imgui;
  {
    Workplace w;
    UiResources& ui = w.ui;
    test::HeadlessImGui::use_font(ui);
    const auto frame = [&] { test::HeadlessImGui::frame(w.state, ui); };
    const auto press = [&](int key, bool ctrl = false) {
      test::HeadlessImGui::press(w.state, ui, key, ctrl);
      frame();
    };
    const auto type = [&](const char* text) {
      ImGui::GetIO().AddInputCharactersUTF8(text);
      frame();
      frame();
    };
    REQUIRE(load_text(w.state, kGdansk, "clipboard").is_ok());
    frame();
    press('K', /*ctrl=*/true);
    CHECK(ui.show_palette);
    type("mark done");
    CHECK(ui.palette_query == "mark done");
    press(test::kKeyEnter);
    CHECK_FALSE(ui.show_palette);
    CHECK(w.state.session()->is_done);

    // Down moves the highlight: "export csv" has one match, "export" many.
    press('K', true);
    type("export as");
    press(test::kKeyDown);  // the second "Export as …"
    CHECK(ui.palette_cursor == 1);
    press(test::kKeyUp);
    CHECK(ui.palette_cursor == 0);
    press(test::kKeyEscape);  // closes without running anything
    CHECK_FALSE(ui.show_palette);
    CHECK(w.saved.empty());

    // Clear local data: the question starts on the safe answer; Enter there keeps everything.
    press('K', true);
    type("clear local");
    press(test::kKeyEnter);
    frame();
    CHECK(ui.confirm_clear);
    press(test::kKeyEnter);  // on "Keep them"
    CHECK_FALSE(ui.confirm_clear);
    CHECK(w.state.documents.size() == 1);
    // Again, and this time ← moves the ring to "Clear local data".
    press('K', true);
    type("clear local");
    press(test::kKeyEnter);
    frame();
    REQUIRE(ui.confirm_clear);
    press(test::kKeyLeft);
    press(test::kKeyEnter);
    CHECK_FALSE(ui.confirm_clear);
    CHECK(w.state.documents.empty());
    CHECK(w.cleared == 1);
  }
}
