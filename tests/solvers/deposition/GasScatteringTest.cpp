// Gas-scattering Monte Carlo: the scattering integral against Rutherford, exact
// conservation of histories, zero-pressure agreement with line of sight, seeding.
#include "solvers/deposition/GasScatteringMonteCarlo.hpp"
#include "solvers/deposition/GasScatteringRandom.hpp"
#include "solvers/deposition/LineOfSightTransport.hpp"
#include "solvers/deposition/RacetrackSources.hpp"
#include "solvers/deposition/ScreenedCoulombScattering.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>

using namespace magtwin;

// Bare Coulomb: the classical integral must give Rutherford's chi = 2 atan(Z1 Z2 e^2/(2 E b))
// (Goldstein eq. 3.99). 48-point Gauss-Legendre on the regularised integrand: 1e-6 relative.
TEST(ScreenedCoulomb, BareCoulombDeflectionIsRutherford) {
    const ScreenedCoulombScattering s(42, 18, ScreenedCoulombScattering::Screening::None);
    for (double E : {1.0, 30.0, 1000.0})
        for (double b : {0.05, 0.5, 3.0, 20.0}) {
            const double expected = 2 * std::atan(42 * 18 * 14.399645 / (2 * E * b));
            EXPECT_NEAR(s.deflection(b, E) / expected, 1.0, 1e-6) << "E " << E << " b " << b;
        }
}

// Screening weakens the deflection at every impact parameter, and the cut-off
// cross-section shrinks with energy (physical checks on the ZBL table).
TEST(ScreenedCoulomb, ScreeningWeakensAndCrossSectionFallsWithEnergy) {
    const ScreenedCoulombScattering zbl(42, 18), bare(42, 18, ScreenedCoulombScattering::Screening::None);
    for (double b : {0.2, 1.0, 2.0}) EXPECT_LT(zbl.deflection(b, 10.0), bare.deflection(b, 10.0));
    EXPECT_GT(zbl.crossSectionM2(0.1), zbl.crossSectionM2(10.0));
    EXPECT_GT(zbl.crossSectionM2(10.0), zbl.crossSectionM2(1000.0));
    // Table interpolation reproduces the quadrature (1 % at table mid-points).
    EXPECT_NEAR(zbl.sampleDeflection(3.0, 0.37) / zbl.deflection(zbl.maxImpactParameter(3.0) * std::sqrt(0.37), 3.0),
                1.0, 1e-2);
}

namespace {
struct ChamberCase {
    std::vector<EmissionSource> sources;
    RegularPlaneGrid grid;
    ChamberBox box;
};
ChamberCase smallSetup() {
    PlanarCircularTarget t;
    t.centre = {0, 0, 0.10};
    t.radiusM = 0.03;
    t.trackRadiusM = 0.015;
    t.sigmaM = 0.004;
    t.pitchM = 0.002;
    ChamberCase s;
    s.sources.push_back(planarCircularSource(t, 1e18, makeAngularDistribution("cosine")));
    s.grid = {-0.10, -0.10, 0.01, 0.01, 0.0, 21, 21};
    s.box = {-0.3, 0.3, -0.3, 0.3, 0.10};
    return s;
}
}  // namespace

// Every history ends exactly once: deposited + lost to walls = emitted (exact integers).
TEST(GasScatteringMC, HistoriesAreConservedExactly) {
    const ChamberCase s = smallSetup();
    GasScatteringSettings g;
    g.pressurePa = 0.5;
    const auto t = gasScatteringFlux(s.sources, s.grid, false, s.box, g, 50000);
    EXPECT_EQ(t.deposited + t.lostToWalls, t.emitted);
    std::uint64_t inCells = 0;
    for (auto c : t.counts) inCells += c;
    EXPECT_EQ(inCells, t.deposited);
    EXPECT_GT(t.collisions, t.emitted);  // 0.5 Pa x 10 cm: several collisions per atom
}

// At zero pressure the MC is line of sight: per 10 mm cell, the counts match the direct
// flux at the cell centre within Poisson statistics (chi^2 per cell ~ 1; the bound
// 1 + 5 sqrt(2/N) is a 5-sigma limit). Cell-centre vs cell-average bias ~2e-3 << 3 % noise.
TEST(GasScatteringMC, ZeroPressureMatchesLineOfSight) {
    const ChamberCase s = smallSetup();
    GasScatteringSettings g;
    g.pressurePa = 0.0;
    const std::uint64_t n = 2000000;
    const auto t = gasScatteringFlux(s.sources, s.grid, false, s.box, g, n);
    std::vector<Eigen::Vector3d> pts;
    for (std::size_t j = 0; j < s.grid.ny; ++j)
        for (std::size_t i = 0; i < s.grid.nx; ++i)
            pts.emplace_back(s.grid.x0 + i * s.grid.dx, s.grid.y0 + j * s.grid.dy, 0);
    const auto los = lineOfSightFlux(s.sources, pts);
    double chi2 = 0;
    for (std::size_t k = 0; k < los.size(); ++k) {
        const double expected = los[k] * s.grid.dx * s.grid.dy / t.atomsPerHistory;  // expected counts
        chi2 += std::pow(double(t.counts[k]) - expected, 2) / expected;
    }
    const double N = double(los.size());
    EXPECT_LT(chi2 / N, 1 + 5 * std::sqrt(2 / N)) << "chi2/N = " << chi2 / N;
    EXPECT_EQ(t.collisions, 0u);
}

