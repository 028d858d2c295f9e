// LineOfSight: the plugin's door to the deposition engine's collisionless transport.
// The physics lives in solvers/deposition (EmissionAngularDistribution: how atoms leave
// a surface element; LineOfSightTransport: view-factor summation in 3-D, and its
// integral along infinite strips for 2-D cross-sections; FastConvolutionTransport: the
// same sum as FFT convolutions onto a plane, `magtwin deposit`'s fast transport); this
// adapter only converts the plain element lists filmDeposition hands it, so the
// OpenFOAM route and `magtwin deposit` share one transport physics.
//
//   3-D:  Phi(P) = sum_e V(e, P) N_e p(cos theta_e) cos theta_r / R^2
//   2-D:  Phi(P) = sum_e V(e, P) N'_e (b / rho) int p(a cos phi) cos phi dphi   (strips)
//
// N_e atoms/s (N'_e per metre of strip); in 3-D optionally times the gas factor m(R).
// V(e, P) = 1 without occluders; with occluders (setOccluders) V = 0 when an occluding
// triangle crosses the segment from the element's centre to P (OccluderBvh.hpp); in 2-D
// the segment is taken in P's cross-section plane (strip and occluders are both invariant
// along the axis, so a strip is hidden from P as a whole or not at all).
//
// Three ways, one sum:
//  - pairwise (flux, no occluders): the engine's direct sum, O(N_e N_P);
//  - pairwise with shadowing (flux after setOccluders): per point the engine's direct sum
//    over the elements it sees, O(N_e N_P log T) for T occluding triangles;
//  - fast (fluxOnPlane, 3-D, a planar receiving patch, no occluders): the engine's FFT
//    convolution (FastConvolutionTransport.hpp, transport pitch q = h_min / 10, h_min the
//    lowest element height above the plane) onto a regular grid of pitch q/2 over the
//    patch, then 4 x 4-point Lagrange cubic interpolation onto the points. Error: the
//    engine's own O((q/h)^4) (about 1.7e-4 of the kernel at its peak for q = h/10), 1/16 of
//    that from the interpolation onto the points, single-precision FFT round-off ~1e-6 of
//    the peak; measured 2e-4 of the mean against the pairwise sum (BallisticTransportTest).
//    Cost O(G log G) for the G = (patch extent / q)^2 grid points, independent of the face
//    count, plus O(N_P).
// Plain C++, no OpenFOAM and no core header in this interface.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "boundary/openfoam/bridge/OccluderBvh.hpp"

namespace magtwin {
class EmissionAngularDistribution;
namespace foam {

struct EmittingElement {
    Vec3 centre{};
    Vec3 normal{};      ///< unit, into the gas
    double rate = 0.0;  ///< atoms/s (3-D) or atoms/s per metre of strip (2-D)
};

/// A planar receiving patch: unit normal (into the gas), two unit in-plane axes and the
/// patch's extent along them (u = e1 . (x - origin), v = e2 . (x - origin)). Every
/// processor passes the same frame (the whole patch's), so the FFT grid, and with it the
/// result at a point, does not depend on the decomposition.
struct PlaneFrame {
    Vec3 origin{}, e1{}, e2{}, normal{};
    double uMin = 0, uMax = 0, vMin = 0, vMax = 0;
};

/// What fluxOnPlane did (for logs and the benchmark).
struct PlaneFluxStats {
    std::size_t gridNx = 0, gridNy = 0;  ///< output grid over the patch
    std::size_t fftItems = 0;            ///< FFT work items of the engine
    double pitchM = 0;                   ///< grid pitch (m)
};

/// An axisymmetric (wedge) mesh's target faces as the rings they stand for: each element is
/// copied `copies` times round the axis (through `axisPoint` along the unit `axisDirection`)
/// at angles 2 pi k / copies, k = 0 .. copies - 1 (position and normal turned by Rodrigues'
/// rotation), each copy emitting rate (2 pi / wedgeAngle) / copies: the element's rate is that
/// of the wedge's share (angle `wedgeAngle`, rad) of its ring, as in the mesh's own integrals
/// (a wedge face spans the chord, not the arc: its ring is short by the mesh's own
/// 1 - sin(wedgeAngle)/wedgeAngle, 1.3e-3 for a 5 deg wedge). The ring sum is the trapezoid
/// rule in azimuth of a periodic integrand, whose error falls faster than any power of
/// 1/copies where the integrand is smooth; the emission cut (cos theta_e = 0) leaves a kink, an
/// O(copies^-2) error (720 copies: < 1e-4 on the disc test, BallisticTransportTest).
std::vector<EmittingElement> revolveAboutAxis(const std::vector<EmittingElement>& wedgeElements, const Vec3& axisPoint,
                                              const Vec3& axisDirection, double wedgeAngle, int copies);

class BallisticTransport {
public:
    /// `distribution`: an EmissionAngularDistribution name ("cosine", "cosn" with
    /// `cosExponent`). Throws std::invalid_argument for an unknown name (listing the
    /// valid ones) or a bad exponent.
    BallisticTransport(const std::string& distribution, double cosExponent);

    /// Weight each path of length r by the core's gas factor m(r) = eta + (1 - eta)
    /// exp(-n sigma_eff r) (solvers/deposition/GasAttenuationModel.hpp: the ballistic and
    /// forward-scattered part of `magtwin deposit`'s fast gas model; its diffusive part is the
    /// case's own transport), n = p / (k T) (GasAttenuation::numberDensity). p > 0 (Pa),
    /// T > 0 (K), sigma_eff > 0 (m^2), eta in [0, 1]; throws std::invalid_argument otherwise.
    /// 3-D meshes only (flux() throws for planar2D).
    void setGasAttenuation(double pressurePa, double temperatureK, double sigmaEffM2, double scatteredDeposited);

    /// Flux (atoms m^-2 s^-1) at each receiving point with its unit normal (into the gas).
    /// `planar2D`: the mesh is 2-D, `emptyDirection` the strips' axis (unit vector).
    std::vector<double> flux(const std::vector<EmittingElement>& emitters, const std::vector<Vec3>& points,
                             const std::vector<Vec3>& normals, bool planar2D, const Vec3& emptyDirection) const;

    /// Occluding surfaces for flux(): from now on a pair counts only when no triangle
    /// crosses the segment between them (see above). An empty list switches shadowing off.
    void setOccluders(std::vector<Triangle> triangles);
    bool shadowing() const { return occluders_ != nullptr; }

    /// The fast path (see above): flux (atoms m^-2 s^-1) at `points` of the planar patch
    /// `frame` (3-D; with the gas factor when set). Throws std::invalid_argument with
    /// occluders set (the convolution has no shadowing) or a degenerate frame.
    std::vector<double> fluxOnPlane(const std::vector<EmittingElement>& emitters, const std::vector<Vec3>& points,
                                    const PlaneFrame& frame, PlaneFluxStats* stats = nullptr) const;

private:
    std::shared_ptr<const EmissionAngularDistribution> angular_;
    std::shared_ptr<const OccluderBvh> occluders_;
    double gasNumberDensity_ = 0.0, gasSigmaEff_ = 0.0, gasEta_ = 1.0;  ///< n = 0: vacuum
};

}  // namespace foam
}  // namespace magtwin
