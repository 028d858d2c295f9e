// ChamberWalls: where the chamber's walls stand. The tool file describes no chamber wall, so
// one rule places them for every path that needs walls: the gas Monte Carlo's box (`deposit
// --method mc`, DepositionRun) and the OpenFOAM case's mesh (`magtwin foam-case`,
// cli/tool/FoamCaseLayout). The walls stand 10 % of the footprint's half size (at least
// 10 mm) beyond the footprint of the substrate and the targets, per axis (a box) or on the
// larger radius (a cylinder). A project assumption, not a measured chamber: it matters where
// the walls give atoms back (process.sticking below 1, ChamberSticking.hpp).
#pragma once

#include <algorithm>

namespace magtwin {

/// The gap (m) between a footprint of half size `halfSizeM` (m) and the chamber wall.
inline double chamberWallMarginM(double halfSizeM) { return std::max(0.010, 0.1 * halfSizeM); }

}  // namespace magtwin
