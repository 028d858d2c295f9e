// ToolGeometryChecks: checks of a tool file that involve several objects, each reported
// as file:line: key: what is wrong (ConfigError): duplicate names, two cathodes whose
// bodies overlap, a cathode through the substrate plane z = 0, a sensor inside a target
// body, a supply feeding a cathode the file does not have; and sizes far outside what
// sputter tools have (checkSense): a cathode or substrate over 10 m, a throw under 20 mm or
// over 2 m, with "did you mean mm?" when the number read as millimetres fits.
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

/// Limits of the sense checks (issue 23: "sizes far outside what sputter tools have").
/// The largest cathodes and substrates built are ~4 m (Gen-10.5 glass 2940 x 3370 mm,
/// /work/shared/reference/tool-context.md; rotary tubes ~4.1 m): 10 m leaves room for any
/// real tool and still catches metres typed for millimetres. Throws (target surface to
/// substrate) run from ~40 mm (wafer PVD) to ~300 mm (confocal, in-line glass): 20 mm and
/// 2 m bracket every shipped tool (the DTU chamber's ~0.13 m included).
constexpr double kMaxSizeM = 10.0, kMinThrowM = 0.020, kMaxThrowM = 2.0;

/// Share (0..1) of the substrate's area outside the cathodes' footprint (the x-y box that
/// spans every target, a tilted one where it aims, grown by each target's throw h: beyond
/// it a cosine source gives < 15 % of the flux under a wide target; the gaps between the
/// tubes of an array are coated) at every point of the substrate's motion: static (turned by the platen angle),
/// oscillation along x (+- amplitude), scan along x (only y matters), wafer rotation (every
/// angle about the substrate centre). Sampled on a 400 x 400 grid: each edge of the footprint
/// is placed within one cell (1/400 of the size), so the share is within 0.5 % (two edges).
double uncoveredShare(const ToolFile& tool, const ToolSubstrate& substrate);

struct ToolGeometryChecks {
    std::vector<ConfigSection> cathodeSections;  ///< one per (expanded) cathode
    std::vector<ConfigSection> substrateSections, sensorSections, supplySections;
    /// Throws ConfigError on the first problem.
    void run(const ToolFile& tool) const;
};

}  // namespace magtwin
