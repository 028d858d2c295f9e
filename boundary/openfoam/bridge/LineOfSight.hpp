// LineOfSight: the plugin's door to the deposition engine's collisionless transport.
// The physics lives in solvers/deposition (EmissionAngularDistribution: how atoms leave
// a surface element; LineOfSightTransport: view-factor summation in 3-D, and its
// integral along infinite strips for 2-D cross-sections); this adapter only converts
// the plain element lists that filmDeposition gathers from all processors, so the
// OpenFOAM route and `magtwin deposit` share one transport physics.
//
//   3-D:  Phi(P) = sum_e N_e p(cos theta_e) cos theta_r / R^2
//   2-D:  Phi(P) = sum_e N'_e (b / rho) int p(a cos phi) cos phi dphi   (strips)
//
// N_e atoms/s (N'_e per metre of strip); in 3-D optionally times the gas factor m(R). No shadowing (valid when nothing stands between
// target and substrate). Plain C++, no OpenFOAM and no core header in this interface.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace magtwin {
class EmissionAngularDistribution;
namespace foam {

using Vec3 = std::array<double, 3>;

struct EmittingElement {
    Vec3 centre{};
    Vec3 normal{};      ///< unit, into the gas
    double rate = 0.0;  ///< atoms/s (3-D) or atoms/s per metre of strip (2-D)
};

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

private:
    std::shared_ptr<const EmissionAngularDistribution> angular_;
    double gasNumberDensity_ = 0.0, gasSigmaEff_ = 0.0, gasEta_ = 1.0;  ///< n = 0: vacuum
};

}  // namespace foam
}  // namespace magtwin
