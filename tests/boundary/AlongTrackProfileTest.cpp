// Along-track flux profile (AlongTrackProfile through RacetrackFlux): A = 1 reproduces the
// uniform racetrack bit for bit; with a profile the flux still integrates to the ion rate
// (charge conservation, 1e-9 with Gauss-Legendre quadrature); a table sampled from the
// end-boost gives the end-boost's flux to the linear-interpolation error bound.
#include "boundary/racetrack/AlongTrackProfile.hpp"
#include "boundary/racetrack/RacetrackFlux.hpp"
#include "boundary/util/PhysicalConstants.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

using namespace magtwin;

namespace {

// 8-point Gauss-Legendre nodes and weights on [-1, 1] (Abramowitz & Stegun table 25.4).
constexpr double kGlX[8] = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498,
                            0.1834346424956498,  0.5255324099163290,  0.7966664774136267,  0.9602898564975363};
constexpr double kGlW[8] = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620,
                            0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};

/// Composite 8-point Gauss-Legendre over the panels between consecutive `cuts`, each split
/// into `n` equal parts. Exact to ~1e-14 relative for integrands smooth on every panel.
double integrate(const std::function<double(double)>& f, const std::vector<double>& cuts, int n) {
    double sum = 0.0;
    for (std::size_t p = 1; p < cuts.size(); ++p) {
        const double h = (cuts[p] - cuts[p - 1]) / n;
        for (int i = 0; i < n; ++i) {
            const double mid = cuts[p - 1] + (i + 0.5) * h;
            for (int k = 0; k < 8; ++k) sum += 0.5 * h * kGlW[k] * f(mid + 0.5 * h * kGlX[k]);
        }
    }
    return sum;
}

/// Panel breaks in [lo, hi]: the given points inside, sorted, plus the ends.
std::vector<double> breaks(double lo, double hi, std::vector<double> inner) {
    std::vector<double> out{lo};
    std::sort(inner.begin(), inner.end());
    for (double v : inner)
        if (v > out.back() && v < hi) out.push_back(v);
    out.push_back(hi);
    return out;
}

constexpr double kSigma = 0.008;
constexpr double kCut = 6.5 * kSigma;  // GaussianProfile's support

RacetrackSpec stadium(double straight, double separation, double enhancement) {
    RacetrackSpec r;
    r.straightLengthM = straight;
    r.trackSeparationM = separation;
    r.turnaroundEnhancement = enhancement;
    return r;
}

AlongTrackProfile endBoost(double gain, double length) { return AlongTrackProfile::endBoost(gain, length); }

/// The lab-frame flux of a stadium integrated over the plane: straights in (x, y) on panels
/// with breaks at the end-boost's joins and the track's support; each turnaround in polar
/// coordinates (rho, beta) about its centre. The quadrature sees only labFluxDensity, so it
/// checks the analytic A_loop independently.
/// `xs`: the straight's ends and the profile's kinks between them.
double stadiumIntegral(const RacetrackFlux& f, double k, const std::vector<double>& xs) {
    const auto at = f.atScale(k);
    const double L = f.track().straightLengthM, R = 0.5 * f.track().trackSeparationM, w = k * kCut;
    const double half = 0.5 * L;
    const std::vector<double> ys = breaks(-R - w, R + w, {-R, -R + w, 0.0, R - w, R});
    const double straights = integrate(
        [&](double x) {
            return integrate([&](double y) { return at.labFluxDensity({x, y}); }, ys, 4);
        },
        xs, 8);
    double ends = 0.0;
    for (double side : {-1.0, 1.0}) {
        ends += integrate(
            [&](double rho) {
                return rho * integrate(
                                 [&](double beta) {
                                     const double xi = rho * std::sin(beta), y = rho * std::cos(beta);
                                     return at.labFluxDensity({side * (half + xi), y});
                                 },
                                 {0.0, kPi}, 16);
            },
            breaks(0.0, R + w, {R - w, R}), 6);
    }
    return straights + ends;
}

}  // namespace

TEST(AlongTrackProfile, EndBoostIntegralIsClosedForm) {
    // integral of 1 + G (1 + cos(pi d / l)) / 2 over d in [0, l] is l + G l / 2 per end.
    const AlongTrackProfile a = endBoost(0.3, 0.4);
    const double L = 3.9;
    const double numeric = integrate([&](double x) { return a.factor(x, L); }, {-1.95, -1.55, 1.55, 1.95}, 40);
    EXPECT_NEAR(a.integral(L), L + 0.3 * 0.4, 1e-15 * L);
    EXPECT_NEAR(numeric, a.integral(L), 1e-13);
    EXPECT_DOUBLE_EQ(a.factor(-1.95, L), 1.3);
    EXPECT_DOUBLE_EQ(a.factor(0.0, L), 1.0);
    EXPECT_DOUBLE_EQ(a.factor(2.5, L), 1.3);  // beyond the straight: the end's factor
}

