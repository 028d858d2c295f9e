// `magtwin deposit TOOL --design-search --out DIR`: magnet design search for a wafer
// chamber with one planar-circular cathode (solvers/deposition/RingMagnetDesign.hpp: ring
// radius, Gaussian sigma, throw and, on request, a rotating magnet's offset; the track must fit the target by the
// erosion engine's rule, ring + magnet offset + 3.035 sigma <= target radius; default bounds and the sources of the
// throw range there). The command parses the bounds (mm, LO:HI), checks designs against the tool's sensors, calls
// searchRingMagnet and writes into DIR:
//   design.json       bounds, evaluations, seconds, the tool's own design and the best five
//                     (ring_radius_mm, sigma_mm, throw_mm, magnet_offset_mm, U_pct, sigma_mean_pct,
//                     mean_nm, rate_nm_s, pass), and the throw/rate trade-off: the best
//                     design at each throw of the search grid (figures on the search grid)
//   design_tool.yaml  the tool file with the best design (`magtwin deposit` reproduces it)
//   thickness_map.png, thickness.vts, summary.json: the best design's deposit run
#pragma once

#include <string>

namespace magtwin {

struct DesignBounds {
    std::string ringMm;    ///< "LO:HI"; "" = 20 % of the target radius .. target radius - magnet offset
    std::string sigmaMm;   ///< "" = 8:40
    std::string throwMm;   ///< "" = 50:300
    std::string offsetMm;  ///< rotating magnet's offset; "" = the tool's own (fixed)
};

/// Runs the search and writes DIR (complete or not at all); throws UsageError on bad bounds
/// or a tool without exactly one planar-circular cathode.
int runDesignSearch(const std::string& toolPath, const std::string& substrate, const std::string& out,
                    const DesignBounds& bounds, bool json);

}  // namespace magtwin
