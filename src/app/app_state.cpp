// AppState commands: the collection (add, open, remove, restore, export), annotation in the
// background and what a person did meanwhile, local saving, selection and the side-panel
// lists. Layer: app.
//
// Index: helpers · opening documents · the collection · background work · local saving ·
// the open document · selection and lists.
#include "app/app_state.h"

#include <algorithm>
#include <map>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/editing.h"
#include "app/exchange.h"
#include "engine/article/article_info.h"
#include "engine/text/language.h"
#include "engine/text/text_decoding.h"
#include "engine/text/normalizer.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"
#include "formats/annotation_json.h"
#include "formats/zip.h"

namespace glosa::app {

// --- Section: helpers ---

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

double now(const AppState& state) { return state.services.now_ms ? state.services.now_ms() : 0.0; }
double wall(const AppState& state) { return state.services.wall_ms ? state.services.wall_ms() : 0.0; }

std::string base36(uint64_t v) {
  const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  do {
    out.insert(out.begin(), digits[v % 36]);
    v /= 36;
  } while (v);
  return out;
}

// A new document id, unique in the collection: the wall clock and a counter ("dmik3x0a-4").
std::string new_document_id(AppState& state) {
  while (true) {
    std::string id = "d" + base36(static_cast<uint64_t>(std::max(0.0, wall(state)))) + "-" + base36(state.next_key);
    if (find_document(state, id) < 0) return id;
    ++state.next_key;
  }
}

// An id from a file for a new document: kept when it is short, printable and unused.
std::string adopt_document_id(AppState& state, std::string_view wanted) {
  bool usable = !wanted.empty() && wanted.size() <= 64;
  for (char c : wanted) usable = usable && static_cast<unsigned char>(c) > 0x20 && c != 0x7F;
  if (usable && find_document(state, wanted) < 0) return std::string(wanted);
  return new_document_id(state);
}

bool is_blank(std::string_view text) {
  size_t len = 0;
  for (size_t i = 0; i < text.size(); i += len) {
    if (!is_space(decode_utf8(text, i, &len))) return false;
  }
  return true;
}

// "12,345 KiB" style sizes for the size-limit message.
std::string kib(size_t bytes) { return std::to_string((bytes + 1023) / 1024) + " KiB"; }

// The title of a text before it is annotated: the article stage's, from the first lines
// only (a long paste must not be tokenised whole on the page's thread).
std::string provisional_title(const std::string& text) {
  Document head;
  size_t end = std::min<size_t>(text.size(), 8192);
  const size_t eol = text.rfind('\n', end);
  if (end < text.size() && eol != std::string::npos && eol > 0) end = eol;
  while (end > 0 && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  head.text = text.substr(0, end);
  return compute_article_info(head).title;
}

// A fresh session, added at the end of the list.
DocumentSession& add_session(AppState& state, std::unique_ptr<DocumentSession> session) {
  session->key = state.next_key++;
  if (session->id.empty()) session->id = new_document_id(state);
  if (session->created_ms == 0) session->created_ms = wall(state);
  session->changed_ms = now(state);
  state.documents.push_back(std::move(session));
  return *state.documents.back();
}

// Remembers where the person was in the open document.
void remember_view(AppState& state) {
  DocumentSession* s = state.session();
  if (!s) return;
  s->selected_entity = state.selected_entity;
}

// Makes document `index` the open one (-1: none) and brings back its view position.
void open_index(AppState& state, int index) {
  remember_view(state);
  if (DocumentSession* left = state.session()) {
    std::vector<Token>().swap(left->tokens);  // only the open document keeps its tokens
    std::vector<Sentence>().swap(left->sentences);
  }
  state.current = index;
  clear_selections(state);
  ++state.doc_revision;
  DocumentSession* s = state.session();
  state.restore_view = s ? s->view : ViewPosition{};
  state.restore_pending = s != nullptr;
  if (s && s->selected_entity >= 0 && s->selected_entity < static_cast<int>(s->doc.entities.size())) {
    state.selected_entity = s->selected_entity;
  }
  if (state.services.store_current) state.services.store_current(s ? s->id : "");
}

DocumentSession* session_of_job(AppState& state, uint64_t job) {
  if (job == 0) return nullptr;
  for (auto& s : state.documents) {
    if (s->annotation_job == job) return s.get();
  }
  return nullptr;
}

// A change to `s`: saved later, redrawn now if it is open.
void touch(AppState& state, DocumentSession& s) {
  ++s.revision;
  s.changed_ms = now(state);
  update_status(s);
  if (&s == state.session()) ++state.doc_revision;
}

bool is_person_work(const Entity& e) { return e.origin == Origin::Person || e.status != ReviewStatus::Unreviewed; }

bool has_person_work(const Document& doc) {
  return std::any_of(doc.entities.begin(), doc.entities.end(), is_person_work);
}

void request_model_for(AppState& state, const std::string& lang) {
  const bool ready = std::find(state.ready_models.begin(), state.ready_models.end(), lang) != state.ready_models.end() ||
                     (state.engine && state.engine->has_model(lang));
  if ((lang == "pl" || lang == "en") && !ready && state.services.request_model && state.loading_model != lang) {
    state.loading_model = lang;
    state.services.request_model(lang);
  }
}

void start_annotation(AppState& state, DocumentSession& s, const std::string& lang);

// The engine's fresh annotation of a document, merged with what a person did to the
// previous version: entities a person tagged, changed, accepted or rejected are kept; the
// engine's entities that overlap a kept one, or repeat a rejected one, are dropped; the
// person's label set stays (labels the engine adds are appended).
Document merge_person_work(Document annotated, const Document& previous) {
  std::vector<const Entity*> kept;
  for (const Entity& e : previous.entities) {
    if (is_person_work(e)) kept.push_back(&e);
  }
  std::vector<std::pair<size_t, size_t>> standing;  // spans of kept entities that stand
  for (const Entity* e : kept) {
    if (e->status != ReviewStatus::Rejected) standing.emplace_back(e->begin_byte, e->end_byte);
  }
  std::sort(standing.begin(), standing.end());
  std::vector<size_t> max_end(standing.size());
  for (size_t i = 0; i < standing.size(); ++i) max_end[i] = std::max(i ? max_end[i - 1] : 0, standing[i].second);
  const auto overlaps_standing = [&](const Entity& e) {
    // Standing spans that begin before e ends; one of them reaches past e's begin?
    auto it = std::lower_bound(standing.begin(), standing.end(), std::make_pair(e.end_byte, size_t{0}));
    const size_t n = static_cast<size_t>(it - standing.begin());
    return n > 0 && max_end[n - 1] > e.begin_byte;
  };
  const auto repeats_rejected = [&](const Entity& e) {
    for (const Entity* k : kept) {
      // A person's own rejected entity says "nothing here", whatever the label (it may be
      // the engine's, relabelled and then rejected); the engine's says "not this label".
      if (k->status == ReviewStatus::Rejected && k->begin_byte == e.begin_byte && k->end_byte == e.end_byte &&
          (k->label == e.label || k->origin == Origin::Person)) {
        return true;
      }
    }
    return false;
  };
  // A label a person renamed takes what the engine tags under its first name.
  std::map<std::string, std::string> renamed;
  for (const LabelInfo& l : previous.labels) {
    if (!l.renamed_from.empty() && find_label(previous.labels, l.renamed_from) < 0) renamed[l.renamed_from] = l.name;
  }
  std::vector<Entity> out;
  out.reserve(annotated.entities.size() + kept.size());
  for (Entity& e : annotated.entities) {
    if (auto it = renamed.find(e.label); it != renamed.end()) e.label = it->second;
    if (overlaps_standing(e) || repeats_rejected(e)) continue;
    out.push_back(std::move(e));
  }
  for (const Entity* e : kept) out.push_back(*e);
  annotated.entities = std::move(out);
  std::vector<LabelInfo> labels = previous.labels;
  for (const LabelInfo& l : annotated.labels) {
    if (find_label(labels, l.name) < 0 && !renamed.count(l.name)) labels.push_back(l);
  }
  annotated.labels = std::move(labels);
  sort_and_number_entities(annotated);
  return annotated;
}

// Counts into `report` how the standing (not rejected) entities of `after` differ from those
// of `before`: spans with another label, spans new, spans gone.
void count_changes(const Document& before, const Document& after, AppState::RetagReport* report) {
  std::map<std::pair<size_t, size_t>, std::string> old_labels;
  for (const Entity& e : before.entities) {
    if (e.status != ReviewStatus::Rejected) old_labels[{e.begin_byte, e.end_byte}] = e.label;
  }
  for (const Entity& e : after.entities) {
    if (e.status == ReviewStatus::Rejected) continue;
    auto it = old_labels.find({e.begin_byte, e.end_byte});
    if (it == old_labels.end()) {
      ++report->added;
      continue;
    }
    if (it->second != e.label) ++report->relabelled;
    old_labels.erase(it);
  }
  report->dropped += old_labels.size();
}


// The message for a finished re-tag.
void report_retag(AppState& state) {
  const AppState::RetagReport& r = state.retag;
  std::string what;
  if (r.relabelled + r.added + r.dropped == 0) {
    what = "nothing changed";
  } else {
    std::vector<std::string> parts;
    if (r.relabelled) parts.push_back(count_of(r.relabelled, "entity got another label", "entities got another label"));
    if (r.added) parts.push_back(count_of(r.added, "new entity", "new entities"));
    if (r.dropped) parts.push_back(count_of(r.dropped, "entity no longer tagged", "entities no longer tagged"));
    for (size_t i = 0; i < parts.size(); ++i) what += (i ? ", " : "") + parts[i];
  }
  set_message(state, MessageKind::Info,
              "Re-tagged " + count_of(r.documents, "document", "documents") + " with what your corrections taught: " + what);
}

// Takes the engine's annotation into session `s`.
void apply_annotation(AppState& state, DocumentSession& s, Document annotated, double annotate_ms) {
  const bool retagged = s.retagging;
  s.retagging = false;
  // Asked for by a person over an annotation already shown: an undo step (Ctrl+Z brings the
  // previous annotation and language back).
  const bool undoable = (retagged || s.reannotating) && annotated.text == s.doc.text;
  s.reannotating = false;
  const Document before = retagged || undoable ? s.doc : Document();
  const std::string created = s.doc.meta.created;
  const bool keep_work = has_person_work(s.doc);
  // Labels a person renamed: the engine's entities take the new names (merge_person_work),
  // so the groups derived under the old ones are derived again.
  const bool renamed = std::any_of(s.doc.labels.begin(), s.doc.labels.end(),
                                   [](const LabelInfo& l) { return !l.renamed_from.empty(); });
  const int corrections = s.edit_count;
  if (annotated.text != s.doc.text) {
    // Never expected (both sides normalise the same way); the engine's text wins.
    s.undo.clear();
    s.redo.clear();
    s.doc = std::move(annotated);
  } else {
    s.doc = merge_person_work(std::move(annotated), s.doc);  // the person's work and label set stay
  }
  if (!created.empty()) s.doc.meta.created = created;
  // (A re-annotation that changed nothing is no step: Ctrl+Z would seem to do nothing.)
  const auto same_annotation = [](const Document& a, const Document& b) {
    return a.lang == b.lang && a.entities.size() == b.entities.size() &&
           std::equal(a.entities.begin(), a.entities.end(), b.entities.begin(), same_entity);
  };
  if (undoable && !same_annotation(before, s.doc)) {
    EditStep step;
    step.description = retagged ? std::string("Re-tagged with what your corrections taught")
                                : std::string("Annotated again in ") +
                                      (s.doc.lang == "pl" ? "Polish" : s.doc.lang == "en" ? "English" : "another language");
    step.sequence = ++state.edit_sequence;
    auto without_text = [](Document d) {
      d.text.clear();
      return std::make_shared<const Document>(std::move(d));
    };
    step.document_before = without_text(before);
    step.document_after = without_text(s.doc);
    step.lang_asked_before = retagged ? s.annotation_lang : s.lang_asked_before;
    step.lang_asked_after = s.annotation_lang;
    step.imported_before = !retagged && s.imported_before;
    s.undo.push_back(std::move(step));
    if (s.undo.size() > kMaxUndo) s.undo.erase(s.undo.begin());
    s.redo.clear();
  }
  s.annotate_ms = annotate_ms;
  s.annotation_progress = 1;
  if (keep_work || renamed) refresh_derived(state, s);
  else touch(state, s);
  if (&s == state.session()) clear_selections(state);
  request_model_for(state, s.doc.lang);
  const std::string name = s.source_name;
  const bool keeping_warning = state.message_kind != MessageKind::Info && now(state) < state.keep_warning_until_ms;
  AppState::AnnotationRun& run = state.annotation_run;
  if (!retagged) {  // (a re-tag reports by itself)
    if (run.documents == 0) run.source = name;
    run.one_source = run.one_source && run.source == name;
    ++run.documents;
    run.entities += s.doc.entities.size();
  }
  const size_t still_annotating = static_cast<size_t>(std::count_if(
      state.documents.begin(), state.documents.end(), [](const auto& d) { return d->is_annotating() && !d->retagging; }));
  const bool run_done = still_annotating == 0;
  s.unsupported_script = unsupported_script(s.doc.text);
  if (!s.unsupported_script.empty()) {
    set_message(state, MessageKind::Warning,
                name + ": the text is mostly in " + s.unsupported_script +
                    " script; this language is not supported yet, so no entities are tagged");
  } else if (const std::string note = decoding_note(s); !note.empty() && !(s.note_in_summary && keeping_warning)) {
    set_message(state, MessageKind::Warning, note);
  } else if (keeping_warning) {
    // what several files opened together came to stays readable (and says this one's note)
  } else if (keep_work && corrections > 0) {
    set_message(state, MessageKind::Info,
                "Annotated " + name + " again: " + std::to_string(s.doc.entities.size()) +
                    " entities; your corrections are kept");
  } else if (run_done && run.documents > 1) {
    set_message(state, MessageKind::Info,
                "Annotated " + count_of(run.documents, "document", "documents") + (run.one_source ? " of " + run.source : "") +
                    ": " + count_of(run.entities, "entity", "entities"));
  } else if (&s == state.session()) {
    set_message(state, MessageKind::Info,
                "Annotated " + name + ": " + count_of(s.doc.entities.size(), "entity", "entities") +
                    (still_annotating > 0 ? "; annotating " + count_of(still_annotating, "more document", "more documents") + "\xE2\x80\xA6"
                                          : ""));
  }
  if (run_done) run = {};
  if (retagged) {
    ++state.retag.documents;
    count_changes(before, s.doc, &state.retag);
    const bool last = std::none_of(state.documents.begin(), state.documents.end(),
                                   [](const auto& d) { return d->retagging; });
    if (last) report_retag(state);
  }
}

void start_annotation(AppState& state, DocumentSession& s, const std::string& lang) {
  s.annotation_lang = lang;
  s.annotation_cancelled = false;
  s.annotation_progress = 0;
  AnnotateOptions options;
  options.lang = lang;
  if (state.services.annotate_async) {
    // A new run when nothing else is being annotated (one that failed or was cancelled left
    // its count behind).
    if (std::none_of(state.documents.begin(), state.documents.end(), [](const auto& d) { return d->is_annotating(); })) {
      state.annotation_run = {};
    }
    if (s.annotation_job && state.services.cancel_annotation) state.services.cancel_annotation(s.annotation_job);
    s.annotation_job = state.next_job++;
    state.services.annotate_async(s.annotation_job, s.doc.text, options);
    return;
  }
  GLOSA_ASSERT(state.engine != nullptr, "AppState.engine must be set to annotate");
  const double t0 = now(state);
  auto result = state.engine->annotate(s.doc.text, options);
  const double t1 = now(state);
  if (!result.is_ok()) {
    s.retagging = false;
    s.reannotating = false;
    set_message(state, MessageKind::Error, s.source_name + ": " + result.status().message());
    return;
  }
  result.value().doc.meta.created = s.doc.meta.created;
  apply_annotation(state, s, std::move(result.value().doc), t1 - t0);
}

}  // namespace

bool has_document(const AppState& state) { return state.current >= 0 && !state.doc().text.empty(); }

std::string selection_text(const AppState& state) {
  const Document& doc = state.doc();
  if (state.copy_end > state.copy_begin && state.copy_end <= doc.text.size()) {
    return doc.text.substr(state.copy_begin, state.copy_end - state.copy_begin);
  }
  if (state.selected_entity >= 0 && state.selected_entity < static_cast<int>(doc.entities.size())) {
    return std::string(entity_text(doc, doc.entities[static_cast<size_t>(state.selected_entity)]));
  }
  return "";
}

void select_all_text(AppState& state) {
  state.copy_begin = 0;
  state.copy_end = state.doc().text.size();
  set_message(state, MessageKind::Info, "The whole text is selected: Ctrl+C copies it");
}

void clear_selections(AppState& state) {
  state.copy_begin = state.copy_end = 0;
  state.selected_entity = -1;
  state.scroll_to_entity = -1;
  state.selected_quote = -1;
  state.scroll_to_quote = -1;
  state.cycle_group.clear();
  state.cycle_position = -1;
}

void set_message(AppState& state, MessageKind kind, std::string text) {
  state.message_kind = kind;
  state.message = std::move(text);
}

void mark_changed(AppState& state) {
  if (DocumentSession* s = state.session()) touch(state, *s);
  else ++state.doc_revision;
}

void refresh_derived(AppState& state, DocumentSession& s) {
  sort_and_number_entities(s.doc);
  if (state.services.refresh_async && s.doc.text.size() > kSyncRefreshBytes) {
    touch(state, s);
    if (s.refresh_job != 0) {
      s.refresh_again = true;  // one at a time: the newest state is sent when it returns
      return;
    }
    s.refresh_job = state.next_job++;
    s.refresh_revision = s.revision;
    s.refresh_again = false;
    state.services.refresh_async(s.refresh_job, s.doc);
    return;
  }
  if (state.engine) {
    if (s.tokens.empty()) {
      s.tokens = tokenize(s.doc.text);
      s.sentences = split_sentences(s.doc.text, s.tokens);
    }
    state.engine->refresh_document(s.doc, s.tokens, s.sentences);
  }
  touch(state, s);
}

void on_refreshed(AppState& state, uint64_t job, Document refreshed) {
  DocumentSession* s = nullptr;
  for (auto& d : state.documents) {
    if (d->refresh_job == job && job != 0) s = d.get();
  }
  if (!s) return;
  s->refresh_job = 0;
  if (s->revision != s->refresh_revision || s->refresh_again || refreshed.text != s->doc.text ||
      refreshed.entities.size() != s->doc.entities.size()) {
    refresh_derived(state, *s);  // changed meanwhile: derive from what it is now
    return;
  }
  // The same entities (sorted, numbered), now with base forms, groups and the rest.
  const int selected = state.session() == s ? state.selected_entity : -1;
  s->doc = std::move(refreshed);
  touch(state, *s);
  if (selected >= 0 && selected < static_cast<int>(s->doc.entities.size())) state.selected_entity = selected;
}

// --- Section: opening documents ---

std::string decoding_note(const DocumentSession& session) {
  if (is_guessed_encoding(session.read_as)) {
    return session.source_name + " was not UTF-8: read as " + encoding_description(session.read_as);
  }
  if (session.invalid_utf8_count > 0) {
    return session.source_name + ": " + std::to_string(session.invalid_utf8_count) +
           " invalid UTF-8 sequence(s) were replaced by \xEF\xBF\xBD";
  }
  return "";
}

Status load_text(AppState& state, std::string_view raw, std::string_view source_name, TextEncoding read_as) {
  const std::string source(source_name);
  const std::string unchanged = has_document(state) ? " (the open document is unchanged)" : "";
  if (raw.size() > kMaxTextBytes) {
    Status s(ErrorCode::TextTooLarge, "the text is " + kib(raw.size()) + " (" + std::to_string(raw.size()) +
                                          " bytes); the limit is " + kib(kMaxTextBytes));
    set_message(state, MessageKind::Error, source + ": " + s.message() + unchanged);
    return s;
  }
  NormalizedText norm = normalize_text(raw);
  if (is_blank(norm.text)) {
    Status s(ErrorCode::EmptyText, "the text is empty: there is nothing to annotate");
    set_message(state, MessageKind::Error, source + ": " + s.message() + unchanged);
    return s;
  }
  // The same text, untouched by anyone, is already here: open it rather than a copy.
  for (size_t i = 0; i < state.documents.size(); ++i) {
    const DocumentSession& s = *state.documents[i];
    if (!s.is_imported && s.edit_count == 0 && !has_person_work(s.doc) && s.doc.text == norm.text) {
      open_index(state, static_cast<int>(i));
      set_message(state, MessageKind::Info, "This text is already in the collection: opened it (document " +
                                                std::to_string(i + 1) + " of " +
                                                std::to_string(state.documents.size()) + ")");
      return Status::ok();
    }
  }
  auto session = std::make_unique<DocumentSession>();
  session->doc.text = std::move(norm.text);
  session->doc.labels = default_labels();
  session->doc.meta.tool = std::string("glosa ") + kGlosaVersion;
  session->doc.meta.created = state.services.now_iso ? state.services.now_iso() : "";
  session->doc.article.title = provisional_title(session->doc.text);
  session->source_name = source;
  session->invalid_utf8_count = norm.invalid_utf8_count;
  session->read_as = read_as;
  DocumentSession& s = add_session(state, std::move(session));
  open_index(state, static_cast<int>(state.documents.size()) - 1);
  // What was odd about the bytes is said at once (and again when the annotation is back).
  if (const std::string note = decoding_note(s); !note.empty()) set_message(state, MessageKind::Warning, note);
  else set_message(state, MessageKind::Info, "Annotating " + source + "\xE2\x80\xA6");
  start_annotation(state, s, "auto");  // a language chosen for another document is its own
  return Status::ok();
}

namespace {

// Adds a validated Glosa document as a new, imported session (not opened).
DocumentSession& add_imported(AppState& state, Document doc, std::string_view source_name, std::string_view id) {
  auto session = std::make_unique<DocumentSession>();
  session->doc = std::move(doc);
  session->source_name = std::string(source_name);
  session->is_imported = true;
  session->id = adopt_document_id(state, id);
  update_status(*session);
  return add_session(state, std::move(session));
}

// A Glosa file of a document already here: that document's index (-1: none), and whether
// the file holds it exactly (every field alike) or another version of it (a colleague's
// copy, an older export), which opens beside it. A collection's file names its document (its
// id, with the same text); a file without an id (a download) is matched by its text, an exact
// copy first.
struct AlreadyHere {
  int index = -1;
  bool same = false;
};
AlreadyHere already_here(const AppState& state, const std::string& id, const Document& doc) {
  AlreadyHere here;
  std::string file;  // written when a document of the same text is found
  const auto exactly = [&](size_t i) {
    if (file.empty()) file = write_document(doc);
    return write_document(state.documents[i]->doc) == file;
  };
  if (id.empty()) {
    for (size_t i = 0; i < state.documents.size() && !here.same; ++i) {
      if (state.documents[i]->doc.text != doc.text) continue;
      here.same = exactly(i);
      if (here.index < 0 || here.same) here.index = static_cast<int>(i);
    }
    return here;
  }
  const int i = find_document(state, id);
  if (i < 0 || state.documents[static_cast<size_t>(i)]->doc.text != doc.text) return here;
  here.index = i;
  here.same = exactly(static_cast<size_t>(i));
  return here;
}

// A collection's file says its document was marked done.
bool marked_done(const nlohmann::json& j) {
  return j.is_object() && j.contains("done") && j["done"].is_boolean() && j["done"].get<bool>();
}

// The first problem a Glosa file has beyond what read_document checks, or "".
std::string imported_text_problem(const Document& doc) {
  if (doc.text.empty() || is_blank(doc.text)) return "the file's text is empty";
  return "";
}

}  // namespace

DocumentSession& add_document(AppState& state, Document doc, std::string_view source_name, bool is_imported,
                              std::string_view id) {
  DocumentSession& s = add_imported(state, std::move(doc), source_name, id);
  s.is_imported = is_imported;
  open_index(state, static_cast<int>(state.documents.size()) - 1);
  return s;
}

Status open_document_json(AppState& state, std::string_view json_text, std::string_view source_name) {
  const std::string source(source_name);
  auto result = read_document(json_text);
  Status status = result.status();
  if (status.is_ok()) {
    const std::string problem = imported_text_problem(result.value());
    if (!problem.empty()) status = Status(ErrorCode::EmptyText, problem);
  }
  if (!status.is_ok()) {
    set_message(state, MessageKind::Error,
                "Cannot open " + source + ": " + status.message() +
                    (has_document(state) ? " (the open document is unchanged)" : ""));
    return status;
  }
  const size_t count = result.value().entities.size();
  auto parsed = nlohmann::json::parse(json_text, nullptr, false);
  std::string id;
  if (parsed.is_object() && parsed.contains("id") && parsed["id"].is_string()) id = parsed["id"].get<std::string>();
  // A collection's file (it names its document): the same document here, as it is, opens;
  // another version of it opens beside it.
  const AlreadyHere here = already_here(state, id, result.value());
  if (here.same) {
    open_index(state, here.index);
    set_message(state, MessageKind::Info, source + " is already in the collection, as it is: opened it");
    return Status::ok();
  }
  DocumentSession& s = add_document(state, std::move(result.value()), source, true, id);
  s.is_done = marked_done(parsed);
  update_status(s);
  set_message(state, MessageKind::Info,
              "Opened " + source + ": " + count_of(count, "entity", "entities") +
                  (here.index >= 0 ? "; another version of it is in the collection (Compare shows the differences)" : ""));
  return Status::ok();
}

namespace {

// A .jsonl file: one article or Glosa document per line.
Status open_jsonl(AppState& state, std::string_view name, std::string_view bytes) {
  const std::string source(name);
  const int first_new = static_cast<int>(state.documents.size());
  size_t added = 0, already = 0, copies = 0, broken = 0, line_no = 0;
  std::string first_problem;
  const auto problem = [&](const std::string& what) {
    ++broken;
    if (first_problem.empty()) first_problem = "line " + std::to_string(line_no) + ": " + what;
  };
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t eol = bytes.find('\n', pos);
    if (eol == std::string_view::npos) eol = bytes.size();
    std::string_view line = bytes.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (is_blank(line)) continue;
    auto rec = nlohmann::json::parse(line, nullptr, false);
    if (rec.is_discarded() || !rec.is_object()) {
      problem("not a JSON object");
      continue;
    }
    std::string id;
    if (rec.contains("id") && rec["id"].is_string()) id = rec["id"].get<std::string>();
    else if (rec.contains("id") && rec["id"].is_number_integer()) id = std::to_string(rec["id"].get<long long>());
    if (rec.contains("format")) {
      auto doc = read_document(line);
      if (!doc.is_ok()) {
        problem(doc.status().message());
        continue;
      }
      const std::string text_problem = imported_text_problem(doc.value());
      if (!text_problem.empty()) {
        problem(text_problem);
        continue;
      }
      const AlreadyHere here = already_here(state, id, doc.value());
      if (here.same) {
        ++already;
        continue;
      }
      if (here.index >= 0) ++copies;  // another version of it: beside it, never over it
      DocumentSession& s = add_imported(state, std::move(doc.value()), source, id);
      s.is_done = marked_done(rec);
      update_status(s);
      ++added;
      continue;
    }
    if (!rec.contains("text") || !rec["text"].is_string()) {
      problem("\"text\" is missing or not a string");
      continue;
    }
    const std::string& raw = rec["text"].get_ref<const std::string&>();
    if (raw.size() > kMaxTextBytes) {
      problem("the text is larger than " + kib(kMaxTextBytes));
      continue;
    }
    NormalizedText norm = normalize_text(raw);
    if (is_blank(norm.text)) {
      problem("the text is empty");
      continue;
    }
    bool duplicate = false;
    for (const auto& s : state.documents) {
      duplicate = duplicate || (!s->is_imported && !has_person_work(s->doc) && s->doc.text == norm.text);
    }
    if (duplicate) {
      ++already;
      continue;
    }
    auto session = std::make_unique<DocumentSession>();
    session->doc.text = std::move(norm.text);
    session->doc.labels = default_labels();
    session->doc.meta.tool = std::string("glosa ") + kGlosaVersion;
    session->doc.meta.created = state.services.now_iso ? state.services.now_iso() : "";
    session->doc.article.title = provisional_title(session->doc.text);
    session->source_name = source;
    session->invalid_utf8_count = norm.invalid_utf8_count;
    session->id = adopt_document_id(state, id);
    std::string lang = "auto";
    if (rec.contains("lang") && rec["lang"].is_string()) lang = rec["lang"].get<std::string>();
    DocumentSession& s = add_session(state, std::move(session));
    start_annotation(state, s, lang);
    ++added;
  }
  if (added == 0) {
    Status s(broken > 0 ? ErrorCode::JsonSyntax : ErrorCode::EmptyText,
             broken > 0 ? first_problem : (already > 0 ? "every document in it is already in the collection"
                                                       : "the file holds no document"));
    set_message(state, already > 0 && broken == 0 ? MessageKind::Info : MessageKind::Error,
                "Nothing opened from " + source + ": " + s.message());
    return already > 0 && broken == 0 ? Status::ok() : s;
  }
  open_index(state, first_new);
  std::string message = "Opened " + std::to_string(added) + " document" + (added == 1 ? "" : "s") + " from " + source;
  if (already > 0) message += "; " + std::to_string(already) + " already in the collection";
  if (copies > 0) {
    message += "; " + std::to_string(copies) + (copies == 1 ? " is another version of a document here, opened beside it"
                                                               : " are other versions of documents here, opened beside them") +
               " (Compare shows the differences)";
  }
  if (broken > 0) {
    message += "; skipped " + std::to_string(broken) + " broken line" + (broken == 1 ? "" : "s") + " (" + first_problem + ")";
  }
  set_message(state, broken > 0 ? MessageKind::Warning : MessageKind::Info, message);
  // The lines skipped stay readable while the first annotations come back.
  if (broken > 0 && state.services.now_ms) state.keep_warning_until_ms = state.services.now_ms() + 10000;
  return Status::ok();
}

}  // namespace

