// EnergySweep: the --energy argument of `magtwin yield`: a single energy "600" or a
// sweep "FROM:TO:log|lin:N" (e.g. "50:20000:log:60"), energies in eV.
#pragma once

#include <string>
#include <vector>

namespace magtwin {

/// Throws std::invalid_argument with the accepted forms when `spec` is malformed or any
/// energy is <= 0.
std::vector<double> parseEnergySweep(const std::string& spec);

}  // namespace magtwin
