// Tests for keyboard review and whole-group corrections (app/review, app/editing): the
// visiting order, accept / reject and move on, digit labels, span edges, review mode,
// group relabel / accept / reject / merge / split, chosen speakers, the label set; each
// with its undo, and the rule that a group's mentions share its label. Headless: no GPU.
#include <doctest/doctest.h>

#include <imgui.h>

#include <string>

#include "app/app_state.h"
#include "app/editing.h"
#include "app/find.h"
#include "app/accessibility.h"

#include <nlohmann/json.hpp>
#include "app/review.h"
#include "app/ui.h"
#include "app_fixtures.h"
#include "headless_imgui.h"
#include "formats/annotation_json.h"
#include "test_support.h"

using namespace glosa;
using namespace glosa::app;

namespace {

// "Northwind Robotics" four times (one "Northwind"), a quotation, a date.
const char kText[] =
    "Northwind Robotics przej\xC4\x99\xC5\x82" "a firm\xC4\x99 Acme w Gda\xC5\x84sku 3 marca 2025 r. "
    "\xE2\x80\x9EPoszerzamy ofert\xC4\x99\xE2\x80\x9D \xE2\x80\x93 powiedzia\xC5\x82 Jan Kowalski. "
    "Northwind Robotics zap\xC5\x82" "aci\xC5\x82" "a 5 mln z\xC5\x82. Akcje Northwind Robotics wzros\xC5\x82y, "
    "a Northwind zatrudni Kowalskiego.";

struct Reviewer {
  Engine engine;
  AppState state;
  Reviewer() {
    const std::string b = test::read_file(test::source_path("assets/models/names-pl.bin"));
    REQUIRE(engine.load_lexicon(reinterpret_cast<const uint8_t*>(b.data()), b.size()).is_ok());
    state.engine = &engine;
    REQUIRE(load_text(state, kText, "clipboard").is_ok());
    // The names, as a model would have tagged them (one of them wrong: PER).
    tag_as_engine("Northwind Robotics", 0, "PER", 0.4f);
    tag_as_engine("Northwind Robotics", 1, "PER", 0.7f);
    tag_as_engine("Northwind Robotics", 2, "PER", 0.9f);
    tag_as_engine("Jan Kowalski", 0, "PER", 0.95f);
    tag_as_engine("Acme", 0, "ORG", 0.5f);
    tag_as_engine("Gda\xC5\x84sku", 0, "LOC", 0.8f);
    state.session()->undo.clear();
    state.session()->edit_count = 0;
  }
  // Adds an entity as the engine would (origin model, unreviewed) and refreshes.
  void tag_as_engine(const char* words, int n, const char* label, float confidence) {
    Document& doc = state.doc();
    Entity e;
    e.begin_byte = test::nth(doc.text, words, n);
    REQUIRE(e.begin_byte != std::string::npos);
    e.end_byte = e.begin_byte + std::string(words).size();
    e.label = label;
    e.origin = Origin::Model;
    e.confidence = confidence;
    doc.entities.push_back(e);
    refresh_derived(state, *state.session());
  }
  int find(const char* words, int n = 0) const {
    const size_t b = test::nth(state.doc().text, words, n);
    for (size_t i = 0; i < state.doc().entities.size(); ++i) {
      if (state.doc().entities[i].begin_byte == b) return static_cast<int>(i);
    }
    return -1;
  }
  const Entity& at(const char* words, int n = 0) const { return state.doc().entities[static_cast<size_t>(find(words, n))]; }
  int group_of(const char* words, int n = 0) const { return find_group(state.doc(), at(words, n).group); }
  std::string selected_text() const {
    if (state.selected_entity < 0) return "";
    return std::string(entity_text(state.doc(), state.doc().entities[static_cast<size_t>(state.selected_entity)]));
  }
  // The file never holds a mention whose label differs from its group's.
  void check_groups_agree() const {
    for (const Entity& e : state.doc().entities) {
      if (e.group.empty()) continue;
      const int g = find_group(state.doc(), e.group);
      REQUIRE(g >= 0);
      CAPTURE(e.label);
      CHECK(state.doc().groups[static_cast<size_t>(g)].label == e.label);
    }
    REQUIRE(read_document(document_json(state)).is_ok());
  }
};

}  // namespace

