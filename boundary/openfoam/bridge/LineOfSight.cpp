#include "boundary/openfoam/bridge/LineOfSight.hpp"

#include "solvers/deposition/EmissionAngularDistribution.hpp"
#include "solvers/deposition/EmissionSource.hpp"
#include "solvers/deposition/FastConvolutionTransport.hpp"
#include "solvers/deposition/GasAttenuationModel.hpp"
#include "solvers/deposition/LineOfSightTransport.hpp"

#include <Eigen/Geometry>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <tuple>

namespace magtwin {
namespace foam {

namespace {
Eigen::Vector3d toEigen(const Vec3& v) { return Eigen::Vector3d(v[0], v[1], v[2]); }

/// 4-point Lagrange cubic weights for nodes -1, 0, 1, 2 at fraction t in [0, 1)
/// (Abramowitz & Stegun 25.2.13; the engine's FastConvolutionTransport uses the same).
void cubicWeights(double t, double w[4]) {
    w[0] = -t * (t - 1) * (t - 2) / 6.0;
    w[1] = (t + 1) * (t - 1) * (t - 2) / 2.0;
    w[2] = -(t + 1) * t * (t - 2) / 2.0;
    w[3] = (t + 1) * t * (t - 1) / 6.0;
}

/// Transport-grid pitch per lowest source height: the engine's default (q = h/10,
/// FastTransportOptions::pitchPerHeight), the pitch of `magtwin deposit`.
constexpr double kPitchPerHeight = 0.1;

constexpr double kTwoPi = 6.28318530717958647692;
}  // namespace

std::vector<EmittingElement> revolveAboutAxis(const std::vector<EmittingElement>& wedgeElements, const Vec3& axisPoint,
                                              const Vec3& axisDirection, double wedgeAngle, int copies) {
    const Eigen::Vector3d a = toEigen(axisDirection), p0 = toEigen(axisPoint);
    if (std::abs(a.norm() - 1) > 1e-9 || !(wedgeAngle > 0 && wedgeAngle <= kTwoPi) || copies < 1)
        throw std::invalid_argument("revolveAboutAxis: need a unit axis, 0 < wedgeAngle <= 2 pi and copies >= 1");
    std::vector<EmittingElement> out;
    out.reserve(wedgeElements.size() * std::size_t(copies));
    const double share = kTwoPi / wedgeAngle / copies;
    for (int k = 0; k < copies; ++k) {
        const double phi = kTwoPi * k / copies, c = std::cos(phi), s = std::sin(phi);
        // Rodrigues: R v = v cos + (a x v) sin + a (a . v)(1 - cos)
        const auto turn = [&](const Eigen::Vector3d& v) -> Eigen::Vector3d { return v * c + a.cross(v) * s + a * a.dot(v) * (1 - c); };
        for (const EmittingElement& e : wedgeElements) {
            const Eigen::Vector3d x = p0 + turn(toEigen(e.centre) - p0), n = turn(toEigen(e.normal));
            out.push_back({{x.x(), x.y(), x.z()}, {n.x(), n.y(), n.z()}, e.rate * share});
        }
    }
    return out;
}

BallisticTransport::BallisticTransport(const std::string& distribution, double cosExponent) {
    AngularDistributionParams params;
    params.cosExponent = cosExponent;
    angular_ = makeAngularDistribution(distribution, params);
}

void BallisticTransport::setGasAttenuation(double pressurePa, double temperatureK, double sigmaEffM2,
                                           double scatteredDeposited) {
    if (!(pressurePa > 0) || !(temperatureK > 0) || !(sigmaEffM2 > 0) ||
        !(scatteredDeposited >= 0 && scatteredDeposited <= 1))
        throw std::invalid_argument("gas attenuation: need p > 0, T > 0, sigmaEff > 0 and scatteredDeposited in [0, 1]");
    gasNumberDensity_ = GasAttenuation::numberDensity(pressurePa, temperatureK);
    gasSigmaEff_ = sigmaEffM2;
    gasEta_ = scatteredDeposited;
}

std::vector<double> BallisticTransport::flux(const std::vector<EmittingElement>& emitters,
                                             const std::vector<Vec3>& points, const std::vector<Vec3>& normals,
                                             bool planar2D, const Vec3& emptyDirection) const {
    if (points.size() != normals.size()) throw std::invalid_argument("BallisticTransport: points/normals mismatch");
    if (gasNumberDensity_ > 0 && planar2D)
        throw std::invalid_argument("gas attenuation of the ballistic flux needs a 3-D mesh (the 2-D strip integral "
                                    "has no attenuated form)");
    GasAttenuation gas;
    gas.numberDensityPerM3 = gasNumberDensity_;
    gas.sigmaEffM2 = gasSigmaEff_;
    gas.scatteredDeposited = gasEta_;
    // Each element as an engine emission element of unit area emitting `rate`.
    std::vector<EmissionSource> sources{EmissionSource{"target", {}, angular_}};
    sources.front().elements.reserve(emitters.size());
    for (const EmittingElement& e : emitters)
        sources.front().elements.push_back({toEigen(e.centre), toEigen(e.normal), 1.0, e.rate});

    std::vector<double> result(points.size(), 0.0);
    if (occluders_) {
        // Per point the engine's sum over the elements it sees (same order as without
        // occluders, so an unshadowed point gets the unshadowed sum bit for bit).
        const Eigen::Vector3d t = toEigen(emptyDirection);
        std::vector<EmissionSource> visible{EmissionSource{"target", {}, angular_}};
        for (std::size_t i = 0; i < points.size(); ++i) {
            const Eigen::Vector3d p = toEigen(points[i]), n = toEigen(normals[i]);
            std::vector<EmissionElement>& seen = visible.front().elements;
            seen.clear();
            for (const EmissionElement& e : sources.front().elements) {
                Eigen::Vector3d from = e.position;
                if (planar2D) from += t * t.dot(p - from);  // P's cross-section plane
                const Eigen::Vector3d d = p - from;
                // Pairs the engine drops anyway (behind either surface) need no ray.
                if (e.normal.dot(d) <= 0 || n.dot(d) >= 0) continue;
                if (occluders_->blocked({from.x(), from.y(), from.z()}, points[i])) continue;
                seen.push_back(e);
            }
            const std::vector<Eigen::Vector3d> one{p};
            result[i] = planar2D
                ? lineOfSightFluxStrips(visible, one, n, t).front()
                : (gasNumberDensity_ > 0 ? lineOfSightFlux(visible, one, n, gas) : lineOfSightFlux(visible, one, n))
                      .front();
        }
        return result;
    }
    // The engine takes one receiver normal per call: group the points by normal (a flat
    // substrate is one group).
    std::vector<bool> done(points.size(), false);
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (done[i]) continue;
        std::vector<std::size_t> group;
        std::vector<Eigen::Vector3d> groupPoints;
        for (std::size_t j = i; j < points.size(); ++j) {
            if (done[j] || normals[j] != normals[i]) continue;
            group.push_back(j);
            groupPoints.push_back(toEigen(points[j]));
            done[j] = true;
        }
        const Eigen::Vector3d n = toEigen(normals[i]);
        const std::vector<double> f = planar2D
            ? lineOfSightFluxStrips(sources, groupPoints, n, toEigen(emptyDirection))
            : (gasNumberDensity_ > 0 ? lineOfSightFlux(sources, groupPoints, n, gas)
                                     : lineOfSightFlux(sources, groupPoints, n));
        for (std::size_t k = 0; k < group.size(); ++k) result[group[k]] = f[k];
    }
    return result;
}

void BallisticTransport::setOccluders(std::vector<Triangle> triangles) {
    occluders_ = triangles.empty() ? nullptr : std::make_shared<const OccluderBvh>(std::move(triangles));
}

std::vector<double> BallisticTransport::fluxOnPlane(const std::vector<EmittingElement>& emitters,
                                                    const std::vector<Vec3>& points, const PlaneFrame& frame,
                                                    PlaneFluxStats* stats) const {
    if (occluders_)
        throw std::invalid_argument("the fast (FFT) ballistic transport has no shadowing: use the pairwise sum "
                                    "with occluders");
    const Eigen::Vector3d o = toEigen(frame.origin), e1 = toEigen(frame.e1), e2 = toEigen(frame.e2),
                          nz = toEigen(frame.normal);
    if (std::abs(e1.norm() - 1) > 1e-9 || std::abs(e2.norm() - 1) > 1e-9 || std::abs(nz.norm() - 1) > 1e-9 ||
        std::abs(e1.dot(e2)) > 1e-9 || std::abs(e1.dot(nz)) > 1e-9 || std::abs(e2.dot(nz)) > 1e-9 ||
        !(frame.uMax >= frame.uMin) || !(frame.vMax >= frame.vMin))
        throw std::invalid_argument("fluxOnPlane: the frame needs orthonormal axes and uMin <= uMax, vMin <= vMax");
    // Elements in the patch's frame (z up from the plane, into the gas), in a canonical
    // order: the single-precision FFT sums the emission on its grid in element order, so
    // the order the processors handed the elements in must not matter (serial = parallel).
    struct Local {
        Eigen::Vector3d x, n;
        double rate;
    };
    std::vector<Local> local;
    local.reserve(emitters.size());
    double hMin = 0;
    for (const EmittingElement& e : emitters) {
        const Eigen::Vector3d d = toEigen(e.centre) - o, n = toEigen(e.normal);
        const Local l{{e1.dot(d), e2.dot(d), nz.dot(d)}, {e1.dot(n), e2.dot(n), nz.dot(n)}, e.rate};
        if (l.x.z() > 0 && e.rate != 0) hMin = hMin > 0 ? std::min(hMin, l.x.z()) : l.x.z();
        local.push_back(l);
    }
    const auto key = [](const Local& l) {
        return std::make_tuple(l.x.x(), l.x.y(), l.x.z(), l.n.x(), l.n.y(), l.n.z(), l.rate);
    };
    std::sort(local.begin(), local.end(), [&key](const Local& a, const Local& b) { return key(a) < key(b); });
    std::vector<double> result(points.size(), 0.0);
    if (!(hMin > 0)) return result;  // nothing above the plane: no element sees it

    std::vector<EmissionSource> sources{EmissionSource{"target", {}, angular_}};
    sources.front().elements.reserve(local.size());
    for (const Local& l : local) sources.front().elements.push_back({l.x, l.n, 1.0, l.rate});

    // Output grid: half the engine's transport pitch (q = h_min/20; the engine computes on
    // h_min/10 and interpolates onto it), so the cubic interpolation from it onto the faces
    // adds 1/16 of the engine's own interpolation error; one point beyond the patch on the
    // low side and two on the high side: the 4-point cubic stencil of every patch point.
    const double q = 0.5 * kPitchPerHeight * hMin;
    RegularPlaneGrid g;
    g.dx = g.dy = q;
    g.x0 = frame.uMin - q;
    g.y0 = frame.vMin - q;
    g.z = 0;
    g.nx = std::size_t(std::floor((frame.uMax - frame.uMin) / q)) + 4;
    g.ny = std::size_t(std::floor((frame.vMax - frame.vMin) / q)) + 4;
    FastTransportOptions options;
    options.pitchPerHeight = kPitchPerHeight;
    options.threads = 1;  // one thread per processor, and a sum order that never changes
    if (gasNumberDensity_ > 0) {
        options.attenuationPerM = gasNumberDensity_ * gasSigmaEff_;  // n sigma_eff (GasAttenuationModel.hpp)
        options.scatteredDeposited = gasEta_;
    }
    FastTransportStats fastStats;
    const std::vector<double> grid = fastLineOfSightFlux(sources, g, options, &fastStats);
    if (stats) *stats = {g.nx, g.ny, fastStats.classes, q};

    for (std::size_t i = 0; i < points.size(); ++i) {
        const Eigen::Vector3d d = toEigen(points[i]) - o;
        const double u = (e1.dot(d) - g.x0) / q, v = (e2.dot(d) - g.y0) / q;
        // Points on the patch lie in [1, n - 2) (kept there against round-off at the edges).
        const double uc = std::max(u, 1.0), vc = std::max(v, 1.0);
        const std::size_t iu = std::min(std::size_t(std::floor(uc)), g.nx - 3),
                          iv = std::min(std::size_t(std::floor(vc)), g.ny - 3);
        double wu[4], wv[4];
        cubicWeights(uc - double(iu), wu);
        cubicWeights(vc - double(iv), wv);
        double f = 0;
        for (int b = 0; b < 4; ++b)
            for (int a = 0; a < 4; ++a) f += wv[b] * wu[a] * grid[(iu - 1 + std::size_t(a)) + g.nx * (iv - 1 + std::size_t(b))];
        result[i] = std::max(0.0, f);
    }
    return result;
}

}  // namespace foam
}  // namespace magtwin
