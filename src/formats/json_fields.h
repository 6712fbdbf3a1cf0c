// Reading JSON without exceptions, shared by every JSON-based reader in src/formats: parsing
// with an accurate, bounded error message, typed field access that checks presence and type
// first, 64-bit integers, and short excerpts of offending values. Layer: formats.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/core/error.h"

namespace glosa {

// At most this many code points of a value are quoted in a message.
constexpr size_t kExcerptCodepoints = 60;

// A value quoted for a message: `"Moskwa"`. Longer values are cut at a code-point boundary
// after kExcerptCodepoints and marked: `"Mosk…" (10485760 bytes)`. Control characters are
// shown escaped (\n, \u0000) so a message stays on one line. Never longer than ~300 bytes.
std::string excerpt(std::string_view value);

// Parses JSON text. On failure: JsonSyntax, "line L, column C: <what went wrong>" (the
// column counts bytes from 1), where <what> comes from nlohmann/json with any quoted input
// cut to an excerpt: "number overflow parsing '1e400'", "invalid string: surrogate
// U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '"\ud800"'".
Result<nlohmann::json> parse_json(std::string_view text);

// "where" + "is missing" (MissingField) and "where" + "must be <expected>" (WrongType).
Status missing_field(const std::string& where);
Status wrong_type(const std::string& where, const char* expected);

// A number described for a message exactly as JSON gave it: "-1", "18446744073709551615",
// "1e+30". Anything else: its JSON type ("a string").
std::string describe_number(const nlohmann::json& value);

// An optional (required = false) or required string field `key` of an object. `where` is
// the path prefix used in messages, e.g. "entities[3]." (so messages read
// "entities[3].label is missing"). *out is left unchanged when an optional key is absent.
Status get_string_field(const nlohmann::json& object, const char* key, const std::string& where,
                        bool required, std::string* out);

// A required non-negative integer `key`, read as 64 bits whatever the platform's size_t:
// negative numbers, fractions and numbers beyond 2^64 - 1 are WrongType with the number in
// the message. Callers compare it with their limit before narrowing it to size_t.
Status get_uint64_field(const nlohmann::json& object, const char* key, const std::string& where,
                        uint64_t* out);

// The same for a value already found (an array element): `where` names it in full.
Status get_uint64(const nlohmann::json& value, const std::string& where, uint64_t* out);

// Checks a span of code points read from a file, in 64 bits and before anything narrows
// it: start < end <= length. Messages name the keys: "entities[3].start 9 is not before end
// 4" and "entities[3].end: 9120 is past the end of the text (812 code points)" (BadOffsets).
// After it succeeds both values fit in size_t, since length does.
Status check_codepoint_span(uint64_t start, uint64_t end, uint64_t length, const std::string& where,
                            const char* start_key, const char* end_key);

}  // namespace glosa
