// Pattern recognisers (placeholder until the rules land). Layer: engine/rules.
#include "engine/rules/pattern_recognizer.h"

namespace glosa {

std::vector<Entity> recognize_patterns(std::string_view, const std::vector<Token>&,
                                       std::string_view) {
  return {};
}

}  // namespace glosa
