#include "twin/logs/LogReader.hpp"

#include "twin/logs/EditDistance.hpp"
#include "twin/logs/LoggingGaps.hpp"

#include <fast_float/fast_float.h>

#include <fcntl.h>
#include <unistd.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>
#include <tuple>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace magtwin {

namespace {

constexpr std::size_t kHashChunkBytes = 1 << 20;
constexpr std::size_t kMaxLineBytes = 16 << 20;  // a longer "line" is not a log

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool parseNumber(std::string_view s, double& out) {
    s = trim(s);
    if (s.empty()) {
        out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    const auto r = fast_float::from_chars(s.data(), s.data() + s.size(), out);
    if (r.ec == std::errc() && r.ptr == s.data() + s.size()) return true;
    if (s == "True" || s == "TRUE" || s == "true") return out = 1.0, true;
    if (s == "False" || s == "FALSE" || s == "false") return out = 0.0, true;
    return false;
}

std::string quoted(std::string_view s) {
    std::string v(s.substr(0, 40));
    return "'" + v + (s.size() > 40 ? "...'" : "'");
}

}  // namespace

void LogRowBatch::clear() {
    lines.clear();
    times.clear();
    values.clear();
    texts.clear();
    gapBefore.clear();
    rowsRead = rowsRejected = 0;
}

std::vector<std::string> closestColumnNames(const std::string& word, const std::vector<std::string>& columns,
                                            std::size_t count) {
    // Rank: names that contain the word or are contained in it (case-insensitive) first,
    // then by edit distance, then header order.
    auto lower = [](std::string s) {
        for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return s;
    };
    const std::string w = lower(word);
    std::vector<std::tuple<int, std::size_t, std::size_t>> ranked;  // (not nested, distance, index)
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const std::string c = lower(columns[i]);
        const bool nested = !c.empty() && (c.find(w) != std::string::npos || w.find(c) != std::string::npos);
        // Header names are short; a pathological 1 MB "name" is compared by its first 200 bytes.
        ranked.emplace_back(nested ? 0 : 1, editDistance(word.substr(0, 200), columns[i].substr(0, 200)), i);
    }
    std::stable_sort(ranked.begin(), ranked.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ranked.size() && out.size() < count; ++i)
        out.push_back(columns[std::get<2>(ranked[i])]);
    return out;
}

LogReader::LogReader(const LogFormat& format, const std::string& path, LogIssues& issues, std::size_t bufferBytes)
    : format_(format),
      path_(path),
      issues_(issues),
      timestamps_(format.timestamp),
      buffer_(std::max<std::size_t>(bufferBytes, 16)) {
    file_.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (file_.fd < 0) throw LogMappingError(path + ": cannot open log: " + std::strerror(errno));
    locateHeader();
    resolveColumns();
}

LogReader::FileDescriptor::~FileDescriptor() {
    if (fd >= 0) ::close(fd);
}

bool LogReader::fill() {
    if (pos_ > 0) {
        std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
        end_ -= pos_;
        pos_ = 0;
    }
    if (end_ == buffer_.size()) {
        if (buffer_.size() >= kMaxLineBytes)
            throw LogMappingError(path_ + ":" + std::to_string(line_ + 1) + ": line longer than 16 MiB");
        buffer_.resize(buffer_.size() * 2);
    }
    for (;;) {
        const ssize_t n = ::read(file_.fd, buffer_.data() + end_, buffer_.size() - end_);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw std::runtime_error(path_ + ": read failed: " + std::strerror(errno));
        end_ += static_cast<std::size_t>(n);
        return n > 0;
    }
}

bool LogReader::readLine(std::string_view& line) {
    for (;;) {
        const char* start = buffer_.data() + pos_;
        if (const void* nl = std::memchr(start, '\n', end_ - pos_)) {
            const std::size_t len = static_cast<const char*>(nl) - start;
            hash_.update(start, len + 1);
            line = std::string_view(start, len);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            pos_ += len + 1;
            offset_ += len + 1;
            ++line_;
            return true;
        }
        if (!fill()) return false;
    }
}

