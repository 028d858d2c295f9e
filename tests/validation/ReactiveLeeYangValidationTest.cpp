// Lee & Yang 2022 reactive Ti/N2 runs against Berg's model (solvers/reactive) with the chamber of
// cases/tools/reactive_tin_lee_yang.yaml, whose three fitted parameters this test refits.
//
// Data: ../shared/validation/process_logs/lee_yang2022_reactive_TiN_FullData__brianxia273.csv
// (J. Lee, C. Yang, J. Manuf. Syst. 62 (2022) 703, supplementary data; PROVENANCE.md): per run
// Power (W), Time (s), Ar and N2 flows (unit not stated: taken as printed), Pressure (Pa),
// Voltage (V), Current (mA), Thickness (taken as Angstrom: it grows linearly with Time,
// PROVENANCE.md), Surface State (Metal / Nitride). The 50 W runs at Ar 480 / N2 720 were seen in
// both modes: the model should give two stable states there (ReactiveRun::bistable).
//
// Goals (issue 20): at each run's operating point the model gives exactly the labelled mode as
// its only stable state (two states at the bistable runs) for >= 57 of the runs; mode accuracy
// and rate per watt per mode on all runs and on held-out runs (k-fold, k and seed below).
#include "cli/tool/ToolFile.hpp"
#include "solvers/reactive/ReactiveFit.hpp"

