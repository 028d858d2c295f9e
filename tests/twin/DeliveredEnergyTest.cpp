// The twin's one energy rule (DeliveredEnergy.hpp) and its one power rule (SourcePower.hpp):
//  - the power rules on single rows worked by hand (RF forward - reflected, enable, V x I,
//    a supply switched to two sources);
//  - the step detector's hand-worked two-source log (StepDetectorTest.cpp) synced through the
//    store: the energy series read back gives the same per-source totals and, per stored
//    step, the same energy (its window), with the duration and mean power worked by hand;
//  - a log with a logging gap while the source is on, and two log files: the sync's target
//    energy, the series and the foam table's integral all equal the hand sum without the
//    gap (and without the time between the files); the series' breaks are the sync's gaps.
#include "tests/twin/TwinTestFiles.hpp"

#include "twin/replay/DeliveredEnergy.hpp"
#include "twin/replay/ReplaySeries.hpp"
#include "twin/replay/SourcePower.hpp"
#include "twin/store/TwinStore.hpp"
#include "twin/sync/LogSync.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <sstream>

using namespace magtwin;
using namespace magtwin::test;

namespace {

constexpr double kRel = 1e-12;  // sums of a few exact binary fractions: only rounding

// ---- the power rules on single rows ----------------------------------------------------

enum Col { kFwd, kRfl, kBias, kEnable, kV, kI, kSwA1, kSwA2, kSwB1, kCols };

LogFormat rulesFormat() {
    LogFormat f;
    for (int c = 0; c < kCols; ++c)
        f.numeric.push_back({"c" + std::to_string(c), "c" + std::to_string(c), 1.0, 0.0, "1"});
    f.numeric[kBias].key = "supply.rf.dc_bias";
    SupplyChannels rf{"rf", SupplyKind::Rf};
    rf.forwardPower = kFwd, rf.reflectedPower = kRfl, rf.enabled = kEnable;
    SupplyChannels dc{"dc", SupplyKind::Dc};
    dc.voltage = kV, dc.current = kI;  // no power column: V x I
    f.supplies = {rf, dc};
    SourceChannels a;
    a.cathode = "A";
    a.switches = {{0, kSwA1}, {1, kSwA2}};
    SourceChannels b;
    b.cathode = "B";
    b.switches = {{0, kSwB1}};
    f.sources = {a, b};
    return f;
}

}  // namespace

TEST(SourcePowerRules, RowsWorkedByHand) {
    const SourcePowerRules rules(rulesFormat());
    RowPower p;
    const double nan = std::nan("");
    // RF 100 - 12 W at -85 V bias to A, DC 400 V x 0.5 A to A as well: A gets 288 W
    const double both[kCols] = {100, 12, -85, 1, 400, 0.5, 1, 1, 0};
    rules.apply(both, p);
    EXPECT_EQ(p.sourceW[0], 88.0 + 200.0);
    EXPECT_EQ(p.feeding[0], (std::vector<int>{0, 1}));
    EXPECT_EQ(p.sourceV[0], 400.0);  // |V| of the last feeding supply
    EXPECT_EQ(p.sourceW[1], 0.0);
    EXPECT_EQ(p.sourceSupply[1], -1);
    // RF disabled (enable 0), DC current not logged (empty field = 0 A): nothing on
    const double off[kCols] = {100, 12, -85, 0, 400, nan, 1, 1, 0};
    rules.apply(off, p);
    EXPECT_EQ(p.sourceW[0], 0.0);
    EXPECT_TRUE(p.feeding[0].empty());
    EXPECT_TRUE(std::isnan(p.sourceV[0]));
    // RF switched to A and B at once: it feeds neither; DC still feeds A; RF on B alone: 88 W, |bias|
    const double ambiguous[kCols] = {100, 12, -85, 1, 400, 0.5, 1, 1, 1};
    rules.apply(ambiguous, p);
    EXPECT_EQ(p.sourceW[0], 200.0);
    EXPECT_EQ(p.ambiguous[0], std::vector<int>{0});
    EXPECT_EQ(p.ambiguous[1], std::vector<int>{0});
    EXPECT_EQ(p.sourceW[1], 0.0);
    const double rfToB[kCols] = {100, 12, -85, 1, 400, 0.5, 0, 0, 1};
    rules.apply(rfToB, p);
    EXPECT_EQ(p.sourceW[1], 88.0);
    EXPECT_EQ(p.sourceV[1], 85.0);
    EXPECT_EQ(p.sourceW[0], 0.0);
    // 1 W is the default on-threshold: 0.5 W delivered is off
    const double weak[kCols] = {10.5, 10, nan, 1, nan, nan, 1, 0, 0};
    rules.apply(weak, p);
    EXPECT_EQ(p.sourceW[0], 0.0);
}

