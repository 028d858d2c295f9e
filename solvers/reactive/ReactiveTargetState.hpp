// ReactiveTargetState: the state of one cathode's metal target at a given reactive flow, on
// the branch the process history leads to, and what erode and deposit take from it.
//
// The target is resolved along its racetrack (RacetrackPoisoning.hpp): the patches are the
// erosion engine's grid cells on the new target (makeErosionEngine, the one builder) with the
// racetrack's ion flux density J(x) at width scale 1 (RacetrackFlux, the flux the engine
// erodes with). Berg's other inputs come from reactiveSetup (ReactiveProcess.hpp: yields,
// compound, chamber). Of the steady states at the flow, the history (ReactiveApproach)
// picks one.
//
// Erosion (ErosionFront's yield multiplier, via CathodeSpec::target.stateYieldFactor): at a
// point with compound fraction theta the ions sputter (1 - theta) Y_m metal atoms from the
// bare metal and theta Y_c compound formula units, each carrying one metal atom. In steady
// state the compound layer keeps its thickness (formation = erosion, B&N eq. 3), so the target
// loses the volume of the metal consumed: the depth rate is (metal atoms leaving) / n_M and
//   m(theta) = (1 - theta) + theta Y_c / Y_m
// times the metallic rate (the compound's own volume enters once, as the layer of a few nm
// that forms when the target poisons: negligible against the groove). The emission map of an
// eroded target (atoms = removed volume x n_M) is then the metal emission as well. The yield's
// angular factor is the metal's for both surfaces.
//
// Deposition: the new target emits R = sum_i J_i [(1 - theta_i) Y_m + theta_i Y_c] dA_i metal
// atoms per second (B&N eq. 13, summed), emissionFactor = R / (sum_i J_i Y_m dA_i) of the
// metallic target's. The film takes up the reactive gas where the metal lands: x theta_c
// reactive atoms per metal atom, theta_c from the collector balance (B&N eq. 6), so the film
// atoms are (1 + x theta_c) per emitted metal atom. The film material is the library compound
// when 1 - theta_c <= kStoichiometricFilm, else M R_{x theta_c} with Berg's volume per metal
// atom theta_c / n_MRx + (1 - theta_c) / n_M (BergModel.hpp), so the film's thickness rate is
// Berg's.
#pragma once

#include "boundary/materials/Material.hpp"
#include "solvers/chamber/CathodeSpec.hpp"
#include "solvers/chamber/ErosionEngine.hpp"
#include "solvers/reactive/RacetrackPoisoning.hpp"
#include "solvers/reactive/ReactiveProcess.hpp"

#include <Eigen/Core>

#include <functional>
#include <memory>
#include <string>

namespace magtwin {

/// A film within 1 % of the compound's stoichiometry is the compound: below the accuracy of
/// the usual stoichiometry measurements (RBS, EDX: a few % of the ratio).
inline constexpr double kStoichiometricFilm = 0.01;

/// The reactive supply of a process: chamber, gas, its flow and the history.
struct ReactiveOperation {
    ReactiveChamber chamber;
    ReactiveGas gas;
    double flowSccm = 0.0;
    ReactiveApproach approach = ReactiveApproach::FromMetal;
};

struct ReactiveTargetState {
    ReactiveOperation operation;  ///< the supply it was found for
    ReactiveSetup setup;          ///< Berg's inputs (yields, compound, chamber)
    BergState state;              ///< the chosen steady state of the resolved target
    ReactiveBranch branch = ReactiveBranch::Metal;
    int stableStates = 1;            ///< 2 inside the hysteresis
    double ionFluxMaxPerM2S = 0.0;   ///< J at the track centre (the patch of the highest flux)
    double thetaCentre = 0.0;        ///< theta_t at the highest J
    double thetaHalfFlux = 0.0;      ///< theta_t where J is half the highest (the track's flanks)
    double emissionFactor = 1.0;     ///< new target: metal atoms per second / the metallic target's
    double filmAtomsPerMetal = 1.0;  ///< 1 + x theta_c
    Material film;                   ///< what the film is (see the header)
    /// theta_t at ion flux density J (closed form, this state's partial pressure).
    std::function<double(double)> thetaAt;
    /// m(theta) at a point of the cathode frame (the erosion engine's yield multiplier).
    std::function<double(const Eigen::Vector2d&)> yieldFactor;
};

/// m(theta) = (1 - theta) + theta Y_c / Y_m (see the header).
double reactiveYieldFactor(double theta, double yieldRatio);

/// The film of metal atoms with x theta_c reactive atoms each (see the header); `compound` is
/// M R_x, `metal` M.
Material reactiveFilm(const Material& metal, const Material& compound, double x, double thetaC);

/// The racetrack-resolved target of `engine` (its grid cells of the new target with the
/// racetrack's ion flux density at width scale 1), the fluxes scaled so that sum J dA =
/// `ionsPerSecond` when that is > 0 (else the engine's own ion flow).
std::vector<TargetPatch> racetrackPatches(const ErosionEngine& engine, double ionsPerSecond = 0.0);

/// Which target Berg's balances see: the uniform target of the published model (one ion flux
/// I_ion / (e A_t) over A_t), or the target resolved along the racetrack (RacetrackPoisoning).
enum class ReactiveTargetModel { Uniform, Racetrack };
/// "uniform" | "racetrack"; throws std::invalid_argument listing them.
ReactiveTargetModel reactiveTargetModelFromName(const std::string& name);
std::string reactiveTargetModelName(ReactiveTargetModel m);

/// The steady-state model of `cathode`'s target with Berg's inputs `setup`: BergModel, or
/// RacetrackPoisoning on the erosion engine's grid (built with `settings`) with the racetrack
/// profile scaled to setup's ion flow (so both see the same ions; A_t is then the target face).
std::unique_ptr<ReactiveSteadyStates> reactiveTargetModel(const CathodeSpec& cathode,
                                                          const ErosionEngineSettings& settings,
                                                          const ReactiveSetup& setup, ReactiveTargetModel which);

/// The state of `cathode` (a one-element metal target) under `op`, its erosion engine built
/// with `settings`. Throws std::invalid_argument (no compound data, no stable state) or
/// CathodeSpecError (the engine's checks).
ReactiveTargetState reactiveTargetState(const CathodeSpec& cathode, const ErosionEngineSettings& settings,
                                        const ReactiveOperation& op);

}  // namespace magtwin
