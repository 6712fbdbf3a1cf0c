// Tests for app/app_state: loading, opening, saving and selecting without a GPU.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/app_state.h"
#include "engine/io/annotation_json.h"
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
  CHECK(f.state.doc.lang == "pl");
  CHECK_FALSE(f.state.doc.entities.empty());
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

TEST_CASE("app_state: opening a corrupt file keeps the document; a good file replaces it") {
  Fixture f;
  REQUIRE(load_text(f.state, "Wzrost o 5 proc.", "clipboard").is_ok());
  const std::string saved_json = document_json(f.state);
  REQUIRE(load_text(f.state, "Inny tekst, 10% mniej.", "clipboard").is_ok());
  const std::string other = document_json(f.state);
  const Status bad = open_file(f.state, "zly.glosa.json", saved_json.substr(0, saved_json.size() / 2));
  CHECK(bad.code() == ErrorCode::JsonSyntax);
  CHECK(f.state.message.find("zly.glosa.json") != std::string::npos);
  CHECK(document_json(f.state) == other);
  REQUIRE(open_file(f.state, "dobry.GLOSA.JSON", saved_json).is_ok());
  CHECK(document_json(f.state) == saved_json);
  CHECK(f.state.is_imported);
}

TEST_CASE("app_state: binary files are refused, text files are annotated") {
  Fixture f;
  CHECK(open_file(f.state, "obraz.png", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11)).code() == ErrorCode::InvalidUtf8);
  CHECK_FALSE(has_document(f.state));
  REQUIRE(open_file(f.state, "notatka.txt", "Spotkanie 12 stycznia 2022 r.").is_ok());
  CHECK(f.state.source_name == "notatka.txt");
}

TEST_CASE("app_state: the download is named after the title and holds the document") {
  Fixture f;
  save_document(f.state);
  CHECK(f.saved.empty());
  CHECK(f.state.message_kind == MessageKind::Warning);
  REQUIRE(load_text(f.state, "date 2022-11 Tokajew w Moskwie: „wizyta” za 5 mln $\n\nTreść.", "clipboard").is_ok());
  CHECK(document_title(f.state.doc) == "Tokajew w Moskwie: „wizyta” za 5 mln $");
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
  REQUIRE(f.state.doc.entities.size() >= 2);
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

TEST_CASE("app_state: the sample article of ../shared loads with its amounts") {
  Fixture f;
  const std::string text = test::read_file(test::shared_path("samples/pl-news-tokajew-moskwa.txt"));
  REQUIRE(text.size() > 1000);
  REQUIRE(load_text(f.state, text, "sample").is_ok());
  bool money = false;
  for (const Entity& e : f.state.doc.entities) {
    if (e.label == "MONEY" && entity_text(f.state.doc, e) == "24,5 miliarda dolarów") money = true;
  }
  CHECK(money);
}
