// The streaming reader and its bad-row policy (LogIssues.hpp) on small crafted files, one
// per kind of trouble, and on the real DTU export (skipped without the validation data).
#include "twin/logs/LogReader.hpp"

#include "tests/twin/TwinTestFiles.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace magtwin;
using namespace magtwin::test;

namespace {

struct ReadResult {
    std::vector<std::int64_t> lines;
    std::vector<double> times, power;
    std::vector<std::string> notes;
    std::vector<char> gaps;
    std::int64_t read = 0, rejected = 0;
    std::vector<LogIssue> issues;
    std::uint64_t consumed = 0, pending = 0;
};

ReadResult readAll(const std::string& path, const LogFormat& f, std::size_t batchRows = 3) {
    LogIssues issues;
    LogReader reader(f, path, issues);
    for (const auto& i : reader.layout().headerIssues) issues.add(i.line, i.kind, i.message);
    ReadResult r;
    LogRowBatch b;
    while (reader.next(b, batchRows)) {
        for (std::size_t i = 0; i < b.rows(); ++i) {
            r.lines.push_back(b.lines[i]);
            r.times.push_back(b.times[i]);
            r.power.push_back(b.value(i, 0));
            r.notes.push_back(b.text(i, 0));
            r.gaps.push_back(b.gapBefore[i]);
        }
        r.read += b.rowsRead;
        r.rejected += b.rowsRejected;
    }
    reader.reportPendingLine();
    r.issues = issues.listed();
    r.consumed = reader.consumedBytes();
    r.pending = reader.pendingBytes();
    return r;
}

bool hasIssue(const ReadResult& r, const std::string& kind, std::int64_t line) {
    for (const auto& i : r.issues)
        if (i.kind == kind && i.line == line) return true;
    return false;
}

const std::string kPreamble = "exported by tool\n";
const std::string kHeader = "Time,P,Note\n";

}  // namespace

TEST(LogReader, CleanFileConvertsUnitsAndKeepsLineNumbers) {
    TempDir d("reader-clean");
    const auto p =
        writeFile(d.file("a.csv"), kPreamble + kHeader + "2025-01-01 00:00:00,1.5,a\n2025-01-01 00:00:01,2,b\n");
    const auto r = readAll(p, smallFormat());
    ASSERT_EQ(r.lines.size(), 2u);
    EXPECT_EQ(r.lines[0], 3);
    EXPECT_DOUBLE_EQ(r.power[0], 1500.0);  // kW -> W
    EXPECT_EQ(r.notes[1], "b");
    EXPECT_DOUBLE_EQ(r.times[1] - r.times[0], 1.0);
    EXPECT_TRUE(r.issues.empty());
}

TEST(LogReader, BomAndCrlfAreAccepted) {
    TempDir d("reader-bom");
    const auto p = writeFile(d.file("a.csv"),
                             "\xEF\xBB\xBF"
                             "exported\r\nTime,P,Note\r\n2025-01-01 00:00:00,1,x\r\n");
    const auto r = readAll(p, smallFormat());
    ASSERT_EQ(r.lines.size(), 1u);
    EXPECT_EQ(r.notes[0], "x");  // no trailing \r
    EXPECT_TRUE(hasIssue(r, "bom", 1));
}

TEST(LogReader, TruncatedLastLineIsNotConsumed) {
    TempDir d("reader-trunc");
    const std::string complete = kPreamble + kHeader + "2025-01-01 00:00:00,1,a\n";
    const auto p = writeFile(d.file("a.csv"), complete + "2025-01-01 00:00:01,2");
    const auto r = readAll(p, smallFormat());
    EXPECT_EQ(r.lines.size(), 1u);
    EXPECT_EQ(r.consumed, complete.size());
    EXPECT_EQ(r.pending, 21u);
    EXPECT_TRUE(hasIssue(r, "truncated-last-line", 4));
}

TEST(LogReader, MovedHeaderIsFoundAndReported) {
    TempDir d("reader-moved");
    // Re-saved by a spreadsheet: two extra preamble lines (and quoted fields).
    const auto p = writeFile(d.file("a.csv"), "x\ny\nz\n" + kHeader + "\"2025-01-01 00:00:00\",\"1\",\"a,b\"\n");
    const auto r = readAll(p, smallFormat());
    ASSERT_EQ(r.lines.size(), 1u);
    EXPECT_EQ(r.notes[0], "a,b");
    EXPECT_TRUE(hasIssue(r, "header-moved", 4));
}

