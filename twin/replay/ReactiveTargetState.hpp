// ReactiveTargetState: each log source's target followed through the log by the
// time-dependent Berg balances (solvers/reactive/TargetStateDynamics.hpp). Per row:
//  - the reactive supply of the row (ReactiveSupply.hpp: MFC flows and crackers, sccm);
//  - the ion flow from the row's delivered power and discharge voltage (DC voltage or RF DC
//    self-bias, SourcePower.hpp) through reactiveSetup (ReactiveProcess.hpp: I_ion =
//    I / (1 + gamma_SE), metal and compound yields at e V); rows with the source off keep
//    only the gas's reaction with the target (a vanishing ion flow);
//  - the chamber's part from the tool file's process.reactive (ReactiveChamber per source:
//    its target area, the collector area, pumping speed, sticking coefficients);
//  - the target resolved along its racetrack (`profiles`, per source: the erosion engine's
//    grid cells with the racetrack's flux shape, TargetStateDynamics.hpp): each patch's
//    compound fraction follows its local ion flux, so the track centre stays metallic longer
//    than its flanks and the emission (the rate factor) is the resolved one. A source without
//    a profile is Berg's uniform target. A state restored from the store (its area mean)
//    starts every patch at that mean.
// The gas a target reacts with is the reactive gas with compound data for its metal that has
// the largest supply on the row (one compound fraction per target: a second gas at the same
// time is noted, not modelled).
// Co-sputtering: on a row where two or more sources run (power > 0), those following the
// row's gas (the largest supply among the running sources' gases) and those whose metal has no
// compound with it (e.g. Zr under S2: metal only, at metalOnlySetup's ion flow and yield,
// CoSputterProcess.hpp) are advanced together in one gas balance and on one collector
// (CoSputteringDynamics.hpp); the collector starts the row as the mean of theirs and every
// member keeps the common theta_c (so each target's stored state carries it). Sources that are
// off keep their own balance (the gas's reaction with an idle target), as a single source does.
// The rows are noted ("co-sputtering: rf2 (Ba) + rf3 (Zr, metal only) in S2 ...").
// Erosion follows the state: per row and source, each flux class's yield factor m(theta) =
// (1 - theta) + theta Y_c / Y_m with theta the class's mean over the row (classYieldFactor;
// solvers/reactive/ReactiveTargetState.hpp), which the replay puts on the erosion engine's
// cells by flux class (FluxClasses.hpp, ErosionFront::setRelativeFluxYieldFactor). Each (source, target ID) keeps its
// own state; a target with a stored state from before the log's first row starts from it, else metallic. Outputs per
// source and row: theta_t, theta_c and the rate factor (mean over the row of the metal atoms sputtered over those of
// the metallic target at the same ion flow), which the replay multiplies into the source's emission; the crystal's mass
// per metal atom adds x theta_c reactive atoms (the collector's compound, B&N eq. 6). Mode changes are findings: a
// target "entered compound mode" when theta_t rises above 0.6 and "returned to metal mode" when it falls below 0.4 (a
// band around Berg's theta_t = 1/2 so that noise at the boundary does not read as a string of transitions).
#pragma once

#include "boundary/materials/Material.hpp"
#include "solvers/reactive/FluxClasses.hpp"
#include "solvers/reactive/ReactiveProcess.hpp"
#include "solvers/reactive/TargetStateDynamics.hpp"
#include "twin/replay/ReactiveSupply.hpp"
#include "twin/replay/SourcePower.hpp"
#include "twin/store/TwinState.hpp"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace magtwin {

/// Flux classes of a replayed resolved target (coarsenPatches): theta(J) sampled to 1/48 of
/// the track centre's flux; the replay's cost per row grows with the classes.
inline constexpr int kReplayFluxBins = 48;

/// The replay's reactive settings (ReplaySetup::reactive); `chambers` empty: not followed.
struct ReactiveReplaySettings {
    std::map<std::string, ReactiveChamber> chambers;  ///< per log source (cathode name)
    std::map<std::string, double> defaultVoltageV;    ///< per source: the tool file's discharge voltage
    /// per source: the racetrack-resolved target's cells (areas and flux shape, e.g.
    /// racetrackPatches of the erosion engine; merged here into kReplayFluxBins flux classes and
    /// scaled to each row's ion flow); none: the uniform target
    std::map<std::string, std::vector<TargetPatch>> profiles;
    std::string ion = "Ar";
    std::string yieldModel = "auto";
    double siteDensityPerM2 = 0.0;             ///< 0: one compound monolayer
    std::vector<TargetReactiveRecord> stored;  ///< states from the store (earlier runs)
    bool enabled() const { return !chambers.empty(); }
};

struct ReactiveTransition {
    std::string source, targetId, gas;
    double time = 0.0;  ///< UTC s of the row where theta_t crossed the band
    bool toCompound = true;
    double thetaTarget = 0.0;
};

struct ReactiveTrajectory {
    std::vector<std::vector<double>> thetaTarget, thetaCollector, rateFactor;  ///< per source, per row
    std::vector<std::vector<double>> reactivePerMetal;  ///< per source, per row: x theta_c (film stoichiometry)
    std::vector<std::vector<double>> reactiveAtomKg;    ///< per source, per row: mass of one reactive atom (0: none)
    /// per source, per row: each flux class's yield factor m(theta) over the row (empty: metal,
    /// factor 1; one entry: the uniform target)
    std::vector<std::vector<std::vector<double>>> classYieldFactor;
    std::vector<FluxClasses> fluxClasses;  ///< per source (no patches: the uniform target)
    std::vector<ReactiveTransition> transitions;
    std::vector<TargetReactiveRecord> finalStates;  ///< per (source, target) at its last row
    std::vector<std::string> notes;
    /// Mean of `v` over rows [r0, r1) of source k (1 or 0 when not followed, per the default).
    double mean(const std::vector<std::vector<double>>& v, std::size_t k, std::size_t r0, std::size_t r1,
                double fallback) const;
};

/// `materialAt(k, time)`: the target material of source k at `time` (the replay's rule).
ReactiveTrajectory followReactiveTargets(const LogFormat& format, const ReplaySeries& series,
                                         const std::vector<SourcePowerSeries>& power,
                                         const ReactiveReplaySettings& settings,
                                         const std::function<Material(std::size_t, double)>& materialAt);

/// "source3 entered compound mode at 13:57 (theta_t 0.62, S2)" in the log's local time.
std::string transitionText(const ReactiveTransition& t, int utcOffsetSeconds);

}  // namespace magtwin
