// CompareColumn: one tool's column of `magtwin compare` (CompareCommand.hpp): its cathode
// array over one target life, computed with the machinery of `erode` and `deposit
// --life-sweep` (TargetErosionState, computeLifePoint), no physics of its own.
//
// Figures (all for the tool's one cathode group, every cathode at the same kWh: the
// convention of `deposit --life-kWh`):
//   target life L       kWh per target to 1 mm remaining somewhere (= `erode`'s life)
//   utilization         eroded volume / new target volume at L (= `erode`'s utilization)
//   array life          N_cathodes x L (kWh); and N L / max(t_k): the energy the array has
//                       delivered when the cathode with the highest fixed trim t_k reaches L
//   film d              the mean film (quality area) the recipe deposits on new targets in
//                       the substrate's motion time: the tool's film thickness
//   glasses per life    n = (1/(d T)) int_0^T mean_rate dt, T = L / P (P: mean power per
//                       cathode); the rate is the fixed recipe's (trims of the new target);
//                       trapezoid over the life points, the last rate held from 99.9 % of L
//   material bought     N_cathodes x V_target x rho_target / (n A_substrate)  (kg/m^2)
//   film on the glass   rho_film d (kg/m^2); bought / film = how many kg are bought per kg of film
//   rate per kW         mean film / motion time / array power: nm/min per kW (static
//                       substrate; the array power is sum_k P t_k of the fixed recipe)
//   U new / mid / end   (max-min)/(max+min) over the quality area at 0, L/2 and 0.999 L
//                       (the erosion engine stops at L), recipe fixed and re-trimmed
#pragma once

#include "deposit/DepositConfig.hpp"
#include "deposit/LifeSweepCommand.hpp"
#include "deposition/SubstrateMotion.hpp"

#include <string>
#include <vector>

namespace magtwin {

/// The last life point as a fraction of the end of life (the erosion engine stops at it).
inline constexpr double kLastLifePointFraction = 0.999;

struct CompareColumn {
    std::string file, tool, cathodeGroup, cathodeType, targetMaterial, substrate;
    int cathodes = 0;
    double cathodePowerKW = 0, arrayPowerKW = 0;
    double substrateAreaM2 = 0, motionTimeS = 0;
    double targetLifeKWh = 0, arrayLifeKWh = 0, arrayLifeHardestCathodeKWh = 0;
    double utilizationPct = 0;
    double targetVolumeM3 = 0, targetMassKg = 0, arrayMassKg = 0;
    double filmNm = 0, filmKgPerM2 = 0;
    double substratesPerLife = 0, coatedAreaM2 = 0, boughtKgPerM2 = 0;
    std::vector<double> fixedTrims;
    std::vector<LifePoint> points;        ///< ascending kWh: 0, ..., L/2 (inserted), ..., 0.999 L
    std::vector<double> ratePerKW;        ///< nm/min per kW at each point, fixed recipe
    std::size_t newIndex = 0, midIndex = 0, endIndex = 0;
};

/// Throws UsageError (exit 2) when case `c` cannot be compared (see compareColumn).
void requireComparable(const DepositCase& c, int lifePoints);

/// The column of case `c` over `lifePoints` (>= 2) evenly spaced points from new to 0.999 L
/// plus L/2. Throws UsageError (exit 2) when the tool has more than one cathode group, a
/// group with its own `life:`, a moving (scanned) substrate, or `lifePoints` < 2.
CompareColumn compareColumn(const DepositCase& c, int lifePoints, TransportMethod method);

/// The column as a JSON object (indented by `indent` spaces).
std::string compareColumnJson(const CompareColumn& col, int indent);

}  // namespace magtwin
