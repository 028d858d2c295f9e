#include "solvers/deposition/RacetrackSources.hpp"

#include "boundary/racetrack/RacetrackFlux.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace magtwin {

namespace {

/// Footprint reach of a Gaussian track beyond its centre line, as RacetrackFlux measures
/// it (g >= 1 %), with a little room so the bounds check passes when it just fits.
double footprint(const TrackProfile& g) { return 1.001 * g.outerReach(0.01); }

/// The racetrack's cross-track profile: its own, or the Gaussian of its sigma.
std::shared_ptr<const TrackProfile> profileOf(const std::shared_ptr<const TrackProfile>& profile, double sigmaM) {
    return profile ? profile : std::make_shared<GaussianProfile>(sigmaM);
}

/// The magnet-frame racetrack of a RacetrackShape, built with the shared racetrack model
/// (boundary/racetrack/RacetrackFlux: Gaussian TrackProfile, stadium loop, smooth
/// turnaround enhancement E = 1 + (E_t - 1) sin(beta)). Only its shape matters here (the
/// sources are normalised to the discharge atom rate), so the ion rate is 1/s.
/// RacetrackFlux insists that the track footprint lies on the target (the erosion engine
/// needs that); the deposition configs allow a track whose Gaussian tail reaches past the
/// target edge, and the sources below mesh the real target only, so the tail beyond the
/// edge is cut off and the rest renormalised. So the RacetrackFlux target is the real one
/// enlarged, where needed, to hold the footprint. The target thickness is not used by
/// the flux (RacetrackFlux carries it for the erosion engine).
/// `alongM` is the target length along the loop, `acrossM` the planar width or the rotary
/// (current) outer radius.
RacetrackFlux racetrackFlux(const RacetrackShape& r, CathodeKind kind, double alongM, double acrossM) {
    auto profile = profileOf(r.profile, r.sigmaM);
    const double reach = footprint(*profile);
    TargetGeometry target;
    target.kind = kind;
    target.lengthM = std::max(alongM, r.straightLengthM + r.separationM + 2 * reach);
    target.widthM = kind == CathodeKind::PlanarRect ? std::max(acrossM, r.separationM + 2 * reach) : 0.0;
    target.radiusM = kind == CathodeKind::Rotary ? acrossM : 0.0;
    target.thicknessM = acrossM;
    RacetrackSpec spec;
    spec.straightLengthM = r.straightLengthM;
    spec.trackSeparationM = r.separationM;
    spec.turnaroundEnhancement = r.turnaroundEnhancement;
    spec.alongTrack = r.alongTrack;
    return RacetrackFlux(target, spec, std::move(profile), 1.0);
}

/// Largest flux on a straight track's centre line: at its middle when the along-track
/// profile is uniform (every point of the straight has the same value), else the largest
/// of 257 points along it.
double straightPeak(const RacetrackFlux::AtScale& at, const RacetrackFlux& flux) {
    const double R = 0.5 * flux.track().trackSeparationM, L = flux.track().straightLengthM;
    double peak = at.labFluxDensity({0.0, R});
    if (flux.track().alongTrack.isUniform()) return peak;
    for (int i = 0; i <= 256; ++i) peak = std::max(peak, at.labFluxDensity({L * (i / 256.0 - 0.5), R}));
    return peak;
}

/// Racetrack flux relative to its largest value on a straight track's centre line, at magnet-frame
/// coordinates (along the loop, across it), averaged over a wobble that shifts the across
/// coordinate by A s (motion/SwingAverage nodes, see the header).
class RelativeTrackFlux {
public:
    RelativeTrackFlux(const RacetrackFlux& flux, double amplitude, const SwingQuadrature& swing)
        : at_(flux.atScale(1.0)), peak_(straightPeak(at_, flux)), amplitude_(amplitude), swing_(swing) {}
    double operator()(double along, double across) const {
        if (amplitude_ <= 0) return at_.labFluxDensity({along, across}) / peak_;
        return swing_.average(amplitude_, [&](double a) { return at_.labFluxDensity({along, across - a}); }) / peak_;
    }

private:
    RacetrackFlux::AtScale at_;
    double peak_;
    double amplitude_;
    SwingQuadrature swing_;
};

void checkShape(const RacetrackShape& r, const char* who) {
    if (!(r.separationM > 0 && (r.profile || r.sigmaM > 0) && r.straightLengthM >= 0 && r.turnaroundEnhancement > 0))
        throw std::invalid_argument(
            std::string(who) + ": racetrack needs separation > 0, sigma > 0, straight length >= 0, enhancement > 0");
}

void normalise(EmissionSource& s, double atomsPerSecond) {
    const double total = s.totalAtomsPerSecond();
    if (!(total > 0.0)) throw std::invalid_argument(s.label + ": racetrack emits nothing on the target");
    s.scaleFlux(atomsPerSecond / total);
}

}  // namespace

