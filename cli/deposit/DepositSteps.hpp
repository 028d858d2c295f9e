// Steps of `magtwin deposit` shared by the single run (DepositCommand.cpp) and the life
// sweep (LifeSweepCommand.cpp), so both compute a life point the same way.
#pragma once

#include "deposit/DepositConfig.hpp"
#include "deposition/CathodeResponses.hpp"
#include "deposition/ErodedTargets.hpp"
#include "deposition/GasAttenuationModel.hpp"
#include "deposition/PowerTrimOptimizer.hpp"
#include "deposition/SubstrateMotion.hpp"

#include <memory>
#include <string>
#include <vector>

namespace magtwin {

/// A progress line on stderr ("[deposit] ..."), when stderr is a terminal.
void progress(const std::string& msg);
/// The case's emission law (yamamura1981 takes E and E_th from the first cathode).
std::shared_ptr<const EmissionAngularDistribution> angularLaw(const DepositCase& c);
/// The fast gas model of the gas: section (vacuum at zero pressure).
GasAttenuation gasModel(const DepositCase& c);
/// Power trims minimising U on a coarse copy of the substrate grid (its pitch returned).
/// `fine`: the responses on the full substrate grid at this life point; when the coarse
/// grid's points are points of it they are sampled instead of a second transport.
TrimResult optimiseTrims(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law, double life,
                         const std::vector<ErodedGroup>& eroded, TransportMethod method, double& optimiserPitch,
                         const CathodeResponses* fine = nullptr);

/// The trim of every cathode a layout built with `trims` uses (empty: the groups' own
/// power_trims, else 1), as buildEmission applies them.
std::vector<double> cathodeTrims(const DepositCase& c, const std::vector<double>& trims);
/// The per-cathode responses (CathodeResponses.hpp) at a life point on `grid`.
CathodeResponses responsesAt(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law, double life,
                             const std::vector<ErodedGroup>& eroded, const SubstrateGrid& grid, TransportMethod method);

}  // namespace magtwin
