// Quotation-mark pairing. Layer: engine/quotes.
#include "engine/quotes/quote_marks.h"

#include <algorithm>

#include "engine/text/unicode.h"
#include "engine/text/utf8.h"

namespace glosa {

namespace {

constexpr char32_t kLowDouble = 0x201E;    // „
constexpr char32_t kLowSingle = 0x201A;    // ‚
constexpr char32_t kLeftDouble = 0x201C;   // “
constexpr char32_t kRightDouble = 0x201D;  // ”
constexpr char32_t kLeftSingle = 0x2018;   // ‘
constexpr char32_t kRightSingle = 0x2019;  // ’
constexpr char32_t kLeftGuillemet = 0x00AB;   // «
constexpr char32_t kRightGuillemet = 0x00BB;  // »
constexpr char32_t kLeftAngle = 0x2039;    // ‹
constexpr char32_t kRightAngle = 0x203A;   // ›

bool is_mark(char32_t cp) {
  switch (cp) {
    case '"': case kLowDouble: case kLowSingle: case kLeftDouble: case kRightDouble:
    case kLeftSingle: case kRightSingle: case kLeftGuillemet: case kRightGuillemet:
    case kLeftAngle: case kRightAngle:
      return true;
    default:
      return false;
  }
}

// Does a quote opened with `open` end at `mark`?
bool closes(char32_t open, char32_t mark) {
  switch (open) {
    case kLowDouble: return mark == kRightDouble || mark == kLeftDouble || mark == '"';  // „…" happens
    case kLowSingle: return mark == kRightSingle || mark == kLeftSingle;
    case kLeftDouble: return mark == kRightDouble;
    case kRightDouble: return mark == kRightDouble;
    case kLeftGuillemet: return mark == kRightGuillemet;
    case kRightGuillemet: return mark == kLeftGuillemet;
    case kLeftSingle: return mark == kRightSingle;
    case kLeftAngle: return mark == kRightAngle;
    case kRightAngle: return mark == kLeftAngle;
    case '"': return mark == '"';
    default: return false;
  }
}

// The code point that ends just before byte `pos` (0 at the start of the text).
char32_t codepoint_before(std::string_view text, size_t pos) {
  if (pos == 0) return 0;
  size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 && pos - start < 4) {
    --start;
  }
  size_t len = 0;
  return decode_utf8(text, start, &len);
}

bool opens_context(char32_t cp) {
  return cp == '(' || cp == '[' || cp == '{' || is_dash(cp) || cp == kLowDouble ||
         cp == kLowSingle || cp == kLeftDouble || cp == kLeftSingle || cp == kLeftGuillemet ||
         cp == '/';
}

bool is_trailing_punct(char32_t cp) {
  switch (cp) {
    case '.': case ',': case ';': case ':': case '!': case '?': case ')': case ']': case '}':
    case 0x2026 /*…*/: case kRightDouble: case kRightSingle: case kRightGuillemet:
      return true;
    default:
      return is_dash(cp);
  }
}

struct Flanks {
  bool space_before = false;  // start of text, whitespace or an opening bracket/dash before
  bool space_after = false;   // end of text or whitespace after
  bool punct_after = false;   // closing punctuation after
};

Flanks flanks(std::string_view text, const Token& t) {
  Flanks f;
  const char32_t before = codepoint_before(text, t.begin_byte);
  f.space_before = t.begin_byte == 0 || is_space(before) || opens_context(before);
  size_t len = 0;
  const char32_t after = t.end_byte < text.size() ? decode_utf8(text, t.end_byte, &len) : 0;
  f.space_after = t.end_byte >= text.size() || is_space(after);
  f.punct_after = !f.space_after && is_trailing_punct(after);
  return f;
}

struct OpenMark {
  size_t token;
  char32_t mark;
};

class Pairer {
 public:
  Pairer(std::string_view text, const std::vector<Token>& tokens) : text_(text), tokens_(tokens) {}

  std::vector<QuoteSpan> run() {
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (i > 0 && tokens_[i].newline_before) end_paragraph(i);
      const Token& t = tokens_[i];
      if (t.kind != TokenKind::Punct) continue;
      size_t len = 0;
      const char32_t cp = decode_utf8(text_, t.begin_byte, &len);
      if (len != t.end_byte - t.begin_byte || !is_mark(cp)) continue;
      on_mark(i, cp);
    }
    end_paragraph(tokens_.size());
    return finish();
  }

