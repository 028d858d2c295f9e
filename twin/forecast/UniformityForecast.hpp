// UniformityForecast: where today's recipe leaves the uniformity spec and what trims bring it
// back (issue 13, "Drift and forecast"; `magtwin twin forecast` prints it).
//  - Life now: each cathode group's current target (the newest target ID on each of its
//    sources in the store) at its stored energy; the usage rate is that energy over the
//    stored history (kWh per day, from the target's install time to the last sample).
//  - The forecast axis x is the mean life over the groups (kWh per cathode); a group's own
//    life advances with its share of the logged usage: life_g(x) = now_g + (x - x_now)
//    r_g / r_mean (equal usage: every group at x, as `deposit --life-kWh x`).
//  - Today's recipe: the logged one (LoggedRecipe.hpp: the power split of the newest logged
//    deposition step) when given, else "configured": the trims optimised at life now when
//    the tool optimises trims, else the tool file's trims. U with those trims is computed
//    exactly as `deposit --life-kWh` does (solvers/deposition/DepositionRun.hpp) at N evenly
//    spaced points from now to the first end of life (0.5 % of the remaining life before it,
//    where the erosion engine's last time step may pass the remaining-thickness limit before
//    the kWh limit); the first bracket where U exceeds the spec (firstSpecCrossingKWh,
//    LifeSweep.hpp) is then bisected on U itself to 0.1 % of x.
//  - The correction: at the end of the forecast (the first target's end of life, where the
//    fixed recipe is furthest out) the trims (and the wobble amplitude, where the tool lists
//    optimise.wobble_amplitudes) are re-optimised; U before and after are reported.
#pragma once

#include "solvers/deposition/DepositCase.hpp"
#include "solvers/deposition/DepositionRun.hpp"
#include "twin/forecast/LoggedRecipe.hpp"
#include "twin/store/TwinStore.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace magtwin {

/// One cathode group's current target(s) as the store shows them.
struct GroupUsage {
    double nowKWh = 0.0;     ///< energy of the current target(s), mean over the group's sources
    double kWhPerDay = 0.0;  ///< logged usage rate
    std::vector<std::string> targetIds;
};

/// Per group of `c`: its current targets' energy and usage rate up to `lastTime` (UTC s).
/// Throws std::invalid_argument naming the group when the store has no target on it.
std::vector<GroupUsage> groupUsage(const DepositCase& c, const std::vector<TargetRecord>& targets, double lastTime);

/// U over the forecast axis for a case and its logged usage (the model the forecast bisects).
class ForecastModel {
public:
    ForecastModel(DepositCase c, std::vector<GroupUsage> usage, TransportMethod method);
    /// The case with every group at its own life for forecast position x.
    DepositCase caseAt(double x) const;
    /// U (range, %) at forecast position x with the power trims `trims` (cathodeTrims order; empty: the case's).
    double uniformityPct(double x, const std::vector<double>& trims) const;
    /// Trims re-optimised for `d` (TrimResult::rangePctAfter: U with them on the forecast grid).
    TrimResult retrim(const DepositCase& d) const;
    const DepositCase& base() const { return c_; }
    const std::vector<GroupUsage>& usage() const { return usage_; }
    double xNow() const { return xNow_; }
    double meanRate() const { return meanRate_; }

private:
    double uniformityPct(const DepositCase& d, const CathodeResponses& r, const std::vector<double>& trims) const;

    DepositCase c_;
    std::shared_ptr<const EmissionAngularDistribution> law_;
    std::vector<GroupUsage> usage_;
    TransportMethod method_;
    SubstrateGrid grid_;
    double xNow_ = 0.0, meanRate_ = 0.0;
};

/// The smallest x in [lo, hi] at which u(x) > spec, by bisection to relTol x hi, when
/// u(lo) = uLo <= spec < u(hi) = uHi, both known (the midpoint of the last bracket, to relTol of
/// x; solvers/optimise bisectRoot), each evaluation reported to `progress`.
double bisectSpecCrossing(const std::function<double(double)>& u, double spec, double lo, double hi, double uLo,
                          double uHi, double relTol, const ProgressFn& progress = {});

struct ForecastSettings {
    int points = 9;  ///< life points from now to the first end of life (>= 2)
};

struct ForecastResult {
    double specPct = 0.0;
    double xNow = 0.0, xEnd = 0.0;  ///< forecast axis (kWh per cathode): now, the last point
    double meanRate = 0.0;          ///< kWh per day
    std::vector<GroupUsage> usage;  ///< per group
    std::vector<double> eolKWh;     ///< per group: its target's end of life
    std::string recipe;             ///< "logged" or "configured"
    std::optional<LoggedRecipe> logged;
    std::vector<double> recipeTrims;  ///< today's trims (cathodeTrims order)
    std::vector<double> xs, us;       ///< the life points and U there with today's recipe
    std::optional<double> crossingKWh;
    std::vector<double> recommendedTrims;  ///< at xEnd (empty without a crossing)
    std::optional<double> uAfterPct;
    double wobbleRad = std::nan("");  ///< the re-optimised wobble (NaN: not changed)
};

/// The forecast for case `c` with its groups' logged `usage` (groupUsage) and today's recipe
/// `logged` (std::nullopt: configured). Throws std::domain_error when a target is past its
/// end of life already.
ForecastResult forecastUniformity(const DepositCase& c, const std::vector<GroupUsage>& usage,
                                  const std::optional<LoggedRecipe>& logged, TransportMethod method,
                                  const ForecastSettings& settings, const ProgressFn& progress = {});

}  // namespace magtwin
