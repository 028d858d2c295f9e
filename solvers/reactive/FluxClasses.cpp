#include "solvers/reactive/FluxClasses.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

namespace magtwin {

FluxClasses fluxClasses(const std::vector<TargetPatch>& cells, int bins) {
    FluxClasses out;
    out.patches = coarsenPatches(cells, bins);  // throws on bins < 1
    for (const TargetPatch& t : cells) out.maxFluxPerM2S = std::max(out.maxFluxPerM2S, t.ionFluxPerM2S);
    std::vector<char> used(std::size_t(bins), 0);
    for (const TargetPatch& t : cells) {
        const int b = out.maxFluxPerM2S > 0.0
                          ? std::min(bins - 1, static_cast<int>(t.ionFluxPerM2S / out.maxFluxPerM2S * bins))
                          : 0;
        used[std::size_t(b)] = 1;
    }
    // coarsenPatches keeps the non-empty bins in ascending order: the k-th used bin is class k
    out.classOfBin.assign(std::size_t(bins), -1);
    int k = 0;
    for (std::size_t b = 0; b < used.size(); ++b)
        if (used[b]) out.classOfBin[b] = k++;
    if (static_cast<std::size_t>(k) != out.patches.size())
        throw std::invalid_argument("flux classes: the bins do not match the merged patches");
    return out;
}

std::size_t FluxClasses::classOf(double u) const {
    const int bins = static_cast<int>(classOfBin.size());
    if (bins == 0 || patches.empty()) throw std::invalid_argument("flux classes: none");
    const int b = std::clamp(static_cast<int>(std::floor(u * bins)), 0, bins - 1);
    for (int d = 0; d < bins; ++d) {  // an empty bin: the nearest class below, else above
        if (b - d >= 0 && classOfBin[std::size_t(b - d)] >= 0) return std::size_t(classOfBin[std::size_t(b - d)]);
        if (b + d < bins && classOfBin[std::size_t(b + d)] >= 0) return std::size_t(classOfBin[std::size_t(b + d)]);
    }
    return 0;
}

std::function<double(double)> perClassFactor(const FluxClasses& classes, std::vector<double> perClass) {
    if (perClass.size() != classes.patches.size())
        throw std::invalid_argument("flux classes: " + std::to_string(perClass.size()) + " values for " +
                                    std::to_string(classes.patches.size()) + " classes");
    auto c = std::make_shared<const FluxClasses>(classes);
    auto v = std::make_shared<const std::vector<double>>(std::move(perClass));
    return [c, v](double u) { return (*v)[c->classOf(u)]; };
}

}  // namespace magtwin
