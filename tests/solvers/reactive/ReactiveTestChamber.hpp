// The small Ti/N2 chamber of the reactive tests: 3-inch target (A_t = pi (38.1 mm)^2 =
// 45.6 cm^2), 0.1 m^2 collector, 500 W at 400 V; the pumping speed is set per test.
#pragma once

#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/reactive/RacetrackPoisoning.hpp"
#include "solvers/reactive/ReactiveProcess.hpp"

#include <cmath>
#include <vector>

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

/// A racetrack-like profile on the same area and ion flow: a Gaussian ring cross-section,
/// sampled in 40 strips of equal area, normalised so that sum J dA = I_ion / e.
inline std::vector<TargetPatch> gaussianTrack(const BergParameters& p) {
    std::vector<TargetPatch> out;
    double norm = 0.0;
    for (int i = 0; i < 40; ++i) {
        const double u = (i + 0.5) / 40.0 * 6.0 - 3.0;  // -3 .. 3 sigma
        out.push_back({p.targetAreaM2 / 40.0, std::exp(-0.5 * u * u)});
        norm += out.back().ionFluxPerM2S * out.back().areaM2;
    }
    for (TargetPatch& t : out) t.ionFluxPerM2S *= p.ionsPerSecond / norm;
    return out;
}

}  // namespace magtwin
