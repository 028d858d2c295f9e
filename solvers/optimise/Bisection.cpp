#include "solvers/optimise/Bisection.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

double bisectRoot(const std::function<double(double)>& f, double target, double lo, double hi, double fLo, double fHi,
                  const BisectionOptions& options) {
    if (!(std::isfinite(lo) && std::isfinite(hi) && lo <= hi))
        throw std::invalid_argument("bisection: need finite lo <= hi");
    if (!(options.xTolerance > 0.0 || options.relativeTolerance > 0.0))
        throw std::invalid_argument("bisection: a tolerance > 0 is needed");
    const auto wide = [&] { return hi - lo > std::max(options.xTolerance, options.relativeTolerance * std::abs(hi)); };
    const bool highAbove = fHi > target;  // the side of the target at hi
    if (wide() && (fLo > target) == highAbove)
        throw std::invalid_argument("bisection: f(lo) and f(hi) do not straddle the target");
    for (int k = 0; k < options.maxEvaluations && wide(); ++k) {
        const double mid = 0.5 * (lo + hi);
        ((f(mid) > target) == highAbove ? hi : lo) = mid;
    }
    return 0.5 * (lo + hi);
}

}  // namespace magtwin