void LogReader::locateHeader() {
    const HeaderLocation& h = format_.header;
    const std::string& wanted = h.findColumn.empty() ? format_.timestampColumn : h.findColumn;
    std::string_view line;
    const int limit = std::max(h.searchLines, h.preambleLines + 1);
    for (int n = 0; n < limit && readLine(line); ++n) {
        if (line_ == 1 && line.size() >= 3 && std::memcmp(line.data(), "\xEF\xBB\xBF", 3) == 0) {
            line.remove_prefix(3);
            layout_.headerIssues.push_back({1, "bom", "UTF-8 byte-order mark at the start of the file (skipped)"});
        }
        splitFields(line);
        const bool has =
            std::any_of(fields_.begin(), fields_.end(), [&](std::string_view f) { return trim(f) == wanted; });
        if (!has) continue;
        layout_.headerLine = line_;
        for (auto f : fields_) layout_.columns.emplace_back(trim(f));
        if (h.preambleLines >= 0 && line_ != h.preambleLines + 1)
            layout_.headerIssues.push_back({line_, "header-moved",
                                            "header row found on line " + std::to_string(line_) + ", not after " +
                                                std::to_string(h.preambleLines) + " preamble lines (file re-saved?)"});
        return;
    }
    throw LogHeaderNotFound(path_ + ": no header row with a column '" + wanted + "' in the first " +
                            std::to_string(limit) + " lines");
}

void LogReader::resolveColumns() {
    auto indexOf = [&](const std::string& name) {
        const auto it = std::find(layout_.columns.begin(), layout_.columns.end(), name);
        return it == layout_.columns.end() ? -1 : static_cast<int>(it - layout_.columns.begin());
    };
    std::string missing;
    auto resolve = [&](const std::string& key, const std::string& column) {
        const int i = indexOf(column);
        if (i < 0) {
            std::string near;
            for (const auto& c : closestColumnNames(column, layout_.columns))
                near += (near.empty() ? "'" : ", '") + c + "'";
            missing += "\n  " + key + ": column '" + column + "' is not in the header; closest: " + near;
        }
        return i;
    };
    layout_.timestampIndex = resolve("timestamp", format_.timestampColumn);
    for (const auto& c : format_.numeric) layout_.numericIndex.push_back(resolve(c.key, c.column));
    for (const auto& c : format_.text) layout_.textIndex.push_back(resolve(c.key, c.column));
    if (!missing.empty())
        throw LogMappingError(path_ + ":" + std::to_string(layout_.headerLine) + ": log format '" + format_.name +
                              "' maps columns the log does not have:" + missing);
}

bool LogReader::resumeAfter(std::uint64_t bytes, std::uint64_t hash, std::int64_t lastLine) {
    if (bytes < offset_) return false;  // ends inside the header: not what an earlier sync consumed
    PrefixHash h;
    std::vector<char> chunk(kHashChunkBytes);
    std::uint64_t done = 0;
    while (done < bytes) {
        const ssize_t n = ::pread(file_.fd, chunk.data(), std::min<std::uint64_t>(chunk.size(), bytes - done), done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;  // shorter than what was consumed: replaced
        h.update(chunk.data(), static_cast<std::size_t>(n));
        done += static_cast<std::uint64_t>(n);
    }
    if (h.digest() != hash) return false;
    if (::lseek(file_.fd, static_cast<off_t>(bytes), SEEK_SET) < 0) return false;
    hash_ = h;
    pos_ = end_ = 0;
    offset_ = bytes;
    line_ = lastLine;
    return true;
}

void LogReader::splitFields(std::string_view line) {
    fields_.clear();
    const char d = format_.delimiter;
    if (std::memchr(line.data(), '"', line.size()) == nullptr) {
        const char* s = line.data();
        const std::size_t n = line.size();
        std::size_t start = 0, i = 0;
#if defined(__SSE2__)
        // 16 bytes at a time: a bit mask of the delimiters, then one field per set bit.
        const __m128i delim = _mm_set1_epi8(d);
        for (; i + 16 <= n; i += 16) {
            unsigned mask = static_cast<unsigned>(
                _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i)), delim)));
            while (mask) {
                const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(mask));
                fields_.emplace_back(s + start, at - start);
                start = at + 1;
                mask &= mask - 1;
            }
        }
#endif
        for (; i < n; ++i)
            if (s[i] == d) {
                fields_.emplace_back(s + start, i - start);
                start = i + 1;
            }
        fields_.emplace_back(s + start, n - start);
        return;
    }
    // Quoted fields ("a,b" and "" escapes), as spreadsheets write them: unquote into one
    // string, reserved up front so the views stay valid.
    unquoted_.clear();
    unquoted_.reserve(line.size());
    std::size_t i = 0;
    for (;;) {
        const std::size_t begin = unquoted_.size();
        if (i < line.size() && line[i] == '"') {
            ++i;
            while (i < line.size()) {
                if (line[i] == '"' && i + 1 < line.size() && line[i + 1] == '"')
                    unquoted_ += '"', i += 2;
                else if (line[i] == '"') {
                    ++i;
                    break;
                } else
                    unquoted_ += line[i++];
            }
            while (i < line.size() && line[i] != d) unquoted_ += line[i++];
        } else {
            while (i < line.size() && line[i] != d) unquoted_ += line[i++];
        }
        fields_.emplace_back(unquoted_.data() + begin, unquoted_.size() - begin);
        if (i >= line.size()) break;
        ++i;  // delimiter
    }
}

