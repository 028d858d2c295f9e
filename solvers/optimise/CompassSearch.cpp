#include "solvers/optimise/CompassSearch.hpp"

#include <algorithm>
#include <stdexcept>

namespace magtwin {

CompassPoint compassSearch(const CompassObjective& objective, CompassPoint at, std::vector<double> step,
                           const std::vector<double>& minStep, const std::vector<double>& lower,
                           const std::vector<double>& upper) {
    const std::size_t n = at.x.size();
    if (step.size() != n || minStep.size() != n || lower.size() != n || upper.size() != n)
        throw std::invalid_argument("compass search: start, steps and bounds differ in size");
    for (std::size_t d = 0; d < n; ++d) {
        if (!(step[d] >= 0.0)) throw std::invalid_argument("compass search: steps must be >= 0");
        if (step[d] > 0.0 && !(minStep[d] > 0.0))
            throw std::invalid_argument("compass search: minimum steps must be > 0");
    }
    const auto coarse = [&] {
        for (std::size_t d = 0; d < n; ++d)
            if (step[d] > 0.0 && step[d] >= minStep[d]) return true;
        return false;
    };
    while (coarse()) {
        CompassPoint best = at;
        for (std::size_t d = 0; d < n; ++d)
            for (double sign : {-1.0, 1.0}) {
                if (step[d] == 0) continue;
                std::vector<double> x = at.x;
                x[d] = std::clamp(x[d] + sign * step[d], lower[d], upper[d]);
                if (x[d] == at.x[d]) continue;
                const std::optional<double> v = objective(x);
                if (v && *v < best.value) best = {x, *v};
            }
        if (best.x == at.x)
            for (double& h : step) h *= 0.5;
        else
            at = best;
    }
    return at;
}

}  // namespace magtwin
