// Tests for app/exchange: Export in other formats through the platform, opening a brat pair
// picked together, what open_file recognises by content, comparing with another annotator's
// file (refused for another text; stepping; taking theirs or keeping ours; undo), and the
// document of a shared link (opened once, at the view it carries).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app_state.h"
#include "app/editing.h"
#include "app/exchange.h"
#include "formats/annotation_json.h"
#include "formats/exchange.h"
#include "formats/zip.h"

using namespace glosa;
using namespace glosa::app;

namespace {

const char kGdansk[] =
    "Port Gda\xC5\x84sk podpisa\xC5\x82 umow\xC4\x99 z Ann\xC4\x85 Nowak w Warszawie 12 stycznia 2026 r.";

struct Exchange {
  Engine engine;
  AppState state;
  std::vector<std::pair<std::string, std::string>> saved;  // name, bytes
  int dialogs = 0;
  Exchange() {
    state.engine = &engine;
    state.services.now_ms = [] { return 1000.0; };
    state.services.save_file = [this](const std::string& name, const std::string& bytes) { saved.emplace_back(name, bytes); };
    state.services.open_file_dialog = [this] { ++dialogs; };
  }
  void tag(const char* words, const char* label) {
    const size_t b = state.doc().text.find(words);
    REQUIRE(b != std::string::npos);
    REQUIRE(add_entity(state, b, b + std::string(words).size(), label));
  }
  int find(const char* words) const {
    const size_t b = state.doc().text.find(words);
    for (size_t i = 0; i < state.doc().entities.size(); ++i) {
      if (state.doc().entities[i].begin_byte == b && state.doc().entities[i].status != ReviewStatus::Rejected) {
        return static_cast<int>(i);
      }
    }
    return -1;
  }
};

// The open document with Anna Nowak as a person and Warszawa as a place (rules may add dates).
void annotated(Exchange& x) {
  REQUIRE(load_text(x.state, kGdansk, "test").is_ok());
  if (x.find("Ann\xC4\x85 Nowak") < 0) x.tag("Ann\xC4\x85 Nowak", "PER");
  if (x.find("Warszawie") < 0) x.tag("Warszawie", "LOC");
}

}  // namespace

namespace {

// The files of the one .zip `x` saved last.
std::vector<ZipEntry> saved_zip(const Exchange& x) {
  REQUIRE_FALSE(x.saved.empty());
  const std::string& name = x.saved.back().first;
  REQUIRE(name.size() > 4);
  CHECK(name.substr(name.size() - 4) == ".zip");
  auto entries = read_zip(x.saved.back().second);
  REQUIRE(entries.is_ok());
  return entries.value();
}

}  // namespace

TEST_CASE("Export saves every format through the platform, one download each; brat's pair in a .zip, named after the title") {
  Exchange x;
  annotated(x);
  export_as(x.state, ExchangeFormat::Brat);
  REQUIRE(x.saved.size() == 1);
  const std::vector<ZipEntry> pair = saved_zip(x);
  REQUIRE(pair.size() == 2);
  CHECK(pair[0].name.size() > 4);
  CHECK(pair[0].name.substr(pair[0].name.size() - 4) == ".txt");
  CHECK(pair[1].name.substr(pair[1].name.size() - 4) == ".ann");
  CHECK(x.saved[0].first == pair[0].name.substr(0, pair[0].name.size() - 4) + ".brat.zip");
  CHECK(pair[0].bytes == x.state.doc().text);
  CHECK(pair[1].bytes.find("PER") != std::string::npos);
  CHECK(x.state.message.find("Downloaded") == 0);
  CHECK(x.state.message.find(pair[1].name) != std::string::npos);
  for (ExchangeFormat f : {ExchangeFormat::Conll, ExchangeFormat::Spacy, ExchangeFormat::Doccano, ExchangeFormat::LabelStudio,
                           ExchangeFormat::W3c, ExchangeFormat::Csv, ExchangeFormat::Html}) {
    x.saved.clear();
    export_as(x.state, f);
    INFO(format_name(f));
    REQUIRE(x.saved.size() == 1);
    CHECK(x.saved[0].second.find("Nowak") != std::string::npos);
  }
}

