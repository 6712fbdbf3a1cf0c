// Export in other formats, opening several files at once, and comparing two annotators'
// files. Layer: app.
#include "app/exchange.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

#include "app/app_state.h"
#include "app/editing.h"
#include "engine/text/language.h"
#include "engine/text/tokenizer.h"
#include "engine/text/unicode.h"
#include "formats/annotation_json.h"
#include "formats/zip.h"

namespace glosa::app {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "article.ann" -> "article"; "a.b.txt" -> "a.b".
std::string base_name(std::string_view name) {
  const size_t dot = name.rfind('.');
  return lower(dot == std::string_view::npos ? name : name.substr(0, dot));
}

bool has_suffix(std::string_view name, std::string_view suffix) {
  const std::string l = lower(name);
  return l.size() >= suffix.size() && l.compare(l.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A copy of the document without its rejected entities (they are no one's annotation), and
// for each kept entity its index in the original.
Document standing_only(const Document& doc, std::vector<size_t>* index) {
  Document out = doc;
  out.entities.clear();
  if (index) index->clear();
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    if (doc.entities[i].status == ReviewStatus::Rejected) continue;
    out.entities.push_back(doc.entities[i]);
    if (index) index->push_back(i);
  }
  return out;
}

// Saves `entries` as one stored .zip called `name`; false (and a message) when they cannot be
// archived.
bool save_archive(AppState& state, const std::string& name, const std::vector<ZipEntry>& entries) {
  auto zip = write_zip(entries);
  if (!zip.is_ok()) {
    set_message(state, MessageKind::Error, "Cannot export " + name + ": " + zip.status().message());
    return false;
  }
  state.services.save_file(name, zip.value());
  return true;
}

// A file name as a case-insensitive file system compares it ("Łódź" and "łódź" collide).
std::string folded(std::string_view name) {
  std::string out;
  append_lower(out, name);
  return out;
}

}  // namespace

// --- Section: export ---

void export_as(AppState& state, ExchangeFormat format) {
  if (!has_document(state)) {
    set_message(state, MessageKind::Warning, "Nothing to export yet: paste or open an article first");
    return;
  }
  if (!state.services.save_file) {
    set_message(state, MessageKind::Error, "Saving is not available on this platform");
    return;
  }
  Exported out = export_document(state.doc(), format);
  // W3C annotations point into a text they do not hold: the text goes with them (one .zip,
  // as a brat pair), so that the download opens again by itself.
  if (format == ExchangeFormat::W3c) out.files.push_back({".txt", "text/plain", state.doc().text});
  const std::string base = safe_file_stem(document_title(state.doc()));
  std::string message;
  if (out.files.size() == 1) {
    state.services.save_file(base + out.files[0].suffix, out.files[0].bytes);
    message = "Downloaded " + base + out.files[0].suffix + " (" + format_title(format) + ")";
  } else {
    std::vector<ZipEntry> entries;
    std::string names;
    for (const ExportedFile& f : out.files) {
      entries.push_back({base + f.suffix, f.bytes});
      names += (names.empty() ? "" : " and ") + base + f.suffix;
    }
    const std::string name = base + "." + format_name(format) + ".zip";
    if (!save_archive(state, name, entries)) return;
    message = "Downloaded " + name + " (" + format_title(format) + "): " + names;
  }
  for (const std::string& note : out.notes) message += "; " + note;
  set_message(state, out.notes.empty() ? MessageKind::Info : MessageKind::Warning, message);
}

void export_collection_as(AppState& state, ExchangeFormat format) {
  if (state.documents.empty()) {
    set_message(state, MessageKind::Warning, "Nothing to export yet: paste or open an article first");
    return;
  }
  if (!state.services.save_file) {
    set_message(state, MessageKind::Error, "Saving is not available on this platform");
    return;
  }
  std::vector<ZipEntry> entries;
  std::vector<std::string> stems;
  size_t documents = 0, with_notes = 0, annotating = 0;
  for (const auto& s : state.documents) {
    if (s->doc.text.empty()) continue;
    if (s->is_annotating()) {  // its entities are not there yet
      ++annotating;
      continue;
    }
    // Each document under its title, made unique in the archive (names compared as a
    // case-insensitive file system would).
    const std::string stem = safe_file_stem(document_title(s->doc));
    std::string unique = stem;
    for (int k = 2; std::find(stems.begin(), stems.end(), folded(unique)) != stems.end(); ++k) {
      unique = stem + "-" + std::to_string(k);
    }
    stems.push_back(folded(unique));
    Exported out = export_document(s->doc, format);
    // Glosa files in an archive of the collection keep their place in it (id, done), so that
    // opening the archive brings the collection back as it was.
    if (format == ExchangeFormat::Glosa) out.files[0].bytes = collection_document_json(*s, 2) + "\n";
    for (const ExportedFile& f : out.files) entries.push_back({unique + f.suffix, f.bytes});
    // W3C annotations point into a text they do not hold: the archive carries it, so that
    // opening the archive brings the documents back.
    if (format == ExchangeFormat::W3c) entries.push_back({unique + ".txt", s->doc.text});
    with_notes += out.notes.empty() ? 0 : 1;
    ++documents;
  }
  const std::string name = std::string("glosa-collection.") + format_name(format) + ".zip";
  if (!save_archive(state, name, entries)) return;
  std::string message = "Downloaded " + name + ": " + std::to_string(documents) +
                        (documents == 1 ? " document" : " documents") + " as " + format_title(format);
  if (annotating > 0) {
    message += "; " + std::to_string(annotating) + (annotating == 1 ? " document still being tagged was" : " documents still being tagged were") +
               " left out";
  }
  if (with_notes > 0) {
    message += "; in " + std::to_string(with_notes) + (with_notes == 1 ? " document" : " documents") +
               " the format could not hold everything (export them one by one to see what)";
  }
  set_message(state, with_notes == 0 && annotating == 0 ? MessageKind::Info : MessageKind::Warning, message);
}

// --- Section: opening ---

Status open_exchange_file(AppState& state, std::string_view name, std::string_view bytes, ExchangeFormat format,
                          const std::string* text) {
  const std::string source(name);
  if (!can_import(format)) {
    Status s(ErrorCode::NotGlosaFile, std::string(format_title(format)) + " files are written by Glosa, not read");
    set_message(state, MessageKind::Error, "Cannot open " + source + ": " + s.message());
    return s;
  }
  if (needs_text(format) && format != ExchangeFormat::Conll && !text) {
    Status s(ErrorCode::MissingField, std::string(format_title(format)) +
                                          " holds no text: open it together with its .txt (pick or drop both)");
    set_message(state, MessageKind::Error, "Cannot open " + source + ": " + s.message());
    return s;
  }
  auto docs = import_documents(format, bytes, text ? std::optional<std::string_view>(*text) : std::nullopt);
  if (!docs.is_ok()) {
    set_message(state, MessageKind::Error, "Cannot open " + source + ": " + docs.status().message() +
                                               (has_document(state) ? " (nothing was changed)" : ""));
    return docs.status();
  }
  if (docs.value().empty()) {
    Status s(ErrorCode::EmptyText, "the file holds no document");
    set_message(state, MessageKind::Error, "Cannot open " + source + ": " + s.message());
    return s;
  }
  const int first = static_cast<int>(state.documents.size());
  size_t entities = 0;
  for (Document& doc : docs.value()) {
    if (doc.lang.empty()) doc.lang = detect_language(doc.text, tokenize(doc.text));
    if (doc.labels.empty()) doc.labels = default_labels();
    for (const Entity& e : doc.entities) {
      if (find_label(doc.labels, e.label) < 0) doc.labels.push_back({e.label, "#bbbbbb", "", ""});
    }
    entities += doc.entities.size();
    DocumentSession& s = add_document(state, std::move(doc), source, true);
    // Another tool's file has entities only: groups, speakers and the article's facts are
    // derived here, from its entities as they are.
    if (s.doc.groups.empty()) refresh_derived(state, s);
  }
  select_document(state, first);
  set_message(state, MessageKind::Info,
              "Opened " + source + " as " + format_title(format) + ": " + count_of(docs.value().size(), "document", "documents") +
                  ", " + count_of(entities, "entity", "entities"));
  return Status::ok();
}

namespace {

// "a.txt", "a.txt and b.txt", "a.txt, b.txt and c.txt", "a.txt, b.txt and 3 more".
std::string name_list(const std::vector<std::string>& names) {
  const size_t shown = names.size() <= 3 ? names.size() : 2;
  std::string out;
  for (size_t i = 0; i < shown; ++i) {
    out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  }
  if (shown < names.size()) out += " and " + std::to_string(names.size() - shown) + " more";
  return out;
}

// What the person must know of how the documents added from `first` on were decoded
// (decoding_note), grouped so that a drop of twenty old files stays one readable line:
// "old.txt was read as Windows-1250 (Central European); bad.txt had invalid UTF-8 replaced
// by U+FFFD". Marks those documents' notes as said (DocumentSession::note_in_summary).
std::string decoding_notes(AppState& state, size_t first) {
  std::map<TextEncoding, std::vector<std::string>> read_as;
  std::vector<std::string> invalid;
  for (size_t i = first; i < state.documents.size(); ++i) {
    DocumentSession& s = *state.documents[i];
    if (decoding_note(s).empty()) continue;
    s.note_in_summary = true;
    if (is_guessed_encoding(s.read_as)) read_as[s.read_as].push_back(s.source_name);
    else invalid.push_back(s.source_name);
  }
  std::string text;
  for (const auto& [encoding, names] : read_as) {
    text += (text.empty() ? "" : "; ") + name_list(names) + (names.size() == 1 ? " was" : " were") + " read as " +
            encoding_description(encoding);
  }
  if (!invalid.empty()) {
    text += (text.empty() ? "" : "; ") + name_list(invalid) + " had invalid UTF-8 replaced by \xEF\xBF\xBD";
  }
  return text;
}

}  // namespace

Status open_files(AppState& state, std::vector<OpenedFile> files) {
  if (state.comparison.pending && !files.empty()) {
    state.comparison.pending = false;
    return compare_with(state, files[0].name, files[0].bytes);
  }
  // A .zip counts as the files it holds. What is wrong with an archive is said after the
  // other files have opened (each of them sets the message).
  Status zip_failure;
  std::vector<std::string> archive_notes;
  std::vector<std::string> given;  // the names as given (an archive's, not its files')
  for (const OpenedFile& f : files) given.push_back(f.name);
  std::vector<OpenedFile> unpacked;
  bool from_archive = false;
  for (OpenedFile& f : files) {
    if (!looks_like_zip(f.bytes)) {
      unpacked.push_back(std::move(f));
      continue;
    }
    from_archive = true;
    auto entries = read_zip(f.bytes);
    if (!entries.is_ok()) {
      if (zip_failure.is_ok()) zip_failure = entries.status();
      archive_notes.push_back("Cannot open " + f.name + ": " + entries.status().message());
      continue;
    }
    if (entries.value().empty()) archive_notes.push_back(f.name + " is an empty archive: nothing to open");
    for (ZipEntry& e : entries.value()) {
      if (looks_like_zip(e.bytes)) {  // one level only: an archive inside is not opened
        archive_notes.push_back(e.name + " in " + f.name + " is an archive itself: unzip it to open it");
        continue;
      }
      unpacked.push_back({std::move(e.name), std::move(e.bytes)});
    }
  }
  files = std::move(unpacked);
  const auto say_archive_notes = [&] {
    if (archive_notes.empty()) return;
    std::string text;
    for (const std::string& n : archive_notes) text += (text.empty() ? "" : "; ") + n;
    if (!files.empty() && !state.message.empty()) text += "; " + state.message;
    set_message(state, zip_failure.is_ok() ? MessageKind::Warning : MessageKind::Error, text);
  };
  const size_t documents_before = state.documents.size();  // new documents come after these
  // A file that needs its text (brat's .ann, W3C annotations) takes the .txt of its name.
  std::vector<bool> used(files.size(), false);
  Status first_failure;
  size_t opened = 0;                  // files that opened (a brat pair is two)
  std::vector<std::string> failures;  // each failed file's message (the next one replaces it)
  const auto failed = [&](const Status& s, size_t files_used = 1) {
    if (s.is_ok()) {
      opened += files_used;
      return;
    }
    if (first_failure.is_ok()) first_failure = s;
    failures.push_back(state.message);
  };
  for (size_t i = 0; i < files.size(); ++i) {
    const ExchangeFormat f = has_suffix(files[i].name, ".txt") ? ExchangeFormat::PlainText
                                                                : detect_format(files[i].name, files[i].bytes);
    if (f != ExchangeFormat::Brat && f != ExchangeFormat::W3c) continue;
    for (size_t j = 0; j < files.size(); ++j) {
      if (j == i || used[j] || !has_suffix(files[j].name, ".txt") || base_name(files[j].name) != base_name(files[i].name)) {
        continue;
      }
      used[i] = used[j] = true;
      failed(open_exchange_file(state, files[i].name, files[i].bytes, f, &files[j].bytes), 2);
      break;
    }
  }
  for (size_t i = 0; i < files.size(); ++i) {
    if (used[i]) continue;
    failed(open_file(state, files[i].name, files[i].bytes));
  }
  // Of several files, what opened and what did not, in one message: a failure said last (in
  // red, "the open document is unchanged") must not hide that others were added, nor the
  // last failure the others, nor a later file's "Annotated …" a file read as Windows-1250 or
  // with invalid UTF-8 (decoding_notes). It stays a while: a document's annotation, finished
  // a moment later, does not say "Annotated …" over it (AppState::keep_warning_until_ms).
  const std::string notes = files.size() > 1 ? decoding_notes(state, documents_before) : "";
  if (files.size() > 1 && ((!failures.empty() && (opened > 0 || failures.size() > 1)) || !notes.empty())) {
    std::string text = opened == files.size() ? "Opened " + std::to_string(opened) + " files"
                       : opened > 0 ? "Opened " + std::to_string(opened) + " of " + std::to_string(files.size()) + " files"
                                    : "None of the " + std::to_string(files.size()) + " files could be opened";
    static const std::string kUnchanged = " (the open document is unchanged)";
    for (std::string f : failures) {
      const size_t at = f.find(kUnchanged);
      if (at != std::string::npos) f.erase(at, kUnchanged.size());
      text += "; " + f;
    }
    if (!notes.empty()) text += "; " + notes;
    if (opened == 0 && has_document(state)) text += kUnchanged;
    set_message(state, opened > 0 ? MessageKind::Warning : MessageKind::Error, text);
    if (state.services.now_ms) state.keep_warning_until_ms = state.services.now_ms() + 10000;
  } else if (from_archive && failures.empty() && state.documents.size() > documents_before + 1) {
    // Several documents from an archive, all opened (a collection's export): each file said only its own
    // ("…: 1 document"), so the whole is said.
    size_t entities = 0;
    for (size_t i = documents_before; i < state.documents.size(); ++i) entities += state.documents[i]->doc.entities.size();
    const size_t added = state.documents.size() - documents_before;
    set_message(state, MessageKind::Info,
                "Opened " + count_of(added, "document", "documents") + " from " + name_list(given) + ": " +
                    count_of(entities, "entity", "entities") + (notes.empty() ? "" : "; " + notes));
  }
  say_archive_notes();
  return zip_failure.is_ok() ? first_failure : zip_failure;
}

// --- Section: comparing two annotators ---

void refresh_comparison(AppState& state) {
  Comparison& c = state.comparison;
  if (!c.active || !state.session()) return;
  const Document a = standing_only(state.doc(), nullptr);
  const Document b = standing_only(c.other, nullptr);
  auto agreement = compare_annotations(a, b);
  if (!agreement.is_ok()) {
    end_compare(state);
    set_message(state, MessageKind::Error, "The comparison ended: " + agreement.status().message());
    return;
  }
  c.agreement = std::move(agreement.value());
  c.revision = state.session()->revision;
  const int n = static_cast<int>(c.agreement.disagreements.size());
  c.current = n == 0 ? -1 : std::clamp(c.current, 0, n - 1);
}

void begin_compare(AppState& state) {
  if (!has_document(state)) {
    set_message(state, MessageKind::Warning, "Open the document to compare first, then the other annotator's file");
    return;
  }
  begin_compare_later(state);
  if (state.services.open_file_dialog) state.services.open_file_dialog();
}

void begin_compare_later(AppState& state) {
  if (!has_document(state)) return;
  state.comparison.pending = true;
  set_message(state, MessageKind::Info, "Choose the other annotator's file of this text to compare with");
}

Status compare_with(AppState& state, std::string_view name, std::string_view bytes) {
  const std::string source(name);
  if (!has_document(state)) {
    Status s(ErrorCode::BadArgument, "no document is open to compare with");
    set_message(state, MessageKind::Error, "Cannot compare: " + s.message());
    return s;
  }
  const ExchangeFormat f = detect_format(name, bytes);
  Result<std::vector<Document>> docs = f == ExchangeFormat::PlainText || !can_import(f)
      ? Result<std::vector<Document>>(Status(ErrorCode::NotGlosaFile, "not an annotation file"))
      : import_documents(f, bytes, f == ExchangeFormat::Conll || needs_text(f)
                                       ? std::optional<std::string_view>(state.doc().text) : std::nullopt);
  if (!docs.is_ok() || docs.value().size() != 1) {
    Status s = docs.is_ok() ? Status(ErrorCode::BadArgument, "the file holds more than one document") : docs.status();
    set_message(state, MessageKind::Error, "Cannot compare with " + source + ": " + s.message());
    return s;
  }
  Document other = std::move(docs.value()[0]);
  if (other.text != state.doc().text) {
    Status s(ErrorCode::ChecksumMismatch,
             "its text is not the open document's (another article, or the text was changed): only annotations of the "
             "same text can be compared");
    set_message(state, MessageKind::Error, "Cannot compare with " + source + ": " + s.message());
    return s;
  }
  Comparison& c = state.comparison;
  c = Comparison{};
  c.active = true;
  c.other_name = source;
  c.other = std::move(other);
  c.document_id = state.session()->id;
  c.current = 0;
  refresh_comparison(state);
  if (!c.active) return Status(ErrorCode::BadArgument, state.message);
  if (c.current >= 0) state.scroll_to_byte = c.agreement.disagreements[static_cast<size_t>(c.current)].begin_byte;
  char line[160];
  std::snprintf(line, sizeof line, "Compared with %s: F1 %.3f, kappa %.3f, %zu disagreement%s", source.c_str(),
                c.agreement.f1, c.agreement.kappa, c.agreement.disagreements.size(),
                c.agreement.disagreements.size() == 1 ? "" : "s");
  set_message(state, MessageKind::Info, line);
  return Status::ok();
}

bool compare_step(AppState& state, int direction) {
  Comparison& c = state.comparison;
  const int n = static_cast<int>(c.agreement.disagreements.size());
  if (!c.active || n == 0) return false;
  c.current = c.current < 0 ? 0 : ((c.current + direction) % n + n) % n;
  state.scroll_to_byte = c.agreement.disagreements[static_cast<size_t>(c.current)].begin_byte;
  return true;
}

bool take_version(AppState& state, bool theirs) {
  Comparison& c = state.comparison;
  if (!c.active || c.current < 0 || c.current >= static_cast<int>(c.agreement.disagreements.size())) return false;
  const Disagreement d = c.agreement.disagreements[static_cast<size_t>(c.current)];
  std::vector<size_t> a_index;
  standing_only(state.doc(), &a_index);
  const Document b = standing_only(c.other, nullptr);
  std::vector<int> remove;
  std::vector<Entity> add;
  if (theirs) {
    for (size_t i : d.a) remove.push_back(static_cast<int>(a_index[i]));
    for (size_t i : d.b) {
      Entity e = b.entities[i];
      e.origin = Origin::Person;  // a person chose it
      e.confidence = 1.0f;
      e.status = ReviewStatus::Accepted;
      e.group.clear();
      add.push_back(e);
    }
  } else {
    for (size_t i : d.a) {
      Entity e = state.doc().entities[a_index[i]];
      if (e.status == ReviewStatus::Accepted) continue;
      e.status = ReviewStatus::Accepted;
      remove.push_back(static_cast<int>(a_index[i]));
      add.push_back(e);
    }
  }
  const bool changes = !remove.empty() || !add.empty();
  if (changes) {
    apply_edit(state, std::move(remove), std::move(add),
               std::string(theirs ? "Took " : "Kept ") + (theirs ? c.other_name + "'s" : "this document's") +
                   " version of a disagreement");
  }
  refresh_comparison(state);
  // Ours stays a disagreement (the other file still differs): go on to the next one. Theirs
  // resolved it: the next one has moved into its place.
  if (!theirs) compare_step(state, +1);
  else if (c.active && c.current >= 0) state.scroll_to_byte = c.agreement.disagreements[static_cast<size_t>(c.current)].begin_byte;
  return true;
}

void end_compare(AppState& state) {
  state.comparison = Comparison{};
}

}  // namespace glosa::app
