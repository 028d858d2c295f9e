// Power trims: a layout with an exactly flat solution is found, and U never gets worse.
#include "solvers/deposition/PowerTrimOptimizer.hpp"

#include <gtest/gtest.h>

using namespace magtwin;

// Cathode maps (2, 1, 0) and (0, 0.5, 1): t = (2 w1, w1 + w2/2, w2) is flat iff w2 = 2 w1,
// i.e. trims (2/3, 4/3) at mean 1 (exact algebra). Before: t = (2, 1.5, 1), U = 1/3.
TEST(PowerTrimOptimizer, FindsTheExactlyFlatTrims) {
    const auto r = optimisePowerTrims({{2, 1, 0}, {0, 0.5, 1}}, {1, 1, 1});
    EXPECT_NEAR(r.rangePctBefore, 100.0 / 3.0, 1e-9);
    EXPECT_NEAR(r.rangePctAfter, 0.0, 1e-3);
    ASSERT_EQ(r.trims.size(), 2u);
    EXPECT_NEAR(r.trims[0], 2.0 / 3.0, 1e-4);
    EXPECT_NEAR(r.trims[1], 4.0 / 3.0, 1e-4);
}

// When the flat film needs a trim outside the box, the result stays inside it and is no
// worse than untrimmed. Here flatness needs w2 = 4 w1 (trims 0.4, 1.6), outside [0.5, 1.5].
TEST(PowerTrimOptimizer, RespectsTrimBoundsAndNeverWorsens) {
    const auto r = optimisePowerTrims({{4, 2, 0, 9}, {0, 0.5, 1, 9}}, {1, 1, 1, 0}, 0.5, 1.5);
    for (double w : r.trims) {
        EXPECT_GE(w, 0.5);
        EXPECT_LE(w, 1.5);
    }
    EXPECT_LE(r.rangePctAfter, r.rangePctBefore);
    EXPECT_GT(r.rangePctAfter, 0.0);
}
