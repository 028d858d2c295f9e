#include "boundary/openfoam/bridge/LineOfSight.hpp"

#include "solvers/deposition/EmissionAngularDistribution.hpp"
#include "solvers/deposition/EmissionSource.hpp"
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

std::vector<double> BallisticTransport::flux(const std::vector<EmittingElement>& emitters,
                                             const std::vector<Vec3>& points, const std::vector<Vec3>& normals,
                                             bool planar2D, const Vec3& emptyDirection) const {
    if (points.size() != normals.size()) throw std::invalid_argument("BallisticTransport: points/normals mismatch");
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
            : lineOfSightFlux(sources, groupPoints, n);
        for (std::size_t k = 0; k < group.size(); ++k) result[group[k]] = f[k];
    }
    return result;
}

}  // namespace foam
}  // namespace magtwin
