#include "deposition/RacetrackSources.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace magtwin {

namespace {

constexpr double kElementaryCharge = 1.602176634e-19;  // C (SI 2019 exact)

/// Gaussian flux of a stadium racetrack at in-plane coordinates (a across, b along).
double stadiumFlux(const RacetrackShape& r, double a, double b) {
    const double half = 0.5 * r.separationM;
    const double straightHalf = 0.5 * r.loopLengthM - half;
    double s;
    double enhancement = 1.0;
    if (std::abs(b) <= straightHalf) {
        s = std::abs(std::abs(a) - half);
    } else {
        const double db = std::abs(b) - straightHalf;
        s = std::abs(std::hypot(a, db) - half);
        enhancement = r.turnaroundEnhancement;
    }
    return enhancement * std::exp(-0.5 * s * s / (r.sigmaM * r.sigmaM));
}

/// Sinusoidal-wobble average of the racetrack flux, shifting the across-track coordinate a.
double wobbledFlux(const RacetrackShape& r, double a, double b, double amplitude, int samples) {
    if (amplitude <= 0) return stadiumFlux(r, a, b);
    double sum = 0;
    for (int k = 1; k <= samples; ++k) sum += stadiumFlux(r, a - amplitude * std::cos((2 * k - 1) * M_PI / (2 * samples)), b);
    return sum / samples;
}

void checkShape(const RacetrackShape& r, const char* who) {
    if (!(r.separationM > 0 && r.sigmaM > 0 && r.loopLengthM >= r.separationM && r.turnaroundEnhancement > 0))
        throw std::invalid_argument(std::string(who) +
                                    ": racetrack needs separation > 0, sigma > 0, loop length >= separation, enhancement > 0");
}

void normalise(EmissionSource& s, double atomsPerSecond) {
    const double total = s.totalAtomsPerSecond();
    if (!(total > 0.0)) throw std::invalid_argument(s.label + ": racetrack emits nothing on the target");
    s.scaleFlux(atomsPerSecond / total);
}

}  // namespace

double sputteredAtomsPerSecond(double powerW, double voltageV, double gammaSE, double yield) {
    if (!(powerW >= 0 && voltageV > 0 && gammaSE >= 0 && yield >= 0))
        throw std::invalid_argument("discharge: need power >= 0, voltage > 0, gamma_SE >= 0, yield >= 0");
    return powerW / voltageV / (1.0 + gammaSE) * yield / kElementaryCharge;
}

EmissionSource planarRectSource(const PlanarRectTarget& t, double atomsPerSecond,
                                std::shared_ptr<const EmissionAngularDistribution> angular) {
    checkShape(t.track, "planar-rect target");
    if (!(t.lengthM > 0 && t.widthM > 0 && t.pitchM > 0)) throw std::invalid_argument("planar-rect target: sizes must be > 0");
    if (t.track.loopLengthM > t.lengthM || t.track.separationM + 2 * t.wobbleAmplitudeM > t.widthM)
        throw std::invalid_argument("planar-rect target: racetrack (with its wobble) does not fit on the target");
    if (t.wobbleAmplitudeM < 0 || t.wobbleSamples < 1) throw std::invalid_argument("planar-rect target: bad wobble");
    EmissionSource s{"planar-rect", {}, std::move(angular)};
    const int nx = std::max(1, int(std::round(t.widthM / t.pitchM)));
    const int ny = std::max(1, int(std::round(t.lengthM / t.pitchM)));
    const double dx = t.widthM / nx, dy = t.lengthM / ny;
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            const double a = -0.5 * t.widthM + (i + 0.5) * dx, b = -0.5 * t.lengthM + (j + 0.5) * dy;
            const double f = wobbledFlux(t.track, a, b, t.wobbleAmplitudeM, t.wobbleSamples);
            if (f < 1e-7) continue;
            s.elements.push_back({t.centre + Eigen::Vector3d(a, b, 0.0), Eigen::Vector3d(0, 0, -1), dx * dy, f});
        }
    normalise(s, atomsPerSecond);
    return s;
}

EmissionSource planarCircularSource(const PlanarCircularTarget& t, double atomsPerSecond,
                                    std::shared_ptr<const EmissionAngularDistribution> angular) {
    if (!(t.radiusM > 0 && t.sigmaM > 0 && t.pitchM > 0 && t.trackRadiusM >= 0 && t.trackRadiusM < t.radiusM))
        throw std::invalid_argument("planar-circular target: need 0 <= track radius < radius, sigma > 0, pitch > 0");
    EmissionSource s{"planar-circular", {}, std::move(angular)};
    const int nr = std::max(1, int(std::round(t.radiusM / t.pitchM)));
    const double dr = t.radiusM / nr;
    for (int i = 0; i < nr; ++i) {
        const double r = (i + 0.5) * dr;
        const double d = r - t.trackRadiusM;
        const double f = std::exp(-0.5 * d * d / (t.sigmaM * t.sigmaM));
        if (f < 1e-7) continue;
        const int nphi = std::max(8, int(std::round(2 * M_PI * r / t.pitchM)));
        const double dphi = 2 * M_PI / nphi;
        for (int k = 0; k < nphi; ++k) {
            const double phi = (k + 0.5) * dphi;
            s.elements.push_back({t.centre + Eigen::Vector3d(r * std::cos(phi), r * std::sin(phi), 0.0),
                                  Eigen::Vector3d(0, 0, -1), r * dr * dphi, f});
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
    if (t.track.loopLengthM > t.lengthM ||
        t.track.separationM + 10 * t.track.sigmaM + 2 * R * t.wobbleAmplitudeRad > 2 * M_PI * R)
        throw std::invalid_argument("rotary tube: racetrack (with its wobble) does not fit on the tube");
    if (t.wobbleAmplitudeRad < 0 || t.wobbleSamples < 1) throw std::invalid_argument("rotary tube: bad wobble");
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
            const double f = wobbledFlux(t.track, R * phi, y, R * t.wobbleAmplitudeRad, t.wobbleSamples);
            if (f < 1e-7) continue;
            s.elements.push_back({Eigen::Vector3d(t.axisX, t.centreY + y, t.axisZ) + R * normal, normal, R * dphi * dy, f});
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
