// End-boost search (EndBoostSearch): on an analytic, non-smooth unimodal objective (the
// shape of U after trims: a max of linear pieces) it finds the minimum to the golden-section
// bracket, never returns worse than its start, keeps a variable it does not optimise, and
// refuses empty bounds.
#include "solvers/deposition/EndBoostSearch.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

using namespace magtwin;

namespace {

double kinked(double g, double l) {
    return 1.0 + std::abs(g - 0.2) + 2.0 * std::abs(l - 0.3) + 0.5 * std::abs(g - 0.2) * l;
}

}  // namespace

TEST(EndBoostSearch, FindsTheMinimumOfAKinkedBowlWithinTheBracket) {
    EndBoostBounds b;
    b.optimiseGain = true, b.gainMin = 0.0, b.gainMax = 0.5;
    b.optimiseLength = true, b.lengthMinM = 0.1, b.lengthMaxM = 0.9;
    const EndBoostResult r = searchEndBoost(kinked, b, 0.45, 0.8);
    // 12 golden-section evaluations shrink a bracket by 0.618^10 = 8.1e-3: over the bounds
    // (0.5, 0.8) and then over +-15 % of them (0.15, 0.24) the last bracket is < 2e-3 wide;
    // 5e-3 leaves room for the first sweep's length search running at a gain still off.
    EXPECT_NEAR(r.best.gain, 0.2, 5e-3);
    EXPECT_NEAR(r.best.lengthM, 0.3, 5e-3);
    EXPECT_DOUBLE_EQ(r.start.gain, 0.45);
    EXPECT_DOUBLE_EQ(r.start.rangePct, kinked(0.45, 0.8));
    EXPECT_LE(r.best.rangePct, r.start.rangePct);
    EXPECT_EQ(r.trials.front().gain, 0.45);
    for (const auto& t : r.trials) EXPECT_GE(t.rangePct, r.best.rangePct);
}

TEST(EndBoostSearch, GainOnlyKeepsTheLengthAndClampsTheStart) {
    EndBoostBounds b;
    b.optimiseGain = true, b.gainMin = 0.0, b.gainMax = 0.5;
    const EndBoostResult r = searchEndBoost(kinked, b, 0.9, 0.4);
    EXPECT_DOUBLE_EQ(r.start.gain, 0.5);  // clamped into the bounds
    for (const auto& t : r.trials) EXPECT_DOUBLE_EQ(t.lengthM, 0.4);
    EXPECT_NEAR(r.best.gain, 0.2, 0.5 * 8.2e-3);
}

TEST(EndBoostSearch, RefusesNothingToDoAndReversedBounds) {
    EndBoostBounds b;
    EXPECT_THROW(searchEndBoost(kinked, b, 0.1, 0.3), std::invalid_argument);
    b.optimiseGain = true, b.gainMin = 0.5, b.gainMax = 0.1;
    EXPECT_THROW(searchEndBoost(kinked, b, 0.1, 0.3), std::invalid_argument);
    b.gainMin = -2.0, b.gainMax = 0.1;
    EXPECT_THROW(searchEndBoost(kinked, b, 0.1, 0.3), std::invalid_argument);
}
