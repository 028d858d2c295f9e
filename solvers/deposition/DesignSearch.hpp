// DesignSearch: a deterministic bounded minimisation over a few design parameters (e.g. a
// magnet ring's radius and width and the throw) for objectives that are cheap enough to
// evaluate a few hundred times but have no derivatives (a uniformity figure):
//  1. full factorial grid: gridPoints values per parameter, evenly spaced over [lo, hi]
//     including both bounds; points failing `feasible` are skipped (not evaluated);
//  2. compass (pattern) search from each of the `starts` best grid points
//     (optimise/CompassSearch): try +- step along every parameter (clamped to the bounds,
//     feasible points only), move to the best improvement, else halve every step; stop when
//     each step < its minStep (Kolda, Lewis & Torczon, SIAM Review 45 (2003) 385, section 3:
//     compass search). Initial step: half the grid spacing.
// No randomness: the same objective gives the same designs. Every evaluation is cached by
// its exact parameter values.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace magtwin {

struct DesignParameter {
    std::string name;
    double lo = 0, hi = 0;  ///< lo <= hi (lo == hi: fixed)
    int gridPoints = 5;     ///< >= 2 unless lo == hi
    double minStep = 0;     ///< > 0: resolution of the refinement
};

struct DesignPoint {
    std::vector<double> x;
    double objective = 0;
};

struct DesignSearchResult {
    std::vector<DesignPoint> evaluated;  ///< every feasible point evaluated, best (lowest) first
    int gridEvaluations = 0;
    int refinementEvaluations = 0;
};

/// Throws std::invalid_argument on bad bounds (lo > hi, non-finite, gridPoints < 2 for a
/// free parameter, minStep <= 0) or when no grid point is feasible.
DesignSearchResult searchDesign(const std::vector<DesignParameter>& parameters,
                                const std::function<bool(const std::vector<double>&)>& feasible,
                                const std::function<double(const std::vector<double>&)>& objective, int starts = 3,
                                const std::function<void(int evaluations)>& onEvaluation = {});

}  // namespace magtwin
