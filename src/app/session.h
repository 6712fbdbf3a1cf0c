// One document of the collection with everything that belongs to it: the annotated
// document, where it came from, its review status, its undo history (entity-level steps,
// never copies of the text), where the person was in it, and its pending annotation and
// local save. Layer: app (no drawing, no platform code).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/core/document.h"
#include "engine/names/person_decisions.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/text_decoding.h"
#include "engine/text/tokenizer.h"

namespace glosa::app {

// Where a document stands in a person's work. New: nothing reviewed or corrected yet;
// InProgress: something was; Done: the person said so (only a person sets it).
enum class DocumentStatus : uint8_t { New, InProgress, Done };
const char* document_status_name(DocumentStatus status);  // "new", "in progress", "done"
bool parse_document_status(std::string_view name, DocumentStatus* status);

// What a person decided beyond single entities: the label set (added, renamed, recoloured,
// reordered labels live in Document::labels), the groups a person made and the speakers a
// person chose (names/person_decisions.h). Kept whole in an edit step: it is small.
struct DocumentDecisions {
  std::vector<LabelInfo> labels;
  names::PersonDecisions person;
  bool operator==(const DocumentDecisions& o) const;
};

// One undoable change: the entities it removed and the ones it added (as they were), and,
// when it changed them, the document-level decisions before and after. A re-annotation a
// person asked for (another language, a re-tag with what was taught) changes the whole
// document instead: it is kept whole before and after (without its text, which does not
// change), with the language asked for.
struct EditStep {
  std::vector<Entity> removed;
  std::vector<Entity> added;
  bool has_decisions = false;
  DocumentDecisions decisions_before;
  DocumentDecisions decisions_after;
  std::shared_ptr<const Document> document_before, document_after;  // a re-annotation
  std::string lang_asked_before, lang_asked_after;
  bool imported_before = false;  // the document was an opened file's annotation (is_imported)
  std::string description;  // "Changed „Moskwie” from LOC to ORG"
  uint64_t sequence = 0;    // order among all steps of the page (AppState::edit_sequence)
};

// Counts for the Documents panel.
struct DocumentSummary {
  std::string id;
  std::string title;
  std::string lang;
  size_t entities = 0;   // every entity of the file, rejected ones included
  size_t reviewed = 0;   // of them, those with a status other than unreviewed
  DocumentStatus status = DocumentStatus::New;
};
// Where a person was in a text: the first byte of the line at the top of the view and how
// far the view's top is below that line's top, in pixels. A place in the text, not a scroll
// offset: heights above it are estimates until laid out, the header's height is known only
// once drawn, and the window may have another width after a reload. Byte 0 (the first line,
// or the header above it, is at the top): `offset` is from the top of the content.
struct ViewPosition {
  size_t byte = 0;
  float offset = 0;
  // The selected entity was on screen: coming back, it is brought into view if the top line
  // alone leaves it out (another window width wraps the lines between them otherwise).
  bool selection_seen = false;
};

struct DocumentSession {
  uint64_t key = 0;            // unique within this page: layout caches and annotation jobs
  std::string id;              // stable id, kept in local storage and files ("d5k2x9-3")
  Document doc;
  std::string source_name;     // file name or "clipboard"
  DocumentStatus status = DocumentStatus::New;
  bool is_done = false;        // marked done by a person (status follows)
  bool is_imported = false;    // opened from an annotation file (never re-annotated)
  double annotate_ms = 0;      // time of the annotation, 0 if not annotated here
  double created_ms = 0;       // wall clock, for the list order
  int edit_count = 0;          // corrections since it was opened
  std::vector<EditStep> undo;  // oldest first
  std::vector<EditStep> redo;

  // Annotation in the background (the platform's worker): the text is shown at once, the
  // entities when they arrive.
  uint64_t annotation_job = 0;   // pending job, 0 = none
  double annotation_progress = 0;  // 0..1 as reported
  std::string annotation_lang;   // language asked for ("auto", "pl", "en")
  // A person asked for the pending annotation (Annotate again): it becomes an undo step when
  // it arrives, undone to the language asked for before.
  bool reannotating = false;
  std::string lang_asked_before;
  bool imported_before = false;
  size_t invalid_utf8_count = 0; // repaired sequences in the pasted text
  // The file was not UTF-8 and was read as this encoding, guessed from its letters
  // (Windows-1250...: is_guessed_encoding); Utf8 when nothing was guessed.
  TextEncoding read_as = TextEncoding::Utf8;
  // Its decoding_note (app_state.h) is part of the message of several files opened
  // together: an annotation arriving while that message stays does not repeat it.
  bool note_in_summary = false;
  std::string unsupported_script;  // "Arabic"...: the engine tags nothing in it (engine.h)

  // Derived data (groups, quotations, article facts) after a correction of a long text is
  // computed in the background too: the entities change at once, the rest follows.
  uint64_t refresh_job = 0;        // pending job, 0 = none
  uint64_t refresh_revision = 0;   // the revision it was asked for
  bool refresh_again = false;      // changed again while it was pending
  // Tokens and sentences of the text, kept while the document is open so a correction does
  // not tokenise it again (the text never changes).
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  // Removed from the list (wall-clock ms; 0: in it), from place removed_position: the store
  // keeps it so marked for kKeepRemovedDays, and Bring back works after a reload too.
  double removed_ms = 0;
  int removed_position = -1;

  // Where the person was: restored when the document is opened again.
  ViewPosition view;
  int selected_entity = -1;

  // Local saving: `revision` counts changes, `saved_revision` the one last stored.
  uint64_t revision = 1;
  uint64_t saved_revision = 0;
  uint64_t summary_revision = 0;  // cached_summary() is of this revision
  DocumentSummary summary;
  uint64_t saving_revision = 0;  // being written now, 0 = none
  double changed_ms = 0;         // clock (now_ms) of the last change
  double store_failed_ms = 0;    // clock of the last failed write, 0 = none (a retry waits)
  uint64_t store_failed_revision = 0;  // the revision that write was of
  // What corrections teach: the fingerprint (person_work_fingerprint, app_state.h) of the
  // person's work last sent to be learnt from, so that a document is learnt from again only
  // when a person changed something in it (not when it is re-tagged, nor after "Forget").
  uint64_t taught_fingerprint = 0;
  bool retagging = false;  // sent by "Re-tag with what I taught"; its changes are counted (AppState::retag)
  // A person cancelled its annotation: it is not started again by itself (a model arriving,
  // a reload), only when the person asks (kept in the store).
  bool annotation_cancelled = false;

  bool is_annotating() const { return annotation_job != 0; }
};

DocumentSummary summarize(const DocumentSession& session);
// The same, kept in the session until it changes (the Documents panel draws it every frame).
const DocumentSummary& cached_summary(DocumentSession& session);

// Derives New / InProgress from the document (Done is only set by a person).
void update_status(DocumentSession& session);

}  // namespace glosa::app
