// Reads a hunspell dictionary (.aff + .dic, e.g. Debian's hunspell-pl) and expands every
// entry into its word forms with the suffix rules, for the name lexicon builder.
// Layer: train (native only; reads files, converts the dictionary's 8-bit encoding with
// the C library's iconv).
//
// Only what hunspell-pl uses is supported: single-character flags, SFX classes with
// strip/add/condition, cross products ignored (prefixes, here only the negation "nie-",
// are skipped: they never occur in names).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/core/error.h"

namespace glosa::train {

struct DictionaryEntry {
  std::string lemma;               // the .dic word, UTF-8 ("Moskwa", "rosyjski")
  std::vector<std::string> forms;  // every suffixed form, the lemma first, no repeats
};

// Calls `visit` for every entry of the dictionary, in file order. IoError when a file
// cannot be read or converted; BadArgument for an affix line it cannot parse.
Status read_hunspell(const std::string& aff_path, const std::string& dic_path,
                     const std::function<void(const DictionaryEntry&)>& visit);

}  // namespace glosa::train
