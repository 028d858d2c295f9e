// Substrate oscillation (SubstrateOscillation.hpp): static limit, atom conservation, closed
// forms of a line source and a Gaussian under triangular and dwell sweeps, and the
// position-density quadrature against brute-force time stepping of the waveform.
#include "solvers/deposition/SubstrateMotion.hpp"
#include "solvers/deposition/SubstrateOscillation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

using namespace magtwin;

namespace {

using Waveform = SubstrateOscillation::Waveform;

EmissionSource pointLikeSource(double x, double y, double h, double atomsPerSecond) {
    EmissionSource s{"point", {}, makeAngularDistribution("cosine")};
    s.elements.push_back({Eigen::Vector3d(x, y, h), Eigen::Vector3d(0, 0, -1), 1e-8, atomsPerSecond / 1e-8});
    return s;
}

SubstrateMotion oscillating(double amplitude, double period, Waveform w, double time) {
    SubstrateMotion m;
    m.kind = SubstrateMotion::Kind::Oscillation;
    m.timeS = time;
    m.oscillation.amplitudeM = amplitude;
    m.oscillation.periodS = period;
    m.oscillation.waveform = w;
    m.oscillation.dwellFraction = 0.3;
    return m;
}

/// The waveforms written out independently of the library (start at 0 towards +x).
double offsetByHand(Waveform w, double A, double P, double dwell, double t) {
    double s = std::fmod(t, P) / P;  // phase in [0, 1)
    if (w == Waveform::Sinusoidal) return A * std::sin(2 * M_PI * s);
    const double move = w == Waveform::Dwell ? 1 - dwell : 1.0, stop = (1 - move) / 2;
    // Unfold: 0 -> A (move/4), stop, A -> -A (move/2), stop, -A -> 0 (move/4).
    if (s < move / 4) return A * s / (move / 4);
    s -= move / 4;
    if (s < stop) return A;
    s -= stop;
    if (s < move / 2) return A - 2 * A * s / (move / 2);
    s -= move / 2;
    if (s < stop) return -A;
    s -= stop;
    return -A + A * s / (move / 4);
}

/// A sampled row R(x0 + i dx), i = 0..n-1.
std::vector<double> sampled(const std::function<double(double)>& R, double x0, double dx, std::size_t n) {
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = R(x0 + double(i) * dx);
    return v;
}

/// The kernel applied to an analytic row: F at x0 + i dx, i = 0..n-1 (one row).
std::vector<double> averaged(const std::function<double(double)>& R, const SubstrateOscillation& o, double T, double x0,
                             double dx, std::size_t n) {
    const std::vector<double> w = oscillationWeights(o, T, dx);
    const std::size_t K = w.size() / 2;
    return oscillationAverage(sampled(R, x0 - double(K) * dx, dx, n + 2 * K), n, 1, w);
}

/// View factor of a cosine emitter at height h onto the plane rectangle [x1, x2] x [y1, y2]
/// below it: superposition of the corner rectangles, F_c(X, Y) = (1 / 2 pi) (X / sqrt(1 + X^2)
/// atan(Y / sqrt(1 + X^2)) + Y / sqrt(1 + Y^2) atan(X / sqrt(1 + Y^2))), X, Y in units of h
/// (differential area to a parallel rectangle, Howell, A Catalog of Radiation Heat
/// Transfer Configuration Factors, case B-3); F_c is odd in X and in Y.
double rectangleFraction(double h, double x1, double x2, double y1, double y2) {
    const auto Fc = [h](double x, double y) {
        const double X = x / h, Y = y / h, a = std::sqrt(1 + X * X), b = std::sqrt(1 + Y * Y);
        return (X / a * std::atan(Y / a) + Y / b * std::atan(X / b)) / (2 * M_PI);
    };
    return Fc(x2, y2) - Fc(x1, y2) - Fc(x2, y1) + Fc(x1, y1);
}

}  // namespace

// Amplitude 0: the oscillation kernel is W_0 = T, so the film equals the static one bit for bit.
TEST(SubstrateOscillation, AmplitudeZeroIsTheStaticFilmExactly) {
    Substrate s;
    s.sizeXM = 0.3;
    s.sizeYM = 0.2;
    s.pitchM = 0.005;
    const SubstrateGrid g = sampleSubstrate(s);
    SubstrateMotion still;
    still.timeS = 45;
    for (Waveform w : {Waveform::Sinusoidal, Waveform::Triangular, Waveform::Dwell})
        for (auto method : {TransportMethod::Fast, TransportMethod::Direct}) {
            const auto src = {pointLikeSource(0.03, -0.02, 0.08, 1e18)};
            const auto a = exposureFluence(src, g, still, method);
            const auto b = exposureFluence(src, g, oscillating(0.0, 7.0, w, 45), method);
            ASSERT_EQ(a.size(), b.size());
            for (std::size_t k = 0; k < a.size(); ++k) ASSERT_EQ(a[k], b[k]) << k;
        }
}

