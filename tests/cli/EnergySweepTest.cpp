#include "cli/EnergySweep.hpp"

#include <gtest/gtest.h>

#include <cmath>

using magtwin::parseEnergySweep;

TEST(EnergySweep, SingleValue) { EXPECT_EQ(parseEnergySweep("600"), std::vector<double>{600.0}); }

TEST(EnergySweep, LogSweepEndpointsAndRatio) {
    const auto e = parseEnergySweep("50:20000:log:60");
    ASSERT_EQ(e.size(), 60u);
    EXPECT_DOUBLE_EQ(e.front(), 50.0);
    EXPECT_DOUBLE_EQ(e.back(), 20000.0);
    EXPECT_NEAR(e[1] / e[0], std::pow(400.0, 1.0 / 59.0), 1e-12);
}

TEST(EnergySweep, RejectsMalformed) {
    for (const char* bad :
         {"0", "-5", "abc", "50:20", "50:20000:cubic:10", "500:50:log:10", "50:500:lin:1", "50:500:lin:2.5", ""})
        EXPECT_THROW(parseEnergySweep(bad), std::invalid_argument) << bad;
}
