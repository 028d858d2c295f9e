// Emission: angular distributions are normalised probability densities, the energy-
// dependent law has its published limits, and sources conserve the emitted atom rate.
#include "solvers/deposition/EmissionAngularDistribution.hpp"
#include "solvers/deposition/EmissionSource.hpp"
#include "solvers/deposition/RacetrackSources.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/racetrack/IonSupply.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace magtwin;

namespace {
/// 2 pi int_0^1 p(mu) dmu by composite Simpson (error ~1e-12 for these smooth laws).
double hemisphereIntegral(const EmissionAngularDistribution& p) {
    const int n = 20000;
    double s = 0;
    for (int i = 0; i <= n; ++i) {
        const double w = (i == 0 || i == n) ? 1 : (i % 2 ? 4 : 2);
        s += w * p.perSteradian(double(i) / n);
    }
    return 2 * M_PI * s / (3.0 * n);
}
}  // namespace

// Conservation: every emitted atom leaves into the outer hemisphere.
TEST(AngularDistribution, EachStyleIntegratesToOneOverTheHemisphere) {
    AngularDistributionParams p;
    for (double n : {0.5, 1.0, 2.0, 4.0}) {
        p.cosExponent = n;
        EXPECT_NEAR(hemisphereIntegral(*makeAngularDistribution("cosn", p)), 1.0, 1e-6) << "cos^" << n;
    }
    EXPECT_NEAR(hemisphereIntegral(*makeAngularDistribution("cosine")), 1.0, 1e-6);
    p.ionEnergyEv = 300;
    p.thresholdEv = 30;
    EXPECT_NEAR(hemisphereIntegral(*makeAngularDistribution("yamamura1981", p)), 1.0, 1e-6);
}

// Yamamura 1981: gamma(0) = 16/3 and gamma(pi/2) = 2, so the normalised ratio
// p(theta)/cos(theta) at the normal vs grazing is [1 - (16/3)a]/[1 - 2a], a = sqrt(Eth/E)/4:
// under-cosine at low E, cosine for E >> E_th.
TEST(AngularDistribution, Yamamura1981IsUnderCosineAndTendsToCosine) {
    AngularDistributionParams p;
    p.thresholdEv = 30;
    p.ionEnergyEv = 200;
    const auto y = makeAngularDistribution("yamamura1981", p);
    const double a = 0.25 * std::sqrt(30.0 / 200.0);
    const double atNormal = y->perSteradian(1.0) / 1.0;
    const double nearGrazing = y->perSteradian(1e-6) / 1e-6;
    EXPECT_NEAR(atNormal / nearGrazing, (1 - 16.0 / 3.0 * a) / (1 - 2.0 * a), 1e-5);
    EXPECT_LT(y->perSteradian(1.0), 1.0 / M_PI);  // under-cosine along the normal
    p.ionEnergyEv = 1e9;
    const auto hi = makeAngularDistribution("yamamura1981", p);
    for (double mu : {0.1, 0.5, 0.9}) EXPECT_NEAR(hi->perSteradian(mu) * M_PI / mu, 1.0, 1e-3);
}

TEST(AngularDistribution, UnknownNameListsValidOnes) {
    try {
        makeAngularDistribution("lambert");
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("cosine, cosn, yamamura1981"), std::string::npos);
    }
    AngularDistributionParams p;
    p.ionEnergyEv = 40;
    p.thresholdEv = 30;  // below (16/9) E_th: p < 0 at the normal, out of validity
    EXPECT_THROW(makeAngularDistribution("yamamura1981", p), std::invalid_argument);
}

