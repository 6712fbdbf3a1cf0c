// QUANTITY rules for Polish and English: a number (digits or words, with an optional scale
// word) followed by a unit of length, area, volume, mass, power, energy, speed or
// temperature ("5 km", "2 mln ton", "10 mld m sześc.", "30°C"). Layer: engine/rules.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/rules/rule_context.h"

namespace glosa::rules {

// Appends the QUANTITY match starting at token i, if any. Value "<amount> <unit>" with a
// plain decimal amount and a normalised unit symbol: km m cm mm mi ft km2 m2 ha l m3 bbl kg
// t MW GW kW kWh MWh GWh TWh km/h °C ("2000000 t", "10000000000 m3"). Durations ("9
// miesięcy") and counts of things ("12 posłów") are not quantities here.
void match_quantity(const TokenView& v, size_t i, std::vector<Match>* out);

}  // namespace glosa::rules
