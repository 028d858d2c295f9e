// CathodeSpec: one cathode of a chamber, resolved once from the tool file (cli/tool reads
// the YAML into these plain SI structs; docs/tool-file.md lists the keys) and used as it is
// by every path: the erosion engine (makeErosionEngine, `erode`, the eroded targets of
// deposit/compare/forecast/replay), the deposition sources (CathodeLayout) and the OpenFOAM
// dictionaries. Nothing translates it into another description and back.
//
// Chamber frame: the substrate plane is z = 0 with z up towards the cathodes; y runs along
// the long axis of the cathodes (planar-rect length, rotary tube axis); x across them (the
// direction in which arrays repeat). `position` is the centre of a planar target's
// sputtering face or of a rotary tube's axis. The erosion engine works in the cathode's own
// frame (long axis x, face towards -z, at the origin).
//
// An array (`array:` in the tool file) is one prototype plus the placement of its members:
// member k of n sits at x = centre + (k - (n - 1) / 2) pitch, otherwise identical
// (ArrayPlacement; CathodeGroup keeps the prototype and the placement, the tool file's
// cathode list holds the members by name).
#pragma once

#include "boundary/materials/Material.hpp"
#include "boundary/racetrack/RacetrackFlux.hpp"
#include "boundary/racetrack/TrackProfile.hpp"
#include "solvers/erosion/YieldMultiplierMap.hpp"
#include "solvers/motion/SwingAverage.hpp"

