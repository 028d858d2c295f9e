// LoggedRecipe: `twin forecast`'s "today's recipe" as the tool log shows it. The newest
// stored step labelled deposition or co-sputter (the latest one the tool ran with its
// sources depositing); each cathode's mean delivered power in that step, its energy over its
// duration (DeliveredEnergy.hpp: the step's share of the energy series, 0 when off), over
// the tool file's power of the cathode (per tube for an array), is its trim t_k = P_k,log / P_k,tool: the trims as
// cathodeTrims() and buildEmission() apply them (CathodeLayout.hpp), so the forecast's
// film is the logged power split. A cathode not on in that step has trim 0 (today's recipe
// does not run it). Member k of an array is matched by its member name (tube01 ...), a
// single cathode by its name.
#pragma once

#include "solvers/deposition/CathodeLayout.hpp"
#include "twin/replay/DeliveredEnergy.hpp"
#include "twin/replay/ReplaySeries.hpp"
#include "twin/store/TwinStore.hpp"

#include <optional>
#include <string>
#include <vector>

namespace magtwin {

struct LoggedRecipe {
    std::vector<double> trims;  ///< per cathode, order of cathodeTrims()
    double startTime = 0.0, endTime = 0.0;
    std::string label;
};

/// std::nullopt when the store holds no deposition or co-sputter step with a logged row.
std::optional<LoggedRecipe> loggedRecipe(const std::vector<CathodeGroup>& cathodes,
                                         const std::vector<StepRecord>& steps, const ReplaySeries& series,
                                         const EnergySeries& energy);

}  // namespace magtwin
