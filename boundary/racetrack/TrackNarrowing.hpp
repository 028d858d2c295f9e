// TrackNarrowing: the racetrack narrows as the eroded surface sinks toward the magnets.
//
//   k(d) = max(k_min, ((D - d) / D)^p)
//
// k: track width scale (profile g(s) -> g(s/k)); d: reference groove depth (the solver
// uses the flux-weighted mean depth under the new-target track, see ErosionFront);
// D: distance from the new target face to the magnet pack's pole faces (target thickness
// + backing plate + cooling gap); p: narrowing exponent (default 1).
// Basis: the electrons are trapped where the arch field of the magnet pack is parallel
// to the surface. For the field of a pole pair, the arch's footprint at height h above
// the pole faces scales with h (geometric similarity of the field lines), so p = 1 is
// the similarity law; p is a per-cathode parameter to calibrate against a measured
// end-of-life groove (the total ion current is unchanged, so a narrower track is also
// a more intense one: RacetrackFlux renormalises for every k).
// Validity: d < D; k_min (default 0.2) keeps the law away from its singular end.
#pragma once

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

struct TrackNarrowing {
    double magnetDistanceM = 0.0;  ///< D; 0 disables narrowing (k = 1)
    double exponent = 1.0;         ///< p
    double minScale = 0.2;         ///< k_min

    double widthScale(double referenceDepthM) const {
        if (magnetDistanceM <= 0.0) return 1.0;
        const double h = std::max(0.0, magnetDistanceM - referenceDepthM) / magnetDistanceM;
        return std::clamp(std::pow(h, exponent), minScale, 1.0);
    }
};

}  // namespace magtwin
