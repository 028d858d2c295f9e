// TargetLifeCost: what one target life of a tool costs and gives (`magtwin compare`): its
// cathode array over one target life, computed with the machinery of `erode` and `deposit
// --life-sweep` (TargetErosionState, computeLifePoint), plus the cost arithmetic below.
//
// Figures (all for the tool's one cathode group, every cathode at the same kWh: the
// convention of `deposit --life-kWh`):
//   target life L       kWh per target to erosion.min_remaining_thickness somewhere (= `erode`'s life)
//   utilization         eroded volume / new target volume at L (= `erode`'s utilization)
//   array life          N_cathodes x L (kWh); and L sum(t_k) / max(t_k): the energy the array
//                       has delivered when the cathode with the highest fixed trim t_k reaches L
//   film d              the mean film (quality area) the recipe deposits on new targets in
//                       the substrate's motion time: the tool's film thickness
//   substrates per life n = (1/(d T)) int_0^T mean_rate dt, T = L / P (P: mean power per
//                       cathode); the rate is the fixed recipe's (trims of the new target);
//                       trapezoid over the life points, the last rate held to L
//   material bought     N_cathodes x V_target x rho_target / (n A_substrate)  (kg/m^2)
//   film on the glass   rho_film d (kg/m^2); bought / film = how many kg are bought per kg of film
//   rate per kW         mean film / motion time / array power: nm/min per kW (static
//                       substrate; the array power is sum_k P t_k of the fixed recipe)
//   U new / mid / end   (max-min)/(max+min) over the quality area at 0, L/2 and 0.999 L
//                       (the erosion engine stops at L), recipe fixed and re-trimmed
// Mass conservation bounds it: the film on all n substrates, rho_film d n A, cannot exceed
// the mass eroded from the array, N V_target rho_target x utilization (depositedFraction <= 1).
#pragma once

#include "solvers/deposition/DepositionRun.hpp"
#include "solvers/deposition/LifeSweep.hpp"

#include <string>
#include <vector>

namespace magtwin {

/// The last life point as a fraction of the end of life (the erosion engine stops at it).
inline constexpr double kLastLifePointFraction = 0.999;

/// What the cost arithmetic needs (units in the names).
struct LifeCostInputs {
    int cathodes = 0;
    double cathodePowerKW = 0;  ///< per cathode at trim 1
    std::vector<double> trims;  ///< the fixed recipe, one per cathode
    double targetLifeKWh = 0;   ///< L
    double utilization = 0;     ///< eroded / new target volume at L (0..1)
    double targetVolumeM3 = 0;  ///< one new target
    double targetDensityKgM3 = 0, filmDensityKgM3 = 0;
    double substrateAreaM2 = 0, motionTimeS = 0;
    std::vector<double> lifeKWh;     ///< life points, ascending, the first 0 (new targets)
    std::vector<double> meanFilmNm;  ///< mean film of the fixed recipe at each life point
};

/// The cost arithmetic of one target life (header formulas).
struct LifeCost {
    double arrayPowerKW = 0, arrayLifeKWh = 0, arrayLifeHardestCathodeKWh = 0;
    double targetMassKg = 0, arrayMassKg = 0;
    double filmNm = 0, filmKgPerM2 = 0;
    double substratesPerLife = 0, coatedAreaM2 = 0, boughtKgPerM2 = 0;
    double depositedFraction = 0;   ///< film on all substrates of a life / mass eroded in it
    std::vector<double> ratePerKW;  ///< nm/min per kW at each life point
};

/// Throws std::invalid_argument on inputs it cannot use (no points, first point not 0,
/// non-positive film, power, time or area).
LifeCost lifeCost(const LifeCostInputs& in);

/// One tool's figures over one target life.
struct TargetLifeCost {
    std::string file, tool, cathodeGroup, cathodeType, targetMaterial, substrate;
    double utilizationPct = 0, targetLifeKWh = 0, targetVolumeM3 = 0;
    LifeCostInputs inputs;
    LifeCost cost;
    std::vector<double> fixedTrims;  ///< the new-target trims (empty: the configured trims)
    std::vector<LifePoint> points;   ///< ascending kWh: 0, ..., L/2 (inserted), ..., 0.999 L
    std::size_t newIndex = 0, midIndex = 0, endIndex = 0;
};

/// Throws std::invalid_argument naming the case's file when case `c` cannot be compared: more
/// than one cathode group, a group with its own `life:`, a scanned substrate, a wobble
/// scan, or `lifePoints` < 2.
void requireComparable(const DepositCase& c, int lifePoints);

/// The figures of case `c` over `lifePoints` (>= 2) evenly spaced points from new to 0.999 L
/// plus L/2, with transport `method` (fast or direct). Throws as requireComparable, and
/// std::invalid_argument naming the file on data the solvers cannot use.
TargetLifeCost targetLifeCost(const DepositCase& c, int lifePoints, TransportMethod method,
                              const ProgressFn& progress = {});

}  // namespace magtwin