TEST(LogReader, DuplicateAndOutOfOrderRowsAreRejectedOnce) {
    TempDir d("reader-order");
    const auto p = writeFile(d.file("a.csv"), kPreamble + kHeader +
                                                  "2025-01-01 00:00:00,1,a\n"
                                                  "2025-01-01 00:00:01,1,b\n"
                                                  "2025-01-01 00:00:01,9,dup\n"
                                                  "2025-01-01 00:00:00,9,old\n"
                                                  "2025-01-01 00:00:02,1,c\n");
    const auto r = readAll(p, smallFormat(), 2);
    EXPECT_EQ(r.read, 5);
    EXPECT_EQ(r.rejected, 2);
    EXPECT_EQ(r.notes, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_TRUE(hasIssue(r, "duplicate-timestamp", 5));
    EXPECT_TRUE(hasIssue(r, "out-of-order", 6));
}

TEST(LogReader, GapsAreMarkedAgainstTheRunningMedian) {
    TempDir d("reader-gap");
    std::string s = kPreamble + kHeader;
    for (int i = 0; i < 5; ++i) s += "2025-01-01 00:00:0" + std::to_string(i) + ",1,a\n";
    s += "2025-01-01 00:00:10,1,after\n";  // 6 s after a 1 s median: > 5 x median
    s += "2025-01-01 00:00:14,1,x\n";      // 4 s: not a gap
    const auto r = readAll(writeFile(d.file("a.csv"), s), smallFormat());
    ASSERT_EQ(r.gaps.size(), 7u);
    EXPECT_EQ(r.gaps[5], 1);
    EXPECT_EQ(r.gaps[6], 0);
    EXPECT_TRUE(hasIssue(r, "gap", 8));
}

TEST(LogReader, MissingExtraColumnsAndBadNumbersRejectTheRow) {
    TempDir d("reader-cols");
    const auto p = writeFile(d.file("a.csv"), kPreamble + kHeader +
                                                  "2025-01-01 00:00:00,1\n"
                                                  "2025-01-01 00:00:01,1,a,extra\n"
                                                  "2025-01-01 00:00:02,1.2.3,a\n"
                                                  "not a time,1,a\n"
                                                  "2025-01-01 00:00:04,,empty\n"
                                                  "Time,P,Note\n");
    const auto r = readAll(p, smallFormat());
    EXPECT_EQ(r.read, 5);  // the repeated header is not a row
    EXPECT_EQ(r.rejected, 4);
    ASSERT_EQ(r.lines.size(), 1u);
    EXPECT_TRUE(std::isnan(r.power[0]));  // empty field = missing value
    EXPECT_TRUE(hasIssue(r, "missing-columns", 3));
    EXPECT_TRUE(hasIssue(r, "extra-columns", 4));
    EXPECT_TRUE(hasIssue(r, "bad-number", 5));
    EXPECT_TRUE(hasIssue(r, "bad-timestamp", 6));
    EXPECT_TRUE(hasIssue(r, "repeated-header", 8));
}

TEST(LogReader, TwelveHourClockAcrossMidnightStaysInOrder) {
    TempDir d("reader-12h");
    LogFormat f = smallFormat();
    f.timestamp.pattern = "%b-%d-%Y %I:%M:%S %p";
    const auto p = writeFile(d.file("a.csv"), kPreamble + kHeader +
                                                  "Jul-07-2025 11:59:59 AM,1,a\n"
                                                  "Jul-07-2025 12:00:00 PM,1,noon\n"
                                                  "Jul-07-2025 11:59:59 PM,1,b\n"
                                                  "Jul-08-2025 12:00:00 AM,1,midnight\n");
    const auto r = readAll(p, f);
    ASSERT_EQ(r.times.size(), 4u);
    EXPECT_DOUBLE_EQ(r.times[1] - r.times[0], 1.0);
    EXPECT_DOUBLE_EQ(r.times[3] - r.times[2], 1.0);
    EXPECT_EQ(r.rejected, 0);
}

TEST(LogReader, MissingMappedColumnNamesItAndTheClosestHeaders) {
    TempDir d("reader-missing");
    LogFormat f = smallFormat();
    f.numeric.push_back({"chamber.pressure", "Pressure", 1.0, 0.0, "Pa"});
    const auto p = writeFile(d.file("a.csv"), kPreamble + "Time,P,Note,Pressur\n");
    LogIssues issues;
    try {
        LogReader reader(f, p, issues);
        FAIL() << "expected LogMappingError";
    } catch (const LogMappingError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("a.csv:2"), std::string::npos) << what;
        EXPECT_NE(what.find("column 'Pressure'"), std::string::npos) << what;
        EXPECT_NE(what.find("closest: 'Pressur'"), std::string::npos) << what;
    }
}

