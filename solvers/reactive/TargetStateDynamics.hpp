// TargetStateDynamics: the compound fractions of Berg's model advanced in time, for a twin
// that follows a target through a log (flows, power and voltage changing row by row).
//
// Sources: the balances are Berg's (S. Berg, T. Nyberg, Thin Solid Films 476 (2005) 215,
// "B&N"; symbols as in BergModel.hpp) with the accumulation term of the time-dependent model
// of T. Kubart, O. Kappertz, T. Nyberg, S. Berg, Thin Solid Films 515 (2006) 421 ("Dynamic
// behaviour of the reactive sputtering process"): the compound on a surface is n_0 theta
// formula units per area, n_0 the surface site density, and
//   target (B&N eq. 3 + accumulation):
//     n_0 dtheta_t/dt = n_f alpha_t F (1 - theta_t) - (J/q) Y_c theta_t
//   collector (B&N eq. 6 + accumulation, per collector area):
//     n_0 A_c dtheta_c/dt = (J/q) Y_c theta_t A_t (1 - theta_c) + n_f alpha_c F (1 - theta_c) A_c
//                           - (J/q) Y_m (1 - theta_t) A_t theta_c
//   gas (B&N eqs. 9-12), quasi-static: the chamber's gas exchange time V/S (~0.1 s for a
//   lab chamber of 0.1 m^3 at 1 m^3/s) is short beside the surfaces' n_0 / (J Y_c) (seconds),
//   as in Kubart et al.; at each instant the supply Q_0 equals the uptake plus the pumped flow,
//     Q_0 = F/p [alpha_t (1 - theta_t) A_t + alpha_c (1 - theta_c) A_c] p + p S / (k T),
//   which is linear in p at given theta_t, theta_c.
// n_0: one monolayer of the compound, n_0 = n_MRx^(2/3) (n_MRx the compound's formula-unit
// density; the monolayer estimate Kubart et al. use), unless given.
// The steady states of these equations are exactly BergModel's (dtheta/dt = 0 gives B&N
// eqs. 3 and 6, and the gas balance gives Q_tot(p) = Q_0); which one a run reaches follows
// from its history (hysteresis), which is what a replay needs.
//
// Integration: steps of at most 1/20 of the shortest surface time constant; within a step
// the impingement rate F and the other surface's fraction are frozen and each linear
// equation d theta/dt = k (theta_inf - theta) is solved exactly (so a step never leaves
// [0, 1] and a steady state is a fixed point for any step). The integrals of formation and
// erosion over a step follow from the same closed form, so the tallies balance the change
// of the stored compound exactly.
// Resolved along the racetrack (optional `profile`): the target equation holds per patch i
// with its local ion flux J_i (RacetrackPoisoning.hpp),
//   n_0 dtheta_i/dt = n_f alpha_t F (1 - theta_i) - J_i Y_c theta_i,
// the collector and the gas balance take the sums over the patches (compound and metal
// sputtered, sum_i alpha_t F (1 - theta_i) dA_i); the profile's fluxes are scaled so that
// sum J_i dA_i = I_ion / e of the parameters, and A_t is the profile's area. Its steady states
// are RacetrackPoisoning's. thetaTarget is then the area mean of the patches.
// Redeposition (BergModel.hpp, extension 3; f_rd = redepositionFraction > 0): the redeposited
// fluxes Phi_m = f_rd M / A_t, Phi_c = f_rd C / A_t of the state at the start of a step are held
// over it (as F is), so each patch stays linear: n_0 dtheta_i/dt = (n_f alpha_t F + Phi_c)
// (1 - theta_i) - (J_i Y_c + Phi_m) theta_i; the collector receives (1 - f_rd) of the sputtered
// compound and metal. Its steady states are RacetrackPoisoning's with redeposition (tested).
// Validity: Berg's basic model (see BergModel.hpp; implantation, extension 2, is not followed
// here); the parameters may change between calls (power, voltage, flows of a log), the
// fractions carry over.
#pragma once

