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

}  // namespace magtwin
