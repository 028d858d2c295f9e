// A small recipe and log format, built by hand, for the log simulator's tests: two sources
// (A at 1000 W, B at 2000 W, each on its own DC supply), 2 s rows, two substrates; the cycle
// idle 4 rows, ramp to 50 % in 6 rows, ramp to 100 % in 4, pre-sputter 3, deposition 10
// (the cycle ends at full power, so substrate 2's idle row 1 drops it); an arc on A at
// deposition row 3 of substrate 1 (40 % of the held power), B's target changed to B-T002
// and a 1-row logging gap in substrate 2's idle step. Epoch timestamps, one preamble line.
#pragma once

#include "twin/logs/LogFormat.hpp"
#include "twin/simulate/LogSimulator.hpp"
#include "twin/simulate/SimulationRecipe.hpp"

#include <string>
#include <vector>

namespace magtwin::simtest {

inline SimulationRecipe handRecipe() {
    SimulationRecipe r;
    r.file = "hand-recipe.yaml";
    r.name = "hand";
    r.substrateKind = "glass";
    r.substrates = 2;
    r.idPrefix = "G-";
    r.startUtcS = 1772427600.0;  // 2026-03-02T05:00:00Z
    r.intervalS = 2.0;
    r.powerW = 1000.0;
    r.sourcePowerW = {{"B", 2000.0}};
    r.targets = {{"A", "A-T001", 0.0}, {"B", "B-T001", 0.0}};
    using K = RecipeStep::Kind;
    r.steps = {
        {K::Idle, 4, 0.0}, {K::Ramp, 6, 0.5}, {K::Ramp, 4, 1.0}, {K::PreSputter, 3, 0.0}, {K::Deposition, 10, 0.0}};
    RecipeEvent arc;
    arc.kind = RecipeEvent::Kind::Arc, arc.substrate = 0, arc.cathode = "A", arc.atSample = 3, arc.residual = 0.4;
    RecipeEvent change;
    change.kind = RecipeEvent::Kind::TargetChange, change.substrate = 1, change.cathode = "B",
    change.targetId = "B-T002";
    RecipeEvent gap;
    gap.kind = RecipeEvent::Kind::Gap, gap.substrate = 1, gap.gapSamples = 1;
    r.events = {arc, change, gap};
    return r;
}

inline std::vector<SimulatedSource> handSources() { return {{"A", "Mo", 400.0, 1e-12}, {"B", "Mo", 500.0, 2e-12}}; }

/// Columns: time (epoch s), then per supply power, setpoint, voltage, current; per source its
/// counter (J) and target ID; the chamber pressure (Pa) and substrate ID.
inline LogFormat handFormat() {
    LogFormat f;
    f.name = "hand-log";
    f.timestampColumn = "time";
    f.timestamp.kind = TimestampFormat::Kind::EpochSeconds;
    for (const std::string s : {"A", "B"}) {
        const std::string sup = "dc" + s;
        SupplyChannels sc;
        sc.name = sup;
        sc.power = int(f.numeric.size());
        f.numeric.push_back({"supply." + sup + ".power", sup + "_W", 1.0, 0.0, "W"});
        sc.setpoint = int(f.numeric.size());
        f.numeric.push_back({"supply." + sup + ".setpoint", sup + "_sp_W", 1.0, 0.0, "W"});
        sc.voltage = int(f.numeric.size());
        f.numeric.push_back({"supply." + sup + ".voltage", sup + "_V", 1.0, 0.0, "V"});
        sc.current = int(f.numeric.size());
        f.numeric.push_back({"supply." + sup + ".current", sup + "_A", 1.0, 0.0, "A"});
        f.supplies.push_back(sc);
    }
    for (const std::string s : {"A", "B"}) {
        SourceChannels src;
        src.cathode = s;
        src.hardWiredSupply = s == "A" ? 0 : 1;
        src.usageCounter = int(f.numeric.size());
        f.numeric.push_back({"source." + s + ".usage_counter", s + "_counter_J", 1.0, 0.0, "J"});
        src.targetId = int(f.text.size());
        f.text.push_back({"source." + s + ".target_id", s + "_target"});
        f.sources.push_back(src);
    }
    f.numeric.push_back({"chamber.pressure", "pressure_Pa", 1.0, 0.0, "Pa"});
    f.text.push_back({"chamber.substrate_id", "substrate"});
    return f;
}

}  // namespace magtwin::simtest
