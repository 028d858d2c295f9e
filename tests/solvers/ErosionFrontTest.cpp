// Erosion front: conservation of sputtered atoms, exactness without angular effects,
// grid/time-step convergence, rotary rotation average, stability at steep walls.
#include "boundary/elements/ElementTable.hpp"
#include "boundary/racetrack/IonSupply.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/erosion/ErosionLife.hpp"
#include "tests/solvers/ErosionTestCase.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

using namespace magtwin;

namespace {

using Case = ErosionCase;

Case makeCase(const TargetGeometry& t, const RacetrackSpec& r, double sigma, const std::string& angular) {
    return makeErosionCase(t, r, sigma, angular);
}

Case ringCase(const std::string& angular) {
    RacetrackSpec r;
    r.ringRadiusM = 0.030;
    return makeCase({CathodeKind::PlanarCircular, 0, 0, 0.0508, 0.006}, r, 0.004, angular);
}

Case rectCase() {
    RacetrackSpec r;
    r.straightLengthM = 0.10;
    r.trackSeparationM = 0.05;
    r.turnaroundEnhancement = 1.2;
    return makeCase({CathodeKind::PlanarRect, 0.20, 0.10, 0, 0.008}, r, 0.005, "yamamura1983");
}

Case rotaryCase(double turnaround, const AlongTrackProfile& along = {}) {
    RacetrackSpec r;
    r.straightLengthM = 0.20;
    r.trackSeparationM = 0.04;
    r.turnaroundEnhancement = turnaround;
    r.alongTrack = along;
    return makeCase({CathodeKind::Rotary, 0.30, 0, 0.040, 0.008}, r, 0.005, "none");
}

}  // namespace

// Eroded volume x n equals the ions delivered x Y(E) (charge conservation of the racetrack
// normalisation + the yield): outside reference (I_ion/e) Y t. Trapezoid quadrature of a
// smooth ring on the grid is exact to far below the 1e-6 tolerance of the issue.
TEST(ErosionFront, ConservationPlanarAngularOff) {
    Case c = ringCase("none");
    ErosionSettings s;
    s.gridSpacingM = 0.5e-3;
    ErosionFront f(*c.flux, *c.rate, s);
    while (f.time() < 3600.0) f.step(3600.0 - f.time(), 1.0);
    double volume = 0.0;  // from the depth map itself
    for (double d : f.depth()) volume += d * f.grid().cellArea();
    const double atoms = volume * c.rate->atomicDensityPerM3();
    const double expected = c.supply.ionsPerSecond * c.rate->normalYield() * 3600.0;
    EXPECT_NEAR(atoms / expected, 1.0, 1e-6);
}

// Same on a tube: the removed volume is the annulus pi (R^2 - (R-d)^2) dx per column.
// The axial midpoint sum of the rotation-averaged flux has an O(h^2) error from the
// turnaround apex (1.2e-6 at h = 0.5 mm), so the grid is 0.25 mm here (3e-7). Also with an
// along-track end boost (AlongTrackProfile: A_loop keeps the ion rate I_ion/e).
TEST(ErosionFront, ConservationRotaryAngularOff) {
    for (const AlongTrackProfile& along : {AlongTrackProfile{}, AlongTrackProfile::endBoost(0.4, 0.05)}) {
        Case c = rotaryCase(1.3, along);
        ErosionSettings s;
        s.gridSpacingM = 0.25e-3;
        s.rotaryAngularCells = 4;
        ErosionFront f(*c.flux, *c.rate, s);
        const double tEnd = 5.0 * 3600.0;
        while (f.time() < tEnd) f.step(tEnd - f.time(), 1.0);
        const double R = 0.040;
        double volume = 0.0;
        for (double d : f.depth()) volume += 0.5 * (R * R - (R - d) * (R - d)) * f.grid().dv() * f.grid().du();
        const double expected = c.supply.ionsPerSecond * c.rate->normalYield() * tEnd;
        EXPECT_NEAR(volume * c.rate->atomicDensityPerM3() / expected, 1.0, 1e-6) << along.key();
        EXPECT_NEAR(f.sputteredAtoms() / expected, 1.0, 1e-6) << along.key();
    }
}

// Without angular effects (and narrowing) the depth is the flux profile times Y t / n.
TEST(ErosionFront, AngularOffReproducesFluxTimesYield) {
    Case c = ringCase("none");
    ErosionSettings s;
    s.gridSpacingM = 1e-3;
    ErosionFront f(*c.flux, *c.rate, s);
    const double t = 600.0;
    while (f.time() < t) f.step(t - f.time(), 1.0);
    const auto at = c.flux->atScale(1.0);
    double worst = 0.0;
    for (std::size_t j = 0; j < f.grid().nv(); ++j)
        for (std::size_t i = 0; i < f.grid().nu(); ++i) {
            const std::size_t k = f.grid().index(i, j);
            if (!f.grid().inside(k)) continue;
            const double expected =
                at.fluxDensity(f.grid().cathodePoint(i, j)) * c.rate->normalYield() * t / c.rate->atomicDensityPerM3();
            worst = std::max(worst, std::abs(f.depth()[k] - expected));
        }
    EXPECT_LT(worst / f.maxDepth(), 1e-12);  // floating-point rounding only
}

