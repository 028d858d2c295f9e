// TwinStatus: what `twin status` shows of a store, as data and as text/JSON, so that every
// reader of the store (the command line, a web view's /api/status) prints the same: per
// source and target the energy the twin integrated, the tool's own usage-counter change over
// the same rows, the steps, the stored erosion state (after `twin replay`), and per tool the
// time in SEMI E10's six equipment states per day (twin/equipment/E10States.hpp).
#pragma once

#include "twin/equipment/E10States.hpp"
#include "twin/store/TwinStore.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace magtwin {

struct ToolStatus {
    std::string tool;
    StoreTotals totals;
    std::vector<TargetRecord> targets;
    std::vector<ErosionStateRecord> erosion;
    E10Summary e10;
};

/// The tools of the store (`tool` "" = all; a name not in the store throws std::invalid_argument).
std::vector<ToolStatus> readTwinStatus(TwinStore& store, const std::string& tool);

/// {"targets":[{"tool", "source", "target_id", "material", "energy_kWh", "counter_kWh",
/// "steps", "erosion"}...], "e10":[{"tool", "start", "end", "states", "days":[{"date",
/// "period_s", "no_data_s", "no_data_share", "states":{"productive":{"s","share"},...}}],
/// "total":{...}, "arcs", "supply_faults", "timeline":[{"start","end","state","cause"}]}]}
/// (docs/twin-status.md).
void writeTwinStatusJson(std::ostream& out, const std::vector<ToolStatus>& status);
void writeTwinStatusText(std::ostream& out, const std::vector<ToolStatus>& status);

}  // namespace magtwin
