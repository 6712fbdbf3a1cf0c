// Exact decimal parsing and printing, and Polish/English number words. Layer: engine/rules.
#include "engine/rules/number_parser.h"

#include <iterator>
#include <utility>
#include <vector>

#include "engine/core/word_index.h"

namespace glosa::rules {

namespace {

constexpr uint64_t kMaxMantissa = 1000000000000000000ull;  // 10^18: headroom for * 10

bool is_digit(char c) { return c >= '0' && c <= '9'; }

void normalise(Decimal* d) {
  while (d->frac_digits > 0 && d->mantissa % 10 == 0) {
    d->mantissa /= 10;
    --d->frac_digits;
  }
  if (d->mantissa == 0) d->frac_digits = 0;
}

// One digit group of a number token and the separator that precedes it.
struct Group {
  char sep = 0;  // 0 for the first group, ',' '.' or ' ' (any space kind)
  std::string_view digits;
};

// Splits "1 000,5" into groups; false when a character is neither digit nor separator, or
// two separators touch.
bool split_groups(std::string_view s, std::vector<Group>* groups) {
  size_t i = 0;
  char sep = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && is_digit(s[j])) ++j;
    if (j == i) return false;
    groups->push_back(Group{sep, s.substr(i, j - i)});
    if (j == s.size()) return true;
    if (s[j] == ',' || s[j] == '.') {
      sep = s[j];
      i = j + 1;
    } else if (s[j] == ' ') {
      sep = ' ';
      i = j + 1;
    } else if (s.compare(j, 2, "\xC2\xA0") == 0) {
      sep = ' ';
      i = j + 2;
    } else if (s.compare(j, 3, "\xE2\x80\xAF") == 0) {
      sep = ' ';
      i = j + 3;
    } else {
      return false;
    }
    if (i >= s.size()) return false;
  }
  return false;
}

bool append_digits(std::string_view digits, Decimal* d, bool fractional) {
  for (char c : digits) {
    if (d->mantissa >= kMaxMantissa) return false;
    d->mantissa = d->mantissa * 10 + static_cast<uint64_t>(c - '0');
    if (fractional) ++d->frac_digits;
  }
  return true;
}

struct WordValue {
  std::string_view word;
  uint64_t mantissa;
  int frac_digits;
};

// Polish number words in the case forms news text uses (nominative/accusative, genitive,
// instrumental, dative). Feminine and non-virile forms are included ("dwie", "dwóch").
constexpr WordValue kPolishNumbers[] = {
    {"jeden", 1, 0}, {"jedna", 1, 0}, {"jedno", 1, 0}, {"jednego", 1, 0}, {"jednej", 1, 0},
    {"jednym", 1, 0}, {"jedną", 1, 0},
    {"dwa", 2, 0}, {"dwie", 2, 0}, {"dwóch", 2, 0}, {"dwu", 2, 0}, {"dwoma", 2, 0},
    {"dwom", 2, 0}, {"dwiema", 2, 0},
    {"trzy", 3, 0}, {"trzech", 3, 0}, {"trzema", 3, 0}, {"trzem", 3, 0},
    {"cztery", 4, 0}, {"czterech", 4, 0}, {"czterema", 4, 0}, {"czterem", 4, 0},
    {"pięć", 5, 0}, {"pięciu", 5, 0}, {"pięcioma", 5, 0},
    {"sześć", 6, 0}, {"sześciu", 6, 0}, {"sześcioma", 6, 0},
    {"siedem", 7, 0}, {"siedmiu", 7, 0}, {"siedmioma", 7, 0},
    {"osiem", 8, 0}, {"ośmiu", 8, 0}, {"ośmioma", 8, 0},
    {"dziewięć", 9, 0}, {"dziewięciu", 9, 0}, {"dziewięcioma", 9, 0},
    {"dziesięć", 10, 0}, {"dziesięciu", 10, 0}, {"dziesięcioma", 10, 0},
    {"jedenaście", 11, 0}, {"jedenastu", 11, 0}, {"jedenastoma", 11, 0},
    {"dwanaście", 12, 0}, {"dwunastu", 12, 0}, {"dwunastoma", 12, 0},
    {"trzynaście", 13, 0}, {"trzynastu", 13, 0},
    {"czternaście", 14, 0}, {"czternastu", 14, 0},
    {"piętnaście", 15, 0}, {"piętnastu", 15, 0},
    {"szesnaście", 16, 0}, {"szesnastu", 16, 0},
    {"siedemnaście", 17, 0}, {"siedemnastu", 17, 0},
    {"osiemnaście", 18, 0}, {"osiemnastu", 18, 0},
    {"dziewiętnaście", 19, 0}, {"dziewiętnastu", 19, 0},
    {"dwadzieścia", 20, 0}, {"dwudziestu", 20, 0}, {"dwudziestoma", 20, 0},
    {"trzydzieści", 30, 0}, {"trzydziestu", 30, 0},
    {"czterdzieści", 40, 0}, {"czterdziestu", 40, 0},
    {"pięćdziesiąt", 50, 0}, {"pięćdziesięciu", 50, 0},
    {"sześćdziesiąt", 60, 0}, {"sześćdziesięciu", 60, 0},
    {"siedemdziesiąt", 70, 0}, {"siedemdziesięciu", 70, 0},
    {"osiemdziesiąt", 80, 0}, {"osiemdziesięciu", 80, 0},
    {"dziewięćdziesiąt", 90, 0}, {"dziewięćdziesięciu", 90, 0},
    {"sto", 100, 0}, {"stu", 100, 0}, {"stoma", 100, 0},
    {"dwieście", 200, 0}, {"dwustu", 200, 0},
    {"trzysta", 300, 0}, {"trzystu", 300, 0},
    {"czterysta", 400, 0}, {"czterystu", 400, 0},
    {"pięćset", 500, 0}, {"pięciuset", 500, 0},
    {"sześćset", 600, 0}, {"sześciuset", 600, 0},
    {"siedemset", 700, 0}, {"siedmiuset", 700, 0},
    {"osiemset", 800, 0}, {"ośmiuset", 800, 0},
    {"dziewięćset", 900, 0}, {"dziewięciuset", 900, 0},
    {"pół", 5, 1}, {"półtora", 15, 1}, {"półtorej", 15, 1},
    {"zero", 0, 0},
    {"ćwierć", 25, 2},  // "ćwierć miliona"
};

