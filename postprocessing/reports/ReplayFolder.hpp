// ReplayFolder: what `magtwin twin replay` writes (docs/twin-replay.md) from a
// replay's report (twin/replay/ReplayReport.hpp): report.json, steps.csv, the maps
// (ReplayMaps.hpp) and the PNGs (power and energy per source over time, predicted vs
// measured monitor rate, uniformity over target life with the spec line).
#pragma once

#include "twin/replay/ReplayReport.hpp"

#include <filesystem>
#include <string>

namespace magtwin {

std::string replayReportJson(const ReplayReport& r);
void writeReplayOutputs(const ReplayReport& r, const std::filesystem::path& dir);

}  // namespace magtwin
