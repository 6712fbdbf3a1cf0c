// CoNLL/IOB2 writer and reader. Layer: formats.
#include "formats/conll.h"

#include <algorithm>

#include "engine/engine.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"
#include "formats/exchange_support.h"
#include "formats/json_fields.h"

namespace glosa {

constexpr const char* kDocStart = "-DOCSTART- -X- O O";

ConllExport write_conll(const Document& doc) {
  ConllExport out;
  // Entities that can be tagged: none overlapping another (exchange_support.h says which stay).
  const std::vector<const Entity*> kept = non_overlapping_entities(doc, &out.dropped);

  Document tokens_doc;  // the kept entities only decide where tokens split
  tokens_doc.text = doc.text;
  for (const Entity* e : kept) tokens_doc.entities.push_back(*e);
  const std::vector<Token> tokens = tokens_at_span_edges(tokens_doc);
  const std::vector<Sentence> sentences = split_sentences(doc.text, tokens);

  out.text = std::string(kDocStart) + "\n\n";
  size_t k = 0;  // next kept entity
  for (const Sentence& s : sentences) {
    for (size_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
      const Token& tok = tokens[t];
      while (k < kept.size() && kept[k]->end_byte <= tok.begin_byte) ++k;
      std::string tag = "O";
      if (k < kept.size() && kept[k]->begin_byte < tok.end_byte) {
        const bool first = t == 0 || tokens[t - 1].end_byte <= kept[k]->begin_byte;
        tag = (first ? "B-" : "I-") + label_without_spaces(kept[k]->label);
      }
      out.text.append(doc.text, tok.begin_byte, tok.end_byte - tok.begin_byte);
      out.text += ' ';
      out.text += tag;
      out.text += '\n';
    }
    out.text += '\n';
  }
  return out;
}

namespace {

struct ConllToken {
  std::string word;
  std::string tag;   // "O" or "B-X"/"I-X" after normalising BIOES
  size_t line = 0;
};

struct ConllDoc {
  std::vector<std::vector<ConllToken>> sentences;
};

bool is_space_cp(char32_t cp) { return cp < 0x80 ? cp == ' ' || (cp >= 0x09 && cp <= 0x0D) : is_space(cp); }

// Whitespace-separated columns of one line.
std::vector<std::string_view> columns(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0, start = std::string_view::npos;
  while (pos < line.size()) {
    size_t len = 1;
    const char32_t cp = decode_utf8(line, pos, &len);
    if (is_space_cp(cp)) {
      if (start != std::string_view::npos) out.push_back(line.substr(start, pos - start));
      start = std::string_view::npos;
    } else if (start == std::string_view::npos) {
      start = pos;
    }
    pos += len;
  }
  if (start != std::string_view::npos) out.push_back(line.substr(start));
  return out;
}

Result<std::vector<ConllDoc>> parse(std::string_view bytes) {
  std::vector<ConllDoc> docs(1);
  std::vector<ConllToken> sentence;
  size_t line_no = 0;
  size_t pos = 0;
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) pos = 3;
  auto end_sentence = [&]() {
    if (!sentence.empty()) docs.back().sentences.push_back(std::move(sentence));
    sentence.clear();
  };
  while (pos <= bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view line = bytes.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Files put one after another keep their byte-order marks at line starts: not part of a
    // token (a text rebuilt from the tokens must not start with one; found by fuzzing).
    while (line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.remove_prefix(3);
    const std::string at = "line " + std::to_string(line_no) + ": ";
    if (!is_valid_utf8(line)) return Status(ErrorCode::InvalidUtf8, at + "not valid UTF-8");
    const std::vector<std::string_view> cols = columns(line);
    if (cols.empty()) {
      end_sentence();
      continue;
    }
    if (cols[0] == "-DOCSTART-") {
      end_sentence();
      if (!docs.back().sentences.empty()) docs.emplace_back();
      continue;
    }
    if (cols.size() < 2) {
      return Status(ErrorCode::MissingField, at + "column 2: a token line needs a tag after the token " + excerpt(cols[0]));
    }
    std::string tag(cols.back());
    if (tag != "O") {
      const bool ok = tag.size() > 2 && tag[1] == '-' && std::string_view("BIESLU").find(tag[0]) != std::string_view::npos;
      if (!ok) {
        return Status(ErrorCode::WrongType, at + "column " + std::to_string(cols.size()) + ": tag " + excerpt(tag) +
                                                " is not O, B-TYPE or I-TYPE (IOB2; E-, S-, L-, U- are read too)");
      }
    }
    sentence.push_back({std::string(cols[0]), tag, line_no});
  }
  end_sentence();
  if (docs.size() > 1 && docs.back().sentences.empty()) docs.pop_back();
  if (docs.size() == 1 && docs[0].sentences.empty()) {
    return Status(ErrorCode::EmptyText, "the file holds no tokens");
  }
  return docs;
}

// Builds the entities of one sentence's tags. `begins`/`ends` are the tokens' byte spans.
Status tag_entities(const std::vector<ConllToken>& tokens, const std::vector<size_t>& begins,
                    const std::vector<size_t>& ends, Document* doc) {
  size_t open = 0;
  std::string type;
  bool in_entity = false;
  auto close = [&](size_t last) {
    if (in_entity) doc->entities.push_back(imported_entity(begins[open], ends[last], type));
    in_entity = false;
  };
  for (size_t t = 0; t < tokens.size(); ++t) {
    const std::string& tag = tokens[t].tag;
    if (tag == "O") {
      if (t > 0) close(t - 1);
      continue;
    }
    const char kind = tag[0];
    const std::string this_type = tag.substr(2);
    const bool continues = in_entity && this_type == type && (kind == 'I' || kind == 'E' || kind == 'L');
    if (!continues) {
      if (t > 0) close(t - 1);
      open = t;
      type = this_type;
      in_entity = true;
      if (!ensure_label(*doc, type)) return Status(ErrorCode::WrongType, "line " + std::to_string(tokens[t].line) + ": " + kBadLabel);
    }
    if (kind == 'E' || kind == 'L' || kind == 'S' || kind == 'U') close(t);
  }
  if (!tokens.empty()) close(tokens.size() - 1);
  return Status::ok();
}

}  // namespace

Result<std::vector<Document>> read_conll(std::string_view bytes, std::optional<std::string_view> text) {
  auto parsed = parse(bytes);
  if (!parsed.is_ok()) return parsed.status();
  std::vector<ConllDoc>& docs = parsed.value();
  std::vector<Document> out;
  if (text) {
    // Every token found in the given text, in order.
    auto imported = ImportedText::make(*text, OffsetUnit::CodePoint, "the text");
    if (!imported.is_ok()) return imported.status();
    Document doc;
    doc.text = imported.value().text();
    doc.labels = default_labels();
    const CodepointIndex index(doc.text);
    size_t pos = 0;
    for (const ConllDoc& d : docs) {
      for (const auto& sentence : d.sentences) {
        std::vector<size_t> begins, ends;
        for (const ConllToken& tok : sentence) {
          while (pos < doc.text.size()) {
            size_t len = 1;
            if (!is_space_cp(decode_utf8(doc.text, pos, &len))) break;
            pos += len;
          }
          if (doc.text.compare(pos, tok.word.size(), tok.word) != 0) {
            const std::string_view there = std::string_view(doc.text).substr(pos, std::min<size_t>(tok.word.size() + 20, doc.text.size() - pos));
            return Status(ErrorCode::TextMismatch, "line " + std::to_string(tok.line) + ": token " + excerpt(tok.word) +
                                                       " is not the next word of the text at code point " +
                                                       std::to_string(index.to_codepoint(pos)) + " (" + excerpt(there) + ")");
          }
          begins.push_back(pos);
          pos += tok.word.size();
          ends.push_back(pos);
        }
        GLOSA_TRY(tag_entities(sentence, begins, ends, &doc));
      }
    }
    finish_import(doc, "CoNLL");
    out.push_back(std::move(doc));
    return out;
  }
  for (const ConllDoc& d : docs) {
    Document doc;
    doc.labels = default_labels();
    for (size_t s = 0; s < d.sentences.size(); ++s) {
      if (s > 0) doc.text += '\n';
      std::vector<size_t> begins, ends;
      for (size_t t = 0; t < d.sentences[s].size(); ++t) {
        if (t > 0) doc.text += ' ';
        begins.push_back(doc.text.size());
        doc.text += d.sentences[s][t].word;
        ends.push_back(doc.text.size());
      }
      GLOSA_TRY(tag_entities(d.sentences[s], begins, ends, &doc));
    }
    if (doc.text.size() > kMaxTextBytes) {
      return Status(ErrorCode::TextTooLarge, "a document rebuilt from the tokens is over 16 MiB");
    }
    finish_import(doc, "CoNLL");
    out.push_back(std::move(doc));
  }
  return out;
}

}  // namespace glosa
