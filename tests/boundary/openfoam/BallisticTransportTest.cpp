// The ballistic flux of filmDeposition (boundary/openfoam/bridge/LineOfSight.hpp): the fast
// (FFT) path against the exact pairwise sum, the shadowing BVH against a brute-force test of
// every triangle, and shadowing against closed forms.
#include "boundary/openfoam/bridge/LineOfSight.hpp"
#include "boundary/openfoam/bridge/OccluderBvh.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <random>
#include <vector>

namespace {

using magtwin::foam::BallisticTransport;
using magtwin::foam::EmittingElement;
using magtwin::foam::PlaneFrame;
using magtwin::foam::Triangle;
using magtwin::foam::Vec3;

constexpr double kPi = 3.14159265358979323846;

Vec3 add(const Vec3& a, const Vec3& b, double s = 1) { return {a[0] + s * b[0], a[1] + s * b[1], a[2] + s * b[2]}; }
Vec3 scale(const Vec3& a, double s) { return {a[0] * s, a[1] * s, a[2] * s}; }
Vec3 cross(const Vec3& a, const Vec3& b) {
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}
Vec3 unit(const Vec3& a) { return scale(a, 1 / std::sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2])); }

/// A chamber frame turned away from the axes (the fast path must not rely on them).
struct Frame {
    Vec3 n = unit({0.3, -0.2, 1.0});      // substrate normal, into the gas
    Vec3 e1 = unit(cross({0, 1, 0}, n));  // in-plane axes
    Vec3 e2 = cross(n, e1);
    Vec3 origin = {0.4, -0.1, 0.25};
    Vec3 at(double u, double v, double w) const { return add(add(add(origin, e1, u), e2, v), n, w); }
};

/// A 0.3 m x 0.12 m target facing the substrate at height h: 60 x 24 faces with a
/// racetrack-like emission (two Gaussian tracks across the short side).
std::vector<EmittingElement> planarTarget(const Frame& f, double h) {
    std::vector<EmittingElement> out;
    const int nu = 60, nv = 24;
    const double du = 0.3 / nu, dv = 0.12 / nv;
    for (int i = 0; i < nu; ++i)
        for (int j = 0; j < nv; ++j) {
            const double u = -0.15 + (i + 0.5) * du, v = -0.06 + (j + 0.5) * dv;
            const double track = std::exp(-std::pow((std::abs(v) - 0.035) / 0.01, 2) / 2);
            out.push_back({f.at(u, v, h), scale(f.n, -1), 1e16 * (0.05 + track) * du * dv});
        }
    return out;
}

/// Receiving points: a 0.5 m x 0.4 m substrate patch, 41 x 33 face centres.
std::vector<Vec3> substratePoints(const Frame& f, PlaneFrame* plane) {
    std::vector<Vec3> pts;
    for (int i = 0; i < 41; ++i)
        for (int j = 0; j < 33; ++j) pts.push_back(f.at(-0.25 + i * 0.5 / 40, -0.2 + j * 0.4 / 32, 0));
    plane->origin = f.origin;
    plane->e1 = f.e1;
    plane->e2 = f.e2;
    plane->normal = f.n;
    plane->uMin = -0.25, plane->uMax = 0.25, plane->vMin = -0.2, plane->vMax = 0.2;
    return pts;
}

struct Compared {
    double maxError = 0, mean = 0;
};

Compared fastVsPairwise(const BallisticTransport& t, double h) {
    const Frame f;
    PlaneFrame plane;
    const std::vector<Vec3> pts = substratePoints(f, &plane);
    const std::vector<EmittingElement> target = planarTarget(f, h);
    const std::vector<Vec3> normals(pts.size(), f.n);
    const std::vector<double> exact = t.flux(target, pts, normals, false, {0, 0, 0});
    const std::vector<double> fast = t.fluxOnPlane(target, pts, plane);
    Compared c;
    for (double x : exact) c.mean += x / double(exact.size());
    for (std::size_t i = 0; i < pts.size(); ++i) c.maxError = std::max(c.maxError, std::abs(fast[i] - exact[i]));
    c.maxError /= c.mean;
    return c;
}

}  // namespace