Status open_file(AppState& state, std::string_view name, std::string_view bytes) {
  const std::string lower = lower_ascii(name);
  if (bytes.size() > 4 * kMaxTextBytes) {
    Status s(ErrorCode::TextTooLarge, "the file is " + kib(bytes.size()) + "; the limit is " + kib(4 * kMaxTextBytes));
    set_message(state, MessageKind::Error, "Cannot open " + std::string(name) + ": " + s.message());
    return s;
  }
  if (looks_like_zip(bytes)) return open_files(state, {{std::string(name), std::string(bytes)}});  // its files
  if (bytes.size() >= 8 && bytes.substr(0, 8) == "GLOSAADP") {
    if (!state.services.import_taught) {
      Status s(ErrorCode::BadArgument, "what was taught cannot be loaded here");
      set_message(state, MessageKind::Error, "Cannot open " + std::string(name) + ": " + s.message());
      return s;
    }
    state.services.import_taught(std::string(bytes));
    set_message(state, MessageKind::Info, "Loading what was taught from " + std::string(name) + "\xE2\x80\xA6");
    return Status::ok();
  }
  if (bytes.substr(0, 4096).find("\"glosa-labels\"") != std::string_view::npos) return apply_label_set(state, bytes);
  // What the content is decides, whatever the file is called (formats/exchange.h).
  const ExchangeFormat format = detect_format(name, bytes);
  if (ends_with(lower, ".jsonl") || ends_with(lower, ".ndjson")) {
    if (format == ExchangeFormat::Doccano) return open_exchange_file(state, name, bytes, format);
    return open_jsonl(state, name, bytes);
  }
  if (format == ExchangeFormat::Glosa || (format == ExchangeFormat::PlainText && ends_with(lower, ".json"))) {
    return open_document_json(state, bytes, name);
  }
  if (format != ExchangeFormat::PlainText) return open_exchange_file(state, name, bytes, format);
  // Text: UTF-16 and UTF-32 files (with a byte-order mark) and Polish Windows-1250 or
  // ISO-8859-2 ones (told by their letters) are decoded first.
  const DecodedText decoded = decode_text_bytes(bytes);
  const std::string_view text = decoded.encoding == TextEncoding::Utf8 ? bytes : std::string_view(decoded.text);
  // Refuse obvious binaries rather than showing garbage: NUL bytes in the first 4 KiB.
  if (text.substr(0, 4096).find('\0') != std::string_view::npos) {
    Status s(ErrorCode::InvalidUtf8, "this is a binary file, not text");
    set_message(state, MessageKind::Error, "Cannot open " + std::string(name) + ": " + s.message());
    return s;
  }
  // A web page or Glosa's own table export is not an article: read as text, it became a
  // junk document ("<!DOCTYPE html>" for a title, "Labels" a person). Refused with what to
  // open instead.
  std::string_view head = text.substr(0, 512);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  head.remove_prefix(std::min(head.size(), head.find_first_not_of(" \t\r\n")));
  const std::string head_lower = lower_ascii(head.substr(0, 14));
  const char* not_article = nullptr;
  const auto page_parts = [&text] {
    const std::string start = lower_ascii(text.substr(0, 4096));
    return start.find("<head") != std::string::npos || start.find("<body") != std::string::npos;
  };
  if (head_lower.rfind("<!doctype html", 0) == 0 || (head_lower.rfind("<html", 0) == 0 && page_parts())) {
    not_article = "this is a web page (HTML), not plain text: Glosa's HTML export cannot be read back (open the "
                  ".glosa.json instead), and of a web article, paste its text";
  } else if (head.rfind("id,start,end,text,label,", 0) == 0) {
    not_article = "this is Glosa's CSV table of entities, which cannot be read back: open the .glosa.json (or the "
                  "collection's .jsonl) instead";
  }
  if (not_article) {
    Status s(ErrorCode::BadArgument, not_article);
    set_message(state, MessageKind::Error, "Cannot open " + std::string(name) + ": " + s.message());
    return s;
  }
  return load_text(state, text, name, is_guessed_encoding(decoded.encoding) ? decoded.encoding : TextEncoding::Utf8);
}

