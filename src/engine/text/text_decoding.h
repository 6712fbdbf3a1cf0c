// Bytes of a text file to UTF-8: UTF-16 and UTF-32 files (told by their byte-order mark) and
// Polish Windows-1250 / ISO-8859-2 files (told by their letters) are decoded; everything else
// passes through for normalize_text. Layer: engine/text (pure).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace glosa {

// Utf8 also stands for "passed through as given". Windows1250 and Iso8859_2 are guesses from
// the text's letters (is_guessed_encoding): a person is told which one was used.
enum class TextEncoding { Utf8, Utf16LE, Utf16BE, Utf32LE, Utf32BE, Windows1250, Iso8859_2 };

struct DecodedText {
  std::string text;                      // UTF-8 (for Utf8 input: the bytes as given)
  TextEncoding encoding = TextEncoding::Utf8;
  size_t invalid_count = 0;              // UTF-16/32 units that were no character -> U+FFFD
};

// The name of an encoding as people write it: "UTF-8", "UTF-16LE", "Windows-1250", ...
const char* encoding_name(TextEncoding encoding);
// The same with what it is for, where the name alone says little to most people:
// "Windows-1250 (Central European)", "ISO-8859-2 (Latin-2)"; otherwise encoding_name().
std::string encoding_description(TextEncoding encoding);
// True for encodings that decode_text_bytes chose from the text itself (no byte-order mark
// said so): the person must be told, since the guess may be wrong.
bool is_guessed_encoding(TextEncoding encoding);

// Decodes the bytes of a text file. A file that starts with a UTF-16LE (FF FE), UTF-16BE
// (FE FF), UTF-32LE (FF FE 00 00) or UTF-32BE (00 00 FE FF) byte-order mark is decoded from
// that encoding to UTF-8 without its mark; an unpaired surrogate, a code unit above U+10FFFF
// or a trailing partial unit becomes U+FFFD and is counted.
// Bytes without a mark that are not valid UTF-8 and look like Polish text in Windows-1250
// or ISO-8859-2 (looks_like_polish_8bit below) are decoded from that encoding.
// Any other bytes (UTF-8 with or without its mark, or anything else) come back unchanged
// with encoding Utf8: normalize_text drops a UTF-8 mark and repairs invalid UTF-8.
// Never fails; linear time. The result may be up to 3x the input's size (a Windows-1250
// file of "€"), so callers check the size limit on the result.
DecodedText decode_text_bytes(std::string_view bytes);

// The rule by which decode_text_bytes reads bytes without a byte-order mark as Windows-1250
// (or ISO-8859-2), exposed for tests. It fires only when all of these hold:
//  1. the bytes are not valid UTF-8;
//  2. no control byte other than tab, LF, FF and CR (0x00-0x08, 0x0B, 0x0E-0x1F, 0x7F: a
//     binary file), and for Windows-1250 none of the five bytes it leaves undefined (0x81
//     0x83 0x88 0x90 0x98), for ISO-8859-2 none of 0x80-0x9F (control codes there);
//  3. at least 4 in 5 of the bytes 0x80-0xFF are one of the 18 Polish letters (ą ć ę ł ń ó
//     ś ź ż and capitals) in that encoding, or, for Windows-1250, „ ” – — …;
//  4. at least two different letters of ą ć ę ł ś ź ż (either case) follow a letter (an ASCII
//     letter or a Polish one): inside or at the end of a word, where Polish has them. Of
//     ó and ń the bytes are Latin-1's ó and ñ, and Ł ż ą ł stand for Latin-1's £ ¿ ¹ ³,
//     which come before words or digits: this keeps Latin-1 Spanish or English out.
// The two differ in 0x80-0xBF only (ą ś ź Ą Ś Ź among the Polish letters): when both pass,
// the one with more Polish letters and marks wins, Windows-1250 on a tie. Returns Utf8 when
// the rule does not fire (the bytes are then passed through, as before this rule).
TextEncoding looks_like_polish_8bit(std::string_view bytes);

}  // namespace glosa
