// Bisection: the root of f(x) = target in a bracket [lo, hi] where f(lo) and f(hi) lie on
// opposite sides of the target (f continuous: the intermediate value theorem). Each step
// halves the bracket, keeping the half whose ends still straddle the target; after k steps
// the root is within (hi - lo) / 2^(k+1) of the returned midpoint (e.g. R. L. Burden &
// J. D. Faires, Numerical Analysis, 9th ed., section 2.1, theorem 2.1). No assumption on f
// beyond continuity; a value exactly at the target counts with the values below it.
#pragma once

#include <functional>

namespace magtwin {

struct BisectionOptions {
    double xTolerance = 0.0;  ///< stop once hi - lo <= max(xTolerance, relativeTolerance |hi|)
    double relativeTolerance = 0.0;
    int maxEvaluations = 200;  ///< a bound on the evaluations of f
};

/// The midpoint of the final bracket. `fLo` = f(lo) and `fHi` = f(hi) are known to the caller
/// (not evaluated again). Throws std::invalid_argument unless lo <= hi, some tolerance > 0,
/// and (when the bracket is wider than the tolerance) fLo and fHi straddle the target
/// (fLo <= target < fHi or fHi <= target < fLo).
double bisectRoot(const std::function<double(double)>& f, double target, double lo, double hi, double fLo, double fHi,
                  const BisectionOptions& options);

}  // namespace magtwin