TEST_CASE("review: Tab order, Enter accepts and moves on, X rejects and moves on, undo restores") {
  Reviewer r;
  const int first = next_in_reading_order(r.state, -1, +1);
  REQUIRE(first >= 0);
  select_for_review(r.state, first);
  CHECK(r.selected_text() == "Northwind Robotics");
  CHECK(r.state.scroll_to_entity == first);
  const int last = next_in_reading_order(r.state, -1, -1);
  CHECK(next_in_reading_order(r.state, last, +1) == -1);
  REQUIRE(accept_and_next(r.state));
  CHECK(r.at("Northwind Robotics").status == ReviewStatus::Accepted);
  CHECK(r.selected_text() == "Acme");
  REQUIRE(reject_and_next(r.state));
  CHECK(r.at("Acme").status == ReviewStatus::Rejected);  // kept, as a record
  // The status line (what a screen reader hears too) says the label in words as well.
  CHECK(r.state.message.find(r.at("Acme").label + " (organisation") != std::string::npos);
  CHECK_FALSE(is_entity_visible(r.state, r.find("Acme")));
  CHECK(r.selected_text() == "Gda\xC5\x84sku");
  // Tab skips the rejected one.
  CHECK(next_in_reading_order(r.state, r.find("Northwind Robotics"), +1) == r.find("Gda\xC5\x84sku"));
  REQUIRE(undo(r.state));
  CHECK(r.at("Acme").status == ReviewStatus::Unreviewed);
  REQUIRE(restore_entity(r.state, r.find("Acme")) == false);  // not rejected any more
  // A person's own tag is rejected by X too, kept as a record in the Rejected list (it may
  // stand for an engine entity the person relabelled first).
  REQUIRE(add_entity(r.state, test::nth(r.state.doc().text, "firm", 0), test::nth(r.state.doc().text, "firm", 0) + 4, "ORG"));
  select_for_review(r.state, r.find("firm"));
  REQUIRE(reject_and_next(r.state));
  CHECK(r.at("firm").status == ReviewStatus::Rejected);
  CHECK_FALSE(is_entity_visible(r.state, r.find("firm")));
  // Tagged again, the new tag takes the place of that record.
  const size_t n = r.state.doc().entities.size();
  REQUIRE(add_entity(r.state, test::nth(r.state.doc().text, "firm", 0), test::nth(r.state.doc().text, "firm", 0) + 4, "LOC"));
  CHECK(r.state.doc().entities.size() == n);
  CHECK(r.at("firm").status == ReviewStatus::Accepted);
  CHECK(r.at("firm").label == "LOC");
}

TEST_CASE("review: review mode visits the least certain first, counts progress, and accepts the rest at once") {
  Reviewer r;
  set_review_mode(r.state, true);
  CHECK(r.state.review_mode);
  CHECK(r.selected_text() == "Northwind Robotics");  // confidence 0.4: first
  const ReviewProgress before = review_progress(r.state);
  CHECK(before.reviewed == 0);
  REQUIRE(accept_and_next(r.state));
  CHECK(r.selected_text() == "Acme");                 // 0.5 next, whatever its place
  CHECK(review_progress(r.state).reviewed == 1);
  const size_t left = review_queue(r.state).size();
  REQUIRE(left > 0);
  REQUIRE(accept_all_remaining(r.state));
  CHECK(review_queue(r.state).empty());
  CHECK(review_progress(r.state).reviewed == review_progress(r.state).total);
  REQUIRE(undo(r.state));  // one step
  CHECK(review_queue(r.state).size() == left);
  set_review_mode(r.state, false);
  CHECK_FALSE(r.state.review_mode);
  CHECK(review_progress(r.state).reviewed == 1);  // leaving keeps what was done
}

TEST_CASE("review: digits give the label at that place; with Shift, the whole group") {
  Reviewer r;
  REQUIRE(r.state.doc().labels[1].name == "ORG");
  select_for_review(r.state, r.find("Northwind Robotics", 1));
  REQUIRE(label_by_digit(r.state, 2, false));
  CHECK(r.at("Northwind Robotics", 1).label == "ORG");
  CHECK(r.at("Northwind Robotics", 0).label == "PER");
  r.check_groups_agree();  // the ORG mention has left the PER group
  CHECK(r.group_of("Northwind Robotics", 1) != r.group_of("Northwind Robotics", 0));
  // Shift: every mention of the group of what is selected (the first mention's: 0 and 2).
  select_for_review(r.state, r.find("Northwind Robotics", 0));
  REQUIRE(label_by_digit(r.state, 2, true));
  for (int n = 0; n < 3; ++n) CHECK(r.at("Northwind Robotics", n).label == "ORG");
  CHECK(r.group_of("Northwind Robotics", 0) == r.group_of("Northwind Robotics", 2));
  CHECK_FALSE(label_by_digit(r.state, 0, false));
  CHECK_FALSE(label_by_digit(r.state, 99, false));
  r.check_groups_agree();
}