namespace {

// ---- logs synced through the store ------------------------------------------------------

struct Synced {
    TempDir dir;
    std::unique_ptr<TwinStore> store;
    std::int64_t tool = 0;
    std::vector<FileSyncReport> reports;
    explicit Synced(const std::string& tag)
        : dir(tag), store(openStore(dir.file("s.sqlite"))), tool(store->ensureTool("t")) {}
    void sync(const LogFormat& f, const std::string& name, const std::string& text) {
        FileSync s(*store, tool, f, writeFile(dir.file(name), text));
        s.pump();
        reports.push_back(s.report());
    }
};

double stepEnergy(const StepRecord& s, const std::string& source) {
    for (const auto& e : s.sources)
        if (e.source == source) return e.energyJ;
    return 0.0;
}

}  // namespace

TEST(EnergySeries, TheStepDetectorsHandWorkedLogThroughTheStore) {
    Synced s("energy-two-source");
    const LogFormat f = twoSourceFileFormat();
    s.sync(f, "log.csv", kTwoSourceLog);
    const ReplaySeries series(*s.store, s.tool);
    const EnergySeries energy(f, series);
    // StepDetectorTest.cpp: A = 675 J, B = 978.75 J (the trapezoids written out there)
    EXPECT_NEAR(energy.totalJ(0), 675.0, kRel * 675.0);
    EXPECT_NEAR(energy.totalJ(1), 978.75, kRel * 978.75);
    for (const auto& t : s.store->targets(s.tool))
        EXPECT_NEAR(energy.totalJ(energy.sourceIndex(t.source)), t.energyJ, kRel * t.energyJ) << t.source;
    // every stored step's energy is its window of the series
    const std::vector<StepRecord> steps = s.store->steps(s.tool);
    ASSERT_EQ(steps.size(), 6u);
    for (const auto& st : steps) {
        const std::size_t first = series.rowAtOrAfter(st.startTime), last = series.rowAtOrAfter(st.endTime);
        for (const auto& e : st.sources) {
            const WindowEnergy w = energy.window(energy.sourceIndex(e.source), first, last);
            EXPECT_NEAR(w.energyJ, e.energyJ, kRel * e.energyJ) << st.label << " " << e.source;
        }
    }
    // The co-sputter step (rows 7 and 8.25 s): A's segments 6 -> 7 (on at 7), 7 -> 8.25 and,
    // A off at 9 s, 8.25 -> 9: 90 + 112.5 + 33.75 J over 3 s = 78.75 W; B's 6 -> 7, 7 -> 8.25
    // (B stays on at 9 s: that segment is the next step's): 200 + 250 J over 2.25 s = 200 W.
    const StepRecord& co = steps[4];
    ASSERT_EQ(co.label, "co-sputter");
    const std::size_t first = series.rowAtOrAfter(co.startTime), last = series.rowAtOrAfter(co.endTime);
    const WindowEnergy a = energy.window(0, first, last), b = energy.window(1, first, last);
    EXPECT_NEAR(a.energyJ, 236.25, kRel * 236.25);
    EXPECT_NEAR(a.durationS, 3.0, kRel * 3.0);
    EXPECT_NEAR(a.meanPowerW(), 78.75, kRel * 78.75);
    EXPECT_NEAR(stepEnergy(co, "A"), 236.25, kRel * 236.25);
    EXPECT_NEAR(b.energyJ, 450.0, kRel * 450.0);
    EXPECT_NEAR(b.meanPowerW(), 200.0, kRel * 200.0);
    // the window "so far" leaves the segment after its last row out
    EXPECT_NEAR(energy.through(0, first, last).energyJ, 202.5, kRel * 202.5);
}

namespace {

// One DC source, P in kW, the tool's usage counter in kWh.
LogFormat counterFormat() {
    LogFormat f = smallFormat(0);
    f.numeric.push_back({"source.c1.usage_counter", "U", 3.6e6, 0.0, "J"});
    SupplyChannels dc{"dc1", SupplyKind::Dc};
    dc.power = 0;
    f.supplies = {dc};
    SourceChannels c;
    c.cathode = "c1";
    c.hardWiredSupply = 0;
    c.usageCounter = 1;
    f.sources = {c};
    return f;
}

/// Rows at whole seconds `from` .. `to` (inclusive) of `kw`; the counter integrates the
/// power without breaks (as a tool's own counter does), starting at `counterJ`.
std::string counterRows(int from, int to, double kw, double& counterJ, double& prevW, int& prevT) {
    std::string out;
    for (int t = from; t <= to; ++t) {
        if (prevT >= 0) counterJ += 0.5 * (prevW + kw * 1000.0) * (t - prevT);
        prevW = kw * 1000.0, prevT = t;
        char buf[96];
        std::snprintf(buf, sizeof buf, "2025-01-01 %02d:%02d:%02d,%g,n,%.17g\n", t / 3600, t / 60 % 60, t % 60, kw,
                      counterJ / 3.6e6);
        out += buf;
    }
    return out;
}

}  // namespace

