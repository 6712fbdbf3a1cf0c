// MONEY and PERCENT rules (see money_rules.h and docs/RULES.md). Layer: engine/rules.
//
// Index: currency and scale tables · amount parsing · money · percent.
#include "engine/rules/money_rules.h"

#include <string>
#include <string_view>

namespace glosa::rules {

namespace {

// --- Section: currency and scale tables ---

// Currency families decide which country adjective may follow ("dolarów kanadyjskich").
enum class Family : uint8_t { None, Dollar, Zloty, Euro, Pound, Ruble, Hryvnia, Tenge, Franc,
                              Yen, Yuan, Crown, Forint, Leu, Lira, Rupee, Peso, Lev, Shekel,
                              Won, Lari };

struct CurrencyWord {
  std::string_view form;  // lower case
  std::string_view code;  // ISO 4217; empty when the country must come from an adjective
  Family family;
  bool is_minor;          // cents/grosze: amount / 100
};

constexpr CurrencyWord kCurrencyWords[] = {
    // Polish, all case forms in use.
    {"dolar", "USD", Family::Dollar, false},     {"dolara", "USD", Family::Dollar, false},
    {"dolarowi", "USD", Family::Dollar, false},  {"dolarem", "USD", Family::Dollar, false},
    {"dolarze", "USD", Family::Dollar, false},   {"dolary", "USD", Family::Dollar, false},
    {"dolarów", "USD", Family::Dollar, false},   {"dolarom", "USD", Family::Dollar, false},
    {"dolarami", "USD", Family::Dollar, false},  {"dolarach", "USD", Family::Dollar, false},
    {"złoty", "PLN", Family::Zloty, false},      {"złotego", "PLN", Family::Zloty, false},
    {"złotemu", "PLN", Family::Zloty, false},    {"złotym", "PLN", Family::Zloty, false},
    {"złotych", "PLN", Family::Zloty, false},    {"złote", "PLN", Family::Zloty, false},
    {"złotymi", "PLN", Family::Zloty, false},    {"zł", "PLN", Family::Zloty, false},
    {"grosz", "PLN", Family::Zloty, true},       {"grosza", "PLN", Family::Zloty, true},
    {"grosze", "PLN", Family::Zloty, true},      {"groszy", "PLN", Family::Zloty, true},
    {"gr", "PLN", Family::Zloty, true},
    {"euro", "EUR", Family::Euro, false},        {"eurocent", "EUR", Family::Euro, true},
    {"eurocentów", "EUR", Family::Euro, true},   {"eurocenty", "EUR", Family::Euro, true},
    {"cent", "USD", Family::Dollar, true},       {"centa", "USD", Family::Dollar, true},
    {"centy", "USD", Family::Dollar, true},      {"centów", "USD", Family::Dollar, true},
    {"funt", "GBP", Family::Pound, false},       {"funta", "GBP", Family::Pound, false},
    {"funtem", "GBP", Family::Pound, false},     {"funcie", "GBP", Family::Pound, false},
    {"funty", "GBP", Family::Pound, false},      {"funtów", "GBP", Family::Pound, false},
    {"funtami", "GBP", Family::Pound, false},    {"funtach", "GBP", Family::Pound, false},
    {"rubel", "RUB", Family::Ruble, false},      {"rubla", "RUB", Family::Ruble, false},
    {"rublem", "RUB", Family::Ruble, false},     {"rublu", "RUB", Family::Ruble, false},
    {"ruble", "RUB", Family::Ruble, false},      {"rubli", "RUB", Family::Ruble, false},
    {"rublami", "RUB", Family::Ruble, false},    {"rublach", "RUB", Family::Ruble, false},
    {"hrywna", "UAH", Family::Hryvnia, false},   {"hrywny", "UAH", Family::Hryvnia, false},
    {"hrywnę", "UAH", Family::Hryvnia, false},   {"hrywną", "UAH", Family::Hryvnia, false},
    {"hrywnie", "UAH", Family::Hryvnia, false},  {"hrywien", "UAH", Family::Hryvnia, false},
    {"hrywni", "UAH", Family::Hryvnia, false},   {"hrywnami", "UAH", Family::Hryvnia, false},
    {"hrywnach", "UAH", Family::Hryvnia, false},
    {"tenge", "KZT", Family::Tenge, false},
    {"frank", "CHF", Family::Franc, false},      {"franka", "CHF", Family::Franc, false},
    {"frankiem", "CHF", Family::Franc, false},   {"franku", "CHF", Family::Franc, false},
    {"franki", "CHF", Family::Franc, false},     {"franków", "CHF", Family::Franc, false},
    {"frankami", "CHF", Family::Franc, false},   {"frankach", "CHF", Family::Franc, false},
    {"jen", "JPY", Family::Yen, false},          {"jena", "JPY", Family::Yen, false},
    {"jenem", "JPY", Family::Yen, false},        {"jeny", "JPY", Family::Yen, false},
    {"jenów", "JPY", Family::Yen, false},        {"jenami", "JPY", Family::Yen, false},
    {"juan", "CNY", Family::Yuan, false},        {"juana", "CNY", Family::Yuan, false},
    {"juany", "CNY", Family::Yuan, false},       {"juanów", "CNY", Family::Yuan, false},
    {"juanami", "CNY", Family::Yuan, false},
    {"korona", "", Family::Crown, false},        {"korony", "", Family::Crown, false},
    {"koronę", "", Family::Crown, false},        {"koroną", "", Family::Crown, false},
    {"koron", "", Family::Crown, false},         {"koronami", "", Family::Crown, false},
    {"koronach", "", Family::Crown, false},
    {"forint", "HUF", Family::Forint, false},    {"forinta", "HUF", Family::Forint, false},
    {"forinty", "HUF", Family::Forint, false},   {"forintów", "HUF", Family::Forint, false},
    {"lej", "RON", Family::Leu, false},          {"leje", "RON", Family::Leu, false},
    {"lejów", "RON", Family::Leu, false},        {"lei", "RON", Family::Leu, false},
    {"lira", "TRY", Family::Lira, false},        {"liry", "TRY", Family::Lira, false},
    {"lir", "TRY", Family::Lira, false},         {"lirę", "TRY", Family::Lira, false},
    {"rupia", "INR", Family::Rupee, false},      {"rupii", "INR", Family::Rupee, false},
    {"rupie", "INR", Family::Rupee, false},      {"rupiami", "INR", Family::Rupee, false},
    {"peso", "", Family::Peso, false},
    {"złotówka", "PLN", Family::Zloty, false},   {"złotówki", "PLN", Family::Zloty, false},
    {"złotówek", "PLN", Family::Zloty, false},   {"złotówkę", "PLN", Family::Zloty, false},
    {"złotówkach", "PLN", Family::Zloty, false}, {"dolców", "USD", Family::Dollar, false},
    // "lew" is also a lion and "lewa" left: these count only with "bułgarski" after them.
    {"lew", "", Family::Lev, false},             {"lewy", "", Family::Lev, false},
    {"lewów", "", Family::Lev, false},           {"lewa", "", Family::Lev, false},
    {"szekel", "ILS", Family::Shekel, false},    {"szekla", "ILS", Family::Shekel, false},
    {"szekle", "ILS", Family::Shekel, false},    {"szekli", "ILS", Family::Shekel, false},
    {"szeklami", "ILS", Family::Shekel, false},  {"szekelów", "ILS", Family::Shekel, false},
    {"wony", "KRW", Family::Won, false},         {"wonów", "KRW", Family::Won, false},
    {"lari", "GEL", Family::Lari, false},
    // English.
    {"dollar", "USD", Family::Dollar, false},    {"dollars", "USD", Family::Dollar, false},
    {"cents", "USD", Family::Dollar, true},      {"euros", "EUR", Family::Euro, false},
    {"pound", "GBP", Family::Pound, false},      {"pounds", "GBP", Family::Pound, false},
    {"sterling", "GBP", Family::Pound, false},   {"rouble", "RUB", Family::Ruble, false},
    {"roubles", "RUB", Family::Ruble, false},    {"ruble", "RUB", Family::Ruble, false},
    {"rubles", "RUB", Family::Ruble, false},     {"hryvnia", "UAH", Family::Hryvnia, false},
    {"hryvnias", "UAH", Family::Hryvnia, false}, {"hryvnas", "UAH", Family::Hryvnia, false},
    {"franc", "CHF", Family::Franc, false},      {"francs", "CHF", Family::Franc, false},
    {"yen", "JPY", Family::Yen, false},          {"yuan", "CNY", Family::Yuan, false},
    {"renminbi", "CNY", Family::Yuan, false},    {"zloty", "PLN", Family::Zloty, false},
    {"zlotys", "PLN", Family::Zloty, false},     {"zlotych", "PLN", Family::Zloty, false},
    {"krona", "SEK", Family::Crown, false},      {"kronor", "SEK", Family::Crown, false},
    {"krone", "", Family::Crown, false},         {"kroner", "", Family::Crown, false},
    {"koruna", "CZK", Family::Crown, false},     {"korunas", "CZK", Family::Crown, false},
    {"forints", "HUF", Family::Forint, false},   {"rupee", "INR", Family::Rupee, false},
    {"rupees", "INR", Family::Rupee, false},     {"liras", "TRY", Family::Lira, false},
    {"pesos", "", Family::Peso, false},
};

// Words that, after a currency word, make it another thing ("3 złote medale").
constexpr std::string_view kNotCurrencyNext[] = {"medal", "krąż", "puchar", "płyt", "gwiazd",
                                                 "lat", "czas", "zasad", "myśl", "rączk"};

// Country adjectives after (Polish) or before (English) a currency word, by word stem.
struct CountryAdjective {
  std::string_view stem;
  Family family;
  std::string_view code;
};

constexpr CountryAdjective kCountryAdjectives[] = {
    {"amerykańsk", Family::Dollar, "USD"}, {"kanadyjsk", Family::Dollar, "CAD"},
    {"australijsk", Family::Dollar, "AUD"}, {"nowozelandzk", Family::Dollar, "NZD"},
    {"hongkońsk", Family::Dollar, "HKD"}, {"singapursk", Family::Dollar, "SGD"},
    {"tajwańsk", Family::Dollar, "TWD"},  {"czesk", Family::Crown, "CZK"},
    {"szwedzk", Family::Crown, "SEK"},    {"norwesk", Family::Crown, "NOK"},
    {"duńsk", Family::Crown, "DKK"},      {"islandzk", Family::Crown, "ISK"},
    {"szwajcarsk", Family::Franc, "CHF"}, {"szterling", Family::Pound, "GBP"},
    {"brytyjsk", Family::Pound, "GBP"},   {"egipsk", Family::Pound, "EGP"},
    {"rosyjsk", Family::Ruble, "RUB"},    {"białorusk", Family::Ruble, "BYN"},
    {"tureck", Family::Lira, "TRY"},      {"japońsk", Family::Yen, "JPY"},
    {"chińsk", Family::Yuan, "CNY"},      {"ukraińsk", Family::Hryvnia, "UAH"},
    {"indyjsk", Family::Rupee, "INR"},    {"meksykańsk", Family::Peso, "MXN"},
    {"argentyńsk", Family::Peso, "ARS"},  {"chilijsk", Family::Peso, "CLP"},
    {"kazachsk", Family::Tenge, "KZT"},   {"rumuńsk", Family::Leu, "RON"},
    {"mołdawsk", Family::Leu, "MDL"},     {"węgiersk", Family::Forint, "HUF"},
    {"bułgarsk", Family::Lev, "BGN"},     {"izraelsk", Family::Shekel, "ILS"},
    {"południowokoreańsk", Family::Won, "KRW"}, {"gruzińsk", Family::Lari, "GEL"},
};

// English adjectives come before the currency word and match whole words.
constexpr CountryAdjective kEnglishCountryAdjectives[] = {
    {"us", Family::Dollar, "USD"},        {"u.s", Family::Dollar, "USD"},
    {"american", Family::Dollar, "USD"},  {"canadian", Family::Dollar, "CAD"},
    {"australian", Family::Dollar, "AUD"}, {"singapore", Family::Dollar, "SGD"},
    {"swiss", Family::Franc, "CHF"},      {"japanese", Family::Yen, "JPY"},
    {"chinese", Family::Yuan, "CNY"},     {"russian", Family::Ruble, "RUB"},
    {"belarusian", Family::Ruble, "BYN"}, {"czech", Family::Crown, "CZK"},
    {"swedish", Family::Crown, "SEK"},    {"norwegian", Family::Crown, "NOK"},
    {"danish", Family::Crown, "DKK"},     {"turkish", Family::Lira, "TRY"},
    {"indian", Family::Rupee, "INR"},     {"mexican", Family::Peso, "MXN"},
    {"argentine", Family::Peso, "ARS"},   {"ukrainian", Family::Hryvnia, "UAH"},
    {"kazakh", Family::Tenge, "KZT"},     {"egyptian", Family::Pound, "EGP"},
};

constexpr std::string_view kCurrencyCodes[] = {
    "USD", "EUR", "GBP", "PLN", "RUB", "UAH", "KZT", "CHF", "JPY", "CNY", "CZK", "SEK",
    "NOK", "DKK", "HUF", "RON", "TRY", "INR", "CAD", "AUD", "BYN", "NZD", "HKD", "SGD",
    "MXN", "BRL", "KRW", "GEL", "AMD", "AZN", "MDL", "BGN", "ILS", "SAR", "AED", "EGP"};

struct SymbolCurrency {
  std::string_view symbol;
  std::string_view code;
};

constexpr SymbolCurrency kSymbols[] = {
    {"$", "USD"}, {"\xE2\x82\xAC", "EUR"}, {"\xC2\xA3", "GBP"}, {"\xC2\xA5", "JPY"},
    {"\xE2\x82\xBD", "RUB"}, {"\xE2\x82\xB8", "KZT"}, {"\xE2\x82\xB4", "UAH"},
};

// "US$", "C$": a letter prefix glued to "$".
struct DollarPrefix {
  std::string_view prefix;
  std::string_view code;
};

constexpr DollarPrefix kDollarPrefixes[] = {{"US", "USD"}, {"C", "CAD"},  {"CA", "CAD"},
                                            {"A", "AUD"},  {"AU", "AUD"}, {"HK", "HKD"},
                                            {"NZ", "NZD"}, {"S", "SGD"},  {"R", "BRL"}};

struct ScaleWord {
  std::string_view form;
  int exponent;
  bool is_polish;  // for "bln": Polish 10^12, English 10^9
};

constexpr ScaleWord kScales[] = {
    {"tys", 3, true},       {"tysiąc", 3, true},     {"tysiąca", 3, true},
    {"tysiące", 3, true},   {"tysięcy", 3, true},    {"tysiącem", 3, true},
    {"tysiącach", 3, true}, {"tysiącami", 3, true},
    {"mln", 6, true},       {"milion", 6, true},     {"miliona", 6, true},
    {"miliony", 6, true},   {"milionów", 6, true},   {"milionem", 6, true},
    {"milionach", 6, true}, {"milionami", 6, true},
    {"mld", 9, true},       {"miliard", 9, true},    {"miliarda", 9, true},
    {"miliardy", 9, true},  {"miliardów", 9, true},  {"miliardem", 9, true},
    {"miliardach", 9, true}, {"miliardami", 9, true},
    {"bln", 12, true},      {"bilion", 12, true},    {"biliona", 12, true},
    {"biliony", 12, true},  {"bilionów", 12, true},  {"bilionem", 12, true},
    {"thousand", 3, false}, {"thousands", 3, false}, {"million", 6, false},
    {"millions", 6, false}, {"mn", 6, false},        {"billion", 9, false},
    {"billions", 9, false}, {"bn", 9, false},        {"trillion", 12, false},
    {"trillions", 12, false}, {"tn", 12, false},     {"trn", 12, false},
};

template <typename T, size_t N, typename F>
const T* find_in(const T (&table)[N], F&& pred) {
  for (const T& e : table) {
    if (pred(e)) return &e;
  }
  return nullptr;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// Scale word at i (full words any case, abbreviations with or without their dot).
// `loose` admits the English one-letter forms "m"/"k" (only right after a currency prefix).
bool scale_at(const TokenView& v, size_t i, bool loose, int* exponent) {
  static const WordIndex index = WordIndex::of(kScales, [](const ScaleWord& x) { return x.form; });
  if (!v.is_word(i)) return false;
  const std::string_view w = v.lower(i);
  if (w == "bln") {
    *exponent = v.lang() == "en" ? 9 : 12;
    return true;
  }
  if (w == "mln" || w == "mld" || w == "tys") {
    if (!v.polish() && w != "mln") return false;
    *exponent = w == "tys" ? 3 : w == "mln" ? 6 : 9;
    return true;
  }
  if (loose && v.english() && (w == "m" || w == "k")) {
    *exponent = w == "m" ? 6 : 3;
    return true;
  }
  const ScaleWord* s = find_form(v, i, kScales, index);
  if (!s || (s->is_polish ? !v.polish() : !v.english())) return false;
  *exponent = s->exponent;
  return true;
}

// --- Section: amount parsing ---

struct Amount {
  Decimal value;
  size_t end = 0;  // one past the amount (and its scale word)
};

// A Word like "5bn", "24m", "10k", "3mln": digits and a glued scale abbreviation.
bool glued_scale_amount(const TokenView& v, size_t i, Amount* out) {
  if (!v.is_word(i)) return false;
  const std::string_view w = v.lower(i);
  size_t digits = 0;
  while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
  if (digits == 0 || digits == w.size()) return false;
  const std::string_view suffix = std::string_view(w).substr(digits);
  int exponent = 0;
  if (suffix == "bn" || suffix == "b") exponent = 9;
  else if (suffix == "m" || suffix == "mn" || suffix == "mln") exponent = 6;
  else if (suffix == "k") exponent = 3;
  else if (suffix == "tn") exponent = 12;
  else if (suffix == "mld" && v.polish()) exponent = 9;
  else if (suffix == "tys" && v.polish()) exponent = 3;
  else return false;
  uint64_t n = 0;
  if (!parse_uint(std::string_view(w).substr(0, digits), &n)) return false;
  out->value = Decimal{n, 0};
  if (!scale_decimal(&out->value, exponent)) return false;
  out->end = i + 1;
  return true;
}

// An amount at i: digits or number words, then an optional scale word; or a scale word
// alone ("miliard dolarów" = 1 000 000 000). `after_prefix` enables "m"/"k" scale words.
bool amount_at(const TokenView& v, size_t i, bool after_prefix, Amount* out) {
  if (glued_scale_amount(v, i, out)) return true;
  Decimal n;
  size_t end = 0;
  int exponent = 0;
  if (match_number_phrase(v, i, /*allow_words=*/true, /*allow_article=*/true, &n, &end)) {
    const bool is_article = v.is_any(i, {"a", "an"}) && end == i + 1;
    // A scale directly after digits, also glued: "24.5bn" is "24.5" + "bn".
    if (scale_at(v, end, after_prefix || !v.space_before(end), &exponent)) {
      if (!scale_decimal(&n, exponent)) return false;
      ++end;
    } else if (is_article) {
      return false;  // "a" alone is not an amount
    }
    out->value = n;
    out->end = end;
    return true;
  }
  // Only Polish singular scale words stand alone: "miliard dolarów", "do miliona złotych";
  // "tysięcy rubli" needs a count ("kilka tysięcy"), English needs "a" or a number.
  if (scale_at(v, i, false, &exponent) &&
      v.is_any(i, {"tysiąc", "tysiąca", "tysiącem", "milion", "miliona", "milionem",
                   "miliard", "miliarda", "miliardem", "bilion", "biliona"})) {
    out->value = Decimal{1, 0};
    if (!scale_decimal(&out->value, exponent)) return false;
    out->end = i + 1;
    return true;
  }
  return false;
}

// --- Section: money ---

// "5zł", "10zł." written without a space: one word token.
bool glued_zloty(const TokenView& v, size_t i, Decimal* amount) {
  if (!v.polish() || !v.is_word(i)) return false;
  const std::string_view w = v.lower(i);
  const std::string_view zl = "zł";
  if (w.size() <= zl.size() || w.compare(w.size() - zl.size(), zl.size(), zl) != 0) return false;
  uint64_t n = 0;
  if (!parse_uint(std::string_view(w).substr(0, w.size() - zl.size()), &n)) return false;
  *amount = Decimal{n, 0};
  return true;
}

struct Currency {
  std::string code;
  bool is_minor = false;
  size_t end = 0;  // one past the currency tokens
};

bool is_currency_code(const TokenView& v, size_t i) {
  if (!v.is_word(i)) return false;
  std::string_view r = v.raw(i);
  if (!r.empty() && r.back() == '.') r.remove_suffix(1);
  if (r.size() != 3) return false;
  for (char c : r) {
    if (c < 'A' || c > 'Z') return false;  // every code is three capitals
  }
  static const WordIndex codes =
      WordIndex::of(kCurrencyCodes, [](std::string_view c) { return c; });
  return codes.contains(r);
}

std::string code_text(const TokenView& v, size_t i) {
  std::string_view r = v.raw(i);
  if (!r.empty() && r.back() == '.') r.remove_suffix(1);
  return std::string(r);
}

// A currency before the amount: "$", "US$", "€", "USD", "PLN". *end is where the amount starts.
bool prefix_currency(const TokenView& v, size_t i, Currency* out) {
  if (v.is_punct(i + 1, "$") && v.is_word(i) && v.is_all_upper(i) && !v.space_before(i + 1)) {
    const std::string_view r = v.raw(i);
    const DollarPrefix* p =
        find_in(kDollarPrefixes, [&](const DollarPrefix& x) { return x.prefix == r; });
    if (p) {
      out->code = std::string(p->code);
      out->end = i + 2;
      return true;
    }
  }
  if (v.kind(i) == TokenKind::Symbol || v.kind(i) == TokenKind::Punct) {
    const std::string_view r = v.raw(i);
    const SymbolCurrency* s =
        find_in(kSymbols, [&](const SymbolCurrency& x) { return x.symbol == r; });
    if (s) {
      out->code = std::string(s->code);
      out->end = i + 1;
      return true;
    }
  }
  if (is_currency_code(v, i) && !v.has_dot(i)) {
    out->code = code_text(v, i);
    out->end = i + 1;
    return true;
  }
  return false;
}

// A country adjective of `family` at i (Polish stems or English words); sets *code.
bool country_adjective(const TokenView& v, size_t i, Family family, bool english_order,
                       std::string* code) {
  if (!v.is_word(i)) return false;
  const std::string_view w = v.lower(i);
  if (english_order) {
    for (const CountryAdjective& a : kEnglishCountryAdjectives) {
      if (a.family == family && w == a.stem) {
        *code = std::string(a.code);
        return true;
      }
    }
    return false;
  }
  for (const CountryAdjective& a : kCountryAdjectives) {
    if (a.family == family && starts_with(w, a.stem)) {
      *code = std::string(a.code);
      return true;
    }
  }
  return false;
}

// A currency after the amount: symbol, code, or word with an optional country adjective
// ("dolarów amerykańskich", "US dollars", "funtów szterlingów").
bool suffix_currency(const TokenView& v, size_t i, bool after_digits, Currency* out) {
  if (v.kind(i) == TokenKind::Symbol || v.kind(i) == TokenKind::Punct) {
    if (!after_digits) return false;  // "one £5 note": a symbol follows digits only
    const std::string_view r = v.raw(i);
    const SymbolCurrency* s =
        find_in(kSymbols, [&](const SymbolCurrency& x) { return x.symbol == r; });
    if (!s) return false;
    out->code = std::string(s->code);
    out->end = i + 1;
    return true;
  }
  if (is_currency_code(v, i)) {
    out->code = code_text(v, i);
    out->end = i + 1;
    return true;
  }
  if (!v.is_word(i)) return false;
  // English adjective first: "US dollars", "Swiss francs".
  size_t k = i;
  std::string english_code;
  const CurrencyWord* c = nullptr;
  static const WordIndex words =
      WordIndex::of(kCurrencyWords, [](const CurrencyWord& x) { return x.form; });
  auto word_at = [&](size_t j) -> const CurrencyWord* {
    if (!v.is_word(j)) return nullptr;
    const std::string_view w = v.lower(j);
    if (w == "gr" && !v.has_dot(j) && !v.polish()) return nullptr;
    return find_form(v, j, kCurrencyWords, words);
  };
  if (v.english() && !word_at(i)) {
    const CurrencyWord* next = word_at(i + 1);
    for (Family f : {Family::Dollar, Family::Franc, Family::Yen, Family::Yuan, Family::Ruble,
                     Family::Crown, Family::Lira, Family::Rupee, Family::Peso,
                     Family::Hryvnia, Family::Tenge, Family::Pound}) {
      if (next && next->family == f && country_adjective(v, i, f, true, &english_code)) {
        k = i + 1;
        break;
      }
    }
    if (k == i) return false;
  }
  c = word_at(k);
  if (!c) return false;
  // Currency words are common nouns in lower case; "Euro 2024", "Dolar" as a name are not.
  if (v.is_capitalized(k) && c->form != "zł" && !v.at_sentence_start(k)) return false;
  // "3 złote medale": the adjective "złoty" (golden).
  if (c->family == Family::Zloty && !c->is_minor && c->form != "zł" && v.is_word(k + 1)) {
    const std::string_view next = v.lower(k + 1);
    for (std::string_view stop : kNotCurrencyNext) {
      if (starts_with(next, stop)) return false;
    }
  }
  out->code = english_code.empty() ? std::string(c->code) : english_code;
  out->is_minor = c->is_minor;
  out->end = k + 1;
  std::string adjective_code;
  if (english_code.empty() && country_adjective(v, k + 1, c->family, false, &adjective_code)) {
    out->code = adjective_code;
    out->end = k + 2;
  }
  if (c->family == Family::Lev && out->end == k + 1) return false;  // "lew" needs "bułgarski"
  // "pound(s) sterling", "funtów szterlingów".
  if (c->family == Family::Pound && v.is_any(out->end, {"sterling"})) ++out->end;
  return true;
}

Match make_money(size_t first, size_t last, Decimal amount, const Currency& c) {
  Match m;
  m.first = first;
  m.last = last;
  m.label = "MONEY";
  if (c.is_minor) scale_decimal(&amount, -2);
  m.value = format_decimal(amount);
  if (!c.code.empty()) m.value += " " + c.code;
  return m;
}

// --- Section: percent ---

bool percent_word(const TokenView& v, size_t i, size_t* end, bool* is_point,
                  bool* is_basis_point) {
  *is_point = false;
  *is_basis_point = false;
  // "%", "proc.", "procent(a|ów|ach|om|ami|u)", "percent", "per cent", "pct".
  if (v.is_punct(i, "%")) {
    *end = i + 1;
    return true;
  }
  if (!v.is_word(i)) return false;
  const std::string_view w = v.lower(i);
  if (v.polish() && (w == "proc" || w == "procent" || w == "procenta" || w == "procentów" ||
                     w == "procentach" || w == "procentom" || w == "procentami" ||
                     w == "procentu" || w == "procencie")) {
    *end = i + 1;
    return true;
  }
  if (v.english() && (w == "percent" || w == "pct")) {
    *end = i + 1;
    return true;
  }
  if (v.english() && w == "per" && v.is_any(i + 1, {"cent"})) {
    *end = i + 2;
    return true;
  }
  // Percentage points: "pkt proc.", "punktu procentowego", "percentage points".
  if (v.polish() && (w == "pkt" || starts_with(w, "punkt")) && v.is_word(i + 1) &&
      (v.lower(i + 1) == "proc" || starts_with(v.lower(i + 1), "procentow"))) {
    *end = i + 2;
    *is_point = true;
    return true;
  }
  if (v.english() && w == "percentage" && v.is_any(i + 1, {"point", "points"})) {
    *end = i + 2;
    *is_point = true;
    return true;
  }
  // "2 pp.", "2 p.p.": percentage points, abbreviated.
  if (w == "pp" || w == "p.p") {
    *end = i + 1;
    *is_point = true;
    return true;
  }
  // Basis points, 1/100 of a percentage point: "25 bps", "25 basis points", "25 pb",
  // "25 punktów bazowych".
  if ((v.english() && (w == "bp" || w == "bps")) || (v.polish() && w == "pb")) {
    *end = i + 1;
    *is_point = *is_basis_point = true;
    return true;
  }
  if ((v.english() && w == "basis" && v.is_any(i + 1, {"point", "points"})) ||
      (v.polish() && starts_with(w, "punkt") && starts_with(v.lower(i + 1), "bazow"))) {
    *end = i + 2;
    *is_point = *is_basis_point = true;
    return true;
  }
  return false;
}

}  // namespace

void add_money_start_words(std::vector<std::string_view>* words) {
  // amount_at's scale word alone ("miliard dolarów"); the rest starts with a number phrase,
  // a symbol, capitals or a digit.
  for (const ScaleWord& s : kScales) words->push_back(s.form);
}

void match_money(const TokenView& v, size_t i, std::vector<Match>* out) {
  Currency c;
  Amount a;
  // Currency first: "$24.5 billion", "US$5m", "€5", "USD 100".
  const bool has_prefix = prefix_currency(v, i, &c);
  if (has_prefix && amount_at(v, c.end, true, &a) && v.is_number(c.end)) {
    out->push_back(make_money(i, a.end, a.value, c));
    return;
  }
  if (has_prefix && glued_scale_amount(v, c.end, &a)) {
    out->push_back(make_money(i, a.end, a.value, c));
    return;
  }
  Decimal zloty;
  if (glued_zloty(v, i, &zloty)) {
    Currency pln;
    pln.code = "PLN";
    out->push_back(make_money(i, i + 1, zloty, pln));
    return;
  }
  // Amount first: "24,5 miliarda dolarów", "5 zł", "100 USD", "pięć tysięcy złotych".
  if (amount_at(v, i, false, &a) && suffix_currency(v, a.end, v.is_number(a.end - 1), &c)) {
    out->push_back(make_money(i, c.end, a.value, c));
  }
}

void match_percent(const TokenView& v, size_t i, std::vector<Match>* out) {
  Decimal n;
  size_t end = 0;
  if (!match_number_phrase(v, i, /*allow_words=*/true, /*allow_article=*/false, &n, &end)) {
    return;
  }
  size_t word_end = 0;
  bool is_point = false;
  bool is_basis_point = false;
  if (!percent_word(v, end, &word_end, &is_point, &is_basis_point)) return;
  if (is_basis_point && !scale_decimal(&n, -2)) return;
  Match m;
  m.first = i;
  m.last = word_end;
  m.label = "PERCENT";
  m.value = format_decimal(n);
  if (is_point) m.subtype = "point";
  out->push_back(m);
}

}  // namespace glosa::rules
