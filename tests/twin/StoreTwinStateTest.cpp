// Erosion state, predictions and measurements in the store (schema version 2), on every back
// end (SQLite always; PostgreSQL when MAGTWIN_TEST_POSTGRES_URL names a server): exact round
// trip, idempotence (the same run or readings twice leave one copy), and a writer killed with
// SIGKILL in the middle of a run's transaction leaves the old or the new rows, never a mix.
#include "twin/store/TwinStore.hpp"

#include "tests/twin/StoreBackendTest.hpp"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <random>
#include <thread>

namespace magtwin {
namespace {

class StoreTwinState : public test::StoreBackendTest {
protected:
    StoreTwinState() : StoreBackendTest("store-twin-state") {}
};

/// A run of `n` intervals whose every figure is derived from `base` (so a row shows which
/// run wrote it) with doubles that need all 17 digits.
ReplayRunRecord runOf(const std::string& runId, int n, double base) {
    ReplayRunRecord r;
    r.runId = runId;
    for (int i = 0; i < n; ++i) {
        PredictionRecord p;
        p.runId = runId;
        p.step = i;
        p.startTime = 1751895692.463 + 10.0 * i;
        p.endTime = p.startTime + 9.5;
        p.label = i % 3 ? "deposition" : "co-sputter";
        p.predictedAS = base + 1.0 / 3.0;
        p.predictedCalibratedAS = i % 2 ? std::nan("") : base * 0.1;
        p.uniformityPct = i % 5 ? base + 0.2 : std::nan("");
        p.mapMeanAS = base * 1e-17;
        p.sources = "source1\tBa T 001\t" + std::to_string(i) + "\n";
        r.predictions.push_back(p);
        r.measurements.push_back({"monitor", "qcm", p.startTime, 0.0, 0.0, base + 0.1 + 0.2, "A/s displayed"});
    }
    r.erosion.push_back({"source1", "Ba T 001", "Ba", base + 0.3, base + 0.25, 1.0e-3 / 3.0, base * 1e-9 / 7.0, runId});
    r.erosion.push_back({"source3", "Zr_T_001", "Zr", base, base, 0.0, 0.0, runId});
    // schema 5: the reactive state per target (fractions that need all 17 digits)
    r.reactive.push_back(
        {"source1", "Ba T 001", "S2", 1.0 / (3.0 + base), 1.0 / (7.0 + base), 1751900000.1 + base, runId});
    r.reactive.push_back({"source3", "Zr_T_001", "N2", 0.0, base / 11.0, 1751900000.1 + base, runId});
    return r;
}

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

TEST_P(StoreTwinState, RunRoundTripsExactly) {
    EXPECT_TRUE(store_->predictions(toolId_).empty());
    EXPECT_TRUE(store_->erosionStates(toolId_).empty());
    const ReplayRunRecord run = runOf("run-a", 7, 2.5);
    store_->saveReplayRun(toolId_, run);
    store_ = openStore(location_);  // a reopened store holds it bit-exactly
    const auto p = store_->predictions(toolId_);
    ASSERT_EQ(p.size(), run.predictions.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
        const auto& w = run.predictions[i];
        EXPECT_EQ(p[i].runId, "run-a");
        EXPECT_EQ(p[i].step, w.step);
        EXPECT_EQ(p[i].startTime, w.startTime);
        EXPECT_EQ(p[i].endTime, w.endTime);
        EXPECT_EQ(p[i].label, w.label);
        EXPECT_EQ(p[i].predictedAS, w.predictedAS);
        EXPECT_TRUE(same(p[i].predictedCalibratedAS, w.predictedCalibratedAS)) << i;
        EXPECT_TRUE(same(p[i].uniformityPct, w.uniformityPct)) << i;
        EXPECT_EQ(p[i].mapMeanAS, w.mapMeanAS);
        EXPECT_EQ(p[i].sources, w.sources);
    }
    const auto e = store_->erosionStates(toolId_);
    ASSERT_EQ(e.size(), 2u);
    EXPECT_EQ(e[0].targetId, "Ba T 001");
    EXPECT_EQ(e[0].energyKWh, 2.5 + 0.3);
    EXPECT_EQ(e[0].lifeKWh, 2.5 + 0.25);
    EXPECT_EQ(e[0].maxDepthM, 1.0e-3 / 3.0);
    EXPECT_EQ(e[0].erodedVolumeM3, 2.5 * 1e-9 / 7.0);
    EXPECT_EQ(e[0].runId, "run-a");
    EXPECT_EQ(e[1].source, "source3");
    const auto m = store_->measurements(toolId_);
    ASSERT_EQ(m.size(), 7u);
    EXPECT_EQ(m[0].value, 2.5 + 0.1 + 0.2);
    EXPECT_EQ(m[0].time, run.predictions[0].startTime);
    EXPECT_EQ(m[0].unit, "A/s displayed");
    const auto re = store_->reactiveStates(toolId_);
    ASSERT_EQ(re.size(), 2u);
    for (std::size_t i = 0; i < re.size(); ++i) {
        EXPECT_EQ(re[i].source, run.reactive[i].source);
        EXPECT_EQ(re[i].targetId, run.reactive[i].targetId);
        EXPECT_EQ(re[i].gas, run.reactive[i].gas);
        EXPECT_EQ(re[i].thetaTarget, run.reactive[i].thetaTarget);
        EXPECT_EQ(re[i].thetaCollector, run.reactive[i].thetaCollector);
        EXPECT_EQ(re[i].time, run.reactive[i].time);
        EXPECT_EQ(re[i].runId, "run-a");
    }
}

TEST_P(StoreTwinState, SavingTheSameRunOrReadingsTwiceAddsNoRow) {
    store_->saveReplayRun(toolId_, runOf("run-a", 40, 1.0));
    const std::string once = twinStateDigest(*store_, toolId_);
    EXPECT_NE(once.find("erosion=2 predictions=40 measurements=40 reactive=2"), std::string::npos) << once;
    store_->saveReplayRun(toolId_, runOf("run-a", 40, 1.0));
    EXPECT_EQ(twinStateDigest(*store_, toolId_), once);
    // a run replaces its own rows: 25 intervals now (not 40 + 25), new values
    store_->saveReplayRun(toolId_, runOf("run-a", 25, 2.0));
    const auto p = store_->predictions(toolId_);
    ASSERT_EQ(p.size(), 25u);
    EXPECT_EQ(p.back().predictedAS, 2.0 + 1.0 / 3.0);
    // measurements are keyed by content: the first 25 readings replaced, 15 kept
    EXPECT_EQ(store_->measurements(toolId_).size(), 40u);
    // metrology points brought in twice
    const std::vector<MeasurementRecord> points{{"metrology", "glass7.csv", 0.0, -0.1, 0.05, 101e-9, "m"},
                                                {"metrology", "glass7.csv", 0.0, 0.1, 0.05, 99e-9, "m"}};
    store_->saveMeasurements(toolId_, points);
    const std::string withPoints = twinStateDigest(*store_, toolId_);
    store_->saveMeasurements(toolId_, points);
    EXPECT_EQ(twinStateDigest(*store_, toolId_), withPoints);
    EXPECT_EQ(store_->measurements(toolId_).size(), 42u);
    // another run (other inputs) is kept beside it; the erosion state is the newest run's
    store_->saveReplayRun(toolId_, runOf("run-b", 3, 5.0));
    EXPECT_EQ(store_->predictions(toolId_).size(), 28u);
    for (const auto& e : store_->erosionStates(toolId_)) EXPECT_EQ(e.runId, "run-b");
}

TEST_P(StoreTwinState, KilledWriterLeavesTheOldOrTheNewRun) {
    // Runs A (600 intervals, base 1) and B (900, base 2) are written alternately under one
    // run id by a child process, back to back (it is inside a transaction nearly all the
    // time); once its first run is committed (a byte on a pipe) it is killed with SIGKILL
    // after a seeded random pause, 12 times.
    constexpr int kA = 600, kB = 900;
    std::mt19937 rng(20251207);
    std::uniform_int_distribution<int> pauseMs(1, 80);
    for (int round = 0; round < 12; ++round) {
        store_.reset();
        int pipeFd[2];
        ASSERT_EQ(::pipe(pipeFd), 0);
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            ::close(pipeFd[0]);
            try {
                auto store = openStore(location_);
                for (int i = 0;; ++i) {
                    store->saveReplayRun(toolId_, i % 2 ? runOf("r", kB, 2.0) : runOf("r", kA, 1.0));
                    if (i == 0 && ::write(pipeFd[1], "c", 1) != 1) break;
                }
            } catch (...) {
            }
            ::_exit(3);
        }
        ::close(pipeFd[1]);
        char committed = 0;
        ASSERT_EQ(::read(pipeFd[0], &committed, 1), 1) << "the writer died before its first commit";
        ::close(pipeFd[0]);
        std::this_thread::sleep_for(std::chrono::milliseconds(pauseMs(rng)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped by itself (status " << status << ")";
        store_ = openStore(location_);
        const auto p = store_->predictions(toolId_);
        const auto e = store_->erosionStates(toolId_);
        ASSERT_TRUE(p.size() == static_cast<std::size_t>(kA) || p.size() == static_cast<std::size_t>(kB)) << p.size();
        const double base = p.size() == static_cast<std::size_t>(kA) ? 1.0 : 2.0;
        for (const auto& row : p) ASSERT_EQ(row.predictedAS, base + 1.0 / 3.0);
        ASSERT_EQ(e.size(), 2u);
        EXPECT_EQ(e[1].lifeKWh, base);                    // the erosion state of the same transaction
        const auto re = store_->reactiveStates(toolId_);  // and the reactive state: no row lost or doubled
        ASSERT_EQ(re.size(), 2u);
        EXPECT_EQ(re[0].thetaTarget, 1.0 / (3.0 + base));
        EXPECT_EQ(re[1].thetaCollector, base / 11.0);
    }
}

TEST_P(StoreTwinState, ToolSettingRoundTripsAndReplaces) {
    // schema version 4: a tool's settings (the E10 rules the sync keeps), text of any bytes
    EXPECT_FALSE(store_->toolSetting(toolId_, "equipment_states").has_value());
    const std::string value = "e10 v1\nrecipe engineering 5:ENG*\n\ttab and 'quote' \xc3\xa9";
    store_->saveToolSetting(toolId_, "equipment_states", value);
    store_ = openStore(location_);
    EXPECT_EQ(store_->toolSetting(toolId_, "equipment_states").value_or(""), value);
    store_->saveToolSetting(toolId_, "equipment_states", "second");  // replaces, one row
    EXPECT_EQ(store_->toolSetting(toolId_, "equipment_states").value_or(""), "second");
    EXPECT_FALSE(store_->toolSetting(toolId_, "other").has_value());
    const std::int64_t other =
        store_->ensureTool("other-" + std::to_string(::getpid()) + "-" + std::to_string(toolId_));
    EXPECT_FALSE(store_->toolSetting(other, "equipment_states").has_value());  // per tool
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTwinState, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace magtwin
