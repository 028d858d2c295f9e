// DeliveredEnergy: the twin's one energy rule, and the energy series of a stored log built
// with it.
//
// The energy a source receives between two consecutive rows is the trapezoid
// (P_prev + P) / 2 x dt of its delivered power (SourcePower.hpp), except across a break: the
// first row of a stored log file (the sync starts every file afresh) or a logging gap
// (LoggingGaps.hpp), across which no energy is integrated.
// A gap while a source is on is not bridged. The twin cannot tell whether the source stayed
// on (a logger restart, a tool stop and a lost network share look alike in the log), so it
// counts the energy it saw and nothing more; what a gap may hide shows in the counter audit,
// since the tool's own usage counter keeps counting (CounterAudit.hpp reports the gap apart,
// with the counter's change across it as the evidence for its energy). The rule is applied
// by the sync (StepDetector: target and step energy, row by row), replay (intervals and the
// energy curve), the counter audit, `twin export-foam` (its table is 0 across a break) and
// the forecast's logged recipe: all report one energy.
//
// A step's (or interval's) share, the sync's attribution: the segment ending at a row goes
// to that row's step when the source is on there, else to the step of the row before. So a
// window of rows [first, last] holds the segments ending at rows first+1 .. last, the one
// ending at `first` when the source is on at `first`, and the one after `last` when the
// source is on at `last` and off at the next row. Its duration is the length of the same
// segments, and its mean power is energy / duration.
#pragma once

#include "twin/logs/LogFormat.hpp"
#include "twin/replay/SourcePower.hpp"

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

namespace magtwin {

class ReplaySeries;

/// Energy (J) between two rows `dtS` apart with delivered powers `prevW` and `w` (no break).
inline double segmentEnergyJ(double prevW, double w, double dtS) { return 0.5 * (prevW + w) * dtS; }

/// Per row of `series`: 1 where no energy is integrated from the row before (the first row of
/// each stored file, a logging gap found by the rule of LoggingGaps.hpp with `gapFactor`).
std::vector<char> energyBreaks(const ReplaySeries& series, double gapFactor);

struct WindowEnergy {
    double energyJ = 0.0;
    double durationS = 0.0;
    /// energy / duration; NaN for an empty window
    double meanPowerW() const { return durationS > 0.0 ? energyJ / durationS : std::nan(""); }
};

class EnergySeries {
public:
    /// Delivered power (SourcePower.hpp) and cumulative energy of every source of `format`
    /// over the stored rows of `series`.
    EnergySeries(const LogFormat& format, const ReplaySeries& series);

    std::size_t rows() const { return times_.size(); }
    const std::vector<double>& times() const { return times_; }
    const std::vector<SourcePowerSeries>& power() const { return power_; }
    const std::vector<char>& breakBefore() const { return breaks_; }
    /// Source k's energy (J) from the first row to each row.
    const std::vector<double>& cumulativeJ(std::size_t k) const { return energyJ_[k]; }
    double totalJ(std::size_t k) const { return energyJ_[k].empty() ? 0.0 : energyJ_[k].back(); }
    /// Source k over the rows [first, last] of a step or interval (the attribution above).
    WindowEnergy window(std::size_t k, std::size_t first, std::size_t last) const;
    /// The same without the segment after `last`: the share of a window that starts at `first`
    /// up to row `last` (a step's energy so far).
    WindowEnergy through(std::size_t k, std::size_t first, std::size_t last) const;
    /// Index of the log source `cathode`; power().size() when there is none.
    std::size_t sourceIndex(const std::string& cathode) const;

private:
    bool on(std::size_t k, std::size_t r) const { return power_[k].supply[r] >= 0; }
    /// Segment ending at row r: energy of source k, its length (0, 0 at a break).
    WindowEnergy segment(std::size_t k, std::size_t r) const;

    std::vector<double> times_;
    std::vector<char> breaks_;
    std::vector<SourcePowerSeries> power_;
    std::vector<std::vector<double>> energyJ_;  ///< per source, cumulative per row
    std::vector<double> integratedS_;           ///< cumulative length of the integrated segments
};

/// A point of a piecewise-linear power table.
struct PowerTablePoint {
    double timeS = 0.0;  ///< since the series' first row
    double powerW = 0.0;
};

/// Offset of a break's 0 W points from its rows (s): a table's times must increase strictly
/// (OpenFOAM's TableBase rejects equal ones), so each break costs (P_before + P_after) / 2 x
/// this much energy in the table's integral: 1e-6 s at 1 kW is 1e-3 J, 3e-10 kWh.
constexpr double kPowerTableBreakS = 1e-6;

/// Source k's delivered power as a table that a linear interpolation integrates to the
/// series' energy (up to kPowerTableBreakS per break): every row, and inside each break
/// longer than 4 kPowerTableBreakS, where the source is on at either end, two points of 0 W
/// (without them the interpolation would bridge the break).
std::vector<PowerTablePoint> powerTable(const EnergySeries& energy, std::size_t k);

}  // namespace magtwin
