// QUANTITY rules (see quantity_rules.h and docs/RULES.md). Layer: engine/rules.
#include "engine/rules/quantity_rules.h"

#include <string>
#include <string_view>

namespace glosa::rules {

namespace {

struct UnitName {
  std::string_view form;
  std::string_view unit;
};

// Unit symbols, compared case-sensitively as written ("MW" is not "mW").
constexpr UnitName kSymbols[] = {
    {"km", "km"},    {"m", "m"},       {"cm", "cm"},     {"mm", "mm"},     {"km2", "km2"},
    {"km²", "km2"},  {"m2", "m2"},     {"m²", "m2"},     {"m3", "m3"},     {"m³", "m3"},
    {"ha", "ha"},    {"l", "l"},       {"kg", "kg"},     {"t", "t"},       {"MW", "MW"},
    {"GW", "GW"},    {"kW", "kW"},     {"kWh", "kWh"},   {"MWh", "MWh"},   {"GWh", "GWh"},
    {"TWh", "TWh"},  {"ft", "ft"},     {"bbl", "bbl"},
};

// Unit words in lower case, every case form in use.
constexpr UnitName kPolishWords[] = {
    {"kilometr", "km"},   {"kilometra", "km"},  {"kilometry", "km"},   {"kilometrów", "km"},
    {"kilometrach", "km"}, {"kilometrami", "km"},
    {"metr", "m"},        {"metra", "m"},       {"metry", "m"},        {"metrów", "m"},
    {"metrach", "m"},     {"metrami", "m"},
    {"centymetr", "cm"},  {"centymetra", "cm"}, {"centymetry", "cm"},  {"centymetrów", "cm"},
    {"milimetr", "mm"},   {"milimetra", "mm"},  {"milimetry", "mm"},   {"milimetrów", "mm"},
    {"hektar", "ha"},     {"hektara", "ha"},    {"hektary", "ha"},     {"hektarów", "ha"},
    {"hektarach", "ha"},
    {"litr", "l"},        {"litra", "l"},       {"litry", "l"},        {"litrów", "l"},
    {"kilogram", "kg"},   {"kilograma", "kg"},  {"kilogramy", "kg"},   {"kilogramów", "kg"},
    {"tona", "t"},        {"tony", "t"},        {"ton", "t"},          {"tonę", "t"},
    {"tonach", "t"},      {"tonami", "t"},
    {"baryłka", "bbl"},   {"baryłki", "bbl"},   {"baryłek", "bbl"},    {"baryłkach", "bbl"},
    {"megawat", "MW"},    {"megawaty", "MW"},   {"megawatów", "MW"},
    {"gigawat", "GW"},    {"gigawaty", "GW"},   {"gigawatów", "GW"},
    {"mila", "mi"},       {"mile", "mi"},       {"mil", "mi"},
};

constexpr UnitName kEnglishWords[] = {
    {"kilometre", "km"},  {"kilometres", "km"}, {"kilometer", "km"},   {"kilometers", "km"},
    {"metre", "m"},       {"metres", "m"},      {"meter", "m"},        {"meters", "m"},
    {"centimetres", "cm"}, {"centimeters", "cm"}, {"millimetres", "mm"}, {"millimeters", "mm"},
    {"mile", "mi"},       {"miles", "mi"},      {"foot", "ft"},        {"feet", "ft"},
    {"hectare", "ha"},    {"hectares", "ha"},   {"litre", "l"},        {"litres", "l"},
    {"liter", "l"},       {"liters", "l"},      {"kilogram", "kg"},    {"kilograms", "kg"},
    {"tonne", "t"},       {"tonnes", "t"},      {"ton", "t"},          {"tons", "t"},
    {"barrel", "bbl"},    {"barrels", "bbl"},   {"megawatt", "MW"},    {"megawatts", "MW"},
    {"gigawatt", "GW"},   {"gigawatts", "GW"},
};

// The unit of `table` written `w` (hash `hash`), or nullptr.
template <size_t N>
const UnitName* find_unit(const UnitName (&table)[N], const WordIndex& index, std::string_view w,
                          uint64_t hash) {
  const int k = index.find(w, hash);
  return k < 0 ? nullptr : &table[k];
}

int scale_exponent(const TokenView& v, size_t i) {
  if (!v.is_word(i)) return 0;
  const std::string_view w = v.lower(i);
  if (v.polish()) {
    if (w == "tys" || w.rfind("tysi", 0) == 0) return 3;
    if (w == "mln" || w.rfind("milion", 0) == 0) return 6;
    if (w == "mld" || w.rfind("miliard", 0) == 0) return 9;
  }
  if (v.english()) {
    if (w == "thousand") return 3;
    if (w == "million" || w == "mln") return 6;
    if (w == "billion" || w == "bn") return 9;
  }
  return 0;
}

// The unit at i; sets *unit and returns one past it, or i when there is none.
size_t unit_at(const TokenView& v, size_t i, std::string* unit) {
  const auto form = [](const UnitName& u) { return u.form; };
  static const WordIndex symbols = WordIndex::of(kSymbols, form);
  static const WordIndex polish_words = WordIndex::of(kPolishWords, form);
  static const WordIndex english_words = WordIndex::of(kEnglishWords, form);
  if (v.is_punct(i, "\xC2\xB0") && v.raw(i + 1) == "C" && !v.space_before(i + 1)) {
    *unit = "°C";  // "30°C", "30 °C"
    return i + 2;
  }
  if (!v.is_word(i)) return i;
  std::string_view raw = v.raw(i);
  if (!raw.empty() && raw.back() == '.') raw.remove_suffix(1);
  if (const UnitName* u = find_unit(kSymbols, symbols, raw, word_hash(raw))) {
    // Polish "(45 l.)" is an age ("lat"), not litres.
    if (raw == "l" && v.polish() && v.is_punct(i + 1, ".") && !v.space_before(i + 1)) return i;
    *unit = std::string(u->unit);
    size_t end = i + 1;
    // "km/h"
    if (*unit == "km" && v.is_punct(end, "/") && !v.space_before(end) && v.raw(end + 1) == "h" &&
        !v.space_before(end + 1)) {
      *unit = "km/h";
      return end + 2;
    }
    // "m sześc." (cubic metres, Polish)
    if (*unit == "m" && v.polish() && v.lower(end) == "sześc") {
      *unit = "m3";
      ++end;
      if (v.is_punct(end, ".") && !v.space_before(end)) ++end;
    }
    return end;
  }
  const std::string_view w = v.lower(i);
  const UnitName* u = nullptr;
  if (v.polish()) u = find_unit(kPolishWords, polish_words, w, v.lower_hash(i));
  if (!u && v.english()) u = find_unit(kEnglishWords, english_words, w, v.lower_hash(i));
  if (u) {
    *unit = std::string(u->unit);
    return i + 1;
  }
  // "30 stopni Celsjusza", "30 degrees Celsius".
  if ((v.polish() && v.is_any(i, {"stopni", "stopnie", "stopień", "stopnia"}) &&
       v.is_any(i + 1, {"celsjusza"})) ||
      (v.english() && v.is_any(i, {"degrees", "degree"}) && v.is_any(i + 1, {"celsius"}))) {
    *unit = "°C";
    return i + 2;
  }
  return i;
}

}  // namespace

void match_quantity(const TokenView& v, size_t i, std::vector<Match>* out) {
  Decimal amount;
  size_t j = 0;
  if (!match_number_phrase(v, i, /*allow_words=*/true, /*allow_article=*/false, &amount, &j)) {
    return;
  }
  if (const int e = scale_exponent(v, j)) {
    if (!scale_decimal(&amount, e)) return;
    ++j;
  }
  std::string unit;
  const size_t end = unit_at(v, j, &unit);
  if (end == j) return;
  Match m;
  m.first = i;
  m.last = end;
  m.label = "QUANTITY";
  m.value = format_decimal(amount) + " " + unit;
  out->push_back(m);
}

}  // namespace glosa::rules
