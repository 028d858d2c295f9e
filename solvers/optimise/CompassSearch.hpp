// CompassSearch: derivative-free pattern search in a box (T. G. Kolda, R. M. Lewis &
// V. Torczon, SIAM Review 45 (2003) 385, section 3: compass search). From the current point
// try +- step_d along every coordinate d (clamped to the bounds; points the objective calls
// infeasible are skipped), move to the best improvement, else halve every step; stop once
// every free step is below its minimum. Deterministic: the same objective gives the same path.
#pragma once

#include <functional>
#include <optional>
#include <vector>

namespace magtwin {

struct CompassPoint {
    std::vector<double> x;
    double value = 0.0;
};

/// The objective at x, or nullopt when x is infeasible (never moved to).
using CompassObjective = std::function<std::optional<double>(const std::vector<double>& x)>;

/// Minimises from `start` (its value given) with initial steps `step` (a coordinate with
/// step 0 is fixed) until every step of a free coordinate is below `minStep`, within
/// [lower, upper]. Throws std::invalid_argument on sizes that differ, a negative step, or a free
/// coordinate with minStep <= 0.
CompassPoint compassSearch(const CompassObjective& objective, CompassPoint start, std::vector<double> step,
                           const std::vector<double>& minStep, const std::vector<double>& lower,
                           const std::vector<double>& upper);

}  // namespace magtwin
