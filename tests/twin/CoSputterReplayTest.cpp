// The replay's reactive targets when several run at once (twin/replay/ReactiveTargetState.hpp:
// one gas balance and one collector, CoSputteringDynamics.hpp) and the erosion that follows
// the target's state (ErosionFront::setRelativeFluxYieldFactor with FluxClasses).
// References:
//  - two identical Ti cathodes co-sputtering in the replay are, analytically, one cathode of
//    double area and double power (the same ion flux J: every sum of Berg's balances doubles;
//    tests/solvers/reactive/CoSputteringTest.cpp for the closed form), replayed from its own
//    log; a negative control: the same cathode alone at the same flows follows another path;
//  - a second cathode whose metal has no nitride (Zr under N2) buries the collector's compound
//    (B&N eq. 6 summed: theta_c lower than with the Ti cathode alone);
//  - the erosion: the removed volume is the sum over the flux classes of m_c J_c A_c (yield x
//    flux, conserved through the class map to round-off), and a target with poisoned flanks
//    erodes a narrower groove than the metallic one.
#include "tests/twin/TwinTestFiles.hpp"

#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "cli/tool/ToolFile.hpp"
#include "cli/twin/TwinReplaySetup.hpp"
#include "cli/twin/TwinToolFile.hpp"
#include "solvers/chamber/ErosionEngine.hpp"
#include "solvers/erosion/ErosionFront.hpp"
#include "solvers/reactive/BergModel.hpp"
#include "solvers/reactive/FluxClasses.hpp"
#include "solvers/reactive/ReactiveProcess.hpp"
#include "solvers/reactive/ReactiveTargetState.hpp"
#include "twin/replay/ReplayStoreRecords.hpp"
#include "twin/replay/TwinReplay.hpp"
#include "twin/store/TwinStore.hpp"
#include "twin/sync/LogSync.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <sstream>

