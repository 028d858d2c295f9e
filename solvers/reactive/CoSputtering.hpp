// CoSputtering: two (or more) metal targets sputtered in one chamber with one reactive gas
// supply: Berg's model (S. Berg, T. Nyberg, Thin Solid Films 476 (2005) 215, "B&N"; symbols
// as in BergModel.hpp) with one gas balance shared by every target and the common collector.
//
// Each target k keeps its own balance (B&N eq. 3) at the common partial pressure p:
//   (J_k/q) Y_c,k theta_k = n_f,k alpha_t,k F (1 - theta_k)
// (a target whose metal has no compound with the gas, e.g. Zr under S2, takes part with
// theta_k = 0 and no uptake: its metal only buries the collector's compound). The collector
// receives the compound and metal sputtered by all targets (B&N eq. 6 summed over k):
//   sum_k (J_k/q) Y_c,k theta_k A_k (1 - theta_c) + n_f alpha_c F (1 - theta_c) A_c
//        = sum_k (J_k/q) Y_m,k (1 - theta_k) A_k theta_c
// and the gas balance (B&N eqs. 9-12) sums the consumption of every target:
//   Q_tot = sum_k alpha_t,k F (1 - theta_k) A_k + alpha_c F (1 - theta_c) A_c + p S / (k T).
// (B&N's gas balance with one consumption term per gettering surface; each target's own
// balance is untouched by the others except through p.) Two identical targets of area A and ion flow I each are one
// target of area 2A and ion flow 2I (same J): every sum doubles (tested).
// Validity: Berg's basic model per target (uniform ion flux, fixed ion flow, no implantation);
// the collector's compound is one phase with n_f of the first target that reacts (targets
// whose compounds have another x are refused: the collector balance would need one fraction
// per compound).
#pragma once

#include "solvers/reactive/BergModel.hpp"

#include <vector>

namespace magtwin {

/// One target of a co-sputtering chamber: its area, ion flow, yields and sticking; `reacts`
/// false for a metal without compound data for the gas (it only sputters metal).
struct CoSputteredTarget {
    double areaM2 = 0.0;
    double ionsPerSecond = 0.0;
    double metalYield = 0.0;
    double compoundYield = 0.0;
    double sticking = 1.0;
    double reactiveAtomsPerMetal = 1.0;  ///< x of its compound M R_x
    bool reacts = true;
};

class CoSputtering : public ReactiveSteadyStates {
public:
    /// `chamber`: the shared inputs of BergParameters (collector area and sticking, pumping
    /// speed, gas mass, atoms per molecule, temperature, film densities of the first target);
    /// its target fields are replaced by the sums over `targets` (A_t, I_ion). Throws
    /// std::invalid_argument naming what is wrong.
    CoSputtering(const BergParameters& chamber, const std::vector<CoSputteredTarget>& targets);
    const BergParameters& parameters() const override { return p_; }
    const std::vector<CoSputteredTarget>& targets() const { return targets_; }
    /// theta_k of target k at p (closed form).
    double targetTheta(std::size_t k, double pressurePa) const;
    /// Target k's share of stateAt(p).rateMPerS: its metal atoms (compound and metal sputtered,
    /// B&N eq. 13 for that target) over A_c times the collector's volume per metal atom; the
    /// shares sum to the state's rate.
    double targetRateMPerS(std::size_t k, double pressurePa) const;
    /// The shared steady state at p: thetaTarget the area mean over the targets, the
    /// uptake and metal flux summed.
    BergState stateAt(double pressurePa) const override;
    std::vector<double> turningPoints() const override { return turningPoints_; }
    double criticalPumpingSpeed() const override;
    double pressureScalePa() const override;

private:
    std::vector<double> scanPressures() const;
    BergParameters p_;
    std::vector<CoSputteredTarget> targets_;
    double impingementPerPa_ = 0.0, collectorFormulaPerMolecule_ = 0.0;
    std::vector<double> turningPoints_;
};

/// A BergModel's target as one co-sputtered target.
CoSputteredTarget coSputteredTarget(const BergParameters& p);

}  // namespace magtwin
