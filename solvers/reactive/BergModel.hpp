// BergModel: steady states of reactive sputtering under flow control (Berg's model).
//
// Sources: S. Berg, H.-O. Blom, T. Larsson, C. Nender, J. Vac. Sci. Technol. A 5 (1987) 202
// (the original model) and S. Berg, T. Nyberg, Thin Solid Films 476 (2005) 215 (the review
// whose notation this file follows; "B&N" below). A metal target M sputtered by ions in a
// reactive gas R2 (N2, O2) forms the compound M R_x on the part theta_t of the target and on the
// part theta_c of the collecting area (substrate and walls). Symbols (SI):
//   F    = p / sqrt(2 pi m k T)             molecule impingement rate per area (kinetic theory;
//                                            B&N eq. 1)
//   J/q  = I_ion / (e A_t)                   ion flux density on the target (B&N eq. 2)
//   n_f  = a / x                             compound formula units formed per molecule, with
//                                            a = 2 atoms per R2 molecule ("2 alpha F" of B&N,
//                                            whose compound is MR, x = 1)
// Target (B&N eq. 3): erosion of compound = formation on bare metal,
//   (J/q) Y_c theta_t = n_f alpha_t F (1 - theta_t)
// Collector (B&N eq. 6): compound arrives on bare collector, forms there from the gas, and
// metal arrives on compound:
//   (J/q) Y_c theta_t A_t (1 - theta_c) + n_f alpha_c F (1 - theta_c) A_c
//        = (J/q) Y_m (1 - theta_t) A_t theta_c
// Gas balance (B&N eqs. 9-12), molecules per second:
//   Q_tot = Q_t + Q_c + Q_p,  Q_t = alpha_t F (1 - theta_t) A_t,  Q_c = alpha_c F (1 - theta_c) A_c,
//   Q_p = p S / (k T)
// Deposition (B&N eq. 13): metal atoms leaving the target per second
//   R = (J/q) A_t [Y_m (1 - theta_t) + Y_c theta_t],
// spread over A_c; the film is compound on the fraction theta_c, so its composition is
// R/M = x theta_c and its thickness rate the metal flux per area times the volume per metal atom
// theta_c / n_MRx + (1 - theta_c) / n_M (n: formula-unit densities of the bulk phases).
//
// At a given p every quantity is closed-form (theta_t, then theta_c, then Q_tot): the process
// curve is Q_tot(p), B&N's "S-curve". Under flow control a supplied flow Q0 selects the roots of
// Q_tot(p) = Q0; a root with dQ_tot/dp > 0 is stable, one with dQ_tot/dp < 0 unstable (B&N
// Section 4: the negative-slope part cannot be reached under flow control). The turning points
// dQ_tot/dp = 0 are the critical points of the hysteresis; B&N Section 6: a pumping speed above
// S_crit = -k T min_p (dQ_t/dp + dQ_c/dp) makes Q_tot monotonic and the hysteresis vanishes.
//
// Two extensions, each off by default (then the equations above hold exactly as B&N write them):
//
// (1) Discharge at constant power with a target-state dependent secondary electron yield
//     (secondaryElectronMetal/Compound > 0). The cathode current is I = I_ion (1 + gamma) and
//     P = I V (IonSupply.hpp). The target's ion-induced electron emission is the area mean
//     gamma(theta_t) = (1 - theta_t) gamma_m + theta_t gamma_c, and the discharge voltage follows
//     Thornton's sustaining condition V = W_0 / (eps_i eps_e gamma) (J. A. Thornton, J. Vac. Sci.
//     Technol. 15 (1978) 171) with the other factors unchanged by the target state, so
//     V(theta_t) = V_m gamma_m / gamma(theta_t): the relation D. Depla, S. Heirwegh, S. Mahieu,
//     J. Haemers, R. De Gryse, J. Phys. D 40 (2007) 1957 use to explain the discharge voltage
//     of oxidised and nitrided targets (and Depla, Mahieu, De Gryse, Thin Solid Films 517 (2009)
//     2825, Section 3). At fixed P the ion flow then follows the state:
//       I_ion(theta_t) / e = P / (e V(theta_t) (1 + gamma(theta_t)))
//                          = (I_ion,m / e) [gamma(theta_t) (1 + gamma_m)] / [gamma_m (1 + gamma(theta_t))],
//     and J/q in every balance above is this theta_t-dependent flux (the target balance is then
//     solved for theta_t by bisection). The sputter yields stay those at e V_m.
// (2) Implantation of reactive ions (RSD: S. Strijckmans, D. Depla, J. Phys. D 47 (2014) 235302;
//     D. Depla, R. De Gryse, Surf. Coat. Technol. 183 (2004) 184, "Part I: the influence of ion
//     implantation"), switched on by inertPartialPressurePa > 0 with implantation = true: a share
//       f_R = p / (p + p_inert)
//     of the ions is R2+ (the ion current split by partial pressures, as RSD's default ionisation
//     model does for equal ionisation probabilities); each dissociates on impact and its a atoms
//     react with the metal under the bare part (n_f formula units per ion). The target balance
//     becomes
//       (J/q) Y_c theta_t = [n_f alpha_t F + (J/q) n_f f_R] (1 - theta_t),
//     the target takes up Q_i = (J/q) f_R (1 - theta_t) A_t more molecules per second, and the
//     reactive ions sputter with the working-gas yields (RSD's yield per ion species is not
//     resolved).
// (3) Redeposition of sputtered material on the target (RSD: K. Strijckmans, D. Depla, J. Phys. D
//     47 (2014) 235302 and Appl. Surf. Sci. 331 (2015) 185, "the deposition of sputtered material
//     back on the target"), switched on by redepositionFraction = f_rd > 0: the share f_rd of the
//     sputtered metal atoms (bare metal, M = (J/q) Y_m (1 - theta_t) A_t per second, and compound,
//     C = (J/q) Y_c theta_t A_t formula units) returns to the target, spread uniformly per area over
//     it (Phi_m = f_rd M / A_t, Phi_c = f_rd C / A_t), and only 1 - f_rd reaches the collector. On
//     the target the redeposited material obeys the collector's rules (B&N eq. 6): compound landing
//     on bare metal covers it, metal landing on compound buries it. The target balance becomes
//       (J/q) Y_c theta_t + Phi_m theta_t = [n_f alpha_t F + (J/q) n_f f_R + Phi_c] (1 - theta_t),
//     i.e. for the uniform target (J/q) theta_t [Y_c + k (1 - theta_t)] = [n_f alpha_t F + (J/q) n_f
//     f_R] (1 - theta_t) with k = f_rd (Y_m - Y_c): a quadratic in theta_t (closed form; with
//     extension (1), bisection). Y_m = Y_c leaves theta_t unchanged (the redeposited material has
//     the surface's own composition). In the collector balance M and C carry the factor 1 - f_rd,
//     and so does the deposition rate; R (metalAtomsPerS) stays the sputtered flux. The reactive
//     atoms of redeposited compound that lands on compound, and of compound buried under
//     redeposited metal, stay in the target (x f_rd R theta_t per second for the uniform target):
//     the surface model does not follow them into the depth (RSD's depth-resolved target does).
//     The RSD papers' own equations and redeposition profile could not be read for this code (see
//     docs/reactive.md); the uniform profile is this project's assumption.
//
// Validity: compound sputtered as molecules; chemisorption through the Langmuir factor
// (1 - theta) only (RSD's coverage-dependent sticking beyond it is not modelled).
#pragma once

