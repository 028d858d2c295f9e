#include "boundary/racetrack/RacetrackFlux.hpp"
#include "boundary/util/PhysicalConstants.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace magtwin {

namespace {

/// The footprint of a track used for "inside the target" checks: where g >= 1 %.
constexpr double kFootprintLevel = 0.01;

std::string mm(double m) {
    std::ostringstream o;
    o << m * 1e3 << " mm";
    return o.str();
}

void requirePositive(double v, const std::string& what) {
    if (!(v > 0.0) || !std::isfinite(v)) throw std::invalid_argument(what + " must be positive (got " + mm(v) + ")");
}

}  // namespace

CathodeKind cathodeKindFromName(const std::string& name) {
    if (name == "planar-rect") return CathodeKind::PlanarRect;
    if (name == "planar-circular") return CathodeKind::PlanarCircular;
    if (name == "rotary") return CathodeKind::Rotary;
    throw std::invalid_argument("unknown cathode type '" + name + "'; valid: planar-rect, planar-circular, rotary");
}

std::string cathodeKindName(CathodeKind kind) {
    switch (kind) {
        case CathodeKind::PlanarRect:
            return "planar-rect";
        case CathodeKind::PlanarCircular:
            return "planar-circular";
        case CathodeKind::Rotary:
            return "rotary";
    }
    return "?";
}

RacetrackFlux::RacetrackFlux(const TargetGeometry& target, const RacetrackSpec& track,
                             std::shared_ptr<const TrackProfile> profile, double ionsPerSecond)
    : target_(target), track_(track), profile_(std::move(profile)), ionsPerSecond_(ionsPerSecond) {
    if (!profile_) throw std::invalid_argument("racetrack: no track profile");
    profileFwhm_ = profile_->fwhm();
    if (!(ionsPerSecond_ > 0.0)) throw std::invalid_argument("racetrack: ion rate must be positive");
    requirePositive(target_.thicknessM, "target thickness");
    if (!(track_.turnaroundEnhancement > 0.0))
        throw std::invalid_argument("racetrack turnaround enhancement must be positive");
    checkInsideTarget();
    if (target_.kind == CathodeKind::PlanarCircular && track_.alongTrack.shape != AlongTrackProfile::Shape::Uniform)
        throw std::invalid_argument("racetrack: an along-track profile needs straight tracks (planar-rect or rotary)");
    if (target_.kind != CathodeKind::PlanarCircular) track_.alongTrack.check(track_.straightLengthM);
}

double RacetrackFlux::alongFactor(double x) const { return track_.alongTrack.factor(x, track_.straightLengthM); }

double RacetrackFlux::loopRadius() const {
    return target_.kind == CathodeKind::PlanarCircular ? track_.ringRadiusM : 0.5 * track_.trackSeparationM;
}

void RacetrackFlux::checkInsideTarget() const {
    const double outer = profile_->outerReach(kFootprintLevel);
    const double R = loopRadius();
    switch (target_.kind) {
        case CathodeKind::PlanarRect:
        case CathodeKind::Rotary: {
            requirePositive(target_.lengthM, "target length");
            if (target_.kind == CathodeKind::PlanarRect)
                requirePositive(target_.widthM, "target width");
            else
                requirePositive(target_.radiusM, "target outer radius");
            requirePositive(track_.trackSeparationM, "racetrack track separation");
            if (!(track_.straightLengthM >= 0.0))
                throw std::invalid_argument("racetrack straight length must be >= 0 (got " +
                                            mm(track_.straightLengthM) + ")");
            const double halfLoopLength = 0.5 * track_.straightLengthM + R + outer;
            if (halfLoopLength > 0.5 * target_.lengthM)
                throw std::invalid_argument("racetrack outside the target: the loop with its track footprint spans " +
                                            mm(2 * halfLoopLength) + " along the length, the target is " +
                                            mm(target_.lengthM));
            if (target_.kind == CathodeKind::PlanarRect && R + outer > 0.5 * target_.widthM)
                throw std::invalid_argument("racetrack outside the target: the loop with its track footprint spans " +
                                            mm(2 * (R + outer)) + " across, the target width is " + mm(target_.widthM));
            if (target_.kind == CathodeKind::Rotary && R + outer >= kPi * target_.radiusM)
                throw std::invalid_argument("racetrack outside the target: the two tracks with their footprint span " +
                                            mm(2 * (R + outer)) + " of arc, more than the tube circumference " +
                                            mm(2 * kPi * target_.radiusM));
            break;
        }
        case CathodeKind::PlanarCircular: {
            requirePositive(target_.radiusM, "target radius");
            requirePositive(track_.ringRadiusM, "racetrack ring radius");
            if (!(track_.magnetOffsetM >= 0.0)) throw std::invalid_argument("racetrack magnet offset must be >= 0");
            if (track_.magnetAngleSamples < 8)
                throw std::invalid_argument("racetrack magnet angle samples must be >= 8");
            if (track_.magnetOffsetM + R + outer > target_.radiusM)
                throw std::invalid_argument(
                    "racetrack outside the target: ring radius + magnet offset + track footprint = " +
                    mm(track_.magnetOffsetM + R + outer) + " > target radius " + mm(target_.radiusM));
            break;
        }
    }
}

