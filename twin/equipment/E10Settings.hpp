// E10Settings: the six equipment states of SEMI E10 (Specification for Definition and
// Measurement of Equipment Reliability, Availability, and Maintainability (RAM) and
// Utilization, SEMI E10-0814) and the rules that map a tool log onto them, as plain structs.
// Read once from the tool file (`logs[].equipment_states`, cli/twin/LogMappingConfig) and
// kept in the store by the sync (TwinStore::saveToolSetting, key kE10SettingsKey) so that
// `twin status` and anything else reading the store apply the same rules without the tool
// file. The rules themselves: E10States.hpp and docs/twin-status.md.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace magtwin {

/// SEMI E10's six basic states, in the standard's order.
enum class E10State { Productive, Standby, Engineering, ScheduledDown, UnscheduledDown, NonScheduled };
constexpr std::size_t kE10StateCount = 6;
constexpr std::array<E10State, kE10StateCount> kE10States{E10State::Productive,      E10State::Standby,
                                                          E10State::Engineering,     E10State::ScheduledDown,
                                                          E10State::UnscheduledDown, E10State::NonScheduled};

/// "productive", "standby", "engineering", "scheduled_down", "unscheduled_down", "non_scheduled".
const char* e10Name(E10State s);
std::optional<E10State> e10StateNamed(const std::string& name);

/// A recipe (or process phase) name pattern, `*` any run of characters and `?` one, matched
/// case-sensitively against the whole text; the first matching rule gives the state.
struct E10RecipeRule {
    std::string pattern;
    E10State state = E10State::Engineering;
};

/// A planned window of the tool's calendar (maintenance, engineering, no production planned).
struct E10CalendarWindow {
    double start = 0.0, end = 0.0;  ///< UTC s, start < end
    E10State state = E10State::ScheduledDown;
    std::string note;
};

struct E10Settings {
    double pumpedBelowPa = 10.0;  ///< idle with chamber.pressure below this: pumped (standby)
    /// idle with the chamber not pumped: unscheduled down unless the tool file says how its
    /// vents are planned (a tool without load lock that vents to unload every run)
    E10State ventedState = E10State::UnscheduledDown;
    double arcDipFraction = 0.5;  ///< a supply asked for P_set delivering < this x P_set dips
    double faultAfterS = 10.0;    ///< a dip longer than this is a supply fault, else an arc
    // the log's own thresholds (StepThresholds), so the rules read the store like the sync
    double sourceOnPowerW = 1.0;
    double rampSetpointChangeW = 0.1;
    double switchOn = 0.5;
    double gapFactor = 5.0;
    int dayOffsetS = 0;                 ///< the tool's days: local time = UTC + this (the log's time zone)
    std::vector<std::string> supplies;  ///< the log's supplies (channels supply.NAME.*)
    std::string recipeKey;              ///< text channel with the recipe or phase ("" = none mapped)
    std::vector<E10RecipeRule> recipes;
    std::vector<E10CalendarWindow> calendar;
};

/// The store key under which the sync keeps a tool's E10Settings.
constexpr const char* kE10SettingsKey = "equipment_states";

/// Text form for the store (one setting a line; hex floats, so a round trip is exact).
std::string encodeE10Settings(const E10Settings& s);
/// Throws std::runtime_error when `text` is not what encodeE10Settings wrote.
E10Settings decodeE10Settings(const std::string& text);

/// Glob match of E10RecipeRule::pattern.
bool recipeMatches(const std::string& pattern, const std::string& text);

}  // namespace magtwin
