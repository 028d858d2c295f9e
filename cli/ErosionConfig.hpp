// ErosionConfig: one cathode of a tool file (cli/tool/ToolFile) turned into the physics
// objects `magtwin erode` runs. Errors name file, line and key (ConfigError, exit 2),
// including physics checks such as a racetrack footprint outside the target.
#pragma once

#include "erosion/ErosionFront.hpp"
#include "erosion/ErosionLife.hpp"
#include "erosion/ErosionRate.hpp"
#include "racetrack/IonSupply.hpp"
#include "racetrack/RacetrackFlux.hpp"
#include "tool/ToolFile.hpp"
#include "yield/SputterYield.hpp"

#include <memory>
#include <string>

namespace magtwin {

/// Everything `magtwin erode` runs, built and checked from a tool file's cathode.
struct ErosionSetup {
    std::string configPath;
    std::string title;
    std::string material;
    std::string gas;
    IonSupply supply;
    std::unique_ptr<SputterYield> yield;
    std::unique_ptr<ErosionRate> rate;
    std::unique_ptr<RacetrackFlux> flux;
    ErosionSettings settings;
    LifeSettings life;
    /// VTK surfaces: keep every n-th grid point along u and v (1 = all). From
    /// erosion.vtk_spacing, or automatic: at most ~150k points per surface file.
    std::size_t vtkStrideU = 1;
    std::size_t vtkStrideV = 1;
    /// Where the cathode sits in the tool file's chamber frame (planar: centre of the
    /// sputtering face; rotary: centre of the tube axis). The engine erodes in the cathode's
    /// own frame (long axis x, face toward -z, at the origin); the VTK output is placed in
    /// the chamber frame (long axis y) with this position (ErosionOutput).
    Eigen::Vector3d chamberPosition = Eigen::Vector3d::Zero();
};

/// The erosion run of cathode `cathodeName` of `tool` (its erosion: settings); throws
/// ConfigError naming the file, line and key, or the unknown cathode.
ErosionSetup erosionSetupFor(const ToolFile& tool, const std::string& cathodeName);

}  // namespace magtwin
