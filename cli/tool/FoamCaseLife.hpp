// FoamCaseLife: `magtwin foam-case --life`, a generated case that erodes its cathodes to a
// life point before it computes the film (docs/openfoam.md, "Eroded targets").
//
// The life point is per cathode, as `deposit --life-kWh` takes it: every cathode has
// delivered X kWh of its own energy ("X kWh"), or the line has run until its first target
// reaches the end of life, erosion.min_remaining_thickness left ("end"). The Allrun then
//   1. erodes every cathode patch (moveDynamicMesh: dynamicMotionSolverFvMesh +
//      displacementLaplacian, the sputterErosion condition on each cathode's points, which
//      runs the core's erosion engine, the one `magtwin erode` runs: narrowing, magnet travel,
//      groove redeposition, ENO2/LLF front) with one targetErosion function object per
//      cathode (postProcessing/erosion_NAME/0/targetErosion.dat: depth, remaining thickness,
//      utilization, energy, mesh quality; endOfLife.json at the end of life; deltaT from
//      the erosion Courant number);
//   2. computes the film over the substrate motion's time on the eroded mesh (sputterFoam,
//      a static mesh from the eroded points), as the new-target case does;
//   3. writes results/summary.json with the film figures and, per cathode, life_kWh,
//      utilization_pct, min_remaining_m, max_depth_m.
//
// One clock for cathodes at different powers (deposit's trims): the eroded shape after E kWh
// does not depend on the power it was delivered at (dV/dt = Gamma Y / n with Gamma
// proportional to the discharge current, solvers/erosion/ErosionRate.hpp; the track
// narrowing follows the depth, the magnet travel is a time average), so in the erosion phase
// cathode k runs at the largest power P_ref (its ion flux scaled by ionFluxScale P_ref / P_k)
// and every cathode reaches X kWh at t = X / P_ref. targetErosion's energy is P_k times the
// integral of that scale, i.e. the cathode's own kWh. The film phase runs each cathode at its
// own power, deposit's trims at the life point (runDeposition at X kWh re-optimises them as
// `deposit --life-kWh X` does).
#pragma once

#include "cli/tool/ToolFile.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct FoamCaseLife {
    bool erode = false;  ///< --life given
    bool toEnd = false;  ///< "end": up to the first target's end of life
    double kWh = 0.0;    ///< "X kWh": each cathode's energy (> 0)
};

/// "end" or an energy ("500 kWh", "1.8e9 J"). Throws UsageError (exit status 2) otherwise.
FoamCaseLife parseFoamCaseLife(const std::string& text);

/// The erosion phase of a case: what FoamCase writes besides the new-target case.
struct FoamCaseErosion {
    double lifeKWh = 0.0;         ///< the life point (each cathode's energy; "end": the engine's end of life)
    double endTimeS = 0.0;        ///< the erosion phase's end time (beyond the end of life for "end")
    double referencePowerW = 0;   ///< P_ref: every cathode erodes at this power
    std::vector<double> powersW;  ///< each cathode's power in the film phase (and targetErosion's)
};

/// The life point (kWh per cathode) of `life` on substrate `substrate`'s deposition run: the
/// energy given, or for "end" the smallest end of life over the cathodes from the core's
/// erosion engine (TargetErosionState, as `deposit --life-sweep`: the line stops when its
/// first target is used up). An energy at or past that end of life is refused (ConfigError
/// naming the tool file and the end of life).
double foamCaseLifeKWh(const ToolFile& tool, const std::string& substrate, const FoamCaseLife& life);

/// The erosion clock of `cathodes` (deposit's powers at the life point) to `lifeKWh`.
FoamCaseErosion foamCaseErosion(double lifeKWh, bool toEnd, const std::vector<ToolCathode>& cathodes);

/// The fvSolution solver entries of the mesh motion (cellDisplacement).
std::string erosionSolverEntries();

/// constant/dynamicMeshDict of the erosion phase (the motion solver) and of the film phase.
std::string erosionDynamicMeshDict();
std::string filmDynamicMeshDict();

/// 0/pointDisplacement: sputterErosion on each cathode (its constant/source.NAME, the frame
/// of 0/c's entries, ionFluxScale P_ref/P_k), fixed on `otherPatches`.
std::string pointDisplacementField(const std::vector<ToolCathode>& cathodes,
                                   const std::vector<std::string>& otherPatches, const FoamCaseErosion& e);

/// system/controlDict.erosion: moveDynamicMesh to endTimeS, one targetErosion per cathode.
std::string erosionControlDict(const std::string& libPath, const std::vector<ToolCathode>& cathodes,
                               const FoamCaseErosion& e);

/// The Allrun's shell functions erode_serial and erode_parallel N of the erosion phase: they
/// leave the eroded mesh as the latest time (its name in LIFE_T, the field c copied there) and
/// the film phase's controlDict (ending one motion time later) and dynamicMeshDict in place.
std::string erosionAllrunPhase(double motionTimeS);

/// The Allrun text that adds the life entries to results.tmp/summary.json (after the film's):
/// life_point, erosion_time_s, cathodes [{name, life_kWh, utilization_pct, min_remaining_m,
/// max_depth_m, width_scale, end_of_life}], life_kWh (the smallest cathode energy).
std::string erosionAllrunSummary(const std::vector<ToolCathode>& cathodes, const FoamCaseErosion& e, bool toEnd);

}  // namespace magtwin
