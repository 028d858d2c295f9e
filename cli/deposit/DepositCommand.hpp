// `magtwin deposit CONFIG.yaml --out DIR [--life-kWh X] [--method fast|direct|mc] [--json]`:
// film thickness map on Gen-10.5 glass or a wafer from a cathode layout, with the
// uniformity verdict. Writes DIR/thickness.csv (--csv), thickness.vts (ParaView), thickness_map.png
// (heat map with the +-target band) and summary.json; the folder appears complete or not
// at all (written as DIR.tmp-PID, then renamed).
#pragma once

#include <CLI/CLI.hpp>

namespace magtwin {

void addDepositCommand(CLI::App& app);

}  // namespace magtwin
