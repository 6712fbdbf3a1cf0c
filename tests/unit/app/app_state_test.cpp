// Tests for app/app_state: loading, opening, saving and selecting without a GPU.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/editing.h"
#include "app_fixtures.h"
#include "formats/annotation_json.h"
#include "test_support.h"

using namespace glosa;
using namespace glosa::app;

namespace {

struct Fixture {
  Engine engine;
  AppState state;
  std::vector<std::pair<std::string, std::string>> saved;
  std::vector<std::string> model_requests;
  Fixture() {
    state.engine = &engine;
    state.services.save_file = [this](const std::string& n, const std::string& c) { saved.emplace_back(n, c); };
    state.services.request_model = [this](const std::string& lang) { model_requests.push_back(lang); };
  }
};

}  // namespace

TEST_CASE("app_state: pasting text annotates it and asks for the language's model") {
  Fixture f;
  REQUIRE(load_text(f.state, "Wzrost o 5 proc. w styczniu 2022 r.", "clipboard").is_ok());
  CHECK(has_document(f.state));
  CHECK(f.state.doc().lang == "pl");
  CHECK_FALSE(f.state.doc().entities.empty());
  CHECK(f.state.message_kind == MessageKind::Info);
  CHECK(f.model_requests == std::vector<std::string>{"pl"});
  // A second paste while the model is still loading does not ask again.
  REQUIRE(load_text(f.state, "Jeszcze jeden tekst po polsku, który się nie zmienia.", "clipboard").is_ok());
  CHECK(f.model_requests.size() == 1);
}

TEST_CASE("app_state: empty text is refused and the open document stays") {
  Fixture f;
  REQUIRE(load_text(f.state, "Wzrost o 5 proc.", "clipboard").is_ok());
  const std::string before = document_json(f.state);
  const Status s = load_text(f.state, " \n\t ", "clipboard");
  CHECK(s.code() == ErrorCode::EmptyText);
  CHECK(f.state.message_kind == MessageKind::Error);
  CHECK(f.state.message.find("unchanged") != std::string::npos);
  CHECK(document_json(f.state) == before);
}

TEST_CASE("app_state: opening a corrupt file keeps the document; a good file opens the same document here, or beside another version") {
  Fixture f;
  REQUIRE(load_text(f.state, "Wzrost o 5 proc.", "clipboard").is_ok());
  const std::string saved_json = document_json(f.state);
  REQUIRE(load_text(f.state, "Inny tekst, 10% mniej.", "clipboard").is_ok());
  const std::string other = document_json(f.state);
  const Status bad = open_file(f.state, "zly.glosa.json", saved_json.substr(0, saved_json.size() / 2));
  CHECK(bad.code() == ErrorCode::JsonSyntax);
  CHECK(f.state.message.find("zly.glosa.json") != std::string::npos);
  CHECK(document_json(f.state) == other);
  REQUIRE(f.state.documents.size() == 2);
  // The file of the first document, which is here as it is: that one opens, no copy.
  REQUIRE(open_file(f.state, "dobry.GLOSA.JSON", saved_json).is_ok());
  CHECK(document_json(f.state) == saved_json);
  CHECK(f.state.documents.size() == 2);
  CHECK(f.state.current == 0);
  CHECK(f.state.message == "dobry.GLOSA.JSON is already in the collection, as it is: opened it");
  // Corrected since: the file is another version of it, and opens beside it.
  REQUIRE(add_entity(f.state, 0, 6, "ORG"));
  REQUIRE(open_file(f.state, "dobry.GLOSA.JSON", saved_json).is_ok());
  CHECK(document_json(f.state) == saved_json);
  CHECK(f.state.session()->is_imported);
  CHECK(f.state.documents.size() == 3);  // nothing is replaced
  CHECK(f.state.current == 2);
  CHECK(f.state.message.find("another version of it is in the collection") != std::string::npos);
}

TEST_CASE("app_state: binary files are refused, text files are annotated") {
  Fixture f;
  CHECK(open_file(f.state, "obraz.png", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11)).code() == ErrorCode::InvalidUtf8);
  CHECK_FALSE(has_document(f.state));
  REQUIRE(open_file(f.state, "notatka.txt", "Spotkanie 12 stycznia 2022 r.").is_ok());
  CHECK(f.state.session()->source_name == "notatka.txt");
}