// An emission map on a grid: dual-cell areas sum to the surface area, so a uniform map
// emits flux x area; a closed cylinder (periodic in v) gets the polygon's lateral area.
TEST(EmissionSource, GridMapConservesEmittedAtoms) {
    GridSurface g;
    g.nu = 11;
    g.nv = 7;
    for (std::size_t j = 0; j < g.nv; ++j)
        for (std::size_t i = 0; i < g.nu; ++i) g.points.emplace_back(0.01 * i, 0.02 * j, 0.1);
    g.setScalar("sputtered_flux_per_m2_s", std::vector<double>(g.size(), 2e19));
    g.setVector("surface_normal", std::vector<Eigen::Vector3d>(g.size(), Eigen::Vector3d(0, 0, -2)));
    const auto s = emissionSourceFromGrid(g, makeAngularDistribution("cosine"));
    EXPECT_NEAR(s.totalAtomsPerSecond() / (2e19 * 0.10 * 0.12), 1.0, 1e-12);
    EXPECT_NEAR(s.elements[0].normal.z(), -1.0, 1e-15);

    GridSurface c;  // cylinder R = 0.05, 64 facets, axial 0..0.3
    c.nu = 31;
    c.nv = 64;
    std::vector<Eigen::Vector3d> normals;
    for (std::size_t j = 0; j < c.nv; ++j)
        for (std::size_t i = 0; i < c.nu; ++i) {
            const double phi = 2 * M_PI * j / c.nv;
            c.points.emplace_back(0.05 * std::sin(phi), 0.01 * i, 0.2 - 0.05 * std::cos(phi));
            normals.emplace_back(std::sin(phi), 0, -std::cos(phi));
        }
    c.setScalar("sputtered_flux_per_m2_s", std::vector<double>(c.size(), 1.0));
    c.setVector("surface_normal", normals);
    const auto cyl =
        emissionSourceFromGrid(c, makeAngularDistribution("cosine"), "sputtered_flux_per_m2_s", "surface_normal", true);
    EXPECT_NEAR(cyl.totalAtomsPerSecond(), 64 * 2 * 0.05 * std::sin(M_PI / 64) * 0.3, 1e-12);
}

// The racetrack builders emit exactly the requested atom rate, from the discharge balance
// (IonSupply) N = (P/V)/(1+gamma) Y/e: 1 kW at 500 V, gamma 0.1, Y = 1 -> 1.1346e19 atoms/s.
TEST(RacetrackSources, EmitTheDischargeAtomRate) {
    DischargeOperatingPoint op;
    op.powerW = 1000;
    op.voltageV = 500;
    op.secondaryElectronYield = 0.1;
    const double N =
        ionSupplyFrom(op, ElementTable::builtin().get("Ar"), ElementTable::builtin().get("Mo")).ionsPerSecond;
    EXPECT_NEAR(N, 2.0 / 1.1 / 1.602176634e-19, 1e6);
    PlanarRectTarget p;
    p.track.straightLengthM = 0.8;  // loop 0.9 m end to end
    EXPECT_NEAR(planarRectSource(p, N, makeAngularDistribution("cosine")).totalAtomsPerSecond() / N, 1.0, 1e-12);
    RotaryTube t;
    t.lengthM = 1.0;
    t.track.straightLengthM = 0.8;
    const auto tube = rotaryTubeSource(t, N, makeAngularDistribution("cosine"));
    EXPECT_NEAR(tube.totalAtomsPerSecond() / N, 1.0, 1e-12);
    for (const auto& e : tube.elements) EXPECT_LT(e.normal.z(), 0.0);  // the racetrack faces the substrate
    t.track.straightLengthM = 1.4;                                     // loop 1.5 m on a 1 m tube
    EXPECT_THROW(rotaryTubeSource(t, N, makeAngularDistribution("cosine")), std::invalid_argument);
}