TEST_CASE("review: the digit of the label an entity has already accepts it (with Shift, its group)") {
  Reviewer r;
  REQUIRE(r.state.doc().labels[0].name == "PER");
  const int i = r.find("Northwind Robotics", 0);
  REQUIRE(r.at("Northwind Robotics", 0).label == "PER");
  REQUIRE(r.at("Northwind Robotics", 0).status == ReviewStatus::Unreviewed);
  select_for_review(r.state, i);
  const size_t reviewed = review_progress(r.state).reviewed;
  REQUIRE(label_by_digit(r.state, 1, false));
  CHECK(r.at("Northwind Robotics", 0).label == "PER");
  CHECK(r.at("Northwind Robotics", 0).status == ReviewStatus::Accepted);
  CHECK(review_progress(r.state).reviewed == reviewed + 1);
  CHECK(r.state.message.find("Accepted") != std::string::npos);
  REQUIRE(label_by_digit(r.state, 1, false));  // again: said, nothing changes
  CHECK(r.state.message.find("Already accepted") == 0);
  // Shift: the whole group accepted.
  select_for_review(r.state, r.find("Northwind Robotics", 0));
  REQUIRE(label_by_digit(r.state, 1, true));
  for (int n = 0; n < 3; ++n) CHECK(r.at("Northwind Robotics", n).status == ReviewStatus::Accepted);
}

TEST_CASE("review: span edges move by a word or a character, never empty, never over another entity") {
  Reviewer r;
  const int i = r.find("Jan Kowalski");
  REQUIRE(move_entity_edge(r.state, i, SpanEdge::End, EdgeStep::Character, -1));
  CHECK(std::string(entity_text(r.state.doc(), r.at("Jan Kowalsk"))) == "Jan Kowalsk");
  REQUIRE(move_entity_edge(r.state, r.find("Jan Kowalsk"), SpanEdge::End, EdgeStep::Character, +1));
  REQUIRE(move_entity_edge(r.state, r.find("Jan Kowalski"), SpanEdge::Begin, EdgeStep::Word, +1));
  CHECK(std::string(entity_text(r.state.doc(), r.at("Kowalski"))) == "Kowalski");
  CHECK(r.at("Kowalski").origin == Origin::Person);
  // The start cannot pass the end; the end cannot reach into the date's span.
  CHECK_FALSE(move_entity_edge(r.state, r.find("Kowalski"), SpanEdge::Begin, EdgeStep::Word, +1));
  const int gdansk = r.find("Gda\xC5\x84sku");
  CHECK_FALSE(move_entity_edge(r.state, gdansk, SpanEdge::End, EdgeStep::Word, +1));  // the date follows
  CHECK(r.state.message.find("overlap") != std::string::npos);
  REQUIRE(undo(r.state));
  REQUIRE(undo(r.state));
  REQUIRE(undo(r.state));
  CHECK(r.find("Jan Kowalski") >= 0);
}

TEST_CASE("groups: relabel all, accept all, reject all; the file and the panel follow") {
  Reviewer r;
  const int g = r.group_of("Northwind Robotics");
  REQUIRE(g >= 0);
  CHECK(document_index(r.state).group_mentions[static_cast<size_t>(g)].size() == 3);
  REQUIRE(relabel_group(r.state, g, "ORG"));
  const int g2 = r.group_of("Northwind Robotics");
  CHECK(r.state.doc().groups[static_cast<size_t>(g2)].label == "ORG");
  for (int n = 0; n < 3; ++n) CHECK(r.at("Northwind Robotics", n).group == r.state.doc().groups[static_cast<size_t>(g2)].id);
  CHECK(document_index(r.state).label_counts[1] >= 4);  // ORG: Acme and the three
  r.check_groups_agree();
  // Relabelled by a person, they are accepted already: accepting them all adds no step.
  const size_t steps = r.state.session()->undo.size();
  REQUIRE(set_group_review(r.state, g2, true));
  CHECK(r.state.session()->undo.size() == steps);
  for (int n = 0; n < 3; ++n) CHECK(r.at("Northwind Robotics", n).status == ReviewStatus::Accepted);
  // Relabelled, then rejected together: they stay as rejections, out of the text.
  REQUIRE(set_group_review(r.state, r.group_of("Northwind Robotics"), false));
  for (int n = 0; n < 3; ++n) CHECK(r.at("Northwind Robotics", n).status == ReviewStatus::Rejected);
  // Engine mentions rejected together stay as rejections.
  REQUIRE(set_group_review(r.state, r.group_of("Jan Kowalski"), false));
  CHECK(r.at("Jan Kowalski").status == ReviewStatus::Rejected);
  REQUIRE(undo(r.state));
  REQUIRE(undo(r.state));
  REQUIRE(undo(r.state));
  CHECK(r.at("Northwind Robotics").label == "PER");
  CHECK(r.at("Jan Kowalski").status == ReviewStatus::Unreviewed);
  r.check_groups_agree();
}

