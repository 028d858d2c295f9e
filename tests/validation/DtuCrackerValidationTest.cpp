// The sulfur cracker of the real DTU anait log (Ba-Zr co-sputter, 2025-07-07) as the twin sees
// it: its 19 columns mapped (cases/tools/dtu_anait.yaml, logs[].crackers), its reactive supply
// by the tool's own conversion S [sccm] = 2.8e4 x p_S [Torr] (the NOMAD plugin), and the
// crystal rate in windows with the valve open against the neighbouring windows with it shut:
// measured change against the replay's predicted change (the issue: opening the valve lowers
// the rate by 10-25 % while the DC self-bias rises). Skipped without ../shared/validation.
// Outside references: the log itself (valve open on 38 % of the rows, as the issue counts; the
// Wide Range Gauge's 1e-4 Torr display step), and Berg's steady state (BergModel) for the S2
// flow a drop of the measured size would need.
#include "boundary/materials/MaterialLibrary.hpp"
#include "cli/twin/TwinReplaySetup.hpp"
#include "cli/twin/TwinToolFile.hpp"
#include "solvers/reactive/BergModel.hpp"
#include "solvers/reactive/ReactiveProcess.hpp"
#include "twin/replay/ReactiveSupply.hpp"
#include "twin/replay/ReplaySeries.hpp"
#include "twin/replay/TwinReplay.hpp"
#include "twin/store/TwinStore.hpp"
#include "twin/sync/LogSync.hpp"

