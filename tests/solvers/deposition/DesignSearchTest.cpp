// DesignSearch: grid + compass refinement finds the minimum of an analytic objective to
// its resolution, never evaluates an infeasible point, is deterministic and refuses bad bounds.
#include "solvers/deposition/DesignSearch.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace magtwin;

namespace {
// A tilted quadratic bowl with its minimum at (0.137, 0.0213, 0.171), value 1.
double bowl(const std::vector<double>& x) {
    const double a = x[0] - 0.137, b = x[1] - 0.0213, c = x[2] - 0.171;
    return 1 + 40 * a * a + 900 * b * b + 10 * c * c + 30 * a * b;
}
std::vector<DesignParameter> bounds() {
    return {{"ring", 0.04, 0.22, 9, 0.5e-3}, {"sigma", 0.008, 0.04, 5, 0.25e-3}, {"throw", 0.05, 0.3, 6, 1e-3}};
}
}  // namespace

// The compass search stops when every step is below minStep: it lands within a few
// minSteps of the minimum (the bowl is smooth and convex; its axes are not the grid's).
TEST(DesignSearch, FindsTheMinimumOfASmoothBowlToItsResolution) {
    int infeasibleSeen = 0;
    const auto feasible = [](const std::vector<double>& x) { return x[0] + 3.035 * x[1] <= 0.225; };
    const auto objective = [&](const std::vector<double>& x) {
        if (!(x[0] + 3.035 * x[1] <= 0.225)) ++infeasibleSeen;
        return bowl(x);
    };
    const DesignSearchResult r = searchDesign(bounds(), feasible, objective);
    ASSERT_FALSE(r.evaluated.empty());
    const auto& best = r.evaluated.front().x;
    EXPECT_NEAR(best[0], 0.137, 2e-3);
    EXPECT_NEAR(best[1], 0.0213, 1e-3);
    EXPECT_NEAR(best[2], 0.171, 4e-3);
    EXPECT_NEAR(r.evaluated.front().objective, 1.0, 1e-3);
    EXPECT_EQ(infeasibleSeen, 0);
    EXPECT_GT(r.refinementEvaluations, 0);
    for (std::size_t k = 1; k < r.evaluated.size(); ++k)
        EXPECT_LE(r.evaluated[k - 1].objective, r.evaluated[k].objective);
    const DesignSearchResult again = searchDesign(bounds(), feasible, objective);
    EXPECT_EQ(again.evaluated.front().x, best);  // deterministic
}

TEST(DesignSearch, RefusesBadBoundsAndAnEmptyFeasibleSet) {
    const auto yes = [](const std::vector<double>&) { return true; };
    auto b = bounds();
    b[0].lo = 0.3;  // lo > hi
    EXPECT_THROW(searchDesign(b, yes, bowl), std::invalid_argument);
    b = bounds();
    b[1].gridPoints = 1;
    EXPECT_THROW(searchDesign(b, yes, bowl), std::invalid_argument);
    b = bounds();
    b[2].minStep = 0;
    EXPECT_THROW(searchDesign(b, yes, bowl), std::invalid_argument);
    EXPECT_THROW(searchDesign(
                     bounds(), [](const std::vector<double>&) { return false; }, bowl),
                 std::invalid_argument);
}