TEST(AlongTrackProfile, TableIsLinearAndItsIntegralExact) {
    AlongTrackProfile a;
    a.shape = AlongTrackProfile::Shape::Table;
    a.points = {{0.1, 2.0}, {0.5, 1.0}, {0.9, 0.0}};  // fractions of L, held beyond the ends
    const double L = 2.0;
    EXPECT_DOUBLE_EQ(a.factor(-1.0, L), 2.0);
    EXPECT_DOUBLE_EQ(a.factor(-0.6, L), 1.75);  // c = (x + L/2) / L = 0.2: 2 - 0.25
    EXPECT_DOUBLE_EQ(a.factor(1.0, L), 0.0);
    // Trapezoids by hand: 0.1*2 + 0.4*1.5 + 0.4*0.5 + 0.1*0 = 1.0 (fraction units) -> x L.
    EXPECT_NEAR(a.integral(L), 1.0 * L, 1e-15);
    a.symmetric = true;
    a.points = {{0.0, 1.5}, {0.25, 1.0}};  // from the nearer end, 0 .. 0.5
    EXPECT_DOUBLE_EQ(a.factor(0.5, L), a.factor(-0.5, L));
    EXPECT_NEAR(a.integral(L), 2 * L * (0.25 * 1.25 + 0.25 * 1.0), 1e-15);
}

TEST(AlongTrackProfile, BadParametersAreRejectedByName) {
    const double L = 1.0;
    EXPECT_THROW(endBoost(-1.5, 0.2).check(L), std::invalid_argument);
    EXPECT_THROW(endBoost(0.2, 0.6).check(L), std::invalid_argument);
    EXPECT_THROW(endBoost(0.2, 0.0).check(L), std::invalid_argument);
    AlongTrackProfile t;
    t.shape = AlongTrackProfile::Shape::Table;
    t.points = {{0.0, 1.0}, {0.0, 1.0}};
    EXPECT_THROW(t.check(L), std::invalid_argument);
    t.points = {{0.0, 1.0}, {1.2, 1.0}};
    EXPECT_THROW(t.check(L), std::invalid_argument);
    t.points = {{0.0, -1.0}, {1.0, 1.0}};
    EXPECT_THROW(t.check(L), std::invalid_argument);
    TargetGeometry disc{CathodeKind::PlanarCircular, 0.0, 0.0, 0.165, 0.01};
    RacetrackSpec ring;
    ring.ringRadiusM = 0.06;
    ring.alongTrack = endBoost(0.2, 0.1);
    EXPECT_THROW(RacetrackFlux(disc, ring, std::make_shared<GaussianProfile>(kSigma), 1e20), std::invalid_argument);
}

TEST(AlongTrackProfile, UniformProfilesReproduceTheRacetrackBitForBit) {
    // Bitwise, not to a tolerance: A = 1 enters only as exact multiplications by 1.0 and
    // the integral returns L_s itself (AlongTrackProfile::factor, integral), so every flux
    // value and A_loop are the same doubles as without a profile.
    auto g = std::make_shared<GaussianProfile>(kSigma);
    AlongTrackProfile ones;
    ones.shape = AlongTrackProfile::Shape::Table;
    ones.points = {{0.0, 1.0}, {0.3, 1.0}, {1.0, 1.0}};
    for (CathodeKind kind : {CathodeKind::PlanarRect, CathodeKind::Rotary}) {
        const TargetGeometry t{kind, 1.0, 0.2, 0.076, 0.012};
        const RacetrackSpec plain = stadium(0.8, 0.06, 1.3);
        const RacetrackFlux reference(t, plain, g, 1e20);
        for (const AlongTrackProfile& a : {endBoost(0.0, 0.2), ones}) {
            RacetrackSpec r = plain;
            r.alongTrack = a;
            const RacetrackFlux f(t, r, g, 1e20);
            for (double k : {1.0, 0.7}) {
                EXPECT_EQ(f.loopIntegral(k), reference.loopIntegral(k));
                const auto fa = f.atScale(k), ra = reference.atScale(k);
                for (int i = 0; i <= 200; ++i) {
                    const double x = -0.5 + i * 0.005;
                    for (double y : {0.0, 0.021, 0.03, 0.037, 0.05}) {
                        ASSERT_EQ(fa.labFluxDensity({x, y}), ra.labFluxDensity({x, y})) << x << " " << y;
                        ASSERT_EQ(fa.fluxDensity({x, y}), ra.fluxDensity({x, y})) << x << " " << y;
                    }
                }
            }
        }
    }
}