constexpr WordValue kEnglishNumbers[] = {
    {"zero", 0, 0},      {"one", 1, 0},        {"two", 2, 0},       {"three", 3, 0},
    {"four", 4, 0},      {"five", 5, 0},       {"six", 6, 0},       {"seven", 7, 0},
    {"eight", 8, 0},     {"nine", 9, 0},       {"ten", 10, 0},      {"eleven", 11, 0},
    {"twelve", 12, 0},   {"thirteen", 13, 0},  {"fourteen", 14, 0}, {"fifteen", 15, 0},
    {"sixteen", 16, 0},  {"seventeen", 17, 0}, {"eighteen", 18, 0}, {"nineteen", 19, 0},
    {"twenty", 20, 0},   {"thirty", 30, 0},    {"forty", 40, 0},    {"fifty", 50, 0},
    {"sixty", 60, 0},    {"seventy", 70, 0},   {"eighty", 80, 0},   {"ninety", 90, 0},
    {"half", 5, 1},
};

constexpr std::string_view kPolishIndefinite[] = {
    "kilka", "kilku", "kilkoma", "parę", "paru", "kilkanaście", "kilkunastu",
    "kilkadziesiąt", "kilkudziesięciu", "kilkaset", "kilkuset", "wiele", "wielu"};
constexpr std::string_view kEnglishIndefinite[] = {"several", "few", "many"};

template <size_t N>
bool lookup(const WordValue (&table)[N], const WordIndex& index, std::string_view w,
            uint64_t hash, Decimal* out) {
  const int k = index.find(w, hash);
  if (k < 0) return false;
  *out = Decimal{table[k].mantissa, table[k].frac_digits};
  return true;
}

const WordIndex& polish_number_index() {
  static const WordIndex index =
      WordIndex::of(kPolishNumbers, [](const WordValue& e) { return e.word; });
  return index;
}

const WordIndex& english_number_index() {
  static const WordIndex index =
      WordIndex::of(kEnglishNumbers, [](const WordValue& e) { return e.word; });
  return index;
}

}  // namespace