EmissionSource planarRectSource(const PlanarRectTarget& t, double atomsPerSecond,
                                std::shared_ptr<const EmissionAngularDistribution> angular) {
    checkShape(t.track, "planar-rect target");
    if (!(t.lengthM > 0 && t.widthM > 0 && t.pitchM > 0))
        throw std::invalid_argument("planar-rect target: sizes must be > 0");
    if (t.track.straightLengthM + t.track.separationM > t.lengthM ||
        t.track.separationM + 2 * t.wobbleAmplitudeM > t.widthM)
        throw std::invalid_argument("planar-rect target: racetrack (with its wobble) does not fit on the target");
    if (t.wobbleAmplitudeM < 0 || t.wobbleSamples < 1) throw std::invalid_argument("planar-rect target: bad wobble");
    const RacetrackFlux flux = racetrackFlux(t.track, CathodeKind::PlanarRect, t.lengthM, t.widthM);
    const RelativeTrackFlux relative(flux, t.wobbleAmplitudeM,
                                     swingQuadrature(t.wobbleWaveform, t.wobbleDwellFraction, t.wobbleSamples));
    EmissionSource s{"planar-rect", {}, std::move(angular)};
    const Eigen::Vector3d normal = turnWithCathode(t.orientation, Eigen::Vector3d(0, 0, -1));
    const int nx = std::max(1, int(std::round(t.widthM / t.pitchM)));
    const int ny = std::max(1, int(std::round(t.lengthM / t.pitchM)));
    const double dx = t.widthM / nx, dy = t.lengthM / ny;
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            const double a = -0.5 * t.widthM + (i + 0.5) * dx, b = -0.5 * t.lengthM + (j + 0.5) * dy;
            const double f = relative(b, a);  // RacetrackFlux: x along the loop (our y), y across
            if (f < 1e-7) continue;
            s.elements.push_back(
                {placeOnCathode(t.orientation, t.centre, Eigen::Vector3d(a, b, 0.0)), normal, dx * dy, f});
        }
    normalise(s, atomsPerSecond);
    return s;
}

EmissionSource planarCircularSource(const PlanarCircularTarget& t, double atomsPerSecond,
                                    std::shared_ptr<const EmissionAngularDistribution> angular) {
    if (!(t.radiusM > 0 && (t.profile || t.sigmaM > 0) && t.pitchM > 0 && t.trackRadiusM >= 0 &&
          t.trackRadiusM + t.magnetOffsetM < t.radiusM && t.magnetOffsetM >= 0))
        throw std::invalid_argument(
            "planar-circular target: need 0 <= track radius + magnet offset < radius, sigma > 0, "
            "pitch > 0");
    if (t.trackRadiusM == 0 && (t.profile || t.magnetOffsetM > 0))
        throw std::invalid_argument("planar-circular target: a centred spot (track radius 0) is Gaussian and fixed");
    // A ring racetrack (RacetrackFlux planar-circular, magnet offset 0); a centred spot
    // (ring radius 0) is outside the loop model and keeps its Gaussian.
    std::unique_ptr<RacetrackFlux> flux;
    if (t.trackRadiusM > 0) {
        auto profile = profileOf(t.profile, t.sigmaM);
        TargetGeometry disc;  // enlarged to hold the footprint, see racetrackFlux above
        disc.kind = CathodeKind::PlanarCircular;
        disc.radiusM = std::max(t.radiusM, t.trackRadiusM + t.magnetOffsetM + footprint(*profile));
        disc.thicknessM = t.radiusM;
        RacetrackSpec ring;
        ring.ringRadiusM = t.trackRadiusM;
        ring.magnetOffsetM = t.magnetOffsetM;
        ring.magnetAngleSamples = t.magnetAngleSamples;
        flux = std::make_unique<RacetrackFlux>(disc, ring, std::move(profile), 1.0);
    }
    const std::optional<RacetrackFlux::AtScale> ringFlux =
        flux ? std::optional<RacetrackFlux::AtScale>(flux->atScale(1.0)) : std::nullopt;
    const double peak = ringFlux ? ringFlux->averagedFlux1D(t.trackRadiusM) : 1.0;
    EmissionSource s{"planar-circular", {}, std::move(angular)};
    const Eigen::Vector3d normal = turnWithCathode(t.orientation, Eigen::Vector3d(0, 0, -1));
    const int nr = std::max(1, int(std::round(t.radiusM / t.pitchM)));
    const double dr = t.radiusM / nr;
    for (int i = 0; i < nr; ++i) {
        const double r = (i + 0.5) * dr;
        const double d = r - t.trackRadiusM;
        const double f = ringFlux ? ringFlux->averagedFlux1D(r) / peak : std::exp(-0.5 * d * d / (t.sigmaM * t.sigmaM));
        if (f < 1e-7) continue;
        const int nphi = std::max(8, int(std::round(2 * M_PI * r / t.pitchM)));
        const double dphi = 2 * M_PI / nphi;
        for (int k = 0; k < nphi; ++k) {
            const double phi = (k + 0.5) * dphi;
            s.elements.push_back(
                {placeOnCathode(t.orientation, t.centre, Eigen::Vector3d(r * std::cos(phi), r * std::sin(phi), 0.0)),
                 normal, r * dr * dphi, f});
        }
    }
    normalise(s, atomsPerSecond);
    return s;
}

