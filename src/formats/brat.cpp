// brat standoff writer and reader. Layer: formats.
#include "formats/brat.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>
#include <vector>

#include "engine/text/unicode.h"
#include "engine/text/utf8.h"
#include "formats/exchange_support.h"
#include "formats/json_fields.h"

namespace glosa {

namespace {

// One line of an .ann file holds no tab or line break inside a field.
std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  return out;
}

// "s e" fragments of a span, split at line breaks (brat's own way of spanning lines); the
// text field is the fragments joined by spaces.
std::string fragments(const std::string& text, const CodepointIndex& index, size_t b, size_t e, std::string* shown) {
  std::string offsets;
  size_t pos = b;
  shown->clear();
  while (pos < e) {
    size_t stop = text.find('\n', pos);
    if (stop == std::string::npos || stop > e) stop = e;
    if (stop > pos) {
      if (!offsets.empty()) {
        offsets += ';';
        *shown += ' ';
      }
      offsets += std::to_string(index.to_codepoint(pos)) + " " + std::to_string(index.to_codepoint(stop));
      shown->append(text, pos, stop - pos);
    }
    pos = stop + 1;
  }
  return offsets;
}

bool parse_u64(std::string_view s, uint64_t* out) {
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

bool is_blank(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    size_t len = 1;
    const char32_t cp = decode_utf8(s, pos, &len);
    if (!(cp < 0x80 ? cp == ' ' || (cp >= 0x09 && cp <= 0x0D) : is_space(cp))) return false;
    pos += len;
  }
  return true;
}

}  // namespace

BratFiles write_brat(const Document& doc) {
  BratFiles out;
  out.txt = doc.text;
  const CodepointIndex index(doc.text);
  std::string& ann = out.ann;
  std::string shown;
  size_t note = 0;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    const std::string t = "T" + std::to_string(i + 1);
    const std::string offsets = fragments(doc.text, index, e.begin_byte, e.end_byte, &shown);
    ann += t + "\t" + label_without_spaces(e.label) + " " + offsets + "\t" + shown + "\n";
    if (!e.value.empty()) {
      ann += "#" + std::to_string(++note) + "\tAnnotatorNotes " + t + "\tvalue: " + one_line(e.value) + "\n";
    }
    if (!e.lemma.empty()) {
      ann += "#" + std::to_string(++note) + "\tAnnotatorNotes " + t + "\tbase form: " + one_line(e.lemma) + "\n";
    }
  }
  // Groups of two or more mentions as equivalence sets, in the order of the groups.
  std::unordered_map<std::string_view, std::vector<size_t>> mentions;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    if (!doc.entities[i].group.empty()) mentions[doc.entities[i].group].push_back(i);
  }
  for (const EntityGroup& g : doc.groups) {
    auto it = mentions.find(g.id);
    if (it == mentions.end() || it->second.size() < 2) continue;
    ann += "*\tEquiv";
    for (size_t i : it->second) ann += " T" + std::to_string(i + 1);
    ann += "\n";
  }
  // Quotations, and who said them: the entity at the speaker words, else the speaker
  // group's mention nearest before the quotation (or the first after it).
  size_t next_t = doc.entities.size(), relation = 0;
  for (const Quotation& q : doc.quotes) {
    const std::string t = "T" + std::to_string(++next_t);
    ann += t + "\t" + kBratQuotationType + " " + fragments(doc.text, index, q.begin_byte, q.end_byte, &shown) + "\t" +
           shown + "\n";
    if (q.speaker.empty()) continue;
    auto it = mentions.find(q.speaker);
    if (it == mentions.end()) continue;
    size_t speaker = it->second.front();
    for (size_t i : it->second) {
      const Entity& e = doc.entities[i];
      if (e.begin_byte == q.speaker_begin_byte && e.end_byte == q.speaker_end_byte && q.speaker_end_byte > 0) {
        speaker = i;
        break;
      }
      if (e.begin_byte < q.begin_byte) speaker = i;
    }
    ann += "R" + std::to_string(++relation) + "\t" + kBratSpeakerRelation + " Arg1:" + t + " Arg2:T" +
           std::to_string(speaker + 1) + "\t\n";
  }
  return out;
}

