// Schema migration 1 -> 6 on a store made as the version-1 magtwin made it: the version-1
// tables filled by a real sync, and (SQLite) the calibrations table the version-1 code
// created on its first save, with its DDL (calibrationTableSql) and a row. Opening it with
// this magtwin migrates it: every synced row (content digest) and the calibration stay, and
// the new tables work; a calibration saved before version 3 reads as gas not fitted (0) and
// a version-2 store's calibration keeps its row through the version-3 columns. PostgreSQL: on the empty database
// MAGTWIN_TEST_POSTGRES_FRESH_URL (twin.postgres_store creates one), since migrating needs a database no test has
// opened.
#include "twin/store/TwinStore.hpp"
#include "twin/sync/LogSync.hpp"

#include "tests/twin/TwinTestFiles.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <cstdlib>

namespace magtwin {
namespace {

std::string tenMinutesOfRows() {
    std::string s = "tool export\nTime,P,Note\n";
    for (int i = 0; i < 600; ++i) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "2025-01-01 00:%02d:%02d,%g,n%d\n", i / 60, i % 60, 1.0 + (i % 7) * 0.125,
                      i / 10);
        s += buf;
    }
    return s;
}

/// Syncs a log into a store opened at schema version 1; returns the tool's content digest.
std::string makeVersionOneStore(const std::string& location, const std::string& logPath, std::int64_t& toolId) {
    auto store = openStore(location, 1);
    EXPECT_EQ(store->schemaVersion(), 1);
    toolId = store->ensureTool("old-tool");
    const LogFormat format = test::smallFormat();  // FileSync keeps a reference
    FileSync sync(*store, toolId, format, logPath);
    sync.pump();
    sync.reportPendingLine();
    EXPECT_EQ(sync.report().rowsAdded, 600);
    return storeContentDigest(*store, toolId);
}

