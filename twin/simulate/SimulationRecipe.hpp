// SimulationRecipe: what `magtwin twin simulate-log` runs on a tool (cases/recipes/*.yaml,
// docs/simulate-log.md): the same cycle of steps for every substrate (idle / load, power
// ramps, pre-sputter with the substrate shutter closed, deposition with it open) and events
// (arcs, a target change, a supply switched to another source, logging gaps). Read once into
// SI units (cli/twin/SimulationRecipeReader reads the YAML); times are whole multiples of the
// sample interval, so every break of the power curve is a logged row.
#pragma once

#include <string>
#include <vector>

namespace magtwin {

struct RecipeStep {
    enum class Kind { Idle, Ramp, PreSputter, Deposition };
    Kind kind = Kind::Idle;
    int samples = 0;          ///< duration in sample intervals
    double toFraction = 0.0;  ///< ramp: level at its end (fraction of each source's power)
};

struct RecipeEvent {
    enum class Kind { Arc, TargetChange, SupplySwitch, Gap };
    Kind kind = Kind::Arc;
    int substrate = 0;      ///< 0-based substrate index
    std::string cathode;    ///< arc, target change, supply switch
    int atSample = 0;       ///< arc: sample of the deposition step (1 .. n-1)
    double residual = 0.5;  ///< arc: power of that sample as a fraction of the held power
    std::string targetId;   ///< target change: the new target's ID (its counter starts at 0)
    std::string supply;     ///< supply switch: the supply that feeds `cathode` from now on
    int gapSamples = 0;     ///< gap: rows the logger loses in the substrate's idle step
};

struct RecipeTarget {
    std::string cathode, id;
    double counterJ = 0.0;  ///< the tool's usage counter at the start of the log
};

struct SimulationRecipe {
    std::string file, name;     ///< file: where the recipe was read (error messages)
    std::string substrateKind;  ///< glass | wafer: the tool's substrate of that kind
    int substrates = 1;
    std::string idPrefix = "S-";
    double startUtcS = 0.0;
    double intervalS = 1.0;
    double powerW = 0.0;                                       ///< every source's held power
    std::vector<std::pair<std::string, double>> sourcePowerW;  ///< per-cathode overrides
    std::vector<RecipeTarget> targets;                         ///< initial targets (else CATHODE-T001, 0 kWh)
    double pressurePa = 0.5;
    double arFlowSccm = 200.0;
    std::vector<RecipeStep> steps;
    std::vector<RecipeEvent> events;

    double powerOf(const std::string& cathode) const;
    /// Index of the first idle step (events happen in it), -1 when none.
    int idleStep() const;
    int depositionStep() const;
};

}  // namespace magtwin