// Atoms conserved: the film summed over a plane of half-width L = 10 h equals
// N int dmu(u) F_rect(square shifted by u) (the exact captured fraction, above), the shift
// average done by 20000-step time quadrature. Tolerance 2e-5: trapezoid weights on a
// 5 mm grid under a source at h = 0.1 m (Euler-Maclaurin: the smooth peak's error is far
// below; the edge terms R' dx^2 / 12 x perimeter are ~1e-6 of N) and the time quadrature (~1e-8).
TEST(SubstrateOscillation, ConservesTheDepositedAtoms) {
    const double h = 0.1, L = 1.0, N = 1e18, T = 23.0, P = 6.0, A = 0.15;
    Substrate s;
    s.sizeXM = s.sizeYM = 2 * L;
    s.pitchM = 0.005;
    const SubstrateGrid g = sampleSubstrate(s);
    for (Waveform w : {Waveform::Sinusoidal, Waveform::Triangular, Waveform::Dwell}) {
        const SubstrateMotion m = oscillating(A, P, w, T);
        const auto f = exposureFluence({pointLikeSource(0.0, 0.0, h, N)}, g, m, TransportMethod::Direct);
        double total = 0;
        for (std::size_t j = 0; j < g.grid.nv; ++j)
            for (std::size_t i = 0; i < g.grid.nu; ++i) {
                const double wx = (i == 0 || i + 1 == g.grid.nu) ? 0.5 : 1.0,
                             wy = (j == 0 || j + 1 == g.grid.nv) ? 0.5 : 1.0;
                total += wx * wy * f[g.grid.index(i, j)];
            }
        total *= g.dx * g.dy;
        const int steps = 20000;
        double expected = 0;
        for (int k = 0; k < steps; ++k) {
            const double u = offsetByHand(w, A, P, 0.3, (k + 0.5) * T / steps);
            expected += rectangleFraction(h, -L + u, L + u, -L, L);
        }
        expected *= N * T / steps;
        EXPECT_NEAR(total / expected, 1.0, 2e-5) << int(w);
    }
}

// Closed forms over whole periods, a = x - A, b = x + A:
//  line source R = h^2 / (h^2 + x^2)^(3/2): triangular mean (1 / 2A) [s / sqrt(s^2 + h^2)]_a^b;
//  Gaussian R = exp(-x^2 / 2 s^2): triangular mean (s sqrt(pi / 2) / 2A) [erf(u / (s sqrt 2))]_a^b;
//  dwell f: (1 - f) x the triangular mean + f / 2 (R(a) + R(b)).
// Tolerance: the header's bound T dx^2 / 8 max|R''| (3 / h^2 for the line, 1 / s^2 for the Gaussian).
TEST(SubstrateOscillation, LineSourceAndGaussianUnderTriangularAndDwellSweeps) {
    const double h = 0.12, sig = 0.03, A = 0.15, P = 4.0, T = 10 * P, dx = 0.002, x0 = -0.4;
    const std::size_t n = 401;
    const auto line = [h](double x) { return h * h / std::pow(h * h + x * x, 1.5); };
    const auto lineMean = [h, A](double x) {
        const auto F = [h](double s) { return s / std::sqrt(s * s + h * h); };
        return (F(x + A) - F(x - A)) / (2 * A);
    };
    const auto gauss = [sig](double x) { return std::exp(-x * x / (2 * sig * sig)); };
    const auto gaussMean = [sig, A](double x) {
        const double c = sig * std::sqrt(2.0);
        return sig * std::sqrt(M_PI / 2) * (std::erf((x + A) / c) - std::erf((x - A) / c)) / (2 * A);
    };
    struct Case {
        std::function<double(double)> R, mean;
        double maxCurvature;
    };
    for (const Case& c : {Case{line, lineMean, 3 / (h * h)}, Case{gauss, gaussMean, 1 / (sig * sig)}})
        for (Waveform w : {Waveform::Triangular, Waveform::Dwell}) {
            SubstrateOscillation o;
            o.amplitudeM = A, o.periodS = P, o.waveform = w, o.dwellFraction = 0.3;
            const double f = w == Waveform::Dwell ? 0.3 : 0.0;
            const auto F = averaged(c.R, o, T, x0, dx, n);
            const double bound = T * dx * dx / 8 * c.maxCurvature;
            for (std::size_t i = 0; i < n; ++i) {
                const double x = x0 + double(i) * dx;
                const double exact = T * ((1 - f) * c.mean(x) + f / 2 * (c.R(x - A) + c.R(x + A)));
                ASSERT_NEAR(F[i], exact, bound) << "x = " << x << " waveform " << int(w);
            }
        }
}

