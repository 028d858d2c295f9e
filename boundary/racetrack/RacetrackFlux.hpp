// RacetrackFlux: ion flux density (ions m^-2 s^-1) onto a magnetron target, in the
// cathode frame, from the racetrack geometry, the cross-track profile g (TrackProfile)
// and the ion rate of the discharge (IonSupply).
//
//   Gamma(p) = (I_ion / e) * E(p) g(s(p) / k) / A_loop(k),   A_loop(k) = integral E g(s/k) dA
//
// s(p) is the signed distance of p from the racetrack centre line (outward positive),
// E(p) the turnaround enhancement (1 on the straights; in a turnaround
// E = 1 + (E_t - 1) sin(beta), beta the angle round the semicircle from the straight, so
// E = E_t at the apex and the flux is continuous along the loop) and k the
// track width scale (1 for a new target; < 1 as the groove sinks, see TrackNarrowing).
// The normalisation makes the integral of Gamma over the target equal the ion rate
// I_ion/e exactly, whatever k, E_t and the profile.
//
// Geometry (all centred on the target centre, metres):
//  - planar-rect: the loop is a stadium, the set of points at distance R_t = separation/2
//    from the segment |x| <= L_s/2, y = 0 (two straights of length L_s joined by two
//    semicircular turnarounds). s = dist(p, segment) - R_t. Turnaround: |x| > L_s/2.
//        A_loop = 2 L_s k m0(k) + (2 pi + 4 (E_t - 1)) (R_t k m0(k) + k^2 m1(k)),
//    m0, m1 the moments of g over offsets > -R_t/k (exact; no small-width approximation).
//  - planar-circular: a ring of centre-line radius a whose centre sits at distance e from
//    the target axis; s = |p - c| - a. With e > 0 the magnet pack rotates about the target
//    axis and the target sees the time average over one turn (magnet angle psi):
//        Gamma(r) = (1/2pi) integral_0^2pi Gamma_inst(p; psi) dpsi,
//    evaluated by the trapezoid rule in psi (spectrally accurate for a periodic integrand).
//    A rotation does not change the area integral, so A_loop is the static ring's.
//  - rotary: the racetrack is a stadium fixed in the lab frame on the unrolled outer tube
//    surface (x axial, t = R phi arc length from the line facing the substrate), tracks
//    at t = +-R_t. The tube turns under it, so a point of the tube sees the rotation
//    average  Gamma(x) = (1/(2 pi R)) integral Gamma_lab(x, t) dt  (a function of x only).
//    On the straights this is 2 k m0 rate/(2 pi R A_loop); in the turnarounds the track
//    runs round the tube, so the ends get more ions: the classic rotary end erosion.
//
// Along-track profile (AlongTrackProfile, uniform by default): the straights' flux is
// multiplied by A(x), each turnaround by the factor A_j of the end it joins, so
//        A_loop = 2 k m0(k) integral A dx + (A_- + A_+)/2 (2 pi + 4 (E_t - 1)) (R_t k m0(k) + k^2 m1(k)),
// with the exact integral of A (AlongTrackProfile::integral); A = 1 gives the formula above
// to the last bit (every factor 1.0 multiplies exactly). The rotary average on the
// straights becomes A(x) 2 k m0 rate/(2 pi R A_loop).
//
// Validity: the profile is fixed in shape along the loop (measured racetracks show the
// turnarounds also broaden; E_t lumps that into one number). Sources for the loop
// geometry: standard magnetron layouts, e.g. R. De Gryse et al., Thin Solid Films 520
// (2012) 5833 (rotary magnetrons); S. Swann, Phys. Technol. 19 (1988) 67.
#pragma once

#include "boundary/racetrack/AlongTrackProfile.hpp"
#include "boundary/racetrack/TrackProfile.hpp"

#include <Eigen/Core>

#include <memory>
#include <string>
#include <vector>

