// Erosion with planar magnet oscillation and with groove redeposition:
//  - travel amplitude 0 and redeposition off are today's erosion, value for value;
//  - oscillation conserves atoms: eroded volume x n = (I_ion/e) Y t (each shifted racetrack
//    carries the whole ion rate, so the Gauss-Chebyshev average does too), to 1e-6;
//  - the averaged flux equals the arcsine-weighted time average computed independently
//    (trapezoid rule in the phase, 4000 nodes), and widens the groove;
//  - triangular and dwell travel (motion/SwingAverage) equal their time averages computed
//    from the waveform written out here (midpoint rule in time), and conserve atoms;
//  - redeposition: a flat target redeposits nothing (exactly); on a deep groove the atom
//    balance closes (sputtered = redeposited + escaped, two routes) to 1e-9; the net
//    erosion is smaller than without; a groove symmetric in y stays symmetric.
#include "boundary/racetrack/IonSupply.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/erosion/ErosionLife.hpp"
#include "tests/solvers/ErosionTestCase.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace magtwin;

namespace {

using RectCathode = ErosionCase;

/// A small Mo planar-rect cathode (straights 100 mm, 50 mm apart, sigma 5 mm) on a target
/// wide enough (160 mm) that a 10 mm travel keeps the flux's tails (> 9 sigma) on it.
RectCathode rectCathode(const std::string& angular, double turnaround) {
    RacetrackSpec r;
    r.straightLengthM = 0.10;
    r.trackSeparationM = 0.05;
    r.turnaroundEnhancement = turnaround;
    return makeErosionCase({CathodeKind::PlanarRect, 0.30, 0.16, 0, 0.010}, r, 0.005, angular, "Mo", 3000.0, 450.0);
}

void runTo(ErosionFront& f, double t) {
    while (f.time() < t) f.step(t - f.time(), 1.0);
}

double columnFwhm(const ErosionFront& f, std::size_t i) {  // groove on the y > 0 straight
    std::vector<double> y, d;
    for (std::size_t j = f.grid().nv() / 2; j < f.grid().nv(); ++j) {
        y.push_back(f.grid().v(j));
        d.push_back(f.depth()[f.grid().index(i, j)]);
    }
    return fullWidthHalfMax(y, d);
}

}  // namespace

TEST(ErosionMotion, ZeroTravelAndRedepositionOffAreTodaysErosion) {
    RectCathode c = rectCathode("yamamura1983", 1.2);
    ErosionSettings today;
    today.gridSpacingM = 1e-3;
    ErosionSettings explicitZero = today;
    explicitZero.magnetTravelM = 0.0;
    explicitZero.magnetTravelSamples = 5;
    explicitZero.grooveRedeposition = false;
    ErosionFront a(*c.flux, *c.rate, today), b(*c.flux, *c.rate, explicitZero);
    runTo(a, 20.0 * 3600.0);
    runTo(b, 20.0 * 3600.0);
    ASSERT_GT(a.maxDepth(), 1e-3);
    EXPECT_EQ(a.depth(), b.depth());  // bit for bit
    const GridSurface sa = a.surface(), sb = b.surface();
    EXPECT_EQ(sa.scalar("sputtered_flux_per_m2_s"), sb.scalar("sputtered_flux_per_m2_s"));
    EXPECT_EQ(sa.scalars.size(), sb.scalars.size());  // no extra fields when off
}

TEST(ErosionMotion, OscillationConservesAtoms) {
    RectCathode c = rectCathode("none", 1.0);  // E_t = 1: the loop flux is smooth (midpoint rule ~1e-9)
    ErosionSettings s;
    s.gridSpacingM = 0.5e-3;
    s.magnetTravelM = 0.010;
    ErosionFront f(*c.flux, *c.rate, s);
    const double t = 5.0 * 3600.0;
    runTo(f, t);
    double volume = 0.0;
    for (double d : f.depth()) volume += d * f.grid().cellArea();
    const double expected = c.supply.ionsPerSecond * c.rate->normalYield() * t;
    EXPECT_NEAR(volume * c.rate->atomicDensityPerM3() / expected, 1.0, 1e-6);
}

