// `magtwin deposit CASE --life-sweep FROM:TO:N --out DIR`: uniformity over target life
// (solvers/deposition/LifeSweep.hpp). Writes into DIR (complete or not at all):
//   life_sweep.csv   one row per life point: life_kWh, U and sigma (%) and mean/min/max (nm)
//                    with the fixed recipe and re-trimmed, then the re-optimised trims
//   life_sweep.png   U fixed and U re-trimmed against kWh, the spec line, end of life marked
//   life_sweep.pvd   the maps as a ParaView time series (time = kWh) of maps/life_NNNN.vts with
//                    thickness_fixed_nm and thickness_retrimmed_nm (when built with VTK)
//   summary.json     the points' figures, the end of life, and where the fixed recipe first
//                    leaves the spec (interpolated kWh) or null when it never does
// Each map is written as soon as it is computed (memory does not grow with N). Progress on
// stderr. A life point is computed exactly as `deposit --life-kWh` computes it.
#pragma once

#include "deposit/DepositConfig.hpp"
#include "deposition/ErodedTargets.hpp"
#include "deposition/Substrate.hpp"
#include "deposition/SubstrateMotion.hpp"
#include "deposition/Uniformity.hpp"

#include <memory>
#include <string>
#include <vector>

namespace magtwin {

/// One life point of a sweep: U with the recipe fixed and with trims re-optimised there.
struct LifePoint {
    double kWh = 0;
    UniformityReport fixed, retrimmed;
    std::vector<double> trims;  ///< the re-optimised trims (the fixed ones without optimise)
};

/// The map at life point `kWh` (eroded groups `eroded`) with `fixedTrims` and (when the case
/// optimises trims) with trims re-optimised there, exactly as runDeposit computes
/// `deposit --life-kWh`; both maps (nm) are returned through the last two arguments.
/// Also used by `magtwin compare` (cli/compare).
LifePoint computeLifePoint(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law,
                           const std::vector<ErodedGroup>& eroded, double kWh, const std::vector<double>& fixedTrims,
                           const SubstrateGrid& grid, TransportMethod method, std::vector<double>& thicknessFixed,
                           std::vector<double>& thicknessRetrimmed);

/// The fixed recipe: trims optimised on new targets (empty when the case does not optimise:
/// the configured trims apply).
std::vector<double> newTargetTrims(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law,
                                   const SubstrateGrid& grid, TransportMethod method);

/// Returns the exit status; throws UsageError (exit 2) on bad arguments or config.
/// `c`: the tool file's deposition case (depositCaseFor).
int runLifeSweep(const DepositCase& c, const std::string& out, const std::string& sweep, const std::string& method,
                 bool json);

}  // namespace magtwin