// Halving the grid spacing and the depth increment per step changes the end-of-life
// groove cross-section by < 1 % of the maximum depth (the criterion).
TEST(ErosionFront, ConvergesInGridAndTimeStep) {
    Case c = rectCase();
    auto run = [&](double h, double dd, LifeResult& r) {
        ErosionSettings s;
        s.gridSpacingM = h;
        s.maxDepthIncrementM = dd;
        s.narrowing = {0.008 + 0.010, 1.0, 0.2};
        ErosionFront f(*c.flux, *c.rate, s);
        r = runToEndOfLife(f, c.supply.powerW, LifeSettings{});
    };
    LifeResult coarse, fine;
    run(1e-3, 0.1e-3, coarse);
    run(0.5e-3, 0.05e-3, fine);
    const auto& pc = coarse.snapshots.back().crossSection.scalars;
    const auto& pf = fine.snapshots.back().crossSection.scalars;
    const auto& xc = pc[0].second;
    const auto& dc = pc[1].second;
    const auto& xf = pf[0].second;
    const auto& df = pf[1].second;
    double worst = 0.0;
    for (std::size_t k = 0; k < xc.size(); ++k) {
        const auto it = std::lower_bound(xf.begin(), xf.end(), xc[k]);
        const std::size_t b = std::clamp<std::size_t>(it - xf.begin(), 1, xf.size() - 1);
        const double w = (xc[k] - xf[b - 1]) / (xf[b] - xf[b - 1]);
        worst = std::max(worst, std::abs(dc[k] - (df[b - 1] + w * (df[b] - df[b - 1]))));
    }
    const double maxDepthMm = *std::max_element(df.begin(), df.end());
    RecordProperty("eol_profile_change_pct", std::to_string(100 * worst / maxDepthMm));
    EXPECT_LT(worst / maxDepthMm, 0.01);
    EXPECT_NEAR(coarse.lifeKWh / fine.lifeKWh, 1.0, 0.01);
}

// Steep walls: run to zero remaining thickness; the depth never exceeds the target and
// each groove flank is monotone (no oscillation: one maximum per track).
TEST(ErosionFront, SteepGroovesStayMonotoneAndBounded) {
    Case c = rectCase();
    ErosionSettings s;
    s.gridSpacingM = 1e-3;
    s.narrowing = {0.008 + 0.002, 1.0, 0.2};  // strong narrowing: steep V grooves
    ErosionFront f(*c.flux, *c.rate, s);
    LifeSettings life;
    life.minRemainingThicknessM = 0.0;
    const LifeResult r = runToEndOfLife(f, c.supply.powerW, life);
    for (double d : f.depth()) ASSERT_LE(d, 0.008 * (1 + 1e-12));
    const auto& x = r.snapshots.back().crossSection.scalars[0].second;
    const auto& d = r.snapshots.back().crossSection.scalars[1].second;
    // y > 0 half: from the deepest point outward in both directions the depth never rises.
    std::size_t first = 0;
    while (x[first] < 0) ++first;
    const std::size_t peak = std::max_element(d.begin() + first, d.end()) - d.begin();
    for (std::size_t k = peak + 1; k < d.size(); ++k) EXPECT_LE(d[k], d[k - 1] + 1e-9) << "x = " << x[k] << " mm";
    for (std::size_t k = peak; k > first; --k) EXPECT_LE(d[k - 1], d[k] + 1e-9) << "x = " << x[k - 1] << " mm";
    // Somewhere the groove reached the backing plate (the run stops within 0.1 um of it).
    EXPECT_GT(f.maxDepth(), 0.008 - 0.2e-6);
}

// Rotary: uniform around the circumference away from the ends; the ends erode faster.
TEST(ErosionFront, RotaryUniformAroundAndEndsDeeper) {
    Case c = rotaryCase(1.0);
    ErosionSettings s;
    s.gridSpacingM = 1e-3;
    s.rotaryAngularCells = 64;
    ErosionFront f(*c.flux, *c.rate, s);
    runToEndOfLife(f, c.supply.powerW, LifeSettings{});
    const auto& g = f.grid();
    double middle = 0.0, ends = 0.0, spread = 0.0;
    for (std::size_t i = 0; i < g.nu(); ++i) {
        double lo = 1e9, hi = 0.0;
        for (std::size_t j = 0; j < g.nv(); ++j) {
            lo = std::min(lo, f.depth()[g.index(i, j)]);
            hi = std::max(hi, f.depth()[g.index(i, j)]);
        }
        if (std::abs(g.u(i)) < 0.05) {
            middle = std::max(middle, hi);
            spread = std::max(spread, (hi - lo) / hi);
        }
        if (std::abs(g.u(i)) > 0.10) ends = std::max(ends, hi);
    }
    EXPECT_LT(spread, 1e-9);
    EXPECT_GT(ends, 1.2 * middle);
}