TEST(ErosionMotion, OscillationIsTheArcsineTimeAverage) {
    RectCathode c = rectCathode("yamamura1983", 1.2);
    ErosionSettings s;
    s.gridSpacingM = 1e-3;
    s.magnetTravelM = 0.012;
    s.magnetTravelSamples = 64;
    ErosionFront f(*c.flux, *c.rate, s);
    const auto ion = f.surface().scalar("ion_flux_per_m2_s");
    const auto at = c.flux->atScale(1.0);
    double worst = 0.0, peak = 0.0;
    for (std::size_t i : {150u, 200u, 260u})  // straight, straight's end, turnaround
        for (std::size_t j = 0; j < f.grid().nv(); j += 3) {
            const Eigen::Vector2d p = f.grid().cathodePoint(i, j);
            // Shift A cos(phase), phase uniform over a period: trapezoid rule (periodic: spectral).
            const int n = 4000;
            double sum = 0.0;
            for (int k = 0; k < n; ++k)
                sum += at.fluxDensity({p.x(), p.y() - s.magnetTravelM * std::cos(2 * kPi * k / n)});
            worst = std::max(worst, std::abs(ion[f.grid().index(i, j)] - sum / n));
            peak = std::max(peak, sum / n);
        }
    EXPECT_LT(worst / peak, 1e-6);  // 64 Gauss-Chebyshev nodes on a 5 mm Gaussian, 12 mm travel
}

namespace {

/// Position s in [-1, 1] at the fraction tau of a period, written out here (independently
/// of motion/SwingAverage): triangle, or constant speed with a stop of delta/2 at each end.
double travelPosition(double tau, double delta) {
    const double m = 1.0 - delta;
    if (tau < m / 4) return 4 * tau / m;
    if (tau < m / 4 + delta / 2) return 1.0;
    if (tau < 3 * m / 4 + delta / 2) return 1.0 - 4 * (tau - m / 4 - delta / 2) / m;
    if (tau < 3 * m / 4 + delta) return -1.0;
    return -1.0 + 4 * (tau - 3 * m / 4 - delta) / m;
}

}  // namespace

TEST(ErosionMotion, TriangularAndDwellTravelAreTheirTimeAverages) {
    RectCathode c = rectCathode("yamamura1983", 1.2);
    const auto at = c.flux->atScale(1.0);
    for (const double delta : {0.0, 0.3}) {
        ErosionSettings s;
        s.gridSpacingM = 1e-3;
        s.magnetTravelM = 0.012;
        s.magnetTravelSamples = 64;
        s.magnetTravelWaveform = delta > 0 ? SwingWaveform::Dwell : SwingWaveform::Triangular;
        s.magnetTravelDwellFraction = delta;
        ErosionFront f(*c.flux, *c.rate, s);
        const auto ion = f.surface().scalar("ion_flux_per_m2_s");
        double worst = 0.0, peak = 0.0;
        for (std::size_t i : {150u, 200u, 260u})  // straight, straight's end, turnaround
            for (std::size_t j = 0; j < f.grid().nv(); j += 3) {
                const Eigen::Vector2d p = f.grid().cathodePoint(i, j);
                // Midpoint rule in time: kinks at the reversal points make it O(h^2), ~1e-9 here.
                const int n = 20000;
                double sum = 0.0;
                for (int k = 0; k < n; ++k)
                    sum += at.fluxDensity({p.x(), p.y() - s.magnetTravelM * travelPosition((k + 0.5) / n, delta)});
                worst = std::max(worst, std::abs(ion[f.grid().index(i, j)] - sum / n));
                peak = std::max(peak, sum / n);
            }
        EXPECT_LT(worst / peak, 1e-6) << "dwell fraction " << delta;  // 64 Gauss-Legendre nodes
    }
}

