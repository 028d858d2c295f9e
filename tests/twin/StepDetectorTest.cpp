// Step labels and energy per target on a crafted two-source log, against a hand computation
// (the trapezoid sums are written out below), and batch-split independence.
#include "twin/replay/StepDetector.hpp"

#include "tests/twin/TwinTestFiles.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace magtwin;

namespace {

enum Col { kFwd, kRfl, kDcPower, kSwARf, kSwADc, kSwBRf, kSwBDc, kShA, kShB, kSub, kRfSet, kDcSet, kCols };

// The same crafted two-source format the sync and energy tests write to files (its columns are
// this test's Col, in the same order); the header and timestamp settings do not reach the detector.
static_assert(int(kCols) == int(test::kTCols) && int(kSwBRf) == int(test::kTSwBRf) &&
              int(kDcSet) == int(test::kTDcSet));
LogFormat twoSourceFormat() { return test::twoSourceFileFormat(); }

// t, fwd, rfl, dc, swA_rf, swA_dc, swB_rf, swB_dc, shA, shB, sub, rf set, dc set
const std::vector<std::vector<double>> kRows = {
    {0.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},            // idle
    {1.0, 50, 5, 0, 1, 0, 0, 0, 0, 0, 0, 50, 0},          // A on, setpoint rising: ramp
    {2.5, 100, 10, 0, 1, 0, 0, 0, 0, 0, 0, 100, 0},       // ramp
    {3.0, 100, 10, 0, 1, 0, 0, 0, 1, 0, 0, 100, 0},       // substrate shutter closed: pre-sputter
    {4.0, 100, 10, 0, 1, 0, 0, 0, 1, 0, 1, 100, 0},       // deposition A
    {6.0, 100, 10, 200, 1, 0, 0, 1, 1, 0, 1, 100, 200},   // B gets DC, its setpoint jumps: ramp
    {7.0, 100, 10, 200, 1, 0, 0, 1, 1, 1, 1, 100, 200},   // co-sputter
    {8.25, 100, 10, 200, 1, 0, 0, 1, 1, 1, 1, 100, 200},  // co-sputter
    {9.0, 100, 10, 200, 0, 0, 1, 1, 0, 1, 1, 100, 200},   // RF switched from A to B: deposition B
    {10.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0},           // idle
};

LogRowBatch batchOf(std::size_t from, std::size_t to) {
    LogRowBatch b;
    b.numericCount = kCols;
    for (std::size_t r = from; r < to; ++r) {
        b.lines.push_back(static_cast<std::int64_t>(r) + 2);
        b.times.push_back(kRows[r][0]);
        b.values.insert(b.values.end(), kRows[r].begin() + 1, kRows[r].end());
        b.gapBefore.push_back(0);
    }
    return b;
}

std::vector<StepRecord> closedSteps(const std::vector<StepRecord>& all) {
    std::vector<StepRecord> out;
    for (const auto& s : all)
        if (!s.open) out.push_back(s);
    return out;
}

double energyOf(const StepRecord& s, const std::string& source) {
    for (const auto& e : s.sources)
        if (e.source == source) return e.energyJ;
    return 0.0;
}

// Attributed power A: 0, 45, 90 (x6), 0, 0; B: 0 (x5), 200, 200, 200, 290, 0. Trapezoids:
//  A = 22.5 + 101.25 + 45 + 90 + 180 + 90 + 112.5 + 33.75 = 675 J
//  B = 200 + 200 + 250 + 183.75 + 145 = 978.75 J
constexpr double kEnergyA = 675.0, kEnergyB = 978.75;
constexpr double kRel = 1e-9;  // sums of a few exact binary fractions: only rounding

}  // namespace