TEST_CASE("groups: merge and split are kept when the document is derived again, and undo") {
  Reviewer r;
  r.tag_as_engine("Northwind", 3, "PER", 0.6f);  // the short form, in a group of its own?
  const int nw = r.group_of("Northwind Robotics");
  int other = -1;
  for (size_t g = 0; g < r.state.doc().groups.size(); ++g) {
    if (static_cast<int>(g) != nw && r.state.doc().groups[g].label == "PER" && r.state.doc().groups[g].name != "Jan Kowalski") other = static_cast<int>(g);
  }
  // Merge Jan Kowalski's group into Northwind's (a person's decision, however odd).
  const int jan = r.group_of("Jan Kowalski");
  REQUIRE(merge_group_into(r.state, jan, nw));
  CHECK(r.at("Jan Kowalski").group == r.at("Northwind Robotics").group);
  CHECK(r.state.doc().groups[static_cast<size_t>(r.group_of("Jan Kowalski"))].by_person);
  // Another correction derives everything again: the merge stays.
  REQUIRE(set_entity_accepted(r.state, r.find("Acme"), true));
  CHECK(r.at("Jan Kowalski").group == r.at("Northwind Robotics").group);
  // It survives the file too.
  auto back = read_document(document_json(r.state));
  REQUIRE(back.is_ok());
  Document doc = back.value();
  r.engine.refresh_document(doc);
  CHECK(write_document(doc) == document_json(r.state));
  // Split one mention off; it stays alone after a refresh.
  REQUIRE(split_mention(r.state, r.find("Northwind Robotics", 2)));
  const std::string alone = r.at("Northwind Robotics", 2).group;
  CHECK(alone != r.at("Northwind Robotics", 0).group);
  REQUIRE(set_entity_accepted(r.state, r.find("Acme"), false));
  CHECK(r.at("Northwind Robotics", 2).group != r.at("Northwind Robotics", 0).group);
  CHECK_FALSE(split_mention(r.state, r.find("Northwind Robotics", 2)));  // alone already
  r.check_groups_agree();
  // Undo: split, accept, merge... back to the engine's groups.
  REQUIRE(undo(r.state));
  REQUIRE(undo(r.state));
  CHECK(r.at("Northwind Robotics", 2).group == r.at("Northwind Robotics", 0).group);
  REQUIRE(undo(r.state));
  REQUIRE(undo(r.state));
  CHECK(r.at("Jan Kowalski").group != r.at("Northwind Robotics").group);
  (void)other;
}

TEST_CASE("speakers: a chosen speaker, or none, is kept through a refresh and undone") {
  Reviewer r;
  REQUIRE(r.state.doc().quotes.size() == 1);
  const int nw = r.group_of("Northwind Robotics");
  REQUIRE(set_quote_speaker(r.state, 0, nw));
  const Quotation& q = r.state.doc().quotes[0];
  CHECK(q.attribution == "person");
  CHECK(q.speaker == r.at("Northwind Robotics").group);
  CHECK(q.confidence == 1.0f);
  REQUIRE(set_entity_accepted(r.state, r.find("Acme"), true));  // a refresh
  CHECK(r.state.doc().quotes[0].speaker == r.at("Northwind Robotics").group);
  REQUIRE(set_quote_speaker(r.state, 0, -1));
  CHECK(r.state.doc().quotes[0].speaker.empty());
  CHECK(r.state.doc().quotes[0].attribution == "person");
  REQUIRE(undo(r.state));
  REQUIRE(undo(r.state));
  REQUIRE(undo(r.state));
  CHECK(r.state.doc().quotes[0].attribution != "person");
  CHECK_FALSE(set_quote_speaker(r.state, 5, nw));
}

