// Find in the document: folded search, stepping, tag all. Layer: app.
#include "app/find.h"

#include <algorithm>
#include <map>

#include "app/app_state.h"
#include "app/editing.h"
#include "engine/text/tokenizer.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa::app {

namespace {

// `text` folded for search (search_fold), code point by code point, with a map back: per
// byte of *folded, the text byte its code point starts at.
void fold(const std::string& text, std::string* folded, std::vector<uint32_t>* folded_start) {
  folded->clear();
  folded_start->clear();
  folded->reserve(text.size());
  folded_start->reserve(text.size());
  size_t len = 0;
  std::string one;
  for (size_t i = 0; i < text.size(); i += len) {
    decode_utf8(text, i, &len);
    const std::string_view cp(text.data() + i, len);
    if (len == 1 && static_cast<unsigned char>(cp[0]) < 0x80) {
      folded->push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(cp[0]))));
      folded_start->push_back(static_cast<uint32_t>(i));
      continue;
    }
    one = search_fold(cp);
    for (char c : one) {
      folded->push_back(c);
      folded_start->push_back(static_cast<uint32_t>(i));
    }
  }
}

// The folded text of the open document, kept while the find bar is open.
void fold_text(AppState& state) {
  FindState& f = state.find;
  const uint64_t key = state.session() ? state.session()->key : 0;
  if (f.text_key == key && !f.folded.empty()) return;
  f.text_key = key;
  fold(state.doc().text, &f.folded, &f.folded_start);
}

// The byte after the code point of the text starting at `start`.
size_t code_point_end(const std::string& text, size_t start) {
  size_t len = 0;
  decode_utf8(text, start, &len);
  return start + len;
}

// [*begin, *end) grown to whole words: "lodz" found in "Łodzi" tags "Łodzi" (an inflected
// form of the name searched for), never a piece of a word.
void grow_to_words(const std::string& text, size_t* begin, size_t* end) {
  size_t len = 0;
  while (*begin > 0) {
    const size_t p = previous_char(text, *begin);
    if (!is_word_char(decode_utf8(text, p, &len))) break;
    *begin = p;
  }
  while (*end < text.size() && is_word_char(decode_utf8(text, *end, &len))) *end += len;
}

// The byte spans of every match of `key` (folded) in a text folded by fold().
std::vector<std::pair<size_t, size_t>> matches_of(const std::string& key, const std::string& text,
                                                  const std::string& folded, const std::vector<uint32_t>& folded_start) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t pos = folded.find(key); pos != std::string::npos; pos = folded.find(key, pos + 1)) {
    const size_t begin = folded_start[pos];
    const size_t end = code_point_end(text, folded_start[pos + key.size() - 1]);
    if (!out.empty() && out.back().first == begin) continue;  // one code point folded to two bytes
    out.emplace_back(begin, end);
  }
  return out;
}

}  // namespace

const std::vector<CollectionMatch>& find_in_other_documents(AppState& state) {
  FindState& f = state.find;
  uint64_t collection = 1469598103934665603ull;  // FNV-1a over the keys, in list order
  for (const auto& s : state.documents) collection = (collection ^ s->key) * 1099511628211ull;
  if (f.others_query == f.query && f.others_collection == collection) return f.others;
  f.others.clear();
  f.others_query = f.query;
  f.others_collection = collection;
  const std::string key = search_fold(f.query);
  if (key.empty()) return f.others;
  std::string folded;
  std::vector<uint32_t> starts;
  for (size_t i = 0; i < state.documents.size(); ++i) {
    if (static_cast<int>(i) == state.current) continue;
    const std::string& text = state.documents[i]->doc.text;
    fold(text, &folded, &starts);
    const size_t n = matches_of(key, text, folded, starts).size();
    if (n > 0) f.others.push_back({static_cast<int>(i), n});
  }
  return f.others;
}

bool open_document_at_match(AppState& state, int index) {
  if (!select_document(state, index)) return false;
  FindState& f = state.find;
  f.open = true;
  f.focus_input = true;  // the field has the keys again: Enter goes on to the next match
  f.current = -1;
  update_find(state);
  if (!f.matches.empty()) {
    f.current = 0;
    state.scroll_to_byte = f.matches[0].first;
  }
  return true;
}

void update_find(AppState& state) {
  FindState& f = state.find;
  if (f.query == f.searched && f.revision == state.doc_revision) return;
  const std::pair<size_t, size_t> was = f.current >= 0 && f.current < static_cast<int>(f.matches.size())
                                            ? f.matches[static_cast<size_t>(f.current)] : std::pair<size_t, size_t>(0, 0);
  f.searched = f.query;
  f.revision = state.doc_revision;
  f.matches.clear();
  f.current = -1;
  const std::string key = search_fold(f.query);
  if (key.empty() || !has_document(state)) return;
  fold_text(state);
  f.matches = matches_of(key, state.doc().text, f.folded, f.folded_start);
  for (size_t i = 0; i < f.matches.size(); ++i) {
    if (f.matches[i].first >= was.first) {
      f.current = static_cast<int>(i);
      break;
    }
  }
  if (f.current < 0 && !f.matches.empty()) f.current = 0;
}