// The same through the transport: a 20 m line of cosine point elements (pitch 4 mm, each
// N h^2 / (pi d^4)) at height h along y over a glass under a triangular sweep; an infinite
// line gives perM h^2 / (2 rho^3) at lateral distance rho, and its triangular mean is the
// closed form above. At y = 0 the finite line misses 4 rho^3 / (3 pi D^3) <= 2e-5 of it
// (D = 10 m, rho <= 0.33 m). Tolerance 2e-4 relative: that, the element sum (smooth
// integrand, << 1e-6) and the kernel's interpolation error, which for a uniform average is
// the trapezoid rule's dx^2 / 12 |R'(x + A) - R'(x - A)| / 2A (< 1e-5 of the film here).
TEST(SubstrateOscillation, LineSourceThroughTheTransport) {
    const double h = 0.12, A = 0.1, P = 5.0, T = 4 * P, perM = 1e18, pitch = 0.004;
    EmissionSource line{"line", {}, makeAngularDistribution("cosine")};
    for (double y = -10.0 + pitch / 2; y < 10.0; y += pitch)
        line.elements.push_back({Eigen::Vector3d(0.0, y, h), Eigen::Vector3d(0, 0, -1), 1e-8, perM * pitch / 1e-8});
    Substrate s;
    s.sizeXM = 0.4;
    s.sizeYM = 0.02;
    s.pitchM = 0.002;
    s.edgeExclusionM = 0;
    const SubstrateGrid g = sampleSubstrate(s);
    const auto f = exposureFluence({line}, g, oscillating(A, P, Waveform::Triangular, T), TransportMethod::Direct);
    const auto F = [h](double v) { return v / std::sqrt(v * v + h * h); };
    for (std::size_t k = 0; k < g.grid.size(); ++k) {
        const Eigen::Vector3d& p = g.grid.points[k];
        if (std::abs(p.y()) > 1e-9) continue;
        const double exact = T * perM / (2 * A) * (F(p.x() + A) - F(p.x() - A)) / 2;
        EXPECT_NEAR(f[k] / exact, 1.0, 2e-4) << "x = " << p.x();
    }
}

// Any exposure time (here 7.37 periods, ending mid-sweep): the kernel against 400000
// midpoint time steps of R(x + u(t)) with u(t) written out by hand. Tolerance: the header's
// interpolation bound T dx^2 / 8 max|R''| plus the midpoint rule's ~1e-9 relative.
TEST(SubstrateOscillation, PositionDensityQuadratureMatchesTimeStepping) {
    const double h = 0.1, A = 0.137, P = 3.0, T = 7.37 * P, dx = 0.002, x0 = -0.3;
    const std::size_t n = 301;
    const auto R = [h](double x) { return std::pow(h * h / (h * h + x * x), 2); };  // point-source row
    for (Waveform w : {Waveform::Sinusoidal, Waveform::Triangular, Waveform::Dwell}) {
        SubstrateOscillation o;
        o.amplitudeM = A, o.periodS = P, o.waveform = w, o.dwellFraction = 0.3;
        for (double t : {0.1, 0.8, 1.6, 2.3, 2.95})
            EXPECT_NEAR(oscillationOffset(o, t), offsetByHand(w, A, P, 0.3, t), 1e-12);
        const auto F = averaged(R, o, T, x0, dx, n);
        const double bound = T * dx * dx / 8 * 4 / (h * h) + 1e-9 * T;
        const int steps = 400000;
        for (std::size_t i = 0; i < n; i += 5) {
            const double x = x0 + double(i) * dx;
            double brute = 0;
            for (int k = 0; k < steps; ++k) brute += R(x + offsetByHand(w, A, P, 0.3, (k + 0.5) * T / steps));
            brute *= T / steps;
            ASSERT_NEAR(F[i], brute, bound) << "x = " << x << " waveform " << int(w);
        }
        double sum = 0;
        for (double v : oscillationWeights(o, T, dx)) sum += v;
        EXPECT_NEAR(sum, T, 1e-12 * T);  // sum_m W_m = T: the time is conserved
    }
}

TEST(SubstrateOscillation, RejectsBadParameters) {
    SubstrateOscillation o;
    o.amplitudeM = 0.1;
    EXPECT_NO_THROW(oscillationWeights(o, 10, 0.002));
    SubstrateOscillation bad = o;
    bad.amplitudeM = -0.01;
    EXPECT_THROW(oscillationWeights(bad, 10, 0.002), std::invalid_argument);
    bad = o, bad.periodS = 0;
    EXPECT_THROW(oscillationWeights(bad, 10, 0.002), std::invalid_argument);
    bad = o, bad.dwellFraction = 1.0;
    EXPECT_THROW(oscillationWeights(bad, 10, 0.002), std::invalid_argument);
    EXPECT_THROW(oscillationWeights(o, 0, 0.002), std::invalid_argument);
    EXPECT_THROW(oscillationWeights(o, 10, 0), std::invalid_argument);
}
