#include "solvers/deposition/CathodeResponses.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {

/// The substrate grid widened by `extraColumns` toward -x (same pitch, same rows).
SubstrateGrid extendedLeft(const SubstrateGrid& g, std::size_t extraColumns) {
    SubstrateGrid e;
    e.dx = g.dx, e.dy = g.dy, e.y0 = g.y0;
    e.x0 = g.x0 - double(extraColumns) * g.dx;
    e.grid.nu = g.grid.nu + extraColumns;
    e.grid.nv = g.grid.nv;
    const double z = g.grid.points.empty() ? 0.0 : g.grid.points[0].z();
    e.grid.points.resize(e.grid.size());
    for (std::size_t j = 0; j < e.grid.nv; ++j)
        for (std::size_t i = 0; i < e.grid.nu; ++i)
            e.grid.points[e.grid.index(i, j)] = {e.x0 + i * e.dx, e.y0 + j * e.dy, z};
    e.onSubstrate.assign(e.grid.size(), 1);
    e.inUniformityArea.assign(e.grid.size(), 1);
    return e;
}

}  // namespace

CathodeResponses::CathodeResponses(const std::vector<CathodeGroup>& groups, const EmissionLayout& layout,
                                   const std::vector<double>& trims, const SubstrateGrid& grid,
                                   const SubstrateMotion& motion, TransportMethod method, const GasAttenuation& gas)
    : grid_(grid) {
    const bool translationInvariant = motion.kind != SubstrateMotion::Kind::WaferRotation && !turnsSources(motion);
    auto unitSource = [&](std::size_t i) {
        EmissionSource s = layout.sources[i];
        const double t = trims.empty() ? 1.0 : trims[i];
        if (!(t > 0)) throw std::invalid_argument("cathode responses: the layout needs trims > 0");
        s.scaleFlux(1.0 / t);
        return s;
    };
    std::size_t k = 0;
    for (const CathodeGroup& g : groups) {
        const std::size_t n = std::size_t(g.cathodeCount()), first = k;
        k += n;
        if (k > layout.sources.size())
            throw std::invalid_argument("cathode responses: layout does not match the groups");
        if (n == 1 || !translationInvariant) {
            for (std::size_t i = first; i < k; ++i) {
                cathodes_.push_back({fields_.size(), 0.0});
                fields_.push_back(exposureFluence({unitSource(i)}, grid, motion, method, gas));
                fieldGrids_.emplace_back();
                fieldGrids_.back().grid.nu = grid.grid.nu, fieldGrids_.back().grid.nv = grid.grid.nv;
            }
            continue;
        }
        const double span = double(n - 1) * g.pitchM;
        fieldGrids_.push_back(extendedLeft(grid, std::size_t(std::ceil(span / grid.dx - 1e-9)) + 2));
        fields_.push_back(exposureFluence({unitSource(first)}, fieldGrids_.back(), motion, method, gas));
        SubstrateGrid& kept = fieldGrids_.back();  // only its dimensions are needed from here on
        kept.grid.points = {};
        kept.onSubstrate = {};
        kept.inUniformityArea = {};
        for (std::size_t i = first; i < k; ++i) cathodes_.push_back({fields_.size() - 1, double(i - first) * g.pitchM});
    }
    if (k != layout.sources.size()) throw std::invalid_argument("cathode responses: layout does not match the groups");
}

void CathodeResponses::addShifted(std::size_t k, double weight, std::vector<double>& out) const {
    const Cathode& c = cathodes_[k];
    const std::vector<double>& f = fields_[c.field];
    const SubstrateGrid& ext = fieldGrids_[c.field];
    const SubstrateGrid& g = grid_;
    const double cells = c.shiftM / g.dx;
    const long whole = std::lround(cells), extra = long(ext.grid.nu - g.grid.nu);
    const bool exact = std::abs(cells - double(whole)) < 1e-9;
    for (std::size_t j = 0; j < g.grid.nv; ++j)
        for (std::size_t i = 0; i < g.grid.nu; ++i) {
            if (exact) {
                out[g.grid.index(i, j)] += weight * f[ext.grid.index(std::size_t(long(i) + extra - whole), j)];
                continue;
            }
            // Cubic in x (extended column c holds x = g.x0 + (c - extra) dx).
            const double u = double(long(i) + extra) - cells;
            const long iu = long(std::floor(u));
            const double t = u - double(iu);
            const double w[4] = {-t * (t - 1) * (t - 2) / 6.0, (t + 1) * (t - 1) * (t - 2) / 2.0,
                                 -(t + 1) * t * (t - 2) / 2.0, (t + 1) * t * (t - 1) / 6.0};
            double s = 0;
            for (int a = 0; a < 4; ++a)
                s += w[a] * f[ext.grid.index(std::size_t(std::clamp(iu - 1 + a, 0L, long(ext.grid.nu) - 1)), j)];
            out[g.grid.index(i, j)] += weight * s;
        }
}

std::vector<double> CathodeResponses::cathode(std::size_t k) const {
    std::vector<double> out(grid_.grid.size(), 0.0);
    addShifted(k, 1.0, out);
    return out;
}

std::vector<double> CathodeResponses::combined(const std::vector<double>& trims) const {
    if (trims.size() != cathodes_.size()) throw std::invalid_argument("cathode responses: one trim per cathode");
    std::vector<double> out(grid_.grid.size(), 0.0);
    // A cathode of weight 0 (a species its target lacks: FilmComposition.hpp) adds nothing.
    for (std::size_t k = 0; k < cathodes_.size(); ++k)
        if (trims[k] != 0) addShifted(k, trims[k], out);
    return out;
}

std::vector<std::vector<double>> CathodeResponses::sampledOn(const SubstrateGrid& coarse) const {
    const double rx = coarse.dx / grid_.dx, ry = coarse.dy / grid_.dy;
    const auto whole = [](double r) { return r >= 1 && std::abs(r - std::round(r)) < 1e-9 * r; };
    if (!whole(rx) || !whole(ry) || std::abs(coarse.x0 - grid_.x0) > 1e-9 || std::abs(coarse.y0 - grid_.y0) > 1e-9)
        return {};
    const std::size_t sx = std::size_t(std::lround(rx)), sy = std::size_t(std::lround(ry));
    if ((coarse.grid.nu - 1) * sx > grid_.grid.nu - 1 || (coarse.grid.nv - 1) * sy > grid_.grid.nv - 1) return {};
    std::vector<std::vector<double>> out;
    for (std::size_t k = 0; k < cathodes_.size(); ++k) {
        const std::vector<double> f = cathode(k);
        std::vector<double> c(coarse.grid.size());
        for (std::size_t j = 0; j < coarse.grid.nv; ++j)
            for (std::size_t i = 0; i < coarse.grid.nu; ++i)
                c[coarse.grid.index(i, j)] = f[grid_.grid.index(i * sx, j * sy)];
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<std::vector<double>> cathodeResponses(const std::vector<CathodeGroup>& groups, const EmissionLayout& layout,
                                                  const std::vector<double>& trims, const SubstrateGrid& grid,
                                                  const SubstrateMotion& motion, TransportMethod method,
                                                  const GasAttenuation& gas) {
    const CathodeResponses r(groups, layout, trims, grid, motion, method, gas);
    std::vector<std::vector<double>> out;
    for (std::size_t k = 0; k < r.cathodes(); ++k) out.push_back(r.cathode(k));
    return out;
}

}  // namespace magtwin
