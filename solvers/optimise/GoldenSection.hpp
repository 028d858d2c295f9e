// GoldenSection: the minimum of a function of one variable on [a, b] without derivatives
// (J. Kiefer, Proc. AMS 4 (1953) 502; Press et al., Numerical Recipes 3rd ed., section 10.2).
// Two interior points c = b - r (b - a), d = a + r (b - a), r = (sqrt 5 - 1) / 2 = 0.618...;
// if f(c) <= f(d) the minimum of a unimodal f lies in [a, d], else in [c, b]; the kept point
// is the new bracket's other interior point, so each step costs one evaluation and shrinks
// the bracket by r. Exact for a unimodal f up to the final bracket width; for a function
// with several minima it finds one of them.
#pragma once

#include <functional>

namespace magtwin {

struct GoldenSectionOptions {
    int maxEvaluations = 50;  ///< >= 2 (the first two interior points included)
    double xTolerance = 0.0;  ///< > 0: stop once the bracket is no wider; 0: use every evaluation
};

struct GoldenSectionResult {
    double x = 0.0;             ///< best point evaluated (the first of equal values)
    double value = 0.0;         ///< f(x)
    double lo = 0.0, hi = 0.0;  ///< final bracket; its centre is the estimate of the minimiser
    int evaluations = 0;
};

/// Throws std::invalid_argument unless a <= b (finite) and maxEvaluations >= 2.
GoldenSectionResult goldenSection(const std::function<double(double)>& f, double a, double b,
                                  const GoldenSectionOptions& options);

}  // namespace magtwin