#include <Eigen/Core>
#include <Eigen/Geometry>

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace magtwin {

struct TargetSpec {
    Material material;              ///< element or compound/alloy (boundary/materials)
    double thicknessM = 0.0;        ///< target material (rotary: tube wall of target material)
    std::string backing;            ///< backing plate / tube (text, documentation only)
    double magnetDistanceM = 0.0;   ///< new target face -> magnet poles; 0 = no groove narrowing
    std::string multiplierMapFile;  ///< optional CSV x_mm,y_mm,multiplier (absolute path); "" = none
    /// The grain map read from multiplierMapFile (cathode frame: (x, y) planar, (x, R phi)
    /// rotary); null = multiplier 1 everywhere. Read once by the tool-file reader.
    std::shared_ptr<const YieldMultiplierMap> multiplierMap;
    bool grooveRedeposition = false;  ///< erosion engine: GrooveRedeposition (planar-rect, rotary)
    /// Target-state yield factor in the same frame as the multiplier map: a reactive target's
    /// metal atoms per ion relative to the metallic surface's (solvers/reactive/
    /// ReactiveTargetState); empty = 1. Set by erode and deposit for a reactive supply.
    std::function<double(const Eigen::Vector2d&)> stateYieldFactor;
};

/// Magnet motion: none, a rotating magnet (planar-circular: ring centre `offsetM` off the
/// target axis, time averaged) or a bar wobble (rotary: angle amplitude; planar-rect: travel).
struct MagnetMotion {
    enum class Kind { None, Rotating, Wobble };
    Kind kind = Kind::None;
    double offsetM = 0.0;             ///< rotating
    int angleSamples = 256;           ///< rotating: trapezoid nodes over a turn
    double wobbleAmplitudeRad = 0.0;  ///< rotary wobble
    double wobbleTravelM = 0.0;       ///< planar-rect wobble
    int wobbleSamples = 16;           ///< quadrature nodes of the wobble average (motion/SwingAverage)
    SwingWaveform waveform = SwingWaveform::Sinusoidal;  ///< wobble: position over a period
    double dwellFraction = 0.0;  ///< wobble, waveform dwell: fraction of a period at the reversal points
};

/// Magnet pack + racetrack in one vocabulary (boundary/racetrack): loop geometry, profile,
/// turnaround enhancement, narrowing law, motion.
struct MagnetPack {
    RacetrackSpec track;  ///< straight/separation or ring radius; E_t; magnet offset
    TrackProfileSpec profile;
    std::string profileFile;         ///< tabulated: the CSV it came from (absolute path)
    double narrowingExponent = 1.0;  ///< TrackNarrowing p
    MagnetMotion motion;
};

struct DischargeSpec {
    std::string gas;  ///< element symbol (default: process gas)
    double voltageV = 0.0;
    std::optional<double> powerW;  ///< one of power or current
    std::optional<double> currentA;
    double gammaSE = 0.0;  ///< resolved: given, or Baragiola's (IonSupply)
    bool gammaSEGiven = false;
    std::string yieldModel = "auto";
};

struct CathodeSpec {
    std::string name;
    CathodeKind kind = CathodeKind::PlanarRect;
    Eigen::Vector3d position = Eigen::Vector3d::Zero();
    TargetGeometry geometry;  ///< chamber sizes: length along y, width along x, radius; thickness
    TargetSpec target;
    MagnetPack magnets;
    DischargeSpec discharge;
    double meshPitchM = 0.002;  ///< emission elements (rotary: axial pitch); erosion grid default
    double meshAngularPitchRad = 0.0523598775598298873;  ///< rotary: 3 deg
    double lifeKWh = -1.0;                               ///< own life point for deposit (< 0: the run's)
    /// "FILE:LINE: key 'cathodes[i].magnets.racetrack" of the item it came from, so later
    /// physics checks can point at the file (append "...': what").
    std::string racetrackOrigin;
    // Array membership (cathodes expanded from `array:`): all members share everything
    // but x; member k of n sits at x = centre + (k - (n - 1) / 2) pitch.
    std::string arrayName;  ///< "" for a single cathode
    int arrayIndex = 0, arrayCount = 1;
    double arrayPitchM = 0.0;
    /// Orientation of a planar cathode (tool file `facing:` or `tilt:`): the rotation that
    /// takes the untilted cathode (face normal -z, long axis y, as described above) into the
    /// chamber frame, about `position` (the centre of the sputtering face). Identity: untilted,
    /// and every path then computes exactly what it did before orientations existed.
    /// Rotary tubes stay along y (identity).
    Eigen::Matrix3d orientation = Eigen::Matrix3d::Identity();
    bool tilted() const { return orientation != Eigen::Matrix3d::Identity(); }
    /// Outward unit normal of the (new) sputtering face in the chamber frame.
    Eigen::Vector3d faceNormal() const { return orientation * Eigen::Vector3d(0, 0, -1); }
};

/// A point given in the untilted cathode frame relative to `centre` (x across, y along the
/// long axis, z up) placed in the chamber frame: centre + R local. With R = identity this is
/// centre + local exactly (no product is formed), so untilted results are bit for bit those
/// of the code before orientations.
inline Eigen::Vector3d placeOnCathode(const Eigen::Matrix3d& R, const Eigen::Vector3d& centre,
                                      const Eigen::Vector3d& local) {
    return R == Eigen::Matrix3d::Identity() ? Eigen::Vector3d(centre + local) : Eigen::Vector3d(centre + R * local);
}
/// A direction of the untilted cathode frame in the chamber frame (identity: unchanged).
inline Eigen::Vector3d turnWithCathode(const Eigen::Matrix3d& R, const Eigen::Vector3d& v) {
    return R == Eigen::Matrix3d::Identity() ? v : Eigen::Vector3d(R * v);
}
/// The rotation taking the untilted face normal (0, 0, -1) onto the unit `facing`, by the
/// smallest angle (about (0, 0, -1) x facing; Rodrigues). facing = (0, 0, -1): identity;
/// facing = (0, 0, 1) (a target facing straight up) has no unique axis: half a turn about x.
Eigen::Matrix3d orientationFacing(const Eigen::Vector3d& facing);
/// Rotation by `angleRad` (right-handed) about the chamber axis `axis` (0 = x, 1 = y) through
/// the target centre.
Eigen::Matrix3d orientationTilt(int axis, double angleRad);

/// A cathode or setting the solvers cannot represent. `key` is the tool-file key it comes
/// from: relative to the cathode ("magnets.racetrack.straight_length", "discharge.yield_model",
/// "target.multiplier_map") or, starting with "erosion.", to the file's root. The tool-file
/// reader turns it into its file:line:key error.
struct CathodeSpecError : std::invalid_argument {
    CathodeSpecError(std::string k, const std::string& what) : std::invalid_argument(what), key(std::move(k)) {}
    std::string key;
};

/// The discharge power of a cathode (W): the given power, or V I.
double dischargePowerW(const DischargeSpec& d);

}  // namespace magtwin