TEST(LogReader, ResumeContinuesAfterTheConsumedPrefixOrDetectsReplacement) {
    TempDir d("reader-resume");
    const std::string head = kPreamble + kHeader + "2025-01-01 00:00:00,1,a\n";
    const auto p = writeFile(d.file("a.csv"), head);
    LogIssues issues;
    LogRowBatch b;
    std::uint64_t bytes = 0, hash = 0;
    std::int64_t line = 0;
    {
        LogReader first(smallFormat(), p, issues);
        ASSERT_TRUE(first.next(b, 100));
        bytes = b.endOffset, hash = b.prefixHash, line = b.endLine;
    }
    writeFile(p, head + "2025-01-01 00:00:01,2,b\n");
    LogReader grown(smallFormat(), p, issues);
    ASSERT_TRUE(grown.resumeAfter(bytes, hash, line));
    ASSERT_TRUE(grown.next(b, 100));
    ASSERT_EQ(b.rows(), 1u);
    EXPECT_EQ(b.lines[0], 4);
    EXPECT_EQ(b.text(0, 0), "b");
    writeFile(p, kPreamble + kHeader + "2025-01-01 00:00:00,7,a\n");  // same size, other bytes
    LogReader replaced(smallFormat(), p, issues);
    EXPECT_FALSE(replaced.resumeAfter(bytes, hash, line));
}

TEST(LogReader, RealDtuExport) {
    const std::string path =
        std::string(MAGTWIN_VALIDATION_DIR) + "/process_logs/dtu_nanolab_anait_0034_Ba-Zr_RecordingSet_2025.07.07.csv";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "validation data not found: " << path;
    LogFormat f;
    f.name = "eklipse";
    f.header.preambleLines = 3;
    f.timestampColumn = "Time Stamp";
    f.timestamp.pattern = "%b-%d-%Y %I:%M:%S.%f %p";
    f.timestamp.utcOffsetSeconds = 7200;
    f.numeric.push_back({"rf3.forward", "Power Supply 3 Fwd Power", 1.0, 0.0, "W"});
    f.text.push_back({"source3.target", "PC Source 3 Loaded Target"});
    LogIssues issues;
    LogReader reader(f, path, issues);
    EXPECT_EQ(reader.layout().headerLine, 4);
    EXPECT_EQ(reader.layout().columns.size(), 117u);  // PROVENANCE.md: 117 columns
    LogRowBatch b;
    std::int64_t rows = 0;
    double first = 0, last = 0, maxForward = 0;
    while (reader.next(b, 1000)) {
        if (rows == 0 && b.rows()) first = b.times.front();
        rows += static_cast<std::int64_t>(b.rows());
        if (b.rows()) last = b.times.back();
        for (std::size_t i = 0; i < b.rows(); ++i) maxForward = std::max(maxForward, b.value(i, 0));
        for (std::size_t i = 0; i < b.rows(); ++i) ASSERT_EQ(b.text(i, 0), "Zr_T_001");
    }
    EXPECT_EQ(rows, 5578);  // PROVENANCE.md: 5,578 rows
    EXPECT_TRUE(issues.listed().empty());
    EXPECT_NEAR(first, 1751895062.806, 1e-6);   // Jul-07-2025 03:31:02.806 PM +02:00
    EXPECT_NEAR(last - first, 5606.248, 1e-6);  // ... to 05:04:29.054 PM
    EXPECT_DOUBLE_EQ(maxForward, 80.0);
    EXPECT_EQ(reader.pendingBytes(), 0u);
}

TEST(LogReader, FailedOpenLeaksNoDescriptor) {
    // Found by the fuzzer: a log without its header leaked the descriptor.
    TempDir d("reader-fd");
    const auto p = writeFile(d.file("a.csv"), "no header here\n");
    auto openDescriptors = [] {
        std::size_t n = 0;
        for (const auto& e : std::filesystem::directory_iterator("/proc/self/fd")) (void)e, ++n;
        return n;
    };
    const std::size_t before = openDescriptors();
    for (int i = 0; i < 50; ++i) {
        LogIssues issues;
        EXPECT_THROW(LogReader(smallFormat(), p, issues), LogHeaderNotFound);
    }
    EXPECT_EQ(openDescriptors(), before);
}
