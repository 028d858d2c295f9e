// LogFormat: how one tool's process log is laid out, as plain structs (no YAML here).
// Built once from the tool file's `logs:` section (cli/twin/LogMappingConfig) and used by
// the streaming reader (LogReader), the store and the step detector.
//
// Every mapped log column is a channel: a numeric channel converts the logged number to SI
// with `si = scale * logged + offset` (offset only for degC); a text channel keeps the text
// (target IDs, materials, substrate IDs). The supplies, sources and the substrate shutter
// refer to channels by index, so the reader stays generic.
#pragma once

#include "boundary/racetrack/RfDischarge.hpp"
#include "twin/equipment/E10Settings.hpp"

#include <string>
#include <vector>

namespace magtwin {

/// How the timestamp column is written.
///  Pattern: strftime-like tokens %Y %m %d %b (Jan..Dec) %H (24-hour) %I + %p (12-hour with
///           AM/PM; 12 AM = 00 h, 12 PM = 12 h) %M %S, optionally followed by a fraction
///           ".%f" (any number of digits); other characters must match literally.
///  Iso8601: 2025-07-07T15:31:02.806 with optional Z or +hh:mm (an explicit offset wins
///           over the configured time zone).
///  EpochSeconds: seconds since 1970-01-01 UTC, fraction allowed (the time zone is unused).
struct TimestampFormat {
    enum class Kind { Pattern, Iso8601, EpochSeconds };
    Kind kind = Kind::Pattern;
    std::string pattern;       ///< for Kind::Pattern
    int utcOffsetSeconds = 0;  ///< local time = UTC + offset (a fixed offset; no DST rules)
};

/// Where the header row is. With preambleLines >= 0 the header is the line after that many
/// lines; if that line lacks the timestamp column, the reader searches for it (a file re-saved
/// by a spreadsheet moves the header) and reports "header-moved". With preambleLines < 0 the
/// header is the first line within searchLines that has a field equal to findColumn.
struct HeaderLocation {
    int preambleLines = -1;
    std::string findColumn;
    int searchLines = 200;
};

struct NumericChannel {
    std::string key;     ///< e.g. "supply.rf2.forward_power", "chamber.pressure"
    std::string column;  ///< header name in the log
    double scale = 1.0;  ///< SI = scale * logged + offset
    double offset = 0.0;
    std::string siUnit;  ///< for documentation and status output ("W", "Pa", "1")
};

struct TextChannel {
    std::string key;
    std::string column;
};

enum class SupplyKind { Dc, PulsedDc, Rf };

/// A supply's channels (indices into LogFormat::numeric, -1 when not mapped). Delivered
/// power: RF = forward - reflected; DC and pulsed DC = power, or voltage * current when no
/// power column is mapped.
struct SupplyChannels {
    std::string name;
    SupplyKind kind = SupplyKind::Dc;
    int enabled = -1;
    int setpoint = -1;
    int power = -1;
    int voltage = -1;
    int current = -1;
    int forwardPower = -1;
    int reflectedPower = -1;
    RfDischargeSettings rf{};  ///< kind Rf: the tool file's RF settings (boundary/racetrack/RfDischarge.hpp)
};

/// A source (cathode) and which supply feeds it: either switch columns (one per supply it can
/// be switched to) or one hard-wired supply.
struct SourceChannels {
    struct Switch {
        int supply = -1;   ///< index into LogFormat::supplies
        int channel = -1;  ///< numeric channel, on when > StepThresholds::switchOn
    };
    std::string cathode;
    std::vector<Switch> switches;
    int hardWiredSupply = -1;  ///< index into supplies, used when `switches` is empty
    int shutter = -1;          ///< numeric channel; not mapped = always open
    int usageCounter = -1;     ///< numeric channel (J; the tool's own counter)
    int targetId = -1;         ///< text channel
    int material = -1;         ///< text channel
    std::string materialFromToolFile;
    double targetThicknessM = 0.0;  ///< from the tool file, 0 when unknown
};

/// Step detection and bad-row thresholds (defaults documented in docs/twin-logs.md).
struct StepThresholds {
    double sourceOnPowerW = 1.0;       ///< a supply delivering more than this is on
    double switchOn = 0.5;             ///< a 0/1 column above this is on / open
    double rampSetpointChangeW = 0.1;  ///< setpoint change between rows that marks a ramp
    double gapFactor = 5.0;            ///< interval > factor * running median is a gap
};

/// A reactive source that is not an MFC: a valved cracker (the DTU tool's sulfur cracker).
/// Its reactive flow, in sccm of `gas`, is the tool's own conversion of the cracker's sulfur
/// pressure (DTU-Nanolab-materials-discovery/nomad-dtu-nanolab-plugin, sputter_log_reader.py:
/// S [sccm] = 2.8e4 x p_S [Torr]), p_S being the rise of the mapped pressure gauge over its
/// last reading with the valve shut (twin/replay/ReactiveSupply.hpp). The zone and control
/// columns are channels of their own ("cracker.NAME.zone1.temperature", ...), kept by the
/// store; only the valve and the pressure enter the supply.
struct CrackerChannels {
    std::string name;
    std::string gas;             ///< the reactive gas it delivers ("S2")
    int valve = -1;              ///< numeric channel; open when > openAbove
    double openAbove = 0.0;      ///< in the valve column's own (SI) unit
    int sulfurPressure = -1;     ///< numeric channel (Pa)
    double sccmPerTorr = 2.8e4;  ///< the plugin's conversion (above)
    int enabled = -1;            ///< numeric channel (control enabled); not mapped = enabled
};

struct LogFormat {
    std::string name;
    HeaderLocation header;
    char delimiter = ',';
    std::string timestampColumn;
    TimestampFormat timestamp;
    std::vector<NumericChannel> numeric;
    std::vector<TextChannel> text;
    std::vector<SupplyChannels> supplies;
    std::vector<SourceChannels> sources;
    std::vector<CrackerChannels> crackers;  ///< `crackers:` (reactive sources with a valve)
    int substrateShutter = -1;              ///< numeric channel; not mapped = always open
    StepThresholds thresholds;
    /// `equipment_states:` (recipe rules, calendar, E10 thresholds); its thresholds, supplies
    /// and day offset are filled from the rest of the format by e10SettingsOf (E10States.hpp).
    E10Settings equipment;
};

}  // namespace magtwin
