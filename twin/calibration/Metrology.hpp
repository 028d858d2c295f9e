// Metrology: film-thickness measurements on the substrate (x, y, thickness) and the
// replay's prediction at those points. A file is CSV with a header naming the columns and
// their units: x_mm (or x_m), y_mm (or y_m), thickness_nm (or thickness_A, thickness_um);
// '#' lines are comments. A file named after a substrate the log shows (chamber.substrate_id,
// e.g. LOT42-W0005.csv as `twin simulate-log` writes them) measures that substrate's film,
// any other the film of the whole stored log: the prediction at a point is per source the
// sum over those intervals with the substrate shutter open of the
// source's film-rate map (at its mean power) x its energy / mean power, bilinearly interpolated on the
// substrate grid (the maps are smooth on the grid pitch; a point outside the grid is an
// error naming the file and line).
#pragma once

#include "solvers/deposition/Substrate.hpp"
#include "twin/replay/TwinReplay.hpp"
#include "twin/store/TwinState.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct MetrologyPoint {
    std::string file;
    int line = 0;
    double xM = 0.0, yM = 0.0, thicknessM = 0.0;
};

/// Throws std::invalid_argument naming the file, line and column on bad input.
std::vector<MetrologyPoint> readMetrology(const std::string& path);

/// The points as store measurements (kind "metrology", origin the file's name without its
/// folder, thickness in m): the same file brought in twice gives the same rows.
std::vector<MeasurementRecord> metrologyMeasurements(const std::vector<MetrologyPoint>& points);

/// Bilinear interpolation of a grid field at (x, y); throws std::out_of_range outside.
double interpolateOnGrid(const SubstrateGrid& g, const std::vector<double>& field, double xM, double yM);

/// Per (source|target) key, the predicted uncalibrated film thickness map (m) of the whole
/// log (substrateId "") or of the intervals of one substrate, on the substrate grid
/// (intervals with the substrate shutter open; replay with keepSourceMaps).
std::vector<std::pair<std::string, std::vector<double>>> loggedFilmMaps(const ReplayResult& replay,
                                                                        const std::string& substrateId = "");

/// The substrate a metrology file measures: its name without folder and extension when some
/// interval of `replay` was on a substrate of that ID, else "" (the whole log).
std::string metrologySubstrate(const ReplayResult& replay, const std::string& file);

}  // namespace magtwin