// Same seed, same result; and the working gas removes atoms from the substrate: more
// pressure, fewer deposited (scattered atoms return to the target plane or reach the walls).
// Note: for Mo in Ar (mass ratio 2.4, lab deflection <= asin(40/96) = 25 deg per collision)
// the profile does not simply flatten at 1 Pa x 10 cm: longer oblique paths are attenuated
// more, so the edge/centre ratio can even fall; the test does not assume flattening.
TEST(GasScatteringMC, SeedReproducesAndPressureLowersDeposition) {
    const ChamberCase s = smallSetup();
    GasScatteringSettings g;
    std::vector<double> fraction;
    for (double p : {0.0, 0.25, 0.5}) {
        g.pressurePa = p;
        const auto t = gasScatteringFlux(s.sources, s.grid, false, s.box, g, 100000);
        fraction.push_back(double(t.deposited) / double(t.emitted));
        if (p == 0.5) {
            EXPECT_EQ(t.counts, gasScatteringFlux(s.sources, s.grid, false, s.box, g, 100000).counts);
        }
    }
    // Binomial sigma of a fraction ~0.5 from 1e5 histories: 1.6e-3; the drops exceed 5 sigma.
    EXPECT_GT(fraction[0] - fraction[1], 8e-3);
    EXPECT_GT(fraction[1] - fraction[2], 8e-3);
}

// The tabulated scattering (what the MC samples) against the direct quadrature at
// off-node points: E at 7 points per octave (never on the 8-per-octave rows) from 0.01 eV
// (~kT/3) to 1 keV, xi at 13 off-node area fractions. Tolerances: the measured worst
// interpolation error of this table (cos chi 3.1e-3 absolute, sigma 0.10 % relative) with
// ~3x margin; cos chi enters the energy transfer linearly, so 1e-2 absolute bounds the
// per-collision energy-loss error at 0.5 % of the maximum transfer.
TEST(ScreenedCoulomb, TableAgreesWithQuadrature) {
    const ScreenedCoulombScattering& t = scatteringTableFor(42, 18, 0.1);
    double worstCos = 0, worstSigma = 0;
    for (double u = std::log2(0.01); u < std::log2(1000.0); u += 1.0 / 7) {
        const double E = std::exp2(u);
        const double bMax = t.maxImpactParameter(E);
        worstSigma = std::max(worstSigma, std::abs(t.crossSectionM2(E) / (M_PI * bMax * bMax * 1e-20) - 1));
        for (int j = 0; j < 13; ++j) {
            const double xi = (j + 0.37) / 13;
            const double direct = std::cos(t.deflection(bMax * std::sqrt(xi), E));
            worstCos = std::max(worstCos, std::abs(t.sampleCosDeflection(t.locate(E), xi) - direct));
        }
    }
    std::cout << "table vs quadrature: cos chi " << worstCos << " absolute, sigma " << worstSigma << " relative\n";
    EXPECT_LT(worstCos, 1e-2);
    EXPECT_LT(worstSigma, 3e-3);
}

// The ziggurat deviates against their exact distributions: Kolmogorov-Smirnov distance of
// 2e5 draws from the normal CDF (erf) and the exponential CDF, below the 0.1 %-level
// critical value 1.95 / sqrt(n) (Kolmogorov distribution).
TEST(GasScatteringRandom, ZigguratMatchesNormalAndExponential) {
    Xoshiro256 rng(7);
    const int n = 200000;
    std::vector<double> a(n), b(n);
    for (int k = 0; k < n; ++k) a[std::size_t(k)] = rng.normal(normalZiggurat());
    for (int k = 0; k < n; ++k) b[std::size_t(k)] = rng.exponential(exponentialZiggurat());
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    double dA = 0, dB = 0;
    for (int k = 0; k < n; ++k) {
        const double lo = double(k) / n, hi = double(k + 1) / n;
        const double fa = 0.5 * std::erfc(-a[std::size_t(k)] / std::sqrt(2.0)), fb = 1 - std::exp(-b[std::size_t(k)]);
        dA = std::max({dA, std::abs(fa - lo), std::abs(fa - hi)});
        dB = std::max({dB, std::abs(fb - lo), std::abs(fb - hi)});
    }
    EXPECT_LT(dA, 1.95 / std::sqrt(double(n)));
    EXPECT_LT(dB, 1.95 / std::sqrt(double(n)));
    // The tails are reached (beyond the ziggurat base r = 3.44 and 7.70): 2e5 draws expect
    // ~115 normals with |x| > 3.44 and ~90 exponentials above 7.70.
    EXPECT_GT(std::count_if(a.begin(), a.end(), [](double x) { return std::abs(x) > 3.442619855899; }), 60);
    EXPECT_GT(std::count_if(b.begin(), b.end(), [](double x) { return x > 7.69711747013104972; }), 45);
}

