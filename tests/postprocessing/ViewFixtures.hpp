// Small result folders with analytic content for the `magtwin view` / ParaView tests,
// written through the real VTK writers in the layout of postprocessing/README.md:
//   erosion:     surface_NNNN.vts + erosion.pvd + summary.json
//   deposition:  thickness.vts (with in_quality_area) + summary.json
//   comparison:  one erosion folder per subfolder (planar/, rotary/)
// The shapes are analytic (Gaussian racetrack groove deepening linearly with life,
// a dome-shaped thickness map), so the tests know the exact field ranges.
#pragma once

#include "solvers/fields/GridSurface.hpp"

#include <string>
#include <vector>

namespace magtwin::test {

/// Planar target (0.60 x 0.16 m, face at z = 0.10 m) with a stadium-shaped racetrack
/// groove: depth = D(t) exp(-d^2 / 2 sigma^2), d = distance to the racetrack centre line,
/// sigma = 6 mm, D = 1, 2, 3 mm at 100, 200, 300 kWh.
std::vector<SeriesStep<GridSurface>> planarGrooveSeries();

/// Rotary target (tube radius 76.5 mm, 0.5 m long along x, axis at z = 0.12 m): erosion
/// spread around the circumference plus deeper turnaround grooves near both ends.
std::vector<SeriesStep<GridSurface>> rotaryGrooveSeries();

/// Writes an erosion result folder for `steps` into `dir` (created if missing).
void writeErosionFolder(const std::vector<SeriesStep<GridSurface>>& steps, double targetThicknessMm,
                        const std::string& dir);

struct ThicknessFixture {
    GridSurface map;  ///< field thickness_nm
    std::vector<bool> inQualityArea;
    double edgeExclusionMm;
    std::string substrate;
};

/// Gen-10.5 glass (2.94 x 3.37 m at z = 0), dome-shaped film with a rotary-array ripple;
/// U = (max-min)/(max+min) about 4 % (fails the 3 % target). Edge exclusion 10 mm.
ThicknessFixture glassThickness();

/// 300 mm wafer on a square grid; points outside the disc minus 3 mm are masked out.
/// Gentle dome with a tilt, U about 1 % (passes).
ThicknessFixture waferThickness();

/// A 100 x 100 mm co-sputtered Ni-Pt library (51 x 51 points, edge exclusion 2 mm): a dome
/// of thickness and Ni_fraction = 0.3 + 0.4 (x + 50 mm) / 100 mm (0.308 .. 0.692 over the
/// quality area), Pt_fraction = 1 - Ni_fraction.
ThicknessFixture cosputterLibrary();

/// Writes a deposition result folder (thickness.vts + summary.json) into `dir`.
void writeDepositionFolder(const ThicknessFixture& fixture, const std::string& dir);

/// Range of thickness_nm over the quality area {min, max}.
std::pair<double, double> qualityAreaRange(const ThicknessFixture& fixture);

/// Writes an OpenFOAM case skeleton into `dir`: a 0.4 x 0.2 x 0.12 m box meshed by
/// blockMesh (40 x 10 x 12 cells, one wall patch) and 0/T = 300 K + 200 K x a Gaussian hot
/// spot at (x, z) = (0.05, 0.08) m, sigma 40 mm, given at the cell centres. The caller
/// runs blockMesh. Returns {min, max} of T over the cells.
std::pair<double, double> writeOpenFoamCase(const std::string& dir);

}  // namespace magtwin::test
