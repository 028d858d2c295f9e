// A racetrack cathode for the erosion tests: discharge -> ion supply, yield, rate, flux.
#pragma once

#include "boundary/elements/ElementTable.hpp"
#include "boundary/racetrack/IonSupply.hpp"
#include "boundary/racetrack/RacetrackFlux.hpp"
#include "boundary/yield/SputterYield.hpp"
#include "solvers/erosion/ErosionRate.hpp"

#include <memory>
#include <string>

namespace magtwin {

struct ErosionCase {
    std::unique_ptr<SputterYield> yield;
    std::unique_ptr<ErosionRate> rate;
    std::unique_ptr<RacetrackFlux> flux;
    IonSupply supply;
};

/// Ar on `material` at `powerW` and `voltageV`, Gaussian cross-track profile of `sigma`.
inline ErosionCase makeErosionCase(const TargetGeometry& t, const RacetrackSpec& r, double sigma,
                                   const std::string& angular, const std::string& material = "Cu",
                                   double powerW = 2000.0, double voltageV = 420.0) {
    const auto& tab = ElementTable::builtin();
    const Element& ar = tab.get("Ar");
    const Element& target = tab.get(material);
    ErosionCase c;
    DischargeOperatingPoint op;
    op.powerW = powerW;
    op.voltageV = voltageV;
    c.supply = ionSupplyFrom(op, ar, target);
    c.yield = std::make_unique<SputterYield>("auto", angular, ar, target);
    c.rate = std::make_unique<ErosionRate>(*c.yield, c.supply.ionEnergyEv, target.atomicDensityPerM3());
    c.flux = std::make_unique<RacetrackFlux>(t, r, std::make_shared<GaussianProfile>(sigma), c.supply.ionsPerSecond);
    return c;
}

}  // namespace magtwin
