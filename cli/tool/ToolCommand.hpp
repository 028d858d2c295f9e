// `magtwin tool`: check (validate and print the resolved chamber; --json listing; --yaml
// the fully resolved file), show (--png: top and side view), schema (--markdown: the
// reference page docs/tool-file.md); and the top-level `magtwin foam-dict` (OpenFOAM
// boundary-condition entries of a cathode / substrate, tool/FoamDict.hpp).
#pragma once

#include <CLI/CLI.hpp>

namespace magtwin {

void addToolCommand(CLI::App& app);

}  // namespace magtwin