bool LogReader::acceptTime(double t, bool& gap) {
    gap = false;
    if (filter_.hasLast && t == filter_.lastTime) {
        issues_.add(line_, "duplicate-timestamp", "same time as the previous row (first one kept)");
        return false;
    }
    if (filter_.hasLast && t < filter_.lastTime) {
        issues_.add(line_, "out-of-order",
                    "time is " + std::to_string(filter_.lastTime - t) + " s before the previous row");
        return false;
    }
    for (const TimeSpan& s : otherSpans_)
        if (t >= s.first && t <= s.last) {
            issues_.add(line_, "already-stored", "time lies inside another log file of this tool in the store");
            return false;
        }
    if (filter_.hasLast) {
        const double dt = t - filter_.lastTime;
        gap = isLoggingGap(filter_.recentIntervals, dt, format_.thresholds.gapFactor);
        if (gap) {
            auto w = filter_.recentIntervals;
            std::nth_element(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(w.size() / 2), w.end());
            issues_.add(line_, "gap",
                        std::to_string(dt) + " s since the previous row (median interval " +
                            std::to_string(w[w.size() / 2]) + " s)");
        }
    }
    filter_.hasLast = true;
    filter_.lastTime = t;
    return true;
}

void LogReader::parseRow(std::string_view line, LogRowBatch& batch) {
    ++batch.rowsRead;
    splitFields(line);
    const std::size_t expected = layout_.columns.size();
    auto reject = [&](const char* kind, const std::string& message) {
        issues_.add(line_, kind, message);
        ++batch.rowsRejected;
    };
    if (fields_.size() != expected) {
        if (fields_.size() > static_cast<std::size_t>(layout_.timestampIndex) &&
            trim(fields_[layout_.timestampIndex]) == format_.timestampColumn) {
            --batch.rowsRead;  // not a data row
            issues_.add(line_, "repeated-header", "header row repeated inside the data (skipped)");
            return;
        }
        return reject(fields_.size() < expected ? "missing-columns" : "extra-columns",
                      std::to_string(fields_.size()) + " fields, the header has " + std::to_string(expected));
    }
    const std::string_view stamp = fields_[layout_.timestampIndex];
    const auto t = timestamps_.parse(stamp);
    if (!t) {
        if (trim(stamp) == format_.timestampColumn) {
            --batch.rowsRead;
            issues_.add(line_, "repeated-header", "header row repeated inside the data (skipped)");
            return;
        }
        return reject("bad-timestamp", "timestamp " + quoted(stamp) + " does not match the format");
    }
    const std::size_t base = batch.values.size();
    batch.values.resize(base + format_.numeric.size());
    for (std::size_t c = 0; c < format_.numeric.size(); ++c) {
        double v;
        const std::string_view f = fields_[layout_.numericIndex[c]];
        if (!parseNumber(f, v)) {
            batch.values.resize(base);
            return reject("bad-number",
                          "column '" + format_.numeric[c].column + "': " + quoted(f) + " is not a number");
        }
        batch.values[base + c] = format_.numeric[c].scale * v + format_.numeric[c].offset;
    }
    bool gap = false;
    if (!acceptTime(*t, gap)) {
        batch.values.resize(base);
        ++batch.rowsRejected;
        return;
    }
    for (std::size_t c = 0; c < format_.text.size(); ++c) batch.texts.emplace_back(trim(fields_[layout_.textIndex[c]]));
    batch.lines.push_back(line_);
    batch.times.push_back(*t);
    batch.gapBefore.push_back(gap ? 1 : 0);
}

bool LogReader::next(LogRowBatch& batch, std::size_t maxRows) {
    batch.clear();
    batch.numericCount = format_.numeric.size();
    batch.textCount = format_.text.size();
    const std::uint64_t startOffset = offset_;
    std::string_view line;
    while (static_cast<std::size_t>(batch.rowsRead) < maxRows && readLine(line)) {
        if (trim(line).empty()) continue;  // blank lines are not rows
        parseRow(line, batch);
    }
    batch.endOffset = offset_;
    batch.prefixHash = hash_.digest();
    batch.endLine = line_;
    batch.filterAfter = filter_;
    return offset_ != startOffset;
}

void LogReader::reportPendingLine() {
    if (pendingBytes() > 0)
        issues_.add(
            line_ + 1, "truncated-last-line",
            "last line has no newline (" + std::to_string(pendingBytes()) + " bytes); not read until it is complete");
}

}  // namespace magtwin
