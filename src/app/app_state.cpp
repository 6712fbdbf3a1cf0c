// AppState commands: load, open, save, select, cycle through a group's mentions. Layer: app.
#include "app/app_state.h"

#include <algorithm>

#include "engine/article/article_info.h"
#include "engine/io/annotation_json.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa::app {

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

// Makes `doc` the open document and resets what referred to the old one.
void replace_document(AppState& state, Document doc, std::string_view source_name) {
  state.doc = std::move(doc);
  state.source_name = std::string(source_name);
  clear_selections(state);
  state.undo_stack.clear();
  state.redo_stack.clear();
  state.edit_count = 0;
  ++state.doc_revision;
}

}  // namespace

bool has_document(const AppState& state) { return !state.doc.text.empty(); }

void clear_selections(AppState& state) {
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

Status load_text(AppState& state, std::string_view raw, std::string_view source_name) {
  GLOSA_ASSERT(state.engine != nullptr, "AppState.engine must be set before loading text");
  AnnotateOptions options;
  options.lang = state.lang_override;
  const double t0 = now(state);
  auto result = state.engine->annotate(raw, options);
  const double t1 = now(state);
  if (!result.is_ok()) {
    set_message(state, MessageKind::Error,
                std::string(source_name) + ": " + result.status().message() +
                    (has_document(state) ? " (the open document is unchanged)" : ""));
    return result.status();
  }
  Analysis& a = result.value();
  a.doc.meta.created = state.services.now_iso ? state.services.now_iso() : "";
  state.annotate_ms = t1 - t0;
  const size_t invalid = a.invalid_utf8_count;
  const size_t count = a.doc.entities.size();
  replace_document(state, std::move(a.doc), source_name);
  state.is_imported = false;
  const std::string& lang = state.doc.lang;
  if ((lang == "pl" || lang == "en") && !state.engine->has_model(lang) &&
      state.services.request_model && state.loading_model != lang) {
    state.loading_model = lang;
    state.services.request_model(lang);
  }
  if (invalid > 0) {
    set_message(state, MessageKind::Warning,
                std::string(source_name) + ": " + std::to_string(invalid) +
                    " invalid UTF-8 sequence(s) were replaced by \xEF\xBF\xBD");
  } else {
    set_message(state, MessageKind::Info,
                "Annotated " + std::string(source_name) + ": " + std::to_string(count) + " entities");
  }
  return Status::ok();
}

Status open_document_json(AppState& state, std::string_view json_text, std::string_view source_name) {
  auto result = read_document(json_text);
  if (!result.is_ok()) {
    set_message(state, MessageKind::Error,
                "Cannot open " + std::string(source_name) + ": " + result.status().message() +
                    (has_document(state) ? " (the open document is unchanged)" : ""));
    return result.status();
  }
  if (result.value().text.empty()) {
    Status empty(ErrorCode::EmptyText, "the file's text is empty");
    set_message(state, MessageKind::Error, "Cannot open " + std::string(source_name) + ": " + empty.message());
    return empty;
  }
  const size_t count = result.value().entities.size();
  state.annotate_ms = 0;
  replace_document(state, std::move(result.value()), source_name);
  state.is_imported = true;
  set_message(state, MessageKind::Info,
              "Opened " + std::string(source_name) + ": " + std::to_string(count) + " entities");
  return Status::ok();
}

Status open_file(AppState& state, std::string_view name, std::string_view bytes) {
  const std::string lower = lower_ascii(name);
  if (ends_with(lower, ".json")) return open_document_json(state, bytes, name);
  // Refuse obvious binaries rather than showing garbage: NUL bytes in the first 4 KiB.
  if (std::string_view(bytes.data(), std::min<size_t>(bytes.size(), 4096)).find('\0') !=
      std::string_view::npos) {
    Status s(ErrorCode::InvalidUtf8, "this is a binary file, not text");
    set_message(state, MessageKind::Error, "Cannot open " + std::string(name) + ": " + s.message());
    return s;
  }
  return load_text(state, bytes, name);
}

std::string document_json(const AppState& state) { return write_document(state.doc, 2); }

std::string document_title(const Document& doc) {
  // The engine's article stage is the one place that knows title lines; a file without the
  // article block (format version 1) gets it computed here.
  return doc.article.title.empty() ? compute_article_info(doc).title : doc.article.title;
}

std::string document_filename(const AppState& state) {
  std::string title = document_title(state.doc);
  // Keep at most ~8 words / 60 bytes, cut at a character boundary.
  std::string name;
  int words = 0;
  size_t len = 0;
  for (size_t i = 0; i < title.size() && name.size() < 60; i += len) {
    const char32_t cp = decode_utf8(title, i, &len);
    if (cp == ' ' || cp == '\t') {
      if (++words >= 8) break;
      if (!name.empty() && name.back() != '-') name += '-';
      continue;
    }
    // Letters (any script) and digits only: nothing a file system or shell treats specially.
    if (!is_letter(cp) && !is_digit(cp) && cp != '-' && cp != '_') continue;
    name.append(title, i, len);
  }
  while (!name.empty() && (name.back() == '-' || name.back() == '.')) name.pop_back();
  if (name.empty()) name = "glosa";
  return name + ".glosa.json";
}

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

void on_model_loaded(AppState& state, const std::string& lang) {
  if (state.loading_model == lang) state.loading_model.clear();
  if (!has_document(state) || state.is_imported || state.doc.lang != lang ||
      !state.doc.meta.model.empty()) {
    return;
  }
  if (state.edit_count > 0) {
    // Annotating again would throw the person's corrections away.
    set_message(state, MessageKind::Info,
                "The " + lang + " model is ready; your corrections are kept (paste the text again to tag its names)");
    return;
  }
  const std::string text = state.doc.text;  // copy: load_text replaces state.doc
  const std::string source = state.source_name;
  // A warning about the text (e.g. repaired UTF-8) outlives the silent re-annotation.
  const std::string message = state.message;
  const MessageKind kind = state.message_kind;
  load_text(state, text, source);
  if (kind != MessageKind::Info) set_message(state, kind, message);
}

bool confirm_open_dialog(AppState& state) {
  if (!state.show_open_dialog) return false;
  state.show_open_dialog = false;
  if (state.services.open_file_dialog) state.services.open_file_dialog();
  return true;
}

void select_entity(AppState& state, int index) {
  if (index < 0 || index >= static_cast<int>(state.doc.entities.size())) {
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
  if (index < 0 || index >= static_cast<int>(state.doc.quotes.size())) {
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
    state.index = build_document_index(state.doc);
    state.index.revision = state.doc_revision;
  }
  return state.index;
}

bool is_entity_visible(const AppState& state, int index) {
  if (index < 0 || index >= static_cast<int>(state.doc.entities.size())) return false;
  auto it = state.hidden_labels.find(state.doc.entities[index].label);
  return it == state.hidden_labels.end() || !it->second;
}

int show_next_mention(AppState& state, int group) {
  const DocumentIndex& index = document_index(state);
  if (group < 0 || group >= static_cast<int>(index.group_mentions.size())) return -1;
  const std::vector<int>& mentions = index.group_mentions[group];
  const int n = static_cast<int>(mentions.size());
  const std::string& id = state.doc.groups[group].id;
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
    if (!is_entity_visible(state, mentions[pos])) continue;
    select_entity(state, mentions[pos]);
    state.cycle_group = id;
    state.cycle_position = pos;
    return mentions[pos];
  }
  return -1;
}

std::vector<int> list_groups(AppState& state, std::string_view filter) {
  const DocumentIndex& index = document_index(state);
  const std::string f = search_fold(filter);
  std::vector<int> out;
  for (size_t g = 0; g < state.doc.groups.size(); ++g) {
    auto hidden = state.hidden_labels.find(state.doc.groups[g].label);
    if (hidden != state.hidden_labels.end() && hidden->second) continue;
    if (group_matches(state.doc, index, static_cast<int>(g), f)) out.push_back(static_cast<int>(g));
  }
  return sort_groups_for_list(index, std::move(out));
}

std::vector<int> list_ungrouped_entities(AppState& state, std::string_view filter) {
  const DocumentIndex& index = document_index(state);
  const std::string f = search_fold(filter);
  std::vector<int> out;
  for (size_t e = 0; e < state.doc.entities.size(); ++e) {
    if (index.entity_group[e] >= 0 || !is_entity_visible(state, static_cast<int>(e))) continue;
    if (entity_matches(state.doc, static_cast<int>(e), f)) out.push_back(static_cast<int>(e));
  }
  return out;
}

std::vector<int> list_quotes(AppState& state, std::string_view filter) {
  const DocumentIndex& index = document_index(state);
  const std::string f = search_fold(filter);
  std::vector<int> out;
  for (size_t q = 0; q < state.doc.quotes.size(); ++q) {
    if (quote_matches(state.doc, index, static_cast<int>(q), f)) out.push_back(static_cast<int>(q));
  }
  return out;
}

}  // namespace glosa::app
