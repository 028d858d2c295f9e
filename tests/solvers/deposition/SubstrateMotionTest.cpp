// Substrate motion against analytic exposures of a small cosine source.
#include "solvers/deposition/SubstrateMotion.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace magtwin;

namespace {
EmissionSource pointLikeSource(double x, double y, double h, double atomsPerSecond) {
    EmissionSource s{"point", {}, makeAngularDistribution("cosine")};
    s.elements.push_back({Eigen::Vector3d(x, y, h), Eigen::Vector3d(0, 0, -1), 1e-8, atomsPerSecond / 1e-8});
    return s;
}
}  // namespace

// In-line scan under a point cosine source at height h: integrating the point law over
// the scan coordinate, int h^2/(pi (h^2+X^2+y^2)^2) dX = h^2 / (2 (h^2+y^2)^(3/2)), times
// passes / speed. Tolerance 3e-3: the strip stops 15 h from the source, which drops
// h^2/(4 D^2) = 1.1e-3 per side (SubstrateMotion.hpp), plus trapezoid error ~1e-4.
TEST(SubstrateMotion, InlineScanMatchesIntegratedPointLaw) {
    const double h = 0.1, N = 1e18;
    Substrate s;
    s.sizeXM = 0.2;
    s.sizeYM = 0.4;
    s.pitchM = 0.005;
    const SubstrateGrid g = sampleSubstrate(s);
    SubstrateMotion m;
    m.kind = SubstrateMotion::Kind::InlineScan;
    m.scanSpeedMS = 0.02;
    m.passes = 3;
    for (auto method : {TransportMethod::Fast, TransportMethod::Direct}) {
        const auto f = exposureFluence({pointLikeSource(0.05, 0.0, h, N)}, g, m, method);
        for (std::size_t k = 0; k < g.grid.size(); k += 37) {
            const double y = g.grid.points[k].y();
            const double expected = m.passes / m.scanSpeedMS * N * h * h / (2 * std::pow(h * h + y * y, 1.5));
            EXPECT_NEAR(f[k] / expected, 1.0, 3e-3) << "y = " << y;
        }
    }
}

// Wafer rotation about its centre with the source at radius a: the rotation average is the
// ring-source result Phi(r) = N h^2 A / (pi (A^2 - 4 r^2 a^2)^(3/2)), A = h^2 + r^2 + a^2.
// Tolerance 1e-3: bilinear sampling of the 2 mm static map and linear interpolation between
// 1 mm rings, each O(pitch^2 / h^2) ~ 4e-4 at h = 0.1 m.
TEST(SubstrateMotion, WaferRotationMatchesRingAverage) {
    const double h = 0.1, a = 0.08, N = 1e18;
    Substrate s = Substrate::wafer300mm();
    const SubstrateGrid g = sampleSubstrate(s);
    SubstrateMotion m;
    m.kind = SubstrateMotion::Kind::WaferRotation;
    m.timeS = 10;
    const auto f = exposureFluence({pointLikeSource(a, 0.0, h, N)}, g, m, TransportMethod::Fast);
    for (std::size_t k = 0; k < g.grid.size(); k += 53) {
        if (!g.onSubstrate[k]) continue;
        const double r = g.grid.points[k].head<2>().norm();
        const double A = h * h + r * r + a * a;
        const double expected = m.timeS * N * h * h * A / (M_PI * std::pow(A * A - 4 * r * r * a * a, 1.5));
        EXPECT_NEAR(f[k] / expected, 1.0, 1e-3) << "r = " << r;
    }
}