TEST_CASE("a W3C export carries its text (one .zip) and opens again by itself") {
  Exchange x;
  annotated(x);
  const size_t entities = x.state.doc().entities.size();
  export_as(x.state, ExchangeFormat::W3c);
  REQUIRE(x.saved.size() == 1);
  CHECK(x.saved[0].first.size() > 8);
  CHECK(x.saved[0].first.substr(x.saved[0].first.size() - 8) == ".w3c.zip");
  const std::vector<ZipEntry> files = saved_zip(x);
  REQUIRE(files.size() == 2);
  CHECK(files[0].name.substr(files[0].name.size() - 7) == ".jsonld");
  CHECK(files[1].bytes == x.state.doc().text);
  const size_t before = x.state.documents.size();
  REQUIRE(open_files(x.state, {{x.saved[0].first, x.saved[0].second}}).is_ok());
  REQUIRE(x.state.documents.size() == before + 1);
  CHECK(x.state.doc().entities.size() == entities);
}

TEST_CASE("Export without a document says so and saves nothing") {
  Exchange x;
  export_as(x.state, ExchangeFormat::Conll);
  CHECK(x.saved.empty());
  CHECK(x.state.message_kind == MessageKind::Warning);
}

TEST_CASE("a brat .ann picked with its .txt opens as one document; alone it asks for the text") {
  Exchange x;
  annotated(x);
  export_as(x.state, ExchangeFormat::Brat);
  const std::vector<ZipEntry> pair = saved_zip(x);
  REQUIRE(pair.size() == 2);
  const std::pair<std::string, std::string> txt{pair[0].name, pair[0].bytes}, ann{pair[1].name, pair[1].bytes};
  const size_t before = x.state.documents.size();
  const size_t entities = x.state.doc().entities.size();

  CHECK_FALSE(open_files(x.state, {{"alone.ann", ann.second}}).is_ok());
  CHECK(x.state.documents.size() == before);
  CHECK(x.state.message.find(".txt") != std::string::npos);

  // The .ann first and names in another case: still a pair.
  REQUIRE(open_files(x.state, {{"Article.ANN", ann.second}, {"article.txt", txt.second}}).is_ok());
  CHECK(x.state.documents.size() == before + 1);
  CHECK(x.state.doc().text == kGdansk);
  CHECK(x.state.doc().entities.size() == entities);
  CHECK(x.state.message.find("brat") != std::string::npos);

  // The downloaded .zip itself opens as the pair it holds, picked alone or through open_file.
  const std::string zip = x.saved.back().second;
  REQUIRE(open_files(x.state, {{"from-a-colleague.brat.zip", zip}}).is_ok());
  CHECK(x.state.documents.size() == before + 2);
  CHECK(x.state.doc().entities.size() == entities);
  REQUIRE(open_file(x.state, "again.zip", zip).is_ok());
  CHECK(x.state.documents.size() == before + 3);
}

