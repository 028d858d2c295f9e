// The log simulator's truth (analyticTruth) and the log it writes (writeSimulatedLog), on
// the hand-built recipe of SimulatedLogTestRecipe.hpp:
//  - the truth's energy per target ID equals the recipe's power profile integrated by hand
//    (ramps are trapezoids, holds rectangles, an arc row removes (1 - residual) P dt: the
//    closed forms below), and so does the trapezoid sum over the written rows (an
//    independent path through the text the simulator prints, 12 significant digits);
//  - the gap, arc and target-change lines the facts name are where the hand count puts
//    them, and those lines show the event;
//  - seeded noise: the same seed writes the same bytes, another seed other bytes, only in
//    the noisy columns, with the documented 1 % pressure scatter.
#include "tests/twin/simulate/SimulatedLogTestRecipe.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>

using namespace magtwin;
using namespace magtwin::simtest;

namespace {

struct WrittenLog {
    std::vector<std::string> lines;  ///< lines[0] is line 1 of the file
    std::map<std::string, std::size_t> column;
    SimulatedLogFacts facts;
    std::string text;

    std::vector<std::string> fields(std::int64_t lineNumber) const {
        std::vector<std::string> f;
        std::stringstream ss(lines[std::size_t(lineNumber - 1)]);
        for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
        if (!lines[std::size_t(lineNumber - 1)].empty() && lines[std::size_t(lineNumber - 1)].back() == ',')
            f.emplace_back();
        return f;
    }
    double number(std::int64_t lineNumber, const std::string& col) const {
        return std::stod(fields(lineNumber)[column.at(col)]);
    }
    std::string textAt(std::int64_t lineNumber, const std::string& col) const {
        return fields(lineNumber)[column.at(col)];
    }
};

WrittenLog writeHandLog(std::uint64_t seed) {
    SimulatedLogSettings settings;
    settings.toolName = "hand-tool";
    settings.seed = seed;
    std::ostringstream out;
    WrittenLog log;
    log.facts = writeSimulatedLog(out, handFormat(), handRecipe(), handSources(), settings);
    log.text = out.str();
    std::stringstream ss(log.text);
    for (std::string l; std::getline(ss, l);) log.lines.push_back(l);
    const auto head = log.fields(2);  // line 1: the preamble; line 2: the header
    for (std::size_t i = 0; i < head.size(); ++i) log.column[head[i]] = i;
    return log;
}

double truthEnergy(const SimulationTruth& t, const std::string& id) {
    for (const auto& x : t.targets)
        if (x.targetId == id) return x.energyJ;
    ADD_FAILURE() << "no target " << id;
    return NAN;
}

}  // namespace

// By hand (dt = 2 s; a level L of power P held n rows delivers L P n dt, a ramp from a to b
// over n rows (a + b) / 2 P n dt):
//   one cycle at P:  ramp 0 -> 0.5 over 12 s: 3 P;  ramp 0.5 -> 1 over 8 s: 6 P;
//                    pre-sputter 6 s: 6 P;  deposition 20 s: 20 P;  in all 35 P (J, P in W)
//   substrate 2's idle row 1 drops full power to 0 over 2 s: P (before B's target change,
//   which happens on idle row 2, so it counts for the old target);
//   the arc: one row at 40 %: (1 - 0.4) P dt = 1.2 P less.
// A (1000 W, one target): 35000 - 1200 + 1000 + 35000 = 69 800 J.
// B (2000 W): B-T001 = 70 000 + 2000 = 72 000 J; B-T002 = 70 000 J.
// Deposition steps: substrate 1 A 20 000 - 1200 = 18 800 J, B 40 000 J; substrate 2 A 20 000 J, B 40 000 J.
TEST(SimulatedLogTruth, EnergyPerTargetIsTheRecipesIntegralWorkedByHand) {
    const SimulationTruth t = analyticTruth(handRecipe(), handSources());
    ASSERT_EQ(t.targets.size(), 3u);
    // Exact in binary (sums of multiples of 100 and halves): 1e-12 relative allows rounding only.
    EXPECT_NEAR(truthEnergy(t, "A-T001"), 69800.0, 69800.0 * 1e-12);
    EXPECT_NEAR(truthEnergy(t, "B-T001"), 72000.0, 72000.0 * 1e-12);
    EXPECT_NEAR(truthEnergy(t, "B-T002"), 70000.0, 70000.0 * 1e-12);
    EXPECT_EQ(t.targets[2].source, "B");
    ASSERT_EQ(t.substrates.size(), 2u);
    EXPECT_EQ(t.substrates[0].id, "G-0001");
    EXPECT_EQ(t.substrates[1].id, "G-0002");
    const std::vector<double> dep0{18800.0, 40000.0}, dep1{20000.0, 40000.0};
    for (std::size_t k = 0; k < 2; ++k) {
        EXPECT_NEAR(t.substrates[0].depositionEnergyJ[k], dep0[k], dep0[k] * 1e-12) << k;
        EXPECT_NEAR(t.substrates[1].depositionEnergyJ[k], dep1[k], dep1[k] * 1e-12) << k;
    }
}