TEST_CASE("labels: add, rename, recolour, reorder, remove; a label set goes from one document to another") {
  Reviewer r;
  REQUIRE(add_label(r.state, {"FIRMA", "#112233", "company", ""}));
  CHECK(find_label(r.state.doc().labels, "FIRMA") >= 0);
  CHECK_FALSE(add_label(r.state, {"FIRMA", "#112233", "", ""}));   // twice
  CHECK_FALSE(add_label(r.state, {"bad name", "#112233", "", ""}));
  CHECK_FALSE(add_label(r.state, {"X", "red", "", ""}));
  REQUIRE(rename_label(r.state, "ORG", "ORGANIZACJA"));
  CHECK(r.at("Acme").label == "ORGANIZACJA");
  CHECK(find_label(r.state.doc().labels, "ORG") == -1);
  r.check_groups_agree();
  REQUIRE(set_label_color(r.state, "LOC", "#000000"));
  CHECK_FALSE(move_label(r.state, "FIRMA", 100));  // past the end
  const int at = find_label(r.state.doc().labels, "FIRMA");
  REQUIRE(move_label(r.state, "FIRMA", -at));  // to the top: key 1
  CHECK(r.state.doc().labels[0].name == "FIRMA");
  select_for_review(r.state, r.find("Acme"));
  REQUIRE(label_by_digit(r.state, 1, false));
  CHECK(r.at("Acme").label == "FIRMA");
  CHECK_FALSE(remove_label(r.state, "FIRMA"));  // in use
  REQUIRE(remove_label(r.state, "EMAIL"));
  const std::string set = label_set_json(r.state);
  CHECK(set.find("\"glosa-labels\"") != std::string::npos);

  Reviewer other;
  const std::string before = document_json(other.state);
  CHECK_FALSE(apply_label_set(other.state, "{\"format\": \"glosa-labels\", \"version\": 1, \"labels\": [{\"name\": \"A\\u0001B\", \"color\": \"#000000\"}]}").is_ok());
  CHECK_FALSE(apply_label_set(other.state, "{\"format\": \"glosa-labels\", \"version\": 1, \"labels\": [{\"name\": \" A\", \"color\": \"#000000\"}]}").is_ok());
  CHECK_FALSE(apply_label_set(other.state, "[]").is_ok());
  CHECK(document_json(other.state) == before);
  REQUIRE(open_file(other.state, "team.glosa-labels.json", set).is_ok());
  CHECK(other.state.doc().labels[0].name == "FIRMA");
  CHECK(find_label(other.state.doc().labels, "ORGANIZACJA") >= 0);
  // ORGANIZACJA was ORG first: Acme's ORG there takes the new name, and ORG goes.
  CHECK(other.at("Acme").label == "ORGANIZACJA");
  CHECK(find_label(other.state.doc().labels, "ORG") == -1);
  CHECK(find_label(other.state.doc().labels, "EMAIL") == -1);
  REQUIRE(undo(other.state));
  CHECK(document_json(other.state) == before);
  // Undo in the first document goes back through every label change.
  while (can_undo(r.state)) undo(r.state);
  CHECK(r.state.doc().labels.size() == default_labels().size());
  CHECK(r.at("Acme").label == "ORG");
}

TEST_CASE("keyboard: Tab, Enter, X and a digit work through ImGui's key state, with no GPU") {
  test::HeadlessImGui imgui;
  {
    UiResources ui;
    test::HeadlessImGui::use_font(ui);
    Reviewer r;
    const auto press = [&](int key) { test::HeadlessImGui::press(r.state, ui, key); };
    press(test::kKeyTab);
    CHECK(r.selected_text() == "Northwind Robotics");
    press(test::kKeyEnter);
    CHECK(r.at("Northwind Robotics").status == ReviewStatus::Accepted);
    CHECK(r.selected_text() == "Acme");
    press('X');
    CHECK(r.at("Acme").status == ReviewStatus::Rejected);
    press('3');  // LOC for what is selected now
    CHECK(r.at("Gda\xC5\x84sku").label == "LOC");
    press('1');
    CHECK(r.at("Gda\xC5\x84sku").label == "PER");
    press(test::kKeyEscape);
    CHECK(r.state.selected_entity == -1);
  }
}