namespace magtwin {

enum class CathodeKind { PlanarRect, PlanarCircular, Rotary };

/// "planar-rect" | "planar-circular" | "rotary"; throws listing the valid names.
CathodeKind cathodeKindFromName(const std::string& name);
std::string cathodeKindName(CathodeKind kind);

/// Target body (SI). Planar-rect uses length (x) x width (y); planar-circular radius;
/// rotary length (axial) and radius (outer radius of the target material).
struct TargetGeometry {
    CathodeKind kind = CathodeKind::PlanarRect;
    double lengthM = 0.0;
    double widthM = 0.0;
    double radiusM = 0.0;
    double thicknessM = 0.0;
};

struct RacetrackSpec {
    double straightLengthM = 0.0;        ///< planar-rect, rotary: length L_s of each straight
    double trackSeparationM = 0.0;       ///< planar-rect, rotary: centre-to-centre of the straights (= 2 R_t)
    double turnaroundEnhancement = 1.0;  ///< E_t > 0, at the turnaround apex
    double ringRadiusM = 0.0;            ///< planar-circular: a
    double magnetOffsetM = 0.0;          ///< planar-circular: e (> 0: rotating magnet, time averaged)
    int magnetAngleSamples = 256;        ///< planar-circular rotating magnet: trapezoid nodes in psi
    AlongTrackProfile alongTrack;        ///< planar-rect, rotary: flux factor along the straights
};

class RacetrackFlux {
public:
    /// Throws std::invalid_argument naming the offending parameter when the geometry is
    /// inconsistent (negative sizes, a racetrack reaching outside the target, ...).
    RacetrackFlux(const TargetGeometry& target, const RacetrackSpec& track, std::shared_ptr<const TrackProfile> profile,
                  double ionsPerSecond);

    CathodeKind kind() const { return target_.kind; }
    const TargetGeometry& target() const { return target_; }
    const RacetrackSpec& track() const { return track_; }
    const TrackProfile& profile() const { return *profile_; }
    double ionsPerSecond() const { return ionsPerSecond_; }

    /// The flux at one width scale k, with its normalisation computed once (cheap to copy;
    /// evaluate many points with it). It refers to its RacetrackFlux, which must outlive it.
    class AtScale {
    public:
        double widthScale() const { return k_; }
        /// Time-averaged ion flux (ions m^-2 s^-1) at a point of the target in the cathode
        /// frame (planar: (x, y) on the face; rotary: (x, phi) with phi the tube angle, unused
        /// since the rotation average depends on x only). For rotary it is per m^2 of the
        /// original (uneroded) outer surface.
        double fluxDensity(const Eigen::Vector2d& cathodePoint) const;
        /// Instantaneous flux in the magnet (lab) frame: planar-rect as fluxDensity;
        /// planar-circular at magnet angle 0; rotary at (x, t), t the arc length from the
        /// substrate-facing line. The emission map of a rotary tube uses it.
        double labFluxDensity(const Eigen::Vector2d& labPoint) const;
        /// Rotary: rotation average at axial x; planar-circular: time average at radius r.
        double averagedFlux1D(double coordinateM) const;

    private:
        friend class RacetrackFlux;
        AtScale(const RacetrackFlux* owner, double k);
        const RacetrackFlux* owner_;
        double k_;
        double ratePerLoopArea_;  ///< (I_ion/e) / A_loop(k)
        double m0Partial_;        ///< integral of g(u) over u >= -R_t/k
    };

    /// Throws std::invalid_argument unless 0 < k <= 1.
    AtScale atScale(double k) const { return AtScale(this, k); }
    /// Convenience for single points (recomputes A_loop: use atScale for many points).
    double fluxDensity(const Eigen::Vector2d& cathodePoint, double k = 1.0) const {
        return atScale(k).fluxDensity(cathodePoint);
    }

    /// A_loop(k) (m^2), see the header comment.
    double loopIntegral(double k) const;
    /// Turnaround radius R_t = separation / 2 (planar-rect, rotary) or ring radius a.
    double loopRadius() const;

private:
    double shapeLab(const Eigen::Vector2d& p, double k) const;  ///< E g(s/k)
    double turnaroundFactor(double xi, double rho) const;       ///< E in a turnaround
    double alongFactor(double x) const;                         ///< A(x) on the straights, A_j beyond their ends
    void checkInsideTarget() const;

    TargetGeometry target_;
    RacetrackSpec track_;
    std::shared_ptr<const TrackProfile> profile_;
    double ionsPerSecond_;
    double profileFwhm_ = 0.0;
};

}  // namespace magtwin
