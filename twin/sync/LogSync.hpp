// LogSync: brings a tool's store in step with its log files. A FileSync consumes one file
// from where the store says an earlier sync stopped (verified by the prefix hash; a file
// replaced under the same name becomes a new file record), reads complete lines in batches
// and commits each batch (samples, text changes, steps, targets and the file's consumed
// state) in one store transaction. Kill it at any moment: the store holds the last commit
// and the next sync continues from there, ending with exactly the content of one
// uninterrupted sync.
#pragma once

#include "twin/logs/LogFormat.hpp"
#include "twin/logs/LogIssues.hpp"
#include "twin/logs/LogReader.hpp"
#include "twin/replay/StepDetector.hpp"
#include "twin/store/TwinStore.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace magtwin {

struct FileSyncReport {
    std::string path;
    std::int64_t rowsRead = 0, rowsAdded = 0, rowsRejected = 0;
    std::vector<LogIssue> issues;
};

class FileSync {
public:
    /// Opens `path` (throws LogMappingError before anything is written when a mapped column is
    /// missing) and positions it after what the store already holds.
    FileSync(TwinStore& store, std::int64_t toolId, const LogFormat& format, const std::string& path);
    /// `format` is kept by reference: a temporary would dangle (found twice by ASan).
    FileSync(TwinStore& store, std::int64_t toolId, LogFormat&& format, const std::string& path) = delete;
    ~FileSync();
    /// Reads and commits complete lines in batches of `batchRows` rows until no complete
    /// line is left; returns the rows read. Reading and parsing run on a second thread, one
    /// batch ahead of the detector and the store (commits stay in file order).
    std::int64_t pump();
    /// The report so far (issues listed once, counts since this FileSync was opened).
    FileSyncReport report() const;
    /// Adds "truncated-last-line" when the file ends with an unterminated line.
    void reportPendingLine() { reader_->reportPendingLine(); }
    std::uint64_t consumedBytes() const { return state_.bytesConsumed; }
    std::size_t batchRows = 16384;
    /// Called after each commit with the bytes consumed so far (progress display).
    std::function<void(std::uint64_t)> onCommit;

private:
    void commitBatch(const LogRowBatch& batch);
    TwinStore& store_;
    std::int64_t toolId_;
    const LogFormat& format_;
    std::string path_;
    LogIssues issues_;          ///< the reader's (the parsing thread's)
    LogIssues detectorIssues_;  ///< the step detector's
    std::unique_ptr<LogReader> reader_;
    std::unique_ptr<StepDetector> detector_;
    LogFileState state_;
    std::vector<std::string> lastTexts_;
    bool hasTexts_ = false;
    FileSyncReport counts_;
};

/// The path a log is known by in the store: absolute, symlinks resolved.
std::string storePathOf(const std::string& path);

}  // namespace magtwin
