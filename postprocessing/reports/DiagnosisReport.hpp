// The diagnosis of a map's non-uniformity (solvers/deposition/UniformityDiagnosis.hpp) as
// `magtwin deposit` prints it and writes it into summary.json:
//   "diagnosis": {"dominant": "pitch_ripple", "dominant_description": "...",
//                 "components": {"pitch_ripple": {"range_pct", "share"}, "edge_fall": ...,
//                                "along_cathode_fall": ..., "rest": ...},
//                 "pitch_mm": 270, "remedies": ["...", ...]}
// and each cathode's power in kW (trims as the supplies' set points).
#pragma once

#include "solvers/deposition/UniformityDiagnosis.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace magtwin {

std::string diagnosisJson(const UniformityDiagnosis& d, const DiagnosisGeometry& g);
/// "diagnosis: U 3.2 % = ... ; dominant: ...; try, in this order: 1. ... 2. ..."
void printDiagnosis(const UniformityDiagnosis& d, const DiagnosisGeometry& g, std::ostream& out);
/// "cathode power (kW): tube01 21.3, tube02 19.8 ..." (names and powers in W, same length).
void printCathodePowers(const std::string& label, const std::vector<std::string>& names,
                        const std::vector<double>& powersW, std::ostream& out);

}  // namespace magtwin