TEST_CASE("a damaged, compressed or nested archive is refused with its reason; what else was picked opens") {
  Exchange x;
  annotated(x);
  const size_t before = x.state.documents.size();
  auto good = write_zip({{"a.txt", "Ala ma kota."}});
  REQUIRE(good.is_ok());
  std::string damaged = good.value();
  damaged[damaged.size() - 10] = '\x7f';  // the central directory's place
  const Status s = open_files(x.state, {{"damaged.zip", damaged}, {"note.txt", "Jan Kowalski mieszka w Krakowie."}});
  REQUIRE_FALSE(s.is_ok());
  CHECK(s.code() == ErrorCode::BadArchive);
  CHECK(x.state.documents.size() == before + 1);  // note.txt
  // The person reads both: what was wrong with the archive, and what opened.
  CHECK(x.state.message_kind == MessageKind::Error);
  CHECK(x.state.message.find("Cannot open damaged.zip") == 0);
  CHECK(x.state.message.find("note.txt") != std::string::npos);
  // An archive inside an archive is not opened; the text beside it is.
  auto nested = write_zip({{"inner.zip", good.value()}, {"b.txt", "Ola ma psa."}});
  REQUIRE(nested.is_ok());
  REQUIRE(open_files(x.state, {{"outer.zip", nested.value()}}).is_ok());
  CHECK(x.state.documents.size() == before + 2);
  CHECK(x.state.doc().text == "Ola ma psa.");
  CHECK(x.state.message.find("inner.zip in outer.zip is an archive itself") == 0);
}

TEST_CASE("every document of the collection exports as one .zip, each under its own unique name") {
  Exchange x;
  annotated(x);
  REQUIRE(load_text(x.state, "Jan Kowalski mieszka w Krakowie.", "a").is_ok());
  REQUIRE(load_text(x.state, "Jan Kowalski mieszka w Krakowie.\n\nMa psa.", "b").is_ok());  // the same title
  REQUIRE(x.state.documents.size() == 3);
  x.saved.clear();
  export_collection_as(x.state, ExchangeFormat::Conll);
  REQUIRE(x.saved.size() == 1);
  CHECK(x.saved[0].first == "glosa-collection.conll.zip");
  const std::vector<ZipEntry> files = saved_zip(x);
  REQUIRE(files.size() == 3);
  std::vector<std::string> names;
  for (const ZipEntry& f : files) names.push_back(f.name);
  std::sort(names.begin(), names.end());
  CHECK(std::unique(names.begin(), names.end()) == names.end());
  CHECK(std::any_of(names.begin(), names.end(), [](const std::string& n) { return n.find("-2.conll") != std::string::npos; }));
  CHECK(files[0].bytes.find("Nowak") != std::string::npos);
  CHECK(x.state.message.find("3 documents") != std::string::npos);
  // brat: a pair per document, which opens back as the same documents.
  x.saved.clear();
  export_collection_as(x.state, ExchangeFormat::Brat);
  const std::vector<ZipEntry> pairs = saved_zip(x);
  CHECK(pairs.size() == 6);
  const size_t before = x.state.documents.size();
  REQUIRE(open_files(x.state, {{x.saved[0].first, x.saved[0].second}}).is_ok());
  CHECK(x.state.documents.size() == before + 3);
  // The message tells the whole archive, not its last file's "1 document" (QA round 6).
  CHECK(x.state.message.find("Opened 3 documents from glosa-collection.brat.zip") == 0);
  // W3C: the annotations point into a text they do not hold, so the archive carries it too,
  // and opens back as the same documents with their entities.
  x.saved.clear();
  export_collection_as(x.state, ExchangeFormat::W3c);
  const std::vector<ZipEntry> w3c = saved_zip(x);
  CHECK(std::count_if(w3c.begin(), w3c.end(), [](const ZipEntry& e) { return e.name.size() > 4 && e.name.substr(e.name.size() - 4) == ".txt"; }) ==
        static_cast<long>(x.state.documents.size()));
  const size_t had = x.state.documents.size();
  const size_t entities = x.state.documents[0]->doc.entities.size();
  REQUIRE(open_files(x.state, {{x.saved[0].first, x.saved[0].second}}).is_ok());
  CHECK(x.state.documents.size() == 2 * had);
  CHECK(x.state.documents[had]->doc.entities.size() == entities);
}

