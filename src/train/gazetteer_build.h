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

}  // namespace glosa::train