TEST(EnergySeries, AGapWhileTheSourceIsOnIsNotBridgedByAnyPath) {
    Synced s("energy-gap");
    const LogFormat f = counterFormat();
    double counter = 0.0, prevW = 0.0;
    int prevT = -1;
    // 1 kW at 0..20 s, the logger loses 20..60 s, 1 kW at 60..69 s, 2 kW at 70..80 s.
    // Hand sum without the gap: 20 x 1000 + 9 x 1000 + (1000 + 2000) / 2 + 10 x 2000 = 50500 J;
    // the bridged gap would add (1000 + 1000) / 2 x 40 = 40000 J (the counter has it).
    std::string log = "Time,P,Note,U\n";  // one append at a time: the counter runs on in order
    log += counterRows(0, 20, 1.0, counter, prevW, prevT);
    log += counterRows(60, 69, 1.0, counter, prevW, prevT);
    log += counterRows(70, 80, 2.0, counter, prevW, prevT);
    s.sync(f, "gap.csv", log);
    const auto& issues = s.reports.at(0).issues;
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].kind, "gap");
    EXPECT_EQ(issues[0].line, 23);  // header, 21 rows of 0..20 s, then the 60 s row
    const ReplaySeries series(*s.store, s.tool);
    const EnergySeries energy(f, series);
    // the series' breaks are the first row and the sync's gap
    std::vector<std::size_t> breaks;
    for (std::size_t r = 0; r < energy.rows(); ++r)
        if (energy.breakBefore()[r]) breaks.push_back(r);
    EXPECT_EQ(breaks, (std::vector<std::size_t>{0, 21}));
    const auto targets = s.store->targets(s.tool);
    ASSERT_EQ(targets.size(), 1u);
    EXPECT_NEAR(targets[0].energyJ, 50500.0, kRel * 50500.0);
    EXPECT_NEAR(energy.totalJ(0), 50500.0, kRel * 50500.0);
    EXPECT_NEAR(targets[0].counterLastJ - targets[0].counterFirstJ, 90500.0, 1e-9 * 90500.0);
    // the foam table: linear interpolation of its points integrates to the energy, up to
    // kPowerTableBreakS x (P_before + P_after) / 2 at the gap (1e-6 s x 1000 W = 1e-3 J;
    // 1e-6 J: the rounding of 50500 J summed over 45 segments is ~1e-10 J)
    const std::vector<PowerTablePoint> table = powerTable(energy, 0);
    ASSERT_EQ(table.size(), energy.rows() + 2);
    double tableJ = 0.0;
    for (std::size_t i = 1; i < table.size(); ++i) {
        ASSERT_GT(table[i].timeS, table[i - 1].timeS);
        tableJ += 0.5 * (table[i].powerW + table[i - 1].powerW) * (table[i].timeS - table[i - 1].timeS);
    }
    EXPECT_NEAR(tableJ, 50500.0 + 1000.0 * kPowerTableBreakS, 1e-6);
    // two steps (the gap ends the first); each one's window is its stored energy; the second's
    // mean power is its energy over its 20 s: 30500 J / 20 s
    const std::vector<StepRecord> steps = s.store->steps(s.tool);
    ASSERT_EQ(steps.size(), 2u);
    double sum = 0.0;
    for (const auto& st : steps) {
        const WindowEnergy w = energy.window(0, series.rowAtOrAfter(st.startTime), series.rowAtOrAfter(st.endTime));
        EXPECT_NEAR(w.energyJ, stepEnergy(st, "c1"), kRel * w.energyJ);
        sum += w.energyJ;
    }
    EXPECT_NEAR(sum, 50500.0, kRel * 50500.0);
    const WindowEnergy second =
        energy.window(0, series.rowAtOrAfter(steps[1].startTime), series.rowAtOrAfter(steps[1].endTime));
    EXPECT_NEAR(second.durationS, 20.0, kRel * 20.0);
    EXPECT_NEAR(second.meanPowerW(), 30500.0 / 20.0, kRel * 1525.0);
}

TEST(EnergySeries, NothingIsIntegratedFromOneLogFileToTheNext) {
    Synced s("energy-files");
    const LogFormat f = counterFormat();
    double counter = 0.0, prevW = 0.0;
    int prevT = -1;
    // two files 2 s apart at 1 kW (no gap by the rule: the second file starts afresh)
    s.sync(f, "a.csv", "Time,P,Note,U\n" + counterRows(0, 4, 1.0, counter, prevW, prevT));
    s.sync(f, "b.csv", "Time,P,Note,U\n" + counterRows(6, 10, 1.0, counter, prevW, prevT));
    const ReplaySeries series(*s.store, s.tool);
    const EnergySeries energy(f, series);
    EXPECT_EQ(series.fileStarts(), (std::vector<std::size_t>{0, 5}));
    EXPECT_TRUE(energy.breakBefore()[5]);
    // 4 s + 4 s at 1 kW, the 2 s between the files not counted
    EXPECT_NEAR(energy.totalJ(0), 8000.0, kRel * 8000.0);
    EXPECT_NEAR(s.store->targets(s.tool).at(0).energyJ, 8000.0, kRel * 8000.0);
}
