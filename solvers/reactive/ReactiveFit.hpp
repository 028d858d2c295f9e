// ReactiveFit: a reactive chamber's unknowns fitted to logged runs whose target mode is known.
//
// Each run gives the discharge power and voltage, the working-gas and reactive flows and the
// measured total pressure, the film rate and the target mode (metal or compound) the operator
// saw. The model of a run is ReactiveProcess's Berg model (BergModel.hpp) of that operating
// point, with the run's pumping speed set by its total pressure as in a throttled chamber,
//   S = k T flowScale (Q_inert + Q_reactive) / p_total,
// and the reactive flow flowScale Q_reactive. At most three chamber parameters are fitted:
//   flowScale   true sccm per logged flow unit (MFC unit and gas correction; 1: the log is sccm)
//   sticking    alpha_t = alpha_c (Berg's sticking coefficient, (0, 1])
//   rateFactor  the substrate's film rate over the model's mean over A_c (the throw geometry)
// while A_c, A_t and the rest are the chamber's (ReactiveFitChamber). The mode depends on
// flowScale and sticking only, the rate on rateFactor too, so the fit has two steps:
//   1. mode: (flowScale, sticking) by nonlinear least squares (Ceres Solver, Levenberg-Marquardt
//      with numeric central differences; S. Agarwal, K. Mierle et al., ceres-solver.org): the
//      run's flow must lie on the labelled side of the model's hysteresis window [q_low, q_high]
//      (the turning-point flows; with no hysteresis both are the flow where theta_t = 1/2):
//      metal needs ln q < ln q_low - m, compound ln q > ln q_high + m, a run the caller marks
//      bistable ln q_low + m < ln q < ln q_high - m. Each violation d enters as the smooth hinge
//      w softplus(d / w) with margin m = 0.02 and width w = 0.01 (2 % and 1 % in flow: the flows
//      are printed to 2-3 digits), under a Cauchy loss (scale modeLossScale) weighted by
//      modeWeight, so that the few runs the model cannot place (history the log does not hold)
//      do not pull the window away from the others. The hinges are flat wherever a run is
//      right, so Levenberg-Marquardt starts from the best point of a log grid over (flowScale,
//      sticking) (most runs right, then least mode cost; the grid is in ReactiveFit.cpp).
//      Fitted in logarithms (ln alpha <= 0).
//   2. rate: rateFactor = exp(mean ln(measured rate / model rate)) over the runs with a rate,
//      the least-squares value of the ln-rate residuals (the model rate is that of the labelled
//      mode's state: the stable state on the labelled branch, else the only one).
#pragma once

#include "solvers/reactive/ReactiveProcess.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace magtwin {

/// One logged run.
struct ReactiveRun {
    double powerW = 0.0;
    double voltageV = 0.0;
    double inertFlow = 0.0;                       ///< working gas, logged units (sccm x flowScale)
    double reactiveFlow = 0.0;                    ///< reactive gas, logged units
    double pressurePa = 0.0;                      ///< measured total pressure
    double rateMPerS = 0.0;                       ///< measured film rate (<= 0: no rate residual)
    ReactiveBranch mode = ReactiveBranch::Metal;  ///< labelled target mode (Metal or Compound)
    bool bistable = false;                        ///< seen in both modes: the model should give two
};

/// What is known of the chamber before the fit (the fitted fields of `chamber` are overwritten).
struct ReactiveFitChamber {
    Material metal;
    ReactiveGas gas;
    std::string ion = "Ar";
    std::string yieldModel = "auto";
    ReactiveChamber chamber;  ///< A_t, A_c, T, gamma_c, implantation (the rest is per run or fitted)
};

struct ReactiveFitParameters {
    double flowScale = 1.0;
    double sticking = 1.0;
    double rateFactor = 1.0;
};

/// The model at one run: the hysteresis window in logged flow units and the stable states.
struct ReactiveRunPrediction {
    bool hysteresis = false;
    double lowFlow = 0.0, highFlow = 0.0;  ///< turning-point flows (no hysteresis: theta_t = 1/2 flow)
    std::vector<ReactiveOperatingState> stable;
    /// The state compared with the measured rate: the stable state on the labelled branch,
    /// else the only stable state.
    ReactiveOperatingState labelled;
    /// Exactly the labelled mode as the only stable state; for a bistable run: two states.
    bool modeCorrect = false;
};

ReactiveRunPrediction predictReactiveRun(const ReactiveFitChamber& c, const ReactiveFitParameters& p,
                                         const ReactiveRun& run);

struct ReactiveFitOptions {
    double modeWeight = 10.0;     ///< mode residuals against ln-rate residuals
    double modeLossScale = 0.01;  ///< Cauchy loss scale of the mode residuals (1 % in flow)
    int maxIterations = 200;
};

struct ReactiveFitResult {
    ReactiveFitParameters parameters;
    double initialCost = 0.0, finalCost = 0.0;
    int iterations = 0;
    bool converged = false;
};

/// Fits flowScale, sticking and rateFactor to `runs` (grid start, then Ceres; see the header
/// comment). Throws std::invalid_argument for no runs or a run that is not finite and positive.
ReactiveFitResult fitReactiveChamber(const ReactiveFitChamber& c, const std::vector<ReactiveRun>& runs,
                                     const ReactiveFitOptions& options = {});

/// Scores of a parameter set on a set of runs.
struct ReactiveModeScore {
    int runs = 0, correct = 0;
    int metalRuns = 0, metalCorrect = 0, compoundRuns = 0, compoundCorrect = 0, bistableRuns = 0, bistableCorrect = 0;
    /// Rate per watt, mean of |rateFactor x model / measured - 1| over the runs of each labelled mode.
    double metalRateError = 0.0, compoundRateError = 0.0;
};
ReactiveModeScore scoreReactiveRuns(const ReactiveFitChamber& c, const ReactiveFitParameters& p,
                                    const std::vector<ReactiveRun>& runs);

/// k-fold cross-validation: the runs shuffled by a std::mt19937 with `seed` (Fisher-Yates),
/// split into k folds; each fold scored with the parameters fitted to the other k - 1.
struct ReactiveCrossValidation {
    int k = 0;
    std::uint32_t seed = 0;
    ReactiveModeScore heldOut;                   ///< summed over the folds
    std::vector<ReactiveFitParameters> perFold;  ///< the fit of each fold
};
ReactiveCrossValidation crossValidateReactiveFit(const ReactiveFitChamber& c, const std::vector<ReactiveRun>& runs,
                                                 int k, std::uint32_t seed, const ReactiveFitOptions& options = {});

}  // namespace magtwin
