// RacetrackPoisoning: Berg's model with the target balance applied locally along the
// racetrack, and the choice of the hysteresis branch from the process history.
//
// Berg's target balance (S. Berg, T. Nyberg, Thin Solid Films 476 (2005) 215, eq. 3; symbols
// as in BergModel.hpp) holds for a uniform ion flux J/q over the target area A_t. A magnetron's
// ion flux is concentrated in the racetrack, so the balance is applied locally, with the local
// ion flux density J(x) of the racetrack model (boundary/racetrack/RacetrackFlux):
//   J(x) Y_c theta_t(x) = n_f alpha_t F (1 - theta_t(x))
//   =>  theta_t(x) = n_f alpha_t F / (n_f alpha_t F + J(x) Y_c),
// so the track centre (the highest J) stays metallic longer than its flanks. This is the
// locally resolved target of Depla's RSD model (K. Strijckmans, D. Depla, J. Phys. D 47 (2014)
// 235302; the RSD model's first form, D. Depla, S. Heirwegh, S. Mahieu, J. Haemers, R. De Gryse,
// J. Phys. D 40 (2007) 1957, already divides the target into cells along the racetrack's current
// density profile) without its coverage-dependent chemisorption. Implantation
// (BergModel.hpp, extension 2) is local as well: the reactive share f_R = p / (p + p_inert) of
// the local ion flux implants n_f formula units per ion under the bare part,
//   J(x) Y_c theta_t(x) = [n_f alpha_t F + J(x) n_f f_R] (1 - theta_t(x)),
// and the target takes up J(x) f_R (1 - theta_t(x)) more molecules per area. The global
// balances take the sums of the local ones over the target patches i (area dA_i, flux J_i):
//   Q_t = sum_i (alpha_t F + J_i f_R) (1 - theta_i) dA_i             (gas taken up by the target)
//   C   = sum_i J_i Y_c theta_i dA_i,  M = sum_i J_i Y_m (1 - theta_i) dA_i   (compound, metal out)
//   collector (B&N eq. 6 with the sums):  C (1 - theta_c) + n_f alpha_c F (1 - theta_c) A_c = M theta_c
//   Q_tot = Q_t + alpha_c F (1 - theta_c) A_c + p S / (k T),  R = C + M  (metal atoms per second)
// With one patch of the whole area A_t and J = I_ion / (e A_t) every sum has one term and the
// state is BergModel's (a test checks this to round-off). Turning points, stability (dQ/dp > 0)
// and the states at a supplied flow are found as in BergModel, except that the turning points
// come from a scan of dQ/dp over the pressure scales of every patch (a resolved target can have
// more than two).
//
// History (B&N Section 4: under flow control the state inside the hysteresis depends on the
// direction the flow came from): from_metal takes the lowest-pressure stable state (a target
// started clean and the flow raised to the operating point), from_compound the highest (a
// poisoned target and the flow lowered). A flow ramp is followed quasi-statically: each flow
// keeps the stable segment of Q_tot(p) (between turning points) the previous state was on; when
// that segment no longer holds a root the state jumps to the nearest stable one in the
// direction of the flow change (the avalanche at a critical point).
//
// Redeposition (BergModel.hpp, extension 3; RSD: Strijckmans & Depla, J. Phys. D 47 (2014)
// 235302): the share f_rd of the sputtered metal atoms returns to the target, uniformly per
// area over the whole face A = sum_i dA_i (the track and the face around it):
//   Phi_m = f_rd M / A (bare metal),  Phi_c = f_rd C / A (compound formula units),
// and each patch's balance takes them as Berg's collector does (B&N eq. 6):
//   J_i Y_c theta_i + Phi_m theta_i = [n_f alpha_t F + J_i n_f f_R + Phi_c] (1 - theta_i),
//   theta_i = (n_f alpha_t F + J_i n_f f_R + Phi_c) / (n_f alpha_t F + J_i n_f f_R + Phi_c + J_i Y_c + Phi_m).
// Phi depends on every theta_i through M and C: at each p the fixed point Phi = (f_rd / A) (M, C)
// is solved by Newton's method (2 x 2, from the fluxes without redeposition), and dPhi/dp for
// the slope by the implicit function theorem. Where J_i Y_c >> Phi (the track centre)
// redeposition hardly matters; on the flanks and the face outside the track it sets the state
// (without ions, the face is Berg's collector under the redeposited flux). The collector
// receives (1 - f_rd) C and (1 - f_rd) M. With one patch this is BergModel's closed form (tested).
//
// Validity: Berg's basic model locally (see BergModel.hpp); the redeposition profile is uniform
// over the face (an assumption: the profile of RSD's papers could not be read here) and the
// ion flux profile is the new target's. The ion flow is
// held fixed: BergModel's extension (1) (the voltage and ion current following gamma(theta_t)
// at fixed power) is not resolved (for the library's nitrides gamma_c = gamma_m, and it does
// not apply).
#pragma once

