#include "deposition/CathodeResponses.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {

/// The substrate grid widened by `leftM` toward -x (same pitch, same rows).
SubstrateGrid extendedLeft(const SubstrateGrid& g, std::size_t extraColumns) {
    SubstrateGrid e;
    e.dx = g.dx, e.dy = g.dy, e.y0 = g.y0;
    e.x0 = g.x0 - double(extraColumns) * g.dx;
    e.grid.nu = g.grid.nu + extraColumns;
    e.grid.nv = g.grid.nv;
    const double z = g.grid.points.empty() ? 0.0 : g.grid.points[0].z();
    e.grid.points.resize(e.grid.size());
    for (std::size_t j = 0; j < e.grid.nv; ++j)
        for (std::size_t i = 0; i < e.grid.nu; ++i) e.grid.points[e.grid.index(i, j)] = {e.x0 + i * e.dx, e.y0 + j * e.dy, z};
    e.onSubstrate.assign(e.grid.size(), 1);
    e.inUniformityArea.assign(e.grid.size(), 1);
    return e;
}

/// f on the extended grid sampled at x - shift for every point of the substrate grid
/// (extended column c holds x = g.x0 + (c - extra) dx).
std::vector<double> shifted(const std::vector<double>& f, const SubstrateGrid& ext, const SubstrateGrid& g,
                            double shiftM) {
    std::vector<double> out(g.grid.size());
    const double cells = shiftM / g.dx;
    const long whole = std::lround(cells);
    const bool exact = std::abs(cells - double(whole)) < 1e-9;
    const long extra = long(ext.grid.nu - g.grid.nu);
    for (std::size_t j = 0; j < g.grid.nv; ++j)
        for (std::size_t i = 0; i < g.grid.nu; ++i) {
            const double u = double(long(i) + extra) - cells;
            if (exact) {
                out[g.grid.index(i, j)] = f[ext.grid.index(std::size_t(long(i) + extra - whole), j)];
                continue;
            }
            const long iu = long(std::floor(u));
            const double t = u - double(iu);
            const double w[4] = {-t * (t - 1) * (t - 2) / 6.0, (t + 1) * (t - 1) * (t - 2) / 2.0,
                                 -(t + 1) * t * (t - 2) / 2.0, (t + 1) * t * (t - 1) / 6.0};
            double s = 0;
            for (int a = 0; a < 4; ++a) {
                const long c = std::clamp(iu - 1 + a, 0L, long(ext.grid.nu) - 1);
                s += w[a] * f[ext.grid.index(std::size_t(c), j)];
            }
            out[g.grid.index(i, j)] = s;
        }
    return out;
}

}  // namespace

std::vector<std::vector<double>> cathodeResponses(const std::vector<CathodeGroup>& groups, const EmissionLayout& layout,
                                                  const std::vector<double>& trims, const SubstrateGrid& grid,
                                                  const SubstrateMotion& motion, TransportMethod method,
                                                  const GasAttenuation& gas) {
    std::vector<std::vector<double>> out(layout.sources.size());
    const bool translationInvariant = motion.kind != SubstrateMotion::Kind::WaferRotation;
    std::size_t k = 0;
    for (const CathodeGroup& g : groups) {
        const std::size_t n = std::size_t(g.cathodeCount()), first = k;
        k += n;
        if (k > layout.sources.size()) throw std::invalid_argument("cathode responses: layout does not match the groups");
        auto unitSource = [&](std::size_t i) {
            EmissionSource s = layout.sources[i];
            const double t = trims.empty() ? 1.0 : trims[i];
            if (!(t > 0)) throw std::invalid_argument("cathode responses: the layout needs trims > 0");
            s.scaleFlux(1.0 / t);
            return s;
        };
        if (n == 1 || !translationInvariant) {
            for (std::size_t i = first; i < k; ++i) out[i] = exposureFluence({unitSource(i)}, grid, motion, method, gas);
            continue;
        }
        const double span = double(n - 1) * g.pitchM;
        const SubstrateGrid ext = extendedLeft(grid, std::size_t(std::ceil(span / grid.dx - 1e-9)) + 2);
        const std::vector<double> f0 = exposureFluence({unitSource(first)}, ext, motion, method, gas);
        for (std::size_t i = first; i < k; ++i) out[i] = shifted(f0, ext, grid, double(i - first) * g.pitchM);
    }
    return out;
}

}  // namespace magtwin