void restore_document(AppState& state, Document doc, const std::string& id, const std::string& source_name,
                      bool is_imported, bool is_done, double created_ms, ViewPosition view, int selected_entity,
                      bool cancelled, double removed_ms, int removed_position) {
  if (removed_ms > 0 && wall(state) - removed_ms > kKeepRemovedDays * 24 * 3600 * 1000) {
    if (state.services.unstore_document) state.services.unstore_document(id);  // kept long enough
    return;
  }
  auto session = std::make_unique<DocumentSession>();
  session->doc = std::move(doc);
  session->id = id;
  session->source_name = source_name;
  session->is_imported = is_imported;
  session->is_done = is_done;
  session->created_ms = created_ms;
  session->view = view;
  session->selected_entity = selected_entity;
  session->annotation_cancelled = cancelled;
  update_status(*session);
  if (removed_ms > 0) {
    // Among the removed ones, in the order they were removed: Ctrl+Z brings back the last.
    session->key = state.next_key++;
    session->removed_ms = removed_ms;
    session->removed_position = removed_position;
    auto at = std::find_if(state.removed.begin(), state.removed.end(),
                           [&](const RemovedDocument& r) { return r.session->removed_ms > removed_ms; });
    state.removed.insert(at, RemovedDocument{std::move(session), 0});
    for (RemovedDocument& r : state.removed) r.sequence = ++state.edit_sequence;
    return;
  }
  DocumentSession& s = add_session(state, std::move(session));
  s.saved_revision = s.revision;  // it is what the store holds
  // ... and what the browser's stored adaptation learnt from it when it was corrected.
  s.taught_fingerprint = person_work_fingerprint(s.doc);
  // A text stored before its annotation arrived is annotated now (unless a person cancelled it).
  if (!s.is_imported && s.doc.lang.empty()) {
    if (!s.annotation_cancelled) start_annotation(state, s, "auto");
  }
  else if (!s.is_imported) request_model_for(state, s.doc.lang);
}

