// ReactiveSteadyStates: the steady states of a reactive process under flow control, found once
// for every model of the target (Berg's uniform target, BergModel.hpp; the target resolved
// along the racetrack, RacetrackPoisoning.hpp; two targets sharing one gas balance,
// CoSputtering.hpp).
//
// A model gives the closed-form state at a partial pressure p (stateAt: Q_tot(p), dQ_tot/dp)
// and the turning points of Q_tot(p). Under flow control a supplied flow Q0 selects the roots
// of Q_tot(p) = Q0 (S. Berg, T. Nyberg, Thin Solid Films 476 (2005) 215, Section 4); between two
// neighbouring turning points Q_tot is monotonic, so each such segment holds at most one root,
// found by bisection (bisectSupply). The largest root is bounded by the pumped flow alone,
// Q_tot >= p S / (k T); without pumping the bracket doubles from the model's pressure scale
// until Q_tot exceeds Q0 (the uptake saturates, so a flow above its limit has no steady state).
#pragma once

#include "solvers/reactive/BergState.hpp"

#include <vector>

namespace magtwin {

class ReactiveSteadyStates {
public:
    virtual ~ReactiveSteadyStates() = default;
    /// Berg's inputs (pumping speed and temperature are read here).
    virtual const BergParameters& parameters() const = 0;
    /// The steady state at partial pressure p >= 0 (closed form).
    virtual BergState stateAt(double pressurePa) const = 0;
    /// Partial pressures where dQ_tot/dp changes sign, ascending (even count).
    virtual std::vector<double> turningPoints() const = 0;
    /// The pumping speed above which Q_tot(p) is monotonic (no hysteresis), m^3/s.
    virtual double criticalPumpingSpeed() const = 0;
    /// A partial pressure of the scale of the curve (the start of the bracket without pumping).
    virtual double pressureScalePa() const = 0;

    /// Every steady state at supplied flow `moleculesPerS` (>= 0), ascending in p: one outside
    /// the hysteresis; inside it stable, unstable, stable (more segments for a resolved target).
    /// Throws std::invalid_argument for a negative flow, or a flow no state can take up.
    std::vector<BergState> statesAtFlow(double moleculesPerS) const;

protected:
    /// The sign changes of dQ_tot/dp between neighbours of the ascending log grid `pressures`,
    /// each bisected in ln p to machine precision (for models whose turning points are not
    /// two by construction).
    std::vector<double> turningPointsOnGrid(const std::vector<double>& pressures) const;
    /// -k T min_p d(Q_t + Q_c)/dp: the grid's minimum refined by golden section in ln p over
    /// its neighbouring cells (0 when the minimum is >= 0), m^3/s.
    double criticalPumpingSpeedOnGrid(const std::vector<double>& pressures) const;
    /// A log grid of `pointsPerDecade` from lo to hi.
    static std::vector<double> logGrid(double lo, double hi, int pointsPerDecade);
};

}  // namespace magtwin