#include "solvers/reactive/BergModel.hpp"
#include "solvers/reactive/RacetrackPoisoning.hpp"

#include <vector>

namespace magtwin {

/// The compound fractions of one target and its collecting area.
struct ReactiveSurfaceState {
    double thetaTarget = 0.0;     ///< theta_t (0: metallic); resolved: the area mean of thetaPatches
    double thetaCollector = 0.0;  ///< theta_c
    /// Resolved target: theta_i per patch of the dynamics' profile (empty: every patch at
    /// thetaTarget, e.g. a state stored as its mean).
    std::vector<double> thetaPatches;
};

/// What an advance did, integrated over its time (for conservation checks and reports).
struct ReactiveAdvanceTally {
    double suppliedMolecules = 0.0;         ///< integral of Q_0
    double pumpedMolecules = 0.0;           ///< integral of p S / (k T)
    double targetUptakeMolecules = 0.0;     ///< integral of alpha_t F (1 - theta_t) A_t
    double collectorUptakeMolecules = 0.0;  ///< integral of alpha_c F (1 - theta_c) A_c
    double targetFormedFormulaUnits = 0.0;  ///< n_f x target uptake
    double targetErodedFormulaUnits = 0.0;  ///< integral of (J/q) Y_c theta_t A_t
    double metalAtomsSputtered = 0.0;       ///< integral of (J/q) A_t [Y_m (1 - theta_t) + Y_c theta_t]
    double partialPressureTimePaS = 0.0;    ///< integral of p (mean p = this / time)
    double timeS = 0.0;
    int substeps = 0;
    /// Per patch of the dynamics (patches() order): the integral of theta_i over the time (its
    /// time mean is this / timeS); sized on the first advance that tallies.
    std::vector<double> patchThetaTimeS;
};

class TargetStateDynamics {
public:
    /// Throws std::invalid_argument as BergModel does for bad parameters, and for a site
    /// density that is given and not > 0. siteDensityPerM2 = 0: one compound monolayer.
    /// `profile`: the target resolved along the racetrack (patch areas and the shape of the ion
    /// flux, scaled to p.ionsPerSecond); empty: Berg's uniform target.
    explicit TargetStateDynamics(const BergParameters& p, double siteDensityPerM2 = 0.0,
                                 std::vector<TargetPatch> profile = {});
    const BergParameters& parameters() const { return p_; }
    double siteDensityPerM2() const { return n0_; }

    /// The quasi-static partial pressure at supply `moleculesPerS` (>= 0) with fractions `s`.
    double partialPressurePa(const ReactiveSurfaceState& s, double moleculesPerS) const;
    /// The state after `dtS` (>= 0) seconds at constant supply and parameters; adds to `tally`
    /// when given.
    ReactiveSurfaceState advance(ReactiveSurfaceState s, double moleculesPerS, double dtS,
                                 ReactiveAdvanceTally* tally = nullptr) const;
    /// Metal atoms leaving the target per second (B&N eq. 13) with fractions `s`.
    double metalAtomsPerS(const ReactiveSurfaceState& s) const;
    /// The target's sputter rate relative to the metallic target: (1 - theta_t) + theta_t Y_c / Y_m.
    double rateFactor(const ReactiveSurfaceState& s) const;
    /// The target's time constant n_0 / (n_f alpha_t F + (J/q) Y_c) at partial pressure p
    /// (resolved: of the patch with the highest flux).
    double targetTimeConstantS(double pressurePa) const;
    /// The patches (one of the whole target for the uniform model).
    const std::vector<TargetPatch>& patches() const { return patches_; }

private:
    /// theta_i of every patch in `s` (thetaTarget where not resolved).
    std::vector<double> patchThetas(const ReactiveSurfaceState& s) const;
    std::vector<TargetPatch> patches_;
    double area_ = 0.0;
    BergParameters p_;
    double n0_ = 0.0;
    double impingementPerPa_ = 0.0;  ///< F / p
    double ionFlux_ = 0.0;           ///< J/q
    double nf_ = 0.0;                ///< n_f
};

}  // namespace magtwin
