#include "solvers/erosion/GrooveRedeposition.hpp"
#include "solvers/erosion/GrooveViewFactors.hpp"

#include <cstring>
#include <functional>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace magtwin {

namespace {

struct LineResult {
    std::vector<double> depth, emitted;  ///< the key, kept for the exact comparison
    std::vector<double> redeposited, escape;
};

std::size_t hashLine(const std::vector<double>& d, const std::vector<double>& e) {
    const std::hash<std::string_view> h;
    const std::size_t a = h(std::string_view(reinterpret_cast<const char*>(d.data()), d.size() * sizeof(double)));
    const std::size_t b = h(std::string_view(reinterpret_cast<const char*>(e.data()), e.size() * sizeof(double)));
    return a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
}

}  // namespace

GrooveRedeposition::GrooveRedeposition(const ErosionGrid& grid) : nu_(grid.nu()) {
    switch (grid.kind()) {
        case CathodeKind::PlanarRect:
            alongV_ = true;
            lines_ = grid.nu();
            length_ = grid.nv();
            spacing_ = grid.dv();
            break;
        case CathodeKind::Rotary:
            alongV_ = false;
            lines_ = grid.nv();
            length_ = grid.nu();
            spacing_ = grid.du();
            break;
        default:
            throw std::invalid_argument("groove redeposition: straight grooves only (planar-rect, rotary targets)");
    }
}

void GrooveRedeposition::apply(const std::vector<double>& depth, const std::vector<double>& emitted,
                               std::vector<double>& redeposited, std::vector<double>* escapeFraction) const {
    redeposited.assign(depth.size(), 0.0);
    if (escapeFraction) escapeFraction->assign(depth.size(), 1.0);
    // Gather the lines, then solve each distinct one once (exact reuse).
    std::vector<std::size_t> lineOf(lines_);
    std::vector<LineResult> unique;
    std::unordered_multimap<std::size_t, std::size_t> byHash;
    std::vector<double> d(length_), e(length_);
    for (std::size_t l = 0; l < lines_; ++l) {
        bool flat = true;
        for (std::size_t k = 0; k < length_; ++k) {
            d[k] = depth[cellOf(l, k)];
            e[k] = emitted[cellOf(l, k)];
            flat = flat && d[k] == d[0];
        }
        if (flat) {  // a flat profile sees nothing of itself
            lineOf[l] = static_cast<std::size_t>(-1);
            continue;
        }
        const std::size_t h = hashLine(d, e);
        std::size_t found = static_cast<std::size_t>(-1);
        for (auto [it, end] = byHash.equal_range(h); it != end; ++it)
            if (unique[it->second].depth == d && unique[it->second].emitted == e) found = it->second;
        if (found == static_cast<std::size_t>(-1)) {
            found = unique.size();
            unique.push_back({d, e, {}, {}});
            byHash.emplace(h, found);
        }
        lineOf[l] = found;
    }
    const long nUnique = static_cast<long>(unique.size());
#pragma omp parallel for schedule(dynamic)
    for (long u = 0; u < nUnique; ++u) {
        LineResult& r = unique[u];
        const GrooveViewFactors vf = GrooveViewFactors::fromCellDepths(r.depth, spacing_);
        r.redeposited = vf.redeposit(r.emitted);
        if (escapeFraction) r.escape = vf.escapeFractions();
    }
    for (std::size_t l = 0; l < lines_; ++l) {
        if (lineOf[l] == static_cast<std::size_t>(-1)) continue;
        const LineResult& r = unique[lineOf[l]];
        for (std::size_t k = 0; k < length_; ++k) {
            redeposited[cellOf(l, k)] = r.redeposited[k];
            if (escapeFraction) (*escapeFraction)[cellOf(l, k)] = r.escape[k];
        }
    }
}

}  // namespace magtwin
