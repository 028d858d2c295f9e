// CoSputteringDynamics: the targets of one chamber that run at the same time, advanced in time
// in one gas balance and on one collector (a twin following a co-sputtering log).
//
// Sources: the time-dependent balances of TargetStateDynamics.hpp (Berg & Nyberg, Thin Solid
// Films 476 (2005) 215, "B&N", with the accumulation terms of Kubart, Kappertz, Nyberg, Berg,
// Thin Solid Films 515 (2006) 421) with the sums over the targets of CoSputtering.hpp (B&N's
// gas and collector balances with one term per gettering and sputtering surface):
//   each reacting target k, per patch i (its own ion flux J_ki, yields, sticking, n_f,k):
//     n_0,k dtheta_ki/dt = n_f,k alpha_t,k F (1 - theta_ki) - J_ki Y_c,k theta_ki
//   the common collector (the compound of the first reacting target, n_f, n_0 of that one):
//     n_0 A_c dtheta_c/dt = C (1 - theta_c) + n_f alpha_c F (1 - theta_c) A_c - M theta_c,
//     C = sum_k sum_i J_ki Y_c,k theta_ki dA_ki,  M = sum_k sum_i J_ki Y_m,k (1 - theta_ki) dA_ki
//         + sum_j R_j (non-reacting targets j: metal only, R_j metal atoms per second)
//   the gas, quasi-static (as TargetStateDynamics):
//     Q_0 = F/p [sum_k alpha_t,k sum_i (1 - theta_ki) dA_ki + alpha_c (1 - theta_c) A_c] p + p S / (k T).
// A non-reacting target (a metal without compound data for the gas, e.g. Zr under S2) takes
// part with its metal flux only: it pumps nothing and buries the collector's compound.
// Integration: TargetStateDynamics' scheme (frozen F and collector per step, exact linear
// relaxation, the step at most 1/20 of the shortest time constant over every target and the
// collector, the pressure of the mid state), so one reacting member is TargetStateDynamics
// to round-off, and two identical targets are one of double area and ion flow (tested).
// Validity: TargetStateDynamics' per target; the collector's compound is one phase (reacting
// targets whose compounds have another x are refused, as in CoSputtering); the chamber's
// inputs (pumping speed, collector area and sticking, temperature, gas) must be the same in
// every member's parameters.
#pragma once

#include "solvers/reactive/TargetStateDynamics.hpp"

#include <vector>

namespace magtwin {

/// One target of the co-sputtering chamber.
struct CoSputterMember {
    /// The reacting target's dynamics (its parameters, patches and n_0); null: a non-reacting
    /// target. Referenced: must outlive the CoSputteringDynamics.
    const TargetStateDynamics* dynamics = nullptr;
    double metalAtomsPerS = 0.0;  ///< a non-reacting target: metal atoms sputtered per second (I_ion Y_m / e)
};

/// The chamber's state: each member's target (thetaCollector of the members not used; a
/// non-reacting member's stays metallic) and the common collector.
struct CoSputterState {
    std::vector<ReactiveSurfaceState> targets;
    double thetaCollector = 0.0;
};

class CoSputteringDynamics {
public:
    /// Throws std::invalid_argument naming the member when a chamber input differs between the
    /// reacting members, the compounds' x differ, no member reacts, or a non-reacting member's
    /// metal flux is not >= 0.
    explicit CoSputteringDynamics(std::vector<CoSputterMember> members);
    const std::vector<CoSputterMember>& members() const { return members_; }
    /// The collector's site density (the first reacting target's n_0).
    double collectorSiteDensityPerM2() const { return n0c_; }

    /// The quasi-static partial pressure at supply `moleculesPerS` (>= 0).
    double partialPressurePa(const CoSputterState& s, double moleculesPerS) const;
    /// The state after `dtS` (>= 0) s at constant supply. `chamber` (when given) adds the
    /// chamber's tallies (supply, pumping, collector uptake, the targets' uptake summed, p);
    /// `perMember` (when given, resized to the members) each target's own (uptake, formed,
    /// eroded, metal sputtered, time, patchThetaTimeS).
    CoSputterState advance(CoSputterState s, double moleculesPerS, double dtS, ReactiveAdvanceTally* chamber = nullptr,
                           std::vector<ReactiveAdvanceTally>* perMember = nullptr) const;
    /// Metal atoms leaving member k per second (B&N eq. 13 for that target).
    double metalAtomsPerS(std::size_t k, const CoSputterState& s) const;

private:
    std::vector<CoSputterMember> members_;
    const BergParameters* chamber_ = nullptr;  ///< the first reacting member's parameters
    double n0c_ = 0.0, nfc_ = 0.0, impingementPerPa_ = 0.0;
};

}  // namespace magtwin
