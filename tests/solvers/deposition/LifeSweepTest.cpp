// LifeSweep: the --life-sweep argument and the spec-crossing interpolation.
#include "solvers/deposition/LifeSweep.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

using namespace magtwin;

TEST(LifeSweep, ParsesFromToN) {
    const LifeSweepRange r = parseLifeSweep("0:7500:4");
    EXPECT_EQ(r.fromKWh, 0);
    EXPECT_EQ(r.toKWh, 7500);
    EXPECT_EQ(r.points, 4);
    const auto p = lifePoints(r);
    ASSERT_EQ(p.size(), 4u);
    EXPECT_DOUBLE_EQ(p[1], 2500);
    EXPECT_DOUBLE_EQ(p[3], 7500);
    EXPECT_EQ(lifePoints(parseLifeSweep("3000:3000:1")), std::vector<double>{3000});
}

TEST(LifeSweep, BadArgumentsNameTheOption) {
    for (const char* bad : {"", "100", "0:100", "0:100:4:5", "a:100:3", "0:b:3", "0:100:x", "-5:100:3", "200:100:3",
                            "0:100:0", "0:100:2.5", "100:100:3"}) {
        try {
            parseLifeSweep(bad);
            ADD_FAILURE() << "accepted '" << bad << "'";
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find("--life-sweep"), std::string::npos) << e.what();
        }
    }
}

// U rising linearly 2 % -> 4 % over 0..1000 kWh crosses 3 % at 500 kWh exactly (linear
// interpolation is exact for linear data); a sweep that stays inside has no crossing.
TEST(LifeSweep, CrossingIsInterpolated) {
    const std::vector<double> kWh{0, 400, 800, 1200}, u{2.0, 2.8, 3.6, 4.4};
    const auto x = firstSpecCrossingKWh(kWh, u, 3.0);
    ASSERT_TRUE(x.has_value());
    EXPECT_NEAR(*x, 500.0, 1e-9);
    EXPECT_FALSE(firstSpecCrossingKWh(kWh, {1, 1.5, 2, 2.9}, 3.0).has_value());
    EXPECT_EQ(*firstSpecCrossingKWh(kWh, {3.5, 3.6, 3.7, 3.8}, 3.0), 0.0);
}