// Tolerance 5e-4 of the mean: the engine's FFT transport is within O((q/h)^4) of the direct
// sum, about 1.7 (q/h)^4 = 1.7e-4 of the kernel at its peak for its pitch q = h/10
// (FastConvolutionTransport.hpp), and the peak of these maps is up to twice their mean; the
// cubic interpolation from the bridge's h/20 grid onto the faces adds 1/16 of that, the
// single-precision FFT ~1e-6 of the peak: 3.6e-4, rounded up. Measured: 2.0e-4 (h = 0.08 m),
// 1.9e-4 (h = 0.15 m); the negative control below moves the map by 1.3e-2.
TEST(BallisticTransport, FastPathMatchesThePairwiseSumCosine) {
    const BallisticTransport t("cosine", 1);
    for (double h : {0.08, 0.15}) {
        const Compared c = fastVsPairwise(t, h);
        std::cout << "h = " << h << " m: max |fast - pairwise| / mean = " << c.maxError << "\n";
        EXPECT_LT(c.maxError, 5e-4) << "h = " << h;
        EXPECT_GT(c.mean, 0);
    }
}

TEST(BallisticTransport, FastPathMatchesThePairwiseSumCosnAndGas) {
    BallisticTransport t("cosn", 1.5);
    EXPECT_LT(fastVsPairwise(t, 0.1).maxError, 5e-4);
    // With the gas factor eta + (1 - eta) exp(-n sigma r) on both paths (0.5 Pa, 300 K).
    t.setGasAttenuation(0.5, 300, 2e-19, 0.3);
    EXPECT_LT(fastVsPairwise(t, 0.1).maxError, 5e-4);
}

// Negative control: the same comparison notices a source 2 % stronger in one corner face
// group (the tolerance is tight enough to see a real difference).
TEST(BallisticTransport, FastPathComparisonDetectsAWrongSource) {
    const BallisticTransport t("cosine", 1);
    const Frame f;
    PlaneFrame plane;
    const std::vector<Vec3> pts = substratePoints(f, &plane);
    std::vector<EmittingElement> target = planarTarget(f, 0.1);
    const std::vector<double> exact = t.flux(target, pts, std::vector<Vec3>(pts.size(), f.n), false, {0, 0, 0});
    for (std::size_t i = 0; i < target.size() / 10; ++i) target[i].rate *= 1.02;
    const std::vector<double> fast = t.fluxOnPlane(target, pts, plane);
    double mean = 0, err = 0;
    for (double x : exact) mean += x / double(exact.size());
    for (std::size_t i = 0; i < pts.size(); ++i) err = std::max(err, std::abs(fast[i] - exact[i]) / mean);
    std::cout << "2 % stronger tenth of the target: max difference / mean = " << err << "\n";
    EXPECT_GT(err, 5e-4);
}

// Serial = parallel: the processors hand the target faces over in another order; the
// single-precision FFT must give the same numbers bit for bit.
TEST(BallisticTransport, FastPathDoesNotDependOnTheElementOrder) {
    const BallisticTransport t("cosine", 1);
    const Frame f;
    PlaneFrame plane;
    const std::vector<Vec3> pts = substratePoints(f, &plane);
    std::vector<EmittingElement> target = planarTarget(f, 0.1);
    const std::vector<double> a = t.fluxOnPlane(target, pts, plane);
    std::mt19937 rng(7);
    std::shuffle(target.begin(), target.end(), rng);
    const std::vector<double> b = t.fluxOnPlane(target, pts, plane);
    // The second half of the points alone (another processor's faces): the same values.
    const std::vector<Vec3> half(pts.begin() + std::ptrdiff_t(pts.size() / 2), pts.end());
    const std::vector<double> c = t.fluxOnPlane(target, half, plane);
    for (std::size_t i = 0; i < pts.size(); ++i) ASSERT_EQ(a[i], b[i]) << i;
    for (std::size_t i = 0; i < half.size(); ++i) ASSERT_EQ(a[pts.size() / 2 + i], c[i]) << i;
}

