// solvers/optimise against analytic minima and roots:
//  - golden section: the bracket shrinks by r = 0.618 per evaluation (after k >= 2
//    evaluations it is r^(k-2) of the start, Kiefer 1953), and holds the minimiser of a
//    parabola and of |x - c| (non-smooth); the best point is within the final bracket;
//  - coordinate descent on a separable quadratic in a box reaches its minimiser (clamped to
//    the box where it lies outside) to the line-search tolerance; on a coupled quadratic
//    (x^2 + y^2 + x y, minimum at 0) it converges linearly, a known property of the method;
//  - compass search on a quadratic with its minimum inside and on a bound: the minimiser to
//    the final step; an infeasible region is never entered;
//  - bisection: the cube root of 2 (the root of x^3 - 2) to the tolerance asked, both
//    orientations, and the bound on the evaluations, log2((hi - lo) / tol).
#include "solvers/optimise/Bisection.hpp"
#include "solvers/optimise/CompassSearch.hpp"
#include "solvers/optimise/CoordinateDescent.hpp"
#include "solvers/optimise/GoldenSection.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

using namespace magtwin;

TEST(GoldenSection, BracketsTheMinimumOfAParabola) {
    int calls = 0;
    const auto f = [&](double x) {
        ++calls;
        return (x - 0.3) * (x - 0.3) + 2.0;
    };
    GoldenSectionOptions o;
    o.maxEvaluations = 30;
    const GoldenSectionResult g = goldenSection(f, -1.0, 2.0, o);
    EXPECT_EQ(g.evaluations, 30);
    EXPECT_EQ(calls, 30);
    const double r = 0.5 * (std::sqrt(5.0) - 1.0);
    EXPECT_NEAR(g.hi - g.lo, 3.0 * std::pow(r, 28), 1e-12);  // r^(k-2) of the start
    EXPECT_LE(g.lo, 0.3);
    EXPECT_GE(g.hi, 0.3);
    EXPECT_NEAR(g.x, 0.3, g.hi - g.lo);
    EXPECT_EQ(g.value, f(g.x));
}

TEST(GoldenSection, StopsAtTheToleranceOnANonSmoothMinimum) {
    GoldenSectionOptions o;
    o.maxEvaluations = 1000;
    o.xTolerance = 1e-6;
    const GoldenSectionResult g = goldenSection([](double x) { return std::abs(x - 1.234); }, 0.0, 5.0, o);
    EXPECT_LE(g.hi - g.lo, 1e-6);
    // 2 + ceil(log(1e-6 / 5) / log r) evaluations: the first bracket at or below the tolerance.
    const double r = 0.5 * (std::sqrt(5.0) - 1.0);
    EXPECT_EQ(g.evaluations, int(std::ceil(std::log(1e-6 / 5.0) / std::log(r))) + 2);
    EXPECT_NEAR(0.5 * (g.lo + g.hi), 1.234, 1e-6);
    EXPECT_THROW(goldenSection([](double x) { return x; }, 1.0, 0.0, o), std::invalid_argument);
}

TEST(CoordinateDescent, SeparableQuadraticInABox) {
    // f = (x - 0.2)^2 + 3 (y - 0.9)^2 + (z - 2)^2 on [0, 1]^3: minimiser (0.2, 0.9, 1).
    const CoordinateLine line = [](std::size_t i, const std::vector<double>& x) -> std::function<double(double)> {
        return [i, x](double v) {
            std::vector<double> p = x;
            p[i] = v;
            return (p[0] - 0.2) * (p[0] - 0.2) + 3 * (p[1] - 0.9) * (p[1] - 0.9) + (p[2] - 2) * (p[2] - 2);
        };
    };
    CoordinateDescentOptions o;
    o.sweeps = 2;
    o.line.maxEvaluations = 100;
    o.line.xTolerance = 1e-8;
    const std::vector<double> x = coordinateDescent(line, {0.5, 0.5, 0.5}, {0, 0, 0}, {1, 1, 1}, o);
    EXPECT_NEAR(x[0], 0.2, 1e-8);
    EXPECT_NEAR(x[1], 0.9, 1e-8);
    EXPECT_NEAR(x[2], 1.0, 1e-8);
}

