// hunspell .aff/.dic reader and suffix expansion. Layer: train.
#include "train/hunspell.h"

#include <iconv.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/text/utf8.h"

namespace glosa::train {

namespace {



Result<std::string> read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::IoError, path + ": cannot open the file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Converts `bytes` from `charset` (the .aff's SET line) to UTF-8.
Result<std::string> to_utf8(const std::string& bytes, const std::string& charset, const std::string& path) {
  if (charset.empty() || charset == "UTF-8" || charset == "utf-8") return bytes;
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Status(ErrorCode::IoError, path + ": the C library cannot convert from " + charset);
  }
  std::string out(bytes.size() * 4 + 16, '\0');
  char* in_p = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* out_p = out.data();
  size_t out_left = out.size();
  const size_t rc = iconv(cd, &in_p, &in_left, &out_p, &out_left);
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1)) {
    return Status(ErrorCode::IoError, path + ": not valid " + charset + " text");
  }
  out.resize(out.size() - out_left);
  return out;
}

// One position of a condition: a set of code points, possibly negated; an empty, non-negated
// set is ".", any character.
struct CondItem {
  std::u32string chars;
  bool negated = false;
  bool any = false;
  bool matches(char32_t c) const {
    if (any) return true;
    const bool in = chars.find(c) != std::u32string::npos;
    return negated ? !in : in;
  }
};

bool parse_condition(const std::u32string& s, std::vector<CondItem>* out) {
  for (size_t i = 0; i < s.size(); ++i) {
    CondItem item;
    if (s[i] == U'.') {
      item.any = true;
    } else if (s[i] == U'[') {
      size_t j = i + 1;
      if (j < s.size() && s[j] == U'^') { item.negated = true; ++j; }
      while (j < s.size() && s[j] != U']') item.chars += s[j++];
      if (j >= s.size()) return false;
      i = j;
    } else {
      item.chars = s.substr(i, 1);
    }
    out->push_back(std::move(item));
  }
  return true;
}

struct Suffix {
  std::u32string strip, add;
  std::vector<CondItem> condition;  // matched against the end of the stem
};

bool applies(const Suffix& sfx, const std::u32string& stem) {
  const size_t n = sfx.condition.size();
  if (stem.size() < n || stem.size() < sfx.strip.size()) return false;
  for (size_t k = 0; k < n; ++k) {
    if (!sfx.condition[k].matches(stem[stem.size() - n + k])) return false;
  }
  return stem.compare(stem.size() - sfx.strip.size(), sfx.strip.size(), sfx.strip) == 0;
}

std::vector<std::string> split_ws(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream ss(line);
  std::string w;
  while (ss >> w) out.push_back(w);
  return out;
}

}  // namespace

Status read_hunspell(const std::string& aff_path, const std::string& dic_path,
                     const std::function<void(const DictionaryEntry&)>& visit) {
  auto aff_raw = read_all(aff_path);
  if (!aff_raw.is_ok()) return aff_raw.status();
  std::string charset;
  {
    std::istringstream ss(aff_raw.value());
    std::string line;
    while (std::getline(ss, line)) {
      if (line.rfind("SET ", 0) == 0) { charset = split_ws(line).back(); break; }
    }
  }
  auto aff = to_utf8(aff_raw.value(), charset, aff_path);
  if (!aff.is_ok()) return aff.status();
  std::map<char32_t, std::vector<Suffix>> suffixes;
  {
    std::istringstream ss(aff.value());
    std::string line;
    size_t line_no = 0;
    while (std::getline(ss, line)) {
      ++line_no;
      const auto f = split_ws(line);
      if (f.size() < 4 || f[0] != "SFX") continue;
      if (f.size() == 4) continue;  // a class header: "SFX a Y 6"
      const std::u32string flag = to_codepoints(f[1]);
      Suffix s;
      s.strip = f[2] == "0" ? U"" : to_codepoints(f[2]);
      s.add = f[3] == "0" ? U"" : to_codepoints(f[3]);
      const std::u32string cond = f.size() > 4 ? to_codepoints(f[4]) : U".";
      if (flag.size() != 1 || s.add.find(U'/') != std::u32string::npos || !parse_condition(cond, &s.condition)) {
        return Status(ErrorCode::BadArgument, aff_path + ":" + std::to_string(line_no) +
                                                  ": unsupported affix line '" + line + "'");
      }
      suffixes[flag[0]].push_back(std::move(s));
    }
  }
  auto dic_raw = read_all(dic_path);
  if (!dic_raw.is_ok()) return dic_raw.status();
  auto dic = to_utf8(dic_raw.value(), charset, dic_path);
  if (!dic.is_ok()) return dic.status();
  std::istringstream ss(dic.value());
  std::string line;
  bool first = true;
  DictionaryEntry entry;
  while (std::getline(ss, line)) {
    if (first) { first = false; continue; }  // the entry count
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const size_t slash = line.find('/');
    const std::u32string stem = to_codepoints(line.substr(0, slash));
    const std::u32string flags = slash == std::string::npos ? U"" : to_codepoints(line.substr(slash + 1));
    entry.lemma = from_codepoints(stem);
    entry.forms.assign(1, entry.lemma);
    for (char32_t flag : flags) {
      auto it = suffixes.find(flag);
      if (it == suffixes.end()) continue;
      for (const Suffix& s : it->second) {
        if (!applies(s, stem)) continue;
        std::string form = from_codepoints(stem.substr(0, stem.size() - s.strip.size()) + s.add);
        if (std::find(entry.forms.begin(), entry.forms.end(), form) == entry.forms.end()) {
          entry.forms.push_back(std::move(form));
        }
      }
    }
    visit(entry);
  }
  return Status::ok();
}

}  // namespace glosa::train
