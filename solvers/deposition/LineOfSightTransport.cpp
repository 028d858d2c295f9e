#include "solvers/deposition/LineOfSightTransport.hpp"

#include "boundary/util/GaussLegendre.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/deposition/GasAttenuationModel.hpp"

#include <array>
#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {

constexpr int kStripNodes = 64;

/// Gauss-Legendre nodes on [0, pi/2] (util/GaussLegendre) as cos(phi) and weights.
struct StripQuadrature {
    std::array<double, kStripNodes> cosPhi{}, weight{};
    StripQuadrature() {
        const QuadratureRule r = gaussLegendre(kStripNodes, 0.0, 0.5 * kPi);
        for (std::size_t i = 0; i < std::size_t(kStripNodes); ++i) {
            cosPhi[i] = std::cos(r.x[i]);
            weight[i] = r.w[i];
        }
    }
};

/// int_{-pi/2}^{pi/2} p(a cos phi) cos phi dphi (even in phi: twice the half range).
double stripKernel(const EmissionAngularDistribution& p, double a, const StripQuadrature& q) {
    double sum = 0.0;
    for (int i = 0; i < kStripNodes; ++i)
        sum += q.weight[std::size_t(i)] * p.perSteradian(a * q.cosPhi[std::size_t(i)]) * q.cosPhi[std::size_t(i)];
    return 2.0 * sum;
}

}  // namespace

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

std::vector<double> lineOfSightFluxStrips(const std::vector<EmissionSource>& sources,
                                          const std::vector<Eigen::Vector3d>& points,
                                          const Eigen::Vector3d& receiverNormal, const Eigen::Vector3d& stripAxis) {
    static const StripQuadrature quadrature;
    const Eigen::Vector3d t = stripAxis.normalized();
    const auto inPlane = [&](const Eigen::Vector3d& v) { return Eigen::Vector3d(v - v.dot(t) * t); };
    const auto checkNormal = [&](const Eigen::Vector3d& n, const char* what) {
        if (std::abs(n.dot(t)) > 1e-9)
            throw std::invalid_argument(std::string("lineOfSightFluxStrips: ") + what +
                                        " normal is not perpendicular to the strip axis");
    };
    checkNormal(receiverNormal, "receiver");
    std::vector<double> flux(points.size(), 0.0);
    for (const auto& src : sources) {
        const EmissionAngularDistribution& p = *src.angular;
        for (const auto& e : src.elements) checkNormal(e.normal, "emitter");
        const long n = long(points.size());
#pragma omp parallel for schedule(static) if (n > 256)
        for (long k = 0; k < n; ++k) {
            double sum = 0.0;
            for (const auto& e : src.elements) {
                const Eigen::Vector3d d = inPlane(points[std::size_t(k)] - e.position);
                const double rho = d.norm();
                if (rho <= 0.0) continue;
                const double a = e.normal.dot(d) / rho;
                const double b = -receiverNormal.dot(d) / rho;
                if (a <= 0.0 || b <= 0.0) continue;
                sum += e.atomsPerSecond() * b / rho * stripKernel(p, a, quadrature);
            }
            flux[std::size_t(k)] += sum;
        }
    }
    return flux;
}

}  // namespace magtwin
