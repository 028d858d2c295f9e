// BergState: the inputs of Berg's model (BergParameters) and one steady state (BergState), the
// types every reactive model shares; the equations and symbols are in BergModel.hpp.
#pragma once

#include <functional>

namespace magtwin {

struct BergParameters {
    double ionsPerSecond = 0.0;                ///< I_ion / e on the target
    double targetAreaM2 = 0.0;                 ///< A_t (the sputtered area)
    double collectorAreaM2 = 0.0;              ///< A_c (substrate + walls receiving the film)
    double pumpingSpeedM3PerS = 0.0;           ///< S, for the reactive gas
    double stickingTarget = 1.0;               ///< alpha_t
    double stickingCollector = 1.0;            ///< alpha_c
    double metalYield = 0.0;                   ///< Y_m: metal atoms per ion from the metallic surface
    double compoundYield = 0.0;                ///< Y_c: compound formula units per ion from the compound surface
    double gasMoleculeMassKg = 0.0;            ///< m of R2
    double atomsPerMolecule = 2.0;             ///< a (N2, O2: 2)
    double reactiveAtomsPerMetal = 1.0;        ///< x of M R_x (TiN: 1)
    double temperatureK = 300.0;               ///< T of the gas
    double metalDensityPerM3 = 0.0;            ///< n_M: metal atoms per m^3 of metal film
    double compoundFormulaDensityPerM3 = 0.0;  ///< n_MRx: formula units per m^3 of compound film
    // Extension (1): constant power, state-dependent gamma (both > 0 to switch on).
    double secondaryElectronMetal = 0.0;     ///< gamma_m of the bare metal target
    double secondaryElectronCompound = 0.0;  ///< gamma_c of the compound-covered target
    double metalVoltageV = 0.0;              ///< V_m: discharge voltage of the metallic target
    // Extension (2): implantation of reactive ions.
    bool implantation = false;            ///< RSD's reactive-ion implantation
    double inertPartialPressurePa = 0.0;  ///< p_inert of the working gas (> 0 with implantation)
    // Extension (3): redeposition of sputtered material on the target (RSD).
    double redepositionFraction = 0.0;  ///< f_rd in [0, 1): share of the sputtered metal atoms returning to the target
};

/// One steady state at reactive partial pressure p.
struct BergState {
    double partialPressurePa = 0.0;
    double thetaTarget = 0.0;           ///< theta_t
    double thetaCollector = 0.0;        ///< theta_c
    double targetUptakePerS = 0.0;      ///< Q_t (molecules/s)
    double collectorUptakePerS = 0.0;   ///< Q_c
    double pumpedPerS = 0.0;            ///< Q_p
    double supplyPerS = 0.0;            ///< Q_tot = Q_t + Q_c + Q_p
    double slopePerSPerPa = 0.0;        ///< dQ_tot/dp
    double metalAtomsPerS = 0.0;        ///< R, metal atoms leaving the target (of which f_rd R return to it)
    double rateMPerS = 0.0;             ///< film thickness rate, mean over A_c
    double filmReactivePerMetal = 0.0;  ///< x theta_c
    bool stable = true;                 ///< dQ_tot/dp > 0
    double ionsPerSecond = 0.0;         ///< I_ion / e at this state (extension 1; else the fixed flow)
    double voltageV = 0.0;              ///< V(theta_t) (extension 1; else V_m)
    double reactiveIonFraction = 0.0;   ///< f_R (extension 2; else 0)
    /// Metal atoms (bare and in compound) returning to the target per second, f_rd R (extension 3).
    double redepositedAtomsPerS = 0.0;
    /// Compound share of the sputtered (and so of the redeposited) metal atoms, C / (C + M).
    double sputteredCompoundFraction = 0.0;
};

/// The root of supplyAt(p) = target on [lo, hi], where supplyAt - target changes sign:
/// bisection to machine precision, returning the end closer to the root (the flow solve of
/// BergModel and RacetrackPoisoning).
double bisectSupply(const std::function<double(double)>& supplyAt, double target, double lo, double hi);

}  // namespace magtwin
