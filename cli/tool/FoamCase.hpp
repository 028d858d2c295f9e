// FoamCase: a complete, runnable 3-D OpenFOAM case written from a tool file
// (`magtwin foam-case`): the mesh dictionaries (FoamCaseMesh), each cathode as its own patch
// whose sputteredFlux entries are FoamDict's (power, track, profile, magnet motion: the one
// resolved cathode), the substrate as a filmDeposition patch with the ballistic share of every
// cathode in line of sight and the filmUniformity function object over `deposit`'s quality
// area, shields and walls, and an Allrun with absolute paths (Debian's OpenFOAM, the plugin
// library, sputterFoam) that needs nothing set in the environment and ends with
// results/summary.json and results/film.csv.
//
// What it meshes (FoamCaseLayout): one circular planar target coaxial with a wafer (an
// O-grid cylinder), planar rectangular targets with their faces in one plane over a static
// glass (a box; each target at deposit's power trim), or rotary tubes over a static glass (a
// box with each tube an O-grid, its surface and end caps its patch: FoamCaseRotary; each tube
// at deposit's power trim). Every other arrangement is refused naming
// the cathode and the reason (exit status 2), as are tool files it cannot mesh (a target
// through or touching the substrate plane: the reader's check).
//
// The deposition is `deposit`'s: the substrate motion's time (one step of that length:
// thickness = flux x time, exact for the backward-Euler film of filmDeposition), the motion
// average (a rotating wafer under an axisymmetric source is the static film: the rotating
// magnet's ring is already its turn average, RacetrackFlux), the same quality area (wafer
// radius - edge exclusion). At process.pressure 0 every sputtered atom is ballistic
// (thermalizedFraction 0); at a pressure the gas entries (diffusivity, thermalisation) come from
// the core's gas model for the pairs deposit's fast gas model is calibrated for, others refused.
//
// With --life (FoamCaseLife) the Allrun first erodes every cathode to the life point
// (moveDynamicMesh, sputterErosion) and computes the film on the eroded mesh, at deposit's
// trims for that life point; results/summary.json adds each cathode's life and utilization.
//
// Symmetry: the wafer chamber and the planar line are meshed whole. The rotary line is meshed
// as the half y >= glass centre where every tube is centred on the glass along its axis (a
// symmetryPlane patch; filmDeposition mirrors the emitting faces across symmetryPlane
// patches, so the line-of-sight film is the whole line's).
#pragma once

#include "cli/tool/FoamCaseLife.hpp"
#include "cli/tool/ToolFile.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct FoamCaseOptions {
    std::string substrate;                            ///< substrate name ("" = the tool file's first)
    long cells = 150000;                              ///< about this many cells
    std::string outDir;                               ///< the case folder (written complete or not at all)
    std::string binDir;                               ///< absolute folder of `magtwin` and `sputterFoam`
    std::string libDir;                               ///< absolute folder of libmagtwinFoam.so
    std::string openFoamDir = "/usr/share/openfoam";  ///< WM_PROJECT_DIR of the binaries
    FoamCaseLife life;                                ///< --life: erode the cathodes first (FoamCaseLife)
};

struct FoamCaseReport {
    std::string outDir;
    long cells = 0;
    double gapM = 0.0, motionTimeS = 0.0;
    std::vector<double> trims;         ///< each cathode's power trim (deposit's, or 1)
    std::vector<std::string> patches;  ///< cathodes, substrate, shields, walls
    std::string reduction;             ///< the symmetry reduction taken (or why none)
    double lifeKWh = -1.0;             ///< --life: each cathode's energy at the film (-1: new targets)
    double erosionTimeS = 0.0;         ///< --life: the erosion phase's end time (s)
};

/// Writes the case of `tool` into options.outDir (through a temporary folder renamed at the
/// end). Throws ConfigError naming the tool file and the cathode or substrate and the reason
/// for an arrangement it cannot mesh; nothing is written then.
FoamCaseReport writeFoamCase(const ToolFile& tool, const FoamCaseOptions& options);

}  // namespace magtwin
