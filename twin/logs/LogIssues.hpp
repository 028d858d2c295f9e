// LogIssues: what was wrong with a log's rows, each with its line, and the policy applied.
// Kinds and policies (docs/twin-logs.md):
//   bom                  UTF-8 byte-order mark at the start: skipped, reported once.
//   header-moved         header row not after the configured preamble (e.g. re-saved by a
//                        spreadsheet): found by the timestamp column name, reported.
//   missing-columns,     row with fewer / more fields than the header: row rejected.
//   extra-columns
//   bad-timestamp        timestamp does not match the format: row rejected.
//   bad-number           a mapped numeric field is not a number: row rejected (empty = missing
//                        value, stored as NaN, not an issue).
//   duplicate-timestamp  same time as the last accepted row: rejected (the first one counts).
//   out-of-order         earlier than the last accepted row: rejected.
//   already-stored       inside the time span of another log file of the same tool in the
//                        store (e.g. a copy or re-save): rejected, so nothing counts twice.
//   repeated-header      the header row again inside the data: skipped.
//   gap                  interval > gap factor x running median of the last 15 intervals:
//                        row kept; no energy is integrated across it and an open step ends.
//   truncated-last-line  last line without a newline (may be half-written): not consumed;
//                        read on the next sync once complete.
// CRLF line ends are accepted silently. At most kListedPerKind issues of a kind are listed
// per file; the rest are counted in one summary issue.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace magtwin {

struct LogIssue {
    std::int64_t line = 0;  ///< 1-based line in the file (0: the whole file)
    std::string kind;
    std::string message;
};

class LogIssues {
public:
    static constexpr int kListedPerKind = 20;
    void add(std::int64_t line, const std::string& kind, const std::string& message);
    /// Listed issues plus one "N more" summary per capped kind, in line order.
    std::vector<LogIssue> listed() const;
    std::int64_t count(const std::string& kind) const;

private:
    std::vector<LogIssue> listed_;
    struct Tally {
        std::int64_t count = 0;
        std::int64_t firstUnlisted = 0, lastUnlisted = 0;
    };
    std::map<std::string, Tally> tally_;
};

}  // namespace magtwin