TEST_CASE("find: matches ignore case and diacritics, step with wrap-around, and tag all as one step") {
  Reviewer r;
  r.state.find.query = "northwind";
  update_find(r.state);
  REQUIRE(r.state.find.matches.size() == 4);
  CHECK(r.state.find.current == 0);
  r.state.find.query = "GDANSK";  // "Gdańsku": the ń folds to n
  update_find(r.state);
  REQUIRE(r.state.find.matches.size() == 1);
  const auto [b, e] = r.state.find.matches[0];
  CHECK(r.state.doc().text.substr(b, e - b) == "Gda\xC5\x84sk");
  // A new query starts from where the last match was (Gdańsk): the second "Northwind Robotics".
  r.state.find.query = "northwind robotics";
  update_find(r.state);
  REQUIRE(r.state.find.matches.size() == 3);
  CHECK(r.state.find.current == 1);
  REQUIRE(find_step(r.state, +1));
  CHECK(r.state.find.current == 2);
  CHECK(r.state.scroll_to_byte == r.state.find.matches[2].first);
  REQUIRE(find_step(r.state, +1));
  CHECK(r.state.find.current == 0);  // wrapped around
  REQUIRE(find_step(r.state, -1));
  CHECK(r.state.find.current == 2);
  CHECK(tag_all_matches(r.state, "ORG") == 3);
  for (int n = 0; n < 3; ++n) {
    CHECK(r.at("Northwind Robotics", n).label == "ORG");
    CHECK(r.at("Northwind Robotics", n).origin == Origin::Person);
  }
  r.check_groups_agree();
  REQUIRE(undo(r.state));  // one step
  for (int n = 0; n < 3; ++n) CHECK(r.at("Northwind Robotics", n).label == "PER");
  r.state.find.query = "nothing like this";
  update_find(r.state);
  CHECK(r.state.find.matches.empty());
  CHECK_FALSE(find_step(r.state, +1));
  CHECK(tag_all_matches(r.state, "ORG") == 0);
  close_find(r.state);
  CHECK(r.state.find.folded.empty());
}

TEST_CASE("find: tag all tags whole words, and leaves a match inside a longer name alone") {
  Reviewer r;
  // "gdansk" is found inside "Gdańsku": the whole word is tagged, not "Gdańsk" of it.
  r.state.find.query = "gdansk";
  REQUIRE(tag_all_matches(r.state, "LOC") == 1);
  CHECK(r.at("Gda\xC5\x84sku", 0).label == "LOC");
  // "northwind": three are inside "Northwind Robotics" (left as they are), one stands alone.
  const std::string before = r.at("Northwind Robotics", 0).label;
  r.state.find.query = "northwind";
  REQUIRE(tag_all_matches(r.state, "ORG") == 1);
  CHECK(r.state.message.find("3 inside longer names") != std::string::npos);
  for (int n = 0; n < 3; ++n) CHECK(r.at("Northwind Robotics", n).label == before);
  const size_t lone = r.state.doc().text.find("a Northwind zatrudni") + 2;
  CHECK(std::any_of(r.state.doc().entities.begin(), r.state.doc().entities.end(), [&](const Entity& e) {
    return e.begin_byte == lone && e.end_byte == lone + 9 && e.label == "ORG";
  }));
}

TEST_CASE("find: tag all leaves other words spelt alike: lower-case ones for a capitalised query, "
          "matches inside a word, and words much longer than the match") {
  Reviewer r;
  // A text of its own: the city and the boat, a name and a town that starts like it.
  REQUIRE(load_text(r.state,
                    "\xC5\x81\xC3\xB3" "d\xC5\xBA" " kupi\xC5\x82" "a \xC5\x82\xC3\xB3" "d\xC5\xBA. W \xC5\x81" "odzi "
                    "Jan spotka\xC5\x82" " Jana z Janowie i Zjana.",
                    "t").is_ok());
  const auto tagged_as = [&](const char* words, const char* label) {
    const size_t b = r.state.doc().text.find(words);
    return std::any_of(r.state.doc().entities.begin(), r.state.doc().entities.end(), [&](const Entity& e) {
      return e.begin_byte == b && e.end_byte == b + std::string(words).size() && e.label == label;
    });
  };
  r.state.find.query = "\xC5\x81\xC3\xB3" "d\xC5\xBA";  // "Łódź"
  update_find(r.state);
  REQUIRE(r.state.find.matches.size() == 3);  // Łódź, łódź, Łodzi (found alike)
  CHECK(tag_all_matches(r.state, "LOC") == 2);
  CHECK(tagged_as("\xC5\x81" "odzi", "LOC"));
  CHECK_FALSE(tagged_as("\xC5\x82\xC3\xB3" "d\xC5\xBA", "LOC"));  // the boat
  CHECK(r.state.message.find("(\xC5\x81" "odzi, \xC5\x81\xC3\xB3" "d\xC5\xBA)") != std::string::npos);
  CHECK(r.state.message.find("1 other word spelt alike was left out") != std::string::npos);
  // "jan": Jan, Jana (an ending), not Janowie (4 more letters), not inside "Zjana".
  r.state.find.query = "jan";
  CHECK(tag_all_matches(r.state, "PER") == 2);
  CHECK(tagged_as("Jan", "PER"));
  CHECK(tagged_as("Jana", "PER"));
  CHECK_FALSE(tagged_as("Janowie", "PER"));
  CHECK(r.state.message.find("2 other words") != std::string::npos);
}

