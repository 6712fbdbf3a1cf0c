// The annotator's state and the commands that change it, apart from any drawing, so tests
// can drive it without a GPU. Layer: app (depends on engine; no platform code).
//
// The state holds a collection of documents (DocumentSession, app/session.h); one of them
// is open. Every command that changes a document bumps its revision, and the platform
// saves changed documents a moment later (autosave_tick). Annotation may run in the
// background (PlatformServices::annotate_async): the text shows at once, the entities
// arrive through on_annotated().
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/document_index.h"
#include "app/exchange.h"
#include "app/find.h"
#include "app/session.h"
#include "engine/engine.h"

namespace glosa::app {

// Services the platform layer provides (browser download, file picker, clock, worker,
// storage...). Any member may be empty; the app then hides the feature or does the work
// itself (annotation then runs synchronously, nothing is stored).
struct PlatformServices {
  std::function<void(const std::string& filename, const std::string& content)> save_file;
  std::function<void()> open_file_dialog;    // the platform calls open_file() when one is picked
  std::function<void()> request_paste;       // read the clipboard; the platform calls load_text()
  std::function<double()> now_ms;            // monotonic milliseconds
  std::function<std::string()> now_iso;      // "2026-11-25T10:00:00Z"
  std::function<double()> wall_ms;           // milliseconds since 1970 (list order)
  // Fetch the NER model for a language ("pl", "en") in the background; the platform loads it
  // into the engine(s) and then calls on_model_loaded().
  std::function<void(const std::string& lang)> request_model;
  // Annotate `text` in the background as job `job`; the platform calls on_annotated() with
  // the result (or on_annotation_failed), and may call on_annotation_progress() meanwhile.
  std::function<void(uint64_t job, const std::string& text, const AnnotateOptions& options)> annotate_async;
  std::function<void(uint64_t job)> cancel_annotation;
  // Derive groups, quotations and article facts of `doc` (Engine::refresh_document) in the
  // background as job `job`; the platform calls on_refreshed() with the result. Used for
  // long texts only (kSyncRefreshBytes): short ones are refreshed at once.
  std::function<void(uint64_t job, const Document& doc)> refresh_async;
  // Local storage: write a document (the platform calls on_stored() when done or failed),
  // forget one, forget everything.
  std::function<void(const DocumentSession& session)> store_document;
  std::function<void(const std::string& id)> unstore_document;
  std::function<void()> clear_store;
  // What corrections teach the tagger (engine.h: learn): the platform learns from a stored
  // document whose store meta says so; these export (download), import (bytes of a
  // GLOSAADP file) and forget what was taught, and call on_taught() with the size.
  std::function<void(const std::string& lang)> export_taught;
  std::function<void(const std::string& bytes)> import_taught;
  std::function<void()> reset_taught;
  // Copy link: the platform puts `document_json` into a link (compressed into the URL's
  // fragment: it never reaches a server) and on the clipboard, or says why it cannot.
  std::function<void(const std::string& document_json)> share_link;
  // Puts plain text on the system clipboard (Copy).
  std::function<void(const std::string& text)> copy_text;
  // The open document changed (the platform remembers it for the next visit).
  std::function<void(const std::string& id)> store_current;
};

enum class MessageKind : uint8_t { Info, Warning, Error };

// A removed document, kept so that it can be brought back (its place: the session's
// removed_position); removed in this page or restored from the store as removed.
struct RemovedDocument {
  std::unique_ptr<DocumentSession> session;
  uint64_t sequence = 0;   // AppState::edit_sequence when it was removed
};

struct AppState {
  // --- the collection ---
  Engine* engine = nullptr;                                  // not owned; must outlive the state
  std::vector<std::unique_ptr<DocumentSession>> documents;   // in list order
  int current = -1;                                          // open document, -1 = start screen
  std::vector<RemovedDocument> removed;                      // this page's removed documents
  uint64_t next_key = 1;                                     // DocumentSession::key source
  uint64_t next_job = 1;                                     // annotation job ids
  uint64_t edit_sequence = 0;                                // EditStep::sequence source
  uint64_t doc_revision = 0;   // bumps on every change of the open document or of which is open
  std::string sample_text;     // the bundled sample article, filled by the platform
  std::string loading_model;   // language whose model is being fetched, "" if none
  std::vector<std::string> ready_models;  // languages whose model the platform has loaded
  bool show_open_dialog = false;  // the Open dialog (Ctrl+O) is requested/visible
  // Until then (now_ms), an annotation finishing does not say "Annotated …" over the
  // warning or error showing (what several files opened together came to).
  double keep_warning_until_ms = 0;

