// ReplayLifeTable: the film maps of an array's cathodes at K life points, interpolated in
// energy - the replay's fast path for a target life of thousands of steps.
//
// Exact replay (TwinReplay.hpp) erodes each member's target to the step's life L and runs
// one transport per member per step: for a Gen-10.5 line (14 tubes, ~6000 intervals to end
// of life) that is ~84 000 transports. The table instead uses three facts:
//  1. the eroded shape of a target depends on the energy it has taken (kWh), not on the
//     power (ErodedTargets.hpp), and every member of an array has the same erosion inputs,
//     so one erosion of the array's prototype serves all members and all their targets;
//  2. the step's emission is that shape's flux scaled to the step's operating point,
//     N = P Y(e V) / (V (1 + gamma_SE) e) (CathodeLayout.hpp), so the film of member k is
//     N_k times its map per emitted atom, f_k(L) = F_k(L) / N_k(L);
//  3. the members are translated copies of one source, so one transport per life point
//     gives every member's F_k (CathodeResponses.hpp, exact shifts on whole grid pitches).
// The table holds f_k at life points L_j = j dL (dL = end of life / K, the last one at 99 %
// of the end of life; computed once, lazily, in order) and a step's map is
//   t(x, y) = sum_k s_k N_k [(1 - a_k) f_k(L_j) + a_k f_k(L_j+1)],  a_k = (L_k - L_j) / dL,
// with s_k = 1e9 / n_atoms (nm/s) and L_k, N_k the member's own life and emission: linear
// interpolation of the per-atom map in energy (error ~ dL^2/8 |d2f/dL2|). The crystal
// monitor's flux per atom, the groove depth and the removed volume are interpolated alike.
// Measured against the exact per-step computation (each member eroded to its own life, one
// transport per member, same grid and transport): max |U_table - U_exact| 0.0023 pp with
// K = 16 over a Gen-10.5 tube life (21 sampled intervals from new to 98.4 % of end of life,
// bench/twin_life_replay_bench.sh), 0.0045 pp with K = 8 on every interval of
// tests/twin/ArrayReplayTest.cpp; the bound held to is 0.05 pp (docs/twin-replay.md).
#pragma once

#include "solvers/deposition/CathodeLayout.hpp"
#include "solvers/deposition/CathodeResponses.hpp"
#include "solvers/deposition/ErodedTargets.hpp"

#include <Eigen/Core>
#include <map>
#include <memory>
#include <vector>

namespace magtwin {

/// Per life point, the trims (N_k s_k weights) of every member: the film of one step.
using LifeTableFilm = std::map<std::size_t, std::vector<double>>;

struct MemberAtLife {
    double crystalFluxPerAtom = 0.0;  ///< atoms m^-2 s^-1 at the monitor per emitted atom/s
    double erodedDepthM = 0.0, erodedVolumeM3 = 0.0;
    double targetVolumeM3 = 0.0;  ///< one new target of the array
};

class ReplayLifeTable {
public:
    /// `array`: a tool-file group (one erosion for all its members); `lifePoints` K >= 1
    /// between 0 and the group's end of life; maps on `grid` with `motion` (rates: 1 s).
    ReplayLifeTable(const CathodeGroup& array, std::shared_ptr<const EmissionAngularDistribution> angular,
                    const SubstrateGrid& grid, const SubstrateMotion& motion, TransportMethod method,
                    const Eigen::Vector3d& monitorPosition, const Eigen::Vector3d& monitorFacing, int lifePoints);
    ~ReplayLifeTable();
    double lifeStepKWh() const { return stepKWh_; }
    double endOfLifeKWh() const { return eolKWh_; }
    std::size_t pointsComputed() const { return points_.size(); }
    /// Member `k` emitting `atomsPerSecond` at `lifeKWh`: adds its weights (times `filmScale`)
    /// to `film` and returns its interpolated monitor flux, depth and volume.
    MemberAtLife add(int k, double lifeKWh, double atomsPerSecond, double filmScale, LifeTableFilm& film);
    /// sum over the life points of `film` of their members' maps with those weights.
    std::vector<double> map(const LifeTableFilm& film) const;

private:
    struct Point {
        std::unique_ptr<CathodeResponses> responses;
        std::vector<double> atomsPerSecond;  ///< per member at trim 1
        std::vector<double> crystalFlux;     ///< per member at trim 1
        double depthM = 0.0, volumeM3 = 0.0;
        double lifeKWh = 0.0;
    };
    const Point& point(std::size_t j);

    CathodeGroup array_;
    std::shared_ptr<const EmissionAngularDistribution> angular_;
    SubstrateGrid grid_;
    SubstrateMotion motion_;
    TransportMethod method_;
    Eigen::Vector3d monitorPosition_, monitorFacing_;
    TargetErosionState erosion_;
    double eolKWh_ = 0.0, stepKWh_ = 0.0;
    double targetVolumeM3_ = 0.0;  ///< one new target (the erosion's end-of-life run)
    int lifePoints_ = 1;
    std::vector<Point> points_;
};

}  // namespace magtwin
