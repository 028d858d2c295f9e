// ToolGeometryChecks: checks of a tool file that involve several objects, each reported
// as file:line: key: what is wrong (ConfigError): duplicate names, two cathodes whose
// bodies overlap, a cathode through the substrate plane z = 0, a sensor inside a target
// body, a supply feeding a cathode the file does not have.
#pragma once

#include "cli/config/ConfigReader.hpp"
#include "cli/tool/ToolFile.hpp"

#include <vector>

namespace magtwin {

/// Axis-aligned extent of a cathode body in the chamber frame (m).
struct BodyBox {
    Eigen::Vector3d lo, hi;
};
/// Target body: planar: face (z = position.z) to face + thickness; rotary: the tube. A tilted
/// planar target (CathodeSpec::orientation): the exact box of the turned body.
BodyBox cathodeBody(const ToolCathode& c);
/// Fails (ConfigError) at the cathode item's orientation key: `facing`, else `tilt.angle`.
[[noreturn]] void failAtOrientation(const ConfigSection& cathode, const std::string& what);
/// True when `p` lies inside the cathode's body (rotary and circular: round, not the box;
/// tilted planar: in the cathode's own frame).
bool insideBody(const ToolCathode& c, const Eigen::Vector3d& p);

struct ToolGeometryChecks {
    std::vector<ConfigSection> cathodeSections;  ///< one per (expanded) cathode
    std::vector<ConfigSection> substrateSections, sensorSections, supplySections;
    /// Throws ConfigError on the first problem.
    void run(const ToolFile& tool) const;
};

}  // namespace magtwin
