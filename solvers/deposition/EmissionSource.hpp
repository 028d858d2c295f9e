// EmissionSource: a sputtering target seen from the substrate, as a set of small flat
// surface elements, each with its position, outward unit normal, area and emitted
// atom flux (sputtered atoms per m^2 per s), plus the angular distribution they emit
// with. Line-of-sight transport treats each element as a point emitter, so elements
// must be small compared with their distance to the substrate.
//
// Sources come from:
//  - the erosion engine's emission map (branch erosion: emissionMapAtLife(front, P, kWh)
//    returns ErosionFront::surface(), a cell-centred GridSurface in the chamber frame with
//    the scalar field "sputtered_flux_per_m2_s" and the vector field "surface_normal";
//    rotary maps are closed around the tube: pass periodicV = true), see
//    emissionSourceFromGrid(). Boundary points get half (corner: quarter) cells, which
//    only matters where the map emits at its border (racetracks do not).
//  - the simple racetrack builders in RacetrackSources.hpp (planar-rect, rotary array).
#pragma once

#include "solvers/deposition/EmissionAngularDistribution.hpp"
#include "solvers/fields/GridSurface.hpp"

#include <Eigen/Core>

#include <memory>
#include <string>
#include <vector>

namespace magtwin {

struct EmissionElement {
    Eigen::Vector3d position;  ///< m, chamber frame (z up from the substrate plane)
    Eigen::Vector3d normal;    ///< outward unit normal (into the chamber)
    double areaM2 = 0.0;
    double fluxAtomsM2S = 0.0;  ///< sputtered atoms m^-2 s^-1
    double atomsPerSecond() const { return areaM2 * fluxAtomsM2S; }
};

struct EmissionSource {
    std::string label;  ///< e.g. "tube 3"
    std::vector<EmissionElement> elements;
    std::shared_ptr<const EmissionAngularDistribution> angular;

    double totalAtomsPerSecond() const;
    /// Multiply every element's flux (power trims, life-point scaling).
    void scaleFlux(double factor);
};

/// Build a source from a structured emission map. `fluxField` holds atoms m^-2 s^-1 at
/// the grid points, `normalField` the outward normals (normalised here). Each point gets
/// the area of its dual cell (quarter of each adjacent quad, from the quads' diagonals
/// cross product); `periodicV` closes the grid in v (rotary targets: axial x angular).
/// Points with zero flux are dropped. Throws std::invalid_argument naming missing fields.
EmissionSource emissionSourceFromGrid(const GridSurface& grid,
                                      std::shared_ptr<const EmissionAngularDistribution> angular,
                                      const std::string& fluxField = "sputtered_flux_per_m2_s",
                                      const std::string& normalField = "surface_normal", bool periodicV = false);

}  // namespace magtwin
