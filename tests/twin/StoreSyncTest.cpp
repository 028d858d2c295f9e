// The store contract through FileSync, run against every store back end: SQLite in a temp
// folder always; PostgreSQL when MAGTWIN_TEST_POSTGRES_URL names a server (the ctest entry
// twin.postgres_store starts a real PostgreSQL 15 for it). Each test uses its own tool name,
// so one database serves the whole suite.
#include "twin/store/SampleBlockCodec.hpp"
#include "twin/store/TwinStore.hpp"
#include "twin/sync/LogSync.hpp"

#include "tests/twin/StoreBackendTest.hpp"
#include "tests/twin/TwinTestFiles.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <cstdlib>
#include <cstring>

using namespace magtwin;
using namespace magtwin::test;

namespace {

std::string rows(int from, int to, double kw = 1.0) {
    std::string s;
    for (int i = from; i < to; ++i) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "2025-01-01 %02d:%02d:%02d,%g,n%d\n", i / 3600, (i / 60) % 60, i % 60, kw,
                      i / 10);
        s += buf;
    }
    return s;
}

const std::string kHead = "tool export\nTime,P,Note\n";

class StoreSync : public StoreBackendTest {
protected:
    StoreSync() : StoreBackendTest("store-sync") {}
    FileSyncReport sync(const std::string& path, std::size_t batchRows = 1000) {
        FileSync s(*store_, toolId_, format_, path);
        s.batchRows = batchRows;
        s.pump();
        s.reportPendingLine();
        return s.report();
    }
    LogFormat format_ = smallFormat();
};

}  // namespace

TEST_P(StoreSync, SameFileTwiceAddsNothing) {
    const auto p = writeFile(dir_.file("a.csv"), kHead + rows(0, 50));
    EXPECT_EQ(sync(p).rowsAdded, 50);
    const auto again = sync(p);
    EXPECT_EQ(again.rowsRead, 0);
    EXPECT_EQ(again.rowsAdded, 0);
    EXPECT_EQ(store_->totals(toolId_).rows, 50);
    EXPECT_EQ(store_->files(toolId_).size(), 1u);
}

TEST_P(StoreSync, GrownFileAddsOnlyItsNewRows) {
    const auto p = writeFile(dir_.file("a.csv"), kHead + rows(0, 30) + "2025-01-01 00:00:30,1");  // half a line
    const auto first = sync(p);
    EXPECT_EQ(first.rowsAdded, 30);
    ASSERT_FALSE(first.issues.empty());
    EXPECT_EQ(first.issues.back().kind, "truncated-last-line");
    writeFile(p, kHead + rows(0, 45));
    const auto second = sync(p);
    EXPECT_EQ(second.rowsRead, 15);
    EXPECT_EQ(second.rowsAdded, 15);
    EXPECT_EQ(store_->totals(toolId_).rows, 45);
    // Row by row, the store holds exactly lines 3..47 once.
    std::int64_t expectLine = 3;
    for (const auto& b : store_->sampleBlocks(store_->files(toolId_).at(0).fileId))
        for (auto line : decodeSamples(b.data).lines) EXPECT_EQ(line, expectLine++);
    EXPECT_EQ(expectLine, 48);
}

TEST_P(StoreSync, ReplacedFileIsANewFileAndOverlapsAreNotCountedTwice) {
    const auto p = writeFile(dir_.file("a.csv"), kHead + rows(0, 20));
    sync(p);
    // Re-saved by a spreadsheet: header moved down, same rows, plus 5 new ones.
    writeFile(p, "tool export\n\n" + std::string("Time,P,Note\n") + rows(0, 25));
    const auto r = sync(p);
    EXPECT_EQ(store_->files(toolId_).size(), 2u);
    EXPECT_EQ(r.rowsRead, 25);
    EXPECT_EQ(r.rowsAdded, 5);
    EXPECT_EQ(r.rowsRejected, 20);
    EXPECT_EQ(store_->totals(toolId_).rows, 25);
}

TEST_P(StoreSync, BatchSizeDoesNotChangeTheContent) {
    const auto p = writeFile(dir_.file("a.csv"), kHead + rows(0, 200));
    sync(p, 7);
    const std::string small = storeContentDigest(*store_, toolId_);
    auto other = openStore(GetParam() == "postgres" ? location_ : dir_.file("other.sqlite"));
    const std::int64_t otherTool = other->ensureTool(std::to_string(toolId_) + "-other-" + std::to_string(::getpid()));
    FileSync s(*other, otherTool, format_, p);
    s.batchRows = 1000;
    s.pump();
    EXPECT_EQ(storeContentDigest(*other, otherTool), small);
}

TEST_P(StoreSync, MissingMappedColumnWritesNothing) {
    format_.numeric.push_back({"chamber.pressure", "Pressure", 1.0, 0.0, "Pa"});
    const auto p = writeFile(dir_.file("a.csv"), kHead + rows(0, 5));
    EXPECT_THROW(sync(p), std::invalid_argument);
    EXPECT_TRUE(store_->files(toolId_).empty());
}

TEST_P(StoreSync, SchemaVersionIsCurrent) { EXPECT_EQ(store_->schemaVersion(), kStoreSchemaVersion); }

INSTANTIATE_TEST_SUITE_P(Backends, StoreSync, ::testing::Values("sqlite", "postgres"));

TEST(SampleBlockCodec, RoundTripIsBitExact) {
    const std::vector<std::int64_t> lines{5, 6, 7, 9};
    const std::vector<double> times{1.0, 2.0, 3.5, 4.0};
    const std::vector<double> values{1, -0.0, 7, 1, std::nan(""), 7, 1, 3.25, 7, 1, 3.25, 8};  // 4 rows x 3
    const DecodedSamples d = decodeSamples(encodeSamples(lines, times, values, 3));
    EXPECT_EQ(d.lines, lines);
    EXPECT_EQ(d.times, times);
    ASSERT_EQ(d.values.size(), values.size());
    for (std::size_t i = 0; i < values.size(); ++i) EXPECT_EQ(std::memcmp(&d.values[i], &values[i], 8), 0) << i;
    EXPECT_THROW(decodeSamples("short"), std::runtime_error);
}

TEST(SqliteStoreSchema, NewerSchemaThanThisProgramIsRefused) {
    TempDir dir("store-schema");
    const std::string path = dir.file("s.sqlite");
    { openStore(path); }  // creates schema version 1
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "UPDATE schema_version SET version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    try {
        openStore(path);
        FAIL() << "expected an error";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("schema version 99 is newer"), std::string::npos) << e.what();
    }
}