TEST_CASE("copy: the selected words, else the selected entity, else nothing; Ctrl+A takes the whole text") {
  Reviewer r;
  CHECK(selection_text(r.state).empty());
  select_for_review(r.state, r.find("Jan Kowalski"));
  CHECK(selection_text(r.state) == "Jan Kowalski");
  select_all_text(r.state);
  CHECK(selection_text(r.state) == r.state.doc().text);
  clear_selections(r.state);
  CHECK(selection_text(r.state).empty());
}

TEST_CASE("accessibility: the outline names every entity with its label and review, and lists groups and quotations") {
  Reviewer r;
  const int acme = r.find("Acme");
  REQUIRE(reject_entity(r.state, acme));
  const auto j = nlohmann::json::parse(accessible_outline_json(r.state));
  REQUIRE(j["paragraphs"].size() == 1);
  std::vector<std::string> names;
  std::string text;
  for (const auto& run : j["paragraphs"][0]) {
    if (run.is_string()) { text += run.get<std::string>(); continue; }
    names.push_back(run["name"].get<std::string>());
    text += run["text"].get<std::string>();
  }
  CHECK(text == r.state.doc().text);  // the whole text, in order
  const auto named = [&](const std::string& name) { return std::find(names.begin(), names.end(), name) != names.end(); };
  CHECK(named("Jan Kowalski, person"));
  CHECK(named("Gda\xC5\x84sku (Gda\xC5\x84sk), place"));
  // What the picture shows of the review is said: a rejected one stays, to be brought back.
  CHECK(named("Acme, organisation, rejected"));
  REQUIRE(set_entity_accepted(r.state, r.find("Jan Kowalski"), true));
  const int gdansk = r.find("Gda\xC5\x84sku");
  r.state.session()->doc.entities[static_cast<size_t>(gdansk)].confidence = 0.3f;  // as a model unsure of it gives it
  const std::string again = accessible_outline_json(r.state);
  CHECK(again.find("\"Jan Kowalski, person, accepted\"") != std::string::npos);
  CHECK(again.find("\"Gda\xC5\x84sku (Gda\xC5\x84sk), place, unsure\"") != std::string::npos);
  CHECK(j["quotes"].size() == 1);
  CHECK(j["groups"].size() >= 3);
  CHECK(spoken_label(r.state.doc(), "NORP") == "nationality or relational word derived from a place or people");
  CHECK(spoken_label(r.state.doc(), "XYZ") == "XYZ");
  // A window smaller than the text's one line still holds that line whole.
  const auto cut = nlohmann::json::parse(accessible_outline_json(r.state, 0, 10));
  CHECK(cut["truncated"] == false);
  CHECK(cut["paragraphs"].size() == 1);
  CHECK(cut["window"]["previous"] == -1);
  CHECK(cut["window"]["next"] == -1);
}

