// `magtwin deposit TOOL --design-search --out DIR`: magnet design search for a wafer
// chamber with one planar-circular cathode. Parameters (solvers/deposition/DesignSearch:
// grid + compass refinement, deterministic):
//   ring radius R of the rotating magnet's time-averaged racetrack ring,
//   its width: Gaussian profile sigma (the search's profile is Gaussian),
//   throw: the target face's height above the substrate (the cathode's position z).
// Bounds (mm, LO:HI; defaults in DesignBounds): a design is feasible only when its track
// fits the target per the erosion engine's rule (RacetrackFlux: ring radius + magnet
// offset + the profile's 1 % footprint (3.035 sigma for a Gaussian) <= target radius), so
// every design can also be eroded (--life-kWh, --life-sweep), and only when no sensor of
// the tool lies inside the moved target body (the tool file's geometry check, so
// design_tool.yaml loads). The default throw range,
// 50..300 mm, is a project assumption spanning short-throw PVD chambers (~50 mm) to
// long-throw ones (~300 mm); no public table of chamber throws was at hand.
// Objective: U = (max - min) / (max + min) of the film in the uniformity area on a 3 mm
// copy of the substrate grid (the trim optimiser's wafer pitch); the best five designs are
// re-run at the tool's own pitch, and the best of those is written:
//   design.json       bounds, evaluations, seconds, the tool's own design and the best five
//                     (ring_radius_mm, sigma_mm, throw_mm, U_pct, sigma_mean_pct,
//                     mean_nm, rate_nm_s, pass), and the throw/rate trade-off: the best
//                     design at each throw of the search grid (figures on the 3 mm grid)
//   design_tool.yaml  the tool file with the best design (`magtwin deposit` reproduces it)
//   thickness_map.png, thickness.vts, summary.json: the best design's deposit run
#pragma once

#include <string>

namespace magtwin {

struct DesignBounds {
    std::string ringMm;    ///< "LO:HI"; "" = 20 % of the target radius .. the target radius
    std::string sigmaMm;   ///< "" = 8:40
    std::string throwMm;   ///< "" = 50:300
};

/// Runs the search and writes DIR (complete or not at all); throws UsageError on bad bounds
/// or a tool without exactly one planar-circular cathode.
int runDesignSearch(const std::string& toolPath, const std::string& substrate, const std::string& out,
                    const DesignBounds& bounds, bool json);

}  // namespace magtwin
