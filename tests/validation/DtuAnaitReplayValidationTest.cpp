// twin replay and calibrate on the real DTU Nanolab anait log (Ba-Zr co-sputter, 2025-07-07,
// ../shared/validation/process_logs; skipped with a message when the folder is absent).
// Outside references: the export's own "PC Source n Usage Calculation" columns (the power
// the tool's counter integrates, not mapped in the tool file), read here from the CSV.
#include "cli/twin/TwinReplaySetup.hpp"
#include "cli/twin/TwinToolFile.hpp"
#include "twin/calibration/MonitorCalibration.hpp"
#include "twin/replay/CounterAudit.hpp"
#include "twin/replay/ReactiveSupply.hpp"
#include "twin/replay/ReplaySeries.hpp"
#include "twin/replay/TwinReplay.hpp"
#include "twin/store/TwinStore.hpp"
#include "twin/sync/LogSync.hpp"

#include "tests/validation/DtuSyncedStore.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace magtwin {
namespace {

const std::string& kLog = kDtuLog;
const std::string& kTool = kDtuTool;

/// Trapezoid integral (kWh) of the export's "PC Source 1 Usage Calculation" column (W) over
/// the rows where "Power Supply 2 Fwd Power" (rf2, which feeds source 1) is above 1 W.
double usageCalculationIntegralKWh() {
    std::ifstream in(kLog);
    std::string line;
    for (int i = 0; i < 3; ++i) std::getline(in, line);
    std::getline(in, line);
    auto split = [](const std::string& l) {
        std::vector<std::string> f;
        std::stringstream s(l);
        std::string x;
        while (std::getline(s, x, ',')) f.push_back(x);
        return f;
    };
    const auto head = split(line);
    const auto col = [&](const std::string& n) { return std::find(head.begin(), head.end(), n) - head.begin(); };
    const auto usage = col("PC Source 1 Usage Calculation"), fwd = col("Power Supply 2 Fwd Power"),
               time = col("Time Stamp");
    double sum = 0.0, prevT = 0.0, prevU = 0.0;
    bool prevOn = false, first = true;
    while (std::getline(in, line)) {
        const auto f = split(line);
        if (f.size() <= static_cast<std::size_t>(std::max({usage, fwd, time}))) continue;
        // "Jul-07-2025 03:31:02.806 PM": seconds within the day are enough here
        const std::string& ts = f[time];
        const int hh = std::stoi(ts.substr(12, 2)) % 12 + (ts.find("PM") != std::string::npos ? 12 : 0);
        const double t = hh * 3600.0 + std::stoi(ts.substr(15, 2)) * 60.0 + std::stod(ts.substr(18, 6));
        const double u = std::stod(f[usage]);
        const bool on = std::stod(f[fwd]) > 1.0;
        if (!first && on && prevOn) sum += 0.5 * (u + prevU) * (t - prevT);
        prevT = t, prevU = u, prevOn = on, first = false;
    }
    return sum / 3.6e6;
}

/// The chain's figures of one replay: measured / predicted crystal rate on the first single-source
/// interval of each target (the Ba gun's, whatever its compound, and the Zr gun's) and the median
/// over every interval with a reading.
struct ChainRatios {
    double ba = NAN, zr = NAN, median = NAN;
    bool withinGoal() const {
        auto in3x = [](double x) { return x >= 1.0 / 3.0 && x <= 3.0; };
        return in3x(ba) && in3x(zr) && in3x(median);
    }
};

ChainRatios chainRatios(const ReplayResult& r) {
    ChainRatios c;
    std::vector<double> all;
    for (const auto& s : r.steps) {
        if (!std::isfinite(s.measuredAS) || !(s.predictedAS > 0.0) || !(s.measuredAS > 0.0)) continue;
        all.push_back(s.measuredAS / s.predictedAS);
        if (s.sources.size() != 1) continue;
        const std::string& m = s.sources[0].material;
        double* slot = m.rfind("Ba", 0) == 0 ? &c.ba : m == "Zr" ? &c.zr : nullptr;  // Ba, BaS, BaO
        if (slot && std::isnan(*slot)) *slot = s.measuredAS / s.predictedAS;
    }
    if (all.empty()) return c;
    std::sort(all.begin(), all.end());
    const std::size_t n = all.size();
    c.median = n % 2 ? all[n / 2] : 0.5 * (all[n / 2 - 1] + all[n / 2]);
    return c;
}

class DtuAnaitReplay : public DtuSyncedStore {};

TEST_F(DtuAnaitReplay, CounterAuditFlagsSource1AndNamesTheSupplyItsCounterFollows) {
    const ReplayResult r = replayTool(*store_, tool_, setup_);
    const ReplaySeries series(*store_, tool_);
    const auto audit =
        auditCounters(store_->targets(tool_), setup_.format, series, EnergySeries(setup_.format, series), 5.0);
    bool ba = false, zr = false;
    for (const auto& a : audit) {
        std::cout << a.source << " " << a.targetId << ": energy " << a.energyKWh << " kWh, counter "
                  << a.counterDeltaKWh << " kWh, " << a.errorPct << " %" << (a.flagged ? " FLAGGED: " + a.cause : "")
                  << "\n";
        if (a.targetId == "Ba_T_001") {
            ba = true;
            EXPECT_TRUE(a.flagged);
            EXPECT_NE(a.cause.find("supply rf3's setpoint while rf2 feeds"), std::string::npos) << a.cause;
            // the tool's own "Usage Calculation" column integrates to the counter (outside reference):
            // 1 % = the counter's 1e-4 kWh display resolution over ~0.05 kWh plus the 1 s sampling
            EXPECT_NEAR(usageCalculationIntegralKWh(), a.counterDeltaKWh, 0.01 * a.counterDeltaKWh);
        }
        if (a.targetId == "Zr_T_001") {
            zr = true;
            EXPECT_FALSE(a.flagged) << a.errorPct;
        }
    }
    EXPECT_TRUE(ba && zr);
    const auto jumps = shutterJumps(series, r.power, "sensor.qcm.rate");
    ASSERT_EQ(jumps.size(), 1u);
    std::cout << jumps[0].message << "\n";
    // the "roughly doubles" at 40/70 W
    EXPECT_GT(jumps[0].size, 1.4);
    EXPECT_LT(jumps[0].size, 2.5);
}

TEST_F(DtuAnaitReplay, CalibratedTwinReproducesTheSingleSourceReadings) {
    setup_.maxIntervalS = 30.0;
    const ReplayResult windows = replayTool(*store_, tool_, setup_);
    const MonitorCalibration cal = calibrateMonitorRates(windows, 15.0);
    ASSERT_EQ(cal.parameters.size(), 2u);
    for (const auto& p : cal.parameters) {
        std::cout << p.source << " " << p.targetId << ": scale " << p.scale << " +- " << p.sigma << "\n";
        EXPECT_GT(p.scale, 0.0);
        EXPECT_LT(p.sigma, 0.25 * p.scale);
    }
    // the fit's own windows: the calibrated prediction over them matches the mean reading
    // (a least-squares fit of a scale through the origin with relative weights leaves the
    // weighted mean residual ~0; 5 % allows the relative weighting's bias)
    double measured = 0.0, predicted = 0.0;
    for (const auto& s : windows.steps) {
        if (s.sources.size() != 1 || !std::isfinite(s.measuredMassRate) || s.end - s.start < 15.0) continue;
        const auto& p = s.sources[0];
        for (const auto& c : cal.parameters)
            if (c.source == p.source) predicted += c.scale * p.crystalMassRate, measured += s.measuredMassRate;
    }
    EXPECT_NEAR(predicted / measured, 1.0, 0.05);
    std::size_t closed = 0;
    for (const auto& c : cal.coSputter) closed += !c.substrateShutterOpen;
    EXPECT_GT(closed, 10u);
}

// The tool file's geometry (cases/tools/dtu_anait.yaml: the guns of the tool's NOMAD plugin,
// tilted and confocal, read as described there; the substrate resting at platen angle 185 deg)
// as the replay sees it, uncalibrated: the measured / predicted monitor rate on the
// single-source steps and the twin's geometric tooling (substrate mean / crystal film rate,
// ReplayReport's tooling finding). Untilted guns on a 70 mm circle 150 mm up (the file before
// issue 19) gave Ba 0.0039, Zr 0.225 and 51.6 %; the plugin's geometry gives Ba 0.0056, Zr 0.44,
// 38.4 % with the ion supply P / V_dc (the crystal's position stays a project assumption; the logged
// tooling is 228 %). The RF discharge model (issue 20, docs/rf.md) moves the ratios to Ba 0.0110,
// Zr 0.685; the geometric tooling does not depend on the discharge and stays.
// The figures are this replay's own; 3 % holds them against the grid and quadrature
// (map pitch 2 mm, emission pitch 2 mm) but fails on any change of the geometry (the other
// reading of the plugin's angles, from the substrate plane, gives Ba 0.0058, Zr 0.37, 46.3 %).
TEST_F(DtuAnaitReplay, TiltedGunGeometryGivesItsMonitorRatiosAndTooling) {
    const ReplayResult r = replayTool(*store_, tool_, setup_);
    std::map<std::string, double> ratio;
    std::vector<double> tooling;
    for (const auto& s : r.steps) {
        if (s.monitorTooling > 0.0 && s.predictedAS > 0.0 && std::isfinite(s.mapMeanAS))
            tooling.push_back(s.mapMeanAS / (s.predictedAS / s.monitorTooling));
        if (s.sources.size() != 1 || !std::isfinite(s.measuredAS) || !(s.predictedAS > 0.0)) continue;
        ratio[s.sources[0].material] = s.measuredAS / s.predictedAS;
    }
    ASSERT_EQ(ratio.count("Ba") + ratio.count("Zr"), 2u);
    ASSERT_FALSE(tooling.empty());
    std::sort(tooling.begin(), tooling.end());
    const double geometric = tooling.size() % 2 ? tooling[tooling.size() / 2]
                                                : 0.5 * (tooling[tooling.size() / 2 - 1] + tooling[tooling.size() / 2]);
    std::cout << "uncalibrated measured/predicted: Ba " << ratio["Ba"] << ", Zr " << ratio["Zr"]
              << "; geometric tooling " << 100 * geometric << " %\n";
    EXPECT_NEAR(ratio["Ba"] / 0.01100, 1.0, 0.03);
    EXPECT_NEAR(ratio["Zr"] / 0.6845, 1.0, 0.03);
    EXPECT_NEAR(geometric / 0.384, 1.0, 0.03);
}

// The chain on the RF-fed single-source steps, uncalibrated (report.json's
// steps[].predicted_rate_A_s): the RF discharge model (docs/rf.md, boundary/racetrack/RfDischarge.hpp,
// the tool file's default match 0.7, cable 0.99, T_e 3 eV, V_p 5.2 T_e) replaces P / V_dc. Each
// single-source interval's measured / predicted and the median over every interval with a reading
// are printed and held at this replay's own figures (3 %: grid and quadrature, as above); the
// issue's goal (within 3x) is printed, not asserted: Ba stays far outside it (docs/rf.md, "The DTU
// chain"). Every ion on an RF interval has e (V_dc + V_p) and the pairs' current P_abs / E_T.
// this replay's own figures (P / V_dc gave Ba 0.00561, Zr 0.440)
constexpr double kBaRatioRf = 0.01100, kZrRatioRf = 0.6845, kMedianRatioRf = 0.02162;
TEST_F(DtuAnaitReplay, RfDischargeModelGivesItsUncalibratedMonitorRatios) {
    const ReplayResult r = replayTool(*store_, tool_, setup_);
    std::map<std::string, std::vector<double>> single;
    std::vector<double> all;
    for (const auto& s : r.steps) {
        if (!std::isfinite(s.measuredAS) || !(s.predictedAS > 0.0) || !(s.measuredAS > 0.0)) continue;
        all.push_back(s.measuredAS / s.predictedAS);
        if (s.sources.size() != 1) continue;
        const auto& p = s.sources[0];
        EXPECT_TRUE(p.rf) << p.source;  // both targets run on RF supplies in this log
        // the ion energy is the self-bias plus the wall plasma potential at 3 eV (15.537 V, RfDischargeTest)
        EXPECT_NEAR(p.ionEnergyEv - p.meanVoltageV, 15.537, 1e-3);
        single[p.material].push_back(s.measuredAS / s.predictedAS);
        std::cout << p.material << " " << p.meanPowerW << " W, |V_dc| " << p.meanVoltageV << " V, E_ion "
                  << p.ionEnergyEv << " eV: measured/predicted " << s.measuredAS / s.predictedAS << "\n";
    }
    ASSERT_EQ(single.size(), 2u);
    ASSERT_FALSE(all.empty());
    std::sort(all.begin(), all.end());
    const double median = all.size() % 2 ? all[all.size() / 2] : 0.5 * (all[all.size() / 2 - 1] + all[all.size() / 2]);
    auto within3x = [](double x) { return x >= 1.0 / 3.0 && x <= 3.0; };
    std::cout << "median measured/predicted over " << all.size() << " intervals: " << median
              << (within3x(median) ? " (within 3x)" : " (outside 3x)") << "\n";
    const double ba = single["Ba"].front(), zr = single["Zr"].front();
    std::cout << "single-source: Ba " << ba << (within3x(ba) ? " (within 3x)" : " (outside 3x)") << ", Zr " << zr
              << (within3x(zr) ? " (within 3x)" : " (outside 3x)") << "\n";
    EXPECT_NEAR(ba / kBaRatioRf, 1.0, 0.03);
    EXPECT_NEAR(zr / kZrRatioRf, 1.0, 0.03);
    EXPECT_NEAR(median / kMedianRatioRf, 1.0, 0.03);
}

// Where the crystal sits is not in the tool's NOMAD plugin (schema_packages/instrument.py
// describes the guns, the cracker and the gas inlets, no crystal monitor;
// sputter_chamber_visualizer.py draws none), so the tool file's (0, 80, 20) mm is a project
// assumption. A scan of 167 placements (z 0, 20, 60 mm; 0, 60, 100, 130 mm from the platen axis
// at 8 azimuths; facing +z or horizontally towards the axis; a 40 mm grid at z 20 mm; docs/rf.md
// "The DTU chain") found none of the 137 with a reading that puts Ba, Zr and the median all
// within 3x (only a crystal turned edge-on to the Ba gun, a fit, can make Ba's ratio anything). The placements held
// here: the file's, the platen centre, opposite the Ba gun, the best facing +z on the platen plane and the best of the
// whole scan. Figures are this replay's own (3 %: grid and quadrature, as above); each fails
// the goal, so moving the crystal alone does not close the chain.
TEST_F(DtuAnaitReplay, NoCrystalPlacementOfTheScanReachesTheGoal) {
    setup_.substrateMaps = false;  // the monitor's prediction does not depend on the maps
    struct Placement {
        const char* name;
        Eigen::Vector3d position, facing;  // mm, unit
        double ba, zr, median;             // the scan's figures
    };
    const double c = std::sqrt(0.5);
    const std::vector<Placement> placements = {
        {"tool file (0, 80, 20), +z", {0, 80, 20}, {0, 0, 1}, 0.01100, 0.6845, 0.02162},
        {"platen centre (0, 0, 20), +z", {0, 0, 20}, {0, 0, 1}, 0.02951, 0.3069, 0.05222},
        {"opposite the Ba gun (0, -80, 20), +z", {0, -80, 20}, {0, 0, 1}, 0.07461, 0.1960, 0.09748},
        {"best facing +z at z 20 (-40, -80, 20)", {-40, -80, 20}, {0, 0, 1}, 0.07801, 0.3353, 0.1180},
        {"best of the scan (91.9, 91.9, 0), towards the axis",
         {130 * c, 130 * c, 0},
         {-c, -c, 0},
         0.1943,
         0.6590,
         0.2763},
    };
    int reached = 0;
    for (const auto& p : placements) {
        setup_.monitor.position = 1e-3 * p.position;
        setup_.monitor.facing = p.facing;
        const ChainRatios r = chainRatios(replayTool(*store_, tool_, setup_));
        std::printf("[dtu chain] crystal at %s: Ba %.4f, Zr %.4f, median %.4f%s\n", p.name, r.ba, r.zr, r.median,
                    r.withinGoal() ? " (within 3x)" : "");
        EXPECT_NEAR(r.ba / p.ba, 1.0, 0.03) << p.name;
        EXPECT_NEAR(r.zr / p.zr, 1.0, 0.03) << p.name;
        EXPECT_NEAR(r.median / p.median, 1.0, 0.03) << p.name;
        reached += r.withinGoal();
    }
    EXPECT_EQ(reached, 0);
}

// What the logged tooling implies. The monitor's setting for "Barium" is 228 %: the substrate
// gets 2.28 x the crystal's film (Sauerbrey tooling, the lab's calibration). With the tool
// file's crystal the twin's geometric tooling is 217 % on the Zr-only interval but 36.9 % on the
// Ba-only one: the file's crystal sees Ba 6.2 x too well for that setting. At (-80, -40, 20) mm
// facing +z (from the placement scan, docs/rf.md) the geometric tooling is 201 % for Ba and 186 %
// for Zr, both within 20 % of the logged 228 %; there Zr stays at 0.59 and Ba reaches only 0.060
// (17x short): the Ba gap is in what the Ba target emits, not in where the crystal sits. Not
// applied to the tool file (the placement would be matched to a logged setting, it is one of a
// family, and the log does not say on which gun and platen angle the tooling was calibrated). Figures: this replay's
// own (3 %, as above).
TEST_F(DtuAnaitReplay, ACrystalPlacedByTheLoggedToolingLeavesBaSeventeenFoldShort) {
    auto run = [&](const Eigen::Vector3d& positionMm, std::map<std::string, double>& tooling) {
        setup_.monitor.position = 1e-3 * positionMm;
        setup_.monitor.facing = Eigen::Vector3d::UnitZ();
        const ReplayResult r = replayTool(*store_, tool_, setup_);
        for (const auto& s : r.steps)
            if (s.sources.size() == 1 && s.monitorTooling > 0.0 && s.predictedAS > 0.0 && std::isfinite(s.mapMeanAS) &&
                std::isfinite(s.measuredAS) && !tooling.count(s.sources[0].material))
                tooling[s.sources[0].material] = s.mapMeanAS / (s.predictedAS / s.monitorTooling);
        return chainRatios(r);
    };
    std::map<std::string, double> fileTooling, placedTooling;
    run({0, 80, 20}, fileTooling);
    const ChainRatios placed = run({-80, -40, 20}, placedTooling);
    std::printf(
        "[dtu chain] geometric tooling, tool file's crystal: Ba %.3f, Zr %.3f; at (-80, -40, 20): Ba %.3f, Zr "
        "%.3f (logged 2.28); there Ba %.4f, Zr %.4f, median %.4f\n",
        fileTooling["Ba"], fileTooling["Zr"], placedTooling["Ba"], placedTooling["Zr"], placed.ba, placed.zr,
        placed.median);
    EXPECT_NEAR(fileTooling["Ba"] / 0.369, 1.0, 0.03);
    EXPECT_NEAR(fileTooling["Zr"] / 2.167, 1.0, 0.03);
    // the logged setting (the export's "Thickness Tooling" column, 228 on every row), 20 %
    for (const char* m : {"Ba", "Zr"}) {
        EXPECT_GT(placedTooling[m], 0.8 * 2.28) << m;
        EXPECT_LT(placedTooling[m], 1.2 * 2.28) << m;
    }
    EXPECT_NEAR(placed.ba / 0.0600, 1.0, 0.03);
    EXPECT_NEAR(placed.zr / 0.5879, 1.0, 0.03);
    EXPECT_NEAR(placed.median / 0.1053, 1.0, 0.03);
    EXPECT_FALSE(placed.withinGoal());
}

// The two steps that would close the chain, held as a hypothesis, not shipped: neither is sourced
// for this run (docs/rf.md, "The DTU chain"). (1) The Taurus gun's target as BaS: the tool's NOMAD
// plugin's own test fixture (tests/data/test_logfile.archive.yaml at commit 08f5ece, a June 2024
// log of this tool) lists the Taurus gun's target_material as 'BaS', while this log names it
// Ba_T_001, "Barium". (2) The crystal where the logged tooling puts it (-80, -40, 20) mm (the
// test above). Here the tool file with source1's target BaS and its logged material column
// unmapped, so that the replay takes the file's material. With both: Ba 0.375, Zr 0.588, median
// 0.398, all within 3x; with the BaS target alone (the file's crystal) Ba is still 15x short.
// Figures: this replay's own (3 %, as above).
TEST_F(DtuAnaitReplay, ABaSTargetAndACrystalPlacedByTheToolingWouldReachTheGoal) {
    std::stringstream text;
    text << std::ifstream(kTool).rdbuf();
    std::string yaml = text.str();
    const std::string target = "    target: {material: Ba, thickness: 6.35 mm}\n";
    const std::string column = "        material: {column: PC Source 1 Material}\n";
    ASSERT_NE(yaml.find(target), std::string::npos);
    ASSERT_NE(yaml.find(column), std::string::npos);
    yaml.replace(yaml.find(target), target.size(), "    target: {material: BaS, thickness: 6.35 mm}\n");
    yaml.erase(yaml.find(column), column.size());
    const std::string path = (dir_ / "dtu_anait_bas.yaml").string();
    std::ofstream(path) << yaml;
    const TwinToolFile tf = loadTwinToolFile(path);
    auto store = openStore((dir_ / "bas.sqlite").string());
    const std::int64_t tool = store->ensureTool(tf.name);
    FileSync sync(*store, tool, tf.logs.front(), kLog);
    sync.pump();
    ReplaySetup setup = replaySetupFor(tf, "");
    setup.substrateMaps = false;
    setup.monitor.facing = Eigen::Vector3d::UnitZ();
    setup.monitor.position = 1e-3 * Eigen::Vector3d(0, 80, 20);
    const ChainRatios file = chainRatios(replayTool(*store, tool, setup));
    setup.monitor.position = 1e-3 * Eigen::Vector3d(-80, -40, 20);
    const ChainRatios placed = chainRatios(replayTool(*store, tool, setup));
    std::printf(
        "[dtu chain] BaS target: the file's crystal Ba %.4f, Zr %.4f, median %.4f; the crystal placed by the "
        "tooling Ba %.4f, Zr %.4f, median %.4f%s\n",
        file.ba, file.zr, file.median, placed.ba, placed.zr, placed.median, placed.withinGoal() ? " (within 3x)" : "");
    EXPECT_NEAR(file.ba / 0.0688, 1.0, 0.03);
    EXPECT_NEAR(file.zr / 0.6845, 1.0, 0.03);
    EXPECT_NEAR(file.median / 0.1212, 1.0, 0.03);
    EXPECT_FALSE(file.withinGoal());
    EXPECT_NEAR(placed.ba / 0.3749, 1.0, 0.03);
    EXPECT_NEAR(placed.zr / 0.5879, 1.0, 0.03);
    EXPECT_NEAR(placed.median / 0.3980, 1.0, 0.03);
    EXPECT_TRUE(placed.withinGoal());
}

// Sulfur reaches the crystal: with every source off and the cracker's valve open (the log's
// last minutes of deposition, 04:31-04:37 PM local) the crystal reads a positive rate although
// its shutter reads shut (vapour, not line of sight), and when the valve shuts it reads
// negative (the condensed sulfur re-evaporates). So in the valve-open windows the crystal's
// mass includes sulfur, and the measured -9 .. -24 % is the net of a larger drop of the metal
// and this gain. Outside reference: the log itself (Thickness Rate, Sulfur Cracker Control
// Valve Value, the RF forward powers).
TEST_F(DtuAnaitReplay, SulfurAloneGivesTheCrystalARateWhileTheValveIsOpen) {
    const ReplaySeries series(*store_, tool_);
    const std::vector<char>& open = reactiveSupply(setup_.format, series).crackerOpen.at("scracker");
    const std::vector<double>& rate = series.column("sensor.qcm.rate");
    const std::vector<double>& fwd2 = series.column("supply.rf2.forward_power");
    const std::vector<double>& fwd3 = series.column("supply.rf3.forward_power");
    double openSum = 0.0, shutSum = 0.0;
    std::size_t openN = 0, shutN = 0, lastOpen = 0;
    for (std::size_t i = 0; i < series.rows(); ++i) {
        if (fwd2[i] > 1.0 || fwd3[i] > 1.0) continue;  // a source is on
        if (open[i]) {
            // the first minute after the sources went off (their deposit's tail): not counted
            if (i >= 60 && (fwd2[i - 60] > 1.0 || fwd3[i - 60] > 1.0)) continue;
            openSum += rate[i], ++openN, lastOpen = i;
        } else if (lastOpen > 0 && i > lastOpen && series.times()[i] - series.times()[lastOpen] <= 120.0) {
            shutSum += rate[i], ++shutN;  // the two minutes after the valve shut
        }
    }
    ASSERT_GT(openN, 100u);
    ASSERT_GT(shutN, 60u);
    const double openAS = 1e10 * openSum / openN, shutAS = 1e10 * shutSum / shutN;
    std::printf("[dtu chain] sources off: valve open %.3f A/s (%zu rows), valve just shut %.3f A/s (%zu rows)\n",
                openAS, openN, shutAS, shutN);
    // the controller's noise with nothing depositing is ~0.01 A/s (its readings after 04:40 PM)
    EXPECT_GT(openAS, 0.05);
    EXPECT_LT(shutAS, -0.05);
}

}  // namespace
}  // namespace magtwin
