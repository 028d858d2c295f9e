// ReactiveFit (solvers/reactive/ReactiveFit.hpp) on runs made by the model itself: labels and
// rates from known parameters, so the fit must place every run and return the rate factor.
// (The fit against measured runs: tests/validation/ReactiveLeeYangValidationTest.cpp.)
#include "boundary/materials/MaterialLibrary.hpp"
#include "solvers/reactive/ReactiveFit.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace magtwin {
namespace {

ReactiveFitChamber tiChamber() {
    ReactiveFitChamber c;
    c.metal = MaterialLibrary::builtin().get("Ti");
    c.gas = reactiveGas("N2");
    c.chamber.targetAreaM2 = 3.14159265358979 * 0.0254 * 0.0254;  // 2-inch target
    c.chamber.collectorAreaM2 = 0.3;
    c.chamber.implantation = true;
    return c;
}

TEST(ReactiveFit, RecoversModesAndRateFactorOfRunsMadeByTheModel) {
    const ReactiveFitChamber c = tiChamber();
    const ReactiveFitParameters truth{3e-4, 5e-3, 20.0};
    // Runs at 30-90 W, total 1000 units at 0.7 Pa, N2 from 100 to 900 units; the label is the
    // model's own: its only stable state, or bistable when it has two.
    std::vector<ReactiveRun> runs;
    for (double power : {30.0, 50.0, 70.0, 90.0})
        for (double n2 = 100.0; n2 <= 900.0; n2 += 50.0) {
            ReactiveRun r{power, 380.0, 1000.0 - n2, n2, 0.7, 1.0, ReactiveBranch::Metal, false};
            const ReactiveRunPrediction p = predictReactiveRun(c, truth, r);
            r.bistable = p.stable.size() == 2;
            r.mode = p.stable.front().branch;
            r.rateMPerS = truth.rateFactor * p.labelled.state.rateMPerS;
            if (r.bistable) r.rateMPerS = truth.rateFactor * p.stable.front().state.rateMPerS;  // the metal one
            runs.push_back(r);
        }
    int bistable = 0, compound = 0;
    for (const ReactiveRun& r : runs) bistable += r.bistable, compound += r.mode == ReactiveBranch::Compound;
    ASSERT_GT(bistable, 0);  // the set holds all three kinds
    ASSERT_GT(compound, bistable);
    ASSERT_LT(compound, static_cast<int>(runs.size()));
    const ReactiveFitResult fit = fitReactiveChamber(c, runs);
    const ReactiveModeScore s = scoreReactiveRuns(c, fit.parameters, runs);
    EXPECT_EQ(s.correct, s.runs);
    // The modes fix (flowScale, sticking) only to within the hinge's flat region; the rate
    // factor then follows from the rates. 5 %: the rate of a state moves by less than that
    // across that region (theta_c of the metal branch).
    EXPECT_NEAR(fit.parameters.rateFactor, truth.rateFactor, 0.05 * truth.rateFactor);
    EXPECT_NEAR(std::log(fit.parameters.flowScale / truth.flowScale), 0.0, std::log(1.5));
}

TEST(ReactiveFit, RefusesRunsThatAreNotOperatingPoints) {
    const ReactiveFitChamber c = tiChamber();
    ReactiveRun bad{50.0, 380.0, 480.0, 720.0, -0.8, 1e-10, ReactiveBranch::Metal, false};
    EXPECT_THROW(fitReactiveChamber(c, {bad}), std::invalid_argument);
    bad.pressurePa = 0.8;
    bad.mode = ReactiveBranch::Unstable;
    EXPECT_THROW(predictReactiveRun(c, {}, bad), std::invalid_argument);
    EXPECT_THROW(fitReactiveChamber(c, {}), std::invalid_argument);
    EXPECT_THROW(crossValidateReactiveFit(c, {bad}, 2, 1), std::invalid_argument);
}

}  // namespace
}  // namespace magtwin