#include "solvers/reactive/BergModel.hpp"

#include <string>
#include <vector>

namespace magtwin {

/// One part of the target face: its area and its ion flux density.
struct TargetPatch {
    double areaM2 = 0.0;
    double ionFluxPerM2S = 0.0;  ///< J/q, ions m^-2 s^-1
};

/// The redeposited fluxes per target area (uniform over the face), metal atoms m^-2 s^-1.
struct RedepositedFlux {
    double metalPerM2S = 0.0;     ///< Phi_m: bare metal arriving
    double compoundPerM2S = 0.0;  ///< Phi_c: compound formula units arriving
};

class RacetrackPoisoning : public ReactiveSteadyStates {
public:
    /// `p`: Berg's inputs (validated as BergModel does; ionsPerSecond and targetAreaM2 are
    /// replaced by the patches' sums). `patches`: areas > 0, fluxes >= 0, some flux > 0; patches
    /// of equal flux are merged (the state depends on the flux only). Throws
    /// std::invalid_argument naming what is wrong.
    RacetrackPoisoning(const BergParameters& p, const std::vector<TargetPatch>& patches);
    /// Berg's uniform target as `n` equal patches (J = I_ion / (e A_t)).
    static std::vector<TargetPatch> uniformPatches(const BergParameters& p, int n = 1);

    const BergParameters& parameters() const override { return p_; }
    const std::vector<TargetPatch>& patches() const { return patches_; }
    double targetAreaM2() const { return area_; }
    double ionsPerSecond() const { return ions_; }

    /// theta_t of a patch with ion flux `ionFluxPerM2S` at partial pressure p (closed form above;
    /// with redeposition at the redeposited fluxes of the steady state at p).
    double localTheta(double ionFluxPerM2S, double pressurePa) const;
    /// The same with the redeposited fluxes `r` of redepositedFlux(pressurePa) given (one solve
    /// for many patches).
    double localTheta(double ionFluxPerM2S, double pressurePa, const RedepositedFlux& r) const;
    /// The redeposited fluxes of the steady state at p (zero without redeposition).
    RedepositedFlux redepositedFlux(double pressurePa) const;
    /// The global steady state at p (thetaTarget: the area mean of theta_t).
    BergState stateAt(double pressurePa) const override;
    /// Partial pressures where dQ_tot/dp changes sign, ascending (even count; computed once).
    std::vector<double> turningPoints() const override { return turningPoints_; }
    /// -k T min_p d(Q_t + Q_c)/dp over the scan of the turning points (0 when >= 0), m^3/s.
    double criticalPumpingSpeed() const override;
    /// theta_t = 1/2 at the highest flux (the largest pressure scale of the target).
    double pressureScalePa() const override;
    // statesAtFlow: ReactiveSteadyStates (stable and unstable, ascending in p).

private:
    struct Redeposition {
        RedepositedFlux flux;
        double dMetalDp = 0.0, dCompoundDp = 0.0;  ///< dPhi/dp along the steady states
    };
    Redeposition solveRedeposition(double pressurePa) const;
    BergState stateWithRedeposition(double pressurePa) const;
    /// The log grid of the slope scan: 4 decades either side of the patches' and the
    /// collector's pressure scales.
    std::vector<double> scanPressures() const;
    std::vector<double> computeTurningPoints() const;
    BergParameters p_;
    std::vector<TargetPatch> patches_;
    double area_ = 0.0, ions_ = 0.0;
    double impingementPerPa_ = 0.0, formulaPerMolecule_ = 0.0;
    std::vector<double> turningPoints_;
};

/// `patches` merged into at most `bins` patches of equal flux width over [0, J_max]: each keeps
/// the summed area and the ion-weighted mean flux, so sum J dA is exact and theta(J) is
/// sampled to J_max / bins (for the time-dependent model, whose cost grows with the patches).
std::vector<TargetPatch> coarsenPatches(const std::vector<TargetPatch>& patches, int bins);

/// Which stable state a flow inside the hysteresis gives (see the header comment).
enum class ReactiveApproach { FromMetal, FromCompound };
/// "from_metal" | "from_compound"; throws std::invalid_argument listing them.
ReactiveApproach reactiveApproachFromName(const std::string& name);
std::string reactiveApproachName(ReactiveApproach a);

/// The stable state of `states` (ascending in p, as statesAtFlow gives them) the approach
/// leads to. Throws std::invalid_argument when none is stable.
BergState stateFromHistory(const std::vector<BergState>& states, ReactiveApproach approach);
/// The state at the last of `flowsPerS` (molecules/s, >= 0) when the flow is ramped through
/// them quasi-statically, the first state chosen by `start`.
BergState stateAfterRamp(const RacetrackPoisoning& model, const std::vector<double>& flowsPerS, ReactiveApproach start);

}  // namespace magtwin
