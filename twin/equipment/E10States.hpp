// E10States: a tool's time in SEMI E10's six states (E10Settings.hpp), from what the store
// keeps (the stored rows, steps and text changes; the rules the sync saved), per day.
//
// Rules, in order of precedence, for the time from one stored row to the next (the row's
// state holds until the next row; docs/twin-status.md):
//  1. unscheduled down: a supply dips - asked for a steady setpoint P_set > source_on_power
//     (enabled, setpoint changed by no more than ramp_setpoint_change since the row before)
//     it delivers < arc_dip x P_set. A dip that starts from a running supply is an arc when
//     it lasts up to fault_after, else a supply fault; a supply that never delivers for more
//     than fault_after is a supply fault (a shorter wait is its ignition);
//  2. a window of the calendar: its state (scheduled down, engineering, non-scheduled; E10
//     counts planned time as planned whatever the tool does in it, except rule 1);
//  3. the recipe or phase in force matches a rule of `recipes`: that rule's state;
//  4. a deposition or co-sputter step (the sync's step labels): productive;
//  5. pre-sputter and ramp rows: productive when their run of source-on rows (no idle row, no
//     gap) holds a deposition (conditioning for the deposition), else scheduled down
//     (conditioning alone: a burn-in after a target change, E10's consumables change);
//  6. no source on: standby when the chamber is pumped (chamber.pressure below pumped_below,
//     or no pressure logged), else the `vented` state (default unscheduled down: a vented
//     chamber outside the calendar).
// Time without data - across a logging gap (LoggingGaps.hpp), between two log files - has no
// state unless a calendar window covers it: it is reported apart as no data. The period is
// from the first to the last stored row; its days are the tool's local days (the log's time
// zone), each listed with all six states (zeros included) and no data; shares are fractions
// of the day's part of the period and, with no data, sum to 1.
#pragma once

#include "twin/equipment/E10Settings.hpp"
#include "twin/logs/LogFormat.hpp"
#include "twin/store/TwinStore.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace magtwin {

class ReplaySeries;

struct E10Interval {
    double start = 0.0, end = 0.0;  ///< UTC s
    std::optional<E10State> state;  ///< nullopt: no data
    std::string cause;              ///< the rule that gave the state ("arc on rf2", "deposition", ...)
};

struct E10Day {
    std::string date;      ///< YYYY-MM-DD, the tool's local day
    double periodS = 0.0;  ///< the day's part of the period
    std::array<double, kE10StateCount> stateS{};
    double noDataS = 0.0;
};

struct E10Summary {
    double start = 0.0, end = 0.0;  ///< the period (first and last stored row), UTC s
    std::vector<E10Day> days;
    std::array<double, kE10StateCount> totalS{};
    double noDataS = 0.0;
    std::vector<E10Interval> timeline;  ///< merged runs of one state and cause, no data included
    std::size_t arcs = 0, supplyFaults = 0;
};

/// The format's `equipment_states` completed with its thresholds, supplies and time zone.
E10Settings e10SettingsOf(const LogFormat& format);

/// Keeps e10SettingsOf(format) in the store (the sync calls it before its first commit), so
/// that readers of the store alone (`twin status`, the web view) apply the tool file's rules.
void saveEquipmentRules(TwinStore& store, std::int64_t toolId, const LogFormat& format);

/// The rules above over `series` (every stored file of a tool) with its `steps`.
E10Summary equipmentStates(const ReplaySeries& series, const std::vector<StepRecord>& steps,
                           const E10Settings& settings);

/// The tool's settings as the sync stored them (E10Settings defaults when none were) and the
/// summary of its stored rows; an empty summary for a tool without rows.
E10Summary equipmentStates(TwinStore& store, std::int64_t toolId);

}  // namespace magtwin