  // --- what corrections taught the tagger, per language: features with a learnt delta ---
  std::map<std::string, size_t> taught;
  // What the last "Re-tag with what I taught" changed, counted as its documents come back
  // (DocumentSession::retagging) and said in one message when the last one has.
  struct RetagReport {
    size_t documents = 0;  // came back
    size_t relabelled = 0; // same words, another label
    size_t added = 0;      // words tagged that were not
    size_t dropped = 0;    // words no longer tagged
  } retag;
  // Documents annotated in the background since nothing was being annotated (a .jsonl, files
  // dropped together): when the last comes back, one message counts them all.
  struct AnnotationRun {
    size_t documents = 0;
    size_t entities = 0;
    std::string source;      // the first one's file name
    bool one_source = true;  // every one came from that file
  } annotation_run;

  // --- local saving ---
  bool storage_failed = false;     // the last save failed (message says why)
  double last_saved_wall_ms = 0;   // when a document was last stored, 0 = never
  double storage_used_bytes = -1;  // as the platform estimates it, -1 = unknown
  double storage_quota_bytes = -1;

  // --- view state of the open document ---
  std::map<std::string, bool> hidden_labels;  // label name -> hidden in the document view
  int selected_entity = -1;                   // index into doc().entities, -1 = none
  int scroll_to_entity = -1;                  // one-shot request for the document view
  int selected_quote = -1;                    // index into doc().quotes, -1 = none
  int scroll_to_quote = -1;                   // one-shot request for the document view
  double flash_until_ms = 0;                  // the selected entity or quotation flashes until then
  // The entity list's mention cursor: clicking a group row shows its mentions one by one.
  std::string cycle_group;                    // id of the group last cycled through, "" = none
  int cycle_position = -1;                    // position in that group's mentions shown last
  // One-shot: the view goes to restore_view (a document was opened), once the document's
  // header has been drawn and its height is known.
  ViewPosition restore_view;
  bool restore_pending = false;
  bool review_mode = false;                   // Enter / X move through the review queue (app/review.h)
  FindState find;                             // the find bar (app/find.h)
  Comparison comparison;                      // another annotator's file, compared (app/exchange.h)
  size_t scroll_to_byte = SIZE_MAX;           // one-shot: the view brings this byte into sight
  // Text selected for copying (bytes): words dragged over, or the whole text (Ctrl+A).
  size_t copy_begin = 0;
  size_t copy_end = 0;

  // --- status bar message ---
  std::string message;
  MessageKind message_kind = MessageKind::Info;

  PlatformServices services;

  // Derived lookups over doc(), rebuilt by document_index() when doc_revision changes.
  DocumentIndex index;

  // The open document (an empty one when none is open: has_document() is then false).
  Document& doc() { return current >= 0 ? documents[static_cast<size_t>(current)]->doc : no_document_; }
  const Document& doc() const { return current >= 0 ? documents[static_cast<size_t>(current)]->doc : no_document_; }
  // The open document's session, or null.
  DocumentSession* session() { return current >= 0 ? documents[static_cast<size_t>(current)].get() : nullptr; }
  const DocumentSession* session() const { return current >= 0 ? documents[static_cast<size_t>(current)].get() : nullptr; }

