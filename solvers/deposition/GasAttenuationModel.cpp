#include "deposition/GasAttenuationModel.hpp"

#include "deposition/LineOfSightTransport.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {
constexpr double kBoltzmann = 1.380649e-23;  // J/K (SI 2019 exact)

std::vector<Eigen::Vector3d> gridPoints(const RegularPlaneGrid& g) {
    std::vector<Eigen::Vector3d> p;
    for (std::size_t j = 0; j < g.ny; ++j)
        for (std::size_t i = 0; i < g.nx; ++i) p.emplace_back(g.x0 + i * g.dx, g.y0 + j * g.dy, g.z);
    return p;
}
}  // namespace

double GasAttenuation::factor(double r) const {
    if (numberDensityPerM3 <= 0) return 1.0;
    return scatteredDeposited + (1 - scatteredDeposited) * std::exp(-numberDensityPerM3 * sigmaEffM2 * r);
}

double GasAttenuation::numberDensity(double pressurePa, double temperatureK) {
    return pressurePa / (kBoltzmann * temperatureK);
}

std::vector<double> radialProfile(const std::vector<double>& f, const RegularPlaneGrid& g, double binM, double rMax) {
    const double cx = g.x0 + 0.5 * (g.nx - 1) * g.dx, cy = g.y0 + 0.5 * (g.ny - 1) * g.dy;
    const std::size_t nb = std::size_t(rMax / binM);
    std::vector<double> sum(nb, 0.0), count(nb, 0.0);
    for (std::size_t j = 0; j < g.ny; ++j)
        for (std::size_t i = 0; i < g.nx; ++i) {
            const std::size_t b = std::size_t(std::hypot(g.x0 + i * g.dx - cx, g.y0 + j * g.dy - cy) / binM);
            if (b >= nb) continue;
            sum[b] += f[i + g.nx * j];
            count[b] += 1;
        }
    for (std::size_t b = 0; b < nb; ++b) sum[b] = count[b] > 0 ? sum[b] / count[b] : 0.0;
    return sum;
}

double gasModelError(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& g,
                     const std::vector<double>& mcFlux, const GasAttenuation& a, double binM, double rMax) {
    const auto model = radialProfile(lineOfSightFlux(sources, gridPoints(g), Eigen::Vector3d(0, 0, 1), a), g, binM, rMax);
    const auto mc = radialProfile(mcFlux, g, binM, rMax);
    const double peak = *std::max_element(mc.begin(), mc.end());
    double worst = 0;
    for (std::size_t b = 0; b < mc.size(); ++b) worst = std::max(worst, std::abs(model[b] - mc[b]) / peak);
    return worst;
}

GasCalibration calibrateGasAttenuation(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& g,
                                       const std::vector<std::vector<double>>& mcFlux, const std::vector<double>& n,
                                       double binM, double rMax) {
    if (mcFlux.empty() || mcFlux.size() != n.size()) throw std::invalid_argument("gas calibration: one density per MC map");
    GasCalibration best;
    best.maxErrorOfPeak = INFINITY;
    const auto points = gridPoints(g);
    std::vector<std::vector<double>> mc;
    std::vector<double> peak;
    for (const auto& f : mcFlux) {
        mc.push_back(radialProfile(f, g, binM, rMax));
        peak.push_back(*std::max_element(mc.back().begin(), mc.back().end()));
    }
    // For a given sigma the model is linear in eta: m = eta + (1 - eta) e^{-n sigma r},
    // so each (sigma, n) needs one fully attenuated profile.
    const auto los = radialProfile(lineOfSightFlux(sources, points), g, binM, rMax);
    for (int is = 0; is <= 60; ++is) {
        const double sigma = 1e-21 * std::pow(10.0, is / 20.0);  // 1e-21 .. 1e-18 m^2, 20 per decade
        std::vector<std::vector<double>> ballistic;
        for (double nk : n)
            ballistic.push_back(radialProfile(
                lineOfSightFlux(sources, points, Eigen::Vector3d(0, 0, 1), GasAttenuation{nk, sigma, 0.0}), g, binM, rMax));
        for (double eta = 0.0; eta <= 1.0001; eta += 0.02) {
            double worst = 0;
            for (std::size_t k = 0; k < n.size(); ++k)
                for (std::size_t b = 0; b < los.size(); ++b)
                    worst = std::max(worst, std::abs(eta * los[b] + (1 - eta) * ballistic[k][b] - mc[k][b]) / peak[k]);
            if (worst < best.maxErrorOfPeak) best = {sigma, eta, worst};
        }
    }
    return best;
}

}  // namespace magtwin
