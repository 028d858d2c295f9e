// CoordinateDescent: cyclic coordinate descent in a box (e.g. J. Nocedal & S. J. Wright,
// Numerical Optimization, 2nd ed., section 9.3): each sweep takes the coordinates in turn and
// minimises along one of them, the others held, by a golden-section search over its bounds
// (optimise/GoldenSection); the centre of the final bracket replaces the coordinate when the
// objective is lower there than at the current value, so the objective never rises.
// Derivative-free; converges to a coordinate-wise minimum, which for a non-smooth objective
// (a min-max) need not be the global one.
#pragma once

#include "solvers/optimise/GoldenSection.hpp"

#include <cstddef>
#include <functional>
#include <vector>

namespace magtwin {

struct CoordinateDescentOptions {
    int sweeps = 8;             ///< >= 1
    GoldenSectionOptions line;  ///< the line search along each coordinate
};

/// The objective along coordinate i through x (x_i free, the others as in x). A factory, so
/// the caller can precompute what the others contribute once per line search.
using CoordinateLine = std::function<std::function<double(double)>(std::size_t i, const std::vector<double>& x)>;

/// Minimises from `x` (each x_i is kept as it is until a lower value is found) within
/// [lower_i, upper_i]. Throws std::invalid_argument on sizes that differ or lower_i > upper_i.
std::vector<double> coordinateDescent(const CoordinateLine& line, std::vector<double> x,
                                      const std::vector<double>& lower, const std::vector<double>& upper,
                                      const CoordinateDescentOptions& options);

}  // namespace magtwin
