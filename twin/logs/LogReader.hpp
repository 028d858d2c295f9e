// LogReader: streams a delimited tool log through a fixed-size buffer (memory does not grow
// with the file), finds the header, maps the LogFormat's columns to field indices and turns
// each complete line into one row of numbers (fast_float) and texts, applying the bad-row
// policy of LogIssues.hpp. Only complete, newline-terminated lines are ever consumed, so a
// half-written last line is read later, once. Rows come out in batches with the file offset
// and the prefix hash at the batch end, which is what a store commits with them.
#pragma once

#include "twin/logs/LogFormat.hpp"
#include "twin/logs/LogIssues.hpp"
#include "twin/logs/PrefixHash.hpp"
#include "twin/logs/TimestampParser.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace magtwin {

/// A mapped column the log does not have, a header that cannot be found: bad input (exit 2).
struct LogMappingError : std::invalid_argument {
    explicit LogMappingError(const std::string& what) : std::invalid_argument(what) {}
};
/// No header row (yet): an empty or just-rotated file, or not this tool's log.
struct LogHeaderNotFound : LogMappingError {
    explicit LogHeaderNotFound(const std::string& what) : LogMappingError(what) {}
};

struct LogLayout {
    std::int64_t headerLine = 0;  ///< 1-based
    std::vector<std::string> columns;
    int timestampIndex = -1;
    std::vector<int> numericIndex;       ///< per LogFormat::numeric
    std::vector<int> textIndex;          ///< per LogFormat::text
    std::vector<LogIssue> headerIssues;  ///< bom, header-moved (report on a file's first sync)
};

struct TimeSpan {
    double first = 0.0, last = 0.0;
};

/// What the row filter remembers between rows; persisted with the file state so a resumed
/// or grown file is judged exactly as in one uninterrupted pass.
struct RowFilterState {
    bool hasLast = false;
    double lastTime = 0.0;
    std::vector<double> recentIntervals;  ///< up to 15, oldest first
};

struct LogRowBatch {
    std::size_t numericCount = 0, textCount = 0;
    std::vector<std::int64_t> lines;
    std::vector<double> times;       ///< UTC seconds
    std::vector<double> values;      ///< rows x numericCount, SI, NaN = empty field
    std::vector<std::string> texts;  ///< rows x textCount
    std::vector<char> gapBefore;     ///< 1 when a gap precedes the row
    std::int64_t rowsRead = 0, rowsRejected = 0;
    std::uint64_t endOffset = 0;   ///< file offset after the last consumed line
    std::uint64_t prefixHash = 0;  ///< hash of bytes [0, endOffset)
    std::int64_t endLine = 0;      ///< last consumed line
    RowFilterState filterAfter;    ///< the row filter's state after this batch
    std::size_t rows() const { return times.size(); }
    double value(std::size_t row, int channel) const { return values[row * numericCount + channel]; }
    const std::string& text(std::size_t row, int channel) const { return texts[row * textCount + channel]; }
    void clear();
};

/// Up to `count` header names closest to `word` (edit distance, then order in the header).
std::vector<std::string> closestColumnNames(const std::string& word, const std::vector<std::string>& columns,
                                            std::size_t count = 3);

class LogReader {
public:
    /// Opens `path`, finds the header, resolves every mapped column; throws LogMappingError
    /// (naming the file, the missing columns and the closest header names) before any row.
    /// `bufferBytes`: initial read buffer (it grows for longer lines, up to 16 MiB).
    LogReader(const LogFormat& format, const std::string& path, LogIssues& issues, std::size_t bufferBytes = 1 << 20);
    LogReader(const LogReader&) = delete;
    LogReader& operator=(const LogReader&) = delete;

    const LogLayout& layout() const { return layout_; }
    /// Continues after a prefix consumed by an earlier sync: true when the file's first
    /// `bytes` still hash to `hash` (same file, maybe grown); false when it was replaced.
    bool resumeAfter(std::uint64_t bytes, std::uint64_t hash, std::int64_t lastLine);
    void setFilterState(RowFilterState s) { filter_ = std::move(s); }
    const RowFilterState& filterState() const { return filter_; }
    /// Time spans of the tool's other log files: rows inside them are "already-stored".
    void setOtherSpans(std::vector<TimeSpan> spans) { otherSpans_ = std::move(spans); }

    /// Reads complete lines until `maxRows` data rows were read (accepted or rejected) or no
    /// complete line is left; false when the batch is empty and nothing was consumed. Call
    /// again later to pick up what a growing file appended.
    bool next(LogRowBatch& batch, std::size_t maxRows);
    /// Bytes after the last complete line (a half-written or unterminated last line).
    std::uint64_t pendingBytes() const { return end_ - pos_; }
    std::int64_t nextLine() const { return line_ + 1; }
    /// Reports a pending unterminated last line as "truncated-last-line" (once per call).
    void reportPendingLine();
    std::uint64_t consumedBytes() const { return offset_; }

private:
    bool readLine(std::string_view& line);  ///< next complete line (no \n, \r), or false
    bool fill();                            ///< reads more bytes; false at end of file
    void locateHeader();
    void resolveColumns();
    void splitFields(std::string_view line);
    void parseRow(std::string_view line, LogRowBatch& batch);
    bool acceptTime(double t, bool& gap);

    const LogFormat format_;  // a copy: callers may pass a temporary
    std::string path_;
    LogIssues& issues_;
    TimestampParser timestamps_;
    /// Closes on destruction, also when the constructor throws (found by the fuzzer: a log
    /// without its header leaked one descriptor per attempt).
    struct FileDescriptor {
        int fd = -1;
        ~FileDescriptor();
    } file_;
    std::vector<char> buffer_;
    std::size_t pos_ = 0, end_ = 0;  ///< unconsumed bytes in buffer_
    std::uint64_t offset_ = 0;       ///< file offset of buffer_[pos_]
    std::int64_t line_ = 0;          ///< last consumed line number
    PrefixHash hash_;
    LogLayout layout_;
    std::vector<std::string_view> fields_;
    std::string unquoted_;
    RowFilterState filter_;
    std::vector<TimeSpan> otherSpans_;
};

}  // namespace magtwin
