// Builds the model's gazetteer from ../shared/data/gazetteers (CLDR, GeoNames, sjp.pl).
// Layer: train (native only, file I/O).
#pragma once

#include <string>

#include "engine/core/error.h"
#include "engine/tagger/gazetteer.h"

namespace glosa::train {

struct GazetteerStats {
  size_t phrases = 0;
  size_t proper_forms = 0;
};

// Adds place names for `lang` ("pl" also takes English names of foreign places, which Polish
// news often keeps) and, for "pl", the sjp.pl proper-name forms. Missing files are an IoError.
// Does not call finish().
Status build_gazetteer(const std::string& dir, const std::string& lang, ner::Gazetteer* gaz,
                       GazetteerStats* stats);

// A finished gazetteer (with its word classes) on its own, for reuse between training runs:
// "GLOSAGAZ", u32 version 1, then Gazetteer::write(). Not shipped; the model file carries its
// own copy. IoError when the file cannot be written or read, BadModel when it is not such a
// file.
Status write_gazetteer_file(const ner::Gazetteer& gaz, const std::string& path);
Status read_gazetteer_file(const std::string& path, ner::Gazetteer* gaz);

}  // namespace glosa::train
