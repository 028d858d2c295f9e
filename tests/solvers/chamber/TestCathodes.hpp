// Small cathodes for the solver tests, written as the tool-file reader resolves them
// (CathodeSpec) and grouped as deposit groups them (cathodeGroupOf), so a test exercises
// the same description every command uses.
#pragma once

#include "boundary/materials/MaterialLibrary.hpp"
#include "solvers/chamber/CathodeSpec.hpp"
#include "solvers/chamber/ErosionEngine.hpp"
#include "solvers/deposition/CathodeLayout.hpp"

namespace magtwin::test {

/// A Mo target in Ar at 450 V, gamma_SE 0.1, `powerW`, `thicknessM` of target material,
/// Gaussian track profile of `sigmaM`; geometry and racetrack set by the caller.
inline CathodeSpec moCathode(CathodeKind kind, double powerW, double thicknessM, double sigmaM) {
    CathodeSpec c;
    c.name = "test";
    c.kind = kind;
    c.geometry.kind = kind;
    c.geometry.thicknessM = thicknessM;
    c.target.material = MaterialLibrary::builtin().get("Mo");
    c.target.thicknessM = thicknessM;
    c.discharge.gas = "Ar";
    c.discharge.voltageV = 450;
    c.discharge.powerW = powerW;
    c.discharge.gammaSE = 0.1;
    c.discharge.yieldModel = "auto";
    c.magnets.profile.shape = "gaussian";
    c.magnets.profile.sigmaM = sigmaM;
    return c;
}

/// Stadium racetrack: straights of `straightM`, `separationM` apart, turnaround factor `et`.
inline void stadium(CathodeSpec& c, double straightM, double separationM, double et) {
    c.magnets.track.straightLengthM = straightM;
    c.magnets.track.trackSeparationM = separationM;
    c.magnets.track.turnaroundEnhancement = et;
}

/// `c` as a deposit group of `count` members at `pitchM` centred on its position.
inline CathodeGroup group(const CathodeSpec& c, int count = 1, double pitchM = 0.25,
                          const ErosionEngineSettings& erosion = {}) {
    CathodeGroup g = cathodeGroupOf({&c}, erosion);
    g.count = count;
    g.pitchM = pitchM;
    g.memberNames.clear();
    return g;
}

}  // namespace magtwin::test
