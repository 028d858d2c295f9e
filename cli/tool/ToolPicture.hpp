// ToolPicture: `magtwin tool show TOOL --png FILE`: the chamber drawn from its tool file,
// top view (x-y: cathodes, racetrack centre lines, substrates with their edge exclusion,
// sensors) beside a side view (x-z), with gnuplot (postprocessing/plot/GnuplotSession).
#pragma once

#include "cli/tool/ToolFile.hpp"

#include <string>

namespace magtwin {

/// Writes the PNG atomically; throws std::runtime_error when gnuplot fails.
void drawToolFile(const ToolFile& tool, const std::string& pngPath);

}  // namespace magtwin
