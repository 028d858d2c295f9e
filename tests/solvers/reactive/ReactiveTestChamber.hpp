// The small Ti/N2 chamber of the reactive tests: 3-inch target (A_t = pi (38.1 mm)^2 =
// 45.6 cm^2), 0.1 m^2 collector, 500 W at 400 V; the pumping speed is set per test.
#pragma once

#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/reactive/ReactiveProcess.hpp"

namespace magtwin {

inline ReactiveSetup tiN2Setup(double pumpingSpeedM3PerS) {
    ReactiveChamber chamber;
    chamber.targetAreaM2 = kPi * 0.0381 * 0.0381;
    chamber.collectorAreaM2 = 0.1;
    chamber.pumpingSpeedM3PerS = pumpingSpeedM3PerS;
    ReactiveDischarge discharge;
    discharge.voltageV = 400.0;
    discharge.powerW = 500.0;
    return reactiveSetup(MaterialLibrary::builtin().get("Ti"), reactiveGas("N2"), chamber, discharge);
}

}  // namespace magtwin