 private:
  void on_mark(size_t i, char32_t cp) {
    const Flanks f = flanks(text_, tokens_[i]);
    bool may_close = true;
    bool may_open = false;
    switch (cp) {
      case kLowDouble: case kLowSingle: case kLeftGuillemet: case kLeftAngle:
        may_open = true;
        may_close = cp == kLeftGuillemet || cp == kLeftAngle;  // close »…« and ›…‹
        break;
      case kLeftDouble: case kLeftSingle:
        may_open = true;  // and may close „…“ / ‚…‘ (German)
        break;
      case kRightDouble: case kRightGuillemet: case kRightAngle:
        may_open = f.space_before && !f.space_after && !f.punct_after;
        break;
      case kRightSingle:
        break;
      case '"': {
        const bool left = f.space_before && !f.space_after && !f.punct_after;
        const bool right = !f.space_before && (f.space_after || f.punct_after);
        const bool glued = !f.space_before && !f.space_after && !f.punct_after;
        may_close = right || glued;
        may_open = left || glued;
        if (right || glued) may_open = glued && !has_open('"');
        if (f.space_before && f.space_after) may_close = may_open = false;
        break;
      }
      default:
        return;
    }
    if (may_close && close_with(i, cp)) return;
    if (!may_open) return;
    if (!stack_.empty() && stack_.back().mark == cp) {
      emit_unclosed(stack_.back(), i);
      stack_.pop_back();
    }
    // Deeper than kMaxQuoteDepth is no prose: the opener is ignored, which keeps every
    // closer's search of the stack (and every later walk up the parents) bounded.
    if (stack_.size() >= kMaxQuoteDepth) return;
    stack_.push_back(OpenMark{i, cp});
  }

  bool has_open(char32_t mark) const {
    return std::any_of(stack_.begin(), stack_.end(), [&](const OpenMark& o) { return o.mark == mark; });
  }

  // Closes the innermost open quote that `cp` ends; openers above it are dropped.
  bool close_with(size_t i, char32_t cp) {
    for (size_t k = stack_.size(); k-- > 0;) {
      if (!closes(stack_[k].mark, cp)) continue;
      QuoteSpan s;
      s.open_token = stack_[k].token;
      s.close_token = i;
      s.inner_first = s.open_token + 1;
      s.inner_end = i;
      s.begin_byte = tokens_[s.open_token].begin_byte;
      s.end_byte = tokens_[i].end_byte;
      s.open_mark = stack_[k].mark;
      s.close_mark = cp;
      stack_.resize(k);
      if (s.inner_end > s.inner_first) spans_.push_back(s);
      return true;
    }
    return false;
  }

  // An opener never closed: its span runs to the token before `end_token`.
  void emit_unclosed(const OpenMark& o, size_t end_token) {
    if (end_token <= o.token + 1) return;
    QuoteSpan s;
    s.open_token = o.token;
    s.inner_first = o.token + 1;
    s.inner_end = end_token;
    s.begin_byte = tokens_[o.token].begin_byte;
    s.end_byte = tokens_[end_token - 1].end_byte;
    s.open_mark = o.mark;
    spans_.push_back(s);
  }

  // Only the outermost opener left open becomes a span; the ones inside it are dropped.
  void end_paragraph(size_t end_token) {
    if (!stack_.empty()) emit_unclosed(stack_.front(), end_token);
    stack_.clear();
  }

  std::vector<QuoteSpan> finish() {
    std::stable_sort(spans_.begin(), spans_.end(), [](const QuoteSpan& a, const QuoteSpan& b) {
      return a.begin_byte != b.begin_byte ? a.begin_byte < b.begin_byte : a.end_byte > b.end_byte;
    });
    std::vector<int> open;  // indices of spans that may still contain the next one
    for (size_t k = 0; k < spans_.size(); ++k) {
      while (!open.empty() && spans_[static_cast<size_t>(open.back())].end_byte <= spans_[k].begin_byte) {
        open.pop_back();
      }
      if (!open.empty() && spans_[static_cast<size_t>(open.back())].end_byte >= spans_[k].end_byte) {
        spans_[k].parent = open.back();
      }
      open.push_back(static_cast<int>(k));
    }
    return std::move(spans_);
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::vector<OpenMark> stack_;
  std::vector<QuoteSpan> spans_;
};

}  // namespace

std::vector<QuoteSpan> pair_quote_marks(std::string_view text, const std::vector<Token>& tokens) {
  return Pairer(text, tokens).run();
}

}  // namespace glosa
