// Substrate: the receiving surface, a flat plate in the plane z = zM facing +z (toward
// the cathodes): a rectangle of any size (default Gen-10.5 glass, 2940 x 3370 mm) or a
// round wafer (default 300 mm). It is sampled on a regular grid of `pitchM` whose outer
// rows lie on the rectangle's edges; a wafer uses the square grid over its diameter and
// a mask for the disc. The edge exclusion (defaults: 10 mm glass, 3 mm wafer) marks
// the points that count for uniformity.
#pragma once

#include "solvers/fields/GridSurface.hpp"

#include <vector>

namespace magtwin {

struct Substrate {
    enum class Shape { Rectangle, Wafer };
    Shape shape = Shape::Rectangle;
    double sizeXM = 2.940;  ///< rectangle width along x; wafer diameter
    double sizeYM = 3.370;  ///< rectangle length along y (ignored for a wafer)
    double centreXM = 0.0, centreYM = 0.0, zM = 0.0;
    double pitchM = 0.002;
    double edgeExclusionM = 0.010;

    static Substrate gen10_5Glass();
    static Substrate wafer300mm();
};

/// The sampled substrate: grid points (GridSurface), which points lie on the substrate,
/// and which of those are inside the edge exclusion (counted for uniformity).
struct SubstrateGrid {
    GridSurface grid;
    std::vector<char> onSubstrate;
    std::vector<char> inUniformityArea;
    double x0 = 0.0, y0 = 0.0, dx = 0.0, dy = 0.0;  ///< grid origin and spacing (m)
};

/// Throws std::invalid_argument for non-positive sizes/pitch or an exclusion that leaves nothing.
SubstrateGrid sampleSubstrate(const Substrate& s);

}  // namespace magtwin