TEST_CASE("Glosa's own HTML and CSV exports opened again are refused, not read as articles") {
  Exchange x;
  annotated(x);
  const size_t before = x.state.documents.size();
  const std::string open_text = x.state.doc().text;
  for (ExchangeFormat f : {ExchangeFormat::Html, ExchangeFormat::Csv}) {
    export_as(x.state, f);
    const std::string bytes = x.saved.back().second;
    const Status s = open_file(x.state, x.saved.back().first, bytes);
    REQUIRE_FALSE(s.is_ok());
    CHECK(s.message().find(".glosa.json") != std::string::npos);
    CHECK(x.state.documents.size() == before);
    CHECK(x.state.doc().text == open_text);
    CHECK(x.state.message_kind == MessageKind::Error);
  }
  // A text that merely mentions HTML is an article.
  REQUIRE(open_file(x.state, "note.txt", "<html> is the root element of a web page, said Anna Nowak.").is_ok());
  CHECK(x.state.documents.size() == before + 1);
}

TEST_CASE("files picked together: one that cannot open is still said when a later one opens") {
  Exchange x;
  REQUIRE_FALSE(open_files(x.state, {{"notes.jsonld", "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", "
                                                       "\"type\": \"AnnotationCollection\"}"},
                                      {"article.txt", "Jan Kowalski mieszka w Krakowie."}})
                    .is_ok());
  CHECK(x.state.documents.size() == 1);
  CHECK(x.state.message.find("notes.jsonld") != std::string::npos);
  CHECK(x.state.message.find("its .txt") != std::string::npos);
  // Whatever the order, the message says what opened, as a warning, not as a failure.
  Exchange y;
  REQUIRE_FALSE(open_files(y.state, {{"a.txt", "Jan Kowalski mieszka w Krakowie."},
                                     {"b.txt", "Anna Nowak pracuje w Gda\xC5\x84sku."},
                                     {"broken.glosa.json", "{\"text\": 12"}})
                    .is_ok());
  CHECK(y.state.documents.size() == 2);
  CHECK(y.state.message_kind == MessageKind::Warning);
  CHECK(y.state.message.find("Opened 2 of 3 files") == 0);
  CHECK(y.state.message.find("broken.glosa.json") != std::string::npos);
  CHECK(y.state.message.find("unchanged") == std::string::npos);
  // Annotated in the background, as in the browser: the annotation finishing a moment later
  // does not say "Annotated …" over it.
  Exchange z;
  std::vector<std::pair<uint64_t, std::string>> jobs;
  z.state.services.annotate_async = [&](uint64_t job, const std::string& text, const AnnotateOptions&) { jobs.emplace_back(job, text); };
  z.state.services.cancel_annotation = [](uint64_t) {};
  REQUIRE_FALSE(open_files(z.state, {{"a.txt", "Jan Kowalski mieszka w Krakowie."}, {"broken.glosa.json", "{\"text\": 12"}})
                    .is_ok());
  REQUIRE(jobs.size() == 1);
  CHECK(z.state.message.find("Opened 1 of 2 files") == 0);
  auto annotated = z.engine.annotate(jobs[0].second, AnnotateOptions{});
  REQUIRE(annotated.is_ok());
  on_annotated(z.state, jobs[0].first, annotated.value().doc, 1.0);
  CHECK(z.state.message.find("Opened 1 of 2 files") == 0);
  // None opens: both failures are said, as an error.
  Exchange none;
  REQUIRE_FALSE(open_files(none.state, {{"broken.glosa.json", "{\"text\": 12"}, {"empty.txt", "   "}}).is_ok());
  CHECK(none.state.message_kind == MessageKind::Error);
  CHECK(none.state.message.find("None of the 2 files") == 0);
  CHECK(none.state.message.find("broken.glosa.json") != std::string::npos);
  CHECK(none.state.message.find("empty.txt") != std::string::npos);
}

