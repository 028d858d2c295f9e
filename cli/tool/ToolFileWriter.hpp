// ToolFileWriter: a ToolFile back as text: the fully resolved tool file (every default
// written out, SI units, exact to the last bit; loadToolFile reads it back to the same
// objects) and the short JSON listing of `magtwin tool check --json`.
#pragma once

#include "cli/tool/ToolFile.hpp"

#include <string>

namespace magtwin {

/// `digits` > 0 rounds every number to that many significant digits (to compare two
/// ToolFiles up to rounding); 0 writes them exactly.
std::string resolvedToolYaml(const ToolFile& tool, int digits = 0);
/// {"cathodes":[{"name","type","material"}],"substrates":[{"name"}],"sensors":[{"name"}],
///  "supplies":[{"name","feeds"}]}
std::string toolListingJson(const ToolFile& tool);

}  // namespace magtwin
