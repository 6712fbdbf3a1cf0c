// The particles of foreign names, written lower case inside a name or opening it: "Ursula
// von der Leyen", "Hans van den Broek", "Leonardo da Vinci", "Mohammed bin Salman", "Al
// Dżazira", "De Telegraaf". They are never inflected (a base form keeps them as written: "den"
// is no form of the Polish "dno") and they join a person's name cut at them. Layer:
// engine/names (pure).
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

namespace glosa::names {

// `lower`: a word in lower case (UTF-8).
inline bool is_name_particle(std::string_view lower) {
  static constexpr std::array<std::string_view, 22> kParticles = {
      "al",  "el",  "la",  "le", "de",  "di",  "da", "du", "del", "della", "des",
      "der", "den", "die", "the", "von", "van", "ten", "ter", "zu", "bin",  "ibn"};
  return std::find(kParticles.begin(), kParticles.end(), lower) != kParticles.end();
}

}  // namespace glosa::names
