// FoamCaseLayout: which chamber `magtwin foam-case` meshes for a tool file, checked once:
//   cylinder  one circular planar target facing -z, coaxial with a wafer (static or rotating:
//             the rotation average of an axisymmetric source is the static film);
//   box       planar rectangular targets facing -z with their faces in one plane over a
//             static glass (an in-line coater), each target its own patch;
//   rotary    rotary tubes (axes along y) over a static glass, each tube an O-grid whose
//             surface and end caps are its own patch (FoamCaseRotary), half the chamber with
//             a symmetry plane where the line is symmetric along the tubes.
// Anything else is refused naming the cathode (or substrate) and the reason (ConfigError:
// exit status 2). The cathodes are the tool file's resolved ones; with
// deposition.optimise.power_trims each carries the power `deposit` runs it at (its trim,
// from runDeposition on the same tool file), so the case computes deposit's deposition.
#pragma once

#include "cli/tool/FoamCaseMesh.hpp"
#include "cli/tool/FoamCaseRotary.hpp"
#include "cli/tool/ToolFile.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct FoamCaseLayout {
    enum class Kind { Cylinder, Box, Rotary };
    Kind kind = Kind::Cylinder;
    const ToolSubstrate* substrate = nullptr;
    std::vector<ToolCathode> cathodes;  ///< the tool file's, discharge power x deposit's trim
    std::vector<double> trims;          ///< 1 unless deposition.optimise.power_trims
    CylinderChamber cylinder;
    BoxChamber box;
    RotaryChamber rotary;
    double motionTimeS = 0.0;
    std::string qualityArea;  ///< filmUniformity's qualityArea entries
    std::string reduction;    ///< the symmetry reduction taken (or why none)
};

/// The layout of `tool` over substrate `substrateName` ("" = the first). With power trims,
/// deposit's at `lifeKWh` per cathode (`deposit --life-kWh`; 0: new targets). Throws ConfigError.
FoamCaseLayout foamCaseLayout(const ToolFile& tool, const std::string& substrateName, double lifeKWh = 0.0);

/// The frame entries (origin, e1, e2) of a cathode's sputteredFlux and sputterErosion entries:
/// origin at the face centre, e1 x e2 = -z (into the gas); a rectangle's e1 along its length
/// (chamber y); a tube's axis through origin along e1 = y, e2 = -z from the axis toward the
/// glass (where the lab-fixed racetrack faces: phi = 0).
std::string cathodeFrameEntries(const ToolCathode& c);

}  // namespace magtwin