// A yield-multiplier map scales the local erosion speed (grain-size / texture effect).
TEST(ErosionFront, YieldMultiplierScalesLocalErosion) {
    Case c = ringCase("none");
    ErosionSettings s;
    s.gridSpacingM = 1e-3;
    s.yieldMultiplier = [](const Eigen::Vector2d& p) { return p.x() > 0 ? 1.5 : 1.0; };
    ErosionFront f(*c.flux, *c.rate, s);
    while (f.time() < 600.0) f.step(600.0 - f.time(), 1.0);
    const auto& g = f.grid();
    const std::size_t j = g.nv() / 2;
    const double left = f.depth()[g.index(g.nu() / 2 - 30, j)];   // x = -29.5 mm: on the ring
    const double right = f.depth()[g.index(g.nu() / 2 + 29, j)];  // x = +29.5 mm
    EXPECT_NEAR(right / left, 1.5, 1e-9);
}

// The emission map the deposition engine reads: without angular effects the sputtered
// flux integrated over the target equals (I_ion/e) Y(E) (every ion sputters Y atoms).
TEST(ErosionFront, EmissionMapIntegratesToIonRateTimesYield) {
    {
        Case c = ringCase("none");
        ErosionSettings s;
        s.gridSpacingM = 0.5e-3;
        ErosionFront f(*c.flux, *c.rate, s);
        f.step(600.0, 1.0);
        const GridSurface map = f.surface();
        double total = 0.0;
        for (double v : map.scalar("sputtered_flux_per_m2_s")) total += v * f.grid().cellArea();
        EXPECT_NEAR(total / (c.supply.ionsPerSecond * c.rate->normalYield()), 1.0, 1e-6);
        EXPECT_NEAR(map.vectors.front().second[0].z(), -1.0, 1e-12);  // flat face: normal toward the substrate
    }
    {
        // Rotary: the lab-fixed racetrack on the (rotation-averaged) tube, 720 cells around;
        // midpoint quadrature of the racetrack on that grid: 1e-4.
        Case c = rotaryCase(1.3);
        ErosionSettings s;
        s.gridSpacingM = 0.5e-3;
        ErosionFront f(*c.flux, *c.rate, s);
        f.step(600.0, 1.0);
        const GridSurface map = f.surface(720);
        double total = 0.0;
        const double cell = f.grid().du() * 0.040 * 2 * kPi / 720;
        for (double v : map.scalar("sputtered_flux_per_m2_s")) total += v * cell;
        EXPECT_NEAR(total / (c.supply.ionsPerSecond * c.rate->normalYield()), 1.0, 1e-4);
    }
}

// The deposition engine's entry point: the emission map at a life point, and a clear
// error past end of life.
TEST(ErosionLife, EmissionMapAtLifePoint) {
    Case c = ringCase("none");
    ErosionSettings s;
    s.gridSpacingM = 1e-3;
    ErosionFront f(*c.flux, *c.rate, s);
    const double kwh = 0.5;
    const GridSurface map = emissionMapAtLife(f, c.supply.powerW, kwh);
    EXPECT_NEAR(f.time(), kwh * 3.6e6 / c.supply.powerW, 1e-9 * f.time());  // life = P t / 3.6e6
    EXPECT_EQ(map.size(), f.grid().size());
    s.gridSpacingM = 2e-3;
    s.maxDepthIncrementM = 0.5e-3;
    ErosionFront g(*c.flux, *c.rate, s);
    EXPECT_THROW(emissionMapAtLife(g, c.supply.powerW, 1e6), std::invalid_argument);
}

// A restart (the OpenFOAM condition writes removedVolume() and time() and restores them):
// a front restored at t/2 and run on to t equals the front run straight to t, bit for bit
// when both take the same steps (the restored state is the same numbers; the width scale is
// recomputed from the restored depth, as every step does first). Narrowing on, so the width
// scale must come back too.
TEST(ErosionFront, RestoreContinuesExactlyAsTheUninterruptedRun) {
    Case c = rectCase();
    ErosionSettings s;
    s.gridSpacingM = 2e-3;
    s.narrowing.magnetDistanceM = 0.02;
    ErosionFront straight(*c.flux, *c.rate, s);
    const double half = 10 * 3600.0, end = 20 * 3600.0;
    while (straight.time() < half * (1 - 1e-12)) straight.step(half - straight.time(), 1.0);
    ErosionFront restored(*c.flux, *c.rate, s);
    restored.restore(straight.removedVolume(), straight.time());
    EXPECT_LT(restored.widthScale(), 1.0);
    while (straight.time() < end * (1 - 1e-12)) {
        const double dt = straight.step(end - straight.time(), 1.0);
        EXPECT_EQ(restored.step(dt, 1.0), dt);
    }
    EXPECT_EQ(restored.depth(), straight.depth());
    EXPECT_EQ(restored.time(), straight.time());
    EXPECT_EQ(restored.widthScale(), straight.widthScale());
    // A state of another grid, a negative volume: refused.
    EXPECT_THROW(restored.restore(std::vector<double>(3, 0.0), 0.0), std::invalid_argument);
    std::vector<double> bad = straight.removedVolume();
    bad[0] = -1e-3;
    EXPECT_THROW(restored.restore(bad, 0.0), std::invalid_argument);
}
