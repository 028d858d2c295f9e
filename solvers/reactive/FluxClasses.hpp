// FluxClasses: a racetrack-resolved target's cells merged into classes of equal ion flux, with
// the map from a cell's relative flux to its class, so that a state per class (e.g. the
// compound fraction theta of each class, TargetStateDynamics) can be put back on the cells
// (the erosion engine's yield multiplier, ErosionFront::setRelativeFluxYieldFactor).
//
// The classes are coarsenPatches' (RacetrackPoisoning.hpp): `bins` bins of equal width over
// [0, J_max] of the cells' flux, each non-empty bin one class with the summed area and the
// ion-weighted mean flux (so sum J dA is exact). A cell of relative flux u = J / J_max lies
// in bin min(bins - 1, floor(u bins)), the bin's class. Per-class values put back on the
// cells therefore keep every class's sum: sum over the cells of (J dA x value of its class) =
// sum over the classes of (J_c A_c x value_c), exactly.
#pragma once

#include "solvers/reactive/RacetrackPoisoning.hpp"

#include <functional>
#include <vector>

namespace magtwin {

struct FluxClasses {
    std::vector<TargetPatch> patches;  ///< the classes, ascending in flux (= coarsenPatches)
    std::vector<int> classOfBin;       ///< per bin: its class (-1: an empty bin)
    double maxFluxPerM2S = 0.0;        ///< J_max of the cells
    /// The class of a cell of relative flux u = J / J_max (an empty bin: the nearest class
    /// below it, else above; a cell of the grid it was built from never lies in one).
    std::size_t classOf(double relativeFlux) const;
};

/// The classes of `cells` (areas > 0, fluxes >= 0) in `bins` >= 1 bins (see the header).
FluxClasses fluxClasses(const std::vector<TargetPatch>& cells, int bins);

/// A function of a cell's relative flux u giving `perClass[classOf(u)]` (perClass: one value
/// per class). Throws std::invalid_argument on a size mismatch.
std::function<double(double)> perClassFactor(const FluxClasses& classes, std::vector<double> perClass);

}  // namespace magtwin
