// Exception-free JSON parsing and typed field access for the readers. Layer: formats.
#include "formats/json_fields.h"

#include <cmath>
#include <cstdio>

#include "engine/text/utf8.h"

namespace glosa {

namespace {

// The first kExcerptCodepoints code points of `value`, control characters escaped (and
// quotes and backslashes too when `escape_quotes`); *cut tells whether anything was left out.
std::string clip(std::string_view value, bool escape_quotes, bool* cut) {
  std::string out;
  size_t pos = 0, shown = 0;
  while (pos < value.size() && shown < kExcerptCodepoints) {
    size_t len = 1;
    const char32_t cp = decode_utf8(value, pos, &len);
    if (cp < 0x20 || cp == 0x7F) {
      char buf[8];
      if (cp == '\n') out += "\\n";
      else if (cp == '\t') out += "\\t";
      else if (cp == '\r') out += "\\r";
      else { std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp)); out += buf; }
    } else if (escape_quotes && (cp == '"' || cp == '\\')) {
      out += '\\';
      out += static_cast<char>(cp);
    } else {
      append_utf8(out, cp);  // an invalid byte shows as U+FFFD
    }
    pos += len;
    ++shown;
  }
  *cut = pos < value.size();
  if (*cut) out += "\xE2\x80\xA6";  // …
  return out;
}

}  // namespace

std::string excerpt(std::string_view value) {
  bool cut = false;
  std::string out = "\"" + clip(value, true, &cut) + "\"";
  if (cut) out += " (" + std::to_string(value.size()) + " bytes)";
  return out;
}

namespace {

// Records where and why parsing stopped, without exceptions.
struct ParseErrorRecorder : nlohmann::json_sax<nlohmann::json> {
  size_t position = 0;
  std::string what;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    position = pos;
    what = ex.what();
    return false;
  }
};

// nlohmann's message without its "[json.exception...]" and "parse error at line..." prefixes
// (we give the place ourselves), every quoted piece of input cut to an excerpt.
std::string clean_detail(std::string detail) {
  if (detail.compare(0, 16, "[json.exception.") == 0) {
    const size_t close = detail.find("] ");
    if (close != std::string::npos) detail.erase(0, close + 2);
  }
  if (detail.compare(0, 12, "parse error ") == 0) {
    const size_t colon = detail.find(": ");
    if (colon != std::string::npos) detail.erase(0, colon + 2);
  }
  // Quoted input: "last read: '...'" and "parsing '...'" end the message.
  for (const char* marker : {"last read: '", "parsing '"}) {
    const size_t at = detail.find(marker);
    if (at == std::string::npos) continue;
    const size_t start = at + std::char_traits<char>::length(marker);
    std::string token = detail.substr(start);
    if (!token.empty() && token.back() == '\'') token.pop_back();
    bool cut = false;
    const std::string shown = clip(token, false, &cut);
    detail = detail.substr(0, start) + shown + "'";
    if (cut) detail += " (" + std::to_string(token.size()) + " bytes)";
    break;
  }
  if (detail.size() > 400) detail = detail.substr(0, 400) + "\xE2\x80\xA6";
  return detail;
}

}  // namespace

Result<nlohmann::json> parse_json(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (!j.is_discarded()) return j;
  ParseErrorRecorder recorder;
  nlohmann::json::sax_parse(text.begin(), text.end(), &recorder);
  size_t line = 1, column = 1;
  for (size_t i = 0; i + 1 < recorder.position && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return Status(ErrorCode::JsonSyntax, "line " + std::to_string(line) + ", column " +
                                           std::to_string(column) + ": " + clean_detail(recorder.what));
}

Status missing_field(const std::string& where) {
  return Status(ErrorCode::MissingField, where + " is missing");
}

Status wrong_type(const std::string& where, const char* expected) {
  return Status(ErrorCode::WrongType, where + " must be " + expected);
}

std::string describe_number(const nlohmann::json& value) {
  if (value.is_number_unsigned()) return std::to_string(value.get<uint64_t>());
  if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
  if (value.is_number_float()) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", value.get<double>());
    return buf;
  }
  if (value.is_string()) return "a string";
  if (value.is_boolean()) return "a boolean";
  if (value.is_null()) return "null";
  if (value.is_array()) return "an array";
  return "an object";
}

Status get_string_field(const nlohmann::json& object, const char* key, const std::string& where,
                        bool required, std::string* out) {
  auto it = object.find(key);
  if (it == object.end()) return required ? missing_field(where + key) : Status::ok();
  if (!it->is_string()) return wrong_type(where + key, "a string");
  *out = it->get_ref<const std::string&>();
  return Status::ok();
}

Status get_uint64(const nlohmann::json& value, const std::string& where, uint64_t* out) {
  if (value.is_number_unsigned()) {
    *out = value.get<uint64_t>();
    return Status::ok();
  }
  if (value.is_number_integer() && value.get<int64_t>() >= 0) {  // "-0"
    *out = 0;
    return Status::ok();
  }
  if (value.is_number()) {
    return Status(ErrorCode::WrongType, where + ": " + describe_number(value) +
                                            " is not a non-negative integer below 2^64");
  }
  return wrong_type(where, "a non-negative integer");
}

Status check_codepoint_span(uint64_t start, uint64_t end, uint64_t length, const std::string& where,
                            const char* start_key, const char* end_key) {
  if (start >= end) {
    return Status(ErrorCode::BadOffsets, where + start_key + " " + std::to_string(start) + " is not before " +
                                             end_key + " " + std::to_string(end));
  }
  if (end > length) {
    return Status(ErrorCode::BadOffsets, where + end_key + ": " + std::to_string(end) +
                                             " is past the end of the text (" + std::to_string(length) +
                                             " code points)");
  }
  return Status::ok();
}

Status get_uint64_field(const nlohmann::json& object, const char* key, const std::string& where,
                        uint64_t* out) {
  auto it = object.find(key);
  if (it == object.end()) return missing_field(where + key);
  return get_uint64(*it, where + key, out);
}

}  // namespace glosa
