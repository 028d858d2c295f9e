// ToolInit: `magtwin tool init KIND --out FILE` - a commented starting tool file for one of
// three kinds of chamber, with the magnet-pack values of the shipped tool files (and the
// sources and assumptions they state), so that a newcomer has a file `tool check` accepts
// and `deposit` runs before editing it to their own line:
//   rotary-line    cases/tools/gen10_5_rotary_line.yaml (14 rotary Mo tubes, 270 mm pitch)
//   planar-line    cases/tools/gen10_5_planar_line.yaml (10 planar Mo cathodes, 300 mm pitch)
//   wafer-chamber  cases/tools/wafer300_chamber_designed.yaml (450 mm Cu target, rotating
//                  magnet from the design search, rotating 300 mm wafer)
// Options that cannot make a chamber (a count of 0, a pitch smaller than the tube or target,
// a size outside the tool file's sense limits, an option the kind has no use for) throw
// UsageError naming the option; nothing is written.
#pragma once

#include <string>

namespace magtwin {

/// The options of `tool init` as typed (quantities with their unit, "280 mm"); empty = the
/// kind's default.
struct ToolInitOptions {
    std::string kind;       ///< rotary-line | planar-line | wafer-chamber
    std::string count;      ///< number of cathodes in the array (lines only)
    std::string pitch;      ///< cathode pitch across the array (lines only)
    std::string length;     ///< tube / target length (lines only)
    std::string throwDist;  ///< target surface (tube surface, planar face) to substrate
    std::string power;      ///< per cathode
    std::string material;   ///< target (and film) material: element or library material
    std::string substrate;  ///< gen10.5 | wafer300 (default: gen10.5 for lines, wafer300 for the chamber)
};

/// The kinds `tool init` knows, in the order of the help text.
const char* toolInitKinds();

/// The tool file's text (YAML with comments). Throws UsageError naming the option.
std::string toolInitYaml(const ToolInitOptions& options);

}  // namespace magtwin
