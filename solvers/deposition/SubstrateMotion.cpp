#include "solvers/deposition/SubstrateMotion.hpp"

#include "solvers/deposition/FastConvolutionTransport.hpp"
#include "solvers/deposition/LineOfSightTransport.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {

RegularPlaneGrid planeOf(const SubstrateGrid& g) {
    return {g.x0, g.y0, g.dx, g.dy, g.grid.points.empty() ? 0.0 : g.grid.points[0].z(), g.grid.nu, g.grid.nv};
}

/// The FFT method's form of the fast gas model: k = n sigma_eff, eta, d_th = N_th / n.
FastTransportOptions fastGasOptions(const GasAttenuation& gas) {
    FastTransportOptions o;
    if (!(gas.numberDensityPerM3 > 0)) return o;
    o.attenuationPerM = gas.numberDensityPerM3 * gas.sigmaEffM2;
    o.scatteredDeposited = gas.scatteredDeposited;
    o.thermalisationDistanceM = gas.thermalisationColumnPerM2 / gas.numberDensityPerM3;
    return o;
}

std::vector<double> fluxOnPlane(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& p,
                                TransportMethod method, const GasAttenuation& gas) {
    if (method == TransportMethod::Fast) return fastLineOfSightFlux(sources, p, fastGasOptions(gas));
    std::vector<Eigen::Vector3d> pts;
    pts.reserve(p.nx * p.ny);
    for (std::size_t j = 0; j < p.ny; ++j)
        for (std::size_t i = 0; i < p.nx; ++i) pts.emplace_back(p.x0 + i * p.dx, p.y0 + j * p.dy, p.z);
    if (!(gas.numberDensityPerM3 > 0)) return lineOfSightFlux(sources, pts);
    std::vector<double> flux = lineOfSightFlux(sources, pts, Eigen::Vector3d(0, 0, 1), gas);
    const std::vector<double> thermal = thermalisedDiffusionFlux(sources, pts, gas);
    for (std::size_t i = 0; i < flux.size(); ++i) flux[i] += thermal[i];
    return flux;
}

/// Bilinear sample of a grid field at (x, y), clamped to the grid.
double bilinear(const std::vector<double>& f, const RegularPlaneGrid& p, double x, double y) {
    const double u = std::clamp((x - p.x0) / p.dx, 0.0, double(p.nx - 1)),
                 v = std::clamp((y - p.y0) / p.dy, 0.0, double(p.ny - 1));
    const std::size_t i = std::min(std::size_t(u), p.nx - 2), j = std::min(std::size_t(v), p.ny - 2);
    const double a = u - i, b = v - j;
    return (1 - a) * (1 - b) * f[i + p.nx * j] + a * (1 - b) * f[i + 1 + p.nx * j] +
           (1 - a) * b * f[i + p.nx * (j + 1)] + a * b * f[i + 1 + p.nx * (j + 1)];
}

std::vector<double> scanFluence(const std::vector<EmissionSource>& sources, const SubstrateGrid& g,
                                const SubstrateMotion& m, TransportMethod method, const GasAttenuation& gas) {
    if (!(m.scanSpeedMS > 0) || m.passes < 1) throw std::invalid_argument("scan: speed must be > 0 and passes >= 1");
    double xMin = INFINITY, xMax = -INFINITY, hMax = 0, hMin = INFINITY;
    const double z = g.grid.points[0].z();
    for (const auto& s : sources)
        for (const auto& e : s.elements) {
            xMin = std::min(xMin, e.position.x());
            xMax = std::max(xMax, e.position.x());
            hMax = std::max(hMax, e.position.z() - z);
            hMin = std::min(hMin, e.position.z() - z);
        }
    std::vector<double> out(g.grid.size(), 0.0);
    if (!(hMax > 0)) return out;
    // Strip along x at a pitch resolving the rate (<= h_min/20, trapezoid rule error
    // O((dx/h)^2) ~ 1e-4 relative at most), the substrate's own y rows.
    RegularPlaneGrid strip = planeOf(g);
    const double margin = 15.0 * hMax;
    strip.dx = std::min(0.05 * hMin, 0.01);
    strip.x0 = xMin - margin;
    strip.nx = std::size_t(std::ceil((xMax - xMin + 2 * margin) / strip.dx)) + 1;
    const std::vector<double> rate = fluxOnPlane(sources, strip, method, gas);
    for (std::size_t j = 0; j < g.grid.nv; ++j) {
        double integral = 0;
        for (std::size_t i = 0; i < strip.nx; ++i)
            integral += rate[i + strip.nx * j] * ((i == 0 || i + 1 == strip.nx) ? 0.5 : 1.0);
        integral *= strip.dx;
        for (std::size_t i = 0; i < g.grid.nu; ++i) out[g.grid.index(i, j)] = m.passes * integral / m.scanSpeedMS;
    }
    return out;
}

}  // namespace

