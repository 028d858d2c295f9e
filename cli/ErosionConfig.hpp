// ErosionConfig: one cathode of a tool file (cli/tool/ToolFile) and the tool's erosion:
// settings handed to the one erosion-engine builder (solvers/chamber/makeErosionEngine),
// plus what only `magtwin erode` writes (snapshots, VTK resolution, placement). Errors name
// file, line and key (ConfigError, exit 2): the reader already checked every cathode the
// way the engine takes it.
#pragma once

#include "cli/tool/ToolFile.hpp"
#include "cli/tool/ToolReactiveState.hpp"
#include "solvers/chamber/ErosionEngine.hpp"

#include <memory>
#include <string>

namespace magtwin {

/// Everything `magtwin erode` runs, built and checked from a tool file's cathode.
struct ErosionSetup {
    std::string configPath;
    std::string title;
    std::string material;
    std::string gas;
    std::unique_ptr<ErosionEngine> engine;  ///< makeErosionEngine(cathode, tool.erosion)
    LifeSettings life;                      ///< the engine's, with erode's snapshot resolution
    /// VTK surfaces: keep every n-th grid point along u and v (1 = all). From
    /// erosion.vtk_spacing, or automatic: at most ~150k points per surface file.
    std::size_t vtkStrideU = 1;
    std::size_t vtkStrideV = 1;
    /// Where the cathode sits in the tool file's chamber frame (planar: centre of the
    /// sputtering face; rotary: centre of the tube axis). The engine erodes in the cathode's
    /// own frame (long axis x, face toward -z, at the origin); the VTK output is placed in
    /// the chamber frame (long axis y) with this position (ErosionOutput).
    Eigen::Vector3d chamberPosition = Eigen::Vector3d::Zero();
    /// The cathode's orientation (CathodeSpec::orientation: identity unless a planar target is
    /// tilted), applied about chamberPosition after the quarter turn.
    Eigen::Matrix3d chamberOrientation = Eigen::Matrix3d::Identity();
    /// A rotary tube whose magnet bar swings: eroded as the turning tube (rotation average,
    /// which the swing does not change; ErosionEngine.hpp). Its amplitude (rad), else 0.
    double rotaryWobbleAmplitudeRad = 0.0;
    /// The target's state under the tool's reactive supply (process.reactive.flows): the engine
    /// erodes with its yield factor. None: a metallic target.
    std::optional<ReactiveTargetState> reactive;
};

/// A point of the erosion engine's cathode frame (long axis x) in the chamber frame (long axis
/// y, docs/tool-file.md): a quarter turn about z, (x, y, z) -> (-y, x, z), then the cathode's
/// orientation (identity unless a planar target is tilted) about its position. Untilted, the
/// face normal (z) is the same in both frames, so depths and angles are unchanged.
Eigen::Vector3d erosionPointInChamber(const ErosionSetup& setup, const Eigen::Vector3d& p);

/// The erosion run of cathode `cathodeName` of `tool` (its erosion: settings); throws
/// ConfigError naming the file, line and key, or the unknown cathode.
ErosionSetup erosionSetupFor(const ToolFile& tool, const std::string& cathodeName);

/// The note `erode` prints (stderr) and writes for a wobbling rotary bar; "" otherwise.
std::string rotaryWobbleNote(const ErosionSetup& setup);

}  // namespace magtwin