#include "boundary/util/Csv.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace magtwin {
namespace {

const std::string kCsv = MAGTWIN_VALIDATION_DIR "/process_logs/lee_yang2022_reactive_TiN_FullData__brianxia273.csv";
const std::string kTool = MAGTWIN_SOURCE_DIR "/cases/tools/reactive_tin_lee_yang.yaml";

std::vector<ReactiveRun> leeYangRuns() {
    const CsvTable t = CsvTable::readFile(kCsv);
    std::vector<ReactiveRun> runs;
    for (std::size_t i = 0; i < t.rowCount(); ++i) {
        ReactiveRun r;
        r.powerW = t.number(i, "Power");
        r.voltageV = t.number(i, "Voltage");
        r.inertFlow = t.number(i, "Ar");
        r.reactiveFlow = t.number(i, "N2");
        r.pressurePa = t.number(i, "Pressure");
        r.rateMPerS = t.number(i, "Thickness") * 1e-10 / t.number(i, "Time");  // Angstrom over s
        const std::string& mode = t.text(i, "Surface State");
        if (mode != "Metal" && mode != "Nitride") throw std::runtime_error(t.where(i, "Surface State") + ": " + mode);
        r.mode = mode == "Metal" ? ReactiveBranch::Metal : ReactiveBranch::Compound;
        r.bistable = r.powerW == 50.0 && r.inertFlow == 480.0 && r.reactiveFlow == 720.0;
        runs.push_back(r);
    }
    return runs;
}

ReactiveFitChamber chamberFromTool(const ToolFile& tool) {
    const ToolCathode& k = tool.cathode("ti");
    const ToolReactive& r = *tool.process.reactive;
    ReactiveFitChamber c;
    c.metal = k.target.material;
    c.gas = reactiveGas("N2");
    c.ion = k.discharge.gas;
    c.yieldModel = k.discharge.yieldModel;
    c.chamber.targetAreaM2 = r.targetAreaM2For(k);
    c.chamber.collectorAreaM2 = r.collectorAreaM2;
    c.chamber.temperatureK = tool.process.temperatureK;
    c.chamber.secondaryElectronCompound = r.secondaryElectronCompound;
    c.chamber.implantation = r.implantation;
    c.chamber.redepositionFraction = r.redepositionFraction;
    return c;
}

ReactiveFitParameters parametersFromTool(const ToolFile& tool) {
    const ToolReactive& r = *tool.process.reactive;
    return {r.flowScale, r.stickingTarget, r.substrateRateFactor};
}

void print(const char* what, const ReactiveModeScore& s) {
    std::printf(
        "%s: %d/%d runs right (metal %d/%d, nitride %d/%d, bistable %d/%d); rate per watt mean |error| metal "
        "%.1f %%, nitride %.1f %%\n",
        what, s.correct, s.runs, s.metalCorrect, s.metalRuns, s.compoundCorrect, s.compoundRuns, s.bistableCorrect,
        s.bistableRuns, 100 * s.metalRateError, 100 * s.compoundRateError);
}

// The fit of the shipped chamber: refitted here, it must give the yaml's values (the yaml's
// comment names this test as its source) and reach the goal on all runs.
TEST(ReactiveLeeYang, FitReproducesTheShippedChamberAndReachesTheModeGoal) {
    if (!std::filesystem::exists(kCsv)) GTEST_SKIP() << "skipped: validation data absent: " << kCsv;
    const std::vector<ReactiveRun> runs = leeYangRuns();
    ASSERT_EQ(runs.size(), 63u);  // 63 rows under the header (PROVENANCE.md counts 62: miscounted)
    const ToolFile tool = loadToolFile(kTool);
    const ReactiveFitChamber c = chamberFromTool(tool);
    const ReactiveFitResult fit = fitReactiveChamber(c, runs);
    std::printf(
        "fit: flow_scale %.6g sticking %.6g substrate_rate_factor %.6g (Ceres: cost %.6g -> %.6g, %d iterations)\n",
        fit.parameters.flowScale, fit.parameters.sticking, fit.parameters.rateFactor, fit.initialCost, fit.finalCost,
        fit.iterations);
    const ReactiveFitParameters shipped = parametersFromTool(tool);
    // 1e-4 relative: the yaml holds 6 significant digits; Ceres stops at its function tolerance
    // 1e-6 on a flat-bottomed objective, which moves the parameters by far less than that here.
    EXPECT_NEAR(shipped.flowScale, fit.parameters.flowScale, 1e-4 * fit.parameters.flowScale);
    EXPECT_NEAR(shipped.sticking, fit.parameters.sticking, 1e-4 * fit.parameters.sticking);
    EXPECT_NEAR(shipped.rateFactor, fit.parameters.rateFactor, 1e-4 * fit.parameters.rateFactor);
    EXPECT_EQ(tool.process.reactive->stickingCollector, tool.process.reactive->stickingTarget);

    const ReactiveModeScore all = scoreReactiveRuns(c, shipped, runs);
    print("all runs, shipped chamber", all);
    EXPECT_GE(all.correct, 57);         // the goal
    EXPECT_EQ(all.bistableCorrect, 4);  // two states at 50 W, Ar 480 / N2 720 (seen in both modes)
    for (const ReactiveRun& r : runs) {
        const ReactiveRunPrediction p = predictReactiveRun(c, shipped, r);
        if (!p.modeCorrect)
            std::printf("  wrong: %3.0f W Ar %3.0f N2 %3.0f p %.2f Pa labelled %s: %zu state(s), window %.0f-%.0f\n",
                        r.powerW, r.inertFlow, r.reactiveFlow, r.pressurePa, branchName(r.mode).c_str(),
                        p.stable.size(), p.lowFlow, p.highFlow);
    }
}

// Held out: k-fold cross-validation (k = 7: 9 runs per fold; seed 20, the issue number).
TEST(ReactiveLeeYang, HeldOutRunsBeatTheMajorityClass) {
    if (!std::filesystem::exists(kCsv)) GTEST_SKIP() << "skipped: validation data absent: " << kCsv;
    const std::vector<ReactiveRun> runs = leeYangRuns();
    const ReactiveFitChamber c = chamberFromTool(loadToolFile(kTool));
    const ReactiveCrossValidation cv = crossValidateReactiveFit(c, runs, 7, 20);
    print("held out (7-fold, seed 20)", cv.heldOut);
    for (const ReactiveFitParameters& p : cv.perFold)
        std::printf("  fold fit: flow_scale %.4g sticking %.4g substrate_rate_factor %.4g\n", p.flowScale, p.sticking,
                    p.rateFactor);
    // Negative control: "always nitride" gets the 48 plain nitride runs of 63 right (the 4
    // bistable ones need two states). The model must beat it on runs it did not see.
    int alwaysNitride = 0;
    for (const ReactiveRun& r : runs) alwaysNitride += !r.bistable && r.mode == ReactiveBranch::Compound;
    EXPECT_EQ(alwaysNitride, 48);
    EXPECT_GT(cv.heldOut.correct, alwaysNitride);
    EXPECT_EQ(cv.heldOut.runs, 63);
}

// Redeposition (BergModel.hpp, extension 3) at the shipped, unrefitted parameters: the shipped
// chamber has none (its figures above are Berg's with implantation); what a redeposition
// fraction would do to the same 63 runs is printed and the counts docs/reactive.md quotes are
// held here (a regression of the documented numbers, not a fit).
TEST(ReactiveLeeYang, RedepositionAtTheShippedParametersUnrefitted) {
    if (!std::filesystem::exists(kCsv)) GTEST_SKIP() << "skipped: validation data absent: " << kCsv;
    const std::vector<ReactiveRun> runs = leeYangRuns();
    const ToolFile tool = loadToolFile(kTool);
    ASSERT_EQ(tool.process.reactive->redepositionFraction, 0.0);
    ReactiveFitChamber c = chamberFromTool(tool);
    const ReactiveFitParameters shipped = parametersFromTool(tool);
    struct Documented {
        double f;
        int correct, bistable;
    };
    for (const Documented& d :
         {Documented{0.0, 57, 4}, Documented{0.05, 56, 3}, Documented{0.1, 56, 3}, Documented{0.2, 53, 0}}) {
        c.chamber.redepositionFraction = d.f;
        const ReactiveModeScore s = scoreReactiveRuns(c, shipped, runs);
        char what[64];
        std::snprintf(what, sizeof what, "redeposition %.2f, shipped parameters", d.f);
        print(what, s);
        EXPECT_EQ(s.runs, 63);
        EXPECT_EQ(s.correct, d.correct) << d.f;
        EXPECT_EQ(s.bistableCorrect, d.bistable) << d.f;
    }
}

// Literature check: the Ti/N2 metal-to-nitride rate ratio of Berg's model (the yields of
// boundary/yield: Y_c / Y_m and the densities of Ti and TiN) against the data's, at 50 W
// (the power with both modes at many flows).
TEST(ReactiveLeeYang, MetalToNitrideRateRatio) {
    if (!std::filesystem::exists(kCsv)) GTEST_SKIP() << "skipped: validation data absent: " << kCsv;
    const std::vector<ReactiveRun> runs = leeYangRuns();
    const ToolFile tool = loadToolFile(kTool);
    const ReactiveFitChamber c = chamberFromTool(tool);
    const ReactiveFitParameters p = parametersFromTool(tool);
    std::vector<double> metal, nitride, modelMetal, modelNitride;
    for (const ReactiveRun& r : runs) {
        if (r.powerW != 50.0) continue;
        const ReactiveRunPrediction pr = predictReactiveRun(c, p, r);
        (r.mode == ReactiveBranch::Metal ? metal : nitride).push_back(r.rateMPerS);
        (r.mode == ReactiveBranch::Metal ? modelMetal : modelNitride).push_back(pr.labelled.state.rateMPerS);
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
    };
    const double measured = median(metal) / median(nitride), model = median(modelMetal) / median(modelNitride);
    std::printf("50 W metal / nitride rate: measured %.2f (%zu / %zu runs), model %.2f\n", measured, metal.size(),
                nitride.size(), model);
    // Known gap (docs/reactive.md): the model's ratio comes from Y_c / Y_m of the Andersen-Sigmund
    // compound yield and is about half the measured one; a factor 2.5 either way bounds it.
    EXPECT_GT(model, measured / 2.5);
    EXPECT_LT(model, measured * 2.5);
    EXPECT_GT(model, 1.0);  // metal mode deposits faster (Berg & Nyberg 2005, Fig. 3)
}

// The discharge voltage of the two modes at one operating point: the 50 W, Ar 480 / N2 720 runs
// at 0.80 Pa (metal, 385 V) and 0.82 Pa (nitride, 389 V). At fixed power the model's voltage
// ratio is gamma_m / gamma_c (Thornton; BergModel.hpp extension 1): the data say gamma_TiN is
// within a few per cent of gamma_Ti, as the model's estimate (both from Ti's work function) has it.
TEST(ReactiveLeeYang, NitrideAndMetalVoltagesAtTheBistablePoint) {
    if (!std::filesystem::exists(kCsv)) GTEST_SKIP() << "skipped: validation data absent: " << kCsv;
    const std::vector<ReactiveRun> runs = leeYangRuns();
    const ToolFile tool = loadToolFile(kTool);
    const ReactiveFitChamber c = chamberFromTool(tool);
    double vMetal = 0.0, vNitride = 0.0;
    for (const ReactiveRun& r : runs)
        if (r.bistable && std::abs(r.pressurePa - 0.81) < 0.015)
            (r.mode == ReactiveBranch::Metal ? vMetal : vNitride) = r.voltageV;
    ASSERT_GT(vMetal, 0.0);
    ASSERT_GT(vNitride, 0.0);
    ReactiveRun r = runs[1];  // 50 W, Ar 480 / N2 720, 0.82 Pa
    ASSERT_TRUE(r.bistable);
    r.voltageV = vMetal;  // V_m: the clean target's voltage
    const ReactiveRunPrediction p = predictReactiveRun(c, parametersFromTool(tool), r);
    ASSERT_EQ(p.stable.size(), 2u);
    const double model = p.stable[1].state.voltageV / p.stable[0].state.voltageV, measured = vNitride / vMetal;
    std::printf("50 W Ar 480 / N2 720: nitride / metal voltage measured %.4f (%.0f / %.0f V), model %.4f\n", measured,
                vNitride, vMetal, model);
    // 3 %: the voltages are printed to 1 V of ~390 V and the two runs' pressures differ by
    // 0.02 Pa; Thornton's V ~ 1/gamma moves by the whole gamma ratio.
    EXPECT_NEAR(model, measured, 0.03);
}

}  // namespace
}  // namespace magtwin
