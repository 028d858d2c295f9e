// What kind of result a folder holds, decided from the files in it, so `magtwin view`
// can pick the ParaView script that draws its standard picture. The layouts are defined
// in postprocessing/README.md (the solvers write them; the view scripts read them):
//   erosion      erosion.pvd (+ the surface_NNNN.vts it lists), summary.json optional
//   deposition   thickness.vts (thickness_nm, in_quality_area), summary.json optional
//   openfoam     system/controlDict (an OpenFOAM case; read through case.foam)
//   comparison   two or more subfolders that are erosion results (e.g. planar/, rotary/)
//   replay       report.json + maps.pvd (+ maps/, uniformity.csv): `magtwin twin replay`
//   life-sweep   life_sweep.csv + life_sweep.pvd (+ maps/, summary.json): `deposit --life-sweep`
#pragma once

#include <string>
#include <vector>

namespace magtwin {

enum class ResultKind { Erosion, Deposition, OpenFoamCase, Comparison, Replay, LifeSweep };

/// "erosion", "deposition", "openfoam", "compare", "replay", "life-sweep": the names `magtwin view --kind` takes.
const char* resultKindName(ResultKind kind);

/// The pvbatch script (file name in postprocessing/paraview/) that draws `kind`.
const char* viewScriptFor(ResultKind kind);

/// Parses a kind name; throws std::invalid_argument listing the valid names.
ResultKind resultKindFromName(const std::string& name);

/// Every kind `dir` qualifies as, in the order erosion, deposition, openfoam, comparison, replay,
/// life-sweep.
/// Throws std::invalid_argument if `dir` is not a folder.
std::vector<ResultKind> detectResultKinds(const std::string& dir);

/// The kind to draw: the first detected one. Throws std::invalid_argument naming the
/// folder and the files that were looked for if none matches.
ResultKind classifyResultFolder(const std::string& dir);

}  // namespace magtwin
