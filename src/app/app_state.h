// The annotator's state and the commands that change it, apart from any drawing, so tests
// can drive it without a GPU. Layer: app (depends on engine; no platform code).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/document_index.h"
#include "engine/engine.h"

namespace glosa::app {

// Services the platform layer provides (browser download, file picker, clock, ...).
// Any member may be empty; the app then hides or skips the feature.
struct PlatformServices {
  std::function<void(const std::string& filename, const std::string& content)> save_file;
  std::function<void()> open_file_dialog;    // the platform calls open_file() when one is picked
  std::function<void()> request_paste;       // read the clipboard; the platform calls load_text()
  std::function<double()> now_ms;            // monotonic milliseconds
  std::function<std::string()> now_iso;      // "2026-11-25T10:00:00Z"
  // Fetch the NER model for a language ("pl", "en") in the background; the platform loads it
  // into the engine and then calls on_model_loaded().
  std::function<void(const std::string& lang)> request_model;
};

enum class MessageKind : uint8_t { Info, Warning, Error };

struct AppState {
  // --- what is open ---
  Engine* engine = nullptr;              // not owned; must outlive the state
  Document doc;                          // empty text = the start screen
  std::string source_name;               // file name or "clipboard"
  double annotate_ms = 0;                // time of the last annotate() call
  uint64_t doc_revision = 0;             // bumps on every change: views re-layout on change
  bool is_imported = false;              // opened from an annotation file (never re-annotated)
  std::string sample_text;               // the bundled sample article, filled by the platform
  std::string loading_model;             // language whose model is being fetched, "" if none
  bool show_open_dialog = false;         // the Open dialog (Ctrl+O) is requested/visible

  // --- view state ---
  std::map<std::string, bool> hidden_labels;  // label name -> hidden in the document view
  int selected_entity = -1;                   // index into doc.entities, -1 = none
  int scroll_to_entity = -1;                  // one-shot request for the document view
  int selected_quote = -1;                    // index into doc.quotes, -1 = none
  int scroll_to_quote = -1;                   // one-shot request for the document view
  double flash_until_ms = 0;                  // the selected entity or quotation flashes until then
  // The entity list's mention cursor: clicking a group row shows its mentions one by one.
  std::string cycle_group;                    // id of the group last cycled through, "" = none
  int cycle_position = -1;                    // position in that group's mentions shown last
  std::string lang_override = "auto";         // "auto", "pl", "en"

  // --- corrections (app/editing.h) ---
  std::vector<Document> undo_stack;           // documents before each correction, oldest first
  std::vector<Document> redo_stack;           // documents an undo went back from
  int edit_count = 0;                         // corrections since the document was opened

  // --- status bar message ---
  std::string message;
  MessageKind message_kind = MessageKind::Info;

  PlatformServices services;

  // Derived lookups over `doc`, rebuilt by document_index() when doc_revision changes.
  DocumentIndex index;
};

// Annotates `raw` and makes it the open document. On failure (empty, too large) the open
// document stays exactly as it was and the message says why. `source_name` names the origin
// in messages ("clipboard", "artykul.txt").
Status load_text(AppState& state, std::string_view raw, std::string_view source_name);

// Opens a file by name and bytes: "*.json" is read as a Glosa annotation file (validated,
// nothing replaced on error); anything else is treated as plain text and annotated.
Status open_file(AppState& state, std::string_view name, std::string_view bytes);

// Replaces the open document by a validated file's content (the JS API's openDocument).
Status open_document_json(AppState& state, std::string_view json_text, std::string_view source_name);

// The annotation file of the open document, exactly what Download saves.
std::string document_json(const AppState& state);

// "<title>.glosa.json": the title is the first line of the text, shortened, with characters
// unsafe in file names replaced. "glosa.glosa.json" for an untitled document.
std::string document_filename(const AppState& state);

// The document's title: the article stage's (its first non-empty line, minus a leading
// "date ..." marker; see docs/ARTICLE.md).
std::string document_title(const Document& doc);

// Saves through the platform (Ctrl+S / the Download button). Sets a message either way.
void save_document(AppState& state);

// Enter in the Open dialog: opens the platform's file picker and closes the dialog. Called
// by the platform from its key handler, because browsers open a picker only while handling
// a user's input event. Returns false when the dialog is not showing.
bool confirm_open_dialog(AppState& state);

// Selects entity `index`, asks the view to scroll to it and flash it; clears a selected
// quotation. An index out of range clears the selection.
void select_entity(AppState& state, int index);

// Selects quotation `index`, asks the view to scroll to it and flash it; clears a selected
// entity. An index out of range clears the quotation selection.
void select_quote(AppState& state, int index);

// The index of the open document, rebuilt first if the document changed (doc_revision).
// Code that edits state.doc directly must bump doc_revision.
const DocumentIndex& document_index(AppState& state);

// True when entity `index` is drawn: its label is not hidden in the legend.
bool is_entity_visible(const AppState& state, int index);

// A click on group `group`'s row (index into doc.groups): selects, scrolls to and flashes
// the group's next visible mention. Next means: after the selected entity when that is one
// of the group's mentions (clicked in the text or the list); else after the one this cursor
// showed last for the same group; else the first. Wraps around after the last. Mentions
// of hidden labels are skipped. Returns the entity index shown, or -1 (no visible mention,
// bad index: nothing changes).
int show_next_mention(AppState& state, int group);

// The rows of the side panel for filter text `filter` (any case, diacritics optional: "lodz" finds Łódź), each list without
// entries of hidden labels:
//  - groups matching it, in list order (sort_groups_for_list); a group is listed when its
//    own label is shown;
//  - entities with no group (dates, amounts...: and every entity of a file without groups)
//    matching it, in text order;
//  - quotations matching it, in text order.
std::vector<int> list_groups(AppState& state, std::string_view filter);
std::vector<int> list_ungrouped_entities(AppState& state, std::string_view filter);
std::vector<int> list_quotes(AppState& state, std::string_view filter);

// Called by the platform when the model for `lang` has been loaded into the engine: a
// pasted document in that language that was annotated without it is annotated again.
void on_model_loaded(AppState& state, const std::string& lang);

bool has_document(const AppState& state);
// Forgets the selected entity and quotation, pending scrolls and the mention cursor: what
// refers to entities by index, after the entities changed.
void clear_selections(AppState& state);
void set_message(AppState& state, MessageKind kind, std::string text);

}  // namespace glosa::app
