// Re-spacing of space-joined corpus text (NKJP, CoNLL-2003 store their tokens joined by single
// spaces: "w 2000 r . o godz . 13 . 00"), so that it reads like pasted text ("w 2000 r. o godz.
// 13.00") for the trainer and for `glosa-cli eval --respace`. Layer: engine/eval (pure).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace glosa {

// Re-spaces a text whose tokens are separated by single spaces:
//  - no space before , . : ; ! ? ) ] } % … ” »; none after ( [ { „ « “;
//  - straight double quotes by parity (an opening one loses the space after it, a closing
//    one the space before it);
//  - a '.' or ':' between two digit-only tokens joins them ("13 . 00" -> "13.00",
//    "20 . 10 . 2005" -> "20.10.2005", "8 : 2" -> "8:2"): the corpora split such numbers;
//  - with `join_clitics` (NKJP), Polish clitics go back onto the verb: "siedział em" ->
//    "siedziałem", "zrobił by m" -> "zrobiłbym";
//  - with `join_possessives` (CoNLL, for measuring: the trainer keeps them apart), the English
//    possessive goes back onto its word: "Poland 's" -> "Poland's".
// Every token's bytes are kept as they are, in order; only spaces are dropped. *byte_map gets
// text.size() + 1 entries: for every byte offset of `text`, the offset in the result (a space
// maps to the end of the token before it), so half-open token spans map by mapping both ends.
std::string respace(std::string_view text, bool join_clitics, std::vector<size_t>* byte_map,
                    bool join_possessives = false);

}  // namespace glosa