bool find_step(AppState& state, int direction) {
  update_find(state);
  FindState& f = state.find;
  const int n = static_cast<int>(f.matches.size());
  if (n == 0) return false;
  f.current = f.current < 0 ? (direction > 0 ? 0 : n - 1) : ((f.current + direction) % n + n) % n;
  state.scroll_to_byte = f.matches[static_cast<size_t>(f.current)].first;
  return true;
}

size_t tag_all_matches(AppState& state, const std::string& label) {
  update_find(state);
  if (!has_document(state) || find_label(state.doc().labels, label) < 0) return 0;
  const Document& doc = state.doc();
  std::vector<int> remove;
  std::vector<Entity> add;
  size_t inside = 0;  // matches within a longer name, left as they are
  size_t other = 0;   // other words spelt alike: lower-case where the query is not, or longer
  // Find ignores case, letters' marks and word edges; tagging must not: "Łódź" is not the
  // boat "łódź", and "jan" is not "Janowie". A match starts a word, takes at most a few
  // more letters (an inflected ending: "Łodzi", "Kowalskiego"), and where the query begins
  // with a capital, so does the word.
  size_t qlen = 0;
  const bool capital = !state.find.query.empty() && is_upper(decode_utf8(state.find.query, 0, &qlen));
  constexpr size_t kMaxEnding = 3;  // code points past the match
  std::map<std::string, size_t> forms;  // what was tagged, for the message
  for (const auto& match : state.find.matches) {
    size_t b = match.first, e = match.second;  // (not a structured binding: the lambda below reads them)
    size_t len = 0;
    if (b > 0 && is_word_char(decode_utf8(doc.text, previous_char(doc.text, b), &len))) {
      ++other;  // inside a word
      continue;
    }
    grow_to_words(doc.text, &b, &e);
    size_t ending = 0;
    for (size_t k = match.second; k < e; k += len, ++ending) decode_utf8(doc.text, k, &len);
    if (ending > kMaxEnding || (capital && !is_upper(decode_utf8(doc.text, b, &len)))) {
      ++other;
      continue;
    }
    trim_span(doc.text, &b, &e);
    if (b >= e || (!add.empty() && add.back().end_byte > b)) continue;  // two matches in one word
    const bool in_longer = std::any_of(doc.entities.begin(), doc.entities.end(), [&](const Entity& x) {
      return x.status != ReviewStatus::Rejected && x.begin_byte <= b && e <= x.end_byte &&
             x.end_byte - x.begin_byte > e - b;
    });
    if (in_longer) {
      ++inside;
      continue;
    }
    for (size_t i = 0; i < doc.entities.size(); ++i) {
      const Entity& x = doc.entities[i];
      if (x.begin_byte < e && b < x.end_byte && x.status != ReviewStatus::Rejected) remove.push_back(static_cast<int>(i));
    }
    Entity t;
    t.begin_byte = b;
    t.end_byte = e;
    t.label = label;
    t.origin = Origin::Person;
    t.confidence = 1.0f;
    t.status = ReviewStatus::Accepted;
    ++forms[doc.text.substr(b, e - b)];
    add.push_back(t);
  }
  std::string left;
  if (inside) left += "; " + std::to_string(inside) + " inside longer names were left as they are";
  if (other) {
    left += "; " + std::to_string(other) + (other == 1 ? " other word" : " other words") + " spelt alike " +
            (other == 1 ? "was" : "were") + " left out (" + (capital ? "lower-case, " : "") + "inside or longer words)";
  }
  if (add.empty()) {
    set_message(state, MessageKind::Info, "Nothing tagged" + left);
    return 0;
  }
  const size_t n = add.size();
  std::string which;
  size_t listed = 0;
  for (const auto& [form, count] : forms) {
    if (listed++ == 4) {
      which += ", \xE2\x80\xA6";
      break;
    }
    which += (which.empty() ? "" : ", ") + form + (count > 1 ? " \xC3\x97" + std::to_string(count) : "");
  }
  apply_edit(state, std::move(remove), std::move(add),
             "Tagged all " + std::to_string(n) + " matches of \xE2\x80\x9E" + state.find.query + "\xE2\x80\x9D as " + label +
                 " (" + which + ")");
  state.message += left;
  return n;
}

void open_find(AppState& state) {
  state.find.open = true;
  state.find.focus_input = true;
}

void close_find(AppState& state) {
  FindState& f = state.find;
  f.open = false;
  f.matches.clear();
  f.current = -1;
  f.searched.clear();
  f.revision = ~0ull;
  std::string().swap(f.folded);  // the folded text is as large as the text: not kept
  std::vector<uint32_t>().swap(f.folded_start);
  f.text_key = 0;
  f.others.clear();
  f.others_query.clear();
  f.others_collection = 0;
}

}  // namespace glosa::app
