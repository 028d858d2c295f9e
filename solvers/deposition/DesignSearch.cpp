#include "solvers/deposition/DesignSearch.hpp"

#include "solvers/optimise/CompassSearch.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <stdexcept>

namespace magtwin {

namespace {

void checkParameters(const std::vector<DesignParameter>& ps) {
    if (ps.empty()) throw std::invalid_argument("design search: no parameters");
    for (const DesignParameter& p : ps) {
        if (!std::isfinite(p.lo) || !std::isfinite(p.hi) || p.lo > p.hi)
            throw std::invalid_argument("design search: " + p.name + ": bounds must be finite with lo <= hi");
        if (p.lo < p.hi && p.gridPoints < 2)
            throw std::invalid_argument("design search: " + p.name + ": at least 2 grid points");
        if (p.lo < p.hi && !(p.minStep > 0))
            throw std::invalid_argument("design search: " + p.name + ": minStep must be > 0");
    }
}

class Evaluator {
public:
    Evaluator(const std::function<bool(const std::vector<double>&)>& feasible,
              const std::function<double(const std::vector<double>&)>& objective,
              const std::function<void(int)>& onEvaluation)
        : feasible_(feasible), objective_(objective), onEvaluation_(onEvaluation) {}

    /// The objective at x, or nullptr when infeasible.
    const double* at(const std::vector<double>& x) {
        const auto it = cache_.find(x);
        if (it != cache_.end()) return it->second.first ? &it->second.second : nullptr;
        const bool ok = feasible_(x);
        auto& entry = cache_[x];
        entry.first = ok;
        if (ok) {
            entry.second = objective_(x);
            ++evaluations_;
            if (onEvaluation_) onEvaluation_(evaluations_);
        }
        return ok ? &entry.second : nullptr;
    }
    int evaluations() const { return evaluations_; }
    std::vector<DesignPoint> sorted() const {
        std::vector<DesignPoint> out;
        for (const auto& [x, v] : cache_)
            if (v.first) out.push_back({x, v.second});
        std::stable_sort(out.begin(), out.end(),
                         [](const DesignPoint& a, const DesignPoint& b) { return a.objective < b.objective; });
        return out;
    }

private:
    const std::function<bool(const std::vector<double>&)>& feasible_;
    const std::function<double(const std::vector<double>&)>& objective_;
    const std::function<void(int)>& onEvaluation_;
    std::map<std::vector<double>, std::pair<bool, double>> cache_;
    int evaluations_ = 0;
};

double gridValue(const DesignParameter& p, int k) {
    if (p.lo == p.hi) return p.lo;
    return k + 1 == p.gridPoints ? p.hi : p.lo + (p.hi - p.lo) * k / (p.gridPoints - 1);
}

}  // namespace

DesignSearchResult searchDesign(const std::vector<DesignParameter>& ps,
                                const std::function<bool(const std::vector<double>&)>& feasible,
                                const std::function<double(const std::vector<double>&)>& objective, int starts,
                                const std::function<void(int)>& onEvaluation) {
    checkParameters(ps);
    Evaluator eval(feasible, objective, onEvaluation);
    const std::size_t n = ps.size();
    std::vector<int> idx(n, 0);
    for (bool more = true; more;) {
        std::vector<double> x(n);
        for (std::size_t d = 0; d < n; ++d) x[d] = gridValue(ps[d], idx[d]);
        eval.at(x);
        more = false;
        for (std::size_t d = 0; d < n; ++d) {
            const int count = ps[d].lo == ps[d].hi ? 1 : ps[d].gridPoints;
            if (++idx[d] < count) {
                more = true;
                break;
            }
            idx[d] = 0;
        }
    }
    DesignSearchResult result;
    result.gridEvaluations = eval.evaluations();
    const std::vector<DesignPoint> grid = eval.sorted();
    if (grid.empty()) throw std::invalid_argument("design search: no feasible design on the grid (check the bounds)");
    std::vector<double> step(n), minStep(n), lower(n), upper(n);
    for (std::size_t d = 0; d < n; ++d) {
        step[d] = ps[d].lo == ps[d].hi ? 0.0 : 0.5 * (ps[d].hi - ps[d].lo) / (ps[d].gridPoints - 1);
        minStep[d] = ps[d].minStep, lower[d] = ps[d].lo, upper[d] = ps[d].hi;
    }
    const CompassObjective cached = [&eval](const std::vector<double>& x) -> std::optional<double> {
        const double* v = eval.at(x);
        return v ? std::optional<double>(*v) : std::nullopt;
    };
    for (int s = 0; s < std::min<int>(starts, int(grid.size())); ++s) {
        const DesignPoint& start = grid[std::size_t(s)];
        compassSearch(cached, {start.x, start.objective}, step, minStep, lower, upper);
    }
    result.refinementEvaluations = eval.evaluations() - result.gridEvaluations;
    result.evaluated = eval.sorted();
    return result;
}

}  // namespace magtwin