// --- Section: the collection ---

int find_document(const AppState& state, std::string_view id) {
  for (size_t i = 0; i < state.documents.size(); ++i) {
    if (state.documents[i]->id == id) return static_cast<int>(i);
  }
  return -1;
}

bool select_document(AppState& state, int index) {
  if (index < 0 || index >= static_cast<int>(state.documents.size())) return false;
  if (index == state.current) return true;
  open_index(state, index);
  return true;
}

bool select_next_document(AppState& state, int direction) {
  const int n = static_cast<int>(state.documents.size());
  if (n == 0) return false;
  if (state.current < 0) return select_document(state, direction >= 0 ? 0 : n - 1);
  if (n == 1) return false;
  const int next = ((state.current + (direction >= 0 ? 1 : -1)) % n + n) % n;
  select_document(state, next);
  set_message(state, MessageKind::Info, "Document " + std::to_string(next + 1) + " of " + std::to_string(n) + ": " +
                                            document_title(state.doc()));
  return true;
}

bool remove_document(AppState& state, int index) {
  if (index < 0 || index >= static_cast<int>(state.documents.size())) return false;
  if (index == state.current) remember_view(state);
  std::unique_ptr<DocumentSession> gone = std::move(state.documents[static_cast<size_t>(index)]);
  state.documents.erase(state.documents.begin() + index);
  if (gone->annotation_job && state.services.cancel_annotation) state.services.cancel_annotation(gone->annotation_job);
  gone->annotation_job = 0;
  gone->retagging = false;
  // Kept in the store, marked removed, not deleted: a reload does not end Bring back.
  gone->removed_ms = std::max(1.0, wall(state));  // > 0: what marks it removed
  gone->removed_position = index;
  gone->saving_revision = 0;  // a write in flight is answered to no document in the list
  if (state.services.store_document) {
    gone->saving_revision = gone->revision;
    state.services.store_document(*gone);
  }
  const std::string title = document_title(gone->doc);
  state.removed.push_back({std::move(gone), ++state.edit_sequence});
  if (state.current == index) {
    state.current = -1;  // nothing to remember: it is gone
    const int n = static_cast<int>(state.documents.size());
    open_index(state, n == 0 ? -1 : std::min(index, n - 1));
  } else if (state.current > index) {
    --state.current;
  }
  set_message(state, MessageKind::Info, "Removed \xE2\x80\x9E" + title + "\xE2\x80\x9D (Ctrl+Z or Bring back brings it back)");
  return true;
}

