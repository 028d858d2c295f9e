#include "solvers/reactive/ReactiveFit.hpp"

#include "boundary/util/PhysicalConstants.hpp"

#include <ceres/ceres.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

namespace magtwin {

namespace {

constexpr double kMargin = 0.02;  // see the header: 2 % in flow
constexpr double kWidth = 0.01;   // softplus width, 1 % in flow

/// A run's Berg inputs without the fitted parameters (the yields at its voltage, its ion flow).
struct RunSetup {
    ReactiveRun run;
    BergParameters base;
};

void checkRun(const ReactiveRun& r) {
    const bool ok = std::isfinite(r.powerW) && r.powerW > 0.0 && std::isfinite(r.voltageV) && r.voltageV > 0.0 &&
                    std::isfinite(r.inertFlow) && r.inertFlow >= 0.0 && std::isfinite(r.reactiveFlow) &&
                    r.reactiveFlow > 0.0 && std::isfinite(r.pressurePa) && r.pressurePa > 0.0 &&
                    std::isfinite(r.rateMPerS) &&
                    (r.mode == ReactiveBranch::Metal || r.mode == ReactiveBranch::Compound);
    if (!ok)
        throw std::invalid_argument(
            "reactive fit: a run needs power, voltage, reactive flow and pressure > 0, a working-gas flow >= 0 and a "
            "metal or compound mode");
}

RunSetup runSetup(const ReactiveFitChamber& c, const ReactiveRun& run) {
    checkRun(run);
    ReactiveChamber ch = c.chamber;
    ch.pumpingSpeedM3PerS = 1.0;  // placeholder: set per run in runParameters
    ch.implantation = false;
    ReactiveDischarge d;
    d.ion = c.ion;
    d.voltageV = run.voltageV;
    d.powerW = run.powerW;
    d.yieldModel = c.yieldModel;
    RunSetup out{run, reactiveSetup(c.metal, c.gas, ch, d).parameters};
    out.base.implantation = c.chamber.implantation;
    return out;
}

BergParameters runParameters(const RunSetup& s, const ReactiveFitParameters& p) {
    BergParameters b = s.base;
    const double total = s.run.inertFlow + s.run.reactiveFlow;
    // The throttled chamber: S = k T Q_total / p_total with the flows in true sccm.
    b.pumpingSpeedM3PerS =
        p.flowScale * total * kMoleculesPerSccm * kBoltzmannJPerK * b.temperatureK / s.run.pressurePa;
    b.inertPartialPressurePa = s.run.pressurePa * s.run.inertFlow / total;
    b.stickingTarget = b.stickingCollector = p.sticking;
    return b;
}

/// The flow (molecules/s) at which theta_t = 1/2 on a curve without hysteresis.
double halfPoisonedFlow(const BergModel& m) {
    double lo = m.pressureScalePa(), hi = lo;
    while (m.stateAt(lo).thetaTarget > 0.5) lo *= 0.5;
    while (m.stateAt(hi).thetaTarget < 0.5) hi *= 2.0;
    for (int it = 0; it < 100 && hi - lo > 1e-13 * hi; ++it) {
        const double mid = std::sqrt(lo * hi);
        (m.stateAt(mid).thetaTarget < 0.5 ? lo : hi) = mid;
    }
    return m.stateAt(std::sqrt(lo * hi)).supplyPerS;
}

ReactiveRunPrediction predict(const RunSetup& s, const ReactiveFitParameters& p) {
    const BergModel model(runParameters(s, p));
    ReactiveRunPrediction out;
    const double perUnit = p.flowScale * kMoleculesPerSccm;  // molecules/s per logged flow unit
    const std::vector<double> turns = model.turningPoints();
    out.hysteresis = !turns.empty();
    if (out.hysteresis) {
        out.lowFlow = model.stateAt(turns[1]).supplyPerS / perUnit;
        out.highFlow = model.stateAt(turns[0]).supplyPerS / perUnit;
    } else {
        out.lowFlow = out.highFlow = halfPoisonedFlow(model) / perUnit;
    }
    for (const ReactiveOperatingState& st : reactiveStates(model, s.run.reactiveFlow * p.flowScale))
        if (st.state.stable) out.stable.push_back(st);
    if (out.stable.empty()) throw std::invalid_argument("reactive fit: no stable state at a run's operating point");
    out.labelled = out.stable.front();
    for (const ReactiveOperatingState& st : out.stable)
        if (st.branch == s.run.mode) out.labelled = st;
    out.modeCorrect =
        s.run.bistable ? out.stable.size() == 2 : out.stable.size() == 1 && out.stable.front().branch == s.run.mode;
    return out;
}

double hinge(double d) {
    const double x = d / kWidth;
    return kWidth * (x > 30.0 ? x : std::log1p(std::exp(x)));
}

/// (ln flowScale, ln alpha); central differences at the bound ln alpha = 0 step past it: alpha
/// is clamped to 1 there. The mode does not depend on rateFactor.
ReactiveFitParameters fromLog(const double* x) { return {std::exp(x[0]), std::min(1.0, std::exp(x[1])), 1.0}; }

/// The two mode residuals of a prediction (see the header).
void modeResiduals(const ReactiveRun& run, const ReactiveRunPrediction& pr, double* r) {
    const double q = std::log(run.reactiveFlow), lo = std::log(pr.lowFlow), hi = std::log(pr.highFlow);
    r[0] = r[1] = 0.0;
    if (run.bistable) {
        r[0] = hinge(lo - q + kMargin);
        r[1] = hinge(q - hi + kMargin);
    } else if (run.mode == ReactiveBranch::Metal) {
        r[0] = hinge(q - lo + kMargin);
    } else {
        r[0] = hinge(hi - q + kMargin);
    }
}

/// The two mode residuals of one run.
struct ModeResiduals {
    const RunSetup* s;
    bool operator()(const double* x, double* r) const {
        modeResiduals(s->run, predict(*s, fromLog(x)), r);
        return true;
    }
};

std::vector<RunSetup> setups(const ReactiveFitChamber& c, const std::vector<ReactiveRun>& runs) {
    std::vector<RunSetup> out;
    out.reserve(runs.size());
    for (const ReactiveRun& r : runs) out.push_back(runSetup(c, r));
    return out;
}

}  // namespace

ReactiveRunPrediction predictReactiveRun(const ReactiveFitChamber& c, const ReactiveFitParameters& p,
                                         const ReactiveRun& run) {
    return predict(runSetup(c, run), p);
}

ReactiveFitResult fitReactiveChamber(const ReactiveFitChamber& c, const std::vector<ReactiveRun>& runs,
                                     const ReactiveFitOptions& options) {
    if (runs.empty()) throw std::invalid_argument("reactive fit: no runs");
    const std::vector<RunSetup> s = setups(c, runs);
    // Start: the log grid flowScale 1e-6 .. 1e2 (4 per decade), sticking 1e-4 .. 1 (4 per
    // decade): most runs right, then least summed squared mode residual.
    ReactiveFitParameters start;
    int bestCorrect = -1;
    double bestCost = 0.0;
    for (int i = 0; i <= 32; ++i)
        for (int j = 0; j <= 16; ++j) {
            const ReactiveFitParameters p{std::pow(10.0, -6.0 + i / 4.0), std::pow(10.0, -4.0 + j / 4.0), 1.0};
            int correct = 0;
            double cost = 0.0;
            for (const RunSetup& r : s) {
                const ReactiveRunPrediction pr = predict(r, p);
                double m[2];
                modeResiduals(r.run, pr, m);
                correct += pr.modeCorrect;
                cost += m[0] * m[0] + m[1] * m[1];
            }
            if (correct > bestCorrect || (correct == bestCorrect && cost < bestCost))
                bestCorrect = correct, bestCost = cost, start = p;
        }
    double x[2] = {std::log(start.flowScale), std::log(start.sticking)};
    ceres::Problem problem;
    for (const RunSetup& r : s)
        problem.AddResidualBlock(
            new ceres::NumericDiffCostFunction<ModeResiduals, ceres::CENTRAL, 2, 2>(new ModeResiduals{&r}),
            new ceres::ScaledLoss(new ceres::CauchyLoss(options.modeLossScale), options.modeWeight,
                                  ceres::TAKE_OWNERSHIP),
            x);
    // Bounds: alpha <= 1 (Berg's upper bound); the others only keep the search finite.
    const double lo[2] = {std::log(1e-8), std::log(1e-6)};
    const double hi[2] = {std::log(1e4), 0.0};
    for (int i = 0; i < 2; ++i) {
        problem.SetParameterLowerBound(x, i, lo[i]);
        problem.SetParameterUpperBound(x, i, hi[i]);
    }
    ceres::Solver::Options o;
    o.linear_solver_type = ceres::DENSE_QR;
    o.max_num_iterations = options.maxIterations;
    o.logging_type = ceres::SILENT;
    o.num_threads = 1;
    ceres::Solver::Summary summary;
    ceres::Solve(o, &problem, &summary);
    ReactiveFitResult out;
    out.parameters = {std::exp(x[0]), std::min(1.0, std::exp(x[1])), 1.0};
    // rateFactor: the least-squares value of the ln-rate residuals, exp(mean ln(measured / model)).
    double lnRate = 0.0;
    int rated = 0;
    for (const RunSetup& r : s)
        if (r.run.rateMPerS > 0.0)
            lnRate += std::log(r.run.rateMPerS / predict(r, out.parameters).labelled.state.rateMPerS), ++rated;
    out.parameters.rateFactor = rated ? std::exp(lnRate / rated) : 1.0;
    out.initialCost = summary.initial_cost;
    out.finalCost = summary.final_cost;
    out.iterations = static_cast<int>(summary.iterations.size());
    out.converged = summary.termination_type == ceres::CONVERGENCE;
    return out;
}

ReactiveModeScore scoreReactiveRuns(const ReactiveFitChamber& c, const ReactiveFitParameters& p,
                                    const std::vector<ReactiveRun>& runs) {
    ReactiveModeScore out;
    double metalError = 0.0, compoundError = 0.0;
    int metalRated = 0, compoundRated = 0;
    for (const ReactiveRun& r : runs) {
        const ReactiveRunPrediction pr = predictReactiveRun(c, p, r);
        ++out.runs;
        out.correct += pr.modeCorrect;
        if (r.bistable) {
            ++out.bistableRuns;
            out.bistableCorrect += pr.modeCorrect;
        } else if (r.mode == ReactiveBranch::Metal) {
            ++out.metalRuns;
            out.metalCorrect += pr.modeCorrect;
        } else {
            ++out.compoundRuns;
            out.compoundCorrect += pr.modeCorrect;
        }
        if (r.rateMPerS > 0.0) {
            const double e = std::abs(p.rateFactor * pr.labelled.state.rateMPerS / r.rateMPerS - 1.0);
            if (r.mode == ReactiveBranch::Metal)
                metalError += e, ++metalRated;
            else
                compoundError += e, ++compoundRated;
        }
    }
    out.metalRateError = metalRated ? metalError / metalRated : 0.0;
    out.compoundRateError = compoundRated ? compoundError / compoundRated : 0.0;
    return out;
}

ReactiveCrossValidation crossValidateReactiveFit(const ReactiveFitChamber& c, const std::vector<ReactiveRun>& runs,
                                                 int k, std::uint32_t seed, const ReactiveFitOptions& options) {
    if (k < 2 || static_cast<std::size_t>(k) > runs.size())
        throw std::invalid_argument("reactive fit: k-fold needs 2 <= k <= the number of runs");
    std::vector<std::size_t> order(runs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937 rng(seed);  // mt19937's sequence is fixed by the standard; the swap index is rng() % (i + 1)
    for (std::size_t i = order.size() - 1; i > 0; --i) std::swap(order[i], order[rng() % (i + 1)]);
    ReactiveCrossValidation out;
    out.k = k;
    out.seed = seed;
    double metalError = 0.0, compoundError = 0.0;
    int metalN = 0, compoundN = 0;
    for (int fold = 0; fold < k; ++fold) {
        std::vector<ReactiveRun> train, test;
        for (std::size_t j = 0; j < order.size(); ++j)
            (static_cast<int>(j % k) == fold ? test : train).push_back(runs[order[j]]);
        const ReactiveFitParameters p = fitReactiveChamber(c, train, options).parameters;
        out.perFold.push_back(p);
        const ReactiveModeScore s = scoreReactiveRuns(c, p, test);
        ReactiveModeScore& h = out.heldOut;
        h.runs += s.runs, h.correct += s.correct;
        h.metalRuns += s.metalRuns, h.metalCorrect += s.metalCorrect;
        h.compoundRuns += s.compoundRuns, h.compoundCorrect += s.compoundCorrect;
        h.bistableRuns += s.bistableRuns, h.bistableCorrect += s.bistableCorrect;
        int m = 0, n = 0;
        for (const ReactiveRun& r : test)
            if (r.rateMPerS > 0.0) (r.mode == ReactiveBranch::Metal ? m : n)++;
        metalError += s.metalRateError * m, metalN += m;
        compoundError += s.compoundRateError * n, compoundN += n;
    }
    out.heldOut.metalRateError = metalN ? metalError / metalN : 0.0;
    out.heldOut.compoundRateError = compoundN ? compoundError / compoundN : 0.0;
    return out;
}

}  // namespace magtwin