TEST_CASE("accessibility: a long text is outlined in windows of whole lines that cover it once") {
  Reviewer r;
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "Akapit " + std::to_string(i) + ": \xE2\x80\x9EWr\xC3\xB3" "c\xC4\x99 jutro\xE2\x80\x9D \xE2\x80\x93 powiedzia\xC5\x82 Jan Kowalski w Gda\xC5\x84sku.\n\n";
  }
  REQUIRE(load_text(r.state, text, "long").is_ok());
  const std::string& doc_text = r.state.doc().text;
  const size_t window = 200;
  std::string seen;
  long long from = 0;
  int windows = 0;
  size_t quotes = 0;
  long long previous_from = -1;
  while (from >= 0) {
    const auto j = nlohmann::json::parse(accessible_outline_json(r.state, static_cast<size_t>(from), window));
    const auto& w = j["window"];
    CHECK(w["from"].get<long long>() == from);
    CHECK(w["length"].get<size_t>() == doc_text.size());
    CHECK(w["to"].get<size_t>() - w["from"].get<size_t>() <= window);
    CHECK((w["previous"].get<long long>() < 0) == (from == 0));
    if (previous_from >= 0) {  // the window before reaches this one: stepping back skips nothing
      CHECK(w["previous"].get<long long>() <= previous_from);
      const auto back = nlohmann::json::parse(
          accessible_outline_json(r.state, static_cast<size_t>(w["previous"].get<long long>()), window));
      CHECK(back["window"]["to"].get<long long>() >= from);
    }
    for (const auto& para : j["paragraphs"]) {
      for (const auto& run : para) seen += run.is_string() ? run.get<std::string>() : run["text"].get<std::string>();
      seen += "|";
    }
    CHECK(j["truncated"] == (w["next"].get<long long>() >= 0));
    quotes += j["quotes"].size();  // each window: the quotations that begin in it
    previous_from = from;
    from = w["next"].get<long long>();
    ++windows;
    REQUIRE(windows < 100);
  }
  CHECK(windows > 5);
  CHECK(quotes == r.state.doc().quotes.size());
  CHECK(quotes >= 40);
  // Every line once, in order.
  std::string lines;
  for (size_t pos = 0; pos < doc_text.size();) {
    size_t eol = doc_text.find('\n', pos);
    if (eol == std::string::npos) eol = doc_text.size();
    if (eol > pos) lines += doc_text.substr(pos, eol - pos) + "|";
    pos = eol + 1;
  }
  CHECK(seen == lines);
  // A window asked for in the middle of a line starts at that line.
  const size_t mid = doc_text.find("Akapit 20") + 3;
  const auto j = nlohmann::json::parse(accessible_outline_json(r.state, mid, window));
  CHECK(j["window"]["from"].get<size_t>() == doc_text.find("Akapit 20"));
}

TEST_CASE("labels: a set saved from a document with an imported label (a name with spaces) loads again") {
  Reviewer r;
  // As an import gives it: a label no one typed in the editor.
  r.state.documents[static_cast<size_t>(r.state.current)]->doc.labels.push_back({"WORK OF ART", "#aabbcc", "imported label", ""});
  mark_changed(r.state);
  const std::string set = label_set_json(r.state);
  CHECK(set.find("WORK OF ART") != std::string::npos);
  Reviewer other;
  REQUIRE(apply_label_set(other.state, set).is_ok());
  CHECK(find_label(other.state.doc().labels, "WORK OF ART") >= 0);
}

TEST_CASE("labels: a set with a renamed label carries the rename; loaded, the document's entities of the first name take it") {
  Reviewer r;
  REQUIRE(rename_label(r.state, "PER", "OSOBA"));
  const std::string set = label_set_json(r.state);
  CHECK(set.find("\"renamed_from\": \"PER\"") != std::string::npos);
  Reviewer other;  // a colleague's document, tagged with the engine's names
  const auto count = [](const Document& d, const char* label) {
    return std::count_if(d.entities.begin(), d.entities.end(), [&](const Entity& e) { return e.label == label; });
  };
  const auto persons = count(other.state.doc(), "PER");
  REQUIRE(persons > 0);
  REQUIRE(apply_label_set(other.state, set).is_ok());
  const Document& doc = other.state.doc();
  CHECK(count(doc, "PER") == 0);
  CHECK(count(doc, "OSOBA") == persons);
  CHECK(find_label(doc.labels, "PER") < 0);
  const int osoba = find_label(doc.labels, "OSOBA");
  REQUIRE(osoba >= 0);
  CHECK(doc.labels[static_cast<size_t>(osoba)].renamed_from == "PER");
  // One step: Ctrl+Z brings PER back.
  undo(other.state);
  CHECK(count(other.state.doc(), "PER") == persons);
  CHECK(find_label(other.state.doc().labels, "OSOBA") < 0);
  // A set that keeps PER as well leaves the document's PER entities as they are.
  Reviewer third;
  const std::string both = "{\"format\": \"glosa-labels\", \"version\": 1, \"labels\": ["
                           "{\"name\": \"OSOBA\", \"color\": \"#112233\", \"renamed_from\": \"PER\"},"
                           "{\"name\": \"PER\", \"color\": \"#445566\"}]}";
  REQUIRE(apply_label_set(third.state, both).is_ok());
  CHECK(count(third.state.doc(), "PER") == persons);
}
