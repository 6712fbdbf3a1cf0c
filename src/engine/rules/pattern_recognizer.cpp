// Runs the rule recognisers over the tokens and resolves overlaps: at each token the
// longest match wins, and a match overlapping an earlier one is dropped. Layer: engine/rules.
#include "engine/rules/pattern_recognizer.h"

#include "engine/rules/date_rules.h"
#include "engine/rules/money_rules.h"
#include "engine/rules/quantity_rules.h"
#include "engine/rules/rule_context.h"

namespace glosa {

namespace {

// Priority among equally long matches at one start: money and percent before dates
// ("2022 zł" is an amount), dates before times, quantities last.
int label_rank(const std::string& label) {
  if (label == "URL" || label == "EMAIL") return 0;
  if (label == "MONEY") return 1;
  if (label == "PERCENT") return 2;
  if (label == "DATE") return 3;
  if (label == "TIME") return 4;
  return 5;  // QUANTITY
}

// Capitals only, one trailing dot aside: "USD", "USD.", "XXI", "US" (of "US$").
bool is_capitals_only(std::string_view raw) {
  if (!raw.empty() && raw.back() == '.') raw.remove_suffix(1);
  if (raw.empty()) return false;
  for (char c : raw) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// "kosztuje 480 mln zł. W tym roku": Polish writes zł, mln and mld without a dot, so a dot
// the tokenizer kept on one of them before a capital (or the end) is the full stop.
bool ends_in_full_stop(const rules::TokenView& v, size_t last) {
  if (!v.has_dot(last) || !v.is_any(last, {"zł", "mln", "mld"})) return false;
  return last + 1 >= v.size() || v.is_capitalized(last + 1);
}

}  // namespace

bool rules::may_start_match(const TokenView& v, size_t i) {
  static const WordIndex start_words = [] {
    std::vector<std::string_view> words;
    rules::add_date_start_words(&words);
    rules::add_money_start_words(&words);
    return WordIndex(words);
  }();
  if (!v.is_word(i)) return i < v.size();
  const std::string_view raw = v.raw(i);
  if (!raw.empty() && raw[0] >= '0' && raw[0] <= '9') return true;
  return is_capitals_only(raw) || rules::may_start_number_phrase(v, i) ||
         v.find(i, start_words) >= 0;
}

std::vector<Entity> recognize_patterns(std::string_view text, const std::vector<Token>& tokens,
                                       std::string_view lang) {
  std::vector<Entity> out;
  if (tokens.empty()) return out;
  const rules::TokenView v(text, tokens, lang);
  std::vector<rules::Match> candidates;
  size_t covered_until = 0;  // token index: tokens before it belong to an accepted entity
  for (size_t i = 0; i < v.size(); ++i) {
    if (i < covered_until) continue;
    candidates.clear();
    if (!rules::may_start_match(v, i)) continue;  // no recogniser would find anything here
    if (v.kind(i) == TokenKind::Url || v.kind(i) == TokenKind::Email) {
      rules::Match m;
      m.first = i;
      m.last = i + 1;
      m.label = v.kind(i) == TokenKind::Url ? "URL" : "EMAIL";
      m.value = std::string(v.raw(i));
      candidates.push_back(m);
    } else {
      rules::match_money(v, i, &candidates);
      rules::match_percent(v, i, &candidates);
      rules::match_dates(v, i, &candidates);
      rules::match_times(v, i, &candidates);
      rules::match_quantity(v, i, &candidates);
    }
    const rules::Match* best = nullptr;
    for (const rules::Match& m : candidates) {
      if (m.first != i || m.last <= i || m.last > v.size()) continue;  // defensive
      if (!best || m.last > best->last ||
          (m.last == best->last && label_rank(m.label) < label_rank(best->label))) {
        best = &m;
      }
    }
    if (!best) continue;
    Entity e;
    e.begin_byte = v.begin_byte(best->first);
    e.end_byte = v.end_byte(best->last - 1);
    if (ends_in_full_stop(v, best->last - 1)) --e.end_byte;
    e.label = best->label;
    e.value = best->value;
    e.subtype = best->subtype;
    e.is_relative = best->is_relative;
    e.origin = Origin::Rule;
    e.confidence = 1.0f;
    out.push_back(std::move(e));
    covered_until = best->last;
  }
  return out;
}

}  // namespace glosa
