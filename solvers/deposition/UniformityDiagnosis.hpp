// UniformityDiagnosis: where a film map's non-uniformity U comes from, and what a process
// engineer tries first (the `diagnosis` of `magtwin deposit`: console and summary.json).
//
// Chamber frame (docs/tool-file.md): arrays repeat along x at the cathode pitch p, the
// cathodes (tubes, planar targets) run along y. Over the quality area the map is normalised,
// f = t / mean - 1, and split additively (an analysis of variance with row and column
// effects, e.g. Montgomery, Design and Analysis of Experiments, 8th ed., Wiley 2013, ch. 5):
//   f(x, y) = C(x) + A(y) + R(x, y),
//   C(x) = mean of f over the quality area's points at x   (across the cathodes),
//   A(y) = mean of f over the points at y                   (along the cathodes),
// and the across profile by linear least squares on Legendre polynomials P_0..P_d of
// xi = (x - x_mid) / (W / 2) plus the pitch harmonics cos, sin(2 pi k x / p), k = 1..K:
//   C(x) = [polynomial part] + [harmonic part] + rest.
//   pitch ripple      = the harmonic part (the ripple at the cathode pitch),
//   edge fall         = the polynomial part without P_0 (the smooth trend toward the glass
//                       edges across the cathodes; degree d = clamp(floor(W / p), 2, 8) so a
//                       polynomial has fewer turns than the ripple has periods),
//   along-cathode fall= A(y) (tube ends, racetrack turnarounds),
//   rest              = R plus what the fit of C leaves (not separable into the three).
// K: harmonics while p / k >= 4 grid pitches (k <= 3). A single cathode (p = 0): no ripple.
// A wafer turning about its centre (`radial`): the map is a radial profile; the fall toward
// the wafer edge is the azimuthal mean P(r) (binned at the grid pitch) and the rest R.
//
// Each component's U: the U the map would have with only that component,
//   U_c = 100 (max c - min c) / (2 + max c + min c)    (U of 1 + c over the quality area);
// its share: U_c / (sum of the U_c of all components, the rest included). Ranges do not add,
// so the shares are a ranking of what to fix, not an exact split of U. The dominant cause is
// the named component (ripple, edge fall, along fall) with the largest U_c; its remedies are
// listed in the order a process engineer tries them (cheapest, recipe-only first).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace magtwin {

struct DepositCase;
struct SubstrateGrid;

/// The map's geometry the decomposition needs.
struct DiagnosisGeometry {
    std::size_t nx = 0, ny = 0;  ///< grid points along x and y (value k = i + nx j)
    double x0 = 0, y0 = 0, dx = 0, dy = 0;
    double pitchM = 0;    ///< cathode pitch along x; 0: one cathode across (no pitch ripple)
    bool radial = false;  ///< wafer rotation about (centreX, centreY)
    double centreXM = 0, centreYM = 0;
    bool rotary = true;  ///< rotary tubes (remedies name the magnet bar); false: planar targets
};

enum class NonUniformityCause { PitchRipple, EdgeFall, AlongFall, Rest };

/// The summary.json name of a cause: pitch_ripple, edge_fall, along_cathode_fall, rest.
std::string causeName(NonUniformityCause c);
/// The console wording (e.g. "ripple at the 270 mm cathode pitch").
std::string causeDescription(NonUniformityCause c, const DiagnosisGeometry& g);

struct DiagnosisComponent {
    NonUniformityCause cause = NonUniformityCause::Rest;
    double rangePct = 0;  ///< U_c: the U of the map with this component alone (%)
    double share = 0;     ///< U_c / sum of all U_c (0..1)
};

struct UniformityDiagnosis {
    double uPct = 0;                             ///< U of the map itself (%)
    std::vector<DiagnosisComponent> components;  ///< pitch ripple, edge fall, along fall, rest
    NonUniformityCause dominant = NonUniformityCause::Rest;
    std::vector<std::string> remedies;  ///< for the dominant cause, in the order to try them
    const DiagnosisComponent& component(NonUniformityCause c) const;
};

/// The diagnosis of map `thicknessNm` over the points with `mask` != 0 (sizes nx ny).
/// Throws std::invalid_argument on size mismatch, an empty mask or a non-positive mean.
UniformityDiagnosis diagnoseUniformity(const std::vector<double>& thicknessNm, const std::vector<char>& mask,
                                       const DiagnosisGeometry& g);

/// The geometry of a deposition case on its sampled grid: the pitch of its widest array
/// (or the median spacing of single cathodes' x centres), radial for wafer rotation.
DiagnosisGeometry diagnosisGeometryOf(const DepositCase& c, const SubstrateGrid& grid);

/// The remedies for `cause` in the order a process engineer tries them.
std::vector<std::string> remediesFor(NonUniformityCause cause, const DiagnosisGeometry& g);

}  // namespace magtwin