// The BVH answers as a test of every triangle does (an independent brute-force path), on
// random segments through a cloud of random triangles.
TEST(OccluderBvh, AgreesWithTestingEveryTriangle) {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> pos(-1, 1), small(-0.1, 0.1);
    std::vector<Triangle> tris;
    for (int i = 0; i < 400; ++i) {
        const Vec3 c{pos(rng), pos(rng), pos(rng)};
        tris.push_back({add(c, {small(rng), small(rng), small(rng)}), add(c, {small(rng), small(rng), small(rng)}),
                        add(c, {small(rng), small(rng), small(rng)})});
    }
    const magtwin::foam::OccluderBvh bvh(tris);
    int hits = 0;
    for (int k = 0; k < 3000; ++k) {
        const Vec3 a{pos(rng), pos(rng), pos(rng)}, b{pos(rng), pos(rng), pos(rng)};
        bool any = false;
        for (const Triangle& t : tris) any = any || magtwin::foam::OccluderBvh({t}).blocked(a, b);
        ASSERT_EQ(bvh.blocked(a, b), any) << k;
        hits += any;
    }
    EXPECT_GT(hits, 300);  // both answers occur often
    EXPECT_LT(hits, 2700);
}

// A segment ending on an occluder's face is not blocked by it (the emitting and the
// receiving face are never their own occluders).
TEST(OccluderBvh, SegmentEndsOnTheOccluderAreFree) {
    const Triangle t{{-1, -1, 0}, {1, -1, 0}, {0, 1, 0}};
    const magtwin::foam::OccluderBvh bvh({t});
    EXPECT_FALSE(bvh.blocked({0, 0, 0}, {0, 0, 1}));
    EXPECT_FALSE(bvh.blocked({0, 0, 1}, {0, 0, 0}));
    EXPECT_TRUE(bvh.blocked({0, 0, -1}, {0, 0, 1}));
}

// A point source (one small element) over a plane, a square plate between them: behind the
// plate the flux is 0, outside its shadow the unshadowed cosine law N cos^2/(pi R^2) (the
// pairwise sum without occluders: bit for bit), the shadow edge where the ray through the
// plate's edge lands (similar triangles).
TEST(BallisticTransport, PlateCastsTheGeometricShadowOfAPointSource) {
    BallisticTransport t("cosine", 1);
    const double h = 0.1, zPlate = 0.04, half = 0.02;  // plate at height 0.04, |x|, |y| <= 0.02
    const std::vector<EmittingElement> src{{{0, 0, h}, {0, 0, -1}, 1e15}};
    std::vector<Vec3> pts;
    for (int i = 0; i <= 80; ++i) pts.push_back({-0.1 + i * 0.0025, 0.001, 0});
    const std::vector<Vec3> normals(pts.size(), {0, 0, 1});
    const std::vector<double> open = t.flux(src, pts, normals, false, {0, 0, 0});
    t.setOccluders({{{-half, -half, zPlate}, {half, -half, zPlate}, {half, half, zPlate}},
                    {{-half, -half, zPlate}, {half, half, zPlate}, {-half, half, zPlate}}});
    ASSERT_TRUE(t.shadowing());
    const std::vector<double> shadowed = t.flux(src, pts, normals, false, {0, 0, 0});
    const double edge = half * h / (h - zPlate);  // |x| of the shadow edge on the substrate
    int inShadow = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const double x = pts[i][0], r2 = x * x + pts[i][1] * pts[i][1] + h * h;
        EXPECT_NEAR(open[i], 1e15 * (h * h / r2) / (kPi * r2), 1e-12 * open[i]);  // cos^2 / (pi R^2)
        if (std::abs(x) < edge - 1e-9) {
            EXPECT_EQ(shadowed[i], 0.0) << x;
            ++inShadow;
        } else if (std::abs(x) > edge + 1e-9) {
            EXPECT_EQ(shadowed[i], open[i]) << x;
        }
    }
    EXPECT_EQ(inShadow, 2 * 13 + 1);  // |x| < 0.0333: x = 0, +-0.0025 ... +-0.0325
}