bool restore_removed_document(AppState& state, std::string_view id) {
  if (state.removed.empty()) return false;
  auto which = state.removed.end() - 1;
  if (!id.empty()) {
    which = std::find_if(state.removed.begin(), state.removed.end(), [&](const RemovedDocument& r) { return r.session->id == id; });
    if (which == state.removed.end()) return false;
  }
  RemovedDocument r = std::move(*which);
  state.removed.erase(which);
  // Back in its place in the list, which is in the order documents were added (several
  // brought back in another order than they left, their old indices no longer hold).
  // Among documents added at the same moment, its old index decides.
  const double created = r.session->created_ms;
  int first = 0, last = 0;  // the documents added before it, and up to it
  for (const auto& d : state.documents) {
    first += d->created_ms < created ? 1 : 0;
    last += d->created_ms <= created ? 1 : 0;
  }
  const int at = std::clamp(r.session->removed_position, first, last);
  r.session->removed_ms = 0;
  r.session->removed_position = -1;
  r.session->saved_revision = 0;  // store it again, in the list
  // A write in flight when it was removed is answered to no document: not waited for.
  r.session->saving_revision = 0;
  r.session->changed_ms = now(state);
  const std::string title = document_title(r.session->doc);
  const bool reannotate = !r.session->is_imported && r.session->doc.lang.empty();
  state.documents.insert(state.documents.begin() + at, std::move(r.session));
  if (state.current >= at) ++state.current;
  open_index(state, at);
  if (reannotate) start_annotation(state, *state.session(), "auto");
  set_message(state, MessageKind::Info, "Brought back \xE2\x80\x9E" + title + "\xE2\x80\x9D");
  return true;
}