// The rows the simulator writes integrate (trapezoids between logged rows, the interval
// booked to the later row's target ID) to the same energies. Power is printed with 12
// significant digits (ramp levels such as 1/12 are not exact): 1e-9 relative is 1000x that.
TEST(SimulatedLogTruth, WrittenRowsIntegrateToTheTruth) {
    const WrittenLog log = writeHandLog(7);
    const SimulationTruth truth = analyticTruth(handRecipe(), handSources());
    std::map<std::string, double> energy;
    for (std::int64_t line = 4; line <= std::int64_t(log.lines.size()); ++line) {
        const double dt = log.number(line, "time") - log.number(line - 1, "time");
        for (const std::string s : {"A", "B"}) {
            const std::string p = "dc" + s + "_W";
            energy[log.textAt(line, s + "_target")] += (log.number(line - 1, p) + log.number(line, p)) / 2 * dt;
        }
    }
    for (const auto& t : truth.targets) EXPECT_NEAR(energy[t.targetId], t.energyJ, 1e-9 * t.energyJ) << t.targetId;
    // The tool's own counter (written as the log goes) ends at the same energy; B's restarted at 0.
    const auto last = std::int64_t(log.lines.size());
    EXPECT_NEAR(log.number(last, "A_counter_J"), 69800.0, 69800.0 * 1e-9);
    EXPECT_NEAR(log.number(last, "B_counter_J"), 70000.0, 70000.0 * 1e-9);
}

// Line numbers by hand: line 1 the preamble, line 2 the header, line 3 the opening idle row.
// Substrate 1: idle lines 4-7, ramps 8-13 and 14-17, pre-sputter 18-20, deposition 21-30 (its
// row 3, the arc, is line 23). Substrate 2: idle row 1 line 31, row 2 (target change) line
// 32, row 3 lost to the gap, row 4 line 33 (the first row after the gap); then 23 more rows:
// 1 + 27 + 26 = 54 rows, 56 lines.
TEST(SimulatedLogFacts, GapArcAndTargetChangeAtTheLinesCountedByHand) {
    const WrittenLog log = writeHandLog(7);
    EXPECT_EQ(log.facts.rows, 54);
    EXPECT_EQ(log.facts.lines, 56);
    EXPECT_EQ(std::int64_t(log.lines.size()), 56);
    EXPECT_EQ(log.facts.bytes, std::int64_t(log.text.size()));
    ASSERT_EQ(log.facts.arcLines, std::vector<std::int64_t>{23});
    ASSERT_EQ(log.facts.targetChangeLines, std::vector<std::int64_t>{32});
    ASSERT_EQ(log.facts.gapLines, std::vector<std::int64_t>{33});
    // The arc row: A at 40 % of 1000 W while its setpoint stays at 1000 W; B untouched.
    EXPECT_EQ(log.number(23, "dcA_W"), 400.0);
    EXPECT_EQ(log.number(23, "dcA_sp_W"), 1000.0);
    EXPECT_EQ(log.number(23, "dcB_W"), 2000.0);
    EXPECT_EQ(log.number(22, "dcA_W"), 1000.0);
    // The target change: a new ID whose counter starts at 0, at zero power.
    EXPECT_EQ(log.textAt(31, "B_target"), "B-T001");
    EXPECT_EQ(log.textAt(32, "B_target"), "B-T002");
    EXPECT_EQ(log.number(32, "B_counter_J"), 0.0);
    EXPECT_GT(log.number(31, "B_counter_J"), 0.0);
    EXPECT_EQ(log.number(32, "dcB_W"), 0.0);
    EXPECT_EQ(log.textAt(32, "A_target"), "A-T001");
    // The gap: one row (2 s) missing before line 33; everywhere else rows are 2 s apart.
    for (std::int64_t line = 4; line <= 56; ++line)
        EXPECT_NEAR(log.number(line, "time") - log.number(line - 1, "time"), line == 33 ? 4.0 : 2.0, 1e-3) << line;
    EXPECT_EQ(log.textAt(33, "substrate"), "G-0002");
    EXPECT_EQ(log.textAt(30, "substrate"), "G-0001");
}

TEST(SimulatedLogNoise, SameSeedSameBytesOtherSeedOtherNoiseOnly) {
    const WrittenLog a = writeHandLog(7), again = writeHandLog(7), b = writeHandLog(8);
    EXPECT_EQ(a.text, again.text);
    EXPECT_NE(a.text, b.text);
    ASSERT_EQ(a.lines.size(), b.lines.size());
    int pressureDiffers = 0;
    for (std::int64_t line = 3; line <= std::int64_t(a.lines.size()); ++line) {
        // Exact columns: identical whatever the seed.
        for (const std::string c : {"time", "dcA_W", "dcA_sp_W", "dcB_W", "A_counter_J", "B_counter_J"})
            EXPECT_EQ(a.textAt(line, c), b.textAt(line, c)) << c << " line " << line;
        pressureDiffers += a.textAt(line, "pressure_Pa") != b.textAt(line, "pressure_Pa");
        // current = power / voltage of the same row; voltage and current are printed with 6
        // significant digits, each rounded by up to 5e-6 relative: 1e-5 together.
        const double P = a.number(line, "dcB_W"), V = a.number(line, "dcB_V");
        if (P > 0) EXPECT_NEAR(a.number(line, "dcB_A"), P / V, 1e-5 * P / V) << line;
    }
    EXPECT_EQ(pressureDiffers, 54);
    // Pressure: 0.5 Pa (the recipe default) x (1 + 0.01 N(0, 1)); the sample standard
    // deviation of 54 rows lies within +-30 % of 1 % (3 standard errors: sigma / sqrt(2 n) = 9.6 %).
    double sum = 0, sum2 = 0;
    for (std::int64_t line = 3; line <= 56; ++line) {
        const double x = a.number(line, "pressure_Pa") / 0.5 - 1;
        sum += x, sum2 += x * x;
    }
    const double mean = sum / 54, sd = std::sqrt((sum2 - 54 * mean * mean) / 53);
    EXPECT_GT(sd, 0.007);
    EXPECT_LT(sd, 0.013);
}