#include "tests/validation/DtuSyncedStore.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace magtwin {
namespace {

const std::string& kLog = kDtuLog;
const std::string& kTool = kDtuTool;

/// Replay intervals of one set of depositing sources and shutters, the valve all open or all shut.
struct Window {
    std::string key;  ///< sources and shutters
    bool open = false;
    double start = 0.0, end = 0.0;
    double measured = 0.0, predicted = 0.0, biasV = 0.0;  ///< time-weighted sums
    double seconds = 0.0;
};

class DtuCracker : public DtuSyncedStore {};

TEST_F(DtuCracker, NineteenColumnsMappedAndTheSupplyByThePluginsConversion) {
    int columns = 0;
    std::string gauge;
    for (const auto& c : setup_.format.numeric) {
        if (c.key.rfind("cracker.scracker.", 0) == 0 && c.column.rfind("Sulfur Cracker", 0) == 0) ++columns;
        if (c.key == "cracker.scracker.sulfur_pressure") gauge = c.column;
    }
    EXPECT_EQ(columns, 19);  // header line 4 of the export: 19 "Sulfur Cracker ..." columns
    EXPECT_EQ(gauge, "PC Wide Range Gauge");
    ASSERT_EQ(setup_.format.crackers.size(), 1u);
    EXPECT_EQ(setup_.format.crackers[0].gas, "S2");
    EXPECT_EQ(setup_.format.crackers[0].sccmPerTorr, 2.8e4);

    const ReplaySeries series(*store_, tool_);
    const ReactiveSupplySeries s = reactiveSupply(setup_.format, series);
    const std::vector<char>& open = s.crackerOpen.at("scracker");
    double share = 0.0;
    for (char o : open) share += o;
    share /= static_cast<double>(open.size());
    std::printf("[dtu cracker] valve open on %.1f %% of %zu rows\n", 100.0 * share, open.size());
    // the count: 38 %; 0.5 %: its rounding
    EXPECT_NEAR(share, 0.38, 0.005);
    // the gauge's display step 1e-4 Torr x 2.8e4 sccm/Torr = 2.8 sccm; 1 %: float32 readings
    EXPECT_NEAR(s.resolutionSccm.at("scracker"), 2.8, 0.028);
    double maxS2 = 0.0;
    for (double f : s.sccm.at("S2")) maxS2 = std::max(maxS2, f);
    std::printf("[dtu cracker] largest S2 flow read from the gauge: %.3g sccm (one gauge step: %.3g sccm)\n", maxS2,
                s.resolutionSccm.at("scracker"));
    // the gauge reads 2.8-2.9 mTorr with the valve open or shut: no rise beyond one step
    EXPECT_EQ(maxS2, 0.0);
}

TEST_F(DtuCracker, ValveOpenAgainstShutWindowsPredictedAndMeasured) {
    setup_.substrateMaps = false;
    setup_.maxIntervalS = 10.0;  // short intervals: a valve change falls on a boundary within 10 s
    const ReplayResult r = replayTool(*store_, tool_, setup_);
    const ReplaySeries series(*store_, tool_);
    const std::vector<char>& open = reactiveSupply(setup_.format, series).crackerOpen.at("scracker");
    std::vector<Window> windows;
    for (const auto& st : r.steps) {
        if (!st.monitorShutterOpen || !std::isfinite(st.measuredMassRate)) continue;
        const std::size_t r0 = series.rowAtOrAfter(st.start), r1 = series.rowAtOrAfter(st.end + 1e-6);
        std::size_t n = 0;
        for (std::size_t i = r0; i < r1; ++i) n += open[i];
        if (n != 0 && n != r1 - r0) continue;  // the valve changed inside: neither window
        std::string key = st.substrateShutterOpen ? "substrate open:" : "substrate shut:";
        double predicted = 0.0, bias = 0.0;
        for (const auto& sp : st.sources) {
            key += " " + sp.source;
            predicted += sp.crystalMassRate;
            if (sp.source == "source1") bias = sp.meanVoltageV;
        }
        const bool isOpen = n != 0;
        const double dt = st.end - st.start;
        if (windows.empty() || windows.back().key != key || windows.back().open != isOpen ||
            st.start - windows.back().end > 30.0)
            windows.push_back({key, isOpen, st.start, st.end, 0.0, 0.0, 0.0, 0.0});
        Window& w = windows.back();
        w.end = st.end;
        w.measured += st.measuredMassRate * dt;
        w.predicted += predicted * dt;
        w.biasV += bias * dt;
        w.seconds += dt;
    }
    // adjacent windows that differ only in the valve
    int pairs = 0;
    std::vector<double> measuredChanges;
    for (std::size_t i = 0; i + 1 < windows.size(); ++i) {
        const Window& a = windows[i];
        const Window& b = windows[i + 1];
        if (a.key != b.key || a.open == b.open || a.seconds < 30.0 || b.seconds < 30.0) continue;
        const Window& shut = a.open ? b : a;
        const Window& opened = a.open ? a : b;
        const double measured = (opened.measured / opened.seconds) / (shut.measured / shut.seconds) - 1.0;
        const double predicted = (opened.predicted / opened.seconds) / (shut.predicted / shut.seconds) - 1.0;
        std::printf(
            "[dtu cracker] %s: shut %.0f s -> open %.0f s: measured %+.1f %%, predicted %+.1f %%, source1 bias %.1f -> "
            "%.1f V\n",
            a.key.c_str(), shut.seconds, opened.seconds, 100.0 * measured, 100.0 * predicted, shut.biasV / shut.seconds,
            opened.biasV / opened.seconds);
        ++pairs;
        measuredChanges.push_back(measured);
        // the log's own change: opening the valve lowers the crystal rate (the issue: 10-25 %)
        EXPECT_LT(measured, -0.05);
        EXPECT_GT(measured, -0.30);
        // the twin's: the S2 flow it reads is 0 (test above), so only the logged power and the
        // self-bias move its prediction (ions P / V fewer, yield at e V higher): a few percent
        EXPECT_GT(predicted, -0.10);
        EXPECT_LT(predicted, 0.10);
    }
    EXPECT_GE(pairs, 2);
    // What the measured drop would need as target poisoning: the S2 flow at which Berg's
    // steady state of the Ba target (40 W at 110 V, the chamber of the tool file) sputters that
    // much less, on its metal branch.
    ASSERT_TRUE(setup_.reactive.chambers.count("source1"));
    ReactiveDischarge d;
    d.powerW = 40.0;
    d.voltageV = 110.0;
    const ReactiveSetup ba = reactiveSetup(MaterialLibrary::builtin().get("Ba"), reactiveGas("S2"),
                                           setup_.reactive.chambers.at("source1"), d);
    const BergModel berg(ba.parameters);
    double mean = 0.0;
    for (double m : measuredChanges) mean += m / static_cast<double>(measuredChanges.size());
    auto factorAt = [&](double sccm) {
        const BergState s = berg.statesAtFlow(sccm * kMoleculesPerSccm).front();
        return s.metalAtomsPerS / (ba.parameters.ionsPerSecond * ba.parameters.metalYield);
    };
    double lo = 0.0, hi = 1000.0;
    for (int i = 0; i < 60; ++i) {
        const double mid = 0.5 * (lo + hi);
        (factorAt(mid) > 1.0 + mean ? lo : hi) = mid;
    }
    std::printf(
        "[dtu cracker] BaS/Ba yield ratio %.3f; the mean measured change %+.1f %% needs %.3g sccm S2 at the Ba "
        "target (Berg steady state); one gauge step is 2.8 sccm; at 2.8 sccm the rate factor is %.3f\n",
        ba.yieldRatio, 100.0 * mean, hi, factorAt(2.8));
}

}  // namespace
}  // namespace magtwin