TEST(ErosionMotion, TriangularAndDwellTravelConserveAtoms) {
    RectCathode c = rectCathode("none", 1.0);  // as OscillationConservesAtoms
    for (const SwingWaveform w : {SwingWaveform::Triangular, SwingWaveform::Dwell}) {
        ErosionSettings s;
        s.gridSpacingM = 0.5e-3;
        s.magnetTravelM = 0.010;
        s.magnetTravelWaveform = w;
        s.magnetTravelDwellFraction = w == SwingWaveform::Dwell ? 0.4 : 0.0;
        ErosionFront f(*c.flux, *c.rate, s);
        const double t = 5.0 * 3600.0;
        runTo(f, t);
        double volume = 0.0;
        for (double d : f.depth()) volume += d * f.grid().cellArea();
        const double expected = c.supply.ionsPerSecond * c.rate->normalYield() * t;
        EXPECT_NEAR(volume * c.rate->atomicDensityPerM3() / expected, 1.0, 1e-6) << swingWaveformName(w);
    }
}

TEST(ErosionMotion, OscillationWidensTheGroove) {
    RectCathode c = rectCathode("yamamura1983", 1.2);
    ErosionSettings fixed;
    fixed.gridSpacingM = 1e-3;
    ErosionSettings moving = fixed;
    moving.magnetTravelM = 0.010;
    ErosionFront a(*c.flux, *c.rate, fixed), b(*c.flux, *c.rate, moving);
    runTo(a, 10.0 * 3600.0);
    runTo(b, 10.0 * 3600.0);
    ASSERT_LT(a.maxDepth(), 0.009);  // below the target thickness
    const std::size_t mid = a.grid().nu() / 2;
    EXPECT_GT(columnFwhm(b, mid), 1.5 * columnFwhm(a, mid));
    EXPECT_LT(b.maxDepth(), a.maxDepth());
}

TEST(GrooveRedeposition, FlatTargetRedepositsNothing) {
    RectCathode c = rectCathode("yamamura1983", 1.2);
    ErosionSettings s;
    s.gridSpacingM = 1e-3;
    s.grooveRedeposition = true;
    ErosionFront f(*c.flux, *c.rate, s);
    const EmissionBalance b = f.emissionBalance();
    EXPECT_GT(b.sputtered, 0.0);
    EXPECT_EQ(b.redeposited, 0.0);
    EXPECT_EQ(b.escaped, b.sputtered);
    const GridSurface map = f.surface();
    for (double r : map.scalar("redeposited_flux_per_m2_s")) EXPECT_EQ(r, 0.0);
}

TEST(GrooveRedeposition, DeepGrooveBalanceSymmetryAndNetErosion) {
    RectCathode c = rectCathode("yamamura1983", 1.2);
    ErosionSettings off;
    off.gridSpacingM = 1e-3;
    ErosionSettings on = off;
    on.grooveRedeposition = true;
    ErosionFront a(*c.flux, *c.rate, off), b(*c.flux, *c.rate, on);
    const double t = 50.0 * 3600.0;
    runTo(a, t);
    runTo(b, t);
    ASSERT_GT(b.maxDepth(), 4e-3);
    const EmissionBalance bal = b.emissionBalance();
    EXPECT_GT(bal.redeposited, 0.02 * bal.sputtered);
    EXPECT_NEAR((bal.redeposited + bal.escaped) / bal.sputtered, 1.0, 1e-9);
    EXPECT_LT(b.erodedVolume(), a.erodedVolume());
    // The emission map's total is the escaping rate.
    double mapTotal = 0.0;
    const GridSurface map = b.surface();
    for (double v : map.scalar("sputtered_flux_per_m2_s")) mapTotal += v * b.grid().cellArea();
    EXPECT_NEAR(mapTotal / bal.escaped, 1.0, 1e-9);
    // The cathode is symmetric in y, so is the eroded target (the solver's stencils are
    // mirror-symmetric; the tolerance allows the rounding of the sums in another order).
    const auto& g = b.grid();
    double worst = 0.0;
    for (std::size_t j = 0; j < g.nv(); ++j)
        for (std::size_t i = 0; i < g.nu(); ++i)
            worst = std::max(worst, std::abs(b.depth()[g.index(i, j)] - b.depth()[g.index(i, g.nv() - 1 - j)]));
    EXPECT_LT(worst / b.maxDepth(), 1e-9);
}
