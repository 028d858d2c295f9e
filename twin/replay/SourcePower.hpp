// SourcePower: the one place that says what a logged row delivers to each source. Used row by
// row by the sync's step detector (StepDetector.hpp) and over a stored series by replay, the
// counter audit, the foam export and the forecast's logged recipe (DeliveredEnergy.hpp).
//
// Rules (thresholds in StepThresholds, defaults in docs/twin-logs.md):
//  - a supply delivers P = forward - reflected (RF) or P = power (DC, pulsed DC; voltage x
//    current when no power column is mapped); an empty field counts 0 W;
//  - it is on when enabled (if an enable column is mapped) and P > sourceOnPowerW;
//  - a source is fed by the supplies whose switch column for it is on (or its hard-wired
//    supply); a supply switched to two sources at once feeds neither ("ambiguous-switch");
//  - a source is on when an unambiguous supply feeding it is on; its power is the sum of those
//    supplies' P.
// The ion energy per charge is the discharge voltage: the DC (or pulsed-DC) supply's voltage,
// or the RF supply's DC self-bias (the cathode's mean potential, which sets the mean ion
// energy at an RF target: Chapman, Glow Discharge Processes, Wiley 1980, ch. 5). NaN when the
// feeding supply logs no voltage. Replay adds the plasma potential for an RF-fed source and takes
// its ion current from the RF energy balance (boundary/racetrack/RfDischarge.hpp, docs/rf.md).
#pragma once

#include "twin/logs/LogFormat.hpp"

#include <string>
#include <vector>

namespace magtwin {

class ReplaySeries;

/// What one row delivers; sized by SourcePowerRules::apply, reused from row to row.
struct RowPower {
    std::vector<double> supplyW;              ///< per supply: P (whether on or not)
    std::vector<char> supplyOn;               ///< per supply
    std::vector<double> supplyV;              ///< per supply: |V| (RF: DC self-bias); NaN when not logged
    std::vector<double> sourceW;              ///< per source: delivered power, 0 when off
    std::vector<double> sourceV;              ///< per source: |V| of a feeding supply; NaN when off or unknown
    std::vector<int> sourceSupply;            ///< per source: a feeding supply (the last), -1 when off
    std::vector<std::vector<int>> feeding;    ///< per source: the on, unambiguous supplies feeding it
    std::vector<std::vector<int>> ambiguous;  ///< per source: supplies switched to it and to another source
};

class SourcePowerRules {
public:
    explicit SourcePowerRules(const LogFormat& format);
    /// `row`: the row's numeric channels in LogFormat::numeric order (NaN: empty or not logged).
    void apply(const double* row, RowPower& out) const;

private:
    LogFormat format_;                     // a copy: callers may pass a temporary
    std::vector<int> dcBias_;              ///< per supply: its `dc_bias` channel (RF), -1 when not mapped
    std::vector<std::vector<int>> feeds_;  ///< per source: the supplies it can be fed by
    mutable std::vector<int> feedCount_;
};

struct SourcePowerSeries {
    std::string cathode;
    std::vector<double> powerW;    ///< per row, 0 when off
    std::vector<double> voltageV;  ///< per row, |V| of the feeding supply; NaN when off or unknown
    std::vector<int> supply;       ///< per row, index into LogFormat::supplies feeding it, -1 when off
};

/// Every source's power over the stored rows of `series`, by the rules above.
std::vector<SourcePowerSeries> sourcePowers(const LogFormat& format, const ReplaySeries& series);

}  // namespace magtwin
