#include "deposition/LineOfSightTransport.hpp"

#include "deposition/GasAttenuationModel.hpp"

#include <cmath>

namespace magtwin {

std::vector<double> lineOfSightFlux(const std::vector<EmissionSource>& sources,
                                    const std::vector<Eigen::Vector3d>& points, const Eigen::Vector3d& receiverNormal) {
    return lineOfSightFlux(sources, points, receiverNormal, GasAttenuation{});
}

std::vector<double> lineOfSightFlux(const std::vector<EmissionSource>& sources,
                                    const std::vector<Eigen::Vector3d>& points, const Eigen::Vector3d& receiverNormal,
                                    const GasAttenuation& gas) {
    const bool attenuate = gas.numberDensityPerM3 > 0;
    std::vector<double> flux(points.size(), 0.0);
    for (const auto& src : sources) {
        const EmissionAngularDistribution& p = *src.angular;
        const auto& el = src.elements;
        const long n = long(points.size());
#pragma omp parallel for schedule(dynamic, 64)
        for (long k = 0; k < n; ++k) {
            const Eigen::Vector3d P = points[std::size_t(k)];
            double sum = 0.0;
            for (const auto& e : el) {
                const Eigen::Vector3d d = P - e.position;
                const double r2 = d.squaredNorm();
                const double r = std::sqrt(r2);
                const double cosE = e.normal.dot(d) / r;
                const double cosR = -receiverNormal.dot(d) / r;
                if (cosE <= 0.0 || cosR <= 0.0) continue;
                const double w = e.atomsPerSecond() * p.perSteradian(cosE) * cosR / r2;
                sum += attenuate ? w * gas.factor(r) : w;
            }
            flux[std::size_t(k)] += sum;
        }
    }
    return flux;
}

}  // namespace magtwin