Result<Document> read_brat(std::string_view txt, std::string_view ann) {
  auto text = ImportedText::make(txt, OffsetUnit::CodePoint, "the .txt file");
  if (!text.is_ok()) return text.status();
  const ImportedText& it = text.value();
  Document doc;
  doc.text = it.text();
  doc.labels = default_labels();

  struct Span {
    size_t begin = 0, end = 0;
    bool is_quote = false;
    size_t index = 0;  // into doc.entities or doc.quotes
  };
  std::map<std::string, Span, std::less<>> spans;  // T id -> where it went
  struct Equiv {
    std::vector<std::string> members;
    size_t line;
  };
  std::vector<Equiv> equivs;
  struct SpeakerLink {
    std::string quote, entity;
    size_t line;
  };
  std::vector<SpeakerLink> speakers;
  struct Note {
    std::string target, text;
    size_t line;
  };
  std::vector<Note> notes;

  const std::vector<std::string_view> lines = split(ann, '\n');
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (is_blank(line)) continue;
    const std::string at = "line " + std::to_string(n + 1) + ": ";
    if (!is_valid_utf8(line)) return Status(ErrorCode::InvalidUtf8, at + "not valid UTF-8");
    const std::vector<std::string_view> fields = split(line, '\t');
    const std::string id(fields[0]);
    if (id.empty()) return Status(ErrorCode::WrongType, at + "the line has no annotation id before its first tab");
    const std::string where = at + id.substr(0, 60) + ": ";
    if (id[0] == 'T') {
      if (fields.size() < 3) {
        return Status(ErrorCode::MissingField, where + "a T line needs three tab-separated fields (id, type and offsets, text)");
      }
      const size_t space = fields[1].find(' ');
      if (space == std::string_view::npos || space == 0) {
        return Status(ErrorCode::MissingField, where + "type and offsets must read \"TYPE START END\"");
      }
      const std::string type(fields[1].substr(0, space));
      uint64_t lo = 0, hi = 0;
      std::string joined;
      size_t last_b = 0, last_e = 0;
      const std::vector<std::string_view> frags = split(fields[1].substr(space + 1), ';');
      for (size_t f = 0; f < frags.size(); ++f) {
        const std::vector<std::string_view> se = split(frags[f], ' ');
        uint64_t s = 0, e = 0;
        if (se.size() != 2 || !parse_u64(se[0], &s) || !parse_u64(se[1], &e)) {
          return Status(ErrorCode::WrongType, where + "offsets " + excerpt(frags[f]) + " are not \"START END\" in digits");
        }
        size_t b = 0, eb = 0;
        GLOSA_TRY(it.to_bytes(s, e, where, "start", "end", &b, &eb));
        if (f > 0) {
          if (s < hi || !is_blank(it.raw_slice(hi, s))) {
            return Status(ErrorCode::BadOffsets, where + "a discontinuous span (" + excerpt(fields[1].substr(space + 1)) +
                                                     ") cannot be one Glosa entity");
          }
          joined += ' ';
        } else {
          lo = s;
        }
        hi = e;
        joined += it.raw_slice(s, e);
        if (f == 0) last_b = b;
        last_e = eb;
      }
      if (joined != fields[2]) {
        return Status(ErrorCode::TextMismatch, where + "text " + excerpt(fields[2]) + " differs from the .txt at " +
                                                   std::to_string(lo) + ".." + std::to_string(hi) + " (" + excerpt(joined) + ")");
      }
      Span sp{last_b, last_e, type == kBratQuotationType, 0};
      if (sp.is_quote) {
        Quotation q;
        q.begin_byte = last_b;
        q.end_byte = last_e;
        sp.index = doc.quotes.size();
        doc.quotes.push_back(q);
      } else {
        if (!ensure_label(doc, type)) return Status(ErrorCode::WrongType, where + kBadLabel);
        sp.index = doc.entities.size();
        doc.entities.push_back(imported_entity(last_b, last_e, type));
      }
      if (!spans.emplace(id, sp).second) return Status(ErrorCode::DuplicateId, where + "the id is used twice");
    } else if (id[0] == '#') {
      if (fields.size() < 3) continue;  // a note without text says nothing
      const std::vector<std::string_view> head = split(fields[1], ' ');
      if (head.size() == 2 && head[0] == "AnnotatorNotes") notes.push_back({std::string(head[1]), std::string(fields[2]), n + 1});
    } else if (id == "*") {
      if (fields.size() < 2) return Status(ErrorCode::MissingField, where + "an equivalence needs its type and members");
      const std::vector<std::string_view> members = split(fields[1], ' ');
      if (members[0] != "Equiv") continue;
      std::vector<std::string> set;
      for (size_t m = 1; m < members.size(); ++m) {
        if (!members[m].empty()) set.emplace_back(members[m]);
      }
      equivs.push_back({std::move(set), n + 1});
    } else if (id[0] == 'R') {
      if (fields.size() < 2) return Status(ErrorCode::MissingField, where + "a relation needs \"TYPE Arg1:ID Arg2:ID\"");
      const std::vector<std::string_view> parts = split(fields[1], ' ');
      if (parts[0] != kBratSpeakerRelation) continue;
      if (parts.size() != 3 || parts[1].substr(0, 5) != "Arg1:" || parts[2].substr(0, 5) != "Arg2:") {
        return Status(ErrorCode::WrongType, where + "a Speaker relation must read \"Speaker Arg1:QUOTE Arg2:ENTITY\"");
      }
      speakers.push_back({std::string(parts[1].substr(5)), std::string(parts[2].substr(5)), n + 1});
    }
    // E (events), A/M (attributes), N (normalisations) and other ids are not read.
  }

  // Notes: values and base forms.
  for (const Note& note : notes) {
    auto sp = spans.find(note.target);
    const std::string at = "line " + std::to_string(note.line) + ": ";
    if (sp == spans.end()) return Status(ErrorCode::BadReference, at + "AnnotatorNotes " + excerpt(note.target) + " names no T line");
    if (sp->second.is_quote) continue;
    Entity& e = doc.entities[sp->second.index];
    if (note.text.compare(0, 7, "value: ") == 0) e.value = note.text.substr(7);
    else if (note.text.compare(0, 11, "base form: ") == 0) e.lemma = note.text.substr(11);
  }
  // Groups: each equivalence set, then a group of its own for a speaker outside any set.
  auto entity_of = [&](const std::string& t, const std::string& where) -> Result<size_t> {
    auto sp = spans.find(t);
    if (sp == spans.end() || sp->second.is_quote) {
      return Status(ErrorCode::BadReference, where + excerpt(t) + " names no entity T line");
    }
    return sp->second.index;
  };
  auto new_group = [&](const std::vector<size_t>& members) {
    EntityGroup g;
    g.id = "g" + std::to_string(doc.groups.size() + 1);
    g.label = doc.entities[members.front()].label;
    size_t best = 0;
    for (size_t m : members) {
      Entity& e = doc.entities[m];
      e.group = g.id;
      const std::string form = e.lemma.empty() ? std::string(entity_text(doc, e)) : e.lemma;
      if (count_codepoints(form) > best) {
        best = count_codepoints(form);
        g.name = form;
      }
    }
    doc.groups.push_back(std::move(g));
  };
  for (const Equiv& set : equivs) {
    std::vector<size_t> members;
    const std::string at = "line " + std::to_string(set.line) + ": Equiv: ";
    for (const std::string& t : set.members) {
      auto m = entity_of(t, at);
      if (!m.is_ok()) return m.status();
      if (!doc.entities[m.value()].group.empty()) {
        return Status(ErrorCode::DuplicateId, at + excerpt(t) + " is already in another Equiv set");
      }
      members.push_back(m.value());
    }
    if (!members.empty()) new_group(members);
  }
  for (const SpeakerLink& link : speakers) {
    auto q = spans.find(link.quote);
    if (q == spans.end() || !q->second.is_quote) {
      return Status(ErrorCode::BadReference, "line " + std::to_string(link.line) + ": Arg1 " + excerpt(link.quote) +
                                                 " names no Quotation T line");
    }
    auto e = entity_of(link.entity, "line " + std::to_string(link.line) + ": Arg2 ");
    if (!e.is_ok()) return e.status();
    Entity& speaker = doc.entities[e.value()];
    if (speaker.group.empty()) new_group({e.value()});
    Quotation& quote = doc.quotes[q->second.index];
    quote.speaker = speaker.group;
    quote.speaker_begin_byte = speaker.begin_byte;
    quote.speaker_end_byte = speaker.end_byte;
  }
  finish_import(doc, "brat");
  for (size_t i = 0; i < doc.quotes.size(); ++i) doc.quotes[i].id = "q" + std::to_string(i + 1);
  return doc;
}

}  // namespace glosa
