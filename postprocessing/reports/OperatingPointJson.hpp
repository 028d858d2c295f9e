// The operating point of a cathode (solvers/chamber/OperatingPoint) as one JSON object,
// written alike by `erode` (summary.json), `deposit` (summary.json, per cathode) and
// `tool check --json`, so a user can check that they ran at the same point.
#pragma once

#include "solvers/chamber/OperatingPoint.hpp"

#include <string>

namespace magtwin {

/// {"power_W", "voltage_V", "discharge_current_A", "gamma_se", "ion_current_A",
///  "ions_per_s", "ion_energy_eV", "yield_atoms_per_ion", "sputtered_atoms_per_s",
///  "gas", "material", "yield_model"}; numbers with 17 significant digits.
std::string operatingPointJson(const OperatingPoint& op);

}  // namespace magtwin