TEST_CASE("app_state: the download is named after the title and holds the document") {
  Fixture f;
  save_document(f.state);
  CHECK(f.saved.empty());
  CHECK(f.state.message_kind == MessageKind::Warning);
  REQUIRE(load_text(f.state, "date 2022-11 Tokajew w Moskwie: „wizyta” za 5 mln $\n\nTreść.", "clipboard").is_ok());
  CHECK(document_title(f.state.doc()) == "Tokajew w Moskwie: „wizyta” za 5 mln $");
  save_document(f.state);
  REQUIRE(f.saved.size() == 1);
  CHECK(f.saved[0].first == "Tokajew-w-Moskwie-wizyta-za-5-mln.glosa.json");
  CHECK(f.saved[0].second == document_json(f.state));
  CHECK(read_document(f.saved[0].second).is_ok());
}

TEST_CASE("app_state: untitled documents get a safe default name") {
  Fixture f;
  REQUIRE(load_text(f.state, "!!! ???", "clipboard").is_ok());
  CHECK(document_filename(f.state) == "glosa.glosa.json");
}

TEST_CASE("app_state: selecting an entity requests a scroll; out of range clears") {
  Fixture f;
  REQUIRE(load_text(f.state, "Wzrost o 5 proc. i 7% w styczniu.", "clipboard").is_ok());
  REQUIRE(f.state.doc().entities.size() >= 2);
  select_entity(f.state, 1);
  CHECK(f.state.selected_entity == 1);
  CHECK(f.state.scroll_to_entity == 1);
  select_entity(f.state, 99);
  CHECK(f.state.selected_entity == -1);
}

TEST_CASE("app_state: the Open dialog hands over to the platform's file picker") {
  Fixture f;
  int opened = 0;
  f.state.services.open_file_dialog = [&] { ++opened; };
  CHECK_FALSE(confirm_open_dialog(f.state));
  f.state.show_open_dialog = true;
  CHECK(confirm_open_dialog(f.state));
  CHECK(opened == 1);
  CHECK_FALSE(f.state.show_open_dialog);
}

TEST_CASE("app_state: the fixture news article loads with its amounts") {
  Fixture f;
  const std::string text = test::read_file(test::source_path("tests/fixtures/pl-news-wizyta-wilno.txt"));
  REQUIRE(text.size() > 1000);
  REQUIRE(load_text(f.state, text, "sample").is_ok());
  bool money = false;
  for (const Entity& e : f.state.doc().entities) {
    if (e.label == "MONEY" && entity_text(f.state.doc(), e) == "24,5 miliarda dolarów") money = true;
  }
  CHECK(money);
}

// --- Entity groups, the mention cursor and quotations (issue #5) ---

namespace {

// A state holding the hand-built version 2 document, as if opened from a file.
struct GroupFixture {
  AppState state;
  double clock = 1000;
  GroupFixture() {
    state.services.now_ms = [this] { return clock; };
    add_document(state, test::sample_v2_document(), "test", true);
  }
  int group(const char* id) const { return find_group(state.doc(), id); }
  std::string selected_text() const {
    if (state.selected_entity < 0) return "";
    return std::string(entity_text(state.doc(), state.doc().entities[state.selected_entity]));
  }
};

}  // namespace

TEST_CASE("app_state: clicking a group row walks through its mentions and wraps around") {
  GroupFixture f;
  const int g1 = f.group("g1");
  const std::vector<int>& mentions = document_index(f.state).group_mentions[g1];
  REQUIRE(mentions.size() == 4);
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < mentions.size(); ++i) {
      CAPTURE(round);
      CAPTURE(i);
      CHECK(show_next_mention(f.state, g1) == mentions[i]);
      CHECK(f.state.selected_entity == mentions[i]);
      CHECK(f.state.scroll_to_entity == mentions[i]);  // the view scrolls to it...
      CHECK(f.state.flash_until_ms > f.clock);          // ...and flashes it
      CHECK(f.state.cycle_group == "g1");
      CHECK(f.state.cycle_position == static_cast<int>(i));
      f.state.scroll_to_entity = -1;
    }
  }
}

TEST_CASE("app_state: the mention cursor continues from a mention selected elsewhere") {
  GroupFixture f;
  const int g1 = f.group("g1");
  const std::vector<int> mentions = document_index(f.state).group_mentions[g1];
  select_entity(f.state, mentions[2]);  // clicked in the text or in the expanded row
  CHECK(show_next_mention(f.state, g1) == mentions[3]);
  CHECK(show_next_mention(f.state, g1) == mentions[0]);
  // Another group in between: back to g1 starts again from its first mention.
  CHECK(show_next_mention(f.state, f.group("g2")) >= 0);
  CHECK(show_next_mention(f.state, g1) == mentions[0]);
  // Deselecting (a click on empty text) keeps the cursor of the same group.
  CHECK(show_next_mention(f.state, g1) == mentions[1]);
  f.state.selected_entity = -1;
  CHECK(show_next_mention(f.state, g1) == mentions[2]);
}