TEST_CASE("open_file recognises a format by its content, whatever the file is called") {
  Exchange x;
  annotated(x);
  export_as(x.state, ExchangeFormat::Doccano);
  const std::string doccano = x.saved.back().second;
  const size_t before = x.state.documents.size();
  REQUIRE(open_file(x.state, "export.jsonl", doccano).is_ok());
  CHECK(x.state.documents.size() == before + 1);
  REQUIRE(x.find("Ann\xC4\x85 Nowak") >= 0);
  CHECK(x.state.doc().entities[static_cast<size_t>(x.find("Ann\xC4\x85 Nowak"))].label == "PER");

  // UTF-16 text with a byte-order mark is decoded, not shown as garbage.
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("Ala ma kota.")) utf16 += std::string{c, '\0'};
  REQUIRE(open_file(x.state, "note.txt", utf16).is_ok());
  CHECK(x.state.doc().text == "Ala ma kota.");

  // A binary file is refused, and the open document stays.
  const std::string open_text = x.state.doc().text;
  CHECK_FALSE(open_file(x.state, "picture.txt", std::string("GIF89a\0\0\0\x01", 10)).is_ok());
  CHECK(x.state.doc().text == open_text);
  CHECK(x.state.message_kind == MessageKind::Error);
}

TEST_CASE("compare: another text is refused; the agreement steps, takes theirs, keeps ours, and follows undo") {
  Exchange x;
  annotated(x);
  // Their file: Anna Nowak an organisation, Warszawa left out.
  Document theirs = x.state.doc();
  for (Entity& e : theirs.entities) {
    if (e.label == "PER") e.label = "ORG";
  }
  const size_t warsaw = theirs.text.find("Warszawie");
  theirs.entities.erase(std::remove_if(theirs.entities.begin(), theirs.entities.end(),
                                       [&](const Entity& e) { return e.begin_byte == warsaw; }),
                        theirs.entities.end());

  Document other_text = theirs;
  other_text.text[0] = 'p';
  CHECK_FALSE(compare_with(x.state, "other.glosa.json", write_document(other_text, -1)).is_ok());
  CHECK_FALSE(x.state.comparison.active);
  CHECK(x.state.message.find("not the open document's") != std::string::npos);

  // Compare with… waits for the file picked next.
  begin_compare(x.state);
  CHECK(x.dialogs == 1);
  CHECK(x.state.comparison.pending);
  const size_t docs = x.state.documents.size();
  REQUIRE(open_files(x.state, {{"anna.glosa.json", write_document(theirs, -1)}}).is_ok());
  CHECK(x.state.documents.size() == docs);  // compared, not added
  const Comparison& c = x.state.comparison;
  REQUIRE(c.active);
  CHECK_FALSE(c.pending);
  REQUIRE(c.agreement.disagreements.size() == 2);
  CHECK(c.agreement.f1 < 1.0);
  CHECK(c.current == 0);
  CHECK(c.agreement.disagreements[0].kind == DisagreementKind::Label);  // Anna Nowak comes first
  CHECK(compare_step(x.state, +1));
  CHECK(c.current == 1);
  CHECK(c.agreement.disagreements[1].kind == DisagreementKind::OnlyA);
  CHECK(x.state.scroll_to_byte == warsaw);
  CHECK(compare_step(x.state, +1));
  CHECK(c.current == 0);  // round again

  // Take theirs: Anna Nowak becomes ORG, one undoable step; one disagreement is left.
  REQUIRE(take_version(x.state, true));
  const int anna = x.find("Ann\xC4\x85 Nowak");
  REQUIRE(anna >= 0);
  CHECK(x.state.doc().entities[static_cast<size_t>(anna)].label == "ORG");
  CHECK(x.state.doc().entities[static_cast<size_t>(anna)].origin == Origin::Person);
  CHECK(c.agreement.disagreements.size() == 1);

  // Undo: ours again, and the comparison, computed again, shows both disagreements.
  undo(x.state);
  CHECK(x.state.doc().entities[static_cast<size_t>(x.find("Ann\xC4\x85 Nowak"))].label == "PER");
  refresh_comparison(x.state);
  CHECK(c.agreement.disagreements.size() == 2);

  // Keep ours on "only here": Warszawa stays, accepted; the disagreement itself remains (the
  // other file still lacks it) and the view moves on.
  CHECK(compare_step(x.state, +1));
  REQUIRE(c.current == 1);
  REQUIRE(take_version(x.state, false));
  CHECK(c.current == 0);  // moved on (round to the first)
  const int w = x.find("Warszawie");
  REQUIRE(w >= 0);
  CHECK(x.state.doc().entities[static_cast<size_t>(w)].status == ReviewStatus::Accepted);
  CHECK(c.agreement.disagreements.size() == 2);

  // Taking theirs on "only here" removes ours.
  if (c.agreement.disagreements[static_cast<size_t>(c.current)].kind != DisagreementKind::OnlyA) compare_step(x.state, +1);
  REQUIRE(c.agreement.disagreements[static_cast<size_t>(c.current)].kind == DisagreementKind::OnlyA);
  REQUIRE(take_version(x.state, true));
  CHECK(x.find("Warszawie") < 0);
  CHECK(c.agreement.disagreements.size() == 1);

  // Close: the comparison is gone.
  end_compare(x.state);
  CHECK_FALSE(x.state.comparison.active);
}

