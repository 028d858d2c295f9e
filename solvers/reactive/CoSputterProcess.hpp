// CoSputterProcess: several cathodes of one chamber in one reactive gas balance (CoSputtering.hpp,
// Berg's uniform target per cathode), resolved from each cathode's metal, discharge and chamber
// part: the stable and unstable states at an operating flow and, optionally, the process curve
// (what `magtwin reactive` with several --cathode prints).
//
// A cathode whose metal has no compound data for the gas (reactiveCompound throws: e.g. Zr
// under S2, boundary/data/materials.csv has no Zr-S compound) takes part as a non-reacting
// target (CoSputtering.hpp): it sputters metal only, at the ion flow and metal yield
// reactiveSetup gives any metal (ionSupplyFrom, SputterYield at e V: ReactiveProcess.hpp),
// pumps nothing and buries the collector's compound. At least one cathode must react.
// Co-sputtering holds each target's ion flow fixed (Berg's basic model), so a reacting cathode
// whose compound's secondary electron yield differs from its metal's (BergModel's extension 1)
// is refused, as is implantation (not modelled for co-sputtering).
#pragma once

#include "solvers/reactive/CoSputtering.hpp"
#include "solvers/reactive/ReactiveProcess.hpp"

#include <memory>
#include <string>
#include <vector>

namespace magtwin {

/// A cathode as the tool file resolves it: name, target metal, its part of the chamber and its discharge.
struct CoSputterCathodeInput {
    std::string name;
    Material metal;
    ReactiveChamber chamber;
    ReactiveDischarge discharge;
};

/// One resolved cathode: Berg's inputs (a non-reacting one: ion flow, Y_m, the chamber; no
/// compound, Y_c = 0, yieldRatio 0) and whether it reacts with the gas.
struct CoSputterCathode {
    std::string name;
    ReactiveSetup setup;
    bool reacts = true;
};

/// Berg's inputs of a metal that does not react with `gas`: reactiveSetup's ion flow, ion
/// energy, Y_m, densities and chamber, no compound (see the header).
ReactiveSetup metalOnlySetup(const Material& metal, const ReactiveGas& gas, const ReactiveChamber& chamber,
                             const ReactiveDischarge& discharge);

/// The flows of the request in the user's unit: x flowScale are true sccm
/// (process.reactive.flow_scale); every rate x substrateRateFactor (process.reactive.substrate_rate_factor).
struct CoSputterRequest {
    double operatingSccm = 0.0;
    double flowScale = 1.0;
    double substrateRateFactor = 1.0;
    int curvePoints = 0;  ///< > 0: the process curve from curveFromSccm to curveToSccm (>= 2 points)
    double curveFromSccm = 0.0, curveToSccm = 0.0;
};

struct CoSputterProcess {
    std::vector<CoSputterCathode> cathodes;      ///< in the order given
    std::shared_ptr<const CoSputtering> model;   ///< the shared gas balance
    std::vector<ReactiveOperatingState> states;  ///< at the operating flow (rates x substrateRateFactor)
    std::vector<ProcessCurvePoint> curve;        ///< flows in the user's unit; empty without curvePoints
};

/// The co-sputtering process of `cathodes` (>= 2) in `gas`. Throws std::invalid_argument naming
/// the cathode ("cathode 'NAME': ...") for a cathode it cannot take, or the chamber's problem.
CoSputterProcess coSputterProcess(const std::vector<CoSputterCathodeInput>& cathodes, const ReactiveGas& gas,
                                  const CoSputterRequest& request);

}  // namespace magtwin