void set_document_done(AppState& state, int index, bool done) {
  if (index < 0 || index >= static_cast<int>(state.documents.size())) return;
  DocumentSession& s = *state.documents[static_cast<size_t>(index)];
  if (s.is_done == done) return;
  s.is_done = done;
  touch(state, s);
  set_message(state, MessageKind::Info, std::string(done ? "Marked done: " : "Marked not done: ") + document_title(s.doc));
}

std::vector<DocumentSummary> list_documents(const AppState& state) {
  std::vector<DocumentSummary> out;
  out.reserve(state.documents.size());
  for (const auto& s : state.documents) out.push_back(summarize(*s));
  return out;
}

std::string collection_document_json(const DocumentSession& s, int indent) {
  nlohmann::ordered_json line;
  line["id"] = s.id;
  if (s.is_done) line["done"] = true;
  nlohmann::ordered_json body = document_to_json(s.doc);
  for (auto& [k, v] : body.items()) line[k] = std::move(v);
  return line.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string export_all_jsonl(const AppState& state) {
  std::string out;
  for (const auto& s : state.documents) out += collection_document_json(*s, -1) + '\n';
  return out;
}

void download_collection_jsonl(AppState& state) {
  if (!state.services.save_file || state.documents.empty()) return;
  state.services.save_file("glosa-collection.jsonl", export_all_jsonl(state));
  set_message(state, MessageKind::Info,
              "Downloaded glosa-collection.jsonl: " + std::to_string(state.documents.size()) + " documents, one per line");
}

std::string documents_to_clear(size_t documents, size_t removed) {
  const std::string listed = documents == 1 ? "the document" : "all " + std::to_string(documents) + " documents";
  const std::string gone = std::to_string(removed) + " removed " + (documents > 0 ? std::string("one") : "document") +
                           (removed == 1 ? "" : "s") + " kept for Bring back";
  if (removed == 0) return listed;
  if (documents == 0) return gone;
  return listed + " and " + gone;
}

void clear_collection(AppState& state) {
  for (auto& s : state.documents) {
    if (s->annotation_job && state.services.cancel_annotation) state.services.cancel_annotation(s->annotation_job);
  }
  state.documents.clear();
  state.removed.clear();
  state.current = -1;
  clear_selections(state);
  ++state.doc_revision;
  state.last_saved_wall_ms = 0;
  state.storage_failed = false;
  if (state.services.clear_store) state.services.clear_store();
  set_message(state, MessageKind::Info, "Local data cleared: every stored document was removed from this browser");
}

// --- Section: background work ---

void on_annotated(AppState& state, uint64_t job, Document annotated, double annotate_ms) {
  DocumentSession* s = session_of_job(state, job);
  if (!s) return;  // removed or cancelled meanwhile
  s->annotation_job = 0;
  apply_annotation(state, *s, std::move(annotated), annotate_ms);
}

void on_annotation_failed(AppState& state, uint64_t job, const std::string& message) {
  DocumentSession* s = session_of_job(state, job);
  if (!s) return;
  s->annotation_job = 0;
  s->retagging = false;  // the re-tag's report counts the documents that came back
  if (s->reannotating) s->annotation_lang = s->lang_asked_before;  // the annotation shown is the one before
  s->reannotating = false;
  set_message(state, MessageKind::Error, s->source_name + ": the annotation failed (" + message + ")");
  if (s == state.session()) ++state.doc_revision;
}

void on_annotation_progress(AppState& state, uint64_t job, double fraction) {
  if (DocumentSession* s = session_of_job(state, job)) s->annotation_progress = std::clamp(fraction, 0.0, 1.0);
}

void cancel_annotation(AppState& state) {
  DocumentSession* s = state.session();
  if (!s || !s->annotation_job) return;
  if (state.services.cancel_annotation) state.services.cancel_annotation(s->annotation_job);
  s->annotation_job = 0;
  s->retagging = false;
  const bool kept = s->reannotating;  // the annotation shown is the one before: it stays
  if (kept) s->annotation_lang = s->lang_asked_before;
  s->reannotating = false;
  s->annotation_cancelled = !kept;
  touch(state, *s);  // stored so, so that a reload does not start it again
  set_message(state, MessageKind::Warning,
              kept ? "Annotation cancelled: the annotation before it stays"
                   : "Annotation cancelled: the text is shown without tags (choose a language in the toolbar to annotate it)");
}

void on_model_loaded(AppState& state, const std::string& lang) {
  if (state.loading_model == lang) state.loading_model.clear();
  if (std::find(state.ready_models.begin(), state.ready_models.end(), lang) == state.ready_models.end()) {
    state.ready_models.push_back(lang);
  }
  for (auto& s : state.documents) {
    if (s->is_imported || s->is_annotating() || s->annotation_cancelled || s->doc.lang != lang ||
        !s->doc.meta.model.empty()) {
      continue;
    }
    start_annotation(state, *s, s->annotation_lang.empty() ? "auto" : s->annotation_lang);
  }
}

void reannotate(AppState& state, const std::string& lang) {
  DocumentSession* s = state.session();
  if (!s) return;
  // An undo step when it arrives, unless it replaces a first annotation still under way.
  if (!s->reannotating && s->annotation_job == 0) {
    s->reannotating = true;
    s->lang_asked_before = s->annotation_lang.empty() ? "auto" : s->annotation_lang;
    s->imported_before = s->is_imported;
  }
  s->is_imported = false;  // a person asked for the engine's view of it
  set_message(state, MessageKind::Info, "Annotating again" + std::string(has_person_work(s->doc) ? ", keeping your corrections" : "") + "\xE2\x80\xA6");
  start_annotation(state, *s, lang);
}

// --- Section: what corrections teach ---

void on_taught(AppState& state, const std::string& lang, size_t rows) { state.taught[lang] = rows; }

uint64_t person_work_fingerprint(const Document& doc) {
  uint64_t h = 14695981039346656037ull;  // FNV-1a, over the fields of each reviewed entity
  auto mix = [&h](uint64_t v) {
    for (int k = 0; k < 8; ++k) h = (h ^ ((v >> (8 * k)) & 0xff)) * 1099511628211ull;
  };
  for (const Entity& e : doc.entities) {
    if (!is_person_work(e)) continue;
    mix(e.begin_byte);
    mix(e.end_byte);
    mix(static_cast<uint64_t>(e.origin));
    mix(static_cast<uint64_t>(e.status));
    for (char c : e.label) mix(static_cast<unsigned char>(c));
  }
  return h;
}

bool should_learn_from(const DocumentSession& s) {
  return (s.doc.lang == "pl" || s.doc.lang == "en") && !s.doc.meta.model.empty() && has_person_work(s.doc) &&
         person_work_fingerprint(s.doc) != s.taught_fingerprint;
}

void save_taught(AppState& state) {
  if (!state.services.export_taught) return;
  for (const auto& [lang, rows] : state.taught) {
    if (rows > 0) state.services.export_taught(lang);
  }
}

void forget_taught(AppState& state) {
  if (state.services.reset_taught) state.services.reset_taught();
  set_message(state, MessageKind::Info, "Forgot what your corrections taught: the shipped model alone tags again");
}

size_t taught_total(const AppState& state) {
  size_t total = 0;
  for (const auto& [lang, rows] : state.taught) total += rows;
  return total;
}

size_t retag_with_taught(AppState& state) {
  size_t n = 0;
  state.retag = {};
  std::vector<DocumentSession*> sent;
  for (auto& s : state.documents) {
    s->retagging = false;  // a re-tag before this one is no longer counted
    if (s->is_done || s->is_imported || s->is_annotating() || s->doc.lang.empty()) continue;
    s->retagging = true;
    sent.push_back(s.get());
  }
  // Marked first, sent then: an annotation that comes back at once (no worker) is counted
  // with the others, and the message waits for the last.
  for (DocumentSession* s : sent) {
    start_annotation(state, *s, s->annotation_lang.empty() ? "auto" : s->annotation_lang);
    ++n;
  }
  if (n == 0) {
    set_message(state, MessageKind::Info, "Nothing to re-tag: every document is marked done or was opened from a file");
    return 0;
  }
  const bool waiting = std::any_of(state.documents.begin(), state.documents.end(),
                                   [](const auto& d) { return d->retagging; });
  if (waiting) {  // else every document is back and report_retag() has spoken
    set_message(state, MessageKind::Info,
                "Tagging " + std::to_string(n) + " document" + (n == 1 ? "" : "s") +
                    " again with what your corrections taught (your own corrections in them are kept)");
  }
  return n;
}

// --- Section: local saving ---

double autosave_tick(AppState& state, double delay_ms) {
  if (!state.services.store_document) return 0;
  const double t = now(state);
  double wake = 0;
  for (auto& s : state.documents) {
    if (s->revision == s->saved_revision || s->saving_revision != 0) continue;
    // A write that failed is not tried again at once with nothing changed: a store that
    // refused it (full) would refuse it again, and writing a long document costs seconds.
    if (s->store_failed_ms != 0 && s->revision == s->store_failed_revision && t - s->store_failed_ms < kStoreRetryMs) {
      const double due = s->store_failed_ms + kStoreRetryMs;
      wake = wake == 0 ? due : std::min(wake, due);
      continue;
    }
    if (t - s->changed_ms >= delay_ms) {
      s->saving_revision = s->revision;
      const bool learns = should_learn_from(*s);  // the store learns from it (platform)
      state.services.store_document(*s);
      if (learns) s->taught_fingerprint = person_work_fingerprint(s->doc);
    } else {
      const double due = s->changed_ms + delay_ms;
      wake = wake == 0 ? due : std::min(wake, due);
    }
  }
  return wake;
}

void on_stored(AppState& state, const std::string& id, uint64_t revision, bool ok, const std::string& error) {
  const int i = find_document(state, id);
  DocumentSession* s = i >= 0 ? state.documents[static_cast<size_t>(i)].get() : nullptr;
  if (s && s->saving_revision == revision) s->saving_revision = 0;
  if (s) {
    s->store_failed_ms = ok ? 0 : std::max(1.0, now(state));
    s->store_failed_revision = ok ? 0 : revision;
  }
  for (RemovedDocument& r : state.removed) {  // its write marked removed
    if (r.session->id == id && r.session->saving_revision == revision) r.session->saving_revision = 0;
  }
  if (ok) {
    if (s) s->saved_revision = std::max(s->saved_revision, revision);
    state.last_saved_wall_ms = wall(state);
    if (state.storage_failed) {
      state.storage_failed = false;
      set_message(state, MessageKind::Info, "Saving in this browser works again");
    }
    return;
  }
  state.storage_failed = true;
  set_message(state, MessageKind::Error,
              "Could not save in this browser (" + error +
                  "): your work is still here, but download it now (Ctrl+S, or Export all in Documents)");
}

// --- Section: the open document ---

std::string document_json(const AppState& state) { return write_document(state.doc(), 2); }

std::string count_of(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

std::string document_title(const Document& doc) {
  // The engine's article stage is the one place that knows title lines; a file without the
  // article block (format version 1) gets it computed here.
  return doc.article.title.empty() ? compute_article_info(doc).title : doc.article.title;
}

std::string safe_file_stem(std::string_view title) {
  // Keep at most ~8 words / 60 bytes, cut at a character boundary.
  std::string name;
  int words = 0;
  size_t len = 0;
  for (size_t i = 0; i < title.size() && name.size() < 60; i += len) {
    const char32_t cp = decode_utf8(title, i, &len);
    if (is_space(cp)) {
      if (++words >= 8) break;
      if (!name.empty() && name.back() != '-') name += '-';
      continue;
    }
    // Letters (any script) and digits only: nothing a file system or shell treats specially.
    if (!is_letter(cp) && !is_digit(cp) && cp != '-' && cp != '_') continue;
    name.append(title.substr(i, len));
  }
  while (!name.empty() && (name.back() == '-' || name.back() == '.')) name.pop_back();
  while (!name.empty() && (name.front() == '-' || name.front() == '.')) name.erase(name.begin());
  // Windows refuses its device names as file names, with any extension.
  static const char* const kDevices[] = {"con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5",
                                         "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4",
                                         "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"};
  const std::string lowered = lower_ascii(name);
  for (const char* device : kDevices) {
    if (lowered == device) name = "_" + name;
  }
  return name.empty() ? "glosa" : name;
}

std::string document_filename(const AppState& state) { return safe_file_stem(document_title(state.doc())) + ".glosa.json"; }

void save_document(AppState& state) {
  if (!has_document(state)) {
    set_message(state, MessageKind::Warning, "Nothing to download yet: paste or open an article first");
    return;
  }
  if (!state.services.save_file) {
    set_message(state, MessageKind::Error, "Saving is not available on this platform");
    return;
  }
  const std::string name = document_filename(state);
  state.services.save_file(name, document_json(state));
  set_message(state, MessageKind::Info, "Downloaded " + name);
}

void share_document(AppState& state) {
  if (!has_document(state)) {
    set_message(state, MessageKind::Warning, "Nothing to share yet: paste or open an article first");
    return;
  }
  if (!state.services.share_link) {
    set_message(state, MessageKind::Error, "Links are not available on this platform");
    return;
  }
  const Document& doc = state.doc();
  nlohmann::ordered_json link = document_to_json(doc);
  nlohmann::ordered_json view = nlohmann::ordered_json::object();
  const CodepointIndex index(doc.text);
  view["start"] = index.to_codepoint(std::min(state.session()->view.byte, doc.text.size()));
  if (state.selected_entity >= 0 && state.selected_entity < static_cast<int>(doc.entities.size())) {
    view["selected"] = doc.entities[static_cast<size_t>(state.selected_entity)].id;
  }
  view["hidden_labels"] = nlohmann::ordered_json::array();
  for (const LabelInfo& l : doc.labels) {
    const auto it = state.hidden_labels.find(l.name);
    if (it != state.hidden_labels.end() && it->second) view["hidden_labels"].push_back(l.name);
  }
  link["view"] = std::move(view);
  state.services.share_link(link.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

namespace {

// The view a link carries (share_document), on the open document: the line it starts at, the
// entity selected, and which of the document's labels are hidden (the others are shown).
// Returns the labels it hid, for the message; anything it cannot use is passed over.
std::vector<std::string> apply_shared_view(AppState& state, const nlohmann::json& link) {
  std::vector<std::string> hidden;
  DocumentSession* s = state.session();
  if (!s || !link.is_object() || !link.contains("view") || !link["view"].is_object()) return hidden;
  const nlohmann::json& view = link["view"];
  const Document& doc = s->doc;
  if (view.contains("start") && view["start"].is_number_unsigned()) {
    size_t byte = 0;
    if (CodepointIndex(doc.text).to_byte(view["start"].get<size_t>(), &byte)) {
      s->view = ViewPosition{byte, 0, /*selection_seen=*/true};
      state.restore_view = s->view;
      state.restore_pending = true;
    }
  }
  if (view.contains("selected") && view["selected"].is_string()) {
    const std::string id = view["selected"].get<std::string>();
    for (size_t i = 0; i < doc.entities.size(); ++i) {
      if (doc.entities[i].id == id) state.selected_entity = s->selected_entity = static_cast<int>(i);
    }
  }
  if (view.contains("hidden_labels") && view["hidden_labels"].is_array()) {
    for (const LabelInfo& l : doc.labels) state.hidden_labels[l.name] = false;
    for (const auto& name : view["hidden_labels"]) {
      if (!name.is_string()) continue;
      const std::string label = name.get<std::string>();
      if (std::none_of(doc.labels.begin(), doc.labels.end(), [&](const LabelInfo& l) { return l.name == label; })) continue;
      if (!state.hidden_labels[label]) hidden.push_back(label);
      state.hidden_labels[label] = true;
    }
  }
  return hidden;
}

std::string hidden_as_in_link(const std::vector<std::string>& hidden) {
  if (hidden.empty()) return "";
  std::string names;
  for (const std::string& h : hidden) names += (names.empty() ? "" : ", ") + h;
  return "; hidden as in the link: " + names + " (the legend shows them again)";
}

}  // namespace

Status open_shared_document(AppState& state, std::string_view json_text) {
  const auto link = nlohmann::json::parse(json_text, nullptr, false);  // for its "view"
  auto doc = read_document(json_text);
  if (doc.is_ok()) {
    // The same link opened again (another tab, the back button): its document, not a copy.
    for (size_t i = 0; i < state.documents.size(); ++i) {
      const Document& have = state.documents[i]->doc;
      if (have.text != doc.value().text || have.entities.size() != doc.value().entities.size()) continue;
      bool same = true;
      for (size_t k = 0; k < have.entities.size() && same; ++k) {
        const Entity& a = have.entities[k];
        const Entity& b = doc.value().entities[k];
        same = a.begin_byte == b.begin_byte && a.end_byte == b.end_byte && a.label == b.label && a.status == b.status;
      }
      if (!same) continue;
      select_document(state, static_cast<int>(i));
      const auto hidden = apply_shared_view(state, link);
      set_message(state, MessageKind::Info, "The link's document is already here: it is open" + hidden_as_in_link(hidden));
      return Status::ok();
    }
  }
  // The same text already here with other annotations (the link opened before and corrected
  // since): the link's version comes in beside it, and the message says where the other is.
  const bool same_text_here = doc.is_ok() && std::any_of(state.documents.begin(), state.documents.end(), [&](const auto& have) {
                                return have->doc.text == doc.value().text;
                              });
  Status s = open_document_json(state, json_text, "shared link");
  if (!s.is_ok()) return s;
  const auto hidden = apply_shared_view(state, link);
  std::string message = "Opened the document from the link: " + count_of(state.doc().entities.size(), "entity", "entities") +
                        " (it is now kept in this browser too)";
  if (same_text_here) {
    message += ". Your copy of the same text, annotated otherwise, stays in Documents as it was: this is the link's "
               "version beside it";
  }
  set_message(state, MessageKind::Info, message + hidden_as_in_link(hidden));
  return s;
}

bool confirm_open_dialog(AppState& state) {
  if (!state.show_open_dialog) return false;
  state.show_open_dialog = false;
  if (state.services.open_file_dialog) state.services.open_file_dialog();
  return true;
}

// --- Section: selection and lists ---

void select_entity(AppState& state, int index) {
  if (index < 0 || index >= static_cast<int>(state.doc().entities.size())) {
    state.selected_entity = -1;
    return;
  }
  state.selected_entity = index;
  state.scroll_to_entity = index;
  state.selected_quote = -1;
  state.scroll_to_quote = -1;
  state.flash_until_ms = now(state) + 1200.0;
}

void select_quote(AppState& state, int index) {
  if (index < 0 || index >= static_cast<int>(state.doc().quotes.size())) {
    state.selected_quote = -1;
    return;
  }
  state.selected_quote = index;
  state.scroll_to_quote = index;
  state.selected_entity = -1;
  state.scroll_to_entity = -1;
  state.flash_until_ms = now(state) + 1200.0;
}

const DocumentIndex& document_index(AppState& state) {
  if (state.index.revision != state.doc_revision) {
    state.index = build_document_index(state.doc());
    state.index.revision = state.doc_revision;
  }
  return state.index;
}

bool is_entity_visible(const AppState& state, int index) {
  if (index < 0 || index >= static_cast<int>(state.doc().entities.size())) return false;
  const Entity& e = state.doc().entities[static_cast<size_t>(index)];
  if (e.status == ReviewStatus::Rejected) return false;
  auto it = state.hidden_labels.find(e.label);
  return it == state.hidden_labels.end() || !it->second;
}

int show_next_mention(AppState& state, int group) {
  const DocumentIndex& index = document_index(state);
  if (group < 0 || group >= static_cast<int>(index.group_mentions.size())) return -1;
  const std::vector<int>& mentions = index.group_mentions[static_cast<size_t>(group)];
  const int n = static_cast<int>(mentions.size());
  const std::string& id = state.doc().groups[static_cast<size_t>(group)].id;
  // Where the cursor stands now: the selection wins over the remembered position, so a
  // mention clicked in the text continues the cycle from there.
  int at = -1;
  const auto selected = std::find(mentions.begin(), mentions.end(), state.selected_entity);
  if (state.selected_entity >= 0 && selected != mentions.end()) {
    at = static_cast<int>(selected - mentions.begin());
  } else if (state.cycle_group == id && state.cycle_position >= 0 && state.cycle_position < n) {
    at = state.cycle_position;
  }
  for (int step = 1; step <= n; ++step) {
    const int pos = at < 0 ? step - 1 : (at + step) % n;
    if (!is_entity_visible(state, mentions[static_cast<size_t>(pos)])) continue;
    select_entity(state, mentions[static_cast<size_t>(pos)]);
    state.cycle_group = id;
    state.cycle_position = pos;
    return mentions[static_cast<size_t>(pos)];
  }
  return -1;
}

std::vector<int> list_groups(AppState& state, std::string_view filter) {
  const DocumentIndex& index = document_index(state);
  const std::string f = search_fold(filter);
  std::vector<int> out;
  const Document& doc = state.doc();
  for (size_t g = 0; g < doc.groups.size(); ++g) {
    auto hidden = state.hidden_labels.find(doc.groups[g].label);
    if (hidden != state.hidden_labels.end() && hidden->second) continue;
    if (group_matches(doc, index, static_cast<int>(g), f)) out.push_back(static_cast<int>(g));
  }
  return sort_groups_for_list(index, std::move(out));
}

std::vector<int> list_ungrouped_entities(AppState& state, std::string_view filter) {
  const DocumentIndex& index = document_index(state);
  const std::string f = search_fold(filter);
  std::vector<int> out;
  const Document& doc = state.doc();
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    if (index.entity_group[e] >= 0 || !is_entity_visible(state, static_cast<int>(e))) continue;
    if (entity_matches(doc, static_cast<int>(e), f)) out.push_back(static_cast<int>(e));
  }
  return out;
}

std::vector<int> list_quotes(AppState& state, std::string_view filter) {
  const DocumentIndex& index = document_index(state);
  const std::string f = search_fold(filter);
  std::vector<int> out;
  const Document& doc = state.doc();
  for (size_t q = 0; q < doc.quotes.size(); ++q) {
    if (quote_matches(doc, index, static_cast<int>(q), f)) out.push_back(static_cast<int>(q));
  }
  return out;
}

}  // namespace glosa::app
