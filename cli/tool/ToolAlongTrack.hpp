// ToolAlongTrack: `magnets.racetrack.along_track` of a tool-file cathode (ToolSchema) ->
// AlongTrackProfile (boundary/racetrack), checked against the straight length; and its
// text for the resolved YAML (`magtwin tool check --yaml`), which reads back the same.
#pragma once

#include "boundary/racetrack/AlongTrackProfile.hpp"
#include "boundary/racetrack/RacetrackFlux.hpp"
#include "cli/tool/ToolSchema.hpp"

#include <string>

namespace magtwin {

/// Bad values fail with file, line and key (ConfigError).
AlongTrackProfile readAlongTrack(const SchemaSection& a, CathodeKind kind, double straightLengthM);
/// The flow-style YAML value `{shape: ..., ...}` (exact numbers).
std::string alongTrackYaml(const AlongTrackProfile& p);

}  // namespace magtwin
