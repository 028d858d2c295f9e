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

#include <functional>
#include <string>
#include <vector>

namespace magtwin {

/// Cells and blockMesh grading (simpleGrading entry) of one interval of a block edge.
struct RingCells {
    long cells = 1;
    std::string grading = "1";
};

/// The cells of one axis of a structured chamber: each interval between the sorted, deduplicated
/// `breaks` at sizeAt(its middle), graded down to `edge` (by 1.1 a cell) towards a quality edge
/// q0 or q1 it ends or starts at (an interval inside [q0, q1]).
struct AxisCells {
    std::vector<double> breaks;
    std::vector<RingCells> cells;
    long total = 0;
};
/// `graded(mid)`, where given, says whether the interval around mid may be graded at all.
AxisCells axisCells(std::vector<double> breaks, const std::function<double(double)>& sizeAt, double q0, double q1,
                    double edge, const std::function<bool(double)>& graded = nullptr);

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

namespace magtwin {

/// An axis-aligned rectangle of the chamber frame (m) and the patch it belongs to.
struct PatchRect {
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    std::string patch;
    bool contains(double x, double y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
};

/// A box chamber between the substrate plane z = 0 and the targets' common face plane z = H
/// (an in-line glass coater: planar rectangular targets side by side over the glass). Block
/// boundaries lie on every target, substrate and quality-area edge; cells are h wide, the
/// columns under each target `targetCellM` across (the racetrack profile's sigma, so the
/// face-centre sum of the emission converges), the target ends' `endZoneM` `targetCellM`
/// along (the turnarounds), graded to `edgeCellM` at the quality edges, `edgeCellM` between
/// the quality and substrate edges.
struct BoxChamber {
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0;  ///< chamber walls
    double heightM = 0.0;
    std::vector<PatchRect> targets;  ///< top faces (the rest: shieldPatch)
    PatchRect substrate, quality;    ///< bottom faces (the rest: wallPatch)
    double targetCellM = 0.01, endZoneM = 0.0, edgeCellM = 0.002;
    std::string shieldPatch = "shields", wallPatch = "walls";
};

/// The mesh of `chamber` with about `cells` cells (h chosen so the count comes close):
/// the text of system/blockMeshDict; `cellCount` gets the exact count.
std::string boxBlockMeshDict(const BoxChamber& chamber, long cells, long& cellCount);

}  // namespace magtwin
