// Stop-word language identification. Layer: engine/text.
#include "engine/text/language.h"

#include <algorithm>
#include <array>

#include "engine/core/word_index.h"
#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa {

namespace {

// Short texts (a headline, a lead) need the common words of news too: "za", "mln", "mld",
// and "r" of "2025 r." (none of them English words).
constexpr std::array<std::string_view, 49> kPolish = {
    "i", "w", "na", "z", "się", "że", "do", "nie", "jest", "to", "o", "po", "od", "przez",
    "dla", "oraz", "jak", "ale", "który", "która", "które", "tego", "jego", "przy", "roku",
    "są", "był", "była", "było", "ze", "we", "tym", "już", "czy", "też", "także", "tylko",
    "jej", "ich", "pod", "za", "mln", "mld", "lub", "jako", "gdy", "bez", "być", "r"};

constexpr std::array<std::string_view, 40> kEnglish = {
    "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "by",
    "at", "from", "said", "it", "he", "his", "be", "are", "were", "has", "have", "had",
    "an", "this", "which", "who", "not", "but", "they", "their", "its", "will", "would",
    "been", "or", "after", "than"};

template <size_t N>
WordIndex index_of(const std::array<std::string_view, N>& list) {
  return WordIndex(std::vector<std::string_view>(list.begin(), list.end()));
}

}  // namespace

constexpr size_t kShortText = 40;  // words

std::string detect_language(std::string_view text, const std::vector<Token>& tokens) {
  static const WordIndex polish = index_of(kPolish);
  static const WordIndex english = index_of(kEnglish);
  double pl = 0, en = 0;
  std::string w;  // the lower-cased word, reused so that long words do not allocate each time
  size_t words = 0, cyrillic = 0, ascii = 0;
  const size_t limit = std::min<size_t>(tokens.size(), 20000);
  for (size_t i = 0; i < limit; ++i) {
    if (tokens[i].kind != TokenKind::Word) continue;
    ++words;
    std::string_view t = text.substr(tokens[i].begin_byte, tokens[i].end_byte - tokens[i].begin_byte);
    const char32_t first = first_codepoint(t);
    if (first >= 0x0400 && first <= 0x04FF) ++cyrillic;
    ascii += std::all_of(t.begin(), t.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }) ? 1 : 0;
    w.clear();
    append_lower(w, t);
    const uint64_t hash = word_hash(w);
    if (polish.contains(w, hash)) pl += 1;
    if (english.contains(w, hash)) en += 1;
    // Letters that only Polish uses among the two: ą ę ł ń ś ź ż ć (ó is shared with others).
    size_t len = 0;
    for (size_t k = 0; k < w.size(); k += len) {
      if (static_cast<unsigned char>(w[k]) < 0x80) {  // ASCII: none of these letters
        len = 1;
        continue;
      }
      switch (decode_utf8(w, k, &len)) {
        case 0x0105: case 0x0119: case 0x0142: case 0x0144: case 0x015B: case 0x017A:
        case 0x017C: case 0x0107:
          pl += 0.5;
          break;
        default:
          break;
      }
    }
  }
  if (words == 0 || cyrillic * 2 > words) return "other";
  // No word of either list: a line of names ("Angela Merkel visited Warsaw.") in plain ASCII
  // reads as English (Polish shows its letters within a few words); a longer text without
  // one English function word is another language.
  if (pl < 1 && en < 1) return ascii == words && words <= kShortText ? "en" : "other";
  return pl >= en ? "pl" : "en";
}

}  // namespace glosa

namespace glosa {

namespace {

// A rough script of a letter by its Unicode block: enough to tell texts the engine reads.
const char* script_of(char32_t c) {
  if (c < 0x0250 || (c >= 0x1E00 && c < 0x1F00) || (c >= 0x2C60 && c < 0x2C80) || (c >= 0xA720 && c < 0xA800) ||
      (c >= 0xFF21 && c < 0xFF5B)) {
    return "Latin";
  }
  if ((c >= 0x0400 && c < 0x0530) || (c >= 0x1C80 && c < 0x1C90) || (c >= 0x2DE0 && c < 0x2E00) || (c >= 0xA640 && c < 0xA6A0)) {
    return "Cyrillic";
  }
  if (c >= 0x0370 && c < 0x0400) return "Greek";
  if (c >= 0x0530 && c < 0x0590) return "Armenian";
  if (c >= 0x0590 && c < 0x0600) return "Hebrew";
  if ((c >= 0x0600 && c < 0x0780) || (c >= 0x08A0 && c < 0x0900) || (c >= 0xFB50 && c < 0xFE00) || (c >= 0xFE70 && c < 0xFF00)) {
    return "Arabic";
  }
  if (c >= 0x0900 && c < 0x0E00) return "Indic";
  if (c >= 0x0E00 && c < 0x0F00) return "Thai or Lao";
  if (c >= 0x10A0 && c < 0x1100) return "Georgian";
  if ((c >= 0x1100 && c < 0x1200) || (c >= 0xAC00 && c < 0xD7B0)) return "Korean";
  if ((c >= 0x3040 && c < 0x3100) || (c >= 0x3400 && c < 0xA000) || (c >= 0x20000 && c < 0x30000)) return "Chinese or Japanese";
  return "another";
}

}  // namespace

std::string unsupported_script(std::string_view text) {
  text = text.substr(0, 256 * 1024);
  size_t letters = 0, readable = 0;
  std::vector<std::pair<const char*, size_t>> other;
  size_t len = 0;
  for (size_t i = 0; i < text.size(); i += len) {
    const char32_t c = decode_utf8(text, i, &len);
    if (c < 0x80 ? !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : !is_letter(c)) continue;
    ++letters;
    const char* s = script_of(c);
    const std::string_view name(s);
    if (name == "Latin" || name == "Cyrillic") {
      ++readable;
      continue;
    }
    auto it = std::find_if(other.begin(), other.end(), [&](const auto& p) { return std::string_view(p.first) == name; });
    if (it == other.end()) other.emplace_back(s, 1);
    else ++it->second;
  }
  if (letters < 20 || readable * 2 >= letters) return "";
  auto best = std::max_element(other.begin(), other.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  return best == other.end() ? "another" : best->first;
}

}  // namespace glosa
