// FoamCaseRotary: the blockMesh dictionary of a rotary line (`magtwin foam-case` on a tool file
// of rotary tubes over a static glass): a box chamber between the substrate plane z = 0 and a
// ceiling, with every tube (axis along y, the tool file's frame) cut out of it as an O-grid, so
// the tube surface is exact (arc edges) and the mesh is structured (parallel-consistent).
//
// Cross-section (x-z): a rectilinear grid of blocks on every wall, substrate, quality-area
// and tube-square edge; each tube's square (half-side a, about 1.4 R) is not filled by grid
// blocks but by an O-grid: one block between each segment of the square's perimeter (the
// grid lines cut it, so the neighbouring blocks match face to face) and the circle arc at the
// same polar angles. Along the tube (y segments between the tube's ends) the circle is the
// tube surface (the tube's patch); beyond the ends the circle is filled by an inner ring (the
// same segments, down to a core square of half-side 0.55 R scaled from the outer one) and
// that core (a small rectilinear grid), so the end caps are block faces (the tube's patch too).
// The sputteredFlux condition gives an end cap nothing: its faces' normals are along the axis,
// normal to the tube's radial target normal, so cos(theta) = 0 and J = 0 (SputterSource: a face
// turned away from the ions receives none), as the core's rotary emitter is the tube surface.
//
// Symmetry: with symmetryY the chamber starts at the plane y = y0 (a symmetryPlane patch, the
// tubes and glass mirror-symmetric about it); filmDeposition adds the mirrored emitters
// (symmetryPlane patches of the mesh, filmDepositionBallisticFlux.C).
// Used by FoamCase (`magtwin foam-case`); plain strings, no OpenFOAM.
#pragma once

#include "cli/tool/FoamCaseMesh.hpp"

#include <string>
#include <vector>

namespace magtwin {

/// One tube: axis along y at (x, z), from y0 to y1 (the part beyond the chamber's y0, the
/// symmetry plane, is the mirror image's), radius R.
struct FoamTube {
    double xM = 0, zM = 0, y0M = 0, y1M = 0, radiusM = 0;
    double squareHalfM = 0;  ///< a: the O-grid's square (R < a), set by rotaryTubeSquares
    std::string patch;
};

struct RotaryChamber {
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0, zTop = 0;  ///< walls, ceiling (floor z = 0)
    bool symmetryY = false;                           ///< y = y0 is a symmetry plane
    std::vector<FoamTube> tubes;
    PatchRect substrate, quality;  ///< floor faces (the rest: wallPatch)
    /// Face size on the tube surface (across and along the racetrack near the turnarounds: 1.5
    /// sigma, see FoamCaseLayout), the length of each tube end zone resolved at it, the faces
    /// at the quality edges.
    double tubeCellM = 0.012, endZoneM = 0.0, edgeCellM = 0.002;
    double tubeAxialCellM = 0.08;  ///< the faces' length along a tube outside its end zones
    std::string shieldPatch = "shields", wallPatch = "walls", symmetryPatch = "symmetry";
};

/// Sets each tube's square half-side a = min(1.4 R, the room to its neighbours and the floor)
/// and returns "" or, when some tube has less room than a >= 1.15 R (two tubes within 0.3 R
/// of each other, a tube within 0.3 R of the floor), the reason naming the tube(s).
std::string rotaryTubeSquares(std::vector<FoamTube>& tubes);

/// The mesh of `chamber` with about `cells` cells (the spacing h away from the tubes and edges
/// chosen so the count comes close): the text of system/blockMeshDict; `cellCount` gets the
/// exact count. Throws std::invalid_argument for a chamber out of order.
std::string rotaryBlockMeshDict(const RotaryChamber& chamber, long cells, long& cellCount);

}  // namespace magtwin
