#include "twin/forecast/LoggedRecipe.hpp"

namespace magtwin {

std::optional<LoggedRecipe> loggedRecipe(const std::vector<CathodeGroup>& cathodes,
                                         const std::vector<StepRecord>& steps, const ReplaySeries& series,
                                         const EnergySeries& energy) {
    const StepRecord* newest = nullptr;
    for (const auto& s : steps)
        if ((s.label == "deposition" || s.label == "co-sputter") && (!newest || s.startTime > newest->startTime))
            newest = &s;
    if (!newest) return std::nullopt;
    const std::size_t r0 = series.rowAtOrAfter(newest->startTime);
    std::size_t r1 = r0;
    while (r1 < series.rows() && series.times()[r1] <= newest->endTime) ++r1;
    if (r1 == r0) return std::nullopt;
    LoggedRecipe r;
    r.startTime = newest->startTime;
    r.endTime = newest->endTime;
    r.label = newest->label;
    for (const auto& g : cathodes)
        for (int i = 0; i < g.cathodeCount(); ++i) {
            const bool member = g.cathodeCount() > 1 && g.memberNames.size() == std::size_t(g.cathodeCount());
            const std::string& name = member ? g.memberNames[std::size_t(i)] : g.name;
            // the step's energy over its duration (DeliveredEnergy.hpp); 0 when the cathode is off
            const std::size_t k = energy.sourceIndex(name);
            const double meanW = k < energy.power().size() ? energy.window(k, r0, r1 - 1).meanPowerW() : 0.0;
            r.trims.push_back(g.powerW > 0.0 && meanW > 0.0 ? meanW / g.powerW : 0.0);
        }
    return r;
}

}  // namespace magtwin
