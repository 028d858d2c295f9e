#include "boundary/openfoam/bridge/LineOfSight.hpp"

#include "solvers/deposition/EmissionAngularDistribution.hpp"
#include "solvers/deposition/EmissionSource.hpp"
#include "solvers/deposition/GasAttenuationModel.hpp"
#include "solvers/deposition/LineOfSightTransport.hpp"

#include <stdexcept>

namespace magtwin {
namespace foam {

namespace {
Eigen::Vector3d toEigen(const Vec3& v) { return Eigen::Vector3d(v[0], v[1], v[2]); }
}  // namespace

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

    // The engine takes one receiver normal per call: group the points by normal (a flat
    // substrate is one group).
    std::vector<double> result(points.size(), 0.0);
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

}  // namespace foam
}  // namespace magtwin
