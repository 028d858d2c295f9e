// ReplayMaps: the replay's substrate maps as a ParaView time series, and the uniformity
// over target life as a table (both read by postprocessing/paraview/replay_view.py).
//  - maps.pvd lists maps/map_NNNN.vts (film_rate_nm_s, Float32, in_quality_area) at their
//    hours since the first sample: the intervals the replay kept (ReplaySetup::mapEvery;
//    `twin replay` keeps 32 to 64 evenly spaced ones by default, --map-every N for every
//    N-th mapped interval). Without VTK (MAGTWIN_WITH_VTK off) no series is written.
//  - uniformity.csv: per mapped interval life_kWh (the largest over its sources),
//    uniformity_pct and uniformity_exact_pct (the exact check, empty where not checked).
#pragma once

#include "twin/replay/TwinReplay.hpp"

#include <filesystem>

namespace magtwin {

/// Writes maps.pvd, maps/ and uniformity.csv into `dir`; returns the number of maps.
std::size_t writeReplayMaps(const ReplayResult& r, const std::filesystem::path& dir);
/// The largest life (kWh) over the step's sources.
double stepLifeKWh(const ReplayStep& s);

}  // namespace magtwin
