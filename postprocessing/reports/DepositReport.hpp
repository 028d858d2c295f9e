// The files `magtwin deposit` writes, and its verdict line.
//   thickness.csv      only with `--csv`: x_mm, y_mm, thickness_nm, rate_nm_s (static,
//                      rotation), in_quality_area, and for a film of several species
//                      <El>_fraction per species (points on the substrate; 78 MB for a
//                      Gen-10.5 map at 2 mm, so not by default)
//   thickness.vts      the map for ParaView (fields thickness_nm, rate_nm_s, <El>_fraction
//                      per species of the film, e.g. Zr_fraction; mask in_quality_area;
//                      `magtwin view` draws it), when built with VTK
//   thickness_map.png  heat map with the band (max+min)/2 x (1 -+ target) outlined:
//                      the film passes when every point of the quality area lies inside
//   summary.json       {"uniformity_range_pct","uniformity_sigma_pct","mean_nm","min_nm",
//                       "max_nm","pass","edge_exclusion_mm","method", ...,
//                       "composition": {"basis": "atomic", "thickness_rule": ...,
//                         "species": {"Zr": {"mean_at_pct","min_at_pct","max_at_pct",
//                         "uniformity_at_pct"}, ...}}}   (over the quality area; an
//                       elemental film: its one element at 100 %, uniformity 0)
//                       "diagnosis": where U comes from and what to try (DiagnosisReport.hpp);
//                       each cathode's "power_kW" (its group's power x its trim)
#pragma once

#include "solvers/deposition/DepositionRun.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

namespace magtwin {

std::string summaryJson(const DepositRun& run);
/// The summary's "composition" object of a film (FilmComposition.hpp).
std::string compositionJson(const FilmComposition& composition);
void printVerdict(const DepositRun& run, std::ostream& out);
/// Writes everything into `dir` + ".tmp-PID", then renames it to `dir` (replacing an old
/// folder only after the new one is complete). On failure nothing is left behind.
/// `withCsv`: also thickness.csv (the user asked for it with --csv). `extra` (when set)
/// writes more files into the temporary folder before it is renamed.
void writeDepositFolder(const DepositRun& run, const std::string& dir, bool withCsv = false,
                        const std::function<void(const std::filesystem::path&)>& extra = {});

}  // namespace magtwin
