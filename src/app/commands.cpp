// The command list: every button and menu item of the app as a command. Layer: app.
#include "app/commands.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "app/accessibility.h"
#include "app/document_index.h"
#include "app/editing.h"
#include "app/exchange.h"
#include "app/find.h"
#include "app/review.h"
#include "app/ui.h"
#include "engine/text/unicode.h"

namespace glosa::app {

namespace {

// Builds the list: add() skips what cannot run now, so a disabled command is never listed.
class CommandList {
 public:
  explicit CommandList(std::vector<Command>* out) : out_(out) {}
  Command* add(bool enabled, std::string id, std::string title, std::string keys,
               std::function<void(AppState&, UiResources&)> run, bool palette_only = false) {
    if (!enabled) return nullptr;
    out_->push_back(Command{std::move(id), std::move(title), std::move(keys), palette_only, std::move(run), {}, {}});
    return &out_->back();
  }
  // The last command added asks `question` first; `confirmed` acts without asking.
  void asks(Command* c, std::string question, std::function<void(AppState&, UiResources&)> confirmed) {
    if (!c) return;
    c->question = std::move(question);
    c->confirmed = std::move(confirmed);
  }

 private:
  std::vector<Command>* out_;
};

std::string quoted(const std::string& title) {
  return "\xE2\x80\x9E" + display_text(title.empty() ? std::string("untitled") : title, 60) + "\xE2\x80\x9D";
}

void open_document_commands(AppState& state, CommandList& list) {
  const bool doc = has_document(state);
  const DocumentSession* open = state.session();
  list.add(doc, "download", "Download the annotation file (.glosa.json)", "Ctrl+S",
           [](AppState& s, UiResources&) { save_document(s); });
  for (ExchangeFormat f : kExportFormats) {
    list.add(doc, std::string("export:") + format_name(f), std::string("Export as ") + format_title(f), "",
             [f](AppState& s, UiResources&) { export_as(s, f); });
  }
  list.add(doc, "link", "Copy a link that opens this document", "",
           [](AppState& s, UiResources&) { share_document(s); });
  // Through the Open dialog, as Open files…: its Enter is a key press the browser shows a
  // file picker for; a picker asked for from a frame was refused.
  list.add(doc && !state.comparison.active, "compare", "Compare with another annotator's file\xE2\x80\xA6", "",
           [](AppState& s, UiResources&) {
             begin_compare_later(s);
             s.show_open_dialog = true;
           });
  const bool done = open && open->is_done;
  list.add(doc, "done", done ? "Mark this document not done" : "Mark this document done", "",
           [](AppState& s, UiResources&) {
             const DocumentSession* o = s.session();
             if (o) set_document_done(s, s.current, !o->is_done);
           });
  list.add(doc && state.review_mode, "review", "Leave review mode", "R",
           [](AppState& s, UiResources&) { set_review_mode(s, false); });
  list.add(doc && !state.review_mode, "review", "Review: the least certain entities first", "R",
           [](AppState& s, UiResources&) { set_review_mode(s, true); });
  list.add(doc && state.review_mode, "accept-all", "Accept all remaining entities", "",
           [](AppState& s, UiResources&) { accept_all_remaining(s); });
  // (In the page's list too: the page then gives the canvas the keys, for the find bar's field.)
  list.add(doc, "find", "Find words in the text", "Ctrl+F", [](AppState& s, UiResources&) { open_find(s); });
  list.add(can_undo(state), "undo", "Undo the last correction", "Ctrl+Z", [](AppState& s, UiResources&) { undo(s); });
  list.add(can_redo(state), "redo", "Redo", "Ctrl+Y", [](AppState& s, UiResources&) { redo(s); });
  list.add(open && open->is_annotating(), "cancel", "Cancel the annotation of this document", "",
           [](AppState& s, UiResources&) { cancel_annotation(s); });
  // The language the document is annotated in (each document keeps its own).
  static const char* const kLanguages[][2] = {{"pl", "Polish"}, {"en", "English"}, {"auto", "the detected language"}};
  for (const auto& [code, name] : kLanguages) {
    const std::string lang = code;
    const bool chosen = open && (open->annotation_lang == lang || (lang == "auto" && open->annotation_lang.empty()));
    list.add(doc && !chosen, "language:" + lang, std::string("Annotate again in ") + name, "",
             [lang](AppState& s, UiResources&) { reannotate(s, lang); });
  }
  list.add(doc, "remove", "Remove this document", "", [](AppState& s, UiResources&) { remove_document(s, s.current); });
  // Comparing with another annotator's file (compare_bar.cpp has the same buttons).
  const bool comparing = doc && state.comparison.active;
  list.add(comparing, "compare-next", "Comparing: next disagreement", "N",
           [](AppState& s, UiResources&) { compare_step(s, +1); });
  list.add(comparing, "compare-previous", "Comparing: previous disagreement", "Shift+N",
           [](AppState& s, UiResources&) { compare_step(s, -1); });
  list.add(comparing, "compare-theirs", "Comparing: take their version", "T",
           [](AppState& s, UiResources&) { take_version(s, true); });
  list.add(comparing, "compare-ours", "Comparing: keep ours", "K",
           [](AppState& s, UiResources&) { take_version(s, false); });
  list.add(comparing, "compare-end", "Stop comparing", "", [](AppState& s, UiResources&) { end_compare(s); });
}

// The selected entity's corrections (its menu's): a screen reader's user selects it in the
// mirror, then finds these among the commands.
void selected_entity_commands(AppState& state, CommandList& list) {
  const Document& doc = state.doc();
  const int i = state.selected_entity;
  if (!has_document(state) || i < 0 || i >= static_cast<int>(doc.entities.size())) return;
  const Entity& e = doc.entities[static_cast<size_t>(i)];
  const std::string name = quoted(std::string(entity_text(doc, e)));
  // Each command finds its entity again by span: a correction renumbers the entities.
  const size_t begin = e.begin_byte, end = e.end_byte;
  const auto at = [begin, end](AppState& s) {
    const auto& all = s.doc().entities;
    for (size_t k = 0; k < all.size(); ++k) {
      if (all[k].begin_byte == begin && all[k].end_byte == end) return static_cast<int>(k);
    }
    return -1;
  };
  if (e.status == ReviewStatus::Rejected) {
    list.add(true, "entity:restore", "Restore " + name, "", [at](AppState& s, UiResources&) { restore_entity(s, at(s)); });
    return;
  }
  list.add(e.status != ReviewStatus::Accepted, "entity:accept", "Accept " + name + " (" + spoken_label(doc, e.label) + ")",
           "Enter", [at](AppState& s, UiResources&) { set_entity_accepted(s, at(s), true); });
  list.add(true, "entity:reject", "Reject " + name, "X", [at](AppState& s, UiResources&) { reject_entity(s, at(s)); });
  for (const LabelInfo& l : doc.labels) {
    if (l.name == e.label) continue;
    const std::string label = l.name;
    list.add(true, "entity:label:" + label, "Label " + name + " as " + spoken_label(doc, label) + " (" + label + ")", "",
             [at, label](AppState& s, UiResources&) { set_entity_label(s, at(s), label); });
  }
  const int g = find_group(doc, e.group);
  size_t mentions = 0;
  for (const Entity& x : doc.entities) mentions += !e.group.empty() && x.group == e.group && x.status != ReviewStatus::Rejected ? 1 : 0;
  if (g < 0 || mentions < 2) return;
  const std::string group = quoted(doc.groups[static_cast<size_t>(g)].name);
  const std::string id = e.group;
  const auto group_at = [id](AppState& s) { return find_group(s.doc(), id); };
  for (const LabelInfo& l : doc.labels) {
    const std::string label = l.name;
    list.add(true, "group:label:" + label,
             "Label all " + std::to_string(mentions) + " mentions of " + group + " as " + spoken_label(doc, label) + " (" + label + ")",
             "", [group_at, label](AppState& s, UiResources&) { relabel_group(s, group_at(s), label); });
  }
  list.add(true, "group:accept", "Accept all " + std::to_string(mentions) + " mentions of " + group, "",
           [group_at](AppState& s, UiResources&) { set_group_review(s, group_at(s), true); });
  list.add(true, "group:reject", "Reject all " + std::to_string(mentions) + " mentions of " + group, "",
           [group_at](AppState& s, UiResources&) { set_group_review(s, group_at(s), false); });
  list.add(true, "entity:split", "Split " + name + " off into a group of its own", "",
           [at](AppState& s, UiResources&) { split_mention(s, at(s)); });
}

void collection_commands(AppState& state, CommandList& list, bool each_document) {
  const size_t n = state.documents.size();
  list.add(static_cast<bool>(state.services.request_paste), "paste", "Paste an article as a new document", "Ctrl+V",
           [](AppState& s, UiResources&) { s.services.request_paste(); });
  // The Open dialog, as Ctrl+O: browsers show a file picker only while handling a click or a
  // key press, and the dialog's Enter is one (app_state.h, confirm_open_dialog).
  list.add(static_cast<bool>(state.services.open_file_dialog), "open", "Open files\xE2\x80\xA6", "Ctrl+O",
           [](AppState& s, UiResources&) { s.show_open_dialog = true; });
  list.add(n > 1, "next-document", "Next document", "Alt+PgDn",
           [](AppState& s, UiResources&) { select_next_document(s, +1); });
  list.add(n > 1, "previous-document", "Previous document", "Alt+PgUp",
           [](AppState& s, UiResources&) { select_next_document(s, -1); });
  list.add(!state.removed.empty(), "bring-back",
           state.removed.empty() ? std::string() : "Bring back " + quoted(document_title(state.removed.back().session->doc)),
           "Ctrl+Z", [](AppState& s, UiResources&) { restore_removed_document(s); });
  // Any removed document, not only the last (the store keeps them kKeepRemovedDays).
  for (size_t i = 0; each_document && i + 1 < state.removed.size(); ++i) {
    const std::string id = state.removed[i].session->id;
    list.add(true, "bring-back:" + id, "Bring back " + quoted(document_title(state.removed[i].session->doc)), "",
             [id](AppState& s, UiResources&) { restore_removed_document(s, id); }, /*palette_only=*/true);
  }
  list.add(n > 0, "retag", "Re-tag with what I taught", "", [](AppState& s, UiResources&) { retag_with_taught(s); });
  const bool taught = taught_total(state) > 0;
  list.add(taught && state.services.export_taught, "taught-save", "Save what my corrections taught\xE2\x80\xA6", "",
           [](AppState& s, UiResources&) { save_taught(s); });
  list.asks(list.add(taught, "taught-forget", "Forget what my corrections taught\xE2\x80\xA6", "",
                     [](AppState&, UiResources& ui) { ui.confirm_forget = true; }),
            "Forget what your corrections taught the tagger (" + std::to_string(taught_total(state)) +
                " learnt weights)? Your documents and corrections stay. This cannot be undone: "
                "to keep a copy, choose Cancel, then Save what my corrections taught.",
            [](AppState& s, UiResources&) { forget_taught(s); });
  list.add(n > 0, "export-all", "Export all documents as one .jsonl file", "",
           [](AppState& s, UiResources&) { download_collection_jsonl(s); });
  list.add(n > 1, "export-all:glosa", "Export all documents as Glosa files, in one .zip", "",
           [](AppState& s, UiResources&) { export_collection_as(s, ExchangeFormat::Glosa); });
  for (ExchangeFormat f : kExportFormats) {
    list.add(n > 1, std::string("export-all:") + format_name(f),
             std::string("Export all documents as ") + format_title(f) + ", in one .zip", "",
             [f](AppState& s, UiResources&) { export_collection_as(s, f); });
  }
  // Also when only removed documents are left: they are kept in the browser too.
  const size_t removed = state.removed.size();
  list.asks(list.add(n + removed > 0, "clear", "Clear local data\xE2\x80\xA6", "",
                     [](AppState&, UiResources& ui) { ui.confirm_clear = true; }),
            "Remove " + documents_to_clear(n, removed) + ", your corrections and what they taught from this browser? "
            "Files you downloaded are not touched. This cannot be undone.",
            [](AppState& s, UiResources&) { clear_collection(s); });
  list.add(!state.sample_text.empty(), "sample", "Open the sample article", "",
           [](AppState& s, UiResources&) { load_text(s, s.sample_text, "sample article"); });
  // Every other document, by title: the palette is also a way to switch documents.
  for (size_t i = 0; each_document && i < n; ++i) {
    if (static_cast<int>(i) == state.current) continue;
    DocumentSession& s = *state.documents[i];
    const std::string id = s.id;
    list.add(true, "document:" + id, "Go to " + quoted(cached_summary(s).title), "",
             [id](AppState& st, UiResources&) { select_document(st, find_document(st, id)); }, /*palette_only=*/true);
  }
}

void view_commands(AppState& state, UiResources& ui, CommandList& list) {
  list.add(true, "panel:documents", ui.show_documents ? "Hide the Documents panel" : "Show the Documents panel", "",
           [](AppState&, UiResources& u) {
             u.show_documents = !u.show_documents;
             if (u.show_documents && u.compact) u.show_side_panel = false;
           }, /*palette_only=*/true);
  list.add(has_document(state) && ui.compact, "panel:entities",
           ui.show_side_panel ? "Hide the entities panel" : "Show the entities panel", "", [](AppState&, UiResources& u) {
             u.show_side_panel = !u.show_side_panel;
             if (u.show_side_panel) u.show_documents = false;
           }, /*palette_only=*/true);
  if (has_document(state)) {
    for (const LabelInfo& l : state.doc().labels) {
      const auto it = state.hidden_labels.find(l.name);
      const bool hidden = it != state.hidden_labels.end() && it->second;
      const std::string name = l.name;
      const std::string what = l.description.empty() ? l.name : l.name + " (" + spoken_label(state.doc(), l.name) + ")";
      list.add(true, "label:" + name, (hidden ? "Show " : "Hide ") + what + " in the text", "",
               [name, hidden](AppState& s, UiResources&) { s.hidden_labels[name] = !hidden; }, /*palette_only=*/true);
    }
  }
  list.add(has_document(state), "labels", "Edit the label set\xE2\x80\xA6", "",
           [](AppState&, UiResources& u) { u.show_labels_editor = true; }, /*palette_only=*/true);
  list.add(true, "shortcuts", "Keyboard shortcuts", "?", [](AppState&, UiResources& u) { u.show_shortcuts = true; },
           /*palette_only=*/true);
}

}  // namespace

std::vector<Command> available_commands(AppState& state, UiResources& ui, bool each_document) {
  std::vector<Command> out;
  CommandList list(&out);
  selected_entity_commands(state, list);
  open_document_commands(state, list);
  collection_commands(state, list, each_document);
  view_commands(state, ui, list);
  return out;
}

bool run_command(AppState& state, UiResources& ui, std::string_view id, bool confirmed) {
  for (Command& c : available_commands(state, ui)) {
    if (c.id != id) continue;
    if (confirmed && c.confirmed) c.confirmed(state, ui);
    else c.run(state, ui);
    return true;
  }
  return false;
}

bool command_matches(const Command& command, std::string_view query) {
  const std::string haystack = search_fold(command.title + " " + command.keys);
  const std::string folded = search_fold(query);
  size_t at = 0;
  while (at < folded.size()) {
    const size_t end = std::min(folded.find(' ', at), folded.size());
    if (end > at && haystack.find(folded.substr(at, end - at)) == std::string::npos) return false;
    at = end + 1;
  }
  return true;
}

std::string commands_json(AppState& state, UiResources& ui) {
  nlohmann::json out = nlohmann::json::array();
  for (const Command& c : available_commands(state, ui, /*each_document=*/false)) {
    if (c.palette_only) continue;
    nlohmann::json item = {{"id", c.id}, {"title", c.title}, {"keys", c.keys}};
    if (!c.question.empty()) item["question"] = c.question;
    out.push_back(std::move(item));
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace glosa::app
