// Test fixture shared by the gas-transport tests: a small circular planar cathode
// (100 mm target, 30 mm racetrack radius) 10 cm above the substrate, 1e18 atoms/s, cosine
// emission. The 10 cm throw is the one the MC/fast-model comparisons are quoted at.
#pragma once

#include "solvers/deposition/RacetrackSources.hpp"

#include <vector>

namespace magtwin::fixtures {

inline std::vector<EmissionSource> smallCircularCathode() {
    PlanarCircularTarget t;
    t.centre = {0, 0, 0.10};
    t.radiusM = 0.05;
    t.trackRadiusM = 0.03;
    t.sigmaM = 0.006;
    t.pitchM = 0.003;
    return {planarCircularSource(t, 1e18, makeAngularDistribution("cosine"))};
}

}  // namespace magtwin::fixtures