double RacetrackFlux::loopIntegral(double k) const {
    if (!(k > 0.0 && k <= 1.0)) throw std::invalid_argument("racetrack width scale must be in (0, 1]");
    const double R = loopRadius();
    double m0 = 0.0, m1 = 0.0;
    profile_->partialMoments(-R / k, m0, m1);       // moments of g(u) over u >= -R/k
    const double radial = R * k * m0 + k * k * m1;  // integral of g(s/k) (R + s) ds
    if (target_.kind == CathodeKind::PlanarCircular) return 2.0 * kPi * radial;
    // Two semicircles with E(beta) = 1 + (E_t - 1) sin(beta): integral of E dbeta = 2 pi + 4 (E_t - 1),
    // each scaled by the along-track factor of its end (1.0 when uniform: exact).
    const double L = track_.straightLengthM;
    const double ends = 0.5 * (alongFactor(-0.5 * L) + alongFactor(0.5 * L));
    const double turnarounds = ends * (2.0 * kPi + 4.0 * (track_.turnaroundEnhancement - 1.0)) * radial;
    return 2.0 * track_.alongTrack.integral(L) * k * m0 + turnarounds;
}

double RacetrackFlux::shapeLab(const Eigen::Vector2d& p, double k) const {
    const TrackProfile& g = *profile_;
    if (target_.kind == CathodeKind::PlanarCircular) {
        const double rho = std::hypot(p.x() - track_.magnetOffsetM, p.y());
        return g.value((rho - track_.ringRadiusM) / k);
    }
    const double xi = std::abs(p.x()) - 0.5 * track_.straightLengthM;
    const double R = 0.5 * track_.trackSeparationM;
    const double along = alongFactor(p.x());
    if (xi <= 0.0) return along * g.value((std::abs(p.y()) - R) / k);
    const double rho = std::sqrt(xi * xi + p.y() * p.y());
    return along * turnaroundFactor(xi, rho) * g.value((rho - R) / k);
}

double RacetrackFlux::turnaroundFactor(double xi, double rho) const {
    // E(beta) = 1 + (E_t - 1) sin(beta), sin(beta) = xi / rho: 1 where the turnaround meets
    // the straights, E_t at the apex, so the flux has no step along the loop.
    return rho > 0.0 ? 1.0 + (track_.turnaroundEnhancement - 1.0) * (xi / rho) : track_.turnaroundEnhancement;
}

RacetrackFlux::AtScale::AtScale(const RacetrackFlux* owner, double k)
    : owner_(owner), k_(k), ratePerLoopArea_(owner->ionsPerSecond_ / owner->loopIntegral(k)), m0Partial_(0.0) {
    double m1 = 0.0;
    owner->profile_->partialMoments(-owner->loopRadius() / k, m0Partial_, m1);
}

double RacetrackFlux::AtScale::labFluxDensity(const Eigen::Vector2d& labPoint) const {
    return ratePerLoopArea_ * owner_->shapeLab(labPoint, k_);
}

double RacetrackFlux::AtScale::fluxDensity(const Eigen::Vector2d& p) const {
    switch (owner_->target_.kind) {
        case CathodeKind::PlanarRect:
            return labFluxDensity(p);
        case CathodeKind::PlanarCircular:
            return averagedFlux1D(p.norm());
        case CathodeKind::Rotary:
            return averagedFlux1D(p.x());
    }
    return 0.0;
}

double RacetrackFlux::AtScale::averagedFlux1D(double c) const {
    const RacetrackFlux& o = *owner_;
    const TrackProfile& g = *o.profile_;
    if (o.target_.kind == CathodeKind::PlanarRect)
        throw std::logic_error("averagedFlux1D: a planar-rect racetrack has no 1-D average");
    if (o.target_.kind == CathodeKind::PlanarCircular) {
        const double a = o.track_.ringRadiusM;
        const double e = o.track_.magnetOffsetM;
        if (e == 0.0) return ratePerLoopArea_ * g.value((std::abs(c) - a) / k_);
        // Trapezoid rule over the magnet angle psi (periodic: spectrally accurate).
        const int n = o.track_.magnetAngleSamples;
        double sum = 0.0;
        for (int j = 0; j < n; ++j) {
            const double psi = 2.0 * kPi * j / n;
            const double rho = std::sqrt(std::max(0.0, c * c + e * e - 2.0 * c * e * std::cos(psi)));
            sum += g.value((rho - a) / k_);
        }
        return ratePerLoopArea_ * sum / n;
    }
    // Rotary: (1/(2 pi R_tube)) integral over the arc length t of the lab-frame flux at x = c.
    const double R = 0.5 * o.track_.trackSeparationM;
    const double circumference = 2.0 * kPi * o.target_.radiusM;
    const double xi = std::abs(c) - 0.5 * o.track_.straightLengthM;
    const double along = o.alongFactor(c);
    if (xi <= 0.0) return along * ratePerLoopArea_ * 2.0 * k_ * m0Partial_ / circumference;
    const double reach = R + k_ * g.outerExtent();
    if (xi >= reach) return 0.0;
    // Simpson in t over [-T, T] where the ring part of the turnaround can be non-zero, with
    // 64 nodes per track FWHM (error ~ (h/sigma)^4 < 1e-7 of the turnaround flux) and, near
    // the straights (small xi), 8 nodes per xi to resolve E = 1 + (E_t - 1) xi / rho.
    const double T = std::sqrt(reach * reach - xi * xi);
    const double h0 = std::min(k_ * o.profileFwhm_ / 64.0, xi / 8.0);
    const int n = 2 * std::clamp(static_cast<int>(std::ceil(T / h0)), 50, 20000);
    const double h = 2.0 * T / n;
    double sum = 0.0;
    for (int i = 0; i <= n; ++i) {
        const double t = -T + i * h;
        const double w = (i == 0 || i == n) ? 1.0 : (i % 2 ? 4.0 : 2.0);
        const double rho = std::sqrt(xi * xi + t * t);
        sum += w * o.turnaroundFactor(xi, rho) * g.value((rho - R) / k_);
    }
    return along * ratePerLoopArea_ * sum * h / 3.0 / circumference;
}

}  // namespace magtwin