TEST(StepDetector, LabelsAndEnergyMatchTheHandComputation) {
    const LogFormat f = twoSourceFormat();
    LogIssues issues;
    StepDetector d(f, {}, issues);
    std::vector<StepRecord> steps;
    d.process(batchOf(0, kRows.size()), steps);
    const auto closed = closedSteps(steps);
    ASSERT_EQ(closed.size(), 6u);
    const std::vector<std::string> labels{"ramp", "pre-sputter", "deposition", "ramp", "co-sputter", "deposition"};
    for (std::size_t i = 0; i < labels.size(); ++i) EXPECT_EQ(closed[i].label, labels[i]) << i;
    EXPECT_EQ(closed[0].startLine, 3);
    EXPECT_EQ(closed[0].endLine, 4);
    // Per step (interval energy to the later row's step, else to the step that just ended):
    EXPECT_NEAR(energyOf(closed[0], "A"), 123.75, kRel * 123.75);
    EXPECT_NEAR(energyOf(closed[1], "A"), 45.0, kRel * 45.0);
    EXPECT_NEAR(energyOf(closed[2], "A"), 90.0, kRel * 90.0);
    EXPECT_NEAR(energyOf(closed[3], "B"), 200.0, kRel * 200.0);
    EXPECT_NEAR(energyOf(closed[4], "A"), 236.25, kRel * 236.25);
    EXPECT_NEAR(energyOf(closed[4], "B"), 450.0, kRel * 450.0);
    EXPECT_NEAR(energyOf(closed[5], "B"), 328.75, kRel * 328.75);
    double stepsA = 0, stepsB = 0;
    for (const auto& s : closed) stepsA += energyOf(s, "A"), stepsB += energyOf(s, "B");
    EXPECT_NEAR(stepsA, kEnergyA, kRel * kEnergyA);  // steps partition the target energy
    EXPECT_NEAR(stepsB, kEnergyB, kRel * kEnergyB);
    const auto targets = d.takeChangedTargets();
    ASSERT_EQ(targets.size(), 2u);
    EXPECT_NEAR(targets[0].energyJ, kEnergyA, kRel * kEnergyA);
    EXPECT_NEAR(targets[1].energyJ, kEnergyB, kRel * kEnergyB);
    EXPECT_EQ(targets[0].steps, 5);  // A is in ramp, pre-sputter, deposition, ramp, co-sputter
    EXPECT_EQ(targets[1].steps, 3);
}

TEST(StepDetector, RowByRowBatchesGiveBitIdenticalResults) {
    const LogFormat f = twoSourceFormat();
    LogIssues i1, i2;
    StepDetector whole(f, {}, i1), split(f, {}, i2);
    std::vector<StepRecord> a, b;
    whole.process(batchOf(0, kRows.size()), a);
    for (std::size_t r = 0; r < kRows.size(); ++r) {
        // Carry the state through a copy, as a resumed sync does.
        const DetectorState s = split.state();
        split.setState(s);
        split.process(batchOf(r, r + 1), b);
    }
    const auto ca = closedSteps(a), cb = closedSteps(b);
    ASSERT_EQ(ca.size(), cb.size());
    for (std::size_t i = 0; i < ca.size(); ++i) {
        EXPECT_EQ(ca[i].startLine, cb[i].startLine);
        for (std::size_t k = 0; k < ca[i].sources.size(); ++k)
            EXPECT_EQ(ca[i].sources[k].energyJ, cb[i].sources[k].energyJ);
    }
    const auto ta = whole.takeChangedTargets(), tb = split.takeChangedTargets();
    ASSERT_EQ(ta.size(), tb.size());
    for (std::size_t i = 0; i < ta.size(); ++i) EXPECT_EQ(ta[i].energyJ, tb[i].energyJ);
}

TEST(StepDetector, NoEnergyAcrossAGapAndTheStepEnds) {
    const LogFormat f = twoSourceFormat();
    LogIssues issues;
    StepDetector d(f, {}, issues);
    LogRowBatch b = batchOf(3, 5);  // pre-sputter then deposition of A at 90 W, 1 s apart
    b.gapBefore[1] = 1;
    std::vector<StepRecord> steps;
    d.process(b, steps);
    EXPECT_EQ(d.takeChangedTargets().at(0).energyJ, 0.0);
    ASSERT_GE(steps.size(), 2u);
    EXPECT_FALSE(steps[0].open);
    EXPECT_EQ(steps[0].label, "pre-sputter");
}

TEST(StepDetector, SupplySwitchedToTwoSourcesFeedsNeither) {
    const LogFormat f = twoSourceFormat();
    LogIssues issues;
    StepDetector d(f, {}, issues);
    LogRowBatch b = batchOf(3, 5);
    for (std::size_t r = 0; r < 2; ++r) b.values[r * kCols + kSwBRf] = 1;  // RF to A and B
    std::vector<StepRecord> steps;
    d.process(b, steps);
    EXPECT_EQ(issues.count("ambiguous-switch"), 4);  // 2 rows x 2 sources
    for (const auto& t : d.takeChangedTargets()) EXPECT_EQ(t.energyJ, 0.0);
}