TEST_CASE("a shared link's document opens once; a broken one changes nothing") {
  Exchange x;
  annotated(x);
  x.tag("12 stycznia", "DATE");
  const std::string json = write_document(x.state.doc(), -1);
  const size_t docs = x.state.documents.size();
  REQUIRE(open_shared_document(x.state, json).is_ok());
  CHECK(x.state.documents.size() == docs);  // the same document is already here: opened
  CHECK(x.state.message.find("already here") != std::string::npos);

  Document other = x.state.doc();
  other.entities.pop_back();
  REQUIRE(open_shared_document(x.state, write_document(other, -1)).is_ok());
  CHECK(x.state.documents.size() == docs + 1);
  CHECK(x.state.session()->source_name == "shared link");
  // The same text annotated otherwise (a link opened, then corrected, then opened again):
  // the message says the person's own copy is still there (QA round 6: it said nothing).
  CHECK(x.state.message.find("Your copy of the same text, annotated otherwise, stays in Documents") != std::string::npos);

  CHECK_FALSE(open_shared_document(x.state, json.substr(0, json.size() / 2)).is_ok());
  CHECK(x.state.documents.size() == docs + 1);
  CHECK(x.state.message_kind == MessageKind::Error);
}

TEST_CASE("share_document hands the open document's file to the platform") {
  Exchange x;
  std::string shared;
  x.state.services.share_link = [&](const std::string& json) { shared = json; };
  share_document(x.state);
  CHECK(shared.empty());
  CHECK(x.state.message_kind == MessageKind::Warning);
  annotated(x);
  share_document(x.state);
  auto back = read_document(shared);
  REQUIRE(back.is_ok());
  CHECK(back.value().text == kGdansk);
  CHECK(back.value().entities.size() == x.state.doc().entities.size());
}