 private:
  Document no_document_;
};

// --- Section: opening documents ---

// Adds `raw` as a new document of the collection and opens it; the document that was open
// stays in the collection. The text is checked and normalised at once (empty or too large:
// an error message, nothing changes) and shown; its entities arrive when the annotation is
// done (synchronously without PlatformServices::annotate_async). A text equal to a document
// that nobody has corrected yet opens that document instead. `source_name` names the origin
// in messages ("clipboard", "artykul.txt"). `read_as`: the encoding the file's bytes were
// decoded from by a guess (decode_text_bytes: Windows-1250...), said to the person with the
// annotation (decoding_note); Utf8 for none.
Status load_text(AppState& state, std::string_view raw, std::string_view source_name,
                 TextEncoding read_as = TextEncoding::Utf8);

// What a person must know about how a document's file was decoded, or "" if nothing:
// "old.txt was not UTF-8: read as Windows-1250 (Central European)", or "bad.txt: 3 invalid
// UTF-8 sequence(s) were replaced by U+FFFD".
std::string decoding_note(const DocumentSession& session);

// Opens a file by name and bytes: a Glosa annotation file (".json", or JSON content that is
// one) is validated and added; a ".jsonl" file adds one document per line (articles
// {"text", "id"?, "lang"?} are annotated, Glosa documents added as they are; broken lines are
// reported and skipped); anything else is text (UTF-8, UTF-16 with a byte-order mark, or
// Polish Windows-1250 / ISO-8859-2 told by its letters: decode_text_bytes), annotated.
// Nothing already open is replaced.
Status open_file(AppState& state, std::string_view name, std::string_view bytes);

// Adds a validated annotation file as a new document and opens it (the JS API's
// openDocument). On error nothing changes and the message says why.
Status open_document_json(AppState& state, std::string_view json_text, std::string_view source_name);

// Adds an annotated document (from a file, an embedder or a test) as a new document of the
// collection and opens it. `is_imported`: never annotated again by the engine.
DocumentSession& add_document(AppState& state, Document doc, std::string_view source_name, bool is_imported,
                              std::string_view id = {});

// Adds a document restored from local storage (not opened, not re-saved).
// `cancelled`: its annotation was cancelled (DocumentSession::annotation_cancelled).
// `removed_ms` > 0: it was removed then (from place `removed_position`); it goes back among
// the removed ones (Bring back, Ctrl+Z), or, removed more than kKeepRemovedDays ago, out of
// the store for good.
void restore_document(AppState& state, Document doc, const std::string& id, const std::string& source_name,
                      bool is_imported, bool is_done, double created_ms, ViewPosition view, int selected_entity,
                      bool cancelled = false, double removed_ms = 0, int removed_position = -1);

// How long the store keeps a removed document, so that it can be brought back.
constexpr double kKeepRemovedDays = 30;

// --- Section: the collection ---

// Opens document `index` of the collection (its view position comes back). False for a bad
// index. Opening the open one does nothing.
bool select_document(AppState& state, int index);
// The index of the document with `id`, or -1.
int find_document(const AppState& state, std::string_view id);
// Opens the next / previous document of the list (wraps around). False when there is none.
bool select_next_document(AppState& state, int direction);
// Removes document `index`. It can be brought back with restore_removed_document: the store
// keeps it, marked removed, for kKeepRemovedDays (after a reload too). False for a bad index.
bool remove_document(AppState& state, int index);
// Brings back the document removed last, or the removed one with `id`. False when there is none.
bool restore_removed_document(AppState& state, std::string_view id = {});
// Marks the open document done (or not done).
void set_document_done(AppState& state, int index, bool done);
// Summaries of every document, in list order.
std::vector<DocumentSummary> list_documents(const AppState& state);
// A document of the collection as a Glosa file with its place in the collection: "id" first
// and, when marked done, "done": true (docs/FORMAT.md: fields a reader of the file alone
// ignores; the app reads them back). `indent` as write_document's (-1: one line).
std::string collection_document_json(const DocumentSession& session, int indent);
// One Glosa document per line, in list order: what "Export all" saves, the same shape as
// `glosa-cli annotate --jsonl` prints (collection_document_json).
std::string export_all_jsonl(const AppState& state);
// "Export all…": downloads export_all_jsonl as glosa-collection.jsonl, with a message.
void download_collection_jsonl(AppState& state);
// Forgets every document (the platform clears its store) and goes back to the start screen.
void clear_collection(AppState& state);
// What clear_collection removes, in words for its question: "the document", "all 3
// documents", "2 removed documents", "all 3 documents and 2 removed ones".
std::string documents_to_clear(size_t documents, size_t removed);

// --- Section: background work, called by the platform ---

// The annotation of job `job` finished. Its document takes the entities, groups,
// quotations and article facts; what a person did meanwhile (tagged, relabelled, rejected)
// is kept and wins over the engine's entities it overlaps. Unknown jobs are ignored.
void on_annotated(AppState& state, uint64_t job, Document annotated, double annotate_ms);
void on_annotation_failed(AppState& state, uint64_t job, const std::string& message);
void on_annotation_progress(AppState& state, uint64_t job, double fraction);
// The background refresh of job `job` finished: its document takes the derived data if
// nothing changed meanwhile (otherwise a new refresh is asked for). Unknown jobs are ignored.
void on_refreshed(AppState& state, uint64_t job, Document refreshed);

// After the entities of `session` changed: sorts and numbers them and derives groups,
// quotations and article facts again (at once for short texts, in the background for long
// ones), and marks the session changed.
void refresh_derived(AppState& state, DocumentSession& session);

// Texts up to this size are refreshed on the page's thread after a correction (a few
// milliseconds); longer ones in the background, so no frame waits on them.
constexpr size_t kSyncRefreshBytes = 64 * 1024;

// Cancels the open document's pending annotation (the text stays, untagged).
void cancel_annotation(AppState& state);

// Called by the platform when the model for `lang` has been loaded into the engine: documents
// in that language annotated without it are annotated again, keeping what people did.
void on_model_loaded(AppState& state, const std::string& lang);

// Re-annotates the open document with language `lang` ("auto", "pl", "en"), keeping what a
// person tagged, changed or rejected (origin person, status not unreviewed).
void reannotate(AppState& state, const std::string& lang);

// Local saving: stores every document changed more than `delay_ms` ago and not being
// stored (PlatformServices::store_document). Returns the clock time at which it wants to be
// called again (a change still waiting out the delay), or 0.
// A write that failed is tried again after kStoreRetryMs, or after the next change.
double autosave_tick(AppState& state, double delay_ms = 400);
constexpr double kStoreRetryMs = 30000;
// The platform finished storing document `id` at `revision` (ok), or failed with `error`.
void on_stored(AppState& state, const std::string& id, uint64_t revision, bool ok, const std::string& error);

// The platform learnt (or loaded, or forgot) what corrections teach the tagger for `lang`:
// `rows` features carry a learnt delta now.
void on_taught(AppState& state, const std::string& lang, size_t rows);
// True when the store should also learn from this document: a person reviewed or corrected
// something in it since it was last learnt from (or restored), and its language has a model.
bool should_learn_from(const DocumentSession& session);
// A fingerprint of the person's work in `doc`: the spans, labels, origins and review states of
// the entities a person made or reviewed.
uint64_t person_work_fingerprint(const Document& doc);
// "Re-tag with what I taught": annotates again every document not marked done and not
// opened from a file, keeping what people did there. Returns how many were sent.
size_t retag_with_taught(AppState& state);
// Save… of what was taught: downloads a file per language that learnt something.
void save_taught(AppState& state);
// Forget… answered yes: the platform forgets what was taught (every language), with a message.
void forget_taught(AppState& state);
// How many learnt weights the corrections gave, over every language.
size_t taught_total(const AppState& state);

// Marks the open document changed (bumps its revision and the view's doc_revision).
void mark_changed(AppState& state);

// --- Section: the open document ---

// The annotation file of the open document, exactly what Download saves.
std::string document_json(const AppState& state);

// "<title>.glosa.json": the title is the first line of the text, shortened, with characters
// unsafe in file names replaced. "glosa.glosa.json" for an untitled document.
std::string document_filename(const AppState& state);
// A file name made safe: letters, digits, '-' and '_' from `title`, at most 8 words / 60
// bytes, no Windows device name (CON, NUL, COM1...), no leading '-' or '.'; "glosa" if empty.
std::string safe_file_stem(std::string_view title);

// The document's title: the article stage's (its first non-empty line, minus a leading
// "date ..." marker; see docs/ARTICLE.md).
std::string document_title(const Document& doc);

// "1 entity", "3 entities": a number and its noun, for messages and the panels.
std::string count_of(size_t n, const char* one, const char* many);

// Saves through the platform (Ctrl+S / the Download button). Sets a message either way.
void save_document(AppState& state);

// Copy link: the open document (text, entities, labels, groups, quotations) as a link that
// opens the same view, through PlatformServices::share_link: the file's JSON with a "view"
// member (docs/FORMAT.md): the top line's first character, the selected entity, the labels
// hidden in the legend.
void share_document(AppState& state);

// A document that came in a link (share_document's JSON): opened as a new document, or the
// one already in the collection with the same text and entities; at the link's view when it
// has one.
Status open_shared_document(AppState& state, std::string_view json_text);

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
// Code that edits doc() directly must call mark_changed().
const DocumentIndex& document_index(AppState& state);

// True when entity `index` is drawn: not rejected and its label is not hidden in the legend.
bool is_entity_visible(const AppState& state, int index);

// A click on group `group`'s row (index into doc().groups): selects, scrolls to and flashes
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
//    matching it, in text order; rejected entities are left out;
//  - quotations matching it, in text order.
std::vector<int> list_groups(AppState& state, std::string_view filter);
std::vector<int> list_ungrouped_entities(AppState& state, std::string_view filter);
std::vector<int> list_quotes(AppState& state, std::string_view filter);

// What Ctrl+C copies: the text selected for copying, else the selected entity's text,
// else "".
std::string selection_text(const AppState& state);
// Ctrl+A: selects the whole text for copying.
void select_all_text(AppState& state);

bool has_document(const AppState& state);
// Forgets the selected entity and quotation, pending scrolls and the mention cursor: what
// refers to entities by index, after the entities changed.
void clear_selections(AppState& state);
void set_message(AppState& state, MessageKind kind, std::string text);

}  // namespace glosa::app
