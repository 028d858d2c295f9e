// LifeSweep: film uniformity over target life (`magtwin deposit --life-sweep`, and the life
// points of `magtwin compare`). At N life points from FROM to TO kWh the map is computed twice: with the recipe fixed
// (power trims frozen at their new-target values: what the line does if nobody touches it) and with the trims
// re-optimised at each point (what a process engineer could reach). The erosion state is advanced from point to point
// (TargetErosionState), so the targets erode once over the whole sweep. The fixed recipe leaves the spec where U_fixed
// first exceeds it: the crossing is the linear interpolation of U_fixed (kWh) between the last point inside and the
// first point outside the spec. A life point is computed exactly as `deposit --life-kWh` computes it
// (DepositionRun.hpp): the per-cathode responses at that life (responsesAt) combined with the fixed trims, and (when
// the case optimises trims) with trims re-optimised there (optimiseTrims).
#pragma once

#include "solvers/deposition/DepositionRun.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace magtwin {

struct LifeSweepRange {
    double fromKWh = 0, toKWh = 0;
    int points = 1;
    bool toEndOfLife = false;  ///< TO given as `eol`: sweepLife sets toKWh to the end of life (less kEndOfLifeMargin)
};

/// `eol` sweeps to the end of life less this fraction (the last point must still be a target).
constexpr double kEndOfLifeMargin = 1e-3;

/// Parses "FROM:TO:N" (kWh, 0 <= FROM <= TO, N >= 1 integer; N = 1 needs FROM = TO or
/// takes FROM); TO may be `eol` (the end of life, found by sweepLife). Throws
/// std::invalid_argument with a message that names --life-sweep.
LifeSweepRange parseLifeSweep(const std::string& text);

/// The N life points, evenly spaced from FROM to TO (FROM alone for N = 1).
std::vector<double> lifePoints(const LifeSweepRange& r);

/// First kWh at which U (percent, at the life points `kWh`, ascending) exceeds `specPct`,
/// interpolated linearly between the neighbouring points; the first point if it is already
/// outside; nullopt if U stays within the spec at every point.
std::optional<double> firstSpecCrossingKWh(const std::vector<double>& kWh, const std::vector<double>& uPct,
                                           double specPct);

/// One life point of a sweep: U with the recipe fixed and with trims re-optimised there.
struct LifePoint {
    double kWh = 0;
    UniformityReport fixed, retrimmed;
    std::vector<double> trims;      ///< the re-optimised trims (the fixed ones without optimise)
    UniformityDiagnosis diagnosis;  ///< of the fixed recipe's map (UniformityDiagnosis.hpp)
};

/// The map at life point `kWh` (eroded groups `eroded`) with `fixedTrims` and (when the case
/// optimises trims) with trims re-optimised there, exactly as runDeposition computes
/// `deposit --life-kWh`; both maps (nm) are returned through the last two arguments.
LifePoint computeLifePoint(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law,
                           const std::vector<ErodedGroup>& eroded, double kWh, const std::vector<double>& fixedTrims,
                           const SubstrateGrid& grid, TransportMethod method, std::vector<double>& thicknessFixed,
                           std::vector<double>& thicknessRetrimmed);

/// The fixed recipe: trims optimised on new targets (empty when the case does not optimise:
/// the configured trims apply).
std::vector<double> newTargetTrims(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law,
                                   const SubstrateGrid& grid, TransportMethod method, const ProgressFn& progress = {});

/// Called by sweepLife at each life point as soon as it is computed (index from 0, the
/// point, the substrate grid and the point's two maps in nm, which the callee may move
/// away: the sweep keeps only the figures, so memory does not grow with N).
using LifePointSink =
    std::function<void(std::size_t index, const LifePoint& point, const SubstrateGrid& grid,
                       std::vector<double>& thicknessFixedNm, std::vector<double>& thicknessRetrimmedNm)>;

/// The life points `kWh` (ascending) of case `c` with the recipe `fixedTrims`, advancing the
/// erosion `state` from point to point (each step eroded once): one computeLifePoint per point,
/// each handed to `onPoint` as soon as it is computed (progress "life point i/N"). The one
/// loop of the life sweep and the comparison's cost model.
std::vector<LifePoint> lifePointsAlong(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law,
                                       TargetErosionState& state, const std::vector<double>& kWh,
                                       const std::vector<double>& fixedTrims, const SubstrateGrid& grid,
                                       TransportMethod method, const LifePointSink& onPoint = {},
                                       const ProgressFn& progress = {});

/// Target life in substrates and days: each substrate takes `exposure` of discharge time
/// per cathode (the motion's time; a scan sputters the whole cycle), and the cathode with the
/// highest power (with `trims`) reaches the end of life first:
///   substrates = E_eol / (P_max t_exposure),   days = substrates x cycle time / 86400 s.
/// Empty when the case has no cycle time (process.cycle_time).
struct LifeInSubstrates {
    double substrates = 0, days = 0;
    double cycleTimeS = 0, exposureS = 0, highestPowerW = 0;
};
std::optional<LifeInSubstrates> lifeInSubstrates(const DepositCase& c, double endOfLifeKWh,
                                                 const std::vector<double>& trims);

struct LifeSweepResult {
    LifeSweepRange range;                            ///< as swept (TO resolved when it was `eol`)
    double endOfLifeKWh = 0;                         ///< the erosion engine's end of life (smallest over the cathodes)
    std::vector<double> fixedTrims;                  ///< the recipe: new-target trims (empty: the configured trims)
    std::vector<LifePoint> points;                   ///< one per life point of the range, ascending kWh
    std::optional<double> fixedRecipeLeavesSpecKWh;  ///< firstSpecCrossingKWh of U fixed
    /// Rate loss: 100 (1 - mean film at the last point / at the first), recipe fixed (%).
    double rateLossPct = 0;
    /// Each cathode's power (W) with the new-target trims and with the last point's re-optimised trims.
    std::vector<double> newTargetPowersW, lastPointPowersW;
    std::optional<LifeInSubstrates> life;  ///< the end of life in substrates and days (cycle time given)
};

/// The sweep of case `c` over `range` with transport `method` (fast or direct): end of life,
/// the new-target trims, then every life point (the erosion state advancing from point to
/// point), each handed to `onPoint`; TO = `eol` sweeps to the end of life. Throws
/// std::invalid_argument naming the case's file when TO is past the end of life (or FROM,
/// with `eol`), when the case scans wobble amplitudes or searches the
/// end boost (a sweep runs one recipe), or on data the solvers cannot use.
LifeSweepResult sweepLife(const DepositCase& c, const LifeSweepRange& range, TransportMethod method,
                          const LifePointSink& onPoint = {}, const ProgressFn& progress = {});

}  // namespace magtwin
