// Uniformity figures against hand-computed values, and the edge-exclusion geometry.
#include "solvers/deposition/Substrate.hpp"
#include "solvers/deposition/Uniformity.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace magtwin;

// Map {97, 100, 103} (+ an excluded outlier): U = 6/200 = 3 % (pass at the limit),
// sigma/mean = sqrt(6)/100.
TEST(Uniformity, RangeAndSigmaByDefinition) {
    const auto r = uniformity({97, 100, 103, 500}, {1, 1, 1, 0});
    EXPECT_DOUBLE_EQ(r.minNm, 97);
    EXPECT_DOUBLE_EQ(r.maxNm, 103);
    EXPECT_NEAR(r.rangePct, 3.0, 1e-12);
    EXPECT_NEAR(r.sigmaPct, std::sqrt(6.0), 1e-12);
    EXPECT_TRUE(r.pass);
    EXPECT_FALSE(uniformity({96.9, 100, 103}, {1, 1, 1}).pass);
    EXPECT_THROW(uniformity({1, 2}, {0, 0}), std::invalid_argument);
}

// Gen-10.5 glass at 10 mm pitch: 295 x 338 points; 10 mm exclusion removes one ring of points.
TEST(Substrate, GlassGridAndEdgeExclusion) {
    Substrate s = Substrate::gen10_5Glass();
    s.pitchM = 0.010;
    const auto g = sampleSubstrate(s);
    EXPECT_EQ(g.grid.nu, 295u);
    EXPECT_EQ(g.grid.nv, 338u);
    std::size_t counted = 0;
    for (char c : g.inUniformityArea) counted += c;
    EXPECT_EQ(counted, 293u * 336u);
    EXPECT_NEAR(g.grid.points.back().x(), 1.470, 1e-12);
}

// 300 mm wafer at 1 mm pitch: points in the disc ~ pi 150^2; those within 147 mm ~ pi 147^2.
TEST(Substrate, WaferMaskCountsMatchDiscAreas) {
    Substrate s = Substrate::wafer300mm();
    s.pitchM = 0.001;
    const auto g = sampleSubstrate(s);
    std::size_t on = 0, in = 0;
    for (std::size_t k = 0; k < g.onSubstrate.size(); ++k) {
        on += g.onSubstrate[k];
        in += g.inUniformityArea[k];
    }
    // Gauss circle problem: |count - pi r^2| ~ O(r^(2/3)); 0.2 % of 70,686 is ample.
    EXPECT_NEAR(on / (M_PI * 150 * 150), 1.0, 2e-3);
    EXPECT_NEAR(in / (M_PI * 147 * 147), 1.0, 2e-3);
}