bool parse_uint(std::string_view text, uint64_t* out) {
  if (text.empty() || text.size() > 18) return false;
  uint64_t v = 0;
  for (char c : text) {
    if (!is_digit(c)) return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

bool parse_decimal(std::string_view text, NumberStyle style, Decimal* out) {
  std::vector<Group> groups;
  if (!split_groups(text, &groups)) return false;
  // Which separator (if any) is the decimal mark: the last one, when it is a ',' or '.'
  // that does not behave as a thousands separator.
  size_t decimal_group = 0;  // index of the first fractional group, 0 = none
  const size_t n = groups.size();
  if (n > 1) {
    const char last = groups[n - 1].sep;
    bool same_before = false;   // the last separator also appears earlier
    bool other_before = false;  // a different ',' / '.' separator appears earlier
    for (size_t k = 1; k + 1 < n; ++k) {
      if (groups[k].sep == last) same_before = true;
      else if (groups[k].sep != ' ') other_before = true;
    }
    if (last != ' ') {
      if (other_before) {
        decimal_group = n - 1;  // "1.250,5" / "1,250.5"
      } else if (!same_before && groups[n - 1].digits.size() != 3) {
        decimal_group = n - 1;  // "24,5", "3.14"
      } else if (!same_before) {
        // A lone separator before exactly three digits: the language decides.
        const bool leading_zero = groups[0].digits == "0";
        // "40,000" in Polish text is forty thousand: nobody writes 40.0 that way.
        const bool zeros = groups[n - 1].digits == "000";
        const bool is_decimal_mark = (style == NumberStyle::Polish && last == ',' && !zeros) ||
                                     (style == NumberStyle::English && last == '.');
        if (leading_zero || is_decimal_mark) decimal_group = n - 1;
        // A space-grouped number cannot then use a lone '.'/',' as thousands ("1 000.000").
        else if (n > 2) return false;
      }
    }
  }
  // Thousands groups: the first 1-3 digits, every later one exactly 3, one separator kind.
  const size_t int_groups = decimal_group ? decimal_group : n;
  if (int_groups > 1) {
    if (groups[0].digits.size() > 3) return false;
    char thousands = 0;
    for (size_t k = 1; k < int_groups; ++k) {
      if (groups[k].digits.size() != 3) return false;
      if (thousands == 0) thousands = groups[k].sep;
      else if (groups[k].sep != thousands) return false;
    }
  }
  if (decimal_group && groups[decimal_group].sep == ' ') return false;
  Decimal d;
  for (size_t k = 0; k < int_groups; ++k) {
    if (!append_digits(groups[k].digits, &d, false)) return false;
  }
  if (decimal_group && !append_digits(groups[decimal_group].digits, &d, true)) return false;
  normalise(&d);
  *out = d;
  return true;
}

bool scale_decimal(Decimal* d, int exponent) {
  while (exponent > 0) {
    if (d->frac_digits > 0) {
      --d->frac_digits;
    } else {
      if (d->mantissa >= kMaxMantissa) return false;
      d->mantissa *= 10;
    }
    --exponent;
  }
  if (exponent < 0) {
    if (d->frac_digits - exponent > 18) return false;
    d->frac_digits -= exponent;
  }
  normalise(d);
  return true;
}

bool multiply_decimal(Decimal* d, const Decimal& by) {
  uint64_t product = 0;
  if (__builtin_mul_overflow(d->mantissa, by.mantissa, &product)) return false;
  if (product > kMaxMantissa * 10) return false;
  d->mantissa = product;
  d->frac_digits += by.frac_digits;
  normalise(d);
  return true;
}

std::string format_decimal(const Decimal& d) {
  std::string digits = std::to_string(d.mantissa);
  if (d.frac_digits <= 0) return digits;
  const size_t frac = static_cast<size_t>(d.frac_digits);
  if (digits.size() <= frac) digits.insert(0, frac - digits.size() + 1, '0');
  digits.insert(digits.size() - frac, 1, '.');
  return digits;
}

bool number_word_value(std::string_view w, std::string_view lang, Decimal* out) {
  return number_word_value(w, word_hash(w), lang, out);
}

bool number_word_value(std::string_view w, uint64_t hash, std::string_view lang,
                       Decimal* out) {
  if (lang != "en" && lookup(kPolishNumbers, polish_number_index(), w, hash, out)) return true;
  if (lang != "pl" && lookup(kEnglishNumbers, english_number_index(), w, hash, out)) return true;
  return false;
}

bool is_indefinite_number_word(std::string_view w, std::string_view lang) {
  return is_indefinite_number_word(w, word_hash(w), lang);
}

bool is_indefinite_number_word(std::string_view w, uint64_t hash, std::string_view lang) {
  static const WordIndex polish =
      WordIndex::of(kPolishIndefinite, [](std::string_view x) { return x; });
  static const WordIndex english =
      WordIndex::of(kEnglishIndefinite, [](std::string_view x) { return x; });
  if (lang != "en" && polish.contains(w, hash)) return true;
  if (lang != "pl" && english.contains(w, hash)) return true;
  return false;
}

void add_indefinite_number_words(std::vector<std::string_view>* words) {
  words->insert(words->end(), std::begin(kPolishIndefinite), std::end(kPolishIndefinite));
  words->insert(words->end(), std::begin(kEnglishIndefinite), std::end(kEnglishIndefinite));
}

}  // namespace glosa::rules