#include "solvers/reactive/ReactiveSteadyStates.hpp"

#include <vector>

namespace magtwin {

class BergModel : public ReactiveSteadyStates {
public:
    /// Throws std::invalid_argument naming a parameter that is not finite and > 0 (alphas in
    /// (0, 1], pumping speed, gammas and the inert pressure >= 0; implantation needs p_inert > 0).
    explicit BergModel(const BergParameters& p);
    const BergParameters& parameters() const override { return p_; }

    /// The steady state at partial pressure p >= 0 (closed form).
    BergState stateAt(double pressurePa) const override;
    /// dQ_t/dp + dQ_c/dp (without the pumping term).
    double uptakeSlope(double pressurePa) const;
    /// Partial pressures of the turning points of Q_tot(p), ascending (0 or 2 for this model).
    std::vector<double> turningPoints() const override;
    // statesAtFlow (ReactiveSteadyStates): one state outside the hysteresis; inside it three
    // (stable, unstable, stable).
    /// B&N Section 6: the smallest pumping speed with a monotonic Q_tot(p) (0 if the curve is
    /// monotonic without pumping), m^3/s.
    double criticalPumpingSpeed() const override;
    /// Partial pressure at which theta_t = 1/2 (the scale of the curve).
    double pressureScalePa() const override;

    /// True when extension (1) changes the ion flux (both gammas > 0 and unequal).
    bool powerHeldFixed() const { return stateDependentDischarge_; }

private:
    std::vector<double> computeTurningPoints() const;
    /// I_ion(theta_t) / (e A_t) and its derivative in theta_t (extension 1).
    double ionFlux(double thetaT) const;
    double ionFluxSlope(double thetaT) const;
    /// argmin of uptakeSlope over p (log-grid scan, then golden section).
    double minUptakeSlopePressure() const;
    BergParameters p_;
    double impingementPerPa_ = 0.0;    ///< F / p = 1 / sqrt(2 pi m k T)
    double ionFlux_ = 0.0;             ///< J/q
    double formulaPerMolecule_ = 0.0;  ///< n_f
    bool stateDependentDischarge_ = false;
    std::vector<double> turningPoints_;  ///< computed once in the constructor
};

}  // namespace magtwin