TEST_CASE("a link opens the same view: the line the sender was reading, the selected entity, the hidden labels") {
  Exchange x;
  std::string shared;
  x.state.services.share_link = [&](const std::string& json) { shared = json; };
  annotated(x);
  const int nowak = x.find("Ann\xC4\x85 Nowak");
  REQUIRE(nowak >= 0);
  x.state.selected_entity = nowak;
  x.state.session()->view.byte = x.state.doc().text.find("z Ann");  // the top line starts there
  x.state.hidden_labels["LOC"] = true;
  x.state.hidden_labels["NOT IN IT"] = true;  // a label of no entity here: not the link's
  share_document(x.state);
  const auto link = nlohmann::json::parse(shared);
  CHECK(link["view"]["start"] == 27);  // code points: ń, ł and ę of the words before it count one each
  CHECK(link["view"]["selected"] == x.state.doc().entities[static_cast<size_t>(nowak)].id);
  CHECK(link["view"]["hidden_labels"] == nlohmann::json::array({"LOC"}));

  // Another browser: nothing hidden there, and PER hidden (the link shows it again).
  Exchange other;
  other.state.hidden_labels["PER"] = true;
  REQUIRE(open_shared_document(other.state, shared).is_ok());
  CHECK(other.state.session()->source_name == "shared link");
  CHECK(other.state.restore_pending);
  CHECK(other.state.restore_view.byte == x.state.doc().text.find("z Ann"));
  CHECK(other.state.restore_view.selection_seen);
  REQUIRE(other.state.selected_entity >= 0);
  CHECK(other.state.doc().entities[static_cast<size_t>(other.state.selected_entity)].begin_byte ==
        x.state.doc().entities[static_cast<size_t>(nowak)].begin_byte);
  CHECK(other.state.hidden_labels["LOC"]);
  CHECK_FALSE(other.state.hidden_labels["PER"]);
  CHECK(other.state.message.find("hidden as in the link: LOC") != std::string::npos);

  // A link without a view (an older one) leaves the legend as it is; a hostile view is passed over.
  Exchange third;
  third.state.hidden_labels["PER"] = true;
  REQUIRE(open_shared_document(third.state, write_document(x.state.doc(), -1)).is_ok());
  CHECK(third.state.hidden_labels["PER"]);
  CHECK(third.state.selected_entity < 0);
  auto hostile = link;
  hostile["view"] = {{"start", 1u << 30}, {"selected", 7}, {"hidden_labels", {"LOC", 3, nullptr}}};
  Exchange fourth;
  REQUIRE(open_shared_document(fourth.state, hostile.dump()).is_ok());
  CHECK(fourth.state.restore_view.byte == 0);
  CHECK(fourth.state.selected_entity < 0);
  CHECK(fourth.state.hidden_labels["LOC"]);
}

// --- Files that are not UTF-8: read as Windows-1250, or repaired, and said ---

namespace {

// Windows-1250 bytes, written out by hand, and the same sentence in UTF-8.
const std::string kWindows1250Article =
    "Sejm przyj\xB9\xB3 ustaw\xEA o \x84ochronie \x9Crodowiska\x94 \x96 m\xF3wi\xB3 pose\xB3.";
const std::string kArticleUtf8 = "Sejm przyjął ustawę o „ochronie środowiska” – mówił poseł.";
// Latin-1 Spanish: not UTF-8, and not taken as Windows-1250 (¿ is no Polish ż).
const std::string kLatin1Article = "\xBF" "D\xF3nde est\xE1 el ni\xF1o? Ma\xF1" "ana, se\xF1or.";

}  // namespace

TEST_CASE("a Polish Windows-1250 file opens with its letters, and the person is told how it was read") {
  Exchange x;
  REQUIRE(open_file(x.state, "stary.txt", kWindows1250Article).is_ok());
  REQUIRE(x.state.documents.size() == 1);
  CHECK(x.state.doc().text == kArticleUtf8);
  CHECK(x.state.session()->read_as == TextEncoding::Windows1250);
  CHECK(x.state.session()->invalid_utf8_count == 0);
  CHECK(x.state.message_kind == MessageKind::Warning);
  CHECK(x.state.message == "stary.txt was not UTF-8: read as Windows-1250 (Central European)");
  // The rule does not fire for Latin-1: invalid UTF-8 is replaced and said, as before.
  REQUIRE(open_file(x.state, "hiszp.txt", kLatin1Article).is_ok());
  CHECK(x.state.session()->read_as == TextEncoding::Utf8);
  CHECK(x.state.session()->invalid_utf8_count == 6);
  CHECK(x.state.message == "hiszp.txt: 6 invalid UTF-8 sequence(s) were replaced by \xEF\xBF\xBD");
  // UTF-8 is read as it is, and nothing is said about it.
  REQUIRE(open_file(x.state, "nowy.txt", kGdansk).is_ok());
  CHECK(x.state.doc().text == kGdansk);
  CHECK(x.state.session()->read_as == TextEncoding::Utf8);
  CHECK(x.state.message.find("Annotated nowy.txt") == 0);
}