TEST(CoordinateDescent, CoupledQuadraticConvergesLinearlyAndNeverRises) {
    // f = x^2 + y^2 + x y: exact line minimisation gives x <- -y/2, y <- -x/2, i.e. the error
    // shrinks by 4 per sweep: y_k = y_0 / 4^k, x_k = -2 y_k.
    const auto f = [](const std::vector<double>& p) { return p[0] * p[0] + p[1] * p[1] + p[0] * p[1]; };
    const CoordinateLine line = [&](std::size_t i, const std::vector<double>& x) -> std::function<double(double)> {
        return [&, i, x](double v) {
            std::vector<double> p = x;
            p[i] = v;
            return f(p);
        };
    };
    CoordinateDescentOptions o;
    o.line.maxEvaluations = 200;
    o.line.xTolerance = 1e-12;
    std::vector<double> x = {0.8, -0.9};
    double previous = f(x);
    for (int s = 1; s <= 6; ++s) {
        o.sweeps = 1;
        x = coordinateDescent(line, x, {-1, -1}, {1, 1}, o);
        EXPECT_LE(f(x), previous);
        previous = f(x);
    }
    // After 6 sweeps from y0 = -0.9: y = -0.9 / 4^6 = -2.2e-4 (the exact-line-search sequence).
    EXPECT_NEAR(x[1], -0.9 / std::pow(4.0, 6), 1e-10);
    EXPECT_NEAR(x[0], -x[1] * 2.0, 1e-10);
}

TEST(CompassSearch, FindsInteriorAndBoundMinima) {
    int evaluations = 0;
    const CompassObjective bowl = [&](const std::vector<double>& x) -> std::optional<double> {
        ++evaluations;
        return (x[0] - 0.37) * (x[0] - 0.37) + 2 * (x[1] + 0.5) * (x[1] + 0.5);
    };
    CompassPoint start{{0.0, 0.0}, *bowl({0.0, 0.0})};
    const CompassPoint inside = compassSearch(bowl, start, {0.25, 0.25}, {1e-4, 1e-4}, {-1, -1}, {1, 1});
    EXPECT_NEAR(inside.x[0], 0.37, 2e-4);  // the last step tried on either side was < 1e-4
    EXPECT_NEAR(inside.x[1], -0.5, 2e-4);
    const CompassPoint bound = compassSearch(bowl, start, {0.25, 0.25}, {1e-4, 1e-4}, {-1, -0.2}, {1, 1});
    EXPECT_EQ(bound.x[1], -0.2);  // clamped onto the bound
    EXPECT_NEAR(bound.x[0], 0.37, 2e-4);
    // A fixed coordinate (step 0) stays put.
    const CompassPoint fixed = compassSearch(bowl, start, {0.25, 0.0}, {1e-4, 0.0}, {-1, -1}, {1, 1});
    EXPECT_EQ(fixed.x[1], 0.0);
}

TEST(CompassSearch, NeverEntersAnInfeasibleRegion) {
    const CompassObjective walled = [](const std::vector<double>& x) -> std::optional<double> {
        if (x[0] < 0.5) return std::nullopt;  // the unconstrained minimum (0) is infeasible
        return x[0] * x[0];
    };
    const CompassPoint p = compassSearch(walled, {{0.9}, 0.81}, {0.2}, {1e-6}, {-1}, {1});
    EXPECT_GE(p.x[0], 0.5);
    EXPECT_NEAR(p.x[0], 0.5, 2e-6);
}

TEST(Bisection, CubeRootOfTwoBothOrientations) {
    const double root = std::cbrt(2.0);
    int calls = 0;
    const auto rising = [&](double x) {
        ++calls;
        return x * x * x;
    };
    BisectionOptions o;
    o.xTolerance = 1e-10;
    const double up = bisectRoot(rising, 2.0, 1.0, 2.0, 1.0, 8.0, o);
    EXPECT_NEAR(up, root, 0.5e-10);  // the midpoint of a bracket no wider than the tolerance
    EXPECT_EQ(calls, int(std::ceil(std::log2(1.0 / 1e-10))));
    const double down = bisectRoot([](double x) { return 2.0 - x * x * x; }, 0.0, 1.0, 2.0, 1.0, -6.0, o);
    EXPECT_NEAR(down, root, 0.5e-10);
    BisectionOptions relative;
    relative.relativeTolerance = 1e-3;  // the forecast's 0.1 % of x
    EXPECT_NEAR(bisectRoot(rising, 2.0, 1.0, 2.0, 1.0, 8.0, relative), root, 0.5e-3 * 2.0);
}

TEST(Bisection, RefusesABracketWithoutASignChange) {
    BisectionOptions o;
    o.xTolerance = 1e-6;
    EXPECT_THROW(bisectRoot([](double x) { return x; }, 5.0, 0.0, 1.0, 0.0, 1.0, o), std::invalid_argument);
    EXPECT_THROW(bisectRoot([](double x) { return x; }, 0.5, 0.0, 1.0, 0.0, 1.0, BisectionOptions{}),
                 std::invalid_argument);  // no tolerance
    // A bracket already within the tolerance needs no evaluation and no sign change.
    EXPECT_EQ(bisectRoot([](double) -> double { throw std::logic_error("evaluated"); }, 5.0, 1.0, 1.0, 1.0, 1.0, o),
              1.0);
}