/// Version 6 on a migrated store: the erosion row written before has no target volume (NaN),
/// no map, findings or forecast; a replay's map and findings written twice are there once
/// (replaced, not added), a replay without a map removes the old one, a second forecast
/// replaces the first.
void expectVersionSixTables(const std::string& location, std::int64_t toolId) {
    auto store = openStore(location);
    const auto before = store->erosionStates(toolId);
    ASSERT_EQ(before.size(), 1u);
    EXPECT_TRUE(std::isnan(before[0].targetVolumeM3));
    EXPECT_FALSE(store->thicknessMap(toolId).has_value());
    EXPECT_TRUE(store->replayFindings(toolId).empty());
    EXPECT_FALSE(store->forecast(toolId).has_value());
    ReplayRunRecord run;
    run.runId = "v6-run";
    run.replacesReport = true;
    run.erosion.push_back({"s1", "T1", "Zr", 1.5, 1.25, 2e-4, 3e-7, run.runId, 1.25e-5});
    ThicknessMapRecord m{run.runId,
                         1751897405.013,
                         1751898612.918,
                         3,
                         "co-sputter",
                         "W-7",
                         2,
                         2,
                         -0.05,
                         -0.05,
                         0.1,
                         0.1,
                         {10.5, 11.25, 0.1 + 0.2, 12.0},
                         {1, 1, 0, 1}};
    run.thicknessMap.push_back(m);
    run.findings.push_back({"counter", "T1", "counter off by 9 %", std::nan(""), 9.0});
    run.findings.push_back({"gap", "T1", "logger stopped for 31 s while on", 1751897000.5, 31.0});
    store->saveReplayRun(toolId, run);
    store->saveReplayRun(toolId, run);  // the same replay again: replaced
    {
        auto again = openStore(location);
        const auto e = again->erosionStates(toolId);
        ASSERT_EQ(e.size(), 1u);
        EXPECT_EQ(e[0].targetVolumeM3, 1.25e-5);
        const auto map = again->thicknessMap(toolId);
        ASSERT_TRUE(map.has_value());
        EXPECT_EQ(map->thicknessNm, m.thicknessNm);  // bit for bit (0.1 + 0.2 included)
        EXPECT_EQ(map->qualityArea, m.qualityArea);
        EXPECT_EQ(map->substrateId, "W-7");
        EXPECT_EQ(map->startTime, m.startTime);
        EXPECT_EQ(map->nx, 2);
        const auto f = again->replayFindings(toolId);
        ASSERT_EQ(f.size(), 2u);  // not 4
        EXPECT_EQ(f[0].kind, "counter");
        EXPECT_TRUE(std::isnan(f[0].time));
        EXPECT_EQ(f[1].time, 1751897000.5);
        EXPECT_EQ(f[1].message, "logger stopped for 31 s while on");
    }
    // measurements alone (calibrate --metrology) leave the replay's map and findings
    store->saveMeasurements(toolId, {{"metrology", "m.csv", 0.0, 0.01, 0.0, 1e-7, "m"}});
    EXPECT_TRUE(openStore(location)->thicknessMap(toolId).has_value());
    EXPECT_EQ(openStore(location)->replayFindings(toolId).size(), 2u);
    // a newer replay that mapped nothing and found one thing: no map, one finding
    ReplayRunRecord next;
    next.runId = "v6-run-2";
    next.replacesReport = true;
    next.findings.push_back({"drift", "", "rate drifted", 1751899000.0, 16.0});
    store->saveReplayRun(toolId, next);
    EXPECT_FALSE(openStore(location)->thicknessMap(toolId).has_value());
    ASSERT_EQ(openStore(location)->replayFindings(toolId).size(), 1u);
    // forecasts: the newest replaces the one before
    ForecastRecord fc;
    fc.createdTime = 1765100000.0;
    fc.specPct = 3.0;
    fc.uNowPct = 2.5;
    fc.crossingKWh = 123.456;
    fc.crossingTime = 1767000000.25;
    fc.uAfterPct = std::nan("");
    fc.recipe = "logged";
    fc.curve = {{10.0, 2.5}, {200.0, 3.5}};
    fc.eolKWh = {{"T1", 250.0}};
    store->saveForecast(toolId, fc);
    fc.createdTime += 60.0;
    fc.crossingKWh = 120.0;
    store->saveForecast(toolId, fc);
    const auto got = openStore(location)->forecast(toolId);
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->createdTime, fc.createdTime);
    EXPECT_EQ(got->crossingKWh, 120.0);
    EXPECT_EQ(got->crossingTime, 1767000000.25);
    EXPECT_TRUE(std::isnan(got->uAfterPct));
    EXPECT_EQ(got->curve, fc.curve);
    EXPECT_EQ(got->eolKWh, fc.eolKWh);
}

void expectMigrated(const std::string& location, std::int64_t toolId, const std::string& digestV1) {
    auto store = openStore(location);
    EXPECT_EQ(store->schemaVersion(), kStoreSchemaVersion);
    EXPECT_EQ(storeContentDigest(*store, toolId), digestV1);
    EXPECT_EQ(store->totals(toolId).rows, 600);
    ReplayRunRecord run;
    run.runId = "after-migration";
    run.erosion.push_back({"s1", "T1", "Zr", 1.5, 1.25, 2e-4, 3e-7, run.runId});
    store->saveReplayRun(toolId, run);
    EXPECT_EQ(openStore(location)->erosionStates(toolId).size(), 1u);
    // version 4: the tool settings table, empty for a migrated store (E10 defaults)
    EXPECT_FALSE(store->toolSetting(toolId, "equipment_states").has_value());
    store->saveToolSetting(toolId, "equipment_states", "e10 v1\n");
    EXPECT_EQ(openStore(location)->toolSetting(toolId, "equipment_states").value_or(""), "e10 v1\n");
    // version 5: the reactive state per target, none for a migrated store (every target metallic)
    EXPECT_TRUE(store->reactiveStates(toolId).empty());
    ReplayRunRecord reactive;
    reactive.runId = "reactive-after-migration";
    reactive.reactive.push_back({"s1", "T1", "N2", 0.75, 0.5, 1751900000.5, reactive.runId});
    store->saveReplayRun(toolId, reactive);
    const auto states = openStore(location)->reactiveStates(toolId);
    ASSERT_EQ(states.size(), 1u);
    EXPECT_EQ(states[0].thetaTarget, 0.75);
    EXPECT_EQ(states[0].gas, "N2");
    expectVersionSixTables(location, toolId);
}

