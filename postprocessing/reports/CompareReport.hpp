// What `magtwin compare` writes and prints for its two columns (TargetLifeCost, the cost
// model in solvers/deposition/TargetLifeCost.hpp): compare.json with the definition of
// every figure, compare.png (both tools' U over life, both rates per kW) and the table.
#pragma once

#include "solvers/deposition/TargetLifeCost.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace magtwin {

/// compare.json: method, same_substrate, the columns' seconds, peak RSS, definitions, columns.
std::string compareJson(const std::vector<TargetLifeCost>& cols, bool sameSubstrate, const std::string& method,
                        const std::vector<double>& seconds);
/// compare.png: A's and B's U over life (same U axis), then both rates per kW.
void writeComparePicture(const std::vector<TargetLifeCost>& cols, double specPct, const std::string& path);
/// The side-by-side table on stdout.
void printCompareTable(const std::vector<TargetLifeCost>& cols, std::ostream& o);

}  // namespace magtwin