// The fast path refuses occluders (the convolution has no shadowing).
TEST(BallisticTransport, FastPathRefusesOccluders) {
    BallisticTransport t("cosine", 1);
    t.setOccluders({{{0, 0, 0.05}, {1, 0, 0.05}, {0, 1, 0.05}}});
    const Frame f;
    PlaneFrame plane;
    const std::vector<Vec3> pts = substratePoints(f, &plane);
    EXPECT_THROW(t.fluxOnPlane(planarTarget(f, 0.1), pts, plane), std::invalid_argument);
}

// An axisymmetric mesh's target: a uniform Lambertian disc (radius a, J atoms m^-2 s^-1) given
// as one 5 deg wedge of radial elements (exact arc areas), revolved round the axis (720
// copies) and summed in 3-D, against the closed form of a differential element facing a
// parallel coaxial disc at distance h and offset r (configuration factor; e.g. Howell, A
// Catalog of Radiation Heat Transfer Configuration Factors, B-13; Modest, Radiative Heat
// Transfer, App. D): Phi = J F,  F = (1/2) [1 - (h^2 + r^2 - a^2) / sqrt((h^2 + r^2 + a^2)^2 - 4 r^2 a^2)].
// Tolerance 2e-4: the midpoint rule over 1 mm radial elements, (dr/h)^2 / 24 = 1.7e-5 of the
// kernel, and the azimuthal trapezoid rule's O(copies^-2) from the emission cut at 0.5 deg.
TEST(BallisticTransport, RevolvedWedgeDiscMatchesTheDiscViewFactor) {
    const double a = 0.1, h = 0.05, J = 1e19, wedge = 5 * kPi / 180, dr = 0.001;
    const Vec3 axisPoint{0.3, -0.2, 0.1}, axis = unit({0.2, 1.0, -0.1});  // any axis: turned
    const Vec3 radial = unit(cross(axis, {1, 0, 0}));                     // the wedge's mid-plane
    std::vector<EmittingElement> wedgeElements;
    for (int i = 0; i < int(a / dr); ++i) {
        const double r = (i + 0.5) * dr;
        wedgeElements.push_back({add(axisPoint, radial, r), axis, J * wedge * r * dr});  // emits along +axis
    }
    const std::vector<EmittingElement> ring =
        magtwin::foam::revolveAboutAxis(wedgeElements, axisPoint, axis, wedge, 720);
    ASSERT_EQ(ring.size(), wedgeElements.size() * 720);
    std::vector<Vec3> pts;
    for (double r : {0.0, 0.03, 0.07, 0.1, 0.13, 0.2}) pts.push_back(add(add(axisPoint, axis, h), radial, r));
    const BallisticTransport t("cosine", 1);
    const std::vector<double> got = t.flux(ring, pts, std::vector<Vec3>(pts.size(), scale(axis, -1)), false, {0, 0, 0});
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const double r = std::abs(std::vector<double>{0.0, 0.03, 0.07, 0.1, 0.13, 0.2}[i]);
        const double F =
            0.5 * (1 - (h * h + r * r - a * a) / std::sqrt(std::pow(h * h + r * r + a * a, 2) - 4 * r * r * a * a));
        EXPECT_NEAR(got[i], J * F, 2e-4 * J * F) << "r = " << r;
    }
}