// Magnet wobble: the Gauss-Chebyshev average equals the arcsine-weighted time average of
// a sinusoidally swinging racetrack. For a Gaussian track of width sigma swung by A, the
// average at the track centre is (1/pi) int exp(-a^2/2s^2)/sqrt(A^2-a^2) da
// = exp(-A^2/4s^2) I0(A^2/4s^2) (Gradshteyn & Ryzhik 3.364; I0 by its series); total
// emission is unchanged and the peak drops.
TEST(RacetrackSources, WobbleAverageMatchesArcsineTimeAverage) {
    PlanarRectTarget p;
    p.widthM = 0.3;
    p.lengthM = 1.0;
    p.track = {0.1, 0.008, 0.8, 1.0, nullptr, {}};  // straight 800 mm (loop 900 mm); Gaussian across, uniform along
    p.pitchM = 0.001;
    const auto still = planarRectSource(p, 1e18, makeAngularDistribution("cosine"));
    p.wobbleAmplitudeM = 0.012;
    p.wobbleSamples = 64;
    const auto swung = planarRectSource(p, 1e18, makeAngularDistribution("cosine"));
    EXPECT_NEAR(swung.totalAtomsPerSecond() / 1e18, 1.0, 1e-12);
    // Ratio of fluxes at the straight track's centreline (x = 0.05 m, y = 0), per unit F0.
    auto at = [](const EmissionSource& s, double x, double y) {
        for (const auto& e : s.elements)
            if (std::abs(e.position.x() - x) < 1e-4 && std::abs(e.position.y() - y) < 6e-4) return e.fluxAtomsM2S;
        return -1.0;
    };
    auto peakOf = [](const EmissionSource& s) {
        double m = 0;
        for (const auto& e : s.elements) m = std::max(m, e.fluxAtomsM2S);
        return m;
    };
    const double z = 0.012 * 0.012 / (4 * 0.008 * 0.008);
    double i0 = 0, term = 1;
    for (int k = 0; k < 40; ++k) {
        i0 += term;
        term *= (z / 2) * (z / 2) / ((k + 1.0) * (k + 1.0));
    }
    const double expected = std::exp(-z) * i0;
    // Both maps carry the same total (the wobble only moves emission), so F0 is shared: the
    // swung/still ratio at the element 0.5 mm off the centreline is the average above
    // (the 0.5 mm offset changes it by < 2e-3; quadrature with 64 nodes is exact to 1e-6).
    EXPECT_NEAR(at(swung, 0.0505, 0.0005) / peakOf(still), expected, 5e-3);
    EXPECT_LT(peakOf(swung), peakOf(still));
}

// Triangular and dwell wobble (motion/SwingAverage): a constant-speed travel spends equal time
// at every offset a in [-A, A], so at the offset y0 from the track centre line the Gaussian
// track averages to sigma sqrt(pi/2) / (2A) [erf((A - y0)/(sqrt2 sigma)) + erf((A + y0)/(sqrt2 sigma))];
// a dwell fraction delta puts delta/2 of the time at each reversal point instead. Checked at
// the element 0.5 mm off the centre line against the still map's element there (the same
// atom total, so the same scale F0); 64 Gauss-Legendre nodes are exact to ~1e-12 for this
// integrand, the 1 mm element grid sums a Gaussian of sigma 8 mm spectrally (midpoint rule):
// 1e-6 holds both.
TEST(RacetrackSources, TriangularAndDwellWobbleAreUniformTimeAverages) {
    const double sigma = 0.008, A = 0.012, y0 = 0.0005;
    PlanarRectTarget p;
    p.widthM = 0.3;
    p.lengthM = 1.0;
    p.track = {0.1, sigma, 0.9, 1.0, nullptr, {}};
    p.pitchM = 0.001;
    const auto still = planarRectSource(p, 1e18, makeAngularDistribution("cosine"));
    auto at = [](const EmissionSource& s, double x, double y) {
        for (const auto& e : s.elements)
            if (std::abs(e.position.x() - x) < 1e-4 && std::abs(e.position.y() - y) < 6e-4) return e.fluxAtomsM2S;
        return -1.0;
    };
    const auto g = [&](double a) { return std::exp(-(y0 - a) * (y0 - a) / (2 * sigma * sigma)); };
    const double uniform =
        sigma * std::sqrt(M_PI / 2) / (2 * A) *
        (std::erf((A - y0) / (std::sqrt(2.0) * sigma)) + std::erf((A + y0) / (std::sqrt(2.0) * sigma)));
    for (const double delta : {0.0, 0.3}) {
        p.wobbleAmplitudeM = A;
        p.wobbleSamples = 64;
        p.wobbleWaveform = delta > 0 ? SwingWaveform::Dwell : SwingWaveform::Triangular;
        p.wobbleDwellFraction = delta;
        const auto swung = planarRectSource(p, 1e18, makeAngularDistribution("cosine"));
        EXPECT_NEAR(swung.totalAtomsPerSecond() / 1e18, 1.0, 1e-12);
        const double expected = (1 - delta) * uniform + 0.5 * delta * (g(A) + g(-A));
        const double ratio = at(swung, 0.0505, 0.0005) / at(still, 0.0505, 0.0005) * g(0.0);
        EXPECT_NEAR(ratio, expected, 1e-6) << "dwell fraction " << delta;
    }
}