TEST_CASE("app_state: the mention cursor skips hidden labels; empty groups change nothing") {
  GroupFixture f;
  const int g1 = f.group("g1");
  const std::vector<int> mentions = document_index(f.state).group_mentions[g1];
  f.state.doc().entities[mentions[1]].label = "LOC";  // a group may mix labels (LOC and ORG do)
  ++f.state.doc_revision;
  f.state.hidden_labels["LOC"] = true;
  CHECK(show_next_mention(f.state, g1) == mentions[0]);
  CHECK(show_next_mention(f.state, g1) == mentions[2]);
  // All mentions hidden, or none at all: nothing is selected and the cursor stays.
  CHECK(show_next_mention(f.state, f.group("g2")) == -1);
  CHECK(f.state.selected_entity == mentions[2]);
  CHECK(show_next_mention(f.state, f.group("g7")) == -1);
  CHECK(show_next_mention(f.state, 99) == -1);
  CHECK(show_next_mention(f.state, -1) == -1);
  CHECK(f.state.cycle_group == "g1");
}

TEST_CASE("app_state: the side panel lists groups by count, filtered, without hidden labels") {
  GroupFixture f;
  const auto ids = [&](const std::vector<int>& groups) {
    std::vector<std::string> out;
    for (int g : groups) out.push_back(f.state.doc().groups[g].id);
    return out;
  };
  CHECK(ids(list_groups(f.state, "")) == std::vector<std::string>{"g1", "g6", "g2", "g3", "g4", "g5", "g7"});
  CHECK(ids(list_groups(f.state, "TOKAJEWA")) == std::vector<std::string>{"g1"});
  CHECK(ids(list_groups(f.state, "\xC5\xBBOMART")) == std::vector<std::string>{"g1"});  // "ŻOMART"
  // Without the Polish letters, as someone types on a keyboard without them.
  CHECK(ids(list_groups(f.state, "zomart")) == std::vector<std::string>{"g1"});
  CHECK(ids(list_groups(f.state, "zomartx")).empty());
  f.state.hidden_labels["PER"] = true;
  CHECK(ids(list_groups(f.state, "")) == std::vector<std::string>{"g6", "g2", "g4", "g5"});
  // Entities without a group: dates and amounts, in text order, filtered the same way.
  std::vector<std::string> other;
  for (int e : list_ungrouped_entities(f.state, "")) other.push_back(f.state.doc().entities[e].label);
  CHECK(other == std::vector<std::string>{"DATE", "PERCENT", "DATE"});
  CHECK(list_ungrouped_entities(f.state, "xxxx-wxx-1").size() == 1);
  f.state.hidden_labels["DATE"] = true;
  CHECK(list_ungrouped_entities(f.state, "").size() == 1);
}

TEST_CASE("app_state: selecting a quotation scrolls to it and clears the entity selection") {
  GroupFixture f;
  CHECK(list_quotes(f.state, "").size() == 4);
  CHECK(list_quotes(f.state, "putin") == std::vector<int>{0, 1});
  CHECK(list_quotes(f.state, "unknown speaker") == std::vector<int>{2, 3});
  select_entity(f.state, 0);
  select_quote(f.state, 2);
  CHECK(f.state.selected_quote == 2);
  CHECK(f.state.scroll_to_quote == 2);
  CHECK(f.state.selected_entity == -1);
  CHECK(f.state.flash_until_ms > f.clock);
  select_entity(f.state, 1);
  CHECK(f.state.selected_quote == -1);
  select_quote(f.state, 3);
  select_quote(f.state, 4);  // out of range
  CHECK(f.state.selected_quote == -1);
}

TEST_CASE("app_state: a version 2 file opens with groups, quotations and article; the cursor resets") {
  GroupFixture f;
  const std::string json = write_document(f.state.doc());
  Fixture g;
  show_next_mention(f.state, 0);
  REQUIRE(open_document_json(g.state, json, "v2.glosa.json").is_ok());
  CHECK(g.state.doc().groups.size() == 7);
  CHECK(g.state.doc().quotes.size() == 4);
  CHECK(g.state.doc().article.title == "Tokajew w Moskwie");
  CHECK(document_index(g.state).group_mentions[0].size() == 4);
  CHECK(document_json(g.state) == write_document(g.state.doc(), 2));
  // Opening another document forgets the cursor and the selections of the old one.
  show_next_mention(g.state, 0);
  select_quote(g.state, 1);
  REQUIRE(open_document_json(g.state, json, "again.glosa.json").is_ok());
  CHECK(g.state.cycle_group.empty());
  CHECK(g.state.selected_quote == -1);
  CHECK(g.state.selected_entity == -1);
}
