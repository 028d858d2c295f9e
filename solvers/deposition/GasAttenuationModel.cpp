#include "solvers/deposition/GasAttenuationModel.hpp"

#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/deposition/LineOfSightTransport.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>

namespace magtwin {

namespace {

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

double GasAttenuation::thermalisedFraction(double h) const {
    if (numberDensityPerM3 <= 0 || thermalisationColumnPerM2 <= 0) return 0.0;
    // 2 E_3(tau) = e^-tau (1 - tau) + tau^2 E_1(tau), E_1(tau) = -Ei(-tau) (Abramowitz &
    // Stegun 5.1.14 recurrence); the cosine emitter's ballistic fraction to a plane at depth tau.
    const double tau = numberDensityPerM3 * sigmaEffM2 * h;
    const double ballistic = tau > 0 ? std::exp(-tau) * (1 - tau) - tau * tau * std::expint(-tau) : 1.0;
    return (1 - scatteredDeposited) * (1 - ballistic);
}

double GasAttenuation::thermalisationHeight(double h) const {
    const double dTh = thermalisationColumnPerM2 / numberDensityPerM3;
    return h - std::min(dTh, 0.95 * h);
}

double GasAttenuation::numberDensity(double pressurePa, double temperatureK) {
    return pressurePa / (kBoltzmannJPerK * temperatureK);
}

double diffusionFluxDensity(double rho, double z0, double h) {
    if (rho >= h) {
        // Eigenfunction series (Carslaw & Jaeger sec. 10.10; the slab Dirichlet Green's
        // function): j = (1 / pi h) sum_n (n pi / h) sin(n pi z0 / h) K_0(n pi rho / h);
        // K_0 ~ e^-x: 10 terms reach e^-31 at rho = h.
        double sum = 0;
        for (int n = 1; n <= 10; ++n) {
            const double a = n * M_PI / h;
            sum += a * std::sin(a * z0) * std::cyl_bessel_k(0.0, a * rho);
        }
        return sum / (M_PI * h);
    }
    // Method of images near the source, where the series above converges slowly.
    const double r2 = rho * rho;
    double sum = 0;
    for (int k = -200; k <= 200; ++k) {
        const double s = z0 + 2 * k * h, q = r2 + s * s;
        sum += s / (q * std::sqrt(q));
    }
    return sum / (2 * M_PI);
}

TabulatedDiffusionKernel::TabulatedDiffusionKernel(double z0, double h, double rhoMax)
    : step(std::min(9 * h, rhoMax) / 2048), j(2049) {
    for (std::size_t i = 0; i < j.size(); ++i) j[i] = diffusionFluxDensity(double(i) * step, z0, h);
}

double TabulatedDiffusionKernel::operator()(double rho) const {
    const double t = rho / step;
    if (t >= double(j.size() - 1)) return 0.0;
    const std::size_t i = std::size_t(t);
    return j[i] + (t - double(i)) * (j[i + 1] - j[i]);
}

std::vector<double> thermalisedDiffusionFlux(const std::vector<EmissionSource>& sources,
                                             const std::vector<Eigen::Vector3d>& points, const GasAttenuation& gas) {
    std::vector<double> flux(points.size(), 0.0);
    if (gas.thermalisationColumnPerM2 <= 0 || gas.numberDensityPerM3 <= 0 || points.empty()) return flux;
    // Thermalised sources, grouped by element height (0.1 mm classes) to share kernels.
    struct Point {
        double x, y, q;
    };
    std::map<long, std::vector<Point>> byHeight;
    const double plane = points.front().z();
    Eigen::Vector3d lo = points.front(), hi = points.front();
    for (const auto& p : points) lo = lo.cwiseMin(p), hi = hi.cwiseMax(p);
    for (const auto& src : sources)
        for (const auto& e : src.elements) {
            const double h = e.position.z() - plane;
            if (h <= 0 || e.atomsPerSecond() <= 0) continue;
            byHeight[std::lround(h * 1e4)].push_back({e.position.x(), e.position.y(), e.atomsPerSecond()});
            lo = lo.cwiseMin(e.position), hi = hi.cwiseMax(e.position);
        }
    const double rhoMax = 1.01 * std::hypot(hi.x() - lo.x(), hi.y() - lo.y()) + 1e-9;
    // The classes' kernels first, then one parallel pass over the points (one parallel region
    // per call: a region per class costs more in thread wake-ups than the work on a busy machine).
    struct HeightClass {
        double weight, z0, h;
        const std::vector<Point>* pts;
        std::unique_ptr<TabulatedDiffusionKernel> kernel;  ///< null: the series itself
    };
    std::vector<HeightClass> classes;
    for (const auto& [key, pts] : byHeight) {
        const double h = double(key) * 1e-4;
        const double weight = gas.thermalisedFraction(h);
        if (weight <= 0) continue;
        HeightClass c{weight, gas.thermalisationHeight(h), h, &pts, nullptr};
        // fewer point-element pairs than table entries (a crystal monitor): the series, exactly
        if (points.size() * pts.size() >= 2049) c.kernel = std::make_unique<TabulatedDiffusionKernel>(c.z0, h, rhoMax);
        classes.push_back(std::move(c));
    }
    const long n = long(points.size());
#pragma omp parallel for schedule(static) if (n >= 64)
    for (long k = 0; k < n; ++k) {
        const Eigen::Vector3d& P = points[std::size_t(k)];
        double total = 0;
        for (const auto& c : classes) {
            double sum = 0;
            for (const auto& s : *c.pts) {
                const double rho = std::hypot(P.x() - s.x, P.y() - s.y);
                sum += s.q * (c.kernel ? (*c.kernel)(rho) : diffusionFluxDensity(rho, c.z0, c.h));
            }
            total += c.weight * sum;
        }
        flux[std::size_t(k)] = total;
    }
    return flux;
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
    const auto points = gridPoints(g);
    auto field = lineOfSightFlux(sources, points, Eigen::Vector3d(0, 0, 1), a);
    const auto diffusive = thermalisedDiffusionFlux(sources, points, a);
    for (std::size_t k = 0; k < field.size(); ++k) field[k] += diffusive[k];
    const auto model = radialProfile(field, g, binM, rMax);
    const auto mc = radialProfile(mcFlux, g, binM, rMax);
    const double peak = *std::max_element(mc.begin(), mc.end());
    double worst = 0;
    for (std::size_t b = 0; b < mc.size(); ++b) worst = std::max(worst, std::abs(model[b] - mc[b]) / peak);
    return worst;
}

GasCalibration calibrateGasAttenuation(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& g,
                                       const std::vector<std::vector<double>>& mcFlux, const std::vector<double>& n,
                                       double binM, double rMax) {
    if (mcFlux.empty() || mcFlux.size() != n.size())
        throw std::invalid_argument("gas calibration: one density per MC map");
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
                lineOfSightFlux(sources, points, Eigen::Vector3d(0, 0, 1), GasAttenuation{nk, sigma, 0.0}), g, binM,
                rMax));
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

GasCalibration calibrateGasModel(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& g,
                                 const std::vector<std::vector<double>>& mcFlux, const std::vector<double>& n,
                                 double binM, double rMax) {
    if (mcFlux.empty() || mcFlux.size() != n.size())
        throw std::invalid_argument("gas calibration: one density per MC map");
    const auto points = gridPoints(g);
    std::vector<std::vector<double>> mc;
    std::vector<double> peak;
    for (const auto& f : mcFlux) {
        mc.push_back(radialProfile(f, g, binM, rMax));
        peak.push_back(*std::max_element(mc.back().begin(), mc.back().end()));
    }
    const auto los = radialProfile(lineOfSightFlux(sources, points), g, binM, rMax);
    // The diffusive profile for eta = 0 is linear in (1 - eta) and depends on sigma only
    // through the scalar thermalised fraction at the (planar) source height: tabulate the
    // unit-weight shape per (N_th, n) once, scaled per sigma below.
    double hSource = 0, qSum = 0;
    for (const auto& src : sources)
        for (const auto& e : src.elements) hSource += e.position.z() * e.atomsPerSecond(), qSum += e.atomsPerSecond();
    hSource = hSource / qSum - g.z;
    Eigen::Vector3d lo = points.front(), hi = points.front();
    for (const auto& p : points) lo = lo.cwiseMin(p), hi = hi.cwiseMax(p);
    for (const auto& src : sources)
        for (const auto& e : src.elements) lo = lo.cwiseMin(e.position), hi = hi.cwiseMax(e.position);
    const double rhoMax = 1.01 * std::hypot(hi.x() - lo.x(), hi.y() - lo.y()) + 1e-9;
    std::vector<double> columns;
    for (int ic = 0; ic <= 25; ++ic) columns.push_back(1e16 * std::pow(10.0, ic / 5.0));
    std::vector<std::vector<std::vector<double>>> shape(columns.size());  // [column][pressure][bin]
    for (std::size_t ic = 0; ic < columns.size(); ++ic)
        for (double nk : n) {
            GasAttenuation unit{nk, 0.0, 0.0, columns[ic]};
            const TabulatedDiffusionKernel kernel(unit.thermalisationHeight(hSource), hSource, rhoMax);
            std::vector<double> f(points.size(), 0.0);
            const long np = long(points.size());
#pragma omp parallel for schedule(static)
            for (long k = 0; k < np; ++k) {
                const Eigen::Vector3d& P = points[std::size_t(k)];
                double sum = 0;
                for (const auto& src : sources)
                    for (const auto& e : src.elements)
                        sum += e.atomsPerSecond() * kernel(std::hypot(P.x() - e.position.x(), P.y() - e.position.y()));
                f[std::size_t(k)] = sum;
            }
            shape[ic].push_back(radialProfile(f, g, binM, rMax));
        }
    GasCalibration best;
    best.maxErrorOfPeak = INFINITY;
    for (int is = 0; is <= 30; ++is) {
        const double sigma = 1e-21 * std::pow(10.0, is / 10.0);
        std::vector<std::vector<double>> ballistic;
        std::vector<double> fullyThermalised;  // thermalised fraction at eta = 0
        for (double nk : n) {
            ballistic.push_back(radialProfile(
                lineOfSightFlux(sources, points, Eigen::Vector3d(0, 0, 1), GasAttenuation{nk, sigma, 0.0}), g, binM,
                rMax));
            fullyThermalised.push_back(GasAttenuation{nk, sigma, 0.0, 1.0}.thermalisedFraction(hSource));
        }
        for (std::size_t ic = 0; ic < columns.size(); ++ic)
            for (double eta = 0.0; eta <= 1.0001; eta += 0.02) {
                double worst = 0;
                for (std::size_t k = 0; k < n.size() && worst < best.maxErrorOfPeak; ++k)
                    for (std::size_t b = 0; b < los.size(); ++b) {
                        const double model =
                            eta * los[b] + (1 - eta) * (ballistic[k][b] + fullyThermalised[k] * shape[ic][k][b]);
                        worst = std::max(worst, std::abs(model - mc[k][b]) / peak[k]);
                    }
                if (worst < best.maxErrorOfPeak) best = {sigma, eta, worst, columns[ic]};
            }
    }
    return best;
}

}  // namespace magtwin
