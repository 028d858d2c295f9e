// makeErosionEngine: the one builder of the erosion engine of a cathode (CathodeSpec) with a
// chamber's erosion settings. `magtwin erode`, the eroded targets of `deposit --life-kWh` /
// `--life-sweep`, `compare`, the twin's forecast and replay and the OpenFOAM dictionaries
// all build it here, so every path honours every `erosion:` setting, the target's
// multiplier map, the narrowing exponent and the groove redeposition alike, and reports the
// same life and utilization for one tool file.
//
// The engine (solvers/erosion): the discharge balance (IonSupply, operatingPoint), the
// angle-dependent yield Y(E, theta) of `discharge.yield_model` x `erosion.angular`
// (boundary/yield), the racetrack flux (boundary/racetrack/RacetrackFlux) and the
// ErosionFront (its equation and scheme in ErosionFront.hpp) with
//   grid spacing        erosion.grid_spacing, default the cathode's mesh pitch,
//   max depth increment erosion.max_depth_increment,
//   rotary cells        erosion.angular_cells (0: automatic, ErosionSettings),
//   narrowing           target.magnet_distance, magnets.racetrack.narrowing_exponent,
//   magnet travel       planar-rect wobble travel (time average, ErosionFront.hpp),
// and the end of life (ErosionLife): erosion.min_remaining_thickness, erosion.limit and the
// output life points erosion.outputs (the time steps stop there, so every path that runs
// to end of life takes the same steps).
//
// Magnet motion on a rotary tube: the tube turns under a racetrack fixed in the lab, so
// every point of the target passes every lab angle and the erosion is the rotation average
// of the racetrack flux around the circumference. Swinging the magnet bar (a wobble of
// amplitude A around the axis) shifts the racetrack in angle only, which leaves that
// average unchanged: a wobbling rotary bar erodes exactly as the turning tube with a fixed
// bar (rotaryWobbleIgnoredByErosion says when this applies). The deposition side applies
// the swing to the eroded emission map (ErodedTargets).
#pragma once

#include "boundary/yield/SputterYield.hpp"
#include "solvers/chamber/CathodeSpec.hpp"
#include "solvers/chamber/OperatingPoint.hpp"
#include "solvers/erosion/ErosionFront.hpp"
#include "solvers/erosion/ErosionLife.hpp"
#include "solvers/erosion/ErosionRate.hpp"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace magtwin {

/// The `erosion:` settings of a chamber (every cathode of the tool file), SI.
struct ErosionEngineSettings {
    std::string angular = "yamamura1983";  ///< angular factor of the yield (boundary/yield)
    std::optional<double> gridSpacingM;    ///< default: the cathode's mesh pitch
    double maxDepthIncrementM = 1e-4;
    int angularCells = 0;                  ///< rotary: cells around the tube; 0 automatic
    double minRemainingThicknessM = 1e-3;  ///< end of life
    std::optional<double> lifeLimitKWh;    ///< end of life at this energy at the latest
    std::vector<double> outputLifeKWh;     ///< life points where the steps stop (and erode writes snapshots)
};

/// The erosion engine of one cathode: its operating point, yield, rate, flux and the
/// front of the new target. Not copyable (the front references the flux and the rate);
/// copy `front` (an ErosionFront copies) to run a state forward without changing it.
struct ErosionEngine {
    OperatingPoint operating;  ///< power, voltage, ion current, gamma_SE, ion energy, yield
    IonSupply supply;          ///< the same discharge balance (IonSupply's fields)
    std::unique_ptr<SputterYield> yield;
    std::unique_ptr<ErosionRate> rate;
    std::unique_ptr<RacetrackFlux> flux;
    ErosionSettings settings;             ///< the front's settings (cathode frame, origin 0)
    LifeSettings life;                    ///< end of life, output points
    std::unique_ptr<ErosionFront> front;  ///< the new target

    ErosionEngine() = default;
    ErosionEngine(const ErosionEngine&) = delete;
    ErosionEngine& operator=(const ErosionEngine&) = delete;

    double powerW() const { return supply.powerW; }
    /// Runs a copy of the new target to its end of life (the front stays new).
    LifeResult runToEndOfLife(const LifeProgress& progress = {}, bool snapshots = false) const;
};

/// Builds the engine of `cathode` (its discharge as given: power or current) with
/// `settings`. Throws CathodeSpecError naming the key for anything it cannot represent
/// (an unknown yield or angular model, a racetrack footprint off the target, a minimum
/// remaining thickness not below the target thickness, a malformed grain map).
std::unique_ptr<ErosionEngine> makeErosionEngine(const CathodeSpec& cathode, const ErosionEngineSettings& settings);

/// The same checks without building the front (cheap): what the tool-file reader runs on
/// every cathode so that every command refuses the same file with the same error.
void checkErosionEngine(const CathodeSpec& cathode, const ErosionEngineSettings& settings);

/// True when `cathode` is a rotary tube whose magnet bar swings (wobble amplitude > 0):
/// its erosion is the turning tube's rotation average, which the swing does not change
/// (see the header comment).
bool rotaryWobbleIgnoredByErosion(const CathodeSpec& cathode);

}  // namespace magtwin