// Per-block random streams: the same seed gives the same tally whatever the thread count.
TEST(GasScatteringMC, IdenticalAcrossThreadCounts) {
    const ChamberCase s = smallSetup();
    GasScatteringSettings g;
    g.pressurePa = 0.5;
    g.threads = 1;
    const auto one = gasScatteringFlux(s.sources, s.grid, false, s.box, g, 20000);
    g.threads = 2;
    const auto two = gasScatteringFlux(s.sources, s.grid, false, s.box, g, 20000);
    EXPECT_EQ(one.counts, two.counts);
    EXPECT_EQ(one.collisions, two.collisions);
}

// Chamber sticking (ChamberSticking.hpp). Walls, shields and targets that keep nothing: every
// history ends on the substrate (in = out, exact integers), at 0.5 Pa and in vacuum.
TEST(GasScatteringMCSticking, NothingSticksButTheSubstrate) {
    ChamberCase s = smallSetup();
    s.box.sticking = {0.0, 0.0, 0.0};
    s.box.targets.push_back({-0.03, 0.03, -0.03, 0.03, true});
    for (double p : {0.0, 0.5}) {
        GasScatteringSettings g;
        g.pressurePa = p;
        const auto t = gasScatteringFlux(s.sources, s.grid, false, s.box, g, 20000);
        EXPECT_EQ(t.deposited, t.emitted) << p << " Pa";
        EXPECT_EQ(t.lostToWalls, 0u);
        EXPECT_GT(t.reflections, t.emitted) << "most atoms miss the 0.2 m substrate at first";
        std::uint64_t inCells = 0;
        for (auto c : t.counts) inCells += c;
        EXPECT_EQ(inCells, t.emitted);
    }
}

// Targets that stick, shields and walls that do not: atoms end on the substrate or the target
// only (deposited + on the target = emitted); against all-sticking walls the substrate gains.
TEST(GasScatteringMCSticking, OnlySubstrateAndTargetTakeAtoms) {
    ChamberCase s = smallSetup();
    GasScatteringSettings g;
    g.pressurePa = 0.5;
    const auto absorbing = gasScatteringFlux(s.sources, s.grid, false, s.box, g, 20000);
    s.box.sticking = {1.0, 0.0, 0.0};
    s.box.targets.push_back({-0.03, 0.03, -0.03, 0.03, true});
    const auto t = gasScatteringFlux(s.sources, s.grid, false, s.box, g, 20000);
    EXPECT_EQ(t.deposited + t.stuckOnTargets, t.emitted);
    EXPECT_EQ(t.stuckOnShields + t.stuckOnWalls, 0u);
    EXPECT_GT(t.stuckOnTargets, 0u);
    EXPECT_GT(t.deposited, absorbing.deposited);
    // The same walls absorbing: the atoms split over all four tallies, exactly.
    s.box.sticking = {1.0, 1.0, 1.0};
    const auto one = gasScatteringFlux(s.sources, s.grid, false, s.box, g, 20000);
    EXPECT_EQ(one.deposited + one.stuckOnTargets + one.stuckOnShields + one.stuckOnWalls, one.emitted);
    EXPECT_EQ(one.reflections, 0u);
    // Sticking 1 draws no random number: the tally is the default box's, count for count.
    EXPECT_EQ(one.counts, absorbing.counts);
}

// A wall of sticking s keeps s of the atoms that reach it: stuck / (stuck + re-emitted) on the
// walls within 5 binomial sigma of s (targets and shields absorb, so every wall event is one).
TEST(GasScatteringMCSticking, WallsKeepTheirShare) {
    ChamberCase s = smallSetup();
    s.box = {-0.12, 0.12, -0.12, 0.12, 0.10};
    s.box.sticking = {1.0, 1.0, 0.3};
    GasScatteringSettings g;
    g.pressurePa = 0.0;
    // The substrate grid's own floor is the substrate; the floor beyond it and the sides are walls.
    const auto t = gasScatteringFlux(s.sources, s.grid, false, s.box, g, 100000);
    const double events = double(t.stuckOnWalls + t.reflections);
    ASSERT_GT(events, 1000);
    const double share = double(t.stuckOnWalls) / events;
    EXPECT_NEAR(share, 0.3, 5 * std::sqrt(0.3 * 0.7 / events));
    EXPECT_EQ(t.deposited + t.lostToWalls, t.emitted);
}

// The footprints: a rectangle and the disc inscribed in it.
TEST(GasScatteringMCSticking, TopPlaneFootprints) {
    const TopPlaneFootprint rect{0, 2, 0, 1, false}, disc{0, 2, 0, 2, true};
    EXPECT_TRUE(rect.contains(1.9, 0.1));
    EXPECT_FALSE(rect.contains(2.1, 0.5));
    EXPECT_TRUE(disc.contains(1, 1.99));
    EXPECT_FALSE(disc.contains(0.05, 0.05));  // a corner of the square, outside the disc
}