TEST_CASE("files opened together: how each was decoded is said once, and no later \"Annotated …\" replaces it") {
  const std::vector<OpenedFile> files = {
      {"stary.txt", kWindows1250Article}, {"nowy.txt", kGdansk}, {"hiszp.txt", kLatin1Article}};
  const std::string expected =
      "Opened 3 files; stary.txt was read as Windows-1250 (Central European); hiszp.txt had invalid UTF-8 replaced by "
      "\xEF\xBF\xBD";
  SUBCASE("annotated at once") {
    Exchange x;
    REQUIRE(open_files(x.state, files).is_ok());
    CHECK(x.state.documents.size() == 3);
    CHECK(x.state.message_kind == MessageKind::Warning);
    CHECK(x.state.message == expected);
  }
  SUBCASE("annotated in the background, as in the browser: the annotations arrive after the message") {
    Exchange x;
    std::vector<std::pair<uint64_t, std::string>> jobs;
    x.state.services.annotate_async = [&](uint64_t job, const std::string& text, const AnnotateOptions&) {
      jobs.emplace_back(job, text);
    };
    x.state.services.cancel_annotation = [](uint64_t) {};
    REQUIRE(open_files(x.state, files).is_ok());
    CHECK(x.state.message == expected);
    REQUIRE(jobs.size() == 3);
    for (const auto& [job, text] : jobs) {
      auto annotated = x.engine.annotate(text, AnnotateOptions{});
      REQUIRE(annotated.is_ok());
      on_annotated(x.state, job, annotated.value().doc, 1.0);
      CHECK(x.state.message == expected);
    }
    // Annotated again later, the document says its note again, as a file opened alone does.
    x.state.keep_warning_until_ms = 0;
    REQUIRE(select_document(x.state, 0));
    jobs.clear();
    reannotate(x.state, "pl");
    REQUIRE(jobs.size() == 1);
    auto again = x.engine.annotate(jobs[0].second, AnnotateOptions{});
    REQUIRE(again.is_ok());
    on_annotated(x.state, jobs[0].first, again.value().doc, 1.0);
    CHECK(x.state.message == "stary.txt was not UTF-8: read as Windows-1250 (Central European)");
  }
  SUBCASE("with a file that cannot open, and many old files: one readable line") {
    Exchange x;
    std::vector<OpenedFile> many = {{"broken.glosa.json", "{\"text\": 12"}};
    for (int i = 1; i <= 5; ++i) {
      many.push_back({"stary" + std::to_string(i) + ".txt", std::to_string(i) + ". " + kWindows1250Article});
    }
    REQUIRE_FALSE(open_files(x.state, many).is_ok());
    CHECK(x.state.documents.size() == 5);
    CHECK(x.state.message_kind == MessageKind::Warning);
    CHECK(x.state.message.find("Opened 5 of 6 files; Cannot open broken.glosa.json: ") == 0);
    const std::string tail =
        "; stary1.txt, stary2.txt and 3 more were read as Windows-1250 (Central European)";
    REQUIRE(x.state.message.size() > tail.size());
    CHECK(x.state.message.substr(x.state.message.size() - tail.size()) == tail);
  }
  SUBCASE("UTF-8 files only: nothing to say beyond what opening one says") {
    Exchange x;
    REQUIRE(open_files(x.state, {{"a.txt", "Jan Kowalski mieszka w Krakowie."}, {"b.txt", kGdansk}}).is_ok());
    CHECK(x.state.message.find("Annotated b.txt") == 0);
  }
}
