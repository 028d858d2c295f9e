// EndBoostChoice: `deposition.optimise.end_boost_gain` / `end_boost_length` of `magtwin
// deposit`: the along-track end-boost (AlongTrackProfile) of every cathode group whose
// racetrack has shape end-boost, chosen within the bounds for the lowest U after power trims
// (solvers/deposition/EndBoostSearch; each evaluation erodes the targets at the life point
// when it is > 0 and runs the trim optimiser on its coarse grid).
#pragma once

#include "solvers/deposition/DepositCase.hpp"
#include "solvers/deposition/EndBoostSearch.hpp"
#include "solvers/deposition/SubstrateMotion.hpp"

#include <functional>
#include <memory>
#include <string>

namespace magtwin {

/// True when the case asks for the search.
bool searchesEndBoost(const DepositCase& c);
/// `c` with every end-boost group set to (gain, length).
DepositCase withEndBoost(const DepositCase& c, double gain, double lengthM);
/// Runs the search; `c` comes back with the best gain and length in its groups.
EndBoostResult chooseEndBoost(DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law, double lifeKWh,
                              TransportMethod method, const std::function<void(const std::string&)>& progress = {});

}  // namespace magtwin
