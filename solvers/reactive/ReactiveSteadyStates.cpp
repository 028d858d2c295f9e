#include "solvers/reactive/ReactiveSteadyStates.hpp"

#include "boundary/util/PhysicalConstants.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

std::vector<BergState> ReactiveSteadyStates::statesAtFlow(double q) const {
    if (!(std::isfinite(q) && q >= 0.0))
        throw std::invalid_argument("reactive steady states: the supplied flow must be >= 0");
    if (q == 0.0) return {stateAt(0.0)};
    const BergParameters& p = parameters();
    const double kT = kBoltzmannJPerK * p.temperatureK;
    double pHigh = p.pumpingSpeedM3PerS > 0.0 ? q * kT / p.pumpingSpeedM3PerS : pressureScalePa();
    while (stateAt(pHigh).supplyPerS < q) {
        pHigh *= 2.0;
        if (!std::isfinite(pHigh) || pHigh > 1e30)
            throw std::invalid_argument("reactive steady states: no steady state at this flow without pumping");
    }
    const std::vector<double> turns = turningPoints();
    std::vector<double> edges{0.0};
    edges.insert(edges.end(), turns.begin(), turns.end());
    edges.push_back(std::max(pHigh, edges.back()));
    const auto supplyAt = [this](double pressure) { return stateAt(pressure).supplyPerS; };
    std::vector<BergState> out;
    for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
        const double fa = supplyAt(edges[i]) - q, fb = supplyAt(edges[i + 1]) - q;
        if (fa == 0.0 && i > 0) continue;  // a turning point counted with the segment before
        if ((fa <= 0.0) != (fb <= 0.0) || fb == 0.0)
            out.push_back(stateAt(bisectSupply(supplyAt, q, edges[i], edges[i + 1])));
    }
    return out;
}

std::vector<double> ReactiveSteadyStates::logGrid(double lo, double hi, int pointsPerDecade) {
    const int n = std::max(1, static_cast<int>(std::ceil(std::log10(hi / lo) * pointsPerDecade)));
    const double step = std::log(hi / lo) / n;
    std::vector<double> out;
    for (int i = 0; i <= n; ++i) out.push_back(lo * std::exp(i * step));
    return out;
}

std::vector<double> ReactiveSteadyStates::turningPointsOnGrid(const std::vector<double>& grid) const {
    std::vector<double> out;
    bool prevPositive = stateAt(grid.front()).slopePerSPerPa > 0.0;
    for (std::size_t i = 1; i < grid.size(); ++i) {
        const bool positive = stateAt(grid[i]).slopePerSPerPa > 0.0;
        if (positive != prevPositive) {
            double a = grid[i - 1], b = grid[i];  // bisection in ln p to machine precision
            for (int it = 0; it < 200 && b - a > 1e-15 * b; ++it) {
                const double mid = std::sqrt(a * b);
                if ((stateAt(mid).slopePerSPerPa > 0.0) == prevPositive)
                    a = mid;
                else
                    b = mid;
            }
            out.push_back(std::sqrt(a * b));
        }
        prevPositive = positive;
    }
    return out;
}

double ReactiveSteadyStates::criticalPumpingSpeedOnGrid(const std::vector<double>& grid) const {
    const BergParameters& p = parameters();
    const double kT = kBoltzmannJPerK * p.temperatureK, pumped = p.pumpingSpeedM3PerS / kT;
    const auto uptake = [&](double lnP) { return stateAt(std::exp(lnP)).slopePerSPerPa - pumped; };
    std::size_t best = 0;
    double bestValue = uptake(std::log(grid[0]));
    for (std::size_t i = 1; i < grid.size(); ++i) {
        const double v = uptake(std::log(grid[i]));
        if (v < bestValue) bestValue = v, best = i;
    }
    // golden section on ln p in the neighbouring cells (as BergModel::minUptakeSlopePressure)
    double lo = std::log(grid[best == 0 ? 0 : best - 1]), hi = std::log(grid[std::min(best + 1, grid.size() - 1)]);
    const double g = 0.5 * (std::sqrt(5.0) - 1.0);
    double x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo), f1 = uptake(x1), f2 = uptake(x2);
    for (int it = 0; it < 200 && hi - lo > 1e-13 * std::max(1.0, std::abs(lo)); ++it) {
        if (f1 < f2)
            hi = x2, x2 = x1, f2 = f1, x1 = hi - g * (hi - lo), f1 = uptake(x1);
        else
            lo = x1, x1 = x2, f1 = f2, x2 = lo + g * (hi - lo), f2 = uptake(x2);
    }
    const double m = std::min(bestValue, uptake(0.5 * (lo + hi)));
    return m < 0.0 ? -m * kT : 0.0;
}

}  // namespace magtwin
