// FoamCaseMesh: the blockMesh dictionary of a cylindrical chamber around one circular
// planar target coaxial with a wafer (the 300 mm wafer PVD chamber): an O-grid (a centre
// square and rings of four arc-bounded blocks) between the substrate plane z = 0 and the
// target face z = H. Ring boundaries lie on every radius that separates two patches or
// decides a face's membership of the quality area:
//   r_q  the quality edge (wafer radius - edge exclusion): faces graded down to the
//        substrate's map pitch there, so the outermost quality face sits within half a pitch
//        of the edge, as `deposit`'s grid point does;
//   r_w  the wafer edge (bottom faces inside: the substrate patch; outside: walls);
//   r_t  the target edge (top faces inside: the cathode patch; outside: shields);
//   r_c  the chamber wall (side faces: walls).
// Used by FoamCase (`magtwin foam-case`); plain strings, no OpenFOAM.
#pragma once

#include <string>
#include <vector>

namespace magtwin {

struct CylinderChamber {
    double centreXM = 0.0, centreYM = 0.0;  ///< common axis of the target and the wafer
    double heightM = 0.0;                   ///< target face above the substrate plane (gap)
    double qualityRadiusM = 0.0;            ///< r_q (<= r_w)
    double waferRadiusM = 0.0;              ///< r_w
    double targetRadiusM = 0.0;             ///< r_t
    double chamberRadiusM = 0.0;            ///< r_c > max(r_w, r_t)
    double edgeCellM = 0.001;               ///< radial size of the faces at r_q
    std::string substratePatch, targetPatch, shieldPatch = "shields", wallPatch = "walls";
};

/// The mesh of `chamber` with about `cells` cells (uniform spacing h = (V / cells)^(1/3),
/// graded radially to edgeCellM at r_q): the text of system/blockMeshDict; `cellCount`
/// gets the exact number of cells. Throws std::invalid_argument for radii out of order.
std::string cylinderBlockMeshDict(const CylinderChamber& chamber, long cells, long& cellCount);

}  // namespace magtwin