namespace magtwin {
namespace {

using test::TempDir;
using test::writeFile;

// The chamber of ReactiveReplayTest (S = 100 L/s, A_c = 2000 cm^2) with two 3-inch Ti cathodes.
const std::string kTwo = R"(tool: {name: cosputter-replay}
process:
  gas: Ar
  temperature: 300 K
  reactive: {pumping_speed_L_s: 100, collector_area_cm2: 2000}
erosion: {angular: none}
cathodes:
  - {name: c1, type: planar-circular, position: [0 mm, 0 mm, 100 mm], radius: 38.1 mm,
     target: {material: Ti, thickness: 6 mm},
     magnets: {racetrack: {ring_radius: 20 mm, profile: {shape: gaussian, sigma: 5 mm}}},
     discharge: {voltage: 400 V, power: 500 W}}
  - {name: c2, type: planar-circular, position: [200 mm, 0 mm, 100 mm], radius: 38.1 mm,
     target: {material: METAL2, thickness: 6 mm},
     magnets: {racetrack: {ring_radius: 20 mm, profile: {shape: gaussian, sigma: 5 mm}}},
     discharge: {voltage: 400 V, power: 500 W}}
substrates:
  - {name: w, kind: wafer, diameter: 100 mm, pitch: 5 mm, edge_exclusion: 5 mm, motion: {kind: rotation, time: 60 s}}
supplies:
  - {name: dc1, kind: dc, feeds: [c1]}
  - {name: dc2, kind: dc, feeds: [c2]}
sensors:
  - {name: qcm, type: crystal-monitor, position: [0 mm, 0 mm, -2000 mm], facing: [0, 0, 1]}
logs:
  - name: small
    header: {preamble_lines: 0}
    timestamp: {column: Time, format: "%Y-%m-%d %H:%M:%S"}
    gas_flows:
      - {gas: N2, flow: {column: N2, unit: sccm}}
    supplies:
      - {supply: dc1, setpoint: {column: SP1, unit: W}, power: {column: P1, unit: W}, voltage: {column: V1, unit: V}}
      - {supply: dc2, setpoint: {column: SP2, unit: W}, power: {column: P2, unit: W}, voltage: {column: V2, unit: V}}
    sources:
      - {cathode: c1, supply: dc1, target_id: {column: T1}}
      - {cathode: c2, supply: dc2, target_id: {column: T2}}
    crystal_monitors:
      - {sensor: qcm, rate: {column: Rate, unit: A/s}, tooling: {column: Tooling, unit: "%"},
         active_material: {column: Mat}, density: {column: Rho, unit: g/cm3}, z_ratio: {column: Z}}
)";

/// The one-cathode tool: c1 of twice the area (radius 38.1 mm x sqrt(2)) and twice the power at
/// the same voltage (I_ion = P / V / (1 + gamma) doubles, IonSupply.hpp): the same ion flux.
std::string oneBigTool() {
    std::string t = kTwo;
    const auto c2 = t.find("  - {name: c2");
    t.erase(c2, t.find("substrates:") - c2);
    t.replace(t.find("radius: 38.1 mm"), 15, "radius: 53.881536726414929 mm");
    t.replace(t.find("power: 500 W"), 12, "power: 1000 W");
    t.replace(t.find("  - {name: dc2"), t.find("sensors:") - t.find("  - {name: dc2"), "");
    const auto s2 = t.find("      - {supply: dc2");
    t.erase(s2, t.find("    sources:") - s2);
    const auto k2 = t.find("      - {cathode: c2");
    t.erase(k2, t.find("    crystal_monitors:") - k2);
    return t;
}

constexpr int kSegmentRows = 200;

/// A log of `flows` (sccm) segments, one row a second; c1 at `p1` W, c2 at `p2` W (0: off).
std::string logText(const std::vector<double>& flows, double p1, double p2) {
    std::ostringstream o;
    o << std::setprecision(17) << "Time,N2,SP1,P1,V1,SP2,P2,V2,T1,T2,Rate,Tooling,Mat,Rho,Z\n";
    const int rows = kSegmentRows * static_cast<int>(flows.size());
    for (int t = 0; t < rows; ++t) {
        char stamp[32];
        std::snprintf(stamp, sizeof stamp, "2025-01-01 %02d:%02d:%02d", 13 + t / 3600, t / 60 % 60, t % 60);
        o << stamp << "," << flows[std::size_t(t / kSegmentRows)] << "," << p1 << "," << p1 << ",400," << p2 << ","
          << p2 << ",400,A-1,B-1,0,100,Ti,4.5,1\n";
    }
    return o.str();
}

struct Replayed {
    ReplaySetup setup;
    ReplayResult result;
    std::unique_ptr<TwinStore> store;
    std::int64_t tool = 0;
};

/// Replays `log` with `toolText`; `uniform`: Berg's uniform targets (no racetrack profile).
Replayed replay(const TempDir& dir, const std::string& name, const std::string& toolText, const std::string& log,
                bool uniform) {
    const TwinToolFile tf = loadTwinToolFile(writeFile(dir.file(name + ".yaml"), toolText));
    Replayed r;
    r.store = openStore(dir.file(name + ".sqlite"));
    r.tool = r.store->ensureTool(tf.name);
    FileSync sync(*r.store, r.tool, tf.logs.front(), writeFile(dir.file(name + ".csv"), log));
    sync.pump();
    r.setup = replaySetupFor(tf, "");
    r.setup.substrateMaps = false;
    r.setup.maxIntervalS = 60.0;
    if (uniform) r.setup.reactive.profiles.clear();
    r.result = replayTool(*r.store, r.tool, r.setup);
    return r;
}

std::string withSecondMetal(const std::string& metal) {
    std::string t = kTwo;
    t.replace(t.find("METAL2"), 6, metal);
    return t;
}

/// Flows below, inside (from metal), above, inside (from compound) and below the hysteresis of
/// the doubled target's Berg model (the uniform model the replay follows here).
std::vector<double> flowsOfDoubledTarget() {
    ReactiveChamber c;
    c.targetAreaM2 = 2.0 * kPi * 0.0381 * 0.0381;
    c.collectorAreaM2 = 0.2;
    c.pumpingSpeedM3PerS = 0.1;
    ReactiveDischarge d;
    d.voltageV = 400.0;
    d.powerW = 1000.0;
    const BergModel berg(reactiveSetup(MaterialLibrary::builtin().get("Ti"), reactiveGas("N2"), c, d).parameters);
    const std::vector<double> turns = berg.turningPoints();
    EXPECT_EQ(turns.size(), 2u);
    const double qHigh = berg.stateAt(turns.at(0)).supplyPerS / kMoleculesPerSccm;
    const double qLow = berg.stateAt(turns.at(1)).supplyPerS / kMoleculesPerSccm;
    const double inside = 0.5 * (qLow + qHigh);
    return {0.5 * qLow, inside, 1.2 * qHigh, inside, 0.8 * qLow};
}

TEST(CoSputterReplay, TwoIdenticalTargetsInOneBalanceAreOneTargetOfDoubleArea) {
    TempDir dir("cosputter-replay");
    const std::vector<double> flows = flowsOfDoubledTarget();
    const Replayed two = replay(dir, "two", withSecondMetal("Ti"), logText(flows, 500.0, 500.0), true);
    const Replayed one = replay(dir, "one", oneBigTool(), logText(flows, 1000.0, 0.0), true);
    const ReactiveTrajectory& a = two.result.reactive;
    const ReactiveTrajectory& b = one.result.reactive;
    ASSERT_EQ(a.thetaTarget.size(), 2u);
    ASSERT_EQ(b.thetaTarget.size(), 1u);
    const std::size_t n = b.thetaTarget[0].size();
    ASSERT_EQ(a.thetaTarget[0].size(), n);
    bool poisoned = false;
    for (std::size_t r = 0; r < n; ++r) {
        for (std::size_t k = 0; k < 2; ++k) {
            // 1e-10: the same balances with every sum split in two equal halves (round-off,
            // carried through the rows; CoSputteringDynamicsTest)
            EXPECT_NEAR(a.thetaTarget[k][r], b.thetaTarget[0][r], 1e-10) << "row " << r << " source " << k;
            EXPECT_NEAR(a.thetaCollector[k][r], b.thetaCollector[0][r], 1e-10) << "row " << r;
            EXPECT_NEAR(a.rateFactor[k][r], b.rateFactor[0][r], 1e-10) << "row " << r;
            EXPECT_NEAR(a.reactivePerMetal[k][r], b.reactivePerMetal[0][r], 1e-10) << "row " << r;
        }
        poisoned = poisoned || b.thetaTarget[0][r] > 0.5;
    }
    EXPECT_TRUE(poisoned);  // the flows cross the hysteresis
    // both branches inside the loop: metal from below, compound from above
    EXPECT_LT(a.thetaTarget[0][2 * kSegmentRows - 2], 0.5);
    EXPECT_GT(a.thetaTarget[0][4 * kSegmentRows - 2], 0.5);
    bool noted = false;
    for (const std::string& note : a.notes) noted = noted || note.find("co-sputtering: c1 (Ti) + c2 (Ti) in N2") == 0;
    EXPECT_TRUE(noted);
    // The per-target state persists as before, each target its own record, the collector common.
    const ReplayRunRecord rec = replayRunRecord(two.result, two.store->targets(two.tool), "run-1", "qcm");
    ASSERT_EQ(rec.reactive.size(), 2u);
    two.store->saveReplayRun(two.tool, rec);
    const auto stored = openStore(dir.file("two.sqlite"))->reactiveStates(two.tool);
    ASSERT_EQ(stored.size(), 2u);
    for (const auto& s : stored) {
        const std::size_t k = s.source == "c1" ? 0 : 1;
        EXPECT_EQ(s.targetId, k == 0 ? "A-1" : "B-1");
        EXPECT_EQ(s.thetaTarget, a.thetaTarget[k].back());
        EXPECT_EQ(s.thetaCollector, stored[0].thetaCollector);
    }
    // Negative control: c1 alone at the same flows (c2 off, its own balance) is another path.
    const Replayed alone = replay(dir, "alone", withSecondMetal("Ti"), logText(flows, 500.0, 0.0), true);
    double most = 0.0;
    for (std::size_t r = 0; r < n; ++r)
        most = std::max(most, std::abs(alone.result.reactive.thetaTarget[0][r] - b.thetaTarget[0][r]));
    EXPECT_GT(most, 0.05);
}

TEST(CoSputterReplay, ASecondTargetWithoutCompoundDataSputtersMetalIntoTheSameBalance) {
    // c2 of Zr: the library has no Zr nitride (boundary/data/materials.csv), so under N2 it only
    // sputters metal onto the collector: theta_c below the Ti cathode's alone (B&N eq. 6 summed),
    // its film carries the common x theta_c, and it is never poisoned.
    TempDir dir("cosputter-zr");
    const std::vector<double> flows = flowsOfDoubledTarget();
    const Replayed both = replay(dir, "both", withSecondMetal("Zr"), logText(flows, 500.0, 500.0), true);
    const Replayed alone = replay(dir, "alone", withSecondMetal("Zr"), logText(flows, 500.0, 0.0), true);
    const ReactiveTrajectory& a = both.result.reactive;
    const ReactiveTrajectory& b = alone.result.reactive;
    const std::size_t r = kSegmentRows - 2;  // the first segment (metal branch), settled
    EXPECT_LT(a.thetaCollector[0][r], b.thetaCollector[0][r]);
    EXPECT_GT(b.thetaCollector[0][r], 0.0);
    EXPECT_EQ(a.thetaTarget[1][r], 0.0);
    EXPECT_DOUBLE_EQ(a.reactivePerMetal[1][r], a.reactivePerMetal[0][r]);
    EXPECT_EQ(a.rateFactor[1][r], 1.0);
    bool noted = false;
    for (const std::string& note : a.notes)
        noted = noted || note.find("co-sputtering: c1 (Ti) + c2 (Zr, metal only) in N2") == 0;
    EXPECT_TRUE(noted);
}

TEST(CoSputterReplay, TheErosionFollowsThePerClassStateAndConservesYieldTimesFlux) {
    // One Ti cathode's erosion engine (angular factor none: the scheme removes Gamma m Y t / n
    // exactly per cell, ErosionFront.hpp), metallic and with Berg's local state put on its cells
    // by flux class: theta(J) = a / (a + J) (RacetrackPoisoning.hpp's local balance with
    // n_f alpha_t F = a Y_c), a = J_max / 4: the centre (J_max) at theta 0.2, the flanks poisoned.
    TempDir dir("cosputter-erosion");
    const ToolFile tool = loadToolFile(writeFile(dir.file("tool.yaml"), withSecondMetal("Ti")));
    const auto engine = makeErosionEngine(tool.cathode("c1"), tool.erosion);
    const FluxClasses classes = fluxClasses(racetrackPatches(*engine), kReplayFluxBins);
    ReactiveChamber c;
    c.targetAreaM2 = kPi * 0.0381 * 0.0381;
    c.collectorAreaM2 = 0.2;
    c.pumpingSpeedM3PerS = 0.1;
    ReactiveDischarge d;
    d.voltageV = 400.0;
    d.powerW = 500.0;
    const double ratio = reactiveSetup(MaterialLibrary::builtin().get("Ti"), reactiveGas("N2"), c, d).yieldRatio;
    ASSERT_LT(ratio, 0.9);  // the compound sputters slower: the state matters
    const double a = 0.25 * classes.maxFluxPerM2S;
    std::vector<double> m;
    double metalSum = 0.0, stateSum = 0.0;
    for (const TargetPatch& p : classes.patches) {
        const double theta = a / (a + p.ionFluxPerM2S);
        m.push_back(reactiveYieldFactor(theta, ratio));
        metalSum += p.ionFluxPerM2S * p.areaM2;
        stateSum += m.back() * p.ionFluxPerM2S * p.areaM2;
    }
    ErosionFront metal(*engine->front), state(*engine->front);
    state.setRelativeFluxYieldFactor(perClassFactor(classes, m));
    const double time = 3600.0 * 20.0;  // 10 kWh at 500 W: a groove of about a mm
    for (ErosionFront* f : {&metal, &state})
        while (f->time() < time * (1 - 1e-12)) f->step(time - f->time(), 1.0);
    ASSERT_NEAR(metal.time(), time, 1e-6 * time);
    ASSERT_NEAR(state.time(), time, 1e-6 * time);
    ASSERT_GT(metal.maxDepth(), 2e-4);
    // Conservation: V_state / V_metal = sum_c m_c J_c A_c / sum_c J_c A_c (each cell takes its
    // class's m, so the class sums carry over exactly); 1e-9: rounding over the cells and steps.
    const double want = stateSum / metalSum;
    EXPECT_NEAR(state.erodedVolume() / metal.erodedVolume(), want, 1e-9 * want);
    EXPECT_LT(want, 1.0);
    // The groove: depth-weighted spread about the ring, narrower with poisoned flanks.
    auto spread = [](const ErosionFront& f) {
        const ErosionGrid& g = f.grid();
        double w = 0.0, w1 = 0.0, w2 = 0.0;
        for (std::size_t j = 0; j < g.nv(); ++j)
            for (std::size_t i = 0; i < g.nu(); ++i) {
                const std::size_t cell = g.index(i, j);
                if (!g.inside(cell)) continue;
                const double r = g.cathodePoint(i, j).norm(), d = f.depth()[cell];
                w += d, w1 += d * r, w2 += d * r * r;
            }
        const double mean = w1 / w;
        return std::sqrt(std::max(0.0, w2 / w - mean * mean));
    };
    const double wMetal = spread(metal), wState = spread(state);
    std::printf("[cosputter replay] groove spread metal %.4f mm, poisoned flanks %.4f mm; volume ratio %.6f\n",
                wMetal * 1e3, wState * 1e3, want);
    EXPECT_LT(wState, 0.95 * wMetal);
}

TEST(CoSputterReplay, TheReplayedErosionFollowsTheTargetsStateByFluxClass) {
    // The resolved cathode (racetrack profile) through the hysteresis, replayed with and without
    // the state model. Erosion angular factor none: the removed volume is linear in each
    // window's per-cell yield factor, so V_state / V_metal = sum_r w_r M_r / sum_r w_r with w_r
    // the energy of row r and M_r = sum_c m_c,r J_c A_c / sum_c J_c A_c the row's class
    // factors (ReactiveTrajectory::classYieldFactor) weighted by the classes' ion flows.
    TempDir dir("cosputter-erosion-replay");
    const std::vector<double> flows = flowsOfDoubledTarget();
    const Replayed state = replay(dir, "state", oneBigTool(), logText(flows, 1000.0, 0.0), false);
    Replayed metal;
    {
        const TwinToolFile tf = loadTwinToolFile(writeFile(dir.file("metal.yaml"), oneBigTool()));
        metal.store = openStore(dir.file("metal.sqlite"));
        metal.tool = metal.store->ensureTool(tf.name);
        FileSync sync(*metal.store, metal.tool, tf.logs.front(),
                      writeFile(dir.file("metal.csv"), logText(flows, 1000.0, 0.0)));
        sync.pump();
        metal.setup = replaySetupFor(tf, "");
        metal.setup.substrateMaps = false;
        metal.setup.maxIntervalS = 60.0;
        metal.setup.reactive.chambers.clear();
        metal.result = replayTool(*metal.store, metal.tool, metal.setup);
    }
    ASSERT_FALSE(state.result.steps.empty());
    ASSERT_EQ(state.result.steps.size(), metal.result.steps.size());
    const ReactiveTrajectory& tr = state.result.reactive;
    const FluxClasses& classes = tr.fluxClasses.at(0);
    ASSERT_FALSE(classes.patches.empty());
    double ions = 0.0;
    for (const TargetPatch& p : classes.patches) ions += p.ionFluxPerM2S * p.areaM2;
    const ReplayStep& last = state.result.steps.back();
    const std::size_t rEnd = std::size_t(
        std::upper_bound(state.result.times.begin(), state.result.times.end(), last.end) - state.result.times.begin());
    const std::vector<double>& e = state.result.energyKWh.at(0);
    double sumW = 0.0, sumWM = 0.0, lowest = 1.0;
    for (std::size_t r = 1; r < rEnd; ++r) {
        const double w = e[r] - e[r - 1];
        const std::vector<double>& m = tr.classYieldFactor[0][r];
        ASSERT_EQ(m.size(), classes.patches.size()) << r;
        double M = 0.0;
        for (std::size_t c = 0; c < m.size(); ++c)
            M += m[c] * classes.patches[c].ionFluxPerM2S * classes.patches[c].areaM2;
        sumW += w, sumWM += w * M / ions;
        lowest = std::min(lowest, M / ions);
    }
    const double want = sumWM / sumW;
    const double got = last.sources.at(0).erodedVolumeM3 / metal.result.steps.back().sources.at(0).erodedVolumeM3;
    std::printf("[cosputter replay] eroded volume with the state / metal %.12f, energy-weighted class factors %.12f\n",
                got, want);
    // Conservation of yield x flux through the replay: 1e-9, rounding. (The replay's life points
    // come from the steps' energies, this sum from the rows' cumulative energy: on this log of
    // whole rows at constant power they are the same sums.)
    EXPECT_NEAR(got, want, 1e-9 * want);
    EXPECT_LT(lowest, 0.9);  // the compound windows slow the erosion: the check is not trivially 1
    EXPECT_LT(got, 0.99);
}

}  // namespace
}  // namespace magtwin