EmissionSource rotaryTubeSource(const RotaryTube& t, double atomsPerSecond,
                                std::shared_ptr<const EmissionAngularDistribution> angular) {
    checkShape(t.track, "rotary tube");
    const double R = t.outerRadiusM - t.erodedDepthM;
    if (!(R > 0 && t.lengthM > 0 && t.axialPitchM > 0 && t.angularPitchRad > 0 && t.erodedDepthM >= 0))
        throw std::invalid_argument("rotary tube: need radius > eroded depth >= 0, length > 0, pitches > 0");
    if (t.axisZ - R <= 0) throw std::invalid_argument("rotary tube: the tube intersects the substrate plane");
    // The band of +-5 sigma round both tracks (a profile: where it falls to a Gaussian's
    // 5-sigma level, exp(-12.5)) must fit round the tube.
    const double band = t.track.profile ? 2 * t.track.profile->outerReach(std::exp(-12.5)) : 10 * t.track.sigmaM;
    if (t.track.straightLengthM + t.track.separationM > t.lengthM ||
        t.track.separationM + band + 2 * R * t.wobbleAmplitudeRad > 2 * M_PI * R)
        throw std::invalid_argument("rotary tube: racetrack (with its wobble) does not fit on the tube");
    if (t.wobbleAmplitudeRad < 0 || t.wobbleSamples < 1) throw std::invalid_argument("rotary tube: bad wobble");
    const RacetrackFlux flux = racetrackFlux(t.track, CathodeKind::Rotary, t.lengthM, R);
    const RelativeTrackFlux relative(flux, R * t.wobbleAmplitudeRad,
                                     swingQuadrature(t.wobbleWaveform, t.wobbleDwellFraction, t.wobbleSamples));
    EmissionSource s{"rotary", {}, std::move(angular)};
    const int ny = std::max(1, int(std::round(t.lengthM / t.axialPitchM)));
    const double dy = t.lengthM / ny;
    const int nphi = std::max(8, int(std::round(2 * M_PI / t.angularPitchRad)));
    const double dphi = 2 * M_PI / nphi;
    for (int k = 0; k < nphi; ++k) {
        double phi = (k + 0.5) * dphi;  // from the bottom line, toward +x
        if (phi > M_PI) phi -= 2 * M_PI;
        const Eigen::Vector3d normal(std::sin(phi), 0.0, -std::cos(phi));
        for (int j = 0; j < ny; ++j) {
            const double y = -0.5 * t.lengthM + (j + 0.5) * dy;
            const double f = relative(y, R * phi);  // magnet frame: axial x, arc length t = R phi
            if (f < 1e-7) continue;
            s.elements.push_back(
                {Eigen::Vector3d(t.axisX, t.centreY + y, t.axisZ) + R * normal, normal, R * dphi * dy, f});
        }
    }
    normalise(s, atomsPerSecond);
    return s;
}

std::vector<EmissionSource> rotaryArraySources(const RotaryTube& prototype, int count, double pitchM,
                                               const std::vector<double>& atomsPerSecond,
                                               std::shared_ptr<const EmissionAngularDistribution> angular) {
    if (count < 1 || int(atomsPerSecond.size()) != count)
        throw std::invalid_argument("rotary array: need count >= 1 and one atom rate per tube");
    std::vector<EmissionSource> out;
    for (int i = 0; i < count; ++i) {
        RotaryTube t = prototype;
        t.axisX = prototype.axisX + (i - 0.5 * (count - 1)) * pitchM;
        out.push_back(rotaryTubeSource(t, atomsPerSecond[i], angular));
        out.back().label = "tube " + std::to_string(i + 1);
    }
    return out;
}

}  // namespace magtwin