TEST(AlongTrackProfile, IonRateIsConservedWithAProfile) {
    // Charge conservation: the area integral of the flux equals I_ion/e. The quadrature
    // error of stadiumIntegral is < 1e-12 relative (smooth panels, 8-point Gauss-Legendre),
    // the Gaussian's cut tail and the Simpson moments of partialMoments < 1e-9: tolerance 1e-9.
    auto g = std::make_shared<GaussianProfile>(kSigma);
    AlongTrackProfile table;
    table.shape = AlongTrackProfile::Shape::Table;
    table.points = {{0.0, 1.4}, {0.1, 1.1}, {0.55, 0.9}, {1.0, 1.25}};  // not symmetric
    for (CathodeKind kind : {CathodeKind::PlanarRect, CathodeKind::Rotary}) {
        const TargetGeometry t{kind, 1.0, 0.2, 0.076, 0.012};
        for (const AlongTrackProfile& a : {endBoost(0.35, 0.15), endBoost(-0.4, 0.4), table}) {
            RacetrackSpec r = stadium(0.8, 0.06, 1.3);
            r.alongTrack = a;
            const RacetrackFlux f(t, r, g, 1e20);
            // Panels break where A has a kink (table points) or a jump of A'' (end-boost joins).
            std::vector<double> xs{-0.4, 0.4};
            if (a.shape == AlongTrackProfile::Shape::EndBoost) xs = {-0.4, -0.4 + a.lengthM, 0.4 - a.lengthM, 0.4};
            if (a.shape == AlongTrackProfile::Shape::Table) xs = {-0.4, -0.4 + 0.1 * 0.8, -0.4 + 0.55 * 0.8, 0.4};
            for (double k : {1.0, 0.6}) EXPECT_NEAR(stadiumIntegral(f, k, xs) / 1e20, 1.0, 1e-9) << int(kind);
        }
    }
}

TEST(AlongTrackProfile, RotaryAverageStillConservesTheIonRate) {
    // The rotation average integrated along the tube: 1e-6 as RacetrackFluxTest's rotary
    // case (averagedFlux1D's own Simpson rule in the turnarounds, < 1e-7 of their flux).
    auto g = std::make_shared<GaussianProfile>(kSigma);
    RacetrackSpec r = stadium(0.8, 0.06, 1.3);
    r.alongTrack = endBoost(0.35, 0.15);
    const RacetrackFlux f({CathodeKind::Rotary, 1.0, 0.0, 0.076, 0.012}, r, g, 1e20);
    const auto at = f.atScale(1.0);
    const double total = integrate([&](double x) { return at.averagedFlux1D(x); },
                                   {-0.5, -0.4 - 0.03 - kCut, -0.4, -0.25, 0.25, 0.4, 0.4 + 0.03 + kCut, 0.5}, 40);
    EXPECT_NEAR(total * 2 * kPi * 0.076 / 1e20, 1.0, 1e-6);
    // The boost raises the straight's end by 1 + G over its middle.
    EXPECT_NEAR(at.averagedFlux1D(-0.4) / at.averagedFlux1D(0.0), 1.35, 1e-12);
}

TEST(AlongTrackProfile, TableSampledFromTheEndBoostGivesItsFlux) {
    // Linear interpolation of the raised cosine at spacing h errs by at most
    // h^2/8 max|A''| = h^2 G pi^2 / (16 l^2) (the standard interpolation bound); the flux
    // differs by that factor error plus the change of A_loop (smaller: its integral differs
    // by less than the bound times 2 l / L_s), so 2x the bound.
    const double G = 0.3, l = 0.15, L = 0.8, h = 0.005;
    const AlongTrackProfile boost = endBoost(G, l);
    AlongTrackProfile table;
    table.shape = AlongTrackProfile::Shape::Table;
    table.symmetric = true;
    table.pointsInMillimetres = true;
    for (double c = 0.0; c <= 0.5 * L + 1e-12; c += h) table.points.push_back({c * 1e3, boost.factor(-0.5 * L + c, L)});
    const double bound = h * h * G * kPi * kPi / (16 * l * l);
    auto g = std::make_shared<GaussianProfile>(kSigma);
    for (CathodeKind kind : {CathodeKind::PlanarRect, CathodeKind::Rotary}) {
        const TargetGeometry t{kind, 1.0, 0.2, 0.076, 0.012};
        RacetrackSpec a = stadium(L, 0.06, 1.3), b = a;
        a.alongTrack = boost;
        b.alongTrack = table;
        const auto fa = RacetrackFlux(t, a, g, 1e20), fb = RacetrackFlux(t, b, g, 1e20);
        const auto aa = fa.atScale(1.0), bb = fb.atScale(1.0);
        double worst = 0.0;
        for (int i = 0; i <= 1000; ++i) {
            const Eigen::Vector2d p(-0.5 + i * 0.001, 0.03);
            const double va = aa.fluxDensity(p), vb = bb.fluxDensity(p);
            if (va > 0) worst = std::max(worst, std::abs(vb / va - 1.0));
        }
        EXPECT_LT(worst, 2 * bound) << int(kind);
        EXPECT_GT(worst, 0.0);  // they are different functions
    }
}
