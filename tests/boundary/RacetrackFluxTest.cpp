// Racetrack ion flux: charge conservation (the flux integrated over the target equals
// the ion rate I_ion/e), the Baragiola secondary-electron estimate, profile shapes.
#include "boundary/elements/ElementTable.hpp"
#include "boundary/racetrack/IonSupply.hpp"
#include "boundary/racetrack/RacetrackFlux.hpp"
#include "boundary/racetrack/TrackNarrowing.hpp"
#include "boundary/util/PhysicalConstants.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace magtwin;

namespace {

// Trapezoid sum of a smooth, compactly supported (to 1e-9) function on a uniform grid is
// accurate far below 1e-6 relative when the grid resolves the width (h = sigma/10).
double integratePlanar(const RacetrackFlux::AtScale& f, double halfX, double halfY, double h) {
    double sum = 0.0;
    const int nx = static_cast<int>(std::round(2 * halfX / h));
    const int ny = static_cast<int>(std::round(2 * halfY / h));
    for (int j = 0; j <= ny; ++j)
        for (int i = 0; i <= nx; ++i) sum += f.fluxDensity({-halfX + i * h, -halfY + j * h});
    return sum * h * h;
}

}  // namespace

TEST(TrackProfile, GaussianFwhmAndMomentsMatchClosedForm) {
    GaussianProfile g(0.01);
    EXPECT_NEAR(g.fwhm(), 2.0 * std::sqrt(2.0 * std::log(2.0)) * 0.01, 1e-6);  // FWHM = 2 sqrt(2 ln2) sigma
    // The support is cut at 6.5 sigma: the missing tail is erfc(6.5/sqrt2) = 8e-11 relative.
    EXPECT_NEAR(g.moment0() / (std::sqrt(2.0 * kPi) * 0.01), 1.0, 1e-9);
    EXPECT_NEAR(g.moment1(), 0.0, 1e-15);
}

TEST(TrackProfile, TabulatedIsNormalisedToPeakOneAndLinear) {
    TabulatedProfile t({-0.01, 0.0, 0.01}, {0.0, 3.0, 0.0});
    EXPECT_DOUBLE_EQ(t.value(0.0), 1.0);
    EXPECT_DOUBLE_EQ(t.value(0.005), 0.5);
    EXPECT_NEAR(t.moment0(), 0.01, 1e-9);  // triangle area: base 0.02 x height 1 / 2
    EXPECT_THROW(TabulatedProfile({0.0, 0.0, 1.0}, {1, 2, 3}), std::invalid_argument);
}

TEST(IonSupply, BaragiolaEstimateForArOnCu) {
    const auto& tab = ElementTable::builtin();
    const Element& ar = tab.get("Ar");
    const Element& cu = tab.get("Cu");
    // Baragiola et al. (1979) eq. 5 with the table's E_i(Ar) and phi(Cu).
    const double expected = 0.032 * (0.78 * *ar.ionizationEv - 2.0 * *cu.workFunctionEv);
    EXPECT_NEAR(baragiolaSecondaryElectronYield(ar, cu), expected, 1e-15);
    DischargeOperatingPoint op;
    op.powerW = 12000.0;
    op.voltageV = 400.0;
    const IonSupply s = ionSupplyFrom(op, ar, cu);
    EXPECT_NEAR(s.dischargeCurrentA, 30.0, 1e-12);
    EXPECT_NEAR(s.ionCurrentA, 30.0 / (1.0 + expected), 1e-12);
    EXPECT_NEAR(s.ionsPerSecond * kElementaryCharge, s.ionCurrentA, 1e-12);
    EXPECT_DOUBLE_EQ(s.ionEnergyEv, 400.0);
}

TEST(RacetrackFlux, PlanarRectFluxIntegratesToIonRate) {
    TargetGeometry t{CathodeKind::PlanarRect, 0.60, 0.20, 0.0, 0.01};
    RacetrackSpec r;
    r.straightLengthM = 0.30;
    r.trackSeparationM = 0.10;
    r.turnaroundEnhancement = 1.4;
    auto g = std::make_shared<GaussianProfile>(0.008);
    RacetrackFlux f(t, r, g, 1e20);
    for (double k : {1.0, 0.6}) {
        const double total = integratePlanar(f.atScale(k), 0.3, 0.1, 0.0008 * k);
        EXPECT_NEAR(total / 1e20, 1.0, 1e-6) << "k=" << k;
    }
}

TEST(RacetrackFlux, RotatingCircularMagnetConservesIonRate) {
    TargetGeometry t{CathodeKind::PlanarCircular, 0.0, 0.0, 0.165, 0.01};
    RacetrackSpec r;
    r.ringRadiusM = 0.06;
    r.magnetOffsetM = 0.05;
    r.magnetAngleSamples = 512;
    auto g = std::make_shared<GaussianProfile>(0.01);
    RacetrackFlux f(t, r, g, 1e20);
    const auto at = f.atScale(1.0);
    // Radial Simpson integral of 2 pi r Gamma(r).
    const int n = 4000;
    const double h = 0.165 / n;
    double sum = 0.0;
    for (int i = 0; i <= n; ++i)
        sum += (i == 0 || i == n ? 1 : (i % 2 ? 4 : 2)) * 2 * kPi * i * h * at.averagedFlux1D(i * h);
    EXPECT_NEAR(sum * h / 3.0 / 1e20, 1.0, 1e-6);
}

TEST(RacetrackFlux, RotaryAverageConservesIonRateAndEndsGetMore) {
    TargetGeometry t{CathodeKind::Rotary, 1.0, 0.0, 0.076, 0.012};
    RacetrackSpec r;
    r.straightLengthM = 0.80;
    r.trackSeparationM = 0.06;
    auto g = std::make_shared<GaussianProfile>(0.008);
    RacetrackFlux f(t, r, g, 1e20);
    const auto at = f.atScale(1.0);
    const int n = 20000;
    const double h = 1.0 / n;
    double sum = 0.0, peakEnd = 0.0;
    for (int i = 0; i <= n; ++i) {
        const double x = -0.5 + i * h;
        const double v = at.averagedFlux1D(x);
        sum += (i == 0 || i == n ? 0.5 : 1.0) * v;
        if (std::abs(x) > 0.4) peakEnd = std::max(peakEnd, v);
    }
    EXPECT_NEAR(sum * h * 2 * kPi * 0.076 / 1e20, 1.0, 1e-6);
    EXPECT_GT(peakEnd, 1.2 * at.averagedFlux1D(0.0));  // the turnaround runs round the tube
}

TEST(RacetrackFlux, RacetrackOutsideTargetIsRejected) {
    TargetGeometry t{CathodeKind::PlanarRect, 0.40, 0.20, 0.0, 0.01};
    RacetrackSpec r;
    r.straightLengthM = 0.35;  // 0.35 + 0.1 + footprint > 0.4
    r.trackSeparationM = 0.10;
    auto g = std::make_shared<GaussianProfile>(0.008);
    EXPECT_THROW(RacetrackFlux(t, r, g, 1e20), std::invalid_argument);
}

TEST(TrackNarrowing, SimilarityLaw) {
    TrackNarrowing n{0.030, 1.0, 0.2};
    EXPECT_DOUBLE_EQ(n.widthScale(0.0), 1.0);
    EXPECT_DOUBLE_EQ(n.widthScale(0.015), 0.5);
    EXPECT_DOUBLE_EQ(n.widthScale(0.029), 0.2);
}
