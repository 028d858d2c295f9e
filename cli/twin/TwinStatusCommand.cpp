// `magtwin twin status`: per source and target the energy the twin integrated, the tool's
// own usage-counter change over the same rows, the number of steps and, once `twin replay`
// ran, the target's stored erosion state (life point, deepest erosion, run id).
#include "cli/twin/TwinCommands.hpp"

#include "boundary/util/Json.hpp"
#include "cli/UsageError.hpp"
#include "twin/store/TwinStore.hpp"

#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>

namespace magtwin {

namespace {

/// A target's stored erosion state (the newest replay's), or null before any replay.
std::string erosionJson(const ErosionStateRecord* e) {
    if (!e) return "null";
    return "{\"life_kWh\":" + jsonNumber(e->lifeKWh) + ",\"max_depth_m\":" + jsonNumber(e->maxDepthM) +
           ",\"eroded_volume_m3\":" + jsonNumber(e->erodedVolumeM3) + ",\"energy_kWh\":" + jsonNumber(e->energyKWh) +
           ",\"run_id\":" + jsonString(e->runId) + "}";
}

}  // namespace

int runTwinStatus(const TwinStatusOptions& o) {
    const bool postgres = o.store.rfind("postgres", 0) == 0;
    if (!postgres && !std::filesystem::exists(o.store)) throw UsageError("--store '" + o.store + "' does not exist");
    auto store = openStore(o.store);
    constexpr double kJPerKWh = 3.6e6;
    std::vector<std::string> tools = store->toolNames();
    if (!o.tool.empty()) {
        if (std::find(tools.begin(), tools.end(), o.tool) == tools.end())
            throw UsageError("--tool '" + o.tool + "' is not in the store");
        tools = {o.tool};
    }
    if (o.digest) {
        for (const auto& name : tools) {
            const std::int64_t toolId = store->ensureTool(name);
            std::cout << name << " " << storeContentDigest(*store, toolId) << " twin "
                      << twinStateDigest(*store, toolId) << "\n";
        }
        return 0;
    }
    if (o.json) std::cout << "{\"targets\":[";
    bool first = true;
    for (const auto& name : tools) {
        const std::int64_t toolId = store->ensureTool(name);
        const StoreTotals totals = store->totals(toolId);
        if (!o.json)
            std::cout << "tool " << name << ": " << totals.rows << " rows, " << totals.steps << " steps\n"
                      << std::left << std::setw(12) << "source" << std::setw(16) << "target" << std::setw(14)
                      << "material" << std::right << std::setw(14) << "energy (kWh)" << std::setw(15) << "counter (kWh)"
                      << std::setw(8) << "steps"
                      << "\n";
        const std::vector<ErosionStateRecord> erosion = store->erosionStates(toolId);
        auto erosionOf = [&](const TargetRecord& t) -> const ErosionStateRecord* {
            for (const auto& e : erosion)
                if (e.source == t.source && e.targetId == t.targetId) return &e;
            return nullptr;
        };
        for (const auto& t : store->targets(toolId)) {
            const ErosionStateRecord* e = erosionOf(t);
            const double counter = t.hasCounter ? (t.counterLastJ - t.counterFirstJ) / kJPerKWh : 0.0;
            if (o.json) {
                std::cout << (first ? "" : ",") << "{\"tool\":" << jsonString(name)
                          << ",\"source\":" << jsonString(t.source) << ",\"target_id\":" << jsonString(t.targetId)
                          << ",\"material\":" << jsonString(t.material)
                          << ",\"energy_kWh\":" << jsonNumber(t.energyJ / kJPerKWh)
                          << ",\"counter_kWh\":" << (t.hasCounter ? jsonNumber(counter) : "null")
                          << ",\"steps\":" << t.steps << ",\"erosion\":" << erosionJson(e) << "}";
                first = false;
            } else {
                std::cout << std::left << std::setw(12) << t.source << std::setw(16) << t.targetId << std::setw(14)
                          << t.material << std::right << std::fixed << std::setprecision(6) << std::setw(14)
                          << t.energyJ / kJPerKWh << std::setw(15)
                          << (t.hasCounter ? std::to_string(counter) : std::string("-")) << std::setw(8) << t.steps
                          << "\n";
                if (e)
                    std::cout << "  erosion at " << e->lifeKWh << " kWh: max depth " << e->maxDepthM * 1e3 << " mm ("
                              << e->runId << ")\n";
            }
        }
    }
    if (o.json) std::cout << "]}\n";
    return 0;
}

}  // namespace magtwin