TEST(StoreMigration, SqliteVersionOneStoreKeepsEveryRowAndItsCalibration) {
    test::TempDir dir("store-migration");
    const std::string location = dir.file("old.sqlite");
    const std::string log = test::writeFile(dir.file("a.csv"), tenMinutesOfRows());
    std::int64_t toolId = 0;
    const std::string digest = makeVersionOneStore(location, log, toolId);
    {  // what the version-1 saveCalibration did: CREATE TABLE IF NOT EXISTS, then the row
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(location.c_str(), &db), SQLITE_OK);
        const std::string sql =
            calibrationTableSql("INTEGER PRIMARY KEY") +
            "; INSERT INTO calibrations (tool_id, version, created_time, method, parameters, summary)"
            " VALUES (" +
            std::to_string(toolId) +
            ", 1, 1751895692.5, 'ceres-lm monitor-rate',"
            " 's1\tT1\t0.25\t0.0625\n', '{}')";
        char* err = nullptr;
        EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
        sqlite3_free(err);
        sqlite3_close(db);
    }
    expectMigrated(location, toolId, digest);
    auto store = openStore(location);
    const auto calibrations = store->calibrations(toolId);
    ASSERT_EQ(calibrations.size(), 1u);
    EXPECT_EQ(calibrations[0].parameters.at(0).scale, 0.25);
    EXPECT_EQ(calibrations[0].parameters.at(0).sigma, 0.0625);
    EXPECT_EQ(calibrations[0].gas.sigmaEffM2, 0.0);  // saved before the gas strength: vacuum
    EXPECT_EQ(calibrations[0].gas.status, "");
    CalibrationRecord next = calibrations[0];
    next.gas = {6.5e-21, 4e-22, "fitted"};
    EXPECT_EQ(store->saveCalibration(toolId, next), 2);  // versions continue
    const auto after = openStore(location)->calibrations(toolId);
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(after[1].gas.sigmaEffM2, 6.5e-21);
    EXPECT_EQ(after[1].gas.sigmaM2, 4e-22);
    EXPECT_EQ(after[1].gas.status, "fitted");
}

TEST(StoreMigration, SqliteVersionTwoCalibrationGainsTheGasColumns) {
    test::TempDir dir("store-migration-2");
    const std::string location = dir.file("v2.sqlite");
    std::int64_t toolId = 0;
    {
        auto store = openStore(location, 2);
        EXPECT_EQ(store->schemaVersion(), 2);
        toolId = store->ensureTool("v2-tool");
        sqlite3* db = nullptr;  // a version-2 row: the columns of calibrationTableSql only
        ASSERT_EQ(sqlite3_open(location.c_str(), &db), SQLITE_OK);
        const std::string sql =
            "INSERT INTO calibrations (tool_id, version, created_time, method, parameters, summary) VALUES (" +
            std::to_string(toolId) + ", 1, 1.5, 'ceres-lm monitor-rate', 's1\tT1\t0.5\t0.125\n', '{}')";
        EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    auto store = openStore(location);
    EXPECT_EQ(store->schemaVersion(), kStoreSchemaVersion);
    const auto calibrations = store->calibrations(toolId);
    ASSERT_EQ(calibrations.size(), 1u);
    EXPECT_EQ(calibrations[0].parameters.at(0).scale, 0.5);
    EXPECT_EQ(calibrations[0].gas.sigmaEffM2, 0.0);
}

TEST(StoreMigration, PostgresVersionOneStoreKeepsEveryRow) {
    const char* url = std::getenv("MAGTWIN_TEST_POSTGRES_FRESH_URL");
    if (!url) GTEST_SKIP() << "MAGTWIN_TEST_POSTGRES_FRESH_URL not set (ctest twin.postgres_store sets it)";
    test::TempDir dir("store-migration-pg");
    const std::string log = test::writeFile(dir.file("a.csv"), tenMinutesOfRows());
    std::int64_t toolId = 0;
    const std::string digest = makeVersionOneStore(url, log, toolId);
    expectMigrated(url, toolId, digest);
}

}  // namespace
}  // namespace magtwin