std::vector<double> rotationAverage(const std::vector<double>& rate, const SubstrateGrid& g, double timeS) {
    const RegularPlaneGrid p = planeOf(g);
    const double cx = g.x0 + 0.5 * (g.grid.nu - 1) * g.dx, cy = g.y0 + 0.5 * (g.grid.nv - 1) * g.dy;
    const double rMax = 0.5 * std::min((g.grid.nu - 1) * g.dx, (g.grid.nv - 1) * g.dy);
    // Ring averages at radii of half the pitch, 720 angles each (trapezoid rule on a
    // periodic function), then linear interpolation in r per point.
    const double dr = 0.5 * std::min(g.dx, g.dy);
    const std::size_t nr = std::size_t(std::ceil(rMax / dr)) + 1;
    std::vector<double> ring(nr, 0.0);
    const int na = 720;
    for (std::size_t k = 0; k < nr; ++k) {
        const double r = std::min(rMax, k * dr);
        double s = 0;
        for (int a = 0; a < na; ++a) {
            const double ang = 2 * M_PI * a / na;
            s += bilinear(rate, p, cx + r * std::cos(ang), cy + r * std::sin(ang));
        }
        ring[k] = s / na;
    }
    std::vector<double> out(g.grid.size(), 0.0);
    for (std::size_t k = 0; k < out.size(); ++k) {
        if (!g.onSubstrate[k]) continue;
        const double r = std::hypot(g.grid.points[k].x() - cx, g.grid.points[k].y() - cy) / dr;
        const std::size_t i = std::min(std::size_t(r), nr - 2);
        const double f = std::min(1.0, r - i);
        out[k] = timeS * ((1 - f) * ring[i] + f * ring[i + 1]);
    }
    return out;
}

RegularPlaneGrid oscillationPlane(const SubstrateGrid& grid, const SubstrateMotion& motion) {
    RegularPlaneGrid p = planeOf(grid);
    const std::size_t reach = oscillationReach(motion.oscillation, p.dx);
    p.x0 -= double(reach) * p.dx;
    p.nx += 2 * reach;
    return p;
}

std::vector<double> oscillationFluence(const std::vector<double>& staticOnPlane, const SubstrateGrid& grid,
                                       const SubstrateMotion& motion) {
    const std::vector<double> w = oscillationWeights(motion.oscillation, motion.timeS, grid.dx);
    return oscillationAverage(staticOnPlane, grid.grid.nu, grid.grid.nv, w);
}

std::vector<double> staticFlux(const std::vector<EmissionSource>& sources, const SubstrateGrid& grid,
                               TransportMethod method, const GasAttenuation& gas) {
    return fluxOnPlane(sources, planeOf(grid), method, gas);
}

bool turnsSources(const SubstrateMotion& m) {
    return m.kind == SubstrateMotion::Kind::Static && m.platenAngleRad != 0.0;
}

std::vector<EmissionSource> inPlatenFrame(const std::vector<EmissionSource>& sources, const SubstrateMotion& m) {
    if (!turnsSources(m)) return sources;
    // Substrate frame = chamber frame turned by theta about the platen axis, so a chamber point
    // is at R_z(-theta) (p - c) + c in it, a direction at R_z(-theta) n.
    const double c = std::cos(m.platenAngleRad), s = std::sin(m.platenAngleRad);
    const auto turn = [c, s](double x, double y) { return std::pair<double, double>{c * x + s * y, -s * x + c * y}; };
    std::vector<EmissionSource> out = sources;
    for (auto& src : out)
        for (auto& e : src.elements) {
            const auto [px, py] = turn(e.position.x() - m.platenCentreXM, e.position.y() - m.platenCentreYM);
            e.position.x() = m.platenCentreXM + px;
            e.position.y() = m.platenCentreYM + py;
            const auto [nx, ny] = turn(e.normal.x(), e.normal.y());
            e.normal.x() = nx;
            e.normal.y() = ny;
        }
    return out;
}

std::vector<double> exposureFluence(const std::vector<EmissionSource>& sources, const SubstrateGrid& grid,
                                    const SubstrateMotion& m, TransportMethod method, const GasAttenuation& gas) {
    if (turnsSources(m)) {
        SubstrateMotion still = m;
        still.platenAngleRad = 0.0;
        return exposureFluence(inPlatenFrame(sources, m), grid, still, method, gas);
    }
    switch (m.kind) {
        case SubstrateMotion::Kind::InlineScan:
            return scanFluence(sources, grid, m, method, gas);
        case SubstrateMotion::Kind::WaferRotation:
            if (!(m.timeS > 0)) throw std::invalid_argument("rotation: time must be > 0");
            return rotationAverage(staticFlux(sources, grid, method, gas), grid, m.timeS);
        case SubstrateMotion::Kind::Oscillation:
            if (!(m.timeS > 0)) throw std::invalid_argument("oscillation: time must be > 0");
            return oscillationFluence(fluxOnPlane(sources, oscillationPlane(grid, m), method, gas), grid, m);
        case SubstrateMotion::Kind::Static:
        default: {
            if (!(m.timeS > 0)) throw std::invalid_argument("static deposition: time must be > 0");
            auto f = staticFlux(sources, grid, method, gas);
            for (double& v : f) v *= m.timeS;
            return f;
        }
    }
}

}  // namespace magtwin
